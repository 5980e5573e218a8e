-- The newsroom (newsroom module): press releases, blog posts, articles, events, portraits,
-- publications and pages, each in one language, linked to its translation through translation_group.
-- An item is public when status = 'published' and publish_at <= now (scheduled publishing needs no
-- job to become visible). announced_at is set once the item has been sent to its subscribers.
-- Later migrations of the newsroom add tags, contacts, related projects, revisions, search and
-- subscriptions.
CREATE TABLE news_item (
  id UUID PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('press-release', 'blog-post', 'article', 'event', 'portrait', 'publication', 'page')),
  language TEXT NOT NULL CHECK (language IN ('sv', 'en')),
  translation_group UUID NOT NULL,
  slug TEXT NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  lead TEXT NOT NULL DEFAULT '',
  -- rich text, sanitised on the server before it is stored
  body_html TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'unpublished')),
  publish_at TIMESTAMP WITH TIME ZONE,
  -- a date without a time as printed by the source (demo content of undated pages shows the date only)
  date_only BOOLEAN NOT NULL DEFAULT false,
  image_url TEXT,
  image_alt TEXT,
  image_caption TEXT,
  image_credit TEXT,
  -- event
  event_starts_at TIMESTAMP WITH TIME ZONE,
  event_location TEXT,
  -- publication
  authors TEXT[] NOT NULL DEFAULT '{}',
  publication_year INT,
  citation TEXT,
  abstract TEXT,
  pdf BYTEA,
  pdf_file_name TEXT,
  -- a draft taken over from the assessment module's press release for a published round
  source_key TEXT UNIQUE,
  announced_at TIMESTAMP WITH TIME ZONE,
  created_by TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  version INT NOT NULL DEFAULT 0,
  UNIQUE (language, slug),
  UNIQUE (translation_group, language),
  CHECK (status <> 'published' OR publish_at IS NOT NULL)
);
CREATE INDEX news_item_public_idx ON news_item (publish_at DESC) WHERE status = 'published';

-- Tags: themes, partner countries and Swedish regions (e.g. "Kronoberg"), named in both languages.
CREATE TABLE news_tag (
  key TEXT PRIMARY KEY CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind TEXT NOT NULL CHECK (kind IN ('theme', 'country', 'region')),
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL
);
CREATE TABLE news_item_tag (
  item_id UUID NOT NULL REFERENCES news_item(id) ON DELETE CASCADE,
  tag_key TEXT NOT NULL REFERENCES news_tag(key),
  PRIMARY KEY (item_id, tag_key)
);
CREATE INDEX news_item_tag_tag_idx ON news_item_tag (tag_key);

-- The contact box of an item.
CREATE TABLE news_item_contact (
  item_id UUID NOT NULL REFERENCES news_item(id) ON DELETE CASCADE,
  position INT NOT NULL CHECK (position > 0),
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (item_id, position)
);

-- Related projects, by the funded partnership's key (the grant module's FundedPartnerships.byKey).
CREATE TABLE news_item_project (
  item_id UUID NOT NULL REFERENCES news_item(id) ON DELETE CASCADE,
  project_key TEXT NOT NULL,
  PRIMARY KEY (item_id, project_key)
);
