import { z } from 'zod';
import { campaignDate, countyCode, longText, shortText } from '../common/validation';

export const recordVisitInput = z.object({
  countyCode,
  visitedOn: campaignDate,
  byLevel: z.enum(['city', 'province'], { message: '督导层级应为 city 或 province' }),
  visitors: shortText('督导人员', 200).min(1, '请填写督导人员'),
  findings: longText('督导发现的问题', 5000).min(2, '请填写督导发现的问题'),
});
export const addItemInput = z.object({
  visitId: z.number().int().positive().max(2 ** 31),
  description: longText('整改事项', 2000).min(2, '请填写整改事项'),
  owner: shortText('责任单位或责任人', 200).min(1, '请填写责任单位或责任人'),
  dueOn: campaignDate,
});
export const closeItemInput = z.object({
  itemId: z.number().int().positive().max(2 ** 31),
  evidence: longText('整改佐证', 5000).min(2, '销号须填写整改佐证'),
});
