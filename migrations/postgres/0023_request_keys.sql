-- Requests made once: a caller's `Idempotency-Key` (or an entry form's own key), kept
-- for a day. The row is written in the transaction of the change the request made, so
-- it exists exactly when that change was committed; a retry with the key finds it and
-- makes nothing new. `fingerprint` is the request's method, address and body, hashed;
-- `blog_id` and `entry_id` name what it changed; `status`, `location` and `body` are
-- the answer given, once it was.
CREATE TABLE request_keys (
    caller      TEXT NOT NULL,
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    blog_id     BIGINT,
    entry_id    BIGINT,
    created_at  TEXT NOT NULL,
    status      INTEGER,
    location    TEXT,
    body        TEXT,
    PRIMARY KEY (caller, key)
);
CREATE INDEX request_keys_by_age ON request_keys (created_at);
