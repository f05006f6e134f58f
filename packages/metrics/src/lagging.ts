import { addDays, beijingDate, daysBetween, endOfBeijingDay, periodDue, type CampaignDef } from '@dudao/schema/campaign';
import type { CountyInput, CountyStatus, IndicatorResult, Reason } from './types';
import { gateDeadline, indicatorDef, latestDuePeriod } from './schedule';
import { percentText, scoreText, shortDate } from './format';

export function redCounts(indicators: Record<string, IndicatorResult>): { red: number; missing: number } {
  let red = 0;
  let missing = 0;
  for (const result of Object.values(indicators)) {
    if (result.status === 'red') red += 1;
    if (result.status === 'missing') missing += 1;
  }
  return { red: red + missing, missing };
}

function coverageReason(code: 'gate_overdue:m2' | 'gate_overdue:m3', indicatorCode: string, label: string, indicators: Record<string, IndicatorResult>, campaign: CampaignDef, gate: string): Reason {
  const target = indicatorDef(campaign, indicatorCode).target;
  const required = target?.kind === 'ratio' ? target.share : 1;
  const figure = indicators[indicatorCode];
  const value = figure?.value ?? null;
  const figures = { deadline: gateDeadline(campaign, gate), value, numerator: figure?.numerator ?? null, denominator: figure?.denominator ?? null, required };
  const text = value === null ? `未上传村级台账，${label}未达到截止日要求的 ${percentText(required)}` : `${label} ${percentText(value)}，低于截止日要求的 ${percentText(required)}`;
  return { code, text, figures };
}

function gateReasons(gates: CountyStatus['gates'], indicators: Record<string, IndicatorResult>, campaign: CampaignDef): Reason[] {
  const reasons: Reason[] = [];
  if (gates.m1_plan_issued === 'overdue') {
    const deadline = gateDeadline(campaign, 'm1_plan_issued');
    reasons.push({ code: 'gate_overdue:m1', text: `实施方案未按期印发（应于 ${deadline} 前印发）`, figures: { deadline } });
  }
  if (gates.m2_coordinators === 'overdue') reasons.push(coverageReason('gate_overdue:m2', 't10_coordinator_coverage', '协理员配备率', indicators, campaign, 'm2_coordinators'));
  if (gates.m3_stations === 'overdue') reasons.push(coverageReason('gate_overdue:m3', 't10_station_coverage', '服务站（点）建成率', indicators, campaign, 'm3_stations'));
  return reasons;
}

/** The latest report due by asOf: late when still unknown, or first submitted more than lateReportDays after its due date. */
export function lateReportReason(county: CountyInput, campaign: CampaignDef, asOf: string): Reason | null {
  const period = latestDuePeriod(campaign, asOf);
  if (period === null) return null;
  const dueOn = periodDue(period, campaign.reportDueAfterDays);
  const { lateReportDays } = campaign.thresholds;
  const submittedAt = county.firstSubmissions[period] ?? (county.report?.period === period ? county.report.submittedAt : null);
  const head = `${period} 月报应于 ${dueOn} 报送`;
  if (submittedAt === null) {
    return { code: 'late_report', text: `${head}，截至 ${shortDate(asOf, dueOn.slice(0, 4))} 尚未报送`, figures: { period, dueOn, submittedOn: null, daysLate: daysBetween(dueOn, asOf), lateReportDays } };
  }
  if (Date.parse(submittedAt) < Date.parse(endOfBeijingDay(addDays(dueOn, lateReportDays)))) return null;
  const submittedOn = beijingDate(submittedAt);
  const daysLate = daysBetween(dueOn, submittedOn);
  return { code: 'late_report', text: `${head}，首次报送晚于截止日 ${daysLate} 天`, figures: { period, dueOn, submittedOn, daysLate, lateReportDays } };
}

export interface JudgedCounty {
  indicators: Record<string, IndicatorResult>;
  score: number | null;
  gates: CountyStatus['gates'];
}

/** Every reason the county is lagging at asOf; m4 is the city's duty and never a county reason. */
export function laggingReasons(county: CountyInput, judged: JudgedCounty, campaign: CampaignDef, asOf: string): Reason[] {
  const { lowScore, manyRed } = campaign.thresholds;
  const reasons = gateReasons(judged.gates, judged.indicators, campaign);
  if (judged.score !== null && judged.score < lowScore) {
    reasons.push({ code: 'low_score', text: `综合得分 ${scoreText(judged.score)} 分，低于 ${lowScore} 分`, figures: { score: judged.score, lowScore } });
  }
  const { red, missing } = redCounts(judged.indicators);
  if (red >= manyRed) {
    const detail = missing > 0 ? `（含缺报 ${missing} 项）` : '';
    reasons.push({ code: 'many_red', text: `红色指标 ${red} 项${detail}，达到 ${manyRed} 项的认定标准`, figures: { redCount: red, missingCount: missing, manyRed } });
  }
  const late = lateReportReason(county, campaign, asOf);
  if (late) reasons.push(late);
  return reasons;
}
