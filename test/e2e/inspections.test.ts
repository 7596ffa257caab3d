import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISES, RESULT_BUILDER, RESULT_UNPUBLISHED, TASK_DUST, TASK_LOADS } from '../../subgraphs/inspections/platform/data.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Random inspection (双随机、一公开) through the gateway: the inspections subgraph syncs the stand-in platform
// into its store, and one query joins enterprises, their results, the follow-up cases (cases), the items and
// the inspectors' agencies (powers). Then the same query with the platform down, and with the subgraph down.

const TODAY = '2026-11-28';
const BUREAU = 'midong-cgj';
const BUILDER = ENTERPRISES.builder.uscc;
let sys: TestSystem;
const t: Record<string, string> = {};
let caseId = '';

const JOINED = `query Joined($uscc: String!) {
  inspectionResults(filter: { uscc: $uscc }) {
    totalCount
    edges { node {
      id resultCode resultKind resultLabel problemsFound methods followUpAction completedOn publishedOn publicationDueOn calendarConfirmed publishedLate
      enterprise { uscc cases { edges { node { id caseNumber source { kind reference } sourceInspection { id } } } } }
      task {
        id status item { code name } agency { name }
        draw { seed objectCandidates inspectorCandidates objectsDrawn inspectorsDrawn }
        inspectors { name credentialNumber officer { name agency { name } } }
      }
    } }
  }
  cases(filter: { partyUscc: $uscc }) { edges { node { id caseNumber sourceInspection { id name } } } }
  inspectionSource { stale lastSyncedAt lastError breakerState }
}`;

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const SYNC = 'mutation { syncInspections { resources { resource fetched upserted unchanged quarantined } warnings } }';

beforeAll(async () => {
  sys = await startTestSystem({ today: TODAY });
  t.officer = await sys.token('OFFICER', BUREAU, 'officer-sun');
  t.admin = await sys.token('ADMIN', null, 'admin-zhao');
  t.squad = await sys.token('OFFICER', 'midong-zhzfdd', 'squad-he');
});
afterAll(() => sys?.stop());

describe('syncing the platform', () => {
  it('syncs on demand for ADMIN only, reporting duplicates and quarantined records', async () => {
    const denied = await sys.gql(SYNC, {}, t.officer);
    expect(codeOf(denied)).toBe('FORBIDDEN');
    const before = await sys.gql('{ inspectionSource { stale lastSyncedAt breakerState } }');
    expect(before.data!.inspectionSource).toEqual({ stale: true, lastSyncedAt: null, breakerState: 'CLOSED' });

    const r = await sys.gql(SYNC, {}, t.admin);
    expect(r.errors).toBeUndefined();
    const results = r.data!.syncInspections.resources.find((x: { resource: string }) => x.resource === 'results');
    expect(results).toEqual({ resource: 'results', fetched: 12, upserted: 7, unchanged: 2, quarantined: 3 });
    expect(r.data!.syncInspections.warnings).toEqual([]);

    const q = await sys.gql('{ inspectionQuarantine { resource platformId reason } }', {}, t.admin);
    expect(q.data!.inspectionQuarantine).toHaveLength(5);
    expect(codeOf(await sys.gql('{ inspectionQuarantine { reason } }', {}, t.officer))).toBe('FORBIDDEN');
  });

  it('files a case from the result that found problems (source RANDOM_INSPECTION → task id)', async () => {
    const filed = await sys.gql(
      `mutation($input: FileCaseInput!) { fileCase(input: $input) { id caseNumber } }`,
      {
        input: {
          agencyId: sys.agencyId(BUREAU),
          caseType: 'PENALTY',
          procedure: 'GENERAL',
          powerItemCode: '650109-CF-0004',
          party: { kind: 'LEGAL_PERSON', name: ENTERPRISES.builder.name, uscc: BUILDER, legalRepresentative: '张某', address: '米东区某路1号' },
          officerIds: [sys.officerId('officer-sun'), sys.officerId('officer-chen')],
          source: { kind: 'RANDOM_INSPECTION', reference: TASK_DUST },
          factsSummary: '双随机抽查发现施工工地未设置硬质密闭围挡、裸露土方未覆盖（抽查结果 A）。',
          filedOn: '2026-07-20',
          idempotencyKey: 'inspection-case-1',
        },
      },
      t.officer,
    );
    expect(filed.errors).toBeUndefined();
    caseId = filed.data!.fileCase.id;
  });
});

describe('one query across inspections, cases and powers', () => {
  let healthy: Record<string, any>;

  it('joins the enterprise, its results, the follow-up case, the item and the inspectors’ agencies', async () => {
    const r = await sys.gql(JOINED, { uscc: BUILDER }, t.officer);
    expect(r.errors).toBeUndefined();
    healthy = r.data!;
    const results = r.data!.inspectionResults;
    expect(results.totalCount).toBe(1);
    const node = results.edges[0].node;
    expect(node).toMatchObject({
      id: RESULT_BUILDER,
      resultCode: 'A',
      resultKind: 'PROBLEM_PENDING',
      problemsFound: true,
      methods: ['ON_SITE'],
      followUpAction: 'FILE_CASE',
      completedOn: '2026-05-15',
      publishedOn: '2026-07-10',
      publicationDueOn: '2026-06-12', // 20 working days after the check ended (R19)
      calendarConfirmed: true,
      publishedLate: true,
    });
    expect(node.enterprise.cases.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ id: caseId, source: { kind: 'RANDOM_INSPECTION', reference: TASK_DUST }, sourceInspection: { id: TASK_DUST } }),
    ]);
    expect(node.task).toMatchObject({
      id: TASK_DUST,
      status: 'COMPLETED',
      item: { code: '650109-SJ-0002', name: '对建筑工地扬尘污染防治的检查' },
      agency: { name: '乌鲁木齐市米东区城市管理局' },
      draw: { seed: 'c81e728d9d4c2f63', objectCandidates: 42, inspectorCandidates: 9, objectsDrawn: 2, inspectorsDrawn: 2 },
    });
    expect(node.task.inspectors).toEqual([
      { name: '孙志强', credentialNumber: '65010901010', officer: { name: '孙志强', agency: { name: '乌鲁木齐市米东区城市管理局' } } },
      { name: '陈晓东', credentialNumber: '65010901008', officer: { name: '陈晓东', agency: { name: '乌鲁木齐市米东区城市管理局' } } },
    ]);
    expect(r.data!.cases.edges[0].node).toMatchObject({ id: caseId, sourceInspection: { id: TASK_DUST, name: expect.stringContaining('扬尘') } });
    expect(r.data!.inspectionSource).toMatchObject({ stale: false, lastError: null, breakerState: 'CLOSED' });
  });

  it('shows the public only published results and completed tasks, without inspectors', async () => {
    const q = `{ inspectionResults(first: 50) { totalCount edges { node { id task { id inspectors { name } } } } }
      inspectionTasks(first: 50) { edges { node { id inspectors { name } } } }
      inspectionResult(id: "${RESULT_UNPUBLISHED}") { id } }`;
    const pub = await sys.gql(q);
    expect(pub.errors).toBeUndefined();
    const ids = pub.data!.inspectionResults.edges.map((e: any) => e.node.id);
    expect(ids).toHaveLength(6);
    expect(ids).not.toContain(RESULT_UNPUBLISHED);
    expect(pub.data!.inspectionResult).toBeNull();
    expect(pub.data!.inspectionTasks.edges.map((e: any) => e.node.id)).not.toContain(TASK_LOADS);
    for (const e of pub.data!.inspectionTasks.edges) expect(e.node.inspectors).toBeNull();

    const staff = await sys.gql(q, {}, t.officer);
    expect(staff.data!.inspectionResults.totalCount).toBe(7);
    expect(staff.data!.inspectionResult).toEqual({ id: RESULT_UNPUBLISHED });
    expect(staff.data!.inspectionTasks.edges.map((e: any) => e.node.id)).toContain(TASK_LOADS);

    // Staff of another agency are treated like the public for the bureau's internal data.
    const other = await sys.gql(q, {}, t.squad);
    expect(other.data!.inspectionResults.totalCount).toBe(6);
    expect(other.data!.inspectionTasks.edges[0].node.inspectors).toBeNull();
  });

  it('lists an officer’s inspection tasks by credential number (staff only) and an item’s tasks', async () => {
    const q = `query($id: ID!) { officer(id: $id) { name inspectionTasks { totalCount edges { node { id } } } }
      randomInspectionItems { code tasks { totalCount } } }`;
    const staff = await sys.gql(q, { id: sys.officerId('officer-sun') }, t.officer);
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.officer.inspectionTasks.edges.map((e: any) => e.node.id)).toEqual([TASK_DUST, TASK_LOADS]);
    const tasksOf = Object.fromEntries(staff.data!.randomInspectionItems.map((i: any) => [i.code, i.tasks.totalCount]));
    expect(tasksOf).toEqual({ '650109-SJ-0001': 1, '650109-SJ-0002': 1, '650109-SJ-0003': 1, '650109-SJ-0004': 1 });

    const pub = await sys.gql(q, { id: sys.officerId('officer-sun') });
    expect(pub.errors).toBeUndefined();
    expect(pub.data!.officer).toEqual({ name: '孙志强', inspectionTasks: null });
    expect(pub.data!.randomInspectionItems.find((i: any) => i.code === '650109-SJ-0004').tasks.totalCount).toBe(0); // still in progress
  });

  it('answers the same query from the store while the platform is down, marked stale', async () => {
    sys.platform.setKnobs({ alwaysFail: true });
    try {
      const failed = await sys.gql(SYNC, {}, t.admin);
      expect(codeOf(failed)).toBe('UPSTREAM_UNAVAILABLE');
      expect(failed.errors![0]!.message).toContain('HTTP 503');
      const r = await sys.gql(JOINED, { uscc: BUILDER }, t.officer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.inspectionResults).toEqual(healthy.inspectionResults);
      expect(r.data!.cases).toEqual(healthy.cases);
      expect(r.data!.inspectionSource).toMatchObject({
        stale: true,
        lastSyncedAt: healthy.inspectionSource.lastSyncedAt,
        lastError: expect.stringContaining('HTTP 503'),
      });
    } finally {
      sys.platform.setKnobs({ alwaysFail: false });
    }
    const again = await sys.gql(SYNC, {}, t.admin);
    expect(again.errors).toBeUndefined();
    expect((await sys.gql('{ inspectionSource { stale lastError } }')).data!.inspectionSource).toEqual({ stale: false, lastError: null });
  });

  it('keeps the other subgraphs’ fields when the inspections subgraph is down, with an error naming it', async () => {
    await sys.stopService('inspections');
    const r = await sys.gql(JOINED, { uscc: BUILDER }, t.officer);
    expect(r.data!.cases.edges[0].node).toEqual({ id: caseId, caseNumber: healthy.cases.edges[0].node.caseNumber, sourceInspection: null });
    expect(r.data!.inspectionResults).toBeNull();
    expect(r.data!.inspectionSource).toBeNull();
    expect(r.errors!.length).toBeGreaterThan(0);
    for (const e of r.errors!) expect(e.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'inspections' });
    expect(r.errors![0]!.message).toContain('inspections');
  });
});
