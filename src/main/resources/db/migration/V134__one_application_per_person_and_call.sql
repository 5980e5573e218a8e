-- One application per person and call (issue 17), also when two starts arrive at once on two instances.
CREATE UNIQUE INDEX application_person_round_uk ON application (round_id, applicant_user_id)
  WHERE applicant_user_id IS NOT NULL;
