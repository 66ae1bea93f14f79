-- The language a live page is written in, as a BCP 47 tag: its pages, feed and data
-- say so, and its direction follows it.
ALTER TABLE blogs ADD COLUMN language TEXT NOT NULL DEFAULT 'en-GB';
