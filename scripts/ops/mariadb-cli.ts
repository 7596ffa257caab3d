import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostsInOrder, parseServerUrl } from '../../kernel/db.js';

/**
 * Running MariaDB's own clients (mariadb-dump, mariadb, mariadb-backup) against DATABASE_URL: the password goes in a 0600
 * `--defaults-extra-file`, never on the command line (visible in `ps`) or in the environment; the first reachable
 * host of a cluster URL is used; DATABASE_TLS_CA/_CERT/_KEY become --ssl-ca/--ssl-cert/--ssl-key with the server's
 * certificate verified.
 */
export async function runClient(
  program: 'mariadb-dump' | 'mariadb' | 'mariadb-backup',
  serverUrl: string,
  args: string[],
  io: { stdinFd?: number; stdoutFd?: number },
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const target = parseServerUrl(serverUrl);
  const host = hostsInOrder(target)[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'sanxiang-client-'));
  const file = join(dir, 'client.cnf');
  const tls = env.DATABASE_TLS_CA
    ? [
        `ssl-ca=${env.DATABASE_TLS_CA}`,
        'ssl-verify-server-cert',
        ...(env.DATABASE_TLS_CERT ? [`ssl-cert=${env.DATABASE_TLS_CERT}`, `ssl-key=${env.DATABASE_TLS_KEY}`] : []),
      ]
    : [];
  const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  writeFileSync(
    file,
    ['[client]', `user=${quote(target.user)}`, `password=${quote(target.password)}`, `host=${host.host}`, `port=${host.port}`, 'protocol=TCP', ...tls, ''].join(
      '\n',
    ),
    { mode: 0o600 },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      // Files as the child's stdin/stdout (open descriptors): no stream in this process to drain or back-pressure.
      const child = spawn(program, [`--defaults-extra-file=${file}`, ...args], { stdio: [io.stdinFd ?? 'ignore', io.stdoutFd ?? 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${program} 失败 (exit ${code}): ${stderr.trim().slice(0, 2000)}`))));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
