-- "My applications" reads a page of an organisation's applications, the latest changed first (issue 15).
CREATE INDEX IF NOT EXISTS application_lead_changed_idx ON application (lead_organisation_id, updated_at DESC, id);
