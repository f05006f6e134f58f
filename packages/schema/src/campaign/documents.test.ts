import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { issueText, readDefinition } from './definition-file';
import { fillText } from './documents';

const shipped = readFileSync(new URL('../../../../campaigns/anhui-2021.yaml', import.meta.url), 'utf8');

/** anhui-2021's file with its documents section changed by `edit`, read back as an editor's file. */
// The edits reach into the YAML's plain objects at any depth, as an editor would.
/* eslint-disable @typescript-eslint/no-explicit-any */
function withDocuments(edit: (documents: Record<string, any>) => void) {
  const doc = parseDocument(shipped);
  const js = doc.toJS() as { documents: Record<string, any> };
  /* eslint-enable @typescript-eslint/no-explicit-any */
  edit(js.documents);
  doc.set('documents', doc.createNode(js.documents));
  const read = readDefinition(doc.toString());
  return read.ok ? [] : read.issues.map((i) => issueText({ ...i, line: null }));
}

describe('the documents section of a campaign definition', () => {
  test('the shipped file holds every fixed text of the documents', () => {
    expect(withDocuments(() => {})).toEqual([]);
  });

  test('a misspelt placeholder, a text where none may stand, an unknown task or indicator and a part twice are each named with their path', () => {
    const issues = withDocuments((d) => {
      d.issuers.city = '{cty}民政局';
      d.citySummary.closing = '';
      d.citySummary.sections.push({ part: 'plans', heading: '再谈打算' });
      d.notice.sections[0].part = 'summary';
      d.plans.areas[0].tasks = ['T10', 'T12'];
      d.figures.t99_unknown = { wording: '某指标{value}个' };
      d.printedBy = '{issuer}办公室{date}';
      delete d.notice.opening;
      d.tables.counts[0].indicator = 't99_missing';
      d.tables.shares[0].part = 'value';
      d.problems.targetGroups[1].tasks.push('T13');
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'documents.issuers.city：未知的占位符 {cty}，可用：{city}',
        'documents.citySummary.closing：文字不能为空',
        'documents.citySummary.sections[4].part：部分 plans 重复',
        'documents.notice.sections[0].part：部分只能是 overview（总体情况）、lagging（进展缓慢县区）、watch（关注名单）或 requirements（工作要求）',
        'documents.plans.areas[0].tasks[1]：任务 T12 未在 tasks 中定义',
        'documents.figures.t99_unknown：指标 t99_unknown 未在 indicators 中定义',
        'documents.figures.t99_unknown.wording：未知的占位符 {value}，可用：{v}、{num}、{den}、{pct}',
        'documents.printedBy：未知的占位符 {date}，可用：{issuer}',
        'documents.notice.opening：缺少此项',
        'documents.tables.counts[0].indicator：指标 t99_missing 未在 indicators 中定义',
        'documents.tables.shares[0]：不认识的字段：part',
        'documents.problems.targetGroups[1].tasks[4]：任务 T13 未在 tasks 中定义',
      ]),
    );
    expect(issues).toHaveLength(12);
  });

  test('the plan’s word for a lagging county is four Chinese characters (it heads a two-line table column)', () => {
    expect(withDocuments((d) => (d.assessment.laggingWord = '推进滞后'))).toEqual([]);
    expect(withDocuments((d) => (d.assessment.laggingWord = '滞后'))).toEqual([
      'documents.assessment.laggingWord：应为四个汉字，如 进展缓慢',
    ]);
  });

  test('an unknown field in the section is refused by name', () => {
    expect(withDocuments((d) => (d.citySummary.greeting = '您好'))).toEqual([
      'documents.citySummary：不认识的字段：greeting',
    ]);
  });

  test('placeholders are filled where given and left visible where not', () => {
    expect(fillText('{issuer}关于{year}年{what}的报告', { issuer: '蚌埠市民政局', year: '2022' })).toBe(
      '蚌埠市民政局关于2022年{what}的报告',
    );
  });
});
