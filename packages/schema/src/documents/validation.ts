import { z } from 'zod';
import { unitCodeSchema } from '../reports/validation';

/** Empty means "leave a blank to fill"; text is trimmed and kept short enough for one printed line. */
const line = (label: string, max: number) =>
  z
    .string({ message: `${label}须为文字` })
    .trim()
    .max(max, { message: `${label}不超过${max}个字` })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const documentSettingsFields = {
  docNumber: line('发文字号', 30).refine((v) => v === null || /〔\d{4}〕\d+号$/.test(v), {
    message: '发文字号须形如“蚌民〔2021〕58号”（六角括号，年份四位）',
  }),
  signer: line('签发人', 10),
  contactName: line('联系人', 10),
  contactPhone: line('联系电话', 30).refine((v) => v === null || /^[\d\-－ （）()转]+$/.test(v), {
    message: '联系电话只能含数字、连字符和括号',
  }),
  copyTo: line('抄送机关', 120),
  recipient: line('主送机关', 30),
};

export const documentSettingsGetInput = z.object({ unit: unitCodeSchema });
export const documentSettingsSaveInput = z.object({ unit: unitCodeSchema, ...documentSettingsFields });
