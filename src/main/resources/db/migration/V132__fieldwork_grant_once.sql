-- The fieldwork grant is received once (issue 17): version 3 of its form adds the rule "firstGrantOnly", which
-- refuses at submission an application of a person whose earlier application in the programme was granted
-- (decisions published). The student's declaration stays as well.
INSERT INTO programme_form (programme_key, version, definition)
SELECT programme_key, 3, jsonb_set(definition, '{rules,firstGrantOnly}', 'true'::jsonb)
FROM programme_form WHERE programme_key = 'resestipendium' AND version = 2
ON CONFLICT DO NOTHING;
