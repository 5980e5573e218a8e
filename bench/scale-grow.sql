-- Grows the demo data by SQL for bench/scale.sh: psql -v factor=F (1, 10, 100) on a fresh copy of a
-- database the application has loaded the demo data into. At factor F there are about
--   39·F funded projects (the demo's copied F-1 times), each followed up (agreement, two reports, a payment,
--        budget lines, a contact), 31·F news items (copied, with their tags; the triggers index them),
--   F rounds more (closed, 200 submitted applications each, three reviewers per application, two of whom
--        have submitted their scores), 1.27·F of the applications led by one of Anna's organisations,
--   2 000·F audit entries, one in 100 of them about a round.
-- Ids, keys, slugs and references are derived from the copy's number, so every copy is consistent.
\set ON_ERROR_STOP on
BEGIN;

-- funded projects: the demo's, F-1 times
CREATE TEMP TABLE scale_fp AS
SELECT md5('scale-fp-' || n || '-' || f.id)::uuid AS id, f.id AS source, n
FROM funded_partnership f, generate_series(1, :factor - 1) n;
INSERT INTO funded_partnership (id, key, programme_key, round_id, swedish_organisation_id, theme_sv, theme_en, amount_sek,
  amount_is_demo, starts_on, ends_on, status, note_sv, note_en, recorded_at, recorded_by, application_id, title, title_sv,
  title_en, slug, texts_version)
SELECT s.id, f.key || '/x' || s.n, f.programme_key, f.round_id, f.swedish_organisation_id, f.theme_sv, f.theme_en,
  f.amount_sek, f.amount_is_demo, f.starts_on - (s.n % 20) * 365, f.ends_on - (s.n % 20) * 365, f.status, f.note_sv,
  f.note_en, f.recorded_at, f.recorded_by, NULL, f.title, f.title_sv, f.title_en,
  coalesce(f.slug, 'projekt') || '-x' || s.n, f.texts_version
FROM scale_fp s JOIN funded_partnership f ON f.id = s.source;
INSERT INTO funded_partnership_partner (funded_partnership_id, position, partner_organisation_id, country_iso2)
SELECT s.id, p.position, p.partner_organisation_id, p.country_iso2
FROM scale_fp s JOIN funded_partnership_partner p ON p.funded_partnership_id = s.source;
INSERT INTO funded_partnership_core_area (funded_partnership_id, programme_key, core_area_key, suggested)
SELECT s.id, c.programme_key, c.core_area_key, c.suggested
FROM scale_fp s JOIN funded_partnership_core_area c ON c.funded_partnership_id = s.source;

-- every project without an agreement is followed up: agreement, reports, a tranche, budget, contact
CREATE TEMP TABLE scale_follow AS
SELECT f.id, row_number() OVER (ORDER BY f.id) AS i FROM funded_partnership f
WHERE NOT EXISTS (SELECT 1 FROM project_agreement a WHERE a.funded_partnership_id = f.id);
INSERT INTO project_agreement (funded_partnership_id, created_at, accepted_name, accepted_role, accepted_by, accepted_at,
  countersigned_by, countersigned_at)
SELECT id, now() - interval '300 days', 'Anna Lindqvist', 'Projektledare', 'anna.applicant@karlstad.demo.example',
  now() - interval '290 days', CASE WHEN i % 3 <> 0 THEN 'olle.officer@icld.demo.example' END,
  CASE WHEN i % 3 <> 0 THEN now() - interval '280 days' END
FROM scale_follow;
INSERT INTO project_report (id, funded_partnership_id, kind, position, period_from, period_to, due_on, status)
SELECT md5('scale-report-' || k || '-' || id)::uuid, id, CASE k WHEN 1 THEN 'annual' ELSE 'final' END, k,
  current_date - 400 + (k - 1) * 365, current_date - 35 + (k - 1) * 365, current_date - 5 + (k - 1) * 365 + (i % 40)::int,
  CASE WHEN k = 1 AND i % 4 = 0 THEN 'submitted' WHEN k = 1 AND i % 4 = 1 THEN 'approved' ELSE 'not-started' END
FROM scale_follow, generate_series(1, 2) k;
INSERT INTO project_payment (id, funded_partnership_id, kind, amount_sek, tranche_position, status, due_since, released_on,
  reference, released_by, released_at)
SELECT md5('scale-payment-' || id)::uuid, id, 'tranche', 200000, 1, CASE WHEN i % 5 = 0 THEN 'due' ELSE 'released' END,
  now() - interval '280 days', CASE WHEN i % 5 <> 0 THEN current_date - 270 END,
  CASE WHEN i % 5 <> 0 THEN 'SC-VER-' || i END, CASE WHEN i % 5 <> 0 THEN 'olle.officer@icld.demo.example' END,
  CASE WHEN i % 5 <> 0 THEN now() - interval '270 days' END
FROM scale_follow;
INSERT INTO project_budget_line (funded_partnership_id, position, category, description, party, applied_sek, approved_sek)
SELECT id, k, (ARRAY['travel', 'salaries', 'meetings'])[k], (ARRAY['Resor', 'Arbetstid', 'Workshoppar'])[k],
  (ARRAY['swedish', 'swedish', 'partner'])[k], 100000 * k, 100000 * k
FROM scale_follow, generate_series(1, 3) k;
INSERT INTO project_contact (funded_partnership_id, position, name, role, email, signatory)
SELECT id, 1, 'Kontakt ' || i, 'Projektledare', 'kontakt' || i || '@scale.example', true FROM scale_follow;

-- news: the demo's items, F-1 times (the triggers write their search documents)
CREATE TEMP TABLE scale_news AS
SELECT md5('scale-news-' || n || '-' || id)::uuid AS id, id AS source, n FROM news_item, generate_series(1, :factor - 1) n;
INSERT INTO news_item (id, type, language, translation_group, slug, title, lead, body_html, status, publish_at, date_only,
  image_url, image_alt, image_caption, image_credit, event_starts_at, event_location, authors, publication_year, citation,
  abstract, pdf, pdf_file_name, source_key, announced_at, created_by, created_at, updated_by, updated_at, version, undated)
SELECT s.id, i.type, i.language, md5('scale-group-' || s.n || '-' || i.translation_group)::uuid, i.slug || '-x' || s.n,
  i.title, i.lead, i.body_html, i.status, i.publish_at - (s.n % 20) * interval '1 year', i.date_only, i.image_url,
  i.image_alt, i.image_caption, i.image_credit, i.event_starts_at, i.event_location, i.authors, i.publication_year,
  i.citation, i.abstract, NULL, NULL, NULL, i.announced_at, i.created_by, i.created_at, i.updated_by, i.updated_at,
  i.version, i.undated
FROM scale_news s JOIN news_item i ON i.id = s.source;
INSERT INTO news_item_tag (item_id, tag_key)
SELECT s.id, t.tag_key FROM scale_news s JOIN news_item_tag t ON t.item_id = s.source;

-- rounds: F more, closed, each with 200 submitted applications and their reviews
CREATE TEMP TABLE scale_round AS
SELECT md5('scale-round-' || n)::uuid AS id, n FROM generate_series(1, :factor) n;
INSERT INTO round (id, programme_key, key, name_sv, name_en, opens_at, closes_at, budget_sek, max_amount_sek, status)
SELECT id, 'kommunala-partnerskap', 'scale-' || n, 'Skalningsomgång ' || n, 'Scale round ' || n,
  now() - interval '200 days', now() - interval '170 days', 50000000, 500000, 'closed'
FROM scale_round;
INSERT INTO round_country (round_id, country_iso2) SELECT id, 'KE' FROM scale_round;
INSERT INTO round_component (round_id, programme_key, component_key)
SELECT id, 'kommunala-partnerskap', 'project' FROM scale_round;
CREATE TEMP TABLE scale_app AS
SELECT md5('scale-app-' || r.n || '-' || k)::uuid AS id, r.id AS round_id, (r.n - 1) * 200 + k AS i
FROM scale_round r, generate_series(1, 200) k;
-- one application in 157 is Karlstad's (Anna's organisation): 1.27 per round
WITH orgs AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS o, count(*) OVER () AS c FROM swedish_organisation)
INSERT INTO application (id, round_id, programme_key, component_key, lead_organisation_id, status, title, created_by,
  created_at, updated_at, reference, submitted_at)
SELECT a.id, a.round_id, 'kommunala-partnerskap', 'project',
  CASE WHEN a.i % 157 = 1 THEN (SELECT min(m.organisation_id::text)::uuid FROM membership m JOIN app_user u
    ON u.id = m.user_id WHERE u.email = 'anna.applicant@karlstad.demo.example') ELSE o.id END, 'submitted',
  'Demokrati och delaktighet ' || a.i, 'anna.applicant@karlstad.demo.example', now() - interval '190 days',
  now() - interval '175 days' + a.i * interval '1 second', 'SC-' || lpad(a.i::text, 6, '0'), now() - interval '175 days'
FROM scale_app a JOIN orgs o ON o.o = a.i % o.c;
INSERT INTO application_section (application_id, section_key, answers, state, version, saved_by, saved_at)
SELECT a.id, s.key, s.answers::jsonb, 'completed', 1, 'anna.applicant@karlstad.demo.example', now() - interval '176 days'
FROM scale_app a, LATERAL (VALUES
  ('applicant', '{"contactName": ["Anna Lindqvist"], "contactEmail": ["anna.applicant@karlstad.demo.example"]}'),
  ('partners', '{"partner1Name": ["Makueni County"], "partner1Type": ["district"], "partner1Country": ["KE"]}'),
  ('core-areas', '{"coreAreas": ["participation"], "theme": ["Medborgardialog"]}'),
  ('challenge', json_build_object('title', json_build_array('Demokrati och delaktighet ' || a.i))::text),
  ('budget', '{"line1Category": ["travel"], "line1Description": ["Resor"], "line1Party": ["swedish"], "line1Amount": ["400000"], "requested": ["400000"]}'))
  AS s(key, answers);
INSERT INTO app_user (id, email, display_name, enabled, created_at)
SELECT md5('scale-reviewer-' || k)::uuid, 'granskare' || k || '@scale.example', 'Granskare ' || k, true, now()
FROM generate_series(1, 3) k;
INSERT INTO user_role (user_id, role) SELECT md5('scale-reviewer-' || k)::uuid, 'REVIEWER' FROM generate_series(1, 3) k;
INSERT INTO review_assignment (id, application_id, round_id, reviewer_id, reviewer_email, reviewer_name, status, assigned_by,
  assigned_at, declared_at, submitted_at)
SELECT md5('scale-review-' || k || '-' || a.id)::uuid, a.id, a.round_id, md5('scale-reviewer-' || k)::uuid,
  'granskare' || k || '@scale.example', 'Granskare ' || k, CASE WHEN k < 3 THEN 'submitted' ELSE 'assigned' END,
  'olle.officer@icld.demo.example', now() - interval '170 days', now() - interval '169 days',
  CASE WHEN k < 3 THEN now() - interval '160 days' END
FROM scale_app a, generate_series(1, 3) k;
INSERT INTO review_score (assignment_id, criterion_key, score, comment)
SELECT r.id, c.key, 1 + (abs(hashtext(r.id::text || c.key)) % c.scale), 'Motivering'
FROM review_assignment r JOIN scale_app a ON a.id = r.application_id
JOIN scoring_criterion c ON c.programme_key = 'kommunala-partnerskap' WHERE r.status = 'submitted';

-- the audit log: 2 000·F entries, ten about each grown application, one in 100 naming a round
INSERT INTO audit_entry (occurred_at, actor, action, subject_type, subject_id, details)
SELECT now() - n * interval '1 minute', 'olle.officer@icld.demo.example', 'assessment.eligibility-checked', 'application',
  md5('scale-app-' || (1 + (n / 200) % :factor) || '-' || (1 + n % 200))::uuid::text,
  CASE WHEN n % 100 = 0 THEN jsonb_build_object('round', md5('scale-round-' || (1 + n / 100 % :factor))::uuid::text)
       ELSE jsonb_build_object('reference', 'SC-' || n) END
FROM generate_series(1, 2000 * :factor) n;
COMMIT;
ANALYZE;
