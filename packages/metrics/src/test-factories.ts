import type { CityInput, CountyInput, KnownReport, KnownRoster, RosterVillage } from './types';

// Small builders for tests: each test states the figures it depends on, nothing comes from a shared seed.

let villageSeq = 0;
export function village(overrides: Partial<RosterVillage> = {}): RosterVillage {
  villageSeq += 1;
  return {
    villageCode: `340321100${String(villageSeq).padStart(3, '0')}`,
    villageName: `村${villageSeq}`,
    longTermRecipients: 50,
    civilAffairsMember: true,
    coordinators: 1,
    coordinatorsFullTime: 0,
    coordinatorPay: 1000,
    stations: 0,
    ...overrides,
  };
}

export function villages(count: number, overrides: Partial<RosterVillage> = {}): RosterVillage[] {
  return Array.from({ length: count }, () => village(overrides));
}

export function roster(rows: RosterVillage[], uploadedAt = '2021-08-01T02:00:00.000Z'): KnownRoster {
  return { uploadedAt, villages: rows };
}

export function report(period: string, values: Record<string, string | null>, submittedAt?: string): KnownReport {
  return { period, submittedAt: submittedAt ?? `${period}-28T02:00:00.000Z`, values };
}

export function county(overrides: Partial<CountyInput> = {}): CountyInput {
  return {
    code: '340321',
    name: '怀远县',
    cityCode: '3403',
    townships: 10,
    villages: 10,
    report: null,
    firstSubmissions: {},
    roster: null,
    rosterAtDeadline: null,
    caseLog: null,
    visits: [],
    laggingAtSupervision: null,
    ...overrides,
  };
}

export function city(overrides: Partial<CityInput> = {}): CityInput {
  return { code: '3403', name: '蚌埠市', summarySubmittedAt: null, ...overrides };
}
