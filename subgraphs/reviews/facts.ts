import { AppError } from '../../kernel/errors.js';
import type { EntrustmentTerms } from '../../kernel/entrustment.js';
import type { SubgraphClient } from '../../kernel/subgraph-client.js';
import { fetchOfficers } from './clients/powers.js';
import type { Dossier, ReviewerFacts } from './domain/rules.js';

// What `reviews` reads from `cases` and `powers` and the two state changes it asks `cases` to make.
// Every call goes straight to the owning subgraph as a SERVICE caller; failures are UPSTREAM_UNAVAILABLE.

const DOSSIER = `query ReviewsCaseDossier($id: ID!) { case(id: $id) {
  id caseNumber agency { id } inNameOf { id } state procedure caseType powerItemCode filedOn decisionDueOn enforcementArea handlingOfficers { id }
  proposals { id contentHash outcome penaltyTypes fineAmount discretionTier legalBasis { law article } outsideRangeReason reviewFlags hearingRight
    checks { fineWithinBenchmark benchmarkMin benchmarkMax notes } }
  records { kind stage payload actor } } }`;

export function createReviewFacts(cases: SubgraphClient, powers: SubgraphClient) {
  return {
    async dossier(caseId: string, requestId?: string): Promise<Dossier | null> {
      const d = await cases.query<{
        case:
          | (Omit<Dossier, 'agencyId' | 'decidingAgencyId' | 'handlingOfficerIds'> & {
              agency: { id: string };
              inNameOf: { id: string } | null;
              handlingOfficers: { id: string }[];
            })
          | null;
      }>(DOSSIER, { id: caseId }, { requestId });
      const c = d.case;
      if (!c) return null;
      const { inNameOf, ...rest } = c;
      // Art. 20: an entrusted organisation's case is decided, and so reviewed, by the entrusting agency.
      return { ...rest, agencyId: c.agency.id, decidingAgencyId: inNameOf?.id ?? c.agency.id, handlingOfficerIds: c.handlingOfficers.map((o) => o.id) };
    },

    officers: (ids: readonly string[], requestId?: string): Promise<Map<string, ReviewerFacts>> => fetchOfficers(powers, ids, requestId),

    async agency(id: string, requestId?: string): Promise<{ name: string; reviewTimeLimitWorkingDays: number; avActivities: string[] } | null> {
      const d = await powers.query<{
        agency: { name: string; policy: { reviewTimeLimitWorkingDays: number } } | null;
        avRecordingRules: { activity: string }[];
      }>(
        `query ReviewsAgencyFacts($id: ID!) { agency(id: $id) { name policy { reviewTimeLimitWorkingDays } } avRecordingRules(agencyId: $id) { activity } }`,
        { id },
        { requestId },
      );
      return d.agency
        ? {
            name: d.agency.name,
            reviewTimeLimitWorkingDays: d.agency.policy.reviewTimeLimitWorkingDays,
            avActivities: d.avRecordingRules.map((r) => r.activity),
          }
        : null;
    },

    /** The entrusted organisation's 委托书 as powers publishes it now (Art. 20), or null when it has none. */
    async entrustment(agencyId: string, requestId?: string): Promise<(EntrustmentTerms & { entrustingAgencyId: string }) | null> {
      const d = await powers.query<{ agency: { entrustment: (EntrustmentTerms & { entrustingAgency: { id: string } }) | null } | null }>(
        `query ReviewsEntrustment($id: ID!) { agency(id: $id) { entrustment { entrustingAgency { id } documentNumber powerItemCodes validFrom validUntil } } }`,
        { id: agencyId },
        { requestId },
      );
      if (!d.agency) throw new AppError('UPSTREAM_UNAVAILABLE', '无法读取受委托组织的委托书', { serviceName: 'powers' });
      const e = d.agency.entrustment;
      return e && { ...e, entrustingAgencyId: e.entrustingAgency.id };
    },

    enterLegalReview: (input: { caseId: string; proposalId: string; reviewId: string; roundNo: number; submittedBy: string }, requestId?: string) =>
      cases.query(
        `mutation ReviewsEnterLegalReview($input: EnterLegalReviewInput!) { enterLegalReview(input: $input) { id state } }`,
        { input },
        { requestId },
      ),

    recordReviewOutcome: (
      input: {
        caseId: string;
        reviewId: string;
        roundNo: number;
        proposalId: string;
        contentHash: string;
        conclusion: string;
        reviewerId: string;
        /** The countersigned REVIEW_CONCLUDED statement (conclusion.ts). */
        statement: string;
        keyId: string;
        signature: string;
      },
      requestId?: string,
    ) =>
      cases.query(`mutation ReviewsRecordOutcome($input: ReviewOutcomeInput!) { recordReviewOutcome(input: $input) { id state } }`, { input }, { requestId }),
  };
}

export type ReviewFacts = ReturnType<typeof createReviewFacts>;
