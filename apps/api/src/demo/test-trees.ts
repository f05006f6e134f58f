import type { CountyKind, DemoReport, DemoTree } from './types';

const villageNames = ['王庄', '李集', '张湾', '刘圩', '陈岗', '杨楼', '黄桥', '赵店', '吴郢', '周塘', '徐冲', '孙营'];

function addCounty(
  tree: DemoTree,
  cityCode: string,
  code: string,
  name: string,
  kind: CountyKind,
  villagesPerTownship: number[],
): void {
  tree.counties.push({ code, name, cityCode, kind });
  villagesPerTownship.forEach((count, t) => {
    const townshipCode = `${code}${String(100 + t + 1)}`;
    tree.townships.push({ code: townshipCode, name: `${name.slice(0, 2)}第${t + 1}镇`, countyCode: code });
    for (let v = 0; v < count; v++) {
      const suffix = kind === '市辖区' || kind === '开发区' ? '社区居委会' : '村委会';
      tree.villages.push({
        code: `${townshipCode}${String(200 + v + 1)}`,
        name: `${villageNames[v % villageNames.length]}${suffix}`,
        townshipCode,
        countyCode: code,
      });
    }
  });
}

/** Two cities, four counties (one of each kind), nine townships, 31 villages. */
export function smallTree(): DemoTree {
  const tree: DemoTree = {
    cities: [
      { code: '3403', name: '蚌埠市' },
      { code: '3412', name: '阜阳市' },
    ],
    counties: [],
    townships: [],
    villages: [],
  };
  addCounty(tree, '3403', '340321', '怀远县', '县', [4, 3, 5]);
  addCounty(tree, '3403', '340302', '龙子湖区', '市辖区', [3, 4]);
  addCounty(tree, '3412', '341282', '界首市', '县级市', [5, 4, 3]);
  addCounty(tree, '3412', '341271', '阜阳经济技术开发区', '开发区', [3]);
  return tree;
}

const suffixes: Record<CountyKind, string> = { 县: '县', 市辖区: '区', 县级市: '市', 开发区: '开发区' };

/** A province-sized synthetic tree (120 counties, about 10,000 villages) for checking shares. */
export function provinceTree(): DemoTree {
  const tree: DemoTree = { cities: [], counties: [], townships: [], villages: [] };
  const kinds: CountyKind[] = ['县', '县', '县', '市辖区', '县级市', '市辖区', '县', '开发区'];
  for (let c = 0; c < 15; c++) {
    const cityCode = `34${String(c + 1).padStart(2, '0')}`;
    tree.cities.push({ code: cityCode, name: `第${c + 1}市` });
    kinds.forEach((kind, k) => {
      const townships = kind === '开发区' ? 2 : 6 + ((c + k) % 9);
      const perTownship = kind === '开发区' ? 4 : 6 + ((c * 7 + k * 3) % 10);
      const name = `第${c + 1}市${k + 1}${suffixes[kind]}`;
      addCounty(
        tree,
        cityCode,
        `${cityCode}${String(21 + k)}`,
        name,
        kind,
        Array.from({ length: townships }, () => perTownship),
      );
    });
  }
  return tree;
}

/** The report's fields as they stood at each submission: the first values, patched by every edit before it. */
export function submittedVersions(report: DemoReport): { at: string; values: Record<string, string | null> }[] {
  const values = { ...report.values };
  const out: { at: string; values: Record<string, string | null> }[] = [];
  for (const e of report.events) {
    if (e.action === 'edit') Object.assign(values, e.values);
    if (e.action === 'submit') out.push({ at: e.at, values: { ...values } });
  }
  return out;
}

/** The fields after every edit, submitted or not. */
export function finalValues(report: DemoReport): Record<string, string | null> {
  const values = { ...report.values };
  for (const e of report.events) if (e.action === 'edit') Object.assign(values, e.values);
  return values;
}

export function byCounty<T extends { countyCode: string }>(items: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.countyCode, [...(groups.get(item.countyCode) ?? []), item]);
  return [...groups.values()];
}
