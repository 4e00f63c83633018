"""The spans of NER's mentions, mended before they are grouped into entities: a name cut at
its sentence's end or at a seam where a page ran it into the next word, two people NER took
for one, a ship's prefix and its name, a first name that is a place's, an amount's unit, a
family name's particles, an institution named by a place's adjective or compound. Apart
because each step reads one mention and its neighbours in the text, not the entities that
``entities`` builds from them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from chronik.analysis.entity_keys import (
    Taken,
    Tokens,
    compound_base,
    party_compound,
    with_found,
)
from chronik.analysis.entity_types import after_office
from chronik.analysis.gazetteer import (
    Gazetteer,
    fold,
    load_gazetteer,
    read_data,
    rule_endings,
    rule_words,
)
from chronik.analysis.german import ADJECTIVE_ENDINGS, ARTICLES, DETERMINER_STEMS, number_words
from chronik.analysis.lemmas import is_known, lemmatize
from chronik.analysis.roles import role_lexicon
from chronik.analysis.sentences import is_abbreviation, seams
from chronik.model import Mention


def split_name_pairs(mentions: Sequence[Mention]) -> list[Mention]:
    """Two people NER took for one: "Kann Trump Putin ... abringen?" beside "Donald Trump"
    and "Wladimir Putin". A two-word person whose words are the surnames of two other
    people of the article is those two; kept whole, the span was a third person that both
    surnames could belong to, so neither joined its full name (and across articles it could
    rename Putin "Trump Putin")."""
    # Every full name by its surname: the pair is one of them too ("Macron Lecornu" beside
    # "Sébastien Lecornu"), and must not hide the other.
    surnames: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    named = Counter(m.text for m in mentions if m.type == "PER")
    for m in mentions:
        if m.type == "PER" and len(names := tuple(m.text.split())) > 1:
            surnames[names[-1]].add(names)
    # A person the article names by surname alone counts too, once the pair holds another's
    # surname: "der Fall Epstein Trump" beside "Jeffrey Epstein" and "Präsident Trump".
    alone = {w for w in named if " " not in w}
    out: list[Mention] = []
    for mention in mentions:
        words = tuple(mention.text.split())
        # Named twice, it is someone: "Martin Schulz" beside "Bettina Martin".
        once = mention.type == "PER" and named[mention.text] == 1
        if once and len(words) == 2 and _two_people(words, surnames, alone):
            out.extend(_halves(mention, 1))
        elif once and len(words) == 4 and _two_full_names(words, surnames, alone):
            out.extend(_halves(mention, 2))
        else:
            out.append(mention)
    return out


def _halves(mention: Mention, first: int) -> list[Mention]:
    """The mention cut in two before its word ``first`` (counted from 0)."""
    spans = [w.span() for w in re.finditer(r"\S+", mention.text)]
    cut, rest = spans[first - 1][1], spans[first][0]
    return [
        replace(mention, end=mention.start + cut, text=mention.text[:cut]),
        replace(mention, start=mention.start + rest, text=mention.text[rest:]),
    ]


def _two_full_names(
    words: tuple[str, ...], surnames: dict[str, set[tuple[str, ...]]], alone: set[str]
) -> bool:
    """Four capitalised names of which the last is a surname the article gives a person
    alone or another full name: two people's full names run together ("begrüßt
    Vizepremier He Lifeng Lars Klingbeil" beside "Klingbeil" had made the span an alias
    of Klingbeil's; review 143). Four names are more than a person's name
    (``entity_names._could_be_person``). An initial or a suffix is none ("Jr."). Where
    the article gives the surname in other full names, the second half must be one of
    them: "Ana Corina Sosa Machado" beside "María Corina Machado" and "Machado" is one
    woman of two surnames (review 151: "Ana Corina" and "Sosa Machado" had been two
    people of December 2025)."""
    if not all(w[:1].isupper() and w[1:2].isalpha() and "." not in w for w in words):
        return False
    fuller = surnames.get(words[-1], set()) - {words}
    return words[2:] in fuller if fuller else words[-1] in alone


def _two_people(
    words: tuple[str, ...],
    surnames: dict[str, set[tuple[str, ...]]],
    alone: set[str],
) -> bool:
    """Each word names someone else: another full name's surname, or, where one does, a
    person the article names alone. An initial or a suffix is no one's name: "Kennedy Jr."
    beside "Robert F. Kennedy Jr." and "Kennedy"."""
    if any("." in w for w in words):
        return False
    others = [surnames.get(w, set()) - {words} for w in words]
    return any(others) and all(o or w in alone for o, w in zip(others, words, strict=True))


def within_sentence(mention: Mention, ends: Sequence[int]) -> Mention:
    """A name ends with its sentence: where a page glued a sentence's end to the next one's
    quotation ("in Brüssel."Wir stehen"), NER's token ran on into the next sentence's first
    word, and "Brüssel."Wir" became a place of its own. ``ends`` are the sentences' ends in
    text order. Only an end at a full stop or the like: where the splitter cut a live blog's
    headlines run together ("TeheranIran"), the name stays whole, as :func:`before_seam`
    says why."""
    inside = bisect_left(ends, mention.start + 1)
    if inside < len(ends) and ends[inside] == mention.end:
        return _without_full_stop(mention)
    if inside == len(ends) or ends[inside] > mention.end:
        return mention
    sentence = mention.text[: ends[inside] - mention.start].rstrip()
    head = sentence.rstrip(_CLOSING)
    if head == sentence or not any(c.isalpha() for c in head):
        return mention
    return replace(mention, end=mention.start + len(head), text=head)


def _without_full_stop(mention: Mention) -> Mention:
    """A name that ends its sentence without the full stop NER's token took ("zur AfD." at
    a text's end had been an alias "AfD."); an initial or an abbreviation keeps it ("Taleb
    A.", "Jr."), as the sentence splitter reads them."""
    text = mention.text
    if not text.endswith(".") or is_abbreviation(text, 0, len(text) - 1):
        return mention
    return replace(mention, end=mention.end - 1, text=text[:-1])


# What a sentence's end leaves after a name: its full stop, a closing quotation mark.
_CLOSING = ".!?…:;\"'“”„«»‘’ "


def before_seam(mention: Mention) -> Mention:
    """A name that a page ran into the next sentence's first word ("zzt. BerlinBis zum
    Beginn", a lost line break) ends at the seam where that word is no name: its lemma is
    written small ("bis", "nach"). Two names run together ("TeheranIran") are
    ``at_seam``'s."""
    seam = next(reversed(list(seams().finditer(mention.text))), None)
    if seam is None or seam.start() < 2:
        return mention
    tail = mention.text[seam.end() :]
    if not tail.isalpha() or not lemmatize(tail, "de")[:1].islower():
        return mention
    return replace(mention, end=mention.start + seam.start(), text=mention.text[: seam.start()])


def at_seam(mention: Mention, names: frozenset[str], gazetteer: Gazetteer) -> list[Mention]:
    """A name that a page ran on from the last word of the headline before (a lost line
    break) starts at the seam where the part after it names a place or a name the article
    gives elsewhere, and the word before it is a common word (one the lemmatiser knows, no
    word of another name: "EskalationKlingbeil" gives "Klingbeil") or a place's name
    ("KölnWolodymyr Selenskyj" gives "Wolodymyr Selenskyj"). A word that a place's name
    only opens ("US-WaffenSelenskyj"), which the whole was read as, stays a mention of its
    own beside the name. Cut to both parts, place and name, such mentions cost August's
    stories (review 258). Review 261: where the part after the seam is a name the article
    gives elsewhere and no place, a word of another name of the article before it is left
    out too ("PutinTrump" gives "Trump"), and a verb's particle that ended the headline
    before opens a seam ("Militärstützpunkt anKatz kündigt" gives "Katz"); so cut, places
    after the seam (an acronym's, "LibanonUSA"; after a name, "HormusIran") cost April's
    stories, as did speakers the article names nowhere else ("IrakKallas: ..."). Other
    names run together stay whole."""
    seam = _first_seam(mention.text)
    if seam is None:
        return [mention]
    head, tail = mention.text[: seam.start()], mention.text[seam.end() :]
    place = any(gazetteer.name(w) for w in tail.split())
    if not place and not any(w in names for w in tail.split()):
        return [mention]
    if place and seam.start() < 3:
        return [mention]  # a place set free after a particle cost April's stories
    named = replace(mention, start=mention.start + seam.end(), text=tail)
    word = head.split()[-1]
    if gazetteer.name(head) or gazetteer.name(word):
        return [named]
    if gazetteer.word(word):
        return [replace(mention, end=mention.start + seam.start(), text=head), named]
    common = is_known(word, "de") and word not in names
    return [named] if common or (word in names and not place) else [mention]


def _first_seam(text: str) -> re.Match[str] | None:
    """The first seam of a run-on name after three letters or more (``seams``), or after a
    verb's particle that ended the headline before ("Raketen abNetanjahu richtet ...":
    ``seam_particles`` in ``entities_rules.json``), which ``seams`` does not read."""
    seam = next(iter(seams().finditer(text)), None)
    if seam is not None:
        return seam if seam.start() >= 3 else None
    particle = _PARTICLE.search(text)
    return particle if particle and text[:2] in rule_words("seam_particles") else None


_PARTICLE = re.compile(r"(?<=^[a-zäöü]{2})(?=[A-ZÄÖÜ][a-zäöüß]{2})")


def name_words(mentions: Sequence[Mention]) -> frozenset[str]:
    """The words of the article's names that run into no other word ("Netanjahu" beside
    "NetanjahuLibanon"): the names ``at_seam`` knows."""
    return frozenset(
        word for m in mentions if seams().search(m.text) is None for word in m.text.split()
    )


def after_place_adjective(mention: Mention, gazetteer: Gazetteer) -> Mention:
    """A place's or an organisation's name that NER opened with a place's adjective in small
    letters ("an der französischen Atlantikküste", "vom baden-württembergischen
    Landesverband der Geflügelwirtschaft") starts after it: an adjective of a proper name
    is written capitalised ("Französische Riviera"), and the lexicons then find this one
    as the place's derived mention, as before any noun. An event's or a work's name (MISC)
    keeps it: "der französischen Revolution" is "die Französische Revolution" written
    small."""
    first, space, rest = mention.text.partition(" ")
    if mention.type not in ("LOC", "ORG") or not first[:1].islower() or not rest[:1].isupper():
        return mention
    if gazetteer.derived_word(first) is None:
        return mention
    return replace(mention, start=mention.start + len(first) + len(space), text=rest)


def kind_before_acronym(mention: Mention) -> Mention:
    """An organisation's acronym that NER tagged with the noun of its kind before it
    (``kind_nouns``: "der Industrieverband BDI", "der Automobilclub ADAC") starts after the
    noun, which is no part of the name: "Industrieverband BDI" had been an organisation
    of its own beside the article's "BDI" (review 282). A name of words keeps the noun
    ("Bundesverband Windenergie")."""
    noun, space, rest = mention.text.partition(" ")
    if mention.type != "ORG" or mention.derived or not _acronym_word(rest):
        return mention
    lower = noun.lower()
    forms = (lower, lower.removesuffix("s"), lower.removesuffix("es"))
    if not noun[:1].isupper() or not any(f.endswith(rule_endings("kind_nouns")) for f in forms):
        return mention
    return replace(mention, start=mention.start + len(noun) + len(space), text=rest)


def _acronym_word(word: str) -> bool:
    """One word of two to six letters, two of them capitals at least ("BDI", "GdP")."""
    return 2 <= len(word) <= 6 and word.isalpha() and sum(c.isupper() for c in word) >= 2


def glued_to_clock(mention: Mention) -> bool:
    """Whether a live ticker ran the name into its next entry's time ("Einigung mit
    Israel20:49 Uhr - Reporter ...", a lost line break): such a mention is no entity,
    and its words stay covered, as an amount's unit's do. "Israel20:49" had been a place
    of its own beside "Israel" (review 154: the stream's text glues a time to a word 63
    times, in 63 items). Not cut to the name before the time: the name is most often the
    end of another entry's headline run in, and cut it cost August's story figure
    (pairwise F1 0.8632 -> 0.8361: "Ukraine20:03", of an entry on the peace talks, took
    a two-article story of the front into the 53 articles of the talks)."""
    return _GLUED_CLOCK.search(mention.text) is not None


def paid_mark(mention: Mention) -> bool:
    """Whether the mention is a publisher's mark of a paid article (``paid_marks`` in
    ``entities_rules.json``: ZEIT's "• Z+ Empfehlung:" before a title), which NER typed
    ORG: it names nothing the article is about, and across articles it had made one
    organisation of 10 unrelated articles (review 194). Its words stay covered."""
    return mention.text in rule_words("paid_marks")


def in_programme_title(mention: Mention, text: str) -> bool:
    """Whether the mention is a part of a broadcast's title that names a place
    (``programmes`` in ``entities_rules.json``: "im Bericht aus Berlin"), as NER typed the
    title's "Berlin" a place in all 45 occurrences of the whole stream (review 268): the
    programme's seat is no place the article is about, and it would join the unrelated
    interviews the programme broadcasts. Its words stay covered, so the lexicons do not
    find the place either; a mention of the whole title stays."""
    return any(
        start <= mention.start
        and mention.end <= end
        and (start, end) != (mention.start, mention.end)
        for start, end in _programme_spans(text)
    )


@lru_cache(maxsize=8)
def _programme_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _programme_pattern().finditer(text))


@lru_cache(maxsize=1)
def _programme_pattern() -> re.Pattern[str]:
    titles = sorted(read_data("entities_rules.json")["programmes"]["names"], key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, titles))})(?!\w)")


def studio_byline(mention: Mention, gazetteer: Gazetteer) -> Mention:
    """A broadcaster's studio in a correspondent's byline ("Von Anne Muster, ARD Peking"),
    which NER typed as one organisation, cut to the broadcaster (``broadcasters`` in
    ``entities_rules.json``): the studio's seat is no place the article is about, and each
    seat had been an organisation of its own ("ARD Peking", "ARD Rio de Janeiro", review
    248). The place's words stay covered, as a unit's do, so the lexicons do not find the
    seat either. Only a rest the gazetteer knows as a place is cut: "ZDF Magazin Royale"
    stays whole."""
    first, space, rest = mention.text.partition(" ")
    if mention.type != "ORG" or not space or first not in rule_words("broadcasters"):
        return mention
    if gazetteer.name(rest) is None:
        return mention
    return replace(mention, end=mention.start + len(first), text=first)


def place_abbreviation(mention: Mention, mentions: Sequence[Mention], text: str) -> bool:
    """Whether the mention is initials alone right after a place's name and a comma, the
    abbreviation of the place's district or state ("Washington, D. C."): NER read it as a
    person's initials, and "D. C." had been a person of 3 mentions in August 2025 (review
    162). Such a mention is no entity, and its words stay covered, as an amount's unit's
    are; the place before it is the entity."""
    if not _INITIALS.fullmatch(mention.text):
        return False
    before = text[: mention.start].rstrip()
    if not before.endswith(","):
        return False
    end = len(before[:-1].rstrip())
    return any(m.type == "LOC" and m.end == end for m in mentions)


# Two or more capital letters, each with its full stop ("D. C.", "N.Y.").
_INITIALS = re.compile(r"(?:[A-ZÄÖÜ]\.\s?){2,}")


# A time of day ("20:49", "9.05") glued to the letter before it, at a name's end.
_GLUED_CLOCK = re.compile(r"(?<=[^\W\d_])(?:[01]?\d|2[0-3])[:.][0-5]\d$")


def quoted_compound(mention: Mention) -> Mention:
    """A name in quotation marks with a compound's head after them ("Artemis 2"-Crew) is a
    compound on the quoted name, derived, so that it joins that name's entity as
    "Tatort"-Team joins "Tatort": NER marks such a compound on one word derived, not one
    on several (review 151: "Artemis 2"-Crew and "Artemis 2"-Mondmission had been two
    entities beside "Artemis 2", "Apollo 13"-Crew and "Apollo 13"-Mission two)."""
    if mention.derived or not _QUOTED_HEAD.search(mention.text):
        return mention
    return replace(mention, derived=True)


# A closing quotation mark, then a hyphen and a compound's head.
_QUOTED_HEAD = re.compile(r"[\"“”»«›‹]-[^\W\d_]")


def coded_compound(mention: Mention) -> Mention:
    """A compound on a code of capitals and a number (``coded_compounds``: "G7-Gipfel",
    "G7-Staaten") with a common noun after it is a compound on the code, derived, as NER
    marks "G20-Gipfel" and "EU-Gipfel": it had marked no compound on "G7" so, and each of
    "G7-Gipfel", "G7-Treffen" and "G7-Sitzung" was an organisation of its own beside "G7"
    (17 mentions in the whole stream; review 268). A name of such a code spelt out after
    it ("E3-Gruppe der Staaten") is no concern: only the last part is read."""
    if mention.derived or "-" not in mention.text:
        return mention
    code, _, rest = mention.text.partition("-")
    if not _code_pattern().fullmatch(code) or "-" in rest or not _common_noun(rest):
        return mention
    return replace(mention, derived=True)


@lru_cache(maxsize=1)
def _code_pattern() -> re.Pattern[str]:
    return re.compile(read_data("entities_rules.json")["coded_compounds"]["pattern"])


def _common_noun(word: str) -> bool:
    """Whether simplemma knows the word as a noun (a capitalised lemma)."""
    return word[:1].isupper() and is_known(word, "de") and lemmatize(word, "de")[:1].isupper()


def ship_names(mentions: list[Mention], tokens: Tokens) -> list[Mention]:
    """A ship's prefix and the name right after it are one MISC name ("USS Iwo Jima"):
    NER tagged the prefix a place "USS" and the rest a person "Iwo Jima". The name is the
    next mention, or the prefix's span already holds it."""
    kept: list[Mention] = []
    for mention in mentions:
        prefix = mention.text.split(" ")[0]
        if prefix in rule_words("ship_prefixes") and not mention.derived:
            mention.type = "MISC"
        last = kept[-1] if kept else None
        if (
            last is not None
            and last.text in rule_words("ship_prefixes")
            and _next_to(last, mention, tokens)
        ):
            text = tokens.text[last.start : mention.end]
            kept[-1] = Mention(last.start, mention.end, text, "MISC")
            continue
        kept.append(mention)
    return kept


def placed_first_names(
    mentions: list[Mention], tokens: Tokens, gazetteer: Gazetteer
) -> list[Mention]:
    """A person whose first name is a place's, after an office: NER read
    "Verteidigungsminister Israel Katz" as the place "Israel" and a person "Katz", who then
    never met his full name (19 mentions of the stream; review 79). The office makes the
    place a first name: "Präsident Israel" is no one's title."""
    kept: list[Mention] = []
    for mention in mentions:
        last = kept[-1] if kept else None
        first = (
            last is not None
            and last.type == "LOC"
            and not last.derived
            and mention.type == "PER"
            and " " not in mention.text
            and _next_to(last, mention, tokens)
            and after_office(last, tokens, gazetteer)
        )
        if first and last is not None:
            kept[-1] = replace(
                mention, start=last.start, text=tokens.text[last.start : mention.end]
            )
            continue
        kept.append(mention)
    return kept


def _next_to(first: Mention, second: Mention, tokens: Tokens) -> bool:
    gap = tokens.text[first.end : second.start]
    return 0 < len(gap) <= 2 and gap.isspace()


def firm_names(mentions: list[Mention], tokens: Tokens) -> list[Mention]:
    """A name whose last word is a firm's noun (``firm_tails``: "Meyer Werft", "Weber
    Bau") is that firm's, ORG; so is a name NER tagged right before one, its span taken
    to the noun's end: NER tagged "Meyer" of "die Meyer Werft" a person and left the
    noun out (review 167). A noun another mention holds, or a compound's first part
    ("Meyer Bau-Aufträge"), is left alone."""
    starts = {m.start for m in mentions}
    out = []
    for mention in mentions:
        words = mention.text.split()
        if not mention.derived and len(words) > 1 and _firm_tail(words[-1]):
            mention = replace(mention, type="ORG")
        elif not mention.derived:
            tail = _tail_after(mention, tokens)
            if tail is not None and tail[0] not in starts:
                text = tokens.text[mention.start : tail[1]]
                mention = Mention(mention.start, tail[1], text, "ORG")
        out.append(mention)
    return out


def _tail_after(mention: Mention, tokens: Tokens) -> tuple[int, int] | None:
    """The span of a firm's noun right after the mention, one space between, if any."""
    i = bisect_left(tokens.starts, mention.end)
    if i >= len(tokens.words) or tokens.text[mention.end : tokens.words[i][0]] != " ":
        return None
    start, end, word = tokens.words[i]
    if not _firm_tail(word) or tokens.text[end : end + 1] == "-":
        return None
    return start, end


def _firm_tail(word: str) -> bool:
    return word[:1].isupper() and word.lower() in rule_words("firm_tails")


def unit(mention: Mention, tokens: Tokens) -> bool:
    """A name right after an amount is the amount's unit ("100 Milliarden Dollar",
    "1.800 Euro"), which NER tags MISC: a currency named in passing is no entity of the
    article, and across articles it joined every report that gives a price. MISC only:
    an organisation there is counted ("die zwei Grünen", "100 Airbus")."""
    if mention.type != "MISC" or mention.derived or " " in mention.text:
        return False
    at = tokens.index(mention.start)
    if at == 0 or at >= len(tokens.words):
        return False
    before = tokens.words[at - 1][2]
    if tokens.adjacent(at - 1, at):
        return before.isdigit() or before in _amount_words()
    # an abbreviated amount's full stop: "5 Mio. Euro" (review 60)
    gap = tokens.text[tokens.words[at - 1][1] : mention.start]
    return gap.rstrip() == "." and before in _amount_words()


@lru_cache(maxsize=1)
def _amount_words() -> frozenset[str]:
    rules = read_data("entities_rules.json")
    return frozenset(rules["amount_words"]["words"]) | frozenset(number_words())


# Particles that open a family name ("von der Leyen", "van Aken", "de Maizière"); "von"
# alone is also a preposition ("das Treffen von Trump"), so it needs the article after it.
_NAME_PARTICLES = (
    ("von", "der"),
    ("van", "der"),
    ("van", "den"),
    ("von", "den"),
    ("van",),
    ("de",),
)


def particle_names(mentions: Sequence[Mention], tokens: Tokens, gazetteer: Gazetteer) -> None:
    """A family name with particles is one person's name: NER's "Leyen" (ORG) after "von
    der" becomes "von der Leyen" (PER) where the article shows it is a person's, by a full
    name with those particles, a role before them ("EU-Kommissionschefin von der Leyen"),
    a person beside it ("Merz und von der Leyen") or NER typing it so. Every such mention
    of that name then is, as a name is one thing in one article."""
    found = [(m, start) for m in mentions if (start := _particles_before(m, tokens)) is not None]
    people = {fold(m.text) for m in mentions if m.type == "PER" and len(m.text.split()) > 1}
    persons = {
        fold(m.text)
        for m, start in found
        if _person_with_particles(m, start, tokens, mentions, people, gazetteer)
    }
    for mention, start in found:
        if fold(mention.text) in persons:
            mention.text = tokens.text[start : mention.end]
            mention.start, mention.type = start, "PER"


def _particles_before(mention: Mention, tokens: Tokens) -> int | None:
    """Where the particles right before a one-word name begin, if any are there."""
    if mention.derived or " " in mention.text or not _family_name_shape(mention.text):
        return None
    i = tokens.index(mention.start)
    if i == len(tokens.starts) or tokens.starts[i] != mention.start:
        return None  # a name that starts inside a word (``at_seam``) has no particles
    for particles in _NAME_PARTICLES:
        first = i - len(particles)
        if first < 0 or not all(tokens.adjacent(j, j + 1) for j in range(first, i)):
            continue
        words = [tokens.words[j][2] for j in range(first, i)]
        if [words[0].lower(), *words[1:]] == list(particles):
            return tokens.words[first][0]
    return None


def _family_name_shape(word: str) -> bool:
    """Capitalised, the rest in small letters ("Leyen", "Maizière", "Saint-Exupéry"): a
    party's or a company's letters are no family name ("dem Verkehrsminister von der CSU")."""
    return all(part[:1].isupper() and part[1:].islower() for part in word.split("-"))


def _person_with_particles(
    mention: Mention,
    start: int,
    tokens: Tokens,
    mentions: Sequence[Mention],
    people: set[str],
    gazetteer: Gazetteer,
) -> bool:
    if mention.type == "PER":
        return True
    named = fold(tokens.text[start : mention.end])
    if any(p.endswith(" " + named) for p in people):
        return True
    first = tokens.index(start)
    before = tokens.words[first - 1][2] if first > 0 else ""
    if first > 0 and _office_word(before, gazetteer):
        return True
    return _beside_person(start, mention.end, tokens.text, mentions)


def _office_word(word: str, gazetteer: Gazetteer) -> bool:
    """An office, also one a compound ends in: "EU-Kommissionspräsidentin" is no word of
    the role list, but its last part ends in "präsidentin"."""
    lexicon = role_lexicon()
    last = word.rpartition("-")[2]
    return (lexicon.office(word, gazetteer) or lexicon.compound_office(last, gazetteer)) is not None


def _beside_person(start: int, end: int, text: str, mentions: Sequence[Mention]) -> bool:
    """Whether a person's name is joined to the span by "und" or a comma."""
    for other in mentions:
        if other.type != "PER" or other.derived:
            continue
        gap = text[other.end : start] if other.end <= start else text[end : other.start]
        if gap.strip() in {"und", ","} and len(gap) <= 6:
            return True
    return False


def named_institutions(mentions: list[Mention], tokens: Tokens) -> list[Mention]:
    """ "das Europäische Parlament", "die Russische Zentralbank": a capitalised place
    adjective before an institution's noun is that institution's name, not the place."""
    words = tokens.words
    out = []
    for mention in mentions:
        i = tokens.index(mention.start)
        named = (
            mention.derived
            and mention.type == "LOC"
            and mention.text[:1].isupper()
            and i + 1 < len(words)
            and words[i][1] == mention.end
            and tokens.adjacent(i, i + 1)
            and words[i + 1][2] in _institutions()
        )
        if named:
            end = words[i + 1][1]
            mention = Mention(mention.start, end, tokens.text[mention.start : end], "ORG")
        elif _institution_compound(mention):
            mention = Mention(mention.start, mention.end, mention.text, "ORG")
        out.append(mention)
    return out


def adjective_institutions(mentions: list[Mention], tokens: Tokens) -> list[Mention]:
    """A capitalised adjective inside a sentence and an institution's noun right after it
    ("das Technische Hilfswerk", "im Auswärtigen Amt") name that institution, ORG, where
    no mention holds their words: NER left "Technisches Hilfswerk" out (review 167). An
    adjective is capitalised inside a sentence only as a name's word; one that opens a
    sentence ("Neue Gerichte …") is not taken. The nouns are ``institution_heads``."""
    taken = Taken(mentions)
    found = []
    words = tokens.words
    for i in range(1, len(words) - 1):
        (start, _, adjective), (_, end, noun) = words[i], words[i + 1]
        if not (_inside_sentence(tokens, i) and tokens.adjacent(i, i + 1)):
            continue
        if (
            _name_adjective(adjective)
            and _institution_head(noun)
            and not taken.overlaps(start, end)
        ):
            found.append(Mention(start, end, tokens.text[start:end], "ORG"))
    return sorted([*mentions, *found], key=lambda m: (m.start, m.end))


def listed_organisations(mentions: list[Mention], tokens: Tokens) -> list[Mention]:
    """A name of ``organisations`` (``entities_rules.json``) where no mention holds its
    word is that organisation, ORG, alone or as a compound's base ("Hisbollah-Stellungen",
    derived), as the lexicons find a place NER left out: NER left "Revolutionsgarde" out in
    28 of its 36 occurrences in the whole stream ("Irans Revolutionsgarde", review 202)."""
    taken = Taken(mentions)
    names = rule_words("organisations")
    found = [
        Mention(start, end, word, "ORG", derived=word not in names)
        for start, end, word in tokens.words
        if (word in names or ("-" in word and compound_base(word) in names))
        and not taken.overlaps(start, end)
    ]
    return with_found(mentions, found)


def declined_names(mentions: list[Mention], tokens: Tokens) -> list[Mention]:
    """A name of several words of ``same_names`` ``declined`` whose adjectives stand in
    any declension ("den Vereinten Nationen", "des Nahen Ostens") where no mention holds
    its words is that name, of the type listed: NER left "Vereinten Nationen" out in 11 of
    its 18 declined occurrences in the whole stream (review 287)."""
    taken = Taken(mentions)
    words = tokens.words
    found = []
    for i in range(len(words)):
        for forms, kind in _declined_names():
            end = i + len(forms)
            if end <= len(words) and _declined_at(tokens, i, forms):
                start, stop = words[i][0], words[end - 1][1]
                if not taken.overlaps(start, stop):
                    found.append(Mention(start, stop, tokens.text[start:stop], kind))
                break
    return with_found(mentions, found)


def _declined_at(tokens: Tokens, i: int, forms: tuple[frozenset[str], ...]) -> bool:
    """Whether the words from ``i`` on are the forms, one after another."""
    words = tokens.words
    return all(
        words[i + k][2] in form and (k == 0 or tokens.adjacent(i + k - 1, i + k))
        for k, form in enumerate(forms)
    )


@lru_cache(maxsize=1)
def _declined_names() -> tuple[tuple[tuple[frozenset[str], ...], str], ...]:
    """Each name of ``declined`` as the forms each of its words may take, and its type:
    an adjective ("Vereinte") in each of its endings, the last word also in the genitive."""
    types = read_data("entities_rules.json")["same_names"]["declined"]["types"]
    names = []
    for name, kind in types.items():
        *adjectives, noun = name.split()
        if not adjectives:
            continue  # never a name of one word
        forms = [frozenset(_adjective_stem(a) + e for e in ADJECTIVE_ENDINGS) for a in adjectives]
        names.append(((*forms, frozenset({noun, noun + "s", noun + "es"})), kind))
    return tuple(names)


def _adjective_stem(word: str) -> str:
    """An adjective without its ending: "Vereint" of "Vereinte", "Nah" of "Naher"."""
    ending = next((e for e in ("es", "er", "e") if word.endswith(e)), "")
    return word[: len(word) - len(ending)]


def party_groups(mentions: list[Mention], tokens: Tokens) -> list[Mention]:
    """A party's group in a parliament written as one word ("die Unionsfraktion",
    "Linksfraktionschef Sören Pellmann") where no mention holds it is a derived mention of
    the party (:func:`~chronik.analysis.entity_keys.party_compound`), as "Unions-Fraktionschef"
    was: NER left all 56 such words of the whole stream out (review 274)."""
    taken = Taken(mentions)
    found = [
        Mention(start, end, word, "ORG", derived=True)
        for start, end, word in tokens.words
        if party_compound(word) is not None and not taken.overlaps(start, end)
    ]
    return with_found(mentions, found)


def surnames_left_out(mentions: list[Mention], tokens: Tokens) -> list[Mention]:
    """The surname of a person the article names in full, where no mention holds it
    elsewhere in the article, alone or in the genitive, is a mention of the person, PER,
    as the name is elsewhere: NER left "wird Scheuer ... angeklagt" out beside "Andreas
    Scheuer", and "Vergiftung Nawalnys" beside "Alexej Nawalny" (review 282: 48 of the
    whole stream's 50 such words the person). Not after an article, a determiner or an
    adjective, where the word is a noun ("der große Krach" of an article that names a
    Wolfgang Krach)."""
    surnames = {
        words[-1]
        for m in mentions
        if m.type == "PER" and not m.derived and len(words := m.text.split()) > 1
    }
    surnames = {s for s in surnames if len(s) > 2 and s[:1].isupper()}
    if not surnames:
        return mentions
    taken = Taken(mentions)
    found = [
        Mention(start, end, word, "PER")
        for i, (start, end, word) in enumerate(tokens.words)
        if (word in surnames or (word.endswith("s") and word[:-1] in surnames))
        and not taken.overlaps(start, end)
        and not _noun_before(tokens, i)
    ]
    return with_found(mentions, found)


def _noun_before(tokens: Tokens, i: int) -> bool:
    """Whether an article, a determiner or a declined adjective stands right before word
    ``i``, which makes it a noun."""
    if i == 0 or not tokens.adjacent(i - 1, i):
        return False
    before = tokens.words[i - 1][2]
    stems = {before.lower()} | {before.lower().removesuffix(e) for e in ADJECTIVE_ENDINGS}
    if before.lower() in ARTICLES or stems & DETERMINER_STEMS:
        return True
    lemma = lemmatize(before, lang="de")
    return before.islower() and lemma.islower() and before in {lemma + e for e in ADJECTIVE_ENDINGS}


def _inside_sentence(tokens: Tokens, i: int) -> bool:
    before = tokens.words[i - 1][2]
    return tokens.adjacent(i - 1, i) and (before.islower() or before.lower() in ARTICLES)


def _name_adjective(word: str) -> bool:
    """Whether a capitalised word is an adjective in -e, -en, -em, -es or -er
    ("Technisches": "technisch")."""
    lower = word.lower()
    if not word[:1].isupper() or not lower.endswith(ADJECTIVE_ENDINGS):
        return False
    lemma = lemmatize(lower, lang="de")
    return lemma.islower() and lower in {lemma + end for end in ADJECTIVE_ENDINGS}


def _institution_head(word: str) -> bool:
    lower = word.lower()
    forms = {lower, lower.removesuffix("s"), lower.removesuffix("es")}
    heads = rule_endings("institution_heads")
    return word[:1].isupper() and any(
        form == head or (len(head) > 4 and form.endswith(head)) for form in forms for head in heads
    )


def _institution_compound(mention: Mention) -> bool:
    """ "EU-Parlament", "EU-Kommission", "UN-Gerichtshof": a compound whose head is an
    institution's noun is that institution, an organisation of its own, not a mention of
    the union or country it belongs to (the European Parliament is not the EU)."""
    base, _, head = mention.text.rpartition("-")
    if not mention.derived or not base:
        return False
    if head in _courts():
        # "EU-Gericht" is the EU's court; "US-Gericht" any court in the United States.
        return load_gazetteer().word(base) is None
    return head in _institutions()


@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    return frozenset(read_data("ner_rules.json")["institutions"]["nouns"])


@lru_cache(maxsize=1)
def _courts() -> frozenset[str]:
    return frozenset(read_data("ner_rules.json")["institutions"]["courts"])
