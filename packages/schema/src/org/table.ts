import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const unitLevels = ['province', 'city', 'county', 'township', 'village'] as const;
export type UnitLevel = (typeof unitLevels)[number];
export const countyKinds = ['市辖区', '县', '县级市', '开发区'] as const;
export type CountyKind = (typeof countyKinds)[number];

export const orgUnits = sqliteTable(
  'org_units',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: unitLevels }).notNull(),
    parentCode: text('parent_code'),
    kind: text('kind', { enum: countyKinds }),
  },
  (t) => [index('org_units_parent_idx').on(t.parentCode), index('org_units_level_idx').on(t.level)],
);
export type OrgUnit = typeof orgUnits.$inferSelect;
