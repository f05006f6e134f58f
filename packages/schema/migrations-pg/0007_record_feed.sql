-- Records feed the change feed too (docs/ENGINES.md "Change feed"), as in SQLite migration 0011: a row of kind 'records'
-- names the counties (or the city, for an urge on a city summary) whose records a statement added, one row per
-- campaign; the status and forecast caches skip such rows.
ALTER TABLE "change_feed" ADD COLUMN "kind" text DEFAULT 'figures' NOT NULL;
--> statement-breakpoint
CREATE FUNCTION dudao_feed_monthly_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (campaign_code, from_day, counties, kind, recorded_at)
  SELECT n.campaign_code, min(dudao_beijing_day(n.created_at)), string_agg(DISTINCT n.county_code, ',' ORDER BY n.county_code), 'records', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  FROM new_rows n GROUP BY n.campaign_code;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_feeds_change_feed AFTER INSERT ON monthly_reports REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_monthly_reports();
--> statement-breakpoint
CREATE FUNCTION dudao_feed_report_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (campaign_code, from_day, counties, kind, recorded_at)
  SELECT m.campaign_code, min(dudao_beijing_day(n.at)), string_agg(DISTINCT m.county_code, ',' ORDER BY m.county_code), 'records', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  FROM new_rows n JOIN monthly_reports m ON m.id = n.report_id GROUP BY m.campaign_code;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_events_feeds_change_feed AFTER INSERT ON report_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_report_events();
--> statement-breakpoint
CREATE FUNCTION dudao_feed_dispatch_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (campaign_code, from_day, counties, kind, recorded_at)
  SELECT n.campaign_code, min(dudao_beijing_day(o.issued_at)), string_agg(DISTINCT n.county_code, ',' ORDER BY n.county_code), 'records', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  FROM new_rows n JOIN dispatch_orders o ON o.id = n.order_id GROUP BY n.campaign_code;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dispatch_copies_feeds_change_feed AFTER INSERT ON dispatch_copies REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_dispatch_copies();
--> statement-breakpoint
CREATE FUNCTION dudao_feed_dispatch_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (campaign_code, from_day, counties, kind, recorded_at)
  SELECT n.campaign_code, min(dudao_beijing_day(n.at)), string_agg(DISTINCT c.county_code, ',' ORDER BY c.county_code), 'records', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  FROM new_rows n JOIN dispatch_copies c ON c.id = n.copy_id GROUP BY n.campaign_code;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dispatch_events_feeds_change_feed AFTER INSERT ON dispatch_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_dispatch_events();
--> statement-breakpoint
CREATE FUNCTION dudao_feed_urges() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (campaign_code, from_day, counties, kind, recorded_at)
  SELECT n.campaign_code, min(dudao_beijing_day(n.at)), string_agg(DISTINCT n.unit_code, ',' ORDER BY n.unit_code), 'records', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  FROM new_rows n GROUP BY n.campaign_code;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER urges_feeds_change_feed AFTER INSERT ON urges REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_urges();
--> statement-breakpoint
CREATE FUNCTION dudao_feed_supervision_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (campaign_code, from_day, counties, kind, recorded_at)
  SELECT v.campaign_code, min(dudao_beijing_day(n.recorded_at)), string_agg(DISTINCT v.county_code, ',' ORDER BY v.county_code), 'records', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  FROM new_rows n LEFT JOIN rectification_items i ON n.target = 'item' AND i.id = n.target_id JOIN supervision_visits v ON v.id = CASE WHEN n.target = 'visit' THEN n.target_id ELSE i.visit_id END GROUP BY v.campaign_code;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER supervision_revisions_feeds_change_feed AFTER INSERT ON supervision_revisions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_supervision_revisions();
--> statement-breakpoint
CREATE FUNCTION dudao_feed_rectification_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (campaign_code, from_day, counties, kind, recorded_at)
  SELECT v.campaign_code, min(dudao_beijing_day(coalesce(n.closed_at, n.created_at))), string_agg(DISTINCT v.county_code, ',' ORDER BY v.county_code), 'records', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  FROM new_rows n JOIN supervision_visits v ON v.id = n.visit_id GROUP BY v.campaign_code;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER rectification_items_feeds_change_feed AFTER INSERT ON rectification_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_rectification_items();
--> statement-breakpoint
CREATE TRIGGER rectification_items_feeds_change_feed_update AFTER UPDATE ON rectification_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_rectification_items();
--> statement-breakpoint
CREATE FUNCTION dudao_feed_rectification_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (campaign_code, from_day, counties, kind, recorded_at)
  SELECT v.campaign_code, min(dudao_beijing_day(n.uploaded_at)), string_agg(DISTINCT v.county_code, ',' ORDER BY v.county_code), 'records', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  FROM new_rows n JOIN rectification_items i ON i.id = n.item_id JOIN supervision_visits v ON v.id = i.visit_id GROUP BY v.campaign_code;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER rectification_evidence_feeds_change_feed AFTER INSERT ON rectification_evidence REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_rectification_evidence();
--> statement-breakpoint
-- A deleted report or item is never made; should one be, it reaches every unit's answers on every day.
CREATE FUNCTION dudao_feed_all_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_feed (campaign_code, from_day, counties, kind, recorded_at) VALUES ('*', '0000-01-01', '*', 'records', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_feeds_change_feed_delete AFTER DELETE ON monthly_reports FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_all_records();
--> statement-breakpoint
CREATE TRIGGER rectification_items_feeds_change_feed_delete AFTER DELETE ON rectification_items FOR EACH STATEMENT EXECUTE FUNCTION dudao_feed_all_records();
