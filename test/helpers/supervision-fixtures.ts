import { newId } from '../../kernel/ids.js';
import { appendEntry } from '../../kernel/records/log.js';
import { cases, parties, proposals, publications, reliefProceedings } from '../../subgraphs/cases/db/schema.js';
import type { CaseRow, ProposalRow, PublicationRow, ReliefRow } from '../../subgraphs/cases/db/schema.js';
import type { TestSystem } from './system.js';

// Rows built to trigger (or not) the supervision problem models (issue 30). Cases are written as rows, as their
// projections stand after the workflow; record entries go through the record log's own append (valid chains and MACs).

const at = (date: string, minutes = 0) => new Date(Date.parse(`${date}T09:00:00+08:00`) + minutes * 60_000);

export function fixtures(sys: TestSystem) {
  const orm = sys.casesDb.orm;
  let seq = 0;

  async function party(uscc: string | null = null): Promise<string> {
    const id = newId();
    await orm.insert(parties).values({ id, kind: 'LEGAL_PERSON', name: `测试当事人${id.slice(-4)}`, uscc, createdAt: new Date() });
    return id;
  }

  async function kase(
    o: Partial<CaseRow> & { agencyId: string },
    proposal?: Partial<ProposalRow['content']> & { checks?: Partial<ProposalRow['checks']> },
  ): Promise<CaseRow> {
    seq += 1;
    const id = newId();
    const partyId = o.partyId ?? (await party(o.partyUscc ?? null));
    const proposalId = proposal ? newId() : null;
    const row: CaseRow = {
      id,
      inNameOfAgencyId: null,
      caseNumber: `测试〔2026〕${seq}号`,
      numberSeries: `${o.agencyId}:T${seq}`,
      caseYear: 2026,
      caseSeq: seq,
      caseType: 'PENALTY',
      procedure: 'GENERAL',
      powerItemCode: 'P-TEST',
      powerItemVersionId: newId(),
      powerItemVersionNo: 1,
      enforcementArea: '城市管理综合执法',
      partyId,
      partyUscc: null,
      handlingOfficerIds: ['o-a', 'o-b'],
      source: { kind: 'OTHER', reference: null } as never,
      sourceInspectionTaskId: null,
      factsSummary: '测试案件',
      confidentiality: null,
      state: proposal ? 'DECIDED' : 'INVESTIGATING',
      filedOn: '2026-03-02',
      decisionDueOn: '2026-05-31',
      decisionDueConfirmed: true,
      decidedOn: proposal ? '2026-05-01' : null,
      decisionProposalId: proposalId,
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
      idempotencyKey: null,
      idempotencyFingerprint: null,
      createdBy: 'fixture',
      createdAt: new Date(),
      updatedAt: new Date(),
      ...o,
    };
    await orm.insert(cases).values(row);
    if (proposal && proposalId) {
      const { checks, ...content } = proposal;
      await orm.insert(proposals).values({
        id: proposalId,
        caseId: id,
        content: {
          outcome: 'PENALTY',
          penaltyTypes: ['FINE'],
          fineAmount: '1000',
          confiscationAmount: null,
          discretionTier: 'ORDINARY',
          legalBasis: [],
          hearingHeld: false,
          reasoning: '测试',
          outsideRangeReason: null,
          reviewFlags: [],
          ...content,
        } as ProposalRow['content'],
        contentHash: '0'.repeat(64),
        fineAmount: content.fineAmount === undefined ? '1000' : content.fineAmount,
        checks: { fineWithinBenchmark: null, benchmarkRange: null, notes: [], ...checks } as ProposalRow['checks'],
        reviewRequired: false,
        reviewReasons: [],
        createdBy: 'fixture',
        createdAt: new Date(),
      });
    }
    return row;
  }

  const entry = (caseId: string, kind: string, payload: Record<string, unknown>, actor: string, recordedAt: Date, stage = 'INVESTIGATION') =>
    appendEntry(orm, { caseId, kind, stage, payload, actor, recordedAt });

  async function publication(c: CaseRow, o: Partial<PublicationRow>): Promise<void> {
    await orm.insert(publications).values({
      id: newId(),
      caseId: c.id,
      agencyId: c.agencyId,
      status: 'PENDING',
      category: 'PENALTY',
      caseType: c.caseType,
      partyName: '测试当事人',
      partyUscc: null,
      snapshot: {} as never,
      decisionDate: c.decidedOn ?? '2026-05-01',
      dueOn: '2026-05-12',
      dueConfirmed: true,
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
      ...o,
    });
  }

  async function relief(c: CaseRow, outcome: string, outcomeOn = '2026-08-01'): Promise<void> {
    const row: ReliefRow = {
      id: newId(),
      caseId: c.id,
      agencyId: c.agencyId,
      caseType: c.caseType,
      kind: 'ADMINISTRATIVE_RECONSIDERATION',
      organ: '测试复议机关',
      receivedOn: '2026-06-01',
      documentNumber: null,
      outcome,
      outcomeOn,
      outcomeReason: '测试',
      outcomeDocumentNumber: null,
      correction: null,
      recordedBy: 'fixture',
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await orm.insert(reliefProceedings).values(row);
  }

  return { party, kase, entry, publication, relief, at };
}
export type Fixtures = ReturnType<typeof fixtures>;
