import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../kernel/ids.js';
import { BUREAU, SQUAD, allPass, gqlOk, notifiedBureauCase, sha256 } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 12, "also fix": personal data in record payloads, no existence oracle, concurrent idempotent retries.

const TODAY = '2026-11-20';
let sys: TestSystem;
type Res = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const codeOf = (r: Res) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
});
afterAll(() => sys?.stop());

const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { id caseNumber version } }`;
const fileInput = (key: string, facts = '在禁止区域内露天烧烤食品。') => ({
  agencyId: sys.agencyId(BUREAU),
  caseType: 'PENALTY',
  procedure: 'GENERAL',
  powerItemCode: '650109-CF-0001',
  party: { kind: 'NATURAL_PERSON', name: '王五', residentIdNumber: '11010519491231002X', address: '米东区幸福路 8 号 3 单元 502 室' },
  officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')],
  source: { kind: 'COMPLAINT' },
  factsSummary: facts,
  idempotencyKey: key,
});

describe('personal data in record payloads follows the party field rules', () => {
  it('a lodged-service AV record at the party’s home: handlers see the location, other officers of the agency do not', async () => {
    const c = await notifiedBureauCase(sys);
    const [[party]] = (await sys.casesDb.pool.query('SELECT p.address FROM parties p JOIN cases c ON c.party_id = p.id WHERE c.id = ?', [c.id])) as unknown as [
      { address: string }[],
    ];
    const home = party!.address;
    await gqlOk(
      sys,
      `mutation($input: AvRecordInput!) { registerAvRecord(input: $input) { id } }`,
      {
        input: {
          caseId: c.id,
          stage: 'SERVICE',
          activity: 'LODGED_SERVICE',
          sha256: sha256(`lodged:${c.id}`),
          sizeBytes: 1024000,
          durationSeconds: 300,
          device: '执法记录仪 DSJ-007',
          officerIds: c.officers,
          startedAt: '2026-11-19T03:00:00Z',
          endedAt: '2026-11-19T03:05:00Z',
          location: home,
          storageUri: 'file://av/2026/11/19/lodged.mp4',
        },
      },
      c.tok,
    );
    const q = `query($id: ID!) { case(id: $id) { party { address } records(stage: SERVICE) { kind payload } } }`;
    const handler = await gqlOk(sys, q, { id: c.id }, c.tok);
    expect(handler.records.find((r: any) => r.kind === 'AV_RECORD').payload).toContain(home);
    const other = await gqlOk(sys, q, { id: c.id }, await sys.token('OFFICER', BUREAU, 'officer-chen'));
    expect(other.party.address).toBeNull();
    const av = other.records.find((r: any) => r.kind === 'AV_RECORD');
    expect(av.payload).not.toContain(home);
    expect(JSON.parse(av.payload)).toMatchObject({ activity: 'LODGED_SERVICE', location: null, personalFields: ['location'] });
  });
});

describe('permission before existence and version (no existence oracle)', () => {
  it('anonymous and other-agency callers get the same answer for a real case (with a stale version) and an unknown id', async () => {
    const c = await gqlOk(sys, FILE, { input: fileInput(`oracle-${newId()}`) }, await sys.token('OFFICER', BUREAU, 'officer-sun'));
    const START = `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id } }`;
    const DECIDE = `mutation($input: DecideCaseInput!) { decideCase(input: $input) { id } }`;
    const callers: [string, string | undefined][] = [
      ['anonymous', undefined],
      ['other agency officer', await sys.token('OFFICER', SQUAD, null)],
      ['supervisor', await sys.token('SUPERVISOR', null, 'supervisor-ma')],
    ];
    for (const [who, tok] of callers) {
      const real = await sys.gql(START, { input: { caseId: c.id, version: 99 } }, tok);
      const unknown = await sys.gql(START, { input: { caseId: newId(), version: 99 } }, tok);
      const msg = (r: Res) => r.errors?.[0]?.message.replace(/[0-9A-Z]{26}/g, '<id>');
      expect([who, codeOf(real), msg(real)]).toEqual([who, codeOf(unknown), msg(unknown)]);
      expect(codeOf(real)).not.toBe('CONFLICT');
      expect(JSON.stringify(real.errors)).not.toContain('currentVersion');
      const realD = await sys.gql(DECIDE, { input: { caseId: c.id, proposalId: newId(), version: 99, partyPresent: true } }, tok);
      const unknownD = await sys.gql(DECIDE, { input: { caseId: newId(), proposalId: newId(), version: 99, partyPresent: true } }, tok);
      expect([who, codeOf(realD), msg(realD)]).toEqual([who, codeOf(unknownD), msg(unknownD)]);
    }
    // The handler with a stale version still learns the current one (they may act on the case).
    const stale = await sys.gql(START, { input: { caseId: c.id, version: 99 } }, await sys.token('OFFICER', BUREAU, 'officer-sun'));
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
  });

  it("another agency's review: an opinion or assignment answers the same for a real and an unknown review id", async () => {
    const c = await notifiedBureauCase(sys);
    const review = await gqlOk(
      sys,
      `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { id version } }`,
      { input: { caseId: c.id, proposalId: c.proposal.id, materials: ['案卷'], handlerStatement: '真实完整', reviewerId: sys.officerId('reviewer-zhang') } },
      c.tok,
    );
    const OPINION = `mutation($id: ID!, $input: ReviewOpinionInput!) { recordReviewOpinion(reviewId: $id, input: $input) { id } }`;
    const ASSIGN = `mutation($input: AssignReviewerInput!) { assignReviewer(input: $input) { id } }`;
    const input = { version: 99, findings: allPass(), conclusion: 'APPROVED', opinion: '同意' };
    for (const tok of [undefined, await sys.token('REVIEWER', SQUAD, null), await sys.token('PRINCIPAL', SQUAD, null)]) {
      const real = await sys.gql(OPINION, { id: review.id, input }, tok);
      const unknown = await sys.gql(OPINION, { id: newId(), input }, tok);
      expect(codeOf(real)).toBe(codeOf(unknown));
      expect(codeOf(real)).not.toBe('CONFLICT');
      const realA = await sys.gql(ASSIGN, { input: { reviewId: review.id, version: 99, reviewerId: sys.officerId('reviewer-li') } }, tok);
      const unknownA = await sys.gql(ASSIGN, { input: { reviewId: newId(), version: 99, reviewerId: sys.officerId('reviewer-li') } }, tok);
      expect(codeOf(realA)).toBe(codeOf(unknownA));
    }
  });
});

describe('concurrent retries with one idempotency key', () => {
  it('10 simultaneous fileCase calls all return the first call’s case; the same key with other input is a CONFLICT', async () => {
    const tok = await sys.token('OFFICER', BUREAU, 'officer-sun');
    const key = `retry-${newId()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => sys.gql(FILE, { input: fileInput(key) }, tok)));
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    const ids = new Set(results.map((r) => r.data!.fileCase.id));
    expect(ids.size).toBe(1);
    const [[n]] = (await sys.casesDb.pool.query('SELECT COUNT(*) AS n FROM cases WHERE idempotency_key LIKE ?', [`%:${key}`])) as unknown as [{ n: number }[]];
    expect(Number(n!.n)).toBe(1);
    const other = await sys.gql(FILE, { input: fileInput(key, '另一事实。') }, tok);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    expect(other.errors?.[0]?.message).toContain('该幂等键（idempotencyKey）已用于内容不同的请求');
  });

  it('5 simultaneous proposeDecision calls all return the first call’s proposal; other input is a CONFLICT', async () => {
    const c = await notifiedBureauCase(sys);
    const PROPOSE = `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id contentHash } }`;
    const input = (fineAmount: string) => ({
      caseId: c.id,
      outcome: 'PENALTY',
      penaltyTypes: ['FINE'],
      fineAmount,
      discretionTier: 'ORDINARY',
      legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条' }],
      reasoning: '当事人在禁止区域露天烧烤，经责令后仍未改正。',
      idempotencyKey: `p-${c.id}`,
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => sys.gql(PROPOSE, { input: input('3000') }, c.tok)));
    expect(results.map((r) => r.errors)).toEqual(Array(5).fill(undefined));
    expect(new Set(results.map((r) => r.data!.proposeDecision.id)).size).toBe(1);
    const other = await sys.gql(PROPOSE, { input: input('4000') }, c.tok);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });
});
