-- History tables are append-only: the database itself refuses to rewrite or erase them (the SQLite guards of
-- migrations 0002 and 0005, as PL/pgSQL).
CREATE FUNCTION dudao_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER report_events_append_only BEFORE UPDATE OR DELETE ON report_events FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER report_values_append_only BEFORE UPDATE OR DELETE ON report_values FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER supervision_revisions_append_only BEFORE UPDATE OR DELETE ON supervision_revisions FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER rectification_evidence_append_only BEFORE UPDATE OR DELETE ON rectification_evidence FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER supervision_visits_append_only BEFORE UPDATE OR DELETE ON supervision_visits FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER dispatch_orders_append_only BEFORE UPDATE OR DELETE ON dispatch_orders FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER dispatch_copies_append_only BEFORE UPDATE OR DELETE ON dispatch_copies FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER dispatch_events_append_only BEFORE UPDATE OR DELETE ON dispatch_events FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER urges_append_only BEFORE UPDATE OR DELETE ON urges FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER submission_values_no_update BEFORE UPDATE ON submission_values FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER roster_rows_no_update BEFORE UPDATE ON roster_rows FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
-- A file is uploaded first and attached to its feedback once; after that it is frozen.
CREATE TRIGGER dispatch_files_attach_once BEFORE UPDATE ON dispatch_files FOR EACH ROW WHEN (OLD.event_id IS NOT NULL OR NEW.sha256 <> OLD.sha256 OR NEW.copy_id <> OLD.copy_id) EXECUTE FUNCTION dudao_append_only();
--> statement-breakpoint
CREATE TRIGGER dispatch_files_no_delete BEFORE DELETE ON dispatch_files FOR EACH ROW EXECUTE FUNCTION dudao_append_only();
