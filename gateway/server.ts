// Evaluated first: it sets APOLLO_TELEMETRY_DISABLED before any ApolloGateway is constructed (intranets).
import '../subgraphs/shared/config.js';
import { createServer } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Config } from '../subgraphs/shared/config.js';
import { isClientSafe } from '../subgraphs/shared/errors.js';
import { httpErrorBody, HttpError, requestIdOf, respondGraphQL, sendJson } from '../subgraphs/shared/http.js';
import { createUserTokenVerifier, signInternalToken, type Caller, type KeyMaterial } from '../subgraphs/shared/identity.js';
import type { Logger } from '../subgraphs/shared/logger.js';
import { closeServer, listen, type RunningService } from '../subgraphs/shared/server.js';
import { AuthError, callerOf } from './auth.js';
import { resolveSubgraphUrl } from './check.js';
import { DEFAULT_SUPERGRAPH_PATH, loadRegistry, registryPathFrom, supergraphPathFrom, type Registry } from './compose.js';
import { serveDashboard } from './dashboard.js';
import { handleExport } from './exports.js';
import { offlineExplorer } from './explorer.js';
import { historyDirFor, recordIdForHash } from './history.js';
import { SupergraphSource } from './supergraph-watch.js';
import { fieldUsagePlugin } from './usage.js';

export const SUPERGRAPH_PATH = DEFAULT_SUPERGRAPH_PATH;

export interface GatewayContext {
  caller: Caller;
  requestId: string;
  log: Logger;
  /** Signed once per request, sent to every subgraph the query plan touches. */
  /** Signed once per request and subgraph; each token names the one subgraph it is for. */
  internalToken: (subgraph: string) => Promise<string>;
}

/** Forwards identity (as a short-lived internal token) and the request id to each subgraph. */
class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: { url: string },
    readonly serviceName: string,
  ) {
    super(config);
  }

  /** A subgraph that cannot be reached yields an error naming it (the gateway itself reports only the network error). */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (err) {
      if (err instanceof GraphQLError) {
        throw new GraphQLError(err.message, { extensions: { ...err.extensions, serviceName: this.serviceName } });
      }
      throw new GraphQLError(`子服务 ${this.serviceName} 暂不可用，相关字段返回 null (subgraph unavailable)`, {
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: this.serviceName },
      });
    }
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!('internalToken' in context)) return; // health checks and schema loading carry no caller
    request.http?.headers.set('authorization', `Bearer ${await context.internalToken(this.serviceName)}`);
    request.http?.headers.set('x-request-id', context.requestId);
  }

  /** A subgraph's HTTP 400 (e.g. a Decimal it refused) keeps its own code, field and reason for the client. */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const generic = await super.errorFromResponse(response);
    const body = (generic.extensions.response as { body?: unknown } | undefined)?.body as { errors?: GraphQLFormattedError[] } | undefined;
    const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
    if (response.status === 400 && first && isClientSafe(first.extensions?.code)) {
      return new GraphQLError(first.message, { extensions: { ...first.extensions } });
    }
    return generic;
  }
}

/** Subgraph failures name the service; anything not ours is masked (no SQL or stack reaches clients). */
export function gatewayFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const ext = formatted.extensions ?? {};
    const serviceName = typeof ext.serviceName === 'string' ? ext.serviceName : undefined;
    if (isClientSafe(ext.code)) {
      const { stacktrace: _s, exception: _e, ...rest } = ext;
      return { ...formatted, extensions: rest };
    }
    if (serviceName && ext.code !== 'INTERNAL_SERVER_ERROR') {
      log.warn({ err: error, serviceName }, 'subgraph unavailable');
      return {
        message: `子服务 ${serviceName} 暂不可用，相关字段返回 null (subgraph unavailable)`,
        path: formatted.path,
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName },
      };
    }
    log.error({ err: error }, 'internal error');
    return {
      message: '服务器内部错误 (internal error)',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(serviceName ? { serviceName } : {}) },
    };
  };
}

export interface GatewayService extends RunningService {
  /** The watched supergraph: `reloads`, `rejections`, `current`, and `reload` / `reject` events. */
  supergraph: SupergraphSource;
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
  /** Where `SUPERGRAPH_PATH`, `SUBGRAPH_REGISTRY` and `<NAME>_URL` are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Hot-reload timing (tests shorten it). */
  watch?: { debounceMs?: number; pollMs?: number };
  /** Subgraph URL by name (tests); undefined falls back to `<NAME>_URL`, localhost:<NAME>_PORT, the registry, the supergraph. */
  subgraphUrl?: (name: string, defaultUrl: string | undefined) => string | undefined;
}): Promise<GatewayService> {
  const { config, keys, log } = opts;
  const env = opts.env ?? process.env;
  const verify = await createUserTokenVerifier(keys);
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

  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    buildService: ({ name, url }) => new IdentityForwardingDataSource({ url: urlFor(name, url) }, name),
  });
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    maxDirectives: { n: 30 },
    maxTokens: { n: 4000 },
    // Cost multiplies by `first`: one full page (100) of a rich list passes, a page of pages does not.
    costLimit: { maxCost: 150_000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // runService owns SIGINT/SIGTERM; Apollo's own handlers would race it and leave the process hanging.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError: gatewayFormatError(log),
    // graphql-armor's typings resolve Apollo's CJS build; the plugin objects are the same at run time.
    plugins: [offlineExplorer(), fieldUsagePlugin<GatewayContext>({ env, config, log }), ...(armor.plugins as unknown as ApolloServerPlugin<GatewayContext>[])],
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
  });
  await apollo.start();
  let ready = true;

  const server = createServer((req, res) => {
    const requestId = requestIdOf(req);
    const reqLog = log.child({ reqId: requestId });
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    void (async () => {
      if (path === '/health') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
      if (path === '/ready') {
        const loaded = { subgraphs: supergraph.current?.subgraphs ?? [], reloads: supergraph.reloads, rejections: supergraph.rejections };
        // The served file's history record (`npm run compose -- --history`); null when it was never recorded.
        const served = supergraph.current && { id: recordIdForHash(historyDirFor(supergraphPath, env), supergraph.current.id), sha256: supergraph.current.id };
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', supergraph: { ...served, ...loaded } });
      }
      if (path.startsWith('/exports/')) {
        return handleExport(req, res, { keys, verify, log: reqLog, requestId, subgraphUrl: (name) => urlFor(name, undefined) ?? config.serviceUrl(name) });
      }
      if (path === '/dashboard' || path.startsWith('/dashboard/')) return serveDashboard(req, res);
      if (path !== '/graphql') return sendJson(res, 404, httpErrorBody('NOT_FOUND', '未找到 (not found)'));
      let caller: Caller;
      try {
        caller = await callerOf(req, verify);
      } catch (err) {
        if (!(err instanceof AuthError)) throw err;
        return sendJson(res, 401, httpErrorBody('UNAUTHENTICATED', err.message), { 'www-authenticate': 'Bearer' });
      }
      const tokens = new Map<string, Promise<string>>();
      const started = Date.now(); // timing: request duration for the log line
      await respondGraphQL(
        apollo,
        req,
        res,
        async () => ({
          caller,
          requestId,
          log: reqLog,
          internalToken: (subgraph: string) => {
            const existing = tokens.get(subgraph);
            if (existing) return existing;
            const signed = signInternalToken(keys, caller, requestId, subgraph);
            tokens.set(subgraph, signed);
            return signed;
          },
        }),
        { 'x-request-id': requestId },
      );
      reqLog.info({ role: caller.role, ms: Date.now() - started /* timing */, status: res.statusCode }, 'graphql request');
    })().catch((err: unknown) => {
      if (err instanceof HttpError) return sendJson(res, err.status, httpErrorBody('BAD_REQUEST', err.message));
      reqLog.error({ err }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, httpErrorBody('INTERNAL_SERVER_ERROR', '服务器内部错误 (internal error)'));
      else res.end();
    });
  });
  const port = await listen(server, opts.port ?? config.port);
  const url = `http://localhost:${port}/graphql`;
  log.info({ url, supergraph: supergraphPath, registry: registry?.path ?? null }, 'gateway listening');
  return {
    name: 'gateway',
    url,
    port,
    supergraph,
    close: async () => {
      ready = false;
      supergraph.close();
      await closeServer(server);
      await apollo.stop();
    },
  };
}
