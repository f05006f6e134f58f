import { z } from 'zod';
import { isoDateSchema, unitCodeSchema } from '../reports/validation';

export const recordVisitInput = z.object({
  countyCode: unitCodeSchema,
  visitedOn: isoDateSchema,
  byLevel: z.enum(['city', 'province']),
  visitors: z.string().trim().min(1, '请填写督导人员'),
  findings: z.string().trim().min(2, '请填写督导发现的问题'),
});
export const addItemInput = z.object({
  visitId: z.number().int().positive(),
  description: z.string().trim().min(2, '请填写整改事项'),
  owner: z.string().trim().min(1, '请填写责任单位或责任人'),
  dueOn: isoDateSchema,
});
export const closeItemInput = z.object({
  itemId: z.number().int().positive(),
  evidence: z.string().trim().min(2, '销号须填写整改佐证'),
});
