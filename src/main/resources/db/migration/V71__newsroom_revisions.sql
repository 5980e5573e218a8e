-- Every save of a news item keeps a full snapshot, so that any two revisions can be compared.
CREATE TABLE news_item_revision (
  item_id UUID NOT NULL REFERENCES news_item(id) ON DELETE CASCADE,
  number INT NOT NULL CHECK (number > 0),
  -- what was done: created, saved, published, scheduled, unpublished, imported
  action TEXT NOT NULL,
  snapshot JSONB NOT NULL,
  saved_by TEXT NOT NULL,
  saved_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (item_id, number)
);

-- Items whose source prints no date (demo content of undated listings): publish_at only orders them
-- after the dated ones; pages show no date for them and the year filter leaves them out.
ALTER TABLE news_item ADD COLUMN undated BOOLEAN NOT NULL DEFAULT false;

-- A contact may be one of the programme's contact persons (programme.ContactPersons, by key): the box
-- then shows that person's current role, phone and address, which are stored nowhere else.
ALTER TABLE news_item_contact ADD COLUMN contact_programme TEXT;
ALTER TABLE news_item_contact ADD COLUMN contact_key TEXT;

-- The list filters by type and year, newest first.
CREATE INDEX news_item_type_idx ON news_item (type, publish_at DESC) WHERE status = 'published';
