import type { CampaignDef, IndicatorDef } from '@dudao/schema/campaign';
import type { IndicatorResult, RollupFigure } from './types';

type Judged = { indicators: Record<string, IndicatorResult> };

function ratioFigure(results: IndicatorResult[]): RollupFigure {
  let numerator = 0;
  let denominator = 0;
  let countiesReporting = 0;
  for (const r of results) {
    if (r.numerator === null || r.numerator === undefined || r.denominator === null || r.denominator === undefined)
      continue;
    numerator += r.numerator;
    denominator += r.denominator;
    countiesReporting += 1;
  }
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator, countiesReporting };
}

/** Over the counties' values, blanks left out: a yes/no counts its yeses, days are averaged, anything else summed. */
function valueFigure(def: IndicatorDef, results: IndicatorResult[]): RollupFigure {
  let sum = 0;
  let yes = 0;
  let n = 0;
  for (const r of results) {
    if (r.value === null) continue;
    sum += r.value;
    if (r.value === 1) yes += 1;
    n += 1;
  }
  if (def.kind === 'bool') return { value: yes, numerator: yes, denominator: n, countiesReporting: n };
  // A county's average processing time comes without its case count, so the best available roll-up is the plain mean.
  if (def.kind === 'days') return { value: n === 0 ? null : sum / n, countiesReporting: n };
  return { value: n === 0 ? null : sum, countiesReporting: n };
}

function rollupOne(def: IndicatorDef, results: IndicatorResult[]): RollupFigure {
  // A figure carrying its numerator and denominator (coverages, shares, mean pay) is recomputed from the sums, never averaged.
  if (results.some((r) => r.numerator !== undefined)) return ratioFigure(results);
  return valueFigure(def, results);
}

/** City or province figures over the given counties; dates are left out (gate m1 reports them). */
export function rollupFigures(counties: Judged[], campaign: CampaignDef): Record<string, RollupFigure> {
  const defs = campaign.indicators.filter((def) => def.kind !== 'date');
  const results: IndicatorResult[][] = defs.map(() => []);
  // County by county, as redByIndicator reads them (see there why).
  for (const c of counties) {
    const indicators = c.indicators;
    for (let i = 0; i < defs.length; i++) {
      const r = indicators[defs[i]!.code];
      if (r !== undefined) results[i]!.push(r);
    }
  }
  const figures: Record<string, RollupFigure> = {};
  defs.forEach((def, i) => (figures[def.code] = rollupOne(def, results[i]!)));
  return figures;
}
