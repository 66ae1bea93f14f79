-- Entries deleted in the last 30 days, each whole (with its corrections) as JSON, for
-- an editor to restore with its own number, in its place in the stream. Older ones
-- are removed as the next entry is deleted.
CREATE TABLE deleted_entries (
    id          BIGINT PRIMARY KEY,
    blog_id     BIGINT NOT NULL REFERENCES blogs (id),
    entry       TEXT NOT NULL,
    deleted_at  TEXT NOT NULL,
    deleted_by  TEXT NOT NULL
);
CREATE INDEX deleted_entries_by_page ON deleted_entries (blog_id, deleted_at);
