import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './chain.js';
import type { SigningKey } from './signing.js';

/**
 * A fact one service states and another records (issue 25): the stating service signs the canonical JSON of the
 * fact with its own Ed25519 key (signing.ts, per service); the recording service verifies it with the stater's public
 * key only and keeps statement and signature verbatim in its own log. So the recorder cannot make up the statement,
 * and the stater's database account cannot either: only the stating process, acting on an authenticated act, can.
 */
export interface Countersigned {
  /** Canonical JSON of the stated fact (has a `kind`). */
  statement: string;
  keyId: string;
  /** Ed25519 over `sanxiang/countersign/v1\n<statement>`, base64. */
  signature: string;
}

const message = (statement: string) => Buffer.from(`sanxiang/countersign/v1\n${statement}`, 'utf8');

export function countersign(key: SigningKey, fact: { kind: string } & Record<string, unknown>): Countersigned {
  const statement = canonicalJson(fact);
  return { statement, keyId: key.keyId, signature: sign(null, message(statement), key.privateKey).toString('base64') };
}

/** The stated fact when the signature verifies under one of `publicKeys` and the statement is canonical; else null. */
export function verifyCountersigned<T extends { kind: string }>(c: Partial<Countersigned> | null | undefined, publicKeys: Map<string, KeyObject>): T | null {
  if (!c || typeof c.statement !== 'string' || typeof c.signature !== 'string' || typeof c.keyId !== 'string') return null;
  const key = publicKeys.get(c.keyId);
  if (!key) return null;
  try {
    if (!verify(null, message(c.statement), key, Buffer.from(c.signature, 'base64'))) return null;
    const fact = JSON.parse(c.statement) as T;
    return canonicalJson(fact) === c.statement && typeof fact.kind === 'string' ? fact : null;
  } catch {
    return null;
  }
}
