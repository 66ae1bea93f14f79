-- One row, written by `/healthz` to find whether the store takes writes (a full disk,
-- a database gone read-only), at most once a second per instance.
CREATE TABLE store_health (
    id        INTEGER PRIMARY KEY,
    probed_at TEXT NOT NULL
);
INSERT INTO store_health (id, probed_at) VALUES (1, '2026-12-03T00:00:00.000000Z');
