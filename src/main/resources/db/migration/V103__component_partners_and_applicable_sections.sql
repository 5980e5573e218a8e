-- How many partner organisations abroad an application for a component may name. Two make a
-- three-party partnership (the Swedish party and two partners); the programme's guidelines have variants
-- for three or more parties, so a project and its steering group may name three.
ALTER TABLE component ADD COLUMN max_partners INT NOT NULL DEFAULT 2 CHECK (max_partners BETWEEN 1 AND 10);
UPDATE component SET max_partners = 3
WHERE programme_key = 'kommunala-partnerskap' AND key IN ('project', 'steering-group');

-- The round's own questions were marked completed in advance when a round asked none. A section that does
-- not apply is no longer counted at all, so a draft's never-saved questions section says what it is.
UPDATE application_section SET state = 'not-started'
WHERE section_key = 'questions' AND state = 'completed' AND version = 0 AND answers = '{}'::jsonb
  AND application_id IN (SELECT id FROM application WHERE status IN ('draft', 'withdrawn'));
