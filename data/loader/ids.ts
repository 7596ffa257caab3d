import { stableId } from '../../kernel/ids.js';

// Ids of loaded agencies and officers derive from their keys in the data files, so they survive
// `npm run seed -- --reset` and can be put in tokens (README: the demo users).

export const agencyIdOf = (key: string) => stableId('agency', key);
export const officerIdOf = (key: string) => stableId('officer', key);
export const documentIdOf = (kind: string, code: string, versionNo: number) => stableId(`doc:${kind}`, `${code}:v${versionNo}`);

/** The demo's names for the same functions (tests, benches and scripts refer to demo agencies and officers by key). */
export const demoAgencyId = agencyIdOf;
export const demoOfficerId = officerIdOf;
