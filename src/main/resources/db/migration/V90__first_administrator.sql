-- The one-time link with which the first administrator of a real deployment sets a password. At most one
-- row (a new start replaces it), holding only the SHA-256 of the token; deleted once an administrator exists.
CREATE TABLE first_administrator_setup (
  singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
  token_hash TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
