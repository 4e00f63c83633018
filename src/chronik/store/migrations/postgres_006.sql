-- Version 6: an entity's number of mentions is called mention_count; 'mentions' is the
-- table of mentions (and an article's list of them), and one name means one thing.
ALTER TABLE entities RENAME COLUMN mentions TO mention_count;
