"""Casualty figures across a story: the dead and injured its articles count, and where a
later article counts more ("Die Zahl der Toten ist auf 1.700 gestiegen").

A figure counts only as a total ("mindestens 75 Tote", "Zahl der Toten ... auf 1.700",
"16 Menschen kamen ums Leben"), and a rise is flagged only where the later sentence says
the count went up ("gestiegen", "inzwischen", "Zahl der Toten ... auf"): a story that runs
over a war counts the dead of many attacks, and a bare larger number there is another
attack, not a correction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronik.analysis.german import number_words
from chronik.model import Article
from chronik.stories.developments import Change
from chronik.stories.timeline import DIGIT_GROUPS, in_timeline_order, reported_sentences

_QUALIFIER = r"(?:(?:mindestens|mehr als|über|rund|fast|knapp|etwa|insgesamt|bislang) )?"
# Not inside a run of digit groups ("1 000 000"): a match started at each group had scanned
# to the run's end, quadratic in its length.
_NUMBER = (
    r"(?<![0-9][.\u202f ])(?<![0-9])"
    rf"(?P<number>{DIGIT_GROUPS}|\d+|(?i:{'|'.join(number_words())}))"
)
# What a total's word counts: the noun after the number, or the verb after "Menschen".
_KINDS = {
    "Tote": "dead", "Todesopfer": "dead", "Verletzte": "injured", "getötet": "dead",
    "gestorben": "dead", "ums Leben": "dead", "starben": "dead", "verletzt": "injured",
}  # fmt: skip
_TOTALS = (
    # "Die Zahl der Toten ist auf 1.700 gestiegen"
    re.compile(rf"Zahl der (?P<word>Tote|Todesopfer|Verletzte)n?\b[^.!?]{{0,80}}?\bauf {_QUALIFIER}"
               rf"{_NUMBER}\b"),
    # "mindestens 75 Tote", "mit 16 Toten", "1.430 Todesopfer"
    re.compile(rf"\b{_QUALIFIER}{_NUMBER} (?P<word>Tote|Todesopfer|Verletzte)n?\b"),
    # "16 Menschen kamen ums Leben", "mehr als 50 Personen wurden verletzt"
    re.compile(rf"\b{_QUALIFIER}{_NUMBER} (?:Menschen|Personen)\b[^.!?]{{0,50}}?"
               r"\b(?P<word>getötet|gestorben|ums Leben|starben|verletzt)"),
)  # fmt: skip
# A count feared or estimated, not counted.
_FORECAST = re.compile(
    r"\b(könnte|könnten|dürfte|dürften|befürchte\w*|fürchte\w*|bis zu|schätz\w*|Schätzung\w*)\b"
)
_NEGATED = re.compile(r"\b(?:nicht|kein\w*)\b")
# Words that say a count went up, not that another incident has its own.
_RISE = re.compile(r"\b(gestiegen|erhöht|stieg|steigt|inzwischen|mittlerweile|Zahl der)\b")


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str  # dead, injured
    count: int
    rise: bool  # the sentence says the count went up
    article_id: str


def figures(article: Article) -> list[Figure]:
    """The totals of dead and injured in the article's reporting sentences."""
    found = []
    for sentence in reported_sentences(article):
        if _FORECAST.search(sentence):
            continue  # "Die Zahl der Toten könnte auf bis zu 10.000 steigen"
        rise = bool(_RISE.search(sentence))
        for pattern in _TOTALS:
            for match in pattern.finditer(sentence):
                if _NEGATED.search(match.group()):
                    continue  # "150 Menschen wurden nicht verletzt"
                count = _count(match["number"])
                if count <= _MOST_COUNTED:
                    found.append(Figure(_KINDS[match["word"]], count, rise, article.id))
    return found


# No war or disaster has counted more dead or injured; a larger number is a slip or junk,
# and had headed a story page as "Mehr Tote: 12 -> 99999999999999999999999999" (review 71).
_MOST_COUNTED = 100_000_000


def figure_changes(articles: list[Article]) -> list[Change]:
    """Where a later article counts more dead or injured than any before it, in words
    that say the count went up: "dead: 1430 -> 1700"."""
    changes: list[Change] = []
    most: dict[str, int] = {}
    for article in in_timeline_order(articles):
        counted = figures(article)
        for kind in ("dead", "injured"):
            counts = [f.count for f in counted if f.kind == kind]
            risen = [f.count for f in counted if f.kind == kind and f.rise]
            before = most.get(kind)
            if before is not None and risen and max(risen) > before:
                changes.append(Change(kind, [str(before)], [str(max(risen))], article.id))
            if counts:
                most[kind] = max(most.get(kind, 0), *counts)
    return changes


def _count(number: str) -> int:
    written = number_words().get(number.lower())
    return written if written is not None else int(re.sub(r"\D", "", number))
