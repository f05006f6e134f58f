import { z } from 'zod';
import { unitLevels } from './table';

export const unitsQueryInput = z.object({
  parent: z.string().regex(/^\d{2,12}$/, '上级单位代码无效').optional(),
  level: z.enum(unitLevels, { message: '层级应为 province、city、county、township 或 village' }).optional(),
});
