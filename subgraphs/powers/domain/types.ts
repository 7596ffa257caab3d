// Value shapes of the powers subgraph, shared by validation, storage (JSON columns) and resolvers.

export const AGENCY_KINDS = ['STATUTORY', 'AUTHORIZED', 'ENTRUSTED'] as const;
export const CREDENTIAL_STATUSES = ['VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED'] as const;
export const PUBLICATION_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED', 'RETIRED'] as const;
export const EX_ANTE_KINDS = [
  'POWER_ITEM',
  'DISCRETION_BENCHMARK',
  'RANDOM_INSPECTION_ITEM',
  'AV_RECORDING_RULE',
  'REVIEW_CATALOG_RULE',
  'ANNUAL_ENFORCEMENT_PLAN',
  'AGENCY_POLICY',
  'ENTRUSTMENT',
  'AGENCY_LEADER',
  'EVALUATION_CHECKLIST',
] as const;
export const POWER_CATEGORIES = [
  'LICENSING',
  'PENALTY',
  'COERCION',
  'LEVY',
  'INSPECTION',
  'CONFIRMATION',
  'BENEFIT',
  'REWARD',
  'ADJUDICATION',
  'OTHER',
] as const;
export const DISCRETION_TIERS = ['MINOR', 'ORDINARY', 'SERIOUS', 'GRAVE'] as const;
export const PENALTY_TYPES = [
  'WARNING',
  'CIRCULATED_CRITICISM',
  'FINE',
  'CONFISCATE_ILLEGAL_GAINS',
  'CONFISCATE_ILLEGAL_PROPERTY',
  'SUSPEND_LICENCE',
  'LOWER_QUALIFICATION',
  'REVOKE_LICENCE',
  'RESTRICT_BUSINESS',
  'ORDER_STOP_BUSINESS',
  'ORDER_CLOSURE',
  'RESTRICT_PRACTICE',
  'DETENTION',
  'OTHER',
] as const;
export const RECORD_STAGES = ['INITIATION', 'INVESTIGATION', 'REVIEW', 'DECISION', 'SERVICE', 'EXECUTION', 'ARCHIVING'] as const;
export const PROCEDURE_KINDS = ['SIMPLE', 'GENERAL'] as const;
export const CASE_TYPES = ['PENALTY', 'LICENSING', 'COERCION', 'INSPECTION', 'OTHER'] as const;
export const PARTY_KINDS = ['NATURAL_PERSON', 'LEGAL_PERSON', 'INDIVIDUAL_BUSINESS'] as const;
export const REVIEW_FLAGS = ['MAJOR_PUBLIC_INTEREST', 'MAJOR_SOCIAL_IMPACT', 'MAJOR_RIGHTS', 'COMPLEX', 'CRIMINAL_REFERRAL'] as const;
export const RELIEF_KINDS = ['ADMINISTRATIVE_RECONSIDERATION', 'ADMINISTRATIVE_LITIGATION'] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export type ExAnteKind = (typeof EX_ANTE_KINDS)[number];
export type PowerCategory = (typeof POWER_CATEGORIES)[number];
export type DiscretionTier = (typeof DISCRETION_TIERS)[number];
export type PenaltyType = (typeof PENALTY_TYPES)[number];
export type RecordStage = (typeof RECORD_STAGES)[number];
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];
export type CaseType = (typeof CASE_TYPES)[number];
export type PartyKind = (typeof PARTY_KINDS)[number];
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];
export type ReliefKind = (typeof RELIEF_KINDS)[number];

export interface LegalBasisValue {
  law: string;
  article: string;
  excerpt?: string | null;
}
export interface ContactValue {
  address?: string | null;
  phone?: string | null;
  website?: string | null;
  officeHours?: string | null;
}
export interface ComplaintChannelValue {
  name: string;
  contact: string;
}
export interface ServiceWindowValue {
  name: string;
  location?: string | null;
  staffDuties: string[];
  sampleForms: string[];
  consultation?: string | null;
  complaintHotline?: string | null;
}
/** A case-number series per case type (a licence must not carry a penalty number). */
export interface CaseNumberFormatValue {
  caseType: CaseType;
  format: string;
}

/** How long an archived case file is kept, per case type; null years = permanently (永久). */
export interface RetentionValue {
  caseType: CaseType;
  /** SIMPLE-procedure files may have a shorter period; null = the same as GENERAL. */
  procedure: ProcedureKind | null;
  years: number | null;
}

export interface AgencyPolicyValue {
  reviewAllGeneralProcedurePenalties: boolean;
  reviewTimeLimitWorkingDays: number;
  publishSimpleProcedure: boolean;
  publishWarnings: boolean;
  autoPublishDecisions: boolean;
  caseNumberFormat: string;
  /** R15 (公示规定 Art. 13): 3 months for circulated criticism or small fines, 3 years otherwise. */
  shortPublicationMonths: number;
  publicationMonths: number;
  smallFineThreshold: string;
  /** Case-number series per case type; a type without one uses a neutral series, never the penalty one. */
  caseNumberFormats: CaseNumberFormatValue[];
  /**
   * An act stated as done in the field more than this many working days before it is entered needs a written
   * reason for the late entry (two times for every act: the stated date and the recorded time).
   */
  lateEntryWorkingDays: number;
  /** Archive retention periods (档案保管期限) by case type. */
  retention: RetentionValue[];
}

/** Art. 20: the written entrustment (委托书) under which an ENTRUSTED organisation acts in the entrusting agency's name. */
export interface EntrustmentValue {
  entrustingAgencyId: string;
  documentNumber: string;
  /** The entrusted items (power item codes of the entrusting agency). */
  powerItemCodes: string[];
  validFrom: string;
  validUntil: string;
}

export interface ReliefChannelValue {
  kind: ReliefKind;
  body: string;
  timeLimit: string;
}

/**
 * The statute's penalty range for one kind of party (R9): what no discretion reason can leave. Empty
 * partyKinds = every party; fineMin null = no minimum ("…元以下"); fineMax null = no fine allowed.
 */
export interface StatutoryRangeValue {
  partyKinds: PartyKind[];
  penaltyTypes: PenaltyType[];
  fineMin: string | null;
  fineMax: string | null;
  basis: LegalBasisValue;
}

export interface PowerItemContent {
  name: string;
  category: PowerCategory;
  enforcementArea: string;
  /** Parties the item applies to (e.g. 对单位… only LEGAL_PERSON); empty = every kind. */
  partyKinds: PartyKind[];
  /** 公示表述: the violation (penalty), the licensed matter (licensing) or what a measure is applied to (coercion). */
  publicSummary: string | null;
  statutoryRanges: StatutoryRangeValue[];
  establishingBasis: LegalBasisValue[];
  implementingBasis: LegalBasisValue[];
  acceptanceConditions: string[];
  timeLimitWorkingDays: number | null;
  procedureSteps: string[];
  reliefChannels: ReliefChannelValue[];
  responsibilities: string[];
  accountability: string[];
}

/** Money is a decimal string in yuan, never a float. */
export interface DiscretionTierValue {
  tier: DiscretionTier;
  circumstances: string;
  penaltyTypes: PenaltyType[];
  fineMin: string | null;
  fineMax: string | null;
}
export interface DiscretionBenchmarkContent {
  powerItemCode: string;
  tiers: DiscretionTierValue[];
}

export interface RandomInspectionItemContent {
  name: string;
  subItem: string | null;
  basis: LegalBasisValue[];
  subject: string;
  objectType: string;
  method: string;
  ratioPercent: number;
  frequency: string;
  inspectorRequirements: string | null;
  powerItemCode: string | null;
}

export interface AvRecordingRuleContent {
  activity: string;
  name: string;
  stage: RecordStage;
  description: string;
  basis: LegalBasisValue[];
}

export interface FineThresholdValue {
  partyKind: PartyKind;
  amount: string;
}
export interface ReviewCatalogRuleContent {
  description: string;
  basis: LegalBasisValue[];
  procedure: ProcedureKind | null;
  caseTypes: CaseType[];
  penaltyTypes: PenaltyType[];
  fineThresholds: FineThresholdValue[];
  hearingHeld: boolean | null;
  flags: ReviewFlag[];
  /** Art. 57(2): decisions this rule catches are decided by the agency's leaders collectively (集体讨论). */
  collectiveDiscussion: boolean;
}

/**
 * One entry of the agency's published list of leaders (负责人): who may take part in a collective discussion
 * (行政处罚法 Art. 57(2)), and which of them is the principal (主要负责人), who presides.
 */
export interface AgencyLeaderContent {
  officerId: string;
  name: string;
  /** 职务, e.g. 局长, 副局长 */
  position: string;
  principal: boolean;
}

/** 案卷评查表 (issue 30): the eight items of case-file evaluation, each with its points and legal anchors. */
export const EVALUATION_ITEM_CODES = [
  'AGENCY_LAWFUL',
  'OFFICER_QUALIFIED',
  'PROCEDURE_LAWFUL',
  'FACTS_EVIDENCE',
  'LAW_AND_DISCRETION',
  'DOCUMENTS',
  'SERVICE_EXECUTION',
  'ARCHIVING',
] as const;
export interface EvaluationChecklistContent {
  items: { code: (typeof EVALUATION_ITEM_CODES)[number]; name: string; points: number; criteria: string; anchors: { law: string; article: string }[] }[];
}

export interface AnnualEnforcementPlanContent {
  year: number;
  title: string;
  summary: string;
  focusAreas: string[];
  plannedInspections: number | null;
}

export interface ExAnteContentByKind {
  POWER_ITEM: PowerItemContent;
  DISCRETION_BENCHMARK: DiscretionBenchmarkContent;
  RANDOM_INSPECTION_ITEM: RandomInspectionItemContent;
  AV_RECORDING_RULE: AvRecordingRuleContent;
  REVIEW_CATALOG_RULE: ReviewCatalogRuleContent;
  ANNUAL_ENFORCEMENT_PLAN: AnnualEnforcementPlanContent;
  /** R1 for the agency's own settings: each version drafted, approved by legal staff and published (issue 25). */
  AGENCY_POLICY: AgencyPolicyValue;
  ENTRUSTMENT: EntrustmentValue;
  AGENCY_LEADER: AgencyLeaderContent;
  /** Issue 30: the supervising agency's case-file evaluation checklist; a round pins the version it applies. */
  EVALUATION_CHECKLIST: EvaluationChecklistContent;
}
export type ExAnteContent = ExAnteContentByKind[ExAnteKind];
