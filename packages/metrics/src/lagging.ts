import {
  addDays,
  beijingDate,
  daysBetween,
  endOfBeijingDay,
  periodDue,
  type CampaignDef,
  type DateByGate,
  type GateDef,
  type IndicatorDef,
  type RosterConditionGate,
} from '@dudao/schema/campaign';
import type { CountyInput, GateStatus, IndicatorResult, Reason, ReasonCode } from './types';
import { indicatorDef, latestDuePeriod } from './schedule';
import { chineseDate, monthDay, percentText, periodText, scoreText } from './format';

export function redCounts(indicators: Record<string, IndicatorResult>): { red: number; missing: number } {
  let red = 0;
  let missing = 0;
  for (const result of Object.values(indicators)) {
    if (result.status === 'red') red += 1;
    if (result.status === 'missing') missing += 1;
  }
  return { red: red + missing, missing };
}

function gateReasonCode(gate: GateDef): ReasonCode {
  return `gate_overdue:${gate.reasonCode ?? gate.code}`;
}

function dateByReason(gate: DateByGate): Reason {
  const template = gate.overdueText ?? `${gate.name}未按期完成（应于 {deadline} 前完成）`;
  return {
    code: gateReasonCode(gate),
    // A page reads the day in words, as the documents do: 应于2021年7月15日前印发, never 应于 2021-07-15 前.
    text: template.replace(/ *\{deadline\} */g, chineseDate(gate.deadline)),
    figures: { deadline: gate.deadline },
  };
}

// A roster gate cites the coverage indicator it shows, against the share that indicator's target requires.
function rosterReason(
  gate: RosterConditionGate,
  indicators: Record<string, IndicatorResult>,
  campaign: CampaignDef,
): Reason {
  const def = indicatorDef(campaign, gate.showsIndicator);
  // The indicator's full name, as the many_red reason names it: one county's reasons never name it two ways.
  const label = indicatorName(campaign, def);
  const required = def.target?.kind === 'ratio' ? def.target.share : 1;
  const figure = indicators[gate.showsIndicator];
  const value = figure?.value ?? null;
  const figures = {
    deadline: gate.deadline,
    value,
    numerator: figure?.numerator ?? null,
    denominator: figure?.denominator ?? null,
    required,
  };
  const text =
    value === null
      ? `未上传村级台账，${label}未达到截止日要求的 ${percentText(required)}`
      : `${label} ${percentText(value)}，低于截止日要求的 ${percentText(required)}`;
  return { code: gateReasonCode(gate), text, figures };
}

/**
 * An indicator as a sentence names it: the documents' share name where the definition's own name is that of a numerator
 * ('其中已纳入低保或特困人数' reads '丧失劳动能力脱贫人口兜底纳入率'), else its name. Pages and documents name it alike.
 */
export function indicatorName(campaign: CampaignDef, def: IndicatorDef): string {
  return campaign.documents.figures[def.code]?.shareName ?? def.name;
}

/** How many indicators a many_red reason names; beyond them it says 等N项. */
export const RED_NAMED_AT_MOST = 5;

// A name with a 、 of its own is quoted, so a list of names cannot be misread ('低保、特困平均办理时限（工作日）').
const listedName = (name: string) => (name.includes('、') ? `“${name}”` : name);

/**
 * The many_red sentence, the same on the pages, in the 督办单 and in the documents (which only typeset it): the count,
 * those not reported, then the indicators by name, at most five: '3 项指标未达到序时进度要求：A、B、C',
 * '6 项指标未达到序时进度要求（其中 1 项未报送）：A、B、C、D、E等 6 项'. No dashboard words (红色指标, 认定标准).
 */
export function manyRedText(names: readonly string[], missing: number): string {
  const shown = names.slice(0, RED_NAMED_AT_MOST).map(listedName).join('、');
  const more = names.length > RED_NAMED_AT_MOST ? `等 ${names.length} 项` : '';
  const unsent = missing === 0 ? '' : missing === names.length ? '（均未报送）' : `（其中 ${missing} 项未报送）`;
  return `${names.length} 项指标未达到序时进度要求${unsent}：${shown}${more}`;
}

// Only the county's own duties: the supervision gate is the city's duty and never a county reason.
function gateReasons(
  gates: Record<string, GateStatus>,
  indicators: Record<string, IndicatorResult>,
  campaign: CampaignDef,
): Reason[] {
  const reasons: Reason[] = [];
  for (const gate of campaign.gates) {
    if (gates[gate.code] !== 'overdue') continue;
    if (gate.kind === 'date_by') reasons.push(dateByReason(gate));
    if (gate.kind === 'roster_condition') reasons.push(rosterReason(gate, indicators, campaign));
  }
  return reasons;
}

/** The latest report due by asOf: late when still unknown, or first submitted more than lateReportDays after its due date. */
export function lateReportReason(county: CountyInput, campaign: CampaignDef, asOf: string): Reason | null {
  const period = latestDuePeriod(campaign, asOf);
  if (period === null) return null;
  const dueOn = periodDue(period, campaign.reportDueAfterDays);
  const { lateReportDays } = campaign.thresholds;
  const submittedAt =
    county.firstSubmissions[period] ?? (county.report?.period === period ? county.report.submittedAt : null);
  const head = `${periodText(period)}${campaign.reportName}应于${chineseDate(dueOn)}前报送`;
  if (submittedAt === null) {
    const today = asOf.slice(0, 4) === dueOn.slice(0, 4) ? monthDay(asOf) : chineseDate(asOf);
    return {
      code: 'late_report',
      text: `${head}，截至${today}尚未报送`,
      figures: { period, dueOn, submittedOn: null, daysLate: daysBetween(dueOn, asOf), lateReportDays },
    };
  }
  if (Date.parse(submittedAt) < Date.parse(endOfBeijingDay(addDays(dueOn, lateReportDays)))) return null;
  const submittedOn = beijingDate(submittedAt);
  const daysLate = daysBetween(dueOn, submittedOn);
  return {
    code: 'late_report',
    text: `${head}，首次报送晚于截止日 ${daysLate} 天`,
    figures: { period, dueOn, submittedOn, daysLate, lateReportDays },
  };
}

export interface JudgedCounty {
  indicators: Record<string, IndicatorResult>;
  score: number | null;
  gates: Record<string, GateStatus>;
}

/** Every reason the county is lagging at asOf. */
export function laggingReasons(
  county: CountyInput,
  judged: JudgedCounty,
  campaign: CampaignDef,
  asOf: string,
): Reason[] {
  const { lowScore, manyRed } = campaign.thresholds;
  const reasons = gateReasons(judged.gates, judged.indicators, campaign);
  if (judged.score !== null && judged.score < lowScore) {
    reasons.push({
      code: 'low_score',
      text: `综合得分 ${scoreText(judged.score)} 分，低于 ${lowScore} 分`,
      figures: { score: judged.score, lowScore },
    });
  }
  const { red, missing } = redCounts(judged.indicators);
  if (red >= manyRed) {
    // The same indicators redCounts counted (red or missing), in the campaign's order.
    const named = Object.entries(judged.indicators)
      .filter(([, r]) => r.status === 'red' || r.status === 'missing')
      .map(([code]) => ({ code, name: indicatorName(campaign, indicatorDef(campaign, code)) }));
    reasons.push({
      code: 'many_red',
      text: manyRedText(
        named.map((i) => i.name),
        missing,
      ),
      figures: { redCount: red, missingCount: missing, manyRed },
      indicators: named,
    });
  }
  const late = lateReportReason(county, campaign, asOf);
  if (late) reasons.push(late);
  return reasons;
}
