-- A page's call to its readers, as JSON (domain::Callout: what it asks for, and the
-- editor's prompt); none as NULL.
ALTER TABLE blogs ADD COLUMN callout TEXT;
-- What readers send: shown to no reader until an editor publishes it as an entry
-- (entry_id). The contact address is for editors only, and is set to NULL once it is
-- 30 days old; the sender's address is kept only as a keyed hash, for the limit.
CREATE TABLE contributions (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    blog_id   INTEGER NOT NULL REFERENCES blogs (id),
    kind      TEXT NOT NULL,
    text      TEXT NOT NULL,
    name      TEXT NOT NULL,
    place     TEXT,
    contact   TEXT,
    photo_url TEXT,
    sent_at   TEXT NOT NULL,
    state     TEXT NOT NULL,
    entry_id  INTEGER
);
CREATE INDEX contributions_by_page ON contributions (blog_id, state);
