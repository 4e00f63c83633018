"""A story's timeline: its articles in time order, each with the sentences it adds.

Articles with a publication time are placed by it. An article without one is placed by the
latest date it reports (resolved ``article.timexes``), else by its tense: an announcement
goes before the dated reports, a report of what happened after the dated announcements.
What an entry adds are its reporting sentences that say something the story has not: not
near-duplicates of earlier sentences, and with words the story has not used, or with a count
it has not had ("auf 1.700 gestiegen").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

from chronik.analysis.sentences import CLOCK_SEAM, camel_case_names, split_sentences
from chronik.analysis.timex_values import day_start
from chronik.model import Article, BlockKind, Stance
from chronik.stories.features import compound_head, first_parts, lemmas

_NEAR_DUPLICATE = 0.7
# A sentence adds to a story only with a content word the story has not used ("wieder frei").
_NEW_WORDS = 1
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class TimelineEntry:
    article_id: str
    title: str
    published: datetime | None
    when: datetime | None
    basis: str  # published, event time, tense
    tense: str  # announced, happened
    new_sentences: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "when": self.when.isoformat() if self.when else None,
            "basis": self.basis,
            "tense": self.tense,
            "new_sentences": self.new_sentences,
        }


def build_timeline(articles: list[Article]) -> list[TimelineEntry]:
    by_id = {a.id: a for a in articles}
    seen = _Seen()
    timeline = ordered_entries(articles)
    for entry in timeline:
        entry.new_sentences = _new_sentences(by_id[entry.article_id], seen)
    return timeline


class _Seen:
    """The story's sentences so far, as lemma sets, with the words and counts it has used.
    A sentence is compared only with those that share a word with it: a story of 200
    articles has thousands of sentences, and comparing each with all was quadratic."""

    def __init__(self) -> None:
        self.sentences: list[set[str]] = []
        self.words: dict[str, list[int]] = {}
        self.counts: set[str] = set()

    def near_duplicate(self, terms: set[str]) -> bool:
        # Shared words of one earlier sentence as a share of both (Jaccard). Counting all
        # but one of this sentence's words as shared (containment) dropped 48 sentences of
        # the whole stream, about a third of them news ("Starmer hat seinen Rücktritt
        # angekündigt" after "steht vor dem Rücktritt").
        # A compound and a part of it count as one word, as against the headline
        # (`_similarity`): "Gipfeltreffen" after "Gipfel" says nothing new (review 189).
        shared: dict[int, int] = {}
        for term in terms:
            for i in self.words.get(term, ()):
                shared[i] = shared.get(i, 0) + 1
        return any(_near(n, terms, self.sentences[i]) for i, n in shared.items())

    def add(self, terms: set[str], counts: set[str]) -> None:
        for term in terms:
            self.words.setdefault(term, []).append(len(self.sentences))
        self.sentences.append(terms)
        self.counts |= counts


def in_timeline_order(articles: list[Article]) -> list[Article]:
    """The articles in timeline order, without working out what each adds."""
    by_id = {a.id: a for a in articles}
    return [by_id[entry.article_id] for entry in ordered_entries(articles)]


def ordered_entries(articles: list[Article]) -> list[TimelineEntry]:
    """The timeline's entries, in order, without the sentences each adds."""
    entries = [_entry(a) for a in articles]
    dated = [e.when for e in entries if e.when is not None]
    first, last = (min(dated), max(dated)) if dated else (None, None)
    order = sorted(range(len(entries)), key=lambda i: _key(entries[i], first, last, i))
    return [entries[i] for i in order]


def _entry(article: Article) -> TimelineEntry:
    tense = article_tense(article)
    if article.published is not None:
        when, basis = article.published, "published"
    elif (event := event_time(article)) is not None:
        when, basis = event, "event time"
    else:
        when, basis = None, "tense"
    return TimelineEntry(article.id, article.title, article.published, when, basis, tense)


_EPOCH = datetime(1, 1, 1, tzinfo=UTC)


def _key(
    entry: TimelineEntry, first: datetime | None, last: datetime | None, index: int
) -> tuple[datetime, int, int]:
    phase = 0 if entry.tense == "announced" else 1
    if entry.when is not None:
        return (entry.when, phase, index)
    # Undated: an announcement precedes every dated entry, a report follows them.
    if entry.tense == "announced":
        return (first or _EPOCH, -1, index)
    return (last or _EPOCH, 2, index)


def event_time(article: Article) -> datetime | None:
    """The latest fully resolved calendar date the article mentions."""
    starts = [day_start(t.value) for t in article.timexes if t.type in ("DATE", "TIME")]
    return max((s for s in starts if s), default=None)


@lru_cache(maxsize=1)
def tense_cues() -> dict[str, frozenset[str]]:
    """The word cues of ``data/tense.json`` by name."""
    path = resources.files("chronik.stories").joinpath("data/tense.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def article_tense(article: Article) -> str:
    """``announced`` or ``happened``: from event modalities where known, else word cues."""
    modalities = [e.modality for e in article.events]
    if modalities:
        planned = sum(m in ("planned", "speculated") for m in modalities)
        return "announced" if planned > len(modalities) - planned else "happened"
    cues = tense_cues()
    words = [w.lower() for w in _WORD.findall(f"{article.title} {article.text}")]
    announced = sum(w in cues["announced"] for w in words)
    happened = sum(w in cues["happened"] for w in words)
    return "announced" if announced > happened else "happened"


def _new_sentences(article: Article, seen: _Seen) -> list[str]:
    """The reporting sentences that bring something new: not a near-duplicate of an earlier
    sentence of the story, and with at least ``_NEW_WORDS`` words the story has not used;
    or with a count it has not had."""
    new, echoes = [], []
    shown = article.display_title
    language = (article.language or "de")[:2]
    headlines = [set(lemmas(h, language)) for h in {article.title, shown}]
    headline_counts = _counts(f"{article.title}\n{shown}")
    for sentence in reported_sentences(article):
        if _heading_like(sentence):
            continue
        terms = set(lemmas(sentence, language))
        if sentence.strip() in shown:  # a kicker's lead, shown as the title already
            seen.add(terms, _counts(sentence))
            continue
        if not terms:  # numbers or punctuation only: nothing to compare, nothing new
            continue
        counts = _counts(sentence)
        fresh = [t for t in terms if t not in seen.words]
        first = not seen.sentences
        # A count the story has not had is news however familiar the words around it:
        # "Die Zahl der Toten ist auf 1.700 gestiegen" after "auf 1.430 gestiegen".
        if (
            first
            or counts - seen.counts
            or (len(fresh) >= _NEW_WORDS and not seen.near_duplicate(terms))
        ):
            new.append(unglued(sentence))
            if not counts - headline_counts and _echoes_headline(terms, headlines):
                echoes.append(new[-1])
        seen.add(terms, counts)
    # A variant of the headline the entry is shown under says nothing the title has not:
    # "Medienberichte: Trump plant Treffen mit Putin und Selenskyj" under "... mit Putin"
    # (review 175). Where it is all the entry adds, its few other words are the news; and a
    # count the headline lacks is news ("125 mutmaßliche IS-Mitglieder festgenommen").
    return new if len(echoes) == len(new) else [s for s in new if s not in echoes]


def _echoes_headline(terms: set[str], headlines: list[set[str]]) -> bool:
    """Whether a sentence's words are near those of the article's headline (as published
    or as shown): the share of the words of both that both have, as for near-duplicates,
    a compound and a part of it counting as one word (`_compound_pairs`)."""
    return any(h and _similarity(terms, h) >= _NEAR_DUPLICATE for h in headlines)


def _similarity(terms: set[str], other: set[str]) -> float:
    """The share of the words of both that both have (Jaccard), a word of ``terms`` and a
    compound of ``other`` that says it counting as one (`_compound_pairs`)."""
    shared = len(terms & other) + _compound_pairs(terms - other, other - terms)
    return shared / (len(terms) + len(other) - shared)


def _near(exact: int, terms: set[str], other: set[str]) -> bool:
    """Whether two sentences that share ``exact`` words are near-duplicates. Pairing
    compounds loops over both sentences' words, so it runs only where the shared words
    alone fall short and where pairing every other word could reach the threshold (the
    shorter one has 0.7 of the longer one's words)."""
    if exact / (len(terms) + len(other) - exact) >= _NEAR_DUPLICATE:
        return True
    if min(len(terms), len(other)) < _NEAR_DUPLICATE * max(len(terms), len(other)):
        return False
    return _similarity(terms, other) >= _NEAR_DUPLICATE


def _compound_pairs(words: set[str], headline: set[str]) -> int:
    """How many of a sentence's words the headline says within a compound, each headline
    word taken once: "Soldat" under "Blauhelmsoldat", or a compound on the headline's
    word, "Gipfeltreffen" under "Gipfel" (review 180). Not a compound that names the
    headline's word's kind: "Iran-Krieg" under "Krieg" says which war, news the headline
    lacks (matching that way too, 13 whole-stream entries lost a sentence, not 10, and 2 a
    detail, not 1).

    Each word, in order, takes the first headline word in order that is left and pairs
    with it. The headline's words are indexed by their parts once, so that a word looks up
    its partners rather than trying every headline word: trying every pair had been 0.65
    of the 1.0 s of a 52-article story's report (review 254)."""
    left, by_part = set(headline), _by_part(headline)
    pairs = 0
    for word in sorted(words):
        said = [w for w in (*first_parts(word), *by_part.get(word, ())) if w in left]
        if said:
            left.remove(min(said))
            pairs += 1
    return pairs


def _by_part(headline: set[str]) -> dict[str, list[str]]:
    """The headline's words by the words that are a part of them: the head of a compound
    ("treffen" -> "gipfeltreffen") and the part it follows ("gipfel"), with or without
    a linking ending."""
    by_part: dict[str, list[str]] = {}
    for compound in headline:
        for part in {compound_head(compound), *first_parts(compound)} - {""}:
            by_part.setdefault(part, []).append(compound)
    return by_part


def _counts(sentence: str) -> set[str]:
    """The counts a sentence gives ("1.700", "16", "1,8"): numbers that are not a clock time,
    a day of a date or a year, with their thousands written one way."""
    return {
        m[1].replace(".", "").replace(" ", "")
        for m in _COUNT.finditer(sentence)
        if not _RANK_OF.search(sentence, 0, m.start())
    }


# A number written in groups of three digits: "1.700", "1 000 000".
DIGIT_GROUPS = r"\d{1,3}(?:[.\u202f ]\d{3})+"
# A decimal, with a comma as German writes it: "1,8 Prozent", "1.234,5 Tonnen". Without it
# "1,8" was no count and "12,5" read as "12" (review 180).
_DECIMAL = rf"(?:{DIGIT_GROUPS}|\d+),\d+"
# A decimal or a number of two or more digits, not part of a time ("20:47", "15 Uhr"), a
# date ("13.09.", "13. September"), a year ("2026") or a rank ("Platz 3 von 20", "Paragraf
# 15"): what a death toll, a sum or a rate is written as.
_COUNT = re.compile(
    r"(?<![\d.:,])(?<!Platz )(?<!Paragraf )(?<!Artikel )(?<!Nr\. )"
    rf"({_DECIMAL}|{DIGIT_GROUPS}|\d{{2,}})(?![\d:]|\.\d|\.? ?(?:Uhr|"
    r"Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)"
    r"(?<!\b(?:19|20)\d\d)"
)


# The field a rank is out of: "Platz 3 von 20", "Rang 2 unter 12".
_RANK_OF = re.compile(r"\b(?:Platz|Rang)\s+\d+\.?\s+(?:von|unter|aus)\s+$")


def unglued(sentence: str) -> str:
    """A sentence to read: where a scraped live blog ran its headlines together
    ("Libanon verlassenEin Besatzungsmitglied"), a separator at each seam. For reading only:
    the article's text, and all analysis of it, keep the seams as they came."""
    kept = camel_case_names()
    sentence = _SEAM.sub(lambda m: m[0] if m[0] in kept else f"{m[1]} · {m[2]}", sentence)
    sentence = _COLON_SEAM.sub(" ", CLOCK_SEAM.sub(" · ", _COUNT_SEAM.sub(" · ", sentence)))
    return _QUOTE_SEAM.sub(r"\1 · ", sentence)


# "verlassenEin", "anIranischer", "BeschussUSA"; a closing quote before a word: "Hölle"Iran
_SEAM = re.compile(r"\b([A-Za-zÄÖÜäöüß][a-zäöüß]+)([A-ZÄÖÜ](?:[a-zäöüß]{2,}|[A-ZÄÖÜ]+\b))")
_QUOTE_SEAM = re.compile(r"(?<=\w)([\"“”])(?=[A-ZÄÖÜ][a-zäöüß])")
# A word glued to the count that opens the next headline: "nach Ägypten250.000 Menschen bei
# Gaza-Demo" (review 114); a count in thousands, not a name's digits ("COP30", "G7").
_COUNT_SEAM = re.compile(r"(?<=[a-zäöüß]{3})(?=\d{1,3}(?:\.\d{3})+(?![\d.]))")
# A list's opener glued to its first line: "im Überblick:Medienberichte".
_COLON_SEAM = re.compile(r"(?<=[a-zäöüß]{3}:)(?=[A-ZÄÖÜ][a-zäöüß])")


def _heading_like(sentence: str) -> bool:
    """A subheading that plain text runs into its paragraph: a short question or a phrase
    that opens a list ("Was ist passiert?.", "Die Entwicklungen im Überblick:.")."""
    said = sentence.strip().rstrip(".").rstrip()
    opener = said.endswith(("?", ":")) or said.endswith(_LIST_OPENERS)
    return opener and len(said.split()) <= _HEADING_WORDS


# A list's opener that ends with a full stop: "Die wichtigsten Punkte im Überblick."
_LIST_OPENERS = ("im Überblick", "zum Nachlesen")


_HEADING_WORDS = 6


def reported_sentences(article: Article) -> list[str]:
    """The sentences of the article's reporting paragraphs: not its headline, subheadings
    or opinion (all of it when the structure is unknown)."""
    sentences = article.sentences or split_sentences(article.text)
    spans = [
        (b.start, b.end)
        for b in article.blocks
        if b.kind is BlockKind.PARAGRAPH and b.stance is Stance.REPORTING
    ]
    if not article.blocks:
        return [s.text for s in sentences]
    return [s.text for s in sentences if any(a <= s.start < b for a, b in spans)]
