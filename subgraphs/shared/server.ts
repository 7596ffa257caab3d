import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { isClientSafe } from './errors.js';
import { httpErrorBody, HttpError, requestIdOf, respondGraphQL, sendJson } from './http.js';
import { verifyInternalToken, type Caller, type KeyMaterial } from './identity.js';
import type { Logger } from './logger.js';

export interface RequestBase {
  caller: Caller;
  requestId: string;
  log: Logger;
}

/** An HTTP route of a subgraph beside /graphql (same internal-token check); see `startSubgraph({ routes })`. */
export interface SubgraphRoute {
  prefix: string;
  handle(r: RequestBase & { req: IncomingMessage; res: ServerResponse; path: string }): Promise<void>;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Hide internals: only our own refusal codes pass through; anything else becomes a generic error. */
export function maskError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isClientSafe(formatted.extensions?.code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: error }, 'internal error');
    return { message: '服务器内部错误 (internal error)', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export async function listen(server: Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Stop accepting, let in-flight requests finish (up to graceMs), then cut keep-alive sockets that linger. */
export async function closeServer(server: Server, graceMs = 5000): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}

/**
 * A federated subgraph over node:http. Every GraphQL request must carry the gateway's internal
 * token (HTTP 401 otherwise); /health and /ready are open for orchestration probes.
 */
export async function startSubgraph<C extends RequestBase>(opts: {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  keys: KeyMaterial;
  log: Logger;
  port: number;
  ready: () => Promise<boolean>;
  context: (base: RequestBase) => C;
  onClose?: () => Promise<void>;
  /** Extra HTTP routes by path prefix (e.g. `/exports/`), behind the same internal token as /graphql. */
  routes?: SubgraphRoute[];
}): Promise<RunningService> {
  const apollo = new ApolloServer<C>({
    schema: buildSubgraphSchema([{ typeDefs: opts.typeDefs, resolvers: opts.resolvers as GraphQLResolverMap<unknown> }]),
    includeStacktraceInErrorResponses: false,
    // Our runService owns SIGINT/SIGTERM; Apollo's own handlers would race it and leave the process hanging.
    stopOnTerminationSignals: false,
    formatError: maskError(opts.log),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const server = createServer((req, res) => {
    const requestId = requestIdOf(req);
    const log = opts.log.child({ reqId: requestId });
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    void (async () => {
      if (path === '/health') return sendJson(res, 200, { status: 'ok', service: opts.name });
      if (path === '/ready') {
        const ok = await opts.ready();
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database unreachable', service: opts.name });
      }
      const route = opts.routes?.find((r) => path.startsWith(r.prefix));
      if (path !== '/graphql' && !route) return sendJson(res, 404, httpErrorBody('NOT_FOUND', '未找到 (not found)'));
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      let caller: Caller;
      try {
        caller = await verifyInternalToken(opts.keys, token, opts.name);
      } catch {
        log.warn({ path }, 'rejected request without a valid internal token');
        return sendJson(res, 401, httpErrorBody('UNAUTHENTICATED', '缺少或无效的内部令牌 (internal token required)'), {
          'www-authenticate': 'Bearer',
        });
      }
      const started = Date.now(); // timing: request duration for the log line
      if (route) {
        await route.handle({ req, res, path, caller, requestId, log });
        log.info({ role: caller.role, ms: Date.now() - started /* timing */, status: res.statusCode, path }, 'http request');
        return;
      }
      await respondGraphQL(apollo, req, res, async () => opts.context({ caller, requestId, log }), { 'x-request-id': requestId });
      log.info({ role: caller.role, ms: Date.now() - started /* timing */, status: res.statusCode }, 'graphql request');
    })().catch((err: unknown) => {
      if (err instanceof HttpError) return sendJson(res, err.status, httpErrorBody('BAD_REQUEST', err.message));
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, httpErrorBody('INTERNAL_SERVER_ERROR', '服务器内部错误 (internal error)'));
      else res.end();
    });
  });
  const port = await listen(server, opts.port);
  const url = `http://localhost:${port}/graphql`;
  opts.log.info({ url }, `${opts.name} subgraph listening`);
  return {
    name: opts.name,
    url,
    port,
    close: async () => {
      await closeServer(server);
      await apollo.stop();
      await opts.onClose?.();
    },
  };
}
