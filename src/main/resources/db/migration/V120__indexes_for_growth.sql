-- Indexes for the queries whose cost grew with the data (issue 15, point 6).
-- The audit log filtered by a round: entries about the round itself, about one of its applications, or
-- naming it in their details.
CREATE INDEX audit_entry_subject_id_idx ON audit_entry (subject_id);
CREATE INDEX audit_entry_round_idx ON audit_entry ((details ->> 'round')) WHERE details ->> 'round' IS NOT NULL;
