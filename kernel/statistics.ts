import { badInput, forbidden } from './errors.js';
import type { Caller } from './identity.js';

// The federated `Statistics` entity (issue 7): its key encodes the filter, every subgraph decodes it,
// re-checks access (anyone reaching a subgraph can send any key to `_entities`) and computes its own
// indicators from its own tables with one GROUP BY per indicator. Pure helpers only: no database here.

export const GROUP_BYS = ['MONTH', 'CATEGORY', 'AGENCY'] as const;
export type StatisticsGroupBy = (typeof GROUP_BYS)[number];

/** What a `Statistics` key stands for: the caller-independent filter, already validated. */
export interface StatisticsScope {
  key: string;
  agencyId: string | null;
  from: string;
  to: string;
  groupBy: StatisticsGroupBy | null;
}

/** Longest period one request may aggregate (five years): bounds the work of one query. */
export const MAX_PERIOD_DAYS = 5 * 366;

/** Roles that see every agency's aggregates; agency staff see their own agency's; everyone else is refused. */
const ALL_AGENCIES: Caller['role'][] = ['ANALYST', 'SUPERVISOR', 'ADMIN', 'SERVICE'];
const AGENCY_STAFF: Caller['role'][] = ['OFFICER', 'REVIEWER', 'PRINCIPAL'];
/** Who may download the (masked) rows behind an indicator. */
export const EXPORT_ROLES: Caller['role'][] = ['ANALYST', 'SUPERVISOR', 'ADMIN'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const dayNumber = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;

export function encodeStatisticsKey(s: Omit<StatisticsScope, 'key'>): string {
  return `st1.${Buffer.from(JSON.stringify([s.agencyId, s.from, s.to, s.groupBy]), 'utf8').toString('base64url')}`;
}

/** Validate a filter (dates, period length, grouping) into a scope with its key. */
export function scopeOf(filter: { agencyId?: string | null; from: string; to: string; groupBy?: string | null }): StatisticsScope {
  if (!isRealDate(filter.from)) throw badInput('filter.from', '须为有效日期（YYYY-MM-DD）');
  if (!isRealDate(filter.to)) throw badInput('filter.to', '须为有效日期（YYYY-MM-DD）');
  if (filter.to < filter.from) throw badInput('filter.to', '统计截止日期不得早于起始日期');
  if (dayNumber(filter.to) - dayNumber(filter.from) + 1 > MAX_PERIOD_DAYS) throw badInput('filter.to', `统计期间不得超过 ${MAX_PERIOD_DAYS} 天`);
  const groupBy = filter.groupBy ?? null;
  if (groupBy !== null && !(GROUP_BYS as readonly string[]).includes(groupBy)) throw badInput('filter.groupBy', '只能按 MONTH、CATEGORY 或 AGENCY 分组');
  const agencyId = filter.agencyId?.trim() || null;
  if (agencyId !== null && !/^[0-9A-Za-z]{1,26}$/.test(agencyId)) throw badInput('filter.agencyId', '执法主体 ID 格式不正确');
  const base = { agencyId, from: filter.from, to: filter.to, groupBy: groupBy as StatisticsGroupBy | null };
  return { ...base, key: encodeStatisticsKey(base) };
}

/** Decode an opaque key (from `_entities` or an export URL); anything malformed is BAD_USER_INPUT. */
export function decodeStatisticsKey(key: string): StatisticsScope {
  const bad = () => badInput('key', '统计键无效');
  if (typeof key !== 'string' || !key.startsWith('st1.') || key.length > 400) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(key.slice(4), 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw bad();
  const [agencyId, from, to, groupBy] = parsed as unknown[];
  if ((agencyId !== null && typeof agencyId !== 'string') || typeof from !== 'string' || typeof to !== 'string') throw bad();
  if (groupBy !== null && typeof groupBy !== 'string') throw bad();
  const scope = scopeOf({ agencyId: agencyId as string | null, from, to, groupBy: groupBy as string | null });
  if (scope.key !== key) throw bad();
  return scope;
}

/**
 * Access (issue 7): ANALYST, SUPERVISOR, ADMIN (and SERVICE) see aggregates of any or all agencies; agency
 * staff only their own agency's (a missing agencyId becomes theirs); PUBLIC and PARTNER are refused.
 */
export function authorizeScope(caller: Caller, scope: StatisticsScope): StatisticsScope {
  if (ALL_AGENCIES.includes(caller.role)) return scope;
  if (AGENCY_STAFF.includes(caller.role) && caller.agencyId) {
    if (scope.agencyId === null) {
      const own = { agencyId: caller.agencyId, from: scope.from, to: scope.to, groupBy: scope.groupBy };
      return { ...own, key: encodeStatisticsKey(own) };
    }
    if (scope.agencyId === caller.agencyId) return scope;
    throw forbidden('只能查看本机关的统计指标');
  }
  throw forbidden('统计指标仅限分析人员、执法监督人员、管理员和执法机关工作人员查看');
}

/** A key handed to another subgraph must already name the caller's agency when the caller is agency staff. */
export function authorizeKey(caller: Caller, key: string): StatisticsScope {
  const scope = decodeStatisticsKey(key);
  const allowed = authorizeScope(caller, scope);
  if (allowed.key !== scope.key) throw forbidden('只能查看本机关的统计指标');
  return scope;
}

// ---------- indicator values

export interface CountCell {
  group: string;
  key: string;
  count: number;
}
export interface CountIndicator {
  total: number;
  cells: CountCell[];
}
export interface RateGroup {
  group: string;
  numerator: number;
  denominator: number;
  /** In scope but not yet decidable (e.g. not yet due): reported, never counted in the rate. */
  excluded: number;
  rate: number | null;
}
export interface RateIndicator extends Omit<RateGroup, 'group'> {
  groups: RateGroup[];
}
export interface DurationGroup {
  group: string;
  count: number;
  totalDays: number;
  average: number | null;
  max: number | null;
}
export interface DurationIndicator extends Omit<DurationGroup, 'group'> {
  groups: DurationGroup[];
}

/** A row of an aggregate statement, as the driver returns it (numbers may come as strings). */
export type StatRow = Readonly<Record<string, unknown>>;

/** The label of the whole period when no grouping was asked for. */
export const ALL_GROUP = 'ALL';

/** numerator / denominator rounded to 4 decimals; null when there is nothing to divide by. */
export const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;

const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
};
const byGroup = <T extends { group: string }>(a: T, b: T) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);

/** Rows of `SELECT grp, k, COUNT(*) n … GROUP BY grp, k` into cells and their total. */
export function countIndicator(rows: readonly StatRow[]): CountIndicator {
  const cells = rows
    .map((r) => ({ group: String(r.grp ?? ALL_GROUP), key: String(r.k ?? 'UNKNOWN'), count: num(r.n) }))
    .sort((a, b) => byGroup(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { total: cells.reduce((s, c) => s + c.count, 0), cells };
}

/** Rows of `SELECT grp, SUM(hit) num, SUM(in_rate) den, SUM(pending) excl … GROUP BY grp`. */
export function rateIndicator(rows: readonly StatRow[]): RateIndicator {
  const groups = rows
    .map((r) => {
      const numerator = num(r.num);
      const denominator = num(r.den);
      return { group: String(r.grp ?? ALL_GROUP), numerator, denominator, excluded: num(r.excl), rate: rate(numerator, denominator) };
    })
    .sort(byGroup);
  const numerator = groups.reduce((s, g) => s + g.numerator, 0);
  const denominator = groups.reduce((s, g) => s + g.denominator, 0);
  const excluded = groups.reduce((s, g) => s + g.excluded, 0);
  return { numerator, denominator, excluded, rate: rate(numerator, denominator), groups };
}

const average = (total: number, count: number) => (count > 0 ? Math.round((total / count) * 100) / 100 : null);

/** Rows of `SELECT grp, COUNT(*) n, SUM(days) total, MAX(days) mx … GROUP BY grp`. */
export function durationIndicator(rows: readonly StatRow[]): DurationIndicator {
  const groups = rows
    .filter((r) => num(r.n) > 0)
    .map((r) => {
      const count = num(r.n);
      const totalDays = num(r.total);
      return { group: String(r.grp ?? ALL_GROUP), count, totalDays, average: average(totalDays, count), max: r.mx == null ? null : num(r.mx) };
    })
    .sort(byGroup);
  return mergeDurations(groups);
}

/** Totals of duration groups (the whole period is the sum of its groups; max is the max of maxima). */
export function mergeDurations(groups: DurationGroup[]): DurationIndicator {
  const count = groups.reduce((s, g) => s + g.count, 0);
  const totalDays = groups.reduce((s, g) => s + g.totalDays, 0);
  const maxima = groups.map((g) => g.max).filter((m): m is number => m !== null);
  return { count, totalDays, average: average(totalDays, count), max: maxima.length ? Math.max(...maxima) : null, groups };
}

/**
 * Working-day durations from `(start date, end date, count)` aggregates: the database groups by the pair
 * of dates (bounded by the calendar, not by the number of rows); the calendar (data, R-§5) counts each pair once.
 */
export function workingDayDurations(rows: readonly StatRow[], workingDaysBetween: (from: string, to: string) => number): DurationIndicator {
  const acc = new Map<string, DurationGroup>();
  const memo = new Map<string, number>();
  for (const r of rows) {
    const start = String(r.start);
    const end = String(r.end);
    const n = num(r.n);
    if (!n) continue;
    const pair = `${start}|${end}`;
    let days = memo.get(pair);
    if (days === undefined) {
      days = end <= start ? 0 : workingDaysBetween(start, end);
      memo.set(pair, days);
    }
    const group = String(r.grp ?? ALL_GROUP);
    const g = acc.get(group) ?? { group, count: 0, totalDays: 0, average: null, max: null };
    g.count += n;
    g.totalDays += days * n;
    g.max = g.max === null ? days : Math.max(g.max, days);
    acc.set(group, g);
  }
  const groups = [...acc.values()].map((g) => ({ ...g, average: average(g.totalDays, g.count) })).sort(byGroup);
  return mergeDurations(groups);
}

/** Start of the Shanghai day `date` as a UTC instant (for DATETIME(3) UTC columns). */
export const shanghaiDayStartUtc = (date: string): Date => new Date(Date.parse(`${date}T00:00:00+08:00`));
/** Start of the Shanghai day after `date` as a UTC instant (exclusive upper bound). */
export const shanghaiDayEndUtc = (date: string): Date => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000);

// ---------- CSV (streamed by the owning subgraph, one row at a time)

/** One RFC 4180 line: every cell quoted; formulas defused (a cell starting with = + - @ gets a leading '). */
export function csvLine(cells: readonly unknown[]): string {
  return (
    cells
      .map((v) => {
        let s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
        if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
        return `"${s.replace(/"/g, '""')}"`;
      })
      .join(',') + '\r\n'
  );
}
