-- Who may apply is part of a programme (issue 17): an organisation (the municipal partnership) or a person
-- (the fieldwork grant); and where its public page is, in both languages, for the programmes' open data.
ALTER TABLE programme ADD COLUMN applicant_kind TEXT NOT NULL DEFAULT 'organisation'
  CHECK (applicant_kind IN ('organisation', 'person'));
ALTER TABLE programme ADD COLUMN page_path_sv TEXT;
ALTER TABLE programme ADD COLUMN page_path_en TEXT;
UPDATE programme SET page_path_sv = '/kommunala-partnerskap', page_path_en = '/en/municipal-partnership'
  WHERE key = 'kommunala-partnerskap';
