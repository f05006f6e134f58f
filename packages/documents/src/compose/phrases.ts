import { indicatorName, type IndicatorResult, type RollupFigure } from '@dudao/metrics';
import { fillText, type CampaignDef, type IndicatorDef } from '@dudao/schema/campaign';
import { amountText, countText, daysText, percentText } from './format';

/**
 * How a figure reads in a summary, from the definition's `documents.figures`: a share named by what it measures where the
 * indicator's own name is that of its numerator ('其中…人数'), else the indicator's name. The metrics' rule, so a
 * many_red reason names its indicators as the documents do.
 */
export const displayName: (campaign: CampaignDef, def: IndicatorDef) => string = indicatorName;

/** The value of a figure in its indicator's words: shares as percentages, yuan in 万元, days to one decimal. */
export function valueWords(campaign: CampaignDef, def: IndicatorDef, value: number): string {
  const digits = campaign.documents.figures[def.code]?.digits;
  if (digits !== undefined) return value.toFixed(digits);
  if (def.kind === 'ratio' || def.target?.kind === 'ratio') return percentText(value);
  if (def.kind === 'amount') return amountText(value);
  if (def.kind === 'days') return daysText(value);
  return countText(value);
}

/**
 * One roll-up figure as a clause in the definition's wording ({v} the value in its kind's words, {num} and {den} the summed
 * numerator and denominator, {pct} the share); an indicator without a wording reads '<name><value>', an empty wording is
 * not written. Null when the figure is unknown (nobody reported it, or its denominator is 0).
 */
export function figurePhrase(
  campaign: CampaignDef,
  def: IndicatorDef,
  figure: RollupFigure | undefined,
): string | null {
  if (!figure || figure.value === null) return null;
  // No zero counts (DOMAIN Reports, Writing): a count that should be 0 and is 0 goes without saying.
  if (figure.value === 0 && def.target?.kind === 'upper' && def.target.max === 0) return null;
  const texts = campaign.documents.figures[def.code];
  const whole = figure.denominator != null && figure.denominator > 0 && figure.numerator === figure.denominator;
  const wording = whole && texts?.whole ? texts.whole : texts?.wording;
  if (wording === '') return null;
  if (wording === undefined) return `${displayName(campaign, def)}${valueWords(campaign, def, figure.value)}`;
  return fillText(wording, {
    v: valueWords(campaign, def, figure.value),
    num: countText(figure.numerator ?? 0),
    den: countText(figure.denominator ?? 0),
    pct: percentText(figure.value),
  });
}

/** A county's or a city's figure as a short value, for lists such as '合肥市99.8%'. */
export function shortValue(
  campaign: CampaignDef,
  def: IndicatorDef,
  figure: Pick<RollupFigure, 'value' | 'numerator' | 'denominator'> | IndicatorResult | undefined,
): string {
  if (!figure || figure.value === null) return '—';
  if (def.kind === 'bool' && figure.denominator != null) return `${figure.numerator ?? 0}/${figure.denominator}`;
  if (def.kind === 'bool') return figure.value === 1 ? '是' : '否';
  return valueWords(campaign, def, figure.value);
}
