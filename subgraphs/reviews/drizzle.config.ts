import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'mysql',
  schema: './subgraphs/reviews/db/schema.ts',
  out: './subgraphs/reviews/migrations',
});
