import { describe, expect, it } from 'vitest';
import { reminderDays, workingDayAfter, workingDayBefore } from './reminder-days';

describe('reminder days on the official calendar', () => {
  it('a Sunday deadline (2021-10-31): the last working day is Friday 10-29, the third-last Wednesday 10-27', () => {
    expect(workingDayBefore('2021-10-31', 1)).toBe('2021-10-29');
    expect(workingDayBefore('2021-10-31', 3)).toBe('2021-10-27');
    expect(workingDayAfter('2021-10-31')).toBe('2021-11-01');
  });

  it('across the National Day holiday: 10-01…10-07 are off, Saturday 10-09 is a make-up working day', () => {
    // 2021-10-05 report deadline: back over the holiday and the 09-26 (Sunday) make-up day.
    expect(workingDayBefore('2021-10-05', 1)).toBe('2021-09-30');
    expect(workingDayBefore('2021-10-05', 3)).toBe('2021-09-28');
    expect(workingDayAfter('2021-10-05')).toBe('2021-10-08');
    expect(workingDayAfter('2021-10-08')).toBe('2021-10-09');
  });

  it('lists the campaign days earliest first', () => {
    expect(reminderDays('2021-10-31')).toEqual([
      { n: 3, day: '2021-10-27' },
      { n: 1, day: '2021-10-29' },
    ]);
  });
});
