// The two shapes every DataLoader batch function needs: one row per key, or all rows per key, in key order.

export function byKey<T, K>(rows: readonly T[], keys: readonly K[], keyOf: (r: T) => K): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

export function groupedByKey<T, K>(rows: readonly T[], keys: readonly K[], keyOf: (r: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
