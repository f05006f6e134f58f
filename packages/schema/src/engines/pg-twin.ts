/* eslint-disable @typescript-eslint/no-explicit-any -- drizzle types each dialect's column builders apart; the twin maps
   SQLite columns onto PostgreSQL ones by their runtime kind, which no static type spans. */
import { is, type AnyColumn } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from 'drizzle-orm/pg-core';

// The tables are written once, in SQLite's vocabulary (packages/schema/src/*/tables.ts); PostgreSQL's are read
// off them here column by column, so the two engines can never disagree on a name, a null rule or an index.

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export type PgTwin = PgTableWithColumns<any>;

function columnFor(column: SQLiteColumn, twinOf: (table: SQLiteTable) => PgTwin): PgColumnBuilderBase {
  const name = column.name;
  let built: any;
  switch (column.columnType) {
    case 'SQLiteInteger':
      built = (column as unknown as { autoIncrement: boolean }).autoIncrement
        ? integer(name).generatedByDefaultAsIdentity()
        : integer(name);
      break;
    case 'SQLiteBoolean':
      built = boolean(name);
      break;
    case 'SQLiteText':
      built = text(name);
      break;
    case 'SQLiteTextJson':
      built = jsonb(name);
      break;
    case 'SQLiteReal':
      built = doublePrecision(name);
      break;
    case 'SQLiteBlobBuffer':
      built = bytea(name);
      break;
    default:
      throw new Error(`column ${name}: no PostgreSQL type for ${column.columnType}`);
  }
  if (column.primary) built = built.primaryKey();
  if (column.notNull && !column.primary) built = built.notNull();
  if (column.isUnique) built = built.unique(column.uniqueName);
  if (column.hasDefault && column.default !== undefined) built = built.default(column.default);
  const fk = inlineReference(column);
  if (fk) built = built.references(() => twinOf(fk.table)[fk.column]);
  return built;
}

interface Reference {
  table: SQLiteTable;
  column: string;
}

const references = new WeakMap<SQLiteColumn, Reference>();

function inlineReference(column: SQLiteColumn): Reference | undefined {
  return references.get(column);
}

function propertyOf(table: SQLiteTable, column: AnyColumn): string {
  const entry = Object.entries(table).find(([, c]) => c === column);
  if (!entry) throw new Error(`column ${column.name} not found on its table`);
  return entry[0];
}

/** Builds the PostgreSQL twin of every SQLite table in `tables`, keyed by the same export names. */
export function pgTwins(tables: Record<string, unknown>): Record<string, PgTwin> {
  const sqlite = Object.entries(tables).filter((entry): entry is [string, SQLiteTable] => is(entry[1], SQLiteTable));
  const twins = new Map<SQLiteTable, PgTwin>();
  const twinOf = (table: SQLiteTable) => {
    const twin = twins.get(table);
    if (!twin) throw new Error('a foreign key points outside the schema');
    return twin;
  };
  for (const [, table] of sqlite) {
    for (const fk of getTableConfig(table).foreignKeys) {
      const ref = fk.reference();
      if (ref.columns.length !== 1) throw new Error(`composite foreign keys are not mirrored (${fk.getName()})`);
      const foreignTable = ref.foreignTable;
      references.set(ref.columns[0] as SQLiteColumn, {
        table: foreignTable,
        column: propertyOf(foreignTable, ref.foreignColumns[0]!),
      });
    }
  }
  const out: Record<string, PgTwin> = {};
  for (const [exportName, table] of sqlite) {
    const config = getTableConfig(table);
    const columns: Record<string, PgColumnBuilderBase> = {};
    for (const column of config.columns) columns[propertyOf(table, column)] = columnFor(column, twinOf);
    const twin = pgTable(config.name, columns, (t: Record<string, any>) => {
      const byName = (c: unknown) => t[propertyOf(table, c as AnyColumn)];
      return [
        ...config.primaryKeys.map((pk) =>
          primaryKey({ name: pk.getName(), columns: pk.columns.map(byName) as [any, ...any[]] }),
        ),
        ...config.indexes.map((ix) => {
          const { name, columns: on, unique } = ix.config;
          const make = unique ? uniqueIndex(name) : index(name);
          return make.on(...(on.map(byName) as [any, ...any[]]));
        }),
      ];
    });
    twins.set(table, twin as PgTwin);
    out[exportName] = twin as PgTwin;
  }
  return out;
}
