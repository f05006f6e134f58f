import { effects, practices } from './narrative-templates';
import { Facts, type NarrativeFacts } from './narrative-facts';
import { chance, pick, shuffled, type Rng } from './rng';

/**
 * 'narrative.Txx' → the county's 主要做法 on the task: one practice (the same words where counties share it), then
 * its effect in figures of its own, a second effect now and then.
 */
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
    out[`narrative.${task}`] = `${f.c}${practice}。${told.map((s) => `${s}。`).join('')}`;
  }
  return out;
}
