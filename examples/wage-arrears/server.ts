import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createGraphQLError, createYoga } from 'graphql-yoga';
import * as jose from 'jose';

// A partner subgraph on another stack: graphql-yoga serves it, @apollo/subgraph makes it a Federation 2
// subgraph, jose verifies the gateway's internal token. It imports nothing from the project: everything it
// knows comes from `npm run partner:kit -- --name wage-arrears` (public key, issuer, audience, claims) and
// docs/partners.md. The project's `npm run compose -- --check` probes exactly what this file promises.

export const SUBGRAPH_NAME = 'wage-arrears';
export const SDL_PATH = fileURLToPath(new URL('schema.graphql', import.meta.url));
/** The field on another subgraph's entity its registry entry must be granted (`npm run partner:kit` computes it). */
export const GRANTS = ['Enterprise.wageArrearsListing'];
const DATA_PATH = fileURLToPath(new URL('data.json', import.meta.url));

export interface Listing {
  listed: boolean;
  reason: string | null;
  listedOn: string | null;
  removedOn: string | null;
  decidedBy: string | null;
  arrearsAmount: string | null;
  workersAffected: number | null;
}
export type WageData = Record<string, Listing>;

export function loadWageData(path = DATA_PATH): WageData {
  return (JSON.parse(readFileSync(path, 'utf8')) as { enterprises: WageData }).enterprises;
}

/** What the partner kit says the token carries (docs/partners.md §5). */
export interface TokenSettings {
  /** The gateway's internal-token public key, an Ed25519 JWK (`INTERNAL_TOKEN_PUBLIC_KEY`). */
  publicJwk: jose.JWK;
  /** This subgraph's registered name: the token's audience is `sanxiang:<name>`. */
  subgraphName?: string;
  issuer?: string;
  /** Tokens live 60 s; allow a little clock skew. */
  maxAgeSeconds?: number;
}

export interface Caller {
  subject: string;
  role: string;
  /** The gateway's request id (`rid`), for following a request across services in the logs. */
  requestId: string | null;
}

const ROLES = ['PUBLIC', 'OFFICER', 'REVIEWER', 'PRINCIPAL', 'SUPERVISOR', 'ANALYST', 'PARTNER', 'ADMIN', 'SERVICE'];
/** Amounts owed and headcounts are for regulators and partner departments; the listing itself is public. */
const DETAIL_READERS = new Set(['OFFICER', 'REVIEWER', 'PRINCIPAL', 'SUPERVISOR', 'ANALYST', 'PARTNER', 'ADMIN', 'SERVICE']);

/** Verifies `Authorization: Bearer <token>` exactly as the kit describes; throws on anything else. */
export async function createTokenCheck(settings: TokenSettings): Promise<(authorization: string | undefined) => Promise<Caller>> {
  const key = await jose.importJWK(settings.publicJwk, 'EdDSA');
  const audience = `sanxiang:${settings.subgraphName ?? SUBGRAPH_NAME}`;
  const issuer = settings.issuer ?? 'sanxiang-internal';
  const maxTokenAge = `${settings.maxAgeSeconds ?? 65}s`;
  return async (authorization) => {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : '';
    if (!token) throw new Error('no token');
    const { payload } = await jose.jwtVerify(token, key, { issuer, audience, algorithms: ['EdDSA'], maxTokenAge, requiredClaims: ['exp', 'iat', 'sub'] });
    if (typeof payload.role !== 'string' || !ROLES.includes(payload.role)) throw new Error('unknown role');
    return { subject: payload.sub!, role: payload.role, requestId: typeof payload.rid === 'string' ? payload.rid : null };
  };
}

// GB 32100-2015: 18 characters, registration-authority digits at 3-8, a mod-31 check character.
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function canonicalUscc(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return null;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + USCC_CHARSET.indexOf(s.charAt(i)) * w, 0);
  return s.charAt(17) === USCC_CHARSET.charAt((31 - (sum % 31)) % 31) ? s : null;
}

interface Context {
  caller: Caller;
  data: WageData;
}
interface EnterpriseRef {
  uscc: string;
}

export const resolvers = {
  Query: {
    wageArrearsByUscc: (_: unknown, args: { uscc: string }, ctx: Context): EnterpriseRef | null => {
      const uscc = canonicalUscc(args.uscc);
      // The project's error contract: BAD_USER_INPUT naming the field, a reason in Chinese.
      if (!uscc) {
        throw createGraphQLError('输入有误：uscc 不是有效的统一社会信用代码', {
          extensions: { code: 'BAD_USER_INPUT', field: 'uscc', reason: '不是有效的统一社会信用代码' },
        });
      }
      return ctx.data[uscc] ? { uscc } : null;
    },
  },
  Enterprise: {
    // Anyone who reaches the subgraph can send any key: access is decided per field from the verified caller.
    __resolveReference: (ref: EnterpriseRef): EnterpriseRef => ({ uscc: ref.uscc }),
    wageArrearsListing: (e: EnterpriseRef, _: unknown, ctx: Context): Listing | null => {
      const uscc = canonicalUscc(e.uscc);
      const entry = uscc ? ctx.data[uscc] : undefined;
      if (!entry) return null;
      const detail = DETAIL_READERS.has(ctx.caller.role);
      return { ...entry, arrearsAmount: detail ? entry.arrearsAmount : null, workersAffected: detail ? entry.workersAffected : null };
    },
  },
};

export interface RunningPartner {
  url: string;
  port: number;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

/** Starts the partner: GraphQL at /graphql behind the token check (HTTP 401 otherwise), /health and /ready open. */
export async function startWageArrears(
  opts: TokenSettings & { port?: number; host?: string; data?: WageData; log?: (line: object) => void },
): Promise<RunningPartner> {
  const checkToken = await createTokenCheck(opts);
  const data = opts.data ?? loadWageData();
  const log = opts.log ?? ((line: object) => console.log(JSON.stringify(line)));
  const yoga = createYoga<{ caller: Caller }>({
    schema: buildSubgraphSchema([{ typeDefs: parse(readFileSync(SDL_PATH, 'utf8')), resolvers: resolvers as never }]),
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    logging: false,
    context: ({ caller }) => ({ caller, data }),
  });
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/health' || path === '/ready') return send(res, 200, { status: 'ok', service: opts.subgraphName ?? SUBGRAPH_NAME });
    if (path !== '/graphql') return send(res, 404, { errors: [{ message: '未找到 (not found)', extensions: { code: 'NOT_FOUND' } }] });
    checkToken(req.headers.authorization).then(
      (caller) => {
        log({ msg: 'graphql request', rid: caller.requestId, role: caller.role });
        void yoga.handle(req, res, { caller });
      },
      (err: unknown) => {
        log({ msg: 'refused: no valid internal token', reason: (err as Error).message });
        send(
          res,
          401,
          { errors: [{ message: '缺少或无效的内部令牌 (internal token required)', extensions: { code: 'UNAUTHENTICATED' } }] },
          { 'www-authenticate': 'Bearer' },
        );
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
