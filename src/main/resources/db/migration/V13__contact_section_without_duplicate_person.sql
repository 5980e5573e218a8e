-- The programme page now lists the contact persons from contact_person under the contact section;
-- the seeded section text named the case officer too. Keep only the organisation's own address and
-- shared mailbox there, unless a communicator has already edited the text (version > 1).
UPDATE page_section SET body_html =
  $$<p>Frågor om kommunala partnerskap: <a href="mailto:partnership@icld.se">partnership@icld.se</a></p><p>Internationellt Centrum för Lokal Demokrati, ICLD<br>Söderväg 1D<br>621 58 Visby</p>$$
WHERE page_key = 'programme' AND section_key = 'contact' AND language = 'sv' AND version = 1;
UPDATE page_section SET body_html =
  $$<p>Questions about Municipal Partnership: <a href="mailto:partnership@icld.se">partnership@icld.se</a></p><p>Swedish International Centre for Local Democracy, ICLD<br>Söderväg 1D<br>SE-621 58 Visby, Sweden</p>$$
WHERE page_key = 'programme' AND section_key = 'contact' AND language = 'en' AND version = 1;
