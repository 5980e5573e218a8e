-- Past rounds as the programme's public pages announce them: the note in both languages, the number
-- of grantees as stated, how exact the stated total is, and, for an announcement the pages do not
-- date, an estimated date that only orders the list (the note says it is inferred).
ALTER TABLE round ADD COLUMN note_en TEXT;
ALTER TABLE round ADD COLUMN grantees_count INT CHECK (grantees_count >= 0);
ALTER TABLE round ADD COLUMN budget_precision TEXT NOT NULL DEFAULT 'exact'
  CHECK (budget_precision IN ('exact', 'upper-bound', 'lower-bound', 'rounded'));
ALTER TABLE round ADD COLUMN estimated_on DATE;

-- The programme's contact persons, shown on its page as content. Never a login, never a recipient:
-- nothing in the platform sends mail to these addresses.
CREATE TABLE contact_person (
  programme_key TEXT NOT NULL REFERENCES programme(key),
  key TEXT NOT NULL,
  position INT NOT NULL,
  name TEXT NOT NULL,
  role_sv TEXT,
  role_en TEXT,
  phone TEXT,
  email TEXT,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (programme_key, key)
);
