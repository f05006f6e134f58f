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
CREATE INDEX `document_settings_unit_idx` ON `document_settings` (`unit_code`,`id`);