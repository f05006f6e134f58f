import { z } from 'zod';
import { unitLevels } from './table';

export const unitsQueryInput = z.object({
  parent: z
    .string()
    .regex(/^\d{2,12}$/, '上级单位代码无效')
    .optional(),
  level: z.enum(unitLevels, { message: '层级应为 province、city、county、township 或 village' }).optional(),
});
export const unitSearchInput = z.object({
  query: z.string().trim().min(1, '请输入县区、乡镇（街道）或村（社区）的名称或代码').max(40, '搜索内容过长'),
  limit: z.number().int().min(1).max(50).default(20),
});
