import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addCounts, readUsageFile, utcDay, type UsageCounts } from '../kernel/schema/usage-files.js';

// Who used what: the field usage the gateways counted (kernel/schema/usage-files.ts), read for a check.

export interface ClientUse {
  client: string;
  count: number;
  lastDay: string;
}

/** coordinate → clients that selected it, from every usage file in `dir`, on days ≥ `sinceDay`. */
export function readUsage(dir: string, sinceDay: string): Map<string, ClientUse[]> {
  const merged: UsageCounts = {};
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    /* no usage recorded yet */
  }
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
