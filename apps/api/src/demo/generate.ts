import type { CampaignDef } from '@dudao/schema/campaign';
import { demoCalendar } from './calendar';
import { countyDemo } from './county';
import type { DemoPlan, DemoTree, DemoVillage } from './types';
import { visitTexts } from './visits';

/** The whole demo history of a campaign over a tree, as a plan for the services to apply; pure and deterministic in `seed`. */
export function generateDemo(tree: DemoTree, campaign: CampaignDef, seed = 2021): DemoPlan {
  const cal = demoCalendar(campaign);
  const townships = groupBy(tree.townships, (t) => t.countyCode);
  const villages = groupBy(tree.villages, (v) => v.countyCode);
  const plan: DemoPlan = { reports: [], rosters: [], caseLogs: [], narratives: {}, visitTexts };
  for (const [seat, county] of tree.counties.entries()) {
    const ownTownships = (townships.get(county.code) ?? []).map((t) => t.code);
    const demo = countyDemo(
      seed,
      campaign,
      cal,
      county,
      ownTownships,
      villages.get(county.code) ?? ([] as DemoVillage[]),
      seat,
    );
    plan.reports.push(...demo.reports);
    plan.rosters.push(...demo.rosters);
    plan.caseLogs.push(...demo.caseLogs);
  }
  return plan;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
