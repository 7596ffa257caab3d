import type { Connection } from '../../kernel/pagination.js';
import type { PlanRow, QuarantineRow, ResultRow, TaskInspectorRow, TaskObjectRow, TaskRow } from './db/schema.js';
import type { SourceStatus, SyncReport } from './sync.js';

// Shapes the resolvers receive (codegen mappers point here).
export type { PlanRow, QuarantineRow, ResultRow, SourceStatus, SyncReport, TaskInspectorRow, TaskObjectRow, TaskRow };

export type ConnectionModel<T> = Connection<T> & { totalCount: () => Promise<number> };
export type TaskConnectionModel = ConnectionModel<TaskRow>;
export type ResultConnectionModel = ConnectionModel<ResultRow>;

/** Entity representations from the gateway (with the @requires fields where declared). */
export interface OfficerRef {
  id: string;
  credentialNumber?: string | null;
}
export interface CaseRef {
  id: string;
  sourceInspectionTaskId?: string | null;
}
