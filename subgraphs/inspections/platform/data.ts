import { usccCheckChar } from '../../../kernel/identifiers.js';

// Demo data of the stand-in platform for 米东区城市管理局: two plans, four tasks drawn from the published
// random-inspection items 650109-SJ-0001..0004, inspectors by the demo officers' credential numbers, results
// with §8 codes — plus the platform's known defects: malformed records and re-sent duplicates.

export type PlatformResource = 'plans' | 'tasks' | 'results';
export interface FeedEntry {
  resource: PlatformResource;
  /** The record as the platform serves it (its `updatedAt` is the feed order). */
  body: Record<string, unknown> & { updatedAt: string };
}

/** Valid by construction: the 18th character is computed (GB 32100-2015), never typed in. */
const uscc = (first17: string) => first17 + usccCheckChar(first17);

export const BUREAU = { uscc: '116501090100045286', name: '乌鲁木齐市米东区城市管理局' };

export const ENTERPRISES = {
  kebab: { uscc: uscc('92650109MA78KB3T1'), name: '乌鲁木齐市米东区天山红柳烤肉店' },
  silkRoad: { uscc: uscc('91650109MA77Q8C40'), name: '新疆丝路味道餐饮管理有限公司' },
  noodles: { uscc: uscc('92650109MA78P2D7X'), name: '乌鲁木齐市米东区古牧地拉面馆' },
  /** The demo party of the cases tests. */
  builder: { uscc: '91230500MA1B3N1N2M', name: '乌鲁木齐某某建筑工程有限公司' },
  hongda: { uscc: uscc('91650109MA776H9E2'), name: '新疆米泉宏达建筑安装有限公司' },
  adMedia: { uscc: uscc('91650109MA78C1L5R'), name: '乌鲁木齐米东北庭广告传媒有限公司' },
  lightbox: { uscc: uscc('91650109MA77W4N6A'), name: '新疆天池灯箱标识制作有限公司' },
  shunda: { uscc: uscc('91650109MA78F7J2K'), name: '乌鲁木齐米东顺达渣土运输有限公司' },
  changyun: { uscc: uscc('91650109MA77T3M8B'), name: '新疆长运砂石运输有限公司' },
} as const;

/** Credential numbers of the demo officers (subgraphs/powers/seed-data.ts); one platform inspector is not in our directory. */
export const INSPECTORS = {
  abdurahman: { credentialNumber: '65010901007', name: '阿不都热合曼·买买提' },
  chen: { credentialNumber: '65010901008', name: '陈晓东' },
  gulimila: { credentialNumber: '65010901009', name: '古丽米拉·艾山' },
  sun: { credentialNumber: '65010901010', name: '孙志强' },
  nuraili: { credentialNumber: '65010902001', name: '努尔艾力·吐尔逊' },
  external: { credentialNumber: '65010999017', name: '王海峰' },
} as const;

const plan = (id: string, name: string, itemCodes: string[], periodStart: string, periodEnd: string, updatedAt: string): FeedEntry => ({
  resource: 'plans',
  body: { id, name, year: 2026, agency: BUREAU, itemCodes, periodStart, periodEnd, updatedAt },
});

const task = (
  id: string,
  f: {
    planId: string;
    itemCode: string;
    name: string;
    status: string;
    seed: string;
    drawnAt: string;
    objectCandidates: number;
    inspectorCandidates: number;
    objects: { uscc: string; name: string }[];
    inspectors: { credentialNumber: string; name: string }[];
    checkStartOn: string | null;
    checkEndOn: string | null;
    updatedAt: string;
  },
): FeedEntry => ({
  resource: 'tasks',
  body: {
    id,
    planId: f.planId,
    itemCode: f.itemCode,
    name: f.name,
    status: f.status,
    agency: BUREAU,
    draw: { seed: f.seed, drawnAt: f.drawnAt, objectCandidates: f.objectCandidates, inspectorCandidates: f.inspectorCandidates },
    objects: f.objects,
    inspectors: f.inspectors,
    checkStartOn: f.checkStartOn,
    checkEndOn: f.checkEndOn,
    updatedAt: f.updatedAt,
  },
});

const result = (
  id: string,
  f: {
    taskId: string;
    itemCode: string;
    enterprise: { uscc: string; name: string };
    resultCode: string;
    subCode?: string | null;
    methods: string[];
    findings: string | null;
    action: string;
    note?: string | null;
    completedOn: string;
    publishedOn: string | null;
    updatedAt: string;
  },
): FeedEntry => ({
  resource: 'results',
  body: {
    id,
    taskId: f.taskId,
    itemCode: f.itemCode,
    enterprise: f.enterprise,
    agency: BUREAU,
    resultCode: f.resultCode,
    subCode: f.subCode ?? null,
    methods: f.methods,
    findings: f.findings,
    followUp: { action: f.action, note: f.note ?? null },
    completedOn: f.completedOn,
    publishedOn: f.publishedOn,
    updatedAt: f.updatedAt,
  },
});

const E = ENTERPRISES;
const I = INSPECTORS;
export const PLAN_H1 = 'JH-650109-2026-01';
export const PLAN_H2 = 'JH-650109-2026-02';
export const TASK_FUMES = 'RW-650109-2026-0001';
export const TASK_DUST = 'RW-650109-2026-0002';
export const TASK_ADS = 'RW-650109-2026-0003';
export const TASK_LOADS = 'RW-650109-2026-0004';
/** The result that found problems at the demo party and led to a case; published after the R19 deadline. */
export const RESULT_BUILDER = 'JG-650109-2026-0004';
export const RESULT_UNPUBLISHED = 'JG-650109-2026-0007';

export function demoFeed(): FeedEntry[] {
  const malformedResult = result('JG-650109-2026-0008', {
    taskId: TASK_DUST,
    itemCode: '650109-SJ-0002',
    enterprise: { uscc: '91650109MA776H9E27', name: '新疆米泉宏达建筑安装有限公司（错号）' }, // check character wrong on the platform
    resultCode: '1',
    methods: ['1'],
    findings: null,
    action: 'NONE',
    completedOn: '2026-05-15',
    publishedOn: '2026-06-05',
    updatedAt: '2026-06-05T03:10:00.000Z',
  });
  const resent = (entry: FeedEntry, updatedAt: string): FeedEntry => ({ resource: entry.resource, body: { ...entry.body, updatedAt } });
  const r1 = result('JG-650109-2026-0001', {
    taskId: TASK_FUMES,
    itemCode: '650109-SJ-0001',
    enterprise: E.kebab,
    resultCode: '1',
    methods: ['1'],
    findings: '油烟净化设施已安装并正常使用，清洗维护记录齐全。',
    action: 'NONE',
    completedOn: '2026-04-20',
    publishedOn: '2026-05-08',
    updatedAt: '2026-05-08T02:00:00.000Z',
  });
  const r5 = result('JG-650109-2026-0005', {
    taskId: TASK_DUST,
    itemCode: '650109-SJ-0002',
    enterprise: E.hongda,
    resultCode: '1',
    methods: ['1'],
    findings: '围挡、覆盖、洒水抑尘及车辆冲洗措施落实到位。',
    action: 'NONE',
    completedOn: '2026-05-14',
    publishedOn: '2026-06-05',
    updatedAt: '2026-06-05T03:00:00.000Z',
  });
  return [
    plan(
      PLAN_H1,
      '米东区城市管理局2026年上半年“双随机、一公开”抽查计划',
      ['650109-SJ-0001', '650109-SJ-0002'],
      '2026-03-01',
      '2026-06-30',
      '2026-02-20T02:00:00.000Z',
    ),
    plan(
      PLAN_H2,
      '米东区城市管理局2026年下半年“双随机、一公开”抽查计划',
      ['650109-SJ-0003', '650109-SJ-0004', '650109-SJ-0001'],
      '2026-07-01',
      '2026-12-15',
      '2026-06-25T02:00:00.000Z',
    ),
    // Malformed: a month 13 date.
    plan('JH-650109-2026-99', '米东区城市管理局2026年专项抽查计划（草稿）', ['650109-SJ-0002'], '2026-13-01', '2026-12-31', '2026-06-26T02:00:00.000Z'),

    task(TASK_FUMES, {
      planId: PLAN_H1,
      itemCode: '650109-SJ-0001',
      name: '2026年餐饮服务业油烟排放随机抽查',
      status: 'COMPLETED',
      seed: '5f3a9c1e7b2d4086',
      drawnAt: '2026-04-01T03:30:00.000Z',
      objectCandidates: 186,
      inspectorCandidates: 9,
      objects: [E.kebab, E.silkRoad, E.noodles],
      inspectors: [I.abdurahman, I.gulimila],
      checkStartOn: '2026-04-07',
      checkEndOn: '2026-04-24',
      updatedAt: '2026-04-24T10:00:00.000Z',
    }),
    task(TASK_DUST, {
      planId: PLAN_H1,
      itemCode: '650109-SJ-0002',
      name: '2026年建筑工地扬尘污染防治随机抽查（第一批）',
      status: 'COMPLETED',
      seed: 'c81e728d9d4c2f63',
      drawnAt: '2026-05-06T03:00:00.000Z',
      objectCandidates: 42,
      inspectorCandidates: 9,
      objects: [E.builder, E.hongda],
      inspectors: [I.sun, I.chen],
      checkStartOn: '2026-05-11',
      checkEndOn: '2026-05-15',
      updatedAt: '2026-05-15T10:00:00.000Z',
    }),
    task(TASK_ADS, {
      planId: PLAN_H2,
      itemCode: '650109-SJ-0003',
      name: '2026年户外广告设施设置随机抽查',
      status: 'COMPLETED',
      seed: 'eccbc87e4b5ce2fe',
      drawnAt: '2026-08-10T03:00:00.000Z',
      objectCandidates: 57,
      inspectorCandidates: 11,
      objects: [E.adMedia, E.lightbox],
      inspectors: [I.gulimila, I.nuraili, I.external],
      checkStartOn: '2026-08-17',
      checkEndOn: '2026-09-04',
      updatedAt: '2026-09-04T10:00:00.000Z',
    }),
    task(TASK_LOADS, {
      planId: PLAN_H2,
      itemCode: '650109-SJ-0004',
      name: '2026年散装物料运输车辆防遗撒随机抽查',
      status: 'IN_PROGRESS',
      seed: 'a87ff679a2f3e71d',
      drawnAt: '2026-11-10T03:00:00.000Z',
      objectCandidates: 23,
      inspectorCandidates: 9,
      objects: [E.shunda, E.changyun],
      inspectors: [I.abdurahman, I.sun],
      checkStartOn: '2026-11-16',
      checkEndOn: null,
      updatedAt: '2026-11-16T02:00:00.000Z',
    }),
    // Malformed: the draw has no seed, so it cannot be reproduced or audited.
    task('RW-650109-2026-0005', {
      planId: PLAN_H2,
      itemCode: '650109-SJ-0001',
      name: '2026年餐饮服务业油烟排放随机抽查（补充）',
      status: 'DRAWN',
      seed: '',
      drawnAt: '2026-11-20T03:00:00.000Z',
      objectCandidates: 180,
      inspectorCandidates: 9,
      objects: [E.silkRoad],
      inspectors: [I.chen, I.gulimila],
      checkStartOn: null,
      checkEndOn: null,
      updatedAt: '2026-11-20T03:00:00.000Z',
    }),

    r1,
    result('JG-650109-2026-0002', {
      taskId: TASK_FUMES,
      itemCode: '650109-SJ-0001',
      enterprise: E.silkRoad,
      resultCode: 'E',
      methods: ['1', '4'],
      findings: '油烟净化设施未正常开启，经检测油烟排放浓度超标；现场责令改正，复查时已整改。',
      action: 'ORDER_CORRECTION',
      note: '责令立即改正，2026-04-28 复查合格',
      completedOn: '2026-04-23',
      publishedOn: '2026-05-15',
      updatedAt: '2026-05-15T02:00:00.000Z',
    }),
    result('JG-650109-2026-0003', {
      taskId: TASK_FUMES,
      itemCode: '650109-SJ-0001',
      enterprise: E.noodles,
      resultCode: 'F',
      methods: ['1'],
      findings: '经营场所已改为仓储用途，未发现餐饮经营活动。',
      action: 'NONE',
      completedOn: '2026-04-24',
      publishedOn: '2026-05-20',
      updatedAt: '2026-05-20T02:00:00.000Z',
    }),
    result(RESULT_BUILDER, {
      taskId: TASK_DUST,
      itemCode: '650109-SJ-0002',
      enterprise: E.builder,
      resultCode: 'A',
      methods: ['1'],
      findings: '施工工地东侧约200米未设置硬质密闭围挡，裸露土方未覆盖，扬尘明显。',
      action: 'FILE_CASE',
      note: '移交立案查处',
      completedOn: '2026-05-15',
      publishedOn: '2026-07-10', // R19 due 2026-06-12: published late
      updatedAt: '2026-07-10T02:00:00.000Z',
    }),
    r5,
    r5, // the platform's export sometimes repeats an entry within a page
    result('JG-650109-2026-0006', {
      taskId: TASK_ADS,
      itemCode: '650109-SJ-0003',
      enterprise: E.adMedia,
      resultCode: '8',
      methods: ['1'],
      findings: '检查人员两次到场，当事人拒绝提供大型户外广告设施审批材料并阻碍检查。',
      action: 'REFER',
      note: '移送市场监督管理部门',
      completedOn: '2026-09-02',
      publishedOn: '2026-09-25',
      updatedAt: '2026-09-25T02:00:00.000Z',
    }),
    result(RESULT_UNPUBLISHED, {
      taskId: TASK_ADS,
      itemCode: '650109-SJ-0003',
      enterprise: E.lightbox,
      resultCode: 'A',
      subCode: '6',
      methods: ['1', '2'],
      findings: '登记住所无法联系，灯箱设施维护责任人不明。',
      action: 'ORDER_CORRECTION',
      completedOn: '2026-09-04',
      publishedOn: null, // not yet published (staff-only), and past its R19 due date
      updatedAt: '2026-09-07T02:00:00.000Z',
    }),
    malformedResult,
    result('JG-650109-2026-0009', {
      taskId: TASK_ADS,
      itemCode: '650109-SJ-0003',
      enterprise: E.lightbox,
      resultCode: 'Q', // not a §8 code
      methods: ['1'],
      findings: null,
      action: 'NONE',
      completedOn: '2026-09-04',
      publishedOn: null,
      updatedAt: '2026-09-08T02:00:00.000Z',
    }),
    result('JG-650109-2026-0010', {
      taskId: TASK_FUMES,
      itemCode: '650109-SJ-0001',
      enterprise: E.kebab,
      resultCode: '1',
      subCode: 'B', // sub-codes belong to A only
      methods: ['1'],
      findings: null,
      action: 'NONE',
      completedOn: '2026-04-20',
      publishedOn: '2026-05-08',
      updatedAt: '2026-09-09T02:00:00.000Z',
    }),
    resent(r1, '2026-10-01T02:00:00.000Z'), // re-exported unchanged
  ];
}

export const DEMO_COUNTS = {
  plans: { valid: 2, malformed: 1 },
  tasks: { valid: 4, malformed: 1 },
  results: { valid: 7, malformed: 3, duplicates: 2 },
};
