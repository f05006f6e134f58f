CREATE TABLE `data_version` (
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `generated_reports_version` ON `generated_reports` (`campaign_code`,`kind`,`unit_code`,`version`);