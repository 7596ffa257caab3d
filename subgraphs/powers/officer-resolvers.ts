import { badInput, notFound } from '../../kernel/errors.js';
import type { OfficerRow } from './db/schema.js';
import { canSeeRestrictedOfficerFields, requireRole } from './domain/access.js';
import { credentialStatusOn, credentialValidOn, type CredentialFacts } from './domain/credential.js';
import type { CredentialStatus } from './domain/types.js';
import { parseCredentialNumber, parseEnforcementAreas, parseName, parseValidity } from './domain/validate.js';
import type { PowersContext } from './context.js';
import type { StatusChange, TermsChange } from './repo.js';
import { termsChange } from './officer-terms.js';
import { isBusinessDate } from '../../kernel/clock.js';
import { verifyCredential } from './integrity/verified.js';
import type { MutationResolvers, Resolvers } from './generated/resolvers-types.js';

// Officers and their credentials (R3, R7): registration, changes with their dated status and terms histories, and the
// credential as it stood on a date. Split from resolvers.ts by concern; the same thin-resolver rules apply.

const restricted =
  <T>(pick: (o: OfficerRow) => T) =>
  (o: OfficerRow, _: unknown, ctx: PowersContext): T | null =>
    canSeeRestrictedOfficerFields(ctx.caller, o.agencyId) ? pick(o) : null;

async function credentialFacts(ctx: PowersContext, o: OfficerRow): Promise<CredentialFacts> {
  const [history, terms] = await Promise.all([ctx.loaders.credentialHistory.load(o.id), ctx.loaders.credentialTerms.load(o.id)]);
  await verifyCredential(ctx, o, history, terms);
  return {
    ...o,
    credentialStatus: o.credentialStatus as CredentialStatus,
    credentialHistory: history.map((h) => ({ ...h, status: h.status as CredentialStatus })),
    credentialTermsHistory: terms,
  };
}

/** One of the officer's dated histories, after the credential (with both histories) was checked against its entry. */
async function verifiedLoad<T>(ctx: PowersContext, o: OfficerRow, loader: { load(id: string): Promise<T> }): Promise<T> {
  await credentialFacts(ctx, o); // the loaders cache: the rows checked are the rows served
  return loader.load(o.id);
}

export const officerMutations: Pick<MutationResolvers, 'createOfficer' | 'updateOfficer'> = {
  createOfficer: async (_, { input }, ctx) => {
    requireRole(ctx.caller, ['ADMIN'], '登记执法人员');
    if (!(await ctx.loaders.agency.load(input.agencyId))) throw badInput('agencyId', `执法主体 ${input.agencyId} 不存在`);
    parseValidity(input.validFrom, input.validUntil);
    const areas = parseEnforcementAreas(input.enforcementAreas);
    const status = (input.credentialStatus ?? 'VALID') as CredentialStatus;
    // The history starts on the day the credential takes effect.
    const recordedBy = ctx.caller.officerId ?? ctx.caller.subject;
    const issued = { status, effectiveFrom: input.validFrom, reason: '登记执法证', recordedBy };
    const terms = {
      effectiveFrom: input.validFrom,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      enforcementAreas: areas,
      reason: '登记执法证',
      recordedBy,
    };
    return ctx.repo.insertOfficer(
      {
        agencyId: input.agencyId,
        name: parseName(input.name, 'name'),
        credentialNumber: parseCredentialNumber(input.credentialNumber),
        credentialStatus: (input.credentialStatus ?? 'VALID') as CredentialStatus,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        enforcementAreas: areas,
        reviewQualified: input.reviewQualified ?? false,
        legalProfessionCertificate: input.legalProfessionCertificate?.trim() || null,
        firstTimeReviewer: input.firstTimeReviewer ?? false,
        idempotencyKey: input.idempotencyKey ? `${ctx.caller.subject}:${input.idempotencyKey}` : null,
      },
      issued,
      terms,
    );
  },
  updateOfficer: async (_, { input }, ctx) => {
    requireRole(ctx.caller, ['ADMIN'], '修改执法人员信息');
    const current = await ctx.loaders.officer.load(input.id);
    if (!current) throw notFound('执法人员', input.id);
    parseValidity(input.validFrom ?? current.validFrom, input.validUntil ?? current.validUntil);
    const patch: Partial<OfficerRow> = {};
    if (input.name != null) patch.name = parseName(input.name, 'name');
    let change: StatusChange | undefined;
    if (input.credentialStatus != null) {
      const reason = input.credentialStatusReason?.trim();
      if (!reason) throw badInput('credentialStatusReason', '变更执法证状态须说明原因（记入状态历史）');
      const effectiveFrom = input.credentialStatusEffectiveFrom ?? ctx.today();
      if (!isBusinessDate(effectiveFrom)) throw badInput('credentialStatusEffectiveFrom', '日期格式应为 YYYY-MM-DD');
      patch.credentialStatus = input.credentialStatus;
      change = { status: input.credentialStatus, effectiveFrom, reason, recordedBy: ctx.caller.officerId ?? ctx.caller.subject };
    } else if (input.credentialStatusEffectiveFrom != null || input.credentialStatusReason != null) {
      throw badInput('credentialStatus', '只给出生效日期或原因而未给出新状态');
    }
    if (input.validFrom != null) patch.validFrom = input.validFrom;
    if (input.validUntil != null) patch.validUntil = input.validUntil;
    if (input.enforcementAreas != null) patch.enforcementAreas = parseEnforcementAreas(input.enforcementAreas);
    const termsEntry = termsChange(input, current, ctx.today(), ctx.caller.officerId ?? ctx.caller.subject);
    // An officer registered before terms were dated gets the terms as issued first, so earlier acts keep them.
    const terms: TermsChange[] = [];
    if (termsEntry && !(await ctx.loaders.credentialTerms.load(current.id)).length) {
      const { validFrom, validUntil, enforcementAreas } = current;
      terms.push({
        effectiveFrom: validFrom,
        validFrom,
        validUntil,
        enforcementAreas,
        reason: '登记执法证（变更前的条件）',
        recordedBy: termsEntry.recordedBy,
      });
    }
    if (termsEntry) terms.push(termsEntry);
    if (input.reviewQualified != null) patch.reviewQualified = input.reviewQualified;
    if (input.legalProfessionCertificate !== undefined) patch.legalProfessionCertificate = input.legalProfessionCertificate?.trim() || null;
    if (input.firstTimeReviewer != null) patch.firstTimeReviewer = input.firstTimeReviewer;
    const updated = await ctx.repo.updateOfficer(input.id, input.version, patch, ctx.caller.officerId ?? ctx.caller.subject, change, terms);
    ctx.loaders.credentialTerms.clear(input.id);
    ctx.loaders.credentialHistory.clear(input.id);
    return updated;
  },
};

export const officerResolvers: Pick<Resolvers, 'Officer'> = {
  Officer: {
    __resolveReference: (ref, ctx) => ctx.loaders.officer.load(ref.id),
    agency: async (o, _, ctx) => (await ctx.loaders.agency.load(o.agencyId))!,
    reviewQualified: restricted((o) => o.reviewQualified),
    legalProfessionCertificate: restricted((o) => o.legalProfessionCertificate),
    firstTimeReviewer: restricted((o) => o.firstTimeReviewer),
    credentialStatus: async (o, _, ctx) => credentialStatusOn(await credentialFacts(ctx, o), ctx.today()),
    // The histories are served verified too (issue 25): they are what R2 judges an act's date by.
    credentialHistory: async (o, _, ctx) =>
      (await verifiedLoad(ctx, o, ctx.loaders.credentialHistory)).map((h) => ({
        status: h.status as CredentialStatus,
        effectiveFrom: h.effectiveFrom,
        reason: canSeeRestrictedOfficerFields(ctx.caller, o.agencyId) ? h.reason : null,
        recordedAt: h.recordedAt,
      })),
    credentialTermsHistory: async (o, _, ctx) =>
      (await verifiedLoad(ctx, o, ctx.loaders.credentialTerms)).map((h) => ({
        ...h,
        reason: canSeeRestrictedOfficerFields(ctx.caller, o.agencyId) ? h.reason : null,
      })),
    credentialValidOn: async (o, { date, area }, ctx) => credentialValidOn(await credentialFacts(ctx, o), date, area),
  },
};
