import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type {
  PlanRow,
  TaskRow,
  TaskObjectRow,
  TaskInspectorRow,
  ResultRow,
  TaskConnectionModel,
  ResultConnectionModel,
  SourceStatus,
  SyncReport,
  QuarantineRow,
  OfficerRef,
  CaseRef,
} from '../model.js';
import type { StatisticsScope } from '../../../kernel/statistics.js';
import type { InspectionsContext } from '../context.js';
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
  _FieldSet: { input: unknown; output: unknown };
};

export type Agency = {
  __typename?: 'Agency';
  id: Scalars['ID']['output'];
};

/** 断路器状态 */
export type BreakerState =
  /** 正常 */
  | 'CLOSED'
  /** 试探恢复 */
  | 'HALF_OPEN'
  /** 人工隔离 */
  | 'ISOLATED'
  /** 连续失败后断开：暂停调用平台 */
  | 'OPEN';

export type Case = {
  __typename?: 'Case';
  id: Scalars['ID']['output'];
  /** 来源为双随机抽查的案件所依据的抽查任务（案件的 source.reference 为平台任务编号）；任务不可见或未同步时为 null */
  sourceInspection: Maybe<InspectionTask>;
  sourceInspectionTaskId: Maybe<Scalars['String']['output']>;
};

/** 市场主体（按统一社会信用代码） */
export type Enterprise = {
  __typename?: 'Enterprise';
  /** 该主体被抽查的结果（公众只见已公示的结果） */
  inspections: Maybe<InspectionResultConnection>;
  uscc: Scalars['String']['output'];
};

/** 市场主体（按统一社会信用代码） */
export type EnterpriseInspectionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 后续处置 */
export type FollowUpAction =
  /** 立案查处（转为案件） */
  | 'FILE_CASE'
  /** 无需处置 */
  | 'NONE'
  /** 责令限期改正 */
  | 'ORDER_CORRECTION'
  /** 移送其他部门 */
  | 'REFER';

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

/** 抽中的检查对象 */
export type InspectedObject = {
  __typename?: 'InspectedObject';
  enterprise: Enterprise;
  name: Scalars['String']['output'];
  uscc: Scalars['String']['output'];
};

/** 随机抽取记录（可复现、可审计：种子与候选数） */
export type InspectionDraw = {
  __typename?: 'InspectionDraw';
  drawnAt: Scalars['DateTime']['output'];
  /** 执法检查人员名录库中的候选人员数 */
  inspectorCandidates: Scalars['Int']['output'];
  inspectorsDrawn: Scalars['Int']['output'];
  /** 检查对象名录库中的候选对象数 */
  objectCandidates: Scalars['Int']['output'];
  objectsDrawn: Scalars['Int']['output'];
  seed: Scalars['String']['output'];
};

/** 抽中的检查人员（执法人员个人信息，仅实施机关工作人员与监督可见） */
export type InspectionInspector = {
  __typename?: 'InspectionInspector';
  credentialNumber: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** 按执法证号匹配的执法人员；名录中无此证号时为 null */
  officer: Maybe<Officer>;
};

/** 检查方式 */
export type InspectionMethod =
  /** 2 书面检查 */
  | 'DOCUMENTARY'
  /** 5 网络监测 */
  | 'ONLINE_MONITORING'
  /** 1 实地核查 */
  | 'ON_SITE'
  /** 3 采信其他部门检查结果 */
  | 'OTHER_DEPARTMENT_FINDINGS'
  /** 6 委托专业机构 */
  | 'PROFESSIONAL_AGENCY'
  /** 4 检验检测 */
  | 'TESTING';

/** 抽查计划（公开） */
export type InspectionPlan = {
  __typename?: 'InspectionPlan';
  /** 实施机关（按统一社会信用代码与 powers 子图的执法主体匹配；未匹配时为 null） */
  agency: Maybe<Agency>;
  agencyName: Scalars['String']['output'];
  agencyUscc: Scalars['String']['output'];
  /** 平台计划编号（稳定） */
  id: Scalars['ID']['output'];
  itemCodes: Array<Scalars['String']['output']>;
  items: Array<RandomInspectionItem>;
  name: Scalars['String']['output'];
  periodEnd: Scalars['Date']['output'];
  periodStart: Scalars['Date']['output'];
  platformUpdatedAt: Scalars['DateTime']['output'];
  tasks: Maybe<InspectionTaskConnection>;
  year: Scalars['Int']['output'];
};

/** 抽查计划（公开） */
export type InspectionPlanTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 抽查结果：公示后公开（双随机、一公开）；未公示的仅实施机关工作人员与监督可见 */
export type InspectionResult = {
  __typename?: 'InspectionResult';
  agency: Maybe<Agency>;
  agencyName: Scalars['String']['output'];
  /** 公示期限按已公布的节假日安排计算（否则为估算：周末加固定日期节日） */
  calendarConfirmed: Scalars['Boolean']['output'];
  /** 检查完成（结束）日期 */
  completedOn: Scalars['Date']['output'];
  enterprise: Enterprise;
  enterpriseName: Scalars['String']['output'];
  findings: Maybe<Scalars['String']['output']>;
  followUpAction: FollowUpAction;
  followUpNote: Maybe<Scalars['String']['output']>;
  /** 平台结果编号（稳定） */
  id: Scalars['ID']['output'];
  methods: Array<InspectionMethod>;
  platformUpdatedAt: Scalars['DateTime']['output'];
  /** 发现问题（A、E、8） */
  problemsFound: Scalars['Boolean']['output'];
  /** 公示期限：检查结束之日起二十个工作日（R19） */
  publicationDueOn: Scalars['Date']['output'];
  /** 逾期公示：公示日晚于期限，或期限已过仍未公示（R19） */
  publishedLate: Scalars['Boolean']['output'];
  /** 公示日期；未公示为 null（未公示的结果仅实施机关工作人员与监督可见） */
  publishedOn: Maybe<Scalars['Date']['output']>;
  /** 平台结果代码原值，如 1、A、E、8 */
  resultCode: Scalars['String']['output'];
  resultKind: InspectionResultKind;
  resultLabel: Scalars['String']['output'];
  /** A 类的子代码（B、C、6） */
  subCode: Maybe<Scalars['String']['output']>;
  subCodeLabel: Maybe<Scalars['String']['output']>;
  task: Maybe<InspectionTask>;
  taskId: Scalars['ID']['output'];
  uscc: Scalars['String']['output'];
};

export type InspectionResultConnection = {
  __typename?: 'InspectionResultConnection';
  edges: Array<InspectionResultEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InspectionResultEdge = {
  __typename?: 'InspectionResultEdge';
  cursor: Scalars['String']['output'];
  node: InspectionResult;
};

export type InspectionResultFilter = {
  completedFrom?: InputMaybe<Scalars['Date']['input']>;
  completedTo?: InputMaybe<Scalars['Date']['input']>;
  itemCode?: InputMaybe<Scalars['String']['input']>;
  problemsFound?: InputMaybe<Scalars['Boolean']['input']>;
  /** 仅逾期公示（或逾期未公示）的结果（R19） */
  publishedLate?: InputMaybe<Scalars['Boolean']['input']>;
  resultKind?: InputMaybe<InspectionResultKind>;
  taskId?: InputMaybe<Scalars['ID']['input']>;
  uscc?: InputMaybe<Scalars['String']['input']>;
};

/** 抽查结果（DOMAIN.md §8 平台结果代码） */
export type InspectionResultKind =
  /** F 未发现开展本次抽查涉及的经营活动 */
  | 'ACTIVITY_NOT_FOUND'
  /** 7 已关闭停业或正在组织清算 */
  | 'CLOSED_OR_LIQUIDATING'
  /** E 发现问题已责令改正 */
  | 'CORRECTED'
  /** 9 已注销 */
  | 'DEREGISTERED'
  /** 10 已被吊销营业执照 */
  | 'LICENCE_REVOKED'
  /** 12 已迁出 */
  | 'MOVED_OUT'
  /** 1 未发现问题 */
  | 'NO_PROBLEM'
  /** A 发现问题待后续处理（子代码 B 未按规定公示应当公示的信息、C 公示信息隐瞒真实情况弄虚作假、6 通过登记的住所或经营场所无法联系） */
  | 'PROBLEM_PENDING'
  /** 8 不配合检查情节严重 */
  | 'REFUSED_TO_COOPERATE'
  /** 11 已被撤销登记 */
  | 'REGISTRATION_CANCELLED';

/** 数据来源（随机抽查平台）的新鲜度 */
export type InspectionSource = {
  __typename?: 'InspectionSource';
  breakerState: BreakerState;
  lastAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** 最近一次同步失败的原因（成功后清空） */
  lastError: Maybe<Scalars['String']['output']>;
  /** 最近一次成功完成同步的时间 */
  lastSyncedAt: Maybe<Scalars['DateTime']['output']>;
  /** 数据可能过时：从未同步成功、最近一次同步失败，或超过阈值未成功同步 */
  stale: Scalars['Boolean']['output'];
};

/** 双随机、一公开指标（inspections 子图，来自同步到本地的平台数据） */
export type InspectionStatistics = {
  __typename?: 'InspectionStatistics';
  /** 任务完成率：抽取日期在期间内的任务中检查结束（COMPLETED）的比例 */
  completion: IndicatorRate;
  /** 抽查覆盖率：抽取日期在期间内的任务中，已有结果的检查对象数 / 抽取时检查对象名录库中的候选对象数 */
  coverage: IndicatorRate;
  /** 问题发现率：结果代码 A、E、8 的比例（检查结束日期在期间内） */
  problemRate: IndicatorRate;
  /** 结果按期公示率：检查结束之日起二十个工作日内公示（R19）；未公示且未到期的计入 excluded */
  publicationTimeliness: IndicatorRate;
  /** 抽查结果按平台结果代码（检查结束日期在期间内） */
  resultsByCode: IndicatorCount;
};

export type InspectionSyncReport = {
  __typename?: 'InspectionSyncReport';
  finishedAt: Scalars['DateTime']['output'];
  resources: Array<InspectionSyncResourceStats>;
  startedAt: Scalars['DateTime']['output'];
  /** 执法主体、执法人员名录匹配未能刷新时的说明（不影响同步结果） */
  warnings: Array<Scalars['String']['output']>;
};

/** 同步统计（按资源） */
export type InspectionSyncResourceStats = {
  __typename?: 'InspectionSyncResourceStats';
  /** 平台返回的记录数（含重复） */
  fetched: Scalars['Int']['output'];
  pages: Scalars['Int']['output'];
  /** 校验不通过、隔离的记录数 */
  quarantined: Scalars['Int']['output'];
  resource: Scalars['String']['output'];
  /** 内容未变（含重复记录） */
  unchanged: Scalars['Int']['output'];
  /** 新增或变更写入的记录数 */
  upserted: Scalars['Int']['output'];
};

/** 抽查任务：检查结束（COMPLETED）后公开；之前仅实施机关工作人员与监督可见 */
export type InspectionTask = {
  __typename?: 'InspectionTask';
  agency: Maybe<Agency>;
  agencyName: Scalars['String']['output'];
  checkEndOn: Maybe<Scalars['Date']['output']>;
  checkStartOn: Maybe<Scalars['Date']['output']>;
  draw: InspectionDraw;
  /** 平台任务编号（稳定；立案时作为来源 RANDOM_INSPECTION 的 reference） */
  id: Scalars['ID']['output'];
  /** 检查人员：仅实施机关工作人员与监督可见，其他调用方为 null */
  inspectors: Maybe<Array<InspectionInspector>>;
  item: Maybe<RandomInspectionItem>;
  itemCode: Scalars['String']['output'];
  name: Scalars['String']['output'];
  objects: Array<InspectedObject>;
  plan: Maybe<InspectionPlan>;
  platformUpdatedAt: Scalars['DateTime']['output'];
  /** 本任务的抽查结果（公众只见已公示的） */
  results: Array<InspectionResult>;
  status: InspectionTaskStatus;
};

export type InspectionTaskConnection = {
  __typename?: 'InspectionTaskConnection';
  edges: Array<InspectionTaskEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InspectionTaskEdge = {
  __typename?: 'InspectionTaskEdge';
  cursor: Scalars['String']['output'];
  node: InspectionTask;
};

export type InspectionTaskFilter = {
  itemCode?: InputMaybe<Scalars['String']['input']>;
  planId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<InspectionTaskStatus>;
  /** 抽中该统一社会信用代码的任务 */
  uscc?: InputMaybe<Scalars['String']['input']>;
};

export type InspectionTaskStatus =
  /** 检查结束 */
  | 'COMPLETED'
  /** 已抽取，未开始检查 */
  | 'DRAWN'
  /** 检查中 */
  | 'IN_PROGRESS';

export type Mutation = {
  __typename?: 'Mutation';
  /** 立即从随机抽查平台增量同步（仅管理员）；平台不可用时返回 UPSTREAM_UNAVAILABLE，已同步的数据照常可查 */
  syncInspections: InspectionSyncReport;
};

export type Officer = {
  __typename?: 'Officer';
  credentialNumber: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /**
   * 该执法人员作为检查人员参加的抽查任务：按执法证号与平台检查人员名录匹配（执法证号由 powers 子图提供，@requires）。
   * 检查人员信息属个人信息：仅实施机关工作人员与监督可见，其他调用方为 null；本机关工作人员只看到本机关实施的任务。
   */
  inspectionTasks: Maybe<InspectionTaskConnection>;
};

export type OfficerInspectionTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** 校验不通过而隔离的平台记录（不导入，附原因） */
export type QuarantinedRecord = {
  __typename?: 'QuarantinedRecord';
  id: Scalars['ID']['output'];
  /** 平台原始记录（JSON） */
  payload: Scalars['String']['output'];
  platformId: Maybe<Scalars['String']['output']>;
  reason: Scalars['String']['output'];
  receivedAt: Scalars['DateTime']['output'];
  /** 同一编号的合法记录到达后标记为已解决 */
  resolvedAt: Maybe<Scalars['DateTime']['output']>;
  resource: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** 抽查计划（公开）。本子图的根字段均可为 null：子图不可用时不影响同一查询中其他子图的字段 */
  inspectionPlans: Maybe<Array<InspectionPlan>>;
  /** 隔离记录（仅管理员、监督） */
  inspectionQuarantine: Maybe<Array<QuarantinedRecord>>;
  inspectionResult: Maybe<InspectionResult>;
  inspectionResults: Maybe<InspectionResultConnection>;
  /** 同步状态（公开，供看板判断数据新鲜度） */
  inspectionSource: Maybe<InspectionSource>;
  inspectionTask: Maybe<InspectionTask>;
  inspectionTasks: Maybe<InspectionTaskConnection>;
};

export type QueryInspectionPlansArgs = {
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryInspectionQuarantineArgs = {
  includeResolved?: InputMaybe<Scalars['Boolean']['input']>;
};

export type QueryInspectionResultArgs = {
  id: Scalars['ID']['input'];
};

export type QueryInspectionResultsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InspectionResultFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryInspectionTaskArgs = {
  id: Scalars['ID']['input'];
};

export type QueryInspectionTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InspectionTaskFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RandomInspectionItem = {
  __typename?: 'RandomInspectionItem';
  code: Scalars['String']['output'];
  /** 依据该事项开展的抽查任务（可见范围同 inspectionTasks） */
  tasks: Maybe<InspectionTaskConnection>;
};

export type RandomInspectionItemTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Statistics = {
  __typename?: 'Statistics';
  /** 双随机抽查指标（inspections 子图；服务不可用时为 null） */
  inspections: Maybe<InspectionStatistics>;
  key: Scalars['ID']['output'];
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
  InspectionPlan: InspectionPlan;
  InspectionResult: InspectionResult;
  InspectionTask: InspectionTask;
  Officer: Officer;
  RandomInspectionItem: RandomInspectionItem;
  Statistics: Statistics;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Case: { __typename: 'Case' } & GraphQLRecursivePick<FederationTypes['Case'], { id: true }> &
    (Record<PropertyKey, never> | GraphQLRecursivePick<FederationTypes['Case'], { sourceInspectionTaskId: true }>);
  Enterprise: { __typename: 'Enterprise' } & GraphQLRecursivePick<FederationTypes['Enterprise'], { uscc: true }>;
  InspectionPlan: { __typename: 'InspectionPlan' } & GraphQLRecursivePick<FederationTypes['InspectionPlan'], { id: true }>;
  InspectionResult: { __typename: 'InspectionResult' } & GraphQLRecursivePick<FederationTypes['InspectionResult'], { id: true }>;
  InspectionTask: { __typename: 'InspectionTask' } & GraphQLRecursivePick<FederationTypes['InspectionTask'], { id: true }>;
  Officer: { __typename: 'Officer' } & GraphQLRecursivePick<FederationTypes['Officer'], { id: true }> &
    (Record<PropertyKey, never> | GraphQLRecursivePick<FederationTypes['Officer'], { credentialNumber: true }>);
  RandomInspectionItem: { __typename: 'RandomInspectionItem' } & GraphQLRecursivePick<FederationTypes['RandomInspectionItem'], { code: true }>;
  Statistics: { __typename: 'Statistics' } & GraphQLRecursivePick<FederationTypes['Statistics'], { key: true }>;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Agency: ResolverTypeWrapper<Agency>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BreakerState: BreakerState;
  Case: ResolverTypeWrapper<CaseRef>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Enterprise: ResolverTypeWrapper<Omit<Enterprise, 'inspections'> & { inspections?: Maybe<ResolversTypes['InspectionResultConnection']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  FollowUpAction: FollowUpAction;
  IndicatorCount: ResolverTypeWrapper<IndicatorCount>;
  IndicatorCountCell: ResolverTypeWrapper<IndicatorCountCell>;
  IndicatorRate: ResolverTypeWrapper<IndicatorRate>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  IndicatorRateGroup: ResolverTypeWrapper<IndicatorRateGroup>;
  InspectedObject: ResolverTypeWrapper<TaskObjectRow>;
  InspectionDraw: ResolverTypeWrapper<TaskRow>;
  InspectionInspector: ResolverTypeWrapper<TaskInspectorRow>;
  InspectionMethod: InspectionMethod;
  InspectionPlan: ResolverTypeWrapper<PlanRow>;
  InspectionResult: ResolverTypeWrapper<ResultRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  InspectionResultConnection: ResolverTypeWrapper<ResultConnectionModel>;
  InspectionResultEdge: ResolverTypeWrapper<Omit<InspectionResultEdge, 'node'> & { node: ResolversTypes['InspectionResult'] }>;
  InspectionResultFilter: InspectionResultFilter;
  InspectionResultKind: InspectionResultKind;
  InspectionSource: ResolverTypeWrapper<SourceStatus>;
  InspectionStatistics: ResolverTypeWrapper<StatisticsScope>;
  InspectionSyncReport: ResolverTypeWrapper<SyncReport>;
  InspectionSyncResourceStats: ResolverTypeWrapper<InspectionSyncResourceStats>;
  InspectionTask: ResolverTypeWrapper<TaskRow>;
  InspectionTaskConnection: ResolverTypeWrapper<TaskConnectionModel>;
  InspectionTaskEdge: ResolverTypeWrapper<Omit<InspectionTaskEdge, 'node'> & { node: ResolversTypes['InspectionTask'] }>;
  InspectionTaskFilter: InspectionTaskFilter;
  InspectionTaskStatus: InspectionTaskStatus;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Officer: ResolverTypeWrapper<OfficerRef>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  QuarantinedRecord: ResolverTypeWrapper<QuarantineRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RandomInspectionItem: ResolverTypeWrapper<Omit<RandomInspectionItem, 'tasks'> & { tasks?: Maybe<ResolversTypes['InspectionTaskConnection']> }>;
  Statistics: ResolverTypeWrapper<StatisticsScope>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Agency: Agency;
  ID: Scalars['ID']['output'];
  Case: CaseRef;
  String: Scalars['String']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Enterprise:
    (Omit<Enterprise, 'inspections'> & { inspections?: Maybe<ResolversParentTypes['InspectionResultConnection']> }) | FederationReferenceTypes['Enterprise'];
  Int: Scalars['Int']['output'];
  IndicatorCount: IndicatorCount;
  IndicatorCountCell: IndicatorCountCell;
  IndicatorRate: IndicatorRate;
  Float: Scalars['Float']['output'];
  IndicatorRateGroup: IndicatorRateGroup;
  InspectedObject: TaskObjectRow;
  InspectionDraw: TaskRow;
  InspectionInspector: TaskInspectorRow;
  InspectionPlan: PlanRow;
  InspectionResult: ResultRow;
  Boolean: Scalars['Boolean']['output'];
  InspectionResultConnection: ResultConnectionModel;
  InspectionResultEdge: Omit<InspectionResultEdge, 'node'> & { node: ResolversParentTypes['InspectionResult'] };
  InspectionResultFilter: InspectionResultFilter;
  InspectionSource: SourceStatus;
  InspectionStatistics: StatisticsScope;
  InspectionSyncReport: SyncReport;
  InspectionSyncResourceStats: InspectionSyncResourceStats;
  InspectionTask: TaskRow;
  InspectionTaskConnection: TaskConnectionModel;
  InspectionTaskEdge: Omit<InspectionTaskEdge, 'node'> & { node: ResolversParentTypes['InspectionTask'] };
  InspectionTaskFilter: InspectionTaskFilter;
  Mutation: Record<PropertyKey, never>;
  Officer: OfficerRef;
  PageInfo: PageInfo;
  QuarantinedRecord: QuarantineRow;
  Query: Record<PropertyKey, never>;
  RandomInspectionItem:
    | (Omit<RandomInspectionItem, 'tasks'> & { tasks?: Maybe<ResolversParentTypes['InspectionTaskConnection']> })
    | FederationReferenceTypes['RandomInspectionItem'];
  Statistics: StatisticsScope;
}>;

export type AgencyResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency'],
> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CaseResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['Case'] = ResolversParentTypes['Case'],
  FederationReferenceType extends FederationReferenceTypes['Case'] = FederationReferenceTypes['Case'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Case']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceInspection?: Resolver<Maybe<ResolversTypes['InspectionTask']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EnterpriseResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'],
  FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  inspections?: Resolver<Maybe<ResolversTypes['InspectionResultConnection']>, ParentType, ContextType, Partial<EnterpriseInspectionsArgs>>;
  uscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IndicatorCountResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['IndicatorCount'] = ResolversParentTypes['IndicatorCount'],
> = ResolversObject<{
  cells?: Resolver<Array<ResolversTypes['IndicatorCountCell']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorCountCellResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['IndicatorCountCell'] = ResolversParentTypes['IndicatorCountCell'],
> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IndicatorRateResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['IndicatorRate'] = ResolversParentTypes['IndicatorRate'],
> = ResolversObject<{
  denominator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excluded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['IndicatorRateGroup']>, ParentType, ContextType>;
  numerator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type IndicatorRateGroupResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['IndicatorRateGroup'] = ResolversParentTypes['IndicatorRateGroup'],
> = ResolversObject<{
  denominator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excluded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  numerator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type InspectedObjectResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectedObject'] = ResolversParentTypes['InspectedObject'],
> = ResolversObject<{
  enterprise?: Resolver<ResolversTypes['Enterprise'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InspectionDrawResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionDraw'] = ResolversParentTypes['InspectionDraw'],
> = ResolversObject<{
  drawnAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  inspectorCandidates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inspectorsDrawn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  objectCandidates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  objectsDrawn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InspectionInspectorResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionInspector'] = ResolversParentTypes['InspectionInspector'],
> = ResolversObject<{
  credentialNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  officer?: Resolver<Maybe<ResolversTypes['Officer']>, ParentType, ContextType>;
}>;

export type InspectionPlanResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionPlan'] = ResolversParentTypes['InspectionPlan'],
  FederationReferenceType extends FederationReferenceTypes['InspectionPlan'] = FederationReferenceTypes['InspectionPlan'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['InspectionPlan']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  agencyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agencyUscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['RandomInspectionItem']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  platformUpdatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  tasks?: Resolver<Maybe<ResolversTypes['InspectionTaskConnection']>, ParentType, ContextType, Partial<InspectionPlanTasksArgs>>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InspectionResultResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionResult'] = ResolversParentTypes['InspectionResult'],
  FederationReferenceType extends FederationReferenceTypes['InspectionResult'] = FederationReferenceTypes['InspectionResult'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['InspectionResult']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  agencyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  calendarConfirmed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  completedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  enterprise?: Resolver<ResolversTypes['Enterprise'], ParentType, ContextType>;
  enterpriseName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  findings?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  followUpAction?: Resolver<ResolversTypes['FollowUpAction'], ParentType, ContextType>;
  followUpNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  methods?: Resolver<Array<ResolversTypes['InspectionMethod']>, ParentType, ContextType>;
  platformUpdatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  problemsFound?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  publicationDueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  publishedLate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  publishedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  resultCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resultKind?: Resolver<ResolversTypes['InspectionResultKind'], ParentType, ContextType>;
  resultLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subCodeLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  task?: Resolver<Maybe<ResolversTypes['InspectionTask']>, ParentType, ContextType>;
  taskId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InspectionResultConnectionResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionResultConnection'] = ResolversParentTypes['InspectionResultConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InspectionResultEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InspectionResultEdgeResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionResultEdge'] = ResolversParentTypes['InspectionResultEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['InspectionResult'], ParentType, ContextType>;
}>;

export type InspectionSourceResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionSource'] = ResolversParentTypes['InspectionSource'],
> = ResolversObject<{
  breakerState?: Resolver<ResolversTypes['BreakerState'], ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type InspectionStatisticsResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionStatistics'] = ResolversParentTypes['InspectionStatistics'],
> = ResolversObject<{
  completion?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  coverage?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  problemRate?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  publicationTimeliness?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  resultsByCode?: Resolver<ResolversTypes['IndicatorCount'], ParentType, ContextType>;
}>;

export type InspectionSyncReportResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionSyncReport'] = ResolversParentTypes['InspectionSyncReport'],
> = ResolversObject<{
  finishedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resources?: Resolver<Array<ResolversTypes['InspectionSyncResourceStats']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type InspectionSyncResourceStatsResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionSyncResourceStats'] = ResolversParentTypes['InspectionSyncResourceStats'],
> = ResolversObject<{
  fetched?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quarantined?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  upserted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InspectionTaskResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionTask'] = ResolversParentTypes['InspectionTask'],
  FederationReferenceType extends FederationReferenceTypes['InspectionTask'] = FederationReferenceTypes['InspectionTask'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['InspectionTask']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  agencyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  checkEndOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  checkStartOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  draw?: Resolver<ResolversTypes['InspectionDraw'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inspectors?: Resolver<Maybe<Array<ResolversTypes['InspectionInspector']>>, ParentType, ContextType>;
  item?: Resolver<Maybe<ResolversTypes['RandomInspectionItem']>, ParentType, ContextType>;
  itemCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  objects?: Resolver<Array<ResolversTypes['InspectedObject']>, ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['InspectionPlan']>, ParentType, ContextType>;
  platformUpdatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['InspectionResult']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InspectionTaskStatus'], ParentType, ContextType>;
}>;

export type InspectionTaskConnectionResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionTaskConnection'] = ResolversParentTypes['InspectionTaskConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InspectionTaskEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InspectionTaskEdgeResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['InspectionTaskEdge'] = ResolversParentTypes['InspectionTaskEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['InspectionTask'], ParentType, ContextType>;
}>;

export type MutationResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  syncInspections?: Resolver<ResolversTypes['InspectionSyncReport'], ParentType, ContextType>;
}>;

export type OfficerResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['Officer'] = ResolversParentTypes['Officer'],
  FederationReferenceType extends FederationReferenceTypes['Officer'] = FederationReferenceTypes['Officer'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Officer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inspectionTasks?: Resolver<Maybe<ResolversTypes['InspectionTaskConnection']>, ParentType, ContextType, Partial<OfficerInspectionTasksArgs>>;
}>;

export type PageInfoResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QuarantinedRecordResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['QuarantinedRecord'] = ResolversParentTypes['QuarantinedRecord'],
> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  platformId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = ResolversObject<{
  inspectionPlans?: Resolver<Maybe<Array<ResolversTypes['InspectionPlan']>>, ParentType, ContextType, Partial<QueryInspectionPlansArgs>>;
  inspectionQuarantine?: Resolver<Maybe<Array<ResolversTypes['QuarantinedRecord']>>, ParentType, ContextType, Partial<QueryInspectionQuarantineArgs>>;
  inspectionResult?: Resolver<Maybe<ResolversTypes['InspectionResult']>, ParentType, ContextType, RequireFields<QueryInspectionResultArgs, 'id'>>;
  inspectionResults?: Resolver<Maybe<ResolversTypes['InspectionResultConnection']>, ParentType, ContextType, Partial<QueryInspectionResultsArgs>>;
  inspectionSource?: Resolver<Maybe<ResolversTypes['InspectionSource']>, ParentType, ContextType>;
  inspectionTask?: Resolver<Maybe<ResolversTypes['InspectionTask']>, ParentType, ContextType, RequireFields<QueryInspectionTaskArgs, 'id'>>;
  inspectionTasks?: Resolver<Maybe<ResolversTypes['InspectionTaskConnection']>, ParentType, ContextType, Partial<QueryInspectionTasksArgs>>;
}>;

export type RandomInspectionItemResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['RandomInspectionItem'] = ResolversParentTypes['RandomInspectionItem'],
  FederationReferenceType extends FederationReferenceTypes['RandomInspectionItem'] = FederationReferenceTypes['RandomInspectionItem'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RandomInspectionItem']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tasks?: Resolver<Maybe<ResolversTypes['InspectionTaskConnection']>, ParentType, ContextType, Partial<RandomInspectionItemTasksArgs>>;
}>;

export type StatisticsResolvers<
  ContextType = InspectionsContext,
  ParentType extends ResolversParentTypes['Statistics'] = ResolversParentTypes['Statistics'],
  FederationReferenceType extends FederationReferenceTypes['Statistics'] = FederationReferenceTypes['Statistics'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Statistics']> | FederationReferenceType, FederationReferenceType, ContextType>;
  inspections?: Resolver<Maybe<ResolversTypes['InspectionStatistics']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = InspectionsContext> = ResolversObject<{
  Agency?: AgencyResolvers<ContextType>;
  Case?: CaseResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Enterprise?: EnterpriseResolvers<ContextType>;
  IndicatorCount?: IndicatorCountResolvers<ContextType>;
  IndicatorCountCell?: IndicatorCountCellResolvers<ContextType>;
  IndicatorRate?: IndicatorRateResolvers<ContextType>;
  IndicatorRateGroup?: IndicatorRateGroupResolvers<ContextType>;
  InspectedObject?: InspectedObjectResolvers<ContextType>;
  InspectionDraw?: InspectionDrawResolvers<ContextType>;
  InspectionInspector?: InspectionInspectorResolvers<ContextType>;
  InspectionPlan?: InspectionPlanResolvers<ContextType>;
  InspectionResult?: InspectionResultResolvers<ContextType>;
  InspectionResultConnection?: InspectionResultConnectionResolvers<ContextType>;
  InspectionResultEdge?: InspectionResultEdgeResolvers<ContextType>;
  InspectionSource?: InspectionSourceResolvers<ContextType>;
  InspectionStatistics?: InspectionStatisticsResolvers<ContextType>;
  InspectionSyncReport?: InspectionSyncReportResolvers<ContextType>;
  InspectionSyncResourceStats?: InspectionSyncResourceStatsResolvers<ContextType>;
  InspectionTask?: InspectionTaskResolvers<ContextType>;
  InspectionTaskConnection?: InspectionTaskConnectionResolvers<ContextType>;
  InspectionTaskEdge?: InspectionTaskEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Officer?: OfficerResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  QuarantinedRecord?: QuarantinedRecordResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RandomInspectionItem?: RandomInspectionItemResolvers<ContextType>;
  Statistics?: StatisticsResolvers<ContextType>;
}>;
