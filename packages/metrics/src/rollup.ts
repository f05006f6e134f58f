import type { CampaignDef, IndicatorDef } from '@dudao/schema/campaign';
import type { IndicatorResult, RollupFigure } from './types';

type Judged = { indicators: Record<string, IndicatorResult> };

/**
 * What one indicator's roll-up adds up over some counties, both ways at once: a city's sums added to the others'
 * give the province's without reading its 2,978 counties again (see `addRollupSums`).
 */
interface IndicatorSums {
  /** Some county's figure carries a numerator: the roll-up is recomputed from the sums, never averaged. */
  ratio: boolean;
  numerator: number;
  denominator: number;
  /** Counties with both a numerator and a denominator. */
  ratioReporting: number;
  sum: number;
  yes: number;
  /** Counties with a value. */
  valued: number;
}

/** Per indicator code (dates left out), in the campaign's order. */
export type RollupSums = Record<string, IndicatorSums>;

const rollupDefsByCampaign = new WeakMap<CampaignDef, IndicatorDef[]>();
function rollupDefs(campaign: CampaignDef): IndicatorDef[] {
  let defs = rollupDefsByCampaign.get(campaign);
  if (!defs) {
    defs = campaign.indicators.filter((def) => def.kind !== 'date');
    rollupDefsByCampaign.set(campaign, defs);
  }
  return defs;
}

const noSums = (): IndicatorSums => ({
  ratio: false,
  numerator: 0,
  denominator: 0,
  ratioReporting: 0,
  sum: 0,
  yes: 0,
  valued: 0,
});

function add(s: IndicatorSums, r: IndicatorResult): void {
  if (r.numerator !== undefined) s.ratio = true;
  if (r.numerator !== null && r.numerator !== undefined && r.denominator !== null && r.denominator !== undefined) {
    s.numerator += r.numerator;
    s.denominator += r.denominator;
    s.ratioReporting += 1;
  }
  if (r.value !== null) {
    s.sum += r.value;
    if (r.value === 1) s.yes += 1;
    s.valued += 1;
  }
}

/** The sums of every indicator over the given counties (dates left out). */
export function rollupSums(counties: Judged[], campaign: CampaignDef): RollupSums {
  const defs = rollupDefs(campaign);
  const sums = defs.map(noSums);
  // County by county, each county's indicators while they are at hand: reading one indicator of every county in
  // turn costs a cache miss a read.
  for (const c of counties) {
    const indicators = c.indicators;
    for (let i = 0; i < defs.length; i++) {
      const r = indicators[defs[i]!.code];
      if (r !== undefined) add(sums[i]!, r);
    }
  }
  const out: RollupSums = {};
  defs.forEach((def, i) => (out[def.code] = sums[i]!));
  return out;
}

/** The sums over the counties of all the parts together (a province's from its cities'). */
export function addRollupSums(parts: RollupSums[], campaign: CampaignDef): RollupSums {
  const out: RollupSums = {};
  for (const def of rollupDefs(campaign)) {
    const s = noSums();
    for (const part of parts) {
      const p = part[def.code];
      if (p === undefined) continue;
      s.ratio ||= p.ratio;
      s.numerator += p.numerator;
      s.denominator += p.denominator;
      s.ratioReporting += p.ratioReporting;
      s.sum += p.sum;
      s.yes += p.yes;
      s.valued += p.valued;
    }
    out[def.code] = s;
  }
  return out;
}

function figureOf(def: IndicatorDef, s: IndicatorSums): RollupFigure {
  // A figure carrying its numerator and denominator (coverages, shares, mean pay) is recomputed from the sums, never averaged.
  if (s.ratio) {
    const { numerator, denominator } = s;
    return {
      value: denominator === 0 ? null : numerator / denominator,
      numerator,
      denominator,
      countiesReporting: s.ratioReporting,
    };
  }
  // Over the counties' values, blanks left out: a yes/no counts its yeses, days are averaged, anything else summed.
  const n = s.valued;
  if (def.kind === 'bool') return { value: s.yes, numerator: s.yes, denominator: n, countiesReporting: n };
  // A county's average processing time comes without its case count, so the best available roll-up is the plain mean.
  if (def.kind === 'days') return { value: n === 0 ? null : s.sum / n, countiesReporting: n };
  return { value: n === 0 ? null : s.sum, countiesReporting: n };
}

/** City or province figures from their sums. */
export function figuresOf(sums: RollupSums, campaign: CampaignDef): Record<string, RollupFigure> {
  const figures: Record<string, RollupFigure> = {};
  for (const def of rollupDefs(campaign)) figures[def.code] = figureOf(def, sums[def.code] ?? noSums());
  return figures;
}

/** City or province figures over the given counties; dates are left out (gate m1 reports them). */
export function rollupFigures(counties: Judged[], campaign: CampaignDef): Record<string, RollupFigure> {
  return figuresOf(rollupSums(counties, campaign), campaign);
}
