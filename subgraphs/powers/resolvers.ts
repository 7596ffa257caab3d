import type { Caller } from '../../kernel/identity.js';
import { badInput, forbidden, notFound } from '../../kernel/errors.js';
import { parsePage, toConnection } from '../../kernel/pagination.js';
import { scalarResolvers } from '../../kernel/scalars.js';
import type { ExAnteRow } from './db/schema.js';
import { requireRole, canSeeDocument, canSeeUnpublished } from './domain/access.js';
import type { AgencyKind, AgencyLeaderContent, EntrustmentValue, ExAnteKind, PublicationStatus } from './domain/types.js';
import {
  DEFAULT_POLICY,
  parseAnnualPlan,
  parseAgencyLeader,
  parseAvRecordingRule,
  parseCode,
  parseDiscretionTiers,
  parseEntrustment,
  checkEntrustmentFacts,
  parseName,
  parsePolicy,
  parsePowerItem,
  parseRandomInspectionItem,
  parseReviewCatalogRule,
  parseUscc,
} from './domain/validate.js';
import type { PowersContext } from './context.js';
import type { Resolvers, ReviseExAnteInput } from './generated/resolvers-types.js';
import { verifiedDoc, verifiedDocs, verifiedPublishedSet } from './integrity/verified.js';
import { agencySettingsResolvers, refuseDirectSettingsChange } from './agency-settings.js';
import { evaluationChecklistResolvers } from './evaluation-checklist.js';
import { toView, type AnyDocView, type DocView, type PowerItemView } from './model.js';
import { officerMutations, officerResolvers } from './officer-resolvers.js';

// Thin resolvers: parse input, check access, call the data services, shape the output.

const TYPE_OF_KIND: Record<ExAnteKind, string> = {
  POWER_ITEM: 'PowerItem',
  DISCRETION_BENCHMARK: 'DiscretionBenchmark',
  RANDOM_INSPECTION_ITEM: 'RandomInspectionItem',
  AV_RECORDING_RULE: 'AvRecordingRule',
  REVIEW_CATALOG_RULE: 'ReviewCatalogRule',
  ANNUAL_ENFORCEMENT_PLAN: 'AnnualEnforcementPlan',
  AGENCY_POLICY: 'AgencyPolicyVersion',
  ENTRUSTMENT: 'EntrustmentVersion',
  AGENCY_LEADER: 'AgencyLeader',
  EVALUATION_CHECKLIST: 'EvaluationChecklistVersion',
};

const visible = (caller: Caller, row: ExAnteRow | null): row is ExAnteRow =>
  row !== null && canSeeDocument(caller, { agencyId: row.agencyId, status: row.status as PublicationStatus, publishedAt: row.publishedAt });

/** The version a reader means by a code: the published one, or for the agency's staff the latest draft. */
async function currentPowerItem(ctx: PowersContext, code: string): Promise<PowerItemView | null> {
  const published = await verifiedDoc(ctx, await ctx.loaders.publishedPowerItem.load(code));
  if (published) return toView(published) as PowerItemView;
  const versions = await ctx.loaders.powerItemVersions.load(code);
  const latest = versions.at(-1) ?? null;
  return latest && canSeeUnpublished(ctx.caller, latest.agencyId) ? (toView(latest) as PowerItemView) : null;
}

/** One version by its id (the version a case pinned at filing, issue 13): visible to whoever may see that version. */
async function powerItemVersion(ctx: PowersContext, id: string): Promise<PowerItemView | null> {
  const row = await ctx.loaders.doc.load(id);
  return row?.kind === 'POWER_ITEM' && visible(ctx.caller, row) ? (toView((await verifiedDoc(ctx, row))!) as PowerItemView) : null;
}

/** The officer with the dated status history the rules read (R2). */

/** Art. 20: an entrustment names an existing agency that is not itself entrusted, and only its own items. */
export async function checkEntrustment(
  ctx: PowersContext,
  kind: AgencyKind,
  e: EntrustmentValue | null,
  selfId: string | null,
): Promise<EntrustmentValue | null> {
  if (!e) return null;
  const entrusting = kind === 'ENTRUSTED' && e.entrustingAgencyId !== selfId ? await ctx.loaders.agency.load(e.entrustingAgencyId) : null;
  const versions = entrusting ? await ctx.repo.versionsByCodes('POWER_ITEM', e.powerItemCodes) : [];
  return checkEntrustmentFacts(kind, e, selfId, {
    entrusting: entrusting ?? null,
    latestItem: (code) => versions.filter((v) => v.code === code).at(-1) ?? null,
  });
}

async function listPublished<K extends ExAnteKind>(ctx: PowersContext, kind: K, agencyId: string | null | undefined, planYear?: number | null) {
  const rows = await verifiedDocs(ctx, await ctx.repo.listDocs(kind, { agencyId, status: 'PUBLISHED', planYear }, null));
  return rows.map((r) => toView(r) as unknown as DocView<K>);
}

/** Statuses other than PUBLISHED are internal: only the agency's staff and oversight may list them. */
function scopeStatusFilter(caller: Caller, status: PublicationStatus, agencyId: string | null | undefined): string | null {
  if (status === 'PUBLISHED') return agencyId ?? null;
  const scoped = agencyId ?? caller.agencyId;
  if (scoped ? canSeeUnpublished(caller, scoped) : ['ADMIN', 'SUPERVISOR', 'SERVICE'].includes(caller.role)) return scoped ?? null;
  throw forbidden(`查询${status}状态的事项仅限本机关工作人员`);
}

/** Art. 57(2): a leader on the agency's list is one of its own officers, named as in the directory. */
async function checkLeader(ctx: PowersContext, agencyId: string, leader: AgencyLeaderContent, field: string): Promise<AgencyLeaderContent> {
  const officer = await ctx.loaders.officer.load(leader.officerId);
  if (!officer || officer.agencyId !== agencyId) throw badInput(`${field}.officerId`, `执法人员 ${leader.officerId} 不是本机关人员`);
  return { ...leader, name: officer.name };
}

function reviseContent(input: ReviseExAnteInput, doc: ExAnteRow) {
  const kind = doc.kind as ExAnteKind;
  const given = (
    [
      ['powerItem', 'POWER_ITEM', input.powerItem],
      ['discretionTiers', 'DISCRETION_BENCHMARK', input.discretionTiers],
      ['randomInspectionItem', 'RANDOM_INSPECTION_ITEM', input.randomInspectionItem],
      ['avRecordingRule', 'AV_RECORDING_RULE', input.avRecordingRule],
      ['reviewCatalogRule', 'REVIEW_CATALOG_RULE', input.reviewCatalogRule],
      ['annualEnforcementPlan', 'ANNUAL_ENFORCEMENT_PLAN', input.annualEnforcementPlan],
      ['agencyLeader', 'AGENCY_LEADER', input.agencyLeader],
    ] as const
  ).filter(([, , v]) => v != null);
  const match = given.find(([, k]) => k === kind);
  if (given.length !== 1 || !match) throw badInput(given[0]?.[0] ?? 'input', `该版本是 ${TYPE_OF_KIND[kind]}，须且只能提供对应的内容字段`);
  switch (kind) {
    case 'POWER_ITEM':
      return parsePowerItem(match[2], 'powerItem');
    case 'DISCRETION_BENCHMARK':
      return parseDiscretionTiers(match[2], doc.powerItemCode!, 'discretionTiers');
    case 'RANDOM_INSPECTION_ITEM':
      return parseRandomInspectionItem(match[2], 'randomInspectionItem');
    case 'AV_RECORDING_RULE':
      return parseAvRecordingRule(match[2], 'avRecordingRule');
    case 'REVIEW_CATALOG_RULE':
      return parseReviewCatalogRule(match[2], 'reviewCatalogRule');
    case 'ANNUAL_ENFORCEMENT_PLAN':
      return parseAnnualPlan(match[2], 'annualEnforcementPlan');
    case 'AGENCY_LEADER':
      return parseAgencyLeader(match[2], 'agencyLeader');
    default:
      throw badInput('input', '机关执法设置和委托书请用 reviseAgencyPolicy / reviseEntrustment 修改');
  }
}

const docFields = {
  agency: async (d: AnyDocView, _: unknown, ctx: PowersContext) => {
    const a = await ctx.loaders.agency.load(d.agencyId);
    if (!a) throw notFound('执法主体', d.agencyId);
    return a;
  },
  workflow: (d: AnyDocView) => d,
};

const hideActor = (pick: (d: AnyDocView) => string | null) => (d: AnyDocView, _: unknown, ctx: PowersContext) =>
  canSeeUnpublished(ctx.caller, d.agencyId) ? pick(d) : null;

const settings = agencySettingsResolvers(checkEntrustment);

export const resolvers: Resolvers = {
  ...scalarResolvers,

  Query: {
    ...evaluationChecklistResolvers.Query,
    agencies: (_, __, ctx) => ctx.repo.listAgencies(),
    agency: (_, { id }, ctx) => ctx.loaders.agency.load(id),
    officers: async (_, { agencyId, first, after }, ctx) => {
      const page = parsePage<[string]>({ first, after }, 1);
      const rows = await ctx.repo.listOfficers(agencyId, page);
      return { ...toConnection(rows, page, (o) => [o.id]), totalCount: () => ctx.repo.countOfficers(agencyId) };
    },
    officer: (_, { id }, ctx) => ctx.loaders.officer.load(id),
    powerItems: async (_, { filter, first, after }, ctx) => {
      const page = parsePage<[string, number]>({ first, after }, 2);
      const status = filter?.status ?? 'PUBLISHED';
      const where = {
        agencyId: scopeStatusFilter(ctx.caller, status, filter?.agencyId),
        status,
        category: filter?.category ?? null,
        area: filter?.enforcementArea ?? null,
        nameContains: filter?.nameContains ?? null,
      };
      const rows = await ctx.repo.listDocs('POWER_ITEM', where, page);
      const views = rows.map((r) => toView(r) as PowerItemView);
      return { ...toConnection(views, page, (r) => [r.code, r.versionNo]), totalCount: () => ctx.repo.countDocs('POWER_ITEM', where) };
    },
    powerItem: (_, { code }, ctx) => currentPowerItem(ctx, code),
    exAnteDocument: async (_, { id }, ctx) => {
      const row = await ctx.loaders.doc.load(id);
      return visible(ctx.caller, row) ? toView((await verifiedDoc(ctx, row))!) : null;
    },
    // The gate reads the catalog whole (R5): exactly the versions the powers log says are published (issue 25).
    reviewCatalog: async (_, { agencyId }, ctx) => {
      const rows = await ctx.repo.listDocs('REVIEW_CATALOG_RULE', { agencyId, status: 'PUBLISHED' }, null);
      const checked = agencyId ? await verifiedPublishedSet(ctx, 'REVIEW_CATALOG_RULE', agencyId, rows) : await verifiedDocs(ctx, rows);
      return checked.map((r) => toView(r) as unknown as DocView<'REVIEW_CATALOG_RULE'>);
    },
    randomInspectionItems: (_, { agencyId }, ctx) => listPublished(ctx, 'RANDOM_INSPECTION_ITEM', agencyId),
    avRecordingRules: (_, { agencyId }, ctx) => listPublished(ctx, 'AV_RECORDING_RULE', agencyId),
    agencyLeaders: (_, { agencyId }, ctx) => listPublished(ctx, 'AGENCY_LEADER', agencyId),
    annualEnforcementPlans: (_, { agencyId, year }, ctx) => listPublished(ctx, 'ANNUAL_ENFORCEMENT_PLAN', agencyId, year),
    discretionBenchmarks: (_, { agencyId }, ctx) => listPublished(ctx, 'DISCRETION_BENCHMARK', agencyId),
    exAnteWorkQueue: async (_, { agencyId, status }, ctx) => {
      if (!canSeeUnpublished(ctx.caller, agencyId)) throw forbidden('工作队列仅限本机关工作人员');
      const rows = await ctx.repo.listDocsAnyKind(agencyId, status);
      return rows.map(toView);
    },
  },

  Mutation: {
    ...officerMutations,
    createAgency: async (_, { input }, ctx) => {
      requireRole(ctx.caller, ['ADMIN'], '设立执法主体');
      return ctx.repo.insertAgency(
        {
          name: parseName(input.name, 'name', 200),
          kind: input.kind,
          uscc: parseUscc(input.uscc),
          region: parseName(input.region, 'region'),
          legalBasis: input.legalBasis.map((b, i) => ({
            law: parseName(b.law, `legalBasis.${i}.law`, 200),
            article: parseName(b.article, `legalBasis.${i}.article`),
            excerpt: b.excerpt ?? null,
          })),
          contact: input.contact ?? {},
          complaintChannels: input.complaintChannels ?? [],
          serviceWindows: (input.serviceWindows ?? []).map((w) => ({ ...w, staffDuties: w.staffDuties ?? [], sampleForms: w.sampleForms ?? [] })),
          policy: parsePolicy(input.policy, DEFAULT_POLICY),
          entrustment: await checkEntrustment(ctx, input.kind, input.entrustment ? parseEntrustment(input.entrustment) : null, null),
          idempotencyKey: input.idempotencyKey ? `${ctx.caller.subject}:${input.idempotencyKey}` : null,
        },
        ctx.caller.officerId ?? ctx.caller.subject,
      );
    },
    updateAgency: async (_, { input }, ctx) => {
      requireRole(ctx.caller, ['ADMIN'], '修改执法主体');
      refuseDirectSettingsChange(input);
      const current = await ctx.repo.agencyById(input.id);
      if (!current) throw notFound('执法主体', input.id);
      const kind = (input.kind ?? current.kind) as AgencyKind;
      // The entrustment recorded at establishment lapses with the kind; later versions are documents (agency-settings.ts).
      const entrustment = kind === 'ENTRUSTED' ? current.entrustment : null;
      return ctx.repo.updateAgency(input.id, input.version, ctx.caller.officerId ?? ctx.caller.subject, {
        kind,
        entrustment,
        ...(input.name != null ? { name: parseName(input.name, 'name', 200) } : {}),
        ...(input.contact != null ? { contact: input.contact } : {}),
        ...(input.complaintChannels != null ? { complaintChannels: input.complaintChannels } : {}),
        ...(input.serviceWindows != null
          ? { serviceWindows: input.serviceWindows.map((w) => ({ ...w, staffDuties: w.staffDuties ?? [], sampleForms: w.sampleForms ?? [] })) }
          : {}),
      });
    },

    createPowerItem: async (_, { input }, ctx) =>
      toView(
        await ctx.docs.create(ctx.caller, 'POWER_ITEM', input.agencyId, parseCode(input.code), parsePowerItem(input.item), input.idempotencyKey),
      ) as PowerItemView,
    createDiscretionBenchmark: async (_, { input }, ctx) => {
      const item = (await ctx.loaders.powerItemVersions.load(input.powerItemCode)).at(-1);
      if (!item) throw badInput('powerItemCode', `权力事项 ${input.powerItemCode} 不存在`);
      if (item.agencyId !== input.agencyId) throw badInput('powerItemCode', `权力事项 ${input.powerItemCode} 不属于该执法主体`);
      const content = parseDiscretionTiers(input.tiers, input.powerItemCode);
      return toView(
        await ctx.docs.create(ctx.caller, 'DISCRETION_BENCHMARK', input.agencyId, input.powerItemCode, content, input.idempotencyKey),
      ) as DocView<'DISCRETION_BENCHMARK'>;
    },
    createRandomInspectionItem: async (_, { input }, ctx) =>
      toView(
        await ctx.docs.create(
          ctx.caller,
          'RANDOM_INSPECTION_ITEM',
          input.agencyId,
          parseCode(input.code),
          parseRandomInspectionItem(input.item),
          input.idempotencyKey,
        ),
      ) as DocView<'RANDOM_INSPECTION_ITEM'>,
    createAvRecordingRule: async (_, { input }, ctx) =>
      toView(
        await ctx.docs.create(ctx.caller, 'AV_RECORDING_RULE', input.agencyId, parseCode(input.code), parseAvRecordingRule(input.rule), input.idempotencyKey),
      ) as DocView<'AV_RECORDING_RULE'>,
    createAgencyLeader: async (_, { input }, ctx) => {
      const leader = await checkLeader(ctx, input.agencyId, parseAgencyLeader(input.leader), 'leader');
      return toView(
        await ctx.docs.create(ctx.caller, 'AGENCY_LEADER', input.agencyId, parseCode(input.code), leader, input.idempotencyKey),
      ) as DocView<'AGENCY_LEADER'>;
    },
    createReviewCatalogRule: async (_, { input }, ctx) =>
      toView(
        await ctx.docs.create(
          ctx.caller,
          'REVIEW_CATALOG_RULE',
          input.agencyId,
          parseCode(input.code),
          parseReviewCatalogRule(input.rule),
          input.idempotencyKey,
        ),
      ) as DocView<'REVIEW_CATALOG_RULE'>,
    createAnnualEnforcementPlan: async (_, { input }, ctx) => {
      const plan = parseAnnualPlan(input.plan);
      const agency = await ctx.loaders.agency.load(input.agencyId);
      if (!agency) throw badInput('agencyId', `执法主体 ${input.agencyId} 不存在`);
      const code = `${agency.uscc}-PLAN-${plan.year}`;
      return toView(
        await ctx.docs.create(ctx.caller, 'ANNUAL_ENFORCEMENT_PLAN', input.agencyId, code, plan, input.idempotencyKey),
      ) as DocView<'ANNUAL_ENFORCEMENT_PLAN'>;
    },
    reviseExAnteDocument: async (_, { input }, ctx) => {
      const current = input.agencyLeader ? await ctx.loaders.doc.load(input.id) : null;
      const leader = current ? await checkLeader(ctx, current.agencyId, parseAgencyLeader(input.agencyLeader, 'agencyLeader'), 'agencyLeader') : null;
      return toView(
        await ctx.docs.revise(ctx.caller, input.id, input.version, (doc) => (leader && doc.kind === 'AGENCY_LEADER' ? leader : reviseContent(input, doc))),
      );
    },
    submitExAnteDocument: async (_, { input }, ctx) => toView(await ctx.docs.transition(ctx.caller, 'submit', input.id, input.version, input.note)),
    approveExAnteDocument: async (_, { input }, ctx) => toView(await ctx.docs.transition(ctx.caller, 'approve', input.id, input.version, input.note)),
    rejectExAnteDocument: async (_, { input }, ctx) => toView(await ctx.docs.transition(ctx.caller, 'reject', input.id, input.version, input.note)),
    publishExAnteDocument: async (_, { input }, ctx) => toView(await ctx.docs.transition(ctx.caller, 'publish', input.id, input.version, input.note)),
    retireExAnteDocument: async (_, { input }, ctx) => toView(await ctx.docs.transition(ctx.caller, 'retire', input.id, input.version, input.note)),
    ...settings.Mutation,
    ...evaluationChecklistResolvers.Mutation,
  },

  Agency: {
    __resolveReference: (ref, ctx) => ctx.loaders.agency.load(ref.id),
    // policy, entrustment and their versions: the published version in force (agency-settings.ts).
    ...settings.Agency,
    officers: async (a, { first, after }, ctx) => {
      const page = parsePage<[string]>({ first, after }, 1);
      const rows = await ctx.repo.listOfficers(a.id, page);
      return { ...toConnection(rows, page, (o) => [o.id]), totalCount: () => ctx.repo.countOfficers(a.id) };
    },
    powerItems: async (a, { first, after }, ctx) => {
      const page = parsePage<[string, number]>({ first, after }, 2);
      const where = { agencyId: a.id, status: 'PUBLISHED' as const };
      const rows = await ctx.repo.listDocs('POWER_ITEM', where, page);
      return {
        ...toConnection(
          rows.map((r) => toView(r) as PowerItemView),
          page,
          (r) => [r.code, r.versionNo],
        ),
        totalCount: () => ctx.repo.countDocs('POWER_ITEM', where),
      };
    },
  },

  ...officerResolvers,

  OfficerConnection: { totalCount: (c) => c.totalCount() },
  PowerItemConnection: { totalCount: (c) => c.totalCount() },

  ExAnteDocument: {
    __resolveType: (d) => TYPE_OF_KIND[d.kind] as never,
  },

  WorkflowTrail: {
    createdBy: hideActor((d) => d.createdBy),
    submittedBy: hideActor((d) => d.submittedBy),
    approvedBy: hideActor((d) => d.approvedBy),
    approvalNote: hideActor((d) => d.approvalNote),
    publishedBy: hideActor((d) => d.publishedBy),
    retiredBy: hideActor((d) => d.retiredBy),
  },

  PowerItem: {
    ...docFields,
    // Two keys: `code` (the version in force) and `id` (one exact version, e.g. the one a case pinned at filing).
    __resolveReference: (ref, ctx) => ('id' in ref && ref.id ? powerItemVersion(ctx, ref.id) : currentPowerItem(ctx, (ref as { code: string }).code)),
    currentVersion: async (p, _, ctx) => {
      const published = await verifiedDoc(ctx, await ctx.loaders.publishedPowerItem.load(p.code));
      return published ? (toView(published) as PowerItemView) : null;
    },
    discretionBenchmark: async (p, _, ctx) => {
      const b = await verifiedDoc(ctx, await ctx.loaders.benchmarkForPowerItem.load(p.code));
      return b ? (toView(b) as DocView<'DISCRETION_BENCHMARK'>) : null;
    },
    versions: async (p, _, ctx) =>
      (await ctx.loaders.powerItemVersions.load(p.code)).filter((r) => visible(ctx.caller, r)).map((r) => toView(r) as PowerItemView),
  },
  Entrustment: {
    entrustingAgency: async (e, _, ctx) => {
      const a = await ctx.loaders.agency.load(e.entrustingAgencyId);
      if (!a) throw notFound('执法主体', e.entrustingAgencyId);
      return a;
    },
  },
  DiscretionBenchmark: {
    ...docFields,
    powerItem: (b, _, ctx) => currentPowerItem(ctx, b.powerItemCode),
  },
  RandomInspectionItem: {
    ...docFields,
    // Entity key `code` (inspections links its tasks to items): the published version, like PowerItem.
    __resolveReference: async (ref, ctx) => {
      const row = await ctx.loaders.publishedRandomInspectionItem.load(ref.code);
      return row ? (toView(row) as DocView<'RANDOM_INSPECTION_ITEM'>) : null;
    },
  },
  AvRecordingRule: docFields,
  ReviewCatalogRule: docFields,
  AnnualEnforcementPlan: docFields,
  AgencyPolicyVersion: { ...docFields, ...settings.AgencyPolicyVersion },
  EntrustmentVersion: { ...docFields, ...settings.EntrustmentVersion },
  AgencyLeader: docFields,
};
