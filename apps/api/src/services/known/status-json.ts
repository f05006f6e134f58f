import type { ScopedStatus } from './status-at';

/** The status answer in the shape `pnpm cli status --json` publishes (issue contract); the same object feeds the API. */
export function statusJson(result: ScopedStatus) {
  return {
    asOf: result.asOf,
    province: result.province ? { score: result.province.score, laggingCount: result.province.laggingCount } : null,
    cities: result.cities.map((c) => ({ code: c.code, name: c.name, score: c.score, rank: c.rank, laggingCount: c.laggingCount, gates: c.gates })),
    counties: result.counties.map((c) => ({
      code: c.code,
      name: c.name,
      cityCode: c.cityCode,
      score: c.score,
      taskScores: c.taskScores,
      indicators: Object.fromEntries(
        Object.entries(c.indicators).map(([code, i]) => [code, { value: i.value, expected: i.expected, attainment: i.attainment, status: i.status, score: i.score }]),
      ),
      gates: c.gates,
      lagging: c.lagging,
      reasons: c.reasons,
      rankInCity: c.rankInCity,
      rankInProvince: c.rankInProvince,
      watch: c.watch,
    })),
  };
}
