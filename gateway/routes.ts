import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyMaterial, UserTokenVerifier } from '../kernel/identity.js';
import type { Logger } from '../kernel/logger.js';

// The one interface through which the gateway mounts an application's HTTP routes (apps/: the dashboard,
// the annual report, the CSV exports) beside /graphql on its own origin. An application sees this file and
// the kernel, nothing else of the gateway; it reads the supergraph as any client does, through `graphqlUrl()`
// with the caller's own token. The composition root (gateway/main.ts, scripts/start.ts) passes the routes
// to startGateway.

export interface RouteContext {
  /** The request's id (`x-request-id`), also on every log line of `log`. */
  requestId: string;
  log: Logger;
  /** Verifies a user's token as /graphql does (kernel/bearer.ts `callerOf` takes it). */
  verify: UserTokenVerifier;
  /** This gateway's own /graphql URL: the supergraph, with the same access rules as for any client. */
  graphqlUrl(): string;
  /** A subgraph's URL as the gateway resolves it, for an application that streams a subgraph's own HTTP endpoint. */
  subgraphUrl(name: string): string;
  /** For signing the internal token such a stream needs (kernel/identity.ts `signInternalToken`). */
  keys: KeyMaterial;
}

export interface GatewayRoute {
  /** For logs and docs, e.g. `dashboard`. */
  name: string;
  /** Whether the route answers this path (checked before /graphql's 404). */
  matches(path: string): boolean;
  /** Count the request against the caller's rate limit first (429 when over), as /graphql does. */
  rateLimited?: boolean;
  /** Answer cross-origin requests by `CORS_ORIGINS`, as /graphql does. */
  cors?: boolean;
  /** A thrown error (or rejection) becomes the gateway's 500 without internals; an `HttpError` keeps its status. */
  handle(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): void | Promise<void>;
}
