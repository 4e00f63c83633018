-- Version 5: each stored input keeps the content hash of the article it gave, so that an
-- input seen again in another form (a tracking parameter in its URL, another file) is
-- known by its content; the current revision's hash is filled in here, older revisions
-- keep NULL and are known by their bytes as before. An article's content hash is indexed:
-- the same text under another URL is a duplicate, not a new article.
ALTER TABLE documents ADD COLUMN content_hash TEXT;
UPDATE documents SET content_hash = (
    SELECT a.content_hash FROM articles a
    WHERE a.id = documents.article_id AND a.revision = documents.revision
);
CREATE INDEX documents_content ON documents(article_id, content_hash);
CREATE INDEX articles_content ON articles(content_hash);
