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

function boolFigure(values: number[]): RollupFigure {
  const yes = values.filter((v) => v === 1).length;
  return { value: yes, numerator: yes, denominator: values.length, countiesReporting: values.length };
}

function sumFigure(values: number[]): RollupFigure {
  return { value: values.length === 0 ? null : values.reduce((s, v) => s + v, 0), countiesReporting: values.length };
}

// A county's average processing time comes without its case count, so the best available roll-up is the plain mean.
function meanFigure(values: number[]): RollupFigure {
  return {
    value: values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length,
    countiesReporting: values.length,
  };
}

function rollupOne(def: IndicatorDef, results: IndicatorResult[]): RollupFigure {
  // A figure carrying its numerator and denominator (coverages, shares, mean pay) is recomputed from the sums, never averaged.
  if (results.some((r) => r.numerator !== undefined)) return ratioFigure(results);
  const values = results.map((r) => r.value).filter((v): v is number => v !== null);
  if (def.kind === 'bool') return boolFigure(values);
  if (def.kind === 'days') return meanFigure(values);
  return sumFigure(values);
}

/** City or province figures over the given counties; dates are left out (gate m1 reports them). */
export function rollupFigures(counties: Judged[], campaign: CampaignDef): Record<string, RollupFigure> {
  const figures: Record<string, RollupFigure> = {};
  for (const def of campaign.indicators) {
    if (def.kind === 'date') continue;
    const results = counties.map((c) => c.indicators[def.code]).filter((r): r is IndicatorResult => r !== undefined);
    figures[def.code] = rollupOne(def, results);
  }
  return figures;
}
