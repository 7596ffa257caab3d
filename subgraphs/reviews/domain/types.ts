// Value shapes of the reviews subgraph.

/** The nine points of R8 (seed 二(三)4), in the plan's order. */
export const REVIEW_POINTS = [
  'AGENCY_LAWFUL',
  'OFFICERS_QUALIFIED',
  'PROCEDURE_LAWFUL',
  'FACTS_AND_EVIDENCE',
  'LEGAL_BASIS',
  'DISCRETION',
  'WITHIN_AUTHORITY',
  'DOCUMENTS',
  'CRIMINAL_REFERRAL',
] as const;
export type ReviewPoint = (typeof REVIEW_POINTS)[number];
export type FindingResult = 'PASS' | 'ISSUE' | 'NOT_CHECKED';
export type ReviewConclusion = 'APPROVED' | 'ISSUES_FOUND';
export type ReviewStatus = 'NOT_SUBMITTED' | 'AWAITING_ASSIGNMENT' | 'IN_REVIEW' | 'ISSUES_FOUND' | 'APPROVED';

export interface AutomaticFinding {
  point: ReviewPoint;
  result: FindingResult;
  evidence: string[];
}
export interface ReviewFinding {
  point: ReviewPoint;
  result: FindingResult;
  overridesAutomatic: boolean;
  note: string | null;
}
