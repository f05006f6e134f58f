import { typeset } from './compose/format';
import type { DocumentSettings } from './settings';

/** One content model feeds both the docx and the HTML preview, so the two can never say different things. */

export interface Chart {
  caption: string;
  /** The picture; its raster fallback for word processors that cannot draw SVG is rendered from it (`svgToPng`). */
  svg: string;
  width: number;
  height: number;
}

export interface Column {
  /** One line, or the lines it is broken into so no word is split. */
  header: string | string[];
  /** Width in characters of the table's text, cell margins not counted; the columns are scaled to the 版心 together. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A cell is one line of text, or several lines. */
export type Cell = string | string[];

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** `lead` is a run-in heading (e.g. '（一）协理员未按期全覆盖。') set in its level's font before the body text. */
  | { kind: 'paragraph'; text: string; lead?: { level: 2 | 3 | 4; text: string } }
  /** `small` sets a wide table in 小五 (9 pt) instead of 五号 so its columns fit the 版心. */
  | { kind: 'table'; columns: Column[]; rows: Cell[][]; note?: string; small?: boolean }
  | { kind: 'chart'; chart: Chart };

export interface Attachment {
  label: string;
  title: string;
  blocks: Block[];
}

export interface DocumentContent {
  /** 上行文 (a 报告 to the level above, with 签发人) or 下行文 (the 通报 to the cities). */
  direction: 'up' | 'down';
  /** 发文机关标志, printed red at the top. */
  mark: string;
  /** 发文字号, 签发人, 附注 and 版记 as the issuer set them. */
  settings: DocumentSettings;
  /** Title lines, centred; a long title is split by hand so the lines read well. */
  title: string[];
  recipient?: string;
  body: Block[];
  issuer: string;
  /** Already formatted: '2021年12月15日'. */
  date: string;
  /** 附注 (联系人及电话) in the campaign's words, blanks left where the settings are empty. */
  note: string;
  /** 印发机关 of the 版记. */
  printedBy: string;
  attachments: Attachment[];
  /** Attachments sent as their own files (the Excel annex): named in the 附件说明 after those printed here. */
  enclosures?: string[];
}

export const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, text: typeset(text) });
export const paragraph = (text: string, lead?: { level: 2 | 3 | 4; text: string }): Block =>
  lead
    ? { kind: 'paragraph', text: typeset(text), lead: { level: lead.level, text: typeset(lead.text) } }
    : { kind: 'paragraph', text: typeset(text) };
