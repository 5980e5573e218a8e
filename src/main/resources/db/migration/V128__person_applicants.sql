-- Who applies is part of the programme (issue 17): an organisation (the municipal partnership) or a person (the
-- fieldwork grant). An application is led by exactly one of the two: a Swedish organisation, whose members work
-- on it, or the person who applies themselves. Every application so far is an organisation's.
ALTER TABLE application ALTER COLUMN lead_organisation_id DROP NOT NULL;
ALTER TABLE application ADD COLUMN applicant_user_id UUID REFERENCES app_user(id);
ALTER TABLE application ADD CONSTRAINT application_one_applicant
  CHECK ((lead_organisation_id IS NULL) <> (applicant_user_id IS NULL));
CREATE INDEX application_applicant_user_idx ON application (applicant_user_id, updated_at DESC)
  WHERE applicant_user_id IS NOT NULL;
