import { describe, expect, test } from 'vitest';
import { tableLayout } from './table-widths';

describe('lines break between words, never inside one', () => {
  test('a column is as wide as its widest figure: 122,238,633.23 needs 7 characters, 13 halves and the margin', () => {
    const layout = tableLayout(
      {
        kind: 'table',
        columns: [
          { header: '市', width: 3 },
          { header: ['临时救助', '金额（元）'], width: 4, align: 'right' },
        ],
        rows: [['全省合计', '122,238,633.23']],
      },
      8845,
      40,
    );
    // 五号 (10.5 pt, 210 twips a character) fits: the figure's 7 characters plus 0.3 and two 40-twip margins.
    expect(layout.size).toBe(21);
    expect(layout.widths[1]).toBeGreaterThanOrEqual(Math.ceil(7.3 * 210) + 80);
    expect(layout.widths.reduce((s, w) => s + w, 0)).toBe(8845);
  });
});
