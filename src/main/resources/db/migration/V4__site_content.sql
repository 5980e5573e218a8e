-- Editable texts of the public site, one row per page section and language. Communicators and
-- administrators edit them; the body is HTML sanitised on save. Seeded from the programme's public
-- pages (Swedish verbatim where the pages give it; English ours).
CREATE TABLE page_section (
  page_key TEXT NOT NULL,
  section_key TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('sv', 'en')),
  position INT NOT NULL,
  heading TEXT NOT NULL,
  body_html TEXT NOT NULL,
  version INT NOT NULL DEFAULT 1,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  updated_by TEXT NOT NULL DEFAULT 'seed',
  PRIMARY KEY (page_key, section_key, language)
);

INSERT INTO page_section (page_key, section_key, language, position, heading, body_html) VALUES
('home', 'intro', 'sv', 1, 'Fattigdom bekämpas med demokrati',
 $$<p>Kommunala partnerskap är en Sidafinansierad samarbetsform. Den ska bidra till utveckling av väl fungerande och demokratiska, lokala myndigheter både i samarbetsländerna och Sverige.</p><p>Över 40 svenska kommuner och regioner deltar i dag i ett kommunalt partnerskap.</p>$$),
('home', 'intro', 'en', 1, 'Fighting poverty with democracy',
 $$<p>Municipal Partnership is a form of cooperation financed by Sida. It contributes to well-functioning, democratic local government both in the partner countries and in Sweden.</p><p>More than 40 Swedish municipalities and regions take part in a municipal partnership today.</p>$$),

('programme', 'purpose', 'sv', 1, 'Syfte',
 $$<p>Kommunala Partnerskap är en Sidafinansierad samarbetsform. Den ska bidra till utveckling av väl fungerande och demokratiska, lokala myndigheter både i samarbetsländerna och Sverige.</p><p>Målet med samarbetsformen Kommunala partnerskap är att främja demokrati och processer för delaktighet på lokal och regional nivå och en utveckling där den lokala demokratin institutionaliseras.</p><p>Samarbetsformen kommunala partnerskap innebär att parterna hittar en gemensam utmaning att arbeta kring. Denna samarbetsform höjer kompetensen hos både medarbetare och förtroendevalda genom kunskaps- och erfarenhetsutbyte. Kommunala partnerskap är helt finansierat med statliga medel.</p>$$),
('programme', 'purpose', 'en', 1, 'Purpose',
 $$<p>Municipal Partnership is a form of cooperation financed by Sida. It contributes to well-functioning, democratic local government both in the partner countries and in Sweden.</p><p>The goal is to promote democracy and participation at the local and regional level, and a development in which local democracy becomes institutionalised.</p><p>The parties find a common challenge to work on. Officials and elected members on both sides build their skills by exchanging knowledge and experience. The programme is financed entirely with state funds.</p>$$),

('programme', 'core-areas', 'sv', 2, 'Fyra kärnområden',
 $$<p>Ett kommunalt partnerskap ska bidra till ökat medborgarinflytande genom att stärka lokala och regionala politiskt styrda organisationer inom något, eller några av följande kärnområden:</p>$$),
('programme', 'core-areas', 'en', 2, 'Four core areas',
 $$<p>A municipal partnership increases citizens' influence by strengthening local and regional politically governed organisations in one or more of these core areas:</p>$$),

('programme', 'who-may-apply', 'sv', 3, 'Vem kan söka?',
 $$<p>Det är kommuner, regioner och regionala kommunalförbund i Sverige som kan ansöka om kommunalt partnerskap med något av de utvalda samarbetsländerna. Ansökan görs tillsammans med en partnerorganisation i samarbetslandet.</p><p>En svensk part kan ha partner i fler än ett land.</p>$$),
('programme', 'who-may-apply', 'en', 3, 'Who may apply?',
 $$<p>Swedish municipalities, regions and regional municipal federations may apply for a municipal partnership with one of the designated partner countries. The application is made together with a partner organisation in the partner country.</p><p>A Swedish party may have partners in more than one country.</p>$$),

('programme', 'partner-countries', 'sv', 4, 'Samarbetsländer',
 $$<p>De länder som finns tillgängliga för samarbete är:</p>$$),
('programme', 'partner-countries', 'en', 4, 'Partner countries',
 $$<p>The countries available for cooperation are:</p>$$),

('programme', 'application-windows', 'sv', 5, 'Ansökningsperioder',
 $$<p>Varje år har vi två ansökningsperioder för programmet Kommunala Partnerskap: 15 februari till 15 mars och 15 september till 15 oktober. ICLD fördelar medel till kommunala partnerskap två gånger per år. En förstudie kan sökas löpande.</p>$$),
('programme', 'application-windows', 'en', 5, 'Application periods',
 $$<p>Every year there are two application periods for Municipal Partnership: 15 February to 15 March and 15 September to 15 October. Funds are allocated twice a year. An inception can be applied for at any time.</p>$$),

('programme', 'how-to-apply', 'sv', 6, 'Så här ansöker ni',
 $$<ol><li>Hitta en partner i ett av samarbetsländerna och en gemensam utmaning att arbeta med.</li><li>Skapa ett konto för er organisation och starta en ansökan när ansökningsperioden är öppen.</li><li>Beskriv utmaningen, målen, aktiviteterna och budgeten tillsammans med er partner och bifoga partnerns undertecknade avsiktsförklaring.</li><li>Skicka in ansökan före stängning klockan 23.59 sista dagen. Ni får ett referensnummer och en kvittens med e-post.</li></ol><p>Ett partnerskap börjar oftast med en förstudie (cirka ett år) och fortsätter med ett projekt på ett till tre år, med en styrgrupp av politiker vid sidan av.</p>$$),
('programme', 'how-to-apply', 'en', 6, 'How to apply',
 $$<ol><li>Find a partner in one of the partner countries and a common challenge to work on.</li><li>Create an account for your organisation and start an application while the application period is open.</li><li>Describe the challenge, objectives, activities and budget together with your partner, and attach the partner's signed letter of intent.</li><li>Submit the application before it closes at 23:59 on the last day. You get a reference number and a receipt by e-mail.</li></ol><p>A partnership usually starts with an inception (about one year) and continues with a project of one to three years, with a steering group of politicians beside it.</p>$$),

('programme', 'reporting', 'sv', 7, 'Redovisning',
 $$<p>Den svenska parten redovisar en gång per år och efter avslutat projekt, digitalt och på engelska, med en ekonomisk redovisning per budgetpost. Deltagandet kostar inget: programmet betalar resor och den svenska partens arbetstid. Den svenska parten lägger ut kostnaderna och får dem ersatta efter godkänd redovisning.</p>$$),
('programme', 'reporting', 'en', 7, 'Reporting',
 $$<p>The Swedish party reports once a year and at the end of the project, digitally and in English, with financial accounts per budget line. Taking part costs nothing: the programme pays travel and the Swedish party's working hours. The Swedish party pays first and is reimbursed after each approved report.</p>$$),

('programme', 'guidelines', 'sv', 8, 'Riktlinjer och utbildning',
 $$<p>Riktlinjerna och budgetriktlinjerna beskriver vilka kostnader som ersätts och vilka maxbelopp som gäller för förstudie, projekt och styrgrupp. Beloppen beror på partnerns region, antalet parter och antalet år. Inför varje ansökningsperiod erbjuds introduktionsutbildning för nya partnerskap.</p>$$),
('programme', 'guidelines', 'en', 8, 'Guidelines and training',
 $$<p>The guidelines and budget guidelines describe which costs are covered and the maximum amounts for an inception, a project and a steering group. The amounts depend on the partner's region, the number of parties and the number of years. Before each application period, an introductory training is offered to new partnerships.</p>$$),

('programme', 'faq', 'sv', 9, 'Vanliga frågor',
 $$<h3>Kan vi ha partner i flera länder?</h3><p>Ja. En svensk part kan samarbeta med partner i fler än ett land, till exempel i både Zambia och Zimbabwe.</p><h3>Kan flera i vår organisation arbeta med samma ansökan?</h3><p>Ja. Varje person har ett eget konto med en roll i organisationen.</p><h3>Vad händer om vi missar sista dagen?</h3><p>Ansökan kan inte skickas in efter stängning. Nästa ansökningsperiod visas överst på den här sidan.</p>$$),
('programme', 'faq', 'en', 9, 'Frequently asked questions',
 $$<h3>Can we have partners in several countries?</h3><p>Yes. A Swedish party may work with partners in more than one country, for example in both Zambia and Zimbabwe.</p><h3>Can several people in our organisation work on the same application?</h3><p>Yes. Every person has an account of their own with a role in the organisation.</p><h3>What if we miss the last day?</h3><p>An application cannot be submitted after the period has closed. The next application period is shown at the top of this page.</p>$$),

('programme', 'contact', 'sv', 10, 'Kontakt',
 $$<p>Felicia Wede, handläggare kommunala partnerskap<br>Telefon: 072-450 0150<br>E-post: <a href="mailto:partnership@icld.se">partnership@icld.se</a></p><p>Internationellt Centrum för Lokal Demokrati, ICLD<br>Söderväg 1D<br>621 58 Visby</p>$$),
('programme', 'contact', 'en', 10, 'Contact',
 $$<p>Felicia Wede, case officer, municipal partnership<br>Phone: +46 72-450 0150<br>E-mail: <a href="mailto:partnership@icld.se">partnership@icld.se</a></p><p>Swedish International Centre for Local Democracy, ICLD<br>Söderväg 1D<br>SE-621 58 Visby, Sweden</p>$$);
