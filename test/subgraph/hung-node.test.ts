import net from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectDb, hostsInOrder, parseServerUrl } from '../../kernel/db.js';
import { downReason } from '../../kernel/db-health.js';
import { clientErrorFor } from '../../kernel/errors.js';

// Issue 27: a database node that accepts TCP connections but never answers — what a SIGSTOPped mariadbd looks like
// (the kernel completes the handshake from its backlog) — is marked down and skipped. Here the "nodes" are TCP
// proxies in front of the real MariaDB that can be made to hang (stop forwarding, in both directions), or a listener
// that never greets.

const real = new URL((process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306').split(',')[0]!);
const realHost = `${real.hostname}:${real.port || 3306}`;
const sockets = new Set<net.Socket>();
const servers: net.Server[] = [];
const savedEnv = { ...process.env };

afterEach(() => {
  for (const k of ['DB_HOST_ORDER', 'DB_QUERY_TIMEOUT_MS', 'DB_ACQUIRE_TIMEOUT_MS', 'DB_PROBE_INTERVAL_MS']) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
}

/** A "node": forwards to the real server until hung; hung, it keeps every connection open and answers nothing. */
async function proxyNode() {
  const node = { hung: false, connections: 0, port: 0 };
  node.port = await listen(
    net.createServer((client) => {
      node.connections++;
      sockets.add(client);
      const up = net.connect(Number(real.port || 3306), real.hostname);
      sockets.add(up);
      client.on('error', () => undefined);
      up.on('error', () => undefined);
      client.on('data', (d) => void (node.hung || up.write(d)));
      up.on('data', (d) => void (node.hung || client.write(d)));
      client.on('close', () => up.destroy());
      up.on('close', () => client.destroy());
    }),
  );
  return node;
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (err: { code?: string }) => err.code ?? 'error',
  );

describe('a hung database node', () => {
  it('is skipped after its first connection timed out: queries answer on the next node', async () => {
    const hung = net.createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
    });
    const hungPort = await listen(hung);
    const url = `mysql://root@127.0.0.1:${hungPort},${realHost}`;
    process.env.DB_HOST_ORDER = 'listed';
    const db = connectDb(url, 'mysql', {});
    try {
      // The first connection goes to the hung node and times out (connectTimeout); it is then marked down.
      expect(['answered', 'ETIMEDOUT']).toContain(await codeOf(db.pool.query('SELECT 1 AS one')));
      // The socket's close (which marks the node down) follows the timeout error by a moment.
      for (let i = 0; i < 50 && hostsInOrder(parseServerUrl(url))[0]!.port === hungPort; i++) await new Promise((r) => setTimeout(r, 20));
      expect(hostsInOrder(parseServerUrl(url))[0]!.port).toBe(Number(real.port || 3306));
      const [rows] = await db.pool.query<any[]>('SELECT 1 AS one');
      expect(rows[0].one).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('a refused first choice costs no request: the connection is opened on the next node', async () => {
    const closed = net.createServer();
    const closedPort = await listen(closed);
    await new Promise((r) => closed.close(r));
    servers.splice(servers.indexOf(closed), 1);
    process.env.DB_HOST_ORDER = 'listed';
    const db = connectDb(`mysql://root@127.0.0.1:${closedPort},${realHost}`, 'mysql', {});
    try {
      const [rows] = await db.pool.query<any[]>('SELECT 1 AS one');
      expect(rows[0].one).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('that hangs while the pool has connections on it: the probe marks it down, cuts them, and the next queries answer on another node', async () => {
    const node = await proxyNode();
    const url = `mysql://root@127.0.0.1:${node.port},${realHost}`;
    // Only the probe can end the hung statement here (no statement timeout within the test's hang guard).
    process.env.DB_QUERY_TIMEOUT_MS = '600000';
    process.env.DB_HOST_ORDER = 'listed';
    const db = connectDb(url, 'mysql', {});
    try {
      const [before] = await db.pool.query<any[]>('SELECT @@port AS port, CONNECTION_ID() AS id');
      expect(node.connections).toBeGreaterThan(0);
      node.hung = true;
      // The pooled connection is on the hung node: this statement gets no answer until the probe cuts it.
      const inFlight = await codeOf(db.pool.query('SELECT 1'));
      expect(inFlight).toBe('PROTOCOL_CONNECTION_LOST');
      expect(downReason({ host: '127.0.0.1', port: node.port })).toMatch(/no answer|probe failed/);
      // Refused clearly, not as an internal error.
      expect(clientErrorFor(Object.assign(new Error('Connection lost: 数据库节点不可用'), { code: 'PROTOCOL_CONNECTION_LOST' }))?.extensions.code).toBe(
        'UPSTREAM_UNAVAILABLE',
      );
      const [after] = await db.pool.query<any[]>('SELECT CONNECTION_ID() AS id');
      expect(after[0].id).not.toBe(before[0].id);
      expect(hostsInOrder(parseServerUrl(url))[0]!.port).toBe(Number(real.port || 3306));
    } finally {
      await db.close();
    }
  });

  it('a statement that gets no answer within DB_QUERY_TIMEOUT_MS fails (and frees the pool) even with one host', async () => {
    const node = await proxyNode();
    process.env.DB_QUERY_TIMEOUT_MS = '500';
    const db = connectDb(`mysql://root@127.0.0.1:${node.port}`, 'mysql', {}, { connectionLimit: 1 });
    try {
      await db.pool.query('SELECT 1');
      node.hung = true;
      expect(await codeOf(db.pool.query('SELECT 1'))).toBe('PROTOCOL_SEQUENCE_TIMEOUT');
      expect(clientErrorFor(Object.assign(new Error('Query inactivity timeout'), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' }))?.extensions.code).toBe(
        'UPSTREAM_UNAVAILABLE',
      );
      node.hung = false;
      // The cut connection left the pool: the next statement gets a new one.
      const [rows] = await db.pool.query<any[]>('SELECT 2 AS two');
      expect(rows[0].two).toBe(2);
    } finally {
      await db.close();
    }
  });

  it('a request waits at most DB_ACQUIRE_TIMEOUT_MS for a pooled connection', async () => {
    process.env.DB_ACQUIRE_TIMEOUT_MS = '300';
    const db = connectDb(`mysql://root@${realHost}`, 'mysql', {}, { connectionLimit: 1 });
    try {
      const held = await db.pool.getConnection();
      const code = await codeOf(db.pool.query('SELECT 1'));
      expect(code).toBe('POOL_ACQUIRE_TIMEOUT');
      expect(clientErrorFor(Object.assign(new Error('x'), { code }))?.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
      held.release();
      const [rows] = await db.pool.query<any[]>('SELECT 3 AS three');
      expect(rows[0].three).toBe(3);
    } finally {
      await db.close();
    }
  });
});

describe('pools over several healthy nodes', () => {
  it('spread: the pools of a process with the same DATABASE_URL do not all use the first node', async () => {
    const nodes = [await proxyNode(), await proxyNode(), await proxyNode()];
    const url = `mysql://root@${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}`;
    const dbs = [0, 1, 2].map(() => connectDb(url, 'mysql', {}));
    const ports = dbs.map(() => new Set<number>());
    dbs.forEach((db, i) => db.pool.on('connection', (c) => void ports[i]!.add((c as unknown as { stream: net.Socket }).stream.remotePort!)));
    try {
      for (const db of dbs) await db.pool.query('SELECT 1');
      // Each pool's first choice is another node, and its connection went there.
      const first = ports.map((p) => [...p][0]);
      expect(new Set(first).size).toBe(3);
      expect(first.every((p) => nodes.some((n) => n.port === p))).toBe(true);
    } finally {
      for (const db of dbs) await db.close();
    }
  });
});
