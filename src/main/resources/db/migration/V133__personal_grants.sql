-- A grant to a person (issue 17; the fieldwork grant): recorded when the round's decisions are published, followed
-- up here instead of as a funded partnership. The grantee accepts it; the lump sum (the programme's one tranche of
-- 100 %, V125) is then due and an officer records it paid; after the fieldwork the grantee writes a field report,
-- and sends the thesis once it is approved. Listed publicly only with the grantee's consent (the application's
-- answer), with name, university, country and title only.
CREATE TABLE personal_grant (
  application_id UUID PRIMARY KEY REFERENCES application(id),
  programme_key TEXT NOT NULL REFERENCES programme(key),
  round_id UUID NOT NULL REFERENCES round(id),
  grantee_user_id UUID NOT NULL REFERENCES app_user(id),
  reference TEXT NOT NULL,
  title TEXT NOT NULL,
  affiliation TEXT NOT NULL DEFAULT '',
  country_iso2 CHAR(2),
  amount_sek BIGINT NOT NULL CHECK (amount_sek > 0),
  listing_consent BOOLEAN NOT NULL DEFAULT false,
  decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
  accepted_at TIMESTAMP WITH TIME ZONE,
  paid_at TIMESTAMP WITH TIME ZONE,
  paid_by TEXT,
  field_report TEXT CHECK (length(field_report) <= 10000),
  field_report_at TIMESTAMP WITH TIME ZONE,
  thesis_name TEXT,
  thesis_content BYTEA,
  thesis_sha256 CHAR(64),
  thesis_at TIMESTAMP WITH TIME ZONE,
  CHECK (paid_at IS NULL OR accepted_at IS NOT NULL),
  CHECK ((thesis_at IS NULL) = (thesis_content IS NULL))
);
CREATE INDEX personal_grant_grantee_idx ON personal_grant (grantee_user_id);
CREATE INDEX personal_grant_programme_idx ON personal_grant (programme_key, decided_at DESC);

-- Which answers a public list of grantees may show: version 4 of the fieldwork grant's form names the consent
-- question and the university question.
INSERT INTO programme_form (programme_key, version, definition)
SELECT programme_key, 4,
       jsonb_set(definition, '{rules,publicListing}', '{"consent": "listing", "affiliation": "university"}'::jsonb)
FROM programme_form WHERE programme_key = 'resestipendium' AND version = 3
ON CONFLICT DO NOTHING;
