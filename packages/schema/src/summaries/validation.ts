import { z } from 'zod';
import { recordId } from '../common/validation';
import { isoDateSchema, unitCodeSchema } from '../reports/validation';

export const documentKinds = ['city', 'province', 'notice', 'annex'] as const;
export const generateDocumentInput = z.object({
  kind: z.enum(documentKinds, { message: '报告类型无效' }),
  unit: unitCodeSchema,
  asOf: isoDateSchema,
});
export const documentRefInput = z.object({ id: recordId });
