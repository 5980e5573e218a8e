-- Draft applications: one row per application, its sections' answers as jsonb with a version each
-- (optimistic locking per section, so colleagues can work on different sections at once), the
-- refused version of a conflicting save, attachments in the database, and the typed answers of a
-- save that arrived after the login session had expired.
-- Submission (V31+) will add application.reference (nullable, unique) and a submission table.
CREATE TABLE application (
  id UUID PRIMARY KEY,
  round_id UUID NOT NULL REFERENCES round(id),
  programme_key TEXT NOT NULL,
  component_key TEXT NOT NULL,
  lead_organisation_id UUID NOT NULL REFERENCES swedish_organisation(id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'withdrawn')),
  title TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  FOREIGN KEY (programme_key, component_key) REFERENCES component(programme_key, key)
);
CREATE INDEX application_lead_idx ON application (lead_organisation_id, status);
CREATE INDEX application_round_idx ON application (round_id);

-- One row per section from the start (state not-started, version 0).
CREATE TABLE application_section (
  application_id UUID NOT NULL REFERENCES application(id) ON DELETE CASCADE,
  section_key TEXT NOT NULL,
  answers JSONB NOT NULL DEFAULT '{}'::jsonb,
  state TEXT NOT NULL DEFAULT 'not-started' CHECK (state IN ('not-started', 'in-progress', 'completed')),
  version INT NOT NULL DEFAULT 0 CHECK (version >= 0),
  saved_by TEXT,
  saved_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (application_id, section_key)
);

-- A save refused because someone else saved the section in between: kept whole, never overwritten
-- by a later refusal of someone else. One open row per person and section (autosave repeats it).
CREATE TABLE section_conflict (
  id UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application(id) ON DELETE CASCADE,
  section_key TEXT NOT NULL,
  answers JSONB NOT NULL,
  based_on_version INT NOT NULL,
  saved_version INT NOT NULL,
  refused_by TEXT NOT NULL,
  refused_at TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX section_conflict_open_uk ON section_conflict (application_id, section_key, refused_by)
  WHERE resolved_at IS NULL;

CREATE TABLE attachment (
  id UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256 CHAR(64) NOT NULL,
  content BYTEA NOT NULL,
  added_by TEXT NOT NULL,
  added_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX attachment_application_idx ON attachment (application_id);

-- What was typed into a section form that reached us after the session had expired (see
-- docs/autosave.md). Keyed by a random token kept in a cookie; restored only to a member of the
-- application's organisation after login; removed when restored or after a day.
CREATE TABLE pending_save (
  token TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  fields JSONB NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pending_save_expires_idx ON pending_save (expires_at);
