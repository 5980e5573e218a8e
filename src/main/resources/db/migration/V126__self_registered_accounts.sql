-- Whether a person created the account themselves (issue 17): the administrators' list tells a registration not
-- yet confirmed from an invitation not yet accepted. Accounts so far were all made by administrators or seeded,
-- except those with a registration link (V122), which are marked here.
ALTER TABLE app_user ADD COLUMN self_registered BOOLEAN NOT NULL DEFAULT false;
UPDATE app_user u SET self_registered = true
WHERE EXISTS (SELECT 1 FROM invitation i WHERE i.user_id = u.id AND i.kind = 'registration')
  AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.user_id = u.id AND i.kind = 'invitation');
