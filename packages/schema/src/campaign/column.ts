import { text } from 'drizzle-orm/sqlite-core';

/**
 * The campaign a record belongs to. Rows written before several campaigns shared a database get the first one;
 * the services always write it explicitly.
 */
export const campaignColumn = () => text('campaign_code').notNull().default('anhui-2021');
