import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as jose from 'jose';
import { LRUCache } from 'lru-cache';
import { createOnce } from './files.js';
import { readSecret } from './secrets.js';

/**
 * Caller roles (ARCHITECTURE.md "Identity and access"); SERVICE is a subgraph calling another. SCHEMA_READER
 * is a token for codegen: the gateway lets it introspect the schema and nothing else (it never reaches a subgraph).
 */
export const ROLES = ['PUBLIC', 'OFFICER', 'REVIEWER', 'PRINCIPAL', 'SUPERVISOR', 'ANALYST', 'PARTNER', 'ADMIN', 'SERVICE', 'SCHEMA_READER'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (s: unknown): s is Role => typeof s === 'string' && (ROLES as readonly string[]).includes(s);

export interface Caller {
  subject: string;
  role: Role;
  agencyId: string | null;
  officerId: string | null;
}
export const PUBLIC_CALLER: Caller = Object.freeze({ subject: 'anonymous', role: 'PUBLIC', agencyId: null, officerId: null });

/** Staff of an agency: roles that act on behalf of an enforcement agency. */
export const STAFF_ROLES: readonly Role[] = ['OFFICER', 'REVIEWER', 'PRINCIPAL', 'SUPERVISOR', 'ADMIN'];
export const isStaff = (c: Caller) => STAFF_ROLES.includes(c.role);

export const USER_ISSUER = process.env.JWT_ISSUER || 'sanxiang-dev';
export const USER_AUDIENCE = process.env.JWT_AUDIENCE || 'sanxiang';
export const INTERNAL_ISSUER = 'sanxiang-internal';
export const INTERNAL_TTL_SECONDS = 60;
/** Each internal token names the one subgraph it is for, so a token sent to one (a partner's) is useless at another. */
export const internalAudience = (subgraph: string) => `sanxiang:${subgraph}`;

export interface KeyMaterial {
  /**
   * Signs internal tokens: held by the gateway and the core subgraphs only. Partner subgraphs get the public
   * key alone (INTERNAL_TOKEN_PUBLIC_KEY), so they can verify the gateway but never mint a token.
   */
  internalSigningKey: KeyObject | null;
  internalVerifyKey: KeyObject;
  devPrivateJwk: jose.JWK;
  devPublicJwk: jose.JWK;
}

/**
 * Development keys live in a local folder (gitignored), created on first use. Production sets
 * INTERNAL_TOKEN_PRIVATE_KEY (an Ed25519 JWK, core services only; or INTERNAL_TOKEN_PRIVATE_KEY_FILE, kernel/secrets.ts), INTERNAL_TOKEN_PUBLIC_KEY (partners) and JWT_JWKS_URL.
 * `verifyOnly` is how a partner subgraph loads them: it never holds the signing key.
 */
export async function loadKeyMaterial(keyDir: string, opts: { verifyOnly?: boolean } = {}, env = process.env): Promise<KeyMaterial> {
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  let internalSigningKey: KeyObject | null = null;
  let internalVerifyKey: KeyObject;
  const givenPublic = readSecret('INTERNAL_TOKEN_PUBLIC_KEY', env);
  if (opts.verifyOnly && givenPublic) {
    internalVerifyKey = createPublicKey({ key: JSON.parse(givenPublic) as jose.JWK as never, format: 'jwk' });
  } else {
    const privateJwk =
      readSecret('INTERNAL_TOKEN_PRIVATE_KEY', env) ||
      createOnce(join(keyDir, 'internal-signing.jwk.json'), () => JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })));
    const privateKey = createPrivateKey({ key: JSON.parse(privateJwk) as never, format: 'jwk' });
    internalVerifyKey = createPublicKey(privateKey);
    internalSigningKey = opts.verifyOnly ? null : privateKey;
  }
  const jwkText = createOnce(join(keyDir, 'dev-signing.jwk.json'), () => {
    const { privateKey } = generateEs256Sync();
    return JSON.stringify(privateKey);
  });
  const devPrivateJwk = JSON.parse(jwkText) as jose.JWK;
  const { d: _d, ...devPublicJwk } = devPrivateJwk;
  return { internalSigningKey, internalVerifyKey, devPrivateJwk, devPublicJwk };
}

function generateEs256Sync(): { privateKey: jose.JWK } {
  // node:crypto is synchronous, which keeps createOnce simple.
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey: { ...(privateKey.export({ format: 'jwk' }) as jose.JWK), alg: 'ES256', kid: 'dev-1' } };
}

function callerFromClaims(payload: jose.JWTPayload): Caller {
  const role = payload.role;
  if (!isRole(role) || role === 'SERVICE') throw new Error(`unknown role ${String(role)}`);
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { subject: payload.sub ?? 'unknown', role, agencyId: str(payload.agency), officerId: str(payload.officer) };
}

/** Development token, as printed by `npm run token`. */
export async function signDevUserToken(keys: KeyMaterial, caller: Omit<Caller, 'subject'> & { subject?: string }, ttl = '12h') {
  const key = await jose.importJWK(keys.devPrivateJwk, 'ES256');
  return new jose.SignJWT({ role: caller.role, agency: caller.agencyId ?? undefined, officer: caller.officerId ?? undefined })
    .setProtectedHeader({ alg: 'ES256', kid: keys.devPrivateJwk.kid })
    .setSubject(caller.subject ?? caller.officerId ?? caller.role.toLowerCase())
    .setIssuer(USER_ISSUER)
    .setAudience(USER_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key);
}

export type UserTokenVerifier = (token: string) => Promise<Caller>;

/** Issuer, audience and algorithms are pinned; the key comes from JWKS (real IdP) or the local dev key. */
export async function createUserTokenVerifier(keys: KeyMaterial, env = process.env): Promise<UserTokenVerifier> {
  const algorithms = (env.JWT_ALGORITHMS || (env.JWT_JWKS_URL ? 'RS256,ES256' : 'ES256')).split(',');
  const keyOrSet = env.JWT_JWKS_URL ? jose.createRemoteJWKSet(new URL(env.JWT_JWKS_URL)) : await jose.importJWK(keys.devPublicJwk, 'ES256');
  return async (token) => {
    const { payload } =
      typeof keyOrSet === 'function'
        ? await jose.jwtVerify(token, keyOrSet, { issuer: USER_ISSUER, audience: USER_AUDIENCE, algorithms, requiredClaims: ['exp'] })
        : await jose.jwtVerify(token, keyOrSet, { issuer: USER_ISSUER, audience: USER_AUDIENCE, algorithms, requiredClaims: ['exp'] });
    return callerFromClaims(payload);
  };
}

/** Short-lived token the gateway (or a core subgraph calling another) sends to exactly one subgraph. */
export async function signInternalToken(keys: KeyMaterial, caller: Caller, requestId: string, audience: string): Promise<string> {
  if (!keys.internalSigningKey) throw new Error('this service holds no internal signing key (verify-only)');
  return new jose.SignJWT({ role: caller.role, agency: caller.agencyId ?? undefined, officer: caller.officerId ?? undefined, rid: requestId })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(caller.subject)
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(internalAudience(audience))
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TTL_SECONDS}s`)
    .sign(keys.internalSigningKey);
}

/** `audience` is the receiving subgraph's own name: a token minted for another subgraph is refused. */
export async function verifyInternalToken(keys: KeyMaterial, token: string, audience: string): Promise<Caller> {
  const { payload } = await jose.jwtVerify(token, keys.internalVerifyKey, {
    issuer: INTERNAL_ISSUER,
    audience: internalAudience(audience),
    algorithms: ['EdDSA'],
    maxTokenAge: `${INTERNAL_TTL_SECONDS + 5}s`,
    requiredClaims: ['exp', 'iat'],
  });
  const role = payload.role;
  if (!isRole(role)) throw new Error('bad role');
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { subject: payload.sub ?? 'unknown', role, agencyId: str(payload.agency), officerId: str(payload.officer) };
}

/** Signs internal tokens for one caller and subgraph: `sign(caller, requestId, subgraph)`. */
export type InternalTokenSigner = (caller: Caller, requestId: string, audience: string) => Promise<string>;

/**
 * Internal tokens reused for most of their short life: one Ed25519 signature per caller and subgraph every
 * ~45 s instead of one per subgraph fetch (issue 18: signing showed in the gateway's CPU profile). A token
 * carries no more than the caller and the audience, so reuse grants nothing new; its `rid` is the request it
 * was first minted for (the per-request id travels in `x-request-id`). Bounded: the oldest entry goes first.
 */
export function createInternalTokenCache(keys: KeyMaterial, opts: { max?: number; reuseSeconds?: number; now?: () => number } = {}): InternalTokenSigner {
  const max = opts.max ?? 10_000;
  // Fresh enough that a receiver (maxTokenAge TTL + 5 s) still accepts it after a slow hop.
  const reuseMs = (opts.reuseSeconds ?? INTERNAL_TTL_SECONDS - 15) * 1000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { token: Promise<string>; until: number }>();
  return (caller, requestId, audience) => {
    const key = `${audience}\u0000${caller.role}\u0000${caller.subject}\u0000${caller.agencyId ?? ''}\u0000${caller.officerId ?? ''}`;
    const t = now();
    const hit = cache.get(key);
    if (hit && hit.until > t) return hit.token;
    if (hit) cache.delete(key);
    else if (cache.size >= max) cache.delete(cache.keys().next().value!);
    const token = signInternalToken(keys, caller, requestId, audience);
    cache.set(key, { token, until: t + reuseMs });
    token.catch(() => cache.delete(key));
    return token;
  };
}

/**
 * Verified tokens remembered (bounded, least recently used first out) until they expire, at most `maxAgeMs`:
 * a caller's next request with the same token skips the signature check (issue 18: verification showed in the
 * profiles of the gateway and of every subgraph). Refusals are not remembered.
 */
export function cacheVerified(verify: (token: string) => Promise<Caller>, opts: { max?: number; maxAgeMs?: number; now?: () => number } = {}) {
  const now = opts.now ?? Date.now;
  const maxAgeMs = opts.maxAgeMs ?? 60_000;
  const cache = new LRUCache<string, { caller: Caller; until: number }>({ max: opts.max ?? 5_000 });
  return async (token: string): Promise<Caller> => {
    const t = now();
    const hit = cache.get(token);
    if (hit && hit.until > t) return hit.caller;
    const caller = await verify(token);
    const exp = jose.decodeJwt(token).exp;
    const until = Math.min(t + maxAgeMs, typeof exp === 'number' ? exp * 1000 : t);
    if (until > t) cache.set(token, { caller: Object.freeze({ ...caller }), until });
    return caller;
  };
}

/** `verifyInternalToken` for one receiving subgraph, with verified tokens remembered until they expire. */
export function createInternalTokenVerifier(keys: KeyMaterial, audience: string, opts: { max?: number; now?: () => number } = {}) {
  // An internal token is accepted for at most TTL + 5 s after it was issued (maxTokenAge): never remembered longer.
  return cacheVerified((token) => verifyInternalToken(keys, token, audience), { ...opts, maxAgeMs: INTERNAL_TTL_SECONDS * 1000 });
}
