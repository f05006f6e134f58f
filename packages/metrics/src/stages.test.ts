import { describe, expect, test } from 'vitest';
import { deadlines, nextDeadline, stageAt } from './schedule';
import { tally } from './tallies';

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
const campaign = {
  start: '2021-07-01',
  stages,
  gates,
  periods: ['2021-07', '2021-08', '2021-12'],
  reportDueAfterDays: 5,
  reportName: '月报',
};

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

describe('deadlines', () => {
  test('gates and reports in date order', () => {
    expect(deadlines(campaign).map((d) => d.on)).toEqual([
      '2021-07-15',
      '2021-08-05',
      '2021-09-05',
      '2021-10-31',
      '2021-11-30',
      '2021-12-15',
      '2022-01-05',
    ]);
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

describe('tally', () => {
  test('counts each status and keeps the absent ones at zero', () => {
    expect(tally(['met', 'late', 'met', 'n/a'])).toEqual({ met: 2, late: 1, overdue: 0, pending: 0, 'n/a': 1 });
  });
});
