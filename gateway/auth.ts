import type { IncomingMessage } from 'node:http';
import { decodeJwt } from 'jose';
import { bearerToken, CLIENT_NAME_HEADER } from '../kernel/bearer.js';

// Who the caller is: kernel/bearer.ts (callerOf), shared with the applications the gateway mounts.

const CLIENT_NAME = /^[A-Za-z0-9][\w.-]{0,63}$/;

/**
 * The client application (for trusted documents): the verified token's `azp` (authorized party) when it
 * has one, else the `apollographql-client-name` header. Null when the request names none.
 * Call only after `callerOf` accepted the token.
 */
export function clientOf(req: IncomingMessage): string | null {
  const token = bearerToken(req);
  const azp = token ? decodeJwt(token).azp : undefined;
  const header = req.headers[CLIENT_NAME_HEADER];
  const name = typeof azp === 'string' && azp ? azp : typeof header === 'string' && header ? header : null;
  return name === null ? null : CLIENT_NAME.test(name) ? name : '__invalid';
}
