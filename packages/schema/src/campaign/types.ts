import type { DocumentTexts } from './documents';

export type ValueKind = 'count' | 'amount' | 'days' | 'bool' | 'date' | 'ratio';
export type Accumulation = 'stock' | 'flow';
export type IndicatorSource = 'report' | 'roster';

/** A denominator is either another reported indicator or a count taken from the organisation tree. */
export type Denominator = { indicator: string } | { orgCount: 'townships' | 'villages' };

export type Target =
  | { kind: 'ratio'; denominator: Denominator | null; share: number; deadline: string | null }
  | { kind: 'threshold'; min: number; deadline: string }
  | { kind: 'upper'; max: number }
  | { kind: 'date_by'; deadline: string };

export interface IndicatorDef {
  code: string;
  task: string;
  name: string;
  kind: ValueKind;
  accumulation?: Accumulation;
  source: IndicatorSource;
  target?: Target;
  /** Shown on pages and reports but never scored. */
  shownOnly?: boolean;
  unit?: string;
  range?: { min: number; max: number };
}

export interface TaskDef {
  code: string;
  name: string;
  weight: number;
}

export interface StageDef {
  code: string;
  name: string;
  start: string | null;
  end: string;
  gates: string[];
}

export interface GateDef {
  code: string;
  name: string;
  level: 'county' | 'city';
  deadline: string;
}

export interface Relation {
  kind: 'part_of';
  part: string;
  whole: Denominator;
}

export interface Thresholds {
  green: number;
  amber: number;
  lowScore: number;
  manyRed: number;
  lateReportDays: number;
  outlierChange: number;
  eligibleRecipients: number;
  stationPolicy: 'per_eligible_village' | 'per_full_200';
  stationsPer: number;
}

export interface CampaignDef {
  code: string;
  name: string;
  province: string;
  timezone: string;
  start: string;
  end: string;
  rampStart: string;
  periods: string[];
  reportDueAfterDays: number;
  summaryDue: string;
  stages: StageDef[];
  gates: GateDef[];
  tasks: TaskDef[];
  indicators: IndicatorDef[];
  relations: Relation[];
  thresholds: Thresholds;
  /** The documents' fixed texts: issuers, titles, headings, fixed sentences, 下一步打算, annex names, figure wordings. */
  documents: DocumentTexts;
}
