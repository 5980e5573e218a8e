-- A case officer or communicator may correct a project's public title and theme in both languages
-- (grant.internal.PublicTexts). texts_version counts those corrections, so that two people editing at once
-- do not overwrite each other without knowing (optimistic locking); existing rows start at 0.
ALTER TABLE funded_partnership ADD COLUMN texts_version INT NOT NULL DEFAULT 0;
