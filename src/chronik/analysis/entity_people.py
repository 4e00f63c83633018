"""The people of one article: each person mention's name without its titles, with the
roles and countries it comes with ("der russische Präsident Putin"), grouped by name: the
same name, its genitive ("Putins", "Elon Musks"), or a part of the one fuller name the
article gives ("Putin" -> "Wladimir Putin", "Kim" -> "Kim Jong Un"); a bare title NER
tagged joins the one person who fits. Apart because people are linked by the parts of
their names, after the other names are grouped and merged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from chronik.analysis.entity_groups import Group, Groups
from chronik.analysis.entity_keys import Tokens, genitive_bases
from chronik.analysis.entity_roles import describe, fitting_people
from chronik.analysis.gazetteer import Gazetteer, fold
from chronik.analysis.german import ADJECTIVE_ENDINGS, ARTICLES, DETERMINER_STEMS
from chronik.analysis.lemmas import is_known, lemmatize
from chronik.model import Mention

_TOKEN_SPLIT = re.compile(r"\s+")


@dataclass(slots=True)
class _Person:
    """A person mention, its name without the titles around it, and the roles and
    countries they give; ``key`` is the name's fold key."""

    mention: Mention
    name: str
    roles: set[str]
    countries: set[str]
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = fold(self.name)


def link_people(
    mentions: Sequence[Mention], tokens: Tokens, groups: Groups, gazetteer: Gazetteer
) -> None:
    """Group person mentions: the same name, or a part of exactly one fuller name in the
    article ("Putin" -> "Wladimir Putin", "Kim" -> "Kim Jong Un"), or its genitive."""
    people = [_person(m, tokens, gazetteer) for m in mentions]
    _shared_surnames(people, tokens)
    _fuller_genitives(people)
    _lone_genitives(people, tokens)
    named = [p for p in people if p.key]
    # Fullest names first, and a name before its genitive ("Putin" before "Putins").
    named.sort(key=lambda p: (-len(p.key.split()), p.key.endswith("s"), p.mention.start))
    index: dict[str, list[Group]] = {}
    # A part of two fuller names waits until every other name is grouped, so that the
    # one named most is known ("Rodríguez" of "Delcy Eloina Rodríguez Gómez", also
    # named "Delcy", and of her father "Jorge Antonio Rodríguez", named once).
    waiting = [p for p in named if not _group_person(p, groups, index, wait=True)]
    for person in waiting:
        _group_person(person, groups, index, wait=False)
    for person in people:
        if not person.key:  # NER tagged a bare title ("der Kremlchef")
            _link_title(person, groups)


def _group_person(
    person: _Person, groups: Groups, index: dict[str, list[Group]], wait: bool
) -> bool:
    """Put a person mention in its group (``_find_person``), else in a new one; False,
    with nothing done, where ``wait`` and the name is a part of several fuller names."""
    group, several = _find_person(person.key, groups, index)
    if group is None and several and wait:
        return False
    if group is None:
        group = groups.get("PER", person.key)
        for token in group.tokens:
            index.setdefault(token, []).append(group)
    groups.assign(group, person.mention, None if person.mention.derived else person.name)
    group.roles |= person.roles
    group.countries |= person.countries
    return True


def _shared_surnames(people: list[_Person], tokens: Tokens) -> None:
    """A first name alone right before "und" and a full name of two words shares its
    surname: "Barack und Michelle Obama" are Barack Obama and Michelle Obama. "Barack"
    had been a person of its own, and the couple's "Obama" Michelle's, the one full name
    of the article (review 162: February 2026, with "Obama-Präsidentschaft" of a later
    article). Not a word that is a surname in the article ("Trump und Melania Trump",
    "Merz und Olaf Scholz" beside "Friedrich Merz"), nor one right after a capitalised
    word inside its sentence, a first name NER left out ("Ariane Rädler und Katharina
    Huber", February 2026, had made a "Rädler Huber")."""
    surnames = {p.key.rpartition(" ")[2] for p in people if " " in p.key}
    by_start = {p.mention.start: p for p in people}
    text = tokens.text
    for person in people:
        if not person.key or " " in person.key or person.mention.derived:
            continue
        if _after_name(person.mention, tokens):
            continue
        after = _AND.match(text, person.mention.end)
        full = by_start.get(after.end()) if after is not None else None
        if full is None or full.mention.derived or len(full.key.split()) != 2:
            continue
        surname = full.name.split()[-1]
        if person.key not in surnames and fold(surname) != person.key:
            person.name = f"{person.name} {surname}"
            person.key = fold(person.name)


_AND = re.compile(r"\s+und\s+")


def _after_name(mention: Mention, tokens: Tokens) -> bool:
    """Whether a capitalised word stands right before the mention, not opening its
    sentence (no sentence mark before it)."""
    i = tokens.index(mention.start)
    if not 0 < i < len(tokens.words) or not tokens.adjacent(i - 1, i):
        return False
    start, _, word = tokens.words[i - 1]
    if not word[:1].isupper():
        return False
    before = tokens.text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1] not in '.!?:"„“”»«'


def _fuller_genitives(people: list[_Person]) -> None:
    """A full name in the genitive is named as it stands alone, where its surname does
    elsewhere in the article: "Elon Musks Firma ... Musk ist reich" had been two people,
    "Elon Musks" and "Musk" (review 60). A surname alone in the genitive joins its name
    already ("Putins")."""
    surnames = {p.key.rpartition(" ")[2] for p in people if p.key}
    fuller = {p.key.rpartition(" ")[2] for p in people if " " in p.key}
    for person in people:
        if " " not in person.key or not person.name.endswith("s"):
            continue
        if person.key.partition(" ")[0] in fuller:
            continue  # two people run together: "konterte Nielsen Trumps Ankündigung"
        last = person.key.rpartition(" ")[2]
        ending = next((last[len(b) :] for b in genitive_bases(last) if b in surnames), "")
        if ending:
            person.name = person.name[:-1]
            person.key = person.key[: -len(ending)]


def _lone_genitives(people: list[_Person], tokens: Tokens) -> None:
    """A surname that stands only in the genitive before a noun is named without its -s:
    an article that says only "Putins Bereitschaft" or "Epsteins Komplizin" named a
    person "Putins", whom no article's "Putin" met by name. Where the article names the
    person otherwise, the genitive joins that name already. Names in -as, -es, -os keep
    their s ("Abbas", "Guterres"): their genitive is written with an apostrophe."""
    known = {w for p in people for w in p.key.split()}
    # The genitive as a word of a fuller name ("Donald Trumps") joins that name instead.
    fuller = {w for p in people if " " in p.key for w in p.key.split()}
    surnames = {p.key.rpartition(" ")[2] for p in people if " " in p.key}
    lone = [
        p
        for p in people
        if (_genitive_word(p.name) and fold(p.name[:-1]) not in known and p.key not in fuller)
        or _full_genitive(p, known, surnames)
    ]
    # Every mention of the name must be such a genitive: "Wegners sagte" is a name in -s.
    elsewhere = {p.key for p in lone if not _before_noun(p.mention, tokens)}
    for person in lone:
        if person.key not in elsewhere:
            person.name = person.name[:-1]
            person.key = fold(person.name)


def _full_genitive(person: _Person, known: set[str], surnames: set[str]) -> bool:
    """A full name whose surname is in the genitive ("Donald Trumps Frist"), where the
    surname without its s is no word of the article's people (else it joins that name,
    see :func:`_fuller_genitives`), nor its first word another's surname ("konterte
    Nielsen Trumps Ankündigung"). Not a surname in -us or -is either ("Boris Pistorius",
    "Andrej Babis"): review 108, "war Donald Trumps Sicherheitsberaterin" had named a
    person "Donald Trumps" (30 items of the stream write that genitive)."""
    first, _, last = person.name.rpartition(" ")
    return (
        bool(first)
        and fold(first.split()[0]) not in surnames
        and _genitive_word(last)
        and not last.endswith(("us", "is"))
        and fold(last[:-1]) not in known
    )


def _genitive_word(name: str) -> bool:
    return (
        len(name) > 4
        and " " not in name
        and name.endswith("s")
        and not name.endswith(("ss", "as", "es", "os", "ys"))
    )


def _before_noun(mention: Mention, tokens: Tokens) -> bool:
    """Whether a capitalised word follows the mention, a space apart, as a noun after a
    genitive does ("Putins Bereitschaft"), or follows declined adjectives that do ("Trumps
    neue Zölle", "Orbáns umstrittene Verfassungsänderung"; review 277: 9 people of the
    stream had been named in the genitive so, "Trumps" in 4 articles)."""
    end = mention.end
    for start, word_end, word in tokens.words[tokens.index(mention.end) :]:
        if tokens.text[end:start] != " ":
            return False
        if word[:1].isupper():
            return True
        if not _declined_adjective(word):
            return False
        end = word_end
    return False


def _declined_adjective(word: str) -> bool:
    """A lower-case word with an adjective's ending, no determiner ("seine", "einen") and
    no verb's form ("sagte" is of "sagen"; "umstrittene" starts with its "umstritten"). A
    word that is its own lemma is declined only if the dictionary does not know it (a
    participle, "abgespeckter"): "kommen" is a verb ("Zu Axel Mertens kommen Beamte")."""
    stem = next((word[: -len(e)] for e in ADJECTIVE_ENDINGS if word.endswith(e)), None)
    if stem is None or not word.islower() or stem in DETERMINER_STEMS or word in ARTICLES:
        return False
    lemma = lemmatize(word, lang="de")
    if lemma == word:
        return not is_known(word, lang="de")
    return not (lemma.endswith("en") and not word.startswith(lemma))


def _link_title(person: _Person, groups: Groups) -> None:
    """A title alone refers to the one fitting person, else stands as its own entity."""
    country = min(person.countries) if person.countries else None
    fitting = [g for role in person.roles for g in fitting_people(groups.people(), role, country)]
    if len({id(g) for g in fitting}) == 1:
        person.mention.derived = True
        groups.assign(fitting[0], person.mention, None)
    else:
        text = person.mention.text
        groups.assign(groups.get("PER", fold(text) or text.lower()), person.mention, text)


def _find_person(
    key: str, groups: Groups, index: Mapping[str, list[Group]]
) -> tuple[Group | None, bool]:
    """The group of a person's name: of the same name, else of the fuller names that hold
    it, the one that stands out (``_salient``); and whether there were several."""
    # "es" too: the key of "Mbappés" is "mbapes", of "Mbappé" "mbap" (a final e is folded away)
    candidates = [key, *genitive_bases(key)]
    for candidate in candidates:
        exact = groups.by_key.get(("PER", candidate))
        if exact is not None:
            return exact, False
    for candidate in candidates:
        tokens = set(candidate.split())
        if not tokens:  # "s" alone: nothing left once a genitive s is dropped
            continue
        first = next(iter(tokens))
        wider = [g for g in index.get(first, []) if tokens <= g.tokens]
        if wider:
            return _salient(wider), len(wider) > 1
    return None, False


def _salient(people: list[Group]) -> Group | None:
    """The one of several fuller names a part refers to: the only one, or the one the
    article names at least twice as often as any other ("Kim" is Kim Jong Un in a report
    about him that names his father Kim Jong Il once); None where none stands out."""
    if len(people) == 1:
        return people[0]
    first, second = sorted((len(g.mentions) for g in people), reverse=True)[:2]
    if first < 2 * max(second, 1):
        return None
    return max(people, key=lambda g: len(g.mentions))


def _demonym(words: list[str], countries: set[str], gazetteer: Gazetteer) -> bool:
    """Record the country of a demonym that opens a name of two more words ("der Georgier
    Selimchan Changoschwili": review 154, NER's span took the demonym in, and it had named
    the person of 3 mentions of October 2025); a name of one more word may be a
    surname's ("Schweizer Müller" is no one here)."""
    hit = gazetteer.derived_word(words[0]) if len(words) > 2 else None
    if hit is None or words[0].lower() not in gazetteer.demonyms:
        return False
    countries.add(hit.place.code)
    return True


def _person(mention: Mention, tokens: Tokens, gazetteer: Gazetteer) -> _Person:
    """The mention's name without titles, and the roles and countries it comes with, from
    inside the span ("Präsident Putin") and just before it ("der russische Präsident")."""
    words = _TOKEN_SPLIT.split(mention.text.strip())
    roles: set[str] = set()
    countries: set[str] = set()
    while words and (
        describe(words[0], roles, countries, gazetteer) or _demonym(words, countries, gazetteer)
    ):
        words.pop(0)
    if mention.derived and words:  # "Putin-Regierung" is Putin's
        words = [words[0].split("-")[0]]
    i = tokens.index(mention.start) - 1
    while 0 <= i < len(tokens.words) - 1 and tokens.adjacent(i, i + 1):
        if not describe(tokens.words[i][2], roles, countries, gazetteer):
            break
        i -= 1
    return _Person(mention, " ".join(w for w in words if w), roles, countries)
