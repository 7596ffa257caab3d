import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver types per subgraph, generated from schema/<name>.graphql (federation: true types __resolveReference).
const scalars = { Date: 'string', DateTime: 'Date | string', Decimal: 'string' };

const subgraph = (name: string, mappers: Record<string, string>) => ({
  [`subgraphs/${name}/generated/resolvers-types.ts`]: {
    schema: `schema/${name}.graphql`,
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      useTypeImports: true,
      contextType: `../context.js#${name[0]!.toUpperCase()}${name.slice(1)}Context`,
      mappers,
      scalars,
      enumsAsTypes: true,
      avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      maybeValue: 'T | null',
      inputMaybeValue: 'T | null | undefined',
    },
  },
});

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...subgraph('powers', {
      Agency: '../model.js#AgencyRow',
      Officer: '../model.js#OfficerRow',
      Entrustment: '../model.js#EntrustmentValue',
      PowerItem: '../model.js#PowerItemView',
      DiscretionBenchmark: '../model.js#BenchmarkView',
      RandomInspectionItem: '../model.js#RandomInspectionItemView',
      AvRecordingRule: '../model.js#AvRecordingRuleView',
      ReviewCatalogRule: '../model.js#ReviewCatalogRuleView',
      AnnualEnforcementPlan: '../model.js#AnnualPlanView',
      AgencyPolicyVersion: '../model.js#AgencyPolicyView',
      EntrustmentVersion: '../model.js#EntrustmentView',
      AgencyLeader: '../model.js#AgencyLeaderView',
      ExAnteDocument: '../model.js#AnyDocView',
      WorkflowTrail: '../model.js#AnyDocView',
      OfficerConnection: '../model.js#OfficerConnectionModel',
      PowerItemConnection: '../model.js#PowerItemConnectionModel',
      Statistics: '../../../kernel/statistics.js#StatisticsScope',
      StaffFigures: '../statistics.js#StaffRow',
    }),
    ...subgraph('cases', {
      Case: '../model.js#CaseRow',
      Party: '../model.js#PartyView',
      DecisionProposal: '../model.js#ProposalRow',
      RecordEntry: '../model.js#RecordEntryView',
      CaseConnection: '../model.js#CaseConnectionModel',
      RecordVerification: '../model.js#VerificationView',
      Publication: '../model.js#PublicationRow',
      PublicationConnection: '../model.js#PublicationConnectionModel',
      PublicContent: '../model.js#PublicContentView',
      CreditPublicityRecord: '../model.js#CreditRecordView',
      Statistics: '../../../kernel/statistics.js#StatisticsScope',
      CaseStatistics: '../../../kernel/statistics.js#StatisticsScope',
      ReliefProceeding: '../model.js#ReliefRow',
      StatisticsTable: '../../../kernel/statistics-tables.js#StatisticsTableModel',
      StatisticsTableRow: '../../../kernel/statistics-tables.js#TableRow',
    }),
    ...subgraph('reviews', {
      LegalReview: '../model.js#LegalReviewRow',
      ReviewRound: '../model.js#ReviewRoundRow',
      LegalReviewConnection: '../model.js#ReviewConnectionModel',
      ReviewClearance: '../model.js#ClearanceView',
      Statistics: '../../../kernel/statistics.js#StatisticsScope',
      ReviewStatistics: '../../../kernel/statistics.js#StatisticsScope',
      Case: '../model.js#EntityRef',
      Officer: '../model.js#EntityRef',
    }),
    ...subgraph('inspections', {
      InspectionPlan: '../model.js#PlanRow',
      InspectionTask: '../model.js#TaskRow',
      InspectionDraw: '../model.js#TaskRow',
      InspectedObject: '../model.js#TaskObjectRow',
      InspectionInspector: '../model.js#TaskInspectorRow',
      InspectionResult: '../model.js#ResultRow',
      InspectionTaskConnection: '../model.js#TaskConnectionModel',
      InspectionResultConnection: '../model.js#ResultConnectionModel',
      InspectionSource: '../model.js#SourceStatus',
      InspectionSyncReport: '../model.js#SyncReport',
      QuarantinedRecord: '../model.js#QuarantineRow',
      Officer: '../model.js#OfficerRef',
      Case: '../model.js#CaseRef',
      Statistics: '../../../kernel/statistics.js#StatisticsScope',
      InspectionStatistics: '../../../kernel/statistics.js#StatisticsScope',
    }),
  },
};
export default config;
