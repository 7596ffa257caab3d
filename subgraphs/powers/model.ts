import type { Connection } from '../../kernel/pagination.js';
import type { AgencyRow, ExAnteRow, OfficerRow } from './db/schema.js';
import type { ExAnteContentByKind, ExAnteKind, PublicationStatus } from './domain/types.js';

// Shapes the resolvers receive (codegen mappers point here).
export type { AgencyRow, OfficerRow };
export type { EntrustmentValue } from './domain/types.js';

export type DocView<K extends ExAnteKind = ExAnteKind> = Omit<ExAnteRow, 'kind' | 'status' | 'content'> & {
  kind: K;
  status: PublicationStatus;
  content: ExAnteContentByKind[K];
} & ExAnteContentByKind[K];

export type AnyDocView = { [K in ExAnteKind]: DocView<K> }[ExAnteKind];
export type PowerItemView = DocView<'POWER_ITEM'>;
export type BenchmarkView = DocView<'DISCRETION_BENCHMARK'>;
export type RandomInspectionItemView = DocView<'RANDOM_INSPECTION_ITEM'>;
export type AvRecordingRuleView = DocView<'AV_RECORDING_RULE'>;
export type ReviewCatalogRuleView = DocView<'REVIEW_CATALOG_RULE'>;
export type AnnualPlanView = DocView<'ANNUAL_ENFORCEMENT_PLAN'>;
export type AgencyPolicyView = DocView<'AGENCY_POLICY'>;
export type EntrustmentView = DocView<'ENTRUSTMENT'>;
export type AgencyLeaderView = DocView<'AGENCY_LEADER'>;
export type EvaluationChecklistView = DocView<'EVALUATION_CHECKLIST'>;

/**
 * A document's fields and its content's fields as one object: the row's own fields on an object whose prototype is the
 * content (issue 28: copying every content field into a new object per row per request was 7 % of powers' CPU). Field
 * reads (GraphQL's default resolvers, `view.x`) see both, the row's fields first, as the spread `{ ...content, ...row }`
 * did; do not spread or JSON-serialise a view (the content's fields are not own properties) — use `view.content`.
 */
export function toView(row: ExAnteRow): AnyDocView {
  const content = row.content;
  return Object.assign(Object.create(content !== null && typeof content === 'object' ? content : null) as object, row) as unknown as AnyDocView;
}

/** A page plus a lazily computed total (only counted when the client asks for totalCount). */
export type ConnectionModel<T> = Connection<T> & { totalCount: () => Promise<number> };
export type OfficerConnectionModel = ConnectionModel<OfficerRow>;
export type PowerItemConnectionModel = ConnectionModel<PowerItemView>;
