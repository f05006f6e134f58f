import type { DocumentKind } from './kinds';
import type { Ctx } from '../context';
import {
  annexXlsx,
  citySummaryContent,
  provinceSummaryContent,
  renderDocx,
  renderHtml,
  snapshotAt,
  supervisionNoticeContent,
} from '../documents';
import { getUnit } from '../org/units';
import { documentSettings } from '../documents/settings-store';
import { DomainError } from '../errors';

export interface BuiltDocument {
  fileName: string;
  content: Buffer;
  previewHtml: string | null;
}

const titles: Record<DocumentKind, string> = {
  city: '行动总结',
  province: '全省行动总结',
  notice: '督导通报',
  annex: '指标附表',
};

/** One content model per document, rendered twice: the .docx for the record and HTML for the preview. */
export async function buildDocument(
  ctx: Ctx<'campaign'>,
  kind: DocumentKind,
  unit: string,
  asOf: string,
): Promise<BuiltDocument> {
  const name = (await getUnit(ctx, unit))?.name;
  if (!name) throw new DomainError('not_found', `单位 ${unit} 不存在`);
  if (kind === 'city' && unit.length !== 4) throw new DomainError('bad_request', '市级行动总结须指定市');
  if ((kind === 'province' || kind === 'notice') && unit.length !== 2)
    throw new DomainError('bad_request', `${titles[kind]}须指定省`);
  const fileName = `${name}${titles[kind]}_${asOf}.${kind === 'annex' ? 'xlsx' : 'docx'}`;
  if (kind === 'annex') return { fileName, content: await annexXlsx(ctx, unit, asOf), previewHtml: null };
  const snapshot = await snapshotAt(ctx, asOf);
  const settings = await documentSettings(ctx, unit);
  const content =
    kind === 'city'
      ? citySummaryContent(snapshot, unit, settings)
      : kind === 'province'
        ? provinceSummaryContent(snapshot, settings)
        : supervisionNoticeContent(snapshot, settings);
  return { fileName, content: await renderDocx(content), previewHtml: renderHtml(content) };
}
