"""The rules by which one article's groups of mentions merge into fewer entities: a genitive
joins its base, one name typed two ways is one entity, a compound joins the name it derives
from, a part joins the one longer name, a club's name its coded one, an abbreviation and an
acronym the name they shorten, a bare kind of institution the one organisation it names,
and a compound on a person's name that person. Each rule is a function of ``Groups``;
``merge_names`` runs them in their order. Apart from ``entity_groups``, which holds the
groups and knows how to merge two, because these rules decide which two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from chronik.analysis.entity_groups import Group, Groups, name_keys, names_itself
from chronik.analysis.entity_keys import dative_plural, genitive_bases, text_key
from chronik.analysis.entity_names import club_code, club_names, without_place_adjective
from chronik.analysis.entity_types import is_event
from chronik.analysis.gazetteer import rule_words
from chronik.analysis.lemmas import is_known
from chronik.model import Mention

# The types of a thing's name, which a merge may join whatever NER typed each: no person's.
_THINGS = ("LOC", "ORG", "MISC")


def merge_names(groups: Groups, abbreviated: Sequence[tuple[Mention, Mention]]) -> set[int]:
    """Merge the groups of places, organisations and other names by the rules in their
    order (people are grouped after, then ``merge_derived_people``); ``abbreviated`` are
    the (name, abbreviation) pairs of :func:`abbreviations`. The ids of the mentions of
    generic words that named nothing, which are dropped (``merge_generic``)."""
    merge_genitives(groups)
    merge_datives(groups)
    merge_types(groups)
    merge_derived(groups)
    merge_compounds(groups)
    merge_parts(groups, "LOC")
    merge_club_names(groups)
    merge_place_adjectives(groups)
    merge_abbreviations(groups, abbreviated)
    merge_acronyms(groups)
    return merge_generic(groups)


def merge_genitives(groups: Groups) -> None:
    """ "Kremls" joins "Kreml" when both occur: a genitive needs its base as evidence."""
    for (type_, key), group in list(groups.by_key.items()):
        if group.place is not None:
            continue
        for base in genitive_bases(key):
            target = groups.by_key.get((type_, base))
            if target is not None and target.place is None:
                groups.merge(target, group)
                break


def merge_datives(groups: Groups) -> None:
    """ "mit zwei Eurofightern" joins "Eurofighter" when both occur, as across articles
    (``_dative_keys``), of the type most of their mentions have: a dative plural's n is an
    ending where simplemma's lemma drops it (review 158: "Eurofightern" had been an entity
    beside "Eurofighter" in one article of October 2025; NER types the dative LOC in some
    sentences). Not a person's name, nor a place the gazetteer knows."""
    for (type_, key), group in list(groups.by_key.items()):
        # NER marks some such datives derived, so no name: the mentions' words then.
        said = set(group.names) or {m.text for m in group.mentions}
        if type_ not in _THINGS or group.place is not None or not said:
            continue
        if not all(dative_plural(name.rsplit(" ", 1)[-1]) for name in said):
            continue
        bases = {text_key(name[:-1]) for name in said} - {key}
        targets = [g for b in bases for t in _THINGS if (g := groups.by_key.get((t, b)))]
        if len(targets) != 1 or targets[0].place is not None:
            continue
        base = targets[0]
        for mention in group.mentions:
            mention.derived = mention.derived and "-" in mention.text  # the name, declined
        groups.join(group, base)


def merge_types(groups: Groups) -> None:
    """One name NER typed two ways in one article is one entity, of the type most of
    its mentions have: "Das Weiße Haus dementierte" (LOC) and "ein Sprecher des
    Weißen Hauses" (ORG); also through a genitive. People keep theirs."""
    named: dict[str, list[Group]] = {}
    for group in groups.by_key.values():
        if group.place is None and group.type in _THINGS and names_itself(group):
            named.setdefault(group.key, []).append(group)
    for group in [g for found in named.values() for g in found]:
        if (group.type, group.key) not in groups.by_key:
            continue  # merged already
        keys = [group.key, *genitive_bases(group.key)]
        same = [g for k in keys for g in named.get(k, []) if (g.type, g.key) in groups.by_key]
        if len({g.type for g in same}) < 2:
            continue
        target = max(same, key=lambda g: len(g.mentions))
        for other in same:
            if other is not target:
                groups.merge(target, other)


def merge_derived(groups: Groups) -> None:
    """A group of derived mentions only joins the one group of another type, or the one
    place, that names its base, also in the genitive: the model typed "Gaza-Krieg" ORG,
    but the article's "Gaza" is a place, and a derived name has the type of the name it
    derives from ("Kremls", tagged a derived place, is the article's organisation
    "Kreml"). A place of its own type where the gazetteer resolved the name by the
    article's preposition ("in Ceuta") but not the compound ("Ceuta-Krise")."""
    named: dict[str, list[Group]] = {}
    for group in groups.by_key.values():
        if names_itself(group):
            for key in name_keys(group):
                named.setdefault(key, []).append(group)
    for (type_, key), group in list(groups.by_key.items()):
        if group.place is not None or names_itself(group):
            continue
        genitives = genitive_bases(key)
        others = [g for base in [key, *genitives] for g in named.get(base, [])]
        # A place of the same type too: the gazetteer resolved "in Ceuta" by the
        # preposition, but not the compound "Ceuta-Krise", keyed by its name.
        others = [g for g in others if g.type != type_ or g.place is not None]
        if len(others) == 1:
            groups.merge(others[0], group)
            if not any(g is others[0] for g in named.get(key, [])):
                # Its genitive, not a word derived from it: "des Kremls" is a source
                # named Kreml, as "der Kreml" is; "Bundestags-Vizepräsidentin" stays
                # derived.
                for mention in group.mentions:
                    mention.derived = mention.derived and "-" in mention.text


def merge_compounds(groups: Groups) -> None:
    """Compounds on one name that NER typed apart, in an article that never names it
    alone ("Mercosur-Abkommen" MISC, "Mercosur-Staaten" ORG), are one entity, of the
    type most of them have: a compound's type is the compound's, not its base's.
    People are left to ``merge_derived_people``."""
    bases: dict[str, list[Group]] = {}
    for (type_, key), group in groups.by_key.items():
        if type_ != "PER" and group.place is None and not names_itself(group):
            bases.setdefault(key, []).append(group)
    for compounds in bases.values():
        target = max(compounds, key=lambda g: len(g.mentions))
        for group in compounds:
            if group is not target:
                groups.merge(target, group)


def merge_parts(groups: Groups, type_: str) -> None:
    """A name that is part of exactly one longer name of the same type joins it
    ("Wostotschny" joins "Kosmodrom Wostotschny")."""
    plain = [g for g in groups.by_key.values() if g.type == type_ and g.place is None]
    index: dict[str, list[Group]] = {}
    for group in plain:
        for token in group.tokens:
            index.setdefault(token, []).append(group)
    for group in sorted(plain, key=lambda g: len(g.tokens)):
        tokens = group.tokens
        first = next(iter(tokens), "")
        wider = [g for g in index.get(first, []) if tokens < g.tokens]
        if len(wider) == 1 and (type_, group.key) in groups.by_key:
            groups.merge(wider[0], group)


def merge_club_names(groups: Groups) -> None:
    """An organisation's name joins the one longer name that is it with a club's or a
    company's letters around it (``club_codes``): "Rapid" joins "SK Rapid", "Wolfsburg"
    (typed ORG, the club) "VfL Wolfsburg", "Hertha" "Hertha BSC", "Hannover"
    "Hannover 96" (review 37: a club's names had been two entities). Not where such
    letters are a name the article uses alone."""
    plain = [g for g in groups.by_key.values() if g.type == "ORG" and g.place is None]
    own = {name.lower() for g in groups.by_key.values() for name in g.names}
    for group in sorted(plain, key=lambda g: len(g.key)):
        wider = [g for g in plain if g is not group and _coded(g, group, own)]
        if len(wider) == 1 and ("ORG", group.key) in groups.by_key:
            groups.merge(wider[0], group)


def merge_place_adjectives(groups: Groups) -> None:
    """A name after a city's or a country's adjective (:func:`without_place_adjective`)
    joins the one name of the article that is it without the adjective, whatever the two
    are typed, of the type most of their mentions have: NER typed "im Pariser Louvre" LOC
    and "der Louvre" ORG (review 158: two entities in October 2025, one of them in six
    articles). The organisation's own rule (:func:`merge_club_names`) keeps to one type;
    not a place the gazetteer knows, nor a person."""
    plain = [g for g in groups.by_key.values() if g.type in _THINGS and g.place is None]
    for group in plain:
        rests = {text_key(rest) for n in group.names if (rest := without_place_adjective(n))}
        found = {(t, k) for k in rests for t in _THINGS if (t, k) in groups.by_key}
        if len(found) != 1 or (group.type, group.key) not in groups.by_key:
            continue
        other = groups.by_key[found.pop()]
        if other is group or other.place is not None:
            continue
        groups.join(group, other)


def merge_abbreviations(groups: Groups, pairs: Sequence[tuple[Mention, Mention]]) -> None:
    """An abbreviation joins the name it abbreviates, with all its mentions."""
    for name, short in pairs:
        group, abbreviation = groups.owner.get(id(name)), groups.owner.get(id(short))
        if group is None or abbreviation is None or group is abbreviation:
            continue
        if abbreviation.place is None:
            groups.merge(group, abbreviation)


def merge_acronyms(groups: Groups) -> None:
    """An acronym joins the one name of the article whose words it initials: "EU" and
    "Europäische Union", "AfD" and "Alternative für Deutschland". NER types an event's
    acronym and its name apart ("CSD" ORG, "Christopher Street Day" MISC), so an
    organisation's and a MISC name's meet too; the one named more often gives the type,
    which later articles that use only the acronym most likely share."""
    names = [g for g in groups.by_key.values() if g.type in ("ORG", "MISC") and g.place is None]
    by_initials: dict[str, list[Group]] = {}
    for group in names:
        for found in {initials(name) for name in group.names} - {""}:
            by_initials.setdefault(found, []).append(group)
    for group in names:
        short = {acronym(name) for name in group.names} - {""}
        wider = [g for a in short for g in by_initials.get(a, []) if g is not group]
        if not wider:
            # Of the names still there: one may have joined another acronym's already.
            wider = [g for g in _spelt_out(group, names) if (g.type, g.key) in groups.by_key]
        if len(wider) == 1 and (group.type, group.key) in groups.by_key:
            groups.join(group, wider[0])


def _spelt_out(group: Group, names: Sequence[Group]) -> list[Group]:
    """The names that an acronym of three letters or more, whose words' initials no name
    of the article gives, can abbreviate (:func:`abbreviates`) from their first letter on:
    a compound's ("BND", "Bundesnachrichtendienst"), or one of a German name that shortens
    other words than its initials ("EZB", "Europäische Zentralbank"), or its English
    name's ("WEF", "Weltwirtschaftsforum"; review 139: two entities in the one article
    that named both). Not a name with an acronym in it: "RTL 2" is not "RTL", "GdP
    Berlin" not "GdP". Not for an acronym whose group has its full name already ("des
    Bundesnachrichtendienstes (BND)": review 151, "BND" had then spelt out "Bundestag"
    too), and not a name of ``events`` in ``entities_rules.json``, whose acronyms that
    list gives itself: "Bundestagswahl" is no "BSW" (review 151: the party had taken the
    election in two articles of December 2025)."""
    short = [n for n in group.names if len(n) >= 3 and acronym(n)]
    if not short or any(not acronym(n) for n in group.names):
        return []
    return [
        g
        for g in names
        if g is not group
        and not any(is_event(n) for n in g.names)
        and any(_spells_out(s, n) for s in short for n in g.names)
    ]


def _spells_out(short: str, name: str) -> bool:
    """Whether ``name`` can be what ``short`` abbreviates, each capitalised word of it
    giving a letter in turn: "Hochschule Niederrhein" is no "HDE" (review 139: a merge
    in November), though "h", "d" and "e" stand in it in order. Not a name that opens
    with the acronym's letters as they stand, whose first word it shortens, not
    initials: "BUND" (the environmental association) is no "Bundesregierung" (review
    282: the government had joined it)."""
    heads = "".join(w[0].lower() for w in name.split() if w[:1].isupper())
    letters = iter(short.lower())
    return (
        heads[:1] == short[:1].lower()
        and not name.lower().startswith(short.lower())
        and all(h in letters for h in heads)
        and not _holds_acronym(name)
        and abbreviates(short, name)
        and _ends_on_part(short, name)
    )


def _ends_on_part(short: str, name: str) -> bool:
    """Whether the acronym's last letter can open a word of the name, a hyphenated part or
    a compound's part (the rest of the word from there opens with a word of three letters
    or more that simplemma knows: "Zentral|bank", "Welt|wirtschafts|forum"), with the
    letters before it in order before it. "UCLA", whose "l" and "a" stand inside
    "California", had spelt out the "University of California" (review 162: August
    2025, the campus joined to the university of all ten)."""
    lower = name.lower()
    letters = [c for c in short.lower() if c.isalnum()]
    return any(
        char == letters[-1] and _opens_part(lower, at) and _in_order(letters[:-1], lower[:at])
        for at, char in enumerate(lower)
    )


def _opens_part(lower: str, at: int) -> bool:
    if at == 0 or not lower[at - 1].isalnum():
        return True
    tail = lower[at:].split()[0].split("-")[0]
    return _known_word_opens(tail)


@lru_cache(maxsize=8192)
def _known_word_opens(tail: str) -> bool:
    return any(is_known(tail[:n], lang="de") for n in range(3, len(tail) + 1))


def _holds_acronym(name: str) -> bool:
    # Two capitals make one: "GdP Berlin" is a branch of the "GdP", no name it spells out.
    return any(sum(c.isupper() for c in w) >= 2 for w in name.replace("-", " ").split())


def merge_generic(groups: Groups) -> set[int]:
    """A kind of institution named alone ("die Zentralbank", "die Hochschule") is no
    name: it joins the one organisation of the article whose name of several words ends
    in it ("Europäische Zentralbank"), else it is no entity. The ids of the mentions
    dropped."""
    orgs = [g for g in groups.by_key.values() if g.type == "ORG" and g.place is None]
    dropped: set[int] = set()
    for group in orgs:
        head = _generic_head(group)
        if not head:
            continue
        named = [g for g in orgs if g is not group and _ends_in(g, head)]
        if len(named) == 1:
            groups.merge(named[0], group)
        else:
            dropped.update(id(m) for m in group.mentions)
            del groups.by_key[(group.type, group.key)]
    return dropped


def merge_derived_people(groups: Groups) -> None:
    """A compound on a person's name is that person's ("Trump-Putin-Treffen",
    "Babis-Partei", tagged ORG), by the full name or the surname, when one person of
    the article fits: ``merge_derived`` runs before people are grouped."""
    named: dict[str, dict[int, Group]] = {}
    for person in groups.people():
        if names_itself(person):
            for key in {person.key, *person.key.split()[-1:]}:
                named.setdefault(key, {})[id(person)] = person
    for (type_, key), group in list(groups.by_key.items()):
        if type_ == "PER" or group.place is not None or names_itself(group):
            continue
        bases = [key, *genitive_bases(key)]
        people = {i: p for base in bases for i, p in named.get(base, {}).items()}
        if len(people) == 1:
            groups.merge(next(iter(people.values())), group)


def merge_aliases(groups: Groups, mentions: Sequence[Mention], text: str) -> None:
    """A name after "alias" or "genannt" right after a person's name is that person's other
    name, whatever NER typed it: 'des Drogenbosses Nemesio Oseguera Cervantes alias "El
    Mencho"' (review 162: NER typed the nickname ORG, an entity of its own of 3 mentions in
    February 2026, the Spanish article reading as an organisation's). Its other mentions
    in the article join the person too; not a place the gazetteer knows."""
    people = {m.end: m for m in mentions if m.type == "PER" and not m.derived}
    for mention in mentions:
        # A window before the mention: searched from the text's start, a long text with
        # many mentions took quadratic time.
        found = _ALIAS.search(text, max(0, mention.start - 20), mention.start)
        if mention.derived or found is None or found.end() != mention.start:
            continue
        person = people.get(found.start())
        one = groups.owner.get(id(person)) if person is not None else None
        other = groups.owner.get(id(mention))
        if one is not None and other is not None and one is not other and other.place is None:
            groups.merge(one, other)


# "alias" or "genannt" between a name and the name after it, maybe in quotation marks.
_ALIAS = re.compile(r",?\s+(?:alias|genannt)\s+[\"'„“”‚‘’»«›‹]?$")


def _generic_head(group: Group) -> str:
    """The kind of institution a group names, where every mention is that word alone."""
    words = {_singular_head(m.text.lower()) for m in group.mentions}
    # Capitals make a name of it: the party "Die PARTEI".
    if len(words) != 1 or any(m.derived or m.text.isupper() for m in group.mentions):
        return ""
    return words.pop()


def _singular_head(word: str) -> str:
    """The generic noun a word is, also in the genitive ("des Parlaments"), else ""."""
    forms = (word, word.removesuffix("s"), word.removesuffix("es"))
    return next((f for f in forms if f in rule_words("generic_institutions")), "")


def _ends_in(group: Group, head: str) -> bool:
    """Whether a name of several words has ``head`` as its head noun: last ("Europäische
    Zentralbank") or first before a place ("Universität Göttingen")."""
    return any(
        len(words := n.lower().split()) > 1 and head in (words[-1], words[0]) for n in group.names
    )


def acronym(name: str) -> str:
    """The lower-cased acronym a name is ("EU", "AfD": "eu", "afd"; an agency's own small
    letters, "dpa"), else ""."""
    if not (2 <= len(name) <= 6 and name.isalpha()):
        return ""
    capitals = sum(c.isupper() for c in name)
    return name.lower() if capitals >= 2 or (name.islower() and len(name) <= 4) else ""


def initials(name: str) -> str:
    """The lower-cased first letters of a name of several words, the parts of a hyphenated
    one among them ("Europäische Union": "eu", "Alternative für Deutschland": "afd",
    "Deutsche Presse-Agentur": "dpa"), else "". Stricter than :func:`abbreviates`, which
    has the brackets as evidence; here the evidence is one article naming both. A name
    with an acronym among its parts has none: "US-Notenbank" is no "UN"."""
    words = [part for word in name.split() for part in word.split("-") if part]
    if len(words) < 2 or any(len(w) > 1 and w.isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).lower()


def _coded(wider: Group, group: Group, own: set[str]) -> bool:
    """Whether a name of ``wider`` is a name of ``group`` with codes before or after it
    ("SK Rapid", "Hertha BSC"), none of them a name the article uses alone, or a coded
    name with its town after it ("FC Bayern" of "FC Bayern München"), or the word after a
    place's adjective ("Lufthansa" of "Deutsche Lufthansa AG"; :func:`club_names`)."""
    for long_name in wider.names:
        for name in group.names:
            rest = f" {long_name} ".replace(f" {name} ", " ", 1).split()
            if len(rest) == len(long_name.split()):
                continue  # not in it
            if rest and all(club_code(word) and word.lower() not in own for word in rest):
                return True
            if name in club_names(long_name):
                return True
    return False


def abbreviations(text: str, mentions: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """(name, abbreviation) for "Deutsche Wetterdienst (DWD)": an abbreviation in brackets
    right after a name that it abbreviates ("Friedrich Merz (CDU)" is none: the letters do
    not fit). A name with an abbreviation is no person's: "Robert Koch-Institut (RKI)",
    which NER tags PER, takes the abbreviation's type, and the other way round. Not after
    a compound that stands for its base: "UN-Umweltprogramm (UNEP)" abbreviates the
    programme, and joined to the compound "UNEP" had become an alias of the UN."""
    pairs = []
    for name, short in pairwise(mentions):
        if text[name.end : short.start] != " (" or not text.startswith(")", short.end):
            continue
        if name.derived:
            continue
        if not abbreviates(short.text, name.text):
            continue
        types = {name.type, short.type}
        if "PER" in types and len(types) == 2:
            name.type = short.type = (types - {"PER"}).pop()
        if name.type != "PER":
            pairs.append((name, short))
    return pairs


def abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` ("BKA", "WHO") can abbreviate ``name`` ("Bundeskriminalamt",
    "Weltgesundheitsorganisation"): two capitals at least, and its letters found in the
    name in order, the first at the start of a word (Schwartz and Hearst's test)."""
    letters = [c for c in short.lower() if c.isalnum()]
    if not 2 <= len(short) <= 8 or sum(c.isupper() for c in short) < 2 or not letters:
        return False
    return _in_order(letters, name.lower())


def _in_order(letters: Sequence[str], lower: str) -> bool:
    """Whether ``letters`` stand in ``lower`` in order, the first at the start of a word."""
    at = len(lower) - 1
    for i in range(len(letters) - 1, -1, -1):
        while at >= 0 and (
            lower[at] != letters[i] or (i == 0 and at > 0 and lower[at - 1].isalnum())
        ):
            at -= 1
        if at < 0:
            return False
        at -= 1
    return True
