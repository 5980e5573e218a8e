-- The fieldwork grant (issue 17): a second programme, for master's students (a person applies), with its
-- public page's editable texts, and news items tagged with a programme (the grantees' stories).
INSERT INTO programme (key, name_sv, name_en, applicant_kind, page_path_sv, page_path_en)
VALUES ('resestipendium', 'Resestipendium', 'Fieldwork grant', 'person', '/resestipendium', '/en/fieldwork-grant')
ON CONFLICT (key) DO NOTHING;

ALTER TABLE news_tag DROP CONSTRAINT news_tag_kind_check;
ALTER TABLE news_tag ADD CONSTRAINT news_tag_kind_check CHECK (kind IN ('theme', 'country', 'region', 'programme'));

INSERT INTO page_section (page_key, section_key, language, position, heading, body_html) VALUES
('fieldwork-grant', 'about', 'sv', 1, 'Om resestipendiet',
 $$<p>Intresserar du dig för lokal demokrati, internationell utveckling eller mänskliga rättigheter? Resestipendiet ger masterstudenter möjlighet att göra fältarbetet till sin uppsats i ett av programmets samarbetsländer.</p><p>Stipendiet täcker resor, uppehälle och andra kostnader för fältarbetet, med högst 20 000 kronor.</p>$$),
('fieldwork-grant', 'about', 'en', 1, 'About the fieldwork grant',
 $$<p>Are you interested in local democracy, international development or human rights? The fieldwork grant lets master's students do the fieldwork for their thesis in one of the programme's partner countries.</p><p>The grant covers travel, living and other costs of the fieldwork, up to 20,000 kronor.</p>$$),
('fieldwork-grant', 'who', 'sv', 2, 'Vem kan söka',
 $$<ul><li>Du läser på masternivå vid ett svenskt universitet eller en svensk högskola.</li><li>Fältarbetet pågår i minst fem veckor i ett av programmets samarbetsländer.</li><li>Uppsatsen handlar om lokal demokrati och hänger ihop med de globala målen.</li><li>Du har inte fått resestipendiet tidigare.</li></ul>$$),
('fieldwork-grant', 'who', 'en', 2, 'Who can apply',
 $$<ul><li>You study at master's level at a Swedish university.</li><li>The fieldwork lasts at least five weeks in one of the programme's partner countries.</li><li>The thesis is about local democracy and connected to the global goals.</li><li>You have not received the fieldwork grant before.</li></ul>$$),
('fieldwork-grant', 'how', 'sv', 3, 'Så söker du',
 $$<p>Stipendiet utlyses en gång om året; när ansökan är öppen står det överst på sidan. Du söker med en projektbeskrivning, ett personligt brev om varför du vill göra fältarbetet, ditt CV och en budget. Din handledare bekräftar att hen stöder fältarbetet.</p><p>Ansökningarna bedöms efter akademisk kvalitet, relevans för lokal demokrati och de globala målen, och genomförbarhet.</p>$$),
('fieldwork-grant', 'how', 'en', 3, 'How to apply',
 $$<p>The grant is announced once a year; when the call is open, it says so at the top of this page. You apply with a project description, a motivation letter, your CV and a budget. Your supervisor confirms that they support the fieldwork.</p><p>Applications are assessed on academic quality, relevance to local democracy and the global goals, and feasibility.</p>$$),
('fieldwork-grant', 'reporting', 'sv', 4, 'Vad du rapporterar',
 $$<p>Stipendiet betalas ut som en klumpsumma när du har tackat ja. När du kommit hem skriver du en fältrapport, och när uppsatsen är godkänd skickar du in den. Många stipendiater berättar också om sitt fältarbete i vårt nyhetsrum.</p>$$),
('fieldwork-grant', 'reporting', 'en', 4, 'What you report',
 $$<p>The grant is paid as a lump sum once you have accepted it. After you return you write a field report, and when your thesis is approved you send it in. Many grantees also tell the story of their fieldwork in our newsroom.</p>$$)
ON CONFLICT (page_key, section_key, language) DO NOTHING;

-- Its calls take one kind of application, in the same partner countries as the municipal partnership.
INSERT INTO component (programme_key, key, position, name_sv, name_en, description_sv, description_en, min_years, max_years, outside_rounds)
VALUES ('resestipendium', 'fieldwork', 1, 'Fältarbete', 'Fieldwork',
        'Minst fem veckors fältarbete i ett samarbetsland för en uppsats på masternivå.',
        'At least five weeks of fieldwork in a partner country for a master''s thesis.', 1, 1, false)
ON CONFLICT (programme_key, key) DO NOTHING;
INSERT INTO programme_country (programme_key, country_iso2, position)
SELECT 'resestipendium', country_iso2, position FROM programme_country WHERE programme_key = 'kommunala-partnerskap'
ON CONFLICT DO NOTHING;
