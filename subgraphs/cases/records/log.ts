import { eq, inArray } from 'drizzle-orm';
import { cases, parties, proposals, publications, type CaseRow, type RecordEntryRow } from '../db/schema.js';
import {
  caseRowMismatch,
  decisionHashMismatch,
  partyMismatch,
  projectCase,
  projectPublications,
  projectPublicationText,
  publicationMismatch,
  publicationTextMismatch,
} from '../integrity.js';
import type { VerifyResult } from '../../../kernel/records/chain.js';
import { verifyLog, type Executor, type Orm, type RecordKeyOptions } from '../../../kernel/records/log.js';

/**
 * The cases record log (R17) is kernel/records' shared log in the cases database, with the cases key ring; what
 * cases adds is the projection check: every logged fact against its row (integrity.ts).
 */
export {
  appendEntry,
  checkpointLag,
  clockedAppender,
  createCheckpoint,
  listEntries,
  serviceMacKeyRing,
  startCheckpointTimer,
  verifiedCaseEntries,
  verifiedStreamsEntries,
  type CheckpointOptions,
  type Executor,
  type Orm,
  type RecordKeyOptions,
  type Tx,
} from '../../../kernel/records/log.js';

/** Verify the whole cases log, or one case, and then every row against what its verified entries imply. */
export function verifyRecords(orm: Orm, opts: RecordKeyOptions & { caseId?: string }): Promise<VerifyResult> {
  return verifyLog(orm, opts, casesProjection);
}

async function casesProjection(db: Executor, result: VerifyResult, byCase: Map<string, RecordEntryRow[]>, caseId?: string): Promise<VerifyResult> {
  if (caseId !== undefined) {
    const rows = await db.select().from(cases).where(eq(cases.id, caseId));
    const pubs = await db.select(publicationStatusColumns).from(publications).where(eq(publications.caseId, caseId));
    const decided = await db
      .select(decidedProposalColumns)
      .from(proposals)
      .innerJoin(cases, eq(cases.decisionProposalId, proposals.id))
      .where(eq(cases.id, caseId));
    if (!rows.length && loggedFiled(byCase.get(caseId) ?? [])) return orphanLog(result, caseId);
    return projectionFault(result, rows, byCase, pubs, decided, await partiesOf(db, rows));
  }
  const pubs = await db.select(publicationStatusColumns).from(publications);
  const decided = await db.select(decidedProposalColumns).from(proposals).innerJoin(cases, eq(cases.decisionProposalId, proposals.id));
  const rows = await db.select().from(cases);
  const have = new Set(rows.map((r) => r.id));
  // A log whose case row is gone (DELETE FROM cases): the case was filed, so its row must exist.
  for (const [id, entries] of byCase) if (!have.has(id) && loggedFiled(entries)) return orphanLog(result, id);
  return projectionFault(result, rows, byCase, pubs, decided, await partiesOf(db, rows));
}

const loggedFiled = (entries: readonly RecordEntryRow[]) => entries.some((e) => e.kind === 'TRANSITION' && e.caseSeq === 1);

function orphanLog(result: VerifyResult, caseId: string): VerifyResult {
  return {
    ...result,
    ok: false,
    firstBad: { caseId, problem: 'PROJECTION_MISMATCH', field: 'case', message: `案件 ${caseId} 有立案记录，但案件数据不存在：案件被直接删除` },
  };
}

type PartyIdentityRow = { id: string; name: string; uscc: string | null; residentId: string | null };
async function partiesOf(db: Executor, rows: readonly CaseRow[]): Promise<Map<string, PartyIdentityRow>> {
  const ids = [...new Set(rows.map((r) => r.partyId))];
  const out = new Map<string, PartyIdentityRow>();
  for (let i = 0; i < ids.length; i += 1000) {
    const part = ids.slice(i, i + 1000);
    const found = await db
      .select({ id: parties.id, name: parties.name, uscc: parties.uscc, residentId: parties.residentId })
      .from(parties)
      .where(inArray(parties.id, part));
    for (const p of found) out.set(p.id, p);
  }
  return out;
}

const publicationStatusColumns = { id: publications.id, caseId: publications.caseId, status: publications.status, snapshot: publications.snapshot };
type PublicationStatusRow = { id: string; caseId: string; status: string; snapshot: unknown };
const decidedProposalColumns = { id: proposals.id, caseId: proposals.caseId, contentHash: proposals.contentHash, content: proposals.content };
type DecidedProposalRow = { [K in keyof typeof decidedProposalColumns]: (typeof proposals.$inferSelect)[K] };

/**
 * Case state, decision hash and publication status covered (issue 12): each case row, the proposal it decided
 * (hash stored and recomputed from the content, against the DECISION entry), then each of its publications,
 * against what its verified entries imply; the first differing field (also a publication whose case row is gone).
 */
function projectionFault(
  result: VerifyResult,
  rows: CaseRow[],
  byCase: Map<string, RecordEntryRow[]>,
  pubs: readonly PublicationStatusRow[],
  decided: readonly DecidedProposalRow[],
  partyRows: Map<string, PartyIdentityRow>,
): VerifyResult {
  const pubsByCase = new Map<string, PublicationStatusRow[]>();
  for (const p of pubs) pubsByCase.set(p.caseId, [...(pubsByCase.get(p.caseId) ?? []), p]);
  const decidedById = new Map(decided.map((p) => [p.id, p]));
  const fault = (caseId: string, field: string, message: string): VerifyResult => ({
    ...result,
    ok: false,
    firstBad: { caseId, problem: 'PROJECTION_MISMATCH', field, message },
  });
  for (const row of rows) {
    const entries = byCase.get(row.id) ?? [];
    const m = caseRowMismatch(row, projectCase(entries));
    if (m) return fault(row.id, m.field, m.message);
    const party = partyMismatch(row.id, entries, partyRows.get(row.partyId));
    if (party) return fault(row.id, party.field, party.message);
    const dm = decisionHashMismatch(row.id, entries, (row.decisionProposalId ? decidedById.get(row.decisionProposalId) : undefined) ?? null);
    if (dm) return fault(row.id, dm.field, dm.message);
    const pm = publicationMismatch(row.id, pubsByCase.get(row.id) ?? [], projectPublications(entries));
    if (pm) return fault(row.id, pm.field, pm.message);
    const tm = publicationTextMismatch(row.id, pubsByCase.get(row.id) ?? [], projectPublicationText(entries));
    if (tm) return fault(row.id, tm.field, tm.message);
  }
  const caseIds = new Set(rows.map((r) => r.id));
  for (const [caseId, list] of pubsByCase) {
    if (caseIds.has(caseId)) continue;
    const pm = publicationMismatch(caseId, list, projectPublications(byCase.get(caseId) ?? []));
    if (pm) return fault(caseId, pm.field, pm.message);
  }
  return result;
}
