-- Projects of the public directory and maps are named by their title, in Swedish and in English, and have
-- a readable address (/projekt/karlstad-makueni-2019) that never changes once given.
-- title_sv/title_en: the project's title per language; either may be missing (an application is written in
-- one language; the public pages then show the other language's title and say which language it is in).
-- slug: the readable address, unique, assigned by the application (grant.FundedPartnerships) when a
-- partnership is recorded, and for the rows that exist before this migration on the next start; the old
-- address (/projekt/{key}) redirects to it.
ALTER TABLE funded_partnership ADD COLUMN title_sv TEXT;
ALTER TABLE funded_partnership ADD COLUMN title_en TEXT;
ALTER TABLE funded_partnership ADD COLUMN slug TEXT UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- The title a project got from its application (V55) is in the language the application was sent in.
UPDATE funded_partnership f SET
  title_sv = CASE WHEN s.language = 'en' THEN NULL ELSE f.title END,
  title_en = CASE WHEN s.language = 'en' THEN f.title ELSE NULL END
FROM (SELECT DISTINCT ON (application_id) application_id, language FROM submission
      ORDER BY application_id, version DESC) s
WHERE f.title IS NOT NULL AND f.title <> '' AND s.application_id = f.application_id;
UPDATE funded_partnership SET title_sv = title
WHERE title IS NOT NULL AND title <> '' AND title_sv IS NULL AND title_en IS NULL;
