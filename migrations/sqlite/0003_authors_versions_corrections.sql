-- Who wrote and who last changed each entry, its version (so two editors cannot
-- overwrite each other unseen), and the public notes of its corrections.
ALTER TABLE entries ADD COLUMN created_by TEXT;
ALTER TABLE entries ADD COLUMN updated_by TEXT;
ALTER TABLE entries ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE corrections (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    blog_id  INTEGER NOT NULL REFERENCES blogs (id),
    entry_id INTEGER NOT NULL,
    note     TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX corrections_by_entry ON corrections (entry_id);
