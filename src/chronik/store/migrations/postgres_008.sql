-- Version 8: the story engine's document frequencies (the IDF of its lexical profiles),
-- so that an engine started again (a new run, a restart of serve) weighs words as the one
-- before it did, not from the articles of its window alone.
CREATE TABLE vocabulary (term TEXT PRIMARY KEY, df BIGINT NOT NULL);
CREATE TABLE vocabulary_documents (n BIGINT NOT NULL);
INSERT INTO vocabulary_documents VALUES (0);
