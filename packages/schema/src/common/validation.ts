import { z } from 'zod';

/** True for a real day of the Gregorian calendar (`2021-02-30` and `2021-13-01` are not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2099 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The one date schema: a real calendar date YYYY-MM-DD between 2000 and 2099. */
export const campaignDate = z
  .string()
  .refine(isCalendarDate, { message: '日期应为真实的日历日期 YYYY-MM-DD，例如 2021-08-03' });

const codeOf = (digits: number, name: string) =>
  z.string().regex(new RegExp(`^\\d{${digits}}$`), `${name}代码应为${digits}位数字`);
export const provinceCode = codeOf(2, '省级单位');
export const cityCode = codeOf(4, '市级单位');
export const countyCode = codeOf(6, '县级单位');
export const townshipCode = codeOf(9, '乡镇（街道）');
export const villageCode = codeOf(12, '村（社区）');
/** A unit of any level: 2, 4, 6, 9 or 12 digits of the division code. */
export const anyUnitCode = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '单位代码应为2、4、6、9或12位行政区划代码');

/** Free texts: a name or a person, a short note, a paragraph. */
export const shortText = (label: string, max = 100) => z.string().trim().max(max, `${label}不能超过 ${max} 字`);
export const longText = (label: string, max = 5000) => z.string().trim().max(max, `${label}不能超过 ${max} 字`);

/** Record ids are 32-bit on both engines (PostgreSQL's integer): a larger number names no record. */
export const MAX_RECORD_ID = 2_147_483_647;
export const recordId = z.number().int().positive().max(MAX_RECORD_ID);
export function isRecordId(n: number): boolean {
  return Number.isInteger(n) && n > 0 && n <= MAX_RECORD_ID;
}
