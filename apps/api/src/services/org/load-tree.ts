import { orgUnits, type OrgUnit } from '@dudao/schema/tables';
import { bulkInsert } from '../../db/bulk';
import { lockOn, withTransaction, type Ctx } from '../context';
import { readDivisionCsv } from './division-source';
import { countyKind } from './county-kind';

export type Scale = 'province' | 'nation';
export interface LoadProgress {
  start(total: number): void;
  tick(n: number): void;
  stop(): void;
}
const silent: LoadProgress = { start() {}, tick() {}, stop() {} };

export interface TreeCounts {
  provinces: number;
  cities: number;
  counties: number;
  townships: number;
  villages: number;
}

export function readTree(scale: Scale, provinceCode = '34'): OrgUnit[] {
  const keep = (p: string) => scale === 'nation' || p === provinceCode;
  const units: OrgUnit[] = [];
  for (const [code, name] of readDivisionCsv('provinces')) {
    if (code && name && keep(code)) units.push({ code, name, level: 'province', parentCode: null, kind: null });
  }
  for (const [code, name, p] of readDivisionCsv('cities')) {
    if (code && name && p && keep(p)) units.push({ code, name, level: 'city', parentCode: p, kind: null });
  }
  for (const [code, name, city, p] of readDivisionCsv('areas')) {
    if (code && name && city && p && keep(p))
      units.push({ code, name, level: 'county', parentCode: city, kind: countyKind(code, name) });
  }
  for (const [code, name, area, p] of readDivisionCsv('streets')) {
    if (code && name && area && p && keep(p))
      units.push({ code, name, level: 'township', parentCode: area, kind: null });
  }
  for (const [code, name, street, p] of readDivisionCsv('villages')) {
    if (code && name && street && p && keep(p))
      units.push({ code, name, level: 'village', parentCode: street, kind: null });
  }
  return units;
}

export async function loadTree(ctx: Ctx, scale: Scale, progress: LoadProgress = silent): Promise<TreeCounts> {
  const units = readTree(scale);
  const batch = 1000;
  progress.start(units.length);
  await withTransaction(ctx, [lockOn.orgTree()], async (ctx) => {
    for (let i = 0; i < units.length; i += batch) {
      await bulkInsert(ctx.db, orgUnits, units.slice(i, i + batch));
      progress.tick(Math.min(batch, units.length - i));
    }
  });
  progress.stop();
  const counts: TreeCounts = { provinces: 0, cities: 0, counties: 0, townships: 0, villages: 0 };
  for (const u of units) {
    if (u.level === 'province') counts.provinces++;
    else if (u.level === 'city') counts.cities++;
    else if (u.level === 'county') counts.counties++;
    else if (u.level === 'township') counts.townships++;
    else counts.villages++;
  }
  return counts;
}
