-- The fieldwork grant is assessed on its own criteria (issue 17), scored 0–5 like the partnership's.
INSERT INTO scoring_criterion (programme_key, key, position, name_sv, name_en, description_sv, description_en, scale, weight)
VALUES
 ('resestipendium', 'academic-quality', 1, 'Akademisk kvalitet', 'Academic quality',
  'Om syfte, frågeställning och metod håller för en uppsats på masternivå.',
  'Whether the aim, research question and method hold for a master''s thesis.', 5, 2),
 ('resestipendium', 'relevance', 2, 'Relevans för lokal demokrati och de globala målen',
  'Relevance to local democracy and the global goals',
  'Hur väl studien hör till lokal demokrati och de globala målen.',
  'How well the study belongs to local democracy and the global goals.', 5, 2),
 ('resestipendium', 'feasibility', 3, 'Genomförbarhet', 'Feasibility',
  'Om fältarbetet, tidplanen och budgeten är realistiska och handledaren stöder fältarbetet.',
  'Whether the fieldwork, time plan and budget are realistic and the supervisor supports the fieldwork.', 5, 1)
ON CONFLICT DO NOTHING;
