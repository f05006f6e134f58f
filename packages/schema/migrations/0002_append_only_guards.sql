-- History tables are append-only: the database itself refuses to rewrite or erase them.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER report_events_no_update BEFORE UPDATE ON report_events BEGIN SELECT RAISE(ABORT, 'report_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER report_events_no_delete BEFORE DELETE ON report_events BEGIN SELECT RAISE(ABORT, 'report_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER report_values_no_update BEFORE UPDATE ON report_values BEGIN SELECT RAISE(ABORT, 'report_values is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER report_values_no_delete BEFORE DELETE ON report_values BEGIN SELECT RAISE(ABORT, 'report_values is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER submission_values_no_update BEFORE UPDATE ON submission_values BEGIN SELECT RAISE(ABORT, 'submission_values is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER roster_rows_no_update BEFORE UPDATE ON roster_rows BEGIN SELECT RAISE(ABORT, 'roster_rows is append-only'); END;
