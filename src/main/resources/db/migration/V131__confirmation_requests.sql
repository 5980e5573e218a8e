-- A person named in a submitted application confirms by a mailed link (issue 17): the fieldwork grant's supervisor
-- confirms that they support the fieldwork. Which questions name that person is the form's rule "confirmBy"; the
-- fieldwork grant's form gets it as version 2 (version 1 stays as it was; drafts begun on it keep it).
CREATE TABLE confirmation_request (
  id UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application(id),
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  -- the SHA-256 of the mailed link's token; a new mail mints a new one (the earlier link stops working)
  token_hash CHAR(64) NOT NULL UNIQUE,
  language TEXT NOT NULL CHECK (language IN ('sv', 'en')),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_at TIMESTAMP WITH TIME ZONE,
  supports BOOLEAN,
  CHECK ((answered_at IS NULL) = (supports IS NULL)),
  UNIQUE (application_id, email)
);

INSERT INTO programme_form (programme_key, version, definition)
SELECT programme_key, 2,
       jsonb_set(definition, '{rules,confirmBy}', '{"name": "supervisorName", "email": "supervisorEmail"}'::jsonb)
FROM programme_form WHERE programme_key = 'resestipendium' AND version = 1
ON CONFLICT DO NOTHING;
