import { z } from 'zod';
import { isoDateSchema } from '../reports/validation';

export const asOfInput = z.object({ asOf: isoDateSchema });
export const markReadInput = z.object({ keys: z.array(z.string().min(1).max(100)).min(1, '请选择要标记的通知').max(500) });
