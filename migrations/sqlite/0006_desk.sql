-- The editor's desk: a contributor's entry sent back with a note, entries scheduled to
-- publish themselves, and how many readers each instance holds (several instances on
-- PostgreSQL add theirs up; one SQLite instance never writes here).
ALTER TABLE drafts ADD COLUMN review_note TEXT;
ALTER TABLE drafts ADD COLUMN reviewed_by TEXT;
ALTER TABLE drafts ADD COLUMN publish_at TEXT;
CREATE INDEX drafts_due ON drafts (publish_at);

CREATE TABLE readers (
    instance TEXT NOT NULL,
    blog_id  INTEGER NOT NULL,
    readers  INTEGER NOT NULL,
    seen_at  TEXT NOT NULL,
    PRIMARY KEY (instance, blog_id)
);
