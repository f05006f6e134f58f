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
CREATE INDEX `supervision_revisions_target_idx` ON `supervision_revisions` (`target`,`target_id`);