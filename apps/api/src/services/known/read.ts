import { endOfBeijingDay, type CampaignDef } from '@dudao/schema/campaign';
import { gatesOfKind, supervisionStart, type CountyInput, type KnownRoster, type StatusInput } from '@dudao/metrics';
import type { Ctx } from '../context';
import { getUnit, listUnits } from '../org/units';
import type { CountyShape } from '../org/shape';
import { cachedCountyShapes } from './county-shapes';
import { knownCaseLogs, knownRosters, knownSubmissions, knownSummaries, knownVisits, submissionFields } from './rows';
import type { Scope } from './rows';

// The supervision day and the summary deadline come from the definition's gates, judged by kind in the metrics.
export { summaryDue, supervisionStart } from '@dudao/metrics';

/** Whether `asOf` has reached the supervision day, so lagging on it is known. */
export function supervisionJudged(campaign: CampaignDef, asOf: string): boolean {
  const start = supervisionStart(campaign);
  return start !== null && asOf >= start;
}

/**
 * Exactly what was known at the end of day `asOf` (Beijing) for every county under `scope`:
 * nothing recorded later can reach the answer, because every query is bounded by that instant.
 */
export async function readKnownAt(
  ctx: Ctx<'campaign'>,
  scope: string,
  asOf: string,
  laggingAtSupervision: Map<string, boolean> | null,
): Promise<StatusInput> {
  const counties = await readCountyInputs(ctx, scope, await cachedCountyShapes(ctx, scope), asOf);
  return {
    ...(await readUnitsKnownAt(ctx, scope, asOf)),
    counties: counties.map((c) => ({
      ...c,
      laggingAtSupervision: laggingAtSupervision ? (laggingAtSupervision.get(c.code) ?? false) : null,
    })),
  };
}

/**
 * The inputs of the counties `shapes` (all under `scope`, or exactly the listed ones) at the end of `asOf`, each
 * standing alone: a county's input is read from its own rows only, so one county can be reread without the others.
 * `laggingAtSupervision` is left null for the caller to fill.
 */
export async function readCountyInputs(
  ctx: Ctx<'campaign'>,
  scope: Scope,
  shapes: CountyShape[],
  asOf: string,
): Promise<CountyInput[]> {
  const { campaign } = ctx;
  const before = endOfBeijingDay(asOf);
  const rosterDeadlines = [...new Set(gatesOfKind(campaign, 'roster_condition').map((g) => g.deadline))].filter(
    (d) => asOf > d,
  );
  const submissions = await knownSubmissions(ctx, scope, before);
  const fields = await submissionFields(
    ctx,
    [...submissions.newest.values()].map((s) => s.id),
  );
  const rosters = await knownRosters(ctx, scope, before);
  // One read per roster-gate deadline already past: each gate is judged on the roster known at the end of its own day.
  const atDeadlines = new Map<string, Map<string, KnownRoster>>();
  for (const d of rosterDeadlines) atDeadlines.set(d, await knownRosters(ctx, scope, endOfBeijingDay(d)));
  const caseLogs = await knownCaseLogs(ctx, scope, before);
  const visits = await knownVisits(ctx, scope, before);
  return shapes.map((shape) => {
    const newest = submissions.newest.get(shape.code);
    return {
      code: shape.code,
      name: shape.name,
      cityCode: shape.cityCode,
      townships: shape.townships,
      villages: shape.villages,
      report: newest
        ? { period: newest.period, submittedAt: newest.submittedAt, values: fields.get(newest.id) ?? {} }
        : null,
      firstSubmissions: submissions.first.get(shape.code) ?? {},
      roster: rosters.get(shape.code) ?? null,
      rosterAtDeadline: rosterDeadlines[0] ? (atDeadlines.get(rosterDeadlines[0])?.get(shape.code) ?? null) : null,
      rostersAtDeadlines: Object.fromEntries(
        rosterDeadlines.map((d) => [d, atDeadlines.get(d)?.get(shape.code) ?? null]),
      ),
      caseLog: caseLogs.get(shape.code) ?? null,
      visits: visits.get(shape.code) ?? [],
      laggingAtSupervision: null,
    };
  });
}

/** The province and the cities under `scope` with their summaries known at the end of `asOf`. */
export async function readUnitsKnownAt(
  ctx: Ctx<'campaign'>,
  scope: string,
  asOf: string,
): Promise<Omit<StatusInput, 'counties'>> {
  const { campaign } = ctx;
  const summaries = await knownSummaries(ctx, scope, endOfBeijingDay(asOf));
  const province = await getUnit(ctx, campaign.province);
  const cities = (await listUnits(ctx, { level: 'city' })).filter(
    (c) => c.code.startsWith(scope) || scope.startsWith(c.code),
  );
  return {
    campaign,
    asOf,
    province: { code: campaign.province, name: province?.name ?? campaign.province },
    cities: cities.map((c) => ({ code: c.code, name: c.name, summarySubmittedAt: summaries.get(c.code) ?? null })),
  };
}
