import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// Every supergraph `npm run compose` writes is kept beside the supergraph file (`history/`, or
// `SUPERGRAPH_HISTORY_DIR`): `<id>.graphql` is the file exactly as written, `<id>.json` says who wrote it,
// when, why, and what changed in plain words. The id is `<UTC time>-<first 12 hex of the sha256>`, so a
// listing sorts by time and the gateway can name the record of the file it serves (GET /ready).

export interface HistoryRecord {
  id: string;
  /** sha256 (hex) of the supergraph file's exact bytes, as the gateway computes it. */
  sha256: string;
  /** ISO 8601, UTC. */
  writtenAt: string;
  author: string;
  /** Where the author came from: `COMPOSE_AUTHOR`, `GIT_AUTHOR_NAME`, `git config`, or the OS user. */
  authorSource: string;
  /** compose: a new supergraph; rollback: an earlier one restored; baseline: a file found in place, recorded before it was replaced. */
  action: 'compose' | 'rollback' | 'baseline';
  reason: string | null;
  /** The change broke existing clients and was written only because `--approve "<reason>"` was given. */
  approvedBreaking: boolean;
  /** rollback: the record restored. */
  restores?: string;
  /** The record (or hash) of the file this one replaced; null for the first. */
  previous: { id: string | null; sha256: string } | null;
  subgraphs: string[];
  /** What changed against the previous file, one sentence each. */
  changes: string[];
  /** Known clients that used what the change removes or narrows, one line each. */
  clientsAffected: string[];
  /**
   * A breaking change written without `--approve` because nothing it removes was used in the usage window: the
   * coordinates, the window and the store the evidence came from (issue 29).
   */
  removedUnused?: { coordinates: string[]; since: string; days: number; usageDir: string };
  /**
   * What `npm run compose` verified of the running subgraphs before it wrote this file (issue 29): `probed`, with
   * each subgraph's outcome (`allowed-unreachable`: let through by `--allow-unreachable`, not verified), or
   * `offline` (`--offline`: nothing was verified). Absent from rollbacks, baselines and older records.
   */
  probes?: { mode: 'probed' | 'offline'; subgraphs: { name: string; url: string; outcome: string }[] };
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `SUPERGRAPH_HISTORY_DIR`, else `history/` beside the supergraph file. */
export function historyDirFor(supergraphPath: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.SUPERGRAPH_HISTORY_DIR ? resolve(env.SUPERGRAPH_HISTORY_DIR) : join(dirname(supergraphPath), 'history');
}

export function newRecordId(at: Date, hash: string): string {
  return `${at.toISOString().replace(/[-:]/g, '').replace('.', '')}-${hash.slice(0, 12)}`;
}

const RECORD_FILE = /^(\d{8}T\d{9}Z-[0-9a-f]{12})\.json$/;

function recordIds(dir: string): string[] {
  try {
    return readdirSync(dir)
      .map((f) => RECORD_FILE.exec(f)?.[1])
      .filter((x): x is string => !!x)
      .sort();
  } catch {
    return [];
  }
}

export function readRecord(dir: string, id: string): HistoryRecord {
  return JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as HistoryRecord;
}

/** Oldest first. */
export function listHistory(dir: string): HistoryRecord[] {
  return recordIds(dir).map((id) => readRecord(dir, id));
}

/** The latest record of a file with this hash (what GET /ready shows), or null when it was never recorded. */
export function recordIdForHash(dir: string, hash: string): string | null {
  const suffix = `-${hash.slice(0, 12)}`;
  const ids = recordIds(dir).filter((id) => id.endsWith(suffix));
  for (const id of ids.reverse()) {
    try {
      if (readRecord(dir, id).sha256 === hash) return id;
    } catch {
      /* a half-written record: skip */
    }
  }
  return null;
}

/** A record by id or by a unique prefix of it; throws with the recent ids when there is none or several. */
export function findRecord(dir: string, idOrPrefix: string): HistoryRecord {
  const ids = recordIds(dir);
  const matches = ids.filter((id) => id === idOrPrefix || id.startsWith(idOrPrefix));
  if (matches.length === 1) return readRecord(dir, matches[0]!);
  const recent = ids.slice(-5).reverse().join(', ') || '（历史为空 / no history yet）';
  throw new Error(
    matches.length === 0 ? `历史中没有记录 ${idOrPrefix}（${dir}）；最近的记录: ${recent}` : `记录前缀 ${idOrPrefix} 不唯一，匹配: ${matches.join(', ')}`,
  );
}

/** The supergraph text of a record, checked against its recorded hash (an edited history file is refused). */
export function recordedSupergraph(dir: string, record: HistoryRecord): string {
  const text = readFileSync(join(dir, `${record.id}.graphql`), 'utf8');
  if (sha256(text) !== record.sha256) {
    throw new Error(`历史文件 ${record.id}.graphql 的哈希与记录不符，已被改动，拒绝使用 (history file altered: sha256 mismatch)`);
  }
  return text;
}

const writeAtomically = (path: string, text: string) => {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
};

/** Writes the supergraph copy first, then the record, so a record never names a missing file. */
export function writeRecord(dir: string, record: HistoryRecord, supergraphText: string): void {
  if (sha256(supergraphText) !== record.sha256) throw new Error('record hash does not match the supergraph text');
  mkdirSync(dir, { recursive: true });
  writeAtomically(join(dir, `${record.id}.graphql`), supergraphText);
  writeAtomically(join(dir, `${record.id}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

/** Who is writing: `COMPOSE_AUTHOR`, else git's author (environment, then `git config`), else the OS user. */
export function authorFrom(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): { author: string; source: string } {
  if (env.COMPOSE_AUTHOR?.trim()) return { author: env.COMPOSE_AUTHOR.trim(), source: 'COMPOSE_AUTHOR' };
  const withEmail = (name: string, email: string | undefined) => (email ? `${name} <${email}>` : name);
  if (env.GIT_AUTHOR_NAME?.trim()) return { author: withEmail(env.GIT_AUTHOR_NAME.trim(), env.GIT_AUTHOR_EMAIL?.trim()), source: 'GIT_AUTHOR_NAME' };
  const git = (key: string) => {
    try {
      return execFileSync('git', ['config', key], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const name = git('user.name');
  if (name) return { author: withEmail(name, git('user.email')), source: 'git config' };
  try {
    return { author: userInfo().username, source: 'OS user' };
  } catch {
    return { author: 'unknown', source: 'none' };
  }
}
