import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { drainSettings } from '../../kernel/drain.js';
import { loadKeyMaterial, signInternalToken, type KeyMaterial } from '../../kernel/identity.js';
import { createLogger } from '../../kernel/logger.js';
import { startSubgraph } from '../../kernel/server.js';

// Graceful drain of a subgraph (issue 29, point 2), on the project's own server module: /ready turns false first,
// requests are still served (with `Connection: close`), and closing waits for the one in flight.

let keys: KeyMaterial;
beforeAll(async () => {
  keys = await loadKeyMaterial(process.env.SANXIANG_KEY_DIR!);
});

const request = (url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });

describe('drain settings', () => {
  it('drains 5 s on SIGTERM by default, not at all on Ctrl-C, and refuses a value that is not seconds', () => {
    expect(drainSettings('SIGTERM', {})).toEqual({ drainMs: 5000, graceMs: 10_000 });
    expect(drainSettings('SIGTERM', { SHUTDOWN_DRAIN_SECONDS: '1.5', SHUTDOWN_GRACE_SECONDS: '2' })).toEqual({ drainMs: 1500, graceMs: 2000 });
    expect(drainSettings('SIGINT', { SHUTDOWN_DRAIN_SECONDS: '30' }).drainMs).toBe(0);
    expect(() => drainSettings('SIGTERM', { SHUTDOWN_DRAIN_SECONDS: 'soon' })).toThrow(/SHUTDOWN_DRAIN_SECONDS/);
  });
});

describe('a draining subgraph', () => {
  it('says not ready, keeps serving with Connection: close, and answers the request in flight before it closes', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inResolver = new Promise<void>((resolve) => (entered = resolve));
    const service = await startSubgraph({
      name: 'drainprobe',
      typeDefs: parse('type Query { slow: String! fast: String! }'),
      resolvers: {
        Query: {
          slow: async () => {
            entered();
            await held;
            return 'done';
          },
          fast: () => 'ok',
        },
      },
      keys,
      log: createLogger('drainprobe', 'silent'),
      port: 0,
      ready: async () => true,
      context: (base) => base,
      metricsEnabled: false,
    });
    const token = await signInternalToken(keys, { subject: 'gateway', role: 'PUBLIC', agencyId: null, officerId: null }, 'drain-test', 'drainprobe');
    const gql = (query: string) =>
      request(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
    const ready = () => request(service.url.replace('/graphql', '/ready'));

    expect((await ready()).status).toBe(200);
    const slow = gql('{ slow }');
    await Promise.race([inResolver, slow.then((r) => Promise.reject(new Error(`answered before the resolver ran: ${r.status} ${r.body}`)))]);
    service.drain!();
    const notReady = await ready();
    expect([notReady.status, notReady.connection]).toEqual([503, 'close']);
    const served = await gql('{ fast }');
    expect([served.status, served.connection, JSON.parse(served.body)]).toEqual([200, 'close', { data: { fast: 'ok' } }]);

    // Closing waits for the slow request: it is answered in full, then the port stops accepting.
    let closed = false;
    const closing = service.close(60_000).then(() => (closed = true));
    await expect.poll(() => request(service.url.replace('/graphql', '/health')).catch((e: NodeJS.ErrnoException) => e.code)).toBe('ECONNREFUSED');
    expect(closed).toBe(false);
    release();
    const answer = await slow;
    expect([answer.status, JSON.parse(answer.body)]).toEqual([200, { data: { slow: 'done' } }]);
    await closing;
  });
});
