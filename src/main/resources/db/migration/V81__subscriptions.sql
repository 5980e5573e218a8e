-- E-mail subscriptions (newsroom module): press releases and/or tags, double opt-in, one-click
-- unsubscribe. A request waits in subscription_request (one per address, the latest choices) until
-- its link is confirmed; only then does subscription hold the address as confirmed.
CREATE TABLE subscription (
  id UUID PRIMARY KEY,
  -- lower-cased
  email TEXT NOT NULL UNIQUE,
  language TEXT NOT NULL CHECK (language IN ('sv', 'en')),
  press_releases BOOLEAN NOT NULL DEFAULT false,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'unsubscribed')),
  -- the capability in every mail's unsubscribe link (random, 256 bits)
  unsubscribe_token TEXT NOT NULL UNIQUE,
  confirmed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  unsubscribed_at TIMESTAMP WITH TIME ZONE,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE subscription_tag (
  subscription_id UUID NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
  tag_key TEXT NOT NULL REFERENCES news_tag(key) ON DELETE CASCADE,
  PRIMARY KEY (subscription_id, tag_key)
);
CREATE INDEX subscription_tag_tag_idx ON subscription_tag (tag_key);

-- A pending subscription: what the address asked for, until the link in the confirmation mail is used.
CREATE TABLE subscription_request (
  email TEXT PRIMARY KEY,
  -- SHA-256 of the link's token; the token itself is only in the mail
  token_hash TEXT NOT NULL UNIQUE,
  language TEXT NOT NULL CHECK (language IN ('sv', 'en')),
  press_releases BOOLEAN NOT NULL,
  tag_keys TEXT[] NOT NULL DEFAULT '{}',
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
  mailed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who got which item: at most once per subscription and item (a translation counts as the same item).
CREATE TABLE subscription_delivery (
  translation_group UUID NOT NULL,
  subscription_id UUID NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
  item_id UUID NOT NULL,
  sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (translation_group, subscription_id)
);
