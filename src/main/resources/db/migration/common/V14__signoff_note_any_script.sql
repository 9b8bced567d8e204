-- A note may have 4000 characters of any script (SignOffService counts code points). H2 measures VARCHAR in UTF-16
-- units, in which a character outside the Basic Multilingual Plane (𝔸, most emoji) takes two.
ALTER TABLE signoff ALTER COLUMN note SET DATA TYPE VARCHAR(8000);
