import { RECORD_LOGS as LOGS } from './ops/record-logs.js';
import type { VerifyResult } from '../kernel/records/chain.js';
import { checkRemoteWitness, witnessUrl } from '../kernel/records/remote-witness.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { DatabaseUnavailableError, connectDb } from '../kernel/db.js';

// npm run verify-records [-- --service cases|reviews|powers] [-- --case <caseId>]: check every record log (R17, issue 25),
// each with its own keys, then every logged fact against its row. Exit 0 intact, 1 tampered, 2 database unavailable.
const config = loadConfigOrExit();
const arg = (flag: string) => {
  const i = process.argv.indexOf(flag);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) {
    console.error('用法 (usage): npm run verify-records -- [--service cases|reviews|powers] [--case <caseId>]');
    process.exit(2);
  }
  return v;
};
const caseId = arg('--case');
const only = arg('--service');

if (only && !LOGS.some((l) => l.service === only)) {
  console.error(`未知的服务 (unknown service) ${only}：可选 ${LOGS.map((l) => l.service).join(', ')}`);
  process.exit(2);
}

function report(service: string, dbName: string, r: VerifyResult) {
  const scope = `${service}（${dbName}${caseId ? `，案件 ${caseId}` : ''}）`;
  if (r.ok) {
    console.log(`记录完整 (records intact): ${scope}`);
    console.log(`  已校验记录 entries checked: ${r.entriesChecked}`);
    console.log(`  已校验签名检查点 checkpoints checked: ${r.checkpointsChecked}`);
    if (!r.witnessChecked) console.log('  注意 note: 尚无签名检查点与见证文件 (no checkpoint yet: nothing for a witness to pin)');
    return 0;
  }
  const bad = r.firstBad!;
  console.error(`记录被篡改 (records tampered): ${scope}`);
  console.error(`  问题 problem: ${bad.problem}${bad.field ? ` (field ${bad.field})` : ''}`);
  console.error(`  ${bad.message}`);
  const where = [
    bad.entryId && `entry ${bad.entryId}`,
    bad.caseId && `case ${bad.caseId}`,
    bad.caseSeq !== undefined && `case seq ${bad.caseSeq}`,
    bad.globalSeq !== undefined && `global seq ${bad.globalSeq}`,
    bad.checkpointSeq !== undefined && `checkpoint #${bad.checkpointSeq}`,
  ].filter(Boolean);
  if (where.length) console.error(`  位置 location: ${where.join(', ')}`);
  console.error(`  此前已校验 checked before the fault: ${r.entriesChecked} entries`);
  return 1;
}

let tampered = false;
let unavailable = false;
for (const log of LOGS.filter((l) => !only || l.service === only)) {
  const dbName = config.databaseName(log.service);
  const db = connectDb(config.databaseUrl, dbName, log.schema);
  try {
    try {
      await db.pool.query('SELECT 1 FROM record_entries LIMIT 1');
    } catch (err) {
      const errCode = (err as { code?: string }).code;
      if (errCode === 'ER_BAD_DB_ERROR' || errCode === 'ER_NO_SUCH_TABLE') {
        // Nothing to verify either: say so plainly instead of suggesting the server is down.
        console.error(`数据库 ${dbName} 不存在或未迁移 (database missing or not migrated): ${(err as Error).message}`);
        console.error('  修复/fix: check DB_PREFIX, or run `npm run migrate` / `npm start` first.');
        unavailable = true;
        continue;
      }
      throw new DatabaseUnavailableError(config.databaseUrl, err);
    }
    const r = await log.verify(db.orm as never, { keyDir: config.keyDir, dbName, ...(caseId ? { caseId } : {}) });
    if (report(log.service, dbName, r)) tampered = true;
    // Issue 25: a database restored together with every local file verifies locally; the off-host witness does not move back.
    const remote = witnessUrl();
    if (remote) {
      const v = await checkRemoteWitness(db.orm as never, dbName, remote);
      if (!v.ok) {
        console.error(`记录被回滚 (records rolled back): ${log.service}（${dbName}）\n  问题 problem: ${v.problem}\n  ${v.message}`);
        tampered = true;
      } else console.log(`  远程见证 remote witness (${remote}): ${v.note ?? '一致 (agrees)'}`);
    }
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) {
      console.error(err.message);
      unavailable = true;
    } else {
      console.error(err);
      tampered = true;
    }
  } finally {
    await db.close().catch(() => undefined);
  }
  // The first fault is named; later logs are still checked so the operator sees every log's state.
}
// Tampering outranks an unavailable database: exit 1 if any log is tampered, 2 if one could not be read.
process.exit(tampered ? 1 : unavailable ? 2 : 0);
