-- Webhooks: addresses an admin registers, for one page or every page (blog_id NULL),
-- each with the secret its deliveries are signed with (Standard Webhooks: whsec_ and
-- the key in base64). The secret signs, so it is kept as it is, and shown once.
CREATE TABLE webhooks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    url         TEXT NOT NULL,
    blog_id     INTEGER REFERENCES blogs (id),
    secret      TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
-- One delivery for each change to a page and each webhook that covers it, written in
-- the change's own transaction, so none is lost and none is made twice. They go out
-- in the page's order (seq); one is held by one instance at a time (leased_until).
-- A delivery names the entry's version at the change, whose content is in
-- entry_revisions, and the page's status then.
CREATE TABLE webhook_deliveries (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id    INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    blog_id       INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    entry_id      INTEGER,
    version       INTEGER,
    page_status   TEXT NOT NULL,
    made_at       TEXT NOT NULL,
    state         TEXT NOT NULL,
    tries         INTEGER NOT NULL DEFAULT 0,
    next_try_at   TEXT NOT NULL,
    leased_until  TEXT,
    last_try_at   TEXT,
    last_status   INTEGER,
    last_answer   TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_try_at);
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (webhook_id, blog_id, seq);
