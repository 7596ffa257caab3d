import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration here after a change to db/schema.ts.
export default defineConfig({
  dialect: 'mysql',
  schema: './subgraphs/powers/db/schema.ts',
  out: './subgraphs/powers/migrations',
});
