import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, gte, not, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../kernel/db.js';
import type { Page } from '../../kernel/pagination.js';
import type { Scope } from './domain/access.js';
import { codesOfKind } from './domain/codes.js';
import {
  agencyLinks,
  officerLinks,
  plans,
  quarantine,
  results,
  syncRuns,
  taskInspectors,
  taskObjects,
  tasks,
  type ResultRow,
  type TaskRow,
  type schema,
} from './db/schema.js';

// Read side of the inspections store (the sync writes through sync.ts). SQL only, no rules.

export type InspectionsDb = Db<typeof schema>;

export interface TaskListFilter {
  itemCode?: string | null;
  planId?: string | null;
  status?: string | null;
  uscc?: string | null;
  /** Tasks this credential number inspected (Officer.inspectionTasks). */
  credentialNumber?: string | null;
}

export interface ResultListFilter {
  uscc?: string | null;
  taskId?: string | null;
  itemCode?: string | null;
  resultKind?: string | null;
  problemsFound?: boolean | null;
  publishedLate?: boolean | null;
  completedFrom?: string | null;
  completedTo?: string | null;
}

/** Which tasks a scope sees: completed ones (public) plus every task of its agencies, or all. */
function taskScope(scope: Scope, publicRows: boolean): SQL | undefined {
  if (scope.all) return undefined;
  const own = scope.agencyUsccs.length ? inArray(tasks.agencyUscc, scope.agencyUsccs) : undefined;
  const pub = publicRows ? eq(tasks.status, 'COMPLETED') : undefined;
  return or(pub, own) ?? sql`false`;
}

function resultScope(scope: Scope, today: string): SQL | undefined {
  if (scope.all) return undefined;
  const pub = and(isNotNull(results.publishedOn), lte(results.publishedOn, today));
  return scope.agencyUsccs.length ? or(pub, inArray(results.agencyUscc, scope.agencyUsccs)) : pub;
}

export function createInspectionsRepo(db: InspectionsDb) {
  const orm = db.orm;

  function taskConditions(f: TaskListFilter, scope: Scope): SQL[] {
    const conds: (SQL | undefined)[] = [
      // Inspector links are personal data: only the agencies' own tasks, never "public" ones, qualify.
      taskScope(scope, !f.credentialNumber),
      f.itemCode ? eq(tasks.itemCode, f.itemCode) : undefined,
      f.planId ? eq(tasks.planId, f.planId) : undefined,
      f.status ? eq(tasks.status, f.status) : undefined,
      f.uscc ? inArray(tasks.id, orm.select({ id: taskObjects.taskId }).from(taskObjects).where(eq(taskObjects.uscc, f.uscc))) : undefined,
      f.credentialNumber
        ? inArray(tasks.id, orm.select({ id: taskInspectors.taskId }).from(taskInspectors).where(eq(taskInspectors.credentialNumber, f.credentialNumber)))
        : undefined,
    ];
    return conds.filter((c): c is SQL => c !== undefined);
  }

  function resultConditions(f: ResultListFilter, scope: Scope, today: string): SQL[] {
    const late = or(sql`${results.publishedOn} > ${results.publicationDueOn}`, and(isNull(results.publishedOn), sql`${results.publicationDueOn} < ${today}`))!;
    const conds: (SQL | undefined)[] = [
      resultScope(scope, today),
      f.uscc ? eq(results.uscc, f.uscc) : undefined,
      f.taskId ? eq(results.taskId, f.taskId) : undefined,
      f.itemCode ? eq(results.itemCode, f.itemCode) : undefined,
      f.resultKind ? inArray(results.resultCode, codesOfKind(f.resultKind)) : undefined,
      f.problemsFound != null ? eq(results.problemsFound, f.problemsFound) : undefined,
      f.publishedLate === true ? late : f.publishedLate === false ? not(late) : undefined,
      f.completedFrom ? gte(results.completedOn, f.completedFrom) : undefined,
      f.completedTo ? lte(results.completedOn, f.completedTo) : undefined,
    ];
    return conds.filter((c): c is SQL => c !== undefined);
  }

  return {
    /** The drizzle handle, for the aggregate statements of statistics.ts. */
    orm,
    listPlans: (year: number | null | undefined) =>
      orm
        .select()
        .from(plans)
        .where(year ? eq(plans.year, year) : undefined)
        .orderBy(asc(plans.id)),
    plansByIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(plans)
        .where(inArray(plans.id, [...ids])),

    async listTasks(f: TaskListFilter, scope: Scope, page: Page<[string]>): Promise<TaskRow[]> {
      const conds = taskConditions(f, scope);
      if (page.after) conds.push(gt(tasks.id, page.after[0]));
      return orm
        .select()
        .from(tasks)
        .where(and(...conds))
        .orderBy(asc(tasks.id))
        .limit(page.limit + 1);
    },
    countTasks: async (f: TaskListFilter, scope: Scope) =>
      (
        await orm
          .select({ n: count() })
          .from(tasks)
          .where(and(...taskConditions(f, scope)))
      )[0]?.n ?? 0,
    tasksByIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(tasks)
        .where(inArray(tasks.id, [...ids])),
    objectsByTaskIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(taskObjects)
        .where(inArray(taskObjects.taskId, [...ids]))
        .orderBy(asc(taskObjects.taskId), asc(taskObjects.position)),
    inspectorsByTaskIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(taskInspectors)
        .where(inArray(taskInspectors.taskId, [...ids]))
        .orderBy(asc(taskInspectors.taskId), asc(taskInspectors.position)),

    async listResults(f: ResultListFilter, scope: Scope, today: string, page: Page<[string]>): Promise<ResultRow[]> {
      const conds = resultConditions(f, scope, today);
      if (page.after) conds.push(gt(results.id, page.after[0]));
      return orm
        .select()
        .from(results)
        .where(and(...conds))
        .orderBy(asc(results.id))
        .limit(page.limit + 1);
    },
    countResults: async (f: ResultListFilter, scope: Scope, today: string) =>
      (
        await orm
          .select({ n: count() })
          .from(results)
          .where(and(...resultConditions(f, scope, today)))
      )[0]?.n ?? 0,
    resultsByIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(results)
        .where(inArray(results.id, [...ids])),
    resultsByTaskIds: (ids: readonly string[]) =>
      orm
        .select()
        .from(results)
        .where(inArray(results.taskId, [...ids]))
        .orderBy(asc(results.id)),

    agencyLinksByUsccs: (usccs: readonly string[]) =>
      orm
        .select()
        .from(agencyLinks)
        .where(inArray(agencyLinks.uscc, [...usccs])),
    usccsOfAgency: async (agencyId: string) =>
      (await orm.select({ uscc: agencyLinks.uscc }).from(agencyLinks).where(eq(agencyLinks.agencyId, agencyId))).map((r) => r.uscc),
    officerLinksByCredentials: (numbers: readonly string[]) =>
      orm
        .select()
        .from(officerLinks)
        .where(inArray(officerLinks.credentialNumber, [...numbers])),

    listQuarantine: (includeResolved: boolean) =>
      orm
        .select()
        .from(quarantine)
        .where(includeResolved ? undefined : isNull(quarantine.resolvedAt))
        .orderBy(desc(quarantine.receivedAt), asc(quarantine.id))
        .limit(500),

    latestRuns: async () => {
      const lastFinished = (await orm.select().from(syncRuns).where(isNotNull(syncRuns.finishedAt)).orderBy(desc(syncRuns.startedAt)).limit(1))[0] ?? null;
      const lastOk = (await orm.select().from(syncRuns).where(eq(syncRuns.ok, true)).orderBy(desc(syncRuns.startedAt)).limit(1))[0] ?? null;
      return { lastFinished, lastOk };
    },
  };
}

export type InspectionsRepo = ReturnType<typeof createInspectionsRepo>;
