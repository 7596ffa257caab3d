import { randomBytes } from 'node:crypto';
import { loadConfig } from '../kernel/config.js';
import { dropDatabase } from '../kernel/db.js';
import { scopeOf } from '../kernel/statistics.js';
import { openCasesDb } from '../subgraphs/cases/service.js';
import { caseIndicatorSql } from '../subgraphs/cases/statistics.js';
import { sql as q_ } from 'drizzle-orm';
import { MySqlDialect } from 'drizzle-orm/mysql-core';

// `npx tsx scripts/explain-statistics.ts [rows]` — the query plan of the heaviest indicator (decisions by
// outcome: the decided-in-period range joined to proposals, JSON outcome, GROUP BY month) on a scratch
// database filled with synthetic rows (MariaDB's SEQUENCE engine), for docs/indicators.md. Drops it afterwards.

const rows = Number(process.argv[2] ?? 200_000);
const config = loadConfig({ ...process.env, DB_PREFIX: `sxexplain_${randomBytes(3).toString('hex')}` });
const db = await openCasesDb(config);
const q = (s: string) => db.pool.query(s);
try {
  const agencies = 20;
  // Synthetic cases over 2023–2026, 20 agencies, 80 % decided; one proposal per decided case.
  await q(`INSERT INTO cases (id, agency_id, case_number, case_year, case_seq, case_type, \`procedure\`, power_item_code, power_item_version_id,
      power_item_version_no, enforcement_area, party_id, handling_officer_ids, source, facts_summary, state, filed_on, decision_due_on, decided_on,
      decision_proposal_id, party_present_at_decision, version, created_by, created_at, updated_at)
    SELECT LPAD(seq, 26, '0'), CONCAT('AG', LPAD(seq % ${agencies}, 24, '0')), CONCAT('N', seq), 2023 + seq % 4, seq, ELT(1 + seq % 3, 'PENALTY', 'LICENSING', 'COERCION'),
      'GENERAL', 'X', 'V', 1, 'A', LPAD(seq, 26, '0'), '[]', '{"kind":"OTHER","reference":null}', '-', IF(seq % 5 = 0, 'INVESTIGATING', 'DECIDED'),
      DATE('2023-01-01') + INTERVAL seq % 1400 DAY, DATE('2023-01-01') + INTERVAL (seq % 1400) + 90 DAY,
      IF(seq % 5 = 0, NULL, DATE('2023-01-01') + INTERVAL (seq % 1400) + (seq % 120) DAY), IF(seq % 5 = 0, NULL, LPAD(seq, 26, 'P')), 1, 1, 'x', NOW(), NOW()
    FROM seq_1_to_${rows}`);
  await q(`INSERT INTO decision_proposals (id, case_id, content, content_hash, fine_amount, checks, review_required, review_reasons, created_by, created_at)
    SELECT LPAD(seq, 26, 'P'), LPAD(seq, 26, '0'),
      CONCAT('{"outcome":"', ELT(1 + seq % 3, 'PENALTY', 'NO_PENALTY_MINOR', 'OTHER'), '","confiscationAmount":', IF(seq % 7 = 0, '"100.00"', 'null'), '}'),
      REPEAT('a', 64), IF(seq % 3 = 0, 500, NULL), '{}', seq % 2, '[]', 'x', NOW()
    FROM seq_1_to_${rows} WHERE seq % 5 <> 0`);
  await q('ANALYZE TABLE cases, decision_proposals');
  const dialect = new MySqlDialect();
  for (const filter of [
    { agencyId: `AG${'0'.repeat(23)}7`, from: '2026-01-01', to: '2026-06-30', groupBy: 'MONTH' },
    { agencyId: null, from: '2026-01-01', to: '2026-06-30', groupBy: 'MONTH' },
  ]) {
    const s = scopeOf(filter);
    const { sql, params } = dialect.sqlToQuery(
      caseIndicatorSql.decided(s, q_`JSON_UNQUOTE(JSON_EXTRACT(p.content, '$.outcome')) AS k, COUNT(*) AS n`, q_`, k`),
    );
    const [plan] = await db.pool.query(`EXPLAIN ${sql}`, params);
    console.log(`\n-- ${rows} cases; filter ${JSON.stringify(filter)}\n${sql.replace(/\s+/g, ' ').trim()}\n-- params ${JSON.stringify(params)}`);
    for (const r of plan as Record<string, unknown>[]) {
      console.log(`id=${r.id} table=${r.table} type=${r.type} key=${r.key} key_len=${r.key_len} ref=${r.ref ?? 'NULL'} rows=${r.rows} Extra=${r.Extra}`);
    }
    const started = Date.now();
    const [result] = await db.pool.query(sql, params);
    console.log(`-- ${(result as unknown[]).length} groups in ${Date.now() - started} ms`);
  }
} finally {
  await db.close();
  await dropDatabase(config.databaseUrl, config.databaseName('cases'));
}
