"""What the event rules read of the whole article while they go through its sentences:
its names, its publication date, and its attributions, time expressions and people,
found by offset (``Spans``), and where an earlier sentence starts."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from chronik.analysis.event_actors import Names
from chronik.analysis.event_sentence import SentenceView
from chronik.analysis.sentences import split_sentences
from chronik.model import Article, Attribution, Block, Event, Mention, Timex

_Spanned = TypeVar("_Spanned", Mention, Attribution, Timex, Block)


@dataclass(slots=True)
class Context:
    article: Article
    names: Names
    published: date | None
    claims: Spans[Attribution]
    times: Spans[Timex]
    people: Spans[Mention]
    # the nouns of agreements an earlier sentence put on one side ("die einseitig
    # ausgerufene Waffenruhe"), which a bare "die Waffenruhe" names again (review 159)
    one_sided: set[str] = field(default_factory=set)
    # the events told as happened by the present tense alone, which a preview makes plans
    present: list[Event] = field(default_factory=list)


class Spans(Generic[_Spanned]):
    """An article's mentions, attributions, time expressions or blocks, found by offset in
    log time: each sentence asks for its own, and a 1 MB text has thousands of sentences
    and tens of thousands of mentions."""

    def __init__(self, items: Iterable[_Spanned]) -> None:
        self.items: list[_Spanned] = sorted(items, key=lambda item: item.start)
        self.starts: list[int] = [item.start for item in self.items]

    def starting_in(self, start: int, end: int) -> list[_Spanned]:
        first = bisect_left(self.starts, start)
        return self.items[first : bisect_left(self.starts, end, first)]


def earlier_sentence_start(article: Article, sent: SentenceView, back: int) -> int:
    starts = sorted(
        s.start
        for s in (article.sentences or split_sentences(article.text))
        if s.start < sent.sentence.start
    )
    return starts[-back] if len(starts) >= back else 0
