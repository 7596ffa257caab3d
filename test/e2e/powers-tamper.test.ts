import { newId } from '../../kernel/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPass, BUREAU, gqlOk, notifiedBureauCase } from '../helpers/scenarios.js';
import { verifyPowersRecords } from '../../subgraphs/powers/integrity/verify.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 25, the powers log: the facts the case gate reads from `powers` (the pinned power item version and its
// statutory ranges, the review catalog, the agency policy, credentials) are served only when the row agrees with its
// entry in the powers log (powers MAC key). Each SQL edit below, as the powers service account, is refused before the
// decision; once the row is put back the same decision goes through.

let sys: TestSystem;
const t = { principal: '', reviewer: '', officer: '' };
type Err = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { id state } }`;
/** As the powers service account (a stolen service password, or the service itself compromised). */
const sql = (q: string, params: unknown[] = []) => sys.powersDb.pool.query(q, params);
let c: Awaited<ReturnType<typeof notifiedBureauCase>>;

async function decide() {
  const v = (await gqlOk(sys, `query($id: ID!) { case(id: $id) { version } }`, { id: c.id }, t.principal)).version;
  return sys.gql(DECIDE, { input: { caseId: c.id, proposalId: c.proposal.id, version: v, partyPresent: true } }, t.principal);
}
/** What `npm run verify-records -- --service powers` runs. */
const verifyPowers = () => verifyPowersRecords(sys.powersDb.orm, { keyDir: sys.config.keyDir, dbName: sys.config.databaseName('powers') });
/** Runs the edit, expects decideCase refused for integrity and the verifier to name it, then restores the saved rows. */
async function refusedAfter(edit: () => Promise<unknown>, restore: () => Promise<unknown>) {
  await edit();
  try {
    const r: Err = await decide();
    expect(r.errors, 'the decision must be refused').toBeDefined();
    expect(r.errors![0]!.message).toContain('完整性校验');
    const v = await verifyPowers();
    expect(v.ok).toBe(false);
    expect(v.firstBad?.problem).toBe('PROJECTION_MISMATCH');
  } finally {
    await restore();
  }
  expect((await verifyPowers()).ok).toBe(true);
}
async function saved(where: string, params: unknown[]) {
  const [rows] = await sql(`SELECT id, status, content FROM ex_ante_documents WHERE ${where}`, params);
  const list = rows as { id: string; status: string; content: string }[];
  expect(list.length).toBeGreaterThan(0);
  return async () => {
    for (const r of list) await sql('UPDATE ex_ante_documents SET status = ?, content = ? WHERE id = ?', [r.status, r.content, r.id]);
  };
}

beforeAll(async () => {
  sys = await startTestSystem({ today: '2026-11-20' });
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.reviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  c = await notifiedBureauCase(sys);
  const review = await gqlOk(
    sys,
    `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version } }`,
    {
      input: {
        caseId: c.id,
        proposalId: c.proposal.id,
        materials: ['立案审批表', '现场检查笔录', '音像记录', '行政处罚告知书'],
        handlerStatement: '承办机构对送审材料的真实性、准确性、完整性负责。',
        reviewerId: sys.officerId('reviewer-zhang'),
      },
    },
    c.tok,
  );
  await gqlOk(
    sys,
    `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id } }`,
    { id: review.id, input: { version: review.version, findings: allPass(), conclusion: 'APPROVED', opinion: '同意' } },
    t.reviewer,
  );
}, 180_000);
afterAll(() => sys?.stop());

const ITEM = `kind = 'POWER_ITEM' AND code = '650109-CF-0001' AND status = 'PUBLISHED'`;
const CATALOG = (agencyId: string) => [`kind = 'REVIEW_CATALOG_RULE' AND agency_id = ? AND status = 'PUBLISHED'`, [agencyId]] as const;

describe('SQL edits of what the gate reads from powers are refused before the decision (issue 25)', () => {
  it('a published power item version rewritten in place (its public summary)', async () => {
    const restore = await saved(ITEM, []);
    await refusedAfter(() => sql(`UPDATE ex_ante_documents SET content = JSON_SET(content, '$.publicSummary', '改写的违法行为') WHERE ${ITEM}`), restore);
  });

  it('a verdict remembered from earlier reads does not hide an edit made after them, nor a status flipped back (issue 28)', async () => {
    // powers remembers "this version agrees with its log entries" by the exact bytes it checked (integrity/verified.ts):
    // the same read repeated hits that memory; an edit changes the bytes, so the next read is checked in full.
    const read = () =>
      sys.gql(`query($code: String!) { powerItem(code: $code) { currentVersion { code publicSummary } } }`, { code: '650109-CF-0001' }, t.officer);
    for (let i = 0; i < 3; i++) expect(((await read()) as Err).errors, 'the untouched version is served').toBeUndefined();
    const restore = await saved(ITEM, []);
    try {
      await sql(`UPDATE ex_ante_documents SET content = JSON_SET(content, '$.publicSummary', '改写的违法行为') WHERE ${ITEM}`);
      const edited: Err = await read();
      expect(edited.errors, 'an edit after the remembered reads is refused').toBeDefined();
      expect(edited.errors![0]!.message).toContain('完整性校验');
    } finally {
      await restore();
    }
    // The exact bytes checked before: served again (from the remembered verdict or a full check, the same answer).
    const back = await read();
    expect(back.errors).toBeUndefined();
    expect(back.data!.powerItem.currentVersion.publicSummary).not.toBe('改写的违法行为');
  });

  it('a statutory range of the pinned version widened', async () => {
    const restore = await saved(ITEM, []);
    await refusedAfter(() => sql(`UPDATE ex_ante_documents SET content = JSON_SET(content, '$.statutoryRanges[0].fineMax', '500000') WHERE ${ITEM}`), restore);
  });

  it('a review catalog rule rewritten, and a catalog rule dropped by flipping its status', async () => {
    const [where, params] = CATALOG(sys.agencyId(BUREAU));
    const restore = await saved(where, [...params]);
    await refusedAfter(
      () => sql(`UPDATE ex_ante_documents SET content = JSON_SET(content, '$.fineThresholds', JSON_ARRAY()) WHERE ${where}`, [...params]),
      restore,
    );
    await refusedAfter(() => sql(`UPDATE ex_ante_documents SET status = 'RETIRED' WHERE ${where}`, [...params]), restore);
  });

  it('the review switch-off of the issue: the agency policy rewritten in place', async () => {
    const [rows] = await sql('SELECT policy FROM agencies WHERE id = ?', [sys.agencyId(BUREAU)]);
    const policy = (rows as { policy: string }[])[0]!.policy;
    await refusedAfter(
      () => sql(`UPDATE agencies SET policy = JSON_SET(policy, '$.reviewAllGeneralProcedurePenalties', false) WHERE id = ?`, [sys.agencyId(BUREAU)]),
      () => sql('UPDATE agencies SET policy = ? WHERE id = ?', [policy, sys.agencyId(BUREAU)]),
    );
  });

  it("a credential's terms history edited (an enforcement area added from an earlier date by SQL) is refused where credentials are read", async () => {
    const sun = sys.officerId('officer-sun');
    const id = newId();
    // What a stolen powers password could do to make a past act look covered (R2 judges by the terms on the act's date).
    await sql(
      `INSERT INTO credential_term_changes (id, officer_id, effective_from, valid_from, valid_until, enforcement_areas, reason, recorded_by, recorded_at)
       SELECT ?, officer_id, '2026-01-01', valid_from, valid_until, '["城市管理综合执法","市场监督管理"]', '补录', 'x', NOW(3) FROM credential_term_changes WHERE officer_id = ? LIMIT 1`,
      [id, sun],
    );
    try {
      const r: Err = await sys.gql(
        `query($id: ID!) { officer(id: $id) { credentialStatus credentialValidOn(date: "2026-03-01", area: "市场监督管理") { valid } } }`,
        { id: sun },
      );
      expect(r.errors![0]!.message).toContain('完整性校验');
      const history: Err = await sys.gql(`query($id: ID!) { officer(id: $id) { credentialTermsHistory { effectiveFrom enforcementAreas } } }`, { id: sun });
      expect(history.errors![0]!.message).toContain('完整性校验');
      expect((await verifyPowers()).firstBad).toMatchObject({ field: 'officers' });
    } finally {
      await sql('DELETE FROM credential_term_changes WHERE id = ?', [id]);
    }
    expect((await verifyPowers()).ok).toBe(true);
    expect((await gqlOk(sys, `query($id: ID!) { officer(id: $id) { credentialStatus } }`, { id: sun })).credentialStatus).toBe('VALID');
  });

  it("a credential's status edited (a suspended officer reinstated by SQL) is refused where credentials are read", async () => {
    const zhou = sys.officerId('officer-zhou-suspended');
    await sql(`UPDATE officers SET credential_status = 'VALID' WHERE id = ?`, [zhou]);
    await sql(`UPDATE credential_status_changes SET status = 'VALID' WHERE officer_id = ?`, [zhou]);
    try {
      const r: Err = await sys.gql(`query($id: ID!) { officer(id: $id) { credentialStatus } }`, { id: zhou });
      expect(r.errors![0]!.message).toContain('完整性校验');
      const filed: Err = await sys.gql(
        `mutation($input: FileCaseInput!) { fileCase(input: $input) { id } }`,
        {
          input: {
            agencyId: sys.agencyId(BUREAU),
            procedure: 'GENERAL',
            powerItemCode: '650109-CF-0001',
            party: { kind: 'NATURAL_PERSON', name: '王五', residentIdNumber: '11010519491231002X', address: '米东区某街道' },
            officerIds: [zhou, sys.officerId('officer-sun')],
            source: { kind: 'COMPLAINT' },
            factsSummary: '在禁止区域内露天烧烤食品。',
          },
        },
        t.officer,
      );
      expect(filed.errors).toBeDefined();
      expect(filed.errors![0]!.message).toContain('完整性校验');
      expect((await verifyPowers()).firstBad?.field).toBe('officers');
    } finally {
      await sql(`UPDATE officers SET credential_status = 'SUSPENDED' WHERE id = ?`, [zhou]);
      await sql(`UPDATE credential_status_changes SET status = 'SUSPENDED' WHERE officer_id = ? AND effective_from = '2026-09-01'`, [zhou]);
    }
    expect((await gqlOk(sys, `query($id: ID!) { officer(id: $id) { credentialStatus } }`, { id: zhou })).credentialStatus).toBe('SUSPENDED');
  });

  it('with every row put back, the same decision goes through', async () => {
    const r = await decide();
    expect(r.errors).toBeUndefined();
    expect(r.data!.decideCase.state).toBe('DECIDED');
  });
});
