import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, readDataset } from '../../data/loader/index.js';
import { PLATFORM_FILE, readPlatformData } from '../../subgraphs/inspections/platform/data.js';
import { DataFileError, type DataProblem } from '../../kernel/data-file.js';

// The data folder format (docs/data-format.md) without a database: the demo reads clean, and a fault is
// reported with its file, path, line and reason.

const tmp = mkdtempSync(join(tmpdir(), 'sanxiang-data-unit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the demo folder with one file's text changed. */
function demoWith(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmp, 'demo-'));
  cpSync(DEMO_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}
function problems(run: () => unknown): DataProblem[] {
  try {
    run();
  } catch (err) {
    if (err instanceof DataFileError) return err.problems;
    throw err;
  }
  throw new Error('no problem reported');
}

describe('the demo folder', () => {
  it('reads clean with every rule the API applies, and holds the demo as the tests know it', () => {
    const d = readDataset(DEMO_DIR);
    expect(d.today).toBe('2026-11-20');
    expect(d.agencies.map((a) => a.key)).toEqual(['midong-cgj', 'midong-zhzfdd']);
    expect(d.officers).toHaveLength(14);
    // 39 list versions and the three leaders of agency-leaders.yaml (issue 26).
    expect(d.documents.flatMap((x) => x.versions)).toHaveLength(42);
    expect(d.scenario!.cases.map((c) => c.key)).toContain('fumes-xiangmanlou');
    expect(d.reviews.map((r) => r.case)).toEqual(['barbecue-wang']);
  });
});

describe('a fault in a data file', () => {
  it('a YAML syntax error: the file and its line', () => {
    const dir = demoWith('officers.yaml', (t) => t.replace('  - key: officer-chen\n', '  - key: officer-chen\n   role: [OFFICER\n'));
    const [p] = problems(() => readDataset(dir));
    expect(p).toMatchObject({ file: expect.stringMatching(/officers\.yaml$/), reason: expect.stringMatching(/^YAML 语法错误/) });
    expect(p!.line).toBeGreaterThan(1);
  });

  it('a misnamed file is refused rather than silently left out', () => {
    const dir = demoWith('cases.yaml', (t) => t);
    writeFileSync(join(dir, 'power-item.yaml'), 'powerItems: []\n');
    expect(problems(() => readDataset(dir))).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/power-item\.yaml$/), reason: expect.stringMatching(/未知的数据文件/) }),
    ]);
  });

  it('a credential history that contradicts the current status, an act after the data’s today, an unknown act', () => {
    const officers = demoWith('officers.yaml', (t) => t.replace('credentialStatus: SUSPENDED\n', 'credentialStatus: VALID\n'));
    expect(problems(() => readDataset(officers))).toEqual([
      expect.objectContaining({ path: 'officers[10].credentialStatus', reason: expect.stringMatching(/与状态历史不符/) }),
    ]);
    const late = demoWith('cases.yaml', (t) => t.replace('{ act: archive, on: 2026-09-24 }', '{ act: archive, on: 2026-12-24 }'));
    expect(problems(() => readDataset(late))).toEqual([
      expect.objectContaining({ path: 'cases[1].acts[13].on', reason: '日期 2026-12-24 晚于数据的当日 2026-11-20' }),
    ]);
    const unknown = demoWith('cases.yaml', (t) => t.replace('{ act: archive, on: 2026-09-24 }', '{ act: shred, on: 2026-09-24 }'));
    expect(problems(() => readDataset(unknown))).toEqual([
      expect.objectContaining({ path: 'cases[1].acts[13].act', reason: expect.stringMatching(/未知的行为/) }),
    ]);
  });
});

describe("the stand-in platform's records", () => {
  const platformWith = (change: (t: string) => string) => {
    const file = join(mkdtempSync(join(tmp, 'platform-')), 'platform.yaml');
    writeFileSync(file, change(readFileSync(PLATFORM_FILE, 'utf8')));
    return file;
  };
  it('a record marked as a defect must fail the sync’s validation, and every other record must pass it', () => {
    expect(readPlatformData().counts.results).toEqual({ valid: 7, malformed: 3, duplicates: 2 });
    const unmarked = platformWith((t) => t.replace('    defect: 结果代码 Q 不是 §8 的代码\n', ''));
    expect(problems(() => readPlatformData(unmarked))).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/^feed\[\d+\]\.result$/), reason: expect.stringMatching(/resultCode/) }),
    ]);
    const passing = platformWith((t) => t.replace('      resultCode: Q\n', "      resultCode: '1'\n"));
    expect(problems(() => readPlatformData(passing))).toEqual([expect.objectContaining({ path: expect.stringMatching(/^feed\[\d+\]\.defect$/) })]);
  });
});
