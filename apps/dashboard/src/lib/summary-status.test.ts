import { describe, expect, test } from 'vitest';
import { submissionBadge, tallySubmissions } from './summary-status';

describe('submissionBadge', () => {
  test.each([
    ['met', '已报送 · 按期', 'good'],
    ['late', '已报送 · 逾期', 'warn'],
    ['pending', '未报送', 'neutral'],
    ['overdue', '未报送 · 已逾期', 'bad'],
  ] as const)('gate m5 %s reads %s (%s)', (gate, text, tone) => {
    expect(submissionBadge({ gate })).toMatchObject({ text, tone });
  });
});

describe('tallySubmissions', () => {
  test('counts on-time, late and missing cities', () => {
    expect(
      tallySubmissions([{ gate: 'met' }, { gate: 'met' }, { gate: 'late' }, { gate: 'pending' }, { gate: 'overdue' }]),
    ).toEqual({ onTime: 2, late: 1, missing: 2 });
  });
});
