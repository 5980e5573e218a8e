-- Programmes, their core areas, application windows and rounds. Rounds are extended in later
-- migrations (components, form definitions); here they carry what the public site needs.
CREATE TABLE programme (
  key TEXT PRIMARY KEY,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL
);
CREATE TABLE core_area (
  programme_key TEXT NOT NULL REFERENCES programme(key),
  key TEXT NOT NULL,
  position INT NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  PRIMARY KEY (programme_key, key)
);
-- A yearly window, as month-days in Europe/Stockholm: opens 00:00 on the first day, closes 23:59:59 on the last.
CREATE TABLE application_window (
  programme_key TEXT NOT NULL REFERENCES programme(key),
  key TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  opens TEXT NOT NULL CHECK (opens ~ '^--[0-1][0-9]-[0-3][0-9]$'),
  closes TEXT NOT NULL CHECK (closes ~ '^--[0-1][0-9]-[0-3][0-9]$'),
  PRIMARY KEY (programme_key, key)
);
-- The partner countries a programme works with today; a round copies the list.
CREATE TABLE programme_country (
  programme_key TEXT NOT NULL REFERENCES programme(key),
  country_iso2 CHAR(2) NOT NULL REFERENCES country(iso2),
  position INT NOT NULL,
  PRIMARY KEY (programme_key, country_iso2)
);
CREATE TABLE round (
  id UUID PRIMARY KEY,
  programme_key TEXT NOT NULL REFERENCES programme(key),
  key TEXT NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  opens_at TIMESTAMP WITH TIME ZONE,
  closes_at TIMESTAMP WITH TIME ZONE,
  extended_until TIMESTAMP WITH TIME ZONE,
  budget_sek BIGINT CHECK (budget_sek >= 0),
  announced_on DATE,
  status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'published')),
  note TEXT,
  UNIQUE (programme_key, key),
  CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);

INSERT INTO programme (key, name_sv, name_en) VALUES ('kommunala-partnerskap', 'Kommunala partnerskap', 'Municipal Partnership');
INSERT INTO core_area (programme_key, key, position, name_sv, name_en) VALUES
  ('kommunala-partnerskap', 'equal-treatment', 1, 'Jämlik/rättvis och inkluderande behandling', 'Equal, fair and inclusive treatment'),
  ('kommunala-partnerskap', 'participation', 2, 'Deltagande och delaktighet', 'Participation'),
  ('kommunala-partnerskap', 'transparency', 3, 'Transparens och insynsmöjligheter', 'Transparency'),
  ('kommunala-partnerskap', 'accountability', 4, 'Möjlighet till ansvarsutkrävande', 'Accountability');
INSERT INTO application_window (programme_key, key, name_sv, name_en, opens, closes) VALUES
  ('kommunala-partnerskap', 'spring', 'Vårens ansökningsomgång', 'Spring round', '--02-15', '--03-15'),
  ('kommunala-partnerskap', 'autumn', 'Höstens ansökningsomgång', 'Autumn round', '--09-15', '--10-15');
INSERT INTO programme_country (programme_key, country_iso2, position)
SELECT 'kommunala-partnerskap', c.iso2, c.ord FROM unnest(ARRAY['BA', 'GE', 'XK', 'MK', 'MD', 'RS', 'TR', 'UA', 'BY',
  'IN', 'ID', 'CN', 'VN', 'BW', 'KE', 'MZ', 'NA', 'ZA', 'TZ', 'UG', 'ZM']) WITH ORDINALITY AS c(iso2, ord);
