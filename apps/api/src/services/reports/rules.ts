// The report rules live in packages/metrics so the dashboard checks exactly what the API enforces.
export { checkReportRules, checkRequired, type Fields, type RuleContext, type RuleIssue } from '@dudao/metrics';
