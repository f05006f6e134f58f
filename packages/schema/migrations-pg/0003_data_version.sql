-- data_version counts the writes every cache is built from; each write bumps it inside its own transaction.
-- Bulk child rows (roster_rows, case_records, submission_values) are written with their parent upload in one
-- transaction, so the parent's bump covers them; sessions, login attempts, read marks and the audit log feed no cache.
INSERT INTO data_version (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM data_version);
--> statement-breakpoint
-- One bump per statement: a row lock on the counter orders concurrent writers, and a bulk insert costs one update.
CREATE FUNCTION dudao_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER campaigns_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON campaigns FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER users_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER clock_settings_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON clock_settings FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER monthly_reports_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON monthly_reports FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER report_events_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON report_events FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER report_values_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON report_values FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER report_submissions_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON report_submissions FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER roster_uploads_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON roster_uploads FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER case_uploads_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON case_uploads FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER supervision_visits_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON supervision_visits FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER supervision_revisions_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON supervision_revisions FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER rectification_items_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON rectification_items FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER rectification_evidence_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON rectification_evidence FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER generated_reports_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON generated_reports FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER city_summaries_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON city_summaries FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER document_settings_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON document_settings FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER dispatch_orders_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON dispatch_orders FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER dispatch_copies_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON dispatch_copies FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER dispatch_events_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON dispatch_events FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER dispatch_files_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON dispatch_files FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER urges_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON urges FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
--> statement-breakpoint
CREATE TRIGGER notices_bumps_data_version AFTER INSERT OR UPDATE OR DELETE ON notices FOR EACH STATEMENT EXECUTE FUNCTION dudao_bump_data_version();
