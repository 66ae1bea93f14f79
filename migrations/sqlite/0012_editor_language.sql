-- The language each person reads the newsroom's own pages in (one of the languages
-- there is a catalogue for): a setting of their account.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
