-- Search (newsroom module): one document per news item and per funded project and language, with a
-- weighted tsvector in the document's own language (swedish or english configuration).
-- News documents are kept up to date by the triggers below whenever a news item or its tags change;
-- whether an item is public is decided at query time (status and publish_at are copied here).
-- Project documents are written by the application from the grant module's API (FundedPartnerships),
-- never from the grant module's tables.
CREATE TABLE search_document (
  kind TEXT NOT NULL CHECK (kind IN ('news', 'project')),
  -- the news item's id or the project's key
  ref TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('sv', 'en')),
  -- the news item's type, or 'project'
  type TEXT NOT NULL,
  -- news: the item's translation group, to prefer the reader's language
  translation_group UUID,
  -- news: the slug; project: the key
  path_key TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  dated_at TIMESTAMP WITH TIME ZONE,
  -- news only: the item is public when status = 'published' AND publish_at <= now
  status TEXT NOT NULL DEFAULT 'published',
  publish_at TIMESTAMP WITH TIME ZONE,
  document TSVECTOR NOT NULL,
  PRIMARY KEY (kind, ref, language)
);
CREATE INDEX search_document_document_idx ON search_document USING GIN (document);
CREATE INDEX search_document_group_idx ON search_document (translation_group) WHERE kind = 'news';

-- Plain text (a title, a lead) without the control characters that mark matches in snippets.
CREATE FUNCTION search_text(plain TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(coalesce(plain, ''), '[\x01-\x08\x0b\x0c\x0e-\x1f]', '', 'g'))
$$;

-- The plain text of sanitised HTML: tags removed, control characters (the snippet markers) removed,
-- white space collapsed. Entities stay; the application decodes them when it shows a snippet.
CREATE FUNCTION search_plain_text(html TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT btrim(regexp_replace(regexp_replace(regexp_replace(coalesce(html, ''), '<[^>]*>', ' ', 'g'),
         '[\x01-\x08\x0b\x0c\x0e-\x1f]', '', 'g'), '\s+', ' ', 'g'))
$$;

CREATE FUNCTION search_refresh_news_item(item UUID) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_document WHERE kind = 'news' AND ref = item::text;
  INSERT INTO search_document (kind, ref, language, type, translation_group, path_key, title, summary, body,
                               dated_at, status, publish_at, document)
  SELECT 'news', n.id::text, n.language, n.type, n.translation_group, n.slug,
         search_text(n.title), search_text(n.lead),
         search_plain_text(n.body_html || ' ' || coalesce(n.abstract, '')),
         n.publish_at, n.status, n.publish_at,
         setweight(to_tsvector(c.cfg, search_text(n.title)), 'A')
         || setweight(to_tsvector(c.cfg, search_text(n.lead) || ' ' || array_to_string(n.authors, ' ') || ' '
                || coalesce((SELECT string_agg(CASE WHEN n.language = 'en' THEN t.name_en ELSE t.name_sv END, ' ')
                             FROM news_item_tag it JOIN news_tag t ON t.key = it.tag_key WHERE it.item_id = n.id), '')), 'B')
         || setweight(to_tsvector(c.cfg, search_plain_text(n.body_html || ' ' || coalesce(n.abstract, ''))), 'C')
  FROM news_item n
  CROSS JOIN LATERAL (SELECT (CASE WHEN n.language = 'en' THEN 'english' ELSE 'swedish' END)::regconfig AS cfg) c
  WHERE n.id = item;
END
$$;

CREATE FUNCTION search_news_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_document WHERE kind = 'news' AND ref = OLD.id::text;
    RETURN OLD;
  END IF;
  PERFORM search_refresh_news_item(NEW.id);
  RETURN NEW;
END
$$;

CREATE TRIGGER search_news_item AFTER INSERT OR UPDATE OR DELETE ON news_item
  FOR EACH ROW EXECUTE FUNCTION search_news_item_changed();

CREATE FUNCTION search_news_item_tag_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM search_refresh_news_item(OLD.item_id);
    RETURN OLD;
  END IF;
  PERFORM search_refresh_news_item(NEW.item_id);
  RETURN NEW;
END
$$;

CREATE TRIGGER search_news_item_tag AFTER INSERT OR DELETE ON news_item_tag
  FOR EACH ROW EXECUTE FUNCTION search_news_item_tag_changed();

SELECT search_refresh_news_item(id) FROM news_item;
