-- Rate limits (login attempts, outgoing mail) as Bucket4j token buckets shared by all instances:
-- id is the limit's name and a hash of its subject (no e-mail or client address in clear), state the
-- bucket, expires_at (epoch milliseconds) when the bucket is full again, after which the row means nothing
-- and the clean-up job deletes it.
CREATE TABLE rate_limit_bucket (
  id TEXT PRIMARY KEY,
  state BYTEA,
  expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);

-- Client addresses from which an account has logged in (or reset its password): the limit per account
-- across all addresses does not apply to them, so guesses from elsewhere cannot lock the owner out.
CREATE TABLE login_known_address (
  account_key TEXT NOT NULL,
  address_key TEXT NOT NULL,
  last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (account_key, address_key)
);
CREATE INDEX login_known_address_seen_idx ON login_known_address (last_seen_at);

-- The old lock per e-mail for everybody is gone; its rows were short-lived counters.
DROP TABLE IF EXISTS login_lock;
DROP TABLE IF EXISTS login_attempt;
