import type { Block, Cell, DocumentContent } from './content';
import { copyToText, docNumberText, signerText } from './settings';
import {
  attachmentNoteLines,
  BODY_PT,
  CHARS_PER_LINE,
  FONT,
  headingFont,
  LINE_PITCH,
  sealSignatureIndents,
} from './docx/gbt9704';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The same fonts as the docx, each with the fallbacks a browser is likely to have.
const family = (name: string) =>
  ({
    [FONT.title]: `'${FONT.title}', 'FZXiaoBiaoSong-B05S', 'STZhongsong', 'Noto Serif CJK SC', serif`,
    [FONT.heading1]: `'${FONT.heading1}', SimHei, 'Noto Sans CJK SC', sans-serif`,
    [FONT.heading2]: `'${FONT.heading2}', KaiTi, STKaiti, 'Noto Serif CJK SC', serif`,
    [FONT.body]: `'${FONT.body}', FangSong, STFangsong, 'Noto Serif CJK SC', serif`,
  })[name] ?? 'serif';

/** Sizes follow the docx: the 版心 is 28 characters wide and lines are the exact 22-a-page pitch. */
const stylesheet = `
.gw-doc { width: ${CHARS_PER_LINE}em; margin: 0 auto; font: ${BODY_PT}pt/${LINE_PITCH / 20}pt ${family(FONT.body)}; color: #000; }
.gw-doc p { margin: 0; text-align: justify; }
.gw-doc .gw-body, .gw-doc .gw-heading { text-indent: 2em; }
.gw-doc .gw-title { text-align: center; font-family: ${family(FONT.title)}; font-size: 22pt; }
.gw-doc .gw-h1 { font-family: ${family(headingFont[1])}; }
.gw-doc .gw-h2 { font-family: ${family(headingFont[2])}; }
.gw-doc .gw-right { text-align: right; }
.gw-doc .gw-blank { height: ${LINE_PITCH / 20}pt; }
.gw-doc .gw-attachment { margin-top: 3em; border-top: 1px dashed #999; padding-top: 1em; }
.gw-doc .gw-label { font-family: ${family(FONT.heading1)}; }
.gw-doc table { width: 100%; border-collapse: collapse; font-size: 10.5pt; line-height: 15pt; margin: 0.5em 0; }
.gw-doc th, .gw-doc td { border: 1px solid #000; padding: 2px 3px; text-align: center; vertical-align: middle; }
.gw-doc th { font-family: ${family(FONT.heading1)}; font-weight: normal; }
.gw-doc td.gw-left { text-align: left; }
.gw-doc td.gw-right { text-align: right; }
.gw-doc .gw-note { font-size: 10.5pt; line-height: 15pt; }
.gw-doc .gw-mark { text-align: center; color: #f00; font-family: ${family(FONT.title)}; font-size: 36pt; line-height: ${(2 * LINE_PITCH) / 20}pt; }
.gw-doc .gw-number { display: flex; justify-content: space-between; padding: 0 1em; border-bottom: 2px solid #f00; margin-bottom: 2em; padding-bottom: 4mm; }
.gw-doc .gw-number.gw-down { justify-content: center; }
.gw-doc .gw-imprint { margin-top: 2em; border-top: 1.5px solid #000; border-bottom: 1.5px solid #000; font-size: 14pt; }
.gw-doc .gw-imprint p { padding: 0 1em; line-height: 1.8; }
.gw-doc .gw-imprint p + p { border-top: 1px solid #000; display: flex; justify-content: space-between; }
.gw-doc figure { margin: 0.5em 0; text-align: center; }
.gw-doc figure svg { max-width: 100%; height: auto; }
`;

const cellHtml = (cell: Cell) => (typeof cell === 'string' ? [cell] : cell).map(escape).join('<br>');

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<p class="gw-heading gw-h${block.level}">${escape(block.text)}</p>`;
    case 'paragraph': {
      const lead = block.lead ? `<span class="gw-h${block.lead.level}">${escape(block.lead.text)}</span>` : '';
      return `<p class="gw-body">${lead}${escape(block.text)}</p>`;
    }
    case 'table': {
      const head = `<tr>${block.columns.map((c) => `<th>${cellHtml(c.header)}</th>`).join('')}</tr>`;
      const rows = block.rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => `<td class="gw-${block.columns[i]?.align ?? 'center'}">${cellHtml(c)}</td>`).join('')}</tr>`,
        )
        .join('');
      return `<table><thead>${head}</thead><tbody>${rows}</tbody></table>${block.note ? `<p class="gw-note">${escape(block.note)}</p>` : ''}`;
    }
    case 'chart':
      return `<figure>${block.chart.svg}<figcaption>${escape(block.chart.caption)}</figcaption></figure>`;
  }
}

/** The preview, styles included, to place in a page: the same content model the docx is written from, block for block. */
export function renderHtmlFragment(content: DocumentContent): string {
  const number =
    content.direction === 'up'
      ? `<p class="gw-number"><span>${escape(docNumberText(content.settings))}</span><span>签发人：${escape(signerText(content.settings))}</span></p>`
      : `<p class="gw-number gw-down"><span>${escape(docNumberText(content.settings))}</span></p>`;
  const parts: string[] = [
    `<p class="gw-mark">${escape(content.mark)}</p>`,
    number,
    ...content.title.map((line) => `<p class="gw-title">${escape(line)}</p>`),
    '<p class="gw-blank"></p>',
  ];
  if (content.recipient) parts.push(`<p>${escape(content.recipient)}</p>`);
  parts.push(...content.body.map(blockHtml));
  const named = [...content.attachments.map((a) => a.title), ...(content.enclosures ?? [])];
  if (named.length > 0) {
    const lines = attachmentNoteLines(named);
    parts.push(
      '<p class="gw-blank"></p>',
      ...lines.map(
        (l) => `<p style="padding-left: ${l.wrap}em; text-indent: ${l.start - l.wrap}em">${escape(l.text)}</p>`,
      ),
    );
  }
  const indents = sealSignatureIndents(content.issuer, content.date);
  parts.push(
    '<p class="gw-blank"></p>',
    `<p class="gw-right" style="padding-right: ${indents.issuer}em">${escape(content.issuer)}</p>`,
    `<p class="gw-right" style="padding-right: ${indents.date}em">${escape(content.date)}</p>`,
    `<p class="gw-body">${escape(content.note)}</p>`,
  );
  for (const a of content.attachments) {
    parts.push(
      `<section class="gw-attachment"><p class="gw-label">${escape(a.label)}</p><p class="gw-blank"></p><p class="gw-title">${escape(a.title)}</p>`,
      ...a.blocks.map(blockHtml),
      '</section>',
    );
  }
  parts.push(
    `<div class="gw-imprint"><p>${escape(copyToText(content.settings))}</p><p><span>${escape(content.printedBy)}</span><span>${escape(content.date)}印发</span></p></div>`,
  );
  return `<article class="gw-doc"><style>${stylesheet}</style>${parts.join('\n')}</article>`;
}

export function renderHtml(content: DocumentContent): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(content.title.join(''))}</title></head>
<body>${renderHtmlFragment(content)}</body></html>`;
}
