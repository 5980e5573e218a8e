-- Submission: a submitted application keeps a reference number for life (withdrawing and submitting
-- again keeps it) and one immutable snapshot per submission, with its PDF copy. The reference's
-- sequence (KP-2026-H-0042) is per round and gapless: a counter row taken with an upsert ... RETURNING
-- inside the submitting transaction (a rolled-back submission gives its number back). The counter
-- is keyed by the reference's prefix, which names the round (programme, year, season), so that two
-- rounds in one season could never hand out the same reference.
ALTER TABLE application ADD COLUMN reference TEXT UNIQUE;
ALTER TABLE application ADD COLUMN submitted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE application ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE reference_counter (
  prefix TEXT PRIMARY KEY,
  last_number INT NOT NULL CHECK (last_number > 0)
);

-- One row per submission; nothing ever updates or deletes one (the trigger refuses it).
-- idempotency_key comes from the submit form (one per rendering): the same form posted twice
-- (double click, retry after a time-out) finds its earlier submission instead of making a second.
CREATE TABLE submission (
  id UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application(id),
  version INT NOT NULL CHECK (version >= 1),
  reference TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 100),
  snapshot JSONB NOT NULL,
  pdf BYTEA NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('sv', 'en')),
  submitted_by TEXT NOT NULL,
  submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (application_id, version)
);
CREATE INDEX submission_reference_idx ON submission (reference);

CREATE FUNCTION submission_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a submission is immutable (%)', OLD.reference;
END $$;
CREATE TRIGGER submission_immutable BEFORE UPDATE OR DELETE ON submission
  FOR EACH ROW EXECUTE FUNCTION submission_is_immutable();
