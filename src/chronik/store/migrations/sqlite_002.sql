-- Every name and alias of an entity, case-folded by Chronik (str.casefold, which SQL's
-- lower() does not match for non-ASCII letters), so an entity is found by name through an
-- index. Chronik fills it from the entities table right after this migration.
CREATE TABLE entity_names (
    name TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (name, entity_id)
);
