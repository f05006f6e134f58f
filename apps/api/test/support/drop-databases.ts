import { afterAll } from 'vitest';
import { dropCreatedDatabases, removeTempFolders } from './fresh-db';

// Runs before each test file: after its last test, the PostgreSQL databases it created are dropped and the temporary
// folders of its SQLite files removed.
afterAll(async () => {
  await dropCreatedDatabases();
  removeTempFolders();
});
