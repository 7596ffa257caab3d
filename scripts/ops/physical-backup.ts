import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_ORDER, type Config } from '../../kernel/config.js';
import { withServerConnection } from '../../kernel/db.js';
import { saveRecordState, sha256File, writeManifest, type LogState } from './backup.js';
import { runClient } from './mariadb-cli.js';

/**
 * `npm run backup -- --physical [DIR]` (issue 29): a physical copy of the WHOLE database server by mariabackup
 * (Debian package mariadb-backup, installed on demand by scripts/ensure-mariabackup.sh), prepared at once so that a
 * mariadbd can start on it. Beside it, as in the logical backup: each log's witness read BEFORE the copy and the key
 * directory's public parts. It must run on the database host (mariabackup reads the data directory's files).
 *
 * It copies every database of the server — other prefixes and the accounts included — and restores only as the
 * whole server (docs/deployment.md "Backups and restore"): `npm run backup` stays the method for one deployment, for
 * restores into another prefix and for `npm run restore`'s witness reconciliation.
 *
 *   physical/          the prepared data directory (mariabackup --backup, then --prepare)
 *   witness/, keys/    as in the logical backup
 *   manifest.json      format, source prefix, server version and data directory, the witnesses, the checksums of
 *                      witness/ and keys/ and of mariabackup's own record of the copy — written last.
 */

export const PHYSICAL_FORMAT = 'sanxiang-backup/physical-v1';

export interface PhysicalManifest {
  format: typeof PHYSICAL_FORMAT;
  createdAt: string;
  sourcePrefix: string;
  server: { version: string; datadir: string };
  /** The databases of this deployment inside the copy (the copy holds the whole server). */
  databases: string[];
  logs: LogState[];
  remoteWitness: string | null;
  files: Record<string, { sha256: string; bytes: number }>;
}

function mariabackup(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mariadb-backup', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`mariadb-backup 失败 (exit ${code}): ${stderr.trim().slice(-2000)}`))));
  });
}

export async function physicalBackup(config: Config, dir: string, env: NodeJS.ProcessEnv = process.env): Promise<PhysicalManifest> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`备份目录 ${dir} 已存在且不为空 (backup directory not empty)`);
  const [server] = await withServerConnection(config.databaseUrl, async (c) => {
    const [rows] = await c.query('SELECT @@datadir AS datadir, @@version AS version');
    return rows as { datadir: string; version: string }[];
  });
  const { datadir, version } = server!;
  if (!existsSync(join(datadir, 'mysql'))) {
    throw new Error(`数据目录 ${datadir} 不在本机：物理备份须在数据库主机上运行 (run --physical on the database host: mariabackup reads the data files)`);
  }
  execFileSync('bash', [join(import.meta.dirname, '..', 'ensure-mariabackup.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Witnesses first: the copy then holds at least the checkpoint each names.
  const { logs, remote } = await saveRecordState(config, dir, env);
  const target = join(dir, 'physical');
  await runClient('mariadb-backup', config.databaseUrl, ['--backup', `--target-dir=${target}`, `--datadir=${datadir}`], {}, env);
  await mariabackup(['--prepare', `--target-dir=${target}`]);
  const files: PhysicalManifest['files'] = {};
  for (const f of [
    ...['keys', 'witness'].flatMap((sub) =>
      readdirSync(join(dir, sub))
        .sort()
        .map((n) => `${sub}/${n}`),
    ),
    'physical/xtrabackup_checkpoints',
    'physical/xtrabackup_info',
  ]) {
    files[f] = { sha256: sha256File(join(dir, f)), bytes: readFileSync(join(dir, f)).length };
  }
  const databases = SERVICE_ORDER.map((s) => config.databaseName(s));
  const missing = databases.filter((d) => !existsSync(join(target, d)));
  if (missing.length) throw new Error(`物理备份中没有数据库 ${missing.join('、')} (databases missing from the copy: do they exist?)`);
  return writeManifest<PhysicalManifest>(dir, {
    format: PHYSICAL_FORMAT,
    createdAt: new Date().toISOString(),
    sourcePrefix: config.dbPrefix,
    server: { version, datadir },
    databases,
    logs,
    remoteWitness: remote,
    files,
  });
}

/** mariabackup's record of a copy: `backup_type = log-applied` once prepared. */
export function preparedState(dir: string): string | undefined {
  return /^backup_type = (\S+)$/m.exec(readFileSync(join(dir, 'physical', 'xtrabackup_checkpoints'), 'utf8'))?.[1];
}
