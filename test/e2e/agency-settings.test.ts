import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../kernel/identifiers.js';
import { gqlOk, notifiedBureauCase, publishThroughWorkflow, SQUAD, BUREAU } from '../helpers/scenarios.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 25, R1 for agency settings: the policy the case rules read and the entrustment (委托书) change only through a
// drafted version that the agency's legal reviewer approves and that is then published; an ADMIN call alone changes
// nothing in force, and a case pins the policy version each act applied.

let sys: TestSystem;
const t = { admin: '', officer: '', reviewer: '', principal: '', supervisor: '', squadOfficer: '', squadReviewer: '' };
type Err = { errors?: { message: string; extensions?: Record<string, unknown> }[] };
const codeOf = (r: Err) => r.errors?.[0]?.extensions?.code;

const AGENCY = `query($id: ID!) { agency(id: $id) { version kind policy { reviewAllGeneralProcedurePenalties lateEntryWorkingDays }
  policyVersion { id versionNo status } entrustment { documentNumber validUntil } entrustmentVersion { id versionNo }
  settingsVersions { id kind versionNo status } } }`;
const agency = (key: string, token?: string) => gqlOk(sys, AGENCY, { id: sys.agencyId(key) }, token);
const UPDATE = `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }`;
const REVISE_POLICY = `mutation($input: ReviseAgencyPolicyInput!) { reviseAgencyPolicy(input: $input) { id version versionNo status policy { lateEntryWorkingDays reviewAllGeneralProcedurePenalties } } }`;
const WORKFLOW = (m: string) => `mutation($input: WorkflowInput!) { ${m}(input: $input) { id status version } }`;
const recordsOf = async (caseId: string) =>
  (
    (await gqlOk(sys, `query($id: ID!) { case(id: $id) { records { kind payload } } }`, { id: caseId }, t.supervisor)).records as {
      kind: string;
      payload: string;
    }[]
  ).map((e) => ({ kind: e.kind, payload: JSON.parse(e.payload) as Record<string, any> }));

beforeAll(async () => {
  sys = await startTestSystem({ today: '2026-11-20' });
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.reviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
  t.squadOfficer = await sys.token('OFFICER', SQUAD, 'squad-he');
  t.squadReviewer = await sys.token('REVIEWER', SQUAD, 'squad-nuraili');
}, 120_000);
afterAll(() => sys?.stop());

describe('R1 for agency settings (issue 25)', () => {
  it('an ADMIN call alone cannot change the policy or the entrustment in force', async () => {
    const before = await agency(BUREAU);
    expect(before.policy).toEqual({ reviewAllGeneralProcedurePenalties: true, lateEntryWorkingDays: 3 });
    expect(before.policyVersion).toBeNull(); // still the settings recorded when the bureau was established
    // The review switch-off and the late-entry change of the issue, as one ADMIN call each: refused.
    for (const policy of [{ reviewAllGeneralProcedurePenalties: false }, { lateEntryWorkingDays: 30 }]) {
      const r = await sys.gql(UPDATE, { input: { id: sys.agencyId(BUREAU), version: before.version, policy } }, t.admin);
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.errors![0]!.message).toContain('reviseAgencyPolicy');
    }
    const squad = await agency(SQUAD);
    const entrust = await sys.gql(
      UPDATE,
      {
        input: {
          id: sys.agencyId(SQUAD),
          version: squad.version,
          entrustment: {
            entrustingAgencyId: sys.agencyId(BUREAU),
            documentNumber: '米城管委〔2026〕9号',
            powerItemCodes: ['650109-CF-0001'],
            validFrom: '2026-01-01',
            validUntil: '2030-12-31',
          },
        },
      },
      t.admin,
    );
    expect(codeOf(entrust)).toBe('FORBIDDEN');

    // The ADMIN may draft and submit a version, but not approve or publish it: nothing changes in force.
    const draft = await gqlOk(
      sys,
      REVISE_POLICY,
      { input: { agencyId: sys.agencyId(BUREAU), policy: { reviewAllGeneralProcedurePenalties: false } } },
      t.admin,
    );
    expect(draft).toMatchObject({ status: 'DRAFT', versionNo: 1, policy: { reviewAllGeneralProcedurePenalties: false, lateEntryWorkingDays: 3 } });
    expect(codeOf(await sys.gql(WORKFLOW('publishExAnteDocument'), { input: { id: draft.id, version: draft.version } }, t.admin))).toBe('INVALID_STATE');
    const submitted = await gqlOk(sys, WORKFLOW('submitExAnteDocument'), { input: { id: draft.id, version: draft.version } }, t.admin);
    expect(codeOf(await sys.gql(WORKFLOW('approveExAnteDocument'), { input: { id: draft.id, version: submitted.version } }, t.admin))).toBe('FORBIDDEN');
    expect((await agency(BUREAU)).policy.reviewAllGeneralProcedurePenalties).toBe(true);
    // The reviewer sends it back: the switch-off never takes effect.
    await gqlOk(
      sys,
      WORKFLOW('rejectExAnteDocument'),
      { input: { id: draft.id, version: submitted.version, note: '一般程序处罚一律法制审核不得取消' } },
      t.reviewer,
    );
    const after = await agency(BUREAU);
    expect(after.policy).toEqual(before.policy);
    expect(after.policyVersion).toBeNull();
    // Drafts are internal: the public does not see the rejected version.
    expect((await agency(BUREAU)).settingsVersions).toEqual([]);
    expect((await agency(BUREAU, t.officer)).settingsVersions).toEqual([{ id: draft.id, kind: 'AGENCY_POLICY', versionNo: 1, status: 'DRAFT' }]);
  });

  it('a general-procedure fine still needs review after the refused switch-off (REVIEW_REQUIRED), the policy rule among the reasons', async () => {
    const c = await notifiedBureauCase(sys);
    const p = await gqlOk(
      sys,
      `query($id: ID!) { case(id: $id) { version proposals { id reviewRequired reviewReasons { ruleCode } } } }`,
      { id: c.id },
      t.supervisor,
    );
    const proposal = p.proposals.find((x: { id: string }) => x.id === c.proposal.id);
    expect(proposal.reviewRequired).toBe(true);
    expect(proposal.reviewReasons.map((r: { ruleCode: string }) => r.ruleCode)).toContain('POLICY');
    const r = await sys.gql(
      `mutation($input: DecideCaseInput!) { decideCase(input: $input) { state } }`,
      { input: { caseId: c.id, proposalId: c.proposal.id, version: p.version, partyPresent: true } },
      t.principal,
    );
    expect(codeOf(r)).toBe('REVIEW_REQUIRED');
    // The proposal entry pins the policy it was computed under (as established: version 0).
    const logged = (await recordsOf(c.id)).find((e) => e.kind === 'PROPOSAL' && e.payload.proposalId === c.proposal.id)!;
    expect(logged.payload.policy).toEqual({ agencyId: sys.agencyId(BUREAU), versionId: null, versionNo: 0 });
  });

  it('a version approved by the reviewer and published is in force, and a case filed afterwards pins it', async () => {
    const draft = await gqlOk(sys, REVISE_POLICY, { input: { agencyId: sys.agencyId(BUREAU), policy: { lateEntryWorkingDays: 5 } } }, t.officer);
    // The rejected draft is edited (version 1 again), starting from it: the rejected switch-off must be undone explicitly.
    expect(draft.versionNo).toBe(1);
    const fixed = await gqlOk(
      sys,
      REVISE_POLICY,
      { input: { agencyId: sys.agencyId(BUREAU), policy: { lateEntryWorkingDays: 5, reviewAllGeneralProcedurePenalties: true } } },
      t.officer,
    );
    expect(fixed.policy).toEqual({ lateEntryWorkingDays: 5, reviewAllGeneralProcedurePenalties: true });
    await publishThroughWorkflow(sys, fixed, { officer: t.officer, reviewer: t.reviewer });
    const now = await agency(BUREAU);
    expect(now.policy).toEqual({ reviewAllGeneralProcedurePenalties: true, lateEntryWorkingDays: 5 });
    expect(now.policyVersion).toMatchObject({ id: fixed.id, versionNo: 1, status: 'PUBLISHED' });

    // A second draft does not change what is in force until it too is published.
    const v2 = await gqlOk(sys, REVISE_POLICY, { input: { agencyId: sys.agencyId(BUREAU), policy: { lateEntryWorkingDays: 30 } } }, t.officer);
    expect(v2).toMatchObject({ versionNo: 2, status: 'DRAFT' });
    expect((await agency(BUREAU)).policy.lateEntryWorkingDays).toBe(5);

    // An SQL edit of the establishment record (the old place of the setting) no longer changes anything in force.
    await sys.powersDb.pool.query(`UPDATE agencies SET policy = JSON_SET(policy, '$.reviewAllGeneralProcedurePenalties', false) WHERE id = ?`, [
      sys.agencyId(BUREAU),
    ]);
    expect((await agency(BUREAU)).policy.reviewAllGeneralProcedurePenalties).toBe(true);

    const c = await notifiedBureauCase(sys, ['officer-chen', 'officer-gulimila']);
    const filing = (await recordsOf(c.id)).find((e) => e.kind === 'TRANSITION' && e.payload.action === 'file')!;
    expect(filing.payload.settings.policy).toEqual([{ agencyId: sys.agencyId(BUREAU), versionId: fixed.id, versionNo: 1 }]);
    const proposal = (await recordsOf(c.id)).find((e) => e.kind === 'PROPOSAL')!;
    expect(proposal.payload.policy).toEqual({ agencyId: sys.agencyId(BUREAU), versionId: fixed.id, versionNo: 1 });
  });

  it('the entrustment (委托书) changes only through a published version', async () => {
    const before = await agency(SQUAD);
    expect(before.entrustmentVersion).toBeNull();
    const draft = await gqlOk(
      sys,
      `mutation($input: ReviseEntrustmentInput!) { reviseEntrustment(input: $input) { id version versionNo status entrustment { documentNumber } } }`,
      {
        input: {
          agencyId: sys.agencyId(SQUAD),
          entrustment: {
            entrustingAgencyId: sys.agencyId(BUREAU),
            documentNumber: '米城管委〔2026〕2号',
            powerItemCodes: ['650109-CF-0001'],
            validFrom: '2026-01-01',
            validUntil: '2027-12-31',
          },
        },
      },
      t.squadOfficer,
    );
    expect(draft).toMatchObject({ versionNo: 1, status: 'DRAFT', entrustment: { documentNumber: '米城管委〔2026〕2号' } });
    expect((await agency(SQUAD)).entrustment).toEqual(before.entrustment);
    await publishThroughWorkflow(sys, draft, { officer: t.squadOfficer, reviewer: t.squadReviewer });
    const after = await agency(SQUAD);
    expect(after.entrustment).toEqual({ documentNumber: '米城管委〔2026〕2号', validUntil: '2027-12-31' });
    expect(after.entrustmentVersion).toMatchObject({ id: draft.id, versionNo: 1 });
  });
});

describe('Agency.policy and entrustment in a list: batched (issue 25 follow-up)', () => {
  it('the statements of `agencies { policy entrustment }` do not grow with the number of agencies', async () => {
    const LIST = `{ agencies { id kind policy { lateEntryWorkingDays reviewAllGeneralProcedurePenalties } policyVersion { versionNo } entrustment { documentNumber } } }`;
    const cost = async () => {
      const before = sys.powersDb.stats.statements;
      const d = (await gqlOk(sys, LIST, {}, t.supervisor)) as { id: string; policy: unknown }[];
      expect(d.every((a) => a.policy)).toBe(true);
      return { agencies: d.length, statements: sys.powersDb.stats.statements - before };
    };
    const few = await cost();
    // Four more agencies, each established with its own logged settings (the policy falls back to them).
    for (let i = 0; i < 4; i++) {
      const first17 = `1165010${String(900000 + i).padStart(10, '0')}`;
      await gqlOk(
        sys,
        `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`,
        {
          input: {
            name: `成本测试执法局${i}`,
            kind: 'STATUTORY',
            uscc: `${first17}${usccCheckChar(first17)}`,
            region: '米东区',
            legalBasis: [{ law: '中华人民共和国行政处罚法', article: '第十八条' }],
          },
        },
        t.admin,
      );
    }
    const many = await cost();
    expect(many.agencies).toBe(few.agencies + 4);
    // On main each agency's policy cost its own statement (the published versions read from the powers log per agency).
    expect(many.statements).toBe(few.statements);
  });
});
