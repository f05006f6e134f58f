import type { CampaignDef } from '@dudao/schema/campaign';

export type Status = 'green' | 'amber' | 'red' | 'pending' | 'missing';
export type GateStatus = 'met' | 'late' | 'overdue' | 'pending' | 'n/a';
/** `gate_overdue:<the gate's reasonCode or code>` for a county gate overdue, or one of the general reasons. */
export type ReasonCode = `gate_overdue:${string}` | 'low_score' | 'many_red' | 'late_report';

/** One village row of a county roster (already validated). */
export interface RosterVillage {
  villageCode: string;
  villageName: string;
  longTermRecipients: number;
  civilAffairsMember: boolean;
  coordinators: number;
  coordinatorsFullTime: number;
  coordinatorPay: number | null;
  stations: number;
}

export interface KnownRoster {
  uploadedAt: string;
  villages: RosterVillage[];
}

export interface KnownReport {
  period: string;
  submittedAt: string;
  /** Field code → raw text value as stored ('123', '12.5', 'true', '2021-07-10'), null when blank. */
  values: Record<string, string | null>;
}

export interface CaseRecord {
  caseId: string;
  kind: '低保' | '特困';
  townshipCode: string;
  appliedOn: string;
  decidedOn: string | null;
}

/** Everything known about one county at the end of day asOf (Beijing); assembled by the API's known-at-t read. */
export interface CountyInput {
  code: string;
  name: string;
  cityCode: string;
  /** From the organisation tree, never from an upload. */
  townships: number;
  villages: number;
  /** Newest report (by period) whose latest submission is known at asOf. */
  report: KnownReport | null;
  /** First submission instant of every report known at asOf, by period. */
  firstSubmissions: Record<string, string>;
  roster: KnownRoster | null;
  /** The roster known at the end of the roster gates' deadline; only needed once asOf is past it. */
  rosterAtDeadline: KnownRoster | null;
  /** When roster gates have different deadlines: the roster known at the end of each (deadline day → roster). */
  rostersAtDeadlines?: Record<string, KnownRoster | null>;
  caseLog: CaseRecord[] | null;
  /** Visit dates of supervision records known at asOf. */
  visits: string[];
  /** Whether the county was lagging on the supervision gate's `laggingOn` day; null when asOf is before it. */
  laggingAtSupervision: boolean | null;
}

export interface CityInput {
  code: string;
  name: string;
  /** Instant of the city's first summary submission known at asOf. */
  summarySubmittedAt: string | null;
}

export interface StatusInput {
  campaign: CampaignDef;
  asOf: string;
  province: { code: string; name: string };
  cities: CityInput[];
  counties: CountyInput[];
}

export interface IndicatorResult {
  value: number | null;
  expected: number | null;
  attainment: number | null;
  status: Status | null;
  score: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** The day the figure is judged on. */
  judgedOn?: string;
  /** The known date of a date indicator (its value stays null). */
  date?: string | null;
}

export interface Reason {
  code: ReasonCode;
  text: string;
  figures: Record<string, number | string | null>;
  /** The indicators the reason is about, by code and by the name its text gives them (many_red: those red or missing). */
  indicators?: { code: string; name: string }[];
}

export type Timeliness = 'on_time' | 'late' | 'missing';

/** 按时报送 of a city or the province for the latest period due (null before the first is due). */
export interface TimelinessCounts {
  period: string | null;
  onTime: number;
  late: number;
  missing: number;
}

/** County gate code (as defined by the campaign) → how many units stand in each status. */
export type GateCounts = Record<string, Record<GateStatus, number>>;

/** A competition rank on the shown score (1, 2, 2, 4); rank null when unscored; tied reads 并列. */
export interface RankPlace {
  rank: number | null;
  tied: boolean;
}

export interface CountyStatus {
  code: string;
  name: string;
  cityCode: string;
  score: number | null;
  taskScores: Record<string, number | null>;
  indicators: Record<string, IndicatorResult>;
  /** Every county gate of the campaign, by its code. */
  gates: Record<string, GateStatus>;
  lagging: boolean;
  reasons: Reason[];
  redCount: number;
  /** Competition rank, for ordering; an unscored county sorts after every scored one. Read `cityRank` for what to show. */
  rankInCity: number;
  rankInProvince: number;
  cityRank: RankPlace;
  provinceRank: RankPlace;
  watch: boolean;
  /** How its report for the latest period due stands (null before the first is due). */
  timeliness: Timeliness | null;
  /** Tasks it may be cited for as an example (DOMAIN "Reports" rule 1). */
  exemplarTasks: readonly string[];
}

export interface RollupFigure {
  value: number | null;
  numerator?: number;
  denominator?: number;
  countiesReporting: number;
}

export interface CityStatus {
  code: string;
  name: string;
  score: number | null;
  /** Competition rank for ordering; an unscored city sorts last. Read `provinceRank` for what to show. */
  rank: number;
  provinceRank: RankPlace;
  laggingCount: number;
  /** Every city gate of the campaign, by its code. */
  gates: Record<string, GateStatus>;
  /** The supervision gate is the city's duty: how many of its counties stand in each of its statuses (all zero without one). */
  supervision: Record<GateStatus, number>;
  /** How many of its counties stand in each status of each county gate. */
  gateCounts: GateCounts;
  /** Counties with each indicator red (missing included); indicators with none are left out. */
  redByIndicator: Record<string, number>;
  timeliness: TimelinessCounts;
  /** Per task, the codes of its counties that may be cited as examples, best ranked first. */
  exemplars: Record<string, string[]>;
  figures: Record<string, RollupFigure>;
}

export interface StatusResult {
  asOf: string;
  province: {
    code: string;
    name: string;
    score: number | null;
    laggingCount: number;
    gateCounts: GateCounts;
    /** Cities in each status of each city gate, judged once here. */
    cityGateCounts: GateCounts;
    redByIndicator: Record<string, number>;
    timeliness: TimelinessCounts;
    figures: Record<string, RollupFigure>;
  };
  cities: CityStatus[];
  counties: CountyStatus[];
}
