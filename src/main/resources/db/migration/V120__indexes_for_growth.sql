-- Indexes for the queries whose cost grew with the data (issue 15, point 6).
-- The audit log filtered by a round: entries about the round itself, about one of its applications, or
-- naming it in their details.
CREATE INDEX audit_entry_subject_id_idx ON audit_entry (subject_id);
CREATE INDEX audit_entry_round_idx ON audit_entry ((details ->> 'round')) WHERE details ->> 'round' IS NOT NULL;
-- The officers' follow-up list and its export, newest first, a page or a batch at a time.
CREATE INDEX funded_partnership_starts_idx ON funded_partnership (starts_on DESC NULLS LAST, key);
