import { defineConfig } from 'drizzle-kit';

// PostgreSQL's migrations come from the same tables as SQLite's, mirrored by src/engines/pg-twin.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/engines/pg-tables.ts',
  out: './migrations-pg',
});
