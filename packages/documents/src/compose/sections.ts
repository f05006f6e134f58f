import type { SummaryPart } from '@dudao/schema/campaign';
import { heading, type Block } from '../content';
import { chineseNumber } from './format';
import { planBlocks } from './plans';
import { atRiskBlocks } from './at-risk-paragraph';
import { problemBlocks } from './problems';
import { taskBlocks } from './tasks';
import type { ScopeView } from './view';

/** The numbered parts every summary has, city or province, in the definition's order and words; only 基本情况 differs between them. */
export function summarySections(view: ScopeView, basics: Block[]): Block[] {
  // Narratives quoted under a task are not quoted again under 下一步打算.
  const quoted = new Map<string, number>();
  // A practice written once for the counties sharing it is not written again anywhere in the document.
  const written = new Set<string>();
  const parts: Record<SummaryPart, () => Block[]> = {
    basics: () => basics,
    tasks: () => taskBlocks(view, quoted, written),
    problems: () => problemBlocks(view),
    plans: () => [...planBlocks(view), ...atRiskBlocks(view)],
  };
  const { documents } = view.snapshot.campaign;
  const sections = (view.level === 'city' ? documents.citySummary : documents.provinceSummary).sections;
  return sections.flatMap((s, i) => [heading(1, `${chineseNumber(i + 1)}、${s.heading}`), ...parts[s.part]()]);
}
