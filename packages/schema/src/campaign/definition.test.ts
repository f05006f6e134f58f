import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { definitionJsonSchema } from './definition';
import { issueText, readDefinition } from './definition-file';

const campaignsDir = new URL('../../../../campaigns/', import.meta.url);
const fileText = (name: string) => readFileSync(new URL(name, campaignsDir), 'utf8');

describe('campaign definition files', () => {
  test('the published JSON Schema for editors is the one the validator uses', () => {
    expect(JSON.parse(fileText('campaign.schema.json'))).toStrictEqual(definitionJsonSchema());
  });

  test('every error is listed at once, on its line, with its path, in Chinese', () => {
    const broken = [
      'code: demo-2022', //                                              1
      'name: 测试行动', //                                                2
      'province: "34"', //                                               3
      'timezone: Asia/Shanghai', //                                      4
      'start: 2022-01-01', //                                            5
      'end: 2022-12-31', //                                              6
      'rampStart: 2022-02-30', //                                        7: no such day
      'periods: [2022-03, 2022-13]', //                                  8: month 13
      'reportDueAfterDays: 5', //                                        9
      'summaryDue: 2023-01-15', //                                      10: after the end
      'stages:', //                                                     11
      '  - { code: S1, name: 部署, start: null, end: 2022-03-31, gates: [g_plan] }', // 12: unknown gate
      'gates: []', //                                                   13
      'tasks:', //                                                      14
      '  - { code: T01, name: 任务一, weight: 1 }', //                  15
      'indicators:', //                                                 16
      '  - { code: a_count, task: T09, name: 人数, kind: number, source: report }', // 17: unknown task and kind
      'relations: []', //                                               18
      'thresholds: { green: 0.95, amber: 0.8, lowScore: 80, manyRed: 3, lateReportDays: 5, outlierChange: 0.5, eligibleRecipients: 200, stationPolicy: per_eligible_village, stationsPer: 200, extra: 1 }',
    ].join('\n');
    const read = readDefinition(broken);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map(issueText)).toEqual([
      // The documents' fixed texts are part of every campaign.
      '第 1 行 documents：缺少此项',
      '第 7 行 rampStart：不是日历上存在的日期',
      '第 8 行 periods[1]：报送期应为 YYYY-MM（月报）或 YYYY-Qn（季报）',
      '第 10 行 summaryDue：总结报送截止日 2023-01-15 不在活动期（2022-01-01 至 2022-12-31）内',
      '第 12 行 stages[0].gates[0]：关口 g_plan 未在 gates 中定义',
      '第 17 行 indicators[0].kind：指标类型只能是 count、amount、days、bool、date 或 ratio',
      '第 17 行 indicators[0].task：任务 T09 未在 tasks 或 stages 中定义',
      '第 19 行 thresholds：不认识的字段：extra',
    ]);
  });

  test('a missing field and a wrong type are named in Chinese', () => {
    const text = fileText('anhui-2021.yaml')
      .replace(/^summaryDue: .*$/m, '')
      .replace(/^reportDueAfterDays: 5$/m, 'reportDueAfterDays: 五天');
    const read = readDefinition(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((i) => `${i.path.join('.')}：${i.message}`)).toEqual(
      expect.arrayContaining(['reportDueAfterDays：类型错误：应为数字', 'summaryDue：缺少此项']),
    );
  });

  test('gates and derived indicators by kind: what each kind names must exist and fit', () => {
    const text = fileText('anhui-2022.yaml')
      .replace('kind: date_by, indicator: p1_plan_on,', 'kind: date_by, indicator: k6_events,')
      .replace('showsIndicator: r_member_coverage', 'showsIndicator: nowhere')
      .replace(
        'level: city, deadline: 2022-12-20, kind: summary_submitted',
        'level: county, deadline: 2022-12-20, kind: summary_submitted',
      )
      .replace('derived: { kind: case_log_over_limit, limitDays: 15 }', 'derived: { kind: case_log_over_limit }')
      .replace(
        'derived: { kind: sum, column: longTermRecipients }',
        'derived: { kind: median, column: longTermRecipients }',
      )
      .replace('periods: [ 2022-Q1, 2022-Q2, 2022-Q3, 2022-Q4 ]', 'periods: [ 2022-Q1, 2022-06, 2022-Q3, 2022-Q4 ]');
    const read = readDefinition(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((i) => `${i.path.join('.')}：${i.message}`)).toEqual(
      expect.arrayContaining([
        'gates.0.indicator：指标 k6_events 不是月报中填报的日期指标',
        'gates.1.showsIndicator：指标 nowhere 未定义',
        'gates.4.level：summary_submitted 关口的层级应为 city',
        'indicators.6.derived：超时件数须写明 limitDays 或 limitFrom 之一',
        'indicators.11.derived.kind：派生方式只能是 coverage、share、average、village_count、sum、stations_per_recipients、case_log_average_days 或 case_log_over_limit',
        'periods.1：报送期应全部为月度（YYYY-MM）或全部为季度（YYYY-Qn）',
      ]),
    );
  });

  test('the second campaign is quarterly, and a file without reportName gets the word its periods imply', () => {
    const read = readDefinition(fileText('anhui-2022.yaml').replace(/^reportName: .*$/m, ''));
    expect(read.ok && read.definition.reportName).toBe('季报');
    const wrong = readDefinition(fileText('anhui-2022.yaml').replace(/^reportName: .*$/m, 'reportName: 月报'));
    expect(wrong.ok ? [] : wrong.issues.map((i) => i.message)).toEqual(['报送期为季度，报告名称应为 季报']);
  });

  test('a file that is not YAML says so with its line', () => {
    const read = readDefinition('code: x\n  name: [unclosed\n');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]?.message).toMatch(/^文件格式错误/);
  });
});
