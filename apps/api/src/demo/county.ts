import { addDays, type CampaignDef } from '@dudao/schema/campaign';
import type { DemoCalendar } from './calendar';
import { caseLogs, drawCasePool } from './cases';
import { outlierComments } from './comments';
import type { SeriesContext } from './context';
import { drawMistake } from './corrections';
import { countySize, villageRecipients } from './magnitudes';
import type { RosterFacts } from './narrative-facts';
import { writeNarratives } from './narratives';
import { drawProfile } from './profile';
import { streamFor } from './rng';
import { buildRosters } from './rosters';
import { timeline } from './timeline';
import type { DemoCaseLog, DemoCounty, DemoReport, DemoRoster, DemoVillage } from './types';
import { reliefSeries } from './values-relief';
import { serviceSeries } from './values-services';

export interface CountyDemo {
  reports: DemoReport[];
  rosters: DemoRoster[];
  caseLogs: DemoCaseLog[];
}

type Values = Record<string, string | null>;

export function countyDemo(seed: number, campaign: CampaignDef, cal: DemoCalendar, county: DemoCounty, townships: string[], villages: DemoVillage[]): CountyDemo {
  const stream = (...keys: string[]) => streamFor(seed, county.code, ...keys);
  const at = (i: number) => cal.periodEnds[Math.max(0, Math.min(cal.periodEnds.length - 1, i))] ?? campaign.end;
  const profile = drawProfile(stream('profile'), campaign.start, cal.planDeadline);
  const recipients = villageRecipients(stream('villages'), county.kind, villages.length);
  const size = countySize(stream('size'), county.kind, townships.length, recipients);
  const window = { start: campaign.start, lastApplied: at(cal.deadlineIdx + 1), uploadAfter: [at(cal.deadlineIdx - 1), at(cal.deadlineIdx + 1)] as [string, string] };
  const pool = drawCasePool(stream('cases'), county.code, townships, profile, window);
  const eligibleAt = campaign.thresholds.eligibleRecipients;
  const rosters = buildRosters(stream('roster'), county.code, villages, recipients, profile, {
    firstFrom: addDays(campaign.rampStart, 1),
    firstTo: addDays(at(0), 20),
    deadline: cal.deadline,
    lastDay: at(cal.deadlineIdx + 1),
    eligibleAt,
  });
  const ctx: SeriesContext = { rng: stream('values'), n: cal.periods.length, deadlineIdx: cal.deadlineIdx, periodEnds: cal.periodEnds, size, profile, pool };
  const relief = reliefSeries(ctx);
  const series = { ...relief, ...serviceSeries(ctx, (relief.t01_tekun ?? []).map(Number)) };
  const codes = campaign.indicators.filter((d) => d.source === 'report').map((d) => d.code);
  const tasks = campaign.tasks.map((t) => t.code);

  let previous: Values | null = null;
  let lastSubmitted: Values | null = null;
  const reports = cal.periods.map((period, i): DemoReport => {
    const before = previous;
    const narrate = (values: Values) =>
      writeNarratives({ county: county.name, period, values, previous: before, roster: rosterFacts(rosters, at(i), eligibleAt) }, (task) => stream('narrative', period, task));
    const final: Values = Object.fromEntries(codes.map((code) => [code, series[code]?.[i] ?? null]));
    Object.assign(final, narrate(final));
    const submitted = { values: final };
    const events = timeline(
      stream('timeline', period),
      { due: cal.dues[i] ?? at(i), earliest: addDays(at(i), 1), profile, approveChance: i === cal.periods.length - 1 ? 0.8 : 0.95, acceptChance: i <= cal.deadlineIdx ? 0.85 : i === cal.deadlineIdx + 1 ? 0.4 : 0 },
      () => {
        const { wrong, correction } = drawMistake(stream('mistake', period), county.name, final, tasks);
        const first: Values = { ...final, ...wrong };
        for (const [field, text] of Object.entries(narrate(first))) {
          if (field in wrong || text === final[field]) continue;
          first[field] = text;
          correction.values[field] = final[field] ?? null;
        }
        submitted.values = first;
        return correction;
      },
    );
    // Outliers against the previous period and, when that one was never submitted, against the last submitted one too.
    const comments = Object.assign({}, ...[lastSubmitted, before].flatMap((base) => [submitted.values, final].map((v) => outlierComments(campaign, v, base)))) as Record<string, string>;
    previous = final;
    if (events.length > 0) lastSubmitted = final;
    return { countyCode: county.code, period, values: submitted.values, comments, events };
  });
  return { reports, rosters, caseLogs: pool ? caseLogs(stream('case-log'), county.code, pool) : [] };
}

function rosterFacts(rosters: DemoRoster[], day: string, eligibleAt: number): RosterFacts | null {
  const known = rosters.filter((r) => r.at.slice(0, 10) <= day).at(-1);
  if (!known) return null;
  const rows = known.rows;
  const eligible = rows.filter((r) => r.longTermRecipients >= eligibleAt);
  return {
    villages: rows.length,
    withCoordinators: rows.filter((r) => r.coordinators >= 1).length,
    coordinators: rows.reduce((a, r) => a + r.coordinators, 0),
    civilAffairs: rows.filter((r) => r.civilAffairsMember).length,
    eligible: eligible.length,
    stations: rows.reduce((a, r) => a + r.stations, 0),
  };
}
