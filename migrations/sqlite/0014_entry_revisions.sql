-- Every version of every entry as it was saved (published, corrected, pinned or marked),
-- as JSON, with when and by whom: an editor reads an entry's history from them. The
-- current version is also the entry itself; versions saved before this table are not.
CREATE TABLE entry_revisions (
    entry_id  INTEGER NOT NULL,
    version   INTEGER NOT NULL,
    blog_id   INTEGER NOT NULL REFERENCES blogs (id),
    entry     TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    saved_by  TEXT NOT NULL,
    PRIMARY KEY (entry_id, version)
);
