import { chineseTime } from '@dudao/metrics';
import { sitePath } from './next';

/** The campaign clock as the header shows it, in Beijing time: 2021年11月20日 10:00 (as the API's messages name it). */
export const clockLabel = chineseTime;

/** The clock instant as a `datetime-local` value in Beijing time, minutes precision. */
export function clockInputValue(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 16);
}

/** A `datetime-local` value read as Beijing time, the campaign's time zone. */
export function clockFromInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  return `${value}:00+08:00`;
}

/** Where to return after moving the clock: the same page, without a fixed as-of date, so it shows the new day. */
export function backWithoutAsOf(pathAndQuery: string): string {
  const url = new URL(sitePath(pathAndQuery), 'http://x');
  url.searchParams.delete('asOf');
  // `/.//host` would come back out of URL as `//host`: sitePath judges the result too.
  return sitePath(`${url.pathname}${url.search}`);
}
