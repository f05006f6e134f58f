-- The services build their SQL with drizzle's SQLite builder, which writes NULL for a key the row leaves out; SQLite
-- then assigns the rowid. PostgreSQL does the same through this trigger: a NULL id takes the identity's next value.
CREATE OR REPLACE FUNCTION dudao_fill_id() RETURNS trigger AS $$
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(pg_get_serial_sequence(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, 'id'));
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION dudao_fill_id()', t.table_name || '_fill_id', t.table_name);
  END LOOP;
END;
$$;
