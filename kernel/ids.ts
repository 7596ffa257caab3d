import { createHash } from 'node:crypto';
import { monotonicFactory } from 'ulid';

// ULIDs: sortable (good keyset order) but not sequential per row like AUTO_INCREMENT (no hot spot on TiDB).
const next = monotonicFactory();
export const newId = (): string => next();
export const isId = (s: string): boolean => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(s);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Stable ULID-shaped id for demo data, so ids survive `seed --reset` and can be put in tokens. */
export function stableId(namespace: string, key: string): string {
  const digest = createHash('sha256').update(`${namespace}:${key}`).digest();
  let out = '01KDEM00';
  for (let i = 0; out.length < 26; i++) out += CROCKFORD[digest[i]! % 32];
  return out;
}
