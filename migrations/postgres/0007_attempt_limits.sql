-- How many tries at a secret (a password, an API token) each account, address, or
-- account and address together has made in the current window, and when the next may
-- come. Every instance counts here, so N instances allow no more than one.
CREATE TABLE attempt_limits (
    key          TEXT PRIMARY KEY,
    window_start TEXT NOT NULL,
    used         BIGINT NOT NULL,
    next_at      TEXT NOT NULL
);
CREATE INDEX attempt_limits_by_window ON attempt_limits (window_start);
