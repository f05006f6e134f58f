import { describe, expect, test } from 'vitest';
import { attainmentText, expectedText, shownKind, statusBadge, valueText } from './indicator-text';

const ratio = {
  kind: 'ratio' as const,
  target: { kind: 'ratio' as const, denominator: null, share: 1, deadline: '2021-10-31' },
};

describe('valueText', () => {
  test.each([
    [{ kind: 'ratio' as const }, { value: 0.7589, date: undefined }, '75.9%'], // 75.89 rounds half up
    [{ kind: 'bool' as const }, { value: 0, date: undefined }, '否'],
    [{ kind: 'count' as const }, { value: 16538, date: undefined }, '16,538'],
    [{ kind: 'date' as const }, { value: null, date: '2021-07-13' }, '2021年7月13日'],
    [{ kind: 'date' as const }, { value: null, date: null }, '—'],
  ])('%j with %j reads %s', (def, r, text) => {
    expect(valueText(def, r)).toBe(text);
  });
});

describe('shownKind', () => {
  test('a reported count judged as a coverage is shown as a share', () => {
    expect(
      shownKind({
        kind: 'count',
        target: { kind: 'ratio', denominator: { indicator: 't09_dispersed_tekun' }, share: 1, deadline: '2021-10-31' },
      }),
    ).toBe('ratio');
    expect(
      valueText(
        { kind: 'count', target: { kind: 'ratio', denominator: null, share: 1, deadline: null } },
        { value: 0.877 },
      ),
    ).toBe('87.7%');
  });

  test('other figures keep their own kind', () => {
    expect(shownKind({ kind: 'count', target: { kind: 'threshold', min: 8, deadline: '2021-10-31' } })).toBe('count');
    expect(shownKind({ kind: 'bool' })).toBe('bool');
  });
});

describe('expectedText', () => {
  test('a ramped ratio shows its 序时进度 as a share', () => {
    expect(expectedText(ratio, { expected: 0.7661 })).toBe('76.6%');
  });

  test('an upper bound is written with ≤', () => {
    expect(expectedText({ kind: 'days', target: { kind: 'upper', max: 20 } }, { expected: 20 })).toBe('≤ 20.0');
  });

  test('a threshold is written with ≥, a bool as 是', () => {
    expect(
      expectedText({ kind: 'count', target: { kind: 'threshold', min: 8, deadline: '2021-10-31' } }, { expected: 8 }),
    ).toBe('≥ 8');
    expect(
      expectedText({ kind: 'bool', target: { kind: 'threshold', min: 1, deadline: '2021-10-31' } }, { expected: 1 }),
    ).toBe('是');
  });

  test('the plan date must come by its deadline', () => {
    expect(
      expectedText({ kind: 'date', target: { kind: 'date_by', deadline: '2021-07-15' } }, { expected: null }),
    ).toBe('不晚于 2021年7月15日');
  });

  test('an indicator without a target has no expectation', () => {
    expect(expectedText({ kind: 'count' }, { expected: null })).toBe('—');
  });
});

describe('statusBadge', () => {
  test('a status is written in words with a symbol', () => {
    expect(statusBadge({ status: 'red' })).toMatchObject({ icon: '✕', text: '落后' });
    expect(statusBadge({ status: 'missing' })).toMatchObject({ text: '缺报' });
  });

  test('an unscored figure says so', () => {
    expect(statusBadge({ status: null })).toMatchObject({ text: '不评分' });
  });
});

describe('attainmentText', () => {
  const upper = { target: { kind: 'upper' as const, max: 20 } };
  test.each([
    // 平均办理时限 10.1 against ≤ 20.0: kept, never "完成度 198.0%" (20 / 10.1)
    [upper, { attainment: 20 / 10.1, value: 10.1, expected: 20 }, '未超过上限'],
    [upper, { attainment: 20 / 24, value: 24, expected: 20 }, '超过上限'],
    [upper, { attainment: null, value: null, expected: 20 }, null],
    [ratio, { attainment: 0.756, value: 0.567, expected: 0.75 }, '完成度 75.6%'],
    [ratio, { attainment: null, value: null, expected: 0.75 }, null],
  ])('%j with %j reads %j', (def, r, expected) => {
    expect(attainmentText(def as never, r)).toBe(expected);
  });
});
