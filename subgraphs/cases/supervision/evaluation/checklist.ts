// 案卷评查 checklist (issue 30): the eight items every sampled file is scored against, each with its points and its
// legal anchor. The checklist is ex-ante information (R1): the version a round applies is pinned in the round; version 0
// is this built-in one, in force until the supervising agency publishes its own (like AGENCY_POLICY, issue 25).

export const CHECKLIST_ITEM_CODES = [
  'AGENCY_LAWFUL',
  'OFFICER_QUALIFIED',
  'PROCEDURE_LAWFUL',
  'FACTS_EVIDENCE',
  'LAW_AND_DISCRETION',
  'DOCUMENTS',
  'SERVICE_EXECUTION',
  'ARCHIVING',
] as const;
export type ChecklistItemCode = (typeof CHECKLIST_ITEM_CODES)[number];

export interface LegalAnchor {
  law: string;
  article: string;
}

export interface ChecklistItem {
  code: ChecklistItemCode;
  name: string;
  points: number;
  anchors: LegalAnchor[];
  /** What the evaluator checks (shown on the scoring form). */
  criteria: string;
}

export interface Checklist {
  /** The published version's id; null = the built-in version 0. */
  versionId: string | null;
  versionNo: number;
  items: ChecklistItem[];
}

const CF = '中华人民共和国行政处罚法';

/** Version 0: points sum to 100; the anchors are articles of /work/shared/law (docs/supervision.md). */
export const BUILT_IN_CHECKLIST: Checklist = {
  versionId: null,
  versionNo: 0,
  items: [
    {
      code: 'AGENCY_LAWFUL',
      name: '主体合法',
      points: 10,
      anchors: [
        { law: CF, article: '第十七条' },
        { law: CF, article: '第十九条' },
        { law: CF, article: '第二十条' },
      ],
      criteria: '实施机关具有法定职权；授权组织在授权范围内、受委托组织以委托机关名义在委托范围内实施',
    },
    {
      code: 'OFFICER_QUALIFIED',
      name: '执法人员资格',
      points: 10,
      anchors: [
        { law: CF, article: '第四十二条' },
        { law: CF, article: '第五十五条' },
      ],
      criteria: '由具有行政执法资格的执法人员实施，不少于两人，调查检查时出示执法证件',
    },
    {
      code: 'PROCEDURE_LAWFUL',
      name: '程序合法',
      points: 20,
      anchors: [
        { law: CF, article: '第四十四条' },
        { law: CF, article: '第五十七条' },
        { law: CF, article: '第五十八条' },
        { law: CF, article: '第六十条' },
        { law: CF, article: '第六十三条' },
      ],
      criteria: '告知、陈述申辩与听证、法制审核、集体讨论依法进行；在九十日内作出决定；各环节按时记录',
    },
    {
      code: 'FACTS_EVIDENCE',
      name: '事实清楚、证据充分',
      points: 15,
      anchors: [
        { law: CF, article: '第四十条' },
        { law: CF, article: '第四十六条' },
        { law: CF, article: '第五十四条' },
      ],
      criteria: '违法事实清楚，证据合法、充分，能够相互印证',
    },
    {
      code: 'LAW_AND_DISCRETION',
      name: '法律适用与裁量',
      points: 15,
      anchors: [
        { law: CF, article: '第五条' },
        { law: CF, article: '第三十四条' },
      ],
      criteria: '适用依据正确，处罚种类和幅度符合公布的裁量基准；超出幅度的有书面理由',
    },
    {
      code: 'DOCUMENTS',
      name: '文书规范齐备',
      points: 15,
      anchors: [
        { law: CF, article: '第四十七条' },
        { law: CF, article: '第五十九条' },
      ],
      criteria: '文书齐全、编号和内容规范，各阶段有文字或音像记录',
    },
    {
      code: 'SERVICE_EXECUTION',
      name: '送达执行',
      points: 10,
      anchors: [
        { law: CF, article: '第六十一条' },
        { law: CF, article: '第六十六条' },
      ],
      criteria: '决定书依法按期送达，决定执行到位',
    },
    {
      code: 'ARCHIVING',
      name: '归档',
      points: 5,
      anchors: [{ law: CF, article: '第四十七条' }],
      criteria: '结案后及时归档，案卷完整，补正记录注明理由',
    },
  ],
};

/** A checklist is usable when each of the eight items appears once, with positive whole points and an anchor. */
export function checklistProblems(items: readonly ChecklistItem[]): string[] {
  const problems: string[] = [];
  for (const code of CHECKLIST_ITEM_CODES) {
    const n = items.filter((i) => i.code === code).length;
    if (n !== 1) problems.push(`评查项目 ${code} 应出现一次（现 ${n} 次）`);
  }
  for (const i of items) {
    if (!Number.isInteger(i.points) || i.points <= 0) problems.push(`评查项目 ${i.code} 的分值须为正整数`);
    if (!i.anchors.length) problems.push(`评查项目 ${i.code} 须注明法律依据`);
  }
  return problems;
}

export const totalPoints = (c: Checklist): number => c.items.reduce((s, i) => s + i.points, 0);
