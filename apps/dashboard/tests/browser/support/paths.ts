import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const dashboardDir = fileURLToPath(new URL('../../../', import.meta.url));
export const apiDir = fileURLToPath(new URL('../../../../api/', import.meta.url));
export const resultsDir = fileURLToPath(new URL('../../../test-results/', import.meta.url));
/** The servers' logs; each shard of a parallel run (scripts/test-browser.mjs) keeps its own. */
export const logsDir = join(
  resultsDir,
  'logs',
  process.env.DUDAO_BROWSER_SHARD ? `shard-${process.env.DUDAO_BROWSER_SHARD}` : '',
);
