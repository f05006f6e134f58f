import type { CountyStatus } from '@dudao/metrics';
import { countiesWord, joinNames, type ScopeView } from './view';

/** More names than this go to the annex table, with the count in the text (DOMAIN Reports, Writing). */
const NAMED_AT_MOST = 5;

/**
 * Who a sentence is about: a city's document names up to five counties ('怀远县、五河县2个县（市、区）') and counts more,
 * pointing to the annex; the province's names cities, never counties ('3个县（市、区）（合肥市2个、蚌埠市1个）').
 */
export function whoText(view: ScopeView, counties: CountyStatus[]): string {
  const n = counties.length;
  if (view.level === 'province') {
    const cities = view.snapshot.status.cities
      .map((city) => ({ name: city.name, k: counties.filter((c) => c.cityCode === city.code).length }))
      .filter((c) => c.k > 0);
    if (cities.length > NAMED_AT_MOST) return `${cities.length}个市的${countiesWord(n)}`;
    if (cities.length === 1) return `${cities[0]!.name}${countiesWord(n)}`;
    return `${countiesWord(n)}（${cities.map((c) => `${c.name}${c.k}个`).join('、')}）`;
  }
  if (n > NAMED_AT_MOST) return `${countiesWord(n)}（名单见附件1）`;
  const names = joinNames(counties.map((c) => view.label(c)));
  return n === 1 ? names : `${names}${n}个县（市、区）`;
}

/** Clauses joined into one sentence part, empty ones left out. */
export const clauses = (parts: (string | number | null | false | undefined)[], sep = '，') =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(sep);

/** The plan's own word for a lagging county: 进展缓慢 unless the campaign file names another (推进滞后). */
export const laggingWordOf = (campaign: { documents: { assessment: { laggingWord?: string | undefined } } }) =>
  campaign.documents.assessment.laggingWord ?? '进展缓慢';
