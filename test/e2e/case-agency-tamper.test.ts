import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withServerConnection } from '../../kernel/db.js';
import { verifyRecords } from '../../subgraphs/cases/records/log.js';
import { BUREAU, gqlOk, notifiedBureauCase, SQUAD } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 25 (follow-up d, point 1): who may read or act on a case comes from its verified filing entry (agency,
// entrusting agency, handlers), not from the row's `agency_id`. On main a case moved to another agency by SQL was
// shown to that agency (case(id), its lists, its supervision drill-downs) and its officers could act on it.

const TODAY = '2026-11-20';
type Err = { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: any };

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
});
afterAll(() => sys?.stop());

/** As the cases service account (`<prefix>_cases_svc`). */
const svc = (q: string, params: unknown[] = []) => sys.casesDb.pool.query(q, params);
/** As root on the cases database (a DBA). */
const rootExec = (q: string, params: unknown[] = []) =>
  withServerConnection(sys.config.databaseUrl, async (conn) => {
    await conn.query(`USE \`${sys.config.databaseName('cases')}\``);
    return conn.query(q, params);
  });
const moveTo = (caseId: string, agencyKey: string) => svc('UPDATE cases SET agency_id = ? WHERE id = ?', [sys.agencyId(agencyKey), caseId]);
const verify = () => verifyRecords(sys.casesDb.orm, { keyDir: sys.config.keyDir, dbName: sys.config.databaseName('cases') });
const alarmsFor = (caseId: string) =>
  sys.logLines.filter((l) => (l.integrityAlarm as { caseId?: string } | undefined)?.caseId === caseId).map((l) => l.integrityAlarm as Record<string, unknown>);

const CASE = `query($id: ID!) { case(id: $id) { id caseNumber } }`;
const LIST = `query($agency: ID) { cases(filter: { agencyId: $agency }, first: 100) { edges { node { id } } } }`;
const FINDINGS = `query($i: SupervisionRunInput!, $p: [SupervisionParameterInput!]) {
  supervisionFindings(input: $i, parameters: $p) { agency { id } caseIds cases { id } } }`;

const listIds = async (tok: string, agencyKey: string | null) => {
  const r = (await sys.gql(LIST, { agency: agencyKey ? sys.agencyId(agencyKey) : null }, tok)) as Err;
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return (r.data.cases.edges as { node: { id: string } }[]).map((e) => e.node.id);
};

describe('issue 25: reading a case is authorised by its verified filing entry, not by the row', () => {
  it("a case moved to the squad by SQL: the squad's officers, principal and the supervisor's squad view do not see it; the bureau does, alarmed; verify-records names agencyId", async () => {
    const c = await notifiedBureauCase(sys);
    const squadOfficer = await sys.token('OFFICER', SQUAD, 'squad-nuraili');
    const squadPrincipal = await sys.token('PRINCIPAL', SQUAD, null);
    const supervisor = await sys.token('SUPERVISOR', BUREAU, 'supervisor-ma');
    const bureauOfficer = c.tok;
    // Before: the squad does not see the bureau's case, the bureau does.
    expect(((await sys.gql(CASE, { id: c.id }, squadOfficer)) as Err).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await listIds(bureauOfficer, null)).toContain(c.id);
    expect((await verify()).ok).toBe(true);

    await moveTo(c.id, SQUAD);

    // The squad's officer and principal: refused as before the move, in case(id) and in their lists.
    for (const tok of [squadOfficer, squadPrincipal]) {
      const one = (await sys.gql(CASE, { id: c.id }, tok)) as Err;
      expect(one.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await listIds(tok, null)).not.toContain(c.id);
    }
    // The supervisor looking at the squad: not among its cases, nor in a drill-down of a finding about the squad.
    expect(await listIds(supervisor, SQUAD)).not.toContain(c.id);
    const findings = (await sys.gql(
      FINDINGS,
      {
        i: { agencyId: sys.agencyId(SQUAD), from: '2026-11-01', to: TODAY, models: ['SAME_OFFICER_PAIR'] },
        p: [
          { model: 'SAME_OFFICER_PAIR', name: 'minCases', value: 1 },
          { model: 'SAME_OFFICER_PAIR', name: 'share', value: 0 },
        ],
      },
      await sys.token('SUPERVISOR', null, null), // the district's supervision (every agency), as a finding about the squad needs
    )) as Err;
    expect(findings.errors, JSON.stringify(findings.errors)).toBeUndefined();
    const about = (findings.data.supervisionFindings as { caseIds: string[]; cases: ({ id: string } | null)[] }[]).filter((f) => f.caseIds.includes(c.id));
    // The models count rows (the finding is there: the statistics read the row as it stands) ...
    expect(about.length).toBeGreaterThan(0);
    // ... but its drill-down does not show the case as the squad's.
    for (const f of about) expect(f.cases.map((x) => x?.id ?? null)).not.toContain(c.id);

    // The bureau (the agency its filing entry logs) still reads it, with the integrity alarm naming the agency.
    const before = alarmsFor(c.id).length;
    const own = (await sys.gql(CASE, { id: c.id }, bureauOfficer)) as Err;
    expect(own.errors).toBeUndefined();
    expect(own.data.case.id).toBe(c.id);
    // Its list shows a row only when the row and the log agree (the row's agency keeps the list's index): the moved row
    // is in neither agency's list until it is moved back, and verify-records names it.
    expect(await listIds(bureauOfficer, null)).not.toContain(c.id);
    expect(alarmsFor(c.id).slice(before)).toContainEqual(expect.objectContaining({ kind: 'CASE_ROW', problem: 'agencyId' }));
    expect((await verify()).firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'agencyId' });

    await moveTo(c.id, BUREAU);
    expect((await verify()).ok).toBe(true);
  });

  it('move, then move back: nothing stays visible to the squad, the bureau reads it without a new alarm, verify-records is intact again', async () => {
    const c = await notifiedBureauCase(sys);
    const squadOfficer = await sys.token('OFFICER', SQUAD, 'squad-nuraili');
    await moveTo(c.id, SQUAD);
    expect(await listIds(squadOfficer, null)).not.toContain(c.id);
    expect((await verify()).firstBad).toMatchObject({ caseId: c.id, field: 'agencyId' });
    await moveTo(c.id, BUREAU);
    expect(((await sys.gql(CASE, { id: c.id }, squadOfficer)) as Err).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await listIds(squadOfficer, null)).not.toContain(c.id);
    const before = alarmsFor(c.id).length;
    expect(((await sys.gql(CASE, { id: c.id }, c.tok)) as Err).data.case.id).toBe(c.id);
    expect(alarmsFor(c.id).length).toBe(before);
    expect((await verify()).ok).toBe(true);
  });

  it("a row moved into the squad, whose officer then acts on it: NOT_FOUND as for an unknown id; the bureau's own act is refused naming agencyId", async () => {
    const c = await notifiedBureauCase(sys);
    const squadOfficer = await sys.token('OFFICER', SQUAD, 'squad-nuraili');
    await moveTo(c.id, SQUAD);
    const TEXT = `mutation($input: TextRecordInput!) { recordText(input: $input) { id } }`;
    const textInput = {
      caseId: c.id,
      documentType: 'INQUIRY_RECORD',
      stage: 'INVESTIGATION',
      title: '询问笔录',
      content: '询问笔录：经办人员依法制作，载明事实、理由、依据和处理意见。',
      documentNumber: `${c.id}-tamper`,
      officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')],
    };
    const squadTry = (await sys.gql(TEXT, { input: textInput }, squadOfficer)) as Err;
    expect(squadTry.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The principal of the squad deciding it: NOT_FOUND too.
    const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { id state } }`;
    const [[row]] = (await svc('SELECT version FROM cases WHERE id = ?', [c.id])) as unknown as [{ version: number }[]];
    const version = row!.version;
    const squadDecide = (await sys.gql(
      DECIDE,
      { input: { caseId: c.id, proposalId: c.proposal.id, version, decidedOn: TODAY, partyPresent: true } },
      await sys.token('PRINCIPAL', SQUAD, null),
    )) as Err;
    expect(squadDecide.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The bureau's officer: the row disagrees with the log, the act is refused naming the field, and alarmed.
    const before = alarmsFor(c.id).length;
    const own = (await sys.gql(TEXT, { input: textInput }, c.tok)) as Err;
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', integrity: 'PROJECTION_MISMATCH', field: 'agencyId' });
    expect(alarmsFor(c.id).slice(before)).toContainEqual(expect.objectContaining({ kind: 'CASE_ROW', problem: 'agencyId' }));
    // Nothing was appended by either attempt; moved back, the bureau's act goes through.
    await moveTo(c.id, BUREAU);
    await gqlOk(sys, TEXT, { input: textInput }, c.tok);
    expect((await verify()).ok).toBe(true);
  });

  it("an entrusting agency given to a bureau case by root: the squad's staff still cannot read it; verify-records names inNameOfAgencyId", async () => {
    const c = await notifiedBureauCase(sys);
    const squadPrincipal = await sys.token('PRINCIPAL', SQUAD, null);
    expect(((await sys.gql(CASE, { id: c.id }, squadPrincipal)) as Err).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await rootExec('UPDATE cases SET in_name_of_agency_id = ? WHERE id = ?', [sys.agencyId(SQUAD), c.id]);
    try {
      // On main the row alone decided: the case became readable by the agency named in the row (Art. 20's reading).
      expect(((await sys.gql(CASE, { id: c.id }, squadPrincipal)) as Err).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await verify()).firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'inNameOfAgencyId' });
    } finally {
      await rootExec('UPDATE cases SET in_name_of_agency_id = NULL WHERE id = ?', [c.id]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it("root adds a handler: the added officer does not see the party's identity, the decision is refused naming the handlers, verify-records names them", async () => {
    const c = await notifiedBureauCase(sys);
    const PARTY = `query($id: ID!) { case(id: $id) { party { residentIdNumber phone address } } }`;
    const chen = await sys.token('OFFICER', BUREAU, 'officer-chen');
    const [[before]] = (await svc('SELECT handling_officer_ids AS h, version FROM cases WHERE id = ?', [c.id])) as unknown as [
      { h: string; version: number }[],
    ];
    await rootExec('UPDATE cases SET handling_officer_ids = ? WHERE id = ?', [
      JSON.stringify([...(JSON.parse(before!.h) as string[]), sys.officerId('officer-chen')]),
      c.id,
    ]);
    try {
      expect(((await sys.gql(PARTY, { id: c.id }, chen)) as Err).data.case.party).toEqual({ residentIdNumber: null, phone: null, address: null });
      const decided = (await sys.gql(
        `mutation($input: DecideCaseInput!) { decideCase(input: $input) { id } }`,
        { input: { caseId: c.id, proposalId: c.proposal.id, version: before!.version, decidedOn: TODAY, partyPresent: true } },
        await sys.token('PRINCIPAL', BUREAU, 'principal-wang'),
      )) as Err;
      expect(decided.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', field: 'handlingOfficerIds' });
      expect((await verify()).firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'handlingOfficerIds' });
    } finally {
      await rootExec('UPDATE cases SET handling_officer_ids = ? WHERE id = ?', [before!.h, c.id]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it("the case list with the verified agency filter: an officer's statements do not grow with the page (one join per page)", async () => {
    const tok = await sys.token('OFFICER', BUREAU, 'officer-sun');
    // Rows of its own (the system starts without demo cases), so that the test holds when run alone.
    await notifiedBureauCase(sys);
    await notifiedBureauCase(sys);
    const cost = async (n: number) => {
      const before = sys.casesDb.stats.statements;
      const r = (await sys.gql(
        `query($n: Int!) { cases(first: $n) { totalCount edges { node { id agency { id } party { name residentIdNumber } } } } }`,
        { n },
        tok,
      )) as Err;
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return { statements: sys.casesDb.stats.statements - before, rows: r.data.cases.edges.length as number };
    };
    const many = await cost(100);
    expect(many.rows).toBeGreaterThanOrEqual(2);
    const one = await cost(1);
    expect(one.rows).toBe(1);
    expect(many.statements).toBe(one.statements);
  });
});
