import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { firstReportDue, gateDeadline, isDueBy, isPast, latestDuePeriod } from './schedule';

const anhui2021 = builtinCampaign('anhui-2021');

describe('schedule', () => {
  test('the first report (2021-07) is due 07-31 + 5 days = 08-05', () => {
    expect(firstReportDue(anhui2021)).toBe('2021-08-05');
  });

  test.each([
    ['2021-08-04', false],
    ['2021-08-05', true], // end of 08-05 is the due instant itself
    ['2021-08-06', true],
  ])('due 08-05, as of %s → due by then: %s', (asOf, due) => {
    expect(isDueBy('2021-08-05', asOf)).toBe(due);
  });

  test.each([
    ['2021-10-30', false],
    ['2021-10-31', false],
    ['2021-11-01', true],
  ])('deadline 10-31, day %s → past: %s', (day, past) => {
    expect(isPast('2021-10-31', day)).toBe(past);
  });

  test.each([
    ['2021-08-04', null],
    ['2021-08-05', '2021-07'],
    ['2021-09-04', '2021-07'], // August's is due 09-05
    ['2021-11-10', '2021-10'], // October's was due 11-05
    ['2022-03-01', '2021-12'],
  ])('latest report due by %s is %s', (asOf, period) => {
    expect(latestDuePeriod(anhui2021, asOf)).toBe(period);
  });

  test('gate deadlines come from the campaign, unknown gates fail', () => {
    expect(gateDeadline(anhui2021, 'm4_supervised')).toBe('2021-11-30');
    expect(() => gateDeadline(anhui2021, 'm9')).toThrow();
  });
});
