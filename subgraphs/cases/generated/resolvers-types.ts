import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type {
  CaseRow,
  PartyView,
  ProposalRow,
  RecordEntryView,
  CaseConnectionModel,
  VerificationView,
  PublicationRow,
  PublicationConnectionModel,
  PublicContentView,
  CreditRecordView,
  ReliefRow,
} from '../model.js';
import type { StatisticsScope } from '../../../kernel/statistics.js';
import type { StatisticsTableModel, TableRow } from '../../../kernel/statistics-tables.js';
import type { ProblemModel } from '../supervision/clues/model.js';
import type { Finding, ClueConnectionModel } from '../supervision/clues/service.js';
import type { ClueRow } from '../supervision/clues/db.js';
import type { AgencyScorecardValue, ClueCount } from '../supervision/scorecard/scorecard.js';
import type { EvaluationRoundRow, EvaluationRoundConnectionModel, EvaluationFileRow, RectificationRow } from '../supervision/evaluation/schema.js';
import type { AgencyEvaluationSummary } from '../supervision/evaluation/summary.js';
import type { StratumCount } from '../supervision/evaluation/draw.js';
import type { Checklist } from '../supervision/evaluation/checklist.js';
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

/** 一个机关在期间内的案卷评查结果（汇总） */
export type AgencyEvaluationResult = {
  __typename?: 'AgencyEvaluationResult';
  agency: Agency;
  files: Scalars['Int']['output'];
  findings: Scalars['Int']['output'];
  findingsByItem: Array<EvaluationFindingCount>;
  rectifications: EvaluationRectificationCounts;
  /** 得分率（%） */
  scorePercent: Maybe<Scalars['Float']['output']>;
  scored: Scalars['Int']['output'];
};

/** 执法主体评议考核记分卡 */
export type AgencyScorecard = {
  __typename?: 'AgencyScorecard';
  agency: Agency;
  agencyId: Scalars['ID']['output'];
  components: Array<ScorecardComponent>;
  /** 总分 0–100（有数据各项得分按权重加权平均，两位小数）；各项均无数据时为 null */
  total: Maybe<Scalars['Float']['output']>;
};

export type AvRecordInput = {
  /** 执法活动代码，如 ON_SITE_INSPECTION */
  activity: Scalars['String']['input'];
  caseId: Scalars['ID']['input'];
  confidentiality?: InputMaybe<Confidentiality>;
  device: Scalars['String']['input'];
  durationSeconds: Scalars['Int']['input'];
  endedAt: Scalars['DateTime']['input'];
  lateEntryReason?: InputMaybe<Scalars['String']['input']>;
  location: Scalars['String']['input'];
  officerIds: Array<Scalars['ID']['input']>;
  sha256: Scalars['String']['input'];
  sizeBytes: Scalars['Int']['input'];
  stage: RecordStage;
  startedAt: Scalars['DateTime']['input'];
  storageUri: Scalars['String']['input'];
  supplementReason?: InputMaybe<Scalars['String']['input']>;
};

/** 案件 */
export type Case = {
  __typename?: 'Case';
  /** 办理案件的执法主体（受委托组织办理时为该组织） */
  agency: Agency;
  archivedOn: Maybe<Scalars['Date']['output']>;
  /** 案号，如 米城管罚〔2026〕12号 */
  caseNumber: Scalars['String']['output'];
  /** 案件类型：由立案时锁定的权力事项类别决定 */
  caseType: CaseType;
  closedOn: Maybe<Scalars['Date']['output']>;
  confidentiality: Maybe<Confidentiality>;
  createdAt: Scalars['DateTime']['output'];
  /** 同一事项现行公示的版本（可能晚于立案时的版本） */
  currentPowerItem: Maybe<PowerItem>;
  /** 决定日期（系统记录作出决定的日期，不能补填） */
  decidedOn: Maybe<Scalars['Date']['output']>;
  /** 作出决定所依据的决定建议 */
  decision: Maybe<DecisionProposal>;
  /** 决定被变更、撤销、确认违法或确认无效（R14） */
  decisionChange: Maybe<DecisionChange>;
  /** 决定期限所涉年度的节假日安排是否已载入（按工作日计算时） */
  decisionDueConfirmed: Maybe<Scalars['Boolean']['output']>;
  /** 作出决定的期限，按案件类型：行政处罚立案之日起九十日（行政处罚法第六十条）；行政许可受理之日起二十个工作日或事项时限（行政许可法第四十二条）；行政强制措施当场决定，无此期限（为 null） */
  decisionDueOn: Maybe<Scalars['Date']['output']>;
  /** 超过决定期限未作出决定（R10） */
  decisionOverdue: Scalars['Boolean']['output'];
  /** 决定所依据的法制审核（审核 ID） */
  decisionReviewId: Maybe<Scalars['ID']['output']>;
  enforcementArea: Scalars['String']['output'];
  factsSummary: Scalars['String']['output'];
  filedOn: Scalars['Date']['output'];
  /** 罚款缴纳：期限、加处罚款、已缴（行政处罚法第六十七条、第七十二条） */
  fine: Maybe<FineStatus>;
  handlingOfficers: Array<Officer>;
  id: Scalars['ID']['output'];
  /** 以其名义实施的委托行政机关（受委托组织办理时，行政处罚法第二十条）；否则为 null */
  inNameOf: Maybe<Agency>;
  party: Party;
  /** 立案时锁定的权力事项版本（其名称、依据、法定幅度为本案适用的版本） */
  powerItem: PowerItem;
  powerItemCode: Scalars['String']['output'];
  powerItemVersionId: Scalars['ID']['output'];
  powerItemVersionNo: Scalars['Int']['output'];
  procedure: ProcedureKind;
  proposals: Array<DecisionProposal>;
  /** 事后公开（决定作出后生成） */
  publication: Maybe<Publication>;
  records: Array<RecordEntry>;
  /** 针对该决定的行政复议、行政诉讼（救济程序），按收到日期排列 */
  reliefProceedings: Array<ReliefProceeding>;
  /** 责任追溯：谁送审、谁审核、谁决定、何时（来自不可篡改的全过程记录） */
  responsibilityTrail: Array<ResponsibilityStep>;
  /** 归档后的保管期限（按案件类型，机关设置） */
  retention: Maybe<Retention>;
  /** 查封、扣押的期限、延长与解除（行政强制法第二十五条、第二十八条） */
  seizure: Maybe<SeizureMeasure>;
  servedOn: Maybe<Scalars['Date']['output']>;
  serviceDueConfirmed: Maybe<Scalars['Boolean']['output']>;
  /** 送达期限（当事人不在场时决定之日起七个工作日，R11） */
  serviceDueOn: Maybe<Scalars['Date']['output']>;
  serviceOverdue: Scalars['Boolean']['output'];
  source: CaseSource;
  /** 来源为双随机抽查（RANDOM_INSPECTION）时的平台抽查任务编号，其余为 null（inspections 子图据此解析 sourceInspection） */
  sourceInspectionTaskId: Maybe<Scalars['String']['output']>;
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
  /** 放弃听证（HEARING_WAIVED）时必填：当事人放弃听证或者撤回听证申请的书面声明（行政处罚法第六十四条） */
  hearingWaiver?: InputMaybe<HearingWaiverInput>;
  kind: CaseEventKind;
  lateEntryReason?: InputMaybe<Scalars['String']['input']>;
  location?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  occurredOn: Scalars['Date']['input'];
  officerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 告知（RIGHTS_NOTIFIED）时必填：告知书及其所告知的决定建议（R4） */
  rightsNotice?: InputMaybe<RightsNoticeInput>;
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

/** 案件指标（cases 子图） */
export type CaseStatistics = {
  __typename?: 'CaseStatistics';
  /** 超过九十日作出行政处罚决定或超期未决定的比例（仅行政处罚案件，行政处罚法第六十条；立案日期在期间内，R10） */
  beyond90Days: IndicatorRate;
  /** 决定数按决定结果（决定日期在期间内） */
  byOutcome: IndicatorCount;
  /** 立案数按当前状态（立案日期在期间内） */
  byState: IndicatorCount;
  /** 立案数按案件类型（立案日期在期间内） */
  byType: IndicatorCount;
  /** 办案时长：立案至决定的自然日（决定日期在期间内） */
  caseDuration: IndicatorDuration;
  /** 没收违法所得、非法财物金额（决定日期在期间内） */
  confiscations: IndicatorAmount;
  /** 纠错率：审结的复议、诉讼中决定被变更、撤销或确认违法的比例 */
  correctionRate: IndicatorRate;
  /** 按处罚种类的决定数与金额（一份决定并处多种处罚的，各计一次；金额：罚款、没收金额） */
  decisionTypes: StatisticsTable;
  /** 决定数与罚款金额交叉表（决定日期在期间内；维度另可 OUTCOME：处罚、不予处罚、移送司法、许可结果、强制措施种类） */
  decisions: StatisticsTable;
  /** 立案数交叉表（立案日期在期间内；维度：AGENCY、MONTH、CATEGORY、PROCEDURE） */
  filed: StatisticsTable;
  /** 罚款金额（决定日期在期间内） */
  fines: IndicatorAmount;
  /** 期间内作出的决定中当事人要求听证和举行听证的件数 */
  hearings: HearingFigures;
  /** 超过法定期限（工作日）作出行政许可决定或超期未决定的比例（行政许可法第四十二条；立案日期在期间内，R10） */
  licensingBeyondTimeLimit: IndicatorRate;
  /** 按期公示率（决定日期在期间内，不含依法不予公示的，R12） */
  publicationTimeliness: IndicatorRate;
  /** 归档率：结案日期在期间内的案件中已归档（记录完整）的比例（R18） */
  recordCompleteness: IndicatorRate;
  /** 审结的行政复议、行政诉讼（结果日期在期间内；维度另可 RELIEF_KIND、RELIEF_OUTCOME） */
  reliefConcluded: StatisticsTable;
  /** 收到的行政复议申请、行政诉讼（收到日期在期间内；维度另可 RELIEF_KIND） */
  reliefReceived: StatisticsTable;
  /** 法制审核覆盖率：按作出决定时的规则须审核的决定（审核目录命中，或经过听证程序）中依据“同意”审核意见作出的比例（R5、R6） */
  reviewCoverage: IndicatorRate;
  /** 当事人不在场时七个工作日内送达的比例（决定日期在期间内，R11） */
  serviceTimeliness: IndicatorRate;
  /** 按期撤回率（变更日期在期间内，R14） */
  withdrawalTimeliness: IndicatorRate;
};

/** 案件指标（cases 子图） */
export type CaseStatisticsDecisionTypesArgs = {
  by?: InputMaybe<Array<StatisticsDimension>>;
};

/** 案件指标（cases 子图） */
export type CaseStatisticsDecisionsArgs = {
  by?: InputMaybe<Array<StatisticsDimension>>;
};

/** 案件指标（cases 子图） */
export type CaseStatisticsFiledArgs = {
  by?: InputMaybe<Array<StatisticsDimension>>;
};

/** 案件指标（cases 子图） */
export type CaseStatisticsReliefConcludedArgs = {
  by?: InputMaybe<Array<StatisticsDimension>>;
};

/** 案件指标（cases 子图） */
export type CaseStatisticsReliefReceivedArgs = {
  by?: InputMaybe<Array<StatisticsDimension>>;
};

export type CaseType = 'COERCION' | 'INSPECTION' | 'LICENSING' | 'OTHER' | 'PENALTY';

/** 负责人集体讨论（行政处罚法第五十七条第二款） */
export type CollectiveDiscussionInput = {
  caseId: Scalars['ID']['input'];
  conclusion: Scalars['String']['input'];
  heldOn: Scalars['Date']['input'];
  lateEntryReason?: InputMaybe<Scalars['String']['input']>;
  minutes: Scalars['String']['input'];
  /** 会议纪要编号与内容 */
  minutesNumber: Scalars['String']['input'];
  /** 参加的负责人（以作出决定的机关公布的负责人名单为准，三人以上；承办人员不在名单上的不计） */
  participantIds: Array<Scalars['ID']['input']>;
  /** 主持人（默认主要负责人；主要负责人缺席时须指明参加讨论的另一负责人） */
  presidedBy?: InputMaybe<Scalars['ID']['input']>;
  /** 主要负责人未参加时的缺席原因（必填） */
  principalAbsenceReason?: InputMaybe<Scalars['String']['input']>;
  proposalId: Scalars['ID']['input'];
};

export type CompleteEvaluationRoundInput = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

export type CompleteRectificationInput = {
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

export type Confidentiality = 'COMMERCIAL_SECRET' | 'PERSONAL_PRIVACY' | 'STATE_SECRET';

export type CreditPublicityExport = {
  __typename?: 'CreditPublicityExport';
  /** 同一数据的 CSV（UTF-8，首行为中文表头） */
  csv: Scalars['String']['output'];
  records: Array<CreditPublicityRecord>;
  /** 是否为受限通道（含自然人证件号码） */
  restricted: Scalars['Boolean']['output'];
};

/** 双公示（信用中国）行政处罚信息一条；金额单位万元 */
export type CreditPublicityRecord = {
  __typename?: 'CreditPublicityRecord';
  agencyName: Scalars['String']['output'];
  agencyUscc: Scalars['String']['output'];
  basis: Scalars['String']['output'];
  confiscationWan: Maybe<Scalars['String']['output']>;
  decisionDate: Scalars['Date']['output'];
  decisionNumber: Scalars['String']['output'];
  facts: Scalars['String']['output'];
  fineWan: Maybe<Scalars['String']['output']>;
  legalRepresentative: Maybe<Scalars['String']['output']>;
  partyCategory: Scalars['String']['output'];
  partyName: Scalars['String']['output'];
  penaltyCategory: Scalars['String']['output'];
  penaltyContent: Scalars['String']['output'];
  publicationEndsOn: Maybe<Scalars['Date']['output']>;
  remarks: Maybe<Scalars['String']['output']>;
  /** 自然人证件号码：仅 PARTNER 受限通道提供，公开通道恒为 null */
  residentIdNumber: Maybe<Scalars['String']['output']>;
  sourceName: Scalars['String']['output'];
  sourceUscc: Scalars['String']['output'];
  uscc: Maybe<Scalars['String']['output']>;
  validUntil: Maybe<Scalars['Date']['output']>;
  violationType: Scalars['String']['output'];
};

export type DatedActionInput = {
  caseId: Scalars['ID']['input'];
  lateEntryReason?: InputMaybe<Scalars['String']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  /** 执行完毕的日期（现场事实，可早于今天，超过机关规定时须说明补录理由）；结案、归档以系统记录日期为准，只能不填或填今天 */
  on?: InputMaybe<Scalars['Date']['input']>;
  version: Scalars['Int']['input'];
};

export type DecideCaseInput = {
  caseId: Scalars['ID']['input'];
  /**
   * 决定日期以系统记录为准：只能不填或填今天
   * @deprecated 决定日期由系统按记录时间确定
   */
  decidedOn?: InputMaybe<Scalars['Date']['input']>;
  /** 决定时当事人在场（在场则当场送达，否则七个工作日内送达） */
  partyPresent: Scalars['Boolean']['input'];
  proposalId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

export type DecisionChange = {
  __typename?: 'DecisionChange';
  changedOn: Scalars['Date']['output'];
  /** 决定已停止送达和执行（确认违法的决定仍然有效） */
  halted: Scalars['Boolean']['output'];
  kind: DecisionChangeKind;
};

export type DecisionChangeInput = {
  caseId: Scalars['ID']['input'];
  /** 变更（CHANGED）原决定有罚款的：变更后的罚款数额（元），此后按变更后的决定缴纳和执行 */
  changedFineAmount?: InputMaybe<Scalars['Decimal']['input']>;
  /**
   * 负责人记录的变更以系统记录日期为准：只能不填或填今天（行政复议、诉讼结果由救济程序记录）
   * @deprecated 日期由系统按记录时间确定
   */
  changedOn?: InputMaybe<Scalars['Date']['input']>;
  /** 负责人所作变更、撤销、确认违法或无效决定书的文书编号（必填；缺少时 BAD_USER_INPUT，field: documentNumber） */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  kind: DecisionChangeKind;
  /** 公开说明的理由 */
  reason: Scalars['String']['input'];
};

/** 决定被变更、撤销、确认违法或确认无效（R14） */
export type DecisionChangeKind = 'CHANGED' | 'CONFIRMED_ILLEGAL' | 'CONFIRMED_VOID' | 'REVOKED';

/** 决定建议（记录后不可修改；内容哈希标识审核所针对的确切内容） */
export type DecisionProposal = {
  __typename?: 'DecisionProposal';
  checks: ProposalChecks;
  /** 作出决定前须负责人集体讨论（行政处罚法第五十七条第二款，按审核目录） */
  collectiveDiscussionRequired: Scalars['Boolean']['output'];
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
  mitigationGround: Maybe<MitigationGround>;
  outcome: Outcome;
  outsideRangeReason: Maybe<Scalars['String']['output']>;
  penaltyTypes: Array<PenaltyType>;
  reasoning: Scalars['String']['output'];
  reviewFlags: Array<ReviewFlag>;
  reviewReasons: Array<ReviewReason>;
  /** 是否须经法制审核（R5），及命中的目录条目 */
  reviewRequired: Scalars['Boolean']['output'];
};

/** 事后公开状态 */
export type DecisionPublicationStatus =
  /** 经当事人申请提前停止公示（市场监督管理行政处罚信息公示规定第十四条） */
  | 'ENDED'
  /** 依法不予公示（附理由） */
  | 'EXEMPT'
  /** 待公示（附期限） */
  | 'PENDING'
  /** 已公示 */
  | 'PUBLISHED'
  /** 已撤回（仅保留撤回说明） */
  | 'WITHDRAWN';

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
  /** 放弃听证（撤回听证申请）的书面声明 */
  | 'HEARING_WAIVER'
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

export type EndPublicationInput = {
  /** 当事人提出申请的日期 */
  applicationDate: Scalars['Date']['input'];
  id: Scalars['ID']['input'];
  /** 当事人申请及符合条件的情况：已履行、已消除危害后果和不良影响、未再因同类违法行为受罚、不在经营异常名录和严重违法失信名单中 */
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

export type EnterLegalReviewInput = {
  caseId: Scalars['ID']['input'];
  proposalId: Scalars['ID']['input'];
  reviewId: Scalars['ID']['input'];
  roundNo: Scalars['Int']['input'];
  /** 送审的执法人员 */
  submittedBy: Scalars['ID']['input'];
};

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

/** 案卷评查表（事前公开信息，R1）：本轮适用的版本（0 为系统内置版本） */
export type EvaluationChecklist = {
  __typename?: 'EvaluationChecklist';
  items: Array<EvaluationChecklistItem>;
  totalPoints: Scalars['Int']['output'];
  versionId: Maybe<Scalars['ID']['output']>;
  versionNo: Scalars['Int']['output'];
};

/** 评查表中的一项 */
export type EvaluationChecklistItem = {
  __typename?: 'EvaluationChecklistItem';
  /** 法律依据 */
  anchors: Array<LegalBasisRef>;
  /** AGENCY_LAWFUL, OFFICER_QUALIFIED, PROCEDURE_LAWFUL, FACTS_EVIDENCE, LAW_AND_DISCRETION, DOCUMENTS, SERVICE_EXECUTION, ARCHIVING */
  code: Scalars['String']['output'];
  criteria: Scalars['String']['output'];
  name: Scalars['String']['output'];
  points: Scalars['Int']['output'];
};

export type EvaluationDismissal = {
  __typename?: 'EvaluationDismissal';
  /** 被排除的自动发现问题的序号（automaticFindings 中的位置） */
  index: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
};

export type EvaluationDismissalInput = {
  index: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
};

/** 被抽中的一份案卷 */
export type EvaluationFile = {
  __typename?: 'EvaluationFile';
  agency: Agency;
  automaticFindings: Array<EvaluationFinding>;
  case: Case;
  caseType: CaseType;
  dismissals: Maybe<Array<EvaluationDismissal>>;
  evaluator: Maybe<Officer>;
  /** 成立的问题（未排除的自动发现问题和评查人员补充的问题） */
  findings: Maybe<Array<EvaluationFinding>>;
  id: Scalars['ID']['output'];
  items: Maybe<Array<EvaluationItemScore>>;
  maxScore: Scalars['Int']['output'];
  /** 排序键 sha256(种子|案件 ID)：任何人可据种子复算 */
  rank: Scalars['String']['output'];
  rectifications: Array<Rectification>;
  score: Maybe<Scalars['Int']['output']>;
  scoredOn: Maybe<Scalars['Date']['output']>;
  /** PENDING（待评分）或 SCORED（已评分） */
  state: Scalars['String']['output'];
  stratum: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

/** 评查发现的问题（自动发现的来自已校验的全过程记录） */
export type EvaluationFinding = {
  __typename?: 'EvaluationFinding';
  automatic: Scalars['Boolean']['output'];
  /** 规则编码；评查人员补充的为 EVALUATOR */
  code: Scalars['String']['output'];
  itemCode: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

export type EvaluationFindingCount = {
  __typename?: 'EvaluationFindingCount';
  count: Scalars['Int']['output'];
  itemCode: Scalars['String']['output'];
};

export type EvaluationFindingInput = {
  itemCode: Scalars['String']['input'];
  text: Scalars['String']['input'];
};

export type EvaluationItemScore = {
  __typename?: 'EvaluationItemScore';
  code: Scalars['String']['output'];
  note: Maybe<Scalars['String']['output']>;
  score: Scalars['Int']['output'];
};

export type EvaluationItemScoreInput = {
  code: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  score: Scalars['Int']['input'];
};

export type EvaluationRectificationCounts = {
  __typename?: 'EvaluationRectificationCounts';
  done: Scalars['Int']['output'];
  doneLate: Scalars['Int']['output'];
  open: Scalars['Int']['output'];
  overdue: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** 一轮案卷评查 */
export type EvaluationRound = {
  __typename?: 'EvaluationRound';
  agencies: Array<Agency>;
  candidateCount: Scalars['Int']['output'];
  checklist: EvaluationChecklist;
  completedOn: Maybe<Scalars['Date']['output']>;
  evaluators: Array<Officer>;
  /** 被评查机关的工作人员只看到本机关的案卷 */
  files: Array<EvaluationFile>;
  id: Scalars['ID']['output'];
  minPerAgency: Scalars['Int']['output'];
  minPerStratum: Scalars['Int']['output'];
  openedOn: Scalars['Date']['output'];
  periodFrom: Scalars['Date']['output'];
  periodTo: Scalars['Date']['output'];
  rate: Scalars['Float']['output'];
  rectificationWorkingDays: Scalars['Int']['output'];
  /** 抽样：随机种子、比例、每层和每个机关的最少份数（记录于全过程记录，可复算） */
  seed: Scalars['String']['output'];
  /** OPEN 或 COMPLETED */
  state: Scalars['String']['output'];
  strata: Array<EvaluationStratum>;
  /** 组织评查的机关（null 为政府执法监督机构） */
  supervisingAgency: Maybe<Agency>;
  title: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type EvaluationRoundConnection = {
  __typename?: 'EvaluationRoundConnection';
  edges: Array<EvaluationRoundEdge>;
  pageInfo: PageInfo;
};

export type EvaluationRoundEdge = {
  __typename?: 'EvaluationRoundEdge';
  cursor: Scalars['String']['output'];
  node: EvaluationRound;
};

/** 抽样的一层（机关 × 案件类型） */
export type EvaluationStratum = {
  __typename?: 'EvaluationStratum';
  agency: Agency;
  /** 该层符合条件的案卷数 */
  candidates: Scalars['Int']['output'];
  caseType: CaseType;
  drawn: Scalars['Int']['output'];
};

export type FileCaseInput = {
  agencyId: Scalars['ID']['input'];
  /** 可不填：由权力事项类别决定；填写且与之不符的被拒绝 */
  caseType?: InputMaybe<CaseType>;
  confidentiality?: InputMaybe<Confidentiality>;
  factsSummary: Scalars['String']['input'];
  /** 立案日期，默认今天 */
  filedOn?: InputMaybe<Scalars['Date']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** 立案日期早于今天超过机关规定的工作日数时的补录理由 */
  lateEntryReason?: InputMaybe<Scalars['String']['input']>;
  /** 承办执法人员（至少两名，执法证在立案日有效且覆盖该事项的执法类别，R2） */
  officerIds: Array<Scalars['ID']['input']>;
  party: PartyInput;
  powerItemCode: Scalars['String']['input'];
  /** 简易程序仅适用于行政处罚（行政处罚法第五十一条） */
  procedure: ProcedureKind;
  source: CaseSourceInput;
};

/** 罚款缴纳（罚缴分离，凭银行或电子支付凭证） */
export type FinePaymentInput = {
  amount: Scalars['Decimal']['input'];
  caseId: Scalars['ID']['input'];
  lateEntryReason?: InputMaybe<Scalars['String']['input']>;
  paidOn: Scalars['Date']['input'];
  receiptNumber: Scalars['String']['input'];
};

/** 罚款缴纳情况（到期后每日按罚款数额的百分之三加处罚款，加处罚款不超过罚款数额） */
export type FineStatus = {
  __typename?: 'FineStatus';
  daysLate: Scalars['Int']['output'];
  /** 缴纳期限：送达之日起十五日 */
  dueOn: Scalars['Date']['output'];
  fineAmount: Scalars['Decimal']['output'];
  lateSurcharge: Scalars['Decimal']['output'];
  outstanding: Scalars['Decimal']['output'];
  paid: Scalars['Decimal']['output'];
  paidInFull: Scalars['Boolean']['output'];
  totalDue: Scalars['Decimal']['output'];
};

export type HandleSupervisionClueInput = {
  /** ACCEPTED 或 DISMISSED */
  decision: SupervisionClueStatus;
  id: Scalars['ID']['input'];
  /** 处理意见；不予采纳须说明理由 */
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

/** 听证 */
export type HearingFigures = {
  __typename?: 'HearingFigures';
  /** 举行听证 */
  held: Scalars['Int']['output'];
  /** 当事人要求听证 */
  requested: Scalars['Int']['output'];
};

/** 当事人放弃听证（或者撤回听证申请）的书面声明：登记为文书（编号、内容、内容摘要） */
export type HearingWaiverInput = {
  /** 书面声明的内容 */
  content: Scalars['String']['input'];
  contentSha256?: InputMaybe<Scalars['String']['input']>;
  /** 文书编号（普通程序必填） */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
};

/** 一年的节假日安排 */
export type HolidayArrangement = {
  __typename?: 'HolidayArrangement';
  holidays: Array<Scalars['Date']['output']>;
  makeupWorkdays: Array<Scalars['Date']['output']>;
  /** 载入时按该年安排重新计算的未确认期限（尚未届满处理的），每项亦记入案件记录（DEADLINE_RECOMPUTED，R12） */
  recomputedDeadlines: Array<RecomputedDeadline>;
  /** 法制审核服务按载入的安排重新计算的未结审核轮次的审核期限（R12，issue 26），每项亦记入审核记录（DEADLINE_RECOMPUTED） */
  recomputedReviewDeadlines: Array<RecomputedReviewDeadline>;
  source: Maybe<Scalars['String']['output']>;
  year: Scalars['Int']['output'];
};

export type HolidayArrangementInput = {
  holidays: Array<Scalars['Date']['input']>;
  makeupWorkdays: Array<Scalars['Date']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

/** 金额指标（元） */
export type IndicatorAmount = {
  __typename?: 'IndicatorAmount';
  amount: Scalars['Decimal']['output'];
  count: Scalars['Int']['output'];
  groups: Array<IndicatorAmountGroup>;
};

/** 金额指标的一组（元） */
export type IndicatorAmountGroup = {
  __typename?: 'IndicatorAmountGroup';
  amount: Scalars['Decimal']['output'];
  /** 涉及的决定数 */
  count: Scalars['Int']['output'];
  group: Scalars['String']['output'];
};

/** 计数指标（只含汇总数，不含个人信息） */
export type IndicatorCount = {
  __typename?: 'IndicatorCount';
  cells: Array<IndicatorCountCell>;
  total: Scalars['Int']['output'];
};

/** 计数指标的一格：分组 × 取值 */
export type IndicatorCountCell = {
  __typename?: 'IndicatorCountCell';
  count: Scalars['Int']['output'];
  group: Scalars['String']['output'];
  key: Scalars['String']['output'];
};

/** 时长指标 */
export type IndicatorDuration = {
  __typename?: 'IndicatorDuration';
  average: Maybe<Scalars['Float']['output']>;
  count: Scalars['Int']['output'];
  groups: Array<IndicatorDurationGroup>;
  max: Maybe<Scalars['Int']['output']>;
  totalDays: Scalars['Int']['output'];
};

/** 时长指标的一组（天数） */
export type IndicatorDurationGroup = {
  __typename?: 'IndicatorDurationGroup';
  /** 平均天数（totalDays / count） */
  average: Maybe<Scalars['Float']['output']>;
  count: Scalars['Int']['output'];
  group: Scalars['String']['output'];
  max: Maybe<Scalars['Int']['output']>;
  totalDays: Scalars['Int']['output'];
};

/** 比率指标 */
export type IndicatorRate = {
  __typename?: 'IndicatorRate';
  denominator: Scalars['Int']['output'];
  excluded: Scalars['Int']['output'];
  groups: Array<IndicatorRateGroup>;
  numerator: Scalars['Int']['output'];
  rate: Maybe<Scalars['Float']['output']>;
};

/** 比率指标的一组 */
export type IndicatorRateGroup = {
  __typename?: 'IndicatorRateGroup';
  /** 分母 */
  denominator: Scalars['Int']['output'];
  /** 在统计范围内但尚不能判断（如尚未到期）的数量，不计入分子分母 */
  excluded: Scalars['Int']['output'];
  group: Scalars['String']['output'];
  /** 分子 */
  numerator: Scalars['Int']['output'];
  /** 分子 / 分母（四位小数）；分母为 0 时为 null */
  rate: Maybe<Scalars['Float']['output']>;
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

/** 罚款低于法定下限所依据的法定减轻处罚情形（行政处罚法第三十条至第三十二条） */
export type MitigationGround =
  /** 受他人胁迫或者诱骗实施违法行为（第三十二条第（二）项） */
  | 'COERCED'
  /** 主动供述行政机关尚未掌握的违法行为（第三十二条第（三）项） */
  | 'CONFESSED'
  /** 主动消除或者减轻违法行为危害后果（第三十二条第（一）项） */
  | 'CONSEQUENCES_ELIMINATED'
  /** 尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人（第三十一条） */
  | 'LIMITED_CAPACITY'
  /** 配合查处有立功表现（第三十二条第（四）项） */
  | 'MERITORIOUS_SERVICE'
  /** 已满十四周岁不满十八周岁的未成年人（第三十条） */
  | 'MINOR_OFFENDER'
  /** 法律、法规、规章规定的其他情形（第三十二条第（五）项） */
  | 'OTHER_STATUTORY';

export type Mutation = {
  __typename?: 'Mutation';
  /** 归档（记录不完整时拒绝并列出全部缺项，R18） */
  archiveCase: Case;
  /** 结案 */
  closeCase: Case;
  /** 结束评查轮次（全部案卷已评分） */
  completeEvaluationRound: EvaluationRound;
  /** 报告整改完成（被评查机关工作人员） */
  completeRectification: Rectification;
  /** 更正公示内容（法制人员，公示规定第十二条） */
  correctPublication: Publication;
  /** 负责人作出决定 */
  decideCase: Case;
  /** 经当事人申请提前停止公示（法制人员，公示规定第十四条） */
  endPublicationEarly: Publication;
  /** （子服务间调用）送审：案件进入法制审核 */
  enterLegalReview: Case;
  /** （负责人）延长查封、扣押 */
  extendSeizure: Case;
  /** 立案 */
  fileCase: Case;
  /** （执法监督）处理线索：采纳或不予采纳（说明理由） */
  handleSupervisionClue: SupervisionClue;
  /** （负责人）解除查封、扣押或作出处理决定 */
  liftSeizure: Case;
  /** 载入某年国务院节假日安排（ADMIN；无需发布新版本） */
  loadHolidayArrangement: HolidayArrangement;
  /** 发起一轮案卷评查并随机抽取案卷（执法监督） */
  openEvaluationRound: EvaluationRound;
  /** 记录决定建议 */
  proposeDecision: DecisionProposal;
  /** 公示（法制人员）：PENDING → PUBLISHED */
  publishDecision: Publication;
  /** （负责人）记录集体讨论 */
  recordCollectiveDiscussion: Case;
  /** （负责人）记录决定被变更、撤销、确认违法或无效：停止送达、执行，撤回期限为三个工作日（R14） */
  recordDecisionChange: Publication;
  /** 记录事件：出示证件、告知、听证申请/放弃/举行、送达 */
  recordEvent: Case;
  /** 执行完毕（有罚款的须缴清罚款及加处罚款） */
  recordExecution: Case;
  /** 记录罚款缴纳（逾期按日加处百分之三，不超过罚款数额） */
  recordFinePayment: Case;
  /** （法制人员、负责人）登记针对决定的行政复议申请或行政诉讼 */
  recordReliefApplication: ReliefProceeding;
  /** （法制人员、负责人）登记行政复议决定或法院裁判结果；撤销、变更、确认违法经决定变更程序处理并撤回公示（R14） */
  recordReliefOutcome: ReliefProceeding;
  /** （子服务间调用）记录审核结论；存在问题时退回承办机构 */
  recordReviewOutcome: Case;
  /** 记录文书 */
  recordText: RecordEntry;
  /** 登记音像记录（元数据 + SHA-256） */
  registerAvRecord: RecordEntry;
  /** （执法监督）运行问题模型并提出线索；参数未给出的用默认值，所用参数记入线索证据 */
  runSupervisionModels: SupervisionRunResult;
  /** 按评查表为一份案卷评分（本轮评查人员；承办或审核过该案件的须回避） */
  scoreEvaluationFile: EvaluationFile;
  /** 送达决定书 */
  serveDecision: Case;
  /** 开始调查取证：FILED → INVESTIGATING */
  startInvestigation: Case;
  /** 撤回公示：内容不再公开，保留公开的撤回说明 */
  withdrawPublication: Publication;
};

export type MutationArchiveCaseArgs = {
  input: DatedActionInput;
};

export type MutationCloseCaseArgs = {
  input: DatedActionInput;
};

export type MutationCompleteEvaluationRoundArgs = {
  input: CompleteEvaluationRoundInput;
};

export type MutationCompleteRectificationArgs = {
  input: CompleteRectificationInput;
};

export type MutationCorrectPublicationArgs = {
  input: PublicationCorrectionInput;
};

export type MutationDecideCaseArgs = {
  input: DecideCaseInput;
};

export type MutationEndPublicationEarlyArgs = {
  input: EndPublicationInput;
};

export type MutationEnterLegalReviewArgs = {
  input: EnterLegalReviewInput;
};

export type MutationExtendSeizureArgs = {
  input: SeizureExtensionInput;
};

export type MutationFileCaseArgs = {
  input: FileCaseInput;
};

export type MutationHandleSupervisionClueArgs = {
  input: HandleSupervisionClueInput;
};

export type MutationLiftSeizureArgs = {
  input: SeizureLiftInput;
};

export type MutationLoadHolidayArrangementArgs = {
  input: HolidayArrangementInput;
};

export type MutationOpenEvaluationRoundArgs = {
  input: OpenEvaluationRoundInput;
};

export type MutationProposeDecisionArgs = {
  input: ProposeDecisionInput;
};

export type MutationPublishDecisionArgs = {
  input: PublicationActionInput;
};

export type MutationRecordCollectiveDiscussionArgs = {
  input: CollectiveDiscussionInput;
};

export type MutationRecordDecisionChangeArgs = {
  input: DecisionChangeInput;
};

export type MutationRecordEventArgs = {
  input: CaseEventInput;
};

export type MutationRecordExecutionArgs = {
  input: DatedActionInput;
};

export type MutationRecordFinePaymentArgs = {
  input: FinePaymentInput;
};

export type MutationRecordReliefApplicationArgs = {
  input: ReliefApplicationInput;
};

export type MutationRecordReliefOutcomeArgs = {
  input: ReliefOutcomeInput;
};

export type MutationRecordReviewOutcomeArgs = {
  input: ReviewOutcomeInput;
};

export type MutationRecordTextArgs = {
  input: TextRecordInput;
};

export type MutationRegisterAvRecordArgs = {
  input: AvRecordInput;
};

export type MutationRunSupervisionModelsArgs = {
  input: SupervisionRunInput;
  parameters?: InputMaybe<Array<SupervisionParameterInput>>;
};

export type MutationScoreEvaluationFileArgs = {
  input: ScoreEvaluationFileInput;
};

export type MutationServeDecisionArgs = {
  input: ServeInput;
};

export type MutationStartInvestigationArgs = {
  input: CaseActionInput;
};

export type MutationWithdrawPublicationArgs = {
  input: PublicationActionInput;
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

export type OpenEvaluationRoundInput = {
  agencyIds: Array<Scalars['ID']['input']>;
  /** 评查人员（执法人员 ID）；默认为发起人 */
  evaluatorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  minPerAgency?: InputMaybe<Scalars['Int']['input']>;
  minPerStratum?: InputMaybe<Scalars['Int']['input']>;
  periodFrom: Scalars['Date']['input'];
  periodTo: Scalars['Date']['input'];
  /** 每层抽取比例，默认 0.1 */
  rate?: InputMaybe<Scalars['Float']['input']>;
  /** 整改期限（工作日），默认 20 */
  rectificationWorkingDays?: InputMaybe<Scalars['Int']['input']>;
  /** 随机种子（8 至 128 个字符），记录于日志 */
  seed: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type Outcome =
  /** 移送司法机关 */
  | 'CRIMINAL_REFERRAL'
  /** 扣押（行政强制措施，行政强制法第九条第（三）项；期限三十日，第二十五条） */
  | 'IMPOUND'
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
  | 'PENALTY'
  /** 查封（行政强制措施，行政强制法第九条第（二）项；期限三十日，第二十五条） */
  | 'SEAL_UP';

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

/** 权力事项（权责清单） */
export type PowerItem = {
  __typename?: 'PowerItem';
  id: Scalars['ID']['output'];
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
  /** 罚款低于法定下限时的法定减轻处罚情形 */
  mitigationGround?: InputMaybe<MitigationGround>;
  outcome: Outcome;
  /** 罚款超出裁量基准幅度时的书面理由（R9；法定幅度不能以理由突破） */
  outsideRangeReason?: InputMaybe<Scalars['String']['input']>;
  penaltyTypes?: InputMaybe<Array<PenaltyType>>;
  reasoning: Scalars['String']['input'];
  reviewFlags?: InputMaybe<Array<ReviewFlag>>;
};

/** 公示内容：由结构化字段生成，自然人姓名脱敏（张某），不含身份证号、电话、住址 */
export type PublicContent = {
  __typename?: 'PublicContent';
  /** 受委托实施的组织（行政处罚法第二十条），无则为 null */
  actingOrganisation: Maybe<Scalars['String']['output']>;
  /** 作出决定的行政机关（受委托组织实施时为委托行政机关） */
  agencyName: Scalars['String']['output'];
  agencyUscc: Scalars['String']['output'];
  /** 执法类别 */
  category: Scalars['String']['output'];
  /** 执法结论 */
  conclusion: Scalars['String']['output'];
  decisionDate: Scalars['Date']['output'];
  decisionNumber: Scalars['String']['output'];
  legalBasis: Array<Scalars['String']['output']>;
  legalRepresentative: Maybe<Scalars['String']['output']>;
  /** 决定事项：违法行为、许可事项或措施对象 */
  matter: Scalars['String']['output'];
  partyKind: PartyKind;
  partyName: Scalars['String']['output'];
  partyUscc: Maybe<Scalars['String']['output']>;
  /** 公示正文（按案件类型与决定结果的模板由结构化字段生成） */
  text: Scalars['String']['output'];
  /** 公示标题（按案件类型与决定结果） */
  title: Scalars['String']['output'];
  /** 违法行为（仅行政处罚决定；许可、强制措施不是违法行为，为 null） */
  violation: Maybe<Scalars['String']['output']>;
};

/** 执法决定的事后公开（行政处罚、行政许可七个工作日内，其他决定二十个工作日内，R12） */
export type Publication = {
  __typename?: 'Publication';
  /** 该年度节假日安排是否已载入（未载入时期限按周末和固定节日推算） */
  calendarConfirmed: Maybe<Scalars['Boolean']['output']>;
  /** 工作人员可见：所属案件 */
  case: Maybe<Case>;
  /** 公示内容（撤回后或期满后对公众为 null） */
  content: Maybe<PublicContent>;
  /** 更正记录（公开：更正日期、理由和更正的内容） */
  corrections: Array<PublicationCorrection>;
  decisionDate: Scalars['Date']['output'];
  /** 公示期限 */
  dueOn: Maybe<Scalars['Date']['output']>;
  /** 提前停止公示的理由（工作人员可见） */
  endReason: Maybe<Scalars['String']['output']>;
  /** 提前停止公示的日期 */
  endedOn: Maybe<Scalars['Date']['output']>;
  /** 不予公示的理由 */
  exemptionReason: Maybe<Scalars['String']['output']>;
  /** 公示期已届满 */
  expired: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** 超过期限未公示 */
  overdue: Scalars['Boolean']['output'];
  /** 送达时书面告知当事人将予公示的日期（工作人员可见） */
  partyNotifiedOn: Maybe<Scalars['Date']['output']>;
  /** 公示期届满日（届满后不再对公众展示，R15） */
  periodEndsOn: Maybe<Scalars['Date']['output']>;
  publishedOn: Maybe<Scalars['Date']['output']>;
  status: DecisionPublicationStatus;
  version: Scalars['Int']['output'];
  /** 撤回期限（变更之日起三个工作日，R14） */
  withdrawalDueOn: Maybe<Scalars['Date']['output']>;
  /** 撤回说明（公开） */
  withdrawalNotice: Maybe<WithdrawalNotice>;
  /** 超过期限未撤回 */
  withdrawalOverdue: Scalars['Boolean']['output'];
};

export type PublicationActionInput = {
  id: Scalars['ID']['input'];
  /**
   * 公示、撤回以系统记录日期为准：只能不填或填今天
   * @deprecated 日期由系统按记录时间确定
   */
  on?: InputMaybe<Scalars['Date']['input']>;
  /** 撤回理由（公开） */
  reason?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};

export type PublicationConnection = {
  __typename?: 'PublicationConnection';
  edges: Array<PublicationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** 一次更正（市场监督管理行政处罚信息公示规定第十二条） */
export type PublicationCorrection = {
  __typename?: 'PublicationCorrection';
  changes: Array<PublicationFieldChange>;
  on: Scalars['Date']['output'];
  reason: Scalars['String']['output'];
};

export type PublicationCorrectionInput = {
  id: Scalars['ID']['input'];
  legalBasis?: InputMaybe<Array<LegalBasisRefInput>>;
  legalRepresentative?: InputMaybe<Scalars['String']['input']>;
  /** 决定事项（违法行为、许可事项或措施对象）的公示表述 */
  matter?: InputMaybe<Scalars['String']['input']>;
  partyName?: InputMaybe<Scalars['String']['input']>;
  partyUscc?: InputMaybe<Scalars['String']['input']>;
  /** 更正理由（公开） */
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

export type PublicationEdge = {
  __typename?: 'PublicationEdge';
  cursor: Scalars['String']['output'];
  node: Publication;
};

export type PublicationFieldChange = {
  __typename?: 'PublicationFieldChange';
  field: Scalars['String']['output'];
  /** 更正前（自然人姓名不公开，为 null） */
  from: Maybe<Scalars['String']['output']>;
  to: Maybe<Scalars['String']['output']>;
};

export type PublicationFilter = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  /** 执法类别（案件类型） */
  category?: InputMaybe<CaseType>;
  decidedFrom?: InputMaybe<Scalars['Date']['input']>;
  decidedTo?: InputMaybe<Scalars['Date']['input']>;
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** 当事人名称（企业）包含 */
  partyNameContains?: InputMaybe<Scalars['String']['input']>;
  partyUscc?: InputMaybe<Scalars['String']['input']>;
  /** 工作人员可按状态查询（含待公示、超期） */
  status?: InputMaybe<DecisionPublicationStatus>;
};

export type Query = {
  __typename?: 'Query';
  /** 从某日起算 N 个工作日（次日起算，行政处罚法第八十五条） */
  addWorkingDays: WorkingDayResult;
  case: Maybe<Case>;
  cases: CaseConnection;
  /** 双公示导出（行政处罚）；PARTNER 受限通道含自然人证件号码 */
  creditPublicityExport: CreditPublicityExport;
  /** 期间内各机关的案卷评查结果汇总（执法监督：所监督的机关；分析人员：全部；机关工作人员：本机关） */
  evaluationResults: Array<AgencyEvaluationResult>;
  evaluationRound: Maybe<EvaluationRound>;
  /** 本机关组织的评查轮次（执法监督），或包含本机关的评查轮次（被评查机关工作人员）；新的在前，分页（first 默认 20，至多 100） */
  evaluationRounds: EvaluationRoundConnection;
  publication: Maybe<Publication>;
  /** 已公开的执法决定（公众可查；期满的不再展示；撤回的仅有撤回说明） */
  publications: PublicationConnection;
  /** 统计指标（分析人员、执法监督、管理员；执法机关工作人员仅本机关；公众不可用） */
  statistics: Maybe<Statistics>;
  supervisionClue: Maybe<SupervisionClue>;
  /** 执法监督线索（执法监督人员：所监督机关；执法机关工作人员：本机关；分析人员、公众不可用） */
  supervisionClues: SupervisionClueConnection;
  /** 运行问题模型查看命中（不提出线索；执法监督、管理员、本机关工作人员） */
  supervisionFindings: Array<SupervisionFinding>;
  /** 问题模型（公开其定义、依据与参数） */
  supervisionModels: Array<SupervisionModel>;
  /** 重新计算案件全过程记录的哈希链与签名检查点 */
  verifyCaseRecords: RecordVerification;
};

export type QueryAddWorkingDaysArgs = {
  date: Scalars['Date']['input'];
  days: Scalars['Int']['input'];
};

export type QueryCaseArgs = {
  id: Scalars['ID']['input'];
};

export type QueryCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CaseFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryCreditPublicityExportArgs = {
  filter?: InputMaybe<PublicationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryEvaluationResultsArgs = {
  agencyIds: Array<Scalars['ID']['input']>;
  periodFrom: Scalars['Date']['input'];
  periodTo: Scalars['Date']['input'];
};

export type QueryEvaluationRoundArgs = {
  id: Scalars['ID']['input'];
};

export type QueryEvaluationRoundsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryPublicationArgs = {
  id: Scalars['ID']['input'];
};

export type QueryPublicationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PublicationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryStatisticsArgs = {
  filter: StatisticsFilter;
};

export type QuerySupervisionClueArgs = {
  id: Scalars['ID']['input'];
};

export type QuerySupervisionCluesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SupervisionClueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QuerySupervisionFindingsArgs = {
  input: SupervisionRunInput;
  parameters?: InputMaybe<Array<SupervisionParameterInput>>;
};

export type QueryVerifyCaseRecordsArgs = {
  caseId: Scalars['ID']['input'];
};

/** 载入某年节假日安排时重新计算的一项期限：原按未确认日历计算，现按已载入的安排计算 */
export type RecomputedDeadline = {
  __typename?: 'RecomputedDeadline';
  caseId: Scalars['ID']['output'];
  /** 新期限是否已全部按已载入的安排计算 */
  confirmed: Scalars['Boolean']['output'];
  /** 起算日 */
  countedFrom: Scalars['Date']['output'];
  dueOn: Scalars['Date']['output'];
  /** DECISION_DUE 办案期限、SERVICE_DUE 送达期限、PUBLICATION_DUE 公示期限、WITHDRAWAL_DUE 撤回公示期限 */
  kind: Scalars['String']['output'];
  previousDueOn: Scalars['Date']['output'];
  /** 公示或撤回公示的期限所属的公示 */
  publicationId: Maybe<Scalars['ID']['output']>;
  workingDays: Scalars['Int']['output'];
};

/** 载入某年节假日安排时重新计算的一项审核期限（送审之日起的审核时限） */
export type RecomputedReviewDeadline = {
  __typename?: 'RecomputedReviewDeadline';
  caseId: Scalars['ID']['output'];
  confirmed: Scalars['Boolean']['output'];
  /** 起算日（送审日） */
  countedFrom: Scalars['Date']['output'];
  dueOn: Scalars['Date']['output'];
  previousDueOn: Scalars['Date']['output'];
  reviewId: Scalars['ID']['output'];
  roundNo: Scalars['Int']['output'];
  workingDays: Scalars['Int']['output'];
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
  /** 补录理由（所述日期早于记录日超过机关规定的工作日数时必填） */
  lateEntryReason: Maybe<Scalars['String']['output']>;
  /** 记录内容（JSON）；涉及商业秘密、个人隐私的仅经办人、审核人、负责人、监督可见，其余为 null；国家秘密只存引用 */
  payload: Maybe<Scalars['String']['output']>;
  /** 系统记录的时间（服务器时钟，不可设置） */
  recordedAt: Scalars['DateTime']['output'];
  stage: RecordStage;
  /** 所述的现场发生日期（与记录时间不同时两者均保留） */
  statedOn: Maybe<Scalars['Date']['output']>;
  /** 结案后补正记录的理由（补正记录单独列明） */
  supplementReason: Maybe<Scalars['String']['output']>;
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

/** 整改事项：每个问题一项，期限按工作日计算 */
export type Rectification = {
  __typename?: 'Rectification';
  agency: Agency;
  case: Case;
  doneNote: Maybe<Scalars['String']['output']>;
  doneOn: Maybe<Scalars['Date']['output']>;
  /** 期限所涉年度的节假日安排是否已载入 */
  dueConfirmed: Scalars['Boolean']['output'];
  dueOn: Scalars['Date']['output'];
  finding: Scalars['String']['output'];
  findingCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  itemCode: Scalars['String']['output'];
  overdue: Scalars['Boolean']['output'];
  /** OPEN（待整改）或 DONE（已整改） */
  state: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type ReliefApplicationInput = {
  caseId: Scalars['ID']['input'];
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  kind: ReliefProceedingKind;
  organ: Scalars['String']['input'];
  receivedOn: Scalars['Date']['input'];
};

/** 复议决定或裁判结果 */
export type ReliefOutcome =
  /** 变更 */
  | 'CHANGED'
  /** 确认违法 */
  | 'CONFIRMED_ILLEGAL'
  /** 确认无效（决定自始不发生效力，不再执行，公示撤回） */
  | 'CONFIRMED_VOID'
  /** 撤销 */
  | 'REVOKED'
  /** 调解、和解结案 */
  | 'SETTLED'
  /** 维持（驳回请求） */
  | 'UPHELD'
  /** 撤回申请（起诉）或终止 */
  | 'WITHDRAWN';

export type ReliefOutcomeInput = {
  /** 结果为变更且原决定有罚款时必填：变更后的罚款数额（元），此后按变更后的决定缴纳和执行 */
  changedFineAmount?: InputMaybe<Scalars['Decimal']['input']>;
  /** 结果为变更时必填：原决定被更正的内容 */
  correction?: InputMaybe<Scalars['String']['input']>;
  /** 复议决定书、裁判文书的日期 */
  decidedOn: Scalars['Date']['input'];
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  outcome: ReliefOutcome;
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

/** 针对行政执法决定的行政复议或行政诉讼 */
export type ReliefProceeding = {
  __typename?: 'ReliefProceeding';
  /** 变更时：原决定被更正的内容 */
  correction: Maybe<Scalars['String']['output']>;
  /** 复议、诉讼案号 */
  documentNumber: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ReliefProceedingKind;
  /** 复议机关或人民法院 */
  organ: Scalars['String']['output'];
  /** 结果；未结时为 null */
  outcome: Maybe<ReliefOutcome>;
  /** 结果文书的文号 */
  outcomeDocumentNumber: Maybe<Scalars['String']['output']>;
  /** 复议决定书、裁判文书的日期 */
  outcomeOn: Maybe<Scalars['Date']['output']>;
  /** 结果的理由 */
  outcomeReason: Maybe<Scalars['String']['output']>;
  /** 收到复议申请书副本或起诉状副本的日期 */
  receivedOn: Scalars['Date']['output'];
  recordedBy: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

/** 救济程序种类 */
export type ReliefProceedingKind =
  /** 行政诉讼 */
  | 'ADMINISTRATIVE_LITIGATION'
  /** 行政复议 */
  | 'ADMINISTRATIVE_RECONSIDERATION';

/** 责任链中的一步 */
export type ResponsibilityStep = {
  __typename?: 'ResponsibilityStep';
  /** SUBMITTED_FOR_REVIEW, REVIEW_APPROVED, REVIEW_ISSUES_FOUND, DECIDED */
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  contentHash: Maybe<Scalars['String']['output']>;
  proposalId: Maybe<Scalars['ID']['output']>;
  reviewId: Maybe<Scalars['ID']['output']>;
};

/** 案卷保管期限 */
export type Retention = {
  __typename?: 'Retention';
  /** 保管至（含）；为空表示永久 */
  until: Maybe<Scalars['Date']['output']>;
  /** 保管年数；为空表示永久 */
  years: Maybe<Scalars['Int']['output']>;
};

export type ReviewFlag = 'COMPLEX' | 'CRIMINAL_REFERRAL' | 'MAJOR_PUBLIC_INTEREST' | 'MAJOR_RIGHTS' | 'MAJOR_SOCIAL_IMPACT';

export type ReviewOutcomeInput = {
  caseId: Scalars['ID']['input'];
  /** APPROVED 或 ISSUES_FOUND */
  conclusion: Scalars['String']['input'];
  contentHash: Scalars['String']['input'];
  /** 签名密钥标识 */
  keyId: Scalars['String']['input'];
  proposalId: Scalars['ID']['input'];
  reviewId: Scalars['ID']['input'];
  reviewerId: Scalars['ID']['input'];
  roundNo: Scalars['Int']['input'];
  /** Ed25519 签名（base64） */
  signature: Scalars['String']['input'];
  /** 审核服务以其签名密钥签署的审核结论陈述（规范 JSON，issue 25）：案件记录原样保存，作出决定前据此核验 */
  statement: Scalars['String']['input'];
};

export type ReviewReason = {
  __typename?: 'ReviewReason';
  /** 该目录条目要求负责人集体讨论决定（行政处罚法第五十七条第二款） */
  collectiveDiscussion: Scalars['Boolean']['output'];
  description: Scalars['String']['output'];
  ruleCode: Scalars['String']['output'];
};

/** 行政处罚告知书（行政处罚法第四十四条）：绑定所告知的决定建议；之后更重的建议须重新告知 */
export type RightsNoticeInput = {
  /** 告知的处罚内容及事实、理由、依据和陈述、申辩、要求听证等权利 */
  content: Scalars['String']['input'];
  contentSha256?: InputMaybe<Scalars['String']['input']>;
  /** 文书编号（普通程序必填） */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  proposalId: Scalars['ID']['input'];
};

export type ScoreEvaluationFileInput = {
  dismissals?: InputMaybe<Array<EvaluationDismissalInput>>;
  fileId: Scalars['ID']['input'];
  findings?: InputMaybe<Array<EvaluationFindingInput>>;
  items: Array<EvaluationItemScoreInput>;
  version: Scalars['Int']['input'];
};

/** 评议考核的一项得分 */
export type ScorecardComponent = {
  __typename?: 'ScorecardComponent';
  /** 指标代码（见 docs/supervision-models.md） */
  code: Scalars['String']['output'];
  denominator: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** 分子、分母（来源数据） */
  numerator: Scalars['Int']['output'];
  /** 得分 0–1（四位小数）；该项无数据时为 null，不计入总分 */
  score: Maybe<Scalars['Float']['output']>;
  /** 权重 */
  weight: Scalars['Float']['output'];
};

/** 延长查封、扣押（负责人批准，一次，不超过三十日，书面告知当事人） */
export type SeizureExtensionInput = {
  caseId: Scalars['ID']['input'];
  days: Scalars['Int']['input'];
  notice: Scalars['String']['input'];
  /** 延长查封、扣押决定书（告知当事人）的文号与内容 */
  noticeNumber: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

/** 解除查封、扣押或作出处理决定（行政强制法第二十七条、第二十八条） */
export type SeizureLiftInput = {
  caseId: Scalars['ID']['input'];
  documentNumber: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

/** 查封、扣押措施 */
export type SeizureMeasure = {
  __typename?: 'SeizureMeasure';
  /** 三十日期限届满日 */
  endsOn: Scalars['Date']['output'];
  /** 经负责人批准延长后的届满日（只能延长一次，不超过三十日） */
  extendedTo: Maybe<Scalars['Date']['output']>;
  liftedOn: Maybe<Scalars['Date']['output']>;
  /** 超过期限仍未解除或处理 */
  overdue: Scalars['Boolean']['output'];
  startedOn: Scalars['Date']['output'];
};

export type ServeInput = {
  caseId: Scalars['ID']['input'];
  lateEntryReason?: InputMaybe<Scalars['String']['input']>;
  method: ServiceMethod;
  officerIds: Array<Scalars['ID']['input']>;
  /** 将公示的决定：送达时书面告知当事人将予公示的文书编号（市场监督管理行政处罚信息公示规定第八条） */
  publicationNoticeNumber?: InputMaybe<Scalars['String']['input']>;
  servedOn: Scalars['Date']['input'];
  version: Scalars['Int']['input'];
};

export type ServiceMethod = 'ANNOUNCEMENT' | 'DIRECT' | 'ELECTRONIC' | 'LODGED' | 'POSTAL';

/** 统计指标（联合实体：键编码筛选条件，各子图按键从本库计算本子图的指标） */
export type Statistics = {
  __typename?: 'Statistics';
  agencyId: Maybe<Scalars['ID']['output']>;
  /** 计算时的日期（判断是否到期） */
  asOf: Scalars['Date']['output'];
  /** 案件、决定、事后公开与归档指标（cases 子图） */
  cases: Maybe<CaseStatistics>;
  from: Scalars['Date']['output'];
  groupBy: Maybe<StatisticsGroupBy>;
  /** 不透明键（编码执法主体、统计期间和分组） */
  key: Scalars['ID']['output'];
  /** 执法监督：线索与评议考核（issue 30） */
  supervision: Maybe<SupervisionStatistics>;
  to: Scalars['Date']['output'];
};

/** 交叉统计的维度 */
export type StatisticsDimension =
  /** 执法主体 */
  | 'AGENCY'
  /** 执法类别（案件类型） */
  | 'CATEGORY'
  /** 处罚种类 */
  | 'DECISION_TYPE'
  /** 月份（零值月份也列出） */
  | 'MONTH'
  /** 决定结果 */
  | 'OUTCOME'
  /** 程序（简易、普通） */
  | 'PROCEDURE'
  /** 救济程序种类 */
  | 'RELIEF_KIND'
  /** 复议决定、裁判结果 */
  | 'RELIEF_OUTCOME';

export type StatisticsFilter = {
  /** 执法主体；为空时为全部（执法机关工作人员只能查看本机关） */
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  /** 统计期间起（含） */
  from: Scalars['Date']['input'];
  /** 分组；为空时 groups 只有一组 ALL */
  groupBy?: InputMaybe<StatisticsGroupBy>;
  /** 统计期间止（含） */
  to: Scalars['Date']['input'];
};

/** 分组方式 */
export type StatisticsGroupBy =
  /** 按执法主体（ID） */
  | 'AGENCY'
  /** 按执法类别（案件类型；抽查为抽查事项） */
  | 'CATEGORY'
  /** 按月（各指标的基准日期所在月份，YYYY-MM） */
  | 'MONTH';

/** 交叉表 */
export type StatisticsTable = {
  __typename?: 'StatisticsTable';
  amount: Maybe<Scalars['Decimal']['output']>;
  dimensions: Array<StatisticsDimension>;
  rows: Array<StatisticsTableRow>;
  total: Scalars['Int']['output'];
};

/** 交叉表的一行 */
export type StatisticsTableRow = {
  __typename?: 'StatisticsTableRow';
  /** 维度含执法主体时：该执法主体 */
  agency: Maybe<Agency>;
  /** 金额（元）；该表不计金额时为 null */
  amount: Maybe<Scalars['Decimal']['output']>;
  count: Scalars['Int']['output'];
  /** 各维度取值的中文名称（执法主体见 agency） */
  labels: Array<Scalars['String']['output']>;
  /** 各维度的取值（代码；月份为 YYYY-MM） */
  values: Array<Scalars['String']['output']>;
};

/** 执法监督线索：问题模型提出，附证据，由监督机关处理；提出与处理均记入记录日志 */
export type SupervisionClue = {
  __typename?: 'SupervisionClue';
  agency: Agency;
  base: Scalars['Int']['output'];
  caseIds: Array<Scalars['ID']['output']>;
  cases: Array<Maybe<Case>>;
  handledBy: Maybe<Scalars['String']['output']>;
  handledOn: Maybe<Scalars['Date']['output']>;
  handlingReason: Maybe<Scalars['String']['output']>;
  hits: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  measure: Scalars['Float']['output'];
  model: SupervisionModel;
  /** 运行时的参数 */
  parameters: Array<SupervisionModelParameter>;
  periodFrom: Scalars['Date']['output'];
  periodTo: Scalars['Date']['output'];
  raisedBy: Scalars['String']['output'];
  raisedOn: Scalars['Date']['output'];
  status: SupervisionClueStatus;
  subject: Scalars['String']['output'];
  subjectKind: SupervisionSubjectKind;
  summary: Scalars['String']['output'];
  supervisingAgency: Agency;
  threshold: Scalars['Float']['output'];
  version: Scalars['Int']['output'];
};

export type SupervisionClueConnection = {
  __typename?: 'SupervisionClueConnection';
  edges: Array<SupervisionClueEdge>;
  pageInfo: PageInfo;
};

/** 问题模型的线索数（汇总，分析人员可见） */
export type SupervisionClueCount = {
  __typename?: 'SupervisionClueCount';
  accepted: Scalars['Int']['output'];
  dismissed: Scalars['Int']['output'];
  model: SupervisionModel;
  open: Scalars['Int']['output'];
  raised: Scalars['Int']['output'];
};

export type SupervisionClueEdge = {
  __typename?: 'SupervisionClueEdge';
  cursor: Scalars['String']['output'];
  node: SupervisionClue;
};

export type SupervisionClueFilter = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  model?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<SupervisionClueStatus>;
};

/** 线索处理状态 */
export type SupervisionClueStatus =
  /** 采纳 */
  | 'ACCEPTED'
  /** 不予采纳 */
  | 'DISMISSED'
  /** 待处理 */
  | 'OPEN';

/** 问题模型的一个命中（未提出为线索） */
export type SupervisionFinding = {
  __typename?: 'SupervisionFinding';
  agency: Agency;
  /** 基数 */
  base: Scalars['Int']['output'];
  /** 下钻：命中的案件（至多 200 件） */
  caseIds: Array<Scalars['ID']['output']>;
  cases: Array<Maybe<Case>>;
  /** 命中件数 */
  hits: Scalars['Int']['output'];
  /** 度量：比例（四位小数）或件数、日数 */
  measure: Scalars['Float']['output'];
  model: SupervisionModel;
  /** 对象：执法人员 ID、权力事项代码、案件 ID 等（见 subjectKind） */
  subject: Scalars['String']['output'];
  subjectKind: SupervisionSubjectKind;
  summary: Scalars['String']['output'];
  /** 应处理线索的监督机关（受委托组织的案件为委托机关） */
  supervisingAgency: Agency;
  /** 阈值参数的取值 */
  threshold: Scalars['Float']['output'];
};

/** 问题模型的法律依据 */
export type SupervisionLegalAnchor = {
  __typename?: 'SupervisionLegalAnchor';
  article: Scalars['String']['output'];
  excerpt: Scalars['String']['output'];
  law: Scalars['String']['output'];
};

/** 问题模型（执法监督线索模型） */
export type SupervisionModel = {
  __typename?: 'SupervisionModel';
  code: Scalars['ID']['output'];
  /** 定义（统计口径与提出线索的条件） */
  definition: Scalars['String']['output'];
  legalAnchor: Array<SupervisionLegalAnchor>;
  name: Scalars['String']['output'];
  parameters: Array<SupervisionModelParameter>;
  subjectKind: SupervisionSubjectKind;
};

/** 问题模型的参数（默认值） */
export type SupervisionModelParameter = {
  __typename?: 'SupervisionModelParameter';
  meaning: Scalars['String']['output'];
  name: Scalars['String']['output'];
  value: Scalars['Float']['output'];
};

export type SupervisionParameterInput = {
  model: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  value: Scalars['Float']['input'];
};

export type SupervisionRunInput = {
  /** 执法主体；为空时为可见范围内的全部 */
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  /** 期间起（含） */
  from: Scalars['Date']['input'];
  /** 问题模型代码；为空时为全部 */
  models?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 期间止（含） */
  to: Scalars['Date']['input'];
};

/** 运行问题模型的结果 */
export type SupervisionRunResult = {
  __typename?: 'SupervisionRunResult';
  /** 同一模型、执法主体、对象和期间已提出过的命中数（不重复提出） */
  alreadyRaised: Scalars['Int']['output'];
  /** 新提出的线索 */
  raised: Array<SupervisionClue>;
};

/** 执法监督汇总（cases 子图） */
export type SupervisionStatistics = {
  __typename?: 'SupervisionStatistics';
  /** 期间内提出的线索数按问题模型 */
  cluesByModel: Array<SupervisionClueCount>;
  /** 各执法主体的记分卡 */
  scorecards: Array<AgencyScorecard>;
};

/** 问题模型的对象种类 */
export type SupervisionSubjectKind =
  /** 执法主体 */
  | 'AGENCY'
  /** 案件 */
  | 'CASE'
  /** 抽查任务与市场主体 */
  | 'INSPECTION_TASK'
  /** 执法人员 */
  | 'OFFICER'
  /** 两名执法人员 */
  | 'OFFICER_PAIR'
  /** 当事人（统一社会信用代码或当事人 ID）与权力事项 */
  | 'PARTY'
  /** 权力事项 */
  | 'POWER_ITEM';

export type TextRecordInput = {
  /** 执法活动代码（与音像记录事项清单对应，如 ON_SITE_INSPECTION） */
  activity?: InputMaybe<Scalars['String']['input']>;
  caseId: Scalars['ID']['input'];
  confidentiality?: InputMaybe<Confidentiality>;
  /** 正文；国家秘密事项不得填写，改填 secretReference */
  content?: InputMaybe<Scalars['String']['input']>;
  /** 已签署文书文件的 SHA-256（不填则按正文计算） */
  contentSha256?: InputMaybe<Scalars['String']['input']>;
  /** 文书编号（执法文书必填，R18） */
  documentNumber?: InputMaybe<Scalars['String']['input']>;
  documentType: DocumentType;
  /** 补录理由（日期早于今天超过机关规定的工作日数时必填） */
  lateEntryReason?: InputMaybe<Scalars['String']['input']>;
  /** 文书形成日期（现场发生日期），默认今天 */
  occurredOn?: InputMaybe<Scalars['Date']['input']>;
  /** 现场执法活动须列明在场执法人员（R2） */
  officerIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  secretReference?: InputMaybe<Scalars['String']['input']>;
  stage: RecordStage;
  /** 结案后补正的理由（结案后录入时必填） */
  supplementReason?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

/** 撤回说明（公开） */
export type WithdrawalNotice = {
  __typename?: 'WithdrawalNotice';
  changeKind: DecisionChangeKind;
  decisionNumber: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  withdrawnOn: Scalars['Date']['output'];
};

export type WorkingDayResult = {
  __typename?: 'WorkingDayResult';
  /** 该年度国务院节假日安排是否已载入 */
  confirmed: Scalars['Boolean']['output'];
  date: Scalars['Date']['output'];
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
  Statistics: Statistics;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Case: { __typename: 'Case' } & GraphQLRecursivePick<FederationTypes['Case'], { id: true }>;
  Enterprise: { __typename: 'Enterprise' } & GraphQLRecursivePick<FederationTypes['Enterprise'], { uscc: true }>;
  Officer: { __typename: 'Officer' } & GraphQLRecursivePick<FederationTypes['Officer'], { id: true }>;
  Statistics: { __typename: 'Statistics' } & GraphQLRecursivePick<FederationTypes['Statistics'], { key: true }>;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Agency: ResolverTypeWrapper<Agency>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AgencyEvaluationResult: ResolverTypeWrapper<AgencyEvaluationSummary>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AgencyScorecard: ResolverTypeWrapper<AgencyScorecardValue>;
  AvRecordInput: AvRecordInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
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
  CaseStatistics: ResolverTypeWrapper<StatisticsScope>;
  CaseType: CaseType;
  CollectiveDiscussionInput: CollectiveDiscussionInput;
  CompleteEvaluationRoundInput: CompleteEvaluationRoundInput;
  CompleteRectificationInput: CompleteRectificationInput;
  Confidentiality: Confidentiality;
  CreditPublicityExport: ResolverTypeWrapper<Omit<CreditPublicityExport, 'records'> & { records: Array<ResolversTypes['CreditPublicityRecord']> }>;
  CreditPublicityRecord: ResolverTypeWrapper<CreditRecordView>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DatedActionInput: DatedActionInput;
  DecideCaseInput: DecideCaseInput;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DecisionChange: ResolverTypeWrapper<DecisionChange>;
  DecisionChangeInput: DecisionChangeInput;
  DecisionChangeKind: DecisionChangeKind;
  DecisionProposal: ResolverTypeWrapper<ProposalRow>;
  DecisionPublicationStatus: DecisionPublicationStatus;
  DiscretionTier: DiscretionTier;
  DocumentType: DocumentType;
  EndPublicationInput: EndPublicationInput;
  EnterLegalReviewInput: EnterLegalReviewInput;
  Enterprise: ResolverTypeWrapper<Omit<Enterprise, 'cases'> & { cases?: Maybe<ResolversTypes['CaseConnection']> }>;
  EvaluationChecklist: ResolverTypeWrapper<Checklist>;
  EvaluationChecklistItem: ResolverTypeWrapper<EvaluationChecklistItem>;
  EvaluationDismissal: ResolverTypeWrapper<EvaluationDismissal>;
  EvaluationDismissalInput: EvaluationDismissalInput;
  EvaluationFile: ResolverTypeWrapper<EvaluationFileRow>;
  EvaluationFinding: ResolverTypeWrapper<EvaluationFinding>;
  EvaluationFindingCount: ResolverTypeWrapper<EvaluationFindingCount>;
  EvaluationFindingInput: EvaluationFindingInput;
  EvaluationItemScore: ResolverTypeWrapper<EvaluationItemScore>;
  EvaluationItemScoreInput: EvaluationItemScoreInput;
  EvaluationRectificationCounts: ResolverTypeWrapper<EvaluationRectificationCounts>;
  EvaluationRound: ResolverTypeWrapper<EvaluationRoundRow>;
  EvaluationRoundConnection: ResolverTypeWrapper<EvaluationRoundConnectionModel>;
  EvaluationRoundEdge: ResolverTypeWrapper<Omit<EvaluationRoundEdge, 'node'> & { node: ResolversTypes['EvaluationRound'] }>;
  EvaluationStratum: ResolverTypeWrapper<StratumCount>;
  FileCaseInput: FileCaseInput;
  FinePaymentInput: FinePaymentInput;
  FineStatus: ResolverTypeWrapper<FineStatus>;
  HandleSupervisionClueInput: HandleSupervisionClueInput;
  HearingFigures: ResolverTypeWrapper<HearingFigures>;
  HearingWaiverInput: HearingWaiverInput;
  HolidayArrangement: ResolverTypeWrapper<HolidayArrangement>;
  HolidayArrangementInput: HolidayArrangementInput;
  IndicatorAmount: ResolverTypeWrapper<IndicatorAmount>;
  IndicatorAmountGroup: ResolverTypeWrapper<IndicatorAmountGroup>;
  IndicatorCount: ResolverTypeWrapper<IndicatorCount>;
  IndicatorCountCell: ResolverTypeWrapper<IndicatorCountCell>;
  IndicatorDuration: ResolverTypeWrapper<IndicatorDuration>;
  IndicatorDurationGroup: ResolverTypeWrapper<IndicatorDurationGroup>;
  IndicatorRate: ResolverTypeWrapper<IndicatorRate>;
  IndicatorRateGroup: ResolverTypeWrapper<IndicatorRateGroup>;
  LegalBasisRef: ResolverTypeWrapper<LegalBasisRef>;
  LegalBasisRefInput: LegalBasisRefInput;
  MitigationGround: MitigationGround;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Officer: ResolverTypeWrapper<Omit<Officer, 'cases'> & { cases?: Maybe<ResolversTypes['CaseConnection']> }>;
  OpenEvaluationRoundInput: OpenEvaluationRoundInput;
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
  PublicContent: ResolverTypeWrapper<PublicContentView>;
  Publication: ResolverTypeWrapper<PublicationRow>;
  PublicationActionInput: PublicationActionInput;
  PublicationConnection: ResolverTypeWrapper<PublicationConnectionModel>;
  PublicationCorrection: ResolverTypeWrapper<PublicationCorrection>;
  PublicationCorrectionInput: PublicationCorrectionInput;
  PublicationEdge: ResolverTypeWrapper<Omit<PublicationEdge, 'node'> & { node: ResolversTypes['Publication'] }>;
  PublicationFieldChange: ResolverTypeWrapper<PublicationFieldChange>;
  PublicationFilter: PublicationFilter;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecomputedDeadline: ResolverTypeWrapper<RecomputedDeadline>;
  RecomputedReviewDeadline: ResolverTypeWrapper<RecomputedReviewDeadline>;
  RecordEntry: ResolverTypeWrapper<RecordEntryView>;
  RecordStage: RecordStage;
  RecordVerification: ResolverTypeWrapper<VerificationView>;
  Rectification: ResolverTypeWrapper<RectificationRow>;
  ReliefApplicationInput: ReliefApplicationInput;
  ReliefOutcome: ReliefOutcome;
  ReliefOutcomeInput: ReliefOutcomeInput;
  ReliefProceeding: ResolverTypeWrapper<ReliefRow>;
  ReliefProceedingKind: ReliefProceedingKind;
  ResponsibilityStep: ResolverTypeWrapper<ResponsibilityStep>;
  Retention: ResolverTypeWrapper<Retention>;
  ReviewFlag: ReviewFlag;
  ReviewOutcomeInput: ReviewOutcomeInput;
  ReviewReason: ResolverTypeWrapper<ReviewReason>;
  RightsNoticeInput: RightsNoticeInput;
  ScoreEvaluationFileInput: ScoreEvaluationFileInput;
  ScorecardComponent: ResolverTypeWrapper<ScorecardComponent>;
  SeizureExtensionInput: SeizureExtensionInput;
  SeizureLiftInput: SeizureLiftInput;
  SeizureMeasure: ResolverTypeWrapper<SeizureMeasure>;
  ServeInput: ServeInput;
  ServiceMethod: ServiceMethod;
  Statistics: ResolverTypeWrapper<StatisticsScope>;
  StatisticsDimension: StatisticsDimension;
  StatisticsFilter: StatisticsFilter;
  StatisticsGroupBy: StatisticsGroupBy;
  StatisticsTable: ResolverTypeWrapper<StatisticsTableModel>;
  StatisticsTableRow: ResolverTypeWrapper<TableRow>;
  SupervisionClue: ResolverTypeWrapper<ClueRow>;
  SupervisionClueConnection: ResolverTypeWrapper<ClueConnectionModel>;
  SupervisionClueCount: ResolverTypeWrapper<ClueCount>;
  SupervisionClueEdge: ResolverTypeWrapper<Omit<SupervisionClueEdge, 'node'> & { node: ResolversTypes['SupervisionClue'] }>;
  SupervisionClueFilter: SupervisionClueFilter;
  SupervisionClueStatus: SupervisionClueStatus;
  SupervisionFinding: ResolverTypeWrapper<Finding>;
  SupervisionLegalAnchor: ResolverTypeWrapper<SupervisionLegalAnchor>;
  SupervisionModel: ResolverTypeWrapper<ProblemModel>;
  SupervisionModelParameter: ResolverTypeWrapper<SupervisionModelParameter>;
  SupervisionParameterInput: SupervisionParameterInput;
  SupervisionRunInput: SupervisionRunInput;
  SupervisionRunResult: ResolverTypeWrapper<Omit<SupervisionRunResult, 'raised'> & { raised: Array<ResolversTypes['SupervisionClue']> }>;
  SupervisionStatistics: ResolverTypeWrapper<StatisticsScope>;
  SupervisionSubjectKind: SupervisionSubjectKind;
  TextRecordInput: TextRecordInput;
  WithdrawalNotice: ResolverTypeWrapper<WithdrawalNotice>;
  WorkingDayResult: ResolverTypeWrapper<WorkingDayResult>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agency: Agency;
  ID: Scalars['ID']['output'];
  AgencyEvaluationResult: AgencyEvaluationSummary;
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  AgencyScorecard: AgencyScorecardValue;
  AvRecordInput: AvRecordInput;
  String: Scalars['String']['output'];
  Case: CaseRow;
  Boolean: Scalars['Boolean']['output'];
  CaseActionInput: CaseActionInput;
  CaseConnection: CaseConnectionModel;
  CaseEdge: Omit<CaseEdge, 'node'> & { node: ResolversParentTypes['Case'] };
  CaseEventInput: CaseEventInput;
  CaseFilter: CaseFilter;
  CaseSource: CaseSource;
  CaseSourceInput: CaseSourceInput;
  CaseStatistics: StatisticsScope;
  CollectiveDiscussionInput: CollectiveDiscussionInput;
  CompleteEvaluationRoundInput: CompleteEvaluationRoundInput;
  CompleteRectificationInput: CompleteRectificationInput;
  CreditPublicityExport: Omit<CreditPublicityExport, 'records'> & { records: Array<ResolversParentTypes['CreditPublicityRecord']> };
  CreditPublicityRecord: CreditRecordView;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DatedActionInput: DatedActionInput;
  DecideCaseInput: DecideCaseInput;
  Decimal: Scalars['Decimal']['output'];
  DecisionChange: DecisionChange;
  DecisionChangeInput: DecisionChangeInput;
  DecisionProposal: ProposalRow;
  EndPublicationInput: EndPublicationInput;
  EnterLegalReviewInput: EnterLegalReviewInput;
  Enterprise: (Omit<Enterprise, 'cases'> & { cases?: Maybe<ResolversParentTypes['CaseConnection']> }) | FederationReferenceTypes['Enterprise'];
  EvaluationChecklist: Checklist;
  EvaluationChecklistItem: EvaluationChecklistItem;
  EvaluationDismissal: EvaluationDismissal;
  EvaluationDismissalInput: EvaluationDismissalInput;
  EvaluationFile: EvaluationFileRow;
  EvaluationFinding: EvaluationFinding;
  EvaluationFindingCount: EvaluationFindingCount;
  EvaluationFindingInput: EvaluationFindingInput;
  EvaluationItemScore: EvaluationItemScore;
  EvaluationItemScoreInput: EvaluationItemScoreInput;
  EvaluationRectificationCounts: EvaluationRectificationCounts;
  EvaluationRound: EvaluationRoundRow;
  EvaluationRoundConnection: EvaluationRoundConnectionModel;
  EvaluationRoundEdge: Omit<EvaluationRoundEdge, 'node'> & { node: ResolversParentTypes['EvaluationRound'] };
  EvaluationStratum: StratumCount;
  FileCaseInput: FileCaseInput;
  FinePaymentInput: FinePaymentInput;
  FineStatus: FineStatus;
  HandleSupervisionClueInput: HandleSupervisionClueInput;
  HearingFigures: HearingFigures;
  HearingWaiverInput: HearingWaiverInput;
  HolidayArrangement: HolidayArrangement;
  HolidayArrangementInput: HolidayArrangementInput;
  IndicatorAmount: IndicatorAmount;
  IndicatorAmountGroup: IndicatorAmountGroup;
  IndicatorCount: IndicatorCount;
  IndicatorCountCell: IndicatorCountCell;
  IndicatorDuration: IndicatorDuration;
  IndicatorDurationGroup: IndicatorDurationGroup;
  IndicatorRate: IndicatorRate;
  IndicatorRateGroup: IndicatorRateGroup;
  LegalBasisRef: LegalBasisRef;
  LegalBasisRefInput: LegalBasisRefInput;
  Mutation: Record<PropertyKey, never>;
  Officer: (Omit<Officer, 'cases'> & { cases?: Maybe<ResolversParentTypes['CaseConnection']> }) | FederationReferenceTypes['Officer'];
  OpenEvaluationRoundInput: OpenEvaluationRoundInput;
  PageInfo: PageInfo;
  Party: PartyView;
  PartyInput: PartyInput;
  PowerItem: PowerItem;
  ProposalChecks: ProposalChecks;
  ProposeDecisionInput: ProposeDecisionInput;
  PublicContent: PublicContentView;
  Publication: PublicationRow;
  PublicationActionInput: PublicationActionInput;
  PublicationConnection: PublicationConnectionModel;
  PublicationCorrection: PublicationCorrection;
  PublicationCorrectionInput: PublicationCorrectionInput;
  PublicationEdge: Omit<PublicationEdge, 'node'> & { node: ResolversParentTypes['Publication'] };
  PublicationFieldChange: PublicationFieldChange;
  PublicationFilter: PublicationFilter;
  Query: Record<PropertyKey, never>;
  RecomputedDeadline: RecomputedDeadline;
  RecomputedReviewDeadline: RecomputedReviewDeadline;
  RecordEntry: RecordEntryView;
  RecordVerification: VerificationView;
  Rectification: RectificationRow;
  ReliefApplicationInput: ReliefApplicationInput;
  ReliefOutcomeInput: ReliefOutcomeInput;
  ReliefProceeding: ReliefRow;
  ResponsibilityStep: ResponsibilityStep;
  Retention: Retention;
  ReviewOutcomeInput: ReviewOutcomeInput;
  ReviewReason: ReviewReason;
  RightsNoticeInput: RightsNoticeInput;
  ScoreEvaluationFileInput: ScoreEvaluationFileInput;
  ScorecardComponent: ScorecardComponent;
  SeizureExtensionInput: SeizureExtensionInput;
  SeizureLiftInput: SeizureLiftInput;
  SeizureMeasure: SeizureMeasure;
  ServeInput: ServeInput;
  Statistics: StatisticsScope;
  StatisticsFilter: StatisticsFilter;
  StatisticsTable: StatisticsTableModel;
  StatisticsTableRow: TableRow;
  SupervisionClue: ClueRow;
  SupervisionClueConnection: ClueConnectionModel;
  SupervisionClueCount: ClueCount;
  SupervisionClueEdge: Omit<SupervisionClueEdge, 'node'> & { node: ResolversParentTypes['SupervisionClue'] };
  SupervisionClueFilter: SupervisionClueFilter;
  SupervisionFinding: Finding;
  SupervisionLegalAnchor: SupervisionLegalAnchor;
  SupervisionModel: ProblemModel;
  SupervisionModelParameter: SupervisionModelParameter;
  SupervisionParameterInput: SupervisionParameterInput;
  SupervisionRunInput: SupervisionRunInput;
  SupervisionRunResult: Omit<SupervisionRunResult, 'raised'> & { raised: Array<ResolversParentTypes['SupervisionClue']> };
  SupervisionStatistics: StatisticsScope;
  TextRecordInput: TextRecordInput;
  WithdrawalNotice: WithdrawalNotice;
  WorkingDayResult: WorkingDayResult;
}>;

export type AgencyResolvers<ContextType = CasesContext, ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type AgencyEvaluationResultResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['AgencyEvaluationResult'] = ResolversParentTypes['AgencyEvaluationResult'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  files?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  findingsByItem?: Resolver<Array<ResolversTypes['EvaluationFindingCount']>, ParentType, ContextType>;
  rectifications?: Resolver<ResolversTypes['EvaluationRectificationCounts'], ParentType, ContextType>;
  scorePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  scored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AgencyScorecardResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['AgencyScorecard'] = ResolversParentTypes['AgencyScorecard'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  agencyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  components?: Resolver<Array<ResolversTypes['ScorecardComponent']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
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
  currentPowerItem?: Resolver<Maybe<ResolversTypes['PowerItem']>, ParentType, ContextType>;
  decidedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['DecisionProposal']>, ParentType, ContextType>;
  decisionChange?: Resolver<Maybe<ResolversTypes['DecisionChange']>, ParentType, ContextType>;
  decisionDueConfirmed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  decisionDueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  decisionOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  decisionReviewId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  enforcementArea?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  factsSummary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  fine?: Resolver<Maybe<ResolversTypes['FineStatus']>, ParentType, ContextType>;
  handlingOfficers?: Resolver<Array<ResolversTypes['Officer']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inNameOf?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  party?: Resolver<ResolversTypes['Party'], ParentType, ContextType>;
  powerItem?: Resolver<ResolversTypes['PowerItem'], ParentType, ContextType>;
  powerItemCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  powerItemVersionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  powerItemVersionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  procedure?: Resolver<ResolversTypes['ProcedureKind'], ParentType, ContextType>;
  proposals?: Resolver<Array<ResolversTypes['DecisionProposal']>, ParentType, ContextType>;
  publication?: Resolver<Maybe<ResolversTypes['Publication']>, ParentType, ContextType>;
  records?: Resolver<Array<ResolversTypes['RecordEntry']>, ParentType, ContextType, Partial<CaseRecordsArgs>>;
  reliefProceedings?: Resolver<Array<ResolversTypes['ReliefProceeding']>, ParentType, ContextType>;
  responsibilityTrail?: Resolver<Array<ResolversTypes['ResponsibilityStep']>, ParentType, ContextType>;
  retention?: Resolver<Maybe<ResolversTypes['Retention']>, ParentType, ContextType>;
  seizure?: Resolver<Maybe<ResolversTypes['SeizureMeasure']>, ParentType, ContextType>;
  servedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  serviceDueConfirmed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  serviceDueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  serviceOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['CaseSource'], ParentType, ContextType>;
  sourceInspectionTaskId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type CaseStatisticsResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['CaseStatistics'] = ResolversParentTypes['CaseStatistics'],
> = ResolversObject<{
  beyond90Days?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  byOutcome?: Resolver<ResolversTypes['IndicatorCount'], ParentType, ContextType>;
  byState?: Resolver<ResolversTypes['IndicatorCount'], ParentType, ContextType>;
  byType?: Resolver<ResolversTypes['IndicatorCount'], ParentType, ContextType>;
  caseDuration?: Resolver<ResolversTypes['IndicatorDuration'], ParentType, ContextType>;
  confiscations?: Resolver<ResolversTypes['IndicatorAmount'], ParentType, ContextType>;
  correctionRate?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  decisionTypes?: Resolver<ResolversTypes['StatisticsTable'], ParentType, ContextType, Partial<CaseStatisticsDecisionTypesArgs>>;
  decisions?: Resolver<ResolversTypes['StatisticsTable'], ParentType, ContextType, Partial<CaseStatisticsDecisionsArgs>>;
  filed?: Resolver<ResolversTypes['StatisticsTable'], ParentType, ContextType, Partial<CaseStatisticsFiledArgs>>;
  fines?: Resolver<ResolversTypes['IndicatorAmount'], ParentType, ContextType>;
  hearings?: Resolver<ResolversTypes['HearingFigures'], ParentType, ContextType>;
  licensingBeyondTimeLimit?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  publicationTimeliness?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  recordCompleteness?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  reliefConcluded?: Resolver<ResolversTypes['StatisticsTable'], ParentType, ContextType, Partial<CaseStatisticsReliefConcludedArgs>>;
  reliefReceived?: Resolver<ResolversTypes['StatisticsTable'], ParentType, ContextType, Partial<CaseStatisticsReliefReceivedArgs>>;
  reviewCoverage?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  serviceTimeliness?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  withdrawalTimeliness?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
}>;

export type CreditPublicityExportResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['CreditPublicityExport'] = ResolversParentTypes['CreditPublicityExport'],
> = ResolversObject<{
  csv?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<Array<ResolversTypes['CreditPublicityRecord']>, ParentType, ContextType>;
  restricted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type CreditPublicityRecordResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['CreditPublicityRecord'] = ResolversParentTypes['CreditPublicityRecord'],
> = ResolversObject<{
  agencyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agencyUscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  basis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  confiscationWan?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decisionDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  decisionNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  facts?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fineWan?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  legalRepresentative?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partyCategory?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  penaltyCategory?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  penaltyContent?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publicationEndsOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  remarks?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  residentIdNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceUscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uscc?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  violationType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type DecisionChangeResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['DecisionChange'] = ResolversParentTypes['DecisionChange'],
> = ResolversObject<{
  changedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  halted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DecisionChangeKind'], ParentType, ContextType>;
}>;

export type DecisionProposalResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['DecisionProposal'] = ResolversParentTypes['DecisionProposal'],
> = ResolversObject<{
  checks?: Resolver<ResolversTypes['ProposalChecks'], ParentType, ContextType>;
  collectiveDiscussionRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
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
  mitigationGround?: Resolver<Maybe<ResolversTypes['MitigationGround']>, ParentType, ContextType>;
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

export type EvaluationChecklistResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationChecklist'] = ResolversParentTypes['EvaluationChecklist'],
> = ResolversObject<{
  items?: Resolver<Array<ResolversTypes['EvaluationChecklistItem']>, ParentType, ContextType>;
  totalPoints?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  versionNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EvaluationChecklistItemResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationChecklistItem'] = ResolversParentTypes['EvaluationChecklistItem'],
> = ResolversObject<{
  anchors?: Resolver<Array<ResolversTypes['LegalBasisRef']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  criteria?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EvaluationDismissalResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationDismissal'] = ResolversParentTypes['EvaluationDismissal'],
> = ResolversObject<{
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type EvaluationFileResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationFile'] = ResolversParentTypes['EvaluationFile'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  automaticFindings?: Resolver<Array<ResolversTypes['EvaluationFinding']>, ParentType, ContextType>;
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
  caseType?: Resolver<ResolversTypes['CaseType'], ParentType, ContextType>;
  dismissals?: Resolver<Maybe<Array<ResolversTypes['EvaluationDismissal']>>, ParentType, ContextType>;
  evaluator?: Resolver<Maybe<ResolversTypes['Officer']>, ParentType, ContextType>;
  findings?: Resolver<Maybe<Array<ResolversTypes['EvaluationFinding']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Maybe<Array<ResolversTypes['EvaluationItemScore']>>, ParentType, ContextType>;
  maxScore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rectifications?: Resolver<Array<ResolversTypes['Rectification']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  scoredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stratum?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EvaluationFindingResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationFinding'] = ResolversParentTypes['EvaluationFinding'],
> = ResolversObject<{
  automatic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  itemCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type EvaluationFindingCountResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationFindingCount'] = ResolversParentTypes['EvaluationFindingCount'],
> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  itemCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type EvaluationItemScoreResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationItemScore'] = ResolversParentTypes['EvaluationItemScore'],
> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EvaluationRectificationCountsResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationRectificationCounts'] = ResolversParentTypes['EvaluationRectificationCounts'],
> = ResolversObject<{
  done?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  doneLate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EvaluationRoundResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationRound'] = ResolversParentTypes['EvaluationRound'],
> = ResolversObject<{
  agencies?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  candidateCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checklist?: Resolver<ResolversTypes['EvaluationChecklist'], ParentType, ContextType>;
  completedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  evaluators?: Resolver<Array<ResolversTypes['Officer']>, ParentType, ContextType>;
  files?: Resolver<Array<ResolversTypes['EvaluationFile']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  minPerAgency?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minPerStratum?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rectificationWorkingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  strata?: Resolver<Array<ResolversTypes['EvaluationStratum']>, ParentType, ContextType>;
  supervisingAgency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type EvaluationRoundConnectionResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationRoundConnection'] = ResolversParentTypes['EvaluationRoundConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['EvaluationRoundEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type EvaluationRoundEdgeResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationRoundEdge'] = ResolversParentTypes['EvaluationRoundEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['EvaluationRound'], ParentType, ContextType>;
}>;

export type EvaluationStratumResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['EvaluationStratum'] = ResolversParentTypes['EvaluationStratum'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  candidates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  caseType?: Resolver<ResolversTypes['CaseType'], ParentType, ContextType>;
  drawn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FineStatusResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['FineStatus'] = ResolversParentTypes['FineStatus'],
> = ResolversObject<{
  daysLate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  fineAmount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  lateSurcharge?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  outstanding?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  paid?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  paidInFull?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totalDue?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
}>;

export type HearingFiguresResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['HearingFigures'] = ResolversParentTypes['HearingFigures'],
> = ResolversObject<{
  held?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type HolidayArrangementResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['HolidayArrangement'] = ResolversParentTypes['HolidayArrangement'],
> = ResolversObject<{
  holidays?: Resolver<Array<ResolversTypes['Date']>, ParentType, ContextType>;
  makeupWorkdays?: Resolver<Array<ResolversTypes['Date']>, ParentType, ContextType>;
  recomputedDeadlines?: Resolver<Array<ResolversTypes['RecomputedDeadline']>, ParentType, ContextType>;
  recomputedReviewDeadlines?: Resolver<Array<ResolversTypes['RecomputedReviewDeadline']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorAmountResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['IndicatorAmount'] = ResolversParentTypes['IndicatorAmount'],
> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['IndicatorAmountGroup']>, ParentType, ContextType>;
}>;

export type IndicatorAmountGroupResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['IndicatorAmountGroup'] = ResolversParentTypes['IndicatorAmountGroup'],
> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IndicatorCountResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['IndicatorCount'] = ResolversParentTypes['IndicatorCount'],
> = ResolversObject<{
  cells?: Resolver<Array<ResolversTypes['IndicatorCountCell']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorCountCellResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['IndicatorCountCell'] = ResolversParentTypes['IndicatorCountCell'],
> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IndicatorDurationResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['IndicatorDuration'] = ResolversParentTypes['IndicatorDuration'],
> = ResolversObject<{
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['IndicatorDurationGroup']>, ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorDurationGroupResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['IndicatorDurationGroup'] = ResolversParentTypes['IndicatorDurationGroup'],
> = ResolversObject<{
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorRateResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['IndicatorRate'] = ResolversParentTypes['IndicatorRate'],
> = ResolversObject<{
  denominator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excluded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['IndicatorRateGroup']>, ParentType, ContextType>;
  numerator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type IndicatorRateGroupResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['IndicatorRateGroup'] = ResolversParentTypes['IndicatorRateGroup'],
> = ResolversObject<{
  denominator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excluded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  numerator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
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
  completeEvaluationRound?: Resolver<ResolversTypes['EvaluationRound'], ParentType, ContextType, RequireFields<MutationCompleteEvaluationRoundArgs, 'input'>>;
  completeRectification?: Resolver<ResolversTypes['Rectification'], ParentType, ContextType, RequireFields<MutationCompleteRectificationArgs, 'input'>>;
  correctPublication?: Resolver<ResolversTypes['Publication'], ParentType, ContextType, RequireFields<MutationCorrectPublicationArgs, 'input'>>;
  decideCase?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationDecideCaseArgs, 'input'>>;
  endPublicationEarly?: Resolver<ResolversTypes['Publication'], ParentType, ContextType, RequireFields<MutationEndPublicationEarlyArgs, 'input'>>;
  enterLegalReview?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationEnterLegalReviewArgs, 'input'>>;
  extendSeizure?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationExtendSeizureArgs, 'input'>>;
  fileCase?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationFileCaseArgs, 'input'>>;
  handleSupervisionClue?: Resolver<ResolversTypes['SupervisionClue'], ParentType, ContextType, RequireFields<MutationHandleSupervisionClueArgs, 'input'>>;
  liftSeizure?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationLiftSeizureArgs, 'input'>>;
  loadHolidayArrangement?: Resolver<ResolversTypes['HolidayArrangement'], ParentType, ContextType, RequireFields<MutationLoadHolidayArrangementArgs, 'input'>>;
  openEvaluationRound?: Resolver<ResolversTypes['EvaluationRound'], ParentType, ContextType, RequireFields<MutationOpenEvaluationRoundArgs, 'input'>>;
  proposeDecision?: Resolver<ResolversTypes['DecisionProposal'], ParentType, ContextType, RequireFields<MutationProposeDecisionArgs, 'input'>>;
  publishDecision?: Resolver<ResolversTypes['Publication'], ParentType, ContextType, RequireFields<MutationPublishDecisionArgs, 'input'>>;
  recordCollectiveDiscussion?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationRecordCollectiveDiscussionArgs, 'input'>>;
  recordDecisionChange?: Resolver<ResolversTypes['Publication'], ParentType, ContextType, RequireFields<MutationRecordDecisionChangeArgs, 'input'>>;
  recordEvent?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationRecordEventArgs, 'input'>>;
  recordExecution?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationRecordExecutionArgs, 'input'>>;
  recordFinePayment?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationRecordFinePaymentArgs, 'input'>>;
  recordReliefApplication?: Resolver<ResolversTypes['ReliefProceeding'], ParentType, ContextType, RequireFields<MutationRecordReliefApplicationArgs, 'input'>>;
  recordReliefOutcome?: Resolver<ResolversTypes['ReliefProceeding'], ParentType, ContextType, RequireFields<MutationRecordReliefOutcomeArgs, 'input'>>;
  recordReviewOutcome?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationRecordReviewOutcomeArgs, 'input'>>;
  recordText?: Resolver<ResolversTypes['RecordEntry'], ParentType, ContextType, RequireFields<MutationRecordTextArgs, 'input'>>;
  registerAvRecord?: Resolver<ResolversTypes['RecordEntry'], ParentType, ContextType, RequireFields<MutationRegisterAvRecordArgs, 'input'>>;
  runSupervisionModels?: Resolver<ResolversTypes['SupervisionRunResult'], ParentType, ContextType, RequireFields<MutationRunSupervisionModelsArgs, 'input'>>;
  scoreEvaluationFile?: Resolver<ResolversTypes['EvaluationFile'], ParentType, ContextType, RequireFields<MutationScoreEvaluationFileArgs, 'input'>>;
  serveDecision?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationServeDecisionArgs, 'input'>>;
  startInvestigation?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationStartInvestigationArgs, 'input'>>;
  withdrawPublication?: Resolver<ResolversTypes['Publication'], ParentType, ContextType, RequireFields<MutationWithdrawPublicationArgs, 'input'>>;
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
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
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

export type PublicContentResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['PublicContent'] = ResolversParentTypes['PublicContent'],
> = ResolversObject<{
  actingOrganisation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  agencyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agencyUscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conclusion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decisionDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  decisionNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalBasis?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  legalRepresentative?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  matter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partyKind?: Resolver<ResolversTypes['PartyKind'], ParentType, ContextType>;
  partyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partyUscc?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  violation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PublicationResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['Publication'] = ResolversParentTypes['Publication'],
> = ResolversObject<{
  calendarConfirmed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType>;
  content?: Resolver<Maybe<ResolversTypes['PublicContent']>, ParentType, ContextType>;
  corrections?: Resolver<Array<ResolversTypes['PublicationCorrection']>, ParentType, ContextType>;
  decisionDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  endReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  exemptionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  partyNotifiedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  periodEndsOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  publishedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DecisionPublicationStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  withdrawalDueOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  withdrawalNotice?: Resolver<Maybe<ResolversTypes['WithdrawalNotice']>, ParentType, ContextType>;
  withdrawalOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PublicationConnectionResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['PublicationConnection'] = ResolversParentTypes['PublicationConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PublicationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PublicationCorrectionResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['PublicationCorrection'] = ResolversParentTypes['PublicationCorrection'],
> = ResolversObject<{
  changes?: Resolver<Array<ResolversTypes['PublicationFieldChange']>, ParentType, ContextType>;
  on?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PublicationEdgeResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['PublicationEdge'] = ResolversParentTypes['PublicationEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Publication'], ParentType, ContextType>;
}>;

export type PublicationFieldChangeResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['PublicationFieldChange'] = ResolversParentTypes['PublicationFieldChange'],
> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CasesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  addWorkingDays?: Resolver<ResolversTypes['WorkingDayResult'], ParentType, ContextType, RequireFields<QueryAddWorkingDaysArgs, 'date' | 'days'>>;
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType, RequireFields<QueryCaseArgs, 'id'>>;
  cases?: Resolver<ResolversTypes['CaseConnection'], ParentType, ContextType, Partial<QueryCasesArgs>>;
  creditPublicityExport?: Resolver<ResolversTypes['CreditPublicityExport'], ParentType, ContextType, Partial<QueryCreditPublicityExportArgs>>;
  evaluationResults?: Resolver<
    Array<ResolversTypes['AgencyEvaluationResult']>,
    ParentType,
    ContextType,
    RequireFields<QueryEvaluationResultsArgs, 'agencyIds' | 'periodFrom' | 'periodTo'>
  >;
  evaluationRound?: Resolver<Maybe<ResolversTypes['EvaluationRound']>, ParentType, ContextType, RequireFields<QueryEvaluationRoundArgs, 'id'>>;
  evaluationRounds?: Resolver<ResolversTypes['EvaluationRoundConnection'], ParentType, ContextType, Partial<QueryEvaluationRoundsArgs>>;
  publication?: Resolver<Maybe<ResolversTypes['Publication']>, ParentType, ContextType, RequireFields<QueryPublicationArgs, 'id'>>;
  publications?: Resolver<ResolversTypes['PublicationConnection'], ParentType, ContextType, Partial<QueryPublicationsArgs>>;
  statistics?: Resolver<Maybe<ResolversTypes['Statistics']>, ParentType, ContextType, RequireFields<QueryStatisticsArgs, 'filter'>>;
  supervisionClue?: Resolver<Maybe<ResolversTypes['SupervisionClue']>, ParentType, ContextType, RequireFields<QuerySupervisionClueArgs, 'id'>>;
  supervisionClues?: Resolver<ResolversTypes['SupervisionClueConnection'], ParentType, ContextType, Partial<QuerySupervisionCluesArgs>>;
  supervisionFindings?: Resolver<Array<ResolversTypes['SupervisionFinding']>, ParentType, ContextType, RequireFields<QuerySupervisionFindingsArgs, 'input'>>;
  supervisionModels?: Resolver<Array<ResolversTypes['SupervisionModel']>, ParentType, ContextType>;
  verifyCaseRecords?: Resolver<ResolversTypes['RecordVerification'], ParentType, ContextType, RequireFields<QueryVerifyCaseRecordsArgs, 'caseId'>>;
}>;

export type RecomputedDeadlineResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['RecomputedDeadline'] = ResolversParentTypes['RecomputedDeadline'],
> = ResolversObject<{
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  confirmed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  countedFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  previousDueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  publicationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  workingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RecomputedReviewDeadlineResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['RecomputedReviewDeadline'] = ResolversParentTypes['RecomputedReviewDeadline'],
> = ResolversObject<{
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  confirmed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  countedFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  previousDueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  reviewId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  roundNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workingDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  lateEntryReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  payload?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['RecordStage'], ParentType, ContextType>;
  statedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  supplementReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type RectificationResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['Rectification'] = ResolversParentTypes['Rectification'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
  doneNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  doneOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  dueConfirmed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  finding?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  findingCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ReliefProceedingResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['ReliefProceeding'] = ResolversParentTypes['ReliefProceeding'],
> = ResolversObject<{
  correction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  documentNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReliefProceedingKind'], ParentType, ContextType>;
  organ?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['ReliefOutcome']>, ParentType, ContextType>;
  outcomeDocumentNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcomeOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  outcomeReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  receivedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ResponsibilityStepResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['ResponsibilityStep'] = ResolversParentTypes['ResponsibilityStep'],
> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  contentHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  proposalId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  reviewId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type RetentionResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['Retention'] = ResolversParentTypes['Retention'],
> = ResolversObject<{
  until?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  years?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ReviewReasonResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['ReviewReason'] = ResolversParentTypes['ReviewReason'],
> = ResolversObject<{
  collectiveDiscussion?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ruleCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ScorecardComponentResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['ScorecardComponent'] = ResolversParentTypes['ScorecardComponent'],
> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  denominator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  numerator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type SeizureMeasureResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SeizureMeasure'] = ResolversParentTypes['SeizureMeasure'],
> = ResolversObject<{
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  extendedTo?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  liftedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type StatisticsResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['Statistics'] = ResolversParentTypes['Statistics'],
  FederationReferenceType extends FederationReferenceTypes['Statistics'] = FederationReferenceTypes['Statistics'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Statistics']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agencyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  cases?: Resolver<Maybe<ResolversTypes['CaseStatistics']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  groupBy?: Resolver<Maybe<ResolversTypes['StatisticsGroupBy']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  supervision?: Resolver<Maybe<ResolversTypes['SupervisionStatistics']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type StatisticsTableResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['StatisticsTable'] = ResolversParentTypes['StatisticsTable'],
> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['StatisticsDimension']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['StatisticsTableRow']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StatisticsTableRowResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['StatisticsTableRow'] = ResolversParentTypes['StatisticsTableRow'],
> = ResolversObject<{
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  amount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SupervisionClueResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionClue'] = ResolversParentTypes['SupervisionClue'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  base?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  caseIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  cases?: Resolver<Array<Maybe<ResolversTypes['Case']>>, ParentType, ContextType>;
  handledBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  handledOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  handlingReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['SupervisionModel'], ParentType, ContextType>;
  parameters?: Resolver<Array<ResolversTypes['SupervisionModelParameter']>, ParentType, ContextType>;
  periodFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  raisedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  raisedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SupervisionClueStatus'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjectKind?: Resolver<ResolversTypes['SupervisionSubjectKind'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  supervisingAgency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SupervisionClueConnectionResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionClueConnection'] = ResolversParentTypes['SupervisionClueConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SupervisionClueEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type SupervisionClueCountResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionClueCount'] = ResolversParentTypes['SupervisionClueCount'],
> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dismissed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['SupervisionModel'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  raised?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SupervisionClueEdgeResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionClueEdge'] = ResolversParentTypes['SupervisionClueEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SupervisionClue'], ParentType, ContextType>;
}>;

export type SupervisionFindingResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionFinding'] = ResolversParentTypes['SupervisionFinding'],
> = ResolversObject<{
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  base?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  caseIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  cases?: Resolver<Array<Maybe<ResolversTypes['Case']>>, ParentType, ContextType>;
  hits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['SupervisionModel'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subjectKind?: Resolver<ResolversTypes['SupervisionSubjectKind'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  supervisingAgency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type SupervisionLegalAnchorResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionLegalAnchor'] = ResolversParentTypes['SupervisionLegalAnchor'],
> = ResolversObject<{
  article?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  excerpt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  law?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SupervisionModelResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionModel'] = ResolversParentTypes['SupervisionModel'],
> = ResolversObject<{
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  definition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalAnchor?: Resolver<Array<ResolversTypes['SupervisionLegalAnchor']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parameters?: Resolver<Array<ResolversTypes['SupervisionModelParameter']>, ParentType, ContextType>;
  subjectKind?: Resolver<ResolversTypes['SupervisionSubjectKind'], ParentType, ContextType>;
}>;

export type SupervisionModelParameterResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionModelParameter'] = ResolversParentTypes['SupervisionModelParameter'],
> = ResolversObject<{
  meaning?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type SupervisionRunResultResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionRunResult'] = ResolversParentTypes['SupervisionRunResult'],
> = ResolversObject<{
  alreadyRaised?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  raised?: Resolver<Array<ResolversTypes['SupervisionClue']>, ParentType, ContextType>;
}>;

export type SupervisionStatisticsResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['SupervisionStatistics'] = ResolversParentTypes['SupervisionStatistics'],
> = ResolversObject<{
  cluesByModel?: Resolver<Array<ResolversTypes['SupervisionClueCount']>, ParentType, ContextType>;
  scorecards?: Resolver<Array<ResolversTypes['AgencyScorecard']>, ParentType, ContextType>;
}>;

export type WithdrawalNoticeResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['WithdrawalNotice'] = ResolversParentTypes['WithdrawalNotice'],
> = ResolversObject<{
  changeKind?: Resolver<ResolversTypes['DecisionChangeKind'], ParentType, ContextType>;
  decisionNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  withdrawnOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type WorkingDayResultResolvers<
  ContextType = CasesContext,
  ParentType extends ResolversParentTypes['WorkingDayResult'] = ResolversParentTypes['WorkingDayResult'],
> = ResolversObject<{
  confirmed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CasesContext> = ResolversObject<{
  Agency?: AgencyResolvers<ContextType>;
  AgencyEvaluationResult?: AgencyEvaluationResultResolvers<ContextType>;
  AgencyScorecard?: AgencyScorecardResolvers<ContextType>;
  Case?: CaseResolvers<ContextType>;
  CaseConnection?: CaseConnectionResolvers<ContextType>;
  CaseEdge?: CaseEdgeResolvers<ContextType>;
  CaseSource?: CaseSourceResolvers<ContextType>;
  CaseStatistics?: CaseStatisticsResolvers<ContextType>;
  CreditPublicityExport?: CreditPublicityExportResolvers<ContextType>;
  CreditPublicityRecord?: CreditPublicityRecordResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  DecisionChange?: DecisionChangeResolvers<ContextType>;
  DecisionProposal?: DecisionProposalResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  EvaluationChecklist?: EvaluationChecklistResolvers<ContextType>;
  EvaluationChecklistItem?: EvaluationChecklistItemResolvers<ContextType>;
  EvaluationDismissal?: EvaluationDismissalResolvers<ContextType>;
  EvaluationFile?: EvaluationFileResolvers<ContextType>;
  EvaluationFinding?: EvaluationFindingResolvers<ContextType>;
  EvaluationFindingCount?: EvaluationFindingCountResolvers<ContextType>;
  EvaluationItemScore?: EvaluationItemScoreResolvers<ContextType>;
  EvaluationRectificationCounts?: EvaluationRectificationCountsResolvers<ContextType>;
  EvaluationRound?: EvaluationRoundResolvers<ContextType>;
  EvaluationRoundConnection?: EvaluationRoundConnectionResolvers<ContextType>;
  EvaluationRoundEdge?: EvaluationRoundEdgeResolvers<ContextType>;
  EvaluationStratum?: EvaluationStratumResolvers<ContextType>;
  FineStatus?: FineStatusResolvers<ContextType>;
  HearingFigures?: HearingFiguresResolvers<ContextType>;
  HolidayArrangement?: HolidayArrangementResolvers<ContextType>;
  IndicatorAmount?: IndicatorAmountResolvers<ContextType>;
  IndicatorAmountGroup?: IndicatorAmountGroupResolvers<ContextType>;
  IndicatorCount?: IndicatorCountResolvers<ContextType>;
  IndicatorCountCell?: IndicatorCountCellResolvers<ContextType>;
  IndicatorDuration?: IndicatorDurationResolvers<ContextType>;
  IndicatorDurationGroup?: IndicatorDurationGroupResolvers<ContextType>;
  IndicatorRate?: IndicatorRateResolvers<ContextType>;
  IndicatorRateGroup?: IndicatorRateGroupResolvers<ContextType>;
  LegalBasisRef?: LegalBasisRefResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Officer?: OfficerResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Party?: PartyResolvers<ContextType>;
  PowerItem?: PowerItemResolvers<ContextType>;
  ProposalChecks?: ProposalChecksResolvers<ContextType>;
  PublicContent?: PublicContentResolvers<ContextType>;
  Publication?: PublicationResolvers<ContextType>;
  PublicationConnection?: PublicationConnectionResolvers<ContextType>;
  PublicationCorrection?: PublicationCorrectionResolvers<ContextType>;
  PublicationEdge?: PublicationEdgeResolvers<ContextType>;
  PublicationFieldChange?: PublicationFieldChangeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecomputedDeadline?: RecomputedDeadlineResolvers<ContextType>;
  RecomputedReviewDeadline?: RecomputedReviewDeadlineResolvers<ContextType>;
  RecordEntry?: RecordEntryResolvers<ContextType>;
  RecordVerification?: RecordVerificationResolvers<ContextType>;
  Rectification?: RectificationResolvers<ContextType>;
  ReliefProceeding?: ReliefProceedingResolvers<ContextType>;
  ResponsibilityStep?: ResponsibilityStepResolvers<ContextType>;
  Retention?: RetentionResolvers<ContextType>;
  ReviewReason?: ReviewReasonResolvers<ContextType>;
  ScorecardComponent?: ScorecardComponentResolvers<ContextType>;
  SeizureMeasure?: SeizureMeasureResolvers<ContextType>;
  Statistics?: StatisticsResolvers<ContextType>;
  StatisticsTable?: StatisticsTableResolvers<ContextType>;
  StatisticsTableRow?: StatisticsTableRowResolvers<ContextType>;
  SupervisionClue?: SupervisionClueResolvers<ContextType>;
  SupervisionClueConnection?: SupervisionClueConnectionResolvers<ContextType>;
  SupervisionClueCount?: SupervisionClueCountResolvers<ContextType>;
  SupervisionClueEdge?: SupervisionClueEdgeResolvers<ContextType>;
  SupervisionFinding?: SupervisionFindingResolvers<ContextType>;
  SupervisionLegalAnchor?: SupervisionLegalAnchorResolvers<ContextType>;
  SupervisionModel?: SupervisionModelResolvers<ContextType>;
  SupervisionModelParameter?: SupervisionModelParameterResolvers<ContextType>;
  SupervisionRunResult?: SupervisionRunResultResolvers<ContextType>;
  SupervisionStatistics?: SupervisionStatisticsResolvers<ContextType>;
  WithdrawalNotice?: WithdrawalNoticeResolvers<ContextType>;
  WorkingDayResult?: WorkingDayResultResolvers<ContextType>;
}>;
