import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { badInput } from '../../kernel/errors.js';
import { validateUscc } from '../../kernel/identifiers.js';
import type { KeyMaterial, Role } from '../../kernel/identity.js';
import type { Logger } from '../../kernel/logger.js';
import { startSubgraph, type RequestBase, type RunningService } from '../../kernel/server.js';

// Example partner subgraph (市场监管部门 · 信用信息). It starts through the project's own `startSubgraph`,
// so it verifies the gateway's internal token exactly as powers/cases/reviews/inspections do (HTTP 401
// without it) and masks internal errors the same way.

export const SUBGRAPH_NAME = 'market-credit';
export const SDL_PATH = fileURLToPath(new URL('schema.graphql', import.meta.url));
/** The fields on another subgraph's entity its registry entry must be granted (docs/partners.md). */
export const GRANTS = ['Enterprise.creditRating', 'Enterprise.abnormalOperationListStatus'];
const DATA_PATH = fileURLToPath(new URL('data.json', import.meta.url));

export interface CreditRating {
  grade: 'A' | 'B' | 'C' | 'D';
  ratedOn: string;
  ratedBy: string;
}
export interface AbnormalListing {
  listed: boolean;
  reason: string | null;
  listedOn: string | null;
  removedOn: string | null;
  decidedBy: string | null;
}
export interface CreditEntry {
  name: string;
  rating: CreditRating | null;
  abnormal: AbnormalListing | null;
}
export type CreditData = Record<string, CreditEntry>;

export function loadCreditData(path = DATA_PATH): CreditData {
  return (JSON.parse(readFileSync(path, 'utf8')) as { enterprises: CreditData }).enterprises;
}

/** Risk ratings are for regulators and partner departments, not the public (the abnormal-operation list is public by law). */
const RATING_READERS: readonly Role[] = ['OFFICER', 'REVIEWER', 'PRINCIPAL', 'SUPERVISOR', 'ANALYST', 'PARTNER', 'ADMIN', 'SERVICE'];
export const canReadRating = (role: Role) => RATING_READERS.includes(role);

interface CreditContext extends RequestBase {
  data: CreditData;
}
interface EnterpriseRef {
  uscc: string;
}

/** USCCs arrive typed by hand (root field) or from another subgraph (entity key): one canonical form. */
function canonicalUscc(raw: string): string | null {
  const checked = validateUscc(raw);
  return checked.ok ? checked.value : null;
}

export const resolvers = {
  Query: {
    enterpriseCredit: (_: unknown, args: { uscc: string }, ctx: CreditContext): EnterpriseRef | null => {
      const checked = validateUscc(args.uscc);
      if (!checked.ok) throw badInput('uscc', checked.reason);
      return ctx.data[checked.value] ? { uscc: checked.value } : null;
    },
  },
  Enterprise: {
    // Anyone who reaches a subgraph can call _entities with any key: access is decided per field below,
    // from the verified caller, never from the representation.
    __resolveReference: (ref: EnterpriseRef): EnterpriseRef => ({ uscc: ref.uscc }),
    creditRating: (e: EnterpriseRef, _: unknown, ctx: CreditContext): CreditRating | null => {
      if (!canReadRating(ctx.caller.role)) return null;
      const uscc = canonicalUscc(e.uscc);
      return uscc ? (ctx.data[uscc]?.rating ?? null) : null;
    },
    abnormalOperationListStatus: (e: EnterpriseRef, _: unknown, ctx: CreditContext): AbnormalListing | null => {
      const uscc = canonicalUscc(e.uscc);
      const entry = uscc ? ctx.data[uscc] : undefined;
      if (!entry) return null; // not registered with this department: no statement either way
      return entry.abnormal ?? { listed: false, reason: null, listedOn: null, removedOn: null, decidedBy: null };
    },
  },
} satisfies GraphQLResolverMap<CreditContext>;

export async function startMarketCredit(opts: { keys: KeyMaterial; log: Logger; port?: number; data?: CreditData }): Promise<RunningService> {
  const data = opts.data ?? loadCreditData();
  return startSubgraph<CreditContext>({
    name: SUBGRAPH_NAME,
    typeDefs: parse(readFileSync(SDL_PATH, 'utf8')),
    resolvers,
    keys: opts.keys,
    log: opts.log,
    port: opts.port ?? 0,
    ready: async () => true, // in-memory data: ready once listening
    context: (base) => ({ ...base, data }),
  });
}
