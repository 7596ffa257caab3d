import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DataFile, throwIfProblems } from '../../../kernel/data-file.js';
import { checkRecord } from '../domain/validate.js';

// The stand-in platform's records for 米东区城市管理局 (data/demo/platform.yaml, docs/data-format.md): two plans,
// four tasks drawn from the published random-inspection items, inspectors by the demo officers' credential
// numbers, results with §8 codes — plus the platform's known defects: malformed records and re-sent duplicates.
// Each record is checked on reading by the inspections subgraph's own validator: a record marked with a
// `defect` must fail it (the sync must quarantine it), every other record must pass.

export type PlatformResource = 'plans' | 'tasks' | 'results';
export interface FeedEntry {
  resource: PlatformResource;
  /** The record as the platform serves it (its `updatedAt` is the feed order). */
  body: Record<string, unknown> & { updatedAt: string };
}

export const PLATFORM_FILE = fileURLToPath(new URL('../../../data/demo/platform.yaml', import.meta.url));

const ENTERPRISE_KEYS = ['kebab', 'silkRoad', 'noodles', 'builder', 'hongda', 'adMedia', 'lightbox', 'shunda', 'changyun'] as const;
const INSPECTOR_KEYS = ['abdurahman', 'chen', 'gulimila', 'sun', 'nuraili', 'external'] as const;
/** Records the tests refer to by id. */
export const PLAN_H1 = 'JH-650109-2026-01';
export const PLAN_H2 = 'JH-650109-2026-02';
export const TASK_FUMES = 'RW-650109-2026-0001';
export const TASK_DUST = 'RW-650109-2026-0002';
export const TASK_ADS = 'RW-650109-2026-0003';
export const TASK_LOADS = 'RW-650109-2026-0004';
/** The result that found problems at the demo party and led to a case; published after the R19 deadline. */
export const RESULT_BUILDER = 'JG-650109-2026-0004';
export const RESULT_UNPUBLISHED = 'JG-650109-2026-0007';

const org = z.object({ uscc: z.string(), name: z.string() }).strict();
const body = z.looseObject({ id: z.string(), updatedAt: z.string() });
const platformFile = z
  .object({
    agency: org,
    enterprises: z.record(z.string(), org),
    inspectors: z.record(z.string(), z.object({ credentialNumber: z.string(), name: z.string() }).strict()),
    feed: z.array(
      z
        .object({
          plan: body.optional(),
          task: body.optional(),
          result: body.optional(),
          /** A malformed record on purpose: why the platform's record is wrong. */
          defect: z.string().min(1).optional(),
          /** The platform sends an earlier record again (by id), unchanged, at its old or a new `updatedAt`. */
          resend: z.string().optional(),
          updatedAt: z.string().optional(),
        })
        .strict()
        .refine((e) => [e.plan, e.task, e.result, e.resend].filter(Boolean).length === 1, '每条须恰有 plan、task、result、resend 之一'),
    ),
  })
  .strict();

type Org = z.output<typeof org>;
interface PlatformData {
  agency: Org;
  enterprises: Record<(typeof ENTERPRISE_KEYS)[number], Org>;
  inspectors: Record<(typeof INSPECTOR_KEYS)[number], { credentialNumber: string; name: string }>;
  feed: FeedEntry[];
  counts: Record<PlatformResource, { valid: number; malformed: number; duplicates: number }>;
}

/** Reads and checks platform.yaml; throws DataFileError with every problem. */
export function readPlatformData(path: string = PLATFORM_FILE): PlatformData {
  const f = DataFile.read(path);
  const file = f.shape(platformFile);
  const feed: FeedEntry[] = [];
  const counts = {
    plans: { valid: 0, malformed: 0, duplicates: 0 },
    tasks: { valid: 0, malformed: 0, duplicates: 0 },
    results: { valid: 0, malformed: 0, duplicates: 0 },
  };
  if (file) {
    for (const [list, keys] of [
      ['enterprises', ENTERPRISE_KEYS],
      ['inspectors', INSPECTOR_KEYS],
    ] as const) {
      for (const k of keys) if (!(k in file[list])) f.problem([list], `缺少 ${k}（测试按此名引用）`);
    }
    file.feed.forEach((e, i) => {
      if (e.resend) {
        const first = feed.find((x) => x.body.id === e.resend);
        if (!first) return f.problem(['feed', i, 'resend'], `此前没有编号为 ${e.resend} 的记录`);
        counts[first.resource].duplicates++;
        feed.push({ resource: first.resource, body: { ...first.body, updatedAt: e.updatedAt ?? first.body.updatedAt } });
        return;
      }
      const resource = e.plan ? 'plans' : e.task ? 'tasks' : 'results';
      const record = (e.plan ?? e.task ?? e.result)!;
      const checked = checkRecord(resource, record);
      const at = ['feed', i, resource.slice(0, -1)];
      if (!checked.ok && !e.defect) f.problem(at, `记录未通过平台记录校验：${checked.reason}（故意的缺陷请用 defect 注明）`);
      if (checked.ok && e.defect) f.problem(['feed', i, 'defect'], '标为缺陷（defect），但记录通过了平台记录校验');
      counts[resource][e.defect ? 'malformed' : 'valid']++;
      feed.push({ resource, body: record });
    });
    for (const id of [PLAN_H1, PLAN_H2, TASK_FUMES, TASK_DUST, TASK_ADS, TASK_LOADS, RESULT_BUILDER, RESULT_UNPUBLISHED]) {
      if (!feed.some((x) => x.body.id === id)) f.problem(['feed'], `缺少编号为 ${id} 的记录（测试按此编号引用）`);
    }
  }
  throwIfProblems([f]);
  return { ...(file as Omit<PlatformData, 'feed' | 'counts'>), feed, counts };
}

const data = readPlatformData();

export const BUREAU = data.agency;
export const ENTERPRISES = data.enterprises;
/** Credential numbers of the demo officers (data/demo/officers.yaml); one platform inspector is not in our directory. */
export const INSPECTORS = data.inspectors;
/** The feed in arrival order; a fresh copy each time (a test may append to its stand-in). */
export const demoFeed = (): FeedEntry[] => data.feed.map((e) => ({ resource: e.resource, body: structuredClone(e.body) }));
export const DEMO_COUNTS = {
  plans: { valid: data.counts.plans.valid, malformed: data.counts.plans.malformed },
  tasks: { valid: data.counts.tasks.valid, malformed: data.counts.tasks.malformed },
  results: data.counts.results,
};
