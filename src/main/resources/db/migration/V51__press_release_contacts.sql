-- A draft press release names its contacts by key: their phone numbers and addresses stay in
-- contact_person (content only, stored nowhere else) and are shown from there.
ALTER TABLE press_release_draft ADD COLUMN programme_key TEXT REFERENCES programme(key);
ALTER TABLE press_release_draft ADD COLUMN contact_keys TEXT[] NOT NULL DEFAULT '{}';
