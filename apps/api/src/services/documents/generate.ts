import {
  annexWorkbook,
  documentContent,
  documentFileName,
  documentTitles,
  renderDocx,
  renderHtml,
  type DocumentKind,
  type Snapshot,
} from '@dudao/documents';
import { printReadyDocx } from '@dudao/documents/pdf';
import { chineseDate } from '@dudao/metrics';
import type { Ctx } from '../context';
import { annexInput } from './annex-input';
import { documentSettings } from './settings-store';
import { snapshotAt } from './snapshot';
import { getUnit } from '../org/units';
import { DomainError } from '../errors';
import { readClock } from '../clock/clock';

export interface BuiltDocument {
  fileName: string;
  content: Buffer;
  previewHtml: string | null;
  /** With `pdf`: the PDF as LibreOffice prints it, the .docx then carrying a blank page so the 版记 lands on an even page. */
  pdf?: Buffer;
}

/**
 * The one way a document is made, for tRPC, the file routes' store and the CLI alike: one content model per document,
 * rendered twice (the .docx for the record, HTML for the preview). `snapshot` lets `report all` build every document of
 * one day from one read.
 */
export async function generateDocument(
  ctx: Ctx<'campaign'>,
  kind: DocumentKind,
  unit: string,
  asOf: string,
  snapshot?: Snapshot,
  options: { pdf?: boolean } = {},
): Promise<BuiltDocument> {
  const name = (await getUnit(ctx, unit))?.name;
  if (!name) throw new DomainError('not_found', `单位 ${unit} 不存在`);
  // A document dated after the clock would state as missing what is not yet due, and freeze it in a stored version.
  const { today } = await readClock(ctx);
  if (asOf > today)
    throw new DomainError(
      'bad_request',
      `截至日期 ${chineseDate(asOf)} 晚于活动时钟的日期 ${chineseDate(today)}，不能生成尚未到来日期的文件`,
      [{ row: null, column: '截至日期', message: '晚于今天' }],
    );
  if (kind === 'city' && unit.length !== 4) throw new DomainError('bad_request', '市级行动总结须指定市');
  if ((kind === 'province' || kind === 'notice') && unit.length !== 2)
    throw new DomainError('bad_request', `${documentTitles[kind]}须指定省`);
  const fileName = documentFileName(kind, name, asOf);
  if (kind === 'annex')
    return { fileName, content: await annexWorkbook(await annexInput(ctx, unit, asOf)), previewHtml: null };
  const day = snapshot ?? (await snapshotAt(ctx, asOf));
  const settings = await documentSettings(ctx, unit);
  const content = documentContent(kind, day, unit, settings);
  if (options.pdf) {
    const ready = await printReadyDocx(content);
    return { fileName, content: ready.docx, previewHtml: renderHtml(content), pdf: ready.pdf };
  }
  return { fileName, content: await renderDocx(content), previewHtml: renderHtml(content) };
}
