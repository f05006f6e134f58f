import { VILLAGE_HAS_WORDS } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';

export interface RosterColumn {
  /** The header as table lines; a spreadsheet joins them. */
  header: string[];
  code: string;
  part: 'value' | 'numerator' | 'denominator';
}

/** Words a header line never ends inside (明确 in 民政工作负责人明确率, 配备 in 协理员配备率). */
const HEADER_WORDS = [
  '民政',
  '工作',
  '负责人',
  '明确率',
  '配备率',
  '建成率',
  '覆盖率',
  '纳入率',
  '协理员',
  '服务站',
  '（点）',
  '（个）',
  '（人）',
  '（元）',
  '保障',
  '救助',
  '社会',
  '村级',
  '兜底',
  '比例',
  '村（社区）',
  '符合条件',
  '供养',
  '特困',
  '人员',
  '签订',
  '照料',
];

/**
 * A header cut into as few lines of at most `max` characters as it needs, never inside one of the words above, the
 * lines as even as they can be: 协理员配备率 → 协理员 / 配备率, 民政工作负责人明确率 → 民政工作 / 负责人 / 明确率.
 */
export function headerLines(text: string, max = 4): string[] {
  const chars = [...text];
  const inside = new Set<number>();
  for (const word of HEADER_WORDS)
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const from = [...text.slice(0, at)].length;
      for (let i = from + 1; i < from + [...word].length; i++) inside.add(i);
    }
  let best: { lines: string[]; cost: number } | null = null;
  const tryCuts = (from: number, cuts: number[], lines: number) => {
    if (lines === 1) {
      const bounds = [0, ...cuts, chars.length];
      const widths = bounds.slice(1).map((b, i) => b - bounds[i]!);
      if (widths.some((w) => w > max || w === 0)) return;
      const cost = Math.max(...widths) - Math.min(...widths);
      if (!best || cost < best.cost)
        best = { lines: bounds.slice(1).map((b, i) => chars.slice(bounds[i], b).join('')), cost };
      return;
    }
    for (let c = from + 1; c < chars.length; c++) if (!inside.has(c)) tryCuts(c, [...cuts, c], lines - 1);
  };
  for (let lines = Math.max(1, Math.ceil(chars.length / max)); lines <= chars.length && !best; lines++)
    tryCuts(0, [], lines);
  return (best as { lines: string[] } | null)?.lines ?? [text];
}

/**
 * The counts behind each roster coverage the campaign derives: its villages (the tree's villages once, the eligible
 * ones for each coverage over them), the villages having the thing, and (`withShare`) the share itself.
 */
export function rosterCoverageColumns(campaign: CampaignDef, withShare = true): RosterColumn[] {
  const columns: RosterColumn[] = [];
  let treeCounted = false;
  for (const def of campaign.indicators) {
    const derived = def.derived;
    if (derived?.kind !== 'coverage') continue;
    if (derived.villages === 'eligible')
      columns.push({ header: ['符合条件', '的村', '（个）'], code: def.code, part: 'denominator' });
    else if (!treeCounted) columns.push({ header: ['村（社区）', '数（个）'], code: def.code, part: 'denominator' });
    treeCounted ||= derived.villages === 'all';
    columns.push({
      header: [...headerLines(VILLAGE_HAS_WORDS[derived.has], 5), '的村（个）'],
      code: def.code,
      part: 'numerator',
    });
    if (withShare) columns.push({ header: headerLines(def.shortName ?? def.name), code: def.code, part: 'value' });
  }
  return columns;
}
