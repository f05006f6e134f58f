import { VILLAGE_HAS_WORDS } from '@dudao/metrics';
import type { CampaignDef } from '@dudao/schema/campaign';

export interface RosterColumn {
  /** The header as table lines; a spreadsheet joins them. */
  header: string[];
  code: string;
  part: 'value' | 'numerator' | 'denominator';
}

/** A header cut evenly into lines of at most `max` characters: 协理员配备率 → 协理员 / 配备率. */
export function headerLines(text: string, max = 4): string[] {
  const chars = [...text];
  const lines = Math.max(1, Math.ceil(chars.length / max));
  const per = Math.ceil(chars.length / lines);
  return Array.from({ length: lines }, (_, i) => chars.slice(i * per, (i + 1) * per).join(''));
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
