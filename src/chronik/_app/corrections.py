"""Corrections of stories by hand (``Chronik.merge_stories`` and ``split_story``): what
they may name, and how a split is stored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from chronik.arguments import checked_text
from chronik.errors import ChronikError, Code
from chronik.model import Story
from chronik.store import Store
from chronik.stories.engine import new_story_id
from chronik.stories.features import story_title

# A story by id as ``Chronik.story`` reads it: a merged one is the one it went into.
Reader = Callable[[str], Story]


def check_merge(read: Reader, gone: str, into: str) -> None:
    """E101 or E200 for a merge of ``gone`` into ``into`` that cannot be done."""
    if gone == into:
        detail = "it is the same story"
        raise ChronikError(Code.E200, action="merge", id=gone, detail=detail, story=gone)
    now = {story_id: read(story_id).id for story_id in (gone, into)}
    if now[gone] == now[into]:
        # Naming the story one of them went into would only merge it into itself
        # (review 46).
        moved = [story_id for story_id in (gone, into) if now[story_id] != story_id]
        which = " and ".join(moved) + (" were both" if len(moved) > 1 else " was")
        detail = f"{which} merged into {now[into]}: they are one story already"
        raise ChronikError(Code.E200, action="merge", id=gone, detail=detail, story=now[into])
    for story_id in (gone, into):
        correctable(read, story_id, "merge")


def split(store: Store, read: Reader, story_id: str, article_ids: Sequence[str]) -> str:
    """Store the split of ``article_ids`` off story ``story_id``; the new story's id."""
    story = correctable(read, story_id, "split")
    # One id alone is one article, as ingest takes one path alone: not its letters.
    given = [article_ids] if isinstance(article_ids, str) else list(article_ids)
    wanted = {checked_text(f"article_ids[{n}]", i) for n, i in enumerate(given)}
    moving = [a for a in story.articles if a.id in wanted]
    outside = sorted(wanted - {a.id for a in moving})
    if outside:
        detail = f"article {outside[0]!r} is not in it"
        raise ChronikError(Code.E200, action="split", id=story_id, detail=detail, story=story_id)
    if not moving or len(moving) == len(story.articles):
        detail = "name at least one of its articles, and not all of them"
        raise ChronikError(Code.E200, action="split", id=story_id, detail=detail, story=story_id)
    ids = [a.id for a in moving]
    new_id = unused_story_id(store, f"split {story_id} {' '.join(ids)}")
    title = story_title(moving[0].title, moving[0].text)
    store.split_story(story_id, ids, new_id, title, datetime.now(UTC))
    if story.title in {story_title(a.title, a.text) for a in moving}:
        # Titled by an article that left it: the first one that stays names it now.
        kept = next(a for a in story.articles if a.id not in wanted)
        store.refresh_story(story_id, story_title(kept.title, kept.text))
    return new_id


def correctable(read: Reader, story_id: str, action: str) -> Story:
    """The story a correction names, by its own id: E101 for none, E200 for a story
    merged away (its id leads to another, which the correction must name)."""
    story = read(story_id)
    if story.id != story_id:
        detail = f"it was merged into {story.id}; name that story"
        # The hint names the story its articles are in now, not the id given (review
        # 114: it had named the merged one, which only leads there).
        raise ChronikError(Code.E200, action=action, id=story_id, detail=detail, story=story.id)
    return story


def unused_story_id(store: Store, seed: str) -> str:
    """An id from ``seed``, the same for the same split, but never one a story has had:
    splitting the same articles off again after a merge must not revive the merged
    story's history."""
    for attempt in range(1_000):
        salted = seed if attempt == 0 else f"{seed} {attempt}"
        found = new_story_id(salted)
        if store.story(found) is None and not store.story_history(found):
            return found
    raise AssertionError("no unused story id in 1,000 tries")  # 2^48 ids: unreachable
