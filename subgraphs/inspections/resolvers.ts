import { AppError, forbidden } from '../../kernel/errors.js';
import type { Caller } from '../../kernel/identity.js';
import { parsePage, toConnection, type PageArgs } from '../../kernel/pagination.js';
import { scalarResolvers } from '../../kernel/scalars.js';
import type { InspectionsContext } from './context.js';
import type { ResultRow, TaskRow } from './db/schema.js';
import { canSeeInternal, isOversight, isResultPublic, isTaskPublic, scopeOf, type Scope } from './domain/access.js';
import { METHODS, RESULT_KINDS, SUB_CODES, type MethodCode, type ResultCode } from './domain/codes.js';
import { isPublishedLate } from './domain/deadline.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { ResultConnectionModel, TaskConnectionModel } from './model.js';
import { PlatformError } from './platform-client.js';
import type { ResultListFilter, TaskListFilter } from './repo.js';

// Thin resolvers: visibility (双随机、一公开), paging, and output fields computed from stored rows.
// Every answer comes from the local store; only syncInspections talks to the platform.

const requireRole = (caller: Caller, roles: Caller['role'][], what: string) => {
  if (!roles.includes(caller.role)) throw forbidden(`${what}需要角色 ${roles.join('/')}`);
};

async function scope(ctx: InspectionsContext): Promise<Scope> {
  return scopeOf(ctx.caller, await ctx.callerAgencyUsccs());
}

async function internal(ctx: InspectionsContext, agencyUscc: string): Promise<boolean> {
  return canSeeInternal(ctx.caller, agencyUscc, await ctx.callerAgencyUsccs());
}

async function visibleTask(ctx: InspectionsContext, row: TaskRow | null): Promise<TaskRow | null> {
  return row && (isTaskPublic(row) || (await internal(ctx, row.agencyUscc))) ? row : null;
}

async function visibleResult(ctx: InspectionsContext, row: ResultRow | null): Promise<ResultRow | null> {
  return row && (isResultPublic(row, ctx.today) || (await internal(ctx, row.agencyUscc))) ? row : null;
}

async function taskConnection(ctx: InspectionsContext, filter: TaskListFilter, args: PageArgs, s?: Scope): Promise<TaskConnectionModel> {
  const page = parsePage<[string]>(args, 1);
  const sc = s ?? (await scope(ctx));
  const rows = await ctx.repo.listTasks(filter, sc, page);
  for (const r of rows) ctx.loaders.task.prime(r.id, r);
  return { ...toConnection(rows, page, (r) => [r.id]), totalCount: () => ctx.repo.countTasks(filter, sc) };
}

async function resultConnection(ctx: InspectionsContext, filter: ResultListFilter, args: PageArgs): Promise<ResultConnectionModel> {
  const page = parsePage<[string]>(args, 1);
  const sc = await scope(ctx);
  const rows = await ctx.repo.listResults(filter, sc, ctx.today, page);
  for (const r of rows) ctx.loaders.result.prime(r.id, r);
  return { ...toConnection(rows, page, (r) => [r.id]), totalCount: () => ctx.repo.countResults(filter, sc, ctx.today) };
}

const agencyRef = async (ctx: InspectionsContext, uscc: string) => {
  const id = await ctx.loaders.agencyIdByUscc.load(uscc);
  return id ? { id } : null;
};

export const resolvers: Resolvers = {
  Date: scalarResolvers.Date,
  DateTime: scalarResolvers.DateTime,

  Query: {
    inspectionPlans: (_, { year }, ctx) => ctx.repo.listPlans(year),
    inspectionTasks: (_, { filter, first, after }, ctx) =>
      taskConnection(ctx, { itemCode: filter?.itemCode, planId: filter?.planId, status: filter?.status, uscc: filter?.uscc }, { first, after }),
    inspectionTask: async (_, { id }, ctx) => visibleTask(ctx, await ctx.loaders.task.load(id)),
    inspectionResults: (_, { filter, first, after }, ctx) => resultConnection(ctx, { ...filter }, { first, after }),
    inspectionResult: async (_, { id }, ctx) => visibleResult(ctx, await ctx.loaders.result.load(id)),
    inspectionSource: (_, __, ctx) => ctx.sync.status(),
    inspectionQuarantine: (_, { includeResolved }, ctx) => {
      requireRole(ctx.caller, ['ADMIN', 'SUPERVISOR'], '查看隔离记录');
      return ctx.repo.listQuarantine(includeResolved ?? false);
    },
  },

  Mutation: {
    syncInspections: async (_, __, ctx) => {
      requireRole(ctx.caller, ['ADMIN'], '同步随机抽查平台数据');
      try {
        return await ctx.sync.run('MANUAL');
      } catch (err) {
        if (err instanceof PlatformError) {
          throw new AppError('UPSTREAM_UNAVAILABLE', `随机抽查平台同步失败：${err.message}；已同步的数据照常可查`, {
            upstream: 'inspection-platform',
            reason: err.kind,
          });
        }
        throw err;
      }
    },
  },

  InspectionPlan: {
    __resolveReference: (ref, ctx) => ctx.loaders.plan.load(ref.id),
    agency: (p, _, ctx) => agencyRef(ctx, p.agencyUscc),
    items: (p) => p.itemCodes.map((code) => ({ code })),
    tasks: (p, { first, after }, ctx) => taskConnection(ctx, { planId: p.id }, { first, after }),
  },

  InspectionTask: {
    __resolveReference: async (ref, ctx) => visibleTask(ctx, await ctx.loaders.task.load(ref.id)),
    status: (t) => t.status as 'DRAWN' | 'IN_PROGRESS' | 'COMPLETED',
    plan: (t, _, ctx) => ctx.loaders.plan.load(t.planId),
    item: (t) => ({ code: t.itemCode }),
    agency: (t, _, ctx) => agencyRef(ctx, t.agencyUscc),
    draw: (t) => t,
    objects: (t, _, ctx) => ctx.loaders.objects.load(t.id),
    inspectors: async (t, _, ctx) => ((await internal(ctx, t.agencyUscc)) ? ctx.loaders.inspectors.load(t.id) : null),
    results: async (t, _, ctx) => {
      const rows = await ctx.loaders.resultsOfTask.load(t.id);
      return (await Promise.all(rows.map((r) => visibleResult(ctx, r)))).filter((r): r is ResultRow => r !== null);
    },
  },

  InspectionDraw: {
    seed: (t) => t.drawSeed,
    objectsDrawn: async (t, _, ctx) => (await ctx.loaders.objects.load(t.id)).length,
    inspectorsDrawn: async (t, _, ctx) => (await ctx.loaders.inspectors.load(t.id)).length,
  },

  InspectedObject: {
    enterprise: (o) => ({ uscc: o.uscc }),
  },

  InspectionInspector: {
    officer: async (i, _, ctx) => {
      const id = await ctx.loaders.officerIdByCredential.load(i.credentialNumber);
      return id ? { id } : null;
    },
  },

  InspectionResult: {
    __resolveReference: async (ref, ctx) => visibleResult(ctx, await ctx.loaders.result.load(ref.id)),
    task: async (r, _, ctx) => visibleTask(ctx, await ctx.loaders.task.load(r.taskId)),
    enterprise: (r) => ({ uscc: r.uscc }),
    agency: (r, _, ctx) => agencyRef(ctx, r.agencyUscc),
    resultKind: (r) => RESULT_KINDS[r.resultCode as ResultCode].kind,
    resultLabel: (r) => RESULT_KINDS[r.resultCode as ResultCode].label,
    subCodeLabel: (r) => (r.subCode ? (SUB_CODES[r.subCode] ?? null) : null),
    methods: (r) => r.methods.map((m) => METHODS[m as MethodCode]),
    followUpAction: (r) => r.followUpAction as 'NONE' | 'ORDER_CORRECTION' | 'FILE_CASE' | 'REFER',
    publishedLate: (r, _, ctx) => isPublishedLate(r, ctx.today),
  },

  InspectionTaskConnection: { totalCount: (c) => c.totalCount() },
  InspectionResultConnection: { totalCount: (c) => c.totalCount() },

  Officer: {
    __resolveReference: (ref) => ({ id: ref.id, credentialNumber: 'credentialNumber' in ref ? ref.credentialNumber : null }),
    inspectionTasks: async (o, { first, after }, ctx) => {
      // Which officer inspected what is personal data: the inspecting agency's own staff and oversight only.
      const usccs = await ctx.callerAgencyUsccs();
      if (!o.credentialNumber || !(isOversight(ctx.caller) || (usccs.length && ['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(ctx.caller.role)))) return null;
      return taskConnection(ctx, { credentialNumber: o.credentialNumber }, { first, after }, scopeOf(ctx.caller, usccs));
    },
  },

  Enterprise: {
    __resolveReference: (ref) => ({ uscc: ref.uscc }),
    inspections: (e, { first, after }, ctx) => resultConnection(ctx, { uscc: e.uscc }, { first, after }),
  },

  Case: {
    __resolveReference: (ref) => ({ id: ref.id, sourceInspectionTaskId: 'sourceInspectionTaskId' in ref ? ref.sourceInspectionTaskId : null }),
    sourceInspection: async (c, _, ctx) => (c.sourceInspectionTaskId ? visibleTask(ctx, await ctx.loaders.task.load(c.sourceInspectionTaskId)) : null),
  },

  RandomInspectionItem: {
    __resolveReference: (ref) => ({ code: ref.code }),
    tasks: (i, { first, after }, ctx) => taskConnection(ctx, { itemCode: i.code }, { first, after }),
  },
};
