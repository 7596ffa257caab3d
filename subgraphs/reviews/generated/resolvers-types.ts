import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LegalReviewRow, ReviewRoundRow, ReviewConnectionModel, ClearanceView, EntityRef } from '../model.js';
import type { StatisticsScope } from '../../../kernel/statistics.js';
import type { ReviewsContext } from '../context.js';
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
  _FieldSet: { input: unknown; output: unknown };
};

/** 内部：已载入的某年节假日安排及载入的管理员 */
export type AppliedHolidayArrangementInput = {
  holidays: Array<Scalars['Date']['input']>;
  loadedBy: Scalars['String']['input'];
  makeupWorkdays: Array<Scalars['Date']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

/** 内部：按载入的安排重新计算的一项审核期限 */
export type AppliedReviewDeadline = {
  __typename?: 'AppliedReviewDeadline';
  caseId: Scalars['ID']['output'];
  confirmed: Scalars['Boolean']['output'];
  countedFrom: Scalars['Date']['output'];
  dueOn: Scalars['Date']['output'];
  previousDueOn: Scalars['Date']['output'];
  reviewId: Scalars['ID']['output'];
  roundNo: Scalars['Int']['output'];
  workingDays: Scalars['Int']['output'];
};

export type AssignReviewerInput = {
  reviewId: Scalars['ID']['input'];
  reviewerId: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

/** 系统自动检查得出的发现（附证据），审核人员须逐项确认或改正 */
export type AutomaticFinding = {
  __typename?: 'AutomaticFinding';
  evidence: Array<Scalars['String']['output']>;
  point: ReviewPoint;
  result: FindingResult;
};

export type Case = {
  __typename?: 'Case';
  id: Scalars['ID']['output'];
  /** 法制审核记录（审核服务不可用时为 null） */
  legalReviews: Maybe<Array<LegalReview>>;
  /** 法制审核状态 */
  reviewStatus: Maybe<ReviewStatus>;
};

export type FindingResult =
  /** 存在问题 */
  | 'ISSUE'
  /** 系统无法自动判断，须人工审查 */
  | 'NOT_CHECKED'
  /** 符合 */
  | 'PASS';

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

/** 法制审核（每个案件一份，含各轮） */
export type LegalReview = {
  __typename?: 'LegalReview';
  agencyId: Scalars['ID']['output'];
  case: Case;
  createdAt: Scalars['DateTime']['output'];
  currentRound: ReviewRound;
  id: Scalars['ID']['output'];
  rounds: Array<ReviewRound>;
  status: ReviewStatus;
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
};

export type LegalReviewConnection = {
  __typename?: 'LegalReviewConnection';
  edges: Array<LegalReviewEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type LegalReviewEdge = {
  __typename?: 'LegalReviewEdge';
  cursor: Scalars['String']['output'];
  node: LegalReview;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** 内部：案件服务载入某年节假日安排后通知本服务，重新计算未结审核轮次的审核期限（R12，issue 26） */
  applyHolidayArrangement: Array<AppliedReviewDeadline>;
  /** 分配审核人员（法制审核机构负责人或主要负责人） */
  assignReviewer: LegalReview;
  /** 记录审核意见（被分配的审核人员；记录后不可修改） */
  recordReviewOpinion: LegalReview;
  /** 送审（承办执法人员）：快照决定建议，案件进入法制审核 */
  submitForReview: LegalReview;
};

export type MutationApplyHolidayArrangementArgs = {
  input: AppliedHolidayArrangementInput;
};

export type MutationAssignReviewerArgs = {
  input: AssignReviewerInput;
};

export type MutationRecordReviewOpinionArgs = {
  input: ReviewOpinionInput;
  reviewId: Scalars['ID']['input'];
};

export type MutationSubmitForReviewArgs = {
  input: SubmitForReviewInput;
};

export type Officer = {
  __typename?: 'Officer';
  id: Scalars['ID']['output'];
  /** 该执法人员承担的法制审核（本机关工作人员、监督可见） */
  reviews: Maybe<LegalReviewConnection>;
};

export type OfficerReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  legalReview: Maybe<LegalReview>;
  /** 决定门禁：该决定建议（按内容哈希）是否已审核通过（仅子服务间调用） */
  reviewClearance: ReviewClearance;
  /** 法制审核工作队列 */
  reviews: LegalReviewConnection;
};

export type QueryLegalReviewArgs = {
  id: Scalars['ID']['input'];
};

export type QueryReviewClearanceArgs = {
  caseId: Scalars['ID']['input'];
  contentHash: Scalars['String']['input'];
  proposalId: Scalars['ID']['input'];
};

export type QueryReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReviewFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 审核通过凭证：决定只能依据审核通过时的确切内容作出 */
export type ReviewClearance = {
  __typename?: 'ReviewClearance';
  approved: Scalars['Boolean']['output'];
  approvedAt: Maybe<Scalars['DateTime']['output']>;
  reason: Maybe<Scalars['String']['output']>;
  reviewId: Maybe<Scalars['ID']['output']>;
  reviewerId: Maybe<Scalars['ID']['output']>;
  roundNo: Maybe<Scalars['Int']['output']>;
};

export type ReviewConclusion =
  /** 同意 */
  | 'APPROVED'
  /** 存在问题 */
  | 'ISSUES_FOUND';

export type ReviewFilter = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  /** 仅超期 */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  reviewerId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ReviewStatus>;
};

/** 审核人员对一项内容的结论 */
export type ReviewFinding = {
  __typename?: 'ReviewFinding';
  note: Maybe<Scalars['String']['output']>;
  /** 与自动发现不一致时视为改正，须说明 */
  overridesAutomatic: Scalars['Boolean']['output'];
  point: ReviewPoint;
  result: FindingResult;
};

export type ReviewFindingInput = {
  note?: InputMaybe<Scalars['String']['input']>;
  point: ReviewPoint;
  result: FindingResult;
};

export type ReviewOpinionInput = {
  conclusion: ReviewConclusion;
  findings: Array<ReviewFindingInput>;
  opinion: Scalars['String']['input'];
  requiredCorrections?: InputMaybe<Array<Scalars['String']['input']>>;
  version: Scalars['Int']['input'];
};

/** 法制审核九项内容（R8） */
export type ReviewPoint =
  /** 执法主体是否合法 */
  | 'AGENCY_LAWFUL'
  /** 是否涉嫌犯罪需要移送司法机关 */
  | 'CRIMINAL_REFERRAL'
  /** 裁量基准运用是否适当 */
  | 'DISCRETION'
  /** 执法文书是否规范、齐备 */
  | 'DOCUMENTS'
  /** 案件事实是否清楚，证据是否合法充分 */
  | 'FACTS_AND_EVIDENCE'
  /** 适用法律依据是否准确 */
  | 'LEGAL_BASIS'
  /** 执法人员是否具备执法资格 */
  | 'OFFICERS_QUALIFIED'
  /** 执法程序是否合法 */
  | 'PROCEDURE_LAWFUL'
  /** 是否超越法定权限 */
  | 'WITHIN_AUTHORITY';

/** 一轮审核（每次送审为一轮；退回后修改的决定建议重新送审为新一轮） */
export type ReviewRound = {
  __typename?: 'ReviewRound';
  assignedAt: Maybe<Scalars['DateTime']['output']>;
  automaticFindings: Array<AutomaticFinding>;
  concludedAt: Maybe<Scalars['DateTime']['output']>;
  conclusion: Maybe<ReviewConclusion>;
  dueConfirmed: Scalars['Boolean']['output'];
  /** 审核期限（工作日） */
  dueOn: Scalars['Date']['output'];
  findings: Maybe<Array<ReviewFinding>>;
  /** 承办机构对送审材料真实、准确、完整的声明 */
  handlerStatement: Scalars['String']['output'];
  materials: Array<Scalars['String']['output']>;
  opinion: Maybe<Scalars['String']['output']>;
  overdue: Scalars['Boolean']['output'];
  /** 送审时决定建议的内容哈希：审核通过仅对该内容有效 */
  proposalHash: Scalars['String']['output'];
  proposalId: Scalars['ID']['output'];
  /** 送审的决定建议快照（JSON） */
  proposalSnapshot: Scalars['String']['output'];
  /** 须改正的问题 */
  requiredCorrections: Maybe<Array<Scalars['String']['output']>>;
  reviewer: Maybe<Officer>;
  roundNo: Scalars['Int']['output'];
  submittedAt: Scalars['DateTime']['output'];
  submittedBy: Scalars['String']['output'];
};

/** 法制审核指标（reviews 子图） */
export type ReviewStatistics = {
  __typename?: 'ReviewStatistics';
  /** 审核用时：送审日至结论日的工作日数（结论日期在期间内） */
  duration: IndicatorDuration;
  /** 各轮审核结论 APPROVED / ISSUES_FOUND（结论日期在期间内） */
  outcomes: IndicatorCount;
  /** 超期审核率：审核期限在期间内且已届满的各轮中，逾期作出结论或逾期未结论的比例 */
  overdue: IndicatorRate;
  /** 审核人员资格合规率：送审日期在期间内、已分配审核人员的各轮中，分配时具备审核资格且初次审核者持有法律职业资格的比例（R7）；分配时未记录资格信息的轮次计入 excluded */
  qualificationCompliance: IndicatorRate;
};

/** 法制审核状态 */
export type ReviewStatus =
  /** 审核通过 */
  | 'APPROVED'
  /** 待分配审核人员 */
  | 'AWAITING_ASSIGNMENT'
  /** 审核中 */
  | 'IN_REVIEW'
  /** 存在问题，退回承办机构 */
  | 'ISSUES_FOUND'
  /** 未提交审核 */
  | 'NOT_SUBMITTED';

export type Statistics = {
  __typename?: 'Statistics';
  key: Scalars['ID']['output'];
  /** 法制审核指标（reviews 子图；服务不可用时为 null） */
  reviews: Maybe<ReviewStatistics>;
};

export type SubmitForReviewInput = {
  caseId: Scalars['ID']['input'];
  /** 承办机构声明：送审材料真实、准确、完整 */
  handlerStatement: Scalars['String']['input'];
  /** 送审材料清单 */
  materials: Array<Scalars['String']['input']>;
  proposalId: Scalars['ID']['input'];
  /** 可直接指定审核人员 */
  reviewerId?: InputMaybe<Scalars['ID']['input']>;
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
  LegalReview: LegalReview;
  Officer: Officer;
  Statistics: Statistics;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Case: { __typename: 'Case' } & GraphQLRecursivePick<FederationTypes['Case'], { id: true }>;
  LegalReview: { __typename: 'LegalReview' } & GraphQLRecursivePick<FederationTypes['LegalReview'], { id: true }>;
  Officer: { __typename: 'Officer' } & GraphQLRecursivePick<FederationTypes['Officer'], { id: true }>;
  Statistics: { __typename: 'Statistics' } & GraphQLRecursivePick<FederationTypes['Statistics'], { key: true }>;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AppliedHolidayArrangementInput: AppliedHolidayArrangementInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AppliedReviewDeadline: ResolverTypeWrapper<AppliedReviewDeadline>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AssignReviewerInput: AssignReviewerInput;
  AutomaticFinding: ResolverTypeWrapper<AutomaticFinding>;
  Case: ResolverTypeWrapper<EntityRef>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FindingResult: FindingResult;
  IndicatorCount: ResolverTypeWrapper<IndicatorCount>;
  IndicatorCountCell: ResolverTypeWrapper<IndicatorCountCell>;
  IndicatorDuration: ResolverTypeWrapper<IndicatorDuration>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  IndicatorDurationGroup: ResolverTypeWrapper<IndicatorDurationGroup>;
  IndicatorRate: ResolverTypeWrapper<IndicatorRate>;
  IndicatorRateGroup: ResolverTypeWrapper<IndicatorRateGroup>;
  LegalReview: ResolverTypeWrapper<LegalReviewRow>;
  LegalReviewConnection: ResolverTypeWrapper<ReviewConnectionModel>;
  LegalReviewEdge: ResolverTypeWrapper<Omit<LegalReviewEdge, 'node'> & { node: ResolversTypes['LegalReview'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Officer: ResolverTypeWrapper<EntityRef>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReviewClearance: ResolverTypeWrapper<ClearanceView>;
  ReviewConclusion: ReviewConclusion;
  ReviewFilter: ReviewFilter;
  ReviewFinding: ResolverTypeWrapper<ReviewFinding>;
  ReviewFindingInput: ReviewFindingInput;
  ReviewOpinionInput: ReviewOpinionInput;
  ReviewPoint: ReviewPoint;
  ReviewRound: ResolverTypeWrapper<ReviewRoundRow>;
  ReviewStatistics: ResolverTypeWrapper<StatisticsScope>;
  ReviewStatus: ReviewStatus;
  Statistics: ResolverTypeWrapper<StatisticsScope>;
  SubmitForReviewInput: SubmitForReviewInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AppliedHolidayArrangementInput: AppliedHolidayArrangementInput;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  AppliedReviewDeadline: AppliedReviewDeadline;
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  AssignReviewerInput: AssignReviewerInput;
  AutomaticFinding: AutomaticFinding;
  Case: EntityRef;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  IndicatorCount: IndicatorCount;
  IndicatorCountCell: IndicatorCountCell;
  IndicatorDuration: IndicatorDuration;
  Float: Scalars['Float']['output'];
  IndicatorDurationGroup: IndicatorDurationGroup;
  IndicatorRate: IndicatorRate;
  IndicatorRateGroup: IndicatorRateGroup;
  LegalReview: LegalReviewRow;
  LegalReviewConnection: ReviewConnectionModel;
  LegalReviewEdge: Omit<LegalReviewEdge, 'node'> & { node: ResolversParentTypes['LegalReview'] };
  Mutation: Record<PropertyKey, never>;
  Officer: EntityRef;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  ReviewClearance: ClearanceView;
  ReviewFilter: ReviewFilter;
  ReviewFinding: ReviewFinding;
  ReviewFindingInput: ReviewFindingInput;
  ReviewOpinionInput: ReviewOpinionInput;
  ReviewRound: ReviewRoundRow;
  ReviewStatistics: StatisticsScope;
  Statistics: StatisticsScope;
  SubmitForReviewInput: SubmitForReviewInput;
}>;

export type AppliedReviewDeadlineResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['AppliedReviewDeadline'] = ResolversParentTypes['AppliedReviewDeadline'],
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

export type AutomaticFindingResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['AutomaticFinding'] = ResolversParentTypes['AutomaticFinding'],
> = ResolversObject<{
  evidence?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  point?: Resolver<ResolversTypes['ReviewPoint'], ParentType, ContextType>;
  result?: Resolver<ResolversTypes['FindingResult'], ParentType, ContextType>;
}>;

export type CaseResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['Case'] = ResolversParentTypes['Case'],
  FederationReferenceType extends FederationReferenceTypes['Case'] = FederationReferenceTypes['Case'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Case']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalReviews?: Resolver<Maybe<Array<ResolversTypes['LegalReview']>>, ParentType, ContextType>;
  reviewStatus?: Resolver<Maybe<ResolversTypes['ReviewStatus']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IndicatorCountResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['IndicatorCount'] = ResolversParentTypes['IndicatorCount'],
> = ResolversObject<{
  cells?: Resolver<Array<ResolversTypes['IndicatorCountCell']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorCountCellResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['IndicatorCountCell'] = ResolversParentTypes['IndicatorCountCell'],
> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IndicatorDurationResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['IndicatorDuration'] = ResolversParentTypes['IndicatorDuration'],
> = ResolversObject<{
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['IndicatorDurationGroup']>, ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorDurationGroupResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['IndicatorDurationGroup'] = ResolversParentTypes['IndicatorDurationGroup'],
> = ResolversObject<{
  average?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndicatorRateResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['IndicatorRate'] = ResolversParentTypes['IndicatorRate'],
> = ResolversObject<{
  denominator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excluded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['IndicatorRateGroup']>, ParentType, ContextType>;
  numerator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type IndicatorRateGroupResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['IndicatorRateGroup'] = ResolversParentTypes['IndicatorRateGroup'],
> = ResolversObject<{
  denominator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excluded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  numerator?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type LegalReviewResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['LegalReview'] = ResolversParentTypes['LegalReview'],
  FederationReferenceType extends FederationReferenceTypes['LegalReview'] = FederationReferenceTypes['LegalReview'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LegalReview']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agencyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  case?: Resolver<ResolversTypes['Case'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentRound?: Resolver<ResolversTypes['ReviewRound'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rounds?: Resolver<Array<ResolversTypes['ReviewRound']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type LegalReviewConnectionResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['LegalReviewConnection'] = ResolversParentTypes['LegalReviewConnection'],
> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['LegalReviewEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type LegalReviewEdgeResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['LegalReviewEdge'] = ResolversParentTypes['LegalReviewEdge'],
> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LegalReview'], ParentType, ContextType>;
}>;

export type MutationResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = ResolversObject<{
  applyHolidayArrangement?: Resolver<
    Array<ResolversTypes['AppliedReviewDeadline']>,
    ParentType,
    ContextType,
    RequireFields<MutationApplyHolidayArrangementArgs, 'input'>
  >;
  assignReviewer?: Resolver<ResolversTypes['LegalReview'], ParentType, ContextType, RequireFields<MutationAssignReviewerArgs, 'input'>>;
  recordReviewOpinion?: Resolver<ResolversTypes['LegalReview'], ParentType, ContextType, RequireFields<MutationRecordReviewOpinionArgs, 'input' | 'reviewId'>>;
  submitForReview?: Resolver<ResolversTypes['LegalReview'], ParentType, ContextType, RequireFields<MutationSubmitForReviewArgs, 'input'>>;
}>;

export type OfficerResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['Officer'] = ResolversParentTypes['Officer'],
  FederationReferenceType extends FederationReferenceTypes['Officer'] = FederationReferenceTypes['Officer'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Officer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reviews?: Resolver<Maybe<ResolversTypes['LegalReviewConnection']>, ParentType, ContextType, Partial<OfficerReviewsArgs>>;
}>;

export type PageInfoResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ReviewsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  legalReview?: Resolver<Maybe<ResolversTypes['LegalReview']>, ParentType, ContextType, RequireFields<QueryLegalReviewArgs, 'id'>>;
  reviewClearance?: Resolver<
    ResolversTypes['ReviewClearance'],
    ParentType,
    ContextType,
    RequireFields<QueryReviewClearanceArgs, 'caseId' | 'contentHash' | 'proposalId'>
  >;
  reviews?: Resolver<ResolversTypes['LegalReviewConnection'], ParentType, ContextType, Partial<QueryReviewsArgs>>;
}>;

export type ReviewClearanceResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['ReviewClearance'] = ResolversParentTypes['ReviewClearance'],
> = ResolversObject<{
  approved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  approvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  reviewerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  roundNo?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ReviewFindingResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['ReviewFinding'] = ResolversParentTypes['ReviewFinding'],
> = ResolversObject<{
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overridesAutomatic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  point?: Resolver<ResolversTypes['ReviewPoint'], ParentType, ContextType>;
  result?: Resolver<ResolversTypes['FindingResult'], ParentType, ContextType>;
}>;

export type ReviewRoundResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['ReviewRound'] = ResolversParentTypes['ReviewRound'],
> = ResolversObject<{
  assignedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  automaticFindings?: Resolver<Array<ResolversTypes['AutomaticFinding']>, ParentType, ContextType>;
  concludedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  conclusion?: Resolver<Maybe<ResolversTypes['ReviewConclusion']>, ParentType, ContextType>;
  dueConfirmed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  findings?: Resolver<Maybe<Array<ResolversTypes['ReviewFinding']>>, ParentType, ContextType>;
  handlerStatement?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  materials?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  opinion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  proposalHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  proposalId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  proposalSnapshot?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiredCorrections?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  reviewer?: Resolver<Maybe<ResolversTypes['Officer']>, ParentType, ContextType>;
  roundNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  submittedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ReviewStatisticsResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['ReviewStatistics'] = ResolversParentTypes['ReviewStatistics'],
> = ResolversObject<{
  duration?: Resolver<ResolversTypes['IndicatorDuration'], ParentType, ContextType>;
  outcomes?: Resolver<ResolversTypes['IndicatorCount'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
  qualificationCompliance?: Resolver<ResolversTypes['IndicatorRate'], ParentType, ContextType>;
}>;

export type StatisticsResolvers<
  ContextType = ReviewsContext,
  ParentType extends ResolversParentTypes['Statistics'] = ResolversParentTypes['Statistics'],
  FederationReferenceType extends FederationReferenceTypes['Statistics'] = FederationReferenceTypes['Statistics'],
> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Statistics']> | FederationReferenceType, FederationReferenceType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reviews?: Resolver<Maybe<ResolversTypes['ReviewStatistics']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ReviewsContext> = ResolversObject<{
  AppliedReviewDeadline?: AppliedReviewDeadlineResolvers<ContextType>;
  AutomaticFinding?: AutomaticFindingResolvers<ContextType>;
  Case?: CaseResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  IndicatorCount?: IndicatorCountResolvers<ContextType>;
  IndicatorCountCell?: IndicatorCountCellResolvers<ContextType>;
  IndicatorDuration?: IndicatorDurationResolvers<ContextType>;
  IndicatorDurationGroup?: IndicatorDurationGroupResolvers<ContextType>;
  IndicatorRate?: IndicatorRateResolvers<ContextType>;
  IndicatorRateGroup?: IndicatorRateGroupResolvers<ContextType>;
  LegalReview?: LegalReviewResolvers<ContextType>;
  LegalReviewConnection?: LegalReviewConnectionResolvers<ContextType>;
  LegalReviewEdge?: LegalReviewEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Officer?: OfficerResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReviewClearance?: ReviewClearanceResolvers<ContextType>;
  ReviewFinding?: ReviewFindingResolvers<ContextType>;
  ReviewRound?: ReviewRoundResolvers<ContextType>;
  ReviewStatistics?: ReviewStatisticsResolvers<ContextType>;
  Statistics?: StatisticsResolvers<ContextType>;
}>;
