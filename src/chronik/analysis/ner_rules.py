"""Rules that correct the bundled NER model's mentions after the fact.

A small statistical model makes mistakes that one glance at the words can undo: a person
that runs on into the next words ("Kim Jong Un für Menschenrechtsverletzungen"), a country
glued to a name ("Russland Kim"), a country typed as a person, a company typed as a place
although an "AG" follows it. :class:`Refiner` applies such rules, which are data
(``data/ner_rules.json``) and the place gazetteer (:mod:`chronik.analysis.gazetteer`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from chronik.analysis.gazetteer import Gazetteer, Hit, load_gazetteer, read_data
from chronik.analysis.german import ends_in_word
from chronik.analysis.lemmas import is_known, lemmatize
from chronik.analysis.roles import role_lexicon
from chronik.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab


@dataclass(frozen=True, slots=True)
class Span:
    """A mention over tokens ``start`` to ``end`` (exclusive) of a spaCy ``Doc``."""

    start: int
    end: int
    type: str
    derived: bool


@dataclass(frozen=True, slots=True)
class Seen:
    """A mention as the retyping rules look at it: its span, its words and its text."""

    doc: Doc
    span: Span
    words: tuple[str, ...]
    text: str

    @classmethod
    def of(cls, doc: Doc, span: Span) -> Seen:
        tokens = doc[span.start : span.end]
        return cls(doc, span, tuple(token.text for token in tokens), tokens.text)

    @property
    def one_word(self) -> bool:
        return len(self.words) == 1


class Refiner:
    """Splits, trims, drops and retypes mentions of one ``Doc``."""

    def __init__(self, rules: dict[str, Any], gazetteer: Gazetteer) -> None:
        self.particles = frozenset(rules["name_particles"])
        self.noun_endings = tuple(rules["noun_endings"])
        self.common_adjectives = tuple(rules["common_adjective_endings"])
        self.min_population = int(rules["min_population"])
        attributive = rules["attributive"]
        self.plurals = tuple(attributive["plurals"])
        self.adjective_endings = tuple(attributive["endings"])
        self.not_adjectives = frozenset(attributive["not_words"])
        # The word before a mention that gives its type: "Nachrichtenagentur Bloomberg".
        self.cues = {cue: type_ for type_, cues in rules["cues"].items() for cue in cues}
        self.organisation_heads = tuple(cue.lower() for cue in rules["cues"]["ORG"])
        # The last word of a longer name that gives its type: "Siemens AG", "Kosmodrom".
        self.suffixes = {w: type_ for type_, words in rules["suffixes"].items() for w in words}
        self.group_heads = frozenset(rules["group_heads"]["words"])
        self.colours = frozenset(rules["colours"]["words"])
        self.not_names = frozenset(rules["not_names"]["words"])
        self.adverb_endings = tuple(rules["adverb_endings"]["endings"])
        seats = rules["seats"]
        self.seats = frozenset(seats["names"])
        self.locative_before = frozenset(seats["locative_before"])
        self.locative_preposition = frozenset(seats["locative_preposition"])
        self.gazetteer = gazetteer

    @classmethod
    def load(cls) -> Refiner:
        return cls(read_data("ner_rules.json"), load_gazetteer())

    def refine(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The model's mentions of ``doc``, corrected; sorted and without overlaps."""
        refined: list[Span] = []
        for span in filter(None, (_trim_marks(doc, span) for span in spans)):
            for piece in self._pieces(doc, span):
                kept = self._retype(doc, piece)
                if kept is not None:
                    refined.append(kept)
        return self._add_places(doc, self._with_particles(doc, refined))

    def _with_particles(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A person's name that goes on after the model stopped at "von der", "van den",
        "de la": "Ursula" in "Ursula von der Leyen". One particle alone is too often a
        preposition ("Heydrich von Hermann Göring beauftragt", "Ajgi zu Recht")."""
        covered = {index for span in spans for index in range(span.start, span.end)}
        return [
            replace(span, end=span.end + 3) if self._goes_on(doc, span, covered) else span
            for span in spans
        ]

    def _goes_on(self, doc: Doc, span: Span, covered: set[int]) -> bool:
        if span.type != "PER" or span.derived or span.end + 2 >= len(doc):
            return False
        particles = (doc[span.end].text, doc[span.end + 1].text)
        name = doc[span.end + 2].text
        return (
            particles in _DOUBLE_PARTICLES
            and name.isalpha()
            and name[0].isupper()
            and span.end + 2 not in covered
            # "von der Polizei", "von der Staatsanwaltschaft": a word, not a name
            and not flag_test(doc.vocab, KNOWN_AS_WRITTEN)(name)
            and not self._common_noun(name)
        )

    def _add_places(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Places the model missed: a country's or a large city's name, or an adjective or
        a demonym of one, standing alone outside every mention."""
        covered = {index for span in spans for index in range(span.start, span.end)}
        added = [
            Span(token.i, token.i + 1, "LOC", hit.derived)
            for token in doc
            if token.i not in covered
            and token.text[:1].isalpha()
            and (hit := self._place_word(token.text)) is not None
        ]
        return sorted([*spans, *added], key=lambda span: span.start) if added else spans

    def _place_word(self, word: str) -> Hit | None:
        hit = self.gazetteer.name(word)
        if hit is not None and not hit.derived:
            return hit if self._big(hit) else None
        return self.gazetteer.derived_word(word)

    def _pieces(self, doc: Doc, span: Span) -> list[Span]:
        """A person's name split where a word that no name contains stands in it."""
        if span.type != "PER" or span.derived:
            return [span]
        pieces: list[Span] = []
        start = span.start
        for index in range(span.start, span.end + 1):
            # "Selenskyj Kremlchef Putin": a role opens the next name, whose title it is.
            opens = index > start and index < span.end and self._role(doc[index].text)
            if index == span.end or opens or self._breaks_name(doc[index].text):
                end = index
                while end > start and doc[end - 1].text in self.particles:
                    end -= 1  # "Felsen von": a particle belongs to the name after it
                while end - start > 1 and self._trailing_noun(doc[end - 1].text):
                    end -= 1  # "Kim Waffen": a name does not end in a common noun
                if end > start:
                    pieces.extend(self._split_places(doc, Span(start, end, "PER", False)))
                start = index if opens else index + 1
        return pieces

    def _role(self, word: str) -> bool:
        return word[:1].isupper() and role_lexicon().office(word, self.gazetteer) is not None

    def _breaks_name(self, word: str) -> bool:
        # "d’Ennery", "al-Malik" and "iPhone" have a capital inside: those are names.
        if word.isalpha() and word.islower():
            return word not in self.particles
        return word in {",", ";", ":"}

    def _split_places(self, doc: Doc, span: Span) -> list[Span]:
        """ "Russland Kim" -> LOC "Russland", PER "Kim": a country at the edge of a name."""
        if span.end - span.start < 2:
            return [span]
        if self.is_country(doc[span.start].text):
            head = Span(span.start, span.start + 1, "LOC", False)
            return [head, *self._split_places(doc, replace(span, start=span.start + 1))]
        if self.is_country(doc[span.end - 1].text):
            tail = Span(span.end - 1, span.end, "LOC", False)
            return [*self._split_places(doc, replace(span, end=span.end - 1)), tail]
        return [span]

    def _trailing_noun(self, word: str) -> bool:
        return word.isdigit() or self._common_noun(word)

    def is_country(self, word: str) -> bool:
        hit = self.gazetteer.name(word)
        return hit is not None and not hit.derived and hit.place.kind == "country"

    def _retype(self, doc: Doc, span: Span) -> Span | None:
        """What the first rule of :data:`RETYPING` that fits ``span`` makes of it; a mention
        no rule fits stays as the model found it."""
        seen = Seen.of(doc, span)
        for fits, outcome in RETYPING:
            if fits(self, seen):
                return outcome(self, seen)
        return span

    # The tests of the retyping rules, in the order of RETYPING.

    def _written_small(self, seen: Seen) -> bool:
        return seen.text.isalpha() and seen.text.islower()

    def _coalition(self, seen: Seen) -> bool:
        return self._colours(seen.text)

    def _no_name(self, seen: Seen) -> bool:
        return seen.text.lower() in self.not_names

    def _adverb(self, seen: Seen) -> bool:
        return seen.one_word and _ends_after(seen.text.lower(), self.adverb_endings, 4)

    def _no_names_compound(self, seen: Seen) -> bool:
        prefix = seen.text.split("-")[0]
        # "An-225" is a name: a short first part says nothing
        return seen.one_word and len(prefix) > 3 and prefix.lower() in self.not_names

    def _noun_with_linking_s(self, seen: Seen) -> bool:
        """ "Handels-Bazooka" typed a derived person: its first part is a noun with a
        linking s ("Handel" + s), which a person's name never takes before a hyphen, so the
        compound names no one. A double first name ("Jens-Uwe") is no derived mention."""
        span = seen.span
        if span.type != "PER" or not span.derived or not seen.one_word:
            return False
        first = seen.text.split("-")[0]
        return "-" in seen.text and len(first) > 4 and first.endswith("s") and _noun(first[:-1])

    def _group_of_people(self, seen: Seen) -> bool:
        text = seen.text
        return (
            seen.span.type == "PER"
            and "-" in text
            and text.rsplit("-", 1)[1].lower() in self.group_heads
        )

    def _common_person_or_place(self, seen: Seen) -> bool:
        # Organisations keep such a word: "Stiftung", "Zeitung" are often one's name.
        common = seen.one_word and not seen.span.derived and self._common_noun(seen.text)
        return common and seen.span.type in ("PER", "LOC")

    def _common_organisation(self, seen: Seen) -> bool:
        span = seen.span
        return span.type == "ORG" and seen.one_word and self._common_after_adjective(seen.doc, span)

    def _country_or_city(self, seen: Seen) -> bool:
        return seen.one_word and self._is_place(seen.text, seen.span.type)

    def _role_alone(self, seen: Seen) -> bool:
        # "Kremlchef" alone (tagged a part of "Kreml", as GermEval would) is a person's
        # title: the entities step links it to the one person it fits.
        return seen.one_word and "-" not in seen.text and self._role(seen.text)

    def _seat(self, seen: Seen) -> bool:
        return seen.text in self.seats

    def _suffixed(self, seen: Seen) -> bool:
        return len(seen.words) > 1 and seen.words[-1] in self.suffixes

    def _cued(self, seen: Seen) -> bool:
        cued = self._cue(seen)
        # A cue for a person or an organisation yields to the gazetteer's place name.
        return cued is not None and (cued == "LOC" or self.gazetteer.name(seen.text) is None)

    # The outcomes that depend on more than the rule: the words around, the name's end.

    def _seat_type(self, seen: Seen) -> Span:
        located = self._locative(seen.doc, seen.span.start)
        return replace(seen.span, type="LOC" if located else "ORG")

    def _suffix_type(self, seen: Seen) -> Span:
        return replace(seen.span, type=self.suffixes[seen.words[-1]])

    def _cue_type(self, seen: Seen) -> Span:
        cued = self._cue(seen)
        assert cued is not None  # _cued found it
        return replace(seen.span, type=cued)

    def _cue(self, seen: Seen) -> str | None:
        start = seen.span.start
        if start == 0:
            return None
        word = seen.doc[start - 1].text
        cued = self.cues.get(word)
        # A person named in full after it heads it: "der Leiter der Einwanderungsbehörde
        # Joseph Edlow" (review 139: an organisation "Joseph Edlow" in November); one
        # word typed a person is the agency ("die Militärbehörde Cogat").
        if cued is None and (seen.span.type != "PER" or seen.one_word):
            cued = self._organisation_head(word)
        return cued

    def _organisation_head(self, word: str) -> str | None:
        """ "ORG" for a compound on an organisation's cue ("Polizeibehörde Europol",
        "Raumfahrtagentur"): an institution is named by what kind it is, and the kinds
        are compounded without end (review 139: "der Polizeibehörde Europol" had left the
        agency MISC). What stands before the head must be a word of four letters or
        more, so "Einsender" is no "Sender"."""
        lower = word.lower()
        for head in self.organisation_heads:
            left = lower[: -len(head)]
            if lower.endswith(head) and len(left) >= 4 and ends_in_word(left):
                return "ORG"
        return None

    def _colours(self, text: str) -> bool:
        parts = text.lower().split("-")
        return len(parts) > 1 and all(self._colour(p) for p in parts)

    def _colour(self, word: str) -> bool:
        """A colour as written or inflected as an adjective: "rot", "grüne", "roten"."""
        stems = [word.removesuffix(e) for e in self.adjective_endings if word.endswith(e)]
        return any(stem in self.colours for stem in (word, *stems))

    def _common_after_adjective(self, doc: Doc, span: Span) -> bool:
        """ "eine strategische Allianz", "sein nukleares Arsenal": a noun with a plural after
        an inflected adjective is a common noun, although "Allianz" and "Arsenal" are also
        names of organisations. "die islamistische Hamas" stays: "Hamas" has no plural."""
        if span.derived or span.start == 0:
            return False
        known = flag_test(doc.vocab, KNOWN_AS_WRITTEN)
        word = doc[span.start].text
        plural = any(known(word + ending) for ending in self.plurals)
        return plural and self._adjective(doc[span.start - 1])

    def _adjective(self, token: Token) -> bool:
        word = token.text
        if not (word.isalpha() and word.islower()) or word in self.not_adjectives:
            return False
        ending = next((e for e in self.adjective_endings if word.endswith(e)), None)
        if ending is None or len(word) - len(ending) < 3:
            return False
        stem = word[: -len(ending)]
        small = flag_test(token.vocab, WRITTEN_SMALL)
        return (
            all(small(stem + e) for e in self.adjective_endings)
            # "russische Regierung": a place's adjective stays the entities step's to judge
            and self.gazetteer.derived_word(word) is None
        )

    def _locative(self, doc: Doc, start: int) -> bool:
        """Whether the words before ``start`` put a place, not an actor, there ("im Kreml",
        "vor dem Weißen Haus")."""
        before = [token.text.lower() for token in doc[max(0, start - 2) : start]]
        if before and before[-1] in self.locative_before:
            return True
        return len(before) == 2 and before[0] in self.locative_preposition

    def _is_place(self, word: str, type_: str) -> bool:
        """A country's name is a place; a large city's is one where the model saw a person."""
        if type_ == "PER" and word.lower() in self.gazetteer.names:
            # Exact names only: a genitive ("Rostows") of a city is more often a person's.
            hit = self.gazetteer.name(word)
            return hit is not None and not hit.derived and self._big(hit)
        return self.is_country(word)

    def _big(self, hit: Hit) -> bool:
        return hit.place.kind == "country" or hit.place.population >= self.min_population

    def _lowercase(self, seen: Seen) -> Span | None:
        """A name written small is an adjective: of a known place, or of a person's name; a
        place written small that is no known place's adjective is no place."""
        text, span = seen.text, seen.span
        if not span.derived and self.gazetteer.derived_word(text) is not None:
            return replace(span, type="LOC", derived=True)
        if (span.type == "LOC" and not span.derived) or text.endswith(self.common_adjectives):
            return None  # "internationaler Rechtsstandards": no place
        return span

    def _common_noun(self, word: str) -> bool:
        # Long words only: "Hartung" and "Young" are names, "Verhandlung" is not.
        return _ends_after(word.lower(), self.noun_endings, 5)


# A retyping rule: a test of a mention and what becomes of a mention it fits.
Fits = Callable[[Refiner, Seen], bool]
Outcome = Callable[[Refiner, Seen], Span | None]


def _ends_after(word: str, endings: tuple[str, ...], letters: int) -> bool:
    """Whether ``word`` ends in one of ``endings`` after ``letters`` letters or more."""
    return any(word.endswith(e) and len(word) >= len(e) + letters for e in endings)


@lru_cache(maxsize=4096)
def _noun(word: str) -> bool:
    """Whether simplemma knows the word as a common noun: capitalised, and its own lemma
    ("Handel"; not a genitive such as "Trumps", which simplemma does not know)."""
    return word[:1].isupper() and is_known(word, "de") and (lemmatize(word, "de") == word)


def _drop(refiner: Refiner, seen: Seen) -> None:
    return None


def _keep(refiner: Refiner, seen: Seen) -> Span:
    return seen.span


def _derived(refiner: Refiner, seen: Seen) -> bool:
    return seen.span.derived


def _becomes(type_: str, *, derived: bool) -> Outcome:
    def outcome(refiner: Refiner, seen: Seen) -> Span:
        return replace(seen.span, type=type_, derived=derived)

    return outcome


# The first rule that fits a mention decides: a coalition's colours ("Schwarz-Rot") or a
# common noun are dropped before any rule could retype them, and a derived mention
# ("russische") is kept as it is before the cues and name endings, which are for names.
RETYPING: tuple[tuple[Fits, Outcome], ...] = (
    (Refiner._written_small, Refiner._lowercase),
    (Refiner._coalition, _drop),  # "Schwarz-Rot"
    (Refiner._no_name, _drop),
    (Refiner._adverb, _drop),  # "Europaweit" opening a sentence
    (Refiner._no_names_compound, _drop),  # "Vize-Außenminister", "Gipfel-Marathon"
    (Refiner._noun_with_linking_s, _drop),  # "Handels-Bazooka"
    (Refiner._group_of_people, _becomes("ORG", derived=True)),  # "Hisbollah-Miliz"
    (Refiner._common_person_or_place, _drop),  # "Verhandlung"
    (Refiner._common_organisation, _drop),  # "eine strategische Allianz"
    (Refiner._country_or_city, _becomes("LOC", derived=False)),
    (Refiner._role_alone, _becomes("PER", derived=False)),  # "Kremlchef"
    (_derived, _keep),
    (Refiner._seat, Refiner._seat_type),  # "im Kreml" a place, "der Kreml" an actor
    (Refiner._suffixed, Refiner._suffix_type),  # "Siemens AG"
    (Refiner._cued, Refiner._cue_type),  # "Nachrichtenagentur Bloomberg"
)


# Lexeme flags a Chronik model may read (spaCy's own flags use the low bits): whether a
# German dictionary knows the word written small (then it is rarely a name: "Ansonsten")
# and whether it knows it as written (a word no dictionary knows is often a name). The
# ``ner`` module installs them; a vocabulary without them answers False.
WRITTEN_SMALL, KNOWN_AS_WRITTEN = 60, 61


def flag_test(vocab: Vocab, flag: int) -> Callable[[str], bool]:
    """A lexeme flag as a test of any string: ``vocab[string]`` would store every word
    asked about in the vocabulary, which then grows with the stream."""
    # spaCy's stubs do not declare the attribute that add_flag fills.
    getters: dict[int, Callable[[str], bool]] = getattr(vocab, "lex_attr_getters", {})
    return getters.get(flag, lambda _: False)


# Two particles that go on to a family name ("von der Leyen", "van den Berg"); not "von
# dem" or "von den", which are prepositions with an article ("von dem Gebäude").
_DOUBLE_PARTICLES = frozenset(
    {("von", "der"), ("van", "der"), ("van", "den"), ("de", "la"), ("de", "los"), ("del", "la")}
)


# Ticker and list marks ("++ Gaza ++", "* Bonn") are never part of a name; a closing "!" or
# quote can be ("Yahoo!", a title in quotes), so only these are trimmed.
_MARKS = frozenset("+-|*#=~/•–—")


def _trim_marks(doc: Doc, span: Span) -> Span | None:
    """The span without ticker marks at its edges ("Gaza ++" -> "Gaza"), and a place's
    name without a small word at its end ("bei Frankfurt an." -> "Frankfurt"): a place's
    name ends in a capital ("Frankfurt am Main"). Organisations' names may not ("e.V.")."""
    start, end = span.start, span.end
    while start < end and set(doc[start].text) <= _MARKS:
        start += 1
    while end > start and (set(doc[end - 1].text) <= _MARKS or _small_end(doc, span, end)):
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else replace(span, start=start, end=end)


def _small_end(doc: Doc, span: Span, end: int) -> bool:
    word = doc[end - 1].text
    return span.type == "LOC" and not span.derived and word.isalpha() and word.islower()


@lru_cache(maxsize=1)
def default_refiner() -> Refiner:
    return Refiner.load()


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """The small words inside names, lower case ("von der Leyen", "bin Salman")."""
    return frozenset(read_data("ner_rules.json")["name_particles"])


def harmonise(
    mentions: list[Mention], refiner: Refiner, known: Callable[[str], bool]
) -> list[Mention]:
    """One article's mentions made consistent: "Kim" is a person where "Kim Jong Un" is
    one; a name typed differently in different sentences takes its usual type; and a
    dictionary word after a name seen alone or as a surname ("Kim Waffen" where "Kim"
    stands alone, "Selenskyj Europäer" where "Wolodymyr Selenskyj" is named) is cut off.
    ``known`` says whether a German dictionary knows a word."""
    people = [m for m in mentions if m.type == "PER" and not m.derived]
    # A name that stands for a person here: alone, or as the surname of a fuller name.
    alone = {m.text.rpartition(" ")[2] for m in people}
    # In how many different names of people each word stands.
    words = Counter(word for text in {m.text for m in people} for word in text.split(" "))
    trimmed = [
        _trim_runon(m, alone, words, known) if m.type == "PER" and not m.derived else m
        for m in mentions
    ]
    in_names = {word for m in people if " " in m.text for word in m.text.split(" ")}
    typed = [
        replace(m, type="PER")
        if not m.derived and m.text in in_names and not refiner.is_country(m.text)
        else m
        for m in trimmed
    ]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in typed:
        if not m.derived:
            votes[m.text][m.type] += 1
    return [m if m.derived else replace(m, type=_usual(votes[m.text], m.type)) for m in typed]


def found_again(
    text: str, spans: list[tuple[int, int]], mentions: list[Mention], known: Callable[[str], bool]
) -> list[Mention]:
    """A name the article marks once, where it stands again in ``spans`` unmarked: the
    model tags a name by its words around it, and "auf dem Vostochny Cosmodrome
    stattfand" lost the place it had found two paragraphs before (review 56). Only names
    no dictionary word could be: of two words or more, or one word the dictionary does not
    know ("Union", "Grüne" are words too)."""
    names = {m.text: m.type for m in mentions if not m.derived and _repeatable(m.text, known)}
    if not names:
        return mentions
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    taken = [(m.start, m.end) for m in sorted(mentions, key=lambda m: m.start)]
    added = [
        Mention(found.start(), found.end(), found.group(), names[found.group()])
        for start, end in spans
        for found in pattern.finditer(text, start, end)
        if not _overlaps(taken, found.start(), found.end())
    ]
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


def _repeatable(name: str, known: Callable[[str], bool]) -> bool:
    words = name.split()
    if not all(word[:1].isupper() for word in words):
        return False
    return len(words) > 1 or (len(name) > 3 and name.isalpha() and not known(name))


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(taken, (start, end)) - 1
    before = taken[i] if i >= 0 else None
    after = taken[i + 1] if i + 1 < len(taken) else None
    return (before is not None and before[1] > start) or (after is not None and after[0] < end)


def _trim_runon(
    mention: Mention, alone: set[str], words: Counter[str], known: Callable[[str], bool]
) -> Mention:
    head, _, last = mention.text.rpartition(" ")
    if head in alone and known(last) and words[last] == 1:
        return replace(mention, end=mention.start + len(head), text=head)
    return mention


def _usual(votes: Counter[str], own: str) -> str:
    (first, count), *rest = votes.most_common(2)
    return first if not rest or rest[0][1] < count else own
