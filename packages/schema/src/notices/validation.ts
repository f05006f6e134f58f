import { z } from 'zod';
import { isoDateSchema } from '../reports/validation';

/** A read's as-of date; absent, it is the campaign clock's day. */
export const asOfInput = z.object({ asOf: isoDateSchema.optional() }).default({});
export const markReadInput = z.object({
  keys: z.array(z.string().min(1).max(100)).min(1, '请选择要标记的通知').max(500),
});
