-- An entity's labels in other languages ("Vladivostok" for Wladiwostok) are names it is
-- found by too. Chronik adds them to entity_names right after this migration; entities
-- whose mentions were all revised away (a count of 0) are no longer listed.
CREATE INDEX entities_mentions ON entities(mentions);
