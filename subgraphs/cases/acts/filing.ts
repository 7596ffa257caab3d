// Filing (立案): the first act of every case.
// Enforces: 行政处罚法 Art. 20 (an entrusted organisation acts only within its entrustment, in the entrusting agency's
// name, and never for coercive measures — 行政强制法 Art. 17); Art. 42/55 with R2 (at least two officers with credentials
// valid on the filing date for the item's enforcement area); R10 / Art. 60 (the decision due date, fixed at filing from
// the pinned power item version); facts decide the case type and procedure (issue 13, domain/facts.ts); the late-entry
// rule for the stated filing date (two times); party identifiers (DOMAIN.md §6, domain/party.ts); one number series per
// agency and case type.
import { badInput } from '../../../kernel/errors.js';
import type { Caller } from '../../../kernel/identity.js';
import { newId } from '../../../kernel/ids.js';
import { statedDate } from '../domain/dates.js';
import { checkProcedure, decisionDue, deriveCaseType } from '../domain/facts.js';
import { formatCaseNumber, numberFormatFor, parseParty, type PartyInput } from '../domain/party.js';
import type { CaseType, Confidentiality, PartyKind, ProcedureKind } from '../domain/types.js';
import type { AgencyFacts, PowerItemFacts } from '../powers-facts.js';
import type { CaseRow, PartyRow } from '../repo.js';
import { partyIdentityHash } from '../integrity.js';
import type { ActDeps } from './deps.js';
import { actor, agencyFacts, assertActs, idempotencyOf, idempotent, requireOfficers, sameRequest, today, tx } from './mechanics.js';

export interface FileCaseArgs {
  agencyId: string;
  /** Optional: derived from the power item's category; a contradicting label is refused. */
  caseType?: CaseType | null;
  procedure: ProcedureKind;
  powerItemCode: string;
  party: PartyInput;
  officerIds: string[];
  source: { kind: string; reference?: string | null };
  factsSummary: string;
  confidentiality?: Confidentiality | null;
  filedOn?: string | null;
  lateEntryReason?: string | null;
  idempotencyKey?: string | null;
}

/** Art. 20: an entrusted organisation acts only on its entrusting agency's entrusted items, in that agency's name. */
async function agencyInWhoseName(
  d: ActDeps,
  agency: AgencyFacts,
  item: PowerItemFacts,
  a: FileCaseArgs,
  filedOn: string,
  caseType: CaseType,
  requestId?: string,
): Promise<AgencyFacts> {
  if (item.agencyId !== a.agencyId) {
    const e = agency.entrustment;
    if (agency.kind !== 'ENTRUSTED' || !e || e.entrustingAgencyId !== item.agencyId) {
      throw badInput('powerItemCode', `权力事项 ${a.powerItemCode} 不属于该执法主体，也不在其受委托的范围内`);
    }
    if (!e.powerItemCodes.includes(item.code))
      throw badInput('powerItemCode', `权力事项 ${item.code} 不在委托书 ${e.documentNumber} 载明的委托事项内（行政处罚法第二十条）`);
    if (filedOn < e.validFrom || filedOn > e.validUntil) {
      throw badInput('filedOn', `立案日期 ${filedOn} 不在委托期限（${e.validFrom} 至 ${e.validUntil}）内（行政处罚法第二十条第二款）`);
    }
    if (caseType !== 'PENALTY') throw badInput('powerItemCode', '受委托组织只能实施行政处罚；行政强制措施权不得委托（行政强制法第十七条）');
    return agencyFacts(d, item.agencyId, requestId);
  } else if (agency.kind === 'ENTRUSTED') {
    throw badInput('agencyId', '受委托组织只能在委托范围内以委托行政机关名义实施行政处罚（行政处罚法第二十条第四款），不能以自己的名义立案');
  }
  return agency;
}

/** The new case row: FILED, version 1, nothing decided yet. */
function newCaseRow(
  caller: Caller,
  a: FileCaseArgs,
  f: {
    nameAgency: AgencyFacts;
    item: PowerItemFacts;
    caseType: CaseType;
    party: PartyRow;
    facts: string;
    filedOn: string;
    year: number;
    seq: number;
    due: ReturnType<typeof decisionDue>;
    idem: string | null;
    fingerprint: string | null;
    now: Date;
  },
): CaseRow {
  const { nameAgency, item, caseType, due, now } = f;
  return {
    id: newId(),
    agencyId: a.agencyId,
    inNameOfAgencyId: nameAgency.id === a.agencyId ? null : nameAgency.id,
    caseNumber: formatCaseNumber(numberFormatFor(nameAgency.policy, caseType), f.year, f.seq),
    numberSeries: `${nameAgency.id}:${caseType}`,
    caseYear: f.year,
    caseSeq: f.seq,
    caseType,
    procedure: a.procedure,
    powerItemCode: item.code,
    powerItemVersionId: item.id,
    powerItemVersionNo: item.versionNo,
    enforcementArea: item.enforcementArea,
    partyId: f.party.id,
    partyUscc: f.party.uscc,
    handlingOfficerIds: [...new Set(a.officerIds)],
    source: { kind: a.source.kind as CaseRow['source']['kind'], reference: a.source.reference ?? null },
    sourceInspectionTaskId: a.source.kind === 'RANDOM_INSPECTION' ? (a.source.reference ?? null) : null,
    factsSummary: f.facts,
    confidentiality: a.confidentiality ?? null,
    state: 'FILED',
    filedOn: f.filedOn,
    decisionDueOn: due.date,
    decisionDueConfirmed: due.date ? due.confirmed : null,
    decidedOn: null,
    decisionProposalId: null,
    decisionReviewId: null,
    partyPresentAtDecision: null,
    serviceDueOn: null,
    serviceDueConfirmed: null,
    servedOn: null,
    serviceRecordedOn: null,
    closedOn: null,
    archivedOn: null,
    retentionYears: null,
    retentionUntil: null,
    measureEndsOn: null,
    measureExtendedTo: null,
    measureLiftedOn: null,
    decisionChangeKind: null,
    decisionChangedOn: null,
    version: 1,
    idempotencyKey: f.idem,
    idempotencyFingerprint: f.fingerprint,
    createdBy: actor(caller),
    createdAt: now,
    updatedAt: now,
  };
}

export async function fileCase(d: ActDeps, caller: Caller, a: FileCaseArgs, requestId?: string): Promise<CaseRow> {
  const { repo, powers, calendar } = d;
  assertActs(caller, a, ['OFFICER']);
  const { idem, fingerprint } = idempotencyOf(caller, a);
  if (idem) {
    const previous = await repo.caseByIdempotencyKey(idem);
    if (previous) return sameRequest(previous, fingerprint);
  }
  const facts = a.factsSummary.trim();
  if (!facts) throw badInput('factsSummary', '须简要说明案件事实');
  if (a.source.kind === 'RANDOM_INSPECTION' && !a.source.reference) throw badInput('source.reference', '来源为双随机抽查时须填写抽查任务 ID');
  const agency = await powers.agency(a.agencyId, requestId);
  if (!agency) throw badInput('agencyId', `执法主体 ${a.agencyId} 不存在`);
  const filed = statedDate(a.filedOn, a.lateEntryReason, { today: today(d), lateEntryWorkingDays: agency.policy.lateEntryWorkingDays, calendar }, 'filedOn');
  const filedOn = filed.on;
  const item = await powers.powerItem(a.powerItemCode, requestId);
  if (!item || item.status !== 'PUBLISHED') throw badInput('powerItemCode', `权力事项 ${a.powerItemCode} 不存在或尚未公示`);
  // Facts decide: the item's category makes the case type; the procedure must fit it.
  const caseType = deriveCaseType(item.category, a.caseType);
  checkProcedure(caseType, a.procedure);
  const nameAgency = await agencyInWhoseName(d, agency, item, a, filedOn, caseType, requestId);

  const party = parseParty(a.party, filedOn);
  if (item.partyKinds.length && !item.partyKinds.includes(party.kind as PartyKind)) {
    throw badInput('party.kind', `权力事项“${item.name}”仅适用于 ${item.partyKinds.join('、')}，当事人类型 ${party.kind} 不适用`);
  }
  await requireOfficers(d, a.officerIds, filedOn, item.enforcementArea, a.agencyId, requestId);
  const due = decisionDue(caseType, filedOn, item.timeLimitWorkingDays, calendar);

  const year = Number(filedOn.slice(0, 4));
  const now = d.clock.now();
  return idempotent(
    idem,
    fingerprint,
    'cases_idem',
    () => repo.caseByIdempotencyKey(idem!),
    () =>
      tx(d, async (t) => {
        const seq = await repo.nextCaseSeq(t, nameAgency.id, caseType, year);
        const partyRow: PartyRow = { ...party, id: newId(), createdAt: now };
        await repo.insertParty(t, partyRow);
        const row = newCaseRow(caller, a, { nameAgency, item, caseType, party: partyRow, facts, filedOn, year, seq, due, idem, fingerprint, now });
        await repo.insertCase(t, row);
        await d.append(t, {
          caseId: row.id,
          kind: 'TRANSITION',
          stage: 'INITIATION',
          actor: actor(caller),
          payload: {
            action: 'file',
            from: null,
            to: 'FILED',
            on: filedOn,
            lateEntryReason: filed.lateEntryReason,
            caseNumber: row.caseNumber,
            caseType,
            procedure: a.procedure,
            agencyId: a.agencyId,
            party: { id: partyRow.id, kind: partyRow.kind, identity: partyIdentityHash(partyRow) },
            inNameOfAgencyId: row.inNameOfAgencyId,
            decisionDue: due,
            powerItem: { code: item.code, versionId: item.id, versionNo: item.versionNo },
            officerIds: row.handlingOfficerIds,
            source: row.source,
          },
        });
        return row;
      }),
  );
}
