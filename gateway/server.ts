// Evaluated first: it sets APOLLO_TELEMETRY_DISABLED before any ApolloGateway is constructed (intranets).
import '../kernel/config.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServiceServer, serviceScheme } from '../kernel/tls.js';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import compression from 'compression';
import type { GraphQLFormattedError } from 'graphql';
import type { Config } from '../kernel/config.js';
import { clientErrorFor, isClientSafe } from '../kernel/errors.js';
import { httpErrorBody, HttpError, requestIdOf, sendGraphQLResponse, sendHttpError, sendJson, toGraphQLRequest } from '../kernel/http.js';
import { cacheVerified, createInternalTokenCache, createUserTokenVerifier, type Caller, type KeyMaterial } from '../kernel/identity.js';
import type { Logger } from '../kernel/logger.js';
import { createServiceMetrics, metricsEnabled } from '../kernel/metrics.js';
import { closeServer, listen, observationPlugin, observeRequest, operationLabel, type RequestObservation, type RunningService } from '../kernel/server.js';
import { flushTracing, nameServicePort } from '../kernel/tracing.js';
import { trackDrain } from '../kernel/drain.js';
import { AuthError, callerOf } from '../kernel/bearer.js';
import { historyDirFor, recordIdForHash } from '../kernel/schema/history.js';
import {
  DEFAULT_SUPERGRAPH_PATH,
  loadRegistry,
  registryPathFrom,
  resolveSubgraphUrl,
  supergraphPathFrom,
  type Registry,
} from '../kernel/schema/registry-file.js';
import { clientOf } from './auth.js';
import { corsHandler, corsOrigins } from './cors.js';
import { SubgraphDataSource, type GatewayContext } from './datasource.js';
import { createExplorer } from './explorer.js';
import { createKeepAliveFetcher, type Fetcher } from './fetcher.js';
import { armorProtection, operationRules, PARSE_OPTIONS, translateClientError } from './limits.js';
import { etagOf, matchesEtag, publicCacheFrom, type CachedAnswer } from './public-cache.js';
import { createRateLimiter, rateLimitConfig } from './rate-limit.js';
import type { GatewayRoute, RouteContext } from './routes.js';
import { SupergraphSource } from './supergraph-watch.js';
import { loadTrustedDocuments } from './trusted-documents.js';
import { createUpstream, upstreamPolicyFor, type FailureKind, type Upstream } from './upstream.js';
import { fieldUsagePlugin } from './usage.js';

export type { GatewayContext, GatewayRoute };
export const SUPERGRAPH_PATH = DEFAULT_SUPERGRAPH_PATH;

/** Subgraph failures name the service; client mistakes are said in Chinese; anything not ours is masked (no SQL or stack reaches clients). */
export function gatewayFormatError(log: Logger) {
  const strip = (f: GraphQLFormattedError): GraphQLFormattedError => {
    const { stacktrace: _s, exception: _e, ...extensions } = f.extensions ?? {};
    return { ...f, extensions };
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const translated = translateClientError(formatted);
    if (translated) return strip(translated);
    const ext = formatted.extensions ?? {};
    const serviceName = typeof ext.serviceName === 'string' ? ext.serviceName : undefined;
    if (isClientSafe(ext.code)) return strip(formatted);
    if (serviceName) {
      // The subgraph answered with an error it did not classify: it logged the details itself.
      log.warn({ err: error, serviceName }, 'subgraph error');
      const internal = ext.code === 'INTERNAL_SERVER_ERROR';
      return {
        message: internal ? `子服务 ${serviceName} 内部错误 (internal error)` : `子服务 ${serviceName} 暂不可用，相关字段返回 null (subgraph unavailable)`,
        path: formatted.path,
        extensions: { code: internal ? 'INTERNAL_SERVER_ERROR' : 'UPSTREAM_UNAVAILABLE', serviceName },
      };
    }
    // The gateway's own failures go through the one mapping of kernel/errors.ts as the subgraphs' do (a store the
    // gateway or a mounted application reached that went away is UPSTREAM_UNAVAILABLE, not an internal error).
    const mapped = clientErrorFor(error);
    if (mapped) {
      log.warn({ err: error }, mapped.extensions.code === 'UPSTREAM_UNAVAILABLE' ? 'upstream unavailable' : 'client error');
      return { message: mapped.message, path: formatted.path, extensions: { ...mapped.extensions } };
    }
    log.error({ err: error }, 'internal error');
    return { message: '服务器内部错误 (internal error)', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export interface GatewayService extends RunningService {
  /** The watched supergraph: `reloads`, `rejections`, `current`, and `reload` / `reject` events. */
  supergraph: SupergraphSource;
  /** Each subgraph's bounded fetcher (timeout, breaker), by name. */
  upstreams: ReadonlyMap<string, Upstream>;
}

/** The registry names the subgraphs and their default URLs; without one the supergraph's URLs are the defaults. */
function readRegistryOrNull(path: string, log: Logger, previous: Registry | null): Registry | null {
  try {
    return loadRegistry(path);
  } catch (err) {
    log.warn({ err, path }, previous ? 'subgraph registry unreadable; keeping the previous one' : 'no subgraph registry; using the supergraph URLs');
    return previous;
  }
}

export async function startGateway(opts: {
  config: Config;
  keys: KeyMaterial;
  log: Logger;
  port?: number;
  /** Defaults to `SUPERGRAPH_PATH`, else schema/supergraph.graphql. Watched: a valid new file is swapped in. */
  supergraphPath?: string;
  /** Defaults to `SUBGRAPH_REGISTRY`, else schema/subgraphs.json. */
  registryPath?: string;
  /** Where `SUPERGRAPH_PATH`, `SUBGRAPH_REGISTRY`, `<NAME>_URL` and the edge settings (CORS, limits, timeouts…) are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Hot-reload timing (tests shorten it). */
  watch?: { debounceMs?: number; pollMs?: number };
  /** Subgraph URL by name (tests); undefined falls back to `<NAME>_URL`, localhost:<NAME>_PORT, the registry, the supergraph. */
  subgraphUrl?: (name: string, defaultUrl: string | undefined) => string | undefined;
  /** Applications mounted beside /graphql (apps/index.ts `applicationRoutes()`); none by default. */
  routes?: readonly GatewayRoute[];
}): Promise<GatewayService> {
  const { config, keys, log } = opts;
  const env = opts.env ?? process.env;
  // A user's token is verified once, then remembered until it expires (at most a minute: a rotated-out key stops working soon).
  const verify = cacheVerified(await createUserTokenVerifier(keys));
  const supergraphPath = opts.supergraphPath ?? supergraphPathFrom(env);
  const registryPath = opts.registryPath ?? registryPathFrom(env);
  let registry = readRegistryOrNull(registryPath, log, null);
  // A partner added to the registry gets its URL without a gateway code change.
  const urlFor = (name: string, url: string | undefined) => opts.subgraphUrl?.(name, url) ?? resolveSubgraphUrl(name, { env, config, registry, fallback: url });
  const supergraph = new SupergraphSource(supergraphPath, {
    log,
    ...opts.watch,
    beforeSwap: () => {
      registry = readRegistryOrNull(registryPath, log, registry);
    },
  });

  // The edge's layers, each with its switch (docs/operations.md); read once at start.
  const metrics = metricsEnabled(env) ? createServiceMetrics('gateway') : null;
  const cors = corsHandler(corsOrigins(env));
  const limiter = (() => {
    const cfg = rateLimitConfig(env);
    return cfg ? createRateLimiter(cfg) : null;
  })();
  const compress = env.COMPRESSION === 'off' ? null : compression({ threshold: 1024 });
  const trusted = loadTrustedDocuments({ env });
  const publicCache = publicCacheFrom(env);
  // A new supergraph may answer the same query differently (a partner's fields, a removed one).
  supergraph.on('reload', () => publicCache?.invalidate());
  const explorer = createExplorer();

  // Subgraph calls: one bounded fetcher per subgraph name, kept across supergraph reloads (its breaker too).
  const transport = env.SUBGRAPH_FETCHER === 'apollo' ? null : createKeepAliveFetcher();
  const innerFetcher: Fetcher = transport?.fetcher ?? new RemoteGraphQLDataSource({ url: 'http://unused.invalid' }).fetcher;
  const upstreamMetrics = metrics && {
    fetchDuration: metrics.histogram('sanxiang_subgraph_fetch_duration_seconds', 'Subgraph call latency by subgraph and outcome', ['subgraph', 'outcome']),
    fetchErrors: metrics.counter(
      'sanxiang_subgraph_fetch_errors_total',
      'Failed subgraph calls by subgraph and kind (timeout, breaker_open, unreachable, http_5xx, http_4xx)',
      ['subgraph', 'kind'],
    ),
  };
  // Each subgraph's error counters exist at zero from its first appearance (ops/alerts.yml: SubgraphErrors).
  const FAILURE_KINDS: readonly FailureKind[] = ['timeout', 'breaker_open', 'unreachable', 'http_5xx'];
  const upstreams = new Map<string, Upstream>();
  // One internal token per caller and subgraph for most of its lifetime, not one signature per fetch.
  const internalToken = createInternalTokenCache(keys);
  const upstreamFor = (name: string) => {
    let u = upstreams.get(name);
    if (!u) {
      upstreams.set(name, (u = createUpstream(name, innerFetcher, upstreamPolicyFor(name, env), upstreamMetrics)));
      for (const kind of FAILURE_KINDS) upstreamMetrics?.fetchErrors.inc({ subgraph: name, kind }, 0);
    }
    return u;
  };
  const BREAKER_LEVEL = { closed: 0, half_open: 1, open: 2 } as const;
  metrics?.gauge('sanxiang_subgraph_breaker_state', "Each subgraph's circuit breaker: 0 closed, 1 half-open, 2 open", ['subgraph'], (set) => {
    for (const u of upstreams.values()) set({ subgraph: u.name }, BREAKER_LEVEL[u.breakerState()]);
  });
  const refusals = metrics?.counter(
    'sanxiang_gateway_refusals_total',
    'Requests refused at the edge (rate_limited, trusted_documents, unauthenticated)',
    ['reason'],
    [{ reason: 'rate_limited' }, { reason: 'trusted_documents' }, { reason: 'unauthenticated' }],
  );

  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    buildService: ({ name, url }) => {
      const u = upstreamFor(name);
      // With every layer off (SUBGRAPH_FETCHER=apollo, no timeout, no breaker, no metrics) Apollo's data source is used as it comes.
      const bare = !transport && u.policy.timeoutMs === 0 && !u.policy.breaker && !upstreamMetrics;
      // Identical queries in flight share one subgraph call inside u.fetcher (SUBGRAPH_DEDUPE=off turns it off).
      return new SubgraphDataSource(name, urlFor(name, url) ?? '', bare ? undefined : u.fetcher, log);
    },
  });
  const armor = armorProtection();

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // runService owns SIGINT/SIGTERM; Apollo's own handlers would race it and leave the process hanging.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: true,
    // Introspection is decided per caller (operationRules: ADMIN and SCHEMA_READER), whatever NODE_ENV says.
    introspection: true,
    parseOptions: PARSE_OPTIONS,
    formatError: gatewayFormatError(log),
    // graphql-armor's typings resolve Apollo's CJS build; the plugin objects are the same at run time.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      observationPlugin<GatewayContext>(),
      operationRules(),
      fieldUsagePlugin<GatewayContext>({ env, config, log }),
      ...(armor.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
    ],
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
  });
  await apollo.start();

  async function graphql(req: IncomingMessage, res: ServerResponse, requestId: string, reqLog: Logger, obs: RequestObservation) {
    const started = performance.now(); // timing of the request, for the log line and the latency histogram
    let caller: Caller | null = null;
    try {
      try {
        caller = await callerOf(req, verify);
      } catch (err) {
        if (!(err instanceof AuthError)) throw err;
        // A failed token still counts against the address (guessing tokens is rate limited too).
        const over = await limiter?.check(req, null);
        if (over) return sendRateLimited(res, requestId, over);
        refusals?.inc({ reason: 'unauthenticated' });
        return sendJson(res, 401, httpErrorBody('UNAUTHENTICATED', err.message), { 'www-authenticate': 'Bearer', 'x-request-id': requestId });
      }
      const over = await limiter?.check(req, caller);
      if (over) return sendRateLimited(res, requestId, over);
      const httpGraphQLRequest = await toGraphQLRequest(req);
      try {
        trusted.apply(httpGraphQLRequest, clientOf(req));
      } catch (err) {
        refusals?.inc({ reason: 'trusted_documents' });
        throw err;
      }
      const who = caller;
      // An anonymous query may be answered from the public cache (gateway/public-cache.ts); nobody else's ever is.
      const ask =
        publicCache && who.role === 'PUBLIC'
          ? {
              key: publicCache.key(config.clock.today(), httpGraphQLRequest.method, httpGraphQLRequest.search, httpGraphQLRequest.body),
              generation: publicCache.generation(),
            }
          : null;
      const hit = ask && publicCache!.get(ask.key);
      if (hit) {
        obs.resolved = true;
        obs.operation = hit.operation;
        return sendPublic(req, res, hit, requestId);
      }
      const tokens = new Map<string, Promise<string>>();
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => ({
          caller: who,
          requestId,
          log: reqLog,
          internalToken: (subgraph: string) => {
            const existing = tokens.get(subgraph);
            if (existing) return existing;
            const signed = internalToken(who, requestId, subgraph);
            tokens.set(subgraph, signed);
            return signed;
          },
        }),
      });
      // Whatever it changed, a mutation may have published or withdrawn something: the public answers go.
      if (obs.operationType === 'mutation') publicCache?.invalidate();
      const body = response.body.kind === 'complete' ? response.body.string : null;
      if (ask && body !== null && obs.operationType === 'query' && (response.status ?? 200) === 200 && obs.errorCodes.length === 0) {
        const answer = {
          body,
          contentType: response.headers.get('content-type') ?? 'application/json; charset=utf-8',
          etag: etagOf(body),
          operation: obs.operation ?? '',
        };
        publicCache!.put(ask.key, ask.generation, answer);
        return sendPublic(req, res, answer, requestId);
      }
      // A caller's own answer must not be kept by a shared cache on the way.
      if (who.role !== 'PUBLIC') response.headers.set('cache-control', 'private, no-store');
      await sendGraphQLResponse(res, response, { 'x-request-id': requestId });
    } finally {
      const seconds = (performance.now() - started) / 1000;
      if (res.headersSent) {
        metrics?.graphqlRequest(operationLabel(metrics, obs), res.statusCode, seconds, obs.errorCodes);
        reqLog.info({ role: caller?.role, ms: Math.round(seconds * 1000), status: res.statusCode }, 'graphql request');
      }
    }
  }

  /** A PUBLIC answer with its validator and lifetime; 304 when the client already holds it. */
  function sendPublic(req: IncomingMessage, res: ServerResponse, answer: CachedAnswer, requestId: string) {
    const headers = { ...publicCache!.headers(answer.etag), 'x-request-id': requestId };
    if (matchesEtag(req.headers['if-none-match'], answer.etag)) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, { ...headers, 'content-type': answer.contentType });
    res.end(answer.body);
  }

  function sendRateLimited(res: ServerResponse, requestId: string, over: { retryAfterSeconds: number }) {
    refusals?.inc({ reason: 'rate_limited' });
    const wait = over.retryAfterSeconds;
    return sendJson(res, 429, httpErrorBody('RATE_LIMITED', `请求过于频繁，请 ${wait} 秒后重试 (rate limited)`), {
      'retry-after': String(wait),
      'x-request-id': requestId,
    });
  }

  // Applications' routes (gateway/routes.ts): what each may use of the gateway, and nothing more.
  const routes = opts.routes ?? [];
  const routeContext = (requestId: string, reqLog: Logger): RouteContext => ({
    requestId,
    log: reqLog,
    verify,
    keys,
    graphqlUrl: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    subgraphUrl: (name) => urlFor(name, undefined) ?? config.serviceUrl(name),
  });

  function mounted(r: GatewayRoute, req: IncomingMessage, res: ServerResponse, requestId: string, reqLog: Logger) {
    void (async () => {
      if (r.rateLimited) {
        const caller = await callerOf(req, verify).catch(() => null);
        const over = await limiter?.check(req, caller);
        if (over) return sendRateLimited(res, requestId, over);
      }
      await r.handle(req, res, routeContext(requestId, reqLog));
    })().catch((err: unknown) => failed(req, res, reqLog, err));
  }

  function route(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, reqLog: Logger) {
    const path = url.pathname;
    const app = routes.find((r) => r.matches(path));
    if (app) return mounted(app, req, res, requestId, reqLog);
    if (path !== '/graphql') return sendJson(res, 404, httpErrorBody('NOT_FOUND', '未找到 (not found)'));
    if (req.method === 'OPTIONS') {
      // A preflight from an origin CORS_ORIGINS does not list: no CORS headers, so the browser refuses.
      res.writeHead(204, { allow: 'GET, POST, OPTIONS' });
      return void res.end();
    }
    void observeRequest('/graphql', (obs) => graphql(req, res, requestId, reqLog, obs)).catch((err: unknown) => failed(req, res, reqLog, err, requestId));
  }

  function failed(req: IncomingMessage, res: ServerResponse, reqLog: Logger, err: unknown, requestId?: string) {
    const headers: Record<string, string> = requestId ? { 'x-request-id': requestId } : {};
    if (err instanceof HttpError) return sendHttpError(req, res, err, headers);
    reqLog.error({ err }, 'request failed');
    if (!res.headersSent) sendJson(res, 500, httpErrorBody('INTERNAL_SERVER_ERROR', '服务器内部错误 (internal error)'), headers);
    else res.end();
  }

  const server = createServiceServer((req, res) => {
    const requestId = requestIdOf(req);
    const reqLog = log.child({ reqId: requestId });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path === '/health') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (path === '/ready') {
      const loaded = { subgraphs: supergraph.current?.subgraphs ?? [], reloads: supergraph.reloads, rejections: supergraph.rejections };
      const breakers = Object.fromEntries([...upstreams.values()].map((u) => [u.name, u.breakerState()]));
      // The served file's history record (`npm run compose -- --history`); null when it was never recorded.
      const served = supergraph.current && { id: recordIdForHash(historyDirFor(supergraphPath, env), supergraph.current.id), sha256: supergraph.current.id };
      const ready = !drain.draining;
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'draining', supergraph: { ...served, ...loaded }, breakers });
    }
    if (path === '/metrics') {
      if (!metrics) return sendJson(res, 404, httpErrorBody('NOT_FOUND', '指标已关闭 (metrics are off: METRICS=off)'));
      return void metrics.serve(res).catch((err: unknown) => failed(req, res, reqLog, err));
    }
    if (path === '/graphql' && explorer.wants(req, url)) return void explorer.serve(req, res).catch((err: unknown) => failed(req, res, reqLog, err));
    const next = () =>
      compress ? compress(req as never, res as never, () => route(req, res, url, requestId, reqLog)) : route(req, res, url, requestId, reqLog);
    // CORS first: an allowed preflight is answered by the middleware itself.
    if (cors && (path === '/graphql' || routes.some((r) => r.cors && r.matches(path)))) return cors(req, res, () => next());
    next();
  });
  const drain = trackDrain(server);
  const port = await listen(server, opts.port ?? config.port);
  nameServicePort(port, 'gateway');
  const url = `${serviceScheme()}://localhost:${port}/graphql`;
  log.info(
    { url, supergraph: supergraphPath, registry: registry?.path ?? null, trustedDocuments: trusted.mode, clients: [...trusted.clients.keys()] },
    'gateway listening',
  );
  return {
    name: 'gateway',
    url,
    port,
    supergraph,
    upstreams,
    drain: () => drain.begin(),
    close: async (graceMs?: number) => {
      drain.begin();
      if (drain.inFlight) log.info({ inFlight: drain.inFlight }, 'waiting for requests in flight');
      await closeServer(server, graceMs);
      supergraph.close();
      await apollo.stop();
      await transport?.close();
      await flushTracing();
    },
  };
}
