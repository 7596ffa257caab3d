import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addCounts, readUsageFile, utcDay, type UsageCounts } from '../kernel/schema/usage-files.js';

// Who used what: the field usage the gateways counted (kernel/schema/usage-files.ts), read for a check.

export interface ClientUse {
  client: string;
  count: number;
  lastDay: string;
}

/**
 * The configured usage store is missing (issue 29): a check against a folder no gateway writes — another DB_PREFIX,
 * a FIELD_USAGE_DIR not shared with the gateways — would otherwise say "no recorded use" of everything.
 */
export class UsageStoreMissing extends Error {
  constructor(readonly dir: string) {
    super(
      `用量记录目录不存在：${dir}（网关写入 FIELD_USAGE_DIR，默认 .usage/<DB_PREFIX>/；请用部署的 FIELD_USAGE_DIR 或 DB_PREFIX 运行）(usage store not found)`,
    );
  }
}

/** The store's files and the first day any of them recorded (null: none yet). Throws UsageStoreMissing. */
export function usageStoreSpan(dir: string): { files: number; firstDay: string | null } {
  if (!existsSync(dir)) throw new UsageStoreMissing(dir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  let firstDay: string | null = null;
  for (const f of files) {
    for (const day of Object.keys(readUsageFile(join(dir, f))?.days ?? {})) if (firstDay === null || day < firstDay) firstDay = day;
  }
  return { files: files.length, firstDay };
}

/** coordinate → clients that selected it, from every usage file in `dir`, on days ≥ `sinceDay`. Throws UsageStoreMissing. */
export function readUsage(dir: string, sinceDay: string): Map<string, ClientUse[]> {
  const merged: UsageCounts = {};
  if (!existsSync(dir)) throw new UsageStoreMissing(dir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  for (const f of files) {
    const file = readUsageFile(join(dir, f));
    if (file) addCounts(merged, file.days);
  }
  const byCoordinate = new Map<string, Map<string, ClientUse>>();
  for (const [day, clients] of Object.entries(merged)) {
    if (day < sinceDay) continue;
    for (const [client, coords] of Object.entries(clients)) {
      for (const [coord, n] of Object.entries(coords)) {
        const m = byCoordinate.get(coord) ?? new Map<string, ClientUse>();
        const use = m.get(client) ?? { client, count: 0, lastDay: day };
        use.count += n;
        if (day > use.lastDay) use.lastDay = day;
        m.set(client, use);
        byCoordinate.set(coord, m);
      }
    }
  }
  return new Map([...byCoordinate].map(([k, m]) => [k, [...m.values()].sort((a, b) => b.count - a.count)]));
}

/** The first day of a window of `days` days ending on `now`'s UTC day. */
export const windowStart = (now: Date, days: number) => utcDay(new Date(now.getTime() - (days - 1) * 86_400_000));
