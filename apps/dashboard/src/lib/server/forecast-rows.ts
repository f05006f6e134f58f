import { FORECAST_STATE_WORDS, forecastLine, type ForecastState } from '@dudao/metrics';
import type { Campaign, CountyGateForecast } from '$lib/api-types';

export interface ForecastRow {
  code: string;
  name: string;
  cityName: string;
  state: ForecastState;
  word: string;
  /** One line per gate ahead: 协理员：按当前进度：10月31日预计 …. */
  gates: { gate: string; label: string; state: ForecastState; line: string }[];
  method: string;
}

/**
 * The 预警 rows of an overview: each county's gates ahead at its current pace (empty when no gate deadline is ahead,
 * so the column shows only before a deadline), worst first.
 */
export function forecastRows(
  forecasts: CountyGateForecast[],
  counties: { code: string; name: string; cityCode: string }[],
  cities: { code: string; name: string }[],
  campaign: Pick<Campaign, 'gates'>,
): ForecastRow[] {
  const order: ForecastState[] = ['will_miss', 'at_risk', 'on_track'];
  const rows: ForecastRow[] = [];
  for (const f of forecasts) {
    const county = counties.find((c) => c.code === f.code);
    if (!county || f.gates.length === 0) continue;
    const gates = f.gates.map((g) => {
      const def = campaign.gates.find((d) => d.code === g.gate);
      return { gate: g.gate, label: def?.shortName ?? def?.name ?? g.gate, state: g.state, line: forecastLine(g) };
    });
    const state = order.find((s) => gates.some((g) => g.state === s)) ?? 'on_track';
    rows.push({
      code: f.code,
      name: county.name,
      cityName: cities.find((c) => c.code === county.cityCode)?.name ?? county.cityCode,
      state,
      word: FORECAST_STATE_WORDS[state],
      gates,
      method: f.gates[0]?.method ?? '',
    });
  }
  return rows.sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || a.code.localeCompare(b.code));
}
