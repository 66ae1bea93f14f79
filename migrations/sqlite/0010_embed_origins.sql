-- The sites that may show a live page inside their own (its embed view), besides those
-- every page allows: origins separated by spaces, as in "https://news.example".
ALTER TABLE blogs ADD COLUMN embed_origins TEXT NOT NULL DEFAULT '';
