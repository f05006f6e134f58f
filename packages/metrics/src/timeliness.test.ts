import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { countyTimeliness, timelinessCounts } from './timeliness';

const anhui2021 = builtinCampaign('anhui-2021');

// October's report is due at the end of 2021-11-05 Beijing (2021-11-05T16:00:00Z); September's at the end of 10-05.
describe('countyTimeliness: the latest period due by t, judged by its first submission known at t', () => {
  test.each([
    ['before the first report is due (08-05)', {}, '2021-08-04', null],
    [
      'first submitted on the due day, 23:59 Beijing',
      { '2021-10': '2021-11-05T15:59:00.000Z' },
      '2021-11-10',
      'on_time',
    ],
    ['first submitted one minute after the due day', { '2021-10': '2021-11-05T16:01:00.000Z' }, '2021-11-10', 'late'],
    ['nothing known for October', { '2021-09': '2021-10-03T02:00:00.000Z' }, '2021-11-10', 'missing'],
    // on 11-05 itself October is due and its report is not in yet: missing, September no longer counts
    ['on the due day itself', { '2021-09': '2021-10-03T02:00:00.000Z' }, '2021-11-05', 'missing'],
    ['the day before, September is the latest due', { '2021-09': '2021-10-06T02:00:00.000Z' }, '2021-11-04', 'late'],
  ] as const)('%s', (_label, firstSubmissions, asOf, expected) => {
    expect(countyTimeliness({ firstSubmissions }, anhui2021, asOf)).toBe(expected);
  });
});

describe('timelinessCounts', () => {
  test('counts each county once', () => {
    const counties = [
      { timeliness: 'on_time' },
      { timeliness: 'on_time' },
      { timeliness: 'late' },
      { timeliness: 'missing' },
    ] as const;
    expect(timelinessCounts([...counties], anhui2021, '2021-11-10')).toEqual({
      period: '2021-10',
      onTime: 2,
      late: 1,
      missing: 1,
    });
  });

  test('before the first due date there is no period to count', () => {
    expect(timelinessCounts([{ timeliness: null }], anhui2021, '2021-08-04')).toEqual({
      period: null,
      onTime: 0,
      late: 0,
      missing: 0,
    });
  });
});
