-- Tokens for automation posting through the JSON API. Kept only as the SHA-256 of the
-- token; the token itself is shown once, when it is made.
CREATE TABLE api_tokens (
    name       TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
