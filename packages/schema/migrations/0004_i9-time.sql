CREATE TABLE `clock_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mode` text NOT NULL,
	`campaign_at` text,
	`set_at` text NOT NULL,
	`set_by` text NOT NULL
);
