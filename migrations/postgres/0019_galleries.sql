-- An entry's gallery: its pictures in the editor's order, as a JSON list of images
-- (domain::Image: address, alt text, caption, credit). None: NULL.
ALTER TABLE entries ADD COLUMN gallery TEXT;
