import { schema } from '../subgraphs/cases/db/schema.js';
import { verifyRecords } from '../subgraphs/cases/records/log.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { DatabaseUnavailableError, connectDb } from '../kernel/db.js';

// npm run verify-records [-- --case <caseId>]: check the whole-process record log (R17).
// Exit 0 intact, 1 tampered, 2 database unavailable.
const config = loadConfigOrExit();
const dbName = `${config.dbPrefix}_cases`;
const caseFlag = process.argv.indexOf('--case');
const caseId = caseFlag >= 0 ? process.argv[caseFlag + 1] : undefined;
if (caseFlag >= 0 && !caseId) {
  console.error('用法 (usage): npm run verify-records -- [--case <caseId>]');
  process.exit(2);
}

const db = connectDb(config.databaseUrl, dbName, schema);
let code = 0;
try {
  try {
    await db.pool.query('SELECT 1 FROM record_entries LIMIT 1');
  } catch (err) {
    const errCode = (err as { code?: string }).code;
    if (errCode === 'ER_BAD_DB_ERROR' || errCode === 'ER_NO_SUCH_TABLE') {
      // Nothing to verify either: say so plainly instead of suggesting the server is down.
      console.error(`数据库 ${dbName} 不存在或未迁移 (database missing or not migrated): ${(err as Error).message}`);
      console.error('  修复/fix: check DB_PREFIX, or run `npm run migrate` / `npm start` first.');
      process.exit(2);
    }
    throw new DatabaseUnavailableError(config.databaseUrl, err);
  }
  const r = await verifyRecords(db.orm, { keyDir: config.keyDir, dbName, ...(caseId ? { caseId } : {}) });
  const scope = caseId ? `案件 ${caseId} (case ${caseId})` : `${dbName}`;
  if (r.ok) {
    console.log(`记录完整 (records intact): ${scope}`);
    console.log(`  已校验记录 entries checked: ${r.entriesChecked}`);
    console.log(`  已校验签名检查点 checkpoints checked: ${r.checkpointsChecked}`);
    if (!r.witnessChecked) {
      console.log('  注意 note: 尚无签名检查点与见证文件 (no checkpoint yet: nothing for a witness to pin)');
    }
  } else {
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
    code = 1;
  }
} catch (err) {
  if (err instanceof DatabaseUnavailableError) {
    console.error(err.message);
    code = 2;
  } else {
    console.error(err);
    code = 1;
  }
} finally {
  await db.close().catch(() => undefined);
}
process.exit(code);
