-- The approved budget per line that a case officer sets when less is granted than applied for: the
-- lines of the submitted budget (by their position in it) with what each may spend. A decision
-- recorded before this table has no lines; its project's budget is shared in proportion as before.
CREATE TABLE decision_budget_line (
  application_id UUID NOT NULL REFERENCES decision(application_id) ON DELETE CASCADE,
  position INT NOT NULL CHECK (position > 0),
  applied_sek BIGINT NOT NULL CHECK (applied_sek >= 0),
  approved_sek BIGINT NOT NULL CHECK (approved_sek >= 0),
  PRIMARY KEY (application_id, position)
);

-- The agreement as it was when it was countersigned, in both languages: what was signed stays what is
-- shown, whatever later happens to the project's data. Agreements countersigned before this column
-- existed have no frozen copy and are rendered as before.
ALTER TABLE project_agreement
  ADD COLUMN signed_pdf_sv BYTEA,
  ADD COLUMN signed_pdf_en BYTEA;
