import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Read a file, creating it first if absent — atomically via link(), so concurrent first runs (parallel test
 * workers, several services starting at once) all end up with the same content, e.g. one key.
 */
export function createOnce(path: string, make: () => string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, make(), { mode: 0o600 });
    try {
      linkSync(tmp, path);
    } catch {
      /* someone else won the race; use theirs */
    } finally {
      unlinkSync(tmp);
    }
    return readFileSync(path, 'utf8');
  }
}
