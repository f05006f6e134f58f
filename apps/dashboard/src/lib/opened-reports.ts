/** Which reports the reviewer has opened in this browser tab: bulk decisions are offered only for those. */
export interface OpenedStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const key = 'dudao.openedReports';

export const reportKey = (r: { countyCode: string; period: string; version: number }) =>
  `${r.countyCode}|${r.period}|${r.version}`;

export function openedReports(store: OpenedStore): Set<string> {
  try {
    const list = JSON.parse(store.getItem(key) ?? '[]') as unknown;
    return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

/** A new version of a report (after a decision) is a different key, so it must be opened again. */
export function markOpened(store: OpenedStore, report: { countyCode: string; period: string; version: number }): void {
  const opened = openedReports(store);
  opened.add(reportKey(report));
  store.setItem(key, JSON.stringify([...opened].slice(-500)));
}
