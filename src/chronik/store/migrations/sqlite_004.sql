-- Version 4: an article's publisher is called publisher; 'source' is what an attribution
-- names (who said or reported a claim), and one name means one thing.
ALTER TABLE articles RENAME COLUMN source TO publisher;
