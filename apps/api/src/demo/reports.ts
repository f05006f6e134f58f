import { addDays, type CampaignDef } from '@dudao/schema/campaign';
import type { DemoCalendar } from './calendar';
import { outlierComments } from './comments';
import type { Series } from './context';
import { drawMistake } from './corrections';
import type { RosterFacts } from './narrative-facts';
import { writeNarratives } from './narratives';
import type { CountyProfile } from './profile';
import type { Rng } from './rng';
import { timeline } from './timeline';
import type { DemoCounty, DemoReport, DemoRoster } from './types';

type Values = Record<string, string | null>;

export interface ReportsInput {
  campaign: CampaignDef;
  cal: DemoCalendar;
  county: DemoCounty;
  series: Series;
  profile: CountyProfile;
  rosters: DemoRoster[];
  stream: (...keys: string[]) => Rng;
  /** The county's place in the province, which turns the narratives' framing round the counties. */
  seat: number;
}

/** One report per period: final values and narratives, the workflow, and a first submission that may hold a mistake. */
export function buildReports({
  campaign,
  cal,
  county,
  series,
  profile,
  rosters,
  stream,
  seat,
}: ReportsInput): DemoReport[] {
  const codes = campaign.indicators.filter((d) => d.source === 'report').map((d) => d.code);
  const tasks = campaign.tasks.map((t) => t.code);
  const eligibleAt = campaign.thresholds.eligibleRecipients;
  const last = cal.periods.length - 1;
  let previous: Values | null = null;
  let lastSubmitted: Values | null = null;
  return cal.periods.map((period, i): DemoReport => {
    const end = cal.periodEnds[i] ?? campaign.end;
    const before = previous;
    const roster = rosterFacts(rosters, end, eligibleAt);
    const narrate = (values: Values) =>
      writeNarratives(
        { county: county.name, period, values, previous: before, roster },
        (task) => stream('narrative', period, task),
        seat,
      );
    const final: Values = Object.fromEntries(codes.map((code) => [code, series[code]?.[i] ?? null]));
    Object.assign(final, narrate(final));
    let first = final;
    const acceptChance = i <= cal.deadlineIdx ? 0.85 : i === cal.deadlineIdx + 1 ? 0.4 : 0;
    const schedule = {
      due: cal.dues[i] ?? end,
      earliest: addDays(end, 1),
      profile,
      approveChance: i === last ? 0.8 : 0.95,
      acceptChance,
    };
    const events = timeline(stream('timeline', period), schedule, () => {
      const { wrong, correction } = drawMistake(stream('mistake', period), county.name, final, tasks);
      first = { ...final, ...wrong };
      for (const [field, text] of Object.entries(narrate(first))) {
        if (field in wrong || text === final[field]) continue;
        first[field] = text;
        correction.values[field] = final[field] ?? null;
      }
      return correction;
    });
    // Outliers against the previous period and, when that one was never submitted, against the last submitted one too.
    const comments: Record<string, string> = {};
    for (const base of [lastSubmitted, before])
      for (const version of [first, final]) Object.assign(comments, outlierComments(campaign, version, base));
    previous = final;
    if (events.length > 0) lastSubmitted = final;
    return { countyCode: county.code, period, values: first, comments, events };
  });
}

function rosterFacts(rosters: DemoRoster[], day: string, eligibleAt: number): RosterFacts | null {
  const rows = rosters.filter((r) => r.at.slice(0, 10) <= day).at(-1)?.rows;
  if (!rows) return null;
  return {
    villages: rows.length,
    withCoordinators: rows.filter((r) => r.coordinators >= 1).length,
    coordinators: rows.reduce((a, r) => a + r.coordinators, 0),
    civilAffairs: rows.filter((r) => r.civilAffairsMember).length,
    eligible: rows.filter((r) => r.longTermRecipients >= eligibleAt).length,
    stations: rows.reduce((a, r) => a + r.stations, 0),
  };
}
