import net from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import DataLoader from 'dataloader';
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { GraphQLError, locatedError } from 'graphql';
import mysql from 'mysql2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayFormatError } from '../../gateway/server.js';
import { clientErrorFor } from '../../kernel/errors.js';
import { createLogger } from '../../kernel/logger.js';
import { maskError } from '../../kernel/server.js';

// Issue 27: every database condition a hung, cut, non-primary or overloaded node can produce reaches the client as
// UPSTREAM_UNAVAILABLE with a reason in Chinese — never INTERNAL_SERVER_ERROR — however it is wrapped (drizzle's
// DrizzleQueryError, GraphQL's located error, a DataLoader or a retry policy rethrowing it, an AggregateError), in
// a subgraph (maskError) and in the gateway (gatewayFormatError). No database needed: the server errors are built
// exactly as mysql2 builds them from an ERR packet (code from mysql2's own errno table, which has no name for
// MariaDB-only numbers such as 1927), the connection errors come from mysql2 itself against local sockets.

const require = createRequire(import.meta.url);
// mysql2 exports no subpaths: its errno → code table read by file (what Packet.asError uses).
const mysqlNames = require(join(dirname(require.resolve('mysql2')), 'lib/constants/errors.js')) as Record<number, string>;

/** A server refusal as mysql2's Packet.asError makes it. */
function serverError(errno: number, sqlMessage: string, sqlState = 'HY000'): Error {
  return Object.assign(new Error(sqlMessage), { code: mysqlNames[errno], errno, sqlState, sqlMessage });
}

/** An error mysql2 raises on the client side (network, protocol, pool), shaped as it raises them. */
const clientSide = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), extra);

const CLASSES: [string, () => Error][] = [
  ['1047 non-Primary / not ready (WSREP has not yet prepared node)', () => serverError(1047, 'WSREP has not yet prepared node for application use', '08S01')],
  ['1180 error during COMMIT', () => serverError(1180, 'Got error 6 "No such device or address" during COMMIT')],
  ['1205 lock wait timeout', () => serverError(1205, 'Lock wait timeout exceeded; try restarting transaction')],
  ['1213 deadlock / certification failure', () => serverError(1213, 'Deadlock found when trying to get lock; try restarting transaction', '40001')],
  ['1040 too many connections (ER_CON_COUNT_ERROR)', () => serverError(1040, 'Too many connections', '08004')],
  ['1053 server shutdown in progress', () => serverError(1053, 'Server shutdown in progress', '08S01')],
  ['1927 connection killed (MariaDB, no mysql2 name)', () => serverError(1927, 'Connection was killed', '70100')],
  ['1317 query interrupted', () => serverError(1317, 'Query execution was interrupted', '70100')],
  ['1969 max_statement_time (MariaDB)', () => serverError(1969, 'Query execution was interrupted (max_statement_time exceeded)', '70100')],
  ['1158 network read error', () => serverError(1158, 'Got an error reading communication packets', '08S01')],
  ['2013 lost connection during query (client-side number)', () => serverError(2013, 'Lost connection to server during query')],
  ['2006 server has gone away (client-side number)', () => serverError(2006, 'MySQL server has gone away')],
  ['PROTOCOL_CONNECTION_LOST', () => clientSide('Connection lost: The server closed the connection.', { code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
  [
    'PROTOCOL_SEQUENCE_TIMEOUT (kernel/db.ts statement timeout)',
    () => clientSide('Query inactivity timeout (30000 ms)', { code: 'PROTOCOL_SEQUENCE_TIMEOUT', fatal: true }),
  ],
  ['ECONNRESET', () => clientSide('read ECONNRESET', { code: 'ECONNRESET', errno: -104, syscall: 'read', fatal: true })],
  ['EPIPE', () => clientSide('write EPIPE', { code: 'EPIPE', errno: -32, syscall: 'write', fatal: true })],
  ['ETIMEDOUT (connect)', () => clientSide('connect ETIMEDOUT', { code: 'ETIMEDOUT', errorno: 'ETIMEDOUT', syscall: 'connect', fatal: true })],
  ['ECONNREFUSED', () => clientSide('connect ECONNREFUSED 127.0.0.1:3307', { code: 'ECONNREFUSED', errno: -111, syscall: 'connect', fatal: true })],
  ["Can't add new command when connection is in closed state", () => clientSide("Can't add new command when connection is in closed state", { fatal: true })],
  ["Can't write in closed state", () => clientSide("Can't write in closed state")],
  ['Pool is closed', () => clientSide('Pool is closed.')],
  ['No connections available', () => clientSide('No connections available.')],
  ['Queue limit reached', () => clientSide('Queue limit reached.')],
  ['POOL_ACQUIRE_TIMEOUT (kernel/db.ts)', () => clientSide('等待数据库连接超时 (no pooled connection within 10000 ms)', { code: 'POOL_ACQUIRE_TIMEOUT' })],
  ['a fatal protocol error', () => clientSide('Unexpected packet while no commands in the queue', { code: 'PROTOCOL_UNEXPECTED_PACKET', fatal: true })],
];

/** The ways an error travels from the driver to Apollo's formatError. */
const WRAPPERS: [string, (e: Error) => Promise<unknown>][] = [
  ['as thrown', async (e) => e],
  ['in drizzle’s DrizzleQueryError', async (e) => new DrizzleQueryError('select `id` from `cases` where `idempotency_key` = ?', ['officer-sun:k1'], e)],
  ['drizzle’s rollback failing after it (the connection is gone)', async (e) => new DrizzleQueryError('rollback', [], e)],
  ['located by graphql-js (originalError)', async (e) => locatedError(new DrizzleQueryError('insert into `record_entries` …', [], e), undefined, ['fileCase'])],
  [
    'rethrown by a DataLoader',
    async (e) => {
      const loader = new DataLoader<string, unknown>(async () => Promise.reject(new DrizzleQueryError('select …', [], e)), { cache: false });
      return loader.load('x').then(
        () => new Error('the loader did not fail'),
        (err: unknown) => err,
      );
    },
  ],
  [
    'rethrown by a retry policy that ran out',
    async (e) => {
      const policy = retry(handleAll, { maxAttempts: 1, backoff: new ExponentialBackoff({ initialDelay: 1, maxDelay: 1 }) });
      return policy
        .execute(() => Promise.reject(e))
        .then(
          () => new Error('the policy did not fail'),
          (err: unknown) => err,
        );
    },
  ],
  ['in an AggregateError', async (e) => new AggregateError([e], 'all hosts failed')],
  ['as the cause of our own Error', async (e) => new Error('append failed', { cause: e })],
];

const HAN = /[\u4e00-\u9fff]/;

describe('database-unavailable errors: UPSTREAM_UNAVAILABLE with a Chinese reason, however wrapped', () => {
  for (const [name, make] of CLASSES) {
    it(name, async () => {
      for (const [how, wrap] of WRAPPERS) {
        const mapped = clientErrorFor(await wrap(make()), 'cases');
        expect(mapped?.extensions, `${name} ${how}`).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'cases' });
        expect(mapped!.message, `${name} ${how}`).toMatch(HAN);
        expect(String(mapped!.extensions.reason), `${name} ${how}`).toMatch(HAN);
      }
    });
  }

  it('leaves a genuine internal error internal, and a refused value the client’s', () => {
    expect(clientErrorFor(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
    expect(clientErrorFor(new DrizzleQueryError('select …', [], new RangeError('Invalid time value')))).toBeNull();
    expect(clientErrorFor(serverError(1062, "Duplicate entry 'x' for key 'cases_idem'"))).toBeNull();
    expect(
      clientErrorFor(new DrizzleQueryError('insert …', [], serverError(1406, "Data too long for column 'party_name' at row 1")))?.extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'partyName',
    });
  });
});

describe('the errors mysql2 itself raises when a node refuses, goes silent or cuts the connection', () => {
  const servers: net.Server[] = [];
  const listen = async (onConnection: (s: net.Socket) => void) => {
    const server = net.createServer(onConnection);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return (server.address() as net.AddressInfo).port;
  };
  const failureOf = (opts: mysql.ConnectionOptions) =>
    new Promise<{ first: unknown; next: unknown }>((resolve) => {
      const conn = mysql.createConnection({ host: '127.0.0.1', user: 'x', ...opts });
      conn.on('error', () => undefined);
      conn.query('SELECT 1', (first) => conn.query('SELECT 1', (next) => resolve({ first, next })));
    });
  let refusedPort = 0;
  beforeAll(async () => {
    refusedPort = await listen(() => undefined);
    await new Promise<void>((r) => servers.pop()!.close(() => r()));
  });
  afterAll(() => {
    for (const s of servers) s.close();
  });

  const expectUnavailable = (err: unknown) => {
    expect(err, 'mysql2 failed').toBeInstanceOf(Error);
    expect(clientErrorFor(err, 'powers')?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'powers' });
    expect(clientErrorFor(new DrizzleQueryError('select 1', [], err as Error), 'powers')?.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
  };

  it('a node that refuses the connection, and the command sent after it on the closed connection', async () => {
    const { first, next } = await failureOf({ port: refusedPort });
    expect((first as { code?: string }).code).toBe('ECONNREFUSED');
    expectUnavailable(first);
    expect((next as Error).message).toMatch(/closed state/);
    expectUnavailable(next);
  });

  it('a node that accepts and never greets (SIGSTOPped): connect ETIMEDOUT', async () => {
    const port = await listen(() => undefined);
    const { first, next } = await failureOf({ port, connectTimeout: 200 });
    expect((first as { code?: string }).code).toBe('ETIMEDOUT');
    expectUnavailable(first);
    expectUnavailable(next);
  });

  it('a node that cuts the connection (reset or closed)', async () => {
    const closing = await listen((s) => s.end());
    expectUnavailable((await failureOf({ port: closing })).first);
    const resetting = await listen((s) => s.resetAndDestroy());
    expectUnavailable((await failureOf({ port: resetting })).first);
  });

  it('a pool that was closed', async () => {
    const pool = mysql.createPool({ host: '127.0.0.1', port: refusedPort, user: 'x' });
    await new Promise<void>((r) => pool.end(() => r()));
    const err = await new Promise<unknown>((r) => pool.query('SELECT 1', (e) => r(e)));
    expect((err as Error).message).toMatch(/Pool is closed/);
    expectUnavailable(err);
  });
});

describe('the formatters that use the mapping', () => {
  const silent = createLogger('test', 'fatal');
  const cut = () => new DrizzleQueryError('select …', [], serverError(1927, 'Connection was killed', '70100'));

  it("a subgraph's formatError (maskError) answers UPSTREAM_UNAVAILABLE with the service and a Chinese message", () => {
    const error = locatedError(cut(), undefined, ['fileCase']);
    const out = maskError(silent, 'cases')({ message: error.message, path: ['fileCase'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
    expect(out.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'cases' });
    expect(out.message).toMatch(HAN);
    expect(out.message).not.toContain('select');
  });

  it("the gateway's formatError: a subgraph's UPSTREAM_UNAVAILABLE passes as is; its own database error is mapped too", () => {
    const format = gatewayFormatError(silent);
    const fromSubgraph = new GraphQLError('数据库暂不可用', { extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'cases' } });
    expect(format({ message: fromSubgraph.message, extensions: fromSubgraph.extensions }, fromSubgraph).extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      serviceName: 'cases',
    });
    const own = locatedError(cut(), undefined, ['x']);
    const out = format({ message: own.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, own);
    expect(out.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(out.message).toMatch(HAN);
  });
});
