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
