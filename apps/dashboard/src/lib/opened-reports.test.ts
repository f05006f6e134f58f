import { describe, expect, test } from 'vitest';
import { markOpened, openedReports, reportKey } from './opened-reports';

function memory() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('opened reports', () => {
  test('a report counts as opened only in the version that was opened', () => {
    const store = memory();
    markOpened(store, { countyCode: '340321', period: '2021-07', version: 3 });
    const opened = openedReports(store);
    expect(opened.has(reportKey({ countyCode: '340321', period: '2021-07', version: 3 }))).toBe(true);
    expect(opened.has(reportKey({ countyCode: '340321', period: '2021-07', version: 4 }))).toBe(false);
  });

  test('a damaged store reads as nothing opened', () => {
    const store = memory();
    store.setItem('dudao.openedReports', '{not json');
    expect(openedReports(store).size).toBe(0);
  });
});
