import { canonicalJson } from '../../kernel/records/chain.js';
import type { Caller } from '../../kernel/identity.js';
import { forbidden, notFound } from '../../kernel/errors.js';
import { parsePage, toConnection } from '../../kernel/pagination.js';
import { scalarResolvers } from '../../kernel/scalars.js';
import { hasHearingRight, isDecisionOverdue, isServiceOverdue } from './domain/rules.js';
import { measureOverdue } from './domain/coercion.js';
import { effectiveFineAmount, fineStatus, paymentDue } from './domain/fines.js';
import { haltsDecision } from './revocation.js';
import { eventsOf, paymentsOf } from './domain/entries.js';
import type { PartyKind } from './domain/types.js';
import type { CasesContext } from './context.js';
import type { Resolvers } from './generated/resolvers-types.js';
import type { CaseConnectionModel, CaseRow, RecordEntryRow } from './model.js';
import type { CaseListFilter } from './repo.js';

// Thin resolvers: access checks, input shaping, and output fields computed from rows.

const OVERSIGHT = ['SUPERVISOR', 'ADMIN', 'SERVICE'];

/** PUBLIC, ANALYST and PARTNER never see case rows (R16); staff see their own agency's cases. */
function scopeFor(caller: Caller, agencyId: string | null | undefined): string | null {
  if (OVERSIGHT.includes(caller.role)) return agencyId ?? null;
  if (!['OFFICER', 'REVIEWER', 'PRINCIPAL'].includes(caller.role) || !caller.agencyId) throw forbidden('案件信息仅限执法机关工作人员和执法监督人员查看');
  if (agencyId && agencyId !== caller.agencyId) throw forbidden('只能查看本机关的案件');
  return caller.agencyId;
}

async function caseConnection(ctx: CasesContext, filter: CaseListFilter, args: { first?: number | null; after?: string | null }): Promise<CaseConnectionModel> {
  const page = parsePage<[string]>(args, 1);
  const f = { ...filter, agencyId: scopeFor(ctx.caller, filter.agencyId) };
  // The SQL filters on the agency the filing entry logs (repo.ts); a row is shown only when that entry verifies and
  // authorises the caller (a forged entry fails its MAC: dropped, alarmed). A row whose own agency disagrees is shown
  // to the logged agency only, with the alarm (verified-access.ts).
  const rows: CaseRow[] = [];
  for (const { c, fe } of await ctx.repo.listCases(f, page)) {
    ctx.loaders.case.prime(c.id, ctx.loaders.prime(c, fe));
    const facts = await ctx.access.facts(c);
    // A list about one agency: only what its filing entries log. Unfiltered (oversight), a row without a verifiable
    // filing entry is still listed, alarmed: hiding it would hide the tampering from the supervisor.
    if ((f.agencyId && facts?.agencyId !== f.agencyId) || !(await ctx.access.canRead(ctx.caller, c))) continue;
    rows.push(c);
  }
  return { ...toConnection(rows, page, (r) => [r.id]), totalCount: () => ctx.repo.countCases(f) };
}

async function readableCase(ctx: CasesContext, id: string): Promise<CaseRow | null> {
  const row = await ctx.loaders.case.load(id);
  if (!row) return null;
  if (!(await ctx.access.canRead(ctx.caller, row))) throw forbidden('无权查看该案件');
  return row;
}

async function requireCase(ctx: CasesContext, id: string): Promise<CaseRow> {
  const row = await readableCase(ctx, id);
  if (!row) throw notFound('案件', id);
  return row;
}

/** A string field of an entry's payload, or null (the payload is the stored canonical JSON). */
const payloadField = (payload: string, key: string): string | null => {
  try {
    const v = (JSON.parse(payload) as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
};

const classifiedPayload = (payload: string): string | null => {
  try {
    return (JSON.parse(payload) as { confidentiality?: string | null }).confidentiality ?? null;
  } catch {
    return null;
  }
};

/**
 * The payload without the party's personal data marked at write (e.g. the lodged-service location = home address),
 * for callers who may not see Party.address. The stored (hashed) payload is unchanged.
 */
function withoutPersonalFields(payload: string): string {
  try {
    const p = JSON.parse(payload) as Record<string, unknown> & { personalFields?: unknown };
    if (!Array.isArray(p.personalFields) || !p.personalFields.length) return payload;
    for (const f of p.personalFields) if (typeof f === 'string' && f in p) p[f] = null;
    return canonicalJson(p);
  } catch {
    return payload;
  }
}

/** Who submitted, reviewed and decided, and when: read from the append-only record log, so it cannot be rewritten. */
function responsibilityTrail(entries: RecordEntryRow[]) {
  const steps = [];
  for (const e of entries) {
    const p = JSON.parse(e.payload) as Record<string, string | undefined>;
    const base = { actor: e.actor, at: e.recordedAt, proposalId: p.proposalId ?? null, reviewId: p.reviewId ?? null, contentHash: p.contentHash ?? null };
    if (e.kind === 'TRANSITION' && p.to === 'UNDER_REVIEW') steps.push({ ...base, action: 'SUBMITTED_FOR_REVIEW' });
    if (e.kind === 'REVIEW_OPINION') steps.push({ ...base, action: p.conclusion === 'APPROVED' ? 'REVIEW_APPROVED' : 'REVIEW_ISSUES_FOUND' });
    if (e.kind === 'DECISION') steps.push({ ...base, reviewId: (p.review as unknown as { reviewId?: string } | null)?.reviewId ?? null, action: 'DECIDED' });
  }
  return steps;
}

export const resolvers: Resolvers = {
  ...scalarResolvers,

  Query: {
    case: (_, { id }, ctx) => readableCase(ctx, id),
    cases: (_, { filter, first, after }, ctx) =>
      caseConnection(
        ctx,
        {
          agencyId: filter?.agencyId,
          state: filter?.state,
          caseType: filter?.caseType,
          powerItemCode: filter?.powerItemCode,
          partyUscc: filter?.partyUscc,
          filedFrom: filter?.filedFrom,
          filedTo: filter?.filedTo,
          overdueOn: filter?.overdue ? ctx.today() : null,
        },
        { first, after },
      ),
    verifyCaseRecords: async (_, { caseId }, ctx) => {
      await requireCase(ctx, caseId);
      return ctx.verify(caseId);
    },
  },

  Mutation: {
    fileCase: (_, { input }, ctx) =>
      ctx.service.fileCase(
        ctx.caller,
        {
          ...input,
          party: input.party,
          source: { kind: input.source.kind, reference: input.source.reference },
        },
        ctx.requestId,
      ),
    startInvestigation: (_, { input }, ctx) => ctx.service.startInvestigation(ctx.caller, input.caseId, input.version),
    recordText: async (_, { input }, ctx) => {
      const entry = await ctx.service.recordText(ctx.caller, input, ctx.requestId);
      return { ...entry, caseRow: (await ctx.loaders.case.load(input.caseId))! };
    },
    registerAvRecord: async (_, { input }, ctx) => {
      const entry = await ctx.service.registerAv(ctx.caller, input, ctx.requestId);
      return { ...entry, caseRow: (await ctx.loaders.case.load(input.caseId))! };
    },
    recordEvent: (_, { input }, ctx) => ctx.service.recordEvent(ctx.caller, input, ctx.requestId),
    proposeDecision: (_, { input }, ctx) => ctx.service.proposeDecision(ctx.caller, input, ctx.requestId),
    decideCase: (_, { input }, ctx) => ctx.service.decideCase(ctx.caller, input, ctx.requestId),
    enterLegalReview: (_, { input }, ctx) => ctx.service.enterLegalReview(ctx.caller, input),
    recordReviewOutcome: (_, { input }, ctx) => ctx.service.recordReviewOutcome(ctx.caller, input),
    serveDecision: (_, { input }, ctx) => ctx.service.serve(ctx.caller, input, ctx.requestId),
    recordExecution: (_, { input }, ctx) => ctx.service.execute(ctx.caller, input, ctx.requestId),
    recordFinePayment: (_, { input }, ctx) => ctx.service.recordFinePayment(ctx.caller, input, ctx.requestId),
    extendSeizure: (_, { input }, ctx) => ctx.service.extendSeizure(ctx.caller, input),
    liftSeizure: (_, { input }, ctx) => ctx.service.liftSeizure(ctx.caller, input),
    recordCollectiveDiscussion: (_, { input }, ctx) => ctx.service.recordCollectiveDiscussion(ctx.caller, input, ctx.requestId),
    closeCase: (_, { input }, ctx) => ctx.service.close(ctx.caller, input),
    archiveCase: (_, { input }, ctx) => ctx.service.archive(ctx.caller, input, ctx.requestId),
  },

  Case: {
    __resolveReference: async (ref, ctx) => readableCase(ctx, ref.id),
    agency: (c) => ({ id: c.agencyId }),
    inNameOf: (c) => (c.inNameOfAgencyId ? { id: c.inNameOfAgencyId } : null),
    // The version pinned at filing (issue 13): its legal basis is the one that applied to this case.
    powerItem: (c) => ({ id: c.powerItemVersionId }),
    currentPowerItem: async (c, _, ctx) => {
      const id = await ctx.loaders.currentPowerItemId.load(c.powerItemCode);
      return id ? { id } : null;
    },
    retention: (c) => (c.archivedOn ? { years: c.retentionYears, until: c.retentionUntil } : null),
    seizure: (c, _, ctx) =>
      c.measureEndsOn && c.decidedOn
        ? {
            startedOn: c.decidedOn,
            endsOn: c.measureEndsOn,
            extendedTo: c.measureExtendedTo,
            liftedOn: c.measureLiftedOn,
            overdue: measureOverdue(
              { startedOn: c.decidedOn, endsOn: c.measureEndsOn, extendedTo: c.measureExtendedTo, liftedOn: c.measureLiftedOn },
              ctx.today(),
            ),
          }
        : null,
    fine: async (c, _, ctx) => {
      if (!c.decisionProposalId || !c.servedOn) return null;
      const p = (await ctx.loaders.proposals.load(c.id)).find((x) => x.id === c.decisionProposalId);
      if (!p?.content.fineAmount || !p.content.penaltyTypes.includes('FINE')) return null;
      const entries = await ctx.loaders.entries.load(c.id);
      const fine = effectiveFineAmount(p.content.fineAmount, eventsOf(entries))!;
      return fineStatus(fine, paymentDue(c.servedOn), paymentsOf(entries), ctx.today());
    },
    decisionChange: (c) =>
      c.decisionChangeKind && c.decisionChangedOn
        ? { kind: c.decisionChangeKind as never, changedOn: c.decisionChangedOn, halted: haltsDecision(c.decisionChangeKind) }
        : null,
    handlingOfficers: (c) => c.handlingOfficerIds.map((id) => ({ id })),
    party: async (c, _, ctx) => ({ ...(await ctx.loaders.party.load(c.partyId))!, caseRow: c }),
    source: (c) => c.source,
    confidentiality: (c) => (c.confidentiality as never) ?? null,
    decisionOverdue: (c, _, ctx) => isDecisionOverdue(c, ctx.today()),
    serviceOverdue: (c, _, ctx) => isServiceOverdue(c, ctx.today()),
    proposals: (c, _, ctx) => ctx.loaders.proposals.load(c.id),
    decision: async (c, _, ctx) =>
      c.decisionProposalId ? ((await ctx.loaders.proposals.load(c.id)).find((p) => p.id === c.decisionProposalId) ?? null) : null,
    publication: (c, _, ctx) => ctx.loaders.publicationByCase.load(c.id),
    responsibilityTrail: async (c, _, ctx) => responsibilityTrail(await ctx.loaders.entries.load(c.id)),
    records: async (c, { stage }, ctx) => (await ctx.loaders.entries.load(c.id)).filter((e) => !stage || e.stage === stage).map((e) => ({ ...e, caseRow: c })),
  },

  Party: {
    // R16 from the row and its authenticated filing entry together (verified-access.ts).
    residentIdNumber: async (p, _, ctx) => ((await ctx.access.canSee(ctx.caller, p.caseRow)) ? p.residentId : null),
    phone: async (p, _, ctx) => ((await ctx.access.canSee(ctx.caller, p.caseRow)) ? p.phone : null),
    address: async (p, _, ctx) => ((await ctx.access.canSee(ctx.caller, p.caseRow)) ? p.address : null),
  },

  RecordEntry: {
    confidentiality: (e) => (classifiedPayload(e.payload) as never) ?? null,
    statedOn: (e) => payloadField(e.payload, 'occurredOn') ?? payloadField(e.payload, 'on'),
    lateEntryReason: (e) => payloadField(e.payload, 'lateEntryReason'),
    supplementReason: (e) => payloadField(e.payload, 'supplementReason'),
    payload: async (e, _, ctx) => {
      const cls = classifiedPayload(e.payload);
      if (await ctx.access.canSee(ctx.caller, e.caseRow)) return e.payload;
      if (cls && cls !== 'STATE_SECRET') return null;
      return withoutPersonalFields(e.payload);
    },
  },

  DecisionProposal: {
    outcome: (p) => p.content.outcome,
    penaltyTypes: (p) => p.content.penaltyTypes,
    fineAmount: (p) => p.content.fineAmount,
    confiscationAmount: (p) => p.content.confiscationAmount,
    discretionTier: (p) => p.content.discretionTier,
    legalBasis: (p) => p.content.legalBasis,
    hearingHeld: (p) => p.content.hearingHeld,
    reasoning: (p) => p.content.reasoning,
    outsideRangeReason: (p) => p.content.outsideRangeReason,
    reviewFlags: (p) => p.content.reviewFlags as never,
    mitigationGround: (p) => p.content.mitigationGround ?? null,
    reviewReasons: (p) => p.reviewReasons.map((r) => ({ ...r, collectiveDiscussion: !!r.collectiveDiscussion })),
    checks: (p) => ({
      fineWithinBenchmark: p.checks.fineWithinBenchmark,
      benchmarkMin: p.checks.benchmarkRange?.min ?? null,
      benchmarkMax: p.checks.benchmarkRange?.max ?? null,
      notes: p.checks.notes,
    }),
    hearingRight: async (p, _, ctx) => {
      const c = await ctx.loaders.case.load(p.caseId);
      const party = c ? await ctx.loaders.party.load(c.partyId) : null;
      return party ? hasHearingRight(p.content, party.kind as PartyKind) : false;
    },
  },

  Officer: {
    __resolveReference: (ref) => ({ id: ref.id }),
    cases: (o, { first, after }, ctx) => caseConnection(ctx, { officerId: o.id }, { first, after }),
  },

  Enterprise: {
    __resolveReference: (ref) => ({ uscc: ref.uscc }),
    cases: (e, { first, after }, ctx) => caseConnection(ctx, { partyUscc: e.uscc }, { first, after }),
  },

  CaseConnection: { totalCount: (c) => c.totalCount() },
};
