-- Version 9: an index on publication times, for the articles of a span: the story engine
-- recalls the stored stories of an article older than its window (an archive read after
-- the news), and each such query had read the whole table.
CREATE INDEX articles_published ON articles(published);
