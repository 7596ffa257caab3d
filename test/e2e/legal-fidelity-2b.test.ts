import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, sha256 } from '../helpers/scenarios.js';
import { startTestSystem, type GqlResult, type TestSystem } from '../helpers/system.js';

// Issue 26, part B: the second round of legal fidelity, each point tried through the gateway on the real database.
// The business clock is moved; every act is entered on its day unless the test tries backdating.

const TODAY = '2026-11-20';
const BUREAU = 'midong-cgj';
let sys: TestSystem;
const t = {} as Record<'officer' | 'principal' | 'reviewer' | 'reviewer2' | 'admin' | 'supervisor', string>;

const ext = (r: GqlResult) => r.errors?.[0]?.extensions ?? {};
const on = (date: string) => sys.clock.set(date);
const ok = (q: string, variables: Record<string, unknown>, tok?: string) => gqlOk(sys, q, variables, tok);

const CASE = 'id caseNumber caseType state version filedOn decidedOn';
const FILE = `mutation($input: FileCaseInput!) { fileCase(input: $input) { ${CASE} } }`;
const TEXT = `mutation($input: TextRecordInput!) { recordText(input: $input) { id } }`;
const AV = `mutation($input: AvRecordInput!) { registerAvRecord(input: $input) { id } }`;
const START = `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id version } }`;

const bureauOfficers = () => [sys.officerId('officer-sun'), sys.officerId('officer-abdurahman')];
const PERSON = { kind: 'NATURAL_PERSON', name: '马建军', residentIdNumber: '11010519491231002X', address: '米东区某街道' };

async function fileBureau(over: Record<string, unknown> = {}, tok = t.officer) {
  return ok(
    FILE,
    {
      input: {
        agencyId: sys.agencyId(BUREAU),
        procedure: 'GENERAL',
        powerItemCode: '650109-CF-0001',
        party: PERSON,
        officerIds: bureauOfficers(),
        source: { kind: 'COMPLAINT' },
        factsSummary: '在禁止区域内露天烧烤食品。',
        ...over,
      },
    },
    tok,
  );
}

let docSeq = 0;
const doc = (caseId: string, documentType: string, stage: string, extra: Record<string, unknown> = {}, tok = t.officer) =>
  sys.gql(
    TEXT,
    {
      input: {
        caseId,
        documentType,
        stage,
        title: documentType,
        content: `${documentType}：依法制作，载明事实、理由、依据和处理意见。`,
        documentNumber: `米城管文〔2026〕${++docSeq}号`,
        ...extra,
      },
    },
    tok,
  );

const av = (caseId: string, activity: string, officerIds: string[], day = sys.clock.today()) =>
  sys.gql(
    AV,
    {
      input: {
        caseId,
        stage: 'INVESTIGATION',
        activity,
        sha256: sha256(`av:${caseId}:${activity}:${++docSeq}`),
        sizeBytes: 2048000,
        durationSeconds: 600,
        device: '执法记录仪 DSJ-007',
        officerIds,
        startedAt: `${day}T03:00:00Z`,
        endedAt: `${day}T03:10:00Z`,
        location: '米东区某街道',
        storageUri: `file://av/${docSeq}.mp4`,
      },
    },
    t.officer,
  );

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.principal = await sys.token('PRINCIPAL', BUREAU, 'principal-wang');
  t.reviewer = await sys.token('REVIEWER', BUREAU, 'reviewer-zhang');
  t.reviewer2 = await sys.token('REVIEWER', BUREAU, 'reviewer-li');
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.supervisor = await sys.token('SUPERVISOR', null, 'supervisor-ma');
}, 60_000);
afterAll(() => sys?.stop());

describe('R2 — on-site activities from the published list, with officers', () => {
  it('refuses an unlisted activity code (SAMPLING) on a text or AV record, and a listed on-site activity without officers', async () => {
    on(TODAY);
    const c = await fileBureau();
    await ok(START, { input: { caseId: c.id, version: c.version } }, t.officer);
    expect(ext(await doc(c.id, 'OTHER', 'INVESTIGATION', { activity: 'SAMPLING' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activity' });
    expect(ext(await doc(c.id, 'OTHER', 'INVESTIGATION', { activity: 'SAMPLING', officerIds: bureauOfficers() }))).toMatchObject({
      field: 'activity',
    });
    expect(ext(await av(c.id, 'SAMPLING', bureauOfficers()))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activity' });
    // EVIDENCE_COLLECTION is on the bureau's published list: it names its two officers.
    expect(ext(await doc(c.id, 'OTHER', 'INVESTIGATION', { activity: 'EVIDENCE_COLLECTION' }))).toMatchObject({
      code: 'CREDENTIAL_INVALID',
      field: 'officerIds',
    });
    expect((await doc(c.id, 'OTHER', 'INVESTIGATION', { activity: 'EVIDENCE_COLLECTION', officerIds: bureauOfficers() })).errors).toBeUndefined();
    expect((await av(c.id, 'EVIDENCE_COLLECTION', bureauOfficers())).errors).toBeUndefined();
  });
});

describe('R2 — enforcement areas and credential validity have a dated history', () => {
  const OFFICER = 'id version enforcementAreas validUntil credentialTermsHistory { effectiveFrom validUntil enforcementAreas reason }';
  it('an area added or a validity extended today does not validate an act of three days ago', async () => {
    on('2026-11-17');
    const c = await fileBureau();
    await ok(START, { input: { caseId: c.id, version: c.version } }, t.officer);
    on(TODAY);
    const create = (name: string, credentialNumber: string, validUntil: string, enforcementAreas: string[]) =>
      ok(
        `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { ${OFFICER} } }`,
        { input: { agencyId: sys.agencyId(BUREAU), name, credentialNumber, validFrom: '2024-01-01', validUntil, enforcementAreas } },
        t.admin,
      );
    const update = (input: Record<string, unknown>) => sys.gql(`mutation($input: UpdateOfficerInput!) { updateOfficer(input: $input) { ${OFFICER} } }`, { input }, t.admin);
    const areaLess = await create('周海涛', '65010901261', '2028-12-31', ['市容环境卫生']);
    const expired = await create('钱志远', '65010901262', '2026-11-15', ['城市管理综合执法']);
    // Backdating a change needs a reason (it changes how earlier acts are judged).
    expect(ext(await update({ id: areaLess.id, version: areaLess.version, enforcementAreas: ['市容环境卫生', '城市管理综合执法'], termsEffectiveFrom: '2026-11-01' }))).toMatchObject({
      field: 'termsReason',
    });
    const widened = (await update({ id: areaLess.id, version: areaLess.version, enforcementAreas: ['市容环境卫生', '城市管理综合执法'] })).data!.updateOfficer as any;
    expect(widened.credentialTermsHistory.map((h: any) => [h.effectiveFrom, h.enforcementAreas])).toEqual([
      ['2024-01-01', ['市容环境卫生']],
      [TODAY, ['市容环境卫生', '城市管理综合执法']],
    ]);
    const renewed = (await update({ id: expired.id, version: expired.version, validUntil: '2028-12-31' })).data!.updateOfficer as any;
    expect(renewed.validUntil).toBe('2028-12-31');
    const threeDaysAgo = { occurredOn: '2026-11-17', lateEntryReason: '现场笔录纸质签署，系统补录' };
    for (const o of [areaLess, expired]) {
      const pair = [sys.officerId('officer-sun'), o.id];
      expect(ext(await doc(c.id, 'ON_SITE_INSPECTION_RECORD', 'INVESTIGATION', { officerIds: pair, ...threeDaysAgo })), o.id).toMatchObject({
        code: 'CREDENTIAL_INVALID',
        officerId: o.id,
      });
      expect((await doc(c.id, 'ON_SITE_INSPECTION_RECORD', 'INVESTIGATION', { officerIds: pair })).errors, o.id).toBeUndefined();
    }
    // The API answers the same way for the past date.
    const check = await ok(
      `query($id: ID!) { officer(id: $id) { past: credentialValidOn(date: "2026-11-17", area: "城市管理综合执法") { valid } now: credentialValidOn(date: "${TODAY}", area: "城市管理综合执法") { valid } } }`,
      { id: areaLess.id },
      t.supervisor,
    );
    expect(check).toMatchObject({ past: { valid: false }, now: { valid: true } });
  });
});
