import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { describe, expect, test } from 'vitest';
import { generateDemo } from './generate';
import { mulberry32 } from './rng';
import { smallTree } from './test-trees';

const anhui2021 = builtinCampaign('anhui-2021');

describe('generateDemo', () => {
  test('the same seed gives byte-identical output', () => {
    expect(JSON.stringify(generateDemo(smallTree(), anhui2021, 42))).toBe(
      JSON.stringify(generateDemo(smallTree(), anhui2021, 42)),
    );
    expect(JSON.stringify(generateDemo(smallTree(), anhui2021))).toBe(
      JSON.stringify(generateDemo(smallTree(), anhui2021, 2021)),
    );
  });

  test('a different seed gives different data', () => {
    expect(JSON.stringify(generateDemo(smallTree(), anhui2021, 1))).not.toBe(
      JSON.stringify(generateDemo(smallTree(), anhui2021, 2)),
    );
  });

  test("a county's data does not depend on the other counties in the tree", () => {
    const whole = generateDemo(smallTree(), anhui2021);
    const tree = smallTree();
    const alone = generateDemo({ ...tree, counties: tree.counties.slice(0, 1) }, anhui2021);
    expect(alone.reports).toEqual(whole.reports.filter((r) => r.countyCode === tree.counties[0]!.code));
  });

  test('the magnitudes follow the county: rural 低保 above urban in a 县, 特困 about a sixth of rural 低保', () => {
    const july = generateDemo(smallTree(), anhui2021).reports.find(
      (r) => r.countyCode === '340321' && r.period === '2021-07',
    )!;
    const [urban, rural, tekun] = ['t01_dibao_urban', 't01_dibao_rural', 't01_tekun'].map((c) =>
      Number(july.values[c]),
    );
    expect(rural!).toBeGreaterThan(urban!);
    expect(tekun! / rural!).toBeGreaterThan(1 / 8);
    expect(tekun! / rural!).toBeLessThan(1 / 5);
  });
});

describe('visitTexts', () => {
  test('names visitors only as 某某, mentions the county, and lists 1–3 items with owners', () => {
    const texts = generateDemo(smallTree(), anhui2021).visitTexts('怀远县', mulberry32(9));
    expect(texts.visitors).toMatch(/^(市|省)\S+ [\u4e00-\u9fa5]某某等\d人$/);
    expect(texts.findings.startsWith('怀远县')).toBe(true);
    expect(texts.items.length).toBeGreaterThanOrEqual(1);
    expect(texts.items.length).toBeLessThanOrEqual(3);
    for (const item of texts.items) expect(item.owner).toMatch(/县|乡镇/);
  });
});
