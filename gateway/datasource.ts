import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, Kind, parse, type DocumentNode, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import { isClientSafe } from '../kernel/errors.js';
import type { Caller } from '../kernel/identity.js';
import type { Logger } from '../kernel/logger.js';
import type { Fetcher } from './fetcher.js';
import { UpstreamError } from './upstream.js';

export interface GatewayContext {
  caller: Caller;
  requestId: string;
  log: Logger;
  /** Signed once per request and subgraph; each token names the one subgraph it is for. */
  internalToken: (subgraph: string) => Promise<string>;
}

type IncomingOperation = Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { incomingRequestContext: unknown }>;

/** Errors of one failed fetch: enough to say which fields are null and why, not one per row of a long list. */
const MAX_ERRORS_PER_FETCH = 50;

/** Response keys a selection set asks for (inline fragments flattened, optionally only those for `typename`). */
function responseKeys(selectionSet: SelectionSetNode, typename?: string): string[] {
  const keys: string[] = [];
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value !== '__typename') keys.push(s.alias?.value ?? s.name.value);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (!typename || !s.typeCondition || s.typeCondition.name.value === typename) keys.push(...responseKeys(s.selectionSet, typename));
    }
  }
  return [...new Set(keys)];
}

/**
 * Where a failed fetch leaves nulls, as subgraph response paths: the gateway maps `[key]` of a root fetch
 * and `['_entities', i, key]` of an entity fetch onto the client's paths (e.g. `['cases', 'edges', 3, 'node', 'agency']`).
 */
export function failedPaths(document: DocumentNode | undefined, variables: Record<string, unknown> | undefined): (string | number)[][] {
  const op = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) return [];
  const representations = variables?.representations;
  const entities = op.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  if (Array.isArray(representations) && entities?.kind === Kind.FIELD && entities.selectionSet) {
    const paths: (string | number)[][] = [];
    for (let i = 0; i < representations.length && paths.length < MAX_ERRORS_PER_FETCH; i++) {
      const typename = (representations[i] as { __typename?: string } | null)?.__typename;
      for (const key of responseKeys(entities.selectionSet, typename)) paths.push(['_entities', i, key]);
    }
    return paths.slice(0, MAX_ERRORS_PER_FETCH);
  }
  return responseKeys(op.selectionSet).map((key) => [key]);
}

/**
 * Apollo's RemoteGraphQLDataSource with our hooks: identity (a short-lived internal token for exactly this
 * subgraph), request id and trace context forwarded; a failed call (timeout, open breaker, unreachable,
 * 5xx) becomes partial data — errors that carry the path of every field left null and `serviceName`.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly serviceName: string,
    url: string,
    fetcher: Fetcher | undefined,
    private readonly log: Logger,
  ) {
    super(fetcher ? { url, fetcher } : { url });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (err) {
      if (!('incomingRequestContext' in options)) throw err; // health check or schema loading: no client waits
      return { errors: this.errorsFor(err, options) };
    }
  }

  private errorsFor(err: unknown, options: IncomingOperation): GraphQLFormattedError[] {
    let message: string;
    let extensions: Record<string, unknown>;
    if (err instanceof GraphQLError && isClientSafe(err.extensions.code)) {
      // The subgraph refused the request itself (HTTP 400 with one of our codes): the client's mistake, said as is.
      message = err.message;
      extensions = { ...err.extensions, serviceName: this.serviceName };
    } else {
      const kind = err instanceof UpstreamError ? err.kind : err instanceof GraphQLError ? 'http_error' : 'unreachable';
      const reason = err instanceof UpstreamError ? err.message : `子服务 ${this.serviceName} 返回错误 (${(err as Error).message})`;
      // One line per failed call; an open breaker is already known and costs nothing, so it is not logged again.
      if (kind !== 'breaker_open') (options.context.log ?? this.log).warn({ err, serviceName: this.serviceName, kind }, 'subgraph call failed');
      message = `${reason}，相关字段返回 null`;
      extensions = { code: 'UPSTREAM_UNAVAILABLE', serviceName: this.serviceName, reason: kind };
    }
    // The planner keeps the fetch's text, not always its AST; parsing it costs something only on this failure path.
    const document = options.document ?? (options.request.query ? parse(options.request.query) : undefined);
    const paths = failedPaths(document, options.request.variables);
    if (paths.length === 0) return [{ message, extensions }];
    return paths.map((path) => ({ message, path, extensions }));
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!('internalToken' in context)) return; // health checks and schema loading carry no caller
    const headers = request.http!.headers;
    headers.set('authorization', `Bearer ${await context.internalToken(this.serviceName)}`);
    headers.set('x-request-id', context.requestId);
    // traceparent: sent by the undici instrumentation (kernel/tracing.ts) with the CLIENT span of this fetch.
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
