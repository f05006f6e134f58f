import { computeStatus } from '@dudao/metrics';
import { readKnownAt } from '../src/services/known/read';
import { benchContext, benchDb, report, timeIt } from './support';

// Splits status.at into its read and its computation, to see where time goes.
const opened = await benchDb('province');
const ctx = await benchContext(opened);
const input = await readKnownAt(ctx, ctx.campaign.province, '2021-11-01', null);
report('read', await timeIt(10, () => readKnownAt(ctx, ctx.campaign.province, '2021-11-01', null)));
report('compute', await timeIt(10, async () => computeStatus(input)));
await opened.close();
