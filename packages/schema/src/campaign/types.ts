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

/** A village-level condition of the roster: what a village must have to count (gates and coverages share it). */
export type VillageHas =
  'coordinator' | 'expected_stations' | 'civil_affairs_member' | 'station' | 'full_time_coordinator';
/** Which of the county's villages a roster figure or gate looks at: every village of the tree, or the eligible ones. */
export type VillageSet = 'all' | 'eligible';
/** The numeric columns of a roster village row. */
export type RosterColumn =
  'longTermRecipients' | 'coordinators' | 'coordinatorsFullTime' | 'coordinatorPay' | 'stations';

/** How a figure not typed into the report is computed: from the county's roster or from its case log. */
export type DerivedDef =
  /** Villages having `has` over the org tree's villages (`all`) or over the roster's eligible villages (`eligible`). */
  | { kind: 'coverage'; has: VillageHas; villages: VillageSet }
  /** Sum of one column over the sum of another (e.g. full-time coordinators among all coordinators). */
  | { kind: 'share'; part: RosterColumn; whole: RosterColumn }
  /** Mean of a column over the villages that have a value, optionally only those having `where`. */
  | { kind: 'average'; column: RosterColumn; where?: VillageHas }
  /** How many villages (of the set) have `has`, or how many there are when `has` is absent. */
  | { kind: 'village_count'; villages: VillageSet; has?: VillageHas }
  /** Sum of a column over the villages of the set. */
  | { kind: 'sum'; column: RosterColumn; villages?: VillageSet }
  /** Stations of all villages per `per` long-term recipients of the villages of `recipients`. */
  | { kind: 'stations_per_recipients'; per: number; recipients: VillageSet }
  /** Mean working days from application to decision of the cases decided so far (replaces the reported value). */
  | { kind: 'case_log_average_days' }
  /** Decided cases that took more working days than `limitDays`, or than the upper target of `limitFrom`. */
  | { kind: 'case_log_over_limit'; limitDays?: number; limitFrom?: string };

export type DerivedKind = DerivedDef['kind'];
export type CaseLogDerivedKind = 'case_log_average_days' | 'case_log_over_limit';

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
  /** Short name for charts and lagging reasons ("协理员配备率"); the name when absent. */
  shortName?: string;
  /** Roster indicators always derive; a reported indicator with a case-log kind is replaced once a case log is known. */
  derived?: DerivedDef;
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

interface GateBase {
  code: string;
  name: string;
  level: 'county' | 'city';
  deadline: string;
  /** Short name for table headers ("方案"); the name when absent. */
  shortName?: string;
  /** The lagging reason is `gate_overdue:<reasonCode>`; the gate code when absent (kept short so stored dispatch orders still match). */
  reasonCode?: string;
}

/** Met when the reported date (`indicator`) is on or before the deadline. */
export interface DateByGate extends GateBase {
  kind: 'date_by';
  indicator: string;
  /** Lagging reason text; `{deadline}` stands for the deadline. */
  overdueText?: string;
}

/** Met when the roster known by the deadline has `has` in every village of the set (`all`: as many as the org tree has). */
export interface RosterConditionGate extends GateBase {
  kind: 'roster_condition';
  villages: VillageSet;
  has: VillageHas;
  /** The coverage indicator a lagging reason cites (by its shortName, else its name). */
  showsIndicator: string;
}

/** The city's duty to visit each county that was lagging on `laggingOn`, by the deadline. */
export interface SupervisionGate extends GateBase {
  kind: 'supervision_of_lagging';
  laggingOn: string;
}

/** The city's summary submitted by the end of the deadline day. */
export interface SummaryGate extends GateBase {
  kind: 'summary_submitted';
}

export type GateDef = DateByGate | RosterConditionGate | SupervisionGate | SummaryGate;
export type GateKind = GateDef['kind'];

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
  /** `YYYY-MM` (monthly) or `YYYY-Qn` (quarterly) periods, all of one kind. */
  periods: string[];
  reportDueAfterDays: number;
  /** A made-up plan installed only with the demo data. */
  demo?: boolean;
  /** What a period's report is called on pages: 月报 or 季报. */
  reportName: string;
  summaryDue: string;
  /** 临近提醒: working days before each due date and gate deadline; absent means [3, 1]. */
  reminderDays?: number[];
  stages: StageDef[];
  gates: GateDef[];
  tasks: TaskDef[];
  indicators: IndicatorDef[];
  relations: Relation[];
  thresholds: Thresholds;
  /** The documents' fixed texts: issuers, titles, headings, fixed sentences, 下一步打算, annex names, figure wordings. */
  documents: DocumentTexts;
}
