-- Corrections and evidence of supervision are history: the database refuses to rewrite or erase them.
CREATE TRIGGER supervision_revisions_no_update BEFORE UPDATE ON supervision_revisions BEGIN SELECT RAISE(ABORT, 'supervision_revisions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER supervision_revisions_no_delete BEFORE DELETE ON supervision_revisions BEGIN SELECT RAISE(ABORT, 'supervision_revisions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER rectification_evidence_no_update BEFORE UPDATE ON rectification_evidence BEGIN SELECT RAISE(ABORT, 'rectification_evidence is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER rectification_evidence_no_delete BEFORE DELETE ON rectification_evidence BEGIN SELECT RAISE(ABORT, 'rectification_evidence is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER supervision_visits_no_delete BEFORE DELETE ON supervision_visits BEGIN SELECT RAISE(ABORT, 'supervision_visits are voided, never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER supervision_visits_no_update BEFORE UPDATE ON supervision_visits BEGIN SELECT RAISE(ABORT, 'supervision_visits are corrected by revisions'); END;

--> statement-breakpoint
-- Dispatch history is append-only: orders, copies, events and urges are never rewritten or erased.
CREATE TRIGGER dispatch_orders_no_update BEFORE UPDATE ON dispatch_orders BEGIN SELECT RAISE(ABORT, 'dispatch_orders is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER dispatch_orders_no_delete BEFORE DELETE ON dispatch_orders BEGIN SELECT RAISE(ABORT, 'dispatch_orders is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER dispatch_copies_no_update BEFORE UPDATE ON dispatch_copies BEGIN SELECT RAISE(ABORT, 'dispatch_copies is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER dispatch_copies_no_delete BEFORE DELETE ON dispatch_copies BEGIN SELECT RAISE(ABORT, 'dispatch_copies is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER dispatch_events_no_update BEFORE UPDATE ON dispatch_events BEGIN SELECT RAISE(ABORT, 'dispatch_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER dispatch_events_no_delete BEFORE DELETE ON dispatch_events BEGIN SELECT RAISE(ABORT, 'dispatch_events is append-only'); END;
--> statement-breakpoint
-- A file is uploaded first and attached to its feedback once; after that it is frozen.
CREATE TRIGGER dispatch_files_attach_once BEFORE UPDATE ON dispatch_files WHEN OLD.event_id IS NOT NULL OR NEW.sha256 <> OLD.sha256 OR NEW.copy_id <> OLD.copy_id BEGIN SELECT RAISE(ABORT, 'dispatch_files is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER dispatch_files_no_delete BEFORE DELETE ON dispatch_files BEGIN SELECT RAISE(ABORT, 'dispatch_files is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER urges_no_update BEFORE UPDATE ON urges BEGIN SELECT RAISE(ABORT, 'urges is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER urges_no_delete BEFORE DELETE ON urges BEGIN SELECT RAISE(ABORT, 'urges is append-only'); END;




