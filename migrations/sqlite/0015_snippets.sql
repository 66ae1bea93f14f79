-- The newsroom's saved texts, put into any entry in one click. Each holds one of a
-- fixed number of slots (1 to MAX_SNIPPETS in src/domain/snippet.rs), so the limit
-- holds however many editors, on however many instances, add one at once.
CREATE TABLE snippets (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    slot        INTEGER NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
