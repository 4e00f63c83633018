"""Chronik's data model: one name for one thing, shared by every layer.

Offsets (``start``, ``end``) always count characters in ``Article.text``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar


class BlockKind(StrEnum):
    HEADLINE = "headline"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"
    BOILERPLATE = "boilerplate"


class Stance(StrEnum):
    REPORTING = "reporting"
    OPINION = "opinion"


@dataclass(slots=True)
class Block:
    """One unit of article structure.

    Boilerplate blocks are not part of ``Article.text``; their ``start`` and ``end`` are -1.
    ``section`` is the heading of the section the block belongs to (empty before the first).
    """

    kind: BlockKind
    text: str
    stance: Stance = Stance.REPORTING
    start: int = -1
    end: int = -1
    section: str = ""
    opinion_score: float | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    subjective: float | None = None


@dataclass(slots=True)
class Timex:
    """A time expression, normalised TIMEX3-style against the publication time.

    ``type`` is DATE, TIME, DURATION or SET. ``value`` is the TIMEX3 value
    (``2023-09-13``, ``2023-W37``, ``P18M``, ``PRESENT_REF``) or None where it cannot be
    resolved (a relative expression without a publication time). Ranges carry ``begin`` and
    ``end`` values as well.
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    begin: str | None = None
    end_value: str | None = None
    rule: str = ""


@dataclass(slots=True)
class Mention:
    """A span of text that names an entity. ``entity_id`` is filled by normalisation."""

    start: int
    end: int
    text: str
    type: str  # PER, LOC, ORG, MISC
    entity_id: str | None = None
    derived: bool = False  # "russische", "Russland-Besuch": links to the entity it derives from


# The types an entity has: people, places, organisations and everything else named.
ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mention_count: int = 0  # its mentions are Article.mentions (and the mentions table)
    labels: dict[str, str] = field(default_factory=dict)  # language -> label
    code: str | None = None  # ISO 3166 for countries, etc.


@dataclass(slots=True)
class Attribution:
    """Who said or reported what: the sentence, the source and the kind of claim."""

    start: int
    end: int
    sentence: str
    source: str
    kind: str  # quote, report, announcement, suggestion, denial
    cue: str = ""
    source_start: int = -1
    source_end: int = -1
    entity_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    type: str
    code: str
    actors: list[str]
    actor_names: list[str]
    modality: str  # planned, speculated, happened, denied, suggested
    sentence: str
    start: int
    end: int
    location: str | None = None
    location_id: str | None = None
    time: str | None = None
    sources: list[str] = field(default_factory=list)
    # Parallel to actors: "agent", "target" or "partner" (docs/events.md, "Roles"); empty
    # for an event analysed before roles were told apart.
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    id: str
    title: str
    text: str
    url: str | None = None
    published: datetime | None = None
    publisher: str | None = None  # who published it; a claim's source is an Attribution's
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    content_hash: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    story_id: str | None = None

    @property
    def display_title(self) -> str:
        """The title as every list and page shows it: a bare kicker ("Ukrainekrieg:") with
        the lead after it, a ticker's plus signs gone, as its story would be titled. The
        record (``to_dict``) keeps the title as published."""
        # Imported here: the story engine's titling rule is built on this model.
        from chronik.stories.features import story_title

        return story_title(self.title, self.text)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """A search of the stored articles: words (full text, best match first; without words,
    newest first), and filters the store applies before it counts to ``limit``: an
    entity's id, days of publication in UTC (``since`` and ``until`` included), a publisher
    in any case, a language code."""

    text: str = ""
    entity_id: str | None = None
    since: date | None = None
    until: date | None = None
    publisher: str | None = None
    language: str | None = None
    limit: int = 20
    offset: int = 0  # how many matches to skip: the pages after the first

    @property
    def empty(self) -> bool:
        """No words and no filter: a search form that was opened but not filled in."""
        filters = (self.entity_id, self.since, self.until, self.publisher, self.language)
        return not (self.text or any(filters))


def query_clauses(text: str) -> list[list[tuple[str, bool]]]:
    """A search's words as clauses of which any may match, each of words that all must (the
    grammar every store honours): ``OR`` in capitals between words separates clauses,
    ``AND`` is what words do anyway.
    Each word is ``(word, prefix)``: one of four letters or more also finds the words it
    begins, as German compounds and endings need ("Rente" finds "Renten" and
    "Rentenreform"); a shorter one ("EU", "Rat") only itself. Punctuation and hyphens
    separate words ("Kim Jong-Un" is three), and nothing parses as query syntax. A word
    said twice in a clause, or a clause twice, is kept once: it can match nothing more, and
    each costs the store a pass over the index (review 71)."""
    clauses: list[list[tuple[str, bool]]] = []
    for clause in re.split(r"\s+OR\s+", f" {text} "):
        words = dict.fromkeys(w for w in _WORD.findall(clause) if w != "AND")
        terms = [(w, len(w) >= _PREFIX_LETTERS) for w in words]
        if terms and terms not in clauses:
            clauses.append(terms)
    return clauses


def search_snippet(article: Article, text: str, width: int = 200) -> str:
    """The first sentence of ``article`` (its headline aside) with a word the search
    ``text`` finds, as the stores match words: in any case and without diacritics, "ss"
    for "ß", one of four letters or more also as the start of a longer word; cut to about
    ``width`` characters around the word. "" where no sentence has one (a title match)."""
    terms = [(_fold(word), prefix) for clause in query_clauses(text) for word, prefix in clause]
    # By its words: a text's copy of the headline may space it otherwise ("D.\xa0C.").
    headline = article.title.split()
    for sentence in article.sentences if terms else ():
        if sentence.text.split() == headline:
            continue
        for found in _WORD.finditer(sentence.text):
            word = _fold(found.group())
            if any(word.startswith(t) if prefix else word == t for t, prefix in terms):
                return _around(sentence.text, found.start(), width)
    return ""


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _around(sentence: str, at: int, width: int) -> str:
    """``sentence``, or about ``width`` characters of it around ``at``, cut between words."""
    if len(sentence) <= width:
        return sentence
    start = max(0, min(at - width // 3, len(sentence) - width))
    start = sentence.rfind(" ", 0, start) + 1 if start else 0
    end = sentence.find(" ", start + width)
    end = len(sentence) if end < 0 else end
    return (
        ("…" if start else "") + sentence[start:end].strip() + ("…" if end < len(sentence) else "")
    )


def query_words(clauses: list[list[tuple[str, bool]]]) -> int:
    """How many words the store matches for these clauses."""
    return sum(len(clause) for clause in clauses)


_WORD = re.compile(r"\w+")
_PREFIX_LETTERS = 4
# The most words a search matches: more is no search a person types, and a store's time
# grows with each (16,000 words of one GET had taken 19 s, review 71).
MAX_QUERY_WORDS = 64


@dataclass(frozen=True, slots=True)
class StoryChange:
    """One entry of a story's history: ``created`` (``other`` is its first article),
    ``merged`` (this story went into ``other``), ``absorbed`` (``other`` came into it),
    ``split`` (some of its articles became the new story ``other``) or ``split_from`` (it
    was split off story ``other``)."""

    story_id: str
    action: str
    other: str | None
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "action": self.action,
            "other": self.other,
            "at": self.at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the story engine put an article where it did, as it decided on the article's
    arrival: the story it joined, or the story it founded (``joined`` False) beside the
    nearest candidate that stayed under the cut. ``score`` is that candidate's: ``time``
    times the weighted mean of ``lexical`` and ``embedding`` (None where not compared by
    embedding), times ``prior`` (the story's size). ``path`` is how the decision was made
    (docs/stories.md, "Why an article is in its story"); ``shared`` the terms the article
    and the candidate have most in common, heaviest first: entity names, lemmas, and
    events as "type: name". ``split_from`` is the story the article joined where the same
    decision split it and the article landed in the part split off (``story_id``). Merges
    and splits later may have moved the article: its story now is the article's
    ``story_id``. ``not_compared``: in a decision replayed against one story
    (``Chronik.reason(id, story_id=)``) that compared the article with nothing, why: "no
    earlier article" (the replay knows only the story's articles stored before it), "no
    shared term", "beyond the window" or "another affair"; None otherwise."""

    article_id: str
    story_id: str
    joined: bool
    path: str
    score: float
    cut: float
    candidate: str | None = None
    lexical: float | None = None
    embedding: float | None = None
    time: float | None = None
    prior: float | None = None
    shared: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()
    split_from: str | None = None
    not_compared: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["shared"], data["merged"] = list(self.shared), list(self.merged)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reason:
        """A reason as the store kept it; a key that is no field of this version is passed
        over, so that a store a later (or earlier) Chronik wrote stays readable."""
        fields = set(cls.__dataclass_fields__) - {"shared", "merged"}
        return cls(
            **{k: v for k, v in data.items() if k in fields},
            shared=tuple(data.get("shared", ())),
            merged=tuple(data.get("merged", ())),
        )


@dataclass(slots=True)
class Story:
    """A group of articles about one developing event. ``articles`` are in timeline order
    (see :func:`chronik.stories.timeline.in_timeline_order`)."""

    id: str
    title: str
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    size: int = 0
    articles: list[Article] = field(default_factory=list)

    @property
    def language(self) -> str | None:
        """The language of its first article that gives one, which its title is in; None
        for a story loaded without its articles."""
        return next((a.language for a in self.articles if a.language), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "size": self.size,
            "articles": [article_summary(a) for a in self.articles],
        }


def article_summary(article: Article) -> dict[str, Any]:
    """An article in a list (a story's, a search's, an entity's): what names and places it."""
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "publisher": article.publisher,
        "language": article.language,
        "story_id": article.story_id,
    }


def article_from_dict(data: dict[str, Any]) -> Article:
    """The inverse of ``Article.to_dict``."""
    values = dict(data)
    published = values.get("published")
    values["published"] = datetime.fromisoformat(published) if published else None
    values["blocks"] = [
        Block(**{**b, "kind": BlockKind(b["kind"]), "stance": Stance(b["stance"])})
        for b in values.get("blocks", [])
    ]
    for entity in values.get("entities", []):
        if "mentions" in entity:  # stored before the count was called mention_count
            entity["mention_count"] = entity.pop("mentions")
    for key, cls in _NESTED.items():
        values[key] = [cls(**item) for item in values.get(key, [])]
    return Article(**values)


_NESTED: dict[str, Any] = {
    "sentences": Sentence,
    "timexes": Timex,
    "mentions": Mention,
    "entities": Entity,
    "attributions": Attribution,
    "events": Event,
}


_When = TypeVar("_When", date, datetime)


def shifted(when: _When, delta: timedelta) -> _When:
    """``when + delta``, held at the calendar's end that it would pass: a store may hold a
    date of year 1 from before such dates were refused (E008), and one such article had
    stopped every later ingest and the front page (review 42)."""
    try:
        return when + delta
    except OverflowError:
        if isinstance(when, datetime):
            end = datetime.max if delta > timedelta(0) else datetime.min
            return end.replace(tzinfo=when.tzinfo)
        return date.max if delta > timedelta(0) else date.min
