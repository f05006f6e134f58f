import { effects, practices } from './narrative-templates';
import { Facts, type NarrativeFacts } from './narrative-facts';
import { chance, pick, shuffled, type Rng } from './rng';

/**
 * 'narrative.Txx' → the county's 主要做法 on the task: one practice (the same words where counties share it), then
 * its effect in figures of its own, a second effect now and then.
 */
/** How a county frames its practice and what it adds: the same practice reads differently in each county's words. */
const openers = [
  '',
  '结合本地实际，',
  '坚持问题导向，',
  '聚焦群众急难愁盼，',
  '在全面摸底排查的基础上，',
  '按照“应救尽救、应保尽保”的要求，',
  '把这项工作列入年度民生实事，',
];
const closers = (f: Facts) => [
  '',
  `，已在${f.s}推开`,
  '，逐步形成可复制的工作机制',
  '，由分管负责同志牵头推进',
  '，纳入乡镇（街道）年度目标考核',
  '，建立工作台账、逐项对账销号',
];

export function writeNarratives(facts: NarrativeFacts, rngFor: (task: string) => Rng): Record<string, string> {
  const f = new Facts(facts);
  const out: Record<string, string> = {};
  for (const [task, pool] of Object.entries(practices)) {
    const rng = rngFor(task);
    const practice = pick(rng, pool)(f) ?? pool[0]!(f);
    const told = shuffled(rng, effects[task] ?? [])
      .map((t) => t(f))
      .filter((s): s is string => s !== null)
      .slice(0, chance(rng, 0.4) ? 2 : 1);
    const framed = `${pick(rng, openers)}${practice}${pick(rng, closers(f))}`;
    out[`narrative.${task}`] = `${f.c}${framed}。${told.map((s) => `${s}。`).join('')}`;
  }
  return out;
}
