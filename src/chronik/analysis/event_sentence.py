"""A sentence as the event rules read it: tokens with lemmas (simplemma), clauses split at
commas, colons and complementisers, the word tables of ``data/event_cues.json``
(``lexicon``), and the tests of a verb's form that the splitting itself asks (a finite verb,
a participle, a past). ``event_grammar`` reads tense, modality and phrases from them.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar, cast

from chronik.analysis.german import ADJECTIVE_ENDINGS
from chronik.analysis.lemmas import is_known, lemmatize
from chronik.model import Mention, Sentence

T = TypeVar("T")

# Quotation marks, passed over where the word beside them counts ("„einer Zivilisation“ im Iran").
QUOTES = "\"'„“”‚‘’«»"
# A lower-case word run into the next sentence's capitalised first word, as a live blog's
# headline runs into its lead ("Iran kündigt ... anDie iranischen Revolutionsgarden ..."),
# is two words: "anDie" had been an adjective, the lead's subject the headline noun's
# genitive (review 205). "iPhone", "eBay" keep one lower-case letter, and stay whole.
_SEAM = r"(?<!\w)[a-zäöüß]{2,}(?=[A-ZÄÖÜ][a-zäöüß])"
_TOKEN = re.compile(_SEAM + r"|\w+(?:[-'’]\w+)*-?|[^\w\s]")


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
class SentenceView:
    """One sentence as the rules see it: tokens, clauses and the mentions inside.

    Lookups bisect sorted offsets: a paragraph without a full stop is one sentence of
    thousands of tokens, and a scan per lookup made the rules quadratic in its length."""

    sentence: Sentence
    tokens: list[Token]
    clauses: list[Clause]
    mentions: list[Mention]
    _token_starts: list[int] = field(init=False, repr=False)
    _token_ends: list[int] = field(init=False, repr=False)
    _clause_firsts: list[int] = field(init=False, repr=False)
    _whole: list[Mention] = field(init=False, repr=False)
    _whole_starts: list[int] = field(init=False, repr=False)
    _memo: dict[tuple[str, int, int], Any] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._token_starts = [t.start for t in self.tokens]
        self._token_ends = [t.end for t in self.tokens]
        self._clause_firsts = [c.first for c in self.clauses]
        self._whole = sorted(
            (m for m in self.mentions if not self.inside_word(m)), key=lambda m: m.start
        )
        self._whole_starts = [m.start for m in self._whole]

    def per_clause(self, name: str, clause: Clause, compute: Callable[[], T]) -> T:
        """``compute()`` once per clause and name: a rule asked at every word of a clause
        of 150 words (a paragraph without a full stop, read in pieces) made its scan
        quadratic in the clause."""
        key = (name, clause.first, clause.last)
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def clause_of(self, index: int) -> int:
        return bisect_right(self._clause_firsts, index) - 1

    def span(self, clause: Clause) -> tuple[int, int]:
        return self.tokens[clause.first].start, self.tokens[clause.last - 1].end

    def token_index(self, offset: int) -> int:
        """The first token that ends after ``offset``."""
        return bisect_right(self._token_ends, offset)

    def inside_word(self, mention: Mention) -> bool:
        """A mention that is only part of a word ("Ukraine-Krieg", "ost-russischen")."""
        at = bisect_right(self._token_starts, mention.start) - 1
        if at < 0 or mention.start >= self.tokens[at].end:
            return False
        token = self.tokens[at]
        return mention.start > token.start or mention.end < token.end

    def whole_words_from(self, start: int, end: int) -> list[Mention]:
        """The mentions that are whole words and start from ``start`` to before ``end``."""
        first = bisect_left(self._whole_starts, start)
        last = bisect_left(self._whole_starts, end)
        return self._whole[first:last]


@dataclass(frozen=True)
class CueList:
    lemmas: frozenset[str]
    forms: tuple[str, ...]  # words as written; "vermut*" any word that begins so
    # The forms split once into a set and a tuple of prefixes: every word of every clause
    # is asked about every cue list, and a loop over the forms was half the events' time.
    _exact: frozenset[str] = field(init=False, repr=False, compare=False)
    _prefixes: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        exact = frozenset(f for f in self.forms if not f.endswith("*"))
        prefixes = tuple(f[:-1] for f in self.forms if f.endswith("*"))
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_prefixes", prefixes)

    def matches(self, token: Token, keys: Iterable[str]) -> bool:
        # isdisjoint runs in C; any() over a generator had been a third of the calls' time
        # (review 181: the rules ask half a million times on 1,000 news items).
        if not self.lemmas.isdisjoint(keys):
            return True
        return token.lower in self._exact or token.lower.startswith(self._prefixes)


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]
    actors: dict[str, Any]
    cues: dict[str, CueList]
    # Each list as a set, made once: the rules ask for them for every word of every clause.
    _words: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def words(self, key: str) -> frozenset[str]:
        """The list at ``key`` as a set; a dotted key reads a nested list
        ("negation.not_after")."""
        found = self._words.get(key)
        if found is None:
            node = self.raw
            for part in key.split("."):
                node = node[part]
            found = self._words[key] = frozenset(node)
        return found

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
    _check_types(raw)
    return Lexicon(raw, _load_json("event_actors.json"), cues)


@cache
def from_verbs(noun: str) -> frozenset[str]:
    """The verbs that tell the noun's event as made by whom "von" or "aus" names ("Kritik
    kommt von X"; ``from_verbs`` of ``promised_nouns``): none for most nouns."""
    return frozenset(lexicon().raw["promised_nouns"]["from_verbs"].get(noun, ()))


def apart_code(code: str | None) -> bool:
    """Whether an event of this code is an occurrence of its own beside others of its type
    (``apart_codes``): a phone call (meet 041) is neither the summit its clause names nor,
    in a story, one that confirms or moves it (reviews 191, 198)."""
    return code in lexicon().words("apart_codes.codes")


def _check_types(raw: dict[str, Any]) -> None:
    """Every trigger's type must be declared: a typo in the data should fail at load, not
    yield events of an unknown type."""
    triggers = [*raw["verbs"].values(), *raw["nouns"].values(), raw["arms"]["trigger"]]
    unknown = {t for t, _ in triggers} - set(raw["types"])
    if unknown:
        raise ValueError(f"event_cues.json: undeclared event types {sorted(unknown)}")


def _load_json(name: str) -> dict[str, Any]:
    path = resources.files("chronik.analysis") / "data" / name
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=65536)
def lemma_of(word: str) -> str:
    return str(lemmatize(word, lang="de")).lower()


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
        if token.text == "," and (
            _in_enumeration(tokens, i) or _decimal(tokens, i) or _between_adjectives(tokens, i)
        ):
            continue
        if token.text in "()" and _short_bracket(tokens, i):
            continue
        if seam(tokens, i):  # the next sentence's first word: a main clause opens
            clauses.append(Clause(first, i, opener))
            first, opener = i, ""
        elif token.text in breaks:
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


def seam(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is a word that a lower-case word runs into (see ``_SEAM``)."""
    if i == 0 or tokens[i].start != tokens[i - 1].end or not tokens[i].capitalised:
        return False
    return tokens[i - 1].text.isalpha() and tokens[i - 1].text.islower()


def _short_bracket(tokens: list[Token], bracket: int) -> bool:
    """A bracket around one or two words, a name's abbreviation or a party ("den
    Islamischen Staat (IS) begonnen", "Merz (CDU)"), is part of its clause: it had cut
    the support verb from its noun (review 82)."""
    step = 1 if tokens[bracket].text == "(" else -1
    closing = ")" if step == 1 else "("
    for size in (1, 2):
        end = bracket + step * (size + 1)
        if not 0 <= end < len(tokens) or tokens[end].text != closing:
            continue
        inside = tokens[min(bracket, end) + 1 : max(bracket, end)]
        return all(t.text[:1].isalnum() for t in inside)
    return False


def _between_adjectives(tokens: list[Token], comma: int) -> bool:
    """ "einen weiteren, bisher unbeteiligten Nachbarstaat": a comma between two adjectives
    of one noun, after its article or preposition, is part of its clause (review 102: it
    had cut "soll" from "angegriffen haben")."""
    if comma < 2 or not inflected_adjective(tokens[comma - 1]):
        return False
    opening = tokens[comma - 2]
    # a preposition opens the phrase too: "droht mit neuen, schweren Angriffen" (review 156)
    if not (
        opening.lower in DETERMINERS
        or opening.lower in lexicon().words("prepositions")
        or inflected_adjective(opening)
    ):
        return _adjectives_listed(tokens, comma)
    for j in range(comma + 1, min(comma + 4, len(tokens) - 1)):
        word = tokens[j]
        if word.capitalised or not word.text.isalpha():
            return False
        if inflected_adjective(word) and tokens[j + 1].capitalised:
            return tokens[j + 1].text.replace("-", "").isalpha()
    return False


def _adjectives_listed(tokens: list[Token], comma: int) -> bool:
    """A list of adjectives that "und" or "oder" ends before their noun, whatever stands
    before it: "Mitglieder der Besatzung estnischer, lettischer und litauischer
    Staatsangehörigkeit festgenommen" (review 166: the comma had cut the passive's
    "wurden" from its participle, and the arrested's countries had made the arrest)."""
    listed = False
    for j in range(comma + 1, min(comma + 12, len(tokens) - 1)):
        word = tokens[j]
        if word.lower in {"und", "oder"}:
            listed = True
        elif word.text != "," and not _listed_adjective(word):
            return False
        elif word.text != "," and tokens[j + 1].capitalised:
            return listed and tokens[j + 1].text.replace("-", "").isalpha()
    return False


def _listed_adjective(word: Token) -> bool:
    """An inflected adjective, also one in "-isch" simplemma does not know
    ("kasachischer")."""
    if word.capitalised or not word.text.isalpha():
        return False
    return inflected_adjective(word) or word.lower.endswith(_ISCH)


_ISCH = ("ische", "ischer", "ischen", "ischem", "isches")


def _decimal(tokens: list[Token], comma: int) -> bool:
    """A comma between digits with no space is a decimal comma ("von 3,25 Millionen
    Menschen unterstützt"): it had cut the verb's clause from its subject (review 80)."""
    if comma == 0 or comma + 1 >= len(tokens):
        return False
    before, here, after = tokens[comma - 1], tokens[comma], tokens[comma + 1]
    touching = before.end == here.start and here.end == after.start
    return touching and before.text[-1:].isdigit() and after.text[:1].isdigit()


def _in_enumeration(tokens: list[Token], comma: int) -> bool:
    """A comma between names of a list that ends in "und" or "oder" joins, not splits:
    "die Minister von Deutschland, Frankreich, Italien und Polen haben ... gestartet".
    Each item before the "und" is one or two capitalised words; an apposition ("Der
    Kanzler, Friedrich Merz, sagte") ends in no "und" and still splits."""
    if comma == 0 or not tokens[comma - 1].capitalised:
        return False
    i = comma + 1
    while i < len(tokens):
        item = i
        while i < len(tokens) and i - item < 2 and tokens[i].capitalised:
            i += 1
        if i == item or i >= len(tokens):
            return False
        if tokens[i].lower in {"und", "oder"}:
            return i + 1 < len(tokens) and tokens[i + 1].text.isalpha()
        if tokens[i].text != ",":
            return False
        i += 1
    return False


def lemma_keys(tokens: list[Token], clause: Clause, index: int) -> list[str]:
    """The token's lemma, and particle|lemma when a separable particle ends the clause."""
    token = tokens[index]
    keys = [token.lemma]
    if _reflexive_plural(tokens, index):
        keys.append(token.lower)  # simplemma reads "einigen" as the pronoun "einige"
    keys.extend(_prefixed_participle(token))
    # "bekannt gegeben", "bekannt geben": the particle written apart before its verb
    apart = lexicon().words("written_apart.words")
    if index > 0 and tokens[index - 1].lower in apart and not token.capitalised:
        keys.append(f"{tokens[index - 1].lower}|{token.lemma}")
    particles = lexicon().words("particles")
    last = _last_word(tokens, clause)
    if last is None or tokens[last].lower not in particles:
        last = _particle_before_joined_verb(tokens, clause, index) or last
    if last is None or tokens[last].lower not in particles:
        last = _particle_past_apposition(tokens, clause) or last
    if last is not None and last != index and tokens[last].lower in particles:
        keys.append(f"{tokens[last].lower}|{token.lemma}")
    return keys


def _particle_past_apposition(tokens: list[Token], clause: Clause) -> int | None:
    """ "traf die Delegation um den Minister, Ron Dermer, in dem Ort ein": the particle
    that ends the sentence past commas that open no verb's clause is the verb's (review
    90: the arrival had been a meeting)."""
    if clause.last >= len(tokens) or tokens[clause.last].text != ",":
        return None
    end = _last_word(tokens, Clause(clause.last, len(tokens), ""))
    if end is None or tokens[end].lower not in lexicon().words("particles"):
        return None
    rest = tokens[clause.last + 1 : end]
    return None if any(finite_verb(t) or is_past_verb(t) for t in rest) else end


def _particle_before_joined_verb(tokens: list[Token], clause: Clause, index: int) -> int | None:
    """ "greift die Armee die Miliz an - und will die Attacken ausweiten": the last word
    before the "und" or "oder" that joins another finite verb ends the verb's own part of
    the clause (review 195: "an|greifen" had been missed, and the second verb's "will" had
    planned the attack); not before an infinitive ("will kommen und reden")."""
    for j in range(index + 1, clause.last - 1):
        verb = tokens[j + 1]
        if tokens[j].lower in {"und", "oder"} and finite_verb(verb) and verb.lower != verb.lemma:
            return _last_word(tokens, Clause(index + 1, j, clause.opener))
    return None


def _reflexive_plural(tokens: list[Token], index: int) -> bool:
    """A small word in -en next to "sich" is a verb's plural, which is its infinitive:
    "EU und Indien einigen sich", "die sich einigen"."""
    token = tokens[index]
    if token.capitalised or not token.lower.endswith("en") or token.lemma == token.lower:
        return False
    near = tokens[max(index - 1, 0) : index + 2]
    return any(t.lower == "sich" for t in near)


def _prefixed_participle(token: Token) -> list[str]:
    """The infinitive of a participle without "ge" that simplemma keeps as an adjective
    ("haben Anschläge verübt"): a key only, so that the token's lemma, which the adjective
    tests read, stays as it is. Not an inflected form: "vereinbarter Feuerpausen" is an
    adjective. A strong verb's ("beschossen") from ``strong_participles``."""
    strong = lexicon().raw["strong_participles"].get(token.lower)
    if strong is not None and not token.capitalised:
        return [strong]
    lemma = token.lemma
    if token.lower != lemma or not lemma.endswith("t") or not lemma.startswith(_UNSTRESSED):
        return []
    # "verübt" -> "verüben"; "verspottet" -> "verspotten" after a stem in -t (review 257)
    stems = [lemma[:-1], lemma[:-2]] if lemma.endswith("tet") else [lemma[:-1]]
    for infinitive in (stem + "en" for stem in stems):
        if is_known(infinitive, lang="de") and lemma_of(infinitive) == infinitive:
            return [infinitive]
    return []


# Prefixes of verbs whose participle has no "ge": "verübt", "beendet", "entführt".
_UNSTRESSED = ("ver", "be", "er", "ent", "zer", "über", "miss", "hinter", "wider")


def _last_word(tokens: list[Token], clause: Clause) -> int | None:
    for i in range(clause.last - 1, clause.first - 1, -1):
        if tokens[i].text[:1].isalnum():
            return i
    return None


def inflected_adjective(token: Token) -> bool:
    """ "mutmaßliche", "weitere": an adjective ending, and a lemma that is not a verb's."""
    lower, lemma = token.lower, token.lemma
    ending = lower.endswith(ADJECTIVE_ENDINGS) and lower != lemma
    return ending and token.text.isalpha() and not token.capitalised and not lemma.endswith("n")


@cache
def present_modals() -> frozenset[str]:
    """Auxiliaries and modals in the present, whose forms the past tests cannot tell from
    a strong verb's preterite ("soll", "muss" end as "traf" does)."""
    raw = lexicon().raw
    other = "kann können muss müssen darf dürfen mag mögen".split()
    return frozenset([*raw["future_auxiliaries"], *raw["plan_modals"], *other])


def finite_verb(token: Token) -> bool:
    """A lower-case word that may be a verb: its lemma is an infinitive, and it is no
    preposition, article or adjective ("zwischen", "den", "israelischem")."""
    if token.capitalised or not token.text.isalpha():
        return False
    if token.lower in DETERMINERS or token.lower in lexicon().words("prepositions"):
        return False
    return token.lemma.endswith(("en", "ern", "eln")) and not inflected_adjective(token)


def participle(token: Token) -> bool:
    particles = lexicon().words("particles")
    lower = token.lower
    return (
        not token.capitalised
        and (
            lower.startswith("ge")
            or lower.endswith("iert")
            or any(lower.startswith(p + "ge") for p in particles)
            # "wiedergewählt" (review 166: a headline's "X als Chef wiedergewählt" had him
            # elect); not a particle, as "wieder" after a verb is an adverb
            or lower.startswith("wiederge")
            or _unstressed_participle(lower)
        )
        and lower != token.lemma
    )


def participle_form(token: Token) -> bool:
    """A participle by its form, also one simplemma keeps as it is ("belagert",
    "beschossen"), which ``participle`` leaves out: safe only where a participle is
    expected, at the end of a passive's clause ("wird die Stadt belagert")."""
    if token.capitalised:
        return False
    if participle(token) or token.lower in lexicon().raw["strong_participles"]:
        return True
    return token.lower == token.lemma and _unstressed_participle(token.lower)


def _unstressed_participle(lower: str) -> bool:
    """A participle without "ge": "verursacht", "beschlossen", "unterzeichnet" (review 61:
    "hat Störungen verursacht" had not happened); not a preterite ("verursachten")."""
    unstressed = lower.startswith((*_UNSTRESSED, "unter"))
    return unstressed and (
        lower.endswith("t") or (lower.endswith("en") and not lower.endswith("ten"))
    )


def is_past_verb(token: Token) -> bool:
    """A stricter test for any word: only forms that cannot be adjectives, nor a modal's
    present ("soll", "muss", whose endings look like a strong verb's past)."""
    if token.capitalised or not token.lemma.endswith("en") or token.lower == token.lemma:
        return False
    if token.lower in present_modals():
        return False
    stem = token.lemma[:-2]
    if token.lower.startswith(stem) and token.lower.endswith(("te", "ten")):
        return True
    return _strong_past_plural(token, stem) or not token.lower.endswith(
        ("t", "st", "e", "en", "em", "er", "es", "n")
    )


def modal_subjunctive(token: Token) -> bool:
    """ "dürfte", "könnten", "müsste", "möchte": a modal with an umlaut keeps it only in its
    Konjunktiv II (its past is "durfte", "konnten"), a guess or a wish, which
    ``is_past_verb`` takes for a past."""
    lower = token.lower
    return any(lower.startswith(stem) for stem in _UMLAUT_MODAL_STEMS) and lower.endswith(
        ("te", "ten", "test", "tet")
    )


# The stems of the modals whose infinitive has an umlaut their past drops.
_UMLAUT_MODAL_STEMS = ("dürf", "könn", "müss", "möch")


def _strong_past_plural(token: Token, stem: str) -> bool:
    """ "starben", "kamen", "trafen": a form in -en whose stem's vowel is not the
    infinitive's (review 90: "Im Libanon starben zwölf Menschen bei einem Angriff" had no
    past). Not a participle ("angegriffen"), nor one with an umlaut the infinitive lacks,
    a Konjunktiv II ("kämen"), nor one in -ten or -nen, which may be an adjective
    ("bekannten", "genannten"), nor a zu-infinitive ("anzugreifen") or a participle of a
    particle ("freigesprochen")."""
    lower = token.lower
    if not lower.endswith("en") or lower.endswith(("ten", "nen")) or participle(token):
        return False
    lemma = token.lemma
    if any(
        lower[:k] + lower[k + 2 :] == lemma
        for k in range(1, len(lower))
        if lower[k:].startswith("zu")
    ):
        return False
    k = lower.find("ge", 2)
    if k > 0 and lemma.startswith(lower[:k]):
        return False
    umlaut = any(c in lower and c not in lemma for c in "äöü")
    return not umlaut and not lower.startswith(stem)


DETERMINERS = frozenset(
    """der die das dem den des ein eine einem einen einer eines dieser diese dieses diesem
    diesen jene jener solche kein keine keinen sein seine ihr ihre es sie er wir""".split()
)
