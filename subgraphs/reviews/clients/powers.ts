// The contract of `powers` as the reviews subgraph uses it: the credential rule (R2, R7) and the officer directory
// call. This is the ONE place reviews code reaches into the powers folder (issue 24: no subgraph imports another
// subgraph's folder except through a declared client module).
export { credentialValidOn, type CredentialFacts } from '../../powers/domain/credential.js';
export { fetchOfficers, type OfficerDirectoryEntry } from '../../powers/directory-client.js';
