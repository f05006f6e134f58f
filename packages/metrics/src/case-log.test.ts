import { describe, expect, test } from 'vitest';
import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { caseLogFigures, processingDayLimit } from './case-log';
import type { CaseRecord } from './types';

const anhui2021 = builtinCampaign('anhui-2021');

let nextId = 0;
function decided(appliedOn: string, decidedOn: string | null): CaseRecord {
  nextId += 1;
  return { caseId: `c${nextId}`, kind: '低保', townshipCode: '340321100', appliedOn, decidedOn };
}

describe('caseLogFigures', () => {
  test('the limit is the 20 working days set on t06_avg_processing_days', () => {
    expect(processingDayLimit(anhui2021)).toBe(20);
  });

  const log = [
    decided('2021-09-06', '2021-09-10'), // 4 working days
    decided('2021-09-30', '2021-10-11'), // 3 (across National Day, 10-09 a make-up Saturday)
    // 08-02 (Mon) → 09-01 (Wed): Aug 3..31 = 21 weekdays, + 09-01 = 22 > 20
    decided('2021-08-02', '2021-09-01'),
    // 08-02 → 08-30 (Mon): Aug 3..30 = 20 weekdays, exactly the limit, not over
    decided('2021-08-02', '2021-08-30'),
    decided('2021-10-08', null), // still open
    decided('2021-06-01', '2021-06-30'), // decided before the campaign
    decided('2021-10-20', '2021-10-25'), // decided after the as-of date used below
  ];

  test.each([
    // 4 + 3 + 22 + 20 = 49 over 4 cases = 12.25; one over the limit (22)
    ['2021-10-11', { avgProcessingDays: 49 / 4, overLimitCases: 1, decidedCases: 4 }],
    // only 08-30 (20) and 09-01 (22) decided by 09-05: 42 / 2 = 21
    ['2021-09-05', { avgProcessingDays: 21, overLimitCases: 1, decidedCases: 2 }],
    // 08-30 case alone: 20, not over
    ['2021-08-31', { avgProcessingDays: 20, overLimitCases: 0, decidedCases: 1 }],
    ['2021-07-31', { avgProcessingDays: null, overLimitCases: 0, decidedCases: 0 }],
  ])('as of %s', (asOf, expected) => {
    expect(caseLogFigures(log, asOf, '2021-07-01', 20)).toEqual(expected);
  });

  test('a lower limit counts more cases over it', () => {
    // 22 and 20 are over 19; 4 and 3 are not
    expect(caseLogFigures(log, '2021-10-11', '2021-07-01', 19).overLimitCases).toBe(2);
  });

  test('a case outside the calendar data fails loudly', () => {
    expect(() => caseLogFigures([decided('2021-12-20', '2030-01-04')], '2030-02-01', '2021-07-01', 20)).toThrow();
  });
});
