import type { Connection } from '../../kernel/pagination.js';
import type { RecordEntryRow, ReliefRow } from './db/schema.js';
import type { CaseRow, PartyRow, ProposalRow, PublicationRow } from './repo.js';
import type { CreditRecord, PublicContent } from './domain/publicity.js';

// Shapes the resolvers receive (codegen mappers point here).
export type { CaseRow, PartyRow, ProposalRow, PublicationRow, RecordEntryRow, ReliefRow };
export type PublicContentView = PublicContent;
export type PublicationConnectionModel = Connection<PublicationRow> & { totalCount: () => Promise<number> };
export type CreditRecordView = CreditRecord;
export type CaseConnectionModel = Connection<CaseRow> & { totalCount: () => Promise<number> };
/** Party with the case it belongs to, so field access can be decided per case. */
export type PartyView = PartyRow & { caseRow: CaseRow };
export type RecordEntryView = RecordEntryRow & { caseRow: CaseRow };
export interface VerificationView {
  ok: boolean;
  entriesChecked: number;
  firstProblem: string | null;
  firstBadEntryId: string | null;
}
export type RecordsVerifier = (caseId: string) => Promise<VerificationView>;
