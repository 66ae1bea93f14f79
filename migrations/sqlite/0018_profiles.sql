-- The newsroom's people as bylines show them, kept by editors. An entry keeps the
-- profiles it names as they were when it was saved, as a JSON list (domain::Author).
CREATE TABLE profiles (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT,
    photo_url   TEXT,
    line        TEXT,
    link        TEXT,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
ALTER TABLE entries ADD COLUMN authors TEXT;
