import type { CountyForecast } from '@dudao/metrics';
import type { ScopedStatus } from './status-at';

/** The status answer in the shape `pnpm cli status --json` publishes (issue contract); the same object feeds the API. */
export function statusJson(result: ScopedStatus, forecasts?: Map<string, CountyForecast>) {
  return {
    asOf: result.asOf,
    province: result.province
      ? {
          score: result.province.score,
          laggingCount: result.province.laggingCount,
          timeliness: result.province.timeliness,
        }
      : null,
    cities: result.cities.map((c) => ({
      code: c.code,
      name: c.name,
      score: c.score,
      rank: c.provinceRank.rank,
      rankTied: c.provinceRank.tied,
      laggingCount: c.laggingCount,
      gates: c.gates,
      timeliness: c.timeliness,
    })),
    counties: result.counties.map((c) => ({
      code: c.code,
      name: c.name,
      cityCode: c.cityCode,
      score: c.score,
      taskScores: c.taskScores,
      indicators: Object.fromEntries(
        Object.entries(c.indicators).map(([code, i]) => [
          code,
          { value: i.value, expected: i.expected, attainment: i.attainment, status: i.status, score: i.score },
        ]),
      ),
      gates: c.gates,
      lagging: c.lagging,
      reasons: c.reasons,
      rankInCity: c.cityRank.rank,
      rankInProvince: c.provinceRank.rank,
      tiedInCity: c.cityRank.tied,
      tiedInProvince: c.provinceRank.tied,
      watch: c.watch,
      forecast: forecastJson(forecasts?.get(c.code)),
    })),
  };
}

/** Each gate and targeted indicator with a future deadline, at the county's current pace (null when not asked for). */
function forecastJson(f: CountyForecast | undefined) {
  if (!f) return null;
  return { state: f.state, gates: f.gates, indicators: f.indicators };
}
