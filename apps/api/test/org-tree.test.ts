import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Opened } from '../src/db/client';
import { readTree } from '../src/services/org/load-tree';
import { countyShapes } from '../src/services/org/shape';
import { getUnit, listUnits, villagesOf } from '../src/services/org/units';
import { freshDb } from './support/fresh-db';

let opened: Opened;
beforeAll(async () => {
  opened = await freshDb();
});
afterAll(() => opened.close());

describe('the real Anhui organisation tree', () => {
  test('16 cities, 119 county-level units, 1,685 townships, 18,334 villages', async () => {
    const count = async (level: 'city' | 'county' | 'township' | 'village') =>
      (await listUnits({ db: opened.db }, { level })).length;
    expect([await count('city'), await count('county'), await count('township'), await count('village')]).toEqual([
      16, 119, 1685, 18334,
    ]);
  });

  test('104 counties, districts and county-level cities plus 15 development zones', async () => {
    const counties = await listUnits({ db: opened.db }, { level: 'county' });
    expect(counties.filter((c) => c.kind === '开发区')).toHaveLength(15);
    expect(counties.filter((c) => c.kind !== '开发区')).toHaveLength(104);
  });

  test.each([
    ['340321', '怀远县', '县', '3403'],
    ['340181', '巢湖市', '县级市', '3401'],
    ['340102', '瑶海区', '市辖区', '3401'],
    ['340711', '郊区', '市辖区', '3407'],
    ['340176', '合肥高新技术产业开发区', '开发区', '3401'],
  ])('%s %s is a %s under %s', async (code, name, kind, city) => {
    expect(await getUnit({ db: opened.db }, code)).toMatchObject({
      code,
      name,
      kind,
      level: 'county',
      parentCode: city,
    });
  });

  test('a county owns the villages of its townships', async () => {
    const villages = await villagesOf({ db: opened.db }, '340321');
    expect(villages.length).toBeGreaterThan(300);
    expect(villages.every((v) => v.code.startsWith('340321') && v.code.length === 12)).toBe(true);
    const shape = (await countyShapes({ db: opened.db }, '3403')).find((c) => c.code === '340321');
    expect(shape?.villages).toBe(villages.length);
  });
});

describe('the national scale', () => {
  test('2,978 county-level units, 41,352 townships and 620,573 villages', () => {
    const units = readTree('nation');
    const count = (level: string) => units.filter((u) => u.level === level).length;
    expect([count('county'), count('township'), count('village')]).toEqual([2978, 41352, 620573]);
  });
});
