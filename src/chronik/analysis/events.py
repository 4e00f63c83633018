"""Event extraction in the manner of GDELT: sentences become typed events with actors,
modality, place, time and sources.

No dependency parser is available, so the rules work on lemmas (simplemma) and clauses
(split at commas, colons and complementisers): a trigger lemma gives the type and CAMEO-style
code, the entity mentions in its clause give the actors, cue words in its clause and in the
clause that governs it give the modality. Triggers, cues and actor codes are data
(``data/event_cues.json``, ``data/event_actors.json``). The extractor sits behind the
``EventExtractor`` protocol so that a trained model can replace the rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Protocol

import simplemma

from chronik.analysis.pipeline import component
from chronik.analysis.sentences import split_sentences
from chronik.errors import ChronikError, Code
from chronik.model import Article, Attribution, Event, Mention, Sentence
from chronik.options import Options

MODALITIES = (
    "happened",
    "planned",
    "announced",
    "speculated",
    "suggested",
    "denied",
    "unspecified",
)
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*-?|[^\w\s]")
_ACTOR_TYPES = frozenset({"PER", "ORG", "LOC", "GPE"})
_MAX_ACTOR_DISTANCE = 20
_ANAPHOR_SENTENCES = 6


class EventExtractor(Protocol):
    """Anything that turns an analysed article into events."""

    def extract(self, article: Article) -> list[Event]: ...


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    lemma: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Clause:
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    opener: str  # the break or complementiser that opens it ("" for the first clause)


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    code: str
    index: int  # token index in the sentence
    noun: bool


@dataclass(slots=True)
class _Sentence:
    """One sentence as the rules see it: tokens, clauses and the mentions inside."""

    sentence: Sentence
    tokens: list[Token]
    clauses: list[Clause]
    mentions: list[Mention]

    def clause_of(self, index: int) -> int:
        return next(i for i, c in enumerate(self.clauses) if c.first <= index < c.last)

    def span(self, clause: Clause) -> tuple[int, int]:
        return self.tokens[clause.first].start, self.tokens[clause.last - 1].end

    def token_index(self, offset: int) -> int:
        return next((i for i, t in enumerate(self.tokens) if t.end > offset), len(self.tokens))


# --- the lexicon -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CueList:
    lemmas: frozenset[str]
    forms: tuple[str, ...]

    def matches(self, token: Token, keys: Iterable[str]) -> bool:
        if any(key in self.lemmas for key in keys):
            return True
        return any(
            token.lower.startswith(f[:-1]) if f.endswith("*") else token.lower == f
            for f in self.forms
        )


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]
    actors: dict[str, Any]
    cues: dict[str, CueList]

    def words(self, key: str) -> frozenset[str]:
        return frozenset(self.raw[key])

    @property
    def precedence(self) -> list[str]:
        return list(self.raw["modality"]["precedence"])


@cache
def lexicon() -> Lexicon:
    """The trigger, cue and actor data, read once."""
    raw = _load_json("event_cues.json")
    cues = {
        label: CueList(frozenset(entry["lemmas"]), tuple(entry["forms"]))
        for label, entry in raw["modality"].items()
        if isinstance(entry, dict)
    }
    for key, value in list(raw["verbs"].items()):
        raw["verbs"].setdefault(key.replace("|", ""), value)  # "an|greifen" and "angreifen"
    return Lexicon(raw, _load_json("event_actors.json"), cues)


def _load_json(name: str) -> dict[str, Any]:
    path = resources.files("chronik.analysis") / "data" / name
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=65536)
def lemma_of(word: str) -> str:
    return str(simplemma.lemmatize(word, lang="de")).lower()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [
        Token(m.group(), offset + m.start(), offset + m.end(), m.group().lower(), _lemma(m.group()))
        for m in _TOKEN.finditer(text)
    ]


def _lemma(word: str) -> str:
    if not word[:1].isalnum():
        return word
    lemma = lemma_of(word.rstrip("-"))
    # simplemma misses some -ieren participles ("bombardiert"); their lemma is regular.
    for ending in ("iert", "ierte", "ierten"):
        if lemma == word.lower() and lemma.endswith(ending) and not word[:1].isupper():
            return lemma[: -len(ending)] + "ieren"
    return lemma


def split_clauses(tokens: list[Token]) -> list[Clause]:
    """Clauses end at commas, colons and the like, and before a complementiser."""
    breaks = lexicon().words("clause_breaks")
    openers = lexicon().words("complementisers")
    clauses: list[Clause] = []
    first, opener = 0, ""
    for i, token in enumerate(tokens):
        if token.text in breaks:
            if i > first:
                clauses.append(Clause(first, i, opener))
            first, opener = i + 1, token.text
        elif token.lower in openers and i > first:
            clauses.append(Clause(first, i, opener))
            first, opener = i, token.lower
        elif token.lower in openers:
            opener = token.lower
    if first < len(tokens):
        clauses.append(Clause(first, len(tokens), opener))
    return clauses or [Clause(0, len(tokens), "")]


def lemma_keys(tokens: list[Token], clause: Clause, index: int) -> list[str]:
    """The token's lemma, and particle|lemma when a separable particle ends the clause."""
    token = tokens[index]
    keys = [token.lemma]
    last = _last_word(tokens, clause)
    if last is not None and last != index and tokens[last].lower in lexicon().words("particles"):
        keys.append(f"{tokens[last].lower}|{token.lemma}")
    return keys


def _last_word(tokens: list[Token], clause: Clause) -> int | None:
    for i in range(clause.last - 1, clause.first - 1, -1):
        if tokens[i].text[:1].isalnum():
            return i
    return None


# --- triggers --------------------------------------------------------------------------------


def find_triggers(sent: _Sentence) -> list[Trigger]:
    found: list[Trigger] = []
    for clause in sent.clauses:
        for i in range(clause.first, clause.last):
            trigger = _trigger_at(sent, clause, i)
            if trigger is not None:
                found.append(trigger)
    return found


def _trigger_at(sent: _Sentence, clause: Clause, i: int) -> Trigger | None:
    """Capitalised words are nouns (or the first word); lower-case words may be verbs."""
    token = sent.tokens[i]
    if not token.text[:1].isalpha():
        return None
    if token.capitalised:
        head = _noun_head(token)
        if head is not None:
            return _arms_or(sent, clause, i, head, noun=True)
        if i > 0:
            return None
    verbs: dict[str, list[str]] = lexicon().raw["verbs"]
    arms_only = lexicon().raw["arms"]["only_verbs"]
    for key in reversed(lemma_keys(sent.tokens, clause, i)):
        if key in verbs:
            return _arms_or(sent, clause, i, key, noun=False)
        if key in arms_only and _arms_nearby(sent.tokens, clause.first, clause.last):
            kind, code = lexicon().raw["arms"]["trigger"]
            return Trigger(kind, code, i, False)
    return None


def _noun_head(token: Token) -> str | None:
    """The noun trigger this token's compound ends in, if any."""
    raw = lexicon().raw
    for word in {token.lemma, token.lower.rstrip("-")}:
        if word in raw["noun_exclude"]:
            return None
        for form in _stems(word):
            head = next((h for h in _heads() if form.endswith(h)), None)
            if head is not None:
                return f"noun:{form}:{head}"
    return None


@cache
def _heads() -> list[str]:
    return sorted(lexicon().raw["nouns"], key=len, reverse=True)


def _stems(word: str) -> list[str]:
    stems = [word]
    for ending in ("es", "en", "s", "n", "e"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            stems.append(word[: -len(ending)])
    return stems


def _arms_or(sent: _Sentence, clause: Clause, i: int, key: str, noun: bool) -> Trigger:
    """The trigger for ``key``, or an arms trigger where weapons are what is dealt in."""
    raw = lexicon().raw
    arms = raw["arms"]
    if noun:
        _, form, head = key.split(":")
        kind, code = raw["nouns"][head]
        modifier = form[: -len(head)] if form != head else ""
        dealt = (
            _has_arms(modifier)
            or _elided_arms(sent.tokens, i)
            or _arms_nearby(sent.tokens, i + 1, min(i + 4, clause.last))
        )
        if head in arms["heads"] and dealt:
            kind, code = arms["trigger"]
        return Trigger(kind, code, i, True)
    kind, code = raw["verbs"][key]
    sense = raw["senses"].get(key)
    if sense and any(
        sent.tokens[j].lemma.endswith(tuple(sense["words"]))
        for j in range(clause.first, clause.last)
    ):
        kind, code = sense["trigger"]
    if key in arms["object_verbs"] and _arms_nearby(sent.tokens, clause.first, clause.last):
        kind, code = arms["trigger"]
    return Trigger(kind, code, i, False)


def _has_arms(modifier: str) -> bool:
    return any(m in modifier for m in lexicon().raw["arms"]["modifiers"])


def _elided_arms(tokens: list[Token], i: int) -> bool:
    """ "Waffen- und Munitionsabkommen": the first conjunct ends in a hyphen."""
    return any(
        tokens[j].text.endswith("-") and _has_arms(tokens[j].lower) for j in range(max(0, i - 3), i)
    )


def _arms_nearby(tokens: list[Token], first: int, last: int) -> bool:
    objects = lexicon().raw["arms"]["objects"]
    return any(
        any(tokens[j].lemma.endswith(o) or tokens[j].lower.startswith(o) for o in objects)
        for j in range(first, last)
        if tokens[j].capitalised
    )


# --- modality --------------------------------------------------------------------------------


def cue_labels(
    sent: _Sentence, clause: Clause, skip: frozenset[str] = frozenset(), trigger: int = -1
) -> set[str]:
    labels: set[str] = set()
    for i in range(clause.first, clause.last):
        if _describes_other_noun(sent, i, trigger):
            continue
        keys = lemma_keys(sent.tokens, clause, i)
        for label, cues in lexicon().cues.items():
            if label not in skip and cues.matches(sent.tokens[i], keys):
                labels.add(label)
    return labels


def _describes_other_noun(sent: _Sentence, i: int, trigger: int) -> bool:
    """ "drei mutmaßliche Mitglieder": an inflected adjective describes its noun, and is a
    cue only when that noun is the event ("mögliche Waffendeals")."""
    token = sent.tokens[i]
    if token.capitalised or not _inflected_adjective(token):
        return False
    j = i + 1
    while j < len(sent.tokens) and _inflected_adjective(sent.tokens[j]):
        j += 1
    noun = j < len(sent.tokens) and sent.tokens[j].capitalised and sent.tokens[j].text.isalpha()
    return noun and j != trigger and _noun_head(sent.tokens[j]) is None


def _inflected_adjective(token: Token) -> bool:
    """ "mutmaßliche", "weitere": an adjective ending, and a lemma that is not a verb's."""
    lower, lemma = token.lower, token.lemma
    ending = lower.endswith(("e", "en", "er", "es", "em")) and lower != lemma
    return ending and token.text.isalpha() and not token.capitalised and not lemma.endswith("n")


def matrix_clause(sent: _Sentence, index: int) -> Clause | None:
    """The clause that governs a complement clause ("X deutete an, dass ...", "X: ...")."""
    clause = sent.clauses[index]
    if index == 0:
        return None
    if clause.opener in lexicon().words("complementisers") or clause.opener == ":":
        return sent.clauses[index - 1]
    previous = sent.clauses[index - 1]
    words = {sent.tokens[i].lower for i in range(clause.first, clause.last)}
    # Reported speech without "dass": "..., er habe sich getroffen".
    if words & lexicon().words("subjunctive") and cue_labels(sent, previous):
        return previous
    return None


def controller(sent: _Sentence, index: int) -> Clause | None:
    """The clause an infinitive depends on ("Brasilien signalisierte Bereitschaft, ... zu
    verhandeln"): its cues apply and its subject is the actor."""
    if index == 0 or matrix_clause(sent, index) is not None:
        return None
    clause = sent.clauses[index]
    words = [sent.tokens[i].lower for i in range(clause.first, clause.last)]
    if "zu" in words or any(_infix_zu(w) for w in words):
        return sent.clauses[index - 1]
    return None


def _infix_zu(word: str) -> bool:
    """ "zusammenzuarbeiten", "auszuweiten": a separable verb with zu inside."""
    return any(
        word.startswith(p + "zu") and word.endswith("en") and len(word) > len(p) + 5
        for p in lexicon().words("particles")
    ) or (word.startswith("zusammenzu") and word.endswith("en"))


def reporting_clauses(sent: _Sentence, index: int) -> list[Clause]:
    """Clauses that report the trigger's clause: the matrix of a complement, and a trailing
    report (", kündigte X an", ", so berichtet X", ", entschieden zurückgewiesen")."""
    found = [c for c in [matrix_clause(sent, index)] if c is not None]
    if index + 1 < len(sent.clauses):
        after = sent.clauses[index + 1]
        first = sent.tokens[after.first]
        short = after.last - after.first <= 3
        reports = short or first.lower in {"so", "wie"} or not first.capitalised
        if after.opener == "," and reports and cue_labels(sent, after):
            found.append(after)
    return found


def tense(sent: _Sentence, clause: Clause, trigger: Trigger) -> str | None:
    """happened, planned, present or speculated (reported "soll ... haben"), from the verb."""
    if trigger.noun:
        support = _support_verb(sent, clause, trigger.index)
        if support is None:
            return _temporal_phrase(sent, clause, trigger.index)
        return _verb_tense(sent.tokens, clause, support)
    return _verb_tense(sent.tokens, clause, trigger.index)


def _support_verb(sent: _Sentence, clause: Clause, noun: int) -> int | None:
    """A verb that says what became of the noun ("fand statt"); "es gab" only close by."""
    support = lexicon().words("support_verbs")
    weak = lexicon().words("weak_support_verbs")
    for i in range(clause.first, clause.last):
        token = sent.tokens[i]
        keys = lemma_keys(sent.tokens, clause, i)
        if token.capitalised or not any(k in support for k in keys):
            continue
        if token.lemma in weak and not 0 < noun - i <= 4:
            continue
        return i
    return None


def _temporal_phrase(sent: _Sentence, clause: Clause, index: int) -> str | None:
    """ "Bei dem Gipfel diskutierten ...": a noun in a temporal phrase of a past clause."""
    preps = lexicon().words("temporal_prepositions")
    if not any(sent.tokens[j].lower in preps for j in range(max(clause.first, index - 3), index)):
        return None
    words = range(clause.first, clause.last)
    perfect = lexicon().words("perfect_auxiliaries")
    past = any(_is_past_verb(sent.tokens[j]) for j in words) or (
        any(sent.tokens[j].lower in perfect for j in words)
        and any(_participle(sent.tokens[j]) for j in words)
    )
    return "happened" if past else None


def _participle(token: Token) -> bool:
    particles = lexicon().words("particles")
    lower = token.lower
    return (
        not token.capitalised
        and (
            lower.startswith("ge")
            or lower.endswith("iert")
            or any(lower.startswith(p + "ge") for p in particles)
        )
        and lower != token.lemma
    )


def _verb_tense(tokens: list[Token], clause: Clause, i: int) -> str | None:
    raw = lexicon().raw
    words = {tokens[j].lower for j in range(clause.first, clause.last)}
    verb = tokens[i]
    infinitive = verb.lower == verb.lemma or verb.lower.endswith("zu" + verb.lemma)
    if words & set(raw["plan_modals"]) & {"soll", "sollen"} and words & {"haben", "sein"}:
        return "speculated"
    if words & set(raw["perfect_auxiliaries"]) and not infinitive:
        return "happened"
    if words & set(raw["future_auxiliaries"] + raw["plan_modals"]) and infinitive:
        return "planned"
    if i > 0 and tokens[i - 1].lower == "zu":
        return None
    return "happened" if _is_past(verb) else "present"


def _is_past(token: Token) -> bool:
    """Past tense or participle of a known verb, told apart from its present forms."""
    lemma, form = token.lemma.split("|")[-1], token.lower
    if form == lemma:
        return False
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    present = {stem + e for e in ("e", "st", "t", "et", "est", "en")}
    if form in present:
        return False
    if form.startswith(stem) and form.endswith(("te", "ten", "test", "tet")):
        return True
    return not (form.endswith("t") and len(form) <= len(lemma) + 1)


def _is_past_verb(token: Token) -> bool:
    """A stricter test for any word: only forms that cannot be adjectives."""
    if token.capitalised or not token.lemma.endswith("en") or token.lower == token.lemma:
        return False
    stem = token.lemma[:-2]
    if token.lower.startswith(stem) and token.lower.endswith(("te", "ten")):
        return True
    return not token.lower.endswith(("t", "st", "e", "en", "em", "er", "es", "n"))


def resolve_modality(labels: set[str]) -> str:
    for label in lexicon().precedence:
        if label in labels:
            return "happened" if label == "present" else label
    return "unspecified"


# --- actors, places, sources -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Names:
    """How mentions are named and keyed within one article."""

    entities: dict[str, str]  # entity id -> canonical name
    long_names: dict[str, str]  # a part of a multi-word name -> the whole name

    def name(self, mention: Mention) -> str:
        if mention.entity_id and mention.entity_id in self.entities:
            return self.entities[mention.entity_id]
        text = clean_name(mention.text)
        if mention.derived:
            return country_name(text) or text
        return self.long_names.get(text, text)

    def key(self, mention: Mention) -> str:
        if mention.entity_id:
            return mention.entity_id
        return "name:" + self.name(mention).casefold()


def _names(article: Article, mentions: list[Mention]) -> _Names:
    entities = {e.id: e.name for e in article.entities}
    long_names: dict[str, str] = {}
    for m in mentions:
        parts = clean_name(m.text).split()
        if len(parts) > 1 and m.type == "PER":
            for part in (parts[0], parts[-1]):
                long_names.setdefault(part, " ".join(parts))
    return _Names(entities, long_names)


def clean_name(text: str) -> str:
    """The name without a genitive s: "Kremls" -> "Kreml", "Russlands" -> "Russland"."""
    text = " ".join(text.split())
    if not text.endswith("s") or " " in text or len(text) < 4:
        return text
    bare = text[:-1]
    countries = lexicon().actors["countries"]
    if bare.lower() in countries or lemma_of(text) == bare.lower():
        return bare
    return text


def country_name(text: str) -> str | None:
    """The country a nationality adjective names ("nordkoreanische" -> "Nordkorea")."""
    code = demonym_code(text)
    return country_of_code(code) if code else None


def _title(name: str) -> str:
    return name.upper() if len(name) <= 3 else "-".join(p.capitalize() for p in name.split("-"))


def demonym_code(text: str) -> str | None:
    lower = text.lower().rstrip("-")
    for stem, code in lexicon().actors["demonyms"].items():
        if lower == stem or (
            len(stem) > 3 and lower.startswith(stem) and len(lower) - len(stem) <= 3
        ):
            return str(code)
    return None


def is_country(mention: Mention, article: Article) -> bool:
    entity = next((e for e in article.entities if e.id == mention.entity_id), None)
    if entity is not None and entity.code:
        return True
    return clean_name(mention.text).lower() in lexicon().actors["countries"]


def _apposed(sent: _Sentence, mention: Mention) -> bool:
    """ "der russische Präsident Wladimir Putin": the adjective describes the name after it."""
    after = sent.token_index(mention.end)
    return any(
        m.type in {"PER", "ORG"}
        and not m.derived
        and after <= sent.token_index(m.start) <= after + 3
        for m in sent.mentions
    )


def _inside_word(sent: _Sentence, mention: Mention) -> bool:
    """A mention that is only part of a word ("Ukraine-Krieg", "ost-russischen") is a modifier."""
    return any(
        t.start <= mention.start < t.end and (mention.start > t.start or mention.end < t.end)
        for t in sent.tokens
    )


def locations(sent: _Sentence, clause: Clause, article: Article) -> list[Mention]:
    """Places named in a locative phrase ("in Wladiwostok", "auf dem Weltraumbahnhof X")."""
    raw = lexicon().raw
    found: list[Mention] = []
    for i in range(clause.first, clause.last):
        if sent.tokens[i].lower not in raw["locative_prepositions"]:
            continue
        phrase = _phrase_after(sent, clause, i)
        if any(sent.tokens[j].lower in raw["non_locative_nouns"] for j in phrase):
            continue
        inside = [
            m
            for m in sent.mentions
            if m.type != "PER"
            and not _inside_word(sent, m)
            and phrase
            and sent.tokens[phrase[0]].start <= m.start < sent.tokens[phrase[-1]].end
        ]
        found.extend(inside)
    return found


_PHRASE_STOPS = frozenset("zu und mit für an um zwischen gegen über von vom bei seit".split())


def _phrase_after(sent: _Sentence, clause: Clause, i: int) -> list[int]:
    """Token indices of the phrase after a preposition: up to six words, until a break."""
    stop = lexicon().words("locative_prepositions") | _PHRASE_STOPS
    phrase: list[int] = []
    for j in range(i + 1, min(clause.last, i + 7)):
        token = sent.tokens[j]
        if token.lower in stop or not token.text[:1].isalnum() or _is_past_verb(token):
            break
        phrase.append(j)
    return phrase


def best_place(places: list[Mention], article: Article) -> Mention | None:
    """The most specific place: the last that is not a country, else the first."""
    specific = [m for m in places if not is_country(m, article)]
    if specific:
        return specific[-1]
    return places[0] if places else None


def marker_sources(sent: _Sentence) -> list[Mention]:
    """Mentions after "nach Angaben", "laut", "so berichtet" or before "zufolge"."""
    markers = lexicon().raw["source_markers"]
    found: list[Mention] = []
    words = [t.lower for t in sent.tokens]
    for i in range(len(words)):
        for marker in markers["before"]:
            if words[i : i + len(marker)] == marker:
                end = _phrase_end(sent, i + len(marker))
                found.extend(_mentions_between(sent, i + len(marker), end)[:1])
        for marker in markers["after"]:
            if words[i : i + len(marker)] == marker and i > 0:
                end = i + len(marker)
                found.extend(_mentions_between(sent, end, end + 4)[:1])
                if marker == ["zufolge"]:
                    found.extend(_mentions_between(sent, max(0, i - 4), i)[-1:])
    return found


def has_source_marker(sent: _Sentence) -> bool:
    words = [t.lower for t in sent.tokens]
    markers = lexicon().raw["source_markers"]["before"]
    return any(words[i : i + len(m)] == m for m in markers for i in range(len(words)))


def _phrase_end(sent: _Sentence, first: int) -> int:
    """The end of the noun phrase at ``first``: it stops at the first verb-like word."""
    end = first
    while end < len(sent.tokens) and end - first < 6:
        token = sent.tokens[end]
        if not token.text[:1].isalnum():
            break
        lower_word = not token.capitalised and token.lower not in _DETERMINERS
        if lower_word and not _inflected_adjective(token) and token.lower not in {"von", "der"}:
            break
        end += 1
    return end


def _mentions_between(sent: _Sentence, first: int, last: int) -> list[Mention]:
    if first >= len(sent.tokens):
        return []
    start = sent.tokens[first].start
    end = sent.tokens[min(last, len(sent.tokens)) - 1].end
    return [m for m in sent.mentions if start <= m.start < end]


def in_clause(sent: _Sentence, clause: Clause, mentions: Iterable[Mention]) -> list[Mention]:
    start, end = sent.span(clause)
    return [m for m in mentions if start <= m.start < end]


# --- the rule extractor ----------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    article: Article
    names: _Names
    published: date | None


class RuleEventExtractor:
    """Lemma rules over clauses; see the module docstring and docs/events.md."""

    def extract(self, article: Article) -> list[Event]:
        mentions = sorted(article.mentions or fallback_mentions(article), key=lambda m: m.start)
        context = _Context(
            article,
            _names(article, mentions),
            article.published.date() if article.published else None,
        )
        events: list[Event] = []
        for sentence in article.sentences or split_sentences(article.text):
            sent = _prepare(article, sentence, mentions)
            events.extend(self._sentence_events(sent, context, events))
        return events

    def _sentence_events(self, sent: _Sentence, ctx: _Context, before: list[Event]) -> list[Event]:
        triggers = _one_per_clause(sent, find_triggers(sent))
        if all(t.type == "deny" for t in triggers) and _denies(sent):
            denial = _denial_of(sent, ctx, before)
            if denial or not triggers:
                return denial
        events = [self._event(sent, ctx, t) for t in triggers]
        return [_inherit_actors(sent, e, t, before) for e, t in zip(events, triggers, strict=True)]

    def _event(self, sent: _Sentence, ctx: _Context, trigger: Trigger) -> Event:
        index = sent.clause_of(trigger.index)
        clause = sent.clauses[index]
        governing = reporting_clauses(sent, index)
        sources = _sources(sent, ctx, governing)
        control = controller(sent, index)
        place = best_place(_places(sent, clause, ctx.article), ctx.article)
        taken = {id(m) for m in sources} | ({id(place)} if place else set())
        actors = _actors(sent, ctx, index, trigger, taken)
        timex = _timex(sent, ctx.article, clause)
        governing += [control] if control else []
        reported = bool(sources) or has_source_marker(sent)
        modality = _modality(sent, ctx, clause, governing, trigger, timex, reported)
        return Event(
            type=trigger.type,
            code=trigger.code,
            actors=[ctx.names.key(m) for m in actors],
            actor_names=[ctx.names.name(m) for m in actors],
            modality=modality,
            sentence=sent.sentence.text,
            start=sent.sentence.start,
            end=sent.sentence.end,
            location=ctx.names.name(place) if place else None,
            location_id=place.entity_id if place else None,
            time=timex or _publication_time(ctx, modality),
            sources=_source_names(ctx, sent.span(clause), sources),
        )


def _places(sent: _Sentence, clause: Clause, article: Article) -> list[Mention]:
    """Places in the trigger's clause, else anywhere in the sentence."""
    whole = Clause(0, len(sent.tokens), "")
    return locations(sent, clause, article) or locations(sent, whole, article)


def _publication_time(ctx: _Context, modality: str) -> str | None:
    """What happened without a date in the sentence happened by the publication date."""
    return ctx.published.isoformat() if ctx.published and modality == "happened" else None


def _prepare(article: Article, sentence: Sentence, mentions: list[Mention]) -> _Sentence:
    tokens = tokenize(sentence.text, sentence.start)
    inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
    return _Sentence(sentence, tokens, split_clauses(tokens), inside)


def _one_per_clause(sent: _Sentence, triggers: list[Trigger]) -> list[Trigger]:
    """One event per type and clause (verbs before nouns); statements only on their own."""
    kept: dict[tuple[int, str], Trigger] = {}
    for trigger in sorted(triggers, key=lambda t: (t.noun, t.index)):
        kept.setdefault((sent.clause_of(trigger.index), trigger.type), trigger)
    chosen = sorted(kept.values(), key=lambda t: t.index)
    substantive = [t for t in chosen if not _is_cue(sent, t)]
    arms = {sent.clause_of(t.index) for t in substantive if t.type == "arms"}
    # Arms are aid of a kind: "Militärhilfe liefern" is one event, not two.
    substantive = [t for t in substantive if t.type != "aid" or sent.clause_of(t.index) not in arms]
    return substantive or chosen


def _is_cue(sent: _Sentence, trigger: Trigger) -> bool:
    """A statement verb that also marks modality ("dementierte", "wies zurück") is a cue
    when the sentence has another event."""
    if trigger.type in {"announce", "deny"}:
        return True
    clause = sent.clauses[sent.clause_of(trigger.index)]
    keys = lemma_keys(sent.tokens, clause, trigger.index)
    cues = lexicon().cues
    return any(cues[label].matches(sent.tokens[trigger.index], keys) for label in ("denied",))


def _denies(sent: _Sentence) -> bool:
    return any("denied" in cue_labels(sent, c) for c in sent.clauses)


def _denial_of(sent: _Sentence, ctx: _Context, before: list[Event]) -> list[Event]:
    """ "Beide Länder haben solche Absichten abgestritten": a denial of the last event."""
    recent = [e for e in before if e.start >= _earlier_sentence_start(ctx.article, sent, 2)]
    open_claims = [e for e in recent if e.modality not in {"happened", "denied", "unspecified"}]
    if not open_claims:
        return []
    target = open_claims[-1]
    sources = _sources(sent, ctx, sent.clauses[:1])
    names = _source_names(ctx, (sent.sentence.start, sent.sentence.end), sources)
    both = lexicon().words("both")
    if all(n.split()[0].lower() in both for n in names) and any(
        t.lower in both for t in sent.tokens
    ):
        names = _both(sent, ctx, target)
    span = sent.sentence
    return [
        replace(
            target,
            modality="denied",
            sentence=span.text,
            start=span.start,
            end=span.end,
            sources=names,
            time=None,
        )
    ]


def _both(sent: _Sentence, ctx: _Context, target: Event) -> list[str]:
    """ "Beide Länder": the countries the event's actors act for; "beide Seiten": the actors."""
    words = [t.lower for t in sent.tokens]
    if not {"länder", "staaten"} & set(words):
        return list(target.actor_names)
    codes = actor_codes(ctx.article)
    named = [
        country_of_code(codes.get(key, "")) or name
        for key, name in zip(target.actors, target.actor_names, strict=True)
    ]
    return list(dict.fromkeys(named))


def country_of_code(code: str) -> str | None:
    """The German name of the country an actor code starts with ("PRKGOV" -> "Nordkorea")."""
    names = [n for n, c in lexicon().actors["countries"].items() if c == code[:3]]
    return _title(names[0]) if names and len(code) >= 3 else None


def _earlier_sentence_start(article: Article, sent: _Sentence, back: int) -> int:
    starts = sorted(
        s.start
        for s in (article.sentences or split_sentences(article.text))
        if s.start < sent.sentence.start
    )
    return starts[-back] if len(starts) >= back else 0


def _inherit_actors(sent: _Sentence, event: Event, trigger: Trigger, before: list[Event]) -> Event:
    """ "Das Treffen fand ... statt": a definite noun with no actors refers back."""
    if event.actors or not trigger.noun:
        return event
    definite = lexicon().words("definite")
    window = sent.tokens[max(0, trigger.index - 3) : trigger.index]
    if not any(t.lower in definite for t in window):
        return event
    earlier = [e for e in before[-20:] if e.type == event.type and e.actors]
    if not earlier:
        return event
    return replace(
        event, actors=list(earlier[-1].actors), actor_names=list(earlier[-1].actor_names)
    )


def _sources(sent: _Sentence, ctx: _Context, reporting: list[Clause]) -> list[Mention]:
    found = marker_sources(sent)
    for clause in reporting:
        if cue_labels(sent, clause, frozenset({"happened", "planned"})):
            found.extend(m for m in in_clause(sent, clause, sent.mentions) if not _apposed(sent, m))
    return list({id(m): m for m in found}.values())


def _source_names(ctx: _Context, span: tuple[int, int], mentions: list[Mention]) -> list[str]:
    """Sources from the attributions over the span, else from the rules' own mentions."""
    attributed = [a.source for a in attributions_over(ctx.article, span)]
    names = attributed or [ctx.names.name(m) for m in mentions]
    return list(dict.fromkeys(n for n in names if n))


def attributions_over(article: Article, span: tuple[int, int]) -> list[Attribution]:
    """Attributions whose claim overlaps the span (the trigger's clause, or a sentence)."""
    return [a for a in article.attributions if a.start < span[1] and a.end > span[0]]


def _actors(
    sent: _Sentence, ctx: _Context, index: int, trigger: Trigger, taken: set[int]
) -> list[Mention]:
    scope = [sent.clauses[index]]
    governing = controller(sent, index)
    if governing is not None:
        scope.append(governing)
    elif matrix_clause(sent, index) is None:
        scope.extend(c for c in sent.clauses[:index] if not cue_labels(sent, c))
    between = _between(sent, trigger)
    candidates = [
        m
        for clause in scope
        for m in in_clause(sent, clause, sent.mentions)
        if id(m) not in taken and _can_act(sent, m, trigger)
    ]
    if between is not None:
        candidates = [m for m in candidates if between[0] <= m.start < between[1]]
    else:
        candidates = [m for m in candidates if not _after_other_between(sent, m, trigger)]
    keyed = {ctx.names.key(m): m for m in sorted(candidates, key=lambda m: m.start, reverse=True)}
    return sorted(keyed.values(), key=lambda m: m.start)


def _between(sent: _Sentence, trigger: Trigger) -> tuple[int, int] | None:
    """ "Treffen zwischen X und Y": the span that names the parties, if the noun has one."""
    i = trigger.index + 1
    if not trigger.noun or i >= len(sent.tokens) or sent.tokens[i].lower != "zwischen":
        return None
    end = i + 1
    while end < len(sent.tokens) and end - i <= 10 and sent.tokens[end].text[:1].isalnum():
        if sent.tokens[end].lower in _PHRASE_STOPS - {"und"} or _is_past_verb(sent.tokens[end]):
            break
        end += 1
    return sent.tokens[i].end, sent.tokens[end - 1].end


def _after_other_between(sent: _Sentence, mention: Mention, trigger: Trigger) -> bool:
    """Parties of another noun ("die Nähe zwischen X und Y") are not this event's."""
    at = sent.token_index(mention.start)
    for j in range(max(0, at - 4), at):
        if sent.tokens[j].lower == "zwischen" and j != trigger.index + 1:
            return True
    return False


def _can_act(sent: _Sentence, mention: Mention, trigger: Trigger) -> bool:
    if mention.type not in _ACTOR_TYPES and not mention.derived:
        return False
    if (mention.derived and _apposed(sent, mention)) or _inside_word(sent, mention):
        return False
    token = sent.tokens[trigger.index]
    if token.start <= mention.start < token.end:
        return False
    return abs(sent.token_index(mention.start) - trigger.index) <= _MAX_ACTOR_DISTANCE


def _timex(sent: _Sentence, article: Article, clause: Clause) -> str | None:
    start, end = sent.sentence.start, sent.sentence.end
    dated = [
        t
        for t in article.timexes
        if start <= t.start < end
        and t.value
        and t.value[:1].isdigit()
        and t.type in {"DATE", "TIME"}
    ]
    c_start, c_end = sent.span(clause)
    in_clause_ = [t for t in dated if c_start <= t.start < c_end]
    chosen = in_clause_ or dated
    return chosen[0].value if chosen else None


def _modality(
    sent: _Sentence,
    ctx: _Context,
    clause: Clause,
    governing: list[Clause],
    trigger: Trigger,
    timex: str | None,
    has_source: bool,
) -> str:
    labels = cue_labels(sent, clause, trigger=trigger.index)
    for other in governing:
        labels |= cue_labels(sent, other, frozenset({"happened"}))
    claims = attributions_over(ctx.article, sent.span(clause))
    labels |= {_ATTRIBUTION_KINDS[a.kind] for a in claims if a.kind in _ATTRIBUTION_KINDS}
    verb = tense(sent, clause, trigger)
    if verb is not None:
        labels.add(verb)
    if timex and ctx.published and timex[:10] > ctx.published.isoformat():
        labels.add("planned")
    modality = resolve_modality(labels)
    planned_with_source = modality == "planned" and (has_source or bool(claims))
    return "announced" if planned_with_source else modality


_ATTRIBUTION_KINDS = {"denial": "denied", "suggestion": "suggested", "announcement": "announced"}


# --- fallback mentions -----------------------------------------------------------------------


def fallback_mentions(article: Article) -> list[Mention]:
    """Names found without NER, kept minimal: countries and institutions from the data,
    nationality adjectives, a role noun followed by a name, and runs of two or three
    capitalised words; single parts of a name found earlier count as that name."""
    found: list[Mention] = []
    for sentence in article.sentences or split_sentences(article.text):
        tokens = tokenize(sentence.text, sentence.start)
        found.extend(_fallback_in(article.text, tokens))
    return _with_name_parts(article.text, found)


def _fallback_in(text: str, tokens: list[Token]) -> list[Mention]:
    actors = lexicon().actors
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        bare = clean_name(token.text).lower()
        if token.capitalised and bare in actors["countries"]:
            found.append(
                Mention(
                    token.start,
                    token.start + len(clean_name(token.text)),
                    clean_name(token.text),
                    "LOC",
                )
            )
        elif token.capitalised and bare in actors["institutions"]:
            found.append(
                Mention(
                    token.start,
                    token.start + len(clean_name(token.text)),
                    clean_name(token.text),
                    "ORG",
                )
            )
        elif _demonym_token(token, i):
            head = token.text.split("-")[0]
            found.append(Mention(token.start, token.start + len(head), head, "LOC", derived=True))
        else:
            run = _name_run(tokens, i)
            if run:
                first, last = tokens[i + run[0]], tokens[i + run[1] - 1]
                kind = "LOC" if run[2] else "PER"
                found.append(Mention(first.start, last.end, text[first.start : last.end], kind))
                i += run[1]
                continue
        i += 1
    return found


def _demonym_token(token: Token, i: int) -> bool:
    """ "nordkoreanische", "US-Beamte"; capitalised only at the start of a sentence."""
    head = token.text.split("-")[0]
    if token.text.startswith("US-"):
        return True
    return (i == 0 or not token.capitalised) and demonym_code(head) is not None


_STOP_NAMES = frozenset(
    """januar februar märz april mai juni juli august september oktober november dezember
    montag dienstag mittwoch donnerstag freitag samstag sonntag ende anfang mitte""".split()
)


def _name_run(tokens: list[Token], i: int) -> tuple[int, int, bool] | None:
    """(first, last, is_place) offsets from i of a name starting at or after token i."""
    actors = lexicon().actors
    token = tokens[i]
    classes = lexicon().words("place_class_nouns")
    if token.lower in actors["roles"] or token.lower in classes:
        length = _capitalised_run(tokens, i + 1)
        if 1 <= length <= 3:
            return 1, 1 + length, token.lower in classes
        return None
    after_in = i > 0 and tokens[i - 1].lower in {"in", "nach"}
    if after_in and _capitalised_run(tokens, i) == 1 and not simplemma.is_known(token.text, "de"):
        return 0, 1, True
    length = _capitalised_run(tokens, i)
    previous = tokens[i - 1].lower if i > 0 else ""
    place = _after_locative(tokens, i)
    if 2 <= length <= 3 and (place or not _modified(previous)):
        return 0, length, place
    return None


def _after_locative(tokens: list[Token], i: int) -> bool:
    preps = lexicon().words("locative_prepositions")
    return any(t.lower in preps for t in tokens[max(0, i - 4) : i])


_DETERMINERS = frozenset(
    """der die das dem den des ein eine einem einen einer eines dieser diese dieses diesem
    diesen jene jener solche kein keine keinen sein seine ihr ihre es sie er wir""".split()
)
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "ment", "nis")


def _capitalised_run(tokens: list[Token], i: int) -> int:
    """Capitalised words that look like a name: not determiners, not inflected nouns."""
    actors = lexicon().actors
    if i < len(tokens) and tokens[i].lower in _DETERMINERS:
        return 0
    length = 0
    while i + length < len(tokens):
        token = tokens[i + length]
        lower = token.lower
        if not token.capitalised or not token.text.isalpha() or lower in _STOP_NAMES:
            break
        if lower in actors["roles"] or lower in actors["countries"] or token.text.isupper():
            break
        if lower.endswith(_NOUN_SUFFIXES) or token.lemma != lower:
            break
        length += 1
    return length


def _modified(previous: str) -> bool:
    """A determiner or an inflected adjective before a capitalised run marks a noun phrase."""
    if previous in _DETERMINERS:
        return True
    inflected = previous.endswith(("e", "en", "er", "em", "es")) and lemma_of(previous) != previous
    return previous.isalpha() and previous.islower() and inflected


def _with_name_parts(text: str, found: list[Mention]) -> list[Mention]:
    parts = {
        part
        for m in found
        if m.type == "PER" and len(m.text.split()) > 1
        for part in (m.text.split()[0], m.text.split()[-1])
    }
    covered = [(m.start, m.end) for m in found]
    for part in parts:
        for match in re.finditer(rf"\b{re.escape(part)}s?\b", text):
            if not any(s <= match.start() < e for s, e in covered):
                found.append(Mention(match.start(), match.start() + len(part), part, "PER"))
    return sorted(found, key=lambda m: m.start)


# --- actor codes -----------------------------------------------------------------------------


def actor_codes(article: Article) -> dict[str, str]:
    """CAMEO-style codes (country and role, "RUSGOV") for the actors of the article's
    events, keyed as ``Event.actors``; actors with nothing to go on are left out."""
    mentions = sorted(article.mentions or fallback_mentions(article), key=lambda m: m.start)
    names = _names(article, mentions)
    codes: dict[str, str] = {}
    for i, mention in enumerate(mentions):
        code = _code_of(article, mentions, i, names)
        if code:
            codes.setdefault(names.key(mention), code)
    return codes


def _code_of(article: Article, mentions: list[Mention], i: int, names: _Names) -> str | None:
    mention = mentions[i]
    actors = lexicon().actors
    name = names.name(mention).lower()
    entity = next((e for e in article.entities if e.id == mention.entity_id), None)
    if entity is not None and entity.code:
        return _alpha3(entity.code)
    if name in actors["institutions"]:
        return str(actors["institutions"][name])
    if name in actors["countries"]:
        return str(actors["countries"][name])
    if mention.type != "PER":
        return None
    before = article.text[max(0, mention.start - 60) : mention.start]
    words = tokenize(before)[-4:]
    country = next((c for w in words if (c := demonym_code(w.text)) is not None), "")
    role = next((actors["roles"][w.lower] for w in words if w.lower in actors["roles"]), "")
    return (country + role) or None


def _alpha3(code: str) -> str:
    if len(code) == 3:
        return code.upper()
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    return str(country.alpha_3) if country else code.upper()


# --- registry and component ------------------------------------------------------------------

_EXTRACTORS: dict[str, Callable[[], EventExtractor]] = {"rules": RuleEventExtractor}


def register_extractor(name: str, factory: Callable[[], EventExtractor]) -> None:
    """Make an extractor (a trained model, say) available by name."""
    _EXTRACTORS[name] = factory


def get_extractor(name: str = "rules") -> EventExtractor:
    if name not in _EXTRACTORS:
        raise ChronikError(
            Code.E110, kind="event extractor", name=name, choices=", ".join(_EXTRACTORS)
        )
    return _EXTRACTORS[name]()


@component("events")
def events(article: Article, options: Options) -> None:
    name = str(options.extra.get("event_extractor", "rules"))
    article.events = get_extractor(name).extract(article)
