import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { loadConfig } from '../../kernel/config.js';
import { createInternalTokenCache, createUserTokenVerifier, loadKeyMaterial, PUBLIC_CALLER, type Caller } from '../../kernel/identity.js';

// Hive Gateway (the comparison in `npm run bench -- --compare`): the same schema/supergraph.graphql over the
// same running subgraphs (the supergraph's URLs pointed at them), with a header hook that does what the
// project's gateway does for identity — verify the caller's token, then send each subgraph an internal token
// for exactly that subgraph (cached per caller and subgraph, as the project's gateway does).
//
// Hive's HTTP executor merges identical in-flight subgraph queries by URL, method and body only (plus the
// transport's own `headers`, which this recipe does not use): the internal token set in `onFetch` below is added
// after that key is taken, so with merging on, one caller's request rides on another caller's fetch and gets that
// caller's answer (issue 28: anonymous requests got a supervisor's cases, supervisors got FORBIDDEN). Merging is
// therefore off for every subgraph; test/e2e/hive-recipe.test.ts checks that callers never see each other's data.

const config = loadConfig(process.env);
const keys = await loadKeyMaterial(config.keyDir);
const verify = await createUserTokenVerifier(keys);
const internalToken = createInternalTokenCache(keys);
const names = ['powers', 'cases', 'reviews', 'inspections'] as const;
const byUrl = new Map<string, string>(names.map((n) => [config.serviceUrl(n), n]));
let sdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
for (const n of names) sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${n}", url: ")[^"]+`), `$1${config.serviceUrl(n)}`);

const callers = new WeakMap<object, Promise<Caller>>();
const callerOf = (request: Request) => {
  let c = callers.get(request);
  if (!c) {
    const header = request.headers.get('authorization');
    const token = header && /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    c = header ? (token ? verify(token) : Promise.reject(new Error('bad Authorization header'))) : Promise.resolve(PUBLIC_CALLER);
    callers.set(request, c);
  }
  return c;
};

const identity: GatewayPlugin = {
  onRequest({ request, endResponse }) {
    // Refuse a bad token before execution, as the project's gateway does (401).
    return callerOf(request).then(
      () => undefined,
      () => endResponse(new Response(JSON.stringify({ errors: [{ message: 'unauthenticated' }] }), { status: 401 })),
    );
  },
  async onFetch({ url, options, setOptions, context }) {
    const subgraph = byUrl.get(url);
    if (!subgraph || !('request' in context)) return;
    const caller = await callerOf(context.request);
    const requestId = context.request.headers.get('x-request-id') ?? 'hive';
    setOptions({
      ...options,
      headers: {
        ...(options.headers as Record<string, string>),
        authorization: `Bearer ${await internalToken(caller, requestId, subgraph)}`,
        'x-request-id': requestId,
      },
    });
  },
};

const gateway = createGatewayRuntime({
  supergraph: sdl,
  transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
  plugins: () => [identity],
  logging: 'error',
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
});
const port = Number(process.env.HIVE_PORT);
const server = createServer(gateway);
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.error(`hive gateway on ${port}`));
process.on('SIGTERM', () => {
  server.close();
  void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
});
