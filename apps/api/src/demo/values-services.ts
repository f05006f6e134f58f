import { caseFigures } from './cases';
import { type SeriesContext, type Series, isBehind, texts } from './context';
import { between, chance, intBetween, pick } from './rng';
import { coverage, coveragePlan, cumulate, formatBool, formatCents, increments, partOf, switchAt } from './series';

const onFrom = (at: number | null, n: number): boolean[] => Array.from({ length: n }, (_, i) => at !== null && i >= at);

function processing(ctx: SeriesContext): { avgDays: string[]; overLimit: string[] } {
  const { rng, n, profile, pool, periodEnds } = ctx;
  const base = profile.laggard ? between(rng, 14, 23) : between(rng, 8, 15);
  const drawn = periodEnds.map(() => Math.min(120, Math.max(1, base + between(rng, -1.5, 1.5))));
  const months = Array.from({ length: n }, () => 0);
  for (let k = 0; k < profile.overLimitCases; k++) {
    const m = intBetween(rng, 0, n - 1);
    months[m] = (months[m] ?? 0) + 1;
  }
  const fromLog = pool === null ? null : periodEnds.map((end) => caseFigures(pool, end));
  return {
    avgDays: drawn.map((d, i) => (fromLog?.[i]?.avgDays ?? d).toFixed(1)),
    overLimit: fromLog === null ? texts(cumulate(months)) : fromLog.map((f) => String(f.overLimit)),
  };
}

/** Service providers: none until the catalogue of purchased services takes hold, then one or two more over time. */
function providers(ctx: SeriesContext, at: number | null): number[] {
  const { rng, n, size } = ctx;
  const most = Math.max(1, Math.ceil(size.unit / 25));
  let count = 0;
  return Array.from({ length: n }, (_, i) => {
    if (at === null || i < at) return 0;
    count = i === at ? intBetween(rng, 1, Math.min(2, most)) : Math.min(most, count + (chance(rng, 0.4) ? 1 : 0));
    return count;
  });
}

export function serviceSeries(ctx: SeriesContext, tekun: number[]): Series {
  const { rng, n, deadlineIdx, size } = ctx;
  const u = size.unit;
  const plan = (start: [number, number], lag: [number, number]) =>
    coverage(rng, n, coveragePlan(rng, n, deadlineIdx, isBehind(ctx), start, lag));
  const { avgDays, overLimit } = processing(ctx);

  const catalog = onFrom(switchAt(rng, n, deadlineIdx, isBehind(ctx)), n);
  const served = increments(rng, n, u * 0.5).map((s, i) => (catalog[i] ? s : Math.round(s * 0.2)));
  const residence = onFrom(chance(rng, 0.7) ? switchAt(rng, n, deadlineIdx, false) : null, n);
  const dispersedShare = between(rng, 0.7, 0.85);
  const dispersed = tekun.map((t) => Math.round(t * dispersedShare));
  const disabledShare = between(rng, 0.15, 0.25);
  const typicalBehind = isBehind(ctx);
  const typicalAt = typicalBehind
    ? pick(rng, [n - 2, n - 1, null])
    : intBetween(rng, 1, Math.min(n - 2, deadlineIdx + 1));
  const townships = size.townships;
  const typicalCasesIn = (i: number) =>
    typicalAt === null || i < typicalAt ? 0 : i === typicalAt ? intBetween(rng, 1, 2) : intBetween(rng, 0, 1);

  return {
    t06_townships_delegated: texts(plan([0.3, 0.7], [0.1, 0.35]).map((s) => partOf(s, townships))),
    t06_joint_review: onFrom(switchAt(rng, n, deadlineIdx, isBehind(ctx)), n).map(formatBool),
    t06_avg_processing_days: avgDays,
    t06_over_limit_cases: overLimit,
    t06_certificates_cancelled: texts(cumulate([intBetween(rng, 3, 8), ...increments(rng, n - 1, 1.2, 1)])),
    t07_service_catalog: catalog.map(formatBool),
    t07_service_providers: texts(providers(ctx, switchAt(rng, n, deadlineIdx, isBehind(ctx)))),
    t07_persons_served: texts(cumulate(served)),
    t07_purchase_amount: cumulate(served.map((s) => s * Math.round(between(rng, 200, 500) * 100))).map(formatCents),
    t08_residence_permit_open: residence.map(formatBool),
    t08_residence_permit_applicants: texts(
      cumulate(increments(rng, n, u * 0.05 + 1).map((a, i) => (residence[i] ? a : 0))),
    ),
    t08_migrants_included: texts(cumulate(increments(rng, n, u * (size.kind === '市辖区' ? 0.15 : 0.06)))),
    t08_unified_rules: onFrom(switchAt(rng, n, deadlineIdx, isBehind(ctx)), n).map(formatBool),
    t09_dispersed_tekun: texts(dispersed),
    t09_care_agreements: texts(plan([0.5, 0.8], [0.2, 0.45]).map((s, i) => partOf(s, dispersed[i] ?? 0))),
    t09_disabled_dispersed: texts(dispersed.map((d) => Math.round(d * disabledShare))),
    t09_home_adaptations: texts(cumulate(increments(rng, n, u * 0.1 + 0.5))),
    t11_publicity_events: texts(cumulate(increments(rng, n, 2 + u / 20))),
    t11_materials: texts(cumulate(increments(rng, n, u * 30 + 100))),
    t11_media_reports: texts(cumulate(increments(rng, n, 1.5, 1))),
    t11_typical_cases: texts(cumulate(Array.from({ length: n }, (_, i) => typicalCasesIn(i)))),
  };
}
