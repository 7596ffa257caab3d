import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphClient } from '../../kernel/subgraph-client.js';
import { startTestSystem, type TestSystem } from '../helpers/system.js';

// Issue 27, point 6: an internal subgraph-to-subgraph read is sent again once when the connection closes under it
// (a keep-alive connection closed just as it was reused, or a replica killed mid-answer); a mutation is not.
// Between the client and the real `powers` subgraph: a TCP relay that cuts the first N connections once the
// request has arrived (no answer, or half an answer), then relays faithfully.

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => sys?.stop());

async function cuttingRelay(target: string, cut: number, halfAnswer = false) {
  const { hostname, port } = new URL(target);
  const seen = { connections: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const n = ++seen.connections;
    const upstream = net.connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => (client.destroy(), upstream.destroy()));
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream);
    if (n > cut) return void upstream.pipe(client);
    if (!halfAnswer) return void client.once('data', () => setTimeout(() => (client.destroy(), upstream.destroy()), 20));
    // Headers and the first bytes of the body, then the socket closes (a response cut mid-body).
    upstream.once('data', (d: Buffer) => {
      client.write(d.subarray(0, Math.max(1, d.length - 10)));
      setTimeout(() => (client.destroy(), upstream.destroy()), 20);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}${new URL(target).pathname}`;
  const close = () => {
    for (const s of sockets) s.destroy();
    return new Promise((r) => server.close(r));
  };
  return { url, seen, close };
}

const READ = `query ClientTestAgency($id: ID!) { agency(id: $id) { id } }`;

describe('internal reads across a closed connection', () => {
  it('a read is retried once when the connection closes before the answer, and when the answer is cut mid-body', async () => {
    for (const half of [false, true]) {
      const relay = await cuttingRelay(sys.powers.url, 1, half);
      const client = createSubgraphClient({ name: 'powers', service: 'cases', url: () => relay.url, keys: sys.keys });
      const r = await client.query<{ agency: { id: string } | null }>(READ, { id: sys.agencyId('midong-cgj') });
      expect(r.agency?.id).toBe(sys.agencyId('midong-cgj'));
      expect(relay.seen.connections).toBe(2);
      await relay.close();
    }
  });

  it('only once: a second close is UPSTREAM_UNAVAILABLE; a mutation is never sent again', async () => {
    const relay = await cuttingRelay(sys.powers.url, 5);
    const client = createSubgraphClient({ name: 'powers', service: 'cases', url: () => relay.url, keys: sys.keys });
    await expect(client.query(READ, { id: sys.agencyId('midong-cgj') })).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(relay.seen.connections).toBe(2);
    relay.seen.connections = 0;
    await expect(client.query(`mutation ClientTestMutation { __typename }`)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(relay.seen.connections).toBe(1);
    await relay.close();
  });
});
