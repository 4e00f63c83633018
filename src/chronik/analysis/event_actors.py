"""Actors for event extraction: how mentions are named and keyed, CAMEO-style actor codes
(country and role, from ``data/event_actors.json``), and the names found without NER."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

import pycountry
import simplemma

from chronik.analysis.entities import is_country
from chronik.analysis.event_grammar import DETERMINERS, Token, lemma_of, lexicon, tokenize
from chronik.analysis.gazetteer import load_gazetteer
from chronik.analysis.roles import role_lexicon
from chronik.analysis.sentences import split_sentences
from chronik.model import Article, Mention


@dataclass(frozen=True, slots=True)
class Names:
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


def article_names(article: Article, mentions: list[Mention]) -> Names:
    entities = {e.id: e.name for e in article.entities}
    long_names: dict[str, str] = {}
    for m in mentions:
        parts = clean_name(m.text).split()
        if len(parts) > 1 and m.type == "PER":
            for part in (parts[0], parts[-1]):
                long_names.setdefault(part, " ".join(parts))
    return Names(entities, long_names)


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


def is_country_mention(mention: Mention, article: Article) -> bool:
    entity = next((e for e in article.entities if e.id == mention.entity_id), None)
    if entity is not None and entity.code:
        return is_country(entity)
    return clean_name(mention.text).lower() in lexicon().actors["countries"]


def country_of_code(code: str) -> str | None:
    """The German name of the country an actor code starts with ("PRKGOV" -> "Nordkorea")."""
    names = [n for n, c in lexicon().actors["countries"].items() if c == code[:3]]
    return _title(names[0]) if names and len(code) >= 3 else None


def fallback_mentions(article: Article) -> list[Mention]:
    """Names found without NER, kept minimal: countries and institutions from the data,
    nationality adjectives, a role noun followed by a name, and runs of two or three
    capitalised words; single parts of a name found earlier count as that name."""
    found: list[Mention] = []
    for sentence in article.sentences or split_sentences(article.text):
        tokens = tokenize(sentence.text, sentence.start)
        found.extend(_fallback_in(article.text, tokens))
    return _with_name_parts(article.text, found)


def _known_actor_type(bare: str, actors: dict[str, Any]) -> str | None:
    """LOC for a country, ORG for an institution of the actor lexicon, else None."""
    if bare in actors["countries"]:
        return "LOC"
    return "ORG" if bare in actors["institutions"] else None


def _fallback_in(text: str, tokens: list[Token]) -> list[Mention]:
    actors = lexicon().actors
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        name = clean_name(token.text)
        known = _known_actor_type(name.lower(), actors) if token.capitalised else None
        if known is not None:
            found.append(Mention(token.start, token.start + len(name), name, known))
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
    token = tokens[i]
    classes = lexicon().words("place_class_nouns")
    if role_of(token.lower) or token.lower in classes:
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


_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ismus", "tät", "ment", "nis")


def _capitalised_run(tokens: list[Token], i: int) -> int:
    """Capitalised words that look like a name: not determiners, not inflected nouns."""
    actors = lexicon().actors
    if i < len(tokens) and tokens[i].lower in DETERMINERS:
        return 0
    length = 0
    while i + length < len(tokens):
        token = tokens[i + length]
        lower = token.lower
        if not token.capitalised or not token.text.isalpha() or lower in _STOP_NAMES:
            break
        if role_of(lower) or lower in actors["countries"] or token.text.isupper():
            break
        if lower.endswith(_NOUN_SUFFIXES) or token.lemma != lower:
            break
        length += 1
    return length


def _modified(previous: str) -> bool:
    """A determiner or an inflected adjective before a capitalised run marks a noun phrase."""
    if previous in DETERMINERS:
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


def actor_codes(article: Article) -> dict[str, str]:
    """CAMEO-style codes (country and role, "RUSGOV") for the actors of the article's
    events, keyed as ``Event.actors``; actors with nothing to go on are left out."""
    mentions = sorted(article.mentions or fallback_mentions(article), key=lambda m: m.start)
    names = article_names(article, mentions)
    codes: dict[str, str] = {}
    for i, mention in enumerate(mentions):
        code = _code_of(article, mentions, i, names)
        if code:
            codes.setdefault(names.key(mention), code)
    return codes


def _code_of(article: Article, mentions: list[Mention], i: int, names: Names) -> str | None:
    mention = mentions[i]
    actors = lexicon().actors
    name = names.name(mention).lower()
    entity = next((e for e in article.entities if e.id == mention.entity_id), None)
    if entity is not None and entity.code:
        return _country_code(entity.code)
    if name in actors["institutions"]:
        return str(actors["institutions"][name])
    if name in actors["countries"]:
        return str(actors["countries"][name])
    if mention.type != "PER":
        return None
    # Not past another person: in "US-Präsident Donald Trump trifft Putin" the office is
    # Trump's; a title NER tagged on its own ("Kremlchef" before "Wladimir Putin") is his.
    key = names.key(mention)
    others = (m for m in reversed(mentions[:i]) if m.type == "PER" and names.key(m) != key)
    after = next((m.end for m in others), 0)
    before = article.text[max(0, after, mention.start - 60) : mention.start]
    words = tokenize(before)[-4:]
    country = next((c for w in words if (c := demonym_code(w.text)) is not None), "")
    country = country or _country_of_office(words)
    # "Bundeskanzler", "US-Präsident", "Kremlchef": an office of one country
    country = country or next((c for w in words if (c := _office_country(w.text))), "")
    role = next((r for w in words if (r := role_of(w.lower))), "")
    return (country + role) or None


def _country_of_office(words: list[Token]) -> str:
    """The country named in the genitive before a role noun: "Russlands Präsident". A
    country's name alone says nothing of a person ("in Ungarn traf Trump ...")."""
    countries = lexicon().actors["countries"]
    for word, following in itertools.pairwise(words):
        lower = word.lower
        if lower.endswith("s") and lower[:-1] in countries and role_of(following.lower):
            return str(countries[lower[:-1]])
    return ""


def _country_code(code: str) -> str | None:
    """The country of an entity's code: a country's own ("KP"), a subdivision's ("US-AK"),
    a city's (a geonames id, through the gazetteer), else none."""
    if code.startswith("geonames:"):
        place = load_gazetteer().places.get("g:" + code.removeprefix("geonames:"))
        return _alpha3(place.country) if place and place.country else None
    return _alpha3(code.split("-")[0])


def _office_country(word: str) -> str | None:
    found = role_lexicon().office(word, load_gazetteer())
    return _alpha3(found[1]) if found and found[1] else None


def _alpha3(code: str) -> str:
    if len(code) == 3:
        return code.upper()

    country = pycountry.countries.get(alpha_2=code.upper())
    return str(country.alpha_3) if country else code.upper()


def role_of(word: str) -> str | None:
    """The CAMEO role of a role noun, compounds included ("Verkehrsminister" -> GOV)."""
    roles: dict[str, str] = lexicon().actors["roles"]
    # inflected too: "den chinesischen Präsidenten", "des Kanzlers"
    forms = dict.fromkeys((word, *(word.removesuffix(e) for e in ("en", "n", "s"))))
    for form in forms:
        if form in roles:
            return roles[form]
    compounds = (
        code for form in forms for role, code in roles.items()
        if len(role) > 5 and form.endswith(role)
    )  # fmt: skip
    return next(compounds, None)
