-- Demo news items were stamped with the moment they were loaded, so every feed entry and sitemap entry
-- claimed to have changed then. An imported item that nobody has changed since last changed when its
-- source published it: date it so. Items edited, published or unpublished here keep their own times.
UPDATE news_item n
SET created_at = n.publish_at, updated_at = n.publish_at
WHERE n.source_key LIKE 'demo/%'
  AND n.publish_at IS NOT NULL
  AND n.publish_at < n.updated_at
  AND NOT EXISTS (SELECT 1 FROM news_item_revision r WHERE r.item_id = n.id AND r.action <> 'imported');
