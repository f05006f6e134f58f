import { periodEnd, type CampaignDef, type IndicatorDef } from '@dudao/schema/campaign';
import type { CountyInput, IndicatorResult } from './types';
import { caseLogFigures, processingDayLimit, type CaseLogFigures } from './case-log';
import { judgeIndicator, type Observation } from './indicator-status';
import { parseReportNumber, parseReportValue } from './report-values';
import { rosterFigures, type RosterFigures } from './roster';
import { firstReportDue, isDueBy } from './schedule';

interface Known {
  county: CountyInput;
  asOf: string;
  absent: 'pending' | 'missing';
  roster: RosterFigures | null;
  cases: CaseLogFigures | null;
}

function rosterObservation(def: IndicatorDef, known: Known): Observation {
  if (!known.roster) return { state: known.absent, judgedOn: known.asOf };
  const figure = known.roster[def.code as keyof RosterFigures];
  if (!figure) throw new Error(`无法由村级台账计算指标 ${def.code}`);
  return { state: 'known', judgedOn: known.asOf, ...figure };
}

// A known case log replaces the reported processing figures; with no decided case yet there is no average to replace.
function caseLogObservation(def: IndicatorDef, known: Known): Observation | null {
  if (!known.cases) return null;
  if (def.code === 't06_over_limit_cases') return { state: 'known', judgedOn: known.asOf, value: known.cases.overLimitCases };
  if (def.code === 't06_avg_processing_days' && known.cases.avgProcessingDays !== null) {
    return { state: 'known', judgedOn: known.asOf, value: known.cases.avgProcessingDays };
  }
  return null;
}

function denominatorOf(def: IndicatorDef, known: Known, campaign: CampaignDef): number | null {
  const target = def.target;
  if (target?.kind !== 'ratio') return null;
  const source = target.denominator;
  if (source === null) throw new Error(`报表指标 ${def.code} 缺少分母定义`);
  if ('orgCount' in source) return known.county[source.orgCount];
  const whole = campaign.indicators.find((i) => i.code === source.indicator);
  if (!whole) throw new Error(`指标 ${def.code} 的分母 ${source.indicator} 未定义`);
  return parseReportNumber(whole, known.county.report?.values[source.indicator]);
}

function reportObservation(def: IndicatorDef, known: Known, campaign: CampaignDef): Observation {
  const fromCases = caseLogObservation(def, known);
  if (fromCases) return fromCases;
  const report = known.county.report;
  if (!report) return { state: known.absent, judgedOn: known.asOf };
  const judgedOn = periodEnd(report.period);
  const raw = report.values[def.code];
  if (def.kind === 'date') return { state: 'known', judgedOn, value: null, date: parseReportValue(def, raw) as string | null };
  const value = parseReportNumber(def, raw);
  if (def.target?.kind !== 'ratio') return { state: 'known', judgedOn, value };
  return { state: 'known', judgedOn, value, numerator: value, denominator: denominatorOf(def, known, campaign) };
}

/** Every indicator of the campaign for one county, from what is known at the end of asOf. */
export function countyIndicators(county: CountyInput, campaign: CampaignDef, asOf: string): Record<string, IndicatorResult> {
  const known: Known = {
    county,
    asOf,
    absent: isDueBy(firstReportDue(campaign), asOf) ? 'missing' : 'pending',
    roster: county.roster ? rosterFigures(county.roster.villages, county.villages, campaign.thresholds) : null,
    cases: county.caseLog ? caseLogFigures(county.caseLog, asOf, campaign.start, processingDayLimit(campaign)) : null,
  };
  const results: Record<string, IndicatorResult> = {};
  for (const def of campaign.indicators) {
    const observation = def.source === 'roster' ? rosterObservation(def, known) : reportObservation(def, known, campaign);
    results[def.code] = judgeIndicator(def, observation, campaign);
  }
  return results;
}
