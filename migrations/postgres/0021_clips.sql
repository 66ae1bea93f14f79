-- Video and audio: an entry's clip as JSON (domain::Clip: the file's address, its
-- captions, caption and credit), none as NULL; and, in the record, the files
-- themselves in parts of 1 MiB (store::media::MEDIA_PART_BYTES), so that a range of
-- one is read without the rest. A file kept in parts has its size in `media` and no
-- bytes there.
ALTER TABLE entries ADD COLUMN clip TEXT;
ALTER TABLE media ADD COLUMN size BIGINT;
CREATE TABLE media_parts (
    name  TEXT NOT NULL REFERENCES media (name) ON DELETE CASCADE,
    part  BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (name, part)
);
