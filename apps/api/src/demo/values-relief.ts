import { type SeriesContext, type Series, isBehind, texts } from './context';
import { between, type Rng } from './rng';
import {
  coverage,
  coveragePlan,
  cumulate,
  drift,
  formatBool,
  formatCents,
  increments,
  partOf,
  switchAt,
} from './series';

/** Cumulated handled counts at a share of a cumulated whole, never decreasing. */
function handled(rng: Rng, whole: number[], share: [number, number]): number[] {
  let prev = 0;
  return whole.map((w) => (prev = Math.min(w, Math.max(prev, Math.round(w * between(rng, ...share))))));
}

export function reliefSeries(ctx: SeriesContext): Series {
  const { rng, n, deadlineIdx, size, profile } = ctx;
  const u = size.unit;
  const plan = (start: [number, number], lag: [number, number]) =>
    coverage(rng, n, coveragePlan(rng, n, deadlineIdx, isBehind(ctx), start, lag));

  const identified = drift(rng, n, size.incapable, 0.01);
  const covered = plan([0.8, 0.9], [0.35, 0.55]).map((s, i) => partOf(s, identified[i] ?? 0));
  const tempMonthly = increments(rng, n, u, 0.5);
  const cents = tempMonthly.map((c) => c * Math.round(between(rng, 800, 1800) * 100) + Math.floor(rng() * 100));
  const reserve = plan([0.3, 0.7], [0.1, 0.35]).map((s) => partOf(s, size.townships));

  const platformAt = switchAt(rng, n, deadlineIdx, isBehind(ctx));
  const live = Array.from({ length: n }, (_, i) => platformAt !== null && i >= platformAt);
  const departments = plan([0.25, 0.6], [0.1, 0.3]).map((s) => (s >= 1 ? 8 : Math.min(7, Math.round(s * 8))));
  const monitoredBase = size.recipients * between(rng, 1.3, 1.8);
  const monitored = drift(rng, n, monitoredBase, 0.01, 0.005).map((m, i) => Math.round(live[i] ? m : m * 0.6));
  const warnings = cumulate(increments(rng, n, u * 0.6).map((w, i) => (live[i] ? Math.round(w * 1.5) : w)));
  const laxWarnings = isBehind(ctx);
  const hotlineAt = switchAt(rng, n, deadlineIdx, isBehind(ctx));
  const orders = cumulate(increments(rng, n, u * 0.25 + 2));
  const laxOrders = isBehind(ctx);

  return {
    s1_plan_issued_on: Array.from({ length: n }, () => profile.planIssuedOn),
    t01_dibao_urban: texts(drift(rng, n, size.urban, 0.02, -0.002)),
    t01_dibao_rural: texts(drift(rng, n, size.rural, 0.015, -0.002)),
    t01_tekun: texts(drift(rng, n, size.tekun, 0.01)),
    t01_special_aid_households: texts(cumulate(increments(rng, n, u * 0.8))),
    t01_disaster_aid_persons: texts(cumulate(increments(rng, n, u * 0.3, 1))),
    t02_incapable_identified: texts(identified),
    t02_incapable_covered: texts(covered),
    t02_single_person_households: texts(cumulate(increments(rng, n, u * 0.15))),
    t02_employment_cost_deductions: texts(cumulate(increments(rng, n, u * 0.4))),
    t02_gradual_exit_households: texts(drift(rng, n, u * 1.2 + 1, 0.08, 0.03)),
    t03_temp_aid_cases: texts(cumulate(tempMonthly)),
    t03_temp_aid_amount: cumulate(cents).map(formatCents),
    t03_nonlocal_cases: texts(cumulate(tempMonthly.map((c) => Math.round(c * between(rng, 0.02, 0.1))))),
    t03_advance_aid_cases: texts(cumulate(tempMonthly.map((c) => Math.round(c * between(rng, 0.1, 0.3))))),
    t03_townships_with_reserve: texts(reserve),
    t04_platform_live: live.map(formatBool),
    t04_departments_sharing: texts(departments),
    t04_monitored_persons: texts(monitored),
    t04_warnings_issued: texts(warnings),
    t04_warnings_handled: texts(handled(rng, warnings, laxWarnings ? [0.8, 0.93] : [0.97, 1])),
    t05_grid_workers: texts(drift(rng, n, u * 2.5 + 3, 0.02, 0.01)),
    t05_hotline_module: Array.from({ length: n }, (_, i) => formatBool(hotlineAt !== null && i >= hotlineAt)),
    t05_hotline_orders: texts(orders),
    t05_hotline_orders_on_time: texts(handled(rng, orders, laxOrders ? [0.8, 0.93] : [0.97, 1])),
    t05_green_channel_cases: texts(cumulate(increments(rng, n, u * 0.2))),
  };
}
