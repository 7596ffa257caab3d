import { z } from 'zod';
import { isBusinessDate } from '../../kernel/clock.js';
import { AGENCY_KINDS, CASE_TYPES, CREDENTIAL_STATUSES, PARTY_KINDS, PROCEDURE_KINDS } from '../../subgraphs/powers/domain/types.js';
import { CASE_STATES, CONFIDENTIALITY, SOURCE_KINDS } from '../../subgraphs/cases/domain/types.js';

// The shape of each data file (docs/data-format.md). Only the shape is checked here: what the values mean
// (a USCC's check character, a fine inside its range, a known power item) is checked by the domain's own
// validators in read-*.ts, the same the API runs.

const text = z.string({ error: (i) => (i.input === undefined ? '缺少此字段' : '应为文本（数字样式的编号请加引号，如 "650109"）') });
const required = text.refine((s) => s.trim().length > 0, '不能为空');
const optionalText = text.nullish();
/** A name other entries use to refer to this one (agency, officer, party, case). */
export const key = text.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '只能包含字母、数字、- 和 _，最长 64 位');
export const date = text.refine(isBusinessDate, '应为真实日期 YYYY-MM-DD');
const flag = z.boolean({ error: '应为 true 或 false' });

const legalBasis = z.object({ law: text, article: text, excerpt: optionalText }).strict();

export const manifestFile = z
  .object({
    /** What this data is, e.g. the agency's name. */
    name: required,
    /** When agencies, officers and list documents are recorded as created (and the first version published). */
    recordedAt: z.iso.datetime({ offset: true, error: '应为带时区的 ISO 8601 时间，如 2026-01-05T10:00:00+08:00' }),
    /** The business date the data is written for: demo processes pin their clock to it (SANXIANG_TODAY wins). */
    today: date.optional(),
  })
  .strict();

const entrustment = z.object({ entrustingAgency: key, documentNumber: text, powerItemCodes: z.array(text), validFrom: text, validUntil: text }).strict();

const agency = z
  .object({
    key,
    name: text,
    kind: z.enum(AGENCY_KINDS),
    uscc: text,
    region: text,
    legalBasis: z.array(legalBasis).default([]),
    contact: z.object({ address: optionalText, phone: optionalText, website: optionalText, officeHours: optionalText }).strict().default({}),
    complaintChannels: z.array(z.object({ name: required, contact: required }).strict()).default([]),
    serviceWindows: z
      .array(
        z
          .object({
            name: required,
            location: optionalText,
            staffDuties: z.array(text).default([]),
            sampleForms: z.array(text).default([]),
            consultation: optionalText,
            complaintHotline: optionalText,
          })
          .strict(),
      )
      .default([]),
    /** Checked by parsePolicy; fields left out take the defaults (DEFAULT_POLICY). */
    policy: z.record(z.string(), z.unknown()).default({}),
    entrustment: entrustment.optional(),
  })
  .strict();
export const agenciesFile = z.object({ agencies: z.array(agency).min(1, '至少需要一个执法主体') }).strict();
export type AgencyEntry = z.output<typeof agency>;

/** Roles a demo token may carry for an officer (npm run token -- --demo <key>). */
export const OFFICER_ROLES = ['OFFICER', 'REVIEWER', 'PRINCIPAL', 'SUPERVISOR', 'ADMIN'] as const;
const officer = z
  .object({
    key,
    agency: key.optional(),
    role: z.enum(OFFICER_ROLES),
    name: text,
    credentialNumber: text,
    credentialStatus: z.enum(CREDENTIAL_STATUSES).default('VALID'),
    validFrom: text,
    validUntil: text,
    enforcementAreas: z.array(text),
    reviewQualified: flag.default(false),
    legalProfessionCertificate: text.nullable().default(null),
    firstTimeReviewer: flag.default(false),
    history: z.array(z.object({ status: z.enum(CREDENTIAL_STATUSES), effectiveFrom: date, reason: required }).strict()).default([]),
  })
  .strict();
export const officersFile = z.object({ agency: key.optional(), officers: z.array(officer).min(1, '至少需要一名执法人员') }).strict();
export type OfficerEntry = z.output<typeof officer>;

/** A list document's own fields; everything else in the entry is its content, checked by the domain validator of its kind. */
export const DOCUMENT_STATUSES = ['PUBLISHED', 'DRAFT', 'SUBMITTED', 'APPROVED'] as const;
const documentFields = { agency: key.optional(), status: z.enum(DOCUMENT_STATUSES).default('PUBLISHED') };
const agencyDefault = { agency: key.optional() };

export const powerItemsFile = z
  .object({
    ...agencyDefault,
    powerItems: z.array(z.looseObject({ ...documentFields, code: text, earlierVersions: z.array(z.record(z.string(), z.unknown())).default([]) })),
  })
  .strict();
export const benchmarksFile = z
  .object({ ...agencyDefault, benchmarks: z.array(z.object({ ...documentFields, powerItem: text, tiers: z.unknown() }).strict()) })
  .strict();
export const inspectionItemsFile = z.object({ ...agencyDefault, items: z.array(z.looseObject({ ...documentFields, code: text })) }).strict();
export const avRulesFile = z.object({ ...agencyDefault, rules: z.array(z.looseObject({ ...documentFields, code: text })) }).strict();
export const reviewCatalogFile = z.object({ ...agencyDefault, rules: z.array(z.looseObject({ ...documentFields, code: text })) }).strict();
/** agency-leaders.yaml: the published list of leaders (负责人), each naming an officer by key (Art. 57(2)). */
export const agencyLeadersFile = z
  .object({
    ...agencyDefault,
    leaders: z.array(z.object({ ...documentFields, code: text, officer: key, position: text, principal: z.boolean().default(false) }).strict()),
  })
  .strict();
export const annualPlansFile = z.object({ ...agencyDefault, plans: z.array(z.looseObject({ ...documentFields, code: text.optional() })) }).strict();

// ---- cases.yaml: the scenario ---------------------------------------------------------------------------

const party = z
  .object({
    kind: z.enum(PARTY_KINDS),
    name: text,
    uscc: optionalText,
    residentIdNumber: optionalText,
    legalRepresentative: optionalText,
    address: optionalText,
    phone: optionalText,
    isMinor: flag.nullish(),
  })
  .strict();
export type PartyEntry = z.output<typeof party>;

const act = <A extends string, S extends z.ZodRawShape>(name: A, shape: S) => z.object({ act: z.literal(name), on: date, ...shape }).strict();
const money = text.regex(/^(0|[1-9]\d{0,13})(\.\d{1,2})?$/, '金额须为十进制文本，如 "2500"');
const stage = text;

export const ACTS = [
  act('credentialShown', { location: required }),
  act('event', { kind: z.enum(['HEARING_REQUESTED', 'HEARING_WAIVED', 'HEARING_HELD']), note: optionalText, location: optionalText, content: optionalText }),
  act('notify', { content: required, note: optionalText, location: optionalText, documentNumber: text.optional() }),
  act('text', {
    stage,
    documentType: text,
    title: required,
    content: required,
    onSite: flag.optional(),
    activity: optionalText,
    confidentiality: z.enum(CONFIDENTIALITY).nullish(),
    documentNumber: text.optional(),
  }),
  act('av', {
    time: text.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为北京时间 HH:MM（请加引号，如 "10:30"）'),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    stage,
    activity: text,
    location: required,
    /** The recording's metadata; left out, the loader makes up placeholders (the demo has no media files). */
    device: text.optional(),
    sha256: text.optional(),
    storageUri: text.optional(),
  }),
  act('startInvestigation', {}),
  act('propose', {
    outcome: text,
    penaltyTypes: z.array(text).optional(),
    fineAmount: money.optional(),
    confiscationAmount: money.optional(),
    discretionTier: text.optional(),
    legalBasis: z.array(z.object({ law: required, article: required }).strict()),
    reasoning: required,
    outsideRangeReason: text.optional(),
    reviewFlags: z.array(text).optional(),
    mitigationGround: text.optional(),
  }),
  act('submitForReview', { reviewer: key, materials: z.array(required).min(1), handlerStatement: required }),
  act('approveReview', { opinion: required }),
  act('decide', { partyPresent: flag }),
  act('serve', { method: z.enum(['DIRECT', 'LODGED', 'POSTAL']) }),
  act('pay', { amount: money, receiptNumber: text.optional() }),
  act('execute', { note: required }),
  act('close', { note: required }),
  act('archive', {}),
] as const;
const anyAct = z.discriminatedUnion('act', ACTS, {
  error: (i) => (i.code === 'invalid_union' ? `未知的行为（act），应为 ${ACTS.map((a) => a.shape.act.value).join('、')} 之一` : undefined),
});
export type Act = z.output<typeof anyAct>;
export type ActOf<A extends Act['act']> = Extract<Act, { act: A }>;

const caseEntry = z
  .object({
    key,
    /** The state the case must be in after its acts: the loader checks it. */
    endsIn: z.enum(CASE_STATES),
    filedOn: date,
    caseType: z.enum(CASE_TYPES).optional(),
    procedure: z.enum(PROCEDURE_KINDS),
    powerItem: text,
    party: key,
    /**
     * The agency handling the case (default: the file's). Another agency only as an organisation the file's agency
     * entrusted (行政处罚法 Art. 20): it files and investigates, the file's agency reviews and decides in its own name.
     */
    agency: key.optional(),
    /** Handling officers (of the case's agency); the first one performs the acts. */
    officers: z.array(key).min(1, '至少需要一名承办人'),
    source: z.object({ kind: z.enum(SOURCE_KINDS), reference: optionalText }).strict(),
    factsSummary: required,
    confidentiality: z.enum(CONFIDENTIALITY).optional(),
    lateEntryReason: text.optional(),
    acts: z.array(anyAct).default([]),
  })
  .strict();
export type CaseEntry = z.output<typeof caseEntry>;

export const casesFile = z
  .object({
    agency: key,
    /** Decides the cases (the agency's principal). */
    principal: key,
    /** Publishes decisions on the day they are made, where the agency publishes them (its legal staff). */
    publisher: key,
    /** Names audio-video devices: the prefix and the case's recording number (e.g. 执法记录仪 DSJ-65010901-001). */
    avDevicePrefix: text.default('执法记录仪 '),
    parties: z.record(key, party),
    cases: z.array(caseEntry),
  })
  .strict();
export type CasesFile = z.output<typeof casesFile>;

export const reviewsFile = z
  .object({
    /** Submitted for legal review when the system starts with this data, on its business date. */
    submissions: z.array(z.object({ case: key, reviewer: key, materials: z.array(required).min(1), handlerStatement: required }).strict()),
  })
  .strict();
export type ReviewSubmission = z.output<typeof reviewsFile>['submissions'][number];

const evaluationItem = z.enum([
  'AGENCY_LAWFUL',
  'OFFICER_QUALIFIED',
  'PROCEDURE_LAWFUL',
  'FACTS_EVIDENCE',
  'LAW_AND_DISCRETION',
  'DOCUMENTS',
  'SERVICE_EXECUTION',
  'ARCHIVING',
]);

/** evaluations.yaml (issue 30): 案卷评查 rounds opened, scored and completed through the evaluation service. */
export const evaluationsFile = z
  .object({
    rounds: z.array(
      z
        .object({
          title: required,
          supervisor: key,
          periodFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          periodTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          agencies: z.array(key).min(1),
          evaluators: z.array(key).min(1),
          seed: z.string().min(8).max(128),
          rate: z.number().gt(0).lte(1).default(0.1),
          minPerStratum: z.number().int().min(1).default(1),
          minPerAgency: z.number().int().min(1).default(1),
          rectificationWorkingDays: z.number().int().min(1).max(120).default(20),
          /** Per drawn file (by case key): the evaluator and findings; each item gets its points, less one per item with a finding. */
          scores: z.array(
            z.object({ case: key, evaluator: key, findings: z.array(z.object({ item: evaluationItem, text: required }).strict()).default([]) }).strict(),
          ),
          /** Rectifications reported done (by case key and item), by an officer of the evaluated agency. */
          rectificationsDone: z.array(z.object({ case: key, item: evaluationItem, officer: key, note: required }).strict()).default([]),
          complete: z.boolean().default(false),
        })
        .strict(),
    ),
  })
  .strict();
export type EvaluationRoundData = z.output<typeof evaluationsFile>['rounds'][number];
