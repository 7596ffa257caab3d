import { join } from 'node:path';
import { loadConfigOrExit } from '../kernel/config.js';
import { backup } from './ops/backup.js';
import { physicalBackup } from './ops/physical-backup.js';

// npm run backup [-- DIR]: every subgraph database of DB_PREFIX in one consistent snapshot, the key directory's public
// parts and the witness state, with a checksummed manifest (scripts/ops/backup.ts; docs/deployment.md "Backups").
// npm run backup -- --physical [DIR]: mariabackup's prepared copy of the WHOLE server, on the database host, with the
// same witness state and public keys (scripts/ops/physical-backup.ts); it restores only as the whole server.
// Default DIR: backups/<DB_PREFIX>-<UTC time>. Exit 0 done, 1 failed (an incomplete directory has no manifest.json).
const config = loadConfigOrExit();
const args = process.argv.slice(2);
const physical = args.includes('--physical');
const dir =
  args.find((a) => !a.startsWith('--')) ??
  join('backups', `${config.dbPrefix}-${physical ? 'physical-' : ''}${new Date().toISOString().replace(/[:.]/g, '-')}`);
try {
  if (physical) {
    const m = await physicalBackup(config, dir);
    console.log(`物理备份完成 (physical backup written and prepared): ${dir}/physical`);
    console.log(`  服务器 server ${m.server.version}, 数据目录 datadir ${m.server.datadir}; 含本部署的 ${m.databases.join(', ')}（及服务器上的其他数据库）`);
    for (const l of m.logs) console.log(`  见证 witness ${l.dbName}: ${l.witness ? `#${l.witness.checkpointSeq}` : '无 (none)'}`);
    console.log('  只能整体恢复整台服务器 (restores only as the whole server): docs/deployment.md "Backups and restore"');
  } else {
    const m = await backup(config, dir);
    console.log(`备份完成 (backup written): ${dir}`);
    for (const d of m.databases) console.log(`  ${d.name} → ${d.file} (${m.files[d.file]!.bytes} bytes, sha256 ${m.files[d.file]!.sha256.slice(0, 16)}…)`);
    for (const l of m.logs)
      console.log(
        `  见证 witness ${l.dbName}: ${l.witness ? `#${l.witness.checkpointSeq}` : '无 (none)'}${l.remote ? `, 远程 remote #${l.remote.checkpointSeq}` : ''}`,
      );
  }
  console.log('  私钥与 MAC 密钥不在备份中：另行用 `npm run keys -- export` 保管 (private keys are not in the backup)');
} catch (err) {
  console.error(`备份失败 (backup failed): ${(err as Error).message}`);
  process.exit(1);
}
