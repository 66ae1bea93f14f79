-- The threads of the story an entry belongs to, as a JSON list of the tags as the
-- editor wrote them ("Kursk", "G7 talks"). None: NULL.
ALTER TABLE entries ADD COLUMN tags TEXT;
