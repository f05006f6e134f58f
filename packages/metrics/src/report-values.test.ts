import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { parseReportNumber, parseReportValue } from './report-values';
import { indicatorDef } from './schedule';

const anhui2021 = builtinCampaign('anhui-2021');

const def = (code: string) => indicatorDef(anhui2021, code);

describe('parseReportValue', () => {
  test.each([
    ['t01_tekun', '123', 123],
    ['t03_temp_aid_amount', '10500.50', 10500.5],
    ['t06_avg_processing_days', '12.5', 12.5],
    ['t04_platform_live', 'true', 1],
    ['t04_platform_live', 'false', 0],
    ['s1_plan_issued_on', '2021-07-10', '2021-07-10'],
    ['t01_tekun', null, null],
    ['t01_tekun', '', null],
    ['t04_platform_live', undefined, null],
  ])('%s: %o → %o', (code, raw, expected) => {
    expect(parseReportValue(def(code), raw)).toBe(expected);
  });

  test.each([
    ['t01_tekun', 'abc'],
    ['t04_platform_live', 'yes'],
    ['s1_plan_issued_on', '2021-13-40'],
  ])('%s refuses %o loudly', (code, raw) => {
    expect(() => parseReportValue(def(code), raw)).toThrow();
  });

  test('a date is never read as a number', () => {
    expect(() => parseReportNumber(def('s1_plan_issued_on'), '2021-07-10')).toThrow();
  });
});
