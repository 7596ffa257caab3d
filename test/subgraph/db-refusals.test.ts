import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientErrorFor } from '../../kernel/errors.js';

// A database that refuses this service's account or its writes — a locked account, revoked privileges, a
// read-only transaction or server — is UPSTREAM_UNAVAILABLE for the client (issue 29), never INTERNAL_SERVER_ERROR.
// The errors are the real server's (MariaDB), as mysql2 hands them over.

const tag = `${process.env.SANXIANG_TEST_PREFIX ?? 'sanxiang_test'}_refusal_${randomBytes(3).toString('hex')}`.slice(0, 60);
const user = `u${randomBytes(6).toString('hex')}`;
const password = randomBytes(12).toString('hex');
let root: mysql.Connection;

const connectAs = () => mysql.createConnection({ host: '127.0.0.1', port: 3306, user, password, database: tag });
async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('the database did not refuse');
}

beforeAll(async () => {
  root = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
  await root.query(`CREATE DATABASE \`${tag}\``);
  await root.query(`CREATE TABLE \`${tag}\`.t (id INT PRIMARY KEY)`);
  await root.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  await root.query(`GRANT SELECT, INSERT ON \`${tag}\`.t TO '${user}'@'%'`);
});
afterAll(async () => {
  await root?.query(`DROP USER IF EXISTS '${user}'@'%'`);
  await root?.query(`DROP DATABASE IF EXISTS \`${tag}\``);
  await root?.end();
});

const unavailable = (err: unknown) => clientErrorFor(err, 'cases')?.extensions;

describe('database refusals are UPSTREAM_UNAVAILABLE', () => {
  it('a read-only transaction', async () => {
    const c = await connectAs();
    try {
      await c.query('START TRANSACTION READ ONLY');
      const err = await caught(c.query('INSERT INTO t VALUES (1)'));
      expect(unavailable(err)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'cases' });
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
  });

  it('a privilege revoked while connected (table privileges take effect at once)', async () => {
    const c = await connectAs();
    try {
      await root.query(`REVOKE INSERT ON \`${tag}\`.t FROM '${user}'@'%'`);
      const err = await caught(c.query('INSERT INTO t VALUES (2)'));
      expect(unavailable(err)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    } finally {
      await root.query(`GRANT INSERT ON \`${tag}\`.t TO '${user}'@'%'`);
      await c.end();
    }
  });

  it('a locked account (new connections), and a wrong password', async () => {
    await root.query(`ALTER USER '${user}'@'%' ACCOUNT LOCK`);
    try {
      const locked = await caught(connectAs());
      expect((locked as { sqlMessage?: string }).sqlMessage).toMatch(/locked/i);
      expect(unavailable(locked)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    } finally {
      await root.query(`ALTER USER '${user}'@'%' ACCOUNT UNLOCK`);
    }
    const wrong = await caught(mysql.createConnection({ host: '127.0.0.1', port: 3306, user, password: 'wrong', database: tag }));
    expect(unavailable(wrong)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('but a value the database refuses stays the client’s BAD_USER_INPUT', async () => {
    const c = await connectAs();
    try {
      const err = await caught(c.query("INSERT INTO t VALUES ('x')"));
      expect(clientErrorFor(err)?.extensions.code).toBe('BAD_USER_INPUT');
    } finally {
      await c.end();
    }
  });
});
