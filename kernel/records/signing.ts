import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonicalJson } from './chain.js';
import { DEFAULT_LOG_SERVICE, type LogService } from './keys.js';
import { publishHead } from './remote-witness.js';
import { createOnce } from '../files.js';

/**
 * Ed25519 signing of record checkpoints with a key kept outside the database (R17), and the external
 * witness file that remembers the latest checkpoint so a database rolled back to an older one is caught.
 */

export const SIGNING_KEY_FILE = 'record-checkpoint.ed25519.pem';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

/** Fields of a checkpoint that are signed, plus the signature (CheckpointRow satisfies it). */
export interface CheckpointLike {
  checkpointSeq: number;
  globalSeq: number;
  headHash: string;
  prevSignature: string;
  signedAt: Date | string;
  keyId: string;
  signature: string;
}

/** The latest checkpoint as remembered outside the database. */
export interface Witness {
  checkpointSeq: number;
  globalSeq: number;
  headHash: string;
  signature?: string;
}

/** cases: RECORD_SIGNING_KEY_FILE or `record-checkpoint.ed25519.pem`; another service X: RECORD_SIGNING_KEY_FILE_X or `record-checkpoint-x.ed25519.pem`. */
export const signingKeyPath = (keyDir: string, env: NodeJS.ProcessEnv = process.env, service: LogService = DEFAULT_LOG_SERVICE): string =>
  service === DEFAULT_LOG_SERVICE
    ? env.RECORD_SIGNING_KEY_FILE || join(keyDir, SIGNING_KEY_FILE)
    : env[`RECORD_SIGNING_KEY_FILE_${service.toUpperCase()}`] || join(keyDir, `record-checkpoint-${service}.ed25519.pem`);

/** First 16 hex chars of sha256 over the SPKI DER of the public key. */
export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

function fromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('记录检查点签名密钥必须是 Ed25519 (record signing key must be Ed25519)');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The signing key, created on first use (only for signing: verification must never mint a new key). */
export function loadSigningKey(keyDir: string, env: NodeJS.ProcessEnv = process.env, service: LogService = DEFAULT_LOG_SERVICE): SigningKey {
  const pem = createOnce(signingKeyPath(keyDir, env, service), () =>
    generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const key = fromPem(pem);
  // The public half beside it: what another service reads to verify this one's countersignatures (never the private key).
  createOnce(publicKeyPath(keyDir, env, service), () => key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  return key;
}

/** `<signing key file without .pem>.pub.pem`: the public key another service verifies this service's statements with. */
export const publicKeyPath = (keyDir: string, env: NodeJS.ProcessEnv = process.env, service: LogService = DEFAULT_LOG_SERVICE): string =>
  signingKeyPath(keyDir, env, service).replace(/(\.pem)?$/, '.pub.pem');

/** Another service's public key, from its `.pub.pem` (empty when it has never signed anything). */
export function loadPeerPublicKeys(keyDir: string, service: LogService, env: NodeJS.ProcessEnv = process.env): Map<string, KeyObject> {
  let pem: string;
  try {
    pem = readFileSync(publicKeyPath(keyDir, env, service), 'utf8');
  } catch {
    return new Map();
  }
  const publicKey = createPublicKey(pem);
  return new Map([[keyIdOf(publicKey), publicKey]]);
}

/** Public keys for verification; empty when the key file is missing (checkpoints then fail as unverifiable). */
export function loadPublicKeys(keyDir: string, env: NodeJS.ProcessEnv = process.env, service: LogService = DEFAULT_LOG_SERVICE): Map<string, KeyObject> {
  let pem: string;
  try {
    pem = readFileSync(signingKeyPath(keyDir, env, service), 'utf8');
  } catch {
    return new Map();
  }
  const k = fromPem(pem);
  return new Map([[k.keyId, k.publicKey]]);
}

const isoOf = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

/** The exact bytes signed. */
export function checkpointMessage(cp: Omit<CheckpointLike, 'signature'>): string {
  return canonicalJson({
    checkpointSeq: cp.checkpointSeq,
    globalSeq: cp.globalSeq,
    headHash: cp.headHash,
    prevSignature: cp.prevSignature,
    signedAt: isoOf(cp.signedAt),
    keyId: cp.keyId,
  });
}

/** Sign a checkpoint; returns the complete checkpoint fields (signature base64). */
export function signCheckpoint(
  key: SigningKey,
  fields: { checkpointSeq: number; globalSeq: number; headHash: string; prevSignature: string; signedAt: Date },
): Omit<CheckpointLike, 'signedAt'> & { signedAt: Date } {
  const unsigned = { ...fields, keyId: key.keyId };
  const signature = sign(null, Buffer.from(checkpointMessage(unsigned), 'utf8'), key.privateKey).toString('base64');
  return { ...unsigned, signature };
}

export function verifyCheckpointSignature(cp: CheckpointLike, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(checkpointMessage(cp), 'utf8'), publicKey, Buffer.from(cp.signature, 'base64'));
  } catch {
    return false;
  }
}

export function witnessPath(keyDir: string, dbName: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(dbName)) throw new Error(`bad database name ${dbName}`);
  return join(keyDir, `record-witness-${dbName}.json`);
}

/** null when there is no witness yet; throws on a malformed one (someone edited it: do not guess). */
export function readWitness(keyDir: string, dbName: string): Witness | null {
  let text: string;
  try {
    text = readFileSync(witnessPath(keyDir, dbName), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const w = JSON.parse(text) as Partial<Witness>;
  if (!Number.isInteger(w.checkpointSeq) || !Number.isInteger(w.globalSeq) || typeof w.headHash !== 'string') {
    throw new Error(`见证文件 ${witnessPath(keyDir, dbName)} 格式错误 (malformed witness file)`);
  }
  return {
    checkpointSeq: w.checkpointSeq!,
    globalSeq: w.globalSeq!,
    headHash: w.headHash,
    ...(typeof w.signature === 'string' ? { signature: w.signature } : {}),
  };
}

/** Atomic replace (temp file + rename); never moves the witness backwards. */
export function writeWitness(keyDir: string, dbName: string, w: Witness): void {
  const current = readWitness(keyDir, dbName);
  if (current && current.checkpointSeq >= w.checkpointSeq) return;
  replaceWitnessFile(keyDir, dbName, w);
  // Issue 25: the same head to the off-host witness, when one is configured (WITNESS_URL).
  publishHead(dbName, w);
}

/**
 * Write the witness file whatever it held (atomic). Only for the approved re-anchoring (kernel/records/reanchor.ts)
 * and for a restore into databases that had no witness yet: everything else goes through writeWitness.
 */
export function replaceWitnessFile(keyDir: string, dbName: string, w: Witness): void {
  const path = witnessPath(keyDir, dbName);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, JSON.stringify({ checkpointSeq: w.checkpointSeq, globalSeq: w.globalSeq, headHash: w.headHash, signature: w.signature }), {
    mode: 0o600,
  });
  renameSync(tmp, path);
}

/** For a deliberate reset of the database (e.g. seed --reset): otherwise the fresh DB reads as a rollback. */
export function removeWitness(keyDir: string, dbName: string): void {
  try {
    unlinkSync(witnessPath(keyDir, dbName));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
