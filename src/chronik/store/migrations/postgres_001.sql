-- Version 1 (PostgreSQL): articles with their original input, stories, entities and mentions, feeds.
CREATE TABLE articles (
    rowid BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT,
    seen TEXT NOT NULL,
    source TEXT,
    language TEXT,
    content_hash TEXT NOT NULL,
    story_id TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    analysis TEXT NOT NULL,
    features BYTEA
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_seen ON articles(seen);
CREATE TABLE documents (
    article_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    origin TEXT NOT NULL,
    format TEXT NOT NULL,
    meta TEXT NOT NULL,
    payload BYTEA NOT NULL,
    received TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    size INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_last_seen ON stories(last_seen);
CREATE TABLE story_log (
    story_id TEXT NOT NULL,
    action TEXT NOT NULL,
    other TEXT,
    at TEXT NOT NULL
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,
    labels TEXT NOT NULL,
    code TEXT,
    mentions INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    entity_id TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    modified TEXT,
    checked TEXT
);
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german', title), 'A') || to_tsvector('german', text)
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
