import { describe, expect, test } from 'vitest';
import { withoutMonthWording } from './month-wording';

describe('narratives in a year-end document', () => {
  test('a sentence about one month is dropped; 7月以来 and a dated event are not a month’s wording', () => {
    expect(withoutMonthWording('五河县设立社会救助服务窗口。11月新增救助12人。本月走访30户。')).toBe(
      '五河县设立社会救助服务窗口。',
    );
    expect(withoutMonthWording('五河县常态化开展监测，11月末纳入监测520人。')).toBe('');
    expect(withoutMonthWording('五河县7月以来累计救助98人，于2021年11月3日召开推进会。')).toBe(
      '五河县7月以来累计救助98人，于2021年11月3日召开推进会。',
    );
  });
});
