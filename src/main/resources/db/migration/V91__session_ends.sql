-- Sessions end when the account says so (docs/identity.md).

-- Raised whenever the sessions opened so far must end (disabled, password reset or changed); every
-- authenticated request compares its session's version with this one.
ALTER TABLE app_user ADD COLUMN session_version BIGINT NOT NULL DEFAULT 0;

-- Spring Session indexes sessions by principal name, which is the e-mail address: up to 254 characters.
ALTER TABLE spring_session ALTER COLUMN principal_name TYPE VARCHAR(320);

-- A link that a newer one replaced (a second reset request) is gone, like a used one.
ALTER TABLE password_reset ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX password_reset_open_by_user_ix ON password_reset (user_id) WHERE used_at IS NULL AND revoked_at IS NULL;

-- The link events no longer carry the raw token but the id of their row; the mail listener mints the
-- token when it sends. Rewrite the events already stored: drop the token (it sat there in plain text)
-- and name the row, found by the token's hash, so that an undelivered event can still be delivered.
UPDATE event_publication p
SET serialized_event = ((p.serialized_event::jsonb - 'token')
        || jsonb_build_object('resetId', r.id))::text
FROM password_reset r
WHERE p.event_type = 'se.partnerskap.identity.PasswordResetRequested'
  AND (p.serialized_event::jsonb ->> 'token') IS NOT NULL
  AND r.token_hash = encode(sha256(convert_to(p.serialized_event::jsonb ->> 'token', 'UTF8')), 'hex');

UPDATE event_publication p
SET serialized_event = ((p.serialized_event::jsonb - 'token')
        || jsonb_build_object('invitationId', i.id))::text
FROM invitation i
WHERE p.event_type = 'se.partnerskap.identity.InvitationCreated'
  AND (p.serialized_event::jsonb ->> 'token') IS NOT NULL
  AND i.token_hash = encode(sha256(convert_to(p.serialized_event::jsonb ->> 'token', 'UTF8')), 'hex');

-- Whatever still names a token (its row is gone) has nothing left to deliver.
DELETE FROM event_publication
WHERE event_type IN ('se.partnerskap.identity.PasswordResetRequested', 'se.partnerskap.identity.InvitationCreated')
  AND (serialized_event::jsonb ->> 'token') IS NOT NULL;
