-- The follow-up of funded projects (grant module): a funded partnership granted through the portal
-- is a project with the application it came from, its approved budget per line, its contacts, the
-- payments made or due, and the reports it owes. Demo partnerships recorded from the published lists
-- have no application (application_id NULL) and no budget lines.
-- Later migrations of the grant module add agreements, change requests, report contents and reminders.

-- How a programme pays: 'reimbursement' pays back reported, eligible costs after each approved report,
-- up to the approved budget; 'tranches' pays advances in tranches (programme_tranche) on a condition.
-- Reports: a report each year (annual) and a final report within final_report_days after the end,
-- written in report_language; a line whose actual cost differs from its budget by more than
-- report_variance_percent needs an explanation.
ALTER TABLE programme ADD COLUMN payment_model TEXT NOT NULL DEFAULT 'reimbursement'
  CHECK (payment_model IN ('reimbursement', 'tranches'));
ALTER TABLE programme ADD COLUMN report_language TEXT NOT NULL DEFAULT 'en' CHECK (report_language IN ('sv', 'en'));
ALTER TABLE programme ADD COLUMN report_variance_percent INT NOT NULL DEFAULT 10
  CHECK (report_variance_percent BETWEEN 0 AND 100);
ALTER TABLE programme ADD COLUMN final_report_days INT NOT NULL DEFAULT 60 CHECK (final_report_days > 0);

-- The tranches of a programme that pays advances: the share of the approved budget and the condition
-- that makes it due.
CREATE TABLE programme_tranche (
  programme_key TEXT NOT NULL REFERENCES programme(key),
  position INT NOT NULL CHECK (position > 0),
  share_percent INT NOT NULL CHECK (share_percent BETWEEN 1 AND 100),
  condition TEXT NOT NULL CHECK (condition IN ('agreement-signed', 'report-approved', 'final-report-approved')),
  PRIMARY KEY (programme_key, position)
);

ALTER TABLE funded_partnership ADD COLUMN application_id UUID UNIQUE;
ALTER TABLE funded_partnership ADD COLUMN title TEXT;

-- The approved budget: the application's cost lines, adjusted by the decision (approved_sek).
CREATE TABLE project_budget_line (
  funded_partnership_id UUID NOT NULL REFERENCES funded_partnership(id) ON DELETE CASCADE,
  position INT NOT NULL CHECK (position > 0),
  category TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  party TEXT NOT NULL DEFAULT '',
  applied_sek BIGINT NOT NULL CHECK (applied_sek >= 0),
  approved_sek BIGINT NOT NULL CHECK (approved_sek >= 0),
  PRIMARY KEY (funded_partnership_id, position)
);

-- The project's contacts (from the application), the authorised signatory marked.
CREATE TABLE project_contact (
  funded_partnership_id UUID NOT NULL REFERENCES funded_partnership(id) ON DELETE CASCADE,
  position INT NOT NULL CHECK (position > 0),
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  signatory BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (funded_partnership_id, position)
);

-- The reports a project owes, created with the project: an annual report for each project year and
-- the final report. status moves not-started -> draft -> submitted -> approved, or submitted ->
-- returned -> draft -> submitted ...; answers holds the narrative as jsonb (autosaved like an
-- application section, version for optimistic locking).
CREATE TABLE project_report (
  id UUID PRIMARY KEY,
  funded_partnership_id UUID NOT NULL REFERENCES funded_partnership(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('annual', 'final')),
  position INT NOT NULL CHECK (position > 0),
  period_from DATE NOT NULL,
  period_to DATE NOT NULL,
  due_on DATE NOT NULL,
  status TEXT NOT NULL DEFAULT 'not-started'
    CHECK (status IN ('not-started', 'draft', 'submitted', 'returned', 'approved')),
  answers JSONB NOT NULL DEFAULT '{}'::jsonb,
  version INT NOT NULL DEFAULT 0 CHECK (version >= 0),
  saved_by TEXT,
  saved_at TIMESTAMP WITH TIME ZONE,
  submitted_by TEXT,
  submitted_at TIMESTAMP WITH TIME ZONE,
  reviewed_by TEXT,
  reviewed_at TIMESTAMP WITH TIME ZONE,
  review_comment TEXT,
  eligible_sek BIGINT CHECK (eligible_sek >= 0),
  UNIQUE (funded_partnership_id, position),
  CHECK (period_to >= period_from AND due_on >= period_to)
);
CREATE INDEX project_report_due_idx ON project_report (due_on) WHERE status <> 'approved';

-- The actual cost per budget line in a report, with the explanation a large variance needs.
CREATE TABLE project_report_line (
  report_id UUID NOT NULL REFERENCES project_report(id) ON DELETE CASCADE,
  position INT NOT NULL,
  actual_sek BIGINT NOT NULL CHECK (actual_sek >= 0),
  explanation TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, position)
);

-- Payments: due when their condition is met (a report approved, the agreement signed), released with
-- a date and a reference. A repayment is what the grantee owes back after the final report.
CREATE TABLE project_payment (
  id UUID PRIMARY KEY,
  funded_partnership_id UUID NOT NULL REFERENCES funded_partnership(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('reimbursement', 'tranche', 'repayment')),
  amount_sek BIGINT NOT NULL CHECK (amount_sek > 0),
  report_id UUID REFERENCES project_report(id),
  tranche_position INT,
  status TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'released')),
  due_since TIMESTAMP WITH TIME ZONE NOT NULL,
  released_on DATE,
  reference TEXT,
  released_by TEXT,
  released_at TIMESTAMP WITH TIME ZONE,
  CHECK ((status = 'released') = (released_on IS NOT NULL AND reference IS NOT NULL))
);
CREATE INDEX project_payment_project_idx ON project_payment (funded_partnership_id);
-- one payment per approved report, one per tranche
CREATE UNIQUE INDEX project_payment_report_uk ON project_payment (report_id) WHERE report_id IS NOT NULL AND kind <> 'repayment';
CREATE UNIQUE INDEX project_payment_tranche_uk ON project_payment (funded_partnership_id, tranche_position)
  WHERE tranche_position IS NOT NULL;
