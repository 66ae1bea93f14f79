-- Polls. An entry's poll as JSON (domain::Poll: its question, answers, minutes open and
-- when an editor closed it), none as NULL.
ALTER TABLE entries ADD COLUMN poll TEXT;
-- Each poll as votes see it: how many answers, until when, whether closed, and the
-- votes so far. A vote holds this row while it counts, so votes and a close, on any
-- instance, come one after the other: none is counted after the close.
CREATE TABLE polls (
    entry_id  BIGINT PRIMARY KEY,
    answers   BIGINT NOT NULL,
    closes_at TEXT,
    closed    BIGINT NOT NULL DEFAULT 0,
    votes     BIGINT NOT NULL DEFAULT 0
);
-- The votes for each answer.
CREATE TABLE poll_tallies (
    entry_id BIGINT NOT NULL,
    answer   BIGINT NOT NULL,
    votes    BIGINT NOT NULL,
    PRIMARY KEY (entry_id, answer)
);
-- One vote per browser: its voter is the random name in its signed cookie.
CREATE TABLE poll_votes (
    entry_id BIGINT NOT NULL,
    voter    TEXT NOT NULL,
    answer   BIGINT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (entry_id, voter)
);
-- Votes per address and poll, for the limit; the address is kept as a keyed hash,
-- never as it came.
CREATE TABLE poll_addresses (
    entry_id BIGINT NOT NULL,
    address  TEXT NOT NULL,
    votes    BIGINT NOT NULL,
    PRIMARY KEY (entry_id, address)
);
-- Keys the server makes once and every instance shares: the one that signs voters'
-- cookies, and the like.
CREATE TABLE site_keys (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
