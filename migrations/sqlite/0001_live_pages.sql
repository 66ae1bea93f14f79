-- Live pages, their entries, the log of every change, accounts and sessions.
-- Times are RFC 3339 text in UTC; flags are 0 or 1. Ids are never reused
-- (AUTOINCREMENT), so a permalink never points at another entry after a deletion.

CREATE TABLE blogs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    summary     TEXT NOT NULL, -- a JSON array of key points
    time_zone   TEXT NOT NULL,
    status      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    last_seq    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE entries (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    blog_id       INTEGER NOT NULL REFERENCES blogs (id),
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    label         TEXT,
    author_name   TEXT,
    author_role   TEXT,
    image_url     TEXT,
    image_alt     TEXT,
    image_caption TEXT,
    image_credit  TEXT,
    key_event     INTEGER NOT NULL,
    pinned        INTEGER NOT NULL,
    published_at  TEXT NOT NULL,
    updated_at    TEXT
);
CREATE INDEX entries_by_blog ON entries (blog_id);

-- Every committed change, numbered per live page: the SSE ids readers resume from.
CREATE TABLE changes (
    blog_id  INTEGER NOT NULL REFERENCES blogs (id),
    seq      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    entry_id INTEGER,
    at       TEXT NOT NULL,
    PRIMARY KEY (blog_id, seq)
);

CREATE TABLE users (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- A session is known by the SHA-256 of its cookie, never by the cookie itself.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_name  TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen  TEXT NOT NULL
);
