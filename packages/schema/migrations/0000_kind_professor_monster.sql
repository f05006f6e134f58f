CREATE TABLE `org_units` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_code` text,
	`kind` text
);
--> statement-breakpoint
CREATE INDEX `org_units_parent_idx` ON `org_units` (`parent_code`);--> statement-breakpoint
CREATE INDEX `org_units_level_idx` ON `org_units` (`level`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`scope_code` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`scope_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`unit_code` text,
	`period` text,
	`field` text,
	`old_value` text,
	`new_value` text
);
--> statement-breakpoint
CREATE INDEX `audit_unit_idx` ON `audit_log` (`unit_code`,`period`,`field`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`code` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	PRIMARY KEY(`code`, `version`)
);
--> statement-breakpoint
CREATE TABLE `monthly_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_code` text NOT NULL,
	`county_code` text NOT NULL,
	`period` text NOT NULL,
	`state` text NOT NULL,
	`version` integer NOT NULL,
	`due_on` text NOT NULL,
	`first_submitted_at` text,
	`edits_after_submit` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monthly_reports_county_period` ON `monthly_reports` (`campaign_code`,`county_code`,`period`);--> statement-breakpoint
CREATE TABLE `report_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`version` integer NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor` text NOT NULL,
	`reason` text,
	FOREIGN KEY (`report_id`) REFERENCES `monthly_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_events_report_idx` ON `report_events` (`report_id`);--> statement-breakpoint
CREATE TABLE `report_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`county_code` text NOT NULL,
	`period` text NOT NULL,
	`submitted_at` text NOT NULL,
	`actor_id` integer,
	FOREIGN KEY (`report_id`) REFERENCES `monthly_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_submissions_county_idx` ON `report_submissions` (`county_code`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `report_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`field` text NOT NULL,
	`value` text,
	`comment` text,
	`recorded_at` text NOT NULL,
	`actor_id` integer,
	FOREIGN KEY (`report_id`) REFERENCES `monthly_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_values_report_field_idx` ON `report_values` (`report_id`,`field`);--> statement-breakpoint
CREATE TABLE `submission_values` (
	`submission_id` integer NOT NULL,
	`field` text NOT NULL,
	`value` text,
	`comment` text,
	PRIMARY KEY(`submission_id`, `field`),
	FOREIGN KEY (`submission_id`) REFERENCES `report_submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `roster_rows` (
	`upload_id` integer NOT NULL,
	`village_code` text NOT NULL,
	`village_name` text NOT NULL,
	`long_term_recipients` integer NOT NULL,
	`civil_affairs_member` integer NOT NULL,
	`coordinators` integer NOT NULL,
	`coordinators_full_time` integer NOT NULL,
	`coordinator_pay` real,
	`stations` integer NOT NULL,
	PRIMARY KEY(`upload_id`, `village_code`),
	FOREIGN KEY (`upload_id`) REFERENCES `roster_uploads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `roster_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`county_code` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`actor_id` integer,
	`actor` text NOT NULL,
	`file_name` text,
	`row_count` integer NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `roster_uploads_county_idx` ON `roster_uploads` (`county_code`,`uploaded_at`);--> statement-breakpoint
CREATE TABLE `case_records` (
	`upload_id` integer NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`township_code` text NOT NULL,
	`applied_on` text NOT NULL,
	`decided_on` text,
	PRIMARY KEY(`upload_id`, `case_id`),
	FOREIGN KEY (`upload_id`) REFERENCES `case_uploads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`county_code` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`actor_id` integer,
	`actor` text NOT NULL,
	`file_name` text,
	`row_count` integer NOT NULL,
	FOREIGN KEY (`county_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_uploads_county_idx` ON `case_uploads` (`county_code`,`uploaded_at`);--> statement-breakpoint
CREATE TABLE `rectification_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`visit_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`evidence` text,
	`created_at` text NOT NULL,
	`closed_at` text,
	`closed_by` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `supervision_visits`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rectification_items_visit_idx` ON `rectification_items` (`visit_id`);--> statement-breakpoint
CREATE TABLE `supervision_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`county_code` text NOT NULL,
	`visited_on` text NOT NULL,
	`by_level` text NOT NULL,
	`visitors` text NOT NULL,
	`findings` text NOT NULL,
	`recorded_at` text NOT NULL,
	`actor_id` integer,
	FOREIGN KEY (`county_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supervision_visits_county_idx` ON `supervision_visits` (`county_code`);--> statement-breakpoint
CREATE TABLE `city_summaries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city_code` text NOT NULL,
	`report_id` integer,
	`submitted_at` text NOT NULL,
	`actor_id` integer,
	`actor` text NOT NULL,
	FOREIGN KEY (`city_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `generated_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `city_summaries_city_idx` ON `city_summaries` (`city_code`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `generated_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`unit_code` text NOT NULL,
	`as_of` text NOT NULL,
	`version` integer NOT NULL,
	`file_name` text NOT NULL,
	`content` blob NOT NULL,
	`generated_at` text NOT NULL,
	`generated_by` integer,
	FOREIGN KEY (`unit_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `generated_reports_unit_idx` ON `generated_reports` (`unit_code`,`kind`);