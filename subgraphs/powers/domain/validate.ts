import { z } from 'zod';
import { badInput, badInputs, type FieldProblem } from '../../../kernel/errors.js';
import { validateUscc } from '../../../kernel/identifiers.js';
import type {
  AgencyPolicyValue,
  AnnualEnforcementPlanContent,
  AgencyLeaderContent,
  AvRecordingRuleContent,
  DiscretionBenchmarkContent,
  EntrustmentValue,
  DiscretionTierValue,
  PowerItemContent,
  RandomInspectionItemContent,
  ReviewCatalogRuleContent,
  RetentionValue,
  StatutoryRangeValue,
} from './types.js';
import { CASE_TYPES, EVALUATION_ITEM_CODES, PARTY_KINDS, PENALTY_TYPES, PROCEDURE_KINDS, type EvaluationChecklistContent } from './types.js';

// Pure input validation: every rule here names the field and says why in Chinese, and runs before any write.

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字符`);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字符`)
    .nullish()
    .transform((v) => (v ? v : null));
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);
const legalBasis = z.object({ law: text(200), article: text(100), excerpt: optText(2000) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const money = z.string().regex(/^(0|[1-9]\d{0,13})(\.\d{1,2})?$/, '金额须为非负十进制字符串');

const statutoryRange = z.object({
  partyKinds: list(z.enum(PARTY_KINDS)),
  penaltyTypes: z.array(z.enum(PENALTY_TYPES)).min(1, '须列明法定的处罚种类'),
  fineMin: money.nullish().transform((v) => v ?? null),
  fineMax: money.nullish().transform((v) => v ?? null),
  basis: legalBasis,
});

const powerItem = z.object({
  name: text(200),
  category: z.string(),
  enforcementArea: text(100),
  partyKinds: list(z.enum(PARTY_KINDS)),
  publicSummary: optText(300),
  statutoryRanges: list(statutoryRange),
  establishingBasis: z.array(legalBasis).min(1, '至少需要一条设定依据'),
  implementingBasis: list(legalBasis),
  acceptanceConditions: list(text(500)),
  timeLimitWorkingDays: z
    .number()
    .int()
    .min(1, '办理时限须为正整数（工作日）')
    .max(365)
    .nullish()
    .transform((v) => v ?? null),
  procedureSteps: z.array(text(200)).min(1, '至少需要一个执法流程步骤'),
  reliefChannels: z.array(z.object({ kind: z.string(), body: text(200), timeLimit: text(200) })).min(1, '须列明救济渠道'),
  responsibilities: list(text(500)),
  accountability: list(text(500)),
});

const tier = z.object({
  tier: z.enum(['MINOR', 'ORDINARY', 'SERIOUS', 'GRAVE']),
  circumstances: text(1000),
  penaltyTypes: z.array(z.string()).min(1, '每个情节至少一种处罚种类'),
  fineMin: money.nullish().transform((v) => v ?? null),
  fineMax: money.nullish().transform((v) => v ?? null),
});

const randomInspectionItem = z.object({
  name: text(200),
  subItem: optText(200),
  basis: z.array(legalBasis).min(1, '至少需要一条依据'),
  subject: text(200),
  objectType: text(200),
  method: text(200),
  ratioPercent: z.number().int().min(1, '抽查比例须在 1–100 之间').max(100, '抽查比例须在 1–100 之间'),
  frequency: text(100),
  inspectorRequirements: optText(500),
  powerItemCode: optText(64),
});

const avRule = z.object({
  activity: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, '活动代码须为大写字母、数字和下划线'),
  name: text(100),
  stage: z.string(),
  description: text(1000),
  basis: list(legalBasis),
});

const catalogRule = z.object({
  description: text(500),
  basis: z.array(legalBasis).min(1, '至少需要一条依据'),
  procedure: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  caseTypes: list(z.string()),
  penaltyTypes: list(z.string()),
  fineThresholds: list(z.object({ partyKind: z.string(), amount: money })),
  hearingHeld: z
    .boolean()
    .nullish()
    .transform((v) => v ?? null),
  flags: list(z.string()),
  collectiveDiscussion: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
});

const plan = z.object({
  year: z.number().int().min(2000, '年度不合理').max(2100, '年度不合理'),
  title: text(200),
  summary: text(5000),
  focusAreas: z.array(text(200)).min(1, '至少列出一个重点领域'),
  plannedInspections: z
    .number()
    .int()
    .min(0)
    .nullish()
    .transform((v) => v ?? null),
});

const policy = z.object({
  reviewAllGeneralProcedurePenalties: z.boolean().nullish(),
  reviewTimeLimitWorkingDays: z.number().int().min(1, '审核时限须为 1–60 个工作日').max(60, '审核时限须为 1–60 个工作日').nullish(),
  publishSimpleProcedure: z.boolean().nullish(),
  publishWarnings: z.boolean().nullish(),
  autoPublishDecisions: z.boolean().nullish(),
  caseNumberFormat: z
    .string()
    .refine((s) => s.includes('{year}') && s.includes('{seq}'), '案号格式须包含 {year} 和 {seq}')
    .nullish(),
  shortPublicationMonths: z.number().int().min(1, '公示期须为 1–120 个月').max(120, '公示期须为 1–120 个月').nullish(),
  publicationMonths: z.number().int().min(1, '公示期须为 1–120 个月').max(120, '公示期须为 1–120 个月').nullish(),
  smallFineThreshold: money.nullish(),
  caseNumberFormats: z
    .array(
      z.object({
        caseType: z.enum(CASE_TYPES),
        format: z.string().refine((s) => s.includes('{year}') && s.includes('{seq}'), '案号格式须包含 {year} 和 {seq}'),
      }),
    )
    .nullish(),
  lateEntryWorkingDays: z.number().int().min(0, '补录期限须为 0–30 个工作日').max(30, '补录期限须为 0–30 个工作日').nullish(),
  retention: z
    .array(
      z.object({
        caseType: z.enum(CASE_TYPES),
        procedure: z
          .enum(PROCEDURE_KINDS)
          .nullish()
          .transform((v) => v ?? null),
        years: z
          .number()
          .int()
          .min(1, '保管期限须为 1–100 年，或为空表示永久')
          .max(100, '保管期限须为 1–100 年，或为空表示永久')
          .nullish()
          .transform((v) => v ?? null),
      }),
    )
    .nullish(),
});

/**
 * Archive retention (档案保管期限) defaults, an agency setting: case files of penalties, licences and
 * compulsory measures 30 years, simple-procedure and other files 10 years (the 定期30年 / 定期10年 periods
 * of archive practice); an agency may set other periods, or none (永久).
 */
export const DEFAULT_RETENTION: RetentionValue[] = [
  { caseType: 'PENALTY', procedure: 'GENERAL', years: 30 },
  { caseType: 'PENALTY', procedure: 'SIMPLE', years: 10 },
  { caseType: 'LICENSING', procedure: null, years: 30 },
  { caseType: 'COERCION', procedure: null, years: 30 },
  { caseType: 'INSPECTION', procedure: null, years: 10 },
  { caseType: 'OTHER', procedure: null, years: 10 },
];

export const DEFAULT_POLICY: AgencyPolicyValue = {
  reviewAllGeneralProcedurePenalties: true,
  reviewTimeLimitWorkingDays: 5,
  publishSimpleProcedure: false,
  publishWarnings: false,
  autoPublishDecisions: false,
  caseNumberFormat: '〔{year}〕{seq}号',
  shortPublicationMonths: 3,
  publicationMonths: 36,
  smallFineThreshold: '10000',
  caseNumberFormats: [],
  lateEntryWorkingDays: 3,
  retention: DEFAULT_RETENTION,
};

function problemsOf(error: z.ZodError, prefix: string): FieldProblem[] {
  return error.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    reason: i.code === 'invalid_type' ? '缺失或类型错误' : i.message,
  }));
}

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, prefix: string, extra: (v: z.output<T>) => FieldProblem[] = () => []): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw badInputs(problemsOf(result.error, prefix));
  const more = extra(result.data);
  if (more.length) throw badInputs(more);
  return result.data;
}

const cents = (s: string) => {
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole ?? '0') * 100n + BigInt((frac + '00').slice(0, 2));
};

/** Fine ranges: both ends present when FINE is among the penalty types, min ≤ max, tiers unique. */
export function tierProblems(tiers: DiscretionTierValue[], prefix: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  tiers.forEach((t, i) => {
    const f = `${prefix}.${i}`;
    if (seen.has(t.tier)) problems.push({ field: `${f}.tier`, reason: `情节 ${t.tier} 重复` });
    seen.add(t.tier);
    const hasFine = t.penaltyTypes.includes('FINE');
    if (hasFine && (t.fineMin === null || t.fineMax === null)) {
      problems.push({ field: `${f}.fineMin`, reason: '处罚种类含罚款时须给出罚款幅度（fineMin 与 fineMax）' });
    }
    if (!hasFine && (t.fineMin !== null || t.fineMax !== null)) {
      problems.push({ field: `${f}.penaltyTypes`, reason: '给出了罚款幅度，但处罚种类不含罚款（FINE）' });
    }
    if (t.fineMin !== null && t.fineMax !== null && cents(t.fineMin) > cents(t.fineMax)) {
      problems.push({ field: `${f}.fineMax`, reason: `罚款上限 ${t.fineMax} 低于下限 ${t.fineMin}` });
    }
  });
  return problems;
}

/** R9: each statutory range is coherent, and no party kind has two ranges. */
export function rangeProblems(ranges: StatutoryRangeValue[], itemPartyKinds: string[], prefix: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const covered = new Set<string>();
  ranges.forEach((r, i) => {
    const f = `${prefix}.statutoryRanges.${i}`;
    const hasFine = r.penaltyTypes.includes('FINE');
    if (!hasFine && (r.fineMin !== null || r.fineMax !== null))
      problems.push({ field: `${f}.penaltyTypes`, reason: '给出了罚款幅度，但处罚种类不含罚款（FINE）' });
    if (r.fineMin !== null && r.fineMax !== null && cents(r.fineMin) > cents(r.fineMax)) {
      problems.push({ field: `${f}.fineMax`, reason: `法定罚款上限 ${r.fineMax} 低于下限 ${r.fineMin}` });
    }
    const kinds = r.partyKinds.length ? r.partyKinds : PARTY_KINDS;
    for (const k of kinds) {
      if (covered.has(k)) problems.push({ field: `${f}.partyKinds`, reason: `当事人类型 ${k} 有两个法定幅度` });
      covered.add(k);
      if (itemPartyKinds.length && !itemPartyKinds.includes(k) && r.partyKinds.length) {
        problems.push({ field: `${f}.partyKinds`, reason: `该事项不适用于当事人类型 ${k}` });
      }
    }
  });
  return problems;
}

export const parsePowerItem = (input: unknown, prefix = 'item'): PowerItemContent =>
  parseOrThrow(powerItem, input, prefix, (v) => rangeProblems(v.statutoryRanges as StatutoryRangeValue[], v.partyKinds, prefix)) as PowerItemContent;

export function parseEntrustment(input: unknown, prefix = 'entrustment'): EntrustmentValue {
  const schema = z.object({
    entrustingAgencyId: text(26),
    documentNumber: text(100),
    powerItemCodes: z.array(text(64)).min(1, '委托书须载明委托的具体事项（行政处罚法第二十条第二款）'),
    validFrom: isoDate,
    validUntil: isoDate,
  });
  return parseOrThrow(schema, input, prefix, (v) =>
    v.validUntil < v.validFrom ? [{ field: `${prefix}.validUntil`, reason: `委托期限止（${v.validUntil}）早于起（${v.validFrom}）` }] : [],
  );
}

/** Art. 20 (行政处罚法) and Art. 17 (行政强制法) on a written entrustment, given what the entrusting side is. */
export function checkEntrustmentFacts(
  kind: string,
  e: EntrustmentValue,
  selfId: string | null,
  facts: { entrusting: { kind: string } | null; latestItem: (code: string) => { agencyId: string; category: string | null } | null },
): EntrustmentValue {
  if (kind !== 'ENTRUSTED') throw badInput('entrustment', '只有受委托组织（ENTRUSTED）有委托书');
  if (e.entrustingAgencyId === selfId) throw badInput('entrustment.entrustingAgencyId', '不能委托自身');
  if (!facts.entrusting) throw badInput('entrustment.entrustingAgencyId', `执法主体 ${e.entrustingAgencyId} 不存在`);
  if (facts.entrusting.kind === 'ENTRUSTED') throw badInput('entrustment.entrustingAgencyId', '受委托组织不得再委托其他组织（行政处罚法第二十条第四款）');
  for (const [i, code] of e.powerItemCodes.entries()) {
    const item = facts.latestItem(code);
    if (!item || item.agencyId !== e.entrustingAgencyId) throw badInput(`entrustment.powerItemCodes.${i}`, `权力事项 ${code} 不是委托机关的事项`);
    // 行政强制法 Art. 17: the power of compulsory measures cannot be entrusted.
    if (item.category === 'COERCION') throw badInput(`entrustment.powerItemCodes.${i}`, `${code} 为行政强制措施，行政强制措施权不得委托（行政强制法第十七条）`);
  }
  return { ...e, powerItemCodes: [...new Set(e.powerItemCodes)] };
}

export const parseDiscretionTiers = (input: unknown, powerItemCode: string, prefix = 'tiers'): DiscretionBenchmarkContent => {
  const tiers = parseOrThrow(z.array(tier).min(1, '至少需要一个情节'), input, prefix, (v) => tierProblems(v as DiscretionTierValue[], prefix));
  return { powerItemCode, tiers: tiers as DiscretionTierValue[] };
};

export const parseRandomInspectionItem = (input: unknown, prefix = 'item'): RandomInspectionItemContent => parseOrThrow(randomInspectionItem, input, prefix);

export const parseAvRecordingRule = (input: unknown, prefix = 'rule'): AvRecordingRuleContent => parseOrThrow(avRule, input, prefix) as AvRecordingRuleContent;

const leader = z.object({
  officerId: z.string().min(1, '须指明执法人员').max(26),
  name: text(100),
  position: text(100),
  principal: z.boolean(),
});

/** An entry of the agency's published list of leaders (Art. 57(2)); the officer is checked against the agency by the caller. */
export const parseAgencyLeader = (input: unknown, prefix = 'leader'): AgencyLeaderContent => parseOrThrow(leader, input, prefix) as AgencyLeaderContent;

export const parseReviewCatalogRule = (input: unknown, prefix = 'rule'): ReviewCatalogRuleContent =>
  parseOrThrow(catalogRule, input, prefix, (v) =>
    !v.procedure && !v.caseTypes.length && !v.penaltyTypes.length && !v.fineThresholds.length && v.hearingHeld === null && !v.flags.length
      ? [{ field: prefix, reason: '审核目录规则至少需要一个条件，否则会命中所有决定' }]
      : [],
  ) as ReviewCatalogRuleContent;

export const parseAnnualPlan = (input: unknown, prefix = 'plan'): AnnualEnforcementPlanContent => parseOrThrow(plan, input, prefix);

export function parsePolicy(input: unknown, base: AgencyPolicyValue = DEFAULT_POLICY): AgencyPolicyValue {
  const p = parseOrThrow(policy, input ?? {}, 'policy', (v) => {
    const types = (v.caseNumberFormats ?? []).map((f) => f.caseType);
    const dup = types.find((t, i) => types.indexOf(t) !== i);
    return dup ? [{ field: 'policy.caseNumberFormats', reason: `案件类型 ${dup} 的案号格式重复` }] : [];
  });
  const merged = { ...DEFAULT_POLICY, ...base };
  for (const [k, v] of Object.entries(p)) if (v !== null && v !== undefined) (merged as Record<string, unknown>)[k] = v;
  return merged;
}

export function parseUscc(raw: string, field = 'uscc'): string {
  const r = validateUscc(raw);
  if (!r.ok) throw badInputs([{ field, reason: r.reason }]);
  return r.value;
}

export function parseCredentialNumber(raw: string): string {
  const v = raw.trim();
  if (!v || v.length > 32) throw badInputs([{ field: 'credentialNumber', reason: '执法证号不能为空且不超过 32 个字符' }]);
  return v;
}

export function parseValidity(from: string, until: string): void {
  const problems: FieldProblem[] = [];
  for (const [field, v] of [
    ['validFrom', from],
    ['validUntil', until],
  ] as const) {
    if (!isoDate.safeParse(v).success) problems.push({ field, reason: '日期格式应为 YYYY-MM-DD' });
  }
  if (!problems.length && until < from) problems.push({ field: 'validUntil', reason: `有效期止（${until}）早于有效期起（${from}）` });
  if (problems.length) throw badInputs(problems);
}

/** An officer's 执法类别: at least one, each once. */
export function parseEnforcementAreas(raw: readonly string[]): string[] {
  const areas = [...new Set(raw.map((a) => a.trim()).filter(Boolean))];
  if (!areas.length) throw badInput('enforcementAreas', '至少需要一个执法类别');
  return areas;
}

export function parseName(raw: string, field: string, max = 100): string {
  const v = raw.trim();
  if (!v || v.length > max) throw badInputs([{ field, reason: `不能为空且不超过 ${max} 个字符` }]);
  return v;
}

export function parseCode(raw: string, field = 'code'): string {
  const v = raw.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v)) throw badInputs([{ field, reason: '编码只能包含字母、数字、- 和 _，最长 64 位' }]);
  return v;
}

const checklist = z.object({
  items: z
    .array(
      z.object({
        code: z.enum(EVALUATION_ITEM_CODES),
        name: text(100),
        points: z.number().int('分值须为整数').min(1, '分值须为正整数').max(100, '分值不能超过 100'),
        criteria: text(1000),
        anchors: z
          .array(z.object({ law: text(200), article: text(100) }))
          .min(1, '须注明法律依据')
          .max(20),
      }),
    )
    .max(EVALUATION_ITEM_CODES.length),
});

/** Issue 30: each of the eight evaluation items exactly once, with whole positive points and at least one legal anchor. */
export const parseEvaluationChecklist = (input: unknown, prefix = 'checklist'): EvaluationChecklistContent =>
  parseOrThrow(checklist, input, prefix, (v) =>
    EVALUATION_ITEM_CODES.filter((c) => v.items.filter((i) => i.code === c).length !== 1).map((c) => ({
      field: `${prefix}.items`,
      reason: `评查项目 ${c} 须出现且只出现一次`,
    })),
  );
