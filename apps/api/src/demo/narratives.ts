import { templates } from './narrative-templates';
import { Facts, type NarrativeFacts } from './narrative-facts';
import { chance, shuffled, type Rng } from './rng';

// Narratives name their month ("11月新增148人次"): a year-end document quoting them never says 本月.
// A sentence about the month that would report a zero ("11月新增0人") is left out when another wording is available.
const nothingThisMonth = /\d+月(?!以来)[^，。]*?[^\d.]0[人户件场份]/;

/** 'narrative.Txx' → one or two sentences per task, worded by the task's own rng. */
export function writeNarratives(facts: NarrativeFacts, rngFor: (task: string) => Rng): Record<string, string> {
  const f = new Facts(facts);
  const out: Record<string, string> = {};
  for (const [task, pool] of Object.entries(templates)) {
    const rng = rngFor(task);
    const texts = shuffled(rng, pool).map((t) => t(f));
    const telling = texts.filter((text) => !nothingThisMonth.test(text));
    const chosen = (telling.length > 0 ? telling : texts).slice(0, chance(rng, 0.45) ? 2 : 1);
    out[`narrative.${task}`] = chosen.map((text, i) => (i === 0 ? text : text.replace(f.c, '此外，'))).join('');
  }
  return out;
}
