-- The fieldwork grant's application form (issue 17), as data on the same engine as the municipal partnership's:
-- a student fills it in for themselves. The amount applied for is the sum of the budget's three amounts, checked
-- against the call's largest grant; the fieldwork ends at least five weeks (35 days) after it starts.
INSERT INTO programme_form (programme_key, version, definition)
VALUES ('resestipendium', 1, $form$
{"sections": [
  {"key": "personal", "kind": "questions",
   "slug": {"sv": "personuppgifter", "en": "personal-details"},
   "title": {"sv": "Personuppgifter", "en": "Personal details"},
   "intro": {"sv": "Ditt namn och din e-postadress är de du har på ditt konto; där når vi dig om ansökan.",
             "en": "Your name and e-mail address are those of your account; that is where we reach you about the application."},
   "questions": [
     {"key": "phone", "type": "short-text", "required": true, "labelSv": "Telefonnummer", "labelEn": "Phone number", "maxLength": 50},
     {"key": "address", "type": "long-text", "required": true, "labelSv": "Postadress", "labelEn": "Postal address", "maxLength": 300,
      "helpSv": "Gatuadress, postnummer och ort.", "helpEn": "Street, postcode and town."}]},
  {"key": "studies", "kind": "questions",
   "slug": {"sv": "studier", "en": "studies"},
   "title": {"sv": "Universitet och handledare", "en": "University and supervisor"},
   "intro": {"sv": "Du ska vara antagen till en utbildning på masternivå vid ett svenskt universitet eller en svensk högskola.",
             "en": "You must be admitted to a master's programme at a Swedish university."},
   "questions": [
     {"key": "university", "type": "short-text", "required": true, "labelSv": "Universitet eller högskola", "labelEn": "University", "maxLength": 150},
     {"key": "programme", "type": "short-text", "required": true, "labelSv": "Utbildningsprogram", "labelEn": "Study programme", "maxLength": 150},
     {"key": "supervisorName", "type": "short-text", "required": true, "labelSv": "Handledarens namn", "labelEn": "Supervisor's name", "maxLength": 150},
     {"key": "supervisorEmail", "type": "email", "required": true, "labelSv": "Handledarens e-postadress", "labelEn": "Supervisor's e-mail address",
      "helpSv": "Handledarens adress vid universitetet.", "helpEn": "Your supervisor's address at the university."}]},
  {"key": "fieldwork", "kind": "questions",
   "slug": {"sv": "faltarbete", "en": "fieldwork"},
   "title": {"sv": "Fältarbetet", "en": "The fieldwork"},
   "intro": {"sv": "Var och när du gör ditt fältarbete: minst fem veckor i ett av programmets samarbetsländer.",
             "en": "Where and when you do your fieldwork: at least five weeks in one of the programme's partner countries."},
   "questions": [
     {"key": "country", "type": "country", "required": true, "labelSv": "Land", "labelEn": "Country"},
     {"key": "place", "type": "short-text", "required": true, "labelSv": "Ort eller region", "labelEn": "Town or region", "maxLength": 150},
     {"key": "starts", "type": "date", "required": true, "labelSv": "Första dagen", "labelEn": "First day"},
     {"key": "ends", "type": "date", "required": true, "labelSv": "Sista dagen", "labelEn": "Last day",
      "helpSv": "Minst fem veckor (35 dagar) efter första dagen, som ÅÅÅÅ-MM-DD.", "helpEn": "At least five weeks (35 days) after the first day, as YYYY-MM-DD."}]},
  {"key": "project", "kind": "questions",
   "slug": {"sv": "projektbeskrivning", "en": "project-description"},
   "title": {"sv": "Projektbeskrivning", "en": "Project description"},
   "intro": {"sv": "Uppsatsen du gör fältarbetet för.", "en": "The thesis you do the fieldwork for."},
   "questions": [
     {"key": "title", "type": "short-text", "required": true, "labelSv": "Uppsatsens arbetsnamn", "labelEn": "Working title of the thesis", "maxLength": 150},
     {"key": "description", "type": "long-text", "required": true, "labelSv": "Beskrivning", "labelEn": "Description", "maxLength": 5000,
      "helpSv": "Syfte och frågeställning, metod, och hur studien hänger ihop med lokal demokrati och de globala målen.",
      "helpEn": "Aim and research question, method, and how the study connects to local democracy and the global goals."}]},
  {"key": "motivation", "kind": "questions",
   "slug": {"sv": "personligt-brev", "en": "motivation-letter"},
   "title": {"sv": "Personligt brev", "en": "Motivation letter"},
   "questions": [
     {"key": "letter", "type": "long-text", "required": true, "labelSv": "Varför vill du göra fältarbetet?", "labelEn": "Why do you want to do the fieldwork?", "maxLength": 3000}]},
  {"key": "cv", "kind": "attachments",
   "slug": {"sv": "cv", "en": "cv"},
   "title": {"sv": "CV", "en": "CV"},
   "intro": {"sv": "Ditt CV som PDF-fil.", "en": "Your CV as a PDF file."}},
  {"key": "budget", "kind": "questions",
   "slug": {"sv": "budget", "en": "budget"},
   "title": {"sv": "Budget", "en": "Budget"},
   "intro": {"sv": "Kostnaderna för fältarbetet i hela kronor. Tillsammans får de vara högst omgångens största stipendium.",
             "en": "The costs of the fieldwork in whole kronor. Together they may not exceed the call's largest grant."},
   "questions": [
     {"key": "travel", "type": "amount", "required": true, "labelSv": "Resor", "labelEn": "Travel"},
     {"key": "living", "type": "amount", "required": true, "labelSv": "Uppehälle", "labelEn": "Living costs"},
     {"key": "other", "type": "amount", "required": false, "labelSv": "Övrigt", "labelEn": "Other costs"}]},
  {"key": "declaration", "kind": "questions", "roundQuestions": true,
   "slug": {"sv": "intygande", "en": "declaration"},
   "title": {"sv": "Intygande och samtycke", "en": "Declaration and consent"},
   "questions": [
     {"key": "correct", "type": "declaration", "required": true,
      "labelSv": "Jag intygar att uppgifterna stämmer och att jag är antagen till en utbildning på masternivå vid ett svenskt universitet",
      "labelEn": "I confirm that the information is correct and that I am admitted to a master's programme at a Swedish university"},
     {"key": "firstGrant", "type": "declaration", "required": true,
      "labelSv": "Jag har inte fått resestipendiet tidigare", "labelEn": "I have not received the fieldwork grant before"},
     {"key": "listing", "type": "single-choice", "required": true,
      "labelSv": "Får vi visa ditt namn, universitet, land och uppsatsens titel bland stipendiaterna om du får stipendiet?",
      "labelEn": "If you receive the grant, may we show your name, university, country and thesis title among the grantees?",
      "helpSv": "Inget annat om dig visas. Du kan ändra dig senare.", "helpEn": "Nothing else about you is shown. You can change your mind later.",
      "options": [{"key": "yes", "sv": "Ja", "en": "Yes"}, {"key": "no", "sv": "Nej", "en": "No"}]}]}
],
"rules": {"requested": ["travel", "living", "other"], "minDays": [{"from": "starts", "to": "ends", "days": 35}]}}
$form$::jsonb)
ON CONFLICT DO NOTHING;
