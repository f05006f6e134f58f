import { describe, expect, test } from 'vitest';
import { chineseDate, chineseNumber, countText, typeset } from '../src/services/documents/format';
import {
  attachmentNoteLines,
  CHAR_PITCH,
  CHAR_SPACING,
  INDENT_TWO_CHARS,
  LINE_PITCH,
  MARGIN,
  mmToTwips,
  PAGE,
  sealSignatureIndents,
  TEXT_HEIGHT,
  TEXT_WIDTH,
} from '../src/services/documents/gbt9704';

describe('GB/T 9704 layout in twips', () => {
  // 1 mm = 1440 / 25.4 twips.
  test.each([
    [37, 2098], // 2097.64
    [35, 1984], // 1984.25
    [28, 1587], // 1587.40
    [26, 1474], // 1474.02
  ])('%i mm is %i twips', (mm, twips) => expect(mmToTwips(mm)).toBe(twips));

  test('the margins leave the 156 × 225 mm 版心 of an A4 page', () => {
    expect(PAGE).toEqual({ width: 11906, height: 16838 });
    expect(MARGIN).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(TEXT_WIDTH).toBe(11906 - 1587 - 1474);
    expect(TEXT_HEIGHT).toBe(16838 - 2098 - 1984);
  });

  test('22 exact lines fit the 12756-twip 版心: 579 twips each (22 × 580 = 12760 would not)', () => {
    expect(LINE_PITCH).toBe(579);
    expect(22 * LINE_PITCH).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect(22 * (LINE_PITCH + 1)).toBeGreaterThan(TEXT_HEIGHT);
  });

  test('28 characters fit the 8845-twip line: 8845 / 28 = 315.9 twips, so each 320-twip 3号 character is condensed by 5', () => {
    expect(CHAR_SPACING).toBe(-5);
    expect(CHAR_PITCH).toBe(315);
    expect(28 * 315).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * 315).toBeGreaterThan(TEXT_WIDTH);
  });

  test('paragraphs are indented two characters as set', () => expect(INDENT_TWO_CHARS).toBe(630));
});

describe('signature for a seal (GB/T 9704 7.3.5.1)', () => {
  test('the date keeps four characters from the right margin; the issuer is centred over it', () => {
    // '2021年12月15日' is 3 + 8 half-width digits = 7 wide, centre 4 + 3.5 = 7.5 from the margin; '蚌埠市民政局' is 6: right 7.5 − 3.
    expect(sealSignatureIndents('蚌埠市民政局', '2021年12月15日')).toEqual({ date: 4, issuer: 4.5 });
  });

  test('an issuer wider than the date still centres over it', () => {
    // '马鞍山市民政局社会救助处' is 12 wide: right 7.5 − 6 = 1.5.
    expect(sealSignatureIndents('马鞍山市民政局社会救助处', '2021年12月15日')).toEqual({ date: 4, issuer: 1.5 });
  });
});

describe('附件说明 (GB/T 9704 7.3.4)', () => {
  test('starts two characters in; later names and wrapped lines align with the first name', () => {
    // '附件：' is 3 characters, so names begin at 2 + 3 = 5; '1.' is two half-width characters, 1 in all.
    expect(attachmentNoteLines(['甲表', '乙图'])).toEqual([
      { text: '附件：1.甲表', start: 2, wrap: 6 },
      { text: '2.乙图', start: 5, wrap: 6 },
    ]);
  });

  test('a single attachment is not numbered', () => {
    expect(attachmentNoteLines(['一览表'])).toEqual([{ text: '附件：一览表', start: 2, wrap: 5 }]);
  });
});

describe('Chinese formats', () => {
  test.each([
    ['2021-12-15', '2021年12月15日'],
    ['2021-12-05', '2021年12月5日'],
    ['2021-07-01', '2021年7月1日'],
  ])('%s is written %s, without leading zeros', (iso, text) => expect(chineseDate(iso)).toBe(text));

  test.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
  ])('heading number %i is %s', (n, text) => expect(chineseNumber(n)).toBe(text));

  test.each([
    [57780, '57780'],
    [99999, '99999'],
    [241400, '24.14万'],
  ])('count %i reads %s', (n, text) => expect(countText(n)).toBe(text));

  test('typesetting runs figures into the text and writes dates in Chinese, never changing a figure', () => {
    expect(typeset('协理员配备率 82.1%，低于截止日要求的 100%')).toBe('协理员配备率82.1%，低于截止日要求的100%');
    expect(typeset('2021-11 月报应于 2021-12-05 报送，截至 12-15 尚未报送')).toBe(
      '2021年11月月报应于2021年12月5日报送，截至12月15日尚未报送',
    );
    expect(typeset('加快社会救助"放管服"改革')).toBe('加快社会救助“放管服”改革');
  });
});

describe('deadlines on the document’s own day', () => {
  test('a deadline ahead reads 于…前, on the day 于今日, once past 立即', async () => {
    const { byDeadline } = await import('../src/services/documents/format');
    expect(byDeadline('2021-12-15', '2021-12-10')).toBe('于12月15日前');
    expect(byDeadline('2021-12-15', '2021-12-15')).toBe('于今日（12月15日）');
    expect(byDeadline('2021-11-30', '2021-12-15')).toBe('立即');
  });
});

describe('rank text with ties', () => {
  test('a tied place reads 并列, an unscored one 未排名', async () => {
    const { rankText, rankCell } = await import('../src/services/documents/rank-text');
    expect(rankText({ rank: 1, tied: true })).toBe('并列第1名');
    expect(rankText({ rank: 3, tied: false })).toBe('第3名');
    expect(rankText({ rank: 2, tied: false }, '位')).toBe('第2位');
    expect(rankCell({ rank: 1, tied: true })).toBe('并列1');
    expect(rankText({ rank: null, tied: false })).toBe('未排名');
    expect(rankCell({ rank: null, tied: false })).toBe('—');
  });
});

describe('lines break between words, never inside one', () => {
  test('a long attachment title splits before 和 into a trapezoid: 14 characters over 10', async () => {
    const { titleLines } = await import('../src/services/documents/line-breaks');
    expect(titleLines('蚌埠市各县（市、区）综合得分和村级服务覆盖情况图', 20)).toEqual([
      '蚌埠市各县（市、区）综合得分',
      '和村级服务覆盖情况图',
    ]);
    expect(titleLines('各市主要指标情况表', 20)).toEqual(['各市主要指标情况表']);
  });

  test("a document's title keeps the plan's name on a line of its own: 8, 16 and 7 characters", async () => {
    const { titleLines } = await import('../src/services/documents/line-breaks');
    expect(titleLines('蚌埠市民政局关于社会救助工作便民惠民优化服务行动开展情况的报告', 20)).toEqual([
      '蚌埠市民政局关于',
      '社会救助工作便民惠民优化服务行动',
      '开展情况的报告',
    ]);
  });

  test('a table header is cut between words: 民政工作 / 负责人 / 明确率, 协理员 / 配备率', async () => {
    const { headerLines } = await import('../src/services/documents/roster-columns');
    expect(headerLines('民政工作负责人明确率')).toEqual(['民政工作', '负责人', '明确率']);
    expect(headerLines('协理员配备率')).toEqual(['协理员', '配备率']);
  });

  test('a column is as wide as its widest figure: 122,238,633.23 needs 7 characters, 13 halves and the margin', async () => {
    const { tableLayout } = await import('../src/services/documents/table-widths');
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

  test('a county name too long for its cell breaks between the parts of the zone’s name', async () => {
    const { wrapAtWords } = await import('../src/services/documents/line-breaks');
    // A cell of 6 characters: 蚌埠市 | 高新 | 技术 | 开发区.
    expect(wrapAtWords('蚌埠市高新技术开发区', 6)).toEqual(['蚌埠市高新', '技术开发区']);
    expect(wrapAtWords('蚌埠市经济开发区', 6)).toEqual(['蚌埠市经济', '开发区']);
    expect(wrapAtWords('县（市、区）', 5)).toEqual(['县', '（市、区）']);
    expect(wrapAtWords('龙子湖区', 6)).toEqual(['龙子湖区']);
    // With no word boundary in reach the cut still keeps a figure whole: 累计 (2) | 2021件 (4 × ½ + 1).
    expect(wrapAtWords('累计2021件', 3)).toEqual(['累计', '2021件']);
  });

  test('the 附件说明 wraps a name at a word, its half-width number counted as half a character', async () => {
    const { wrapAtWords } = await import('../src/services/documents/line-breaks');
    // '3.' is one character wide: 23 left on a line that starts 5 in, 22 under the name's first character.
    expect(wrapAtWords('3.蚌埠市各县（市、区）综合得分和村级服务覆盖情况图', 23, 22)).toEqual([
      '3.蚌埠市各县（市、区）综合得分',
      '和村级服务覆盖情况图',
    ]);
  });
});

describe('narratives in a year-end document', () => {
  test('a sentence about one month is dropped; 7月以来 and a dated event are not a month’s wording', async () => {
    const { withoutMonthWording } = await import('../src/services/documents/narratives');
    expect(withoutMonthWording('五河县设立社会救助服务窗口。11月新增救助12人。本月走访30户。')).toBe(
      '五河县设立社会救助服务窗口。',
    );
    expect(withoutMonthWording('五河县常态化开展监测，11月末纳入监测520人。')).toBe('');
    expect(withoutMonthWording('五河县7月以来累计救助98人，于2021年11月3日召开推进会。')).toBe(
      '五河县7月以来累计救助98人，于2021年11月3日召开推进会。',
    );
  });
});
