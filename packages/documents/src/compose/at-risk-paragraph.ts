import { monthDay } from '@dudao/metrics';
import { fillText } from '@dudao/schema/campaign';
import { paragraph, type Block } from '../content';
import { chineseNumber } from './format';
import type { ScopeView } from './view';

// Said in the paragraph so a reader knows where the list comes from (the same method the pages state).
const METHOD = '以各县区最近几次上报数据的中位增速推算，最高按全部完成计';

/**
 * 下一步打算's paragraph on the counties at risk of missing the next deadline (a city's summary only, and only while a
 * deadline is ahead): named in rank order, with the gates they may miss, in the definition's words.
 */
export function atRiskBlocks(view: ScopeView): Block[] {
  const { snapshot } = view;
  const texts = snapshot.campaign.documents.plans.atRisk;
  const forecasts = snapshot.forecasts;
  if (view.level !== 'city' || !texts || !forecasts) return [];
  const gatesOf = (code: string) => forecasts.get(code)?.gates ?? [];
  const deadline = view.counties.flatMap((c) => gatesOf(c.code).map((g) => g.deadline)).sort()[0];
  if (!deadline) return [];
  const risky = (code: string) => gatesOf(code).filter((g) => g.deadline === deadline && g.state !== 'on_track');
  const counties = view.counties.filter((c) => risky(c.code).length > 0);
  if (counties.length === 0) return [];
  const gateCodes = new Set(counties.flatMap((c) => risky(c.code).map((g) => g.gate)));
  const gates = snapshot.campaign.gates.filter((g) => gateCodes.has(g.code)).map((g) => g.name);
  const text = fillText(texts.text, {
    deadline: monthDay(deadline),
    gates: gates.join('和'),
    counties: counties.map((c) => view.label(c)).join('、'),
    count: String(counties.length),
    method: METHOD,
  });
  const number = snapshot.campaign.documents.plans.areas.length + 2;
  return [paragraph(text, { level: 2, text: `（${chineseNumber(number)}）${texts.title}。` })];
}
