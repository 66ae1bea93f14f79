-- A post from another platform named in an entry's own fields, as JSON: its address,
-- who posted it and what it said (domain::SharedPost). None: NULL.
ALTER TABLE entries ADD COLUMN post TEXT;
