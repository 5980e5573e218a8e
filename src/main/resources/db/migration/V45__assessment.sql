-- Assessment: the officers' eligibility checklist, the programme's scoring criteria, reviewers
-- assigned per application with their declaration and scores, and the decision per application.

-- Scoring criteria belong to a programme; a review scores each from 0 to its scale. The ranking
-- weighs each score as a share of its scale (see docs/assessment.md).
CREATE TABLE scoring_criterion (
  programme_key TEXT NOT NULL REFERENCES programme(key),
  key TEXT NOT NULL,
  position INT NOT NULL,
  name_sv TEXT NOT NULL,
  name_en TEXT NOT NULL,
  description_sv TEXT NOT NULL,
  description_en TEXT NOT NULL,
  scale INT NOT NULL CHECK (scale BETWEEN 1 AND 10),
  weight INT NOT NULL CHECK (weight BETWEEN 1 AND 100),
  PRIMARY KEY (programme_key, key)
);

INSERT INTO scoring_criterion VALUES
 ('kommunala-partnerskap', 'relevance', 1, 'Relevans', 'Relevance',
  'Hur väl utmaningen hör till programmets kärnområden och partnernas behov.',
  'How well the challenge fits the programme''s core areas and the partners'' needs.', 5, 3),
 ('kommunala-partnerskap', 'ownership', 2, 'Ägarskap och förankring', 'Ownership',
  'Om båda parter äger frågan och den politiska ledningen står bakom.',
  'Whether both parties own the issue and have their political leadership behind it.', 5, 2),
 ('kommunala-partnerskap', 'feasibility', 3, 'Genomförbarhet', 'Feasibility',
  'Om aktiviteter, tidplan och budget är realistiska.',
  'Whether the activities, time plan and budget are realistic.', 5, 2),
 ('kommunala-partnerskap', 'learning', 4, 'Ömsesidigt lärande', 'Mutual learning',
  'Vad den svenska parten lär sig och tar hem.',
  'What the Swedish party learns and brings home.', 5, 1);

-- One checklist per application; points holds {"key": {"passed": bool, "reason": text}}.
CREATE TABLE eligibility_check (
  application_id UUID PRIMARY KEY REFERENCES application(id),
  round_id UUID NOT NULL REFERENCES round(id),
  eligible BOOLEAN NOT NULL,
  points JSONB NOT NULL,
  checked_by TEXT NOT NULL,
  checked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX eligibility_check_round_idx ON eligibility_check (round_id);

-- A reviewer assigned to an application: assigned, then cleared (declared no conflict), then
-- submitted; or conflict (declared a conflict of interest: the assignment is gone, the row stays
-- as the record and so that the same reviewer is not assigned again by mistake).
CREATE TABLE review_assignment (
  id UUID PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES application(id),
  round_id UUID NOT NULL REFERENCES round(id),
  reviewer_id UUID NOT NULL REFERENCES app_user(id),
  reviewer_email TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('assigned', 'cleared', 'submitted', 'conflict')),
  conflict_reason TEXT,
  assigned_by TEXT NOT NULL,
  assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
  declared_at TIMESTAMP WITH TIME ZONE,
  submitted_at TIMESTAMP WITH TIME ZONE,
  UNIQUE (application_id, reviewer_id)
);
CREATE INDEX review_assignment_reviewer_idx ON review_assignment (reviewer_id, status);
CREATE INDEX review_assignment_round_idx ON review_assignment (round_id);

CREATE TABLE review_score (
  assignment_id UUID NOT NULL REFERENCES review_assignment(id),
  criterion_key TEXT NOT NULL,
  score INT NOT NULL CHECK (score >= 0),
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assignment_id, criterion_key)
);

-- The decision on an application. A grant over the round's budget carries the override's reason.
CREATE TABLE decision (
  application_id UUID PRIMARY KEY REFERENCES application(id),
  round_id UUID NOT NULL REFERENCES round(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('granted', 'rejected')),
  amount_sek BIGINT CHECK (amount_sek > 0),
  conditions TEXT NOT NULL DEFAULT '',
  reason_sv TEXT NOT NULL DEFAULT '',
  reason_en TEXT NOT NULL DEFAULT '',
  override_reason TEXT,
  decided_by TEXT NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK ((outcome = 'granted' AND amount_sek IS NOT NULL) OR (outcome = 'rejected' AND amount_sek IS NULL))
);
CREATE INDEX decision_round_idx ON decision (round_id);
