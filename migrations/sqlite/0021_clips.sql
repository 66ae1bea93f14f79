-- Video and audio: an entry's clip as JSON (domain::Clip: the file's address, its
-- captions, caption and credit), none as NULL. The files are kept beside the
-- database, in the media folder.
ALTER TABLE entries ADD COLUMN clip TEXT;
