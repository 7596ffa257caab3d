import type { Caller } from '../../kernel/identity.js';
import { badInput, forbidden } from '../../kernel/errors.js';
import { parsePage, toConnection } from '../../kernel/pagination.js';
import type { CasesContext } from './context.js';
import { maskFreeText } from './domain/publicity-guards.js';
import { creditRecord, maskPersonName, personNamed, publicContent, toCsv } from './domain/publicity.js';
import type { PublicationFilter, Resolvers } from './generated/resolvers-types.js';
import type { PublicationRow } from './model.js';
import type { PublicationListFilter } from './repo.js';
import { refused } from './public-text.js';

// The public face of ex-post publicity: what anyone may read, what staff may manage.

const isOversight = (c: Caller) => ['SUPERVISOR', 'ADMIN', 'SERVICE'].includes(c.role);
const isAgencyStaff = (c: Caller, agencyId: string) => isOversight(c) || (['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(c.role) && c.agencyId === agencyId);
const expired = (p: PublicationRow, today: string) => !!p.periodEndsOn && today > p.periodEndsOn;

/** Public: published inside its period, or a withdrawal notice. Everything else is for the agency's staff. */
export function publiclyVisible(p: PublicationRow, today: string): boolean {
  return (p.status === 'PUBLISHED' && !expired(p, today)) || (p.status === 'WITHDRAWN' && p.publishedOn !== null);
}

function listFilter(ctx: CasesContext, f: PublicationFilter | null | undefined): PublicationListFilter {
  const base: PublicationListFilter = {
    agencyId: f?.agencyId,
    caseType: f?.category,
    decidedFrom: f?.decidedFrom,
    decidedTo: f?.decidedTo,
    partyNameContains: f?.partyNameContains,
    partyUscc: f?.partyUscc,
  };
  const internal = f?.status != null || f?.overdue != null;
  const staff = isOversight(ctx.caller) || (['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(ctx.caller.role) && !!ctx.caller.agencyId);
  if (!internal || !staff) {
    if (internal) throw forbidden('按状态或超期查询公示仅限执法机关工作人员');
    return { ...base, publicOn: ctx.today() };
  }
  if (!isOversight(ctx.caller)) {
    if (f?.agencyId && f.agencyId !== ctx.caller.agencyId) throw forbidden('只能管理本机关的公示');
    base.agencyId = ctx.caller.agencyId;
  }
  return { ...base, statuses: f?.status ? [f.status] : null, overdueOn: f?.overdue ? ctx.today() : null };
}

export const publicationResolvers: Resolvers = {
  Query: {
    publications: async (_, { filter, first, after }, ctx) => {
      const page = parsePage<[string]>({ first, after }, 1);
      const f = listFilter(ctx, filter);
      const rows = await ctx.repo.listPublications(f, page);
      return { ...toConnection(rows, page, (r) => [r.id]), totalCount: () => ctx.repo.countPublications(f) };
    },
    publication: async (_, { id }, ctx) => {
      const p = (await ctx.repo.publicationsByIds([id]))[0] ?? null;
      return p && (publiclyVisible(p, ctx.today()) || isAgencyStaff(ctx.caller, p.agencyId)) ? p : null;
    },
    creditPublicityExport: async (_, { filter, first }, ctx) => {
      const n = first ?? 1000;
      if (!Number.isInteger(n) || n < 1 || n > 5000) throw badInput('first', '必须是 1 到 5000 之间的整数');
      // Only penalty decisions in public view go to credit platforms; PARTNER is the restricted channel.
      const f: PublicationListFilter = { ...listFilter(ctx, { ...filter, status: null, overdue: null }), caseType: 'PENALTY' };
      const rows = await ctx.repo.listPublications(f, { limit: n - 1, after: null });
      const restricted = ctx.caller.role === 'PARTNER';
      const published = rows.filter((p) => p.status === 'PUBLISHED');
      // Issue 25: the export carries only text that matches its verified entry; anything else refuses the whole export.
      const bad = await ctx.publicText.unverified(published);
      if (bad.size) throw refused([...bad].join('、'));
      const records = published.map((p) => creditRecord(p.snapshot, p.periodEndsOn, restricted, null));
      return { records, csv: toCsv(records, restricted), restricted };
    },
    addWorkingDays: (_, { date, days }, ctx) => {
      if (!Number.isInteger(days) || days < 0 || days > 3650) throw badInput('days', '工作日数须为 0 到 3650 之间的整数');
      const result = ctx.calendar.addWorkingDays(date, days);
      // A date is YYYY-MM-DD: a result past the year 9999 cannot be written (the client asked for it).
      if (!/^\d{4}-\d{2}-\d{2}$/.test(result.date)) throw badInput('days', '结果日期超出 9999-12-31');
      return result;
    },
  },
  Mutation: {
    publishDecision: (_, { input }, ctx) => ctx.publications.publish(ctx.caller, input, ctx.requestId),
    recordDecisionChange: async (_, { input }, ctx) => {
      const c = await ctx.service.recordDecisionChange(ctx.caller, input);
      const p = await ctx.service.publicationOf(c.id);
      if (!p) throw forbidden('该决定没有公示记录');
      return p;
    },
    correctPublication: (_, { input }, ctx) =>
      ctx.publications.correct(ctx.caller, {
        id: input.id,
        version: input.version,
        reason: input.reason,
        corrections: {
          partyName: input.partyName,
          partyUscc: input.partyUscc,
          legalRepresentative: input.legalRepresentative,
          matter: input.matter,
          legalBasis: input.legalBasis,
        },
      }),
    endPublicationEarly: (_, { input }, ctx) => ctx.publications.endEarly(ctx.caller, input),
    withdrawPublication: (_, { input }, ctx) => ctx.publications.withdraw(ctx.caller, input),
    loadHolidayArrangement: async (_, { input }, ctx) => {
      const loaded = await ctx.publications.loadHolidayArrangement(ctx.caller, { ...input, source: input.source ?? undefined }, ctx.requestId);
      const recomputedDeadlines = loaded.recomputed.map((r) => ({
        caseId: r.caseId,
        publicationId: r.publicationId ?? null,
        kind: r.kind,
        countedFrom: r.countedFrom,
        workingDays: r.workingDays,
        previousDueOn: r.dueOn,
        dueOn: r.to.date,
        confirmed: r.to.confirmed,
      }));
      return {
        year: loaded.year,
        holidays: loaded.holidays,
        makeupWorkdays: loaded.makeupWorkdays,
        source: loaded.source ?? null,
        recomputedDeadlines,
        recomputedReviewDeadlines: loaded.recomputedReviews,
      };
    },
  },
  Publication: {
    status: (p) => p.status as never,
    calendarConfirmed: (p) => p.dueConfirmed,
    overdue: (p, _, ctx) => !!p.dueOn && (p.publishedOn ? p.publishedOn > p.dueOn : p.status === 'PENDING' && ctx.today() > p.dueOn),
    expired: (p, _, ctx) => expired(p, ctx.today()),
    content: async (p, _, ctx) => {
      if (p.status === 'WITHDRAWN' || p.status === 'EXEMPT') return null;
      const visible = (p.status === 'PUBLISHED' && !expired(p, ctx.today())) || isAgencyStaff(ctx.caller, p.agencyId);
      if (!visible) return null;
      // Pending or expired: the agency's staff may still read what is (or was) published. Either way only verified text.
      await ctx.publicText.assert(p);
      return publicContent(p.snapshot);
    },
    exemptionReason: (p, _, ctx) => (isAgencyStaff(ctx.caller, p.agencyId) ? p.exemptionReason : null),
    withdrawalNotice: (p) =>
      p.status === 'WITHDRAWN'
        ? { changeKind: p.changeKind as never, reason: p.withdrawalReason ?? '', withdrawnOn: p.withdrawnOn!, decisionNumber: p.snapshot.decision.number }
        : null,
    withdrawalOverdue: (p, _, ctx) => !!p.withdrawalDueOn && (p.withdrawnOn ? p.withdrawnOn > p.withdrawalDueOn : ctx.today() > p.withdrawalDueOn),
    // The case itself only to whoever may read it by its verified filing entry (issue 25, verified-access.ts).
    case: async (p, _, ctx) => {
      if (!isAgencyStaff(ctx.caller, p.agencyId)) return null;
      const c = await ctx.loaders.case.load(p.caseId);
      return c && (await ctx.access.canRead(ctx.caller, c)) ? c : null;
    },
    partyNotifiedOn: (p, _, ctx) => (isAgencyStaff(ctx.caller, p.agencyId) ? p.partyNotifiedOn : null),
    endReason: (p, _, ctx) => (isAgencyStaff(ctx.caller, p.agencyId) ? p.endReason : null),
    // A person's name never appears in full, not even as the value a correction replaced.
    // Its free-text reason is masked before it is shown (ID and phone numbers, a person's full name: issue 26).
    corrections: (p) => {
      const party = p.snapshot.party;
      const person = personNamed(party.kind, party.name, party.legalRepresentative);
      const names = [...(person ? [party.name] : []), ...(party.kind !== 'LEGAL_PERSON' && party.legalRepresentative ? [party.legalRepresentative] : [])];
      return (p.corrections ?? []).map((c) => ({
        on: c.on,
        reason: maskFreeText(c.reason, [
          ...names,
          ...c.changes.filter((ch) => ch.field === 'partyName' && person).flatMap((ch) => [ch.from ?? '', ch.to ?? '']),
        ]),
        changes: c.changes.map((ch) =>
          ch.field === 'partyName' && person
            ? { field: ch.field, from: null, to: ch.to && maskPersonName(ch.to) }
            : ch.field === 'legalRepresentative' && p.snapshot.party.kind !== 'LEGAL_PERSON'
              ? { field: ch.field, from: null, to: null }
              : ch,
        ),
      }));
    },
  },
  PublicationConnection: { totalCount: (c) => c.totalCount() },
};
