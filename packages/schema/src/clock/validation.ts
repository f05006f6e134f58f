import { z } from 'zod';
import { isoInstantSchema } from '../reports/validation';

export const clockSetInput = z.object({ at: isoInstantSchema });
