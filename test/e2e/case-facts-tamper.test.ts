import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withServerConnection } from '../../kernel/db.js';
import { verifyRecords } from '../../subgraphs/cases/records/log.js';
import { notifiedBureauCase } from '../helpers/scenarios.js';
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
});
