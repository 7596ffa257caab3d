import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CaseRow, PartyView, ProposalRow, RecordEntryView, CaseConnectionModel, VerificationView } from '../model.js';
import type { CasesContext } from '../context.js';
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
  Date: { input: string; output: string };
  DateTime: { input: Date | string; output: Date | string };
  Decimal: { input: string; output: string };
  _FieldSet: { input: unknown; output: unknown };
};

export type Agency = {
  __typename?: 'Agency';
  id: Scalars['ID']['output'];
};

export type AvRecordInput = {
  /** 执法活动代码，如 ON_SITE_INSPECTION */
  activity: Scalars['String']['input'];
  caseId: Scalars['ID']['input'];
  confidentiality?: InputMaybe<Confidentiality>;
  device: Scalars['String']['input'];
  durationSeconds: Scalars['Int']['input'];
  endedAt: Scalars['DateTime']['input'];
  location: Scalars['String']['input'];
  officerIds: Array<Scalars['ID']['input']>;
  sha256: Scalars['String']['input'];
  sizeBytes: Scalars['Int']['input'];
  stage: RecordStage;
  startedAt: Scalars['DateTime']['input'];
  storageUri: Scalars['String']['input'];
};

/** 案件 */
export type Case = {
  __typename?: 'Case';
  agency: Agency;
  archivedOn: Maybe<Scalars['Date']['output']>;
  /** 案号，如 米城管罚〔2026〕12号 */
  caseNumber: Scalars['String']['output'];
  caseType: CaseType;
  closedOn: Maybe<Scalars['Date']['output']>;
  confidentiality: Maybe<Confidentiality>;
  createdAt: Scalars['DateTime']['output'];
  decidedOn: Maybe<Scalars['Date']['output']>;
  /** 作出决定所依据的决定建议 */
  decision: Maybe<DecisionProposal>;
  /** 作出决定的期限（立案之日起九十日，行政处罚法第六十条） */
  decisionDueOn: Scalars['Date']['output'];
  /** 超过九十日未作出决定（R10） */
  decisionOverdue: Scalars['Boolean']['output'];
  enforcementArea: Scalars['String']['output'];
  factsSummary: Scalars['String']['output'];
  filedOn: Scalars['Date']['output'];
  handlingOfficers: Array<Officer>;
  id: Scalars['ID']['output'];
  party: Party;
  /** 立案时现行公示版本（已锁定） */
  powerItem: PowerItem;
  powerItemVersionId: Scalars['ID']['output'];
  powerItemVersionNo: Scalars['Int']['output'];
  procedure: ProcedureKind;
  proposals: Array<DecisionProposal>;
  records: Array<RecordEntry>;
  servedOn: Maybe<Scalars['Date']['output']>;
  serviceDueConfirmed: Maybe<Scalars['Boolean']['output']>;
  /** 送达期限（当事人不在场时决定之日起七个工作日，R11） */
  serviceDueOn: Maybe<Scalars['Date']['output']>;
  serviceOverdue: Scalars['Boolean']['output'];
  source: CaseSource;
  state: CaseState;
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};

/** 案件 */
export type CaseRecordsArgs = {
  stage?: InputMaybe<RecordStage>;
};

export type CaseActionInput = {
  caseId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

export type CaseConnection = {
  __typename?: 'CaseConnection';
  edges: Array<CaseEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CaseEdge = {
  __typename?: 'CaseEdge';
  cursor: Scalars['String']['output'];
  node: Case;
};

export type CaseEventInput = {
  caseId: Scalars['ID']['input'];
  kind: CaseEventKind;
  location?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  occurredOn: Scalars['Date']['input'];
  officerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 送达方式（SERVICE） */
  serviceMethod?: InputMaybe<ServiceMethod>;
};

/** 事件种类 */
export type CaseEventKind =
  /** 出示执法证件（R3） */
  | 'CREDENTIAL_SHOWN'
  /** 举行听证 */
  | 'HEARING_HELD'
  /** 当事人要求听证 */
  | 'HEARING_REQUESTED'
  /** 当事人书面放弃听证 */
  | 'HEARING_WAIVED'
  /** 履行告知义务（R4） */
  | 'RIGHTS_NOTIFIED'
  /** 送达 */
  | 'SERVICE';

export type CaseFilter = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  caseType?: InputMaybe<CaseType>;
  filedFrom?: InputMaybe<Scalars['Date']['input']>;
  filedTo?: InputMaybe<Scalars['Date']['input']>;
  /** 仅超期未决定的案件（R10） */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  partyUscc?: InputMaybe<Scalars['String']['input']>;
  powerItemCode?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<CaseState>;
};

export type CaseSource = {
  __typename?: 'CaseSource';
  kind: CaseSourceKind;
  reference: Maybe<Scalars['String']['output']>;
};

export type CaseSourceInput = {
  kind: CaseSourceKind;
  reference?: InputMaybe<Scalars['String']['input']>;
};

export type CaseSourceKind =
  /** 投诉举报 */
  | 'COMPLAINT'
  /** 日常检查 */
  | 'INSPECTION'
  | 'OTHER'
  /** 双随机抽查（reference 为抽查任务 ID） */
  | 'RANDOM_INSPECTION'
  /** 移送 */
  | 'REFERRAL';

/** 立案 → 调查取证 → 告知 → 听证 → 法制审核 → 决定 → 送达 → 执行 → 结案 → 归档 */
export type CaseState = 'ARCHIVED' | 'CLOSED' | 'DECIDED' | 'EXECUTED' | 'FILED' | 'HEARING' | 'INVESTIGATING' | 'NOTIFIED' | 'SERVED' | 'UNDER_REVIEW';

export type CaseType = 'COERCION' | 'INSPECTION' | 'LICENSING' | 'OTHER' | 'PENALTY';

export type Confidentiality = 'COMMERCIAL_SECRET' | 'PERSONAL_PRIVACY' | 'STATE_SECRET';

export type DatedActionInput = {
  caseId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  on?: InputMaybe<Scalars['Date']['input']>;
  version: Scalars['Int']['input'];
};

export type DecideCaseInput = {
  caseId: Scalars['ID']['input'];
  /** 决定日期，默认今天 */
  decidedOn?: InputMaybe<Scalars['Date']['input']>;
  /** 决定时当事人在场（在场则当场送达，否则七个工作日内送达） */
  partyPresent: Scalars['Boolean']['input'];
  proposalId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

/** 决定建议（记录后不可修改；内容哈希标识审核所针对的确切内容） */
export type DecisionProposal = {
  __typename?: 'DecisionProposal';
  checks: ProposalChecks;
  confiscationAmount: Maybe<Scalars['Decimal']['output']>;
  contentHash: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  discretionTier: Maybe<DiscretionTier>;
  fineAmount: Maybe<Scalars['Decimal']['output']>;
  hearingHeld: Scalars['Boolean']['output'];
  /** 告知后当事人有权要求听证（行政处罚法第六十三条） */
  hearingRight: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  legalBasis: Array<LegalBasisRef>;
  outcome: Outcome;
  outsideRangeReason: Maybe<Scalars['String']['output']>;
  penaltyTypes: Array<PenaltyType>;
  reasoning: Scalars['String']['output'];
  reviewFlags: Array<ReviewFlag>;
  reviewReasons: Array<ReviewReason>;
  /** 是否须经法制审核（R5），及命中的目录条目 */
  reviewRequired: Scalars['Boolean']['output'];
};

export type DiscretionTier = 'GRAVE' | 'MINOR' | 'ORDINARY' | 'SERIOUS';

/** 执法文书种类 */
export type DocumentType =
  /** 案件审批表 */
  | 'CASE_APPROVAL'
  /** 结案报告 */
  | 'CLOSING_REPORT'
  /** 行政处罚决定书（含当场处罚决定书） */
  | 'DECISION'
  /** 证据材料 */
  | 'EVIDENCE'
  /** 执行记录 */
  | 'EXECUTION_RECORD'
  /** 立案审批表 */
  | 'FILING_APPROVAL'
  /** 听证笔录 */
  | 'HEARING_RECORD'
  /** 询问笔录 */
  | 'INQUIRY_RECORD'
  /** 现场检查（勘验）笔录 */
  | 'ON_SITE_INSPECTION_RECORD'
  | 'OTHER'
  /** 行政处罚告知书 */
  | 'RIGHTS_NOTICE'
  /** 送达回证 */
  | 'SERVICE_RECEIPT'
  /** 陈述申辩笔录 */
  | 'STATEMENT_DEFENCE_RECORD';

/** 市场主体（按统一社会信用代码） */
export type Enterprise = {
  __typename?: 'Enterprise';
  /** 以该主体为当事人的案件（本机关工作人员、监督可见） */
  cases: Maybe<CaseConnection>;
  uscc: Scalars['String']['output'];
};

/** 市场主体（按统一社会信用代码） */
export type EnterpriseCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type FileCaseInput = {
  agencyId: Scalars['ID']['input'];
  caseType: CaseType;
  confidentiality?: InputMaybe<Confidentiality>;
  factsSummary: Scalars['String']['input'];
  /** 立案日期，默认今天 */
  filedOn?: InputMaybe<Scalars['Date']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** 承办执法人员（至少两名，执法证在立案日有效且覆盖该事项的执法类别，R2） */
  officerIds: Array<Scalars['ID']['input']>;
  party: PartyInput;
  powerItemCode: Scalars['String']['input'];
  procedure: ProcedureKind;
  source: CaseSourceInput;
};

export type LegalBasisRef = {
  __typename?: 'LegalBasisRef';
  article: Scalars['String']['output'];
  law: Scalars['String']['output'];
};

export type LegalBasisRefInput = {
  article: Scalars['String']['input'];
  law: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** 归档（记录不完整时拒绝并列出全部缺项，R18） */
  archiveCase: Case;
  /** 结案 */
  closeCase: Case;
  /** 负责人作出决定 */
  decideCase: Case;
  /** 立案 */
  fileCase: Case;
  /** 记录决定建议 */
  proposeDecision: DecisionProposal;
  /** 记录事件：出示证件、告知、听证申请/放弃/举行、送达 */
  recordEvent: Case;
  /** 执行完毕 */
  recordExecution: Case;
  /** 记录文书 */
  recordText: RecordEntry;
  /** 登记音像记录（元数据 + SHA-256） */
  registerAvRecord: RecordEntry;
  /** 送达决定书 */
  serveDecision: Case;
  /** 开始调查取证：FILED → INVESTIGATING */
  startInvestigation: Case;
};

export type MutationArchiveCaseArgs = {
  input: DatedActionInput;
};

export type MutationCloseCaseArgs = {
  input: DatedActionInput;
};

export type MutationDecideCaseArgs = {
  input: DecideCaseInput;
};

export type MutationFileCaseArgs = {
  input: FileCaseInput;
};

export type MutationProposeDecisionArgs = {
  input: ProposeDecisionInput;
};

export type MutationRecordEventArgs = {
  input: CaseEventInput;
};

export type MutationRecordExecutionArgs = {
  input: DatedActionInput;
};

export type MutationRecordTextArgs = {
  input: TextRecordInput;
};

export type MutationRegisterAvRecordArgs = {
  input: AvRecordInput;
};

export type MutationServeDecisionArgs = {
  input: ServeInput;
};

export type MutationStartInvestigationArgs = {
  input: CaseActionInput;
};

export type Officer = {
  __typename?: 'Officer';
  /** 该执法人员承办的案件（本机关工作人员、监督可见） */
  cases: Maybe<CaseConnection>;
  id: Scalars['ID']['output'];
};

export type OfficerCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Outcome =
  /** 移送司法机关 */
  | 'CRIMINAL_REFERRAL'
  /** 准予许可 */
  | 'LICENCE_GRANTED'
  /** 不予许可 */
  | 'LICENCE_REFUSED'
  /** 违法行为轻微不予处罚 */
  | 'NO_PENALTY_MINOR'
  /** 违法事实不成立不予处罚 */
  | 'NO_PENALTY_UNFOUNDED'
  | 'OTHER'
  /** 给予行政处罚 */
  | 'PENALTY';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** 当事人（公众与分析人员不可见；身份证号仅本案经办、审核、负责人与监督可见） */
export type Party = {
  __typename?: 'Party';
  address: Maybe<Scalars['String']['output']>;
  isMinor: Scalars['Boolean']['output'];
  kind: PartyKind;
  legalRepresentative: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  phone: Maybe<Scalars['String']['output']>;
  residentIdNumber: Maybe<Scalars['String']['output']>;
  uscc: Maybe<Scalars['String']['output']>;
};

export type PartyInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  /** 未成年人（有身份证号时按出生日期自动判断） */
  isMinor?: InputMaybe<Scalars['Boolean']['input']>;
  kind: PartyKind;
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  residentIdNumber?: InputMaybe<Scalars['String']['input']>;
  uscc?: InputMaybe<Scalars['String']['input']>;
};

export type PartyKind = 'INDIVIDUAL_BUSINESS' | 'LEGAL_PERSON' | 'NATURAL_PERSON';

export type PenaltyType =
  | 'CIRCULATED_CRITICISM'
  | 'CONFISCATE_ILLEGAL_GAINS'
  | 'CONFISCATE_ILLEGAL_PROPERTY'
  | 'DETENTION'
  | 'FINE'
  | 'LOWER_QUALIFICATION'
  | 'ORDER_CLOSURE'
  | 'ORDER_STOP_BUSINESS'
  | 'OTHER'
  | 'RESTRICT_BUSINESS'
  | 'RESTRICT_PRACTICE'
  | 'REVOKE_LICENCE'
  | 'SUSPEND_LICENCE'
  | 'WARNING';

export type PowerItem = {
  __typename?: 'PowerItem';
  code: Scalars['String']['output'];
};

export type ProcedureKind =
  /** 普通程序 */
  | 'GENERAL'
  /** 简易程序（当场处罚，行政处罚法第五十一条） */
  | 'SIMPLE';

export type ProposalChecks = {
  __typename?: 'ProposalChecks';
  benchmarkMax: Maybe<Scalars['Decimal']['output']>;
  benchmarkMin: Maybe<Scalars['Decimal']['output']>;
  /** 罚款是否在所选情节的裁量基准幅度内（R9）；无罚款为 null */
  fineWithinBenchmark: Maybe<Scalars['Boolean']['output']>;
  notes: Array<Scalars['String']['output']>;
};

export type ProposeDecisionInput = {
  caseId: Scalars['ID']['input'];
  confiscationAmount?: InputMaybe<Scalars['Decimal']['input']>;
  discretionTier?: InputMaybe<DiscretionTier>;
  fineAmount?: InputMaybe<Scalars['Decimal']['input']>;
  hearingHeld?: InputMaybe<Scalars['Boolean']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  legalBasis: Array<LegalBasisRefInput>;
  outcome: Outcome;
  /** 罚款超出裁量基准幅度时的书面理由（R9） */
  outsideRangeReason?: InputMaybe<Scalars['String']['input']>;
  penaltyTypes?: InputMaybe<Array<PenaltyType>>;
  reasoning: Scalars['String']['input'];
  reviewFlags?: InputMaybe<Array<ReviewFlag>>;
};

export type Query = {
  __typename?: 'Query';
  case: Maybe<Case>;
  cases: CaseConnection;
  /** 重新计算案件全过程记录的哈希链与签名检查点 */
  verifyCaseRecords: RecordVerification;
};

export type QueryCaseArgs = {
  id: Scalars['ID']['input'];
};

export type QueryCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryVerifyCaseRecordsArgs = {
  caseId: Scalars['ID']['input'];
};

/** 全过程记录中的一条（只追加、哈希链防篡改） */
export type RecordEntry = {
  __typename?: 'RecordEntry';
  actor: Scalars['String']['output'];
  caseSeq: Scalars['Int']['output'];
  confidentiality: Maybe<Confidentiality>;
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** TEXT_RECORD, AV_RECORD, EVENT, TRANSITION, PROPOSAL, DECISION */
  kind: Scalars['String']['output'];
  /** 记录内容（JSON）；涉及商业秘密、个人隐私的仅经办人、审核人、负责人、监督可见，其余为 null；国家秘密只存引用 */
  payload: Maybe<Scalars['String']['output']>;
  recordedAt: Scalars['DateTime']['output'];
  stage: RecordStage;
};

export type RecordStage = 'ARCHIVING' | 'DECISION' | 'EXECUTION' | 'INITIATION' | 'INVESTIGATION' | 'REVIEW' | 'SERVICE';

export type RecordVerification = {
  __typename?: 'RecordVerification';
  entriesChecked: Scalars['Int']['output'];
  firstBadEntryId: Maybe<Scalars['ID']['output']>;
  /** 第一个异常条目的说明 */
  firstProblem: Maybe<Scalars['String']['output']>;
  ok: Scalars['Boolean']['output'];
};

export type ReviewFlag = 'COMPLEX' | 'CRIMINAL_REFERRAL' | 'MAJOR_PUBLIC_INTEREST' | 'MAJOR_RIGHTS' | 'MAJOR_SOCIAL_IMPACT';

export type ReviewReason = {
  __typename?: 'ReviewReason';
  description: Scalars['String']['output'];
  ruleCode: Scalars['String']['output'];
};

export type ServeInput = {
  caseId: Scalars['ID']['input'];
  method: ServiceMethod;
  officerIds: Array<Scalars['ID']['input']>;
  servedOn: Scalars['Date']['input'];
  version: Scalars['Int']['input'];
};

export type ServiceMethod = 'ANNOUNCEMENT' | 'DIRECT' | 'ELECTRONIC' | 'LODGED' | 'POSTAL';

export type TextRecordInput = {
  /** 执法活动代码（与音像记录事项清单对应，如 ON_SITE_INSPECTION） */
  activity?: InputMaybe<Scalars['String']['input']>;
  caseId: Scalars['ID']['input'];
  confidentiality?: InputMaybe<Confidentiality>;
  /** 正文；国家秘密事项不得填写，改填 secretReference */
  content?: InputMaybe<Scalars['String']['input']>;
  documentType: DocumentType;
  occurredOn?: InputMaybe<Scalars['Date']['input']>;
  /** 现场执法活动须列明在场执法人员（R2） */
  officerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  secretReference?: InputMaybe<Scalars['String']['input']>;
  stage: RecordStage;
  title: Scalars['String']['input'];
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
  Case: Case;
  Enterprise: Enterprise;
  Officer: Officer;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Case: { __typename: 'Case' } & GraphQLRecursivePick<FederationTypes['Case'], { id: true }>;
  Enterprise: { __typename: 'Enterprise' } & GraphQLRecursivePick<FederationTypes['Enterprise'], { uscc: true }>;
  Officer: { __typename: 'Officer' } & GraphQLRecursivePick<FederationTypes['Officer'], { id: true }>;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Agency: ResolverTypeWrapper<Agency>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AvRecordInput: AvRecordInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Case: ResolverTypeWrapper<CaseRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CaseActionInput: CaseActionInput;
  CaseConnection: ResolverTypeWrapper<CaseConnectionModel>;
  CaseEdge: ResolverTypeWrapper<Omit<CaseEdge, 'node'> & { node: ResolversTypes['Case'] }>;
  CaseEventInput: CaseEventInput;
  CaseEventKind: CaseEventKind;
  CaseFilter: CaseFilter;
  CaseSource: ResolverTypeWrapper<CaseSource>;
  CaseSourceInput: CaseSourceInput;
  CaseSourceKind: CaseSourceKind;
  CaseState: CaseState;
  CaseType: CaseType;
  Confidentiality: Confidentiality;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DatedActionInput: DatedActionInput;
  DecideCaseInput: DecideCaseInput;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DecisionProposal: ResolverTypeWrapper<ProposalRow>;
  DiscretionTier: DiscretionTier;
  DocumentType: DocumentType;
  Enterprise: ResolverTypeWrapper<Omit<Enterprise, 'cases'> & { cases?: Maybe<ResolversTypes['CaseConnection']> }>;
  FileCaseInput: FileCaseInput;
  LegalBasisRef: ResolverTypeWrapper<LegalBasisRef>;
  LegalBasisRefInput: LegalBasisRefInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Officer: ResolverTypeWrapper<Omit<Officer, 'cases'> & { cases?: Maybe<ResolversTypes['CaseConnection']> }>;
  Outcome: Outcome;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Party: ResolverTypeWrapper<PartyView>;
  PartyInput: PartyInput;
  PartyKind: PartyKind;
  PenaltyType: PenaltyType;
  PowerItem: ResolverTypeWrapper<PowerItem>;
  ProcedureKind: ProcedureKind;
  ProposalChecks: ResolverTypeWrapper<ProposalChecks>;
  ProposeDecisionInput: ProposeDecisionInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordEntry: ResolverTypeWrapper<RecordEntryView>;
  RecordStage: RecordStage;
  RecordVerification: ResolverTypeWrapper<VerificationView>;
  ReviewFlag: ReviewFlag;
  ReviewReason: ResolverTypeWrapper<ReviewReason>;
  ServeInput: ServeInput;
  ServiceMethod: ServiceMethod;
  TextRecordInput: TextRecordInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agency: Agency;
  ID: Scalars['ID']['output'];
  AvRecordInput: AvRecordInput;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Case: CaseRow;
  Boolean: Scalars['Boolean']['output'];
  CaseActionInput: CaseActionInput;
  CaseConnection: CaseConnectionModel;
  CaseEdge: Omit<CaseEdge, 'node'> & { node: ResolversParentTypes['Case'] };
  CaseEventInput: CaseEventInput;
  CaseFilter: CaseFilter;
  CaseSource: CaseSource;
  CaseSourceInput: CaseSourceInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DatedActionInput: DatedActionInput;
  DecideCaseInput: DecideCaseInput;
  Decimal: Scalars['Decimal']['output'];
  DecisionProposal: ProposalRow;
  Enterprise: (Omit<Enterprise, 'cases'> & { cases?: Maybe<ResolversParentTypes['CaseConnection']> }) | FederationReferenceTypes['Enterprise'];
  FileCaseInput: FileCaseInput;
  LegalBasisRef: LegalBasisRef;
  LegalBasisRefInput: LegalBasisRefInput;
  Mutation: Record<PropertyKey, never>;
  Officer: (Omit<Officer, 'cases'> & { cases?: Maybe<ResolversParentTypes['CaseConnection']> }) | FederationReferenceTypes['Officer'];
  PageInfo: PageInfo;
  Party: PartyView;
  PartyInput: PartyInput;
  PowerItem: PowerItem;
  ProposalChecks: ProposalChecks;
  ProposeDecisionInput: ProposeDecisionInput;
  Query: Record<PropertyKey, never>;
  RecordEntry: RecordEntryView;
  RecordVerification: VerificationView;
  ReviewReason: ReviewReason;
  ServeInput: ServeInput;
  TextRecordInput: TextRecordInput;
}>;

export type AgencyResolvers<ContextType = CasesContext, ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CaseResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['Case'] = ResolversParentTypes['Case'],
  FederationReferenceType extends FederationReferenceTypes['Case'] = FederationReferenceTypes['Case'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Case']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  archivedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  caseNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  caseType?: Resolver<ResolversTypes['CaseType'], ParentType, ContextType>;
  closedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  confidentiality?: Resolver<Maybe<ResolversTypes['Confidentiality']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decidedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['DecisionProposal']>, ParentType, ContextType>;
  decisionDueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  decisionOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enforcementArea?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  factsSummary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  handlingOfficers?: Resolver<Array<ResolversTypes['Officer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  party?: Resolver<ResolversTypes['Party'], ParentType, ContextType>;
  powerItem?: Resolver<ResolversTypes['PowerItem'], ParentType, ContextType>;
  powerItemVersionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  powerItemVersionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  procedure?: Resolver<ResolversTypes['ProcedureKind'], ParentType, ContextType>;
  proposals?: Resolver<Array<ResolversTypes['DecisionProposal']>, ParentType, ContextType>;
  records?: Resolver<Array<ResolversTypes['RecordEntry']>, ParentType, ContextType, Partial<CaseRecordsArgs>>;
  servedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  serviceDueConfirmed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  serviceDueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  serviceOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['CaseSource'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['CaseState'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CaseConnectionResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['CaseConnection'] = ResolversParentTypes['CaseConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CaseEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CaseEdgeResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['CaseEdge'] = ResolversParentTypes['CaseEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
}>;

export type CaseSourceResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['CaseSource'] = ResolversParentTypes['CaseSource'],
> = ResolversObject<{
  kind?: Resolver<ResolversTypes['CaseSourceKind'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type DecisionProposalResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['DecisionProposal'] = ResolversParentTypes['DecisionProposal'],
> = ResolversObject<{
  checks?: Resolver<ResolversTypes['ProposalChecks'], ParentType, ContextType>;
  confiscationAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  contentHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  discretionTier?: Resolver<Maybe<ResolversTypes['DiscretionTier']>, ParentType, ContextType>;
  fineAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  hearingHeld?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hearingRight?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalBasis?: Resolver<Array<ResolversTypes['LegalBasisRef']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['Outcome'], ParentType, ContextType>;
  outsideRangeReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  penaltyTypes?: Resolver<Array<ResolversTypes['PenaltyType']>, ParentType, ContextType>;
  reasoning?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reviewFlags?: Resolver<Array<ResolversTypes['ReviewFlag']>, ParentType, ContextType>;
  reviewReasons?: Resolver<Array<ResolversTypes['ReviewReason']>, ParentType, ContextType>;
  reviewRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type EnterpriseResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'],
  FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cases?: Resolver<Maybe<ResolversTypes['CaseConnection']>, ParentType, ContextType, Partial<EnterpriseCasesArgs>>;
  uscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type LegalBasisRefResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['LegalBasisRef'] = ResolversParentTypes['LegalBasisRef'],
> = ResolversObject<{
  article?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  law?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  archiveCase?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationArchiveCaseArgs, 'input'>>;
  closeCase?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationCloseCaseArgs, 'input'>>;
  decideCase?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationDecideCaseArgs, 'input'>>;
  fileCase?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationFileCaseArgs, 'input'>>;
  proposeDecision?: Resolver<ResolversTypes['DecisionProposal'], ParentType, ContextType, RequireFields<MutationProposeDecisionArgs, 'input'>>;
  recordEvent?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationRecordEventArgs, 'input'>>;
  recordExecution?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationRecordExecutionArgs, 'input'>>;
  recordText?: Resolver<ResolversTypes['RecordEntry'], ParentType, ContextType, RequireFields<MutationRecordTextArgs, 'input'>>;
  registerAvRecord?: Resolver<ResolversTypes['RecordEntry'], ParentType, ContextType, RequireFields<MutationRegisterAvRecordArgs, 'input'>>;
  serveDecision?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationServeDecisionArgs, 'input'>>;
  startInvestigation?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationStartInvestigationArgs, 'input'>>;
}>;

export type OfficerResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['Officer'] = ResolversParentTypes['Officer'],
  FederationReferenceType extends FederationReferenceTypes['Officer'] = FederationReferenceTypes['Officer'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Officer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cases?: Resolver<Maybe<ResolversTypes['CaseConnection']>, ParentType, ContextType, Partial<OfficerCasesArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PartyResolvers<ContextType = CasesContext, ParentType extends ResolversParentTypes['Party'] = ResolversParentTypes['Party']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isMinor?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PartyKind'], ParentType, ContextType>;
  legalRepresentative?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  residentIdNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  uscc?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PowerItemResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['PowerItem'] = ResolversParentTypes['PowerItem'],
> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProposalChecksResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['ProposalChecks'] = ResolversParentTypes['ProposalChecks'],
> = ResolversObject<{
  benchmarkMax?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  benchmarkMin?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  fineWithinBenchmark?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CasesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType, RequireFields<QueryCaseArgs, 'id'>>;
  cases?: Resolver<ResolversTypes['CaseConnection'], ParentType, ContextType, Partial<QueryCasesArgs>>;
  verifyCaseRecords?: Resolver<ResolversTypes['RecordVerification'], ParentType, ContextType, RequireFields<QueryVerifyCaseRecordsArgs, 'caseId'>>;
}>;

export type RecordEntryResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['RecordEntry'] = ResolversParentTypes['RecordEntry'],
> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  caseSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  confidentiality?: Resolver<Maybe<ResolversTypes['Confidentiality']>, ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payload?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['RecordStage'], ParentType, ContextType>;
}>;

export type RecordVerificationResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['RecordVerification'] = ResolversParentTypes['RecordVerification'],
> = ResolversObject<{
  entriesChecked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstBadEntryId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  firstProblem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ReviewReasonResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['ReviewReason'] = ResolversParentTypes['ReviewReason'],
> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ruleCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CasesContext> = ResolversObject<{
  Agency?: AgencyResolvers<ContextType>;
  Case?: CaseResolvers<ContextType>;
  CaseConnection?: CaseConnectionResolvers<ContextType>;
  CaseEdge?: CaseEdgeResolvers<ContextType>;
  CaseSource?: CaseSourceResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  DecisionProposal?: DecisionProposalResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  LegalBasisRef?: LegalBasisRefResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Officer?: OfficerResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Party?: PartyResolvers<ContextType>;
  PowerItem?: PowerItemResolvers<ContextType>;
  ProposalChecks?: ProposalChecksResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordEntry?: RecordEntryResolvers<ContextType>;
  RecordVerification?: RecordVerificationResolvers<ContextType>;
  ReviewReason?: ReviewReasonResolvers<ContextType>;
}>;
