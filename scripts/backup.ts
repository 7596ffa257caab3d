import { join } from 'node:path';
import { loadConfigOrExit } from '../kernel/config.js';
import { backup } from './ops/backup.js';

// npm run backup [-- DIR]: every subgraph database of DB_PREFIX in one consistent snapshot, the key directory's public
// parts and the witness state, with a checksummed manifest (scripts/ops/backup.ts; docs/deployment.md "Backups").
// Default DIR: backups/<DB_PREFIX>-<UTC time>. Exit 0 done, 1 failed (an incomplete directory has no manifest.json).
const config = loadConfigOrExit();
const dir = process.argv[2] ?? join('backups', `${config.dbPrefix}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
try {
  const m = await backup(config, dir);
  console.log(`备份完成 (backup written): ${dir}`);
  for (const d of m.databases) console.log(`  ${d.name} → ${d.file} (${m.files[d.file]!.bytes} bytes, sha256 ${m.files[d.file]!.sha256.slice(0, 16)}…)`);
  for (const l of m.logs)
    console.log(
      `  见证 witness ${l.dbName}: ${l.witness ? `#${l.witness.checkpointSeq}` : '无 (none)'}${l.remote ? `, 远程 remote #${l.remote.checkpointSeq}` : ''}`,
    );
  console.log('  私钥与 MAC 密钥不在备份中：另行用 `npm run keys -- export` 保管 (private keys are not in the backup)');
} catch (err) {
  console.error(`备份失败 (backup failed): ${(err as Error).message}`);
  process.exit(1);
}
