CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`username` text NOT NULL,
	`address` text NOT NULL,
	`ok` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_address_idx` ON `login_attempts` (`address`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_username_idx` ON `login_attempts` (`username`,`at`);--> statement-breakpoint
CREATE TABLE `rectification_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`content` blob NOT NULL,
	`uploaded_at` text NOT NULL,
	`actor_id` integer,
	FOREIGN KEY (`item_id`) REFERENCES `rectification_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rectification_evidence_item_idx` ON `rectification_evidence` (`item_id`);--> statement-breakpoint
CREATE TABLE `supervision_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target` text NOT NULL,
	`target_id` integer NOT NULL,
	`action` text NOT NULL,
	`changes` text,
	`reason` text NOT NULL,
	`recorded_at` text NOT NULL,
	`actor_id` integer
);
--> statement-breakpoint
CREATE INDEX `supervision_revisions_target_idx` ON `supervision_revisions` (`target`,`target_id`);--> statement-breakpoint
CREATE TABLE `clock_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mode` text NOT NULL,
	`campaign_at` text,
	`set_at` text NOT NULL,
	`set_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dispatch_copies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`county_code` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `dispatch_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispatch_copies_order_idx` ON `dispatch_copies` (`order_id`);--> statement-breakpoint
CREATE INDEX `dispatch_copies_county_idx` ON `dispatch_copies` (`county_code`);--> statement-breakpoint
CREATE TABLE `dispatch_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`copy_id` integer NOT NULL,
	`action` text NOT NULL,
	`text` text,
	`ask_close` integer DEFAULT false NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor` text NOT NULL,
	FOREIGN KEY (`copy_id`) REFERENCES `dispatch_copies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispatch_events_copy_idx` ON `dispatch_events` (`copy_id`,`at`);--> statement-breakpoint
CREATE TABLE `dispatch_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`copy_id` integer NOT NULL,
	`event_id` integer,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`uploaded_at` text NOT NULL,
	`actor_id` integer,
	FOREIGN KEY (`copy_id`) REFERENCES `dispatch_copies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `dispatch_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispatch_files_copy_idx` ON `dispatch_files` (`copy_id`);--> statement-breakpoint
CREATE TABLE `dispatch_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issuer_unit` text NOT NULL,
	`title` text NOT NULL,
	`matter` text NOT NULL,
	`level` text NOT NULL,
	`deadline` text NOT NULL,
	`quotes` text NOT NULL,
	`issued_at` text NOT NULL,
	`actor_id` integer,
	`actor` text NOT NULL,
	FOREIGN KEY (`issuer_unit`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `urges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`unit_code` text NOT NULL,
	`period` text,
	`order_id` integer,
	`at` text NOT NULL,
	`actor_id` integer,
	`actor` text NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `dispatch_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `urges_unit_idx` ON `urges` (`unit_code`,`kind`);--> statement-breakpoint
CREATE TABLE `document_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_code` text NOT NULL,
	`doc_number` text,
	`signer` text,
	`contact_name` text,
	`contact_phone` text,
	`copy_to` text,
	`recipient` text,
	`saved_at` text NOT NULL,
	`saved_by` integer,
	FOREIGN KEY (`unit_code`) REFERENCES `org_units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_settings_unit_idx` ON `document_settings` (`unit_code`,`id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `address` text;