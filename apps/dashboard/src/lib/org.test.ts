import { describe, expect, test } from 'vitest';
import { countiesOf, countyCountBars, type OrgNode } from './org';

function county(code: string, name: string, kind: string): OrgNode {
  return { code, name, level: 'county', kind, children: [] };
}

const bengbu: OrgNode = {
  code: '3403',
  name: '蚌埠市',
  level: 'city',
  kind: null,
  children: [county('340321', '怀远县', '县'), county('340322', '五河县', '县'), county('340323', '固镇县', '县')],
};
const huaibei: OrgNode = {
  code: '3406',
  name: '淮北市',
  level: 'city',
  kind: null,
  children: [county('340602', '杜集区', '市辖区'), county('340621', '濉溪县', '县')],
};
const hefei: OrgNode = { code: '3401', name: '合肥市', level: 'city', kind: null, children: [county('340102', '瑶海区', '市辖区')] };
const anhui: OrgNode = { code: '34', name: '安徽省', level: 'province', kind: null, children: [hefei, bengbu, huaibei] };

describe('countiesOf', () => {
  test('a province yields every county of every city', () => {
    expect(countiesOf(anhui).map((c) => c.code)).toEqual(['340102', '340321', '340322', '340323', '340602', '340621']);
  });

  test('a county is its own only county', () => {
    expect(countiesOf(county('340321', '怀远县', '县')).map((c) => c.name)).toEqual(['怀远县']);
  });
});

describe('countyCountBars', () => {
  test('cities with more county-level units come first', () => {
    expect(countyCountBars(anhui)).toEqual([
      { name: '蚌埠市', value: 3 },
      { name: '淮北市', value: 2 },
      { name: '合肥市', value: 1 },
    ]);
  });
});
