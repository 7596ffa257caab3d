import { customType, datetime, int, varchar } from 'drizzle-orm/mysql-core';

/**
 * JSON stored as LONGTEXT and parsed here: MariaDB's JSON is LONGTEXT underneath and returns strings,
 * MySQL returns objects; one explicit mapping behaves the same on MySQL, MariaDB, TiDB and OceanBase.
 */
export const jsonText = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'longtext',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => JSON.parse(value) as T,
  })(name);

/** ULID primary keys: CHAR(26), time-ordered but not an AUTO_INCREMENT hot spot. */
export const idColumn = (name = 'id') => varchar(name, { length: 26 });

/** UTC timestamps with millisecond precision (ARCHITECTURE.md "Data"). */
export const timestamp3 = (name: string) => datetime(name, { mode: 'date', fsp: 3 });

/** Optimistic concurrency: every mutable aggregate carries it; updates are conditional on it. */
export const lockVersion = () => int('version').notNull().default(1);

/** Idempotency key of the creating request, scoped by caller (`subject:key`). */
export const idempotencyKey = () => varchar('idempotency_key', { length: 200 });
