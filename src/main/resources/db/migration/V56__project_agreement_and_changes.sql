-- The follow-up of funded projects, part two: the agreement each project is run under and the changes a
-- grantee asks for. See docs/follow-up.md.

-- One agreement per project, made with the project. The PDF is rendered from pdf/agreement.jte when it is
-- downloaded. The grantee's authorised signatory accepts it in the portal (name, role, time and the user
-- who clicked); then a case officer countersigns it. Neither step can be done twice.
CREATE TABLE project_agreement (
  funded_partnership_id UUID PRIMARY KEY REFERENCES funded_partnership(id) ON DELETE CASCADE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  accepted_name TEXT,
  accepted_role TEXT,
  accepted_by TEXT,
  accepted_at TIMESTAMP WITH TIME ZONE,
  countersigned_by TEXT,
  countersigned_at TIMESTAMP WITH TIME ZONE,
  CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
  CHECK (accepted_at IS NULL OR (accepted_name IS NOT NULL AND accepted_role IS NOT NULL)),
  CHECK (countersigned_at IS NULL OR accepted_at IS NOT NULL),
  CHECK ((countersigned_at IS NULL) = (countersigned_by IS NULL))
);

-- A grantee's request to change its project: a longer period (extension: new_ends_on) or an amount moved
-- between two budget lines (budget-move). A case officer approves (the change is applied) or refuses it,
-- with a comment.
CREATE TABLE project_change_request (
  id UUID PRIMARY KEY,
  funded_partnership_id UUID NOT NULL REFERENCES funded_partnership(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('extension', 'budget-move')),
  new_ends_on DATE,
  from_position INT,
  to_position INT,
  amount_sek BIGINT CHECK (amount_sek > 0),
  reason TEXT NOT NULL CHECK (reason <> ''),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  requested_by TEXT NOT NULL,
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by TEXT,
  decided_at TIMESTAMP WITH TIME ZONE,
  decision_comment TEXT,
  CHECK (kind <> 'extension' OR new_ends_on IS NOT NULL),
  CHECK (kind <> 'budget-move' OR (from_position IS NOT NULL AND to_position IS NOT NULL
                                   AND amount_sek IS NOT NULL AND from_position <> to_position)),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX project_change_request_project_idx ON project_change_request (funded_partnership_id);
