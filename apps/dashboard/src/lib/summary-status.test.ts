import { describe, expect, test } from 'vitest';
import { submissionBadge, tallySubmissions } from './summary-status';

describe('submissionBadge', () => {
  test.each([
    [true, '2021-12-20', '已报送 · 按期', 'good'],
    [false, '2021-12-20', '已报送 · 逾期', 'warn'],
    [null, '2021-12-15', '未报送', 'neutral'],
    [null, '2021-12-10', '未报送', 'neutral'],
    [null, '2021-12-16', '未报送 · 已逾期', 'bad'],
  ] as const)('onTime %s on %s reads %s (%s)', (onTime, asOf, text, tone) => {
    expect(submissionBadge({ onTime, dueOn: '2021-12-15' }, asOf)).toMatchObject({ text, tone });
  });
});

describe('tallySubmissions', () => {
  test('counts on-time, late and missing cities', () => {
    expect(tallySubmissions([{ onTime: true }, { onTime: true }, { onTime: false }, { onTime: null }])).toEqual({ onTime: 2, late: 1, missing: 1 });
  });
});
