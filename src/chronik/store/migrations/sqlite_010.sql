-- Version 10: why the story engine put each article in its story (``model.Reason``, as
-- JSON), written when the article is placed; a revision keeps it. Articles stored before
-- have none.
ALTER TABLE articles ADD COLUMN reason TEXT;
