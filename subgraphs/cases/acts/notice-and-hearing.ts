// Events of the investigation (recordEvent): credential shown, rights notice (告知), hearing requested / waived / held,
// and other field events.
// Enforces: R3 / 行政处罚法 Art. 52, 55 (credential shown is recorded, by officers valid on the day — R2); R4 / Art. 44,
// 62 (the rights notice is a document — number, date, content hash — bound to exactly the latest proposal; a new
// notice opens a new hearing window until review); Art. 63, 64 (a hearing request moves the case to HEARING; a waiver
// may be recorded after notice, also to withdraw a request; a hearing is held only after one was requested). Whether
// the decision may follow (5-working-day window, waiver, hearing held) is checked at the decision (decision.ts, R4).
// Service of the decision is not an event here: see service-and-payment.ts.
import { badInput, invalidState } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import { beijingDate } from '../../../kernel/clock.js';
import type { StatedDate } from '../domain/dates.js';
import { earliestOf } from '../domain/stated-order.js';
import { checkDocumentText, parseDocumentNumber, parseSha256, sha256Of } from '../domain/documents.js';
import { personalFieldsOf, type EventPayload } from '../domain/entries.js';
import { assertCanDo } from '../domain/rules.js';
import { reviewRoundConcluded } from '../domain/review-round.js';
import type { CaseState, CaseType, ProcedureKind } from '../domain/types.js';
import type { CaseRow, CasesTx } from '../repo.js';
import type { ActDeps } from './deps.js';
import { actor, caseToActOn, entriesOf, requireOfficers, stated, transition, tx } from './mechanics.js';

export interface RecordEventArgs {
  caseId: string;
  kind: string;
  occurredOn: string;
  officerIds?: string[] | null;
  location?: string | null;
  serviceMethod?: string | null;
  note?: string | null;
  lateEntryReason?: string | null;
  rightsNotice?: { proposalId: string; documentNumber?: string | null; content: string; contentSha256?: string | null } | null;
  /** HEARING_WAIVED: the party's written waiver (or withdrawal of a request), a document (issue 26). */
  hearingWaiver?: { documentNumber?: string | null; content: string; contentSha256?: string | null } | null;
}

interface WaiverDocument {
  documentNumber: string | null;
  content: string;
  contentHash: string;
}

/**
 * Art. 64 / 行政许可法 Art. 47: a waiver of the hearing (or the withdrawal of a request) is the party's written
 * statement — a document with its number (general procedure), content and hash, not a bare event.
 */
function readWaiver(pre: CaseRow, a: RecordEventArgs): WaiverDocument | null {
  if (a.kind !== 'HEARING_WAIVED') {
    if (a.hearingWaiver) throw badInput('hearingWaiver', '只有放弃听证（HEARING_WAIVED）登记放弃听证的书面声明');
    return null;
  }
  const w = a.hearingWaiver;
  if (!w) throw badInput('hearingWaiver', '放弃听证（或撤回听证申请）须登记当事人的书面声明：文书编号和内容（行政处罚法第六十四条）');
  const documentNumber = parseDocumentNumber(w.documentNumber, 'HEARING_WAIVER', pre.procedure === 'GENERAL');
  if (!w.content?.trim()) throw badInput('hearingWaiver.content', '须载明当事人放弃听证的书面声明内容');
  checkDocumentText(w.content, 'hearingWaiver.content');
  return {
    documentNumber,
    content: w.content.trim(),
    contentHash: w.contentSha256 ? parseSha256(w.contentSha256, 'hearingWaiver.contentSha256') : sha256Of(w.content.trim()),
  };
}

interface RightsNotice {
  proposalId: string;
  documentNumber: string | null;
  content: string;
  contentHash: string;
}

/** R4 is bound to a proposal: the notice is a document (number, date, content hash) naming what it told the party. */
function readRightsNotice(pre: CaseRow, a: RecordEventArgs): RightsNotice | null {
  if (a.kind !== 'RIGHTS_NOTIFIED') {
    if (a.rightsNotice) throw badInput('rightsNotice', '只有告知（RIGHTS_NOTIFIED）登记告知书');
    return null;
  }
  const n = a.rightsNotice;
  if (!n) throw badInput('rightsNotice', '告知须登记告知书：所告知的决定建议、文书编号和内容（行政处罚法第四十四条）');
  const general = pre.procedure === 'GENERAL';
  const documentNumber = parseDocumentNumber(n.documentNumber, 'RIGHTS_NOTICE', general);
  if (!n.content?.trim()) throw badInput('rightsNotice.content', '须载明告知的处罚内容及事实、理由、依据和当事人的权利');
  checkDocumentText(n.content, 'rightsNotice.content');
  return {
    proposalId: n.proposalId,
    documentNumber,
    content: n.content.trim(),
    contentHash: n.contentSha256 ? parseSha256(n.contentSha256, 'rightsNotice.contentSha256') : sha256Of(n.content.trim()),
  };
}

/** Under the case lock: the notice document entry, bound to the latest proposal; the case becomes NOTIFIED. */
async function registerRightsNotice(
  d: ActDeps,
  t: CasesTx,
  c: CaseRow,
  caller: Caller,
  a: RecordEventArgs,
  notice: RightsNotice,
  occurred: StatedDate,
  payload: EventPayload,
): Promise<CaseRow> {
  const procedure = c.procedure as ProcedureKind;
  const state = c.state as CaseState;
  const all = await d.repo.proposalsByCaseIds([c.id]);
  const proposal = all.find((p) => p.id === notice.proposalId);
  if (!proposal) throw badInput('rightsNotice.proposalId', `决定建议 ${notice.proposalId} 不属于该案件`);
  if (all.at(-1)!.id !== proposal.id) throw invalidState('只能就最新的决定建议告知', { latestProposalId: all.at(-1)!.id });
  // A new notice (e.g. for a heavier proposal) is allowed again until review: it opens a new hearing window. Under
  // review, once the round is concluded (issue 26: a new proposal after an APPROVED round), the case goes back to
  // NOTIFIED with the new notice.
  const renotify = procedure === 'GENERAL' && (state === 'NOTIFIED' || state === 'HEARING');
  const reviewConcluded = state === 'UNDER_REVIEW' && reviewRoundConcluded(await entriesOf(d, c.id));
  if (!renotify) assertCanDo('notify', state, procedure, c.caseType as CaseType, { reviewConcluded });
  await d.append(t, {
    caseId: c.id,
    kind: 'TEXT_RECORD',
    stage: 'INVESTIGATION',
    actor: actor(caller),
    payload: {
      documentType: 'RIGHTS_NOTICE',
      title: procedure === 'SIMPLE' ? '当场告知' : '行政处罚告知书',
      documentNumber: notice.documentNumber,
      contentHash: notice.contentHash,
      content: notice.content,
      secretReference: null,
      confidentiality: c.confidentiality ?? null,
      officerIds: a.officerIds ?? [],
      activity: null,
      occurredOn: occurred.on,
      lateEntryReason: occurred.lateEntryReason,
      supplementReason: null,
      proposalId: proposal.id,
      proposalHash: proposal.contentHash,
    },
  });
  payload.proposalId = proposal.id;
  payload.notice = { documentNumber: notice.documentNumber, contentHash: notice.contentHash, proposalHash: proposal.contentHash };
  return state !== 'NOTIFIED' ? transition(d, t, c, 'NOTIFIED', caller, 'notify', {}, occurred.on, 'INVESTIGATION') : c;
}

export async function recordEvent(d: ActDeps, caller: Caller, a: RecordEventArgs, requestId?: string): Promise<CaseRow> {
  if (a.kind === 'SERVICE') throw badInput('kind', '送达请使用 serveDecision');
  const pre = await caseToActOn(d, caller, a.caseId);
  // A notice cannot precede the recorded creation of the proposal it tells the party about (issue 26).
  const noticed =
    a.kind === 'RIGHTS_NOTIFIED' && a.rightsNotice ? (await d.repo.proposalsByCaseIds([pre.id])).find((p) => p.id === a.rightsNotice!.proposalId) : undefined;
  const earliest = earliestOf([
    { date: pre.filedOn, what: '立案日期' },
    { date: noticed ? beijingDate(new Date(noticed.createdAt)) : null, what: '所告知的决定建议的提出日期' },
  ]);
  const occurred = await stated(d, pre, a.occurredOn, a.lateEntryReason, 'occurredOn', earliest, requestId);
  if (a.kind === 'CREDENTIAL_SHOWN') await requireOfficers(d, a.officerIds ?? [], occurred.on, pre.enforcementArea, pre.agencyId, requestId);
  else if (a.officerIds?.length) await requireOfficers(d, a.officerIds, occurred.on, pre.enforcementArea, pre.agencyId, requestId);
  const notice = readRightsNotice(pre, a);
  const waiver = readWaiver(pre, a);

  return tx(d, async (t) => {
    const c = await d.repo.lockCase(t, a.caseId);
    const procedure = c.procedure as ProcedureKind;
    const state = c.state as CaseState;
    const party = (await d.repo.partiesByIds([c.partyId]))[0] ?? null;
    const personalFields = personalFieldsOf(party, null, { location: a.location });
    const payload: EventPayload = {
      eventKind: a.kind,
      occurredOn: occurred.on,
      officerIds: a.officerIds ?? [],
      location: a.location ?? null,
      serviceMethod: null,
      note: a.note ?? null,
      lateEntryReason: occurred.lateEntryReason,
      ...(personalFields.length ? { personalFields } : {}),
    };
    const stageOf: Record<string, string> = {
      CREDENTIAL_SHOWN: state === 'FILED' ? 'INITIATION' : 'INVESTIGATION',
      RIGHTS_NOTIFIED: 'INVESTIGATION',
      HEARING_REQUESTED: 'INVESTIGATION',
      HEARING_WAIVED: 'INVESTIGATION',
      HEARING_HELD: 'INVESTIGATION',
    };
    let next = c;
    if (a.kind === 'RIGHTS_NOTIFIED') {
      next = await registerRightsNotice(d, t, c, caller, a, notice!, occurred, payload);
    } else if (a.kind === 'HEARING_REQUESTED') {
      assertCanDo('requestHearing', state, procedure);
      next = await transition(d, t, c, 'HEARING', caller, 'requestHearing', {}, occurred.on, 'INVESTIGATION');
    } else if (a.kind === 'HEARING_WAIVED') {
      // Also in HEARING: a party may withdraw a hearing request in writing.
      if (state !== 'NOTIFIED' && state !== 'HEARING') throw invalidState('只有在告知之后、决定之前可以记录当事人放弃听证', { state });
      await d.append(t, {
        caseId: c.id,
        kind: 'TEXT_RECORD',
        stage: 'INVESTIGATION',
        actor: actor(caller),
        payload: {
          documentType: 'HEARING_WAIVER',
          title: '放弃听证书面声明',
          documentNumber: waiver!.documentNumber,
          contentHash: waiver!.contentHash,
          content: waiver!.content,
          secretReference: null,
          confidentiality: c.confidentiality ?? null,
          officerIds: a.officerIds ?? [],
          activity: null,
          occurredOn: occurred.on,
          lateEntryReason: occurred.lateEntryReason,
          supplementReason: null,
        },
      });
      payload.waiver = { documentNumber: waiver!.documentNumber, contentHash: waiver!.contentHash };
    } else if (a.kind === 'HEARING_HELD') {
      if (state !== 'HEARING') throw invalidState('当事人要求听证后方可记录举行听证', { state });
    } else if (['ARCHIVED', 'CLOSED'].includes(state)) {
      throw invalidState('案件已结案，不能再记录执法事件', { state });
    }
    await d.append(t, { caseId: c.id, kind: 'EVENT', stage: stageOf[a.kind] ?? 'INVESTIGATION', actor: actor(caller), payload });
    return next;
  });
}
