-- Publishing a round: the decision notices already sent (so that a re-delivered RoundPublished
-- sends none twice) and the draft press release the newsroom will take over.

-- One row per decision (a decision is keyed by its application) whose letter has been e-mailed.
-- The listener inserts the row before sending, in the same transaction: a failed send rolls it back.
CREATE TABLE decision_notice (
  application_id UUID PRIMARY KEY REFERENCES application(id),
  round_id UUID NOT NULL REFERENCES round(id),
  recipients TEXT NOT NULL,
  language TEXT NOT NULL,
  sent_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX decision_notice_round_idx ON decision_notice (round_id);

-- The round's announcement as a draft, in both languages, until a communicator edits and publishes
-- it in the newsroom. One per round: re-delivering the event leaves the first draft as it is.
CREATE TABLE press_release_draft (
  id UUID PRIMARY KEY,
  round_id UUID NOT NULL UNIQUE REFERENCES round(id),
  title_sv TEXT NOT NULL,
  lead_sv TEXT NOT NULL,
  body_sv TEXT NOT NULL,
  title_en TEXT NOT NULL,
  lead_en TEXT NOT NULL,
  body_en TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft'))
);
