import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgUnits } from '../org/table';
import { campaignColumn } from '../campaign/column';

/**
 * What a city or the province prints on its documents (发文字号, 签发人, 附注, 抄送, the province's 主送机关). Every save
 * is a new row; the newest row of a unit is in force. A null field prints as a blank to fill by hand.
 */
export const documentSettings = sqliteTable(
  'document_settings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignCode: campaignColumn(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => orgUnits.code),
    docNumber: text('doc_number'),
    signer: text('signer'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    copyTo: text('copy_to'),
    recipient: text('recipient'),
    savedAt: text('saved_at').notNull(),
    savedBy: integer('saved_by'),
  },
  (t) => [index('document_settings_unit_idx').on(t.campaignCode, t.unitCode, t.id)],
);
