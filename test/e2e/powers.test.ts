import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// The powers subgraph through the gateway, on the real database with the demo bureau.

let sys: TestSystem;
let tokens: Record<'officer' | 'officer2' | 'reviewer' | 'reviewer2' | 'admin' | 'otherAgencyOfficer', string>;
const AGENCY = 'midong-cgj';

beforeAll(async () => {
  sys = await startTestSystem();
  tokens = {
    officer: await sys.token('OFFICER', AGENCY, 'officer-sun'),
    officer2: await sys.token('OFFICER', AGENCY, 'officer-chen'),
    reviewer: await sys.token('REVIEWER', AGENCY, 'reviewer-zhang'),
    reviewer2: await sys.token('REVIEWER', AGENCY, 'reviewer-li'),
    admin: await sys.token('ADMIN', null, 'admin-zhao'),
    otherAgencyOfficer: await sys.token('OFFICER', 'midong-zhzfdd', 'squad-he'),
  };
});
afterAll(() => sys?.stop());

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const ext = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? {};

const POWER_ITEM_INPUT = {
  name: '对擅自在街道两侧和公共场地堆放物料的行政处罚',
  category: 'PENALTY',
  enforcementArea: '城市管理综合执法',
  establishingBasis: [{ law: '城市市容和环境卫生管理条例', article: '第三十六条' }],
  procedureSteps: ['立案', '调查取证', '告知', '法制审核', '决定', '送达', '执行', '结案'],
  reliefChannels: [{ kind: 'ADMINISTRATIVE_RECONSIDERATION', body: '米东区人民政府', timeLimit: '自知道之日起六十日内' }],
};

const DOC_FIELDS = 'id code versionNo status version';
const WORKFLOW = (name: string) => `mutation($input: WorkflowInput!) { ${name}(input: $input) { ${DOC_FIELDS} } }`;

describe('public ex-ante information', () => {
  it('lists agencies and published power items with agency and benchmark for anonymous callers', async () => {
    const r = await sys.gql(`{
      agencies { name kind uscc policy { reviewAllGeneralProcedurePenalties caseNumberFormat } }
      powerItems(first: 50) { totalCount edges { node { code status category agency { name } discretionBenchmark { tiers { tier fineMin fineMax } } } } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.agencies.map((a: { name: string }) => a.name)).toContain('乌鲁木齐市米东区城市管理局');
    const items = r.data!.powerItems.edges.map((e: { node: unknown }) => e.node) as { code: string; status: string; discretionBenchmark: unknown }[];
    expect(items.length).toBe(r.data!.powerItems.totalCount);
    expect(items.every((i) => i.status === 'PUBLISHED')).toBe(true);
    // Drafts and submitted items of the demo data are not public.
    expect(items.map((i) => i.code)).not.toContain('650109-CF-0006');
    expect(items.find((i) => i.code === '650109-CF-0001')?.discretionBenchmark).toBeTruthy();
  });

  it('pages with keyset cursors without repeating or skipping items', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const r: any = await sys.gql(
        `query($after: String) { powerItems(first: 3, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`,
        {
          after,
        },
      );
      seen.push(...r.data.powerItems.edges.map((e: any) => e.node.code));
      if (!r.data.powerItems.pageInfo.hasNextPage) break;
      after = r.data.powerItems.pageInfo.endCursor;
    }
    const all = await sys.gql(`{ powerItems(first: 100) { edges { node { code } } } }`);
    expect(seen).toEqual(all.data!.powerItems.edges.map((e: any) => e.node.code));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('hides restricted officer fields from the public and shows them to the agency staff', async () => {
    const q = `query($id: ID!) { officers(agencyId: $id, first: 50) { edges { node { name credentialNumber credentialStatus reviewQualified legalProfessionCertificate } } } }`;
    const pub = await sys.gql(q, { id: sys.agencyId(AGENCY) });
    const nodes = pub.data!.officers.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(5);
    expect(nodes.every((n: any) => n.reviewQualified === null && n.legalProfessionCertificate === null)).toBe(true);
    expect(JSON.stringify(pub)).not.toContain('A20186501090123');
    const staff = await sys.gql(q, { id: sys.agencyId(AGENCY) }, tokens.officer);
    expect(staff.data!.officers.edges.some((e: any) => e.node.legalProfessionCertificate === 'A20186501090123')).toBe(true);
  });

  it('answers whether a credential was valid on a date for an area, by its dated status history', async () => {
    const q = `query($id: ID!, $date: Date!) { officer(id: $id) { credentialStatus credentialHistory { status effectiveFrom }
      credentialValidOn(date: $date, area: "城市管理综合执法") { valid reason } } }`;
    // Suspended from 2026-09-01: valid before, not after (finding 12: today's status does not decide a past date).
    const suspended = await sys.gql(q, { id: sys.officerId('officer-zhou-suspended'), date: '2026-10-01' });
    expect(suspended.data!.officer.credentialValidOn).toEqual({ valid: false, reason: '执法证已暂扣' });
    expect(suspended.data!.officer.credentialHistory).toEqual([
      { status: 'VALID', effectiveFrom: '2024-01-01' },
      { status: 'SUSPENDED', effectiveFrom: '2026-09-01' },
    ]);
    const before = await sys.gql(q, { id: sys.officerId('officer-zhou-suspended'), date: '2026-06-01' });
    expect(before.data!.officer).toMatchObject({ credentialStatus: 'SUSPENDED', credentialValidOn: { valid: true, reason: null } });
    const expired = await sys.gql(q, { id: sys.officerId('officer-yang-expired'), date: '2026-06-01' });
    expect(expired.data!.officer.credentialValidOn.valid).toBe(false);
    const valid = await sys.gql(q, { id: sys.officerId('officer-sun'), date: '2026-06-01' });
    expect(valid.data!.officer.credentialValidOn).toEqual({ valid: true, reason: null });
  });

  it('serves the lists of R1: review catalog, random inspection items, AV recording rules, plans', async () => {
    const r = await sys.gql(
      `query($id: ID!) {
      reviewCatalog(agencyId: $id) { code procedure caseTypes fineThresholds { partyKind amount } flags }
      randomInspectionItems(agencyId: $id) { code name ratioPercent }
      avRecordingRules(agencyId: $id) { activity stage }
      annualEnforcementPlans(agencyId: $id, year: 2026) { year title }
    }`,
      { id: sys.agencyId(AGENCY) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.reviewCatalog.some((rule: any) => rule.procedure === 'GENERAL' && rule.caseTypes.includes('PENALTY'))).toBe(true);
    expect(r.data!.randomInspectionItems.length).toBeGreaterThanOrEqual(3);
    expect(r.data!.avRecordingRules.map((a: any) => a.activity)).toContain('ON_SITE_INSPECTION');
    expect(r.data!.annualEnforcementPlans[0].year).toBe(2026);
  });

  it('refuses internal statuses to the public', async () => {
    const r = await sys.gql(`{ powerItems(filter: { status: DRAFT }) { totalCount } }`);
    expect(codeOf(r)).toBe('FORBIDDEN');
    const staff = await sys.gql(`{ powerItems(filter: { status: DRAFT }) { edges { node { code status } } } }`, {}, tokens.officer);
    expect(staff.data!.powerItems.edges.map((e: any) => e.node.code)).toContain('650109-CF-0006');
  });
});

describe('versioned publication workflow (R1) through the gateway', () => {
  it('drafts, submits, approves (not by the submitter), publishes, revises and keeps the history', async () => {
    const create = await sys.gql(
      `mutation($input: CreatePowerItemInput!) { createPowerItem(input: $input) { ${DOC_FIELDS} } }`,
      { input: { agencyId: sys.agencyId(AGENCY), code: '650109-CF-9001', item: POWER_ITEM_INPUT, idempotencyKey: 'create-9001' } },
      tokens.officer,
    );
    expect(create.errors).toBeUndefined();
    const v1 = create.data!.createPowerItem;
    expect(v1).toMatchObject({ code: '650109-CF-9001', versionNo: 1, status: 'DRAFT', version: 1 });

    // A retry with the same idempotency key returns the first result instead of a duplicate.
    const retry = await sys.gql(
      `mutation($input: CreatePowerItemInput!) { createPowerItem(input: $input) { id } }`,
      { input: { agencyId: sys.agencyId(AGENCY), code: '650109-CF-9001', item: POWER_ITEM_INPUT, idempotencyKey: 'create-9001' } },
      tokens.officer,
    );
    expect(retry.data!.createPowerItem.id).toBe(v1.id);

    // Not public yet.
    expect((await sys.gql(`{ powerItem(code: "650109-CF-9001") { code } }`)).data!.powerItem).toBeNull();

    // Publishing straight from draft is refused.
    const early = await sys.gql(WORKFLOW('publishExAnteDocument'), { input: { id: v1.id, version: 1 } }, tokens.reviewer);
    expect(codeOf(early)).toBe('INVALID_STATE');

    const submitted = await sys.gql(WORKFLOW('submitExAnteDocument'), { input: { id: v1.id, version: 1 } }, tokens.reviewer);
    expect(submitted.data!.submitExAnteDocument.status).toBe('SUBMITTED');

    // The submitter may not approve their own submission.
    const own = await sys.gql(WORKFLOW('approveExAnteDocument'), { input: { id: v1.id, version: 2 } }, tokens.reviewer);
    expect(codeOf(own)).toBe('FORBIDDEN');
    // An officer is not legal review staff.
    expect(codeOf(await sys.gql(WORKFLOW('approveExAnteDocument'), { input: { id: v1.id, version: 2 } }, tokens.officer))).toBe('FORBIDDEN');
    // A stale version is a conflict.
    const stale = await sys.gql(WORKFLOW('approveExAnteDocument'), { input: { id: v1.id, version: 1 } }, tokens.reviewer2);
    expect(codeOf(stale)).toBe('CONFLICT');

    const approved = await sys.gql(WORKFLOW('approveExAnteDocument'), { input: { id: v1.id, version: 2, note: '依据准确' } }, tokens.reviewer2);
    expect(approved.data!.approveExAnteDocument.status).toBe('APPROVED');
    const published = await sys.gql(WORKFLOW('publishExAnteDocument'), { input: { id: v1.id, version: 3 } }, tokens.reviewer2);
    expect(published.data!.publishExAnteDocument).toMatchObject({ status: 'PUBLISHED', version: 4 });

    const pub = await sys.gql(`{ powerItem(code: "650109-CF-9001") { versionNo status name workflow { publishedAt approvedBy } } }`);
    expect(pub.data!.powerItem).toMatchObject({ versionNo: 1, status: 'PUBLISHED', name: POWER_ITEM_INPUT.name });
    expect(pub.data!.powerItem.workflow.publishedAt).toBeTruthy();
    expect(pub.data!.powerItem.workflow.approvedBy).toBeNull(); // actors are internal

    // Revising the published item opens version 2 as a draft; version 1 stays public.
    const revised = await sys.gql(
      `mutation($input: ReviseExAnteInput!) { reviseExAnteDocument(input: $input) { ${DOC_FIELDS} } }`,
      { input: { id: v1.id, version: 4, powerItem: { ...POWER_ITEM_INPUT, name: `${POWER_ITEM_INPUT.name}（修订）` } } },
      tokens.officer,
    );
    expect(revised.errors).toBeUndefined();
    const v2 = revised.data!.reviseExAnteDocument;
    expect(v2).toMatchObject({ versionNo: 2, status: 'DRAFT' });
    expect((await sys.gql(`{ powerItem(code: "650109-CF-9001") { versionNo name } }`)).data!.powerItem.versionNo).toBe(1);

    // A second revision of the published version while v2 is open is refused.
    const again = await sys.gql(
      `mutation($input: ReviseExAnteInput!) { reviseExAnteDocument(input: $input) { id } }`,
      { input: { id: v1.id, version: 4, powerItem: POWER_ITEM_INPUT } },
      tokens.officer,
    );
    expect(codeOf(again)).toBe('INVALID_STATE');

    await sys.gql(WORKFLOW('submitExAnteDocument'), { input: { id: v2.id, version: 1 } }, tokens.officer);
    await sys.gql(WORKFLOW('approveExAnteDocument'), { input: { id: v2.id, version: 2 } }, tokens.reviewer);
    const pub2 = await sys.gql(WORKFLOW('publishExAnteDocument'), { input: { id: v2.id, version: 3 } }, tokens.reviewer);
    expect(pub2.data!.publishExAnteDocument.status).toBe('PUBLISHED');

    const history = await sys.gql(`{ powerItem(code: "650109-CF-9001") { versionNo name versions { versionNo status workflow { retiredAt } } } }`);
    expect(history.data!.powerItem.versionNo).toBe(2);
    expect(history.data!.powerItem.versions.map((v: any) => [v.versionNo, v.status])).toEqual([
      [1, 'RETIRED'],
      [2, 'PUBLISHED'],
    ]);
    expect(history.data!.powerItem.versions[0].workflow.retiredAt).toBeTruthy();
  });

  it('lets exactly one of two concurrent approvals win', async () => {
    const create = await sys.gql(
      `mutation($input: CreatePowerItemInput!) { createPowerItem(input: $input) { id } }`,
      { input: { agencyId: sys.agencyId(AGENCY), code: '650109-CF-9002', item: POWER_ITEM_INPUT } },
      tokens.officer,
    );
    const id = create.data!.createPowerItem.id;
    await sys.gql(WORKFLOW('submitExAnteDocument'), { input: { id, version: 1 } }, tokens.officer);
    const results = await Promise.all([
      sys.gql(WORKFLOW('approveExAnteDocument'), { input: { id, version: 2 } }, tokens.reviewer),
      sys.gql(WORKFLOW('rejectExAnteDocument'), { input: { id, version: 2, note: '依据不全' } }, tokens.reviewer2),
    ]);
    const codes = results.map((r) => (r.errors ? codeOf(r) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });

  it('refuses another agency to act on the bureau’s drafts', async () => {
    const create = await sys.gql(
      `mutation($input: CreatePowerItemInput!) { createPowerItem(input: $input) { id } }`,
      { input: { agencyId: sys.agencyId(AGENCY), code: '650109-CF-9003', item: POWER_ITEM_INPUT } },
      tokens.otherAgencyOfficer,
    );
    expect(codeOf(create)).toBe('FORBIDDEN');
  });
});

describe('bad input gets a precise error and writes nothing', () => {
  const AGENCY_INPUT = {
    name: '测试执法局',
    kind: 'STATUTORY',
    uscc: '11650109MB0000001X',
    region: '米东区',
    legalBasis: [{ law: '中华人民共和国行政处罚法', article: '第十八条' }],
  };

  it('rejects an invalid USCC naming the field, and nothing is created', async () => {
    const before = (await sys.gql(`{ agencies { id } }`)).data!.agencies.length;
    const r = await sys.gql(`mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`, { input: AGENCY_INPUT }, tokens.admin);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(ext(r)).toMatchObject({ field: 'uscc' });
    expect(r.errors![0]!.message).toContain('统一社会信用代码');
    expect((await sys.gql(`{ agencies { id } }`)).data!.agencies.length).toBe(before);
  });

  it('creates an agency with a valid USCC, only as ADMIN', async () => {
    const input = { ...AGENCY_INPUT, uscc: '91230500MA1B3N1N2M', idempotencyKey: 'agency-1' };
    expect(codeOf(await sys.gql(`mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`, { input }, tokens.officer))).toBe('FORBIDDEN');
    const r = await sys.gql(
      `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id uscc policy { reviewAllGeneralProcedurePenalties } } }`,
      { input },
      tokens.admin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createAgency.policy.reviewAllGeneralProcedurePenalties).toBe(true);
    const dup = await sys.gql(
      `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`,
      { input: { ...input, idempotencyKey: 'agency-2' } },
      tokens.admin,
    );
    expect(codeOf(dup)).toBe('CONFLICT');
  });

  it('rejects an inverted fine range and an unknown power item', async () => {
    const q = `mutation($input: CreateDiscretionBenchmarkInput!) { createDiscretionBenchmark(input: $input) { id } }`;
    const inverted = await sys.gql(
      q,
      {
        input: {
          agencyId: sys.agencyId(AGENCY),
          powerItemCode: '650109-CF-0006',
          tiers: [{ tier: 'ORDINARY', circumstances: '一般情节', penaltyTypes: ['FINE'], fineMin: '8000', fineMax: '2000' }],
        },
      },
      tokens.officer,
    );
    expect(codeOf(inverted)).toBe('BAD_USER_INPUT');
    expect(ext(inverted).field).toBe('tiers.0.fineMax');
    const negative = await sys.gql(
      q,
      {
        input: {
          agencyId: sys.agencyId(AGENCY),
          powerItemCode: '650109-CF-0006',
          tiers: [{ tier: 'ORDINARY', circumstances: '一般', penaltyTypes: ['FINE'], fineMin: '-5', fineMax: '10' }],
        },
      },
      tokens.officer,
    );
    expect(codeOf(negative)).toBe('BAD_USER_INPUT');
    const unknown = await sys.gql(
      q,
      {
        input: { agencyId: sys.agencyId(AGENCY), powerItemCode: 'NO-SUCH-ITEM', tiers: [{ tier: 'MINOR', circumstances: '轻微', penaltyTypes: ['WARNING'] }] },
      },
      tokens.officer,
    );
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(ext(unknown).field).toBe('powerItemCode');
    const drafts = await sys.gql(`{ exAnteWorkQueue(agencyId: "${sys.agencyId(AGENCY)}", status: DRAFT) { kind code } }`, {}, tokens.officer);
    expect(drafts.data!.exAnteWorkQueue.filter((d: any) => d.kind === 'DISCRETION_BENCHMARK')).toEqual([]);
  });

  it('rejects a duplicate credential number with CONFLICT', async () => {
    const input = {
      agencyId: sys.agencyId(AGENCY),
      name: '新同事',
      credentialNumber: 'MD-TEST-0001',
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
      enforcementAreas: ['城市管理综合执法'],
    };
    const q = `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id credentialNumber } }`;
    expect((await sys.gql(q, { input }, tokens.admin)).errors).toBeUndefined();
    const dup = await sys.gql(q, { input: { ...input, name: '另一人' } }, tokens.admin);
    expect(codeOf(dup)).toBe('CONFLICT');
    expect(ext(dup).field).toBe('credentialNumber');
    const dates = await sys.gql(q, { input: { ...input, credentialNumber: 'MD-TEST-0002', validUntil: '2025-01-01' } }, tokens.admin);
    expect(ext(dates)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validUntil' });
  });

  it('rejects malformed money at the schema boundary', async () => {
    const r = await sys.gql(
      `mutation { createDiscretionBenchmark(input: { agencyId: "x", powerItemCode: "y", tiers: [{ tier: MINOR, circumstances: "a", penaltyTypes: [FINE], fineMin: "1e3", fineMax: "2000" }] }) { id } }`,
      {},
      tokens.officer,
    );
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.errors)).not.toMatch(/at .*\.ts|stack/i);
  });
});
