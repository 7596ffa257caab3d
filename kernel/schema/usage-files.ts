import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';

// The field-usage files: the gateway counts which fields each client selects and merges its counts into its
// own file (gateway/usage.ts); `npm run compose -- --check` reads every file in the folder (registry/usage.ts).
// Counts only: no query text, variables or caller identity is kept.

/** `FIELD_USAGE_DIR`, else `.usage/<DB_PREFIX>/` in the project folder (one deployment's gateways share it). */
export function usageDirFrom(env: NodeJS.ProcessEnv, config: Pick<Config, 'dbPrefix'>): string {
  return env.FIELD_USAGE_DIR || fileURLToPath(new URL(`../../.usage/${config.dbPrefix}/`, import.meta.url));
}

/** day (YYYY-MM-DD, UTC) → client → coordinate → operations that selected it. */
export type UsageCounts = Record<string, Record<string, Record<string, number>>>;

export interface UsageFile {
  version: 1;
  instance: string;
  days: UsageCounts;
}

export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export function addCounts(into: UsageCounts, from: UsageCounts) {
  for (const [day, clients] of Object.entries(from)) {
    const d = (into[day] ??= {});
    for (const [client, coords] of Object.entries(clients)) {
      const c = (d[client] ??= {});
      for (const [coord, n] of Object.entries(coords)) c[coord] = (c[coord] ?? 0) + n;
    }
  }
}

export function readUsageFile(path: string): UsageFile | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as UsageFile;
    return parsed && parsed.version === 1 && typeof parsed.days === 'object' ? parsed : null;
  } catch {
    return null;
  }
}
