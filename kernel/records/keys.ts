import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOnce } from '../files.js';

/**
 * The writing service's MAC keys for record-log entries and chain heads (issue 12). Each entry carries
 * HMAC-SHA256(key, its chained hash) and the id of the key, so someone with SQL access alone cannot create
 * an entry that verifies: the plain hash is public arithmetic, the key is not in the database.
 *
 * The key ring is JSON `{ "active": "<id>", "keys": { "<id>": "<base64 of 32 random bytes>", … } }`, from
 * RECORD_MAC_KEYS (inline JSON) or the file RECORD_MAC_KEYS_FILE (default `<key dir>/record-mac-keys.json`,
 * created with one key on first use). Rotation (`npm run record-keys -- rotate`) adds a key and makes it active:
 * new entries carry the new id, old keys stay in the ring to verify old entries. Never remove a key whose
 * entries are still kept.
 */

export interface MacKeyRing {
  /** Id of the key that signs new entries. */
  activeId: string;
  keys: Map<string, Buffer>;
}

interface RingJson {
  active: string;
  keys: Record<string, string>;
}

/**
 * Each service that keeps a log has its own key ring. `cases` keeps issue 12's names (RECORD_MAC_KEYS,
 * RECORD_MAC_KEYS_FILE, `record-mac-keys.json`); another service X reads RECORD_MAC_KEYS_X, RECORD_MAC_KEYS_FILE_X
 * and `record-mac-keys-x.json`: no service holds another's key, so none can write another's log.
 */
export type LogService = string;
export const DEFAULT_LOG_SERVICE: LogService = 'cases';

const envName = (base: string, service: LogService) => (service === DEFAULT_LOG_SERVICE ? base : `${base}_${service.toUpperCase()}`);
const fileName = (base: string, ext: string, service: LogService) => (service === DEFAULT_LOG_SERVICE ? `${base}${ext}` : `${base}-${service}${ext}`);

export const macKeysPath = (keyDir: string, env: NodeJS.ProcessEnv = process.env, service: LogService = DEFAULT_LOG_SERVICE): string =>
  env[envName('RECORD_MAC_KEYS_FILE', service)] || join(keyDir, fileName('record-mac-keys', '.json', service));
// RECORD_MAC_KEYS_FILE is the ring's own file (created on first use), so inline rings are read from the environment only.
const inlineRing = (env: NodeJS.ProcessEnv, service: LogService) => env[envName('RECORD_MAC_KEYS', service)];

const newKeyId = () => `k${randomBytes(4).toString('hex')}`;
const freshRing = (): RingJson => ({ active: newKeyId(), keys: {} });

function parseRing(text: string, where: string): MacKeyRing {
  let j: Partial<RingJson>;
  try {
    j = JSON.parse(text) as Partial<RingJson>;
  } catch {
    throw new Error(`记录密钥环 ${where} 不是有效 JSON (record MAC key ring is not valid JSON)`);
  }
  if (typeof j.active !== 'string' || !j.keys || typeof j.keys !== 'object') {
    throw new Error(`记录密钥环 ${where} 格式错误：须为 {"active": id, "keys": {id: base64}} (malformed record MAC key ring)`);
  }
  const keys = new Map<string, Buffer>();
  for (const [id, b64] of Object.entries(j.keys)) {
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(id)) throw new Error(`记录密钥环 ${where}：密钥标识 ${id} 须为 1–16 个字母、数字、_ 或 - (bad key id)`);
    const key = Buffer.from(String(b64), 'base64');
    if (key.length < 32) throw new Error(`记录密钥环 ${where}：密钥 ${id} 短于 32 字节 (key too short)`);
    keys.set(id, key);
  }
  if (!keys.has(j.active)) throw new Error(`记录密钥环 ${where}：当前密钥 ${j.active} 不在密钥环中 (active key missing)`);
  return { activeId: j.active, keys };
}

function ringJson(): string {
  const r = freshRing();
  r.keys[r.active] = randomBytes(32).toString('base64');
  return `${JSON.stringify(r, null, 2)}\n`;
}

/** The key ring for writing (created on first use when it comes from the default file). */
export function loadMacKeyRing(keyDir: string, env: NodeJS.ProcessEnv = process.env, service: LogService = DEFAULT_LOG_SERVICE): MacKeyRing {
  const inline = inlineRing(env, service);
  if (inline) return parseRing(inline, envName('RECORD_MAC_KEYS', service));
  const path = macKeysPath(keyDir, env, service);
  return parseRing(createOnce(path, ringJson), path);
}

/** The key ring for verification: never mints a key (a missing ring means every entry fails as unverifiable). */
export function loadMacKeysForVerify(keyDir: string, env: NodeJS.ProcessEnv = process.env, service: LogService = DEFAULT_LOG_SERVICE): Map<string, Buffer> {
  const inline = inlineRing(env, service);
  if (inline) return parseRing(inline, envName('RECORD_MAC_KEYS', service)).keys;
  const path = macKeysPath(keyDir, env, service);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return new Map();
  }
  return parseRing(text, path).keys;
}

/** Add a new key and make it active; the old keys stay for verification. Returns the new key id. */
export function rotateMacKey(keyDir: string, env: NodeJS.ProcessEnv = process.env, service: LogService = DEFAULT_LOG_SERVICE): string {
  if (inlineRing(env, service)) throw new Error('RECORD_MAC_KEYS 由环境变量给出：请在其来源处轮换 (the ring comes from the environment; rotate it there)');
  const path = macKeysPath(keyDir, env, service);
  const ring = JSON.parse(createOnce(path, ringJson)) as RingJson;
  parseRing(JSON.stringify(ring), path);
  let id = newKeyId();
  while (ring.keys[id]) id = newKeyId();
  ring.keys[id] = randomBytes(32).toString('base64');
  ring.active = id;
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
  return id;
}

const hmac = (key: Buffer, message: string) => createHmac('sha256', key).update(message, 'utf8').digest('hex');

/** The MAC of an entry: over its chained hash (which covers every column and both predecessors) and the key id. */
export const entryMac = (key: Buffer, keyId: string, hash: string): string => hmac(key, `sanxiang/record-entry/v1\n${keyId}\n${hash}`);

/** The MAC of a chain head row (GLOBAL or case:<id>): a head moved by SQL alone does not verify. */
export const headMac = (key: Buffer, keyId: string, chain: string, seq: number, hash: string): string =>
  hmac(key, `sanxiang/record-head/v1\n${keyId}\n${chain}\n${seq}\n${hash}`);

export function macEquals(a: string, b: string): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  return timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The one cache of key material read from the key dir for verification (MAC rings, peers' public keys): each is
 * re-read at most every `ttlMs`, so a rotation or a newly written key is picked up within that time without a
 * file read per check. Timed on the monotonic clock (performance.now): the cache's lifetime is not a business date,
 * and a wall-clock step (NTP, a pinned test clock) must neither pin nor flush it. An empty result is not kept, so a
 * key written a moment later is seen at once.
 */
const keyCache = new Map<string, { at: number; value: { size: number } }>();
export const KEY_CACHE_TTL_MS = 1000;

export function cachedKeys<T extends { size: number }>(cacheKey: string, load: () => T, ttlMs = KEY_CACHE_TTL_MS): T {
  const now = performance.now();
  const hit = keyCache.get(cacheKey);
  if (hit && now - hit.at < ttlMs) return hit.value as T;
  const value = load();
  if (value.size) keyCache.set(cacheKey, { at: now, value });
  else keyCache.delete(cacheKey);
  return value;
}

/** The MAC keys a verifier uses for `service`'s log, through the one cache. */
export const cachedMacKeysForVerify = (keyDir: string, service: LogService = DEFAULT_LOG_SERVICE): Map<string, Buffer> =>
  cachedKeys(`mac:${service}:${keyDir}`, () => loadMacKeysForVerify(keyDir, process.env, service));
