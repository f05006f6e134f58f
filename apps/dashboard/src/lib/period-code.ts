import { periodSchema } from '@dudao/schema/inputs';

/** A report period as the campaigns write it: '2021-07' (monthly) or '2022-Q1' (quarterly), one rule with the API's. */
export const isPeriodCode = (text: string): boolean => periodSchema.safeParse(text).success;
