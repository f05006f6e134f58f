import { execFileSync } from 'node:child_process';

// Where a reader put things on the page, read back from its PDF with poppler: text lines (pdftotext -bbox-layout),
// glyph ink and ruled lines (pdftocairo -svg). All positions in points from the page's top-left corner.

export const MM = 72 / 25.4;
/** A4 and the GB/T 9704 版心: 37 mm from the top, 35 mm from the foot. */
export const PAGE_HEIGHT = 841.89;
export const TEXT_TOP = 37 * MM;
export const TEXT_FOOT = PAGE_HEIGHT - 35 * MM;

export interface Line {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Per page, the lines pdftotext reads (words joined without the spaces it pads justified text with). */
export function pdfLines(pdf: string): Line[][] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 << 20 }).toString();
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
      ].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: [...(m[5] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
      })),
    );
}

export const isPageNumber = (l: Line) => /^—\d+—$/.test(l.text);

function svg(pdf: string, page: number): string {
  return execFileSync('pdftocairo', ['-svg', '-f', String(page), '-l', String(page), pdf, '-'], {
    maxBuffer: 64 << 20,
  }).toString();
}

export interface Ink {
  x: number;
  top: number;
  bottom: number;
}

/** Every glyph drawn on a page (1-based) with the top and foot of its ink, in reading order. */
export function glyphInk(pdf: string, page: number): Ink[] {
  const text = svg(pdf, page);
  const extent = new Map<string, [number, number]>();
  for (const m of text.matchAll(/<symbol overflow="visible" id="([^"]+)">\s*<path[^>]*d="([^"]*)"/g)) {
    const ys = [...(m[2] ?? '').matchAll(/-?[\d.]+ (-?[\d.]+)/g)].map((v) => Number(v[1]));
    if (ys.length > 0) extent.set(m[1]!, [Math.min(...ys), Math.max(...ys)]);
  }
  return [...text.matchAll(/<use xlink:href="#([^"]+)" x="([\d.]+)" y="([\d.]+)"/g)].flatMap((m) => {
    const e = extent.get(m[1]!);
    return e ? [{ x: Number(m[2]), top: Number(m[3]) + e[0], bottom: Number(m[3]) + e[1] }] : [];
  });
}

/** The page's horizontal ruled lines (table borders, separators), each as its distance from the page's top. */
export function horizontalRules(pdf: string, page: number): number[] {
  const text = svg(pdf, page);
  return [
    ...text.matchAll(
      /d="M [\d.]+ ([\d.]+) L [\d.]+ ([\d.]+) " transform="matrix\(([\d.]+),0,0,-([\d.]+),0,([\d.]+)\)"/g,
    ),
  ]
    .filter((m) => m[1] === m[2])
    .map((m) => Number(m[5]) - Number(m[4]) * Number(m[1]));
}

/** Per page, pdftotext's blocks (a table cell is one) and their lines. */
export function pdfBlocks(pdf: string): Line[][][] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 << 20 }).toString();
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      page
        .split('<block ')
        .slice(1)
        .map((block) =>
          [
            ...block.matchAll(
              /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
            ),
          ].map((m) => ({
            xMin: Number(m[1]),
            yMin: Number(m[2]),
            xMax: Number(m[3]),
            yMax: Number(m[4]),
            text: [...(m[5] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
          })),
        ),
    );
}
