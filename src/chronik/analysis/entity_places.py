"""The places the lexicons find in a text that NER left out (names, genitives, adjectives,
demonyms, compounds: ``detect_places``), and how a name is read where the words around it
say which place it is ("Kiews Bürgermeister" a city's, "im US-Bundesstaat Georgia" a
state's). Apart because it reads the gazetteer word by word, without NER; the evaluation
of the place lexicon calls ``detect_places`` alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from chronik.analysis.entity_keys import Taken, Tokens, place_of, with_found
from chronik.analysis.gazetteer import (
    Gazetteer,
    Hit,
    load_gazetteer,
    read_data,
    rule_words,
)
from chronik.model import Mention


def detect_places(text: str, taken: Sequence[Mention] = ()) -> list[Mention]:
    """LOC mentions for place names, genitives, adjectives, demonyms and compounds that no
    mention in ``taken`` overlaps. Adjectives, demonyms, compounds and a capital's genitive
    are ``derived``. One pass over the words: linear in the text."""
    ordered = sorted(taken, key=lambda m: (m.start, m.end))
    return detect(Tokens(text), ordered, load_gazetteer())


def detect(tokens: Tokens, taken: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    found: list[Mention] = []
    text, words = tokens.text, tokens.words
    spans = [(m.start, m.end) for m in taken]
    j = i = 0
    while i < len(words):
        start = words[i][0]
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        count, hit = _place_at(tokens, i, gazetteer)
        span_end = words[i + count - 1][1]
        if hit is not None and not (j < len(spans) and spans[j][0] < span_end):
            surface = text[start:span_end]
            found.append(Mention(start, span_end, surface, "LOC", derived=hit.derived))
            i += count
        else:
            i += 1
    return found


def legislatures(mentions: list[Mention], tokens: Tokens, gazetteer: Gazetteer) -> list[Mention]:
    """A legislature's name of ``legislatures`` (``entities_rules.json``) that no mention
    holds, right after a definite article ("vor dem Kongress", "des Repräsentantenhauses"),
    in an article that names its country: a derived mention, ORG, which reads as that
    country (``place_readings``), as "US-Kongress" does. NER left all 17 bare ones of
    the whole stream out; 16 were the United States' (review 274)."""
    names, before = _legislatures()
    countries = _countries(mentions, gazetteer)
    taken = Taken(mentions)
    words = tokens.words
    found = [
        Mention(start, end, word, "ORG", derived=True)
        for i, (start, end, word) in enumerate(words)
        if names.get(word) in countries
        and tokens.adjacent(i - 1, i)
        and words[i - 1][2].lower() in before
        and not taken.overlaps(start, end)
    ]
    return with_found(mentions, found)


def _countries(mentions: Sequence[Mention], gazetteer: Gazetteer) -> set[str]:
    """The ISO codes of the countries the mentions name, by themselves or by a city."""
    hits = (place_of(m, gazetteer) for m in mentions if m.type == "LOC")
    return {hit.place.country for hit in hits if hit is not None}


@lru_cache(maxsize=1)
def _legislatures() -> tuple[dict[str, str], frozenset[str]]:
    rules = read_data("entities_rules.json")["legislatures"]
    return dict(rules["names"]), frozenset(rules["before"])


def _read_legislatures(
    mentions: Sequence[Mention], gazetteer: Gazetteer, readings: dict[int, str]
) -> None:
    """A derived mention of a legislature's name reads as its country where the article
    names that country (:func:`legislatures`)."""
    names = _legislatures()[0]
    countries = _countries(mentions, gazetteer)
    for mention in mentions:
        code = names.get(mention.text)
        if mention.derived and code in countries and f"c:{code}" in gazetteer.places:
            readings[id(mention)] = f"c:{code}"


def _place_at(tokens: Tokens, i: int, gazetteer: Gazetteer) -> tuple[int, Hit | None]:
    """The longest place reading that starts at word ``i``: (words used, hit)."""
    words = tokens.words
    if words[i][2].lower() in gazetteer.first_words:
        last = min(len(words), i + gazetteer.max_words)
        for stop in range(last, i + 1, -1):
            if not all(tokens.adjacent(k, k + 1) for k in range(i, stop - 1)):
                continue
            hit = gazetteer.name(" ".join(w[2] for w in words[i:stop]))
            if hit is not None:
                return stop - i, hit
    return 1, gazetteer.word(words[i][2])


def place_readings(
    tokens: Tokens, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> dict[int, str]:
    """Each mention's :func:`_reading` by ``id``. A name read as a state once is the state
    in all its plain mentions of the article where it would otherwise be a country: after
    "im US-Bundesstaat Georgia", "in Georgia" is no longer the Caucasian country. A city
    of the name stays one ("in Washington sprach Trump")."""
    readings = {id(m): _reading(tokens, m) for m in mentions}
    _read_short_forms(mentions, gazetteer, readings)
    _read_legislatures(mentions, gazetteer, readings)
    states = {m.text for m in mentions if readings[id(m)] == "subdivision"}
    for mention in mentions:
        if mention.text not in states or mention.derived or readings[id(mention)]:
            continue
        hit = gazetteer.resolve(mention.text)
        if hit is not None and hit.place.kind == "country":
            readings[id(mention)] = "subdivision"
    return readings


def _read_short_forms(
    mentions: Sequence[Mention], gazetteer: Gazetteer, readings: dict[int, str]
) -> None:
    """A lone word that opens the official names of several countries ("Volksrepublik":
    China's, Bangladesh's), which NER typed a name of its own, reads as the one country of
    the article whose names it opens, as "der Kremlchef" reads as the one person his role
    fits: "in der Volksrepublik" after "China" (review 197: an organisation "Volksrepublik"
    of 3 mentions in the stream). The country's id is the mention's reading."""
    countries = {
        hit.place.id
        for m in mentions
        if (hit := gazetteer.resolve(m.text)) is not None and hit.place.kind == "country"
    }
    for mention in mentions:
        opened = _state_forms(gazetteer).get(mention.text.lower(), set())
        if len(opened) >= 2 and len(found := opened & countries) == 1 and not mention.derived:
            readings[id(mention)] = next(iter(found))


@lru_cache(maxsize=1)
def _state_forms(gazetteer: Gazetteer) -> dict[str, set[str]]:
    """Each first word of a country's name of several words, with the countries it opens."""
    forms: dict[str, set[str]] = {}
    for name, pid in gazetteer.names.items():
        first, space, _ = name.partition(" ")
        if space and gazetteer.places[pid].kind == "country":
            forms.setdefault(first, set()).add(pid)
    return forms


def _reading(tokens: Tokens, mention: Mention) -> str:
    """ "city" for a genitive right before or right after a noun of a city's ("Kiews
    Bürgermeister", "der Bürgermeister Kiews"), "subdivision" for a name right after a
    state's noun ("im US-Bundesstaat Washington"), else ""."""
    at = tokens.index(mention.end)
    before = tokens.index(mention.start) - 1
    # Review 268: "Bürgermeister Kiews" and "Regierender Bürgermeister Berlins" had each
    # been their country, the genitive's other reading.
    if mention.text.endswith("s") and (
        _city_noun(tokens, at - 1, at) or _city_noun(tokens, before + 1, before)
    ):
        return "city"
    if before >= 0 and tokens.adjacent(before, before + 1):
        noun = tokens.words[before][2].lower().rsplit("-", 1)[-1]
        if noun in rule_words("state_nouns"):
            return "subdivision"
    return ""


def _city_noun(tokens: Tokens, word: int, neighbour: int) -> bool:
    """Whether the word ``neighbour``, right after or right before the mention's ``word``,
    is a noun of a city's (``city_nouns``)."""
    left, right = sorted((word, neighbour))
    return tokens.adjacent(left, right) and tokens.words[neighbour][2] in rule_words("city_nouns")
