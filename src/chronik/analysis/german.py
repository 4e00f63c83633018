"""Facts of German word forms that several analysis steps share, so that an earlier step
need not import a later one for them."""

from __future__ import annotations

import contextlib
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from chronik.analysis.gazetteer import read_data
from chronik.analysis.lemmas import is_known

# An inflected adjective's endings ("russische", "russischen"): entities, attribution and
# events each tell an adjective from a name or a noun by them.
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# The definite and indefinite articles in every case: the entities tell a name's adjective
# inside a sentence by one before it, the events where a noun phrase opens, and the stories
# fold a source's case after one.
DEFINITE_ARTICLES = frozenset("der die das des dem den".split())
INDEFINITE_ARTICLES = frozenset("ein eine einer eines einem einen".split())
ARTICLES = DEFINITE_ARTICLES | INDEFINITE_ARTICLES
# The stems of the determiners declined as adjectives are ("seine", "keinen", "diese"): the
# entities tell a genitive's adjective from them.
DETERMINER_STEMS = frozenset(
    "ein kein mein dein sein ihr unser euer eur dies jen jed welch manch solch".split()
)
# The definite articles of the nominative: attribution reads a subject's phrase by them.
NOMINATIVE_ARTICLES = frozenset("der die das".split())
# "zu" and its contractions: a phrase of a call, a goal or a declaration ("zur Wahl").
ZU_FORMS = frozenset("zu zum zur".split())
# The dashes a scraped text sets between words: a headline's seam, an aside's bounds.
DASHES = frozenset({"-", "–", "—"})


@cache
def number_words() -> dict[str, int]:
    """Numbers written as words ("zwölf": 12): amounts for the entities step, casualty
    counts for the stories (``number_words`` in ``data/entities_rules.json``)."""
    values: dict[str, int] = read_data("entities_rules.json")["number_words"]["values"]
    return values


def ends_in_word(left: str, links: tuple[str, ...] = ("s", "es"), whole: bool = False) -> bool:
    """Whether what stands before a compound's head ends in a German word of three letters
    or more, itself or less one of the linking ``links``: "Landeskriminal" before "amt" (a
    compound itself, known by its last word), "Flüchtlings" before "lager"; not "Zapfenst"
    before "reich". With ``whole``, the part must be that word ("Waffen" before "fund")."""
    stems = {left, *(left.removesuffix(link) for link in links if left.endswith(link))}
    if whole:
        return any(len(stem) >= 3 and is_known(stem, lang="de") for stem in stems)
    return any(is_known(stem[i:], lang="de") for stem in stems for i in range(len(stem) - 2))


def local_day(when: datetime) -> date:
    """The day of ``when`` in German time: 23:30 UTC on the 10th is the 11th in Berlin.
    A time without a zone, or without a time zone database, keeps the offset it has."""
    if when.tzinfo is not None:
        with contextlib.suppress(ZoneInfoNotFoundError):
            when = when.astimezone(ZoneInfo("Europe/Berlin"))
    return when.date()
