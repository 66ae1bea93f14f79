-- A live page reads newest first, or oldest first (for a Q&A or a timeline).
ALTER TABLE blogs ADD COLUMN reading_order TEXT NOT NULL DEFAULT 'newest';
