import { describe, expect, test } from 'vitest';
import { ASOF, board, perfect, perfectRoster, shortRoster } from './status-fixtures';
import { whatIf } from './what-if';
import type { CountyInput } from './types';

// Scored tasks at 11-10 for a perfect county: T02…T11 (T01 has no target), ten at 100. A red ratio past its
// deadline scores r × 100; T10 holds three coverages.
const A = perfect('340321', '3403', ASOF);
const short = (code: string, values: Record<string, string> = {}) =>
  perfect(code, '3403', ASOF, values, { roster: shortRoster(), rosterAtDeadline: shortRoster() });
const threeRed = { t02_incapable_covered: '50', t03_townships_with_reserve: '5', t09_care_agreements: '20' };

describe('the smallest set of fixes, re-judged by the status rules', () => {
  test.each<{ name: string; county: CountyInput; lines: string[] }>([
    {
      // coordinators 8/10 at and after 10-31 → m2 overdue; T10 = (80 + 100 + 100) / 3 → composite 99.33; A scores 100
      name: 'coordinators short: one fix, m2 becomes late, not overdue',
      county: short('340322'),
      lines: ['补齐2个村协理员：得分 99.3 → 100.0，全市排名 第2名 → 并列第1名，脱离进展缓慢'],
    },
    {
      // T02, T03, T09 at 50 → (7 × 100 + 150) / 10 = 85; three red → many_red; one back to expected: 90, two red
      name: 'three red indicators: bringing one to its expected value is enough',
      county: perfect('340322', '3403', ASOF, threeRed),
      lines: [
        '其中已纳入低保或特困人数达到序时进度要求（100%）：得分 85.0 → 90.0，全市排名 第2名 → 第2名，脱离进展缓慢',
      ],
    },
    {
      // (150 + 93.33 + 600) / 10 = 84.33; the indicator gains 5 points first (89.33), then coordinators 0.67 (90.0)
      name: 'two reasons: two fixes, the larger gain listed first',
      county: short('340322', threeRed),
      lines: [
        '其中已纳入低保或特困人数达到序时进度要求（100%）：得分 84.3 → 89.3，全市排名 第2名 → 第2名',
        '补齐2个村协理员：得分 89.3 → 90.0，全市排名 第2名 → 第2名，脱离进展缓慢',
      ],
    },
  ])('$name', ({ county, lines }) => {
    const result = whatIf(board([A, county]), county.code);
    expect(result.lagging).toBe(true);
    expect(result.resolves).toBe(true);
    expect(result.steps.map((s) => s.line)).toEqual(lines);
  });
});

describe('a missing October report (due 11-05, 5 days of grace)', () => {
  // Known at 10-04: reports up to September, all on time and perfect; the roster complete.
  const missingOctober = () => ({
    ...perfect('340322', '3403', '2021-10-04'),
    rosterAtDeadline: perfectRoster(),
    laggingAtSupervision: false,
  });

  test('on 11-10, sent that day it is within the grace days: that one fix clears it', () => {
    const result = whatIf(board([A, missingOctober()], '2021-11-10'), '340322');
    expect(result.steps.map((s) => s.text)).toEqual(['补报2021年10月月报']);
    expect(result.steps[0]?.laggingAfter).toBe(false);
  });

  test('on 11-15 it can no longer be made on time: no fix, and the reason is named', () => {
    const result = whatIf(board([A, missingOctober()], '2021-11-15'), '340322');
    expect(result.lagging).toBe(true);
    expect(result.resolves).toBe(false);
    expect(result.steps).toEqual([]);
    expect(result.unfixable.map((r) => r.code)).toEqual(['late_report']);
  });
});

describe('a county that never reported', () => {
  // Known at 08-09 (July due 08-05, within the 5 grace days): nothing but its complete roster. Ten scored tasks: nine
  // with no figure score 0, T10 scores 100 → 100 / 10 = 10.0. A first report with every figure at its 序时进度
  // scores each task 100 → 100.0, level with A at the top.
  const never = { ...perfect('340322', '3403', '2021-08-09'), report: null, firstSubmissions: {} };

  test('the fix is a first report with its figures at the expected values, priced like any other', () => {
    const result = whatIf(board([perfect('340321', '3403', '2021-08-09'), never], '2021-08-09'), '340322');
    expect(result.resolves).toBe(true);
    expect(result.steps.map((s) => s.line)).toEqual([
      '补报2021年7月月报（各项指标达到序时进度要求）：得分 10.0 → 100.0，全市排名 第2名 → 并列第1名，脱离进展缓慢',
    ]);
  });
});

test('a county not lagging needs nothing', () => {
  const result = whatIf(board([A]), A.code);
  expect(result).toMatchObject({ lagging: false, resolves: true, steps: [] });
});
