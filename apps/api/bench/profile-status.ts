import { computeStatus } from '@dudao/metrics';
import { currentCampaign } from '../src/services/campaign/store';
import { readKnownAt } from '../src/services/known/read';
import { benchDb, report, timeIt } from './support';

// Splits status.at into its read and its computation, to see where time goes.
const opened = await benchDb('province');
const campaign = currentCampaign(opened.db);
const input = readKnownAt(opened.db, campaign, campaign.province, '2021-11-01', null);
report('read', timeIt(10, () => readKnownAt(opened.db, campaign, campaign.province, '2021-11-01', null)));
report('compute', timeIt(10, () => computeStatus(input)));
