import { describe, expect, test } from 'vitest';
import type { IndicatorDef } from './api-types';
import { readReportForm, reportFieldCodes, reportGroups, shownValue } from './report-form';

const indicators: IndicatorDef[] = [
  { code: 's1_plan_issued_on', task: 'S1', name: '县级实施方案印发日期', kind: 'date', source: 'report' },
  { code: 't01_tekun', task: 'T01', name: '特困人员人数', kind: 'count', accumulation: 'stock', source: 'report' },
  { code: 't10_coordinator_coverage', task: 'T10', name: '村级社会救助协理员配备率', kind: 'ratio', source: 'roster' },
];
const campaign = {
  stages: [{ code: 'S1', name: '谋划部署', start: null, end: '2021-07-15', gates: [] }],
  tasks: [
    { code: 'T01', name: '建立健全分层分类救助体系', weight: 1 },
    { code: 'T10', name: '加强基层社会救助经办能力', weight: 1 },
  ],
  indicators,
};

describe('reportGroups', () => {
  const groups = reportGroups(campaign);

  test('S1 first, then every task, each with its narrative', () => {
    expect(groups.map((g) => [g.code, g.name, g.narrative])).toEqual([
      ['S1', '谋划部署', null],
      ['T01', '建立健全分层分类救助体系', 'narrative.T01'],
      ['T10', '加强基层社会救助经办能力', 'narrative.T10'],
    ]);
  });

  test('roster indicators are not reported: T10 keeps only its narrative', () => {
    expect(groups[2]!.indicators).toEqual([]);
  });

  test('the form sends each reported indicator and narrative once', () => {
    expect(reportFieldCodes(groups)).toEqual(['s1_plan_issued_on', 't01_tekun', 'narrative.T01', 'narrative.T10']);
  });
});

describe('readReportForm', () => {
  test('blank values are null, filled comments are kept, blank comments left out', () => {
    const form = new FormData();
    form.set('t01_tekun', ' 2329 ');
    form.set('comment.t01_tekun', '集中供养转分散供养');
    form.set('narrative.T01', '');
    form.set('comment.narrative.T01', ' ');
    expect(readReportForm(form, ['t01_tekun', 'narrative.T01', 's1_plan_issued_on'])).toEqual({
      values: { t01_tekun: '2329', 'narrative.T01': null, s1_plan_issued_on: null },
      comments: { t01_tekun: '集中供养转分散供养' },
    });
  });
});

describe('shownValue', () => {
  test.each([
    ['bool', 'true', '是'],
    ['bool', 'false', '否'],
    ['count', '2329', '2329'],
    ['count', null, '未填'],
  ] as const)('%s %s reads %s', (kind, text, shown) => {
    expect(shownValue({ kind }, text)).toBe(shown);
  });
});
