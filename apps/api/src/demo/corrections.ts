import type { Correction } from './timeline';
import { between, chance, pick, type Rng } from './rng';

/** Stocks a city officer questions; none is a part or a whole in a validation rule, so a wrong figure still passes. */
const questioned: Record<string, string> = {
  t01_dibao_urban: '城市低保对象人数与低收入人口动态监测系统月末在册数不一致，请核实后重新报送。',
  t01_dibao_rural: '农村低保对象人数与系统月末在册数不符，请核实后重新报送。',
  t02_gradual_exit_households: '低保渐退期内户数统计口径有误，请按月末在册户数填报。',
  t04_monitored_persons: '纳入监测的低收入人口数与省级平台数据差异较大，请核实。',
  t05_grid_workers: '网格员、信息员人数与乡镇上报数不一致，请核实。',
  t06_certificates_cancelled: '取消证明材料项数与县级公布的清单不一致，请核实。',
};
const briefNarrative = '工作进展情况过于简略，请补充主要做法和具体成效后重新报送。';

export interface Mistake {
  /** Field values as first (wrongly) submitted. */
  wrong: Record<string, string | null>;
  correction: Correction;
}

/** The clerk's first submission got one figure (or one narrative) wrong; the edit restores the right one. */
export function drawMistake(
  rng: Rng,
  countyName: string,
  final: Record<string, string | null>,
  tasks: string[],
): Mistake {
  if (chance(rng, 0.25)) {
    const field = `narrative.${pick(rng, tasks)}`;
    return {
      wrong: { [field]: `${countyName}按要求推进相关工作。` },
      correction: { reason: briefNarrative, values: { [field]: final[field] ?? null } },
    };
  }
  const code = pick(rng, Object.keys(questioned));
  const right = Number(final[code] ?? 0);
  const off = Math.max(1, Math.round(right * between(rng, 0.06, 0.2)));
  const wrongValue = chance(rng, 0.5) || right - off < 0 ? right + off : right - off;
  return {
    wrong: { [code]: String(wrongValue) },
    correction: { reason: questioned[code] ?? briefNarrative, values: { [code]: String(right) } },
  };
}
