import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withServerConnection } from '../../kernel/db.js';
import { newId } from '../../kernel/ids.js';
import { verifyReviewRecords } from '../../subgraphs/reviews/records.js';
import { allPass, gqlOk, notifiedBureauCase } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 25 (part A): the facts a decision rests on beyond the case log. Each attempt of the table, made as
// the issue made it (SQL on the `reviews` database, as root or as the reviews service account), after the same
// decision was first refused with REVIEW_REQUIRED: on main the decision then went through and verify-records said
// intact; now R6's gate reads only the countersigned conclusion in the verified case log, and the reviews log
// names the tampered round.

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { id state version } }`;
const SUBMIT = `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version } }`;
const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id status version } }`;
const PROPOSE = `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id contentHash } }`;
type Err = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
const code = (r: Err) => r.errors?.[0]?.extensions?.code;

let sys: TestSystem;
let principal: string;
let reviewer: string;
beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  reviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
});
afterAll(() => sys?.stop());

const reviewsDbName = () => sys.config.databaseName('reviews');
/** As the reviews service account (`<prefix>_reviews_svc`, its own password): a stolen service password. */
const svcExec = (q: string, params: unknown[] = []) => sys.reviewsDb.pool.query(q, params);
/** As root on the reviews database: a DBA (who can also drop the opinion-final trigger). */
const rootExec = (statements: string[], params: unknown[][] = []) =>
  withServerConnection(sys.config.databaseUrl, async (c) => {
    await c.query(`USE \`${reviewsDbName()}\``);
    for (const [i, s] of statements.entries()) await c.query(s, params[i] ?? []);
  });
/** The DBA lifts the opinion-final trigger, edits, and puts it back. */
const OPINION_FINAL =
  "CREATE TRIGGER `review_rounds_opinion_final` BEFORE UPDATE ON `review_rounds` FOR EACH ROW BEGIN IF OLD.conclusion IS NOT NULL THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a recorded review opinion cannot be changed'; END IF; END";
const asDba = (statements: string[], params: unknown[][] = []) =>
  rootExec(['DROP TRIGGER `review_rounds_opinion_final`', ...statements, OPINION_FINAL], [[], ...params]);

const caseVersion = async (id: string) =>
  ((await sys.casesDb.pool.query('SELECT state, version FROM cases WHERE id = ?', [id]))[0] as { state: string; version: number }[])[0]!;
const decide = async (caseId: string, proposalId: string) =>
  sys.gql<{ decideCase: { state: string } }>(
    DECIDE,
    { input: { caseId, proposalId, version: (await caseVersion(caseId)).version, decidedOn: TODAY, partyPresent: true } },
    principal,
  );
const verifyReviews = () => verifyReviewRecords(sys.reviewsDb.orm, { keyDir: sys.config.keyDir, dbName: reviewsDbName() });

async function submitted(c: Awaited<ReturnType<typeof notifiedBureauCase>>) {
  return gqlOk(
    sys,
    SUBMIT,
    { input: { caseId: c.id, proposalId: c.proposal.id, materials: ['案卷'], handlerStatement: '真实完整', reviewerId: sys.officerId('reviewer-zhang') } },
    c.tok,
  ) as Promise<{ id: string; version: number }>;
}
const opinion = (reviewId: string, version: number, conclusion: 'APPROVED' | 'ISSUES_FOUND') =>
  sys.gql(
    OPINION,
    {
      id: reviewId,
      input: {
        version,
        findings: conclusion === 'APPROVED' ? allPass() : allPass().map((f) => (f.point === 'LEGAL_BASIS' ? { ...f, result: 'ISSUE', note: '依据不准确' } : f)),
        conclusion,
        opinion: conclusion === 'APPROVED' ? '同意' : '法律依据引用不准确，请改正后重新送审。',
        ...(conclusion === 'ISSUES_FOUND' ? { requiredCorrections: ['改正法律依据'] } : {}),
      },
    },
    reviewer,
  );
/** The round rows of one review. */
const roundOf = async (reviewId: string) =>
  (
    (await svcExec('SELECT id, round_no, conclusion FROM review_rounds WHERE review_id = ? ORDER BY round_no DESC', [reviewId]))[0] as {
      id: string;
      conclusion: string | null;
    }[]
  )[0]!;

describe('issue 25: the review conclusion the gate trusts is the countersigned entry in the verified case log', () => {
  it('a RETURNED (ISSUES_FOUND) round flipped to APPROVED by the DBA: refused, and the reviews log names the round', async () => {
    const c = await notifiedBureauCase(sys);
    const r = await submitted(c);
    expect((await opinion(r.id, r.version, 'ISSUES_FOUND')).errors).toBeUndefined();
    expect(code(await decide(c.id, c.proposal.id))).toBe('REVIEW_REQUIRED');
    const round = await roundOf(r.id);
    await asDba(
      ["UPDATE review_rounds SET conclusion = 'APPROVED', opinion = '同意' WHERE id = ?", "UPDATE legal_reviews SET status = 'APPROVED' WHERE id = ?"],
      [[round.id], [r.id]],
    );
    const after = await decide(c.id, c.proposal.id);
    expect(code(after)).toBe('REVIEW_REQUIRED');
    expect(after.errors![0]!.message).toContain('ISSUES_FOUND');
    expect((await caseVersion(c.id)).state).not.toBe('DECIDED');
    const v = await verifyReviews();
    expect(v.ok).toBe(false);
    expect(v.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'conclusion' });
    // Put it back so the rest of the file starts from an intact reviews log.
    await asDba(
      [
        "UPDATE review_rounds SET conclusion = 'ISSUES_FOUND', opinion = '法律依据引用不准确，请改正后重新送审。' WHERE id = ?",
        "UPDATE legal_reviews SET status = 'ISSUES_FOUND' WHERE id = ?",
      ],
      [[round.id], [r.id]],
    );
    expect((await verifyReviews()).ok).toBe(true);
  });

  it('an APPROVED round inserted for a proposal never submitted: refused; the verifier finds a round with no log', async () => {
    const c = await notifiedBureauCase(sys);
    expect(code(await decide(c.id, c.proposal.id))).toBe('REVIEW_REQUIRED');
    const reviewId = newId();
    const roundId = newId();
    await rootExec(
      [
        "INSERT INTO legal_reviews (id, case_id, agency_id, status, current_round, reviewer_id, due_on, version, created_at, updated_at) VALUES (?, ?, ?, 'APPROVED', 1, ?, '2026-11-27', 1, NOW(3), NOW(3))",
        `INSERT INTO review_rounds (id, review_id, round_no, proposal_id, proposal_hash, proposal_snapshot, materials, handler_statement, submitted_by, submitted_at,
           reviewer_id, due_on, due_confirmed, automatic_findings, findings, conclusion, opinion, concluded_at, concluded_on)
         VALUES (?, ?, 1, ?, ?, '{}', '["案卷"]', '真实完整', ?, NOW(3), ?, '2026-11-27', 1, '[]', ?, 'APPROVED', '同意', NOW(3), ?)`,
      ],
      [
        [reviewId, c.id, sys.agencyId(BUREAU), sys.officerId('reviewer-zhang')],
        [
          roundId,
          reviewId,
          c.proposal.id,
          c.proposal.contentHash,
          sys.officerId('officer-sun'),
          sys.officerId('reviewer-zhang'),
          JSON.stringify(allPass()),
          TODAY,
        ],
      ],
    );
    const after = await decide(c.id, c.proposal.id);
    expect(code(after)).toBe('REVIEW_REQUIRED');
    expect(after.errors![0]!.message).toContain('没有该决定建议的法制审核结论');
    const v = await verifyReviews();
    expect(v.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'round' });
    await rootExec(
      ['DROP TRIGGER `review_rounds_no_delete`', 'DELETE FROM review_rounds WHERE id = ?', 'DELETE FROM legal_reviews WHERE id = ?'],
      [[], [roundId], [reviewId]],
    );
    await rootExec([
      "CREATE TRIGGER `review_rounds_no_delete` BEFORE DELETE ON `review_rounds` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'review rounds cannot be deleted'",
    ]);
    expect((await verifyReviews()).ok).toBe(true);
  });

  it("an APPROVED round re-bound to another proposal's hash: refused; the verifier names proposalId", async () => {
    const c = await notifiedBureauCase(sys);
    const r = await submitted(c);
    expect((await opinion(r.id, r.version, 'APPROVED')).errors).toBeUndefined();
    const bigger = (await gqlOk(
      sys,
      PROPOSE,
      {
        input: {
          caseId: c.id,
          outcome: 'PENALTY',
          penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'],
          fineAmount: '4000',
          discretionTier: 'ORDINARY',
          legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条' }],
          reasoning: '改为从轻。',
        },
      },
      c.tok,
    )) as { id: string; contentHash: string };
    expect(code(await decide(c.id, bigger.id))).toBe('REVIEW_REQUIRED');
    const round = await roundOf(r.id);
    await asDba(['UPDATE review_rounds SET proposal_id = ?, proposal_hash = ? WHERE id = ?'], [[bigger.id, bigger.contentHash, round.id]]);
    expect(code(await decide(c.id, bigger.id))).toBe('REVIEW_REQUIRED');
    expect((await caseVersion(c.id)).state).not.toBe('DECIDED');
    const v = await verifyReviews();
    expect(v.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'proposalId' });
    await asDba(['UPDATE review_rounds SET proposal_id = ?, proposal_hash = ? WHERE id = ?'], [[c.proposal.id, c.proposal.contentHash, round.id]]);
  });

  it('the reviews service account alone sets a pending round to APPROVED: refused (no countersigned conclusion in the case log)', async () => {
    const c = await notifiedBureauCase(sys);
    const r = await submitted(c);
    expect(code(await decide(c.id, c.proposal.id))).toBe('REVIEW_REQUIRED');
    const round = await roundOf(r.id);
    await svcExec("UPDATE review_rounds SET conclusion = 'APPROVED', opinion = '同意', findings = ?, concluded_at = NOW(3), concluded_on = ? WHERE id = ?", [
      JSON.stringify(allPass()),
      TODAY,
      round.id,
    ]);
    await svcExec("UPDATE legal_reviews SET status = 'APPROVED' WHERE id = ?", [r.id]);
    const after = await decide(c.id, c.proposal.id);
    expect(code(after)).toBe('REVIEW_REQUIRED');
    expect((await caseVersion(c.id)).state).toBe('UNDER_REVIEW');
    const v = await verifyReviews();
    expect(v.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'conclusion' });
    // The service account cannot put it back (the opinion-final trigger): the DBA does, for the tests after this one.
    await asDba(
      ['UPDATE review_rounds SET conclusion = NULL, opinion = NULL, findings = NULL, concluded_at = NULL, concluded_on = NULL WHERE id = ?'],
      [[round.id]],
    );
    await svcExec("UPDATE legal_reviews SET status = 'IN_REVIEW' WHERE id = ?", [r.id]);
    expect((await verifyReviews()).ok).toBe(true);
  });

  it("a concluded round's opinion and nine findings rewritten by the DBA: the API refuses the round, verify-records names its opinion", async () => {
    const c = await notifiedBureauCase(sys);
    const r = await submitted(c);
    expect((await opinion(r.id, r.version, 'APPROVED')).errors).toBeUndefined();
    expect((await verifyReviews()).ok).toBe(true);
    const round = await roundOf(r.id);
    const [orig] = (await svcExec('SELECT opinion, findings FROM review_rounds WHERE id = ?', [round.id]))[0] as { opinion: string; findings: string }[];
    const forged = allPass().map((f) => ({ ...f, overridesAutomatic: false, note: '伪造' }));
    await asDba(["UPDATE review_rounds SET opinion = '伪造的审核意见', findings = ? WHERE id = ?"], [[JSON.stringify(forged), round.id]]);
    const v = await verifyReviews();
    expect(v.ok).toBe(false);
    expect(v.firstBad).toMatchObject({ problem: 'PROJECTION_MISMATCH', caseId: c.id, field: 'opinion' });
    // The API does not show the forged opinion (on main it did): the rounds are served only as the reviews log says.
    const ROUNDS = `query($id: ID!) { legalReview(id: $id) { rounds { opinion conclusion findings { point note } } } }`;
    const shown = await sys.gql(ROUNDS, { id: r.id }, reviewer);
    expect(JSON.stringify(shown.data ?? null)).not.toContain('伪造');
    expect(shown.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', field: 'opinion' });
    expect(sys.logLines.some((l) => (l.integrityAlarm as { reviewId?: string } | undefined)?.reviewId === r.id)).toBe(true);
    // The case log still holds the countersigned original, which the gate reads: the decision stands on it.
    const [entries] = await sys.casesDb.pool.query("SELECT payload FROM record_entries WHERE case_id = ? AND kind = 'REVIEW_OPINION'", [c.id]);
    expect(JSON.stringify(entries)).toContain('同意');
    expect(JSON.stringify(entries)).not.toContain('伪造');
    await asDba(['UPDATE review_rounds SET opinion = ?, findings = ? WHERE id = ?'], [[orig!.opinion, orig!.findings, round.id]]);
    expect((await verifyReviews()).ok).toBe(true);
    expect((await sys.gql(ROUNDS, { id: r.id }, reviewer)).data).toMatchObject({ legalReview: { rounds: [{ opinion: '同意', conclusion: 'APPROVED' }] } });
  });

  it('a SERVICE call to cases with no reviews signature, or a signature over other facts, records nothing', async () => {
    const c = await notifiedBureauCase(sys);
    const r = await submitted(c);
    const RECORD = `mutation($input: ReviewOutcomeInput!) { recordReviewOutcome(input: $input) { id state } }`;
    const base = {
      caseId: c.id,
      reviewId: r.id,
      roundNo: 1,
      proposalId: c.proposal.id,
      contentHash: c.proposal.contentHash,
      conclusion: 'APPROVED',
      reviewerId: sys.officerId('reviewer-zhang'),
    };
    const service = { subject: 'reviews', role: 'SERVICE' as const, agencyId: null, officerId: null };
    const unsigned = await sys.subgraph(sys.cases.url, RECORD, { input: { ...base, statement: '{}', keyId: 'x', signature: 'AAAA' } }, service);
    expect(code(unsigned)).toBe('FORBIDDEN');
    // A real statement by reviews, for ISSUES_FOUND, replayed as an approval.
    const { signConclusion } = await import('../../subgraphs/reviews/conclusion.js');
    const signed = signConclusion(
      {
        kind: 'REVIEW_CONCLUDED',
        ...base,
        conclusion: 'ISSUES_FOUND',
        reviewer: { qualified: true, firstTime: false, hasCertificate: true },
        findings: [],
        opinion: 'x',
        requiredCorrections: null,
        concludedAt: new Date().toISOString(),
        concludedOn: TODAY,
      },
      sys.config.keyDir,
    );
    const replayed = await sys.subgraph(sys.cases.url, RECORD, { input: { ...base, ...signed } }, service);
    expect(code(replayed)).toBe('FORBIDDEN');
    expect(replayed.errors![0]!.message).toContain('conclusion');
    expect((await caseVersion(c.id)).state).toBe('UNDER_REVIEW');
  });
});

describe("issue 25's pause: one act, one authoritative record (the case log); reviews follows it", () => {
  it('ISSUES_FOUND logged by cases while reviews rolled back; the retry with APPROVED is refused and the decision too', async () => {
    const c = await notifiedBureauCase(sys);
    const r = await submitted(c);
    // `cases` is held (its case row locked, as a paused process would hold it) past the reviews client's 5 s timeout.
    const release = await withServerConnection(sys.config.databaseUrl, async (conn) => {
      await conn.query(`USE \`${sys.config.databaseName('cases')}\``);
      await conn.beginTransaction();
      await conn.query('SELECT id FROM cases WHERE id = ? FOR UPDATE', [c.id]);
      const first = await opinion(r.id, r.version, 'ISSUES_FOUND');
      await conn.commit();
      return first;
    });
    expect(code(release)).toBe('UPSTREAM_UNAVAILABLE');
    // After it resumes, cases has logged ISSUES_FOUND and returned the case to its handlers; reviews rolled back.
    for (let i = 0; i < 50 && (await caseVersion(c.id)).state !== 'NOTIFIED'; i++) await new Promise((res) => setTimeout(res, 100));
    expect((await caseVersion(c.id)).state).toBe('NOTIFIED');
    expect(await roundOf(r.id)).toMatchObject({ conclusion: null });

    // The reviewer retries with APPROVED: reviews follows the case log (ISSUES_FOUND) and says so.
    const retry = await opinion(r.id, r.version, 'APPROVED');
    expect(code(retry)).toBe('CONFLICT');
    expect(retry.errors![0]!.message).toContain('ISSUES_FOUND');
    expect(await roundOf(r.id)).toMatchObject({ conclusion: 'ISSUES_FOUND' });

    const after = await decide(c.id, c.proposal.id);
    expect(code(after)).toBe('REVIEW_REQUIRED');
    expect((await caseVersion(c.id)).state).toBe('NOTIFIED');
    expect((await verifyReviews()).ok).toBe(true);
  }, 30_000);
});

describe('issue 25: the reviews CSV exports serve only verified rounds', () => {
  it('a RETURNED round flipped to APPROVED by the DBA: the review-outcomes export is refused (409, the review and field named) and alarmed, not served with 同意', async () => {
    const analyst = await sys.token('ANALYST', null, null);
    const csv = async (name: string) =>
      fetch(`${sys.gateway.url.replace(/\/graphql$/, '')}/exports/indicators/${name}.csv?from=2026-11-01&to=2026-12-31&agencyId=${sys.agencyId(BUREAU)}`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
    const c = await notifiedBureauCase(sys);
    const r = await submitted(c);
    expect((await opinion(r.id, r.version, 'ISSUES_FOUND')).errors).toBeUndefined();
    const ok = await csv('review-outcomes');
    expect(ok.status).toBe(200);
    const line = (await ok.text()).split('\r\n').find((l) => l.includes(r.id));
    expect(line).toContain('存在问题');
    const round = await roundOf(r.id);
    await asDba(["UPDATE review_rounds SET conclusion = 'APPROVED' WHERE id = ?"], [[round.id]]);
    for (const name of ['review-outcomes', 'review-overdue', 'review-qualification']) {
      const refused = await csv(name);
      expect(refused.status, name).toBe(409);
      const body = (await refused.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0]!.extensions).toMatchObject({ code: 'INVALID_STATE', integrity: 'PROJECTION_MISMATCH', field: 'conclusion', reviewId: r.id });
      expect(body.errors[0]!.message).toContain('完整性校验');
    }
    expect(sys.logLines.some((l) => (l.integrityAlarm as { reviewId?: string; problem?: string } | undefined)?.reviewId === r.id)).toBe(true);
    await asDba(["UPDATE review_rounds SET conclusion = 'ISSUES_FOUND' WHERE id = ?"], [[round.id]]);
    expect((await csv('review-outcomes')).status).toBe(200);
    expect((await verifyReviews()).ok).toBe(true);
  });
});
