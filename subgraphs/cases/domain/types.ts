// Value shapes of the cases subgraph.
import type { DiscretionTier, PenaltyType, PartyKind, ProcedureKind, CaseType } from '../clients/powers.js';

export type { DiscretionTier, PenaltyType, PartyKind, ProcedureKind, CaseType };

export const CASE_STATES = ['FILED', 'INVESTIGATING', 'NOTIFIED', 'HEARING', 'UNDER_REVIEW', 'DECIDED', 'SERVED', 'EXECUTED', 'CLOSED', 'ARCHIVED'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CONFIDENTIALITY = ['STATE_SECRET', 'COMMERCIAL_SECRET', 'PERSONAL_PRIVACY'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export const SOURCE_KINDS = ['COMPLAINT', 'INSPECTION', 'REFERRAL', 'RANDOM_INSPECTION', 'OTHER'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export interface CaseSource {
  kind: SourceKind;
  reference: string | null;
}

export const OUTCOMES = [
  'PENALTY',
  'NO_PENALTY_MINOR',
  'NO_PENALTY_UNFOUNDED',
  'CRIMINAL_REFERRAL',
  'LICENCE_GRANTED',
  'LICENCE_REFUSED',
  'SEAL_UP',
  'IMPOUND',
  'OTHER',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface LegalBasis {
  law: string;
  article: string;
}

/** Statutory grounds for a penalty below the statute's minimum (减轻处罚, 行政处罚法 Art. 30–32). */
export const MITIGATION_GROUNDS = [
  'MINOR_OFFENDER',
  'LIMITED_CAPACITY',
  'CONSEQUENCES_ELIMINATED',
  'COERCED',
  'CONFESSED',
  'MERITORIOUS_SERVICE',
  'OTHER_STATUTORY',
] as const;
export type MitigationGround = (typeof MITIGATION_GROUNDS)[number];

/** What the principal is asked to decide. Its canonical JSON is hashed: any change makes a new proposal. */
export interface ProposalContent {
  outcome: Outcome;
  penaltyTypes: PenaltyType[];
  fineAmount: string | null;
  confiscationAmount: string | null;
  discretionTier: DiscretionTier | null;
  legalBasis: LegalBasis[];
  hearingHeld: boolean;
  reasoning: string;
  outsideRangeReason: string | null;
  reviewFlags: string[];
  /** A statutory ground that allows going below the statute's minimum fine (Art. 30–32); null when none is claimed. */
  mitigationGround?: MitigationGround | null;
}

export interface ProposalChecks {
  fineWithinBenchmark: boolean | null;
  benchmarkRange: { min: string | null; max: string | null } | null;
  notes: string[];
}

export interface ReviewReason {
  ruleCode: string;
  description: string;
  /** The matching catalog rule asks for the leaders' collective discussion (Art. 57(2)). */
  collectiveDiscussion?: boolean;
}
