-- The grant module: funded partnerships (a granted partnership or project of a round). Later
-- migrations hang agreements, payments and reports on funded_partnership(id).
-- Amounts are whole Swedish kronor. amount_is_demo marks an amount that nobody decided: the demo data
-- splits a round's published total across its grantees, and the split is invented.
CREATE TABLE funded_partnership (
  id UUID PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  programme_key TEXT NOT NULL REFERENCES programme(key),
  round_id UUID REFERENCES round(id),
  swedish_organisation_id UUID NOT NULL REFERENCES swedish_organisation(id),
  theme_sv TEXT,
  theme_en TEXT,
  amount_sek BIGINT NOT NULL CHECK (amount_sek >= 0),
  amount_is_demo BOOLEAN NOT NULL,
  starts_on DATE,
  ends_on DATE,
  status TEXT NOT NULL CHECK (status IN ('active', 'completed')),
  note_sv TEXT,
  note_en TEXT,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX funded_partnership_round_idx ON funded_partnership (round_id);
CREATE INDEX funded_partnership_organisation_idx ON funded_partnership (swedish_organisation_id);

-- The foreign parties, in order. A partner whose name is not published is recorded by its country
-- only (partner_organisation_id NULL); a named one is a partner_organisation record of the registry.
CREATE TABLE funded_partnership_partner (
  funded_partnership_id UUID NOT NULL REFERENCES funded_partnership(id) ON DELETE CASCADE,
  position INT NOT NULL,
  partner_organisation_id UUID REFERENCES partner_organisation(id),
  country_iso2 CHAR(2) NOT NULL REFERENCES country(iso2),
  PRIMARY KEY (funded_partnership_id, position)
);

-- The core areas a partnership works in (for demo data: our reading, marked as suggested).
CREATE TABLE funded_partnership_core_area (
  funded_partnership_id UUID NOT NULL REFERENCES funded_partnership(id) ON DELETE CASCADE,
  programme_key TEXT NOT NULL,
  core_area_key TEXT NOT NULL,
  suggested BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (funded_partnership_id, core_area_key),
  FOREIGN KEY (programme_key, core_area_key) REFERENCES core_area(programme_key, key)
);
