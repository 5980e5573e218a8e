-- The fieldwork grant is paid as a lump sum once the grantee has accepted it (issue 17): in the payment models
-- the platform has, one tranche of the whole grant, due when the agreement is signed by both parties.
UPDATE programme SET payment_model = 'tranches' WHERE key = 'resestipendium';
INSERT INTO programme_tranche (programme_key, position, share_percent, condition)
VALUES ('resestipendium', 1, 100, 'agreement-signed')
ON CONFLICT (programme_key, position) DO NOTHING;
