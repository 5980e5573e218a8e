-- Issue 10, part 4: the rescue of a form posted after the session expired (docs/autosave.md) is kept
-- only for the user whose session it was. A session id (as a SHA-256 hash) is recorded with its user
-- while the session is used, and kept a day beyond the session's own expiry, because Spring Session
-- deletes the rows of expired sessions.
CREATE TABLE session_owner (
  session_hash TEXT PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
  kept_until TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX session_owner_kept_until_idx ON session_owner (kept_until);

-- rows kept before this belong to nobody: they could not be restored under the new rule
DELETE FROM pending_save;
ALTER TABLE pending_save
  ADD COLUMN session_hash TEXT NOT NULL,
  ADD COLUMN user_id UUID NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  ADD COLUMN application_id UUID NOT NULL REFERENCES application(id) ON DELETE CASCADE;
CREATE INDEX pending_save_session_idx ON pending_save (session_hash, path);
CREATE INDEX pending_save_application_idx ON pending_save (application_id);
