import type { IncomingMessage } from 'node:http';
import { PUBLIC_CALLER, type Caller, type UserTokenVerifier } from './identity.js';

// The caller of an HTTP request to the edge: the gateway's /graphql and the applications it mounts
// (/exports, /reports) decide who is asking the same way.

export class AuthError extends Error {}

/**
 * The one header a client application names itself with (trusted documents, field usage, the partner kit):
 * Apollo's, which Apollo Client, GraphQL Codegen's clients and the Apollo/Hive tooling send. No other header is read.
 */
export const CLIENT_NAME_HEADER = 'apollographql-client-name';

/** The token of an `Authorization: Bearer <token>` header, if the header has that form. */
export const bearerToken = (req: IncomingMessage) => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

/** No Authorization header: an anonymous PUBLIC caller. A header that fails verification is refused. */
export async function callerOf(req: IncomingMessage, verify: UserTokenVerifier): Promise<Caller> {
  const header = req.headers.authorization;
  if (!header) return PUBLIC_CALLER;
  const token = bearerToken(req);
  if (!token) throw new AuthError('Authorization 头格式应为 "Bearer <token>"');
  try {
    return await verify(token);
  } catch (err) {
    throw new AuthError(`令牌无效或已过期 (${(err as Error).message})`);
  }
}
