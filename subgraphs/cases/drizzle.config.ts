import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate --config subgraphs/cases/drizzle.config.ts` after a change to db/schema.ts.
export default defineConfig({
  dialect: 'mysql',
  schema: './subgraphs/cases/db/schema.ts',
  out: './subgraphs/cases/migrations',
});
