// `tsx bench/build-db.ts [--scale province|nation] [--db …] [--rebuild]`: builds the bench demo databases only.
import { benchDb, benchScales } from './support';

for (const scale of benchScales()) await (await benchDb(scale)).close();
