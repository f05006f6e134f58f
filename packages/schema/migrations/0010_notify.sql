CREATE TABLE `notify_channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_code` text NOT NULL,
	`kind` text NOT NULL,
	`config` text NOT NULL,
	`secret` text,
	`enabled` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notify_channels_unit_kind` ON `notify_channels` (`unit_code`,`kind`);--> statement-breakpoint
CREATE TABLE `notify_prefs` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`email` text,
	`phone` text,
	`choices` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_code` text NOT NULL,
	`kind` text NOT NULL,
	`channel_id` integer NOT NULL,
	`address` text,
	`dedupe_key` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`payload` text NOT NULL,
	`condition` text,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` text NOT NULL,
	`claimed_by` text,
	`claimed_until` text,
	`inflight_at` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`state`,`next_at`);--> statement-breakpoint
CREATE TABLE `outbox_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`at` text NOT NULL,
	`worker` text NOT NULL,
	`ok` integer NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `outbox_attempts_message_idx` ON `outbox_attempts` (`message_id`);--> statement-breakpoint
CREATE TABLE `notify_schedule` (
	`campaign_code` text PRIMARY KEY NOT NULL,
	`evaluated_through` text NOT NULL
);
