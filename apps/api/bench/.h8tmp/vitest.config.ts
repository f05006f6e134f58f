import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { root: '/work/main/apps/api', include: ['test/postgres-schema.test.ts'], globalSetup: ['bench/.h8tmp/gs.ts'], setupFiles: ['test/support/drop-databases.ts'] } });
