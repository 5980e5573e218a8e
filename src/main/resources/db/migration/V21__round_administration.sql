-- Rounds set up and run by case officers: who changed a round last and when, and who extended it
-- when. An extension only ever moves the deadline later than the round's closing.
ALTER TABLE round ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE round ADD COLUMN updated_by TEXT;
ALTER TABLE round ADD COLUMN extended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE round ADD COLUMN extended_by TEXT;
ALTER TABLE round ADD CONSTRAINT round_extension_after_closing
  CHECK (extended_until IS NULL OR closes_at IS NULL OR extended_until > closes_at);
-- The amount rules are edited by administrators: remember who and when.
ALTER TABLE amount_rule ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE amount_rule ADD COLUMN updated_by TEXT;
ALTER TABLE component ADD COLUMN version INT NOT NULL DEFAULT 1;
