// `pnpm --filter @dudao/api bench:backtest [--db FILE|postgres://…]`: forecasts made at 09-15, 09-30 and 10-15 of which
// counties miss the 10-31 roster gates, checked against what happened, beside the naive "today's value stays".
import { gatesOfKind, type CountyForecast } from '@dudao/metrics';
import { computeProvinceStatusAt } from '../src/services/known/status-at';
import { forecastsAt } from '../src/services/forecast/forecast-at';
import { benchContext, benchDb, benchDbFlag } from './support';
import { openDb } from '../src/db/client';

const ORIGINS = ['2021-09-15', '2021-09-30', '2021-10-15'];
const EPSILON = 1e-9;

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  errors: number[];
}
const empty = (): Tally => ({ tp: 0, fp: 0, fn: 0, errors: [] });
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((n / d) * 100).toFixed(1)}%`);
const f1 = (t: Tally) => (2 * t.tp === 0 ? '—' : ((2 * t.tp) / (2 * t.tp + t.fp + t.fn)).toFixed(3));
const mae = (e: number[]) =>
  e.length === 0 ? '—' : `${((e.reduce((s, x) => s + x, 0) / e.length) * 100).toFixed(2)} 个百分点`;

const given = benchDbFlag();
const opened = given && !given.startsWith('postgres') ? await openDb(given) : await benchDb('province');
const ctx = await benchContext(opened);
const gates = gatesOfKind(ctx.campaign, 'roster_condition');
const deadline = gates[0]!.deadline;
// What happened: the gate judged the day after its deadline, on the roster known at the end of the deadline day.
const after = await computeProvinceStatusAt(ctx, '2021-11-01');
const atDeadline = await computeProvinceStatusAt(ctx, deadline);
const rows: string[] = [];
const totals = new Map<string, Tally>();
for (const origin of ORIGINS) {
  const forecasts: Map<string, CountyForecast> = await forecastsAt(ctx, origin);
  for (const gate of gates) {
    const byMethod = { 'Theil–Sen 中位增速': empty(), '现值不变（朴素）': empty() };
    let missed = 0;
    let judged = 0;
    for (const county of after.counties) {
      const outcome = county.gates[gate.code];
      if (outcome === 'n/a' || outcome === undefined) continue;
      const f = forecasts.get(county.code)?.gates.find((g) => g.gate === gate.code);
      if (!f) continue;
      judged += 1;
      const miss = outcome !== 'met';
      if (miss) missed += 1;
      const actual = atDeadline.counties.find((c) => c.code === county.code)?.indicators[gate.showsIndicator]?.value;
      const predictions: [Tally, boolean, number | null][] = [
        [byMethod['Theil–Sen 中位增速'], f.state === 'will_miss', f.expected],
        [byMethod['现值不变（朴素）'], (f.current ?? 0) < 1 - EPSILON, f.current],
      ];
      for (const [t, predicted, value] of predictions) {
        if (predicted && miss) t.tp += 1;
        if (predicted && !miss) t.fp += 1;
        if (!predicted && miss) t.fn += 1;
        if (typeof actual === 'number') t.errors.push(Math.abs((value ?? 0) - actual));
      }
    }
    for (const [method, t] of Object.entries(byMethod)) {
      rows.push(
        `| ${origin} | ${gate.shortName ?? gate.code} | ${judged} | ${missed} | ${method} | ${t.tp + t.fp} | ${pct(t.tp, t.tp + t.fp)} | ${pct(t.tp, t.tp + t.fn)} | ${f1(t)} | ${mae(t.errors)} |`,
      );
      const total = totals.get(method) ?? empty();
      totals.set(method, {
        tp: total.tp + t.tp,
        fp: total.fp + t.fp,
        fn: total.fn + t.fn,
        errors: [...total.errors, ...t.errors],
      });
    }
  }
}
console.log(`回测：按 ${ORIGINS.join('、')} 当日已知数据预测 ${deadline} 关口，与实际结果比较`);
console.log(
  '| 预测日 | 关口 | 参评县区 | 实际未按期 | 方法 | 预测将逾期 | 精确率 | 召回率 | F1 | 截止日覆盖率平均绝对误差 |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
for (const [method, t] of totals)
  console.log(
    `| 合计 | | | | ${method} | ${t.tp + t.fp} | ${pct(t.tp, t.tp + t.fp)} | ${pct(t.tp, t.tp + t.fn)} | ${f1(t)} | ${mae(t.errors)} |`,
  );
await opened.close();
// Kept only if it beats the naive method on both F1 of 将逾期 and the error of the coverage at the deadline.
const [ours, naive] = [...totals.values()];
const f1Of = (t: Tally) => (2 * t.tp) / (2 * t.tp + t.fp + t.fn || 1);
const maeOf = (t: Tally) => t.errors.reduce((s, x) => s + x, 0) / (t.errors.length || 1);
const kept = ours && naive && f1Of(ours) > f1Of(naive) && maeOf(ours) < maeOf(naive);
console.log(kept ? '结论：中位增速法优于“现值不变”，保留。' : '结论：中位增速法未优于“现值不变”，不应保留。');
if (!kept) process.exitCode = 1;
