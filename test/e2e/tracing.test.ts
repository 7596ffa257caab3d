import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../../kernel/server.js';

// OpenTelemetry in the production shape: the gateway and powers as their own processes (npm run
// start:gateway / start:powers) with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a small OTLP/HTTP receiver
// here. One query yields one trace: gateway server span → its client span → powers server span → SQL span, the
// HTTP spans made by @opentelemetry/instrumentation-http / -undici (issue 29, point 6), and the log lines carry its
// trace id. Then `npm start` (every service in one process): each service's spans still name their own service.
// Without the variable nothing is exported (the other suites run that way).

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
interface Received {
  service: string;
  /** The instrumentation scope that made the span. */
  scope: string;
  span: OtlpSpan;
}
const received: Received[] = [];
let receiver: Server;
const children: ChildProcess[] = [];
const output: Record<string, string> = { gateway: '', powers: '', start: '' };
let gatewayUrl = '';
let otlpPort = 0;

async function freePort(): Promise<number> {
  const s = createServer();
  await listen(s, 0, '127.0.0.1');
  const { port } = s.address() as AddressInfo;
  await closeServer(s, 0);
  return port;
}

function start(name: 'gateway' | 'powers' | 'start', script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output[name] += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output[name] += d.toString()));
  children.push(child);
}

async function ready(url: string) {
  // A generous bound for a start on a loaded machine (issue 23): it only turns a start that never comes into a failure.
  for (const end = performance.now() + 120_000; performance.now() < end;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`not ready: ${url}\n${JSON.stringify(output)}`);
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: { stringValue?: string } }[] };
            scopeSpans: { scope?: { name?: string }; spans: OtlpSpan[] }[];
          }[];
        };
        for (const rs of body.resourceSpans) {
          const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
          for (const ss of rs.scopeSpans) for (const span of ss.spans) received.push({ service, scope: ss.scope?.name ?? '?', span });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  otlpPort = await listen(receiver, 0, '127.0.0.1');
  const [gatewayPort, powersPort] = [await freePort(), await freePort()];
  const common = {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
    OTEL_BSP_SCHEDULE_DELAY: '100',
    DB_PREFIX: `${process.env.SANXIANG_TEST_PREFIX}_otel`,
    LOG_LEVEL: 'info',
  };
  start('powers', 'subgraphs/powers/main.ts', { ...common, PORT: String(gatewayPort), POWERS_PORT: String(powersPort) });
  await ready(`http://127.0.0.1:${powersPort}/ready`);
  start('gateway', 'gateway/main.ts', { ...common, PORT: String(gatewayPort), POWERS_URL: `http://127.0.0.1:${powersPort}/graphql` });
  await ready(`http://127.0.0.1:${gatewayPort}/ready`);
  gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
}, 300_000);

afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  await closeServer(receiver, 0);
});

const attr = (r: { span: OtlpSpan }, key: string) => r.span.attributes?.find((a) => a.key === key)?.value;
const isSql = (r: Received) => Boolean(r.span.attributes?.some((a) => a.key === 'db.system.name' || a.key === 'db.system'));

describe('traces', () => {
  it('follow one query from the gateway to the subgraph to its SQL, and the logs name the trace', { timeout: 120_000 }, async () => {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query AgencyNames { agencies { name } }' }),
    });
    expect(res.status).toBe(200);
    let server: Received | undefined;
    for (
      const end = performance.now() + 60_000;
      performance.now() < end && !(server && received.some((r) => r.service === 'sanxiang-powers' && r.span.traceId === server!.span.traceId && isSql(r)));
    ) {
      await new Promise((r) => setTimeout(r, 100));
      server = received.find((r) => r.service === 'sanxiang-gateway' && r.span.name === 'query AgencyNames');
    }
    expect(server).toBeDefined();
    const traceId = server!.span.traceId;
    const inTrace = received.filter((r) => r.span.traceId === traceId);
    const byId = new Map(inTrace.map((r) => [r.span.spanId, r]));
    const powersServer = inTrace.find((r) => r.service === 'sanxiang-powers' && r.span.name.startsWith('query AgencyNames__powers'));
    expect(powersServer).toBeDefined();
    // The server spans are @opentelemetry/instrumentation-http's (issue 29), with its HTTP semantic conventions:
    // method, path, route and the status answered; the GraphQL layer only names them after the operation.
    for (const s of [server!, powersServer!]) {
      expect(s.scope).toBe('@opentelemetry/instrumentation-http');
      expect(s.span.kind).toBe(2); // SERVER
      expect(attr(s, 'http.request.method')).toEqual({ stringValue: 'POST' });
      expect(attr(s, 'url.path')).toEqual({ stringValue: '/graphql' });
      expect(attr(s, 'http.route')).toEqual({ stringValue: '/graphql' });
      expect(Number(Object.values(attr(s, 'http.response.status_code') ?? {})[0])).toBe(200);
    }
    // The gateway's call to powers is a CLIENT span of undici's instrumentation, the parent of powers' server span.
    const client = byId.get(powersServer!.span.parentSpanId ?? '');
    expect(client).toMatchObject({ service: 'sanxiang-gateway', scope: '@opentelemetry/instrumentation-undici', span: { kind: 3 } });
    expect(attr(client!, 'http.request.method')).toEqual({ stringValue: 'POST' });
    expect(Number(Object.values(attr(client!, 'http.response.status_code') ?? {})[0])).toBe(200);
    // Probes make no spans (a balancer's /ready every few seconds is not a trace).
    expect(received.filter((r) => ['/ready', '/health', '/metrics'].includes(String(attr(r, 'url.path')?.stringValue)))).toEqual([]);
    // Background work (migrations at start, anything without a request above it) starts no trace by default: every
    // root span received is a request's SERVER span (OTLP kind 2).
    expect(received.filter((r) => !r.span.parentSpanId).map((r) => `${r.service} ${r.span.kind} ${r.span.name}`)).toEqual(
      received.filter((r) => !r.span.parentSpanId && r.span.kind === 2).map((r) => `${r.service} ${r.span.kind} ${r.span.name}`),
    );
    // The subgraph's span descends from the gateway's (through Apollo's own fetch span).
    let ancestor = byId.get(powersServer!.span.parentSpanId ?? '');
    while (ancestor && ancestor.service !== 'sanxiang-gateway') ancestor = byId.get(ancestor.span.parentSpanId ?? '');
    expect(ancestor?.service).toBe('sanxiang-gateway');
    const sql = inTrace.filter((r) => r.service === 'sanxiang-powers' && isSql(r));
    expect(sql.length).toBeGreaterThan(0);
    // Statements are recorded with placeholders, never values.
    const statements = sql.map((r) => String(r.span.attributes?.find((a) => a.key === 'db.query.text' || a.key === 'db.statement')?.value.stringValue));
    expect(statements.some((s) => /select/i.test(s))).toBe(true);
    // Logs carry the trace id and the operation name.
    const lines = (name: string) =>
      output[name]!.split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines('gateway').find((l) => l.msg === 'graphql request')).toMatchObject({ traceId, operation: 'AgencyNames', service: 'gateway' });
    expect(lines('powers').find((l) => l.msg === 'graphql request')).toMatchObject({ traceId, service: 'powers' });
  });
});

describe('traces under npm start (every service in one process)', () => {
  it('name each span after its own service', { timeout: 600_000 }, async () => {
    const port = await freePort();
    start('start', 'scripts/start.ts', {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      DB_PREFIX: `${process.env.SANXIANG_TEST_PREFIX}_otelstart`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    // Bounds only turn a start that never comes into a failure (seeding walks the demo cases through the workflow).
    for (const end = performance.now() + 240_000; performance.now() < end && !output.start!.includes('is running');) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output.start).toContain('is running');
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query StartAgencies { agencies { name } }' }),
    });
    expect(res.status).toBe(200);
    const find = () => received.find((r) => r.span.name === 'query StartAgencies');
    for (const end = performance.now() + 60_000; performance.now() < end && !find();) await new Promise((r) => setTimeout(r, 100));
    const gateway = find();
    expect(gateway).toMatchObject({ service: 'sanxiang-gateway', scope: '@opentelemetry/instrumentation-http' });
    const traceId = gateway!.span.traceId;
    const inTrace = () => received.filter((r) => r.span.traceId === traceId);
    const powers = () => inTrace().find((r) => r.span.name.startsWith('query StartAgencies__powers'));
    for (const end = performance.now() + 60_000; performance.now() < end && !powers();) await new Promise((r) => setTimeout(r, 100));
    expect(powers()).toMatchObject({ service: 'sanxiang-powers', scope: '@opentelemetry/instrumentation-http' });
    expect(attr(powers()!, 'http.request.method')).toEqual({ stringValue: 'POST' });
    expect(Number(Object.values(attr(powers()!, 'http.response.status_code') ?? {})[0])).toBe(200);
    // Every span of the trace carries the service it ran in: the gateway's client span the gateway's, powers' SQL powers'.
    const sql = inTrace().filter(isSql);
    expect(sql.length).toBeGreaterThan(0);
    expect(new Set(sql.map((r) => r.service))).toEqual(new Set(['sanxiang-powers']));
    expect(new Set(inTrace().map((r) => r.service))).toEqual(new Set(['sanxiang-gateway', 'sanxiang-powers']));
    // The seeding's requests (cases → powers over HTTP) were traced too, each under its own service's name; no request
    // span carries the process-wide fallback `sanxiang`.
    const services = new Set(received.filter((r) => r.scope === '@opentelemetry/instrumentation-http').map((r) => r.service));
    expect(services.has('sanxiang')).toBe(false);
    expect(services.has('sanxiang-powers')).toBe(true);
  });
});
