import type { CountyStatus } from '@dudao/metrics';
import { aboutOneMonth } from './month-wording';

/** The practices already written in a document, normalised, so no sentence is written twice for different counties. */
export type Written = Set<string>;

type Cited = { county: CountyStatus; text: string };

/** A narrative's sentences, each with its closing mark; a sentence about one month is never quoted in a document. */
export function sentences(text: string): string[] {
  return (
    text
      .match(/[^。！？]+[。！？]?/g)
      ?.map((s) => s.trim())
      .filter((s) => s.length > 0 && !aboutOneMonth(s)) ?? []
  );
}

/** A sentence without its county's name in front, for stating it after several counties' names. */
/** Words that join a county's second practice to its first ("此外，…"), dropped when the practice stands on its own. */
const CONNECTOR = /^(?:此外|另外|同时)?[，,]/;
const practice = (sentence: string, county: CountyStatus) =>
  (sentence.startsWith(county.name) ? sentence.slice(county.name.length) : sentence).replace(CONNECTOR, '');
const standsAlone = (sentence: string, county: CountyStatus) =>
  sentence.startsWith(county.name) || CONNECTOR.test(sentence);

/** What a sentence says whoever says it: no county name in front, no spaces, one kind of comma and quote. */
export function normalised(sentence: string, county: CountyStatus): string {
  return practice(sentence, county)
    .replace(/\s+/g, '')
    .replace(/,/g, '，')
    .replace(/[“”"]/g, '"')
    .replace(/[。！？]$/, '');
}

/**
 * The cited counties' narratives as paragraphs: a practice several of them state is written once after all their names
 * ("龙子湖区、蚌山区建立了……"), then each county's own remaining sentences; a practice already written is not repeated.
 */
export function citedParagraphs(cited: Cited[], label: (county: CountyStatus) => string, written: Written): string[] {
  const split = cited.map((c) => ({
    ...c,
    parts: sentences(c.text).map((s) => ({ text: s, key: normalised(s, c.county) })),
  }));
  const sayers = new Map<string, typeof split>();
  for (const c of split)
    for (const p of c.parts) if (!sayers.get(p.key)?.includes(c)) sayers.set(p.key, [...(sayers.get(p.key) ?? []), c]);
  const out: string[] = [];
  for (const [key, who] of sayers) {
    const first = who[0]!;
    if (who.length < 2 || written.has(key)) continue;
    const sentence = first.parts.find((p) => p.key === key)!.text;
    out.push(`${who.map((c) => label(c.county)).join('、')}${practice(sentence, first.county)}`);
    written.add(key);
  }
  for (const c of split) {
    const own: string[] = [];
    for (const p of c.parts) {
      if (written.has(p.key)) continue;
      written.add(p.key);
      own.push(p.text);
    }
    if (own.length === 0) continue;
    const [first, ...rest] = own;
    out.push(
      `${label(c.county)}${standsAlone(first!, c.county) ? practice(first!, c.county) : `：${first}`}${rest.join('')}`,
    );
  }
  return out;
}
