import { createHash, createPublicKey } from 'node:crypto';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { SERVICE_ORDER, type Config, type ServiceName } from '../../kernel/config.js';
import { connectDb, ensureDatabase, withServerConnection } from '../../kernel/db.js';
import type { VerifyResult } from '../../kernel/records/chain.js';
import { latestHead } from '../../kernel/records/reanchor.js';
import { fetchHead, witnessUrl, type RemoteHead } from '../../kernel/records/remote-witness.js';
import { publicKeyPath, readWitness, replaceWitnessFile, signingKeyPath, writeWitness, type Witness } from '../../kernel/records/signing.js';
import { recordCheckpoints } from '../../kernel/records/schema.js';
import { eq } from 'drizzle-orm';
import { runClient } from './mariadb-cli.js';
import { RECORD_LOGS, verifyLogIn } from './record-logs.js';

/**
 * `npm run backup` / `npm run restore` (issue 29). A backup directory holds:
 *
 *   db/<service>.sql   every subgraph database, dumped by ONE `mariadb-dump --single-transaction` (one consistent
 *                      snapshot across all of them), split per database, without database names or trigger
 *                      DEFINERs, so it loads into databases of any prefix;
 *   keys/*.pub.pem     the key directory's public parts (checkpoint verification keys): never a private key or a
 *                      MAC key — those travel with `npm run keys -- export`, like passwords;
 *   witness/*.json     each log's local witness as read BEFORE the dump (so the dump holds at least that checkpoint),
 *                      and in the manifest the off-host witness's heads (WITNESS_URL) at that moment;
 *   manifest.json      format, source prefix, the files with their sha256 and size — written last: a directory
 *                      without it is an interrupted backup.
 */

export const BACKUP_FORMAT = 'sanxiang-backup/v1';

export interface LogState {
  service: ServiceName;
  logService: string;
  dbName: string;
  witness: Witness | null;
  remote: RemoteHead | null;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  sourcePrefix: string;
  databases: { service: ServiceName; name: string; file: string }[];
  logs: LogState[];
  remoteWitness: string | null;
  files: Record<string, { sha256: string; bytes: number }>;
}

export const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The public halves of the log signing keys (derived if only the private key is there) and any other *.pub.pem. */
export function publicKeyFiles(keyDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const log of RECORD_LOGS) {
    const pub = publicKeyPath(keyDir, process.env, log.logService);
    const priv = signingKeyPath(keyDir, process.env, log.logService);
    if (existsSync(pub)) out.set(`record-checkpoint-${log.logService}.pub.pem`, readFileSync(pub, 'utf8'));
    else if (existsSync(priv))
      out.set(`record-checkpoint-${log.logService}.pub.pem`, createPublicKey(readFileSync(priv, 'utf8')).export({ type: 'spki', format: 'pem' }).toString());
  }
  if (existsSync(keyDir))
    for (const f of readdirSync(keyDir).filter((n) => n.endsWith('.pub.pem')))
      if (![...out.keys()].includes(f)) out.set(f, readFileSync(join(keyDir, f), 'utf8'));
  return out;
}

/** Split mariadb-dump's multi-database output into one file per database, dropping `USE` and trigger DEFINERs. */
async function splitDump(raw: string, dir: string, nameToService: Map<string, ServiceName>): Promise<void> {
  const header: string[] = [];
  let fd: number | null = null;
  const lines = createInterface({ input: createReadStream(raw, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    const use = /^USE `([^`]+)`;$/.exec(line);
    if (use) {
      const service = nameToService.get(use[1]!);
      if (!service) throw new Error(`备份中出现未预期的数据库 ${use[1]} (unexpected database in the dump)`);
      if (fd !== null) closeSync(fd);
      fd = openSync(join(dir, `${service}.sql`), 'w', 0o600);
      writeSync(fd, `${header.join('\n')}\n`);
      continue;
    }
    // A definer names the source's admin account; without it the triggers belong to whoever restores.
    const text = line.replace(/\/\*!50017 DEFINER=`[^`]*`@`[^`]*`\*\/ /g, '').replace(/^-- (Current Database|Host): .*$/, '--');
    if (fd === null) header.push(text);
    else writeSync(fd, `${text}\n`);
  }
  if (fd !== null) closeSync(fd);
}

/**
 * Into `dir`/witness and `dir`/keys: each log's local witness (and the off-host witness's heads) and the key
 * directory's public parts. Call it BEFORE copying the databases: the copy then holds at least the checkpoint each
 * witness names (they are written after their commit). Shared by the logical and the physical backup.
 */
export async function saveRecordState(config: Config, dir: string, env: NodeJS.ProcessEnv = process.env): Promise<{ logs: LogState[]; remote: string | null }> {
  for (const sub of ['keys', 'witness']) mkdirSync(join(dir, sub), { recursive: true, mode: 0o700 });
  const remote = witnessUrl(env);
  const logs: LogState[] = [];
  for (const log of RECORD_LOGS) {
    const dbName = config.databaseName(log.service);
    const witness = readWitness(config.keyDir, dbName);
    if (witness) writeFileSync(join(dir, 'witness', `${log.service}.json`), `${JSON.stringify(witness)}\n`, { mode: 0o600 });
    logs.push({ service: log.service, logService: log.logService, dbName, witness, remote: remote ? await fetchHead(remote, dbName) : null });
  }
  for (const [name, pem] of publicKeyFiles(config.keyDir)) writeFileSync(join(dir, 'keys', name), pem, { mode: 0o644 });
  return { logs, remote: remote ?? null };
}

export async function backup(config: Config, dir: string, env: NodeJS.ProcessEnv = process.env): Promise<Manifest> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`备份目录 ${dir} 已存在且不为空 (backup directory not empty)`);
  for (const sub of ['db', 'keys', 'witness']) mkdirSync(join(dir, sub), { recursive: true, mode: 0o700 });
  const { logs, remote } = await saveRecordState(config, dir, env);
  const databases = SERVICE_ORDER.map((service) => ({ service, name: config.databaseName(service), file: `db/${service}.sql` }));
  const raw = join(dir, 'dump.raw.sql');
  const out = openSync(raw, 'w', 0o600);
  try {
    await runClient(
      'mariadb-dump',
      config.databaseUrl,
      [
        '--single-transaction',
        '--no-create-db',
        '--routines',
        '--triggers',
        '--hex-blob',
        '--default-character-set=utf8mb4',
        '--skip-dump-date',
        '--databases',
        ...databases.map((d) => d.name),
      ],
      { stdoutFd: out },
      env,
    );
  } finally {
    closeSync(out);
  }
  await splitDump(raw, join(dir, 'db'), new Map(databases.map((d) => [d.name, d.service])));
  rmSync(raw);
  const files: Manifest['files'] = {};
  for (const sub of ['db', 'keys', 'witness']) {
    for (const f of readdirSync(join(dir, sub)).sort()) {
      const p = join(dir, sub, f);
      files[`${sub}/${f}`] = { sha256: sha256File(p), bytes: readFileSync(p).length };
    }
  }
  for (const d of databases) if (!files[d.file]) throw new Error(`数据库 ${d.name} 未出现在备份中 (database missing from the dump: does it exist?)`);
  return writeManifest<Manifest>(dir, {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    sourcePrefix: config.dbPrefix,
    databases,
    logs,
    remoteWitness: remote,
    files,
  });
}

/** Writes `manifest.json` last and atomically: a directory without it is an interrupted backup. */
export function writeManifest<M>(dir: string, manifest: M): M {
  writeFileSync(join(dir, 'manifest.json.tmp'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(join(dir, 'manifest.json.tmp'), join(dir, 'manifest.json'));
  return manifest;
}

/** The manifest, every file's checksum checked (a changed or truncated file refuses the restore). */
export function readManifest(dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${dir} 中没有 manifest.json：不是完整的备份 (not a complete backup)`);
  const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  if (m.format !== BACKUP_FORMAT) throw new Error(`不支持的备份格式 ${String(m.format)} (unsupported backup format)`);
  for (const [file, { sha256 }] of Object.entries(m.files)) {
    const p = join(dir, file);
    if (!existsSync(p) || sha256File(p) !== sha256) throw new Error(`备份文件 ${file} 的校验和不符：备份已损坏或被改动 (checksum mismatch)`);
  }
  return m;
}

/** What a restore did to one log's witness. */
export type WitnessOutcome =
  /** No witness for the target database before: set to the restored head, after checking it holds the backup's. */
  | 'ANCHORED'
  /** The witness was at or behind the restored head on the same chain: moved forward to it. */
  | 'ADVANCED'
  /** The witness is AHEAD of (or forks from) the restored head: a rollback until the key holder re-anchors. */
  | 'ROLLBACK';

export interface RestoreReport {
  targetPrefix: string;
  logs: { service: ServiceName; dbName: string; outcome: WitnessOutcome; witness: Witness | null; head: Witness | null; verify: VerifyResult }[];
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withServerConnection(serverUrl, async (c) => {
    const [rows] = await c.query('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ?', [name]);
    return Number((rows as { n: number }[])[0]!.n) > 0;
  });
}

/**
 * Restore a backup into the databases of `targetPrefix` (which must be absent or empty: a restore never merges into
 * live data), then reconcile each log's witness (WitnessOutcome) and verify every log.
 */
export async function restore(config: Config, dir: string, targetPrefix: string, env: NodeJS.ProcessEnv = process.env): Promise<RestoreReport> {
  if (!/^[A-Za-z0-9_]{1,40}$/.test(targetPrefix)) throw new Error(`目标前缀 ${targetPrefix} 只能包含字母、数字和下划线`);
  const m = readManifest(dir);
  const target = (service: ServiceName) => `${targetPrefix}_${service}`;
  for (const d of m.databases) {
    if (await databaseExists(config.databaseUrl, target(d.service))) {
      throw new Error(`目标数据库 ${target(d.service)} 已有数据表：恢复只写入空的新库 (target database not empty; drop it or choose another prefix)`);
    }
  }
  for (const d of m.databases) {
    await ensureDatabase(config.databaseUrl, target(d.service));
    const fd = openSync(join(dir, d.file), 'r');
    try {
      await runClient(
        'mariadb',
        config.databaseUrl,
        [`--database=${target(d.service)}`, '--default-character-set=utf8mb4', '--binary-mode'],
        { stdinFd: fd },
        env,
      );
    } finally {
      closeSync(fd);
    }
  }
  const report: RestoreReport = { targetPrefix, logs: [] };
  for (const log of RECORD_LOGS) {
    const dbName = target(log.service);
    const backedUp = m.logs.find((l) => l.service === log.service)?.witness ?? null;
    const db = connectDb(config.databaseUrl, dbName, log.schema);
    let outcome: WitnessOutcome;
    let head: Witness | null;
    try {
      head = await latestHead(db.orm as never);
      const cpAt = async (seq: number) => (await db.orm.select().from(recordCheckpoints).where(eq(recordCheckpoints.checkpointSeq, seq)).limit(1))[0];
      const holds = async (w: Witness) => {
        const cp = await cpAt(w.checkpointSeq);
        return Boolean(cp && cp.headHash === w.headHash && cp.globalSeq === w.globalSeq);
      };
      const existing = readWitness(config.keyDir, dbName);
      if (existing) {
        if (head && (await holds(existing))) {
          writeWitness(config.keyDir, dbName, head);
          outcome = 'ADVANCED';
        } else outcome = 'ROLLBACK';
      } else {
        // The backup's witness must be in the restored log (else the dump is not the backup's); the checkpoints after
        // it are signed and chained to it, which the verification below checks.
        if (backedUp && !(await holds(backedUp))) throw new Error(`恢复的 ${dbName} 不含备份时见证的检查点 #${backedUp.checkpointSeq}：备份不一致`);
        if (head) replaceWitnessFile(config.keyDir, dbName, head);
        outcome = 'ANCHORED';
      }
    } finally {
      await db.close();
    }
    const verify = await verifyLogIn(config.databaseUrl, log, dbName, config.keyDir);
    report.logs.push({ service: log.service, dbName, outcome, witness: readWitness(config.keyDir, dbName), head, verify });
  }
  return report;
}
