import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate --config subgraphs/inspections/drizzle.config.ts` after a change to db/schema.ts.
export default defineConfig({
  dialect: 'mysql',
  schema: './subgraphs/inspections/db/schema.ts',
  out: './subgraphs/inspections/migrations',
});
