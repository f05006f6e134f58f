import { periodEnd, type CampaignDef, type IndicatorDef } from '@dudao/schema/campaign';
import type { CaseRecord, CountyInput, IndicatorResult } from './types';
import { caseLogFigures, overLimitDays, type CaseLogFigures } from './case-log';
import { judgeIndicator, type Observation } from './indicator-status';
import { parseReportNumber, parseReportValue } from './report-values';
import { rosterFigures, type RosterFigures } from './roster';
import { firstReportDue, isDueBy } from './schedule';

interface Known {
  county: CountyInput;
  asOf: string;
  absent: 'pending' | 'missing';
  roster: RosterFigures | null;
  /** The case log's figures, computed with each over-limit indicator's own limit. */
  cases: ((limitDays: number) => CaseLogFigures) | null;
  /** The day the case log's figures describe (see `caseLogDay`). */
  casesOn: string;
}

function rosterObservation(def: IndicatorDef, known: Known): Observation {
  if (!known.roster) return { state: known.absent, judgedOn: known.asOf };
  const figure = known.roster[def.code];
  if (!figure) throw new Error(`无法由村级台账计算指标 ${def.code}`);
  return { state: 'known', judgedOn: known.asOf, ...figure };
}

// A known case log replaces the reported processing figures; with no decided case yet there is no average to replace.
function caseLogObservation(def: IndicatorDef, known: Known, campaign: CampaignDef): Observation | null {
  const kind = def.derived?.kind;
  if (!known.cases || (kind !== 'case_log_over_limit' && kind !== 'case_log_average_days')) return null;
  if (kind === 'case_log_over_limit')
    return { state: 'known', judgedOn: known.casesOn, value: known.cases(overLimitDays(def, campaign)).overLimitCases };
  const average = known.cases(Infinity).avgProcessingDays;
  return average === null ? null : { state: 'known', judgedOn: known.casesOn, value: average };
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
  const fromCases = caseLogObservation(def, known, campaign);
  if (fromCases) return fromCases;
  const report = known.county.report;
  if (!report) return { state: known.absent, judgedOn: known.asOf };
  const judgedOn = reportDay(report.period, known.asOf);
  const raw = report.values[def.code];
  if (def.kind === 'date')
    return { state: 'known', judgedOn, value: null, date: parseReportValue(def, raw) as string | null };
  const value = parseReportNumber(def, raw);
  if (def.target?.kind !== 'ratio') return { state: 'known', judgedOn, value };
  return { state: 'known', judgedOn, value, numerator: value, denominator: denominatorOf(def, known, campaign) };
}

/**
 * The day a report's figures are judged on (its 判定日): the end of its period, or asOf when that comes first. A report
 * sent before its period ends (提前报送) holds the figures of the day it was sent, and a judgement made as of a day is
 * never dated after it: a November report read on 11-20 is judged on 11-20, read on 12-15 on 11-30.
 */
export function reportDay(period: string, asOf: string): string {
  const end = periodEnd(period);
  return end < asOf ? end : asOf;
}

/**
 * The case log replaces a report's figures, so it describes the same day: the newest known report's day (cases decided
 * through it), or asOf before any report. The annex's period rows and the summaries thus agree.
 */
export function caseLogDay(period: string | null, asOf: string): string {
  return period === null ? asOf : reportDay(period, asOf);
}

/** A case-log indicator's value through `day` (a period row of the annex); null with no decided case to average. */
export function caseLogValue(def: IndicatorDef, log: CaseRecord[], day: string, campaign: CampaignDef): number | null {
  const kind = def.derived?.kind;
  if (kind === 'case_log_over_limit')
    return caseLogFigures(log, day, campaign.start, overLimitDays(def, campaign)).overLimitCases;
  if (kind === 'case_log_average_days') return caseLogFigures(log, day, campaign.start, Infinity).avgProcessingDays;
  return null;
}

// One pass over the case log per limit asked for: a campaign has one or two case-log indicators.
function caseLogOf(county: CountyInput, asOf: string, campaign: CampaignDef): Known['cases'] {
  const log = county.caseLog;
  if (!log) return null;
  const byLimit = new Map<number, CaseLogFigures>();
  return (limitDays) => {
    let figures = byLimit.get(limitDays);
    if (!figures) byLimit.set(limitDays, (figures = caseLogFigures(log, asOf, campaign.start, limitDays)));
    return figures;
  };
}

/** Every indicator of the campaign for one county, from what is known at the end of asOf. */
export function countyIndicators(
  county: CountyInput,
  campaign: CampaignDef,
  asOf: string,
): Record<string, IndicatorResult> {
  const known: Known = {
    county,
    asOf,
    absent: isDueBy(firstReportDue(campaign), asOf) ? 'missing' : 'pending',
    roster: county.roster ? rosterFigures(county.roster.villages, county.villages, campaign) : null,
    cases: caseLogOf(county, caseLogDay(county.report?.period ?? null, asOf), campaign),
    casesOn: caseLogDay(county.report?.period ?? null, asOf),
  };
  const results: Record<string, IndicatorResult> = {};
  for (const def of campaign.indicators) {
    const observation =
      def.source === 'roster' ? rosterObservation(def, known) : reportObservation(def, known, campaign);
    results[def.code] = judgeIndicator(def, observation, campaign);
  }
  return results;
}
