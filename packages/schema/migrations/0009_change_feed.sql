-- The change feed replaces data_version (docs/ENGINES.md "Change feed"): no counter row, so writers never queue on one
-- lock; each write of a figure table appends what it changed, from the row's own stamp, so no service can forget it.
DROP TRIGGER IF EXISTS `campaigns_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `campaigns_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `campaigns_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `users_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `users_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `users_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `clock_settings_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `clock_settings_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `clock_settings_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `monthly_reports_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `monthly_reports_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `monthly_reports_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_events_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_events_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_events_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_values_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_values_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_values_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_submissions_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_submissions_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `report_submissions_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `roster_uploads_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `roster_uploads_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `roster_uploads_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `case_uploads_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `case_uploads_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `case_uploads_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `supervision_visits_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `supervision_visits_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `supervision_visits_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `supervision_revisions_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `supervision_revisions_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `supervision_revisions_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rectification_items_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rectification_items_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rectification_items_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rectification_evidence_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rectification_evidence_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `rectification_evidence_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `generated_reports_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `generated_reports_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `generated_reports_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `city_summaries_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `city_summaries_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `city_summaries_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `document_settings_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `document_settings_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `document_settings_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_orders_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_orders_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_orders_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_copies_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_copies_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_copies_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_events_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_events_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_events_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_files_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_files_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `dispatch_files_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `urges_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `urges_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `urges_bumps_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `notices_bumps_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `notices_bumps_data_version_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `notices_bumps_data_version_delete`;
--> statement-breakpoint
DROP TABLE `data_version`;
--> statement-breakpoint
CREATE TABLE `change_feed` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_code` text NOT NULL,
	`from_day` text NOT NULL,
	`counties` text NOT NULL,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
-- A figure row changes its own county (a summary its city) from the Beijing day of its stamp on; an unreadable stamp, every day.
CREATE TRIGGER `report_submissions_feeds_change_feed` AFTER INSERT ON `report_submissions` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, coalesce(date(NEW.submitted_at, '+8 hours'), '0000-01-01'), NEW.county_code, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `report_submissions_feeds_change_feed_update` AFTER UPDATE ON `report_submissions` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `report_submissions_feeds_change_feed_delete` AFTER DELETE ON `report_submissions` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (OLD.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `roster_uploads_feeds_change_feed` AFTER INSERT ON `roster_uploads` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, coalesce(date(NEW.uploaded_at, '+8 hours'), '0000-01-01'), NEW.county_code, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `roster_uploads_feeds_change_feed_update` AFTER UPDATE ON `roster_uploads` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `roster_uploads_feeds_change_feed_delete` AFTER DELETE ON `roster_uploads` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (OLD.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `case_uploads_feeds_change_feed` AFTER INSERT ON `case_uploads` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, coalesce(date(NEW.uploaded_at, '+8 hours'), '0000-01-01'), NEW.county_code, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `case_uploads_feeds_change_feed_update` AFTER UPDATE ON `case_uploads` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `case_uploads_feeds_change_feed_delete` AFTER DELETE ON `case_uploads` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (OLD.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `supervision_visits_feeds_change_feed` AFTER INSERT ON `supervision_visits` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, coalesce(date(NEW.recorded_at, '+8 hours'), '0000-01-01'), NEW.county_code, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `supervision_visits_feeds_change_feed_update` AFTER UPDATE ON `supervision_visits` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `supervision_visits_feeds_change_feed_delete` AFTER DELETE ON `supervision_visits` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (OLD.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `city_summaries_feeds_change_feed` AFTER INSERT ON `city_summaries` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, coalesce(date(NEW.submitted_at, '+8 hours'), '0000-01-01'), NEW.city_code, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `city_summaries_feeds_change_feed_update` AFTER UPDATE ON `city_summaries` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `city_summaries_feeds_change_feed_delete` AFTER DELETE ON `city_summaries` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (OLD.campaign_code, '0000-01-01', '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
-- A campaign (re)installed may be judged differently on every one of its days; a clock setting moves where new stamps fall.
CREATE TRIGGER `campaigns_feeds_change_feed` AFTER INSERT ON `campaigns` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES (NEW.code, coalesce(json_extract(NEW.definition, '$.start'), '0000-01-01'), '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
--> statement-breakpoint
CREATE TRIGGER `clock_settings_feeds_change_feed` AFTER INSERT ON `clock_settings` BEGIN INSERT INTO change_feed (campaign_code, from_day, counties, recorded_at) VALUES ('*', coalesce(date(NEW.campaign_at, '+8 hours'), '0000-01-01'), '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END;
