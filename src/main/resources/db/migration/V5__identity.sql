-- Users, their roles and organisations, and the single-use links (invitation, password reset).
-- Links are stored only as the SHA-256 hash of their random token, so a copy of the database
-- cannot be used to take over an account.
CREATE TABLE app_user (
  id UUID PRIMARY KEY,
  email TEXT NOT NULL CHECK (email = lower(email) AND email <> ''),
  display_name TEXT NOT NULL,
  password_hash TEXT,                         -- null: not yet activated, or SSO only
  language CHAR(2) NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
  enabled BOOLEAN NOT NULL DEFAULT true,
  activated_at TIMESTAMP WITH TIME ZONE,      -- null while the invitation is not accepted
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX app_user_email_uk ON app_user (email);

CREATE TABLE user_role (
  user_id UUID NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('APPLICANT', 'CASE_OFFICER', 'REVIEWER', 'COMMUNICATOR', 'ADMINISTRATOR')),
  PRIMARY KEY (user_id, role)
);

-- An applicant acts for one or more Swedish organisations.
CREATE TABLE membership (
  user_id UUID NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  organisation_id UUID NOT NULL REFERENCES swedish_organisation(id),
  PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX membership_organisation_idx ON membership (organisation_id);

CREATE TABLE invitation (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  invited_by UUID REFERENCES app_user(id),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE password_reset (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE
);

-- Login throttling lives in the database so that every instance sees the same attempts.
-- The e-mail is kept as typed (lower-cased), whether or not a user has it.
CREATE TABLE login_attempt (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email TEXT NOT NULL,
  attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  succeeded BOOLEAN NOT NULL
);
CREATE INDEX login_attempt_email_idx ON login_attempt (email, attempted_at);

CREATE TABLE login_lock (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email TEXT NOT NULL,
  locked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_lock_email_idx ON login_lock (email, locked_until);
