-- What a round needs to take applications: components applied for separately, their amount rules
-- (data that administrators edit), the applicant types a programme accepts, and per round: the
-- maximum amount, the partner countries (copied from the programme's list), extra questions (the
-- round's form definition) and whether one lead organisation may send several applications with
-- the same partner.
CREATE TABLE component (
  programme_key TEXT NOT NULL REFERENCES programme(key),
  key TEXT NOT NULL,
  position INT NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description_sv TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  min_years INT NOT NULL DEFAULT 1 CHECK (min_years >= 1),
  max_years INT NOT NULL DEFAULT 1 CHECK (max_years >= 1),
  -- may be applied for at any time, outside the rounds (in the programme's continuous round)
  outside_rounds BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (programme_key, key),
  CHECK (max_years >= min_years)
);
-- The maximum amount of a component for a partner region and a number of parties; per year or in all.
CREATE TABLE amount_rule (
  programme_key TEXT NOT NULL,
  component_key TEXT NOT NULL,
  world_region TEXT NOT NULL CHECK (world_region IN ('Europe', 'Asia', 'Africa', 'Latin America')),
  min_parties INT NOT NULL DEFAULT 2 CHECK (min_parties >= 2),
  max_sek BIGINT NOT NULL CHECK (max_sek > 0),
  per_year BOOLEAN NOT NULL,
  PRIMARY KEY (programme_key, component_key, world_region, min_parties),
  FOREIGN KEY (programme_key, component_key) REFERENCES component(programme_key, key)
);
CREATE TABLE programme_applicant_kind (
  programme_key TEXT NOT NULL REFERENCES programme(key),
  kind TEXT NOT NULL CHECK (kind IN ('municipality', 'region', 'county-council', 'regional-federation')),
  PRIMARY KEY (programme_key, kind)
);

ALTER TABLE round ADD COLUMN max_amount_sek BIGINT CHECK (max_amount_sek > 0);
ALTER TABLE round ADD COLUMN continuous BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE round ADD COLUMN one_per_lead_and_partner BOOLEAN NOT NULL DEFAULT true;
-- extra questions: [{key, type, required, labelSv, labelEn, helpSv, helpEn, maxLength, options:[{key, sv, en}]}]
ALTER TABLE round ADD COLUMN questions JSONB NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE round ADD COLUMN extension_reason_sv TEXT;
ALTER TABLE round ADD COLUMN extension_reason_en TEXT;
ALTER TABLE round ADD COLUMN version INT NOT NULL DEFAULT 1;
CREATE TABLE round_country (
  round_id UUID NOT NULL REFERENCES round(id),
  country_iso2 CHAR(2) NOT NULL REFERENCES country(iso2),
  PRIMARY KEY (round_id, country_iso2)
);
CREATE TABLE round_component (
  round_id UUID NOT NULL REFERENCES round(id),
  programme_key TEXT NOT NULL,
  component_key TEXT NOT NULL,
  PRIMARY KEY (round_id, component_key),
  FOREIGN KEY (programme_key, component_key) REFERENCES component(programme_key, key)
);

INSERT INTO component (programme_key, key, position, name_sv, name_en, description_sv, description_en, min_years, max_years, outside_rounds) VALUES
  ('kommunala-partnerskap', 'inception', 1, 'Förstudie', 'Inception',
   'Cirka ett år. Två politiker (majoritet och opposition) och två tjänstepersoner per part. Slutar i ett projektförslag.',
   'About one year. Two politicians (majority and opposition) and two civil servants per party. Ends in a project proposal.', 1, 1, true),
  ('kommunala-partnerskap', 'project', 2, 'Projekt', 'Project',
   'Ett till tre år, tre till fem tjänstepersoner per part.', 'One to three years, three to five civil servants per party.', 1, 3, false),
  ('kommunala-partnerskap', 'steering-group', 3, 'Styrgrupp', 'Steering group',
   'Politiker som styr projektet, vid sidan av det.', 'Politicians who steer the project, beside it.', 1, 3, false);
INSERT INTO amount_rule (programme_key, component_key, world_region, min_parties, max_sek, per_year) VALUES
  ('kommunala-partnerskap', 'inception', 'Europe', 2, 220000, false),
  ('kommunala-partnerskap', 'inception', 'Asia', 2, 275000, false),
  ('kommunala-partnerskap', 'inception', 'Africa', 2, 275000, false),
  ('kommunala-partnerskap', 'inception', 'Latin America', 2, 275000, false),
  ('kommunala-partnerskap', 'project', 'Europe', 2, 450000, true),
  ('kommunala-partnerskap', 'project', 'Asia', 2, 500000, true),
  ('kommunala-partnerskap', 'project', 'Africa', 2, 500000, true),
  ('kommunala-partnerskap', 'project', 'Latin America', 2, 500000, true),
  ('kommunala-partnerskap', 'project', 'Europe', 3, 600000, true),
  ('kommunala-partnerskap', 'project', 'Asia', 3, 650000, true),
  ('kommunala-partnerskap', 'project', 'Africa', 3, 650000, true),
  ('kommunala-partnerskap', 'project', 'Latin America', 3, 650000, true),
  ('kommunala-partnerskap', 'steering-group', 'Europe', 2, 300000, true),
  ('kommunala-partnerskap', 'steering-group', 'Asia', 2, 300000, true),
  ('kommunala-partnerskap', 'steering-group', 'Africa', 2, 300000, true),
  ('kommunala-partnerskap', 'steering-group', 'Latin America', 2, 300000, true);
INSERT INTO programme_applicant_kind (programme_key, kind) VALUES
  ('kommunala-partnerskap', 'municipality'), ('kommunala-partnerskap', 'region'),
  ('kommunala-partnerskap', 'county-council'), ('kommunala-partnerskap', 'regional-federation');
