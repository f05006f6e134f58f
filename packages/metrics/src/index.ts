export * from './types';
export { defaultDeadline, workingDaysBetween } from './working-days';
export { caseLogFigures, caseLogIndicator, overLimitDays, processingDayLimit, type CaseLogFigures } from './case-log';
export {
  expectedStations,
  isEligible,
  meetsStations,
  rosterFigure,
  rosterFigures,
  rosterVillageView,
  villageHas,
  VILLAGE_HAS_WORDS,
  type RosterFigure,
  type RosterFigures,
  type RosterVillageView,
} from './roster';
export {
  judgeIndicator,
  judgeRatio,
  judgeThreshold,
  judgeUpper,
  rampedExpected,
  type Observation,
} from './indicator-status';
export { parseReportNumber, parseReportValue } from './report-values';
export { caseLogDay, caseLogValue, countyIndicators, reportDay } from './county-indicators';
export { compositeScore, taskScores } from './scores';
export {
  cityGates,
  countyGate,
  countyGates,
  dateByGate,
  rosterConditionGate,
  summarySubmittedGate,
  supervisionOfLaggingGate,
} from './gates';
export {
  indicatorName,
  laggingReasons,
  lateReportReason,
  manyRedText,
  RED_NAMED_AT_MOST,
  redCounts,
  type JudgedCounty,
} from './lagging';
export { byScore, meanScore, rankings, ranks, watchList, WATCH_SIZE, type Rank, type Scored } from './rankings';
export { countyTimeliness, submittedOnTime, timelinessCounts } from './timeliness';
export { countyGateCounts, gateCounts, redByIndicator, tally } from './tallies';
export { exemplarTasks, tasksMet } from './exemplars';
export { rollupFigures } from './rollup';
export { computeStatus, countyStatus, rankStatus, rankSteps, type JudgedCountyStatus } from './status';
export {
  cityGateDefs,
  countyGateDefs,
  deadlines,
  firstReportDue,
  gateDeadline,
  gateOfKind,
  gatesOfKind,
  indicatorDef,
  isDueBy,
  isPast,
  latestDuePeriod,
  nextDeadline,
  stageAt,
  summaryDue,
  supervisionStart,
  type Deadline,
} from './schedule';
export * from './format';
export {
  blocksSave,
  checkReport,
  checkReportRules,
  checkRequired,
  formatIssue,
  outliers,
  type FieldIssue,
  type Fields,
  type IssueKind,
  type RuleContext,
  type RuleIssue,
} from './report-rules';
export {
  canApply,
  dispatchCopyAt,
  dispatchCountRules,
  dispatchCounts,
  dispatchStateText,
  dispatchStatusText,
  lightOn,
  SIGN_WITHIN_WORKING_DAYS,
  type DispatchAction,
  type DispatchCopyAt,
  type DispatchCounts,
  type DispatchEvent,
  type DispatchLight,
  type DispatchState,
} from './dispatch-lights';
export { isItemOverdue, itemCounts, type ItemCounts, type KnownItem } from './supervision';
export {
  bestAndLast,
  countyDispatch,
  dispatchTotals,
  gateTally,
  pointsChange,
  scopeCounts,
  type CountyDispatch,
  type GateTally,
  type ScopeCounts,
} from './summary-figures';
export {
  forecastCounty,
  forecastSeries,
  indicatorSeries,
  judgeHistory,
  worstState,
  FORECAST_WINDOW,
  FORECAST_STATE_WORDS,
  forecastLine,
  type CountyForecast,
  type CountyHistory,
  type ForecastConfidence,
  type ForecastState,
  type GateForecast,
  type HistoryPoint,
  type IndicatorForecast,
} from './forecast';
export {
  candidateFixes,
  whatIf,
  WHAT_IF_METHOD,
  type Fix,
  type FixKind,
  type WhatIf,
  type WhatIfStep,
} from './what-if';
export * from './reminder-days';
