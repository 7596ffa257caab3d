import { loadConfigOrExit } from '../kernel/config.js';
import { beijingDate } from '../kernel/clock.js';
import { withServerConnection } from '../kernel/db.js';

// npx tsx scripts/dump-databases.ts > dump.json: the loaded content of the powers, cases and reviews databases
// (DB_PREFIX) as sorted JSON, one row a line, with what differs from one load of the same data to the next taken
// out, so two loads can be compared with `diff` (README: checking a change to data/demo or to the loader):
// - ids made at random (ULIDs) become ID#n by their order (they are monotonic: the order of the acts);
// - instants the pinned clock stamps (09:00 plus elapsed time) keep only their Beijing date;
// - hashes that cover those (a proposal's hash covers its case id; the record log's hash, MAC and links);
// - rows made on a timer (signed checkpoints, the lease) and the migration journal are left out.

const TABLES_LEFT_OUT = ['__drizzle_migrations', 'record_checkpoints', 'sanxiang_leases'];
const COLUMNS_LEFT_OUT = ['hash', 'mac', 'prev_case_hash', 'prev_global_hash'];
const INSTANT_COLUMNS = ['created_at', 'updated_at', 'recorded_at', 'submitted_at', 'assigned_at', 'concluded_at'];
const ULID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;
/** Stable ids derive from keys in the data (data/loader/ids.ts): kept as they are. */
const STABLE = '01KDEM00';

const config = loadConfigOrExit();
const raw: Record<string, Record<string, unknown>[]> = {};
await withServerConnection(config.databaseUrl, async (c) => {
  for (const name of ['powers', 'cases', 'reviews'] as const) {
    const db = config.databaseName(name);
    const [tables] = (await c.query('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ?', [db])) as unknown as [{ t: string }[]];
    for (const { t } of tables.filter(({ t }) => !TABLES_LEFT_OUT.includes(t))) {
      const [rows] = (await c.query(`SELECT * FROM \`${db}\`.\`${t}\``)) as unknown as [Record<string, unknown>[]];
      raw[`${name}.${t}`] = rows.map((r) =>
        Object.fromEntries(
          Object.entries(r)
            .filter(([k]) => !COLUMNS_LEFT_OUT.includes(k))
            .map(([k, v]) => [
              k,
              v instanceof Date ? (INSTANT_COLUMNS.includes(k) ? `${beijingDate(v)}T*` : v.toISOString()) : Buffer.isBuffer(v) ? v.toString('hex') : v,
            ]),
        ),
      );
    }
  }
});

let text = JSON.stringify(raw);
const ids = [...new Set(text.match(ULID) ?? [])].filter((s) => !s.startsWith(STABLE)).sort();
const label = new Map(ids.map((id, i) => [id, `ID#${i}`]));
text = text.replace(ULID, (m) => label.get(m) ?? m);
for (const p of raw['cases.decision_proposals'] ?? []) text = text.replaceAll(String(p.content_hash), '<proposal-hash>');
// The review's approval instant, copied into the decision's record entry.
text = text.replace(/(\\"approvedAt\\":\\"\d{4}-\d{2}-\d{2})T[0-9:.]+Z/g, '$1T*');
const dump = JSON.parse(text) as Record<string, Record<string, unknown>[]>;
const out = Object.keys(dump)
  .sort()
  .map(
    (k) =>
      `${JSON.stringify(k)}: [\n${dump[k]!.map((r) => `  ${JSON.stringify(r)}`)
        .sort()
        .join(',\n')}\n]`,
  );
process.stdout.write(`{\n${out.join(',\n')}\n}\n`);
