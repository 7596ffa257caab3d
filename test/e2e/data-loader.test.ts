import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readDataset } from '../../data/loader/index.js';
import { DataFileError, type DataProblem } from '../../kernel/data-file.js';
import { residentIdCheckChar, usccCheckChar } from '../../kernel/identifiers.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// A bureau's own data folder (docs/data-format.md) loaded with `npm run seed -- --from <folder>` into empty
// databases, as a user runs it (a child process), then read back through the gateway; a folder with a bad
// identifier or an unknown power item is refused naming the file, the path and the reason, and nothing is loaded.

const AREA = '城市管理综合执法';
const USCC = (() => {
  const first17 = '11659001MB0123456';
  return first17 + usccCheckChar(first17);
})();
const RESIDENT_ID = (() => {
  const first17 = '65900119800101001';
  return first17 + residentIdCheckChar(first17);
})();
const officer = (key: string, name: string, n: string, areas = [AREA]) => ({
  key,
  role: 'OFFICER',
  name,
  credentialNumber: `659001010${n}`,
  validFrom: '2025-01-01',
  validUntil: '2029-12-31',
  enforcementAreas: areas,
});

/** The small folder: one agency, two officers, one power item and its benchmark, one case walked to its rights notice. */
function folder(): Record<string, Record<string, any>> {
  return {
    'dataset.yaml': { name: '示例县城市管理局', recordedAt: '2026-03-02T09:00:00+08:00', today: '2026-06-30' },
    'agencies.yaml': {
      agencies: [
        {
          key: 'shili-cgj',
          name: '示例县城市管理局',
          kind: 'STATUTORY',
          uscc: USCC,
          region: '659001',
          policy: { caseNumberFormat: '示城管罚〔{year}〕{seq}号' },
        },
      ],
    },
    'officers.yaml': { agency: 'shili-cgj', officers: [officer('officer-a', '甲执法', '01'), officer('officer-b', '乙执法', '02')] },
    'power-items.yaml': {
      agency: 'shili-cgj',
      powerItems: [
        {
          code: '659001-CF-0001',
          name: '对个人随意倾倒、抛撒或者堆放建筑垃圾的行政处罚',
          category: 'PENALTY',
          enforcementArea: AREA,
          partyKinds: ['NATURAL_PERSON'],
          publicSummary: '随意倾倒、抛撒或者堆放建筑垃圾',
          statutoryRanges: [{ penaltyTypes: ['WARNING', 'FINE'], fineMax: '200', basis: { law: '城市建筑垃圾管理规定', article: '第二十六条' } }],
          establishingBasis: [{ law: '城市建筑垃圾管理规定', article: '第二十六条' }],
          procedureSteps: ['立案', '调查取证', '告知', '决定', '送达', '执行', '结案'],
          reliefChannels: [{ kind: 'ADMINISTRATIVE_RECONSIDERATION', body: '示例县人民政府', timeLimit: '自知道之日起六十日内' }],
        },
      ],
    },
    'discretion-benchmarks.yaml': {
      agency: 'shili-cgj',
      benchmarks: [
        {
          powerItem: '659001-CF-0001',
          tiers: [
            { tier: 'MINOR', circumstances: '倾倒1立方米以下，经责令当场清运的。', penaltyTypes: ['WARNING', 'FINE'], fineMin: '50', fineMax: '100' },
            { tier: 'ORDINARY', circumstances: '倾倒1立方米以上，经责令后清运的。', penaltyTypes: ['WARNING', 'FINE'], fineMin: '100', fineMax: '200' },
          ],
        },
      ],
    },
    'cases.yaml': {
      agency: 'shili-cgj',
      principal: 'officer-a',
      publisher: 'officer-a',
      parties: { wang: { kind: 'NATURAL_PERSON', name: '王某', residentIdNumber: RESIDENT_ID, address: '示例县某小区' } },
      cases: [
        {
          key: 'waste-wang',
          endsIn: 'NOTIFIED',
          filedOn: '2026-06-10',
          procedure: 'SIMPLE',
          powerItem: '659001-CF-0001',
          party: 'wang',
          officers: ['officer-a', 'officer-b'],
          source: { kind: 'INSPECTION' },
          factsSummary: '执法人员巡查发现当事人将装修垃圾约1立方米倾倒于小区门外道路旁，经责令已当场清运。',
          acts: [
            { act: 'credentialShown', on: '2026-06-10', location: '示例县某小区门外' },
            {
              act: 'propose',
              on: '2026-06-10',
              outcome: 'PENALTY',
              penaltyTypes: ['WARNING', 'FINE'],
              fineAmount: '100',
              discretionTier: 'MINOR',
              legalBasis: [{ law: '城市建筑垃圾管理规定', article: '第二十六条' }],
              reasoning: '个人随意倾倒建筑垃圾约1立方米，经责令当场清运，依法给予警告并处罚款100元。',
            },
            { act: 'notify', on: '2026-06-10', content: '当场告知拟给予警告并处罚款100元及事实、理由、依据，当事人享有陈述、申辩的权利。' },
          ],
        },
      ],
    },
  };
}

const tmp = mkdtempSync(join(tmpdir(), 'sanxiang-data-'));
let n = 0;
function write(files: Record<string, Record<string, any>>): string {
  const dir = join(tmp, `f${++n}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), stringify(content));
  return dir;
}

function problemsOf(dir: string): DataProblem[] {
  try {
    readDataset(dir);
  } catch (err) {
    if (err instanceof DataFileError) return err.problems;
    throw err;
  }
  return [];
}

let sys: TestSystem;
/** `npm run seed -- --from <dir>` against the test system's (empty) databases. */
function seed(dir: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--from', dir], {
    env: { ...process.env, DB_PREFIX: sys.prefix, LOG_LEVEL: 'warn' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}
const agencyCount = async () => (await sys.gql(`{ agencies { id } }`)).data!.agencies.length as number;

beforeAll(async () => {
  sys = await startTestSystem({ seed: false });
}, 120_000);
afterAll(async () => {
  await sys?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a data folder with a fault is refused whole, naming the file, the path and the reason', () => {
  it('a bad USCC, a bad resident ID number, an unknown power item code: each with its file, path and line', () => {
    const f = folder();
    f['agencies.yaml']!.agencies[0].uscc = USCC.slice(0, 17) + (USCC.endsWith('1') ? '2' : '1');
    const [bad] = problemsOf(write(f));
    expect(bad).toMatchObject({ path: 'agencies[0].uscc', reason: expect.stringMatching(/校验位错误/) });
    expect(bad!.file).toMatch(/agencies\.yaml$/);
    expect(bad!.line).toBe(
      readFileSync(join(tmp, `f${n}`, 'agencies.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('uscc:')) + 1,
    );

    const g = folder();
    g['cases.yaml']!.parties.wang.residentIdNumber = RESIDENT_ID.slice(0, 17) + (RESIDENT_ID.endsWith('1') ? '2' : '1');
    expect(problemsOf(write(g))).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/cases\.yaml$/), path: 'parties.wang.residentIdNumber', reason: expect.stringMatching(/校验/) }),
    ]);

    const h = folder();
    h['cases.yaml']!.cases[0].powerItem = '659001-CF-9999';
    expect(problemsOf(write(h))).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/cases\.yaml$/), path: 'cases[0].powerItem', reason: '权力事项 659001-CF-9999 不存在或尚未公示' }),
    ]);
  });

  it('says every problem at once, and refuses misspelt fields and numbers where text is meant', () => {
    const f = folder();
    f['officers.yaml']!.officers[0].credentialNumber = 65900101001; // unquoted in YAML: a number, leading zeros would be lost
    f['officers.yaml']!.officers[1].enforcementArea = [AREA]; // misspelt
    f['power-items.yaml']!.powerItems[0].statutoryRanges[0].fineMin = '300'; // above fineMax
    const problems = problemsOf(write(f));
    expect(problems.map((p) => [p.path, p.reason])).toEqual(
      expect.arrayContaining([
        ['officers[0].credentialNumber', expect.stringMatching(/应为文本/)],
        ['officers[1].enforcementArea', '未知字段“enforcementArea”'],
        ['powerItems[0].statutoryRanges[0].fineMax', '法定罚款上限 200 低于下限 300'],
      ]),
    );
  });

  it('npm run seed -- --from refuses it before writing anything: the databases stay empty', async () => {
    const f = folder();
    f['cases.yaml']!.cases[0].powerItem = '659001-CF-9999';
    const r = await seed(write(f));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/cases\.yaml:\d+ cases\[0\]\.powerItem：权力事项 659001-CF-9999 不存在或尚未公示/);
    expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
    expect(await agencyCount()).toBe(0);
  }, 60_000);

  it('an act the case workflow refuses while loading undoes the whole load (no agency, officer, list or case stays)', async () => {
    const f = folder();
    // The second officer does not hold the item's enforcement area: the workflow refuses the filing (R2), which
    // the folder check cannot know.
    f['officers.yaml']!.officers[1].enforcementAreas = ['市容环境卫生'];
    const r = await seed(write(f));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/cases\.yaml:\d+ cases\[0\]：案件 waste-wang 立案被拒绝：.*乙执法/);
    expect(await agencyCount()).toBe(0);
    const [[{ n }]] = (await sys.casesDb.pool.query('SELECT COUNT(*) AS n FROM cases')) as unknown as [[{ n: number }]];
    expect(Number(n)).toBe(0);
  }, 120_000);
});

describe('npm run seed -- --from <folder>', () => {
  it("loads an agency's own folder: its agency, officers and power item, and its case walked through the workflow", async () => {
    const r = await seed(write(folder()));
    expect(r.out).toContain('示城管罚〔2026〕1号');
    expect(r.code).toBe(0);
    const admin = await sys.token('ADMIN', null, 'officer-a');
    const q = await sys.gql(
      `query($id: ID!) { agencies { name uscc } officers(agencyId: $id) { totalCount edges { node { name credentialNumber } } }
        powerItem(code: "659001-CF-0001") { status name } }`,
      { id: sys.agencyId('shili-cgj') },
      admin,
    );
    expect(q.errors, JSON.stringify(q.errors)).toBeUndefined();
    expect(q.data!.agencies).toEqual([{ name: '示例县城市管理局', uscc: USCC }]);
    expect(q.data!.officers.totalCount).toBe(2);
    expect(q.data!.powerItem).toEqual({ status: 'PUBLISHED', name: '对个人随意倾倒、抛撒或者堆放建筑垃圾的行政处罚' });
    const supervisor = await sys.token('SUPERVISOR', null, null);
    const c = await sys.gql(`{ cases(first: 10) { edges { node { caseNumber state procedure party { name } records { kind } } } } }`, {}, supervisor);
    expect(c.errors, JSON.stringify(c.errors)).toBeUndefined();
    const [only] = c.data!.cases.edges.map((e: any) => e.node);
    expect(only).toMatchObject({ caseNumber: '示城管罚〔2026〕1号', state: 'NOTIFIED', procedure: 'SIMPLE', party: { name: '王某' } });
    expect(only.records.map((x: any) => x.kind)).toEqual(expect.arrayContaining(['TRANSITION', 'EVENT', 'PROPOSAL']));
  }, 120_000);

  it('refuses to load into databases that already hold data, and says how to rebuild them', async () => {
    const r = await seed(write(folder()));
    expect(r.code).toBe(1);
    expect(r.out).toContain('--reset');
    expect(await agencyCount()).toBe(1);
  }, 60_000);
});
