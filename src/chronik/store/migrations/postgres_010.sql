-- Version 10: entities that a later article proved to be one. The mentions of ``gone``
-- moved to ``kept`` and ``gone``'s row went; the id answers as the kept one (a link, a
-- bookmark, an article analysed before the merge that still names it), as a merged
-- story's id does.
CREATE TABLE entity_merges (
    gone TEXT PRIMARY KEY,
    kept TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX entity_merges_kept ON entity_merges(kept);
