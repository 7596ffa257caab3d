import { createHash } from 'node:crypto';
import { z } from 'zod';
import { validateUscc } from '../../../kernel/identifiers.js';
import { FOLLOW_UP_ACTIONS, isResultCode, METHODS, SUB_CODES, TASK_STATUSES } from './codes.js';

// Payload validation of the platform's records. A record either passes whole or is quarantined with the
// reason (Chinese, shown to operators); nothing is imported half-way.

const zh = z.locales.zhCN();

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isRealDate = (s: string) => {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
};

const platformId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '平台编号只能包含字母、数字、连字符和下划线，最长64位');
const localDate = z.string().refine(isRealDate, '不是有效日期（YYYY-MM-DD）');
const timestamp = z.iso.datetime({ offset: true, error: '不是有效的 ISO 8601 时间' });
const name = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过${max}个字符`);
const uscc = z.string().transform((raw, ctx) => {
  const r = validateUscc(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.reason });
    return z.NEVER;
  }
  return r.value;
});
const org = z.object({ uscc, name: name(200) });

export const planSchema = z.object({
  id: platformId,
  name: name(300),
  year: z.number().int().min(2000).max(2100),
  agency: org,
  itemCodes: z.array(name(64)).min(1, '至少包含一个抽查事项'),
  periodStart: localDate,
  periodEnd: localDate,
  updatedAt: timestamp,
});

export const taskSchema = z
  .object({
    id: platformId,
    planId: platformId,
    itemCode: name(64),
    name: name(300),
    status: z.enum(TASK_STATUSES),
    agency: org,
    // The draw must be reproducible and auditable (DOMAIN.md §8): no seed or candidate counts, no import.
    draw: z.object({
      seed: z.string().min(8, '随机种子不能少于8个字符').max(128),
      drawnAt: timestamp,
      objectCandidates: z.number().int().min(1),
      inspectorCandidates: z.number().int().min(1),
    }),
    objects: z.array(org).min(1, '至少抽取一个检查对象'),
    inspectors: z.array(z.object({ credentialNumber: name(32), name: name(100) })).min(2, '检查人员不少于两名'),
    checkStartOn: localDate.nullable(),
    checkEndOn: localDate.nullable(),
    updatedAt: timestamp,
  })
  .superRefine((t, ctx) => {
    if (t.objects.length > t.draw.objectCandidates) ctx.addIssue({ code: 'custom', path: ['draw', 'objectCandidates'], message: '抽取对象数多于候选对象数' });
    if (t.inspectors.length > t.draw.inspectorCandidates) {
      ctx.addIssue({ code: 'custom', path: ['draw', 'inspectorCandidates'], message: '抽取人员数多于候选人员数' });
    }
    if (new Set(t.objects.map((o) => o.uscc)).size !== t.objects.length) ctx.addIssue({ code: 'custom', path: ['objects'], message: '检查对象重复' });
    if (new Set(t.inspectors.map((i) => i.credentialNumber)).size !== t.inspectors.length) {
      ctx.addIssue({ code: 'custom', path: ['inspectors'], message: '检查人员重复' });
    }
    if (t.status === 'COMPLETED' && !t.checkEndOn) ctx.addIssue({ code: 'custom', path: ['checkEndOn'], message: '检查结束的任务须有结束日期' });
    if (t.checkStartOn && t.checkEndOn && t.checkEndOn < t.checkStartOn)
      ctx.addIssue({ code: 'custom', path: ['checkEndOn'], message: '结束日期早于开始日期' });
  });

export const resultSchema = z
  .object({
    id: platformId,
    taskId: platformId,
    itemCode: name(64),
    enterprise: org,
    agency: org,
    resultCode: z.string().refine(isResultCode, '未知的结果代码'),
    subCode: z
      .string()
      .refine((s) => Object.hasOwn(SUB_CODES, s), '未知的结果子代码')
      .nullable(),
    methods: z
      .array(z.enum(Object.keys(METHODS) as [keyof typeof METHODS, ...(keyof typeof METHODS)[]]))
      .min(1, '至少一种检查方式')
      .refine((m) => new Set(m).size === m.length, '检查方式重复'),
    findings: z.string().max(5000).nullable(),
    followUp: z.object({ action: z.enum(FOLLOW_UP_ACTIONS), note: z.string().max(2000).nullable() }),
    completedOn: localDate,
    publishedOn: localDate.nullable(),
    updatedAt: timestamp,
  })
  .superRefine((r, ctx) => {
    if (r.subCode && r.resultCode !== 'A') ctx.addIssue({ code: 'custom', path: ['subCode'], message: '子代码只用于结果代码 A' });
    if (r.publishedOn && r.publishedOn < r.completedOn) ctx.addIssue({ code: 'custom', path: ['publishedOn'], message: '公示日期早于检查完成日期' });
  });

export type PlatformPlan = z.output<typeof planSchema>;
export type PlatformTask = z.output<typeof taskSchema>;
export type PlatformResult = z.output<typeof resultSchema>;

export const RESOURCES = ['plans', 'tasks', 'results'] as const;
export type Resource = (typeof RESOURCES)[number];
const SCHEMAS = { plans: planSchema, tasks: taskSchema, results: resultSchema } as const;
export type RecordOf<R extends Resource> = z.output<(typeof SCHEMAS)[R]>;

export type Checked<R extends Resource> =
  { ok: true; record: RecordOf<R>; hash: string } | { ok: false; platformId: string | null; reason: string; hash: string };

/** Stable JSON (sorted keys) so the same record re-sent by the platform hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Hash of the record's content; `updatedAt` is left out so a re-sent identical record counts as unchanged. */
export function contentHash(raw: unknown): string {
  const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>), updatedAt: undefined } : raw;
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function checkRecord<R extends Resource>(resource: R, raw: unknown): Checked<R> {
  const hash = contentHash(raw);
  const parsed = SCHEMAS[resource].safeParse(raw, { error: zh.localeError });
  if (parsed.success) return { ok: true, record: parsed.data as RecordOf<R>, hash };
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  const reason = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '记录'}：${i.message}`)
    .join('；');
  return { ok: false, platformId: typeof id === 'string' && id.length <= 64 ? id : null, reason, hash };
}
