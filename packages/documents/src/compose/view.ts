import type { CountyStatus, RollupFigure } from '@dudao/metrics';
import { byRankInProvince, fullName, type Snapshot } from '../snapshot';

/** A city or the province as a document sees it: its roll-up figures and its counties, best first. */
export interface ScopeView {
  snapshot: Snapshot;
  level: 'city' | 'province';
  code: string;
  name: string;
  /** 全市 / 全省 */
  word: string;
  figures: Record<string, RollupFigure>;
  counties: CountyStatus[];
  /** How a county is named: alone in its city's documents, with its city in the province's. */
  label(county: CountyStatus): string;
}

export function cityView(snapshot: Snapshot, cityCode: string): ScopeView {
  const city = snapshot.status.cities.find((c) => c.code === cityCode);
  if (!city) throw new Error(`${cityCode} 不是本行动的市`);
  return {
    snapshot,
    level: 'city',
    code: city.code,
    name: city.name,
    word: '全市',
    figures: city.figures,
    counties: snapshot.status.counties.filter((c) => c.cityCode === cityCode).sort(byRankInProvince),
    label: (county) => county.name,
  };
}

export function provinceView(snapshot: Snapshot): ScopeView {
  const { province } = snapshot.status;
  return {
    snapshot,
    level: 'province',
    code: province.code,
    name: province.name,
    word: '全省',
    figures: province.figures,
    counties: [...snapshot.status.counties].sort(byRankInProvince),
    label: (county) => fullName(snapshot, county),
  };
}

/** '县（市、区）' counts read '9个县（市、区）'. */
export const countiesWord = (n: number) => `${n}个县（市、区）`;

/** Names joined the Chinese way: 'A、B和C'. */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}
