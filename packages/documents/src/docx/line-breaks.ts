/** Width in body characters: CJK 1, half-width digits and Latin ½. */
export function textWidthInChars(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
}

/**
 * Where a line may end without splitting a word (GB/T 9704 7.3.1: a title 'splits by meaning'): never inside brackets;
 * before a conjunction, 关于 or an opening bracket; after a closing bracket, a list comma, 的, or a place name's 市/省;
 * between the parts of a development zone's name (蚌埠市|高新|技术|开发区). Returns the indices a new line may start at.
 */
export function wordBoundaries(text: string, whole: string[] = []): number[] {
  const chars = [...text];
  const out: number[] = [];
  // A name kept whole breaks only before and after it.
  const inside = new Set<number>();
  const edges = new Set<number>();
  for (const word of whole) {
    const at = [...text.slice(0, Math.max(0, text.indexOf(word)))].length;
    if (!word || text.indexOf(word) < 0) continue;
    for (let i = at + 1; i < at + [...word].length; i++) inside.add(i);
    edges.add(at).add(at + [...word].length);
  }
  const starts = (i: number, words: string[]) => words.some((w) => chars.slice(i, i + w.length).join('') === w);
  // Inside brackets nothing breaks: '（市、区）' stays whole.
  let depth = 0;
  for (let i = 1; i < chars.length; i++) {
    const before = chars[i - 1]!;
    const here = chars[i]!;
    if (before === '（') depth++;
    if (before === '）') depth = Math.max(0, depth - 1);
    if (depth > 0 || inside.has(i)) continue;
    if (edges.has(i) && i < chars.length && !'）、，；：'.includes(here)) {
      out.push(i);
      continue;
    }
    if ('）、，；：'.includes(here)) continue;
    if ('（和及与'.includes(before)) continue;
    if (
      '）、，；的'.includes(before) ||
      here === '（' ||
      starts(i, ['和', '及', '与', '关于', '经济', '高新', '技术', '开发区', '产业', '综合', '主要', '月度', '村级']) ||
      ('市省'.includes(before) && i >= 2 && !starts(i, ['场', '民', '级', '内']))
    )
      out.push(i);
  }
  return out;
}

const slice = (text: string, from: number, to?: number) => [...text].slice(from, to).join('');

/**
 * Greedy lines of at most `first` (then `rest`) body characters, broken only at word boundaries; a word longer than a
 * line is the only thing ever cut.
 */
export function wrapAtWords(text: string, first: number, rest: number = first, whole: string[] = []): string[] {
  const chars = [...text];
  const cuts = wordBoundaries(text, whole);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const room = lines.length === 0 ? first : rest;
    if (textWidthInChars(slice(text, start)) <= room) {
      lines.push(slice(text, start));
      break;
    }
    const fitting = cuts.filter((c) => c > start && textWidthInChars(slice(text, start, c)) <= room);
    let end = fitting[fitting.length - 1];
    if (end === undefined) {
      end = start + 1;
      while (end < chars.length && textWidthInChars(slice(text, start, end + 1)) <= room) end++;
      // Even then a figure stays whole: the cut moves back to before it.
      while (end > start + 1 && /[\d.,%]/.test(chars[end - 1]!) && /[\d.,%]/.test(chars[end] ?? '')) end--;
    }
    lines.push(slice(text, start, end));
    start = end;
  }
  return lines;
}

/**
 * A title in as few lines of `perLine` characters as it needs, broken at word boundaries, the lines as even as the
 * words allow with the longer ones on top (the trapezoid GB/T 9704 asks for).
 */
export function titleLines(text: string, perLine: number): string[] {
  if (textWidthInChars(text) <= perLine) return [text];
  const whole = titleSubjects(text);
  const cuts = wordBoundaries(text, whole);
  const count = wrapAtWords(text, perLine, perLine, whole).length;
  let best: { lines: string[]; cost: number } | null = null;
  // Few lines and few boundaries: try every choice of count − 1 cuts.
  const choose = (from: number, left: number, picked: number[]) => {
    if (left === 0) {
      const bounds = [0, ...picked, [...text].length];
      const lines = bounds.slice(1).map((b, i) => slice(text, bounds[i]!, b));
      const widths = lines.map(textWidthInChars);
      if (widths.some((w) => w > perLine)) return;
      const mean = widths.reduce((s, w) => s + w, 0) / widths.length;
      const uneven = widths.reduce((s, w) => s + (w - mean) ** 2, 0);
      const upsideDown = widths.slice(1).reduce((s, w, i) => s + (w > widths[i]! ? 1 : 0), 0);
      const cost = uneven + 4 * upsideDown;
      if (!best || cost < best.cost) best = { lines, cost };
      return;
    }
    for (let k = from; k < cuts.length; k++) choose(k + 1, left - 1, [...picked, cuts[k]!]);
  };
  choose(0, count - 1, []);
  return (best as { lines: string[] } | null)?.lines ?? wrapAtWords(text, perLine, perLine, whole);
}

/**
 * The subject of a title's 事由 (关于社会救助工作便民惠民优化服务行动开展情况的报告): the plan's name after 关于,
 * up to the 行动/工作/方案/活动 that ends it (before 年度工作情况 too), is never split over two lines.
 */
export function titleSubjects(text: string): string[] {
  const m = /关于(.+?(?:行动|工作|方案|活动))(?=年度|开展|进展|督导|实施|落实|推进|情况)/.exec(text);
  return m?.[1] ? [m[1]] : [];
}
