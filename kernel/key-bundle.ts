import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Three machines, one key material (issue 27): every replica must hold the same key directory — the user-token
// and internal-token keys, the record-log MAC key rings and checkpoint signing keys, the database account secrets.
// `npm run keys -- export` writes it as one bundle (JSON, every file base64); `npm run keys -- import` writes the
// bundle into another machine's key directory. Witness files are per signer state, not key material: not exported.

export interface KeyBundle {
  format: 'sanxiang-keys/1';
  files: Record<string, string>;
}

const WITNESS = /witness/i;

export function exportKeys(keyDir: string): KeyBundle {
  if (!existsSync(keyDir)) throw new Error(`密钥目录不存在 (key directory missing): ${keyDir}`);
  const files: Record<string, string> = {};
  for (const name of readdirSync(keyDir).sort()) {
    const path = join(keyDir, name);
    if (!statSync(path).isFile() || WITNESS.test(name)) continue;
    files[name] = readFileSync(path).toString('base64');
  }
  if (!Object.keys(files).length) throw new Error(`密钥目录为空 (no keys in ${keyDir}): start the system once on the first machine`);
  return { format: 'sanxiang-keys/1', files };
}

/**
 * Write a bundle into `keyDir` (mode 0600). A file that exists with other content is a conflict: this machine
 * already has keys of its own; nothing is written unless `force` (then the bundle's keys replace them).
 */
export function importKeys(keyDir: string, bundle: KeyBundle, force = false): { written: string[]; same: string[] } {
  if (bundle?.format !== 'sanxiang-keys/1' || typeof bundle.files !== 'object') throw new Error('不是 sanxiang 密钥包 (not a sanxiang key bundle)');
  const written: string[] = [];
  const same: string[] = [];
  const conflicts: string[] = [];
  for (const [name, b64] of Object.entries(bundle.files)) {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`密钥包中的文件名无效 (bad file name): ${name}`);
    const path = join(keyDir, name);
    if (existsSync(path)) {
      if (readFileSync(path).equals(Buffer.from(b64, 'base64'))) same.push(name);
      else conflicts.push(name);
    }
  }
  if (conflicts.length && !force) {
    throw new Error(`本机已有不同的密钥 (this machine has other keys): ${conflicts.join(', ')} — 确认后加 --force 覆盖 (use --force to replace them)`);
  }
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  for (const [name, b64] of Object.entries(bundle.files)) {
    if (same.includes(name)) continue;
    const path = join(keyDir, name);
    writeFileSync(path, Buffer.from(b64, 'base64'), { mode: 0o600 });
    chmodSync(path, 0o600);
    written.push(name);
  }
  return { written, same };
}
