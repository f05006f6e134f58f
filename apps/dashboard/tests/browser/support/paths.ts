import { fileURLToPath } from 'node:url';

export const dashboardDir = fileURLToPath(new URL('../../../', import.meta.url));
export const apiDir = fileURLToPath(new URL('../../../../api/', import.meta.url));
export const resultsDir = fileURLToPath(new URL('../../../test-results/', import.meta.url));
