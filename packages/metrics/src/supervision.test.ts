import { describe, expect, test } from 'vitest';
import { isItemOverdue, itemCounts } from './supervision';

describe('overdue rectification items (逾期未整改)', () => {
  test.each([
    ['2021-11-29', false], // before the due date
    ['2021-11-30', false], // the due day itself is still in time
    ['2021-12-01', true], // the day after, still open
  ])('open item due 11-30, as of %s → overdue %s', (asOf, overdue) => {
    expect(isItemOverdue({ dueOn: '2021-11-30', closedOn: null, voided: false }, asOf)).toBe(overdue);
  });

  test('an item closed on 12-03 was overdue on 12-02 and is not on 12-03', () => {
    const item = { dueOn: '2021-11-30', closedOn: '2021-12-03', voided: false };
    expect(isItemOverdue(item, '2021-12-02')).toBe(true);
    expect(isItemOverdue(item, '2021-12-03')).toBe(false);
  });

  test('a voided item is never overdue and never counted', () => {
    expect(isItemOverdue({ dueOn: '2021-11-01', closedOn: null, voided: true }, '2021-12-01')).toBe(false);
  });

  test('counts: 4 items, 1 voided, 1 closed, 2 open of which 1 past due', () => {
    const items = [
      { dueOn: '2021-11-20', closedOn: '2021-11-18', voided: false },
      { dueOn: '2021-11-20', closedOn: null, voided: false },
      { dueOn: '2021-12-20', closedOn: null, voided: false },
      { dueOn: '2021-11-01', closedOn: null, voided: true },
    ];
    expect(itemCounts(items, '2021-11-25')).toEqual({ items: 3, closed: 1, open: 2, overdue: 1 });
  });
});
