-- A programme's application form is data (issue 17): its sections in the task list's order, each of a kind the
-- engine draws and checks (the municipal partnership's applicant, partners, core areas, challenge, activities,
-- budget and attachments; "questions", a list of typed questions defined here and, where the section says so,
-- the round's extra questions), with its address segment, title and introduction in Swedish and English.
-- A version never changes once stored: a changed form is a new version, and an application keeps the version
-- it was started on (application.form_version), its submission a copy of the definition it was filled against.
CREATE TABLE programme_form (
  programme_key TEXT NOT NULL REFERENCES programme(key),
  version INT NOT NULL CHECK (version >= 1),
  definition JSONB NOT NULL CHECK (jsonb_typeof(definition -> 'sections') = 'array'),
  created_by TEXT NOT NULL DEFAULT 'migration',
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  PRIMARY KEY (programme_key, version)
);

-- Every programme organisations applied to before this migration was filled in on the municipal partnership's
-- form: it becomes their version 1, with the same section keys (application_section rows need no change), the
-- same addresses and the same words.
INSERT INTO programme_form (programme_key, version, definition)
SELECT p.key, 1, $form$
{"sections": [
  {"key": "applicant", "kind": "applicant",
   "slug": {"sv": "sokande", "en": "applicant"},
   "title": {"sv": "Sökande organisation och kontaktpersoner", "en": "Applicant organisation and contact persons"},
   "intro": {"sv": "Vem på er organisation vi kontaktar om ansökan, och andra svenska organisationer som söker med er.",
             "en": "Whom at your organisation we contact about the application, and other Swedish organisations applying with you."}},
  {"key": "partners", "kind": "partners",
   "slug": {"sv": "partner", "en": "partners"},
   "title": {"sv": "Partnerorganisationer", "en": "Partner organisations"},
   "intro": {"sv": "Organisationen i partnerlandet som ni samarbetar med. Bara omgångens partnerländer kan väljas.",
             "en": "The organisation in the partner country you work with. Only the round's partner countries can be chosen."}},
  {"key": "core-areas", "kind": "core-areas",
   "slug": {"sv": "karnomraden", "en": "core-areas"},
   "title": {"sv": "Kärnområden och tema", "en": "Core areas and theme"},
   "intro": {"sv": "Vilka av programmets fyra kärnområden partnerskapet arbetar med, och dess tema.",
             "en": "Which of the programme's four core areas the partnership works in, and its theme."}},
  {"key": "challenge", "kind": "challenge",
   "slug": {"sv": "utmaning", "en": "challenge"},
   "title": {"sv": "Gemensam utmaning, mål och förväntade resultat", "en": "Shared challenge, objectives and expected results"},
   "intro": {"sv": "Den utmaning ni och er partner arbetar med tillsammans, vad ni vill uppnå och hur ni ser att det har lyckats.",
             "en": "The challenge you and your partner work on together, what you want to achieve and how you will know it worked."}},
  {"key": "activities", "kind": "activities",
   "slug": {"sv": "aktiviteter", "en": "activities"},
   "title": {"sv": "Aktiviteter och tidsplan", "en": "Activities and time plan"},
   "intro": {"sv": "Vad ni ska göra, när, och hur länge.", "en": "What you will do, when, and for how long."}},
  {"key": "budget", "kind": "budget",
   "slug": {"sv": "budget", "en": "budget"},
   "title": {"sv": "Budget", "en": "Budget"},
   "intro": {"sv": "Kostnaderna i hela kronor och det belopp ni söker. Beloppet får inte vara högre än maxbeloppet för den här delen.",
             "en": "The costs in whole kronor and the amount you apply for. The amount may not exceed this component's maximum."}},
  {"key": "attachments", "kind": "attachments",
   "slug": {"sv": "bilagor", "en": "attachments"},
   "title": {"sv": "Bilagor", "en": "Attachments"},
   "intro": {"sv": "Till exempel partnerns undertecknade avsiktsförklaring. Bara PDF-filer.",
             "en": "For example the partner's signed letter of intent. PDF files only."}},
  {"key": "questions", "kind": "questions", "roundQuestions": true,
   "slug": {"sv": "fragor", "en": "questions"},
   "title": {"sv": "Omgångens frågor", "en": "The round's questions"},
   "intro": {"sv": "Frågor som gäller just den här ansökningsomgången.", "en": "Questions that belong to this round only."},
   "questions": []}
]}
$form$::jsonb
FROM programme p WHERE p.applicant_kind = 'organisation';

-- Every application so far was started on that version 1; from now on one is started on its programme's latest
-- (the module names it; rows written outside it, as the benchmarks' generated ones, are on version 1, and the
-- foreign key refuses a programme that has no such version).
ALTER TABLE application ADD COLUMN form_version INT NOT NULL DEFAULT 1;
ALTER TABLE application ADD CONSTRAINT application_form_fk
  FOREIGN KEY (programme_key, form_version) REFERENCES programme_form(programme_key, version);
