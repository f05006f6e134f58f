import { afterAll } from 'vitest';
import { dropCreatedDatabases } from './fresh-db';

// Runs before each test file: after its last test, the PostgreSQL databases it created are dropped.
afterAll(async () => {
  await dropCreatedDatabases();
});
