import { builtinCampaign } from '@dudao/schema/campaign/builtin';
import { describe, expect, test } from 'vitest';
import { generateDemo } from './generate';
import { finalValues, provinceTree } from './test-trees';

const tree = provinceTree();
// The seed the demo database is built with (generateDemo's default).
const plan = generateDemo(tree, builtinCampaign('anhui-2021'));

describe('the demo reads like real data', () => {
  test('in each month’s reports no narrative sentence is shared by more than three counties, their names aside', () => {
    const counties = new Map<string, Set<string>>();
    for (const report of plan.reports) {
      const county = tree.counties.find((c) => c.code === report.countyCode)!;
      for (const [code, text] of Object.entries(finalValues(report))) {
        if (!code.startsWith('narrative.') || typeof text !== 'string') continue;
        for (const sentence of text.split('。').filter(Boolean)) {
          const key = `${report.period} ${code} ${sentence.replaceAll(county.name, '某县')}`;
          counties.set(key, (counties.get(key) ?? new Set()).add(county.code));
        }
      }
    }
    expect([...counties.keys()].filter((k) => /，，|，$|^。/.test(k.split(' ')[2]!))).toEqual([]);
    const shared = [...counties].filter(([, c]) => c.size > 3).map(([s, c]) => `${c.size}× ${s}`);
    // Most of 119 counties × 6 months × 11 tasks (a county that never reported a month has no narrative for it).
    expect(counties.size).toBeGreaterThan(119 * 5 * 11);
    expect(shared).toEqual([]);
  });
});
