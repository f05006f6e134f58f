import type { Block, Cell } from '../content';
import { textWidthInChars } from './line-breaks';

type TableBlock = Extract<Block, { kind: 'table' }>;

/** Font sizes in half-points, one step at a time: 五号 10.5 pt, 小五 9 pt, 六号 7.5 pt. */
export const TABLE_SIZES: number[] = [21, 18, 15];

/**
 * What a column needs, in characters of its font (CJK 1, digits and Latin ½): every header line and every figure or
 * name whole; prose (left-aligned) at least its longest run without a break (a figure with its unit).
 */
export function columnNeeds(block: TableBlock): number[] {
  const lines = (c: Cell) => (typeof c === 'string' ? [c] : c);
  return block.columns.map((column, i) => {
    const header = Math.max(...lines(column.header).map(textWidthInChars));
    const cells = block.rows.flatMap((r) => (r[i] === undefined ? [] : lines(r[i])));
    const prose = column.align === 'left';
    const widest = cells.map((l) =>
      prose ? Math.max(0, ...unbreakableRuns(l).map(textWidthInChars)) : textWidthInChars(l),
    );
    // Prose reads badly narrower than six characters, or than the width its content model asked for.
    return Math.max(header, ...widest, prose ? Math.max(6, column.width) : 0);
  });
}

/** Runs a line may not break inside: a figure with what it counts (低于80分, 已销号0项 break before, not in, 80分). */
export function unbreakableRuns(line: string): string[] {
  return line.match(/[\d.,%]+[分项个件人元户天家次名位%]?|[^\d.,%]/g) ?? [];
}

export interface TableLayout {
  /** Half-points. */
  size: number;
  /** Twips, summing to the 版心's width. */
  widths: number[];
}

/**
 * Column widths from the content: the largest of the font sizes (from the one the table asks for, down a step or two)
 * at which every column's need fits the width; what is left is shared by the prose columns (or all, if none). Where
 * even the smallest size is too wide, the prose columns give up their room first, then every column in proportion.
 */
export function tableLayout(block: TableBlock, width: number, margin: number): TableLayout {
  const needs = columnNeeds(block);
  const first = block.small ? 1 : 0;
  const twips = (size: number) => needs.map((n) => Math.ceil((n + 0.3) * size * 10) + 2 * margin);
  const size = TABLE_SIZES.slice(first).find((s) => sum(twips(s)) <= width) ?? 15;
  const base = twips(size);
  const spare = width - sum(base);
  const prose = block.columns.map((c) => c.align === 'left');
  const sharing = prose.some(Boolean) ? prose : prose.map(() => true);
  if (spare >= 0) {
    const share = sharing.map((s, i) => (s ? base[i]! : 0));
    const widths = base.map((b, i) => b + Math.floor((spare * share[i]!) / sum(share)));
    return { size, widths: fill(widths, width) };
  }
  return {
    size,
    widths: fill(
      base.map((b) => Math.floor((b * width) / sum(base))),
      width,
    ),
  };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
/** Rounding's leftover twips go to the first column, so the table is exactly as wide as the 版心. */
const fill = (widths: number[], width: number) => widths.map((w, i) => (i === 0 ? w + width - sum(widths) : w));
