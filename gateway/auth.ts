import type { IncomingMessage } from 'node:http';
import { PUBLIC_CALLER, type Caller, type UserTokenVerifier } from '../subgraphs/shared/identity.js';

export class AuthError extends Error {}

/** No Authorization header: an anonymous PUBLIC caller. A header that fails verification is refused. */
export async function callerOf(req: IncomingMessage, verify: UserTokenVerifier): Promise<Caller> {
  const header = req.headers.authorization;
  if (!header) return PUBLIC_CALLER;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new AuthError('Authorization 头格式应为 "Bearer <token>"');
  try {
    return await verify(match[1]);
  } catch (err) {
    throw new AuthError(`令牌无效或已过期 (${(err as Error).message})`);
  }
}
