CREATE TABLE "data_version" (
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "case_uploads_county_idx";--> statement-breakpoint
DROP INDEX "city_summaries_city_idx";--> statement-breakpoint
DROP INDEX "dispatch_copies_county_idx";--> statement-breakpoint
DROP INDEX "document_settings_unit_idx";--> statement-breakpoint
DROP INDEX "generated_reports_unit_idx";--> statement-breakpoint
DROP INDEX "notices_user_idx";--> statement-breakpoint
DROP INDEX "report_submissions_county_idx";--> statement-breakpoint
DROP INDEX "roster_uploads_county_idx";--> statement-breakpoint
DROP INDEX "supervision_visits_county_idx";--> statement-breakpoint
DROP INDEX "urges_unit_idx";--> statement-breakpoint
ALTER TABLE "case_uploads" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "city_summaries" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatch_copies" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatch_events" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatch_orders" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_settings" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "generated_reports" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_uploads" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_visits" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
ALTER TABLE "urges" ADD COLUMN "campaign_code" text DEFAULT 'anhui-2021' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "generated_reports_version" ON "generated_reports" USING btree ("campaign_code","kind","unit_code","version");--> statement-breakpoint
CREATE INDEX "case_uploads_county_idx" ON "case_uploads" USING btree ("campaign_code","county_code","uploaded_at");--> statement-breakpoint
CREATE INDEX "city_summaries_city_idx" ON "city_summaries" USING btree ("campaign_code","city_code","submitted_at");--> statement-breakpoint
CREATE INDEX "dispatch_copies_county_idx" ON "dispatch_copies" USING btree ("campaign_code","county_code");--> statement-breakpoint
CREATE INDEX "document_settings_unit_idx" ON "document_settings" USING btree ("campaign_code","unit_code","id");--> statement-breakpoint
CREATE INDEX "generated_reports_unit_idx" ON "generated_reports" USING btree ("campaign_code","unit_code","kind");--> statement-breakpoint
CREATE INDEX "notices_user_idx" ON "notices" USING btree ("user_id","campaign_code","created_at");--> statement-breakpoint
CREATE INDEX "report_submissions_county_idx" ON "report_submissions" USING btree ("campaign_code","county_code","submitted_at");--> statement-breakpoint
CREATE INDEX "roster_uploads_county_idx" ON "roster_uploads" USING btree ("campaign_code","county_code","uploaded_at");--> statement-breakpoint
CREATE INDEX "supervision_visits_county_idx" ON "supervision_visits" USING btree ("campaign_code","county_code");--> statement-breakpoint
CREATE INDEX "urges_unit_idx" ON "urges" USING btree ("campaign_code","unit_code","kind");