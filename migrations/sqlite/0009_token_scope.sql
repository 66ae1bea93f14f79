-- What an API token may do: every live page (no page named) or one page only, and
-- change things or only read them.
ALTER TABLE api_tokens ADD COLUMN page_slug TEXT;
ALTER TABLE api_tokens ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;
