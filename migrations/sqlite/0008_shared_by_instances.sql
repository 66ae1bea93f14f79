-- One pinned entry per live page, held by the database itself, and who has which
-- entry open for correcting. (Uploaded images stay files in the data directory: one
-- SQLite instance is the only one serving them.)
UPDATE entries SET pinned = 0
WHERE pinned = 1
  AND id NOT IN (SELECT MAX(id) FROM entries WHERE pinned = 1 GROUP BY blog_id);
CREATE UNIQUE INDEX one_pinned_entry_per_page ON entries (blog_id) WHERE pinned = 1;

CREATE TABLE presence (
    entry_id  INTEGER NOT NULL,
    user_name TEXT NOT NULL,
    since     TEXT NOT NULL,
    PRIMARY KEY (entry_id, user_name)
);
