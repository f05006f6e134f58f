-- data_version counts the writes every cache is built from; each write bumps it inside its own transaction.
-- Bulk child rows (roster_rows, case_records, submission_values) are written with their parent upload in one
-- transaction, so the parent's bump covers them; sessions, login attempts, read marks and the audit log feed no cache.
INSERT INTO `data_version` (`version`) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM `data_version`);
--> statement-breakpoint
CREATE TRIGGER campaigns_bumps_data_version_insert AFTER INSERT ON campaigns BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER campaigns_bumps_data_version_update AFTER UPDATE ON campaigns BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER campaigns_bumps_data_version_delete AFTER DELETE ON campaigns BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER users_bumps_data_version_insert AFTER INSERT ON users BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER users_bumps_data_version_update AFTER UPDATE ON users BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER users_bumps_data_version_delete AFTER DELETE ON users BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER clock_settings_bumps_data_version_insert AFTER INSERT ON clock_settings BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER clock_settings_bumps_data_version_update AFTER UPDATE ON clock_settings BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER clock_settings_bumps_data_version_delete AFTER DELETE ON clock_settings BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_bumps_data_version_insert AFTER INSERT ON monthly_reports BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_bumps_data_version_update AFTER UPDATE ON monthly_reports BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_bumps_data_version_delete AFTER DELETE ON monthly_reports BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER report_events_bumps_data_version_insert AFTER INSERT ON report_events BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER report_events_bumps_data_version_update AFTER UPDATE ON report_events BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER report_events_bumps_data_version_delete AFTER DELETE ON report_events BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER report_values_bumps_data_version_insert AFTER INSERT ON report_values BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER report_values_bumps_data_version_update AFTER UPDATE ON report_values BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER report_values_bumps_data_version_delete AFTER DELETE ON report_values BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER report_submissions_bumps_data_version_insert AFTER INSERT ON report_submissions BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER report_submissions_bumps_data_version_update AFTER UPDATE ON report_submissions BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER report_submissions_bumps_data_version_delete AFTER DELETE ON report_submissions BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER roster_uploads_bumps_data_version_insert AFTER INSERT ON roster_uploads BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER roster_uploads_bumps_data_version_update AFTER UPDATE ON roster_uploads BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER roster_uploads_bumps_data_version_delete AFTER DELETE ON roster_uploads BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER case_uploads_bumps_data_version_insert AFTER INSERT ON case_uploads BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER case_uploads_bumps_data_version_update AFTER UPDATE ON case_uploads BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER case_uploads_bumps_data_version_delete AFTER DELETE ON case_uploads BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER supervision_visits_bumps_data_version_insert AFTER INSERT ON supervision_visits BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER supervision_visits_bumps_data_version_update AFTER UPDATE ON supervision_visits BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER supervision_visits_bumps_data_version_delete AFTER DELETE ON supervision_visits BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER supervision_revisions_bumps_data_version_insert AFTER INSERT ON supervision_revisions BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER supervision_revisions_bumps_data_version_update AFTER UPDATE ON supervision_revisions BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER supervision_revisions_bumps_data_version_delete AFTER DELETE ON supervision_revisions BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER rectification_items_bumps_data_version_insert AFTER INSERT ON rectification_items BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER rectification_items_bumps_data_version_update AFTER UPDATE ON rectification_items BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER rectification_items_bumps_data_version_delete AFTER DELETE ON rectification_items BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER rectification_evidence_bumps_data_version_insert AFTER INSERT ON rectification_evidence BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER rectification_evidence_bumps_data_version_update AFTER UPDATE ON rectification_evidence BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER rectification_evidence_bumps_data_version_delete AFTER DELETE ON rectification_evidence BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER generated_reports_bumps_data_version_insert AFTER INSERT ON generated_reports BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER generated_reports_bumps_data_version_update AFTER UPDATE ON generated_reports BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER generated_reports_bumps_data_version_delete AFTER DELETE ON generated_reports BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER city_summaries_bumps_data_version_insert AFTER INSERT ON city_summaries BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER city_summaries_bumps_data_version_update AFTER UPDATE ON city_summaries BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER city_summaries_bumps_data_version_delete AFTER DELETE ON city_summaries BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER document_settings_bumps_data_version_insert AFTER INSERT ON document_settings BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER document_settings_bumps_data_version_update AFTER UPDATE ON document_settings BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER document_settings_bumps_data_version_delete AFTER DELETE ON document_settings BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_orders_bumps_data_version_insert AFTER INSERT ON dispatch_orders BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_orders_bumps_data_version_update AFTER UPDATE ON dispatch_orders BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_orders_bumps_data_version_delete AFTER DELETE ON dispatch_orders BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_copies_bumps_data_version_insert AFTER INSERT ON dispatch_copies BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_copies_bumps_data_version_update AFTER UPDATE ON dispatch_copies BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_copies_bumps_data_version_delete AFTER DELETE ON dispatch_copies BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_events_bumps_data_version_insert AFTER INSERT ON dispatch_events BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_events_bumps_data_version_update AFTER UPDATE ON dispatch_events BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_events_bumps_data_version_delete AFTER DELETE ON dispatch_events BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_files_bumps_data_version_insert AFTER INSERT ON dispatch_files BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_files_bumps_data_version_update AFTER UPDATE ON dispatch_files BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER dispatch_files_bumps_data_version_delete AFTER DELETE ON dispatch_files BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER urges_bumps_data_version_insert AFTER INSERT ON urges BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER urges_bumps_data_version_update AFTER UPDATE ON urges BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER urges_bumps_data_version_delete AFTER DELETE ON urges BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER notices_bumps_data_version_insert AFTER INSERT ON notices BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER notices_bumps_data_version_update AFTER UPDATE ON notices BEGIN UPDATE data_version SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER notices_bumps_data_version_delete AFTER DELETE ON notices BEGIN UPDATE data_version SET version = version + 1; END;
