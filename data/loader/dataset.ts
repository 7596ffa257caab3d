import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFile, throwIfProblems, type DataPath, type DataProblem } from '../../kernel/data-file.js';
import { readCases, readReviews, type Scenario } from './read-cases.js';
import { readPowers, type PowersData } from './read-powers.js';
import { evaluationsFile, manifestFile, type EvaluationRoundData, type ReviewSubmission } from './schema.js';

// A data folder (docs/data-format.md): read whole and checked whole before anything is written.

/** The demo: 乌鲁木齐市米东区城市管理局, its lists, officers, cases and the stand-in platform's records. */
export const DEMO_DIR = fileURLToPath(new URL('../demo/', import.meta.url));

/** The files a data folder may hold; dataset, agencies and officers are required. */
export const DATA_FILES = {
  manifest: 'dataset.yaml',
  agencies: 'agencies.yaml',
  officers: 'officers.yaml',
  powerItems: 'power-items.yaml',
  benchmarks: 'discretion-benchmarks.yaml',
  inspectionItems: 'random-inspection-items.yaml',
  avRules: 'av-recording-rules.yaml',
  reviewCatalog: 'review-catalog.yaml',
  annualPlans: 'annual-plans.yaml',
  agencyLeaders: 'agency-leaders.yaml',
  cases: 'cases.yaml',
  reviews: 'reviews.yaml',
  evaluations: 'evaluations.yaml',
  /** Read by the stand-in inspection platform (npm start without PLATFORM_URL), not loaded into a database. */
  platform: 'platform.yaml',
} as const;
const REQUIRED: string[] = [DATA_FILES.manifest, DATA_FILES.agencies, DATA_FILES.officers];

export interface Dataset extends PowersData {
  dir: string;
  name: string;
  /** When agencies, officers and the first version of each list document are recorded. */
  recordedAt: Date;
  /** The business date the data is written for (demo processes pin their clock to it), or null. */
  today: string | null;
  scenario: Scenario | null;
  reviews: ReviewSubmission[];
  /** 案卷评查 rounds (issue 30). */
  evaluations: EvaluationRoundData[];
  /** A problem found while loading (a refused act), located in its file like the ones found on reading. */
  problemAt(file: keyof typeof DATA_FILES, path: DataPath, reason: string): DataProblem;
}

const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
};

/** Reads and checks a data folder; throws DataFileError with every problem found, or returns the data. */
export function readDataset(dir: string): Dataset {
  const files = new Map<string, DataFile>();
  const extra: DataProblem[] = [];
  if (!existsSync(dir)) {
    extra.push({ file: shown(dir), path: '', line: null, reason: '数据目录不存在' });
    throwIfProblems([], extra);
  }
  const known = Object.values(DATA_FILES) as string[];
  for (const name of readdirSync(dir)) {
    if (/\.(ya?ml|json)$/i.test(name) && !known.includes(name)) {
      extra.push({ file: shown(join(dir, name)), path: '', line: null, reason: `未知的数据文件（可用的文件：${known.join('、')}）` });
    }
  }
  const open = (name: string) => {
    const path = join(dir, name);
    if (!REQUIRED.includes(name) && !existsSync(path)) return null;
    const f = DataFile.read(path, shown(path));
    files.set(name, f);
    return f;
  };
  const manifestF = open(DATA_FILES.manifest)!;
  const manifest = manifestF.shape(manifestFile);
  const powers = readPowers({
    agencies: open(DATA_FILES.agencies)!,
    officers: open(DATA_FILES.officers)!,
    powerItems: open(DATA_FILES.powerItems),
    benchmarks: open(DATA_FILES.benchmarks),
    inspectionItems: open(DATA_FILES.inspectionItems),
    avRules: open(DATA_FILES.avRules),
    reviewCatalog: open(DATA_FILES.reviewCatalog),
    annualPlans: open(DATA_FILES.annualPlans),
    agencyLeaders: open(DATA_FILES.agencyLeaders),
  });
  const today = manifest?.today ?? null;
  const refs = [...files.values()].every((f) => !f.problems.length);
  const casesF = open(DATA_FILES.cases);
  const scenario = casesF ? readCases(casesF, powers, today, refs) : null;
  const reviewsF = open(DATA_FILES.reviews);
  const reviews = reviewsF ? readReviews(reviewsF, powers, casesF && !scenario ? undefined : scenario, refs) : [];
  const evaluationsF = open(DATA_FILES.evaluations);
  const evaluations = evaluationsF ? readEvaluations(evaluationsF, powers, casesF && !scenario ? undefined : scenario, refs) : [];
  throwIfProblems([...files.values()], extra);
  return {
    ...powers,
    dir,
    name: manifest!.name,
    recordedAt: new Date(manifest!.recordedAt),
    today,
    scenario,
    reviews,
    evaluations,
    problemAt(file, path, reason) {
      return files.get(DATA_FILES[file])!.problem(path, reason);
    },
  };
}

let demo: Dataset | undefined;
/** The demo folder, read once per process. */
export const demoDataset = (): Dataset => (demo ??= readDataset(DEMO_DIR));

/** The keys evaluations.yaml names exist: officers, agencies, and the cases of cases.yaml. */
function readEvaluations(f: DataFile, powers: PowersData, scenario: Scenario | null | undefined, refs: boolean): EvaluationRoundData[] {
  const file = f.shape(evaluationsFile);
  if (!file) return [];
  if (!refs) return file.rounds;
  const officer = (k: string) => powers.officers.some((o) => o.key === k);
  file.rounds.forEach((r, i) => {
    for (const [field, k] of [['supervisor', r.supervisor], ...r.evaluators.map((e) => ['evaluators', e])] as [string, string][]) {
      if (!officer(k)) f.problem(['rounds', i, field], `执法人员 ${k} 不在 officers.yaml 中`);
    }
    r.agencies.forEach((a, j) => {
      if (!powers.agencies.some((x) => x.key === a)) f.problem(['rounds', i, 'agencies', j], `执法主体 ${a} 不在 agencies.yaml 中`);
    });
    for (const [list, entries] of [
      ['scores', r.scores],
      ['rectificationsDone', r.rectificationsDone],
    ] as const) {
      entries.forEach((s, j) => {
        // undefined: cases.yaml has problems of its own (reported there), so its keys are not checked here.
        if (scenario !== undefined && !scenario?.cases.some((c) => c.key === s.case))
          f.problem(['rounds', i, list, j, 'case'], `案件 ${s.case} 不在 cases.yaml 中`);
      });
    }
  });
  return file.rounds;
}
