-- People create their own account (issue 17): a registration is an invitation that nobody sent, whose link
-- confirms the address and sets the password; a registered person then asks to join an organisation, and a
-- member of it or a case officer answers. Existing invitations stay invitations.
ALTER TABLE invitation ADD COLUMN kind TEXT NOT NULL DEFAULT 'invitation'
  CHECK (kind IN ('invitation', 'registration'));

CREATE TABLE membership_request (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  organisation_id UUID NOT NULL REFERENCES swedish_organisation(id),
  message TEXT NOT NULL DEFAULT '' CHECK (length(message) <= 1000),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  decision TEXT CHECK (decision IN ('approved', 'declined')),
  decided_by UUID REFERENCES app_user(id),
  decided_at TIMESTAMP WITH TIME ZONE,
  CHECK ((decision IS NULL) = (decided_at IS NULL))
);
-- one open request per person and organisation; the open ones are what members and officers look at
CREATE UNIQUE INDEX membership_request_open_uk ON membership_request (user_id, organisation_id) WHERE decided_at IS NULL;
CREATE INDEX membership_request_open_organisation_idx ON membership_request (organisation_id) WHERE decided_at IS NULL;
CREATE INDEX membership_request_user_idx ON membership_request (user_id);
