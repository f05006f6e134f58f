import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@dudao/api/router';

type Out = inferRouterOutputs<AppRouter>;

export type Campaign = Out['campaign']['get'];
export type IndicatorDef = Campaign['indicators'][number];
export type ScopedStatus = Out['status']['at'];
export type CityStatus = ScopedStatus['cities'][number];
export type CountyStatus = ScopedStatus['counties'][number];
export type IndicatorResult = CountyStatus['indicators'][string];
export type IndicatorStatus = NonNullable<IndicatorResult['status']>;
export type GateStatus = CountyStatus['gates']['m1_plan_issued'];
export type ReportDetail = Out['reports']['get'];
export type ReportRow = Out['reports']['list'][number];
export type ReportState = ReportRow['state'];
export type RosterView = Out['roster']['current'];
export type RosterRow = RosterView['rows'][number];
export type Visit = Out['supervision']['list'][number];
export type AuditEntry = Out['audit']['history'][number];
export type TodoItem = Out['todo']['mine'][number];
export type Notice = Out['notices']['mine'][number];
export type CaseSummary = Out['cases']['summary'];
export type GeneratedDocument = Out['documents']['list'][number];
export type DocumentKind = GeneratedDocument['kind'];
export type DocumentPreview = Out['documents']['preview'];
export type DocumentSettingsView = Out['documentSettings']['get'];
export type CitySummaryStatus = Out['summaries']['status'][number];
