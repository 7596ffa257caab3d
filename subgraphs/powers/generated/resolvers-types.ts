import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type {
  AgencyRow,
  OfficerRow,
  EntrustmentValue,
  PowerItemView,
  BenchmarkView,
  RandomInspectionItemView,
  AvRecordingRuleView,
  ReviewCatalogRuleView,
  AnnualPlanView,
  AgencyPolicyView,
  EntrustmentView,
  AgencyLeaderView,
  EvaluationChecklistView,
  AnyDocView,
  OfficerConnectionModel,
  PowerItemConnectionModel,
} from '../model.js';
import type { StatisticsScope } from '../../../kernel/statistics.js';
import type { StaffRow } from '../statistics.js';
import type { PowersContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** 日期 (YYYY-MM-DD, Asia/Shanghai legal date) */
  Date: { input: string; output: string };
  /** 时间戳 (ISO 8601, UTC) */
  DateTime: { input: Date | string; output: Date | string };
  /** 金额（元），十进制字符串，最多两位小数 */
  Decimal: { input: string; output: string };
  _FieldSet: { input: unknown; output: unknown };
};

/** 执法主体 */
export type Agency = {
  __typename?: 'Agency';
  complaintChannels: Array<ComplaintChannel>;
  contact: Contact;
  createdAt: Scalars['DateTime']['output'];
  /** 受委托组织的委托书（仅 ENTRUSTED） */
  entrustment: Maybe<Entrustment>;
  /** 现行委托书的版本（经法制审核后公示）；null 表示仍为设立时登记的委托书或没有委托书 */
  entrustmentVersion: Maybe<EntrustmentVersion>;
  id: Scalars['ID']['output'];
  kind: AgencyKind;
  /** 主体资格依据 */
  legalBasis: Array<LegalBasis>;
  name: Scalars['String']['output'];
  /** 本机关执法人员 */
  officers: OfficerConnection;
  policy: AgencyPolicy;
  /** 现行机关执法设置的版本（经法制审核后公示，R1）；null 表示仍为设立时登记的设置 */
  policyVersion: Maybe<AgencyPolicyVersion>;
  /** 本机关权责清单（现行公示版本） */
  powerItems: PowerItemConnection;
  /** 行政区划 */
  region: Scalars['String']['output'];
  serviceWindows: Array<ServiceWindow>;
  /** 机关执法设置和委托书的全部版本（未公示的版本仅本机关工作人员和监督人员可见） */
  settingsVersions: Array<ExAnteDocument>;
  updatedAt: Scalars['DateTime']['output'];
  /** 统一社会信用代码 */
  uscc: Scalars['String']['output'];
  /** 并发控制版本（更新时须提交） */
  version: Scalars['Int']['output'];
};

/** 执法主体 */
export type AgencyOfficersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 执法主体 */
export type AgencyPowerItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 执法主体种类 */
export type AgencyKind =
  /** 法律法规授权组织 */
  | 'AUTHORIZED'
  /** 受委托组织 */
  | 'ENTRUSTED'
  /** 法定行政机关 */
  | 'STATUTORY';

/** 机关负责人名单中的一人：集体讨论（行政处罚法第五十七条第二款）只计名单上的负责人；主要负责人主持 */
export type AgencyLeader = ExAnteDocument & {
  __typename?: 'AgencyLeader';
  agency: Agency;
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ExAnteKind;
  /** 姓名（取自执法人员名录） */
  name: Scalars['String']['output'];
  /** 执法人员 ID（本机关人员） */
  officerId: Scalars['ID']['output'];
  /** 职务，如 局长、副局长 */
  position: Scalars['String']['output'];
  /** 是否主要负责人（主持集体讨论） */
  principal: Scalars['Boolean']['output'];
  status: PublicationStatus;
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
};

export type AgencyLeaderInput = {
  name: Scalars['String']['input'];
  officerId: Scalars['ID']['input'];
  position: Scalars['String']['input'];
  principal: Scalars['Boolean']['input'];
};

/** 机关的法制审核、公示与文号设置 */
export type AgencyPolicy = {
  __typename?: 'AgencyPolicy';
  /** 决定作出时自动公示 */
  autoPublishDecisions: Scalars['Boolean']['output'];
  /** 案号格式，如 米城管罚〔{year}〕{seq}号 */
  caseNumberFormat: Scalars['String']['output'];
  /** 各类案件的案号格式（行政许可等决定不使用处罚案号）；未设置的类型使用中性格式 */
  caseNumberFormats: Array<CaseNumberFormat>;
  /** 现场执法行为所填日期早于录入日超过此工作日数的，须说明补录理由（两个时间：所述日期与系统记录时间） */
  lateEntryWorkingDays: Scalars['Int']['output'];
  /** 其他决定的公示期（月，R15） */
  publicationMonths: Scalars['Int']['output'];
  /** 简易程序处罚决定是否公示 */
  publishSimpleProcedure: Scalars['Boolean']['output'];
  /** 仅警告的处罚是否公示 */
  publishWarnings: Scalars['Boolean']['output'];
  /** 案卷归档保管期限（按案件类型；years 为空表示永久） */
  retention: Array<RetentionPeriod>;
  /** 一般程序行政处罚决定一律法制审核（行政处罚法第五十八条） */
  reviewAllGeneralProcedurePenalties: Scalars['Boolean']['output'];
  /** 法制审核时限（工作日） */
  reviewTimeLimitWorkingDays: Scalars['Int']['output'];
  /** 仅通报批评或较低数额罚款的公示期（月，R15） */
  shortPublicationMonths: Scalars['Int']['output'];
  /** “较低数额罚款”的上限（元，含） */
  smallFineThreshold: Scalars['Decimal']['output'];
};

export type AgencyPolicyInput = {
  autoPublishDecisions?: InputMaybe<Scalars['Boolean']['input']>;
  caseNumberFormat?: InputMaybe<Scalars['String']['input']>;
  caseNumberFormats?: InputMaybe<Array<CaseNumberFormatInput>>;
  lateEntryWorkingDays?: InputMaybe<Scalars['Int']['input']>;
  publicationMonths?: InputMaybe<Scalars['Int']['input']>;
  publishSimpleProcedure?: InputMaybe<Scalars['Boolean']['input']>;
  publishWarnings?: InputMaybe<Scalars['Boolean']['input']>;
  retention?: InputMaybe<Array<RetentionPeriodInput>>;
  reviewAllGeneralProcedurePenalties?: InputMaybe<Scalars['Boolean']['input']>;
  reviewTimeLimitWorkingDays?: InputMaybe<Scalars['Int']['input']>;
  shortPublicationMonths?: InputMaybe<Scalars['Int']['input']>;
  smallFineThreshold?: InputMaybe<Scalars['Decimal']['input']>;
};

/** 机关执法设置的一个版本：与其他事前公开信息一样起草、提交法制审核、审核通过、公示后才生效（R1，issue 25） */
export type AgencyPolicyVersion = ExAnteDocument & {
  __typename?: 'AgencyPolicyVersion';
  agency: Agency;
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ExAnteKind;
  policy: AgencyPolicy;
  status: PublicationStatus;
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
};

/** 年度行政执法计划 */
export type AnnualEnforcementPlan = ExAnteDocument & {
  __typename?: 'AnnualEnforcementPlan';
  agency: Agency;
  code: Scalars['String']['output'];
  focusAreas: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ExAnteKind;
  plannedInspections: Maybe<Scalars['Int']['output']>;
  status: PublicationStatus;
  summary: Scalars['String']['output'];
  title: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
  year: Scalars['Int']['output'];
};

export type AnnualEnforcementPlanInput = {
  focusAreas: Array<Scalars['String']['input']>;
  plannedInspections?: InputMaybe<Scalars['Int']['input']>;
  summary: Scalars['String']['input'];
  title: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};

/** 音像记录事项清单 */
export type AvRecordingRule = ExAnteDocument & {
  __typename?: 'AvRecordingRule';
  /** 执法活动代码，如 ON_SITE_INSPECTION */
  activity: Scalars['String']['output'];
  agency: Agency;
  basis: Array<LegalBasis>;
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ExAnteKind;
  name: Scalars['String']['output'];
  stage: RecordStage;
  status: PublicationStatus;
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
};

export type AvRecordingRuleInput = {
  activity: Scalars['String']['input'];
  basis: Array<LegalBasisInput>;
  description: Scalars['String']['input'];
  name: Scalars['String']['input'];
  stage: RecordStage;
};

/** 一类案件的案号格式，须含 {year} 和 {seq} */
export type CaseNumberFormat = {
  __typename?: 'CaseNumberFormat';
  caseType: CaseType;
  format: Scalars['String']['output'];
};

export type CaseNumberFormatInput = {
  caseType: CaseType;
  format: Scalars['String']['input'];
};

export type CaseType = 'COERCION' | 'INSPECTION' | 'LICENSING' | 'OTHER' | 'PENALTY';

/** 投诉举报渠道 */
export type ComplaintChannel = {
  __typename?: 'ComplaintChannel';
  contact: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type ComplaintChannelInput = {
  contact: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

/** 联系渠道 */
export type Contact = {
  __typename?: 'Contact';
  address: Maybe<Scalars['String']['output']>;
  officeHours: Maybe<Scalars['String']['output']>;
  phone: Maybe<Scalars['String']['output']>;
  website: Maybe<Scalars['String']['output']>;
};

export type ContactInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  officeHours?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

export type CreateAgencyInput = {
  complaintChannels?: InputMaybe<Array<ComplaintChannelInput>>;
  contact?: InputMaybe<ContactInput>;
  entrustment?: InputMaybe<EntrustmentInput>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  kind: AgencyKind;
  legalBasis: Array<LegalBasisInput>;
  name: Scalars['String']['input'];
  policy?: InputMaybe<AgencyPolicyInput>;
  region: Scalars['String']['input'];
  serviceWindows?: InputMaybe<Array<ServiceWindowInput>>;
  uscc: Scalars['String']['input'];
};

export type CreateAgencyLeaderInput = {
  agencyId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  leader: AgencyLeaderInput;
};

export type CreateAnnualEnforcementPlanInput = {
  agencyId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  plan: AnnualEnforcementPlanInput;
};

export type CreateAvRecordingRuleInput = {
  agencyId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  rule: AvRecordingRuleInput;
};

export type CreateDiscretionBenchmarkInput = {
  agencyId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  powerItemCode: Scalars['String']['input'];
  tiers: Array<DiscretionTierRuleInput>;
};

export type CreateOfficerInput = {
  agencyId: Scalars['ID']['input'];
  credentialNumber: Scalars['String']['input'];
  credentialStatus?: InputMaybe<CredentialStatus>;
  enforcementAreas: Array<Scalars['String']['input']>;
  firstTimeReviewer?: InputMaybe<Scalars['Boolean']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  legalProfessionCertificate?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  reviewQualified?: InputMaybe<Scalars['Boolean']['input']>;
  validFrom: Scalars['Date']['input'];
  validUntil: Scalars['Date']['input'];
};

export type CreatePowerItemInput = {
  agencyId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
  /** 幂等键：重试返回第一次的结果 */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  item: PowerItemInput;
};

export type CreateRandomInspectionItemInput = {
  agencyId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  item: RandomInspectionItemInput;
};

export type CreateReviewCatalogRuleInput = {
  agencyId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  rule: ReviewCatalogRuleInput;
};

export type CredentialCheck = {
  __typename?: 'CredentialCheck';
  /** 无效原因（中文） */
  reason: Maybe<Scalars['String']['output']>;
  valid: Scalars['Boolean']['output'];
};

/** 执法证状态 */
export type CredentialStatus = 'EXPIRED' | 'REVOKED' | 'SUSPENDED' | 'VALID';

export type CredentialStatusChange = {
  __typename?: 'CredentialStatusChange';
  /** 自该日起生效 */
  effectiveFrom: Scalars['Date']['output'];
  /** 原因（仅本机关工作人员、监督及管理员可见） */
  reason: Maybe<Scalars['String']['output']>;
  recordedAt: Scalars['DateTime']['output'];
  status: CredentialStatus;
};

export type CredentialTermsChange = {
  __typename?: 'CredentialTermsChange';
  /** 自该日起生效 */
  effectiveFrom: Scalars['Date']['output'];
  enforcementAreas: Array<Scalars['String']['output']>;
  /** 原因（仅本机关工作人员、监督及管理员可见） */
  reason: Maybe<Scalars['String']['output']>;
  recordedAt: Scalars['DateTime']['output'];
  validFrom: Scalars['Date']['output'];
  validUntil: Scalars['Date']['output'];
};

/** 自由裁量基准（每个权力事项一份，按情节分档） */
export type DiscretionBenchmark = ExAnteDocument & {
  __typename?: 'DiscretionBenchmark';
  agency: Agency;
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ExAnteKind;
  powerItem: Maybe<PowerItem>;
  powerItemCode: Scalars['String']['output'];
  status: PublicationStatus;
  tiers: Array<DiscretionTierRule>;
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
};

/** 裁量情节 */
export type DiscretionTier = 'GRAVE' | 'MINOR' | 'ORDINARY' | 'SERIOUS';

/** 一个裁量情节的基准 */
export type DiscretionTierRule = {
  __typename?: 'DiscretionTierRule';
  /** 适用情形 */
  circumstances: Scalars['String']['output'];
  fineMax: Maybe<Scalars['Decimal']['output']>;
  fineMin: Maybe<Scalars['Decimal']['output']>;
  penaltyTypes: Array<PenaltyType>;
  tier: DiscretionTier;
};

export type DiscretionTierRuleInput = {
  circumstances: Scalars['String']['input'];
  fineMax?: InputMaybe<Scalars['Decimal']['input']>;
  fineMin?: InputMaybe<Scalars['Decimal']['input']>;
  penaltyTypes: Array<PenaltyType>;
  tier: DiscretionTier;
};

/** 书面委托（行政处罚法第二十条：受委托组织在委托范围内，以委托行政机关名义实施行政处罚；委托书向社会公布） */
export type Entrustment = {
  __typename?: 'Entrustment';
  /** 委托书文号 */
  documentNumber: Scalars['String']['output'];
  /** 委托行政机关 */
  entrustingAgency: Agency;
  /** 委托的具体事项（委托机关的权力事项编码） */
  powerItemCodes: Array<Scalars['String']['output']>;
  validFrom: Scalars['Date']['output'];
  validUntil: Scalars['Date']['output'];
};

export type EntrustmentInput = {
  documentNumber: Scalars['String']['input'];
  entrustingAgencyId: Scalars['ID']['input'];
  powerItemCodes: Array<Scalars['String']['input']>;
  validFrom: Scalars['Date']['input'];
  validUntil: Scalars['Date']['input'];
};

/** 委托书的一个版本（行政处罚法第二十条）：经法制审核、公示后生效 */
export type EntrustmentVersion = ExAnteDocument & {
  __typename?: 'EntrustmentVersion';
  agency: Agency;
  code: Scalars['String']['output'];
  entrustment: Entrustment;
  id: Scalars['ID']['output'];
  kind: ExAnteKind;
  status: PublicationStatus;
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
};

export type EvaluationChecklistAnchor = {
  __typename?: 'EvaluationChecklistAnchor';
  article: Scalars['String']['output'];
  law: Scalars['String']['output'];
};

export type EvaluationChecklistAnchorInput = {
  article: Scalars['String']['input'];
  law: Scalars['String']['input'];
};

/** 案卷评查表中的一项 */
export type EvaluationChecklistEntry = {
  __typename?: 'EvaluationChecklistEntry';
  anchors: Array<EvaluationChecklistAnchor>;
  /** AGENCY_LAWFUL, OFFICER_QUALIFIED, PROCEDURE_LAWFUL, FACTS_EVIDENCE, LAW_AND_DISCRETION, DOCUMENTS, SERVICE_EXECUTION, ARCHIVING */
  code: Scalars['String']['output'];
  criteria: Scalars['String']['output'];
  name: Scalars['String']['output'];
  points: Scalars['Int']['output'];
};

export type EvaluationChecklistEntryInput = {
  anchors: Array<EvaluationChecklistAnchorInput>;
  code: Scalars['String']['input'];
  criteria: Scalars['String']['input'];
  name: Scalars['String']['input'];
  points: Scalars['Int']['input'];
};

/** 监督机关的案卷评查表的一个版本：与其他事前公开信息一样起草、法制审核、公示后生效（R1）；评查轮次锁定所适用的版本 */
export type EvaluationChecklistVersion = ExAnteDocument & {
  __typename?: 'EvaluationChecklistVersion';
  agency: Agency;
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  items: Array<EvaluationChecklistEntry>;
  kind: ExAnteKind;
  status: PublicationStatus;
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
};

/** 经法制审核后公示的事前公开信息（每次修改产生新版本，历史可查） */
export type ExAnteDocument = {
  agency: Agency;
  /** 编码（同一事项各版本共享） */
  code: Scalars['String']['output'];
  /** 版本 ID */
  id: Scalars['ID']['output'];
  kind: ExAnteKind;
  status: PublicationStatus;
  /** 并发控制版本（修改、提交、审核、公示、废止时须提交） */
  version: Scalars['Int']['output'];
  /** 版本号，从 1 开始 */
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
};

/** 事前公开信息的种类 */
export type ExAnteKind =
  /** 机关负责人名单（集体讨论的参加人，行政处罚法第五十七条第二款） */
  | 'AGENCY_LEADER'
  /** 机关执法设置（执法政策） */
  | 'AGENCY_POLICY'
  | 'ANNUAL_ENFORCEMENT_PLAN'
  | 'AV_RECORDING_RULE'
  | 'DISCRETION_BENCHMARK'
  /** 委托书（行政处罚法第二十条） */
  | 'ENTRUSTMENT'
  /** 案卷评查表（执法监督，issue 30） */
  | 'EVALUATION_CHECKLIST'
  | 'POWER_ITEM'
  | 'RANDOM_INSPECTION_ITEM'
  | 'REVIEW_CATALOG_RULE';

export type FineThreshold = {
  __typename?: 'FineThreshold';
  /** 达到或超过此金额即须审核 */
  amount: Scalars['Decimal']['output'];
  partyKind: PartyKind;
};

export type FineThresholdInput = {
  amount: Scalars['Decimal']['input'];
  partyKind: PartyKind;
};

/** 法律依据：法律名称 + 条款 */
export type LegalBasis = {
  __typename?: 'LegalBasis';
  article: Scalars['String']['output'];
  /** 条文要点（可选） */
  excerpt: Maybe<Scalars['String']['output']>;
  law: Scalars['String']['output'];
};

export type LegalBasisInput = {
  article: Scalars['String']['input'];
  excerpt?: InputMaybe<Scalars['String']['input']>;
  law: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** 法制审核通过（REVIEWER，且不得是提交人）：SUBMITTED → APPROVED */
  approveExAnteDocument: ExAnteDocument;
  createAgency: Agency;
  /** 登记机关负责人名单中的一人（草稿，经法制审核后公示） */
  createAgencyLeader: AgencyLeader;
  createAnnualEnforcementPlan: AnnualEnforcementPlan;
  createAvRecordingRule: AvRecordingRule;
  createDiscretionBenchmark: DiscretionBenchmark;
  createOfficer: Officer;
  createPowerItem: PowerItem;
  createRandomInspectionItem: RandomInspectionItem;
  createReviewCatalogRule: ReviewCatalogRule;
  /** 公示：APPROVED → PUBLISHED；同一编码的原公示版本停止公示 */
  publishExAnteDocument: ExAnteDocument;
  /** 退回修改（REVIEWER）：SUBMITTED → DRAFT */
  rejectExAnteDocument: ExAnteDocument;
  /** 废止：PUBLISHED → RETIRED */
  retireExAnteDocument: ExAnteDocument;
  /** 起草机关执法设置的新版本（DRAFT）；再经 submit/approve/publishExAnteDocument 生效（R1） */
  reviseAgencyPolicy: AgencyPolicyVersion;
  /** 起草委托书的新版本（DRAFT）；再经 submit/approve/publishExAnteDocument 生效（R1） */
  reviseEntrustment: EntrustmentVersion;
  /** 起草（或修改草稿）案卷评查表的新版本；经提交、法制审核、公示后生效 */
  reviseEvaluationChecklist: EvaluationChecklistVersion;
  /** 修改：草稿原地修改；已公示或已停止公示的产生新草稿版本 */
  reviseExAnteDocument: ExAnteDocument;
  /** 提交法制审核：DRAFT → SUBMITTED */
  submitExAnteDocument: ExAnteDocument;
  updateAgency: Agency;
  updateOfficer: Officer;
};

export type MutationApproveExAnteDocumentArgs = {
  input: WorkflowInput;
};

export type MutationCreateAgencyArgs = {
  input: CreateAgencyInput;
};

export type MutationCreateAgencyLeaderArgs = {
  input: CreateAgencyLeaderInput;
};

export type MutationCreateAnnualEnforcementPlanArgs = {
  input: CreateAnnualEnforcementPlanInput;
};

export type MutationCreateAvRecordingRuleArgs = {
  input: CreateAvRecordingRuleInput;
};

export type MutationCreateDiscretionBenchmarkArgs = {
  input: CreateDiscretionBenchmarkInput;
};

export type MutationCreateOfficerArgs = {
  input: CreateOfficerInput;
};

export type MutationCreatePowerItemArgs = {
  input: CreatePowerItemInput;
};

export type MutationCreateRandomInspectionItemArgs = {
  input: CreateRandomInspectionItemInput;
};

export type MutationCreateReviewCatalogRuleArgs = {
  input: CreateReviewCatalogRuleInput;
};

export type MutationPublishExAnteDocumentArgs = {
  input: WorkflowInput;
};

export type MutationRejectExAnteDocumentArgs = {
  input: WorkflowInput;
};

export type MutationRetireExAnteDocumentArgs = {
  input: WorkflowInput;
};

export type MutationReviseAgencyPolicyArgs = {
  input: ReviseAgencyPolicyInput;
};

export type MutationReviseEntrustmentArgs = {
  input: ReviseEntrustmentInput;
};

export type MutationReviseEvaluationChecklistArgs = {
  input: ReviseEvaluationChecklistInput;
};

export type MutationReviseExAnteDocumentArgs = {
  input: ReviseExAnteInput;
};

export type MutationSubmitExAnteDocumentArgs = {
  input: WorkflowInput;
};

export type MutationUpdateAgencyArgs = {
  input: UpdateAgencyInput;
};

export type MutationUpdateOfficerArgs = {
  input: UpdateOfficerInput;
};

/** 执法人员 */
export type Officer = {
  __typename?: 'Officer';
  agency: Agency;
  /** 执法证状态历史（按生效日期）；判断某日是否有效以当日生效的状态为准 */
  credentialHistory: Array<CredentialStatusChange>;
  /** 执法证号（不透明字符串，机关内唯一） */
  credentialNumber: Scalars['String']['output'];
  /** 今天的执法证状态（按状态历史） */
  credentialStatus: CredentialStatus;
  /** 执法证有效期与执法类别的历史（按生效日期）；判断某日某执法类别是否有效以当日生效的条件为准（R2） */
  credentialTermsHistory: Array<CredentialTermsChange>;
  /** 该执法证在某日对某执法类别是否有效 */
  credentialValidOn: CredentialCheck;
  /** 执法类别 */
  enforcementAreas: Array<Scalars['String']['output']>;
  /** 首次从事法制审核（须持有法律职业资格，行政处罚法第五十八条第二款） */
  firstTimeReviewer: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['ID']['output'];
  /** 法律职业资格证书编号（同上，受限字段） */
  legalProfessionCertificate: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** 具备法制审核资格（仅本机关工作人员、监督及管理员可见，其他调用方为 null） */
  reviewQualified: Maybe<Scalars['Boolean']['output']>;
  validFrom: Scalars['Date']['output'];
  validUntil: Scalars['Date']['output'];
  version: Scalars['Int']['output'];
};

/** 执法人员 */
export type OfficerCredentialValidOnArgs = {
  area?: InputMaybe<Scalars['String']['input']>;
  date: Scalars['Date']['input'];
};

export type OfficerConnection = {
  __typename?: 'OfficerConnection';
  edges: Array<OfficerEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OfficerEdge = {
  __typename?: 'OfficerEdge';
  cursor: Scalars['String']['output'];
  node: Officer;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PartyKind = 'INDIVIDUAL_BUSINESS' | 'LEGAL_PERSON' | 'NATURAL_PERSON';

/** 处罚种类（行政处罚法第九条） */
export type PenaltyType =
  /** 通报批评 */
  | 'CIRCULATED_CRITICISM'
  /** 没收违法所得 */
  | 'CONFISCATE_ILLEGAL_GAINS'
  /** 没收非法财物 */
  | 'CONFISCATE_ILLEGAL_PROPERTY'
  /** 行政拘留 */
  | 'DETENTION'
  /** 罚款 */
  | 'FINE'
  /** 降低资质等级 */
  | 'LOWER_QUALIFICATION'
  /** 责令关闭 */
  | 'ORDER_CLOSURE'
  /** 责令停产停业 */
  | 'ORDER_STOP_BUSINESS'
  /** 法律、行政法规规定的其他行政处罚 */
  | 'OTHER'
  /** 限制开展生产经营活动 */
  | 'RESTRICT_BUSINESS'
  /** 限制从业 */
  | 'RESTRICT_PRACTICE'
  /** 吊销许可证件 */
  | 'REVOKE_LICENCE'
  /** 暂扣许可证件 */
  | 'SUSPEND_LICENCE'
  /** 警告 */
  | 'WARNING';

/** 权力事项类别 */
export type PowerCategory = 'ADJUDICATION' | 'BENEFIT' | 'COERCION' | 'CONFIRMATION' | 'INSPECTION' | 'LEVY' | 'LICENSING' | 'OTHER' | 'PENALTY' | 'REWARD';

/** 权力事项（权责清单） */
export type PowerItem = ExAnteDocument & {
  __typename?: 'PowerItem';
  /** 受理条件 */
  acceptanceConditions: Array<Scalars['String']['output']>;
  /** 追责情形 */
  accountability: Array<Scalars['String']['output']>;
  agency: Agency;
  category: PowerCategory;
  code: Scalars['String']['output'];
  /** 同一编码现行公示的版本（本版本即现行版本时为自身） */
  currentVersion: Maybe<PowerItem>;
  /** 自由裁量基准（现行公示版本） */
  discretionBenchmark: Maybe<DiscretionBenchmark>;
  /** 执法类别（与执法证的执法类别对应） */
  enforcementArea: Scalars['String']['output'];
  /** 设定依据 */
  establishingBasis: Array<LegalBasis>;
  id: Scalars['ID']['output'];
  /** 实施依据 */
  implementingBasis: Array<LegalBasis>;
  kind: ExAnteKind;
  name: Scalars['String']['output'];
  /** 适用的当事人类型（如“对单位……”仅 LEGAL_PERSON）；为空表示全部 */
  partyKinds: Array<PartyKind>;
  /** 执法流程 */
  procedureSteps: Array<Scalars['String']['output']>;
  /** 公示表述：行政处罚为违法行为，行政许可为许可事项，行政强制为措施对象 */
  publicSummary: Maybe<Scalars['String']['output']>;
  reliefChannels: Array<ReliefChannel>;
  /** 责任事项 */
  responsibilities: Array<Scalars['String']['output']>;
  status: PublicationStatus;
  /** 法定处罚幅度（按当事人类型；超出即拒绝，任何理由不能突破，R9） */
  statutoryRanges: Array<StatutoryRange>;
  /** 办理时限（工作日） */
  timeLimitWorkingDays: Maybe<Scalars['Int']['output']>;
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  /** 全部版本（公众仅见已公示及已停止公示的版本） */
  versions: Array<PowerItem>;
  workflow: WorkflowTrail;
};

export type PowerItemConnection = {
  __typename?: 'PowerItemConnection';
  edges: Array<PowerItemEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PowerItemEdge = {
  __typename?: 'PowerItemEdge';
  cursor: Scalars['String']['output'];
  node: PowerItem;
};

export type PowerItemFilter = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<PowerCategory>;
  enforcementArea?: InputMaybe<Scalars['String']['input']>;
  /** 名称包含 */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** 默认 PUBLISHED；其他状态仅工作人员可查 */
  status?: InputMaybe<PublicationStatus>;
};

export type PowerItemInput = {
  acceptanceConditions?: InputMaybe<Array<Scalars['String']['input']>>;
  accountability?: InputMaybe<Array<Scalars['String']['input']>>;
  category: PowerCategory;
  enforcementArea: Scalars['String']['input'];
  establishingBasis: Array<LegalBasisInput>;
  implementingBasis?: InputMaybe<Array<LegalBasisInput>>;
  name: Scalars['String']['input'];
  partyKinds?: InputMaybe<Array<PartyKind>>;
  procedureSteps: Array<Scalars['String']['input']>;
  publicSummary?: InputMaybe<Scalars['String']['input']>;
  reliefChannels: Array<ReliefChannelInput>;
  responsibilities?: InputMaybe<Array<Scalars['String']['input']>>;
  statutoryRanges?: InputMaybe<Array<StatutoryRangeInput>>;
  timeLimitWorkingDays?: InputMaybe<Scalars['Int']['input']>;
};

export type ProcedureKind = 'GENERAL' | 'SIMPLE';

/** 事前公开信息的发布流程状态 */
export type PublicationStatus =
  /** 法制审核通过 */
  | 'APPROVED'
  /** 草稿 */
  | 'DRAFT'
  /** 已公示 */
  | 'PUBLISHED'
  /** 已停止公示（被新版本取代或废止） */
  | 'RETIRED'
  /** 已提交法制审核 */
  | 'SUBMITTED';

export type Query = {
  __typename?: 'Query';
  /** 执法主体列表 */
  agencies: Array<Agency>;
  agency: Maybe<Agency>;
  /** 已公示的机关负责人名单 */
  agencyLeaders: Array<AgencyLeader>;
  /** 年度行政执法计划 */
  annualEnforcementPlans: Array<AnnualEnforcementPlan>;
  /** 音像记录事项清单 */
  avRecordingRules: Array<AvRecordingRule>;
  /** 自由裁量基准 */
  discretionBenchmarks: Array<DiscretionBenchmark>;
  /** 机关现行公示的案卷评查表；null 表示尚未公示（适用系统内置的第 0 版） */
  evaluationChecklist: Maybe<EvaluationChecklistVersion>;
  /** 按版本 ID 查询任意事前公开信息版本（公众仅见已公示及已停止公示的版本） */
  exAnteDocument: Maybe<ExAnteDocument>;
  /** 待处理的事前公开信息（工作人员） */
  exAnteWorkQueue: Array<ExAnteDocument>;
  officer: Maybe<Officer>;
  /** 执法人员（按机关分页） */
  officers: OfficerConnection;
  /** 权力事项的现行公示版本（工作人员在尚未公示时可见最新版本） */
  powerItem: Maybe<PowerItem>;
  /** 权责清单 */
  powerItems: PowerItemConnection;
  /** 随机抽查事项清单 */
  randomInspectionItems: Array<RandomInspectionItem>;
  /** 重大执法决定法制审核目录清单（现行公示版本） */
  reviewCatalog: Array<ReviewCatalogRule>;
};

export type QueryAgencyArgs = {
  id: Scalars['ID']['input'];
};

export type QueryAgencyLeadersArgs = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryAnnualEnforcementPlansArgs = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryAvRecordingRulesArgs = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryDiscretionBenchmarksArgs = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryEvaluationChecklistArgs = {
  agencyId: Scalars['ID']['input'];
};

export type QueryExAnteDocumentArgs = {
  id: Scalars['ID']['input'];
};

export type QueryExAnteWorkQueueArgs = {
  agencyId: Scalars['ID']['input'];
  status: PublicationStatus;
};

export type QueryOfficerArgs = {
  id: Scalars['ID']['input'];
};

export type QueryOfficersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  agencyId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryPowerItemArgs = {
  code: Scalars['String']['input'];
};

export type QueryPowerItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PowerItemFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryRandomInspectionItemsArgs = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryReviewCatalogArgs = {
  agencyId: Scalars['ID']['input'];
};

/** 随机抽查事项清单（实体键 code：解析为现行公示版本，inspections 子图据此补充抽查任务） */
export type RandomInspectionItem = ExAnteDocument & {
  __typename?: 'RandomInspectionItem';
  agency: Agency;
  basis: Array<LegalBasis>;
  code: Scalars['String']['output'];
  frequency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  inspectorRequirements: Maybe<Scalars['String']['output']>;
  kind: ExAnteKind;
  method: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** 抽查对象类型 */
  objectType: Scalars['String']['output'];
  powerItemCode: Maybe<Scalars['String']['output']>;
  /** 抽查比例（%） */
  ratioPercent: Scalars['Int']['output'];
  status: PublicationStatus;
  subItem: Maybe<Scalars['String']['output']>;
  /** 抽查主体 */
  subject: Scalars['String']['output'];
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
};

export type RandomInspectionItemInput = {
  basis: Array<LegalBasisInput>;
  frequency: Scalars['String']['input'];
  inspectorRequirements?: InputMaybe<Scalars['String']['input']>;
  method: Scalars['String']['input'];
  name: Scalars['String']['input'];
  objectType: Scalars['String']['input'];
  powerItemCode?: InputMaybe<Scalars['String']['input']>;
  ratioPercent: Scalars['Int']['input'];
  subItem?: InputMaybe<Scalars['String']['input']>;
  subject: Scalars['String']['input'];
};

/** 执法全过程记录阶段 */
export type RecordStage = 'ARCHIVING' | 'DECISION' | 'EXECUTION' | 'INITIATION' | 'INVESTIGATION' | 'REVIEW' | 'SERVICE';

/** 救济渠道 */
export type ReliefChannel = {
  __typename?: 'ReliefChannel';
  /** 受理机关 */
  body: Scalars['String']['output'];
  /** 行政复议 / 行政诉讼 */
  kind: ReliefKind;
  /** 期限说明，如 自知道之日起六十日内 */
  timeLimit: Scalars['String']['output'];
};

export type ReliefChannelInput = {
  body: Scalars['String']['input'];
  kind: ReliefKind;
  timeLimit: Scalars['String']['input'];
};

export type ReliefKind = 'ADMINISTRATIVE_LITIGATION' | 'ADMINISTRATIVE_RECONSIDERATION';

/** 案卷保管期限 */
export type RetentionPeriod = {
  __typename?: 'RetentionPeriod';
  caseType: CaseType;
  /** 仅适用于该程序；为空表示该类型全部案件 */
  procedure: Maybe<ProcedureKind>;
  /** 保管年数；为空表示永久 */
  years: Maybe<Scalars['Int']['output']>;
};

export type RetentionPeriodInput = {
  caseType: CaseType;
  procedure?: InputMaybe<ProcedureKind>;
  years?: InputMaybe<Scalars['Int']['input']>;
};

/** 重大执法决定法制审核目录清单中的一条（数据驱动：所有给出的条件同时满足即命中） */
export type ReviewCatalogRule = ExAnteDocument & {
  __typename?: 'ReviewCatalogRule';
  agency: Agency;
  basis: Array<LegalBasis>;
  caseTypes: Array<CaseType>;
  code: Scalars['String']['output'];
  /** 命中时须由负责人集体讨论决定（行政处罚法第五十七条第二款） */
  collectiveDiscussion: Scalars['Boolean']['output'];
  description: Scalars['String']['output'];
  fineThresholds: Array<FineThreshold>;
  /** 任一人工认定情形命中 */
  flags: Array<ReviewFlag>;
  /** 须经听证 */
  hearingHeld: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['ID']['output'];
  kind: ExAnteKind;
  /** 任一处罚种类命中 */
  penaltyTypes: Array<PenaltyType>;
  procedure: Maybe<ProcedureKind>;
  status: PublicationStatus;
  version: Scalars['Int']['output'];
  versionNo: Scalars['Int']['output'];
  workflow: WorkflowTrail;
};

export type ReviewCatalogRuleInput = {
  basis: Array<LegalBasisInput>;
  caseTypes?: InputMaybe<Array<CaseType>>;
  collectiveDiscussion?: InputMaybe<Scalars['Boolean']['input']>;
  description: Scalars['String']['input'];
  fineThresholds?: InputMaybe<Array<FineThresholdInput>>;
  flags?: InputMaybe<Array<ReviewFlag>>;
  hearingHeld?: InputMaybe<Scalars['Boolean']['input']>;
  penaltyTypes?: InputMaybe<Array<PenaltyType>>;
  procedure?: InputMaybe<ProcedureKind>;
};

/** 需人工认定的重大情形 */
export type ReviewFlag =
  /** 案件情况疑难复杂、涉及多个法律关系 */
  | 'COMPLEX'
  /** 涉嫌犯罪需移送司法机关 */
  | 'CRIMINAL_REFERRAL'
  /** 涉及重大公共利益 */
  | 'MAJOR_PUBLIC_INTEREST'
  /** 直接关系当事人或第三人重大权益 */
  | 'MAJOR_RIGHTS'
  /** 可能造成重大社会影响或引发社会风险 */
  | 'MAJOR_SOCIAL_IMPACT';

/** 起草机关执法设置的新版本：未给出的字段沿用现行设置（或本机关尚未提交的草稿） */
export type ReviseAgencyPolicyInput = {
  agencyId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  policy: AgencyPolicyInput;
};

/** 起草委托书的新版本（受委托组织） */
export type ReviseEntrustmentInput = {
  agencyId: Scalars['ID']['input'];
  entrustment: EntrustmentInput;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** 起草案卷评查表的新版本（八项各一次） */
export type ReviseEvaluationChecklistInput = {
  agencyId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  items: Array<EvaluationChecklistEntryInput>;
};

/** 修改事前公开信息：草稿直接修改；已公示版本产生新草稿版本，原版本继续公示 */
export type ReviseExAnteInput = {
  agencyLeader?: InputMaybe<AgencyLeaderInput>;
  annualEnforcementPlan?: InputMaybe<AnnualEnforcementPlanInput>;
  avRecordingRule?: InputMaybe<AvRecordingRuleInput>;
  discretionTiers?: InputMaybe<Array<DiscretionTierRuleInput>>;
  /** 要修改的版本 ID */
  id: Scalars['ID']['input'];
  powerItem?: InputMaybe<PowerItemInput>;
  randomInspectionItem?: InputMaybe<RandomInspectionItemInput>;
  reviewCatalogRule?: InputMaybe<ReviewCatalogRuleInput>;
  /** 该版本的并发控制版本 */
  version: Scalars['Int']['input'];
};

/** 政务服务窗口信息：岗位职责、申请材料示范文本、咨询服务、投诉举报 */
export type ServiceWindow = {
  __typename?: 'ServiceWindow';
  complaintHotline: Maybe<Scalars['String']['output']>;
  consultation: Maybe<Scalars['String']['output']>;
  location: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  sampleForms: Array<Scalars['String']['output']>;
  staffDuties: Array<Scalars['String']['output']>;
};

export type ServiceWindowInput = {
  complaintHotline?: InputMaybe<Scalars['String']['input']>;
  consultation?: InputMaybe<Scalars['String']['input']>;
  location?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  sampleForms?: InputMaybe<Array<Scalars['String']['input']>>;
  staffDuties?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** 一个执法主体的人员情况（统计期末） */
export type StaffFigures = {
  __typename?: 'StaffFigures';
  agency: Agency;
  /** 统计日期：统计期末，晚于今天时为今天 */
  asOf: Scalars['Date']['output'];
  /** 执法人员 */
  officers: Scalars['Int']['output'];
  /** 法制审核人员（具有审核资格） */
  reviewStaff: Scalars['Int']['output'];
  /** 其中具有法律职业资格的 */
  reviewStaffWithLegalCertificate: Scalars['Int']['output'];
  /** 持有效执法证件的执法人员（该日证件状态有效且在有效期内） */
  validCredentials: Scalars['Int']['output'];
};

export type Statistics = {
  __typename?: 'Statistics';
  key: Scalars['ID']['output'];
  /** 各执法主体的执法人员、持有效执法证件人员、法制审核人员及其中具有法律职业资格的人数（统计期末；服务不可用时为 null） */
  staff: Maybe<Array<StaffFigures>>;
};

/** 法律规定的处罚幅度：对哪类当事人，可给予哪些处罚种类，罚款上下限（fineMin 为空表示“……元以下”） */
export type StatutoryRange = {
  __typename?: 'StatutoryRange';
  /** 规定幅度的条款 */
  basis: LegalBasis;
  fineMax: Maybe<Scalars['Decimal']['output']>;
  fineMin: Maybe<Scalars['Decimal']['output']>;
  /** 为空表示全部当事人类型 */
  partyKinds: Array<PartyKind>;
  penaltyTypes: Array<PenaltyType>;
};

export type StatutoryRangeInput = {
  basis: LegalBasisInput;
  fineMax?: InputMaybe<Scalars['Decimal']['input']>;
  fineMin?: InputMaybe<Scalars['Decimal']['input']>;
  partyKinds?: InputMaybe<Array<PartyKind>>;
  penaltyTypes: Array<PenaltyType>;
};

export type UpdateAgencyInput = {
  complaintChannels?: InputMaybe<Array<ComplaintChannelInput>>;
  contact?: InputMaybe<ContactInput>;
  /** 已停用：委托书须经 reviseEntrustment 起草并经法制审核、公示后生效（R1）；给出即拒绝 */
  entrustment?: InputMaybe<EntrustmentInput>;
  id: Scalars['ID']['input'];
  /** 主体种类（如机构改革后由受委托组织变为法律法规授权组织）；改为非 ENTRUSTED 时委托书一并失效 */
  kind?: InputMaybe<AgencyKind>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** 已停用：执法设置须经 reviseAgencyPolicy 起草并经法制审核、公示后生效（R1）；给出即拒绝 */
  policy?: InputMaybe<AgencyPolicyInput>;
  serviceWindows?: InputMaybe<Array<ServiceWindowInput>>;
  version: Scalars['Int']['input'];
};

export type UpdateOfficerInput = {
  /** 新状态，记入状态历史 */
  credentialStatus?: InputMaybe<CredentialStatus>;
  /** 新状态的生效日期（默认今天；可早于今天，如暂扣决定早于录入） */
  credentialStatusEffectiveFrom?: InputMaybe<Scalars['Date']['input']>;
  /** 状态变更原因（变更状态时必填） */
  credentialStatusReason?: InputMaybe<Scalars['String']['input']>;
  enforcementAreas?: InputMaybe<Array<Scalars['String']['input']>>;
  firstTimeReviewer?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  legalProfessionCertificate?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  reviewQualified?: InputMaybe<Scalars['Boolean']['input']>;
  /** 有效期或执法类别变更的生效日期（默认今天）；此前的执法行为仍按此前的条件判断（R2） */
  termsEffectiveFrom?: InputMaybe<Scalars['Date']['input']>;
  /** 有效期或执法类别变更的原因（生效日期早于今天时必填） */
  termsReason?: InputMaybe<Scalars['String']['input']>;
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  validUntil?: InputMaybe<Scalars['Date']['input']>;
  version: Scalars['Int']['input'];
};

export type WorkflowInput = {
  /** 版本 ID */
  id: Scalars['ID']['input'];
  /** 审核意见、退回理由或废止理由 */
  note?: InputMaybe<Scalars['String']['input']>;
  /** 并发控制版本 */
  version: Scalars['Int']['input'];
};

/** 谁在何时起草、提交、审核、公示、废止（仅工作人员可见，公众为 null 的字段） */
export type WorkflowTrail = {
  __typename?: 'WorkflowTrail';
  approvalNote: Maybe<Scalars['String']['output']>;
  approvedAt: Maybe<Scalars['DateTime']['output']>;
  approvedBy: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Maybe<Scalars['String']['output']>;
  publishedAt: Maybe<Scalars['DateTime']['output']>;
  publishedBy: Maybe<Scalars['String']['output']>;
  retireReason: Maybe<Scalars['String']['output']>;
  retiredAt: Maybe<Scalars['DateTime']['output']>;
  retiredBy: Maybe<Scalars['String']['output']>;
  submittedAt: Maybe<Scalars['DateTime']['output']>;
  submittedBy: Maybe<Scalars['String']['output']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
  reference: TReference,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs> | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>) | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (next: NextResolverFn<TResult>, parent: TParent, args: TArgs, context: TContext, info: GraphQLResolveInfo) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Agency: Agency;
  Officer: Officer;
  PowerItem: PowerItem;
  RandomInspectionItem: RandomInspectionItem;
  Statistics: Statistics;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Agency: { __typename: 'Agency' } & GraphQLRecursivePick<FederationTypes['Agency'], { id: true }>;
  Officer: { __typename: 'Officer' } & GraphQLRecursivePick<FederationTypes['Officer'], { id: true }>;
  PowerItem: { __typename: 'PowerItem' } & (
    GraphQLRecursivePick<FederationTypes['PowerItem'], { code: true }> | GraphQLRecursivePick<FederationTypes['PowerItem'], { id: true }>
  );
  RandomInspectionItem: { __typename: 'RandomInspectionItem' } & GraphQLRecursivePick<FederationTypes['RandomInspectionItem'], { code: true }>;
  Statistics: { __typename: 'Statistics' } & GraphQLRecursivePick<FederationTypes['Statistics'], { key: true }>;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Agency: ResolverTypeWrapper<AgencyRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AgencyKind: AgencyKind;
  AgencyLeader: ResolverTypeWrapper<AgencyLeaderView>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AgencyLeaderInput: AgencyLeaderInput;
  AgencyPolicy: ResolverTypeWrapper<AgencyPolicy>;
  AgencyPolicyInput: AgencyPolicyInput;
  AgencyPolicyVersion: ResolverTypeWrapper<AgencyPolicyView>;
  AnnualEnforcementPlan: ResolverTypeWrapper<AnnualPlanView>;
  AnnualEnforcementPlanInput: AnnualEnforcementPlanInput;
  AvRecordingRule: ResolverTypeWrapper<AvRecordingRuleView>;
  AvRecordingRuleInput: AvRecordingRuleInput;
  CaseNumberFormat: ResolverTypeWrapper<CaseNumberFormat>;
  CaseNumberFormatInput: CaseNumberFormatInput;
  CaseType: CaseType;
  ComplaintChannel: ResolverTypeWrapper<ComplaintChannel>;
  ComplaintChannelInput: ComplaintChannelInput;
  Contact: ResolverTypeWrapper<Contact>;
  ContactInput: ContactInput;
  CreateAgencyInput: CreateAgencyInput;
  CreateAgencyLeaderInput: CreateAgencyLeaderInput;
  CreateAnnualEnforcementPlanInput: CreateAnnualEnforcementPlanInput;
  CreateAvRecordingRuleInput: CreateAvRecordingRuleInput;
  CreateDiscretionBenchmarkInput: CreateDiscretionBenchmarkInput;
  CreateOfficerInput: CreateOfficerInput;
  CreatePowerItemInput: CreatePowerItemInput;
  CreateRandomInspectionItemInput: CreateRandomInspectionItemInput;
  CreateReviewCatalogRuleInput: CreateReviewCatalogRuleInput;
  CredentialCheck: ResolverTypeWrapper<CredentialCheck>;
  CredentialStatus: CredentialStatus;
  CredentialStatusChange: ResolverTypeWrapper<CredentialStatusChange>;
  CredentialTermsChange: ResolverTypeWrapper<CredentialTermsChange>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DiscretionBenchmark: ResolverTypeWrapper<BenchmarkView>;
  DiscretionTier: DiscretionTier;
  DiscretionTierRule: ResolverTypeWrapper<DiscretionTierRule>;
  DiscretionTierRuleInput: DiscretionTierRuleInput;
  Entrustment: ResolverTypeWrapper<EntrustmentValue>;
  EntrustmentInput: EntrustmentInput;
  EntrustmentVersion: ResolverTypeWrapper<EntrustmentView>;
  EvaluationChecklistAnchor: ResolverTypeWrapper<EvaluationChecklistAnchor>;
  EvaluationChecklistAnchorInput: EvaluationChecklistAnchorInput;
  EvaluationChecklistEntry: ResolverTypeWrapper<EvaluationChecklistEntry>;
  EvaluationChecklistEntryInput: EvaluationChecklistEntryInput;
  EvaluationChecklistVersion: ResolverTypeWrapper<EvaluationChecklistView>;
  ExAnteDocument: ResolverTypeWrapper<AnyDocView>;
  ExAnteKind: ExAnteKind;
  FineThreshold: ResolverTypeWrapper<FineThreshold>;
  FineThresholdInput: FineThresholdInput;
  LegalBasis: ResolverTypeWrapper<LegalBasis>;
  LegalBasisInput: LegalBasisInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Officer: ResolverTypeWrapper<OfficerRow>;
  OfficerConnection: ResolverTypeWrapper<OfficerConnectionModel>;
  OfficerEdge: ResolverTypeWrapper<Omit<OfficerEdge, 'node'> & { node: ResolversTypes['Officer'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartyKind: PartyKind;
  PenaltyType: PenaltyType;
  PowerCategory: PowerCategory;
  PowerItem: ResolverTypeWrapper<PowerItemView>;
  PowerItemConnection: ResolverTypeWrapper<PowerItemConnectionModel>;
  PowerItemEdge: ResolverTypeWrapper<Omit<PowerItemEdge, 'node'> & { node: ResolversTypes['PowerItem'] }>;
  PowerItemFilter: PowerItemFilter;
  PowerItemInput: PowerItemInput;
  ProcedureKind: ProcedureKind;
  PublicationStatus: PublicationStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RandomInspectionItem: ResolverTypeWrapper<RandomInspectionItemView>;
  RandomInspectionItemInput: RandomInspectionItemInput;
  RecordStage: RecordStage;
  ReliefChannel: ResolverTypeWrapper<ReliefChannel>;
  ReliefChannelInput: ReliefChannelInput;
  ReliefKind: ReliefKind;
  RetentionPeriod: ResolverTypeWrapper<RetentionPeriod>;
  RetentionPeriodInput: RetentionPeriodInput;
  ReviewCatalogRule: ResolverTypeWrapper<ReviewCatalogRuleView>;
  ReviewCatalogRuleInput: ReviewCatalogRuleInput;
  ReviewFlag: ReviewFlag;
  ReviseAgencyPolicyInput: ReviseAgencyPolicyInput;
  ReviseEntrustmentInput: ReviseEntrustmentInput;
  ReviseEvaluationChecklistInput: ReviseEvaluationChecklistInput;
  ReviseExAnteInput: ReviseExAnteInput;
  ServiceWindow: ResolverTypeWrapper<ServiceWindow>;
  ServiceWindowInput: ServiceWindowInput;
  StaffFigures: ResolverTypeWrapper<StaffRow>;
  Statistics: ResolverTypeWrapper<StatisticsScope>;
  StatutoryRange: ResolverTypeWrapper<StatutoryRange>;
  StatutoryRangeInput: StatutoryRangeInput;
  UpdateAgencyInput: UpdateAgencyInput;
  UpdateOfficerInput: UpdateOfficerInput;
  WorkflowInput: WorkflowInput;
  WorkflowTrail: ResolverTypeWrapper<AnyDocView>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agency: AgencyRow;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  AgencyLeader: AgencyLeaderView;
  Boolean: Scalars['Boolean']['output'];
  AgencyLeaderInput: AgencyLeaderInput;
  AgencyPolicy: AgencyPolicy;
  AgencyPolicyInput: AgencyPolicyInput;
  AgencyPolicyVersion: AgencyPolicyView;
  AnnualEnforcementPlan: AnnualPlanView;
  AnnualEnforcementPlanInput: AnnualEnforcementPlanInput;
  AvRecordingRule: AvRecordingRuleView;
  AvRecordingRuleInput: AvRecordingRuleInput;
  CaseNumberFormat: CaseNumberFormat;
  CaseNumberFormatInput: CaseNumberFormatInput;
  ComplaintChannel: ComplaintChannel;
  ComplaintChannelInput: ComplaintChannelInput;
  Contact: Contact;
  ContactInput: ContactInput;
  CreateAgencyInput: CreateAgencyInput;
  CreateAgencyLeaderInput: CreateAgencyLeaderInput;
  CreateAnnualEnforcementPlanInput: CreateAnnualEnforcementPlanInput;
  CreateAvRecordingRuleInput: CreateAvRecordingRuleInput;
  CreateDiscretionBenchmarkInput: CreateDiscretionBenchmarkInput;
  CreateOfficerInput: CreateOfficerInput;
  CreatePowerItemInput: CreatePowerItemInput;
  CreateRandomInspectionItemInput: CreateRandomInspectionItemInput;
  CreateReviewCatalogRuleInput: CreateReviewCatalogRuleInput;
  CredentialCheck: CredentialCheck;
  CredentialStatusChange: CredentialStatusChange;
  CredentialTermsChange: CredentialTermsChange;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  DiscretionBenchmark: BenchmarkView;
  DiscretionTierRule: DiscretionTierRule;
  DiscretionTierRuleInput: DiscretionTierRuleInput;
  Entrustment: EntrustmentValue;
  EntrustmentInput: EntrustmentInput;
  EntrustmentVersion: EntrustmentView;
  EvaluationChecklistAnchor: EvaluationChecklistAnchor;
  EvaluationChecklistAnchorInput: EvaluationChecklistAnchorInput;
  EvaluationChecklistEntry: EvaluationChecklistEntry;
  EvaluationChecklistEntryInput: EvaluationChecklistEntryInput;
  EvaluationChecklistVersion: EvaluationChecklistView;
  ExAnteDocument: AnyDocView;
  FineThreshold: FineThreshold;
  FineThresholdInput: FineThresholdInput;
  LegalBasis: LegalBasis;
  LegalBasisInput: LegalBasisInput;
  Mutation: Record<PropertyKey, never>;
  Officer: OfficerRow;
  OfficerConnection: OfficerConnectionModel;
  OfficerEdge: Omit<OfficerEdge, 'node'> & { node: ResolversParentTypes['Officer'] };
  PageInfo: PageInfo;
  PowerItem: PowerItemView;
  PowerItemConnection: PowerItemConnectionModel;
  PowerItemEdge: Omit<PowerItemEdge, 'node'> & { node: ResolversParentTypes['PowerItem'] };
  PowerItemFilter: PowerItemFilter;
  PowerItemInput: PowerItemInput;
  Query: Record<PropertyKey, never>;
  RandomInspectionItem: RandomInspectionItemView;
  RandomInspectionItemInput: RandomInspectionItemInput;
  ReliefChannel: ReliefChannel;
  ReliefChannelInput: ReliefChannelInput;
  RetentionPeriod: RetentionPeriod;
  RetentionPeriodInput: RetentionPeriodInput;
  ReviewCatalogRule: ReviewCatalogRuleView;
  ReviewCatalogRuleInput: ReviewCatalogRuleInput;
  ReviseAgencyPolicyInput: ReviseAgencyPolicyInput;
  ReviseEntrustmentInput: ReviseEntrustmentInput;
  ReviseEvaluationChecklistInput: ReviseEvaluationChecklistInput;
  ReviseExAnteInput: ReviseExAnteInput;
  ServiceWindow: ServiceWindow;
  ServiceWindowInput: ServiceWindowInput;
  StaffFigures: StaffRow;
  Statistics: StatisticsScope;
  StatutoryRange: StatutoryRange;
  StatutoryRangeInput: StatutoryRangeInput;
  UpdateAgencyInput: UpdateAgencyInput;
  UpdateOfficerInput: UpdateOfficerInput;
  WorkflowInput: WorkflowInput;
  WorkflowTrail: AnyDocView;
}>;

export type AgencyResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency'],
  FederationReferenceType extends FederationReferenceTypes['Agency'] = FederationReferenceTypes['Agency'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Agency']> | FederationReferenceType, FederationReferenceType, ContextType>;
  complaintChannels?: Resolver<Array<ResolversTypes['ComplaintChannel']>, ParentType, ContextType>;
  contact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entrustment?: Resolver<Maybe<ResolversTypes['Entrustment']>, ParentType, ContextType>;
  entrustmentVersion?: Resolver<Maybe<ResolversTypes['EntrustmentVersion']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AgencyKind'], ParentType, ContextType>;
  legalBasis?: Resolver<Array<ResolversTypes['LegalBasis']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  officers?: Resolver<ResolversTypes['OfficerConnection'], ParentType, ContextType, Partial<AgencyOfficersArgs>>;
  policy?: Resolver<ResolversTypes['AgencyPolicy'], ParentType, ContextType>;
  policyVersion?: Resolver<Maybe<ResolversTypes['AgencyPolicyVersion']>, ParentType, ContextType>;
  powerItems?: Resolver<ResolversTypes['PowerItemConnection'], ParentType, ContextType, Partial<AgencyPowerItemsArgs>>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serviceWindows?: Resolver<Array<ResolversTypes['ServiceWindow']>, ParentType, ContextType>;
  settingsVersions?: Resolver<Array<ResolversTypes['ExAnteDocument']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AgencyLeaderResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['AgencyLeader'] = ResolversParentTypes['AgencyLeader'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  officerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  principal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AgencyPolicyResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['AgencyPolicy'] = ResolversParentTypes['AgencyPolicy'],
> = ResolversObject<{
  autoPublishDecisions?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  caseNumberFormat?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  caseNumberFormats?: Resolver<Array<ResolversTypes['CaseNumberFormat']>, ParentType, ContextType>;
  lateEntryWorkingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  publicationMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  publishSimpleProcedure?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  publishWarnings?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  retention?: Resolver<Array<ResolversTypes['RetentionPeriod']>, ParentType, ContextType>;
  reviewAllGeneralProcedurePenalties?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reviewTimeLimitWorkingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shortPublicationMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  smallFineThreshold?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type AgencyPolicyVersionResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['AgencyPolicyVersion'] = ResolversParentTypes['AgencyPolicyVersion'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  policy?: Resolver<ResolversTypes['AgencyPolicy'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AnnualEnforcementPlanResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['AnnualEnforcementPlan'] = ResolversParentTypes['AnnualEnforcementPlan'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  focusAreas?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  plannedInspections?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AvRecordingRuleResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['AvRecordingRule'] = ResolversParentTypes['AvRecordingRule'],
> = ResolversObject<{
  activity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  basis?: Resolver<Array<ResolversTypes['LegalBasis']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['RecordStage'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CaseNumberFormatResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['CaseNumberFormat'] = ResolversParentTypes['CaseNumberFormat'],
> = ResolversObject<{
  caseType?: Resolver<ResolversTypes['CaseType'], ParentType, ContextType>;
  format?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ComplaintChannelResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['ComplaintChannel'] = ResolversParentTypes['ComplaintChannel'],
> = ResolversObject<{
  contact?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ContactResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact'],
> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  officeHours?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CredentialCheckResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['CredentialCheck'] = ResolversParentTypes['CredentialCheck'],
> = ResolversObject<{
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type CredentialStatusChangeResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['CredentialStatusChange'] = ResolversParentTypes['CredentialStatusChange'],
> = ResolversObject<{
  effectiveFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CredentialStatus'], ParentType, ContextType>;
}>;

export type CredentialTermsChangeResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['CredentialTermsChange'] = ResolversParentTypes['CredentialTermsChange'],
> = ResolversObject<{
  effectiveFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  enforcementAreas?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DiscretionBenchmarkResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['DiscretionBenchmark'] = ResolversParentTypes['DiscretionBenchmark'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  powerItem?: Resolver<Maybe<ResolversTypes['PowerItem']>, ParentType, ContextType>;
  powerItemCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  tiers?: Resolver<Array<ResolversTypes['DiscretionTierRule']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DiscretionTierRuleResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['DiscretionTierRule'] = ResolversParentTypes['DiscretionTierRule'],
> = ResolversObject<{
  circumstances?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fineMax?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  fineMin?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  penaltyTypes?: Resolver<Array<ResolversTypes['PenaltyType']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['DiscretionTier'], ParentType, ContextType>;
}>;

export type EntrustmentResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['Entrustment'] = ResolversParentTypes['Entrustment'],
> = ResolversObject<{
  documentNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entrustingAgency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  powerItemCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type EntrustmentVersionResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['EntrustmentVersion'] = ResolversParentTypes['EntrustmentVersion'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entrustment?: Resolver<ResolversTypes['Entrustment'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type EvaluationChecklistAnchorResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['EvaluationChecklistAnchor'] = ResolversParentTypes['EvaluationChecklistAnchor'],
> = ResolversObject<{
  article?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  law?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type EvaluationChecklistEntryResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['EvaluationChecklistEntry'] = ResolversParentTypes['EvaluationChecklistEntry'],
> = ResolversObject<{
  anchors?: Resolver<Array<ResolversTypes['EvaluationChecklistAnchor']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  criteria?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EvaluationChecklistVersionResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['EvaluationChecklistVersion'] = ResolversParentTypes['EvaluationChecklistVersion'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['EvaluationChecklistEntry']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ExAnteDocumentResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['ExAnteDocument'] = ResolversParentTypes['ExAnteDocument'],
> = ResolversObject<{
  __resolveType: TypeResolveFn<
    | 'AgencyLeader'
    | 'AgencyPolicyVersion'
    | 'AnnualEnforcementPlan'
    | 'AvRecordingRule'
    | 'DiscretionBenchmark'
    | 'EntrustmentVersion'
    | 'EvaluationChecklistVersion'
    | 'PowerItem'
    | 'RandomInspectionItem'
    | 'ReviewCatalogRule',
    ParentType,
    ContextType
  >;
}>;

export type FineThresholdResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['FineThreshold'] = ResolversParentTypes['FineThreshold'],
> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  partyKind?: Resolver<ResolversTypes['PartyKind'], ParentType, ContextType>;
}>;

export type LegalBasisResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['LegalBasis'] = ResolversParentTypes['LegalBasis'],
> = ResolversObject<{
  article?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  excerpt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  law?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  approveExAnteDocument?: Resolver<ResolversTypes['ExAnteDocument'], ParentType, ContextType, RequireFields<MutationApproveExAnteDocumentArgs, 'input'>>;
  createAgency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType, RequireFields<MutationCreateAgencyArgs, 'input'>>;
  createAgencyLeader?: Resolver<ResolversTypes['AgencyLeader'], ParentType, ContextType, RequireFields<MutationCreateAgencyLeaderArgs, 'input'>>;
  createAnnualEnforcementPlan?: Resolver<
    ResolversTypes['AnnualEnforcementPlan'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateAnnualEnforcementPlanArgs, 'input'>
  >;
  createAvRecordingRule?: Resolver<ResolversTypes['AvRecordingRule'], ParentType, ContextType, RequireFields<MutationCreateAvRecordingRuleArgs, 'input'>>;
  createDiscretionBenchmark?: Resolver<
    ResolversTypes['DiscretionBenchmark'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateDiscretionBenchmarkArgs, 'input'>
  >;
  createOfficer?: Resolver<ResolversTypes['Officer'], ParentType, ContextType, RequireFields<MutationCreateOfficerArgs, 'input'>>;
  createPowerItem?: Resolver<ResolversTypes['PowerItem'], ParentType, ContextType, RequireFields<MutationCreatePowerItemArgs, 'input'>>;
  createRandomInspectionItem?: Resolver<
    ResolversTypes['RandomInspectionItem'],
    ParentType,
    ContextType,
    RequireFields<MutationCreateRandomInspectionItemArgs, 'input'>
  >;
  createReviewCatalogRule?: Resolver<ResolversTypes['ReviewCatalogRule'], ParentType, ContextType, RequireFields<MutationCreateReviewCatalogRuleArgs, 'input'>>;
  publishExAnteDocument?: Resolver<ResolversTypes['ExAnteDocument'], ParentType, ContextType, RequireFields<MutationPublishExAnteDocumentArgs, 'input'>>;
  rejectExAnteDocument?: Resolver<ResolversTypes['ExAnteDocument'], ParentType, ContextType, RequireFields<MutationRejectExAnteDocumentArgs, 'input'>>;
  retireExAnteDocument?: Resolver<ResolversTypes['ExAnteDocument'], ParentType, ContextType, RequireFields<MutationRetireExAnteDocumentArgs, 'input'>>;
  reviseAgencyPolicy?: Resolver<ResolversTypes['AgencyPolicyVersion'], ParentType, ContextType, RequireFields<MutationReviseAgencyPolicyArgs, 'input'>>;
  reviseEntrustment?: Resolver<ResolversTypes['EntrustmentVersion'], ParentType, ContextType, RequireFields<MutationReviseEntrustmentArgs, 'input'>>;
  reviseEvaluationChecklist?: Resolver<
    ResolversTypes['EvaluationChecklistVersion'],
    ParentType,
    ContextType,
    RequireFields<MutationReviseEvaluationChecklistArgs, 'input'>
  >;
  reviseExAnteDocument?: Resolver<ResolversTypes['ExAnteDocument'], ParentType, ContextType, RequireFields<MutationReviseExAnteDocumentArgs, 'input'>>;
  submitExAnteDocument?: Resolver<ResolversTypes['ExAnteDocument'], ParentType, ContextType, RequireFields<MutationSubmitExAnteDocumentArgs, 'input'>>;
  updateAgency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType, RequireFields<MutationUpdateAgencyArgs, 'input'>>;
  updateOfficer?: Resolver<ResolversTypes['Officer'], ParentType, ContextType, RequireFields<MutationUpdateOfficerArgs, 'input'>>;
}>;

export type OfficerResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['Officer'] = ResolversParentTypes['Officer'],
  FederationReferenceType extends FederationReferenceTypes['Officer'] = FederationReferenceTypes['Officer'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Officer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  credentialHistory?: Resolver<Array<ResolversTypes['CredentialStatusChange']>, ParentType, ContextType>;
  credentialNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  credentialStatus?: Resolver<ResolversTypes['CredentialStatus'], ParentType, ContextType>;
  credentialTermsHistory?: Resolver<Array<ResolversTypes['CredentialTermsChange']>, ParentType, ContextType>;
  credentialValidOn?: Resolver<ResolversTypes['CredentialCheck'], ParentType, ContextType, RequireFields<OfficerCredentialValidOnArgs, 'date'>>;
  enforcementAreas?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  firstTimeReviewer?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalProfessionCertificate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reviewQualified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OfficerConnectionResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['OfficerConnection'] = ResolversParentTypes['OfficerConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OfficerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OfficerEdgeResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['OfficerEdge'] = ResolversParentTypes['OfficerEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Officer'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PowerItemResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['PowerItem'] = ResolversParentTypes['PowerItem'],
  FederationReferenceType extends FederationReferenceTypes['PowerItem'] = FederationReferenceTypes['PowerItem'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PowerItem']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acceptanceConditions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  accountability?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['PowerCategory'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentVersion?: Resolver<Maybe<ResolversTypes['PowerItem']>, ParentType, ContextType>;
  discretionBenchmark?: Resolver<Maybe<ResolversTypes['DiscretionBenchmark']>, ParentType, ContextType>;
  enforcementArea?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  establishingBasis?: Resolver<Array<ResolversTypes['LegalBasis']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  implementingBasis?: Resolver<Array<ResolversTypes['LegalBasis']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partyKinds?: Resolver<Array<ResolversTypes['PartyKind']>, ParentType, ContextType>;
  procedureSteps?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  publicSummary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reliefChannels?: Resolver<Array<ResolversTypes['ReliefChannel']>, ParentType, ContextType>;
  responsibilities?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  statutoryRanges?: Resolver<Array<ResolversTypes['StatutoryRange']>, ParentType, ContextType>;
  timeLimitWorkingDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['PowerItem']>, ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PowerItemConnectionResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['PowerItemConnection'] = ResolversParentTypes['PowerItemConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PowerItemEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PowerItemEdgeResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['PowerItemEdge'] = ResolversParentTypes['PowerItemEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PowerItem'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PowersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  agencies?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType, RequireFields<QueryAgencyArgs, 'id'>>;
  agencyLeaders?: Resolver<Array<ResolversTypes['AgencyLeader']>, ParentType, ContextType, Partial<QueryAgencyLeadersArgs>>;
  annualEnforcementPlans?: Resolver<Array<ResolversTypes['AnnualEnforcementPlan']>, ParentType, ContextType, Partial<QueryAnnualEnforcementPlansArgs>>;
  avRecordingRules?: Resolver<Array<ResolversTypes['AvRecordingRule']>, ParentType, ContextType, Partial<QueryAvRecordingRulesArgs>>;
  discretionBenchmarks?: Resolver<Array<ResolversTypes['DiscretionBenchmark']>, ParentType, ContextType, Partial<QueryDiscretionBenchmarksArgs>>;
  evaluationChecklist?: Resolver<
    Maybe<ResolversTypes['EvaluationChecklistVersion']>,
    ParentType,
    ContextType,
    RequireFields<QueryEvaluationChecklistArgs, 'agencyId'>
  >;
  exAnteDocument?: Resolver<Maybe<ResolversTypes['ExAnteDocument']>, ParentType, ContextType, RequireFields<QueryExAnteDocumentArgs, 'id'>>;
  exAnteWorkQueue?: Resolver<Array<ResolversTypes['ExAnteDocument']>, ParentType, ContextType, RequireFields<QueryExAnteWorkQueueArgs, 'agencyId' | 'status'>>;
  officer?: Resolver<Maybe<ResolversTypes['Officer']>, ParentType, ContextType, RequireFields<QueryOfficerArgs, 'id'>>;
  officers?: Resolver<ResolversTypes['OfficerConnection'], ParentType, ContextType, RequireFields<QueryOfficersArgs, 'agencyId'>>;
  powerItem?: Resolver<Maybe<ResolversTypes['PowerItem']>, ParentType, ContextType, RequireFields<QueryPowerItemArgs, 'code'>>;
  powerItems?: Resolver<ResolversTypes['PowerItemConnection'], ParentType, ContextType, Partial<QueryPowerItemsArgs>>;
  randomInspectionItems?: Resolver<Array<ResolversTypes['RandomInspectionItem']>, ParentType, ContextType, Partial<QueryRandomInspectionItemsArgs>>;
  reviewCatalog?: Resolver<Array<ResolversTypes['ReviewCatalogRule']>, ParentType, ContextType, RequireFields<QueryReviewCatalogArgs, 'agencyId'>>;
}>;

export type RandomInspectionItemResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['RandomInspectionItem'] = ResolversParentTypes['RandomInspectionItem'],
  FederationReferenceType extends FederationReferenceTypes['RandomInspectionItem'] = FederationReferenceTypes['RandomInspectionItem'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RandomInspectionItem']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  basis?: Resolver<Array<ResolversTypes['LegalBasis']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  frequency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inspectorRequirements?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  objectType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  powerItemCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ratioPercent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  subItem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ReliefChannelResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['ReliefChannel'] = ResolversParentTypes['ReliefChannel'],
> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReliefKind'], ParentType, ContextType>;
  timeLimit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RetentionPeriodResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['RetentionPeriod'] = ResolversParentTypes['RetentionPeriod'],
> = ResolversObject<{
  caseType?: Resolver<ResolversTypes['CaseType'], ParentType, ContextType>;
  procedure?: Resolver<Maybe<ResolversTypes['ProcedureKind']>, ParentType, ContextType>;
  years?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ReviewCatalogRuleResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['ReviewCatalogRule'] = ResolversParentTypes['ReviewCatalogRule'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  basis?: Resolver<Array<ResolversTypes['LegalBasis']>, ParentType, ContextType>;
  caseTypes?: Resolver<Array<ResolversTypes['CaseType']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  collectiveDiscussion?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fineThresholds?: Resolver<Array<ResolversTypes['FineThreshold']>, ParentType, ContextType>;
  flags?: Resolver<Array<ResolversTypes['ReviewFlag']>, ParentType, ContextType>;
  hearingHeld?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ExAnteKind'], ParentType, ContextType>;
  penaltyTypes?: Resolver<Array<ResolversTypes['PenaltyType']>, ParentType, ContextType>;
  procedure?: Resolver<Maybe<ResolversTypes['ProcedureKind']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PublicationStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflow?: Resolver<ResolversTypes['WorkflowTrail'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ServiceWindowResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['ServiceWindow'] = ResolversParentTypes['ServiceWindow'],
> = ResolversObject<{
  complaintHotline?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  consultation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sampleForms?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  staffDuties?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type StaffFiguresResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['StaffFigures'] = ResolversParentTypes['StaffFigures'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  officers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviewStaff?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviewStaffWithLegalCertificate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  validCredentials?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StatisticsResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['Statistics'] = ResolversParentTypes['Statistics'],
  FederationReferenceType extends FederationReferenceTypes['Statistics'] = FederationReferenceTypes['Statistics'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Statistics']> | FederationReferenceType, FederationReferenceType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  staff?: Resolver<Maybe<Array<ResolversTypes['StaffFigures']>>, ParentType, ContextType>;
}>;

export type StatutoryRangeResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['StatutoryRange'] = ResolversParentTypes['StatutoryRange'],
> = ResolversObject<{
  basis?: Resolver<ResolversTypes['LegalBasis'], ParentType, ContextType>;
  fineMax?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  fineMin?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  partyKinds?: Resolver<Array<ResolversTypes['PartyKind']>, ParentType, ContextType>;
  penaltyTypes?: Resolver<Array<ResolversTypes['PenaltyType']>, ParentType, ContextType>;
}>;

export type WorkflowTrailResolvers<
  ContextType = PowersContext,
  ParentType extends ResolversParentTypes['WorkflowTrail'] = ResolversParentTypes['WorkflowTrail'],
> = ResolversObject<{
  approvalNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  approvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  approvedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  publishedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  retireReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  retiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  retiredBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  submittedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PowersContext> = ResolversObject<{
  Agency?: AgencyResolvers<ContextType>;
  AgencyLeader?: AgencyLeaderResolvers<ContextType>;
  AgencyPolicy?: AgencyPolicyResolvers<ContextType>;
  AgencyPolicyVersion?: AgencyPolicyVersionResolvers<ContextType>;
  AnnualEnforcementPlan?: AnnualEnforcementPlanResolvers<ContextType>;
  AvRecordingRule?: AvRecordingRuleResolvers<ContextType>;
  CaseNumberFormat?: CaseNumberFormatResolvers<ContextType>;
  ComplaintChannel?: ComplaintChannelResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  CredentialCheck?: CredentialCheckResolvers<ContextType>;
  CredentialStatusChange?: CredentialStatusChangeResolvers<ContextType>;
  CredentialTermsChange?: CredentialTermsChangeResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  DiscretionBenchmark?: DiscretionBenchmarkResolvers<ContextType>;
  DiscretionTierRule?: DiscretionTierRuleResolvers<ContextType>;
  Entrustment?: EntrustmentResolvers<ContextType>;
  EntrustmentVersion?: EntrustmentVersionResolvers<ContextType>;
  EvaluationChecklistAnchor?: EvaluationChecklistAnchorResolvers<ContextType>;
  EvaluationChecklistEntry?: EvaluationChecklistEntryResolvers<ContextType>;
  EvaluationChecklistVersion?: EvaluationChecklistVersionResolvers<ContextType>;
  ExAnteDocument?: ExAnteDocumentResolvers<ContextType>;
  FineThreshold?: FineThresholdResolvers<ContextType>;
  LegalBasis?: LegalBasisResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Officer?: OfficerResolvers<ContextType>;
  OfficerConnection?: OfficerConnectionResolvers<ContextType>;
  OfficerEdge?: OfficerEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PowerItem?: PowerItemResolvers<ContextType>;
  PowerItemConnection?: PowerItemConnectionResolvers<ContextType>;
  PowerItemEdge?: PowerItemEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RandomInspectionItem?: RandomInspectionItemResolvers<ContextType>;
  ReliefChannel?: ReliefChannelResolvers<ContextType>;
  RetentionPeriod?: RetentionPeriodResolvers<ContextType>;
  ReviewCatalogRule?: ReviewCatalogRuleResolvers<ContextType>;
  ServiceWindow?: ServiceWindowResolvers<ContextType>;
  StaffFigures?: StaffFiguresResolvers<ContextType>;
  Statistics?: StatisticsResolvers<ContextType>;
  StatutoryRange?: StatutoryRangeResolvers<ContextType>;
  WorkflowTrail?: WorkflowTrailResolvers<ContextType>;
}>;
