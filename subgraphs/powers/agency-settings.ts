// R1 for an agency's settings (issue 25): the policy and the entrustment are versioned ex-ante documents, drafted and
// then submitted, approved and published through the same workflow (documents.ts) as power items and catalogs. The
// Agency fields the case rules read (`policy`, `entrustment`) serve the published version; an ADMIN call alone
// (updateAgency) cannot change either.
import type { Caller } from '../../kernel/identity.js';
import { badInput, forbidden } from '../../kernel/errors.js';
import type { AgencyRow, ExAnteRow } from './db/schema.js';
import { canSeeDocument } from './domain/access.js';
import { draftBase, settingInForce, settingsCode, type SettingKind } from './domain/settings.js';
import type { AgencyKind, AgencyPolicyValue, EntrustmentValue, ExAnteContentByKind, PublicationStatus } from './domain/types.js';
import { DEFAULT_POLICY, parseEntrustment, parsePolicy } from './domain/validate.js';
import type { PowersContext } from './context.js';
import { verifiedPublishedSet, verifyEstablished } from './integrity/verified.js';
import type { AgencyPolicyInput, EntrustmentInput } from './generated/resolvers-types.js';
import { toView, type AgencyPolicyView, type AnyDocView, type EntrustmentView } from './model.js';

type CheckEntrustment = (ctx: PowersContext, kind: AgencyKind, e: EntrustmentValue | null, selfId: string | null) => Promise<EntrustmentValue | null>;

const published = (ctx: PowersContext, kind: SettingKind, agencyId: string) =>
  (kind === 'AGENCY_POLICY' ? ctx.loaders.publishedAgencyPolicy : ctx.loaders.publishedEntrustment).load(settingsCode(kind, agencyId));

/** The policy in force for an agency (settings added after it was created fall back to the defaults). */
export async function policyInForce(ctx: PowersContext, a: AgencyRow) {
  const row = await published(ctx, 'AGENCY_POLICY', a.id);
  const p = (await verifiedPublishedSet(ctx, 'AGENCY_POLICY', a.id, row ? [row] : []))[0] ?? null;
  if (!p) await verifyEstablished(ctx, a);
  const inForce = settingInForce(p as (ExAnteRow & { content: AgencyPolicyValue }) | null, a.policy);
  return { ...inForce, value: { ...DEFAULT_POLICY, ...inForce.value } };
}

/** The entrustment in force for an ENTRUSTED organisation; none for any other kind. */
export async function entrustmentInForce(ctx: PowersContext, a: AgencyRow) {
  if (a.kind !== 'ENTRUSTED') return null;
  const row = await published(ctx, 'ENTRUSTMENT', a.id);
  const e = (await verifiedPublishedSet(ctx, 'ENTRUSTMENT', a.id, row ? [row] : []))[0] ?? null;
  if (!e) await verifyEstablished(ctx, a);
  if (!e && !a.entrustment) return null;
  return settingInForce(e as (ExAnteRow & { content: EntrustmentValue }) | null, a.entrustment!);
}

/** Refuses the old ADMIN shortcut: settings change only through a reviewed, published version (R1). */
export function refuseDirectSettingsChange(input: { policy?: unknown; entrustment?: unknown }): void {
  for (const field of ['policy', 'entrustment'] as const) {
    if (input[field] != null) {
      throw forbidden(
        `机关执法设置和委托书须起草新版本、经法制审核通过并公示后才生效（R1），不能直接修改：请使用 ${field === 'policy' ? 'reviseAgencyPolicy' : 'reviseEntrustment'}`,
      );
    }
  }
}

/** Open (or edit) the draft version of one setting; the published version stays in force until the draft is published. */
async function draftSetting<K extends SettingKind>(
  ctx: PowersContext,
  caller: Caller,
  kind: K,
  agencyId: string,
  content: (base: ExAnteContentByKind[K] | null, agency: AgencyRow) => Promise<ExAnteContentByKind[K]>,
  idempotencyKey: string | null | undefined,
): Promise<ExAnteRow> {
  const agency = await ctx.loaders.agency.load(agencyId);
  if (!agency) throw badInput('agencyId', `执法主体 ${agencyId} 不存在`);
  const code = settingsCode(kind, agencyId);
  const latest = (await ctx.repo.versionsByCodes(kind, [code])).at(-1) ?? null;
  const inForce = kind === 'AGENCY_POLICY' ? (await policyInForce(ctx, agency)).value : ((await entrustmentInForce(ctx, agency))?.value ?? null);
  const base = draftBase(latest ? { status: latest.status as PublicationStatus, content: latest.content } : null, inForce) as ExAnteContentByKind[K] | null;
  const value = await content(base, agency);
  if (!latest) return ctx.docs.create(caller, kind, agencyId, code, value, idempotencyKey);
  return ctx.docs.revise(caller, latest.id, latest.version, () => value);
}

export function agencySettingsResolvers(checkEntrustment: CheckEntrustment) {
  return {
    Mutation: {
      reviseAgencyPolicy: async (
        _: unknown,
        { input }: { input: { agencyId: string; policy: AgencyPolicyInput; idempotencyKey?: string | null } },
        ctx: PowersContext,
      ) =>
        toView(
          await draftSetting(
            ctx,
            ctx.caller,
            'AGENCY_POLICY',
            input.agencyId,
            async (base) => parsePolicy(input.policy, base ?? DEFAULT_POLICY),
            input.idempotencyKey,
          ),
        ) as AgencyPolicyView,
      reviseEntrustment: async (
        _: unknown,
        { input }: { input: { agencyId: string; entrustment: EntrustmentInput; idempotencyKey?: string | null } },
        ctx: PowersContext,
      ) =>
        toView(
          await draftSetting(
            ctx,
            ctx.caller,
            'ENTRUSTMENT',
            input.agencyId,
            async (_base, agency) => (await checkEntrustment(ctx, agency.kind as AgencyKind, parseEntrustment(input.entrustment), agency.id))!,
            input.idempotencyKey,
          ),
        ) as EntrustmentView,
    },
    Agency: {
      policy: async (a: AgencyRow, _: unknown, ctx: PowersContext) => (await policyInForce(ctx, a)).value,
      entrustment: async (a: AgencyRow, _: unknown, ctx: PowersContext) => ((await entrustmentInForce(ctx, a))?.value ?? null) as never,
      policyVersion: async (a: AgencyRow, _: unknown, ctx: PowersContext) => {
        const p = await published(ctx, 'AGENCY_POLICY', a.id);
        return p ? (toView(p) as AgencyPolicyView) : null;
      },
      entrustmentVersion: async (a: AgencyRow, _: unknown, ctx: PowersContext) => {
        const e = a.kind === 'ENTRUSTED' ? await published(ctx, 'ENTRUSTMENT', a.id) : null;
        return e ? (toView(e) as EntrustmentView) : null;
      },
      settingsVersions: async (a: AgencyRow, _: unknown, ctx: PowersContext) => {
        const [policies, entrustments] = await Promise.all([
          ctx.repo.versionsByCodes('AGENCY_POLICY', [settingsCode('AGENCY_POLICY', a.id)]),
          ctx.repo.versionsByCodes('ENTRUSTMENT', [settingsCode('ENTRUSTMENT', a.id)]),
        ]);
        return [...policies, ...entrustments]
          .filter((r) => canSeeDocument(ctx.caller, { agencyId: r.agencyId, status: r.status as PublicationStatus, publishedAt: r.publishedAt }))
          .map(toView) as AnyDocView[];
      },
    },
    AgencyPolicyVersion: {
      policy: (d: AgencyPolicyView) => ({ ...DEFAULT_POLICY, ...d.content }),
    },
    EntrustmentVersion: {
      entrustment: (d: EntrustmentView) => d.content,
    },
  };
}
