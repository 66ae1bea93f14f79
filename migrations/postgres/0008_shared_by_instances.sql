-- What every instance on one PostgreSQL must see alike: one pinned entry per live page,
-- held by the database itself; uploaded images, kept here so that any instance serves
-- them; and who has which entry open for correcting.
UPDATE entries SET pinned = 0
WHERE pinned = 1
  AND id NOT IN (SELECT MAX(id) FROM entries WHERE pinned = 1 GROUP BY blog_id);
CREATE UNIQUE INDEX one_pinned_entry_per_page ON entries (blog_id) WHERE pinned = 1;

CREATE TABLE media (
    name    TEXT PRIMARY KEY,
    bytes   BYTEA NOT NULL,
    kept_at TEXT NOT NULL
);

CREATE TABLE presence (
    entry_id  BIGINT NOT NULL,
    user_name TEXT NOT NULL,
    since     TEXT NOT NULL,
    PRIMARY KEY (entry_id, user_name)
);
