import { expect } from 'vitest';
import { REVIEW_POINTS } from '../../subgraphs/reviews/domain/types.js';
import type { TestSystem } from './system.js';

// Scenarios several end-to-end suites build on, through the gateway only (no shortcuts into tables).

/** A query that must succeed: returns the value of its first root field. */
export async function gqlOk(sys: TestSystem, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const r = await sys.gql(query, variables, token);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.values(r.data!)[0];
}

export const SQUAD = 'midong-zhzfdd';
export const BUREAU = 'midong-cgj';

/**
 * The squad (大队) as an agency whose catalog does not require review of its general-procedure penalties,
 * with one power item of its own drafted, approved and published through the R1 workflow.
 */
export async function setUpSquad(
  sys: TestSystem,
  o: {
    code: string;
    policy?: Record<string, unknown>;
    item?: { name: string; law: string; article: string };
    tokens: { admin: string; officer: string; reviewer: string };
  },
): Promise<void> {
  const agency = await gqlOk(sys, `query($id: ID!) { agency(id: $id) { version } }`, { id: sys.agencyId(SQUAD) });
  await gqlOk(
    sys,
    `mutation($input: UpdateAgencyInput!) { updateAgency(input: $input) { id } }`,
    {
      input: {
        id: sys.agencyId(SQUAD),
        version: agency.version,
        policy: { reviewAllGeneralProcedurePenalties: false, caseNumberFormat: '米城管执罚〔{year}〕{seq}号', ...o.policy },
      },
    },
    o.tokens.admin,
  );
  const item = o.item ?? { name: '对在禁止区域内露天烧烤食品的行政处罚', law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' };
  const created = await gqlOk(
    sys,
    `mutation($input: CreatePowerItemInput!) { createPowerItem(input: $input) { id } }`,
    {
      input: {
        agencyId: sys.agencyId(SQUAD),
        code: o.code,
        item: {
          name: item.name,
          category: 'PENALTY',
          enforcementArea: '城市管理综合执法',
          establishingBasis: [{ law: item.law, article: item.article }],
          procedureSteps: ['立案', '调查取证', '告知', '决定', '送达', '执行', '结案'],
          reliefChannels: [{ kind: 'ADMINISTRATIVE_RECONSIDERATION', body: '米东区人民政府', timeLimit: '自知道之日起六十日内' }],
        },
      },
    },
    o.tokens.officer,
  );
  for (const [m, v, tok] of [
    ['submitExAnteDocument', 1, o.tokens.officer],
    ['approveExAnteDocument', 2, o.tokens.reviewer],
    ['publishExAnteDocument', 3, o.tokens.reviewer],
  ] as const) {
    await gqlOk(sys, `mutation($input: WorkflowInput!) { ${m}(input: $input) { status } }`, { input: { id: created.id, version: v } }, tok);
  }
}

export const proposeBarbecueFine = (sys: TestSystem, caseId: string, token: string, article = '第一百一十八条', fineAmount = '5000') =>
  gqlOk(
    sys,
    `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) { id contentHash reviewRequired } }`,
    {
      input: {
        caseId,
        outcome: 'PENALTY',
        penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'],
        fineAmount,
        discretionTier: 'ORDINARY',
        legalBasis: [{ law: '中华人民共和国大气污染防治法', article }],
        reasoning: '当事人在禁止区域露天烧烤，经责令后仍未改正。',
      },
    },
    token,
  );

/**
 * A GENERAL-procedure penalty of the bureau, filed 2026-11-02, investigated on site (with its AV record),
 * proposed (5,000 yuan, which the bureau's catalog sends to legal review) and notified on 2026-11-05.
 */
export async function notifiedBureauCase(sys: TestSystem, officerKeys = ['officer-sun', 'officer-abdurahman']) {
  const officers = officerKeys.map((k) => sys.officerId(k));
  const tok = await sys.token('OFFICER', BUREAU, officerKeys[0]!);
  const c = await gqlOk(
    sys,
    `mutation($input: FileCaseInput!) { fileCase(input: $input) { id version } }`,
    {
      input: {
        agencyId: sys.agencyId(BUREAU),
        caseType: 'PENALTY',
        procedure: 'GENERAL',
        powerItemCode: '650109-CF-0001',
        party: { kind: 'NATURAL_PERSON', name: '李四', residentIdNumber: '11010519491231002X', address: '米东区某街道' },
        officerIds: officers,
        source: { kind: 'COMPLAINT' },
        factsSummary: '在禁止区域内露天烧烤食品。',
        filedOn: '2026-11-02',
      },
    },
    tok,
  );
  const text = (documentType: string, stage: string, title: string, extra: Record<string, unknown> = {}) =>
    gqlOk(
      sys,
      `mutation($input: TextRecordInput!) { recordText(input: $input) { id } }`,
      { input: { caseId: c.id, documentType, stage, title, content: `${title}内容`, ...extra } },
      tok,
    );
  await gqlOk(
    sys,
    `mutation($input: CaseEventInput!) { recordEvent(input: $input) { id } }`,
    { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: '2026-11-02', officerIds: officers } },
    tok,
  );
  await text('FILING_APPROVAL', 'INITIATION', '立案审批表', { occurredOn: '2026-11-02' });
  await gqlOk(
    sys,
    `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { version } }`,
    { input: { caseId: c.id, version: c.version } },
    tok,
  );
  await text('ON_SITE_INSPECTION_RECORD', 'INVESTIGATION', '现场检查笔录', { occurredOn: '2026-11-03', officerIds: officers });
  await gqlOk(
    sys,
    `mutation($input: AvRecordInput!) { registerAvRecord(input: $input) { id } }`,
    {
      input: {
        caseId: c.id,
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        sha256: 'b'.repeat(64),
        sizeBytes: 2048000,
        durationSeconds: 600,
        device: '执法记录仪 DSJ-007',
        officerIds: officers,
        startedAt: '2026-11-03T03:00:00Z',
        endedAt: '2026-11-03T03:10:00Z',
        location: '米东区某街道',
        storageUri: 'file://av/2026/11/03/007.mp4',
      },
    },
    tok,
  );
  const proposal = await proposeBarbecueFine(sys, c.id, tok);
  const notified = await gqlOk(
    sys,
    `mutation($input: CaseEventInput!) { recordEvent(input: $input) { version } }`,
    { input: { caseId: c.id, kind: 'RIGHTS_NOTIFIED', occurredOn: '2026-11-05' } },
    tok,
  );
  await text('RIGHTS_NOTICE', 'INVESTIGATION', '行政处罚告知书', { occurredOn: '2026-11-05' });
  return { id: c.id as string, version: notified.version as number, proposal, tok, officers, text };
}

/** An opinion's findings with every one of the nine points (R8) marked PASS. */
export const allPass = () => REVIEW_POINTS.map((point) => ({ point, result: 'PASS' as string }));
