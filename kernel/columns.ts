import { customType, datetime, int, varchar } from 'drizzle-orm/mysql-core';

/**
 * JSON stored as LONGTEXT and parsed here: MariaDB's JSON is LONGTEXT underneath and returns strings,
 * MySQL returns objects; one explicit mapping behaves the same on MySQL, MariaDB, TiDB and OceanBase.
 */
export const jsonText = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'longtext',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => {
      const parsed = JSON.parse(value) as T;
      if (parsed !== null && typeof parsed === 'object') storedText.set(parsed, value);
      return parsed;
    },
  })(name);

const storedText = new WeakMap<object, string>();
/**
 * The exact text a JSON column value was parsed from (issue 28): a fingerprint of the stored bytes at no cost, for
 * caches of checks on rows read (subgraphs/powers/integrity). Undefined for values not read through `jsonText`.
 */
export const storedJsonText = (value: unknown): string | undefined => (value !== null && typeof value === 'object' ? storedText.get(value) : undefined);

/** ULID primary keys: CHAR(26), time-ordered but not an AUTO_INCREMENT hot spot. */
export const idColumn = (name = 'id') => varchar(name, { length: 26 });

/** UTC timestamps with millisecond precision (ARCHITECTURE.md "Data"). */
export const timestamp3 = (name: string) => datetime(name, { mode: 'date', fsp: 3 });

/** Optimistic concurrency: every mutable aggregate carries it; updates are conditional on it. */
export const lockVersion = () => int('version').notNull().default(1);

/** Idempotency key of the creating request, scoped by caller (`subject:key`). */
export const idempotencyKey = () => varchar('idempotency_key', { length: 200 });
