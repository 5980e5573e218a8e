-- The demo data is loaded once per database: one row per data set, written in the same transaction
-- as the data it marks.
CREATE TABLE demo_load (
  data_set TEXT PRIMARY KEY,
  loaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  summary JSONB NOT NULL DEFAULT '{}'::jsonb
);
