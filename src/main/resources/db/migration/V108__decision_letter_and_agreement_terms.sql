-- The decision letter and the agreement as documents of the funder (issue 13 points 2 and 3).

-- The organisation number (organisationsnummer) of a Swedish applicant. The reference data does not
-- carry them, so it is empty until someone records it; documents print it only when it is known.
ALTER TABLE swedish_organisation ADD COLUMN organisation_number TEXT
  CHECK (organisation_number ~ '^[0-9]{6}-[0-9]{4}$');

-- Per programme: the funder's letterhead, the text on whether and how a decision can be reviewed or
-- appealed (a programme run by an association has no appeal under the Administrative Procedure Act,
-- an authority's has), and the guidelines the agreement refers to. Administrators edit them.
ALTER TABLE programme
  ADD COLUMN funder_name_sv TEXT NOT NULL DEFAULT '',
  ADD COLUMN funder_name_en TEXT NOT NULL DEFAULT '',
  ADD COLUMN funder_address TEXT NOT NULL DEFAULT '',
  ADD COLUMN funder_organisation_number TEXT NOT NULL DEFAULT '',
  ADD COLUMN funder_contact TEXT NOT NULL DEFAULT '',
  ADD COLUMN review_text_sv TEXT NOT NULL DEFAULT '',
  ADD COLUMN review_text_en TEXT NOT NULL DEFAULT '',
  ADD COLUMN guidelines_sv TEXT NOT NULL DEFAULT '',
  ADD COLUMN guidelines_en TEXT NOT NULL DEFAULT '',
  ADD COLUMN guidelines_version TEXT NOT NULL DEFAULT '';

UPDATE programme SET
  funder_name_sv = 'ICLD – Internationellt centrum för lokal demokrati',
  funder_name_en = 'ICLD – Swedish International Centre for Local Democracy',
  funder_address = 'Söderväg 1D, 621 58 Visby',
  review_text_sv = 'ICLD är en ideell förening och inte en myndighet. Beslutet kan därför inte överklagas enligt förvaltningslagen. Om ni anser att beslutet bygger på felaktiga uppgifter eller en felaktig bedömning kan ni skriftligen begära att ICLD omprövar det. Begäran ska ha kommit in till ICLD inom tre veckor från den dag ni fick beslutet. Ange beslutets diarienummer och varför ni anser att beslutet bör ändras.',
  review_text_en = 'ICLD is a non-profit association, not a public authority. The decision can therefore not be appealed under the Swedish Administrative Procedure Act (förvaltningslagen). If you consider that the decision rests on incorrect information or a wrong assessment, you may ask ICLD in writing to reconsider it. Your request must reach ICLD within three weeks of the day you received the decision. Give the decision''s reference number and why you think it should be changed.',
  guidelines_sv = 'Riktlinjer och budgetriktlinjer för Kommunala partnerskap',
  guidelines_en = 'Guidelines and budget guidelines of the Municipal Partnership programme'
WHERE key = 'kommunala-partnerskap';

-- Who made the decision, as the officer records it (the decision maker may be a committee chair, not
-- the officer who typed it in); the reasons are now written for a grant too.
ALTER TABLE decision
  ADD COLUMN decision_maker_name TEXT NOT NULL DEFAULT '',
  ADD COLUMN decision_maker_role TEXT NOT NULL DEFAULT '';

-- The signature block of the agreement: where each party signed, and the name and role of the
-- officer who countersigned.
ALTER TABLE project_agreement
  ADD COLUMN accepted_place TEXT,
  ADD COLUMN countersigned_name TEXT,
  ADD COLUMN countersigned_role TEXT,
  ADD COLUMN countersigned_place TEXT;
