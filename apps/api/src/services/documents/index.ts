export { snapshotAt, type Snapshot } from './snapshot';
export type { DocumentContent, Block, Chart } from './content';
export { citySummaryContent } from './city-summary';
export { provinceSummaryContent } from './province-summary';
export { supervisionNoticeContent } from './supervision-notice';
export { annexXlsx } from './annex-xlsx';
export { renderDocx } from './render-docx';
export { renderHtml, renderHtmlFragment } from './render-html';
