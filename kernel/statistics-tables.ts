import { badInput } from './errors.js';
import type { StatRow, StatisticsScope } from './statistics.js';

// Cross tables (issue 17): an indicator counted over several dimensions at once (e.g. AGENCY × DECISION_TYPE,
// MONTH × CATEGORY), each row with its values, their Chinese labels, a count and an exact amount. MONTH is
// zero-filled over the period for every combination of the other dimensions seen (and alone when nothing was).
// Pure: the SQL (one GROUP BY per table) lives with each subgraph.

export const DIMENSIONS = ['AGENCY', 'MONTH', 'CATEGORY', 'OUTCOME', 'PROCEDURE', 'DECISION_TYPE', 'RELIEF_KIND', 'RELIEF_OUTCOME'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const LABELS: Record<string, string> = {
  // case types (执法类别)
  PENALTY: '行政处罚',
  LICENSING: '行政许可',
  COERCION: '行政强制',
  INSPECTION: '行政检查',
  OTHER: '其他',
  // procedures
  SIMPLE: '简易程序',
  GENERAL: '普通程序',
  // outcomes of a decision
  NO_PENALTY_MINOR: '轻微不予处罚',
  NO_PENALTY_UNFOUNDED: '违法事实不成立不予处罚',
  CRIMINAL_REFERRAL: '移送司法机关',
  LICENCE_GRANTED: '准予许可',
  LICENCE_REFUSED: '不予许可',
  SEAL_UP: '查封场所、设施或者财物',
  IMPOUND: '扣押财物',
  // penalty types (行政处罚法第九条)
  WARNING: '警告',
  CIRCULATED_CRITICISM: '通报批评',
  FINE: '罚款',
  CONFISCATE_ILLEGAL_GAINS: '没收违法所得',
  CONFISCATE_ILLEGAL_PROPERTY: '没收非法财物',
  SUSPEND_LICENCE: '暂扣许可证件',
  LOWER_QUALIFICATION: '降低资质等级',
  REVOKE_LICENCE: '吊销许可证件',
  RESTRICT_BUSINESS: '限制开展生产经营活动',
  ORDER_STOP_BUSINESS: '责令停产停业',
  ORDER_CLOSURE: '责令关闭',
  RESTRICT_PRACTICE: '限制从业',
  DETENTION: '行政拘留（移送公安机关）',
  // relief
  ADMINISTRATIVE_RECONSIDERATION: '行政复议',
  ADMINISTRATIVE_LITIGATION: '行政诉讼',
  UPHELD: '维持',
  CHANGED: '变更',
  REVOKED: '撤销',
  CONFIRMED_ILLEGAL: '确认违法',
  SETTLED: '调解、和解',
  WITHDRAWN: '撤回、终止',
  PENDING: '未结',
  UNKNOWN: '未知',
};

/** The Chinese label of a dimension value (agencies are resolved by name through the Agency entity). */
export function labelOf(dimension: Dimension, value: string): string {
  if (dimension === 'MONTH') return `${value.slice(0, 4)}年${Number(value.slice(5, 7))}月`;
  if (dimension === 'AGENCY') return value;
  if (dimension === 'OUTCOME' && value === 'PENALTY') return '给予行政处罚';
  return LABELS[value] ?? value;
}

export interface TableRow {
  values: string[];
  labels: string[];
  /** The agency id when AGENCY is a dimension (resolved to its name by the gateway through `Agency`). */
  agencyId: string | null;
  count: number;
  amount: string | null;
}
export interface StatisticsTable {
  dimensions: Dimension[];
  total: number;
  amount: string | null;
  rows: TableRow[];
}

/** Validate the dimensions asked for one table: known, allowed there, no repeats, at most three. */
export function dimensionsOf(by: readonly string[] | null | undefined, allowed: readonly Dimension[], field: string): Dimension[] {
  const dims = [...(by ?? [])];
  if (dims.length > 3) throw badInput(field, '最多按三个维度交叉统计');
  if (new Set(dims).size !== dims.length) throw badInput(field, '维度不得重复');
  for (const d of dims) if (!(allowed as readonly string[]).includes(d)) throw badInput(field, `该指标只能按 ${allowed.join('、')} 统计`);
  return dims as Dimension[];
}

/** The months (YYYY-MM) of a period, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

function toCents(v: unknown): bigint {
  if (v === null || v === undefined || v === '') return 0n;
  const s = String(v).trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a decimal amount: ${s}`);
  const c = BigInt(m[2]!) * 100n + BigInt(((m[3] ?? '') + '00').slice(0, 2));
  return m[1] ? -c : c;
}
const yuan = (c: bigint): string => {
  const a = c < 0n ? -c : c;
  return `${c < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

/**
 * Rows of `SELECT d0, d1, … , COUNT(…) n [, SUM(…) amount] … GROUP BY d0, d1, …` into a table: sorted by the
 * values, MONTH zero-filled over the scope's period. `withAmount`: the table carries amounts (else null).
 */
export function statisticsTable(
  rows: readonly StatRow[],
  dims: Dimension[],
  scope: Pick<StatisticsScope, 'from' | 'to'>,
  withAmount: boolean,
): StatisticsTable {
  const map = new Map<string, { values: string[]; count: number; cents: bigint }>();
  for (const r of rows) {
    const values = dims.map((_, i) => String(r[`d${i}`] ?? 'UNKNOWN'));
    const k = JSON.stringify(values);
    const prev = map.get(k);
    const count = Number(r.n ?? 0);
    const cents = withAmount ? toCents(r.amount) : 0n;
    if (prev) {
      prev.count += count;
      prev.cents += cents;
    } else map.set(k, { values, count, cents });
  }
  const mi = dims.indexOf('MONTH');
  if (mi >= 0) {
    const others = new Map<string, string[]>();
    for (const e of map.values()) others.set(JSON.stringify(e.values.filter((_, i) => i !== mi)), e.values);
    if (!others.size)
      others.set(
        '[]',
        dims.map(() => ''),
      );
    for (const base of others.values())
      for (const month of monthsOf(scope.from, scope.to)) {
        const values = base.map((v, i) => (i === mi ? month : v));
        const k = JSON.stringify(values);
        if (!map.has(k)) map.set(k, { values, count: 0, cents: 0n });
      }
  }
  const ai = dims.indexOf('AGENCY');
  const list = [...map.values()].sort((a, b) => {
    for (let i = 0; i < dims.length; i++) {
      const c = a.values[i]!.localeCompare(b.values[i]!);
      if (c) return c;
    }
    return 0;
  });
  const total = list.reduce((s, e) => s + e.count, 0);
  const cents = list.reduce((s, e) => s + e.cents, 0n);
  return {
    dimensions: dims,
    total,
    amount: withAmount ? yuan(cents) : null,
    rows: list.map((e) => ({
      values: e.values,
      labels: e.values.map((v, i) => labelOf(dims[i]!, v)),
      agencyId: ai >= 0 ? e.values[ai]! : null,
      count: e.count,
      amount: withAmount ? yuan(e.cents) : null,
    })),
  };
}
export type StatisticsTableModel = StatisticsTable;
