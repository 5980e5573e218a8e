-- Reports of funded projects (grant module): what V55 left for later.

-- PDF attachments of a report, stored in the database like the applications' attachments.
CREATE TABLE project_report_attachment (
  id UUID PRIMARY KEY,
  report_id UUID NOT NULL REFERENCES project_report(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256 TEXT NOT NULL,
  content BYTEA NOT NULL,
  added_by TEXT NOT NULL,
  added_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX project_report_attachment_report_idx ON project_report_attachment (report_id);

-- A save refused because it was based on an older version of the report: kept (one open row per
-- person and report) and shown beside the saved version, so that nothing typed is lost.
CREATE TABLE project_report_conflict (
  id UUID PRIMARY KEY,
  report_id UUID NOT NULL REFERENCES project_report(id) ON DELETE CASCADE,
  answers JSONB NOT NULL,
  based_on_version INT NOT NULL,
  saved_version INT NOT NULL,
  refused_by TEXT NOT NULL,
  refused_at TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX project_report_conflict_open_uk ON project_report_conflict (report_id, refused_by)
  WHERE resolved_at IS NULL;

-- The reminders sent: each kind at most once per report. The primary key is what makes a reminder
-- go out once even when two instances run the job at the same time (the row is inserted, if absent,
-- in the transaction that sends the mail).
CREATE TABLE project_report_reminder (
  report_id UUID NOT NULL REFERENCES project_report(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('due-30', 'due-7', 'overdue')),
  sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_on DATE NOT NULL,
  recipients TEXT[] NOT NULL,
  PRIMARY KEY (report_id, kind)
);
