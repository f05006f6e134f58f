import type { documentKinds } from '@dudao/schema/inputs';

export type DocumentKind = (typeof documentKinds)[number];

/** What each kind of document is called, after its issuer's name: '蚌埠市行动总结'. */
export const documentTitles: Record<DocumentKind, string> = {
  city: '行动总结',
  province: '全省行动总结',
  notice: '督导通报',
  annex: '指标附表',
};

/** '蚌埠市行动总结_2021-12-15.docx'; the annex is a workbook. */
export const documentFileName = (kind: DocumentKind, unitName: string, asOf: string) =>
  `${unitName}${documentTitles[kind]}_${asOf}.${kind === 'annex' ? 'xlsx' : 'docx'}`;
