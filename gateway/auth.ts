import type { IncomingMessage } from 'node:http';
import { decodeJwt } from 'jose';
import { PUBLIC_CALLER, type Caller, type UserTokenVerifier } from '../kernel/identity.js';

export class AuthError extends Error {}

const bearer = (req: IncomingMessage) => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

/** No Authorization header: an anonymous PUBLIC caller. A header that fails verification is refused. */
export async function callerOf(req: IncomingMessage, verify: UserTokenVerifier): Promise<Caller> {
  const header = req.headers.authorization;
  if (!header) return PUBLIC_CALLER;
  const token = bearer(req);
  if (!token) throw new AuthError('Authorization 头格式应为 "Bearer <token>"');
  try {
    return await verify(token);
  } catch (err) {
    throw new AuthError(`令牌无效或已过期 (${(err as Error).message})`);
  }
}

const CLIENT_NAME = /^[A-Za-z0-9][\w.-]{0,63}$/;

/**
 * The client application (for trusted documents): the verified token's `azp` (authorized party) when it
 * has one, else the `apollographql-client-name` header. Null when the request names none.
 * Call only after `callerOf` accepted the token.
 */
export function clientOf(req: IncomingMessage): string | null {
  const token = bearer(req);
  const azp = token ? decodeJwt(token).azp : undefined;
  const header = req.headers['apollographql-client-name'];
  const name = typeof azp === 'string' && azp ? azp : typeof header === 'string' && header ? header : null;
  return name === null ? null : CLIENT_NAME.test(name) ? name : '__invalid';
}
