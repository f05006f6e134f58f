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

/**
 * `seat` is the county's place in the province: it turns the framing round the counties, so a framed practice is shared
 * by at most one county in every opener × closer pairs (three in a province of 119), as real reports are each in
 * their own words; the practice itself may be the same, and the documents then write it once with the counties' names.
 */
export function writeNarratives(
  facts: NarrativeFacts,
  rngFor: (task: string) => Rng,
  seat: number,
): Record<string, string> {
  const f = new Facts(facts);
  const out: Record<string, string> = {};
  const ends = closers(f);
  Object.entries(practices).forEach(([task, pool], t) => {
    const rng = rngFor(task);
    const practice = pick(rng, pool)(f) ?? pool[0]!(f);
    // One effect the figures bear out, now and then two, in one sentence after the practice's.
    const told = shuffled(rng, effects[task] ?? [])
      .map((e) => e(f))
      .filter((s): s is string => s !== null)
      .slice(0, chance(rng, 0.4) ? 2 : 1);
    const frame = (seat + 11 * t) % (openers.length * ends.length);
    const framed = `${openers[frame % openers.length]}${practice}${ends[Math.floor(frame / openers.length)]}`;
    // Effects told in one or two distinct figures (累计刊发报道1篇; 8个村中已有8个…) are what many counties would say
    // word for word: they close the practice's sentence instead of standing alone.
    const said = told.join('，');
    const thin = new Set(said.match(/\d+(?:\.\d+)?/g) ?? []).size <= 2;
    out[`narrative.${task}`] = !said
      ? `${f.c}${framed}。`
      : thin
        ? `${f.c}${framed}，${said}。`
        : `${f.c}${framed}。${said}。`;
  });
  return out;
}
