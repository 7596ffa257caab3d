import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDb, hostsInOrder, parseServerUrl } from '../../kernel/db.js';

// Issue 27, point 4 (part): a database node that accepts TCP connections but never answers — what a SIGSTOPped
// mariadbd looks like (the kernel completes the handshake from its backlog) — is marked down once a connection to it
// times out, and the next connections go to the next node. Here the hung node is a listener that never greets.

const real = new URL((process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306').split(',')[0]!);
const sockets = new Set<net.Socket>();
const hung = net.createServer((s) => {
  sockets.add(s);
  s.on('error', () => undefined);
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => hung.close(r));
});

describe('a hung database node', () => {
  it('is skipped after its first connection timed out: queries answer on the next node', async () => {
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    const hungPort = (hung.address() as net.AddressInfo).port;
    const url = `mysql://root@127.0.0.1:${hungPort},${real.hostname}:${real.port || 3306}`;
    const db = connectDb(url, 'mysql', {});
    try {
      // The first connection goes to the hung node and times out (connectTimeout); it is then marked down.
      const first = await db.pool.query('SELECT 1 AS one').then(
        () => 'answered',
        (err: { code?: string }) => err.code ?? 'error',
      );
      expect(['answered', 'ETIMEDOUT']).toContain(first);
      // The socket's close (which marks the node down) follows the timeout error by a moment.
      for (let i = 0; i < 50 && hostsInOrder(parseServerUrl(url))[0]!.port === hungPort; i++) await new Promise((r) => setTimeout(r, 20));
      expect(hostsInOrder(parseServerUrl(url))[0]!.port).toBe(Number(real.port || 3306));
      const [rows] = await db.pool.query<any[]>('SELECT 1 AS one');
      expect(rows[0].one).toBe(1);
    } finally {
      await db.close();
    }
  });
});
