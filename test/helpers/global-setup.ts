import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withServerConnection } from '../../kernel/db.js';

// One unique database prefix and one throwaway key folder per test run; everything is dropped afterwards.
export default async function setup() {
  const prefix = `sxt_${Date.now().toString(36)}_${process.pid}`;
  const keyDir = mkdtempSync(join(tmpdir(), 'sanxiang-test-keys-'));
  const usageDir = mkdtempSync(join(tmpdir(), 'sanxiang-test-usage-'));
  process.env.SANXIANG_TEST_PREFIX = prefix;
  process.env.SANXIANG_KEY_DIR = keyDir;
  process.env.FIELD_USAGE_DIR = usageDir; // test gateways count field usage there, not in the project's .usage/
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  // Suites share a 2-core machine with other work: a subgraph answering slowly is not what they test. The
  // timeout itself is tested with its own setting (edge.test.ts); per-subgraph <NAME>_TIMEOUT_MS still wins.
  process.env.SUBGRAPH_TIMEOUT_MS ??= '30000';
  // The same for the database pools' hang guards (issue 27's 10 s acquire, 30 s statement): a suite's burst of requests
  // on a loaded machine may queue for a pooled connection longer than production's default with nothing wrong. The
  // timeouts themselves are tested with their own settings (test/subgraph/hung-node.test.ts).
  process.env.DB_ACQUIRE_TIMEOUT_MS ??= '120000';
  process.env.DB_QUERY_TIMEOUT_MS ??= '300000';
  // Suites write rows straight into the databases to prove that tampering is detected, and read them back anonymously
  // at once: a gateway keeping public answers for 10 s would hide that. The public cache is tested with its own setting
  // (public-cache.test.ts).
  process.env.PUBLIC_CACHE_TTL_S ??= '0';
  const url = process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306';
  await withServerConnection(url, (c) => c.query('SELECT 1')); // fail fast with the fix-it message
  return async () => {
    await withServerConnection(url, async (c) => {
      const [rows] = await c.query('SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?', [`${prefix}%`]);
      for (const { name } of rows as { name: string }[]) await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      // Accounts a suite created (open*Db: <prefix>_admin, <prefix>_<name>_svc) and did not drop itself.
      const [users] = await c.query('SELECT User AS user, Host AS host FROM mysql.user WHERE User LIKE ?', [`${prefix}%`]);
      for (const u of users as { user: string; host: string }[]) await c.query('DROP USER IF EXISTS ?@?', [u.user, u.host]);
    });
    rmSync(keyDir, { recursive: true, force: true });
    rmSync(usageDir, { recursive: true, force: true });
  };
}
