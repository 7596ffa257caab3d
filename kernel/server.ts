import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServiceServer, serviceScheme } from './tls.js';
import type { AddressInfo } from 'node:net';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { enforceInputLimits, type InputLimits } from './input-limits.js';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { Span } from '@opentelemetry/api';
import { clientErrorFor, isClientSafe } from './errors.js';
import { httpErrorBody, HttpError, requestIdOf, respondGraphQL, sendHttpError, sendJson } from './http.js';
import { createInternalTokenVerifier, type Caller, type KeyMaterial } from './identity.js';
import { logContext, type Logger, type LogFields } from './logger.js';
import { createServiceMetrics, metricsEnabled, registerPoolMetrics, type ServiceMetrics } from './metrics.js';
import { activeServerSpan, flushTracing, nameServicePort } from './tracing.js';
import { trackDrain } from './drain.js';

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
  /** Start draining (kernel/drain.ts): `/ready` answers 503 and every response says `Connection: close`; still serving. */
  drain?(): void;
  /** Drain (if not yet), stop accepting, wait for requests in flight up to graceMs (default 5 s), release resources. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Hide internals: only our own refusal codes pass through. A database that refused a value is the client's
 * BAD_USER_INPUT (naming the field), one that cannot be reached UPSTREAM_UNAVAILABLE; anything else becomes
 * a generic error, logged (without SQL values) for the operator.
 */
export function maskError(log: Logger, serviceName?: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isClientSafe(formatted.extensions?.code)) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const mapped = clientErrorFor(error, serviceName);
    if (mapped) {
      if (mapped.extensions.code === 'UPSTREAM_UNAVAILABLE') log.warn({ err: error }, 'database unavailable');
      return { message: mapped.message, path: formatted.path, extensions: { ...mapped.extensions } };
    }
    log.error({ err: error }, 'internal error');
    return { message: '服务器内部错误 (internal error)', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** What the HTTP layer learns about one request while Apollo runs it: for the log lines, metrics and the span. */
export interface RequestObservation extends LogFields {
  span: Span | null;
  /** `extensions.code` of each error in the response. */
  errorCodes: string[];
  /** The operation could be resolved (null name: anonymous). */
  resolved: boolean;
  /** query, mutation or subscription, once resolved. */
  operationType?: string;
}

export const currentObservation = () => logContext.getStore() as RequestObservation | undefined;

/**
 * Runs a request's handler with its observation as the log context (every log line then carries the
 * operation name and trace id). With tracing on, the request's HTTP server span (instrumentation-http) is the
 * observation's span: the GraphQL layer names it after the operation.
 */
export function observeRequest<T>(route: string, fn: (obs: RequestObservation) => Promise<T>): Promise<T> {
  const span = activeServerSpan(route);
  const obs: RequestObservation = { span, errorCodes: [], resolved: false, traceId: span?.spanContext().traceId };
  return logContext.run(obs, () => fn(obs));
}

/** Apollo plugin feeding the observation: operation name once resolved, error codes of the response. */
export function observationPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, operation }) {
          const obs = currentObservation();
          if (!obs || !operation) return; // an operationName the document does not have: refused, not resolved
          obs.resolved = true;
          obs.operation = operationName ?? '';
          obs.span?.setAttribute('graphql.operation.name', operationName ?? '');
          const type = operation?.operation ?? 'query';
          obs.operationType = type;
          obs.span?.setAttribute('graphql.operation.type', type);
          obs.span?.updateName(`${type} ${operationName ?? '(anonymous)'}`);
        },
        async willSendResponse({ response }) {
          const obs = currentObservation();
          if (!obs || response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) obs.errorCodes.push(String(e.extensions?.code ?? 'UNKNOWN'));
        },
      };
    },
  };
}

/** Metrics label of the operation: its name, `__anonymous`, or `__unresolved` (syntax/validation failure). */
export const operationLabel = (metrics: ServiceMetrics, obs: RequestObservation) => metrics.operations.label(obs.resolved ? (obs.operation ?? '') : undefined);

export async function listen(server: Server, port: number, host?: string): Promise<number> {
  // Idle keep-alive sockets live longer than any client's or proxy's (undici: 4 s, the gateway's pool likewise), so a
  // client never sends on a socket the server is closing at that instant (ECONNRESET under load).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Stop accepting, let requests in flight finish (up to graceMs), then cut what lingers. Idle keep-alive sockets are
 * closed as they become idle: by now the drain period is over and no balancer sends on them (kernel/drain.ts).
 */
export async function closeServer(server: Server, graceMs = 5000): Promise<void> {
  await new Promise<void>((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    idle.unref();
    cut.unref();
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
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
  /** The subgraph's database pool: its usage is a metric. */
  pool?: unknown;
  /** Service-specific metrics (e.g. lags), registered once at start; skipped when metrics are off. */
  metrics?: (metrics: ServiceMetrics) => void;
  /** Default: METRICS env (on unless `off`). */
  metricsEnabled?: boolean;
  /** Text inputs allowed past DEFAULT_TEXT_LIMIT (or held below it), by coordinate (kernel/input-limits.ts). */
  inputLimits?: InputLimits;
}): Promise<RunningService> {
  const metrics = (opts.metricsEnabled ?? metricsEnabled()) ? createServiceMetrics(opts.name) : null;
  if (metrics && opts.pool) registerPoolMetrics(metrics, opts.pool);
  if (metrics) opts.metrics?.(metrics);
  const apollo = new ApolloServer<C>({
    schema: enforceInputLimits(
      buildSubgraphSchema([{ typeDefs: opts.typeDefs, resolvers: opts.resolvers as GraphQLResolverMap<unknown> }]),
      opts.inputLimits ?? {},
    ),
    includeStacktraceInErrorResponses: false,
    // Our runService owns SIGINT/SIGTERM; Apollo's own handlers would race it and leave the process hanging.
    stopOnTerminationSignals: false,
    formatError: maskError(opts.log, opts.name),
    // Cache control off: no schema declares cache hints, and its per-field hook wrapped every resolver (issue 28 profile).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      observationPlugin<C>(),
    ],
  });
  await apollo.start();
  const verifyInternal = createInternalTokenVerifier(opts.keys, opts.name);

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, requestId: string, log: Logger, obs: RequestObservation) {
    const route = opts.routes?.find((r) => path.startsWith(r.prefix));
    if (path !== '/graphql' && !route) return sendJson(res, 404, httpErrorBody('NOT_FOUND', '未找到 (not found)'));
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    let caller: Caller;
    try {
      caller = await verifyInternal(token);
    } catch {
      log.warn({ path }, 'rejected request without a valid internal token');
      return sendJson(res, 401, httpErrorBody('UNAUTHENTICATED', '缺少或无效的内部令牌 (internal token required)'), {
        'www-authenticate': 'Bearer',
      });
    }
    const started = performance.now(); // timing of the request, for the log line and the latency histogram
    if (route) {
      await route.handle({ req, res, path, caller, requestId, log });
      log.info({ role: caller.role, ms: Math.round(performance.now() - started), status: res.statusCode, path }, 'http request');
      return;
    }
    await respondGraphQL(apollo, req, res, async () => opts.context({ caller, requestId, log }), { 'x-request-id': requestId });
    const seconds = (performance.now() - started) / 1000;
    metrics?.graphqlRequest(operationLabel(metrics, obs), res.statusCode, seconds, obs.errorCodes);
    log.info({ role: caller.role, ms: Math.round(seconds * 1000), status: res.statusCode }, 'graphql request');
  }

  // The span's http.route: `/graphql` or a route's prefix (never an id-bearing path).
  const routeOf = (path: string) => (path === '/graphql' ? path : `${opts.routes?.find((r) => path.startsWith(r.prefix))?.prefix ?? '/'}*`);
  const server = createServiceServer((req, res) => {
    const requestId = requestIdOf(req);
    const log = opts.log.child({ reqId: requestId });
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/health') return sendJson(res, 200, { status: 'ok', service: opts.name });
    if (path === '/metrics') {
      if (!metrics) return sendJson(res, 404, httpErrorBody('NOT_FOUND', '指标已关闭 (metrics are off: METRICS=off)'));
      return void metrics.serve(res).catch((err: unknown) => {
        log.error({ err }, 'metrics collection failed');
        if (!res.headersSent) sendJson(res, 500, httpErrorBody('INTERNAL_SERVER_ERROR', '指标收集失败 (metrics collection failed)'));
      });
    }
    if (path === '/ready') {
      if (drain.draining) return sendJson(res, 503, { status: 'draining', service: opts.name });
      return void opts
        .ready()
        .catch(() => false)
        .then((ok) => sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database unreachable', service: opts.name }));
    }
    void observeRequest(routeOf(path), (obs) => handle(req, res, path, requestId, log, obs)).catch((err: unknown) => {
      if (err instanceof HttpError) return sendHttpError(req, res, err);
      log.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, httpErrorBody('INTERNAL_SERVER_ERROR', '服务器内部错误 (internal error)'));
      else res.end();
    });
  });
  const drain = trackDrain(server);
  const port = await listen(server, opts.port);
  nameServicePort(port, opts.name);
  const url = `${serviceScheme()}://localhost:${port}/graphql`;
  opts.log.info({ url }, `${opts.name} subgraph listening`);
  return {
    name: opts.name,
    url,
    port,
    drain: () => drain.begin(),
    close: async (graceMs?: number) => {
      drain.begin();
      if (drain.inFlight) opts.log.info({ inFlight: drain.inFlight }, 'waiting for requests in flight');
      await closeServer(server, graceMs);
      await apollo.stop();
      await opts.onClose?.();
      await flushTracing();
    },
  };
}
