export type CountyKind = '市辖区' | '县' | '县级市' | '开发区';

export interface DemoTree {
  cities: { code: string; name: string }[];
  counties: { code: string; name: string; cityCode: string; kind: CountyKind }[];
  townships: { code: string; name: string; countyCode: string }[];
  villages: { code: string; name: string; townshipCode: string; countyCode: string }[];
}

export type DemoCounty = DemoTree['counties'][number];
export type DemoVillage = DemoTree['villages'][number];

export type DemoEvent =
  | { action: 'submit'; at: string }
  | { action: 'return'; at: string; reason: string }
  | { action: 'edit'; at: string; values: Record<string, string | null> }
  | { action: 'approve'; at: string }
  | { action: 'accept'; at: string };

export interface DemoReport {
  countyCode: string;
  period: string;
  /** Fields as first submitted (or as the draft stands); an `edit` event patches them before resubmission. */
  values: Record<string, string | null>;
  comments: Record<string, string>;
  events: DemoEvent[];
}

/** The camelCase roster row as stored (roster_rows without its upload id). */
export interface DemoRosterRow {
  villageCode: string;
  villageName: string;
  longTermRecipients: number;
  civilAffairsMember: boolean;
  coordinators: number;
  coordinatorsFullTime: number;
  coordinatorPay: number | null;
  stations: number;
}

export interface DemoRoster {
  countyCode: string;
  at: string;
  rows: DemoRosterRow[];
}

export interface DemoCaseRow {
  caseId: string;
  kind: '低保' | '特困';
  townshipCode: string;
  appliedOn: string;
  decidedOn: string | null;
}

export interface DemoCaseLog {
  countyCode: string;
  at: string;
  rows: DemoCaseRow[];
}

export interface VisitTexts {
  visitors: string;
  findings: string;
  items: { description: string; owner: string }[];
}

export interface DemoPlan {
  reports: DemoReport[];
  rosters: DemoRoster[];
  caseLogs: DemoCaseLog[];
  /** Kept for the contract; narratives live in DemoReport.values as 'narrative.T01'…'narrative.T11'. */
  narratives: Record<string, Record<string, string>>;
  visitTexts: (countyName: string, rng: () => number) => VisitTexts;
}
