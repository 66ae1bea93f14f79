-- Entries not yet published: an editor's drafts, and contributors' entries waiting
-- for an editor's approval (submitted = 1). Kept as typed, as JSON of the form.
CREATE TABLE drafts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    blog_id    INTEGER NOT NULL REFERENCES blogs (id),
    input      TEXT NOT NULL,
    created_by TEXT NOT NULL,
    submitted  INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX drafts_by_blog ON drafts (blog_id);
