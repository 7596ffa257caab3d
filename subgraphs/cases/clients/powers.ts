// The contract of `powers` as the cases subgraph uses it: the vocabulary both sides share (penalty types, party and
// procedure kinds, review-catalog rules), the credential rule (R2) and the officer directory call. This is the ONE
// place cases code reaches into the powers folder; everything else imports from here (issue 24: no subgraph imports
// another subgraph's folder except through a declared client module).
export { PENALTY_TYPES } from '../../powers/domain/types.js';
export type { CaseType, DiscretionTier, PartyKind, PenaltyType, ProcedureKind, ReviewCatalogRuleContent } from '../../powers/domain/types.js';
export { credentialValidOn, type CredentialFacts } from '../../powers/domain/credential.js';
export { fetchOfficers, type OfficerDirectoryEntry } from '../../powers/directory-client.js';
