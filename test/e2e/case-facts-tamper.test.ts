import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withServerConnection } from '../../kernel/db.js';
import { verifyRecords } from '../../subgraphs/cases/records/log.js';
import { allPass, gqlOk, notifiedBureauCase } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 25 (part A, point 4): every fact the filing entry logs is checked against its row — handlers, the decision
// due date, the party's name and ID number — and a case row deleted while its log stays is a fault. On main these
// edits passed as intact (the projection covered state, numbers and the decision only).

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { id state } }`;
type Err = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
});
afterAll(() => sys?.stop());

/** As the cases service account (`<prefix>_cases_svc`). */
const svc = (q: string, params: unknown[] = []) => sys.casesDb.pool.query(q, params);
const rootExec = (q: string, params: unknown[] = []) =>
  withServerConnection(sys.config.databaseUrl, async (c) => {
    await c.query(`USE \`${sys.config.databaseName('cases')}\``);
    return c.query(q, params);
  });
const verify = () => verifyRecords(sys.casesDb.orm, { keyDir: sys.config.keyDir, dbName: sys.config.databaseName('cases') });
const row = async (id: string) =>
  (
    (await svc('SELECT version, handling_officer_ids AS h, decision_due_on AS due, party_id AS partyId FROM cases WHERE id = ?', [id]))[0] as {
      version: number;
      h: string;
      due: string;
      partyId: string;
    }[]
  )[0]!;
const decide = async (c: { id: string; proposal: { id: string } }) =>
  sys.gql(
    DECIDE,
    { input: { caseId: c.id, proposalId: c.proposal.id, version: (await row(c.id)).version, decidedOn: TODAY, partyPresent: true } },
    await sys.token('PRINCIPAL', BUREAU, 'principal-wang'),
  ) as Promise<Err>;

describe('issue 25: every logged fact against its row', () => {
  it('a handler added by the cases service account: the decision is refused and verify-records names the handlers', async () => {
    const c = await notifiedBureauCase(sys);
    expect((await verify()).ok).toBe(true);
    const before = await row(c.id);
    const officers = [...(JSON.parse(before.h) as string[]), sys.officerId('officer-chen')];
    await svc('UPDATE cases SET handling_officer_ids = ? WHERE id = ?', [JSON.stringify(officers), c.id]);
    const refused = await decide(c);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', field: 'handlingOfficerIds' });
    const v = await verify();
    expect(v.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'handlingOfficerIds' });
    await svc('UPDATE cases SET handling_officer_ids = ? WHERE id = ?', [before.h, c.id]);
    expect((await verify()).ok).toBe(true);
  });

  it("a handler added by the cases service account does not see the party's ID number, phone or address (R16 from the verified filing): masked, alarmed", async () => {
    const c = await notifiedBureauCase(sys);
    const PARTY = `query($id: ID!) { case(id: $id) { party { name residentIdNumber phone address } records(stage: INITIATION) { kind payload } } }`;
    const chen = await sys.token('OFFICER', BUREAU, 'officer-chen');
    const party = async (tok: string) => ((await sys.gql(PARTY, { id: c.id }, tok)).data as { case: { party: Record<string, string | null> } }).case.party;
    // Not a handler: masked, as before any tampering.
    expect((await party(chen)).residentIdNumber).toBeNull();
    const before = await row(c.id);
    await svc('UPDATE cases SET handling_officer_ids = ? WHERE id = ?', [
      JSON.stringify([...(JSON.parse(before.h) as string[]), sys.officerId('officer-chen')]),
      c.id,
    ]);
    const alarmsBefore = sys.logLines.filter((l) => (l.integrityAlarm as { caseId?: string } | undefined)?.caseId === c.id).length;
    // On main the added officer read 11010519491231002X, the address (and the phone): the row alone decided.
    const seen = await party(chen);
    expect(seen).toMatchObject({ name: '李四', residentIdNumber: null, phone: null, address: null });
    const alarms = sys.logLines.filter((l) => (l.integrityAlarm as { caseId?: string } | undefined)?.caseId === c.id).slice(alarmsBefore);
    expect(alarms.map((l) => l.integrityAlarm)).toContainEqual(expect.objectContaining({ kind: 'CASE_ROW', problem: 'handlingOfficerIds' }));
    // A handler the filing logged still sees it (the check narrows, it does not mask the case for everyone).
    expect((await party(c.tok)).residentIdNumber).toBe('11010519491231002X');
    await svc('UPDATE cases SET handling_officer_ids = ? WHERE id = ?', [before.h, c.id]);
  });

  it('the decision due date edited by root: refused before the decision and reported', async () => {
    const c = await notifiedBureauCase(sys);
    const before = await row(c.id);
    await rootExec("UPDATE cases SET decision_due_on = '2027-12-31' WHERE id = ?", [c.id]);
    expect((await decide(c)).errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', field: 'decisionDueOn' });
    expect((await verify()).firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'decisionDueOn' });
    await rootExec('UPDATE cases SET decision_due_on = ? WHERE id = ?', [before.due, c.id]);
    expect((await verify()).ok).toBe(true);
  });

  it("the party's name or ID number edited by root: verify-records names the party's identity", async () => {
    const c = await notifiedBureauCase(sys);
    const { partyId } = await row(c.id);
    const [[p]] = (await svc('SELECT name, resident_id AS rid FROM parties WHERE id = ?', [partyId])) as unknown as [{ name: string; rid: string }[]];
    await rootExec("UPDATE parties SET name = '王五' WHERE id = ?", [partyId]);
    expect((await verify()).firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'party.identity' });
    await rootExec("UPDATE parties SET name = ?, resident_id = '110105194912310021' WHERE id = ?", [p!.name, partyId]);
    expect((await verify()).firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'party.identity' });
    await rootExec('UPDATE parties SET resident_id = ? WHERE id = ?', [p!.rid, partyId]);
    expect((await verify()).ok).toBe(true);
  });

  it('a filed case deleted by the cases service account: verify-records reports a log without its case row', async () => {
    const c = await notifiedBureauCase(sys);
    const [saved] = (await svc('SELECT * FROM cases WHERE id = ?', [c.id]))[0] as Record<string, unknown>[];
    await svc('DELETE FROM cases WHERE id = ?', [c.id]);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'case' });
    const perCase = await verifyRecords(sys.casesDb.orm, { keyDir: sys.config.keyDir, dbName: sys.config.databaseName('cases'), caseId: c.id });
    expect(perCase.firstBad).toMatchObject({ field: 'case' });
    const cols = Object.keys(saved!);
    await rootExec(
      `INSERT INTO cases (${cols.map((k) => `\`${k}\``).join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
      cols.map((k) => saved![k]),
    );
    expect((await verify()).ok).toBe(true);
  });

  it('a publication snapshot edited by root (罚款 22 元 for a larger fine): the page and the 双公示 export refuse it, the alarm fires, verify-records names it', async () => {
    const c = await notifiedBureauCase(sys);
    const reviewerTok = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
    const review = (await gqlOk(
      sys,
      `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version } }`,
      { input: { caseId: c.id, proposalId: c.proposal.id, materials: ['案卷'], handlerStatement: '真实完整', reviewerId: sys.officerId('reviewer-zhang') } },
      c.tok,
    )) as { id: string; version: number };
    await gqlOk(
      sys,
      `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id } }`,
      { id: review.id, input: { version: review.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意' } },
      reviewerTok,
    );
    expect((await decide(c)).errors).toBeUndefined();
    const [[pub]] = (await svc('SELECT id, status, version FROM publications WHERE case_id = ?', [c.id])) as unknown as [
      { id: string; status: string; version: number }[],
    ];
    if (pub!.status === 'PENDING') {
      await gqlOk(
        sys,
        `mutation($input: PublicationActionInput!) { publishDecision(input: $input) { id status } }`,
        { input: { id: pub!.id, version: pub!.version } },
        reviewerTok,
      );
    }
    const PAGE = `query($id: ID!) { publication(id: $id) { id content { decisionNumber } } }`;
    const EXPORT = `query { creditPublicityExport(first: 1000) { records { __typename } } }`;
    const supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
    expect((await sys.gql(PAGE, { id: pub!.id })).data!.publication.content).not.toBeNull();
    expect((await sys.gql(EXPORT, {}, supervisor)).errors).toBeUndefined();

    await rootExec("UPDATE publications SET snapshot = JSON_SET(snapshot, '$.decision.fineAmount', '22') WHERE id = ?", [pub!.id]);
    const alarmsBefore = sys.logLines.filter((l) => (l.integrityAlarm as { kind?: string } | undefined)?.kind === 'PUBLICATION').length;
    const page = (await sys.gql(PAGE, { id: pub!.id })) as Err & { data?: { publication: { content: unknown } | null } };
    expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', integrity: 'PUBLICATION_TEXT' });
    expect(page.data?.publication?.content ?? null).toBeNull();
    const exported = (await sys.gql(EXPORT, {}, supervisor)) as Err;
    expect(exported.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', integrity: 'PUBLICATION_TEXT' });
    expect(sys.logLines.filter((l) => (l.integrityAlarm as { kind?: string } | undefined)?.kind === 'PUBLICATION').length).toBeGreaterThan(alarmsBefore);
    expect((await verify()).firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'publication.snapshot' });
  });
});
