import { describe, expect, test } from 'vitest';
import { daysBetween, deadlines, latestDuePeriod, nextDeadline, reportDue, stageAt, submissionCounts, tally } from './schedule';

const stages = [
  { code: 'S1', name: '谋划部署', start: null, end: '2021-07-15', gates: ['m1_plan_issued'] },
  { code: 'S2', name: '政策落实', start: '2021-07-15', end: '2021-10-31', gates: ['m2_coordinators', 'm3_stations'] },
  { code: 'S3', name: '重点督导', start: '2021-11-01', end: '2021-11-30', gates: ['m4_supervised'] },
  { code: 'S4', name: '全面总结', start: '2021-12-01', end: '2021-12-31', gates: ['m5_city_summary'] },
];
const gates = [
  { code: 'm1_plan_issued', name: '县级实施方案印发', level: 'county' as const, deadline: '2021-07-15' },
  { code: 'm2_coordinators', name: '村级协理员全覆盖', level: 'county' as const, deadline: '2021-10-31' },
  { code: 'm4_supervised', name: '进展缓慢县区实地督导', level: 'county' as const, deadline: '2021-11-30' },
  { code: 'm5_city_summary', name: '市级行动总结报送', level: 'city' as const, deadline: '2021-12-15' },
];
const campaign = { start: '2021-07-01', stages, gates, periods: ['2021-07', '2021-08', '2021-12'], reportDueAfterDays: 5 };

describe('stageAt', () => {
  test.each([
    ['2021-07-01', 'S1'],
    ['2021-07-15', 'S1'],
    ['2021-07-16', 'S2'],
    ['2021-11-01', 'S3'],
    ['2021-12-31', 'S4'],
  ])('%s is in %s', (asOf, code) => {
    expect(stageAt(campaign, asOf)?.code).toBe(code);
  });

  test('after the last stage the campaign is over', () => {
    expect(stageAt(campaign, '2022-01-10')).toBeNull();
  });
});

describe('reportDue', () => {
  test.each([
    ['2021-07', '2021-08-05'],
    ['2021-09', '2021-10-05'],
    ['2021-12', '2022-01-05'],
  ])('the %s report is due %s', (period, due) => {
    expect(reportDue(period, 5)).toBe(due);
  });
});

describe('deadlines', () => {
  test('gates and reports in date order', () => {
    expect(deadlines(campaign).map((d) => d.on)).toEqual(['2021-07-15', '2021-08-05', '2021-09-05', '2021-10-31', '2021-11-30', '2021-12-15', '2022-01-05']);
  });

  test.each([
    ['2021-10-20', '2021-10-31', '村级协理员全覆盖'],
    ['2021-10-31', '2021-10-31', '村级协理员全覆盖'],
    ['2021-12-16', '2022-01-05', '2021-12 月报报送'],
  ])('on %s the next deadline is %s (%s)', (asOf, on, label) => {
    expect(nextDeadline(campaign, asOf)).toEqual({ on, label });
  });

  test('after the last due date nothing is next', () => {
    expect(nextDeadline(campaign, '2022-01-06')).toBeNull();
  });
});

describe('daysBetween', () => {
  test('counts calendar days', () => {
    expect(daysBetween('2021-10-20', '2021-10-31')).toBe(11);
    expect(daysBetween('2021-12-31', '2022-01-05')).toBe(5);
  });
});

describe('latestDuePeriod', () => {
  test.each([
    ['2021-08-04', null],
    ['2021-08-05', '2021-07'],
    ['2022-01-31', '2021-12'],
  ])('on %s the latest due report is %s', (asOf, period) => {
    expect(latestDuePeriod(campaign, asOf)).toBe(period);
  });
});

describe('tally', () => {
  test('counts each status and keeps the absent ones at zero', () => {
    expect(tally(['met', 'late', 'met'], ['met', 'late', 'overdue'])).toEqual({ met: 2, late: 1, overdue: 0 });
  });
});

describe('submissionCounts', () => {
  const due = '2021-08-05';
  const rows = [
    { dueOn: due, firstSubmittedAt: '2021-08-05T15:59:00.000Z' },
    { dueOn: due, firstSubmittedAt: '2021-08-05T16:00:00.000Z' },
    { dueOn: due, firstSubmittedAt: '2021-08-20T02:00:00.000Z' },
    { dueOn: due, firstSubmittedAt: null },
  ];

  test('on time means first submitted before the due day ends in Beijing', () => {
    expect(submissionCounts(rows, '2021-09-30')).toEqual({ submitted: 3, onTime: 1 });
  });

  test('a submission after the as-of day is not known yet', () => {
    expect(submissionCounts(rows, '2021-08-06')).toEqual({ submitted: 2, onTime: 1 });
  });
});
