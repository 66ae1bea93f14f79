-- Web Push: the browsers that asked a page to tell them of its key events, each with
-- its push service's address and the keys its messages are encrypted for.
CREATE TABLE push_subscriptions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    blog_id    INTEGER NOT NULL REFERENCES blogs (id),
    endpoint   TEXT NOT NULL,
    p256dh     TEXT NOT NULL,
    auth       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (blog_id, endpoint)
);
-- Each key event told once, whichever instances hear of it: the instance that writes
-- its row sends it (state 'sent'), or notes that the page's hourly share was used
-- ('skipped').
CREATE TABLE push_notices (
    blog_id  INTEGER NOT NULL,
    entry_id INTEGER NOT NULL,
    made_at  TEXT NOT NULL,
    state    TEXT NOT NULL,
    PRIMARY KEY (blog_id, entry_id)
);
-- Key events from before push was offered count as told: a correction to one does
-- not wake anyone.
INSERT INTO push_notices (blog_id, entry_id, made_at, state)
SELECT blog_id, id, published_at, 'before' FROM entries WHERE key_event = 1;
