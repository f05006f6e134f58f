import { z } from 'zod';

/** The xlsx headers of the village roster, in their column order. */
export const rosterColumns = [
  { header: '村（社区）代码', key: 'village_code' },
  { header: '村（社区）名称', key: 'village_name' },
  { header: '常年救助对象人数', key: 'long_term_recipients' },
  { header: '明确民政工作负责人', key: 'civil_affairs_member' },
  { header: '社会救助协理员人数', key: 'coordinators' },
  { header: '其中专职人数', key: 'coordinators_full_time' },
  { header: '协理员月均报酬（元）', key: 'coordinator_pay' },
  { header: '社会救助服务站（点）数', key: 'stations' },
] as const;
export type RosterColumnKey = (typeof rosterColumns)[number]['key'];

/** Cells arrive as text: blank is missing (never 0), and only plain digits count (no `0x10`, `1e3`, `#DIV/0!`). */
const count = (label: string) =>
  z
    .preprocess((v) => (v == null ? '' : String(v as string)), z.string().trim())
    .transform((text, ctx) => {
      if (text === '') {
        ctx.addIssue({ code: 'custom', message: `${label}未填写（没有时填 0）` });
        return z.NEVER;
      }
      if (!/^\d{1,7}$/.test(text) || Number(text) > 1_000_000) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}应为不超过 1000000 的非负整数，实际为“${text.slice(0, 20)}”`,
        });
        return z.NEVER;
      }
      return Number(text);
    });

export const rosterRowSchema = z
  .object({
    village_code: z
      .string()
      .trim()
      .regex(/^\d{12}$/, '村（社区）代码应为12位数字'),
    village_name: z.string().trim().min(1, '缺少村（社区）名称').max(100, '村（社区）名称过长'),
    long_term_recipients: count('常年救助对象人数'),
    civil_affairs_member: z
      .enum(['是', '否'], { message: '明确民政工作负责人应填“是”或“否”' })
      .transform((v) => v === '是'),
    coordinators: count('社会救助协理员人数'),
    coordinators_full_time: count('其中专职人数'),
    coordinator_pay: z
      .preprocess((v) => (v == null ? '' : String(v as string)), z.string().trim())
      .transform((text, ctx) => {
        if (text === '') return null;
        const amount = Number(text);
        if (!/^\d{1,9}(\.\d{1,2})?$/.test(text) || !Number.isFinite(amount)) {
          ctx.addIssue({ code: 'custom', message: '协理员月均报酬应为金额（元，最多两位小数），无报酬时留空' });
          return z.NEVER;
        }
        return amount;
      }),
    stations: count('社会救助服务站（点）数'),
  })
  .refine((r) => r.coordinators_full_time <= r.coordinators, {
    message: '其中专职人数不能大于社会救助协理员人数',
    path: ['coordinators_full_time'],
  });
export type RosterRowInput = z.output<typeof rosterRowSchema>;
