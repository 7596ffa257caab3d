import { createHash } from 'node:crypto';
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

/** A real-looking SHA-256 of some text (AV media and signed documents are registered by their digest, R18). */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Moves the system's business clock to the day an act happens: acts are entered on their day, not backdated (issue 13). */
export const on = (sys: TestSystem, date: string) => sys.clock.set(date);

/**
 * The squad (大队) as an agency whose catalog does not require review of its general-procedure penalties,
 * with one power item of its own drafted, approved and published through the R1 workflow. The demo squad is an
 * entrusted organisation (行政处罚法 Art. 20), which can act only in the bureau's name; for these suites it is
 * re-registered as an authorised organisation acting in its own name (kind AUTHORIZED, Art. 19).
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
        kind: 'AUTHORIZED',
      },
    },
    o.tokens.admin,
  );
  // The squad's settings: a new policy version drafted, approved by its reviewer and published (R1, issue 25).
  const policy = await gqlOk(
    sys,
    `mutation($input: ReviseAgencyPolicyInput!) { reviseAgencyPolicy(input: $input) { id version } }`,
    {
      input: {
        agencyId: sys.agencyId(SQUAD),
        policy: { reviewAllGeneralProcedurePenalties: false, caseNumberFormat: '米城管执罚〔{year}〕{seq}号', ...o.policy },
      },
    },
    o.tokens.officer,
  );
  await publishThroughWorkflow(sys, policy, o.tokens);
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
  await publishThroughWorkflow(sys, created, o.tokens);
}

/** R1: a drafted version submitted by the officer, approved and published by the reviewer. */
export async function publishThroughWorkflow(sys: TestSystem, doc: { id: string; version?: number }, tokens: { officer: string; reviewer: string }) {
  const v = doc.version ?? 1;
  for (const [m, n, tok] of [
    ['submitExAnteDocument', v, tokens.officer],
    ['approveExAnteDocument', v + 1, tokens.reviewer],
    ['publishExAnteDocument', v + 2, tokens.reviewer],
  ] as const) {
    await gqlOk(sys, `mutation($input: WorkflowInput!) { ${m}(input: $input) { status } }`, { input: { id: doc.id, version: n } }, tok);
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
 * proposed (5,000 yuan, which the bureau's catalog sends to legal review) and notified on 2026-11-05. Each act is
 * entered on its day (the clock moves); the clock is left where the caller had it.
 */
export async function notifiedBureauCase(sys: TestSystem, officerKeys = ['officer-sun', 'officer-abdurahman']) {
  const back = sys.clock.today();
  const officers = officerKeys.map((k) => sys.officerId(k));
  const tok = await sys.token('OFFICER', BUREAU, officerKeys[0]!);
  on(sys, '2026-11-02');
  const c = await gqlOk(
    sys,
    `mutation($input: FileCaseInput!) { fileCase(input: $input) { id version caseNumber } }`,
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
      },
    },
    tok,
  );
  let docs = 0;
  /** A formal document of the case: numbered, dated (the clock's day unless occurredOn is given), with real content. */
  const text = (documentType: string, stage: string, title: string, extra: Record<string, unknown> = {}) =>
    gqlOk(
      sys,
      `mutation($input: TextRecordInput!) { recordText(input: $input) { id } }`,
      {
        input: {
          caseId: c.id,
          documentType,
          stage,
          title,
          content: `${title}：经办人员依法制作，载明事实、理由、依据和处理意见。`,
          documentNumber: `${c.caseNumber}-${++docs}`,
          ...extra,
        },
      },
      tok,
    );
  await gqlOk(
    sys,
    `mutation($input: CaseEventInput!) { recordEvent(input: $input) { id } }`,
    { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: '2026-11-02', officerIds: officers } },
    tok,
  );
  await text('FILING_APPROVAL', 'INITIATION', '立案审批表');
  await gqlOk(
    sys,
    `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { version } }`,
    { input: { caseId: c.id, version: c.version } },
    tok,
  );
  on(sys, '2026-11-03');
  await text('ON_SITE_INSPECTION_RECORD', 'INVESTIGATION', '现场检查笔录', { officerIds: officers });
  await gqlOk(
    sys,
    `mutation($input: AvRecordInput!) { registerAvRecord(input: $input) { id } }`,
    {
      input: {
        caseId: c.id,
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        sha256: sha256(`av:${c.id}`),
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
  on(sys, '2026-11-05');
  const notified = await notify(sys, c.id, proposal.id, tok, `${c.caseNumber}-告知`);
  on(sys, back);
  return { id: c.id as string, caseNumber: c.caseNumber as string, version: notified.version as number, proposal, tok, officers, text };
}

/** R4: the rights notice, a numbered document bound to the proposal it tells the party about. */
export const notify = (sys: TestSystem, caseId: string, proposalId: string, token: string, documentNumber: string | null = null) =>
  gqlOk(
    sys,
    `mutation($input: CaseEventInput!) { recordEvent(input: $input) { id version state } }`,
    {
      input: {
        caseId,
        kind: 'RIGHTS_NOTIFIED',
        occurredOn: sys.clock.today(),
        rightsNotice: {
          proposalId,
          documentNumber,
          content: '拟作出的行政处罚内容及事实、理由、依据；当事人享有陈述、申辩和依法要求听证的权利。',
        },
      },
    },
    token,
  );

/** An opinion's findings with every one of the nine points (R8) marked PASS. */
export const allPass = () => REVIEW_POINTS.map((point) => ({ point, result: 'PASS' as string }));

/**
 * A general-procedure barbecue fine (650109-CF-0001, a company), filed by `token` for `agency` with `officers`,
 * credentials shown, investigated and proposed on the clock's day; notified with `noticeNumber` unless it is null.
 */
export async function barbecueFineCase(
  sys: TestSystem,
  o: { agency: string; officers: string[]; token: string; fine: string; noticeNumber: string | null },
): Promise<{ c: any; p: any }> {
  const c = await gqlOk(
    sys,
    `mutation($input: FileCaseInput!) { fileCase(input: $input) { id caseNumber state version filedOn decidedOn inNameOf { id } agency { id } } }`,
    {
      input: {
        agencyId: sys.agencyId(o.agency),
        procedure: 'GENERAL',
        powerItemCode: '650109-CF-0001',
        party: {
          kind: 'LEGAL_PERSON',
          name: '乌鲁木齐某某餐饮管理有限公司',
          uscc: '91230500MA1B3N1N2M',
          legalRepresentative: '李某',
          address: '米东区某路2号',
        },
        officerIds: o.officers,
        source: { kind: 'INSPECTION' },
        factsSummary: '在禁止区域内露天烧烤食品。',
      },
    },
    o.token,
  );
  await gqlOk(
    sys,
    `mutation($input: CaseEventInput!) { recordEvent(input: $input) { id version } }`,
    { input: { caseId: c.id, kind: 'CREDENTIAL_SHOWN', occurredOn: sys.clock.today(), officerIds: o.officers } },
    o.token,
  );
  await gqlOk(
    sys,
    `mutation($input: CaseActionInput!) { startInvestigation(input: $input) { id version } }`,
    { input: { caseId: c.id, version: c.version } },
    o.token,
  );
  const p = await gqlOk(
    sys,
    `mutation($input: ProposeDecisionInput!) { proposeDecision(input: $input) {
      id contentHash reviewRequired collectiveDiscussionRequired reviewReasons { ruleCode } } }`,
    {
      input: {
        caseId: c.id,
        outcome: 'PENALTY',
        penaltyTypes: ['FINE'],
        fineAmount: o.fine,
        discretionTier: 'ORDINARY',
        legalBasis: [{ law: '中华人民共和国大气污染防治法', article: '第一百一十八条第三款' }],
        reasoning: '依法处罚。',
        outsideRangeReason: '依情节调整。',
      },
    },
    o.token,
  );
  if (o.noticeNumber !== null) await notify(sys, c.id, p.id, o.token, o.noticeNumber);
  return { c, p };
}
