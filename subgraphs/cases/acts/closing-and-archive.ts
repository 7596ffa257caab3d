// Closing (结案) and archiving (归档) the case file.
// Enforces: a decision that needs execution is executed before closing, and a revoked decision not yet carried out
// ends the case without it (执行终止, R14); 行政强制法 Art. 27, 28 (no closing while a seizure is neither lifted nor
// decided on); R18 (archiving refuses with RECORD_INCOMPLETE listing every missing item — each stage's records, the
// required documents, AV records for the agency's list of activities, the publication done or exempt — judged on
// verified entries only, R17; records after closing count only as supplements with a reason); 档案法 and the agency's
// retention setting (the retention period by case type and procedure, domain/retention.ts). Dates are the recorded dates.
import { AppError, invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import type { RecordEntryRow } from '../db/schema.js';
import { recordedDate } from '../domain/dates.js';
import { eventsOf, parsePayload, transitionedTo } from '../domain/entries.js';
import { recordedBeforeItsAct } from '../domain/act-order.js';
import { retentionFor } from '../domain/retention.js';
import { assertCanDo, missingForArchive, needsExecution } from '../domain/rules.js';
import type { CaseState, CaseType, ProcedureKind } from '../domain/types.js';
import type { CaseRow } from '../repo.js';
import { haltsDecision } from '../revocation.js';
import type { ActDeps } from './deps.js';
import { agencyFacts, caseToActOn, decidedProposal, lockForAct, today, transition, tx, verifiedEntriesOf } from './mechanics.js';

export async function close(d: ActDeps, caller: Caller, a: { caseId: string; version: number; on?: string | null; note?: string | null }): Promise<CaseRow> {
  const on = recordedDate(a.on, today(d), 'on', '结案');
  return tx(d, async (t) => {
    const c = await lockForAct(d, t, caller, a.caseId, a.version);
    const halted = haltsDecision(c.decisionChangeKind);
    // A decision revoked before it was carried out ends the case without execution (执行终止).
    if (!(halted && (c.state === 'DECIDED' || c.state === 'SERVED'))) assertCanDo('close', c.state as CaseState, c.procedure as ProcedureKind);
    const proposal = await decidedProposal(d, c);
    if (!halted && c.state === 'SERVED' && proposal && needsExecution(proposal.content)) {
      throw invalidState('该决定须执行完毕后方可结案', { state: c.state });
    }
    if (c.measureEndsOn && !c.measureLiftedOn) {
      throw invalidState('查封、扣押尚未解除或作出处理决定，不能结案（行政强制法第二十七条、第二十八条）', {
        measureEndsOn: c.measureExtendedTo ?? c.measureEndsOn,
      });
    }
    return transition(d, t, c, 'CLOSED', caller, 'close', { closedOn: on }, on, 'ARCHIVING', a.note);
  });
}

/** The file's records as R18 reads them: documents, AV records and opinions, and whether each came after closing. */
export function archiveFacts(entries: RecordEntryRow[]) {
  const closedAt = [...entries].reverse().find((e) => e.kind === 'TRANSITION' && parsePayload<{ to: string }>(e).to === 'CLOSED')?.recordedAt ?? null;
  // R18 order of acts (issue 26): a document recorded before the act it records does not count.
  const early = recordedBeforeItsAct(
    entries.map((e) => {
      const p = parsePayload<{ to?: string; documentType?: string }>(e);
      return { kind: e.kind, to: e.kind === 'TRANSITION' ? (p.to ?? null) : null, documentType: e.kind === 'TEXT_RECORD' ? (p.documentType ?? null) : null };
    }),
  );
  const beforeItsAct = new Set(entries.filter((_, i) => early[i]).map((e) => e.id));
  return entries
    .filter((e) => e.kind === 'TEXT_RECORD' || e.kind === 'AV_RECORD' || e.kind === 'REVIEW_OPINION')
    .map((e) => {
      const p = parsePayload<{
        documentType?: string;
        activity?: string;
        documentNumber?: string | null;
        contentHash?: string | null;
        sha256?: string | null;
        supplementReason?: string | null;
      }>(e);
      return {
        id: e.id,
        kind: e.kind,
        stage: e.stage,
        documentType: p.documentType ?? null,
        activity: p.activity ?? null,
        documentNumber: p.documentNumber ?? null,
        contentHash: p.contentHash ?? null,
        sha256: p.sha256 ?? null,
        afterClosing: !!closedAt && e.recordedAt > closedAt,
        beforeItsAct: beforeItsAct.has(e.id),
        supplementReason: p.supplementReason ?? null,
      };
    });
}

/** R18: refuses with RECORD_INCOMPLETE listing every missing item; sets the retention period by case type. */
export async function archive(d: ActDeps, caller: Caller, a: { caseId: string; version: number; on?: string | null }, requestId?: string): Promise<CaseRow> {
  const on = recordedDate(a.on, today(d), 'on', '归档');
  const pre = await caseToActOn(d, caller, a.caseId);
  const [avActivities, agency] = await Promise.all([d.powers.avActivities(pre.agencyId, requestId), agencyFacts(d, pre.agencyId, requestId)]);
  return tx(d, async (t) => {
    const c = await d.repo.lockCase(t, a.caseId, a.version);
    assertCanDo('archive', c.state as CaseState, c.procedure as ProcedureKind);
    // R18 completeness is judged on verified entries only (a row inserted by SQL does not complete a file).
    const entries = await verifiedEntriesOf(d, c, '归档');
    const proposal = await decidedProposal(d, c);
    const events = eventsOf(entries);
    const facts = archiveFacts(entries);
    const missing = missingForArchive({
      procedure: c.procedure as ProcedureKind,
      caseType: c.caseType as CaseType,
      outcome: proposal?.content.outcome ?? null,
      executed: transitionedTo(entries, 'EXECUTED'),
      hearingHeld: events.some((e) => e.eventKind === 'HEARING_HELD'),
      reviewed: transitionedTo(entries, 'UNDER_REVIEW'),
      entries: facts,
      events: events.map((e) => ({ kind: e.eventKind, serviceMethod: e.serviceMethod })),
      avActivities,
      publicationStatus: (await d.repo.publicationsByCaseIds([c.id]))[0]?.status ?? null,
    });
    if (missing.length) {
      throw new AppError('RECORD_INCOMPLETE', `案卷不完整，不能归档（共 ${missing.length} 项）：${missing.join('；')}`, { missing });
    }
    const retention = retentionFor(agency.policy.retention, c.caseType as CaseType, c.procedure as ProcedureKind, on);
    const supplements = facts.filter((f) => f.afterClosing && f.supplementReason).map((f) => ({ entryId: f.id, reason: f.supplementReason }));
    return transition(
      d,
      t,
      c,
      'ARCHIVED',
      caller,
      'archive',
      { archivedOn: on, retentionYears: retention.years, retentionUntil: retention.until },
      on,
      'ARCHIVING',
      null,
      { retention, supplements },
    );
  });
}
