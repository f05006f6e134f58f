import { describe, expect, test } from 'vitest';
import { titleLines, wrapAtWords } from './line-breaks';

describe('lines break between words, never inside one', () => {
  test('a long attachment title splits before 和 into a trapezoid: 14 characters over 10', () => {
    expect(titleLines('蚌埠市各县（市、区）综合得分和村级服务覆盖情况图', 20)).toEqual([
      '蚌埠市各县（市、区）综合得分',
      '和村级服务覆盖情况图',
    ]);
    expect(titleLines('各市主要指标情况表', 20)).toEqual(['各市主要指标情况表']);
  });

  test("a document's title keeps the plan's name on a line of its own: 8, 16 and 7 characters", () => {
    expect(titleLines('蚌埠市民政局关于社会救助工作便民惠民优化服务行动开展情况的报告', 20)).toEqual([
      '蚌埠市民政局关于',
      '社会救助工作便民惠民优化服务行动',
      '开展情况的报告',
    ]);
  });

  test('a county name too long for its cell breaks between the parts of the zone’s name', () => {
    // A cell of 6 characters: 蚌埠市 | 高新 | 技术 | 开发区.
    expect(wrapAtWords('蚌埠市高新技术开发区', 6)).toEqual(['蚌埠市高新', '技术开发区']);
    expect(wrapAtWords('蚌埠市经济开发区', 6)).toEqual(['蚌埠市经济', '开发区']);
    expect(wrapAtWords('县（市、区）', 5)).toEqual(['县', '（市、区）']);
    expect(wrapAtWords('龙子湖区', 6)).toEqual(['龙子湖区']);
    // With no word boundary in reach the cut still keeps a figure whole: 累计 (2) | 2021件 (4 × ½ + 1).
    expect(wrapAtWords('累计2021件', 3)).toEqual(['累计', '2021件']);
  });

  test('the 附件说明 wraps a name at a word, its half-width number counted as half a character', () => {
    // '3.' is one character wide: 23 left on a line that starts 5 in, 22 under the name's first character.
    expect(wrapAtWords('3.蚌埠市各县（市、区）综合得分和村级服务覆盖情况图', 23, 22)).toEqual([
      '3.蚌埠市各县（市、区）综合得分',
      '和村级服务覆盖情况图',
    ]);
  });
});
