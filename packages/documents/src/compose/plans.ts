import type { PlanArea } from '@dudao/schema/campaign';
import { paragraph, type Block } from '../content';
import { chineseNumber } from './format';
import type { ScopeView } from './view';

/** One area of the long-term mechanism in the definition's words; who is still short was said once, under 存在的问题. */
function areaParagraph(view: ScopeView, area: PlanArea, index: number): Block {
  return paragraph(`${view.word}将${area.aim}。`, {
    level: 2,
    text: `（${chineseNumber(index + 1)}）${area.title}。`,
  });
}

/** 下一步打算: one part per area the definition names, then its closing part on lasting mechanisms. */
export function planBlocks(view: ScopeView): Block[] {
  const { areas, lasting } = view.snapshot.campaign.documents.plans;
  const blocks = areas.map((area, i) => areaParagraph(view, area, i));
  blocks.push(paragraph(lasting.text, { level: 2, text: `（${chineseNumber(areas.length + 1)}）${lasting.title}。` }));
  return blocks;
}
