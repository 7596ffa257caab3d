import type { LeaderEntry } from './domain/discussion.js';
import type { SubgraphClient } from '../../kernel/subgraph-client.js';
import type { ReviewCatalogRuleContent } from './clients/powers.js';
import { fetchOfficers } from './clients/powers.js';
import type { PublicationPolicy } from './domain/publicity.js';
import type { CatalogRule, OfficerFacts, TierRange } from './domain/rules.js';
import type { StatutoryRange } from './domain/statutory.js';
import type { CaseType, PartyKind, ProcedureKind } from './domain/types.js';

// What the cases subgraph needs to know from `powers`, fetched directly from that subgraph (never
// through the gateway). Every rule that depends on these facts fails closed when powers is unreachable.

export interface AgencyFacts {
  id: string;
  name: string;
  uscc: string;
  kind: 'STATUTORY' | 'AUTHORIZED' | 'ENTRUSTED';
  policy: PublicationPolicy & {
    reviewAllGeneralProcedurePenalties: boolean;
    caseNumberFormat: string;
    caseNumberFormats: { caseType: CaseType; format: string }[];
    lateEntryWorkingDays: number;
    retention: { caseType: CaseType; procedure: ProcedureKind | null; years: number | null }[];
  };
  entrustment: { entrustingAgencyId: string; documentNumber: string; powerItemCodes: string[]; validFrom: string; validUntil: string } | null;
  /** The published versions in force (R1, issue 25); null = the settings recorded when the agency was established. */
  policyVersion: SettingVersion | null;
  entrustmentVersion: SettingVersion | null;
}

/** A published version of an agency setting, as a case pins it at the act that read it. */
export interface SettingVersion {
  id: string;
  versionNo: number;
}

/** What an act records about the settings it applied: the agency and the policy version (0 = as established). */
export const policyPin = (a: AgencyFacts) => ({ agencyId: a.id, versionId: a.policyVersion?.id ?? null, versionNo: a.policyVersion?.versionNo ?? 0 });

/** A power item version as the case rules read it: category, parties, the statute's ranges, time limit. */
export interface PowerItemFacts {
  id: string;
  code: string;
  versionNo: number;
  status: string;
  name: string;
  category: string;
  enforcementArea: string;
  agencyId: string;
  partyKinds: PartyKind[];
  publicSummary: string | null;
  statutoryRanges: StatutoryRange[];
  timeLimitWorkingDays: number | null;
  /** The published discretion benchmark of the code (current). */
  tiers: TierRange[] | null;
}

const ITEM_FIELDS = `id code versionNo status name category enforcementArea agency { id } partyKinds publicSummary timeLimitWorkingDays
  statutoryRanges { partyKinds penaltyTypes fineMin fineMax basis { law article } }
  discretionBenchmark { tiers { tier fineMin fineMax penaltyTypes } }`;

type ItemAnswer = (Omit<PowerItemFacts, 'agencyId' | 'tiers'> & { agency: { id: string }; discretionBenchmark: { tiers: TierRange[] } | null }) | null;
const toFacts = (p: ItemAnswer): PowerItemFacts | null => (p ? { ...p, agencyId: p.agency.id, tiers: p.discretionBenchmark?.tiers ?? null } : null);

export function createPowersFacts(client: SubgraphClient) {
  return {
    async agency(id: string, requestId?: string): Promise<AgencyFacts | null> {
      const d = await client.query<{
        agency:
          | (Omit<AgencyFacts, 'entrustment'> & {
              entrustment: (Omit<NonNullable<AgencyFacts['entrustment']>, 'entrustingAgencyId'> & { entrustingAgency: { id: string } }) | null;
            })
          | null;
      }>(
        `query CasesAgency($id: ID!) { agency(id: $id) { id name uscc kind
           policy { reviewAllGeneralProcedurePenalties caseNumberFormat publishSimpleProcedure publishWarnings autoPublishDecisions shortPublicationMonths
             publicationMonths smallFineThreshold caseNumberFormats { caseType format } lateEntryWorkingDays retention { caseType procedure years } }
           entrustment { entrustingAgency { id } documentNumber powerItemCodes validFrom validUntil }
           policyVersion { id versionNo } entrustmentVersion { id versionNo } } }`,
        { id },
        { requestId },
      );
      const a = d.agency;
      if (!a) return null;
      const e = a.entrustment;
      return {
        ...a,
        entrustment: e
          ? {
              entrustingAgencyId: e.entrustingAgency.id,
              documentNumber: e.documentNumber,
              powerItemCodes: e.powerItemCodes,
              validFrom: e.validFrom,
              validUntil: e.validUntil,
            }
          : null,
      };
    },

    /** The version in force now (published); the case pins its id and number at filing. */
    async powerItem(code: string, requestId?: string): Promise<PowerItemFacts | null> {
      const d = await client.query<{ powerItem: ItemAnswer }>(
        `query CasesPowerItem($code: String!) { powerItem(code: $code) { ${ITEM_FIELDS} } }`,
        { code },
        { requestId },
      );
      return toFacts(d.powerItem);
    },

    /** The exact version pinned at filing (its name, category, parties and statutory ranges as they were then). */
    async powerItemVersion(versionId: string, requestId?: string): Promise<PowerItemFacts | null> {
      const d = await client.query<{ exAnteDocument: ItemAnswer }>(
        `query CasesExAnteDocument($id: ID!) { exAnteDocument(id: $id) { ... on PowerItem { ${ITEM_FIELDS} } } }`,
        { id: versionId },
        { requestId },
      );
      return toFacts(d.exAnteDocument && 'code' in d.exAnteDocument ? d.exAnteDocument : null);
    },

    /** The ids of the versions now in force for these codes, in one call. */
    async currentVersionIds(codes: readonly string[], requestId?: string): Promise<Map<string, string>> {
      const unique = [...new Set(codes)];
      if (!unique.length) return new Map();
      const d = await client.query<{ _entities: ({ code: string; currentVersion: { id: string } | null } | null)[] }>(
        `query CasesPowerItemVersions($reps: [_Any!]!) { _entities(representations: $reps) { ... on PowerItem { code currentVersion { id } } } }`,
        { reps: unique.map((code) => ({ __typename: 'PowerItem', code })) },
        { requestId },
      );
      return new Map(d._entities.filter((e) => e?.currentVersion).map((e) => [e!.code, e!.currentVersion!.id]));
    },

    officers: (ids: readonly string[], requestId?: string): Promise<Map<string, OfficerFacts>> => fetchOfficers(client, ids, requestId),

    async reviewCatalog(agencyId: string, requestId?: string): Promise<CatalogRule[]> {
      const d = await client.query<{ reviewCatalog: (ReviewCatalogRuleContent & { code: string; fineThresholds: { partyKind: string; amount: string }[] })[] }>(
        `query CasesReviewCatalog($id: ID!) { reviewCatalog(agencyId: $id) { code description procedure caseTypes penaltyTypes fineThresholds { partyKind amount } hearingHeld flags
           collectiveDiscussion basis { law article } } }`,
        { id: agencyId },
        { requestId },
      );
      return d.reviewCatalog as CatalogRule[];
    },

    /** Art. 57(2): the agency's published list of leaders (AGENCY_LEADER), who alone count in a collective discussion. */
    async agencyLeaders(agencyId: string, requestId?: string): Promise<LeaderEntry[]> {
      const d = await client.query<{ agencyLeaders: LeaderEntry[] }>(
        `query CasesAgencyLeaders($id: ID) { agencyLeaders(agencyId: $id) { officerId name principal } }`,
        { id: agencyId },
        { requestId },
      );
      return d.agencyLeaders;
    },

    async avActivities(agencyId: string, requestId?: string): Promise<string[]> {
      const d = await client.query<{ avRecordingRules: { activity: string }[] }>(
        `query CasesAvRecordingRules($id: ID) { avRecordingRules(agencyId: $id) { activity } }`,
        { id: agencyId },
        { requestId },
      );
      return d.avRecordingRules.map((r) => r.activity);
    },
  };
}

export type PowersFacts = ReturnType<typeof createPowersFacts>;
