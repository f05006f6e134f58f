import { endOfBeijingDay, type CampaignDef } from '@dudao/schema/campaign';
import type { CountyInput, StatusInput } from '@dudao/metrics';
import type { DbOrTx } from '../../db/client';
import { getUnit, listUnits } from '../org/units';
import { cachedCountyShapes } from './county-shapes';
import { knownCaseLogs, knownRosters, knownSubmissions, knownSummaries, knownVisits, submissionFields } from './rows';

export function gateDeadline(campaign: CampaignDef, gate: string): string {
  const def = campaign.gates.find((g) => g.code === gate);
  if (!def) throw new Error(`活动定义缺少关口 ${gate}`);
  return def.deadline;
}

/** The day the county's lagging status is fixed for supervision: the start of the stage holding gate m4. */
export function supervisionStart(campaign: CampaignDef): string {
  const stage = campaign.stages.find((s) => s.gates.includes('m4_supervised'));
  if (!stage?.start) throw new Error('活动定义缺少重点督导阶段的开始日期');
  return stage.start;
}

/**
 * Exactly what was known at the end of day `asOf` (Beijing) for every county under `scope`:
 * nothing recorded later can reach the answer, because every query is bounded by that instant.
 */
export function readKnownAt(db: DbOrTx, campaign: CampaignDef, scope: string, asOf: string, laggingAtSupervision: Map<string, boolean> | null): StatusInput {
  const before = endOfBeijingDay(asOf);
  const deadline = gateDeadline(campaign, 'm2_coordinators');
  const submissions = knownSubmissions(db, campaign, scope, before);
  const fields = submissionFields(db, [...submissions.newest.values()].map((s) => s.id));
  const rosters = knownRosters(db, campaign, scope, before);
  const rostersAtDeadline = asOf > deadline ? knownRosters(db, campaign, scope, endOfBeijingDay(deadline)) : new Map();
  const caseLogs = knownCaseLogs(db, campaign, scope, before);
  const visits = knownVisits(db, campaign, scope, before);
  const summaries = knownSummaries(db, campaign, scope, before);
  const counties: CountyInput[] = cachedCountyShapes(db, scope).map((shape) => {
    const newest = submissions.newest.get(shape.code);
    return {
      code: shape.code,
      name: shape.name,
      cityCode: shape.cityCode,
      townships: shape.townships,
      villages: shape.villages,
      report: newest ? { period: newest.period, submittedAt: newest.submittedAt, values: fields.get(newest.id) ?? {} } : null,
      firstSubmissions: submissions.first.get(shape.code) ?? {},
      roster: rosters.get(shape.code) ?? null,
      rosterAtDeadline: rostersAtDeadline.get(shape.code) ?? null,
      caseLog: caseLogs.get(shape.code) ?? null,
      visits: visits.get(shape.code) ?? [],
      laggingAtSupervision: laggingAtSupervision ? (laggingAtSupervision.get(shape.code) ?? false) : null,
    };
  });
  const province = getUnit(db, campaign.province);
  const cities = listUnits(db, { level: 'city' }).filter((c) => c.code.startsWith(scope) || scope.startsWith(c.code));
  return {
    campaign,
    asOf,
    province: { code: campaign.province, name: province?.name ?? campaign.province },
    cities: cities.map((c) => ({ code: c.code, name: c.name, summarySubmittedAt: summaries.get(c.code) ?? null })),
    counties,
  };
}
