"""Who a source is: the article's context (:class:`Context`: its mentions, persons, times
and the subjects and sources named last), the marks it puts on a sentence's tokens (the
words of a name, of a time), and :func:`resolve_source`, which turns a cue's span into the
source's text and entity ids: a pronoun to its antecedent (:func:`antecedent`, which the
events read too) or the subject before, "den Angaben" to the source named last, "beide
Länder" to the two it means, a party's member to the person, and any other phrase to the
entities NER found in it. Apart because it is the one step that reads the whole article,
not one sentence."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from chronik.analysis.attribution_cues import Found
from chronik.analysis.attribution_parties import epithet_parties, party_ties
from chronik.analysis.attribution_phrases import np_backward, np_forward
from chronik.analysis.attribution_tokens import (
    Token,
    genitive_apostrophe,
    is_number,
    tokenize,
    verb_like,
)
from chronik.analysis.attribution_words import (
    AGENCIES,
    ANAPHORIC,
    AUXILIARIES,
    COUNTRY_NOUNS,
    DATIVE_PRONOUNS,
    DEMONSTRATIVES,
    DETERMINERS,
    GROUP_REFERENCES,
    GROUPS,
    LATIN_GENITIVES,
    LIST_ENDS,
    MAX_NP,
    MEDIA_ENDINGS,
    NOMINATIVE_PRONOUNS,
    NON_AGENT_ENDINGS,
    OFFICE_SYNONYMS,
    ORGANISATION_NOUNS,
    PARTY_MEMBERS,
    PLACE,
    PLACE_NOUNS,
    PLURAL_DETERMINERS,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUN_ARTICLES,
    PRONOUNS,
    QUANTIFIERS,
    RELATIVES,
    REPRESENTATIVES,
    RESOLVABLE,
    SEPARABLE,
    SOURCE_POSTPOSITIONS,
    SUBORDINATORS,
    VERB_COORDINATORS,
    VERBS,
    document_noun,
    lemma_of,
    participle,
    speaker_noun,
    verb_lemma,
)
from chronik.analysis.gazetteer import load_gazetteer
from chronik.analysis.german import ADJECTIVE_ENDINGS
from chronik.analysis.lemmas import is_known
from chronik.analysis.roles import role_lexicon
from chronik.analysis.sentences import ANSWER, ANSWER_INSIDE, ASKER
from chronik.model import Article, Attribution, Block, BlockKind, Mention

CONTEXT_CHARS = 3000  # how far back groups ("beide Länder") look for their members


@dataclass(slots=True)
class Context:
    """What resolution needs from the article: its text, mentions and recent subjects."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    person_ends: list[int] = field(default_factory=list)
    person_ids: frozenset[str | None] = frozenset()  # the persons' entities, to look up
    longest: int = 0  # the longest mention's length in characters
    last_subject: tuple[str, int, int] | None = None
    last_group: tuple[str, int, int] | None = None  # the last subject that names several
    last_source: tuple[str, int, int] | None = None  # the last source named in full
    named_sources: list[tuple[str, int, int]] = field(default_factory=list)  # all, in order
    # the entities each source named in full was resolved to, by its span: "sein Büro" is
    # its owner's, which its own words do not link
    source_ids: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    # the sources of a sentence that says they reported on a document ("Über das Papier
    # berichteten X und Y"): they did not write it, so "in dem Papier" is not theirs
    reporters: set[tuple[int, int]] = field(default_factory=set)
    # the first person with an entity in ``persons`` and the first other one, when needed
    first_two: tuple[int, int] | None = None
    times: list[tuple[int, int]] = field(default_factory=list)  # time expressions, in order
    codes: dict[str, str] | None = None  # entity id -> ISO code, read when first needed
    # where each sentence starts, built once per article, not once per pronoun
    sentence_starts: list[int] = field(default_factory=list)
    # the last personal pronoun resolved: its word, its offset and whom it was
    last_pronoun: tuple[str, int, tuple[str, list[str]]] | None = None
    # the word before each named person -> those persons' places in ``persons``, built when
    # first needed: a role once scanned every person before it (quadratic in a huge text)
    titles: dict[str, list[int]] | None = None
    # a name's word -> the mentions that are that word or a person's name ending in it, in
    # text order, built when first needed (an unlinked source's surname, ``_by_surname``)
    surnames: dict[str, list[Mention]] | None = None
    # a person's entity -> the parties the article ties it to, built when first needed
    ties: dict[str, frozenset[str]] | None = None
    # where each attribution found so far starts and the last person it links, in order
    speakers: list[tuple[int, str]] = field(default_factory=list)


def article_context(article: Article) -> Context:
    mentions = sorted(article.mentions, key=lambda m: (m.start, m.end))
    persons = sorted((m for m in mentions if m.type == "PER"), key=lambda m: m.end)
    return Context(
        article,
        mentions,
        [m.start for m in mentions],
        persons,
        [m.end for m in persons],
        frozenset(m.entity_id for m in persons),
        max((m.end - m.start for m in mentions), default=0),
        # days and times, not durations: "der 65-Jährige" is a speaker
        times=sorted((t.start, t.end) for t in article.timexes if t.type in ("DATE", "TIME")),
        sentence_starts=[s.start for s in article.sentences],
    )


def mark_names(toks: list[Token], ctx: Context) -> None:
    """Every word of a person's or organisation's name that NER found is part of a name:
    "Jan van Aken", "Ursula von der Leyen", "Anita Hipper" (whose "-er" reads as an
    adjective's ending) would otherwise end at the first word. So is a surname alone that
    is an adjective too ("Frei selbst wertete das Ergebnis": the result had been the
    source, as "Frei" was no noun)."""
    if not toks:
        return
    first = bisect.bisect_left(ctx.starts, toks[0].start)
    last = bisect.bisect_left(ctx.starts, toks[-1].end, lo=first)
    names = [m for m in ctx.mentions[first:last] if m.type in ("PER", "ORG") and not m.derived]
    for mention in names:
        inside = [t for t in toks if mention.start <= t.start and t.end <= mention.end]
        surname = len(inside) == 1 and mention.type == "PER" and _capitalised_adjective(inside[0])
        if (len(inside) > 1 or surname) and all(t.text[:1].isalpha() for t in inside):
            for tok in inside:
                tok.cls = "N"


def _capitalised_adjective(tok: Token) -> bool:
    return tok.cls in "OA" and tok.text[:1].isupper()


def mark_times(toks: list[Token], ctx: Context) -> None:
    """The words of a time expression are no noun phrase's: "Drei Tage später sagte der
    Kanzler", "Ende März kündigte die Regierung an" had the time as the source."""
    if not toks or not ctx.times:
        return
    at = max(0, bisect.bisect_right(ctx.times, (toks[0].start, len(ctx.article.text))) - 1)
    for start, end in itertools.takewhile(lambda t: t[0] < toks[-1].end, ctx.times[at:]):
        for tok in toks:
            if start <= tok.start and tok.end <= end and tok.cls != "B":
                tok.cls = "T"


def remember_subject(ctx: Context, toks: list[Token]) -> None:
    """The sentence-initial subject: what "er"/"sie" refer to when there is no NER. With
    its place ("Eine Frau aus Bayern hat ... Sie meint": review 153, the subject had been
    the one before), and a list of several whole ("Arbeitgeber, Mittelstand und der
    Steuerzahlerbund laufen Sturm ... Sie warnen")."""
    end = _opening_subject(toks)
    if not (0 < end < len(toks) and toks[0].cls != "P"):
        return
    if end + 1 < len(toks) and toks[end + 1].lower in NOMINATIVE_PRONOUNS:
        # "Die Dusche mussten wir uns teilen": a pronoun that is only ever a subject right
        # after the verb is its subject, the opening phrase its object (review 231: the
        # shower had been the "sie" that spoke)
        return
    text = ctx.article.text
    subject = (text[toks[0].start : toks[end - 1].end], toks[0].start, toks[end - 1].end)
    listed = any(t.lower in LIST_ENDS for t in toks[:end])
    if verb_like(toks[end]) or (listed and _plural_verb(toks[end])):
        _remember(ctx, subject)
    if _plural_verb(toks[end]):
        # "Menschenrechtsorganisationen versuchen ... Sie befürchten": a subject of a
        # plural verb names several, as one with "und" does (review 123)
        ctx.last_group = subject
    _remember_agent(ctx, toks)


def _opening_subject(toks: list[Token]) -> int:
    """The end of the phrase or list that opens a sentence, with its place. A coordinator
    opens none: "Oder wehren sich die Jungen", whose "Oder" the dictionary knows as a river
    (review 238: it had been the subject a later "sie" stood for)."""
    if toks and toks[0].lower in VERB_COORDINATORS:
        return 0
    return _opening_list(toks, np_forward(toks, 0, len(toks), place=True, coord=False))


def _opening_list(toks: list[Token], end: int) -> int:
    """The end of a list of phrases that opens a sentence with ``end`` its first phrase's:
    "Arbeitgeber, Mittelstand und der Steuerzahlerbund", "Zahlreiche Länder und die
    EU-Kommission" (review 149 left them: only the first had been remembered, or none);
    ``end`` where no "und" or "sowie" closes one."""
    j = end
    while 0 < j < len(toks) - 1 and toks[j].text == ",":
        after = np_forward(toks, j + 1, len(toks), place=True, coord=False)
        if after == j + 1:
            return end
        j = after
    if not (0 < j < len(toks) - 1 and toks[j].lower in LIST_ENDS):
        return end
    last = np_forward(toks, j + 1, len(toks), place=True)
    return last if last > j + 1 else end


_PASSIVE_AUXILIARIES = frozenset({"wird", "werden", "wurde", "wurden"})
_STATE_AUXILIARIES = frozenset({"ist", "sind", "war", "waren"})


def _remember_agent(ctx: Context, toks: list[Token]) -> None:
    """The agent of a passive names a group as a subject does: "Das Treffen wird von
    Washington und seinen Verbündeten beobachtet. Sie befürchten …" are Washington and its
    allies (the plural "sie" had gone back to an earlier paragraph's "Beide Länder")."""
    lowers = [tok.lower for tok in toks]
    # "war von X und Y eingereicht worden": a state's passive has "worden" after its agent
    auxiliaries = _PASSIVE_AUXILIARIES | (_STATE_AUXILIARIES if "worden" in lowers else set())
    at = next((i for i, lower in enumerate(lowers) if lower in auxiliaries), None)
    if at is None or "von" not in lowers[at + 1 :]:
        return
    first = lowers.index("von", at + 1) + 1
    end = np_forward(toks, first, len(toks))
    if end > first:
        text = ctx.article.text[toks[first].start : toks[end - 1].end]
        if " und " in text:
            ctx.last_group = (text, toks[first].start, toks[end - 1].end)


_PLURAL_FINITE = frozenset(
    {"sind", "waren", "hatten", "wurden", "wollten", "sollten", "konnten", "mussten"}
)


def _plural_verb(tok: Token) -> bool:
    """A finite verb in the plural: a present that is its own infinitive ("versuchen",
    "haben"), a weak verb's past ("drohten", "hatten") or a form of "sein"."""
    lower = tok.lower
    if not tok.text.islower() or lower in PREPOSITIONS:
        return False
    if lower in _PLURAL_FINITE or (lower.endswith(_PLURAL_ENDINGS) and lemma_of(lower) == lower):
        return True
    # a weak verb's past plural: "Die Huthi drohten", "Die Rebellen erklärten" (review 138)
    lemma = verb_lemma(lower)
    return lower.endswith("ten") and lemma != lower and lemma.endswith("en")


def remember_sources(ctx: Context, found: list[Attribution]) -> None:
    """A source named in full is a better antecedent than a sentence's first phrase."""
    for item in found:
        persons = [i for i in item.entity_ids if i in ctx.person_ids]
        if persons:
            ctx.speakers.append((item.start, persons[-1]))
        text = ctx.article.text[item.source_start : item.source_end]
        if text == item.source and text.lower() not in PRONOUNS:
            _remember(ctx, (text, item.source_start, item.source_end))
            ctx.last_source = (text, item.source_start, item.source_end)
            ctx.named_sources.append(ctx.last_source)
            ctx.source_ids[item.source_start, item.source_end] = list(item.entity_ids)
            if _on_a_document(ctx, item.source_start):
                ctx.reporters.add((item.source_start, item.source_end))


# "über das Papier", "über einen neuen Entwurf": what a report is about, three words on
_ON_A_DOCUMENT = re.compile(r"\b[Üü]ber((?:\s+[\w-]+){1,3})")


def _on_a_document(ctx: Context, at: int) -> bool:
    """Whether the sentence a source stands in has "über" and a document's noun within
    three words after it: the source reported on a document someone else wrote."""
    k = bisect.bisect_right(ctx.sentence_starts, at) - 1
    if k < 0:
        return False
    sentence = ctx.article.sentences[k]
    words = ctx.article.text[sentence.start : sentence.end]
    return any(
        document_noun(word) for m in _ON_A_DOCUMENT.finditer(words) for word in m.group(1).split()
    )


def _remember(ctx: Context, subject: tuple[str, int, int]) -> None:
    ctx.last_subject = subject
    if " und " in subject[0]:
        ctx.last_group = subject


def resolve_source(ctx: Context, toks: list[Token], hit: Found) -> tuple[str, list[str]]:
    """The source's text and entity ids, with pronouns and "beide Länder" resolved."""
    span = toks[hit.first : hit.last]
    start, end = span[0].start, span[-1].end
    possessive = span[0].lower in POSSESSIVES
    plural = span[0].lower in RESOLVABLE and _plural_subject(toks, hit)
    pronoun = span[0].lower in RESOLVABLE and not plural
    if len(span) == 1 and span[0].lower in DATIVE_PRONOUNS:
        return _dative_source(ctx, toks, hit)
    if possessive and len(span) == 2 and span[1].text in REPRESENTATIVES:
        owner = _named_in_claim(ctx, toks, hit) or _possessive_owner(
            ctx, span[0].lower, _claim_start(ctx, toks, hit)
        )
        if owner:
            return ctx.article.text[start:end], owner
    if len(span) == 1 and (pronoun or possessive):
        return _pronoun_source(ctx, toks, hit, pronoun)
    if len(span) == 1 and span[0].lower in DEMONSTRATIVES:
        return _demonstrative_source(ctx, toks, hit)
    if len(span) == 1 and plural:
        return _resolve_group(ctx, start, span[0].text, hit.kind)
    return _worded_source(ctx, toks, hit)


def _pronoun_source(
    ctx: Context, toks: list[Token], hit: Found, pronoun: bool
) -> tuple[str, list[str]]:
    """A lone pronoun "er"/"sie" or a possessive: an opening "er" as the role in the dative
    before it (``_dative_role``), a possessive as its antecedent, a pronoun as the same
    pronoun just before it (``_chained``) or its antecedent, remembered for the next."""
    word = toks[hit.first]
    dative = _dative_role(ctx, toks[0].start) if hit.first == 0 and pronoun else None
    if dative is not None and word.lower == "er":
        return dative
    if not pronoun:
        return _resolve_pronoun(ctx, _claim_start(ctx, toks, hit), word.text)
    resolved = _chained(ctx, word.lower, word.start) or _resolve_pronoun(
        ctx, _claim_start(ctx, toks, hit), word.text
    )
    ctx.last_pronoun = (word.lower, word.start, resolved)
    return resolved


def _dative_source(ctx: Context, toks: list[Token], hit: Found) -> tuple[str, list[str]]:
    """ "ihm zufolge": the antecedent of "er" ("ihr": "sie"), as a subject pronoun's is
    found; the word itself, unresolved, where no one is found (review 221)."""
    word = toks[hit.first]
    pronoun = DATIVE_PRONOUNS[word.lower]
    name, ids = _resolve_pronoun(ctx, _claim_start(ctx, toks, hit), pronoun)
    return (word.text, []) if name == pronoun and not ids else (name, ids)


def _demonstrative_source(ctx: Context, toks: list[Token], hit: Found) -> tuple[str, list[str]]:
    """A lone demonstrative ("dieser"): the person named last, as its personal pronoun
    would be with ``latest``; the word itself, unresolved, where no one is found."""
    word = toks[hit.first]
    personal = DEMONSTRATIVES[word.lower]
    name, ids = _resolve_pronoun(ctx, _claim_start(ctx, toks, hit), personal, latest=True)
    return (word.text, []) if name == personal and not ids else (name, ids)


def _worded_source(ctx: Context, toks: list[Token], hit: Found) -> tuple[str, list[str]]:
    """A source of nouns and names: "den Angaben" as the source before it, "die
    Unterzeichner" as the group before it, a party epithet as its person, "beide Länder"
    as the group's members, else the words with the role's holder or the names in them."""
    span = toks[hit.first : hit.last]
    start, end = span[0].start, span[-1].end
    if ctx.article.text[start:end].lower() in ANAPHORIC:
        return _resolve_anaphor(ctx, start, end)
    if _document_reference(toks, hit):
        return _resolve_anaphor(ctx, start, end, _written_before(ctx, start))
    if ctx.article.text[start:end].lower() in GROUP_REFERENCES:
        return _resolve_group(ctx, start, ctx.article.text[start:end])
    if _party_epithet(span):
        # before what was said, as a pronoun's: "Putin müsse merken, ..., sagte der
        # CDU-Politiker" is not Putin, named inside the claim (review 246)
        person = _epithet_person(ctx, span[-1].text, _claim_start(ctx, toks, hit))
        return ctx.article.text[start:end], person or linked_ids(ctx, start, end)
    if _organisation_reference(span):
        body = _organisation_before(ctx, _claim_start(ctx, toks, hit))
        return ctx.article.text[start:end], [body] if body else linked_ids(ctx, start, end)
    if _country_reference(span):
        country = _country_before(ctx, _claim_start(ctx, toks, hit))
        return ctx.article.text[start:end], [country] if country else []
    group = _group_type(span)
    if group is not None:
        members = _group_members(ctx, group, start)
        if members:
            return " und ".join(name for name, _ in members), [i for _, i in members if i]
    ids = linked_ids(ctx, start, end)
    holder = _role_holder(ctx, span, start, ids) or _institution_role(
        ctx, span, _claim_start(ctx, toks, hit)
    )
    if holder is None:
        ids = _place_role(ctx, span, _without_topic_places(ctx, start, end, ids))
    if holder is None and not ids:
        holder = _sole_holder(ctx, span, _claim_start(ctx, toks, hit))
    if holder is None and not ids:
        ids = _source_of_its_noun(ctx, span)
    if holder is None and not ids:
        ids = _shortened_name(ctx, span)
    return ctx.article.text[start:end], [holder] if holder else ids


def _chained(ctx: Context, pronoun: str, start: int) -> tuple[str, list[str]] | None:
    """The person of the same pronoun in this sentence or the one before, where everyone
    named since is in a prepositional phrase and no subject came between: "..., erklärte
    er bei einer Pressekonferenz mit Präsident X. Gleichzeitig forderte er ..." is the first
    "er" again (review 161: X, the last person named, had been it)."""
    if ctx.last_pronoun is None or ctx.last_pronoun[0] != pronoun:
        return None
    _, before, resolved = ctx.last_pronoun
    sentence = bisect.bisect_right(ctx.sentence_starts, start) - 1
    if sentence < 1 or before < ctx.sentence_starts[sentence - 1]:
        return None
    if ctx.last_subject is not None and ctx.last_subject[1] > before:
        return None
    text = ctx.article.text
    between = [p for p in ctx.persons if before < p.start < start]
    if not between or not all(_in_prepositional_phrase(text, p.start) for p in between):
        return None
    return resolved


def _possessive_owner(ctx: Context, possessive: str, claim_start: int) -> list[str]:
    """Whom "sein Anwalt", "ihr Sprecher" speak for: the entity of the person or body the
    possessive points back to, found as its pronoun's ("sein": "er", "ihr": "sie") and,
    after what was said, before it ("Er habe Kanzler Merz seine Enttäuschung ausgedrückt,
    teilte sein Büro mit" is Netanjahu's office, named before, not Merz's: a first version
    took the one named last, which was right for "bei Präsident Herzog eingegangen,
    bestätigte sein Büro" and wrong for 5 others of the stream)."""
    pronoun = "er" if possessive.startswith("sein") else "sie"
    return _resolve_pronoun(ctx, claim_start, pronoun)[1]


def _named_in_claim(ctx: Context, toks: list[Token], hit: Found) -> list[str]:
    """ "Der Antrag sei bei Präsident Herzog eingegangen, bestätigte sein Büro": the person
    that what was said before the cue names first, where no one is its subject before that
    person (no personal pronoun, no other name), speaks through the possessive's office
    (review 157: it had been the person named in the sentence before, Netanjahu); "Er habe
    Kanzler Merz ... ausgedrückt, teilte sein Büro mit" is still the "er"'s."""
    if not (0 < hit.at < hit.first and toks[hit.at - 1].text == ","):
        return []  # the source before what was said ("Sein Sprecher wirft ... vor")
    lo, hi = _claim_start(ctx, toks, hit), toks[hit.at - 1].start
    index = bisect.bisect_right(ctx.person_ends, lo)
    named = [p for p in ctx.persons[index:] if lo <= p.start and p.end <= hi]
    named = [p for p in named if p.entity_id and not p.derived]
    if not named:
        return []
    first = min(named, key=lambda p: p.start)
    if _PERSONAL_SUBJECT.search(ctx.article.text, lo, first.start):
        return []
    return [first.entity_id] if first.entity_id else []


_PERSONAL_SUBJECT = re.compile(r"\b(?i:er|sie|ich|wir)\b")


def _role_holder(ctx: Context, span: list[Token], start: int, ids: list[str]) -> str | None:
    """ "der US-Präsident" after "US-Präsident Donald Trump": a role after its definite
    article is the person the article last named with that role before his name, when no
    person is named in it (half such sources had been the USA's; review 123)."""
    if len(span) != 2 or span[0].lower not in _ROLE_ARTICLES or span[1].cls != "N":
        return None
    if not ctx.person_ids.isdisjoint(ids):
        return None
    role = span[1].text
    forms = {role, role[:-2] if role.endswith("en") else role, role.rstrip("n")}
    # a federal office is the office: "Bundeskanzler Merz" is "der Kanzler" (review 146)
    forms |= {"Bundes" + form.lower() for form in forms}
    index = bisect.bisect_left(ctx.person_ends, start)
    # the last one named before with the whole word: "Vizekanzler Klingbeil" is no Kanzler
    titles = _titles(ctx)
    last = [
        places[at - 1]
        for form in forms
        if (at := bisect.bisect_left(places := titles.get(form, []), index))
    ]
    return ctx.persons[max(last)].entity_id if last else None


def _sole_holder(ctx: Context, span: list[Token], claim_start: int) -> str | None:
    """ "sagte der Staatschef" after "Präsident Selenskyj", "Russlands Präsident" after a
    headline that names Putin, "der Konzernchef" after "Vorstandsvorsitzenden Oliver
    Blume": an office no one is named with is the one person the article names before what
    was said, where it names only one and not after an office of another word (review
    266: 9 of review 260's 24 wrong entities were such roles, unlinked). Not a spokesman
    or adviser, who speaks for someone else ("der Sprecher" after the minister)."""
    office = _lone_office(ctx, span)
    if office is None:
        return None
    index = bisect.bisect_right(ctx.person_ends, claim_start)
    first, second = _first_two_persons(ctx)
    if first >= index or second < index:
        return None  # no one named before, or two
    person = ctx.persons[first].entity_id
    return person if person and _may_hold(ctx, person, office) else None


def _first_two_persons(ctx: Context) -> tuple[int, int]:
    """Where in ``ctx.persons`` the first person with an entity is named and where the first
    other one is (``len(persons)`` for none), found once per article: a set of everyone
    before each office had made a huge text's offices quadratic."""
    if ctx.first_two is None:
        named = [k for k, p in enumerate(ctx.persons) if p.entity_id and not p.derived]
        first = named[0] if named else len(ctx.persons)
        own = ctx.persons[first].entity_id if named else None
        second = next((k for k in named if ctx.persons[k].entity_id != own), len(ctx.persons))
        ctx.first_two = (first, second)
    return ctx.first_two


def _lone_office(ctx: Context, span: list[Token]) -> str | None:
    """The office word of a source that is an office alone, past its articles, adjectives
    and places ("der ukrainische Präsident", "Russlands Präsident", "der Präsident der
    Ukraine"), as ``_office_word`` gives it; None for any other source. A place's compound
    that is an office ("der US-Präsident", a place's mention whole) is the office, as in
    ``_place_role`` (review 280: it had been dropped as a place, so no one was linked)."""
    places = [m for m in _mentions_in(ctx, span[0].start, span[-1].end) if m.type == "LOC"]
    words = [
        t
        for t in span
        if t.lower not in DETERMINERS
        and t.cls != "A"
        and not (_covered(t, places) and not _place_office(t))
    ]
    if len(words) != 1 or words[0].text in REPRESENTATIVES:
        return None
    return _office_word(words[0].text)


def _place_office(tok: Token) -> bool:
    """ "US-Präsident", "EU-Kommissarin": a place's compound whose last part is an office."""
    return "-" in tok.text and role_lexicon().role(tok.text, load_gazetteer()) is not None


@cache  # asked for every title of the article at each role (``_may_hold``)
def _office_word(word: str) -> str | None:
    """An office's word, uninflected, without a place's part or "Bundes" ("US-Präsidenten":
    präsident, "Bundeswirtschaftsministerin": wirtschaftsministerin); None for a word that
    names no office or a title ("Frau")."""
    lexicon, gazetteer = role_lexicon(), load_gazetteer()
    if lexicon.compound_office(word, gazetteer) is None:
        return None
    lower = word.rpartition("-")[2].lower().removeprefix("bundes")
    found = lexicon.role(lower, gazetteer)
    return found[0] if found else _INFLECTION.sub("", lower)


# a case ending of a compound office the lexicon lacks ("Gouverneurs"; not "-in")
_INFLECTION = re.compile(r"(?<!i)(?:en|n|s)$")


def _may_hold(ctx: Context, person: str, office: str) -> bool:
    """Whether a person the article names holds ``office`` as far as it says: not named
    right after an office of another word ("Kanzler Merz" is no Minister, "Vizekanzler
    X" no Kanzler, "Topgeneral Caine" no Präsident), unless the two name one holder
    (``OFFICE_SYNONYMS``)."""
    same = OFFICE_SYNONYMS.get(office, frozenset({office}))
    held = set()
    for word, places in _titles(ctx).items():
        found = _office_word(word)
        if found and any(ctx.persons[k].entity_id == person for k in places):
            held.add(found)
    return not held or bool(held & same)


def _source_of_its_noun(ctx: Context, span: list[Token]) -> list[str]:
    """ "so die Organisation" after "Die Menschenrechtsorganisation HRANA erklärte", "so der
    Sprecher" after "teilte ein Sprecher des Pentagons mit", "nach Angaben des Bundesamtes"
    after "das Statistische Bundesamt": a noun alone after its definite article that a word
    of a source named before ends in points back to that source, the latest such, and
    links what it linked from that word on (review 266: 5 of review 260's 24 wrong
    entities were such nouns, unlinked), and the adjectives right before it ("das
    Ministerium" after "das irakische Elektrizitätsministerium" is Iraq's); a compound
    points back to its last part with its first after it ("der Militärsprecher" after "Ein
    Sprecher des israelischen Militärs"; review 280: 4 of review 273's 23 wrong entities;
    a body's neuter noun too, "das Ministerium")."""
    if len(span) != 2 or span[0].lower not in _NOUN_ARTICLES or span[1].cls != "N":
        return []
    word = span[1].lower
    forms = tuple(
        f
        for f in {word} | {word[: -len(e)] for e in ("es", "s", "n") if word.endswith(e)}
        if len(f) > 4
    )
    # the latest source with such a word, within the context's reach: a source named once
    # a sentence in a huge text is not looked for again over all before it
    for text, a, b in reversed(ctx.named_sources):
        if b < span[0].start - CONTEXT_CHARS or not forms:
            break
        words = list(_WORD.finditer(text))
        heads = [k for k, m in enumerate(words) if m.group().lower().endswith(forms)]
        heads = heads or _compound_heads(forms, words)
        if a < span[0].start and heads:
            return linked_ids(ctx, a + _with_adjectives(words, heads[-1]), b)
    return []


def _shortened_name(ctx: Context, span: list[Token]) -> list[str]:
    """ "Die Bahn" after "Die Deutsche Bahn stoppte ...", "Netzagentur droht ..." in a
    headline over "Die Bundesnetzagentur": a noun alone (after its article) that a body's
    name named before ends in, as its last word or its compound's tail, is that body, the
    latest such; a headline's, the first named after it (review 286: 2 of review 283's 7
    bodies named before and left unlinked)."""
    if len(span) == 2 and span[0].lower not in _NOUN_ARTICLES:
        return []
    word = span[-1].lower
    if len(span) > 2 or span[-1].cls != "N" or len(word) < 4:
        return []

    def ending_in_it(m: Mention) -> bool:
        return m.type == "ORG" and m.text.split()[-1].lower().endswith(word)

    body = _named_last_before(ctx, span[0].start, ending_in_it)
    if body is None and _in_headline(ctx, span[0].start):
        body = _named_first_after(ctx, span[-1].end, ending_in_it)
    return [body] if body else []


def _in_headline(ctx: Context, at: int) -> bool:
    return any(b.kind == BlockKind.HEADLINE and b.start <= at < b.end for b in ctx.article.blocks)


def _named_first_after(ctx: Context, after: int, wanted: Callable[[Mention], bool]) -> str | None:
    """The entity of the first ``wanted`` mention, not a derived one, after ``after``,
    within ``CONTEXT_CHARS``."""
    index = bisect.bisect_left(ctx.starts, after)
    for m in ctx.mentions[index : index + 200]:
        if m.start > after + CONTEXT_CHARS:
            break
        if m.entity_id and not m.derived and wanted(m):
            return m.entity_id
    return None


def _compound_heads(forms: tuple[str, ...], words: list[re.Match[str]]) -> list[int]:
    """Where a source's words hold a compound's parts the other way round: "Sprecher ...
    Militärs" for "Militärsprecher", the last part a word of its own (five letters or more)
    and the first the opening of a word after it (four or more)."""
    lowers = [m.group().lower() for m in words]
    found = []
    for k, head in enumerate(lowers):
        for form in forms:
            first = form[: -len(head)] if len(head) > 4 and form.endswith(head) else ""
            if len(first) > 3 and any(w.startswith(first) for w in lowers[k + 1 :]):
                found.append(k)
    return found


def _with_adjectives(words: list[re.Match[str]], head: int) -> int:
    """Where a head noun's phrase starts: back over the words in small letters right before
    it, its adjectives ("irakische" of "das irakische Elektrizitätsministerium") and its
    article, which names no entity and so links nothing."""
    k = head
    while k > 0 and words[k - 1].group()[:1].islower():
        k -= 1
    return words[k].start()


def _titles(ctx: Context) -> dict[str, list[int]]:
    """The word right before each person with an entity, not derived, to the places of those
    persons in ``ctx.persons``."""
    if ctx.titles is None:
        text, ctx.titles = ctx.article.text, {}
        for place, person in enumerate(ctx.persons):
            words = text[max(0, person.start - 40) : person.start].split()
            if person.entity_id and not person.derived and words:
                ctx.titles.setdefault(words[-1], []).append(place)
    return ctx.titles


_ROLE_ARTICLES = frozenset({"der", "die", "des", "dem", "den"})
_NOUN_ARTICLES = _ROLE_ARTICLES | {"das"}  # a body's noun may be neuter: "das Ministerium"


def _institution_role(ctx: Context, span: list[Token], claim_start: int) -> str | None:
    """ "der CDU-Chef", "Der Bundestagspräsidentin", "der VW-Chef": an office of a party or
    an institution after its article is the person the article names with that word
    ("VW-Chef Oliver Blume", before it, else after it: a teaser's role is named below),
    else the person a pronoun there would be, unless another party or institution is named
    beside that person (review 149: such roles had been the party's or institution's where
    the article names the person, 8 of 150 items in review 146)."""
    if len(span) != 2 or span[0].lower not in _ROLE_ARTICLES or span[1].cls != "N":
        return None
    inside = _mentions_in(ctx, span[1].start, span[1].end)
    if not inside or any(m.type != "ORG" for m in inside):
        return None
    word, lexicon, gazetteer = span[1].text, role_lexicon(), load_gazetteer()
    if lexicon.compound_office(word, gazetteer) is None:
        return None
    named = _named_with(ctx, word, span[0].start)
    if named is not None:
        return named
    index = bisect.bisect_right(ctx.person_ends, claim_start)
    person = antecedent(ctx.article.text, ctx.persons[max(0, index - 8) : index], claim_start)
    if person is None or not person.entity_id or person.derived:
        return None
    own = {m.entity_id for m in inside}
    near = _mentions_in(ctx, max(0, person.start - 40), person.end + 12)
    if any(m.type == "ORG" and m.entity_id not in own for m in near):
        return None  # "CSU-Chef Markus Söder", "Söder (CSU)" is no CDU-Chef
    return person.entity_id


def _named_with(ctx: Context, word: str, start: int) -> str | None:
    """The person named right after ``word`` ("VW-Chef Oliver Blume"), the last one
    before ``start``, else the first after it."""
    text = ctx.article.text
    index = bisect.bisect_left(ctx.person_ends, start)
    forms = {word, word[:-1] if word.endswith(("n", "s")) else word}
    for person in [*reversed(ctx.persons[:index]), *ctx.persons[index:]]:
        words = text[max(0, person.start - 40) : person.start].split()
        if person.entity_id and not person.derived and words and words[-1] in forms:
            return person.entity_id
    return None


def _place_role(ctx: Context, span: list[Token], ids: list[str]) -> list[str]:
    """ "der russische Präsident", "Irans Außenminister", "der Präsident der Ukraine",
    "US-Senatorin": an office of a place and nothing more is a person, the place only
    where the person belongs. It is the person last named with that office of that place
    ("Irans Außenminister Araghtschi"), else no one (the country had been the source's
    entity; review 138: 3 of 150 items). The office of an institution ("ein Sprecher der
    israelischen Armee") speaks for it and keeps its links."""
    places = [m for m in _mentions_in(ctx, span[0].start, span[-1].end) if m.type == "LOC"]
    lexicon, gazetteer = role_lexicon(), load_gazetteer()
    # a place's word is only where the person belongs, but "US-Senatorin" is the office
    rest = [
        t
        for t in span
        if t.lower not in DETERMINERS
        and not (_covered(t, places) and ("-" not in t.text or not lexicon.role(t.text, gazetteer)))
    ]
    if not places or len(rest) != 1:
        return ids
    role = lexicon.compound_office(rest[0].text, gazetteer)
    if role is None:
        return ids
    place_ids = {m.entity_id for m in places}
    countries = {_code(ctx, i) for i in place_ids if i} | ({role[1]} if role[1] else set())
    holder = _office_holder(ctx, span[0].start, role[0], countries)
    return [holder] if holder else [i for i in ids if i not in place_ids]


def _without_topic_places(ctx: Context, start: int, end: int, ids: list[str]) -> list[str]:
    """ "Jemen-Experten", "Russland-Kenner", "US-Demokraten": a place that opens a compound
    for experts on it or a party's members is their topic or their party's country, not
    who speaks (review 149: such sources had been the country's); "US-Forscher" and
    "südkoreanische Medien" stay the country's."""
    places = [
        m
        for m in _mentions_in(ctx, start, end)
        if m.derived and "-" in m.text and _topic_head(m.text.rpartition("-")[2])
    ]
    drop = {m.entity_id for m in places}
    return [i for i in ids if i not in drop]


def _topic_head(word: str) -> bool:
    lower = word.lower()
    stems = [lower] + [lower[: -len(e)] for e in ("innen", "in", "en") if lower.endswith(e)]
    return any(stem in PARTY_MEMBERS for stem in stems) or lower.startswith(_TOPIC_HEADS)


# experts and those who know a place: "Jemen-Experten", "Russland-Kennerin"
_TOPIC_HEADS = ("experte", "expertin", "kenner")


def _code(ctx: Context, entity_id: str) -> str:
    """A place's ISO code where its entity has one ("US" for "US-" and "amerikanische")."""
    if ctx.codes is None:
        ctx.codes = {e.id: e.code for e in ctx.article.entities if e.code}
    return ctx.codes.get(entity_id, entity_id)


def _covered(tok: Token, mentions: list[Mention]) -> bool:
    return any(m.start <= tok.start and tok.end <= m.end for m in mentions)


def _mentions_in(ctx: Context, start: int, end: int) -> list[Mention]:
    index = bisect.bisect_left(ctx.starts, end)
    return [m for m in ctx.mentions[max(0, index - MAX_NP) : index] if m.end > start]


def _office_holder(ctx: Context, start: int, role: str, countries: set[str]) -> str | None:
    """The person named last before ``start`` (else first after it) right after the word
    of ``role`` with one of ``countries`` in it or just before it ("US-Präsident Trump",
    "Russlands Präsident Putin", "der russische Präsident Wladimir Putin")."""
    lexicon, gazetteer, text = role_lexicon(), load_gazetteer(), ctx.article.text
    index = bisect.bisect_left(ctx.person_ends, start)
    # before it, else after it: a teaser's "der US-Präsident" is named in the text below
    for person in [*reversed(ctx.persons[:index]), *ctx.persons[index:]]:
        words = list(_WORD.finditer(text, max(0, person.start - 60), person.start))
        named = lexicon.role(words[-1].group(), gazetteer) if words else None
        if named is None or named[0] != role or not person.entity_id or person.derived:
            continue
        own = {named[1]} if named[1] else set()
        before = words[-1].start()
        near = _mentions_in(ctx, words[max(0, len(words) - 3)].start(), before)
        own |= {_code(ctx, m.entity_id) for m in near if m.type == "LOC" and m.entity_id}
        if own & countries:
            return person.entity_id
    return None


# "heißt es in dem Papier", "in dieser Erklärung": a definite document alone points back
_DEFINITE = frozenset({"der", "dem", "den", "des", "dieser", "diesem", "diesen", "dieses"})


def _document_reference(toks: list[Token], hit: Found) -> bool:
    """ "dem Papier", "der Erklärung": a document named before, whose source is the one
    named last, as "den Angaben" is (review 260: "In der Erklärung heißt es, ..." after
    the presidential office's statement); not one a relative clause after it says which it
    is: "In der Absage-Mail, die sie erhielten, hieß es" (review 263: the mail had become
    the words of those who received it)."""
    span = toks[hit.first : hit.last]
    if len(span) != 2 or span[0].lower not in _DEFINITE or not document_noun(span[1].text):
        return False
    after = toks[hit.last : hit.last + 2]
    return not (len(after) == 2 and after[0].text == "," and after[1].lower in _WHICH)


# the relative pronouns that may open a clause after a document: "die", "das", "den", "dem"
_WHICH = RELATIVES | {"den", "dem", "denen", "welchen", "welchem"}


def _written_before(ctx: Context, start: int) -> tuple[str, int, int] | None:
    """For "heißt es in dem Papier": the source named last before ``start`` that did not
    report on a document ("Über das Papier berichteten der Merkur und dpa" wrote none of
    it; review 280: the CSU's draft had been theirs) and is no document itself ("so die
    Begründung"), None where there is none but such."""
    for source in reversed(ctx.named_sources):
        words = source[0].split()
        if len(words) == 2 and document_noun(words[1]):
            continue  # "so die Begründung": a document, no one who wrote it
        if source[2] <= start and (source[1], source[2]) not in ctx.reporters:
            return source
    return None


def _resolve_anaphor(
    ctx: Context, start: int, end: int, last: tuple[str, int, int] | None = None
) -> tuple[str, list[str]]:
    """ "Den Angaben zufolge": the source named last before it, with the entities it was
    resolved to ("teilte sein Büro mit ... hieß es in der Mitteilung" is the owner's, not
    what the words "sein Büro" link: review 280), else the words as they stand
    (``unresolved_source``)."""
    last = ctx.last_source if last is None else last
    if last is None or last[2] > start:
        return ctx.article.text[start:end], []
    ids = ctx.source_ids.get((last[1], last[2]))
    return last[0], list(ids) if ids is not None else linked_ids(ctx, last[1], last[2])


def ending_with_name(ctx: Context, toks: list[Token], hit: Found) -> Found:
    """A source phrase ends with a person's name before a dative object: in "sagte Merz
    der Zeitung" the newspaper is who he said it to. A genitive follows a common noun
    ("der Sprecher der Regierung"), not a name. So does it before another name, the object
    ("hatte Donald Trump Israel aufgefordert", "konterte Nielsen Trumps Ankündigung")."""
    start, end = toks[hit.first].start, toks[hit.last - 1].end
    index = bisect.bisect_left(ctx.starts, end)
    for mention in ctx.mentions[max(0, index - MAX_NP) : index]:
        if mention.type == "LOC" and mention.start >= start and not mention.derived:
            # also a place apposed to a noun: "laut dem ARD-Studio Paris Ausmaße" (review 169)
            hit = _ending_with_place(ctx, toks, hit, mention)
            hit = _place_after_plural(ctx.article.text, toks, hit, mention)
            continue
        if mention.type != "PER" or mention.derived or mention.start < start:
            continue
        after = next((j for j in range(hit.first, hit.last) if toks[j].start >= mention.end), None)
        if after is None or after == hit.first:
            continue
        if toks[after].lower in _OBJECT_ARTICLES or _opens_a_name(ctx, toks[after]):
            return replace(hit, last=after)
        # "Høibys Anwalt Petar Sekulic": a name in the genitive owns the noun after it
        if not _in_genitive(ctx.article.text, mention) and _common_noun(ctx, toks[after]):
            if hit.at == hit.last and toks[hit.at].lower in SOURCE_POSTPOSITIONS:
                # "von Premierministerin X Prognosen zufolge": before "zufolge" the
                # noun after the name is the source (review 138: it had been X)
                return replace(hit, first=after)
            return replace(hit, last=after)
    return _ending_with_role(ctx, toks, hit)


def _ending_with_place(ctx: Context, toks: list[Token], hit: Found, place: Mention) -> Found:
    """ "fordert Teheran Kriegsentschädigungen und Garantien": a place that opens a source
    phrase, not in the genitive, ends it before a noun of the dictionary right after it,
    the object (review 161: the object had been part of the source); so does a place
    apposed to a noun ("laut dem ARD-Studio Paris Ausmaße", review 169)."""
    apposed = place.start > toks[hit.first].start
    if not apposed and _in_genitive(ctx.article.text, place):
        return hit  # a genitive owns the noun after it: "Irans Außenminister"
    after = next((j for j in range(hit.first, hit.last) if toks[j].start >= place.end), None)
    if after is None or after == hit.first or toks[after].start > place.end + 1:
        return hit
    if apposed and after + 1 < hit.last and toks[after + 1].cls == "N":
        return hit  # a name that opens with a place: "Organisation Iran Human Rights"
    if speaker_noun(toks[after].text):
        return hit  # a role after its place: "München Oberbürgermeister Dieter Reiter"
    return replace(hit, last=after) if _common_noun(ctx, toks[after]) else hit


def _place_after_plural(text: str, toks: list[Token], hit: Found, place: Mention) -> Found:
    """ "Nachdem die meisten EU-Staaten Spanien kritisiert hatten": one place right after a
    plural noun is no apposition of it, which would agree with it in number ("die Staaten
    Spanien und Portugal" is one), but the verb's object (review 169: it had been part of
    the source)."""
    at = next((j for j in range(hit.first, hit.last) if toks[j].start == place.start), None)
    if at is None or at == hit.first or toks[at - 1].cls != "N":
        return hit
    ends = next((j for j in range(at, hit.last) if toks[j].end >= place.end), hit.last)
    after = toks[ends + 1].lower if ends + 1 < len(toks) else ""
    noun = toks[at - 1].text
    # "des Gebietes Charkiw", "des Kantons X": a genitive singular's -s is no plural
    plural = lemma_of(noun) != noun and not noun.endswith("s")
    genitive = _in_genitive(text, place)  # "die Behörden Spaniens" own it
    return replace(hit, last=at) if plural and not genitive and after not in LIST_ENDS else hit


def _in_genitive(text: str, mention: Mention) -> bool:
    """A name in the genitive: "Høibys", "Bas'", or "Merz'", whose apostrophe NER leaves out
    of the span (review 238: "sagte Merz' Sprecher Stefan Kornelius" had ended the source
    at "Merz'", the spokesman read as an object, where "Bas'" kept the whole phrase)."""
    return mention.text.endswith(("s", "'", "’")) or genitive_apostrophe(text, mention.end)


def _ending_with_role(ctx: Context, toks: list[Token], hit: Found) -> Found:
    """ "Erneut fordert der Bundeskanzler Einschnitte": after the verb, a noun for a person
    or an institution after its article ends the phrase before a noun of the dictionary in
    no name, the object (review 146: "der Bundeskanzler Einschnitte" had been the source),
    as a person's name does."""
    role = hit.first + 1
    if hit.first <= hit.at or role + 1 >= hit.last or toks[hit.first].cls != "D":
        return hit
    if toks[role].cls != "N" or not speaker_noun(toks[role].text) or _opens_a_name(ctx, toks[role]):
        return hit
    return replace(hit, last=role + 1) if _common_noun(ctx, toks[role + 1]) else hit


def _common_noun(ctx: Context, tok: Token) -> bool:
    """ "hat Kanzler Merz Konsequenzen angekündigt": a noun of the dictionary right after a
    person's name, and in no name NER found, is the object; a name takes no bare noun after
    it as an apposition (the object had been part of the source; review 123), unless it
    is a genitive, whose noun it owns ("Høibys Anwalt")."""
    if tok.cls != "N" or not tok.text[:1].isupper() or _opens_a_name(ctx, tok):
        return False
    lemma = lemma_of(tok.text)
    return is_known(tok.text, lang="de") and lemma[:1].isupper()


def _opens_a_name(ctx: Context, tok: Token) -> bool:
    """Whether NER found a name that begins at ``tok``."""
    index = bisect.bisect_left(ctx.starts, tok.start)
    return index < len(ctx.starts) and ctx.starts[index] == tok.start


_OBJECT_ARTICLES = frozenset({"der", "dem"})


def _past_place(toks: list[Token], j: int) -> int:
    """Past a place after a role, to the comma before its name: "sagte der Präsident der
    Regierung im Kanton Wallis, Mathias Reynard" (the role alone had been the source)."""
    if j + 2 >= len(toks) or toks[j].lower not in PLACE:
        return j
    end = np_forward(toks, j + 1, len(toks), coord=False, attach=False)
    return end if end > j + 1 and end < len(toks) and toks[end].text == "," else j


def with_apposed_name(ctx: Context, toks: list[Token], hit: Found) -> Found:
    """A role's phrase goes on to the person's name set off by commas after it: "sagte
    der Sprecher des Ministeriums, Max Müller, am Montag" is Max Müller's claim. Only a
    phrase without a person of its own, and a name that its commas or the sentence end
    close."""
    comma = _past_place(toks, hit.last)
    if comma + 1 >= len(toks) or toks[comma].text != "," or hit.first >= comma:
        return hit
    start, end = toks[hit.first].start, toks[_past_title(ctx, toks, comma + 1)].start
    first, last = bisect.bisect_left(ctx.starts, start), bisect.bisect_right(ctx.starts, end)
    people = [m for m in ctx.mentions[first:last] if m.type == "PER" and not m.derived]
    name = next((m for m in people if m.start == end), None)
    text = ctx.article.text
    if name is None or any(m.start < end and not _role_owner(text, start, m.start) for m in people):
        return hit
    after = next((j for j in range(comma + 1, len(toks)) if toks[j].start >= name.end), None)
    if after is not None and toks[after].text not in {",", "."}:
        return hit
    return replace(hit, last=len(toks) if after is None else after)


# "der außenpolitische Berater von Kremlchef X, Y,": a person after these is the role's owner
_ROLE_OWNER = re.compile(r"\b(?:von|vom|des|der)\s")


def _role_owner(text: str, start: int, person: int) -> bool:
    """Whether a person named inside a role's phrase is its owner, after "von" or a
    genitive past the phrase's first word ("der Berater von Kremlchef X", review 260: the
    apposed name after it, the adviser's, had been left out), not the role's holder."""
    opens = text.find(" ", start)
    return opens != -1 and _ROLE_OWNER.search(text, opens, person) is not None


def _past_title(ctx: Context, toks: list[Token], j: int) -> int:
    """Past one or two capitalised words in no name NER found before an apposed name, its
    title: "Die Ratsvorsitzende der EKD, Bischöfin Kirsten Fehrs, sagte" (review 146: the
    role alone had been the source, linked to the church); also after an article, "die
    Volkswirtin X", and past a word derived from a place, "US-Vizepräsident X" (review
    260)."""
    if j + 1 < len(toks) and toks[j].lower in _TITLE_ARTICLES:
        j += 1
    first = j
    while j < min(len(toks) - 1, first + 2) and toks[j].cls == "N" and toks[j].text[:1].isupper():
        index = bisect.bisect_right(ctx.starts, toks[j].start) - 1
        mention = ctx.mentions[index] if index >= 0 else None
        if mention is not None and mention.end > toks[j].start and not mention.derived:
            break  # a name's own word ("US-" of "US-Vizepräsident" is a title's)
        j += 1
    return j


_TITLE_ARTICLES = frozenset({"der", "die"})


_DATIVE_ROLE = re.compile(r"\bdem\s+(?:[a-zäöüß]+(?:e|en|em|er)\s+){0,2}([A-ZÄÖÜ][\w-]*)")


def _dative_role(ctx: Context, start: int) -> tuple[str, list[str]] | None:
    """ "Es gab nicht viele, die dem polnischen Umweltminister zustimmen würden. Er
    erklärte": an "er" that opens a sentence after one whose only person is a role in the
    dative, and whose subject is no "er", is that role, not a subject named before (review
    146: it had been "Die EU-Umweltminister" of the paragraph before). The role's person is
    not named, so it links no one."""
    text = ctx.article.text
    before = text[:start].rstrip()
    if not before.endswith((".", "!", "?")):
        return None
    opens = max(before.rfind(stop, 0, len(before) - 1) for stop in ".!?\n") + 1
    last = bisect.bisect_right(ctx.person_ends, start)
    if last and ctx.persons[last - 1].end > opens:
        return None  # a person named in that sentence: the usual antecedent
    subject = ctx.last_subject
    if subject is not None and subject[1] >= opens:
        return None  # "Der Minister stimmte dem Kanzler zu. Er sagte": the subject
    lexicon, gazetteer = role_lexicon(), load_gazetteer()
    for found in reversed(list(_DATIVE_ROLE.finditer(text, opens, len(before)))):
        if lexicon.compound_office(found.group(1), gazetteer) is not None:
            return text[found.start() : found.end()], []
    return None


def _claim_start(ctx: Context, toks: list[Token], hit: Found) -> int:
    """Where a pronoun's antecedent must end: before the claim, when the cue follows it
    ("Die Ukraine sei Trump egal, sagte er": not Trump, who is inside what was said; the
    claim runs from the sentence's start or its last colon, or from where a quote that
    closes before the cue opened in a sentence before), else before the pronoun."""
    after_claim = 0 < hit.at < hit.first and toks[hit.at - 1].text == ","
    if not after_claim:
        return toks[hit.first].start
    opened = _quote_opened_before(ctx.article.text, toks, hit.at - 1)
    if opened is not None:
        return opened
    colons = [t.end for t in toks[: hit.at] if t.text == ":"]
    return colons[-1] if colons else toks[0].start


# A closing quote mark and the marks that may open its quote.
_OPENERS = {'"': '"', "“": "„“", "”": "“„", "«": "»", "»": "«"}


def _quote_opened_before(text: str, toks: list[Token], comma: int) -> int | None:
    """Where the quote that closes right before the comma at ``comma`` opened, where that
    is before the sentence: '„… Also: Da hat X recht“, so der CDU-Politiker' is the one
    who began the quote a sentence before, not X (review 250: the epithet had been the
    person named last before the colon, or one named inside the quote)."""
    if comma < 1 or toks[comma - 1].text not in _OPENERS:
        return None
    close = toks[comma - 1].start
    openers = _OPENERS[toks[comma - 1].text]
    sentence = toks[0].start
    if any(text[j] in openers for j in range(sentence, close)):
        return None  # the quote opened in this sentence
    floor = max(0, sentence - CONTEXT_CHARS)
    return next((j for j in range(sentence - 1, floor - 1, -1) if text[j] in openers), None)


def _organisation_reference(span: list[Token]) -> bool:
    """ "das Unternehmen", "die Behörde": a body's generic noun after its article, alone."""
    return (
        len(span) == 2
        and span[0].lower in ("der", "die", "das")
        and span[1].lower in ORGANISATION_NOUNS
    )


def _organisation_before(ctx: Context, before: int) -> str | None:
    """The organisation NER named last before ``before``, no news agency: "DTEK, der
    größte Energiekonzern, erklärte ... Russland verübe ..., schrieb das Unternehmen" is
    DTEK (review 246)."""
    return _named_last_before(
        ctx, before, lambda m: m.type == "ORG" and m.text.lower() not in AGENCIES
    )


def _named_last_before(ctx: Context, before: int, wanted: Callable[[Mention], bool]) -> str | None:
    """The entity of the ``wanted`` mention, not a derived one, named last before
    ``before``, within ``CONTEXT_CHARS`` (and the 200 mentions before it)."""
    floor = max(0, before - CONTEXT_CHARS)
    index = bisect.bisect_left(ctx.starts, before)
    for m in reversed(ctx.mentions[max(0, index - 200) : index]):
        if m.start < floor:
            break
        if m.entity_id and not m.derived and m.end <= before and wanted(m):
            return m.entity_id
    return None


# The word alone, in the singular: "die Politiker" are many.
_POLITICIAN = frozenset({("der", "politiker"), ("die", "politikerin")})


def _country_reference(span: list[Token]) -> bool:
    """ "das Land": a country's generic noun after its article, alone."""
    return len(span) == 2 and span[0].lower == "das" and span[1].lower in COUNTRY_NOUNS


def _country_before(ctx: Context, before: int) -> str | None:
    """The country named last before ``before``: "Ungarn ... Das Land habe nichts zu
    verbergen, teilte das Land mit" is Hungary (review 250)."""
    return _named_last_before(ctx, before, lambda m: _country(m.text))


# "der CSU-Politiker", "der CDU-Kandidat" (review 253: the party had been linked, not the
# candidate named before)
_PARTY_HEADS = frozenset({"politiker", "politikerin", "kandidat", "kandidatin"})


def _party_epithet(span: list[Token]) -> bool:
    """ "sagte der CSU-Politiker", "so der Republikaner", "der SPD-Kandidat": a person named
    before, called by party, not the party (whose name NER tags as a part of the word, or
    alone)."""
    if len(span) != 2 or span[0].lower not in ("der", "die"):
        return False
    word = span[1].lower
    head = word.rpartition("-")[2]
    if "-" in word and head in _PARTY_HEADS:
        return True
    if (span[0].lower, word) in _POLITICIAN:
        return True  # "sprach der Politiker", a person named before (review 250: unlinked)
    # "so der Republikaner", "sagte die Demokratin": a member, in the singular ("die
    # Republikaner" is the party).
    if span[0].lower == "der":
        return word in PARTY_MEMBERS
    return word.endswith("in") and word[:-2] in PARTY_MEMBERS


def _epithet_person(ctx: Context, word: str, claim_start: int) -> list[str]:
    """Whom "der CDU-Politiker" is: the latest person before what was said that the article
    ties to that party ("CDU-Chef Jan Roth", "Jan Roth (CDU)"); else whom the source of the
    sentence before or this one names, else the person named last (as a pronoun's), but
    never one the article ties to another party only (review 270: "... mit Trump und
    Staatschef Putin. Es habe ... gegeben, sagte der CDU-Politiker" had been Putin, named
    last, not Merz, who spoke in the sentence before)."""
    if ctx.ties is None:
        ctx.ties = party_ties(ctx.article.text, ctx.persons, _titles(ctx))
    parties = epithet_parties(word)
    tied = _tied_before(ctx, parties, claim_start) if parties else None
    if tied is not None:
        return [tied]
    speaker = _speaker_before(ctx, claim_start)
    named_last = _resolve_pronoun(ctx, claim_start, word)[1]
    for candidate in ([speaker] if speaker else []) + named_last:
        if not parties or not ctx.ties.get(candidate, parties).isdisjoint(parties):
            return [candidate]  # of that party, or tied to none
    return []


def _tied_before(ctx: Context, parties: frozenset[str], before: int) -> str | None:
    """The latest person before ``before``, within ``CONTEXT_CHARS``, whom the article ties
    to one of ``parties``."""
    ties = ctx.ties or {}
    floor = before - CONTEXT_CHARS
    for person in reversed(ctx.persons[: bisect.bisect_right(ctx.person_ends, before)]):
        if person.start < floor:
            break
        if person.entity_id and not ties.get(person.entity_id, frozenset()).isdisjoint(parties):
            return person.entity_id
    return None


def _speaker_before(ctx: Context, before: int) -> str | None:
    """The person linked by the latest attribution found in the sentence of ``before`` or
    the two before it: "Er sprach von Bildern. Es sei ... - so hat Kanzler X das Treffen von
    Y und Z zusammengefasst. Es habe ..., sagte der CDU-Politiker" is X, who spoke."""
    sentence = bisect.bisect_right(ctx.sentence_starts, before) - 1
    floor = ctx.sentence_starts[max(0, sentence - 2)] if ctx.sentence_starts else 0
    for at, person in reversed(ctx.speakers):
        if at < floor:
            break
        if at < before:
            return person
    return None


def _plural_subject(toks: list[Token], hit: Found) -> bool:
    """Whether "sie" has a plural verb (sie befürchten): a group, not the last person."""
    for tok in toks[hit.last : hit.last + 2] + toks[max(0, hit.first - 2) : hit.first]:
        lower = tok.lower
        if lower in AUXILIARIES or lemma_of(lower) in VERBS or verb_lemma(lower) in SEPARABLE:
            return _plural_form(lower)
    if hit.first > 0 and toks[hit.first - 1].lower in SUBORDINATORS and hit.at > hit.last:
        # "wie sie am Abend mitteilten": a clause's finite verb stands at its end, its
        # auxiliary after the participle ("wie sie zuvor mitgeteilt hatten"); the group
        # had been the last person named (review 138)
        after = toks[hit.at + 1].lower if hit.at + 1 < len(toks) else ""
        verb = after if after in AUXILIARIES else toks[hit.at].lower
        return not participle(verb) and _plural_form(verb)
    return False


def _plural_form(lower: str) -> bool:
    return lower.endswith(_PLURAL_ENDINGS) or lower in {"sind", "waren"}


# "sie fordern", "sie äußern", "sie handeln": a verb in -ern or -eln has its plural in -n
# (review 149: "sie fordern" had been the last person's)
_PLURAL_ENDINGS = ("en", "ern", "eln")


def _resolve_pronoun(
    ctx: Context, start: int, pronoun: str, latest: bool = False
) -> tuple[str, list[str]]:
    """The last person named before ``start`` (see ``antecedent``; with ``latest``, for a
    demonstrative, the one named last, not the subject before), unless the subject of
    that person's sentence came before it and fits the pronoun: "Die Polizei nahm Peter
    Müller fest. Sie wirft ihm Betrug vor" is the police (a pronoun continues the last
    subject)."""
    index = bisect.bisect_right(ctx.person_ends, start)
    persons = ctx.persons[max(0, index - 8) : index]
    person = antecedent(ctx.article.text, persons, start, latest=latest)
    subject = ctx.last_subject if ctx.last_subject and ctx.last_subject[2] <= start else None
    if pronoun.lower() == "er" and subject is not None and subject == ctx.last_group:
        subject = None  # "Stromausfälle waren die Folge ..., wie er sagt": "er" is one
    if subject is not None and (
        person is None or (not latest and _subject_first(ctx, subject, person, pronoun))
    ):
        text, a, b = subject
        return text, linked_ids(ctx, a, b)
    if person is not None:
        return person.text, [person.entity_id] if person.entity_id else []
    return pronoun, []


def antecedent(
    text: str, persons: list[Mention], at: int | None = None, latest: bool = False
) -> Mention | None:
    """Of the persons named before a pronoun (in text order), the last one in the sentence
    of the last that is not in a prepositional phrase: "Trump will sich mit Kremlchef Putin
    treffen. Das kündigte er an" is Trump. With the pronoun's offset ``at``, a name only in
    a prepositional phrase of the pronoun's own sentence is not it: "In einem Podcast mit
    dem Journalisten X erklärte er" is someone named before (review 138: it had been X)."""
    if at is not None:
        persons = [p for p in persons if not _genitive_of_thing(text, p)]
    if not persons:
        return None
    if latest:
        return persons[-1]  # "dieser": the one named last, in a prepositional phrase too
    sentence_start = max(text.rfind(stop, 0, persons[-1].start) for stop in ".!?\n")
    same = [p for p in persons if p.start > sentence_start]
    free = [p for p in same if not _in_prepositional_phrase(text, p.start)]
    opens = bool(free) and _opens_its_sentence(
        text, _after_colon(text, sentence_start, free[0]), free[0]
    )
    if at is not None and opens:
        before, clause = text[persons[-1].end : at], text[free[0].end : free[-1].start]
        # one clause: in "X ist gestürzt, sagte Y" and "..., laut Y" Y speaks
        if any(stop in before for stop in ".!?\n") and not _CLAUSE_MARKS.search(clause):
            # "Olaf Scholz traf Emmanuel Macron. Er sagte": a pronoun that opens a later
            # sentence goes on with the subject, not the object (review 146: the object
            # had been it)
            return free[0]
    if (
        not free
        and at is not None
        and not any(stop in text[sentence_start + 1 : at] for stop in ".!?\n")
    ):
        return antecedent(text, persons[: len(persons) - len(same)])
    return (free or same)[-1]


def _after_colon(text: str, sentence_start: int, person: Mention) -> int:
    """Where the clause that a person may open begins: the sentence's start, or after a
    colon before the name ("Und schon jetzt setzt der Wahlsieger Zeichen: Magyar forderte
    Präsident X zum Rücktritt auf. Er habe ..." is Magyar; review 153: it had been X, the
    object, as the sentence opened before the colon)."""
    colon = text.rfind(": ", sentence_start + 1, person.start)
    return colon + 2 if colon >= 0 else sentence_start + 1


_PHRASE_WORD = re.compile(r"([\w-]+)[ ]+$")
_CLAUSE_MARKS = re.compile(r"[,;:\"„“”»«–]| - ")
# titles, roles, their articles and inflected adjectives: "Frankreichs Präsident", "Der
# britische Premierminister"
_OPENING = re.compile(
    r"\s*(?:[A-ZÄÖÜ][\w.-]*\s+|(?:der|die|das|des)\s+|[a-zäöü]+(?:e|en|er|es)\s+)*$"
)
_VERB_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?([a-zäöüß]+)\b")


_NOUN_BEFORE = re.compile(
    r"\b(?i:der|die|das|des|dem|den|ein|eine|einer|eines|einem|einen)\s+"
    r"(?:[a-zäöüß]+\s+){0,2}([A-ZÄÖÜ][\w-]*)\s+$"
)


def _genitive_of_thing(text: str, person: Mention) -> bool:
    """Whether a name is the bare genitive of a noun for no person: "Die Auferstehung Jesu",
    "die Aussagen Pantisanos" name a thing, whose "sie" or "er" the person is not (review
    146: "Die Auferstehung Jesu sei ... Sie bekräftige" had been Jesus, not the bishop
    quoted); after a person's noun the name is the person ("die Ministerin Anna Weber")."""
    name = person.text
    if not (_in_genitive(text, person) or name in LATIN_GENITIVES):
        return False
    found = _NOUN_BEFORE.search(text, max(0, person.start - 60), person.start)
    if found is None:
        return False
    noun = found.group(1)
    return lemma_of(noun)[:1].isupper() and not speaker_noun(noun)  # not "Der Parteilose"


def _opens_its_sentence(text: str, sentence_start: int, person: Mention) -> bool:
    """Whether a person's name is the subject that opens its sentence: only titles, roles
    and their articles before it ("Frankreichs Präsident Emmanuel Macron"), and a verb after
    it ("traf", "hat"), past a bracket ("Olaf Scholz (SPD) traf")."""
    if not _OPENING.fullmatch(text, sentence_start, person.start):
        return False
    found = _VERB_AFTER.match(text, person.end)
    if found is None:
        return False
    word = found.group(1)
    return word not in PREPOSITIONS and word not in DETERMINERS and word not in _NOT_VERBS


def _in_prepositional_phrase(text: str, start: int) -> bool:
    """Whether a preposition opens the phrase a name at ``start`` ends: "mit Putin",
    "gegen den russischen Präsidenten Putin"; up to four words back over determiners,
    inflected adjectives and capitalised titles."""
    end = start
    for _ in range(4):
        found = _PHRASE_WORD.search(text, max(0, end - 40), end)
        if found is None:
            return False
        word = found.group(1)
        lower = word.lower()
        if lower in PREPOSITIONS:
            return not _names_a_source(text, found.start(), lower)
        adjective = len(word) > 3 and lower == word and lower.endswith(ADJECTIVE_ENDINGS)
        if not (word[:1].isupper() or lower in DETERMINERS or adjective):
            return False
        end = found.start()
    return False


def _names_a_source(text: str, at: int, preposition: str) -> bool:
    """ "laut Trump", "nach Angaben von Präsident Trump": the phrase names who speaks, who
    is the likely "er" of the next "sagte er"."""
    if preposition == "laut":
        return True
    before = _PHRASE_WORD.search(text, max(0, at - 40), at)
    return before is not None and before.group(1) in ("Angaben", "Berufung")


def _subject_first(
    ctx: Context, subject: tuple[str, int, int], person: Mention, pronoun: str
) -> bool:
    """Whether the subject goes before a person named after it in its sentence: only when
    its article agrees with the pronoun ("die Polizei" is "sie", not "er"), and not when
    the person is the subject's apposition ("Der Präsident des DIW, Marcel Fratzscher,")."""
    end = subject[2]
    article = subject[0].split(maxsplit=1)[0].lower()
    agrees = article in PRONOUN_ARTICLES.get(pronoun.lower(), ())
    if person.end <= subject[1]:
        # "X schreibt. Eine junge Mutter sitzt vor dem Zelt. Sie wisse nicht ..., sagt sie":
        # a subject named after the person is the later one (review 138: it had been X),
        # unless it may be that person again ("der CDU-Politiker", "Der 26-Jährige")
        return agrees and not _may_point_back(subject[0], article) and not _abstract(subject[0])
    between = ctx.article.text[end : person.start]
    if person.start < end or not between.strip(" ,") or any(stop in between for stop in ".!?"):
        return False
    return agrees


def _abstract(subject: str) -> bool:
    """Whether a subject's noun is abstract ("Die Auferstehung Jesu", "Die Entscheidung"):
    no speaker, so a pronoun after it that says something is the person before (review
    146: "Sie bekräftige" had been "Die Auferstehung Jesu", linked to Jesus)."""
    head = next((w for w in subject.split()[1:] if w[:1].isupper()), "")
    return head.lower().endswith(NON_AGENT_ENDINGS) and not speaker_noun(head)


def _may_point_back(subject: str, article: str) -> bool:
    """A definite subject whose head is a noun for a person: "der Präsident", "der
    CDU-Politiker", "Der 26-Jährige" may be the person named before."""
    head = subject.rsplit(maxsplit=1)[-1]
    if article not in ("der", "die") or not head.rsplit("-", 1)[-1][:1].isupper():
        return False
    return speaker_noun(head) or head.lower().endswith(("jährige", "jähriger"))


def _resolve_group(
    ctx: Context, start: int, pronoun: str, kind: str = "report"
) -> tuple[str, list[str]]:
    """ "Die USA und ihre Verbündeten sind besorgt. … Sie befürchten …": a plural "sie" is
    the last subject that names several ("und"), else it stays unresolved; not a group of
    media where the "sie" reports nothing (``kind``)."""
    group = ctx.last_group if ctx.last_group and ctx.last_group[2] <= start else None
    if group is not None and kind != "report" and _only_media(group[0]):
        group = None  # "Die Agentur X und Medien schätzten ... forderten sie" (review 157)
    own, opens = _sentence_starts(ctx, start)
    # one tokenization of this sentence (up to the "sie") and the one before serves both
    # readings; apart, as a glued "zurückzuschicken.20 Staaten" is one token across them
    toks = tokenize(ctx.article.text, own, start)
    here = _opening_group(ctx, toks)
    if here is not None:
        group = here  # "20 Staaten haben sich ... gewandt - sie fordern darin"
    elif group is None or group[2] < opens:
        # none in this sentence or the one before: the last plural noun for people there
        # ("bei Wirtschaftsvertretern und Gewerkschaften ... Sie befürchten"; review 153:
        # such had stayed "Sie", or gone to a group further back)
        before = tokenize(ctx.article.text, opens, own) if opens < own else []
        group = _plural_people(ctx, before + toks) or group
    if group is not None:
        text, a, b = group
        return text, linked_ids(ctx, a, b)
    return pronoun, []


def _only_media(group: str) -> bool:
    """Whether each phrase of a group has a noun for the media ("Die Nachrichtenagentur
    Anka und oppositionsnahe Medien", "Staatsmedien")."""
    phrases = re.split(r",|\bund\b|\bsowie\b", group)
    return all(
        any(w[:1].isupper() and w.lower().endswith(MEDIA_ENDINGS) for w in p.split())
        for p in phrases
    )


def _sentence_starts(ctx: Context, start: int) -> tuple[int, int]:
    """Where the sentence at ``start`` begins and where the one before it does."""
    starts = ctx.sentence_starts
    if not starts:
        return 0, 0
    index = max(0, bisect.bisect_right(starts, start) - 1)
    return starts[index], starts[max(0, index - 1)]


def _opening_group(ctx: Context, toks: list[Token]) -> tuple[str, int, int] | None:
    """The plural subject that opens the sentence of a "sie" later in it ("Die Demokraten
    wollen X des Amtes entheben – sie werfen ihm ... vor"), from its tokens up to the "sie"."""
    end = _opening_subject(toks)
    if not (0 < end < len(toks) and toks[0].cls not in "PB" and _plural_verb(toks[end])):
        return _subject_after_verb(ctx, toks)
    return ctx.article.text[toks[0].start : toks[end - 1].end], toks[0].start, toks[end - 1].end


def _subject_after_verb(ctx: Context, toks: list[Token]) -> tuple[str, int, int] | None:
    """The plural subject right after the plural verb that follows an adverbial opening
    the sentence: "Zuvor hatten die Huthi ... beschossen, nachdem sie ... angekündigt
    hatten" (review 157: the "sie" had been a group named sentences before)."""
    verb = next((j for j in range(1, min(len(toks), 8)) if verb_like(toks[j])), None)
    if verb is None or any(t.cls in "PB" for t in toks[:verb]) or not _plural_verb(toks[verb]):
        return None
    first = verb + 1
    if first >= len(toks) or toks[first].lower not in PLURAL_DETERMINERS:
        return None
    end = np_forward(toks, first, len(toks), coord=False)
    if end <= first + 1 or toks[end - 1].cls != "N":
        return None
    return (
        ctx.article.text[toks[first].start : toks[end - 1].end],
        toks[first].start,
        toks[end - 1].end,
    )


def _plural_people(ctx: Context, toks: list[Token]) -> tuple[str, int, int] | None:
    """The last noun phrase in ``toks`` whose head is a plural noun for people or
    institutions by the lexicon's roles and endings ("Journalisten", "Demokraten",
    "Gewerkschaften", "Ökonomen", "die Forscher"), with its article and adjectives."""
    for k in range(len(toks) - 1, -1, -1):
        tok = toks[k]
        if tok.cls != "N" or not tok.text[:1].isupper():
            continue
        singular = lemma_of(tok.text)
        genitive = tok.text in (singular + "s", singular + "es")  # "des Amtes"
        plural = singular != tok.text or _plural_by_its_article(toks, k)
        if plural and not genitive and speaker_noun(singular):
            first = np_backward(toks, k + 1, 0)
            # "die Zahl der Demonstranten": the genitive's people, not the number
            first = max([first] + [g + 1 for g in range(first + 1, k) if _genitive_of(toks, g)])
            if first > 1 and toks[first - 1].lower in LIST_ENDS:
                # "bei Wirtschaftsvertretern und Gewerkschaften"
                first = min(first, np_backward(toks, first - 1, 0))
            end = _list_tail(toks, k)
            return ctx.article.text[toks[first].start : end], toks[first].start, end
    return None


def _list_tail(toks: list[Token], k: int) -> int:
    """Where a list that the plural at ``k`` opens ends: its other half is a noun phrase
    after "und" ("erfahrene Lehrer und Investoren", "Lehrer und Eltern"; review 157 left
    "Investoren" out, as no noun for people by its ending)."""
    if k + 2 >= len(toks) or toks[k + 1].lower not in LIST_ENDS:
        return toks[k].end
    end = np_forward(toks, k + 2, len(toks), coord=False)
    last = toks[end - 1] if end > k + 2 else None
    if last is None or last.cls != "N" or not last.text[:1].isupper():
        return toks[k].end
    return last.end


def _plural_by_its_article(toks: list[Token], k: int) -> bool:
    """Whether a noun in "-er" whose plural is its singular ("Forscher", "Vertreter") is
    plural by what opens its phrase: "die" (its singular has "der"), a plural's determiner
    or a number, or nothing at the clause's start ("Beobachter befürchten"); review 157.
    After a verb too ("Im Saal saßen Beobachter"), not after an ordinal or a preposition:
    "des 7. Oktober", "im Oktober" (a first version took any word but a determiner before
    it, and "Oktober" for a group)."""
    if not toks[k].lower.endswith("er"):
        return False
    j = k - 1
    while j >= 0 and toks[j].cls == "A":
        j -= 1
    if j < 0 or toks[j].cls == "B":
        return True
    before = toks[j].lower
    if before in PLURAL_DETERMINERS or is_number(before):
        return True
    # after a verb: "Im Saal saßen Beobachter"
    return toks[j].cls == "O" and before.isalpha() and before not in PREPOSITIONS


def _genitive_of(toks: list[Token], g: int) -> bool:
    """Whether the token at ``g`` is a plural genitive's "der" after a noun."""
    return toks[g].lower == "der" and toks[g - 1].cls == "N"


def linked_ids(ctx: Context, start: int, end: int) -> list[str]:
    """Entity ids of the mentions that overlap ``[start, end)``, in text order; a word
    derived from a name counts only where no name does: "US-Präsident Donald Trump" is
    Trump, not also the USA, while "südkoreanische Medien" are Südkorea's."""
    index = bisect.bisect_left(ctx.starts, end)
    # a long list of names ("schrieben Merz, von der Leyen, ... und Costa") holds more
    # mentions than a phrase does
    first = min(index - MAX_NP, bisect.bisect_left(ctx.starts, start) - 1)
    text = ctx.article.text
    inside = [
        m
        for m in ctx.mentions[max(0, first) : index]
        if m.end > start and not _run_on(text, m, start)
    ]
    if not inside:
        return _by_surname(ctx, start, end)
    named = [m for m in inside if m.entity_id and not m.derived]
    linked = named or [m for m in inside if m.entity_id]
    who = [
        m
        for m in linked
        if not _qualifying_place(text, start, m, linked)
        and not _owner(text, m, linked)
        and not _apposed_owner(text, start, m, linked)
    ]
    return list(dict.fromkeys(m.entity_id for m in who if m.entity_id))


def _run_on(text: str, mention: Mention, start: int) -> bool:
    """A name that begins inside the word the source begins with, a glued ticker line's two
    names run together ("MoskauSelenskyj fordert ..." with the source "Selenskyj"): no
    entity of the source's (review 253: the run-on entity had been linked, which the
    story's sources leave out as no one's, beside "Wolodymyr Selenskyj"). A word derived
    from a name keeps its entity ("Iran-KriegsIran" is Iran's)."""
    glued = not any(c.isspace() for c in text[mention.start : start])
    return mention.start < start and glued and not mention.derived


def _by_surname(ctx: Context, start: int, end: int) -> list[str]:
    """A source that no mention overlaps, whose last word NER missed there: the person
    named with it as surname ("sagte Preis", "Ministerin Reiche", a run-on's "Selenskyj"),
    or for a source of that word alone, a name NER found as that word elsewhere ("Moskau",
    "Iran"); the one named last before the source, else first after it (review 253: a
    common word's surname or a glued line's name had been left unlinked)."""
    words = ctx.article.text[start:end].split()
    surname = words[-1] if words else ""
    if not surname[:1].isupper() or not surname.isalpha():
        return []
    if ctx.surnames is None:
        ctx.surnames = _surnames(ctx.mentions)
    alone = len(words) == 1
    named = [m for m in ctx.surnames.get(surname, []) if alone or m.type == "PER"]
    before = [m for m in named if m.end <= start]
    chosen = before[-1] if before else next((m for m in named if m.start >= end), None)
    return [chosen.entity_id] if chosen is not None and chosen.entity_id else []


def _surnames(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Each name's word: a mention of one word, and the last word of a person's name of
    more ("Thomas Preis" under "Preis"); the mentions in text order."""
    found: dict[str, list[Mention]] = {}
    for m in mentions:
        words = m.text.split()
        if not m.entity_id or m.derived or not words or (len(words) > 1 and m.type != "PER"):
            continue
        found.setdefault(words[-1], []).append(m)
    return found


# a genitive's end ("Comeys", "Merz'") and the noun or two before the name it owns
# one or two nouns, after up to two inflected adjectives ("Putins außenpolitischer Berater
# Juri X" is the adviser; review 246: the adjective had kept Putin linked beside him)
_OWNED = re.compile(
    r"['’‘]?[ ](?:[a-zäöüß][\w-]*(?:e|en|er|es|em)[ ]){0,2}(?:[A-ZÄÖÜ][\w-]*[ ]){1,2}"
)


def _owner(text: str, mention: Mention, linked: list[Mention]) -> bool:
    """A person's name in the genitive before a noun and another person's name: "Comeys
    Anwalt Patrick Fitzgerald", "Halas‘ Kollege Peter Nordlander" are the lawyer and the
    colleague, not their owner (review 234: both had been linked, or the owner alone)."""
    if mention.type != "PER" or not mention.text.endswith(("s", "x", "z", "ß")):
        return False
    return any(
        m.type == "PER" and m.start > mention.end and _OWNED.fullmatch(text, mention.end, m.start)
        for m in linked
    )


# ", Juri Uschakow", ", die Volkswirtin X": a comma and up to an article and two words
_APPOSED = re.compile(r",\s+(?:(?:der|die)\s+)?(?:\S+\s+){0,2}")


def _apposed_owner(text: str, start: int, mention: Mention, linked: list[Mention]) -> bool:
    """A person inside a role's phrase who owns the role, with the role's holder named
    after a comma: "der Berater von Kremlchef X, Juri Uschakow" is the adviser (review 260:
    the owner had been the source, or linked beside him)."""
    if mention.type != "PER" or not _role_owner(text, start, mention.start):
        return False
    return any(
        m.type == "PER" and m.start > mention.end and _APPOSED.fullmatch(text, mention.end, m.start)
        for m in linked
    )


def _qualifying_place(text: str, start: int, mention: Mention, linked: list[Mention]) -> bool:
    """A place's name that only says whose office the source holds, not who speaks: beside
    a person ("Frankreichs Präsident Macron" is Macron), or after a preposition or a
    genitive article past the source's first word ("Der Bürgermeister von Köln", "Die
    Polizei in Köln", "Der Sprecher der Stadt Köln": the mayor, not Köln, review 114),
    unless it is a country's. A place that heads the source ("Russland und Nordkorea",
    "Die Stadt Köln") stays it."""
    if mention.type != "LOC" or mention.derived:
        return False
    if any(m.type == "PER" for m in linked):
        return True
    words = _WORD.findall(text, start, mention.start)
    after = any(w.lower() in PREPOSITIONS or w.lower() in _GENITIVE_ARTICLES for w in words[1:])
    return (after or _seat(words)) and not _country(mention.text)


def _seat(words: list[str]) -> bool:
    """ "der Polizei Berlin", "die Staatsanwaltschaft Köln": a city right after a noun that
    is no place's is where the institution sits, not who speaks (review 146: "laut der
    Polizei Berlin" had been Berlin's); "Die Stadt Köln" is the city."""
    if not words or words[-1] in PLACE_NOUNS:
        return False
    return lemma_of(words[-1])[:1].isupper()  # a noun: not "Auch Kiew meldete"


def _country(name: str) -> bool:
    """A country's name: "Vertreter der USA und der Ukraine" speak for the two countries,
    as "die USA" would, where a city's mayor or club does not for the city."""
    hit = load_gazetteer().name(name)
    return hit is not None and hit.place.kind == "country"


_WORD = re.compile(r"[\w-]+")
_GENITIVE_ARTICLES = frozenset({"der", "des"})
# words after a name that show it is no subject of a verb: "Scholz und Macron", "Scholz als"
_NOT_VERBS = frozenset({"und", "oder", "als", "wie", "sowie", "zufolge", "selbst"})


def _group_type(span: list[Token]) -> str | None:
    words = [t.lower for t in span]
    if not any(w in QUANTIFIERS for w in words):
        return None
    return GROUPS.get(span[-1].text)


def _group_members(ctx: Context, kind: str, before: int) -> list[tuple[str, str | None]]:
    """The two entities a group names: the nearest "A und B" of the right type, else the
    two last distinct ones (from NER mentions, or from country names when there are none)."""
    floor = max(0, before - CONTEXT_CHARS)
    if ctx.mentions:
        index = bisect.bisect_left(ctx.starts, before)
        window = [m for m in ctx.mentions[max(0, index - 200) : index] if m.start >= floor]
        candidates = [
            (m.start, m.end, m.text, m.entity_id)
            for m in window
            if (kind == "ANY" or m.type == kind) and not m.derived
        ]
    elif kind == "LOC":
        candidates = [
            (s, e, w, None) for s, e, w in _country_names(ctx.article.text, floor, before)
        ]
    else:
        return []
    return _pair(ctx.article.text, candidates)


def _pair(
    text: str, candidates: list[tuple[int, int, str, str | None]]
) -> list[tuple[str, str | None]]:
    pairs = zip(candidates[-2::-1], candidates[::-1], strict=False)
    for (_, e1, t1, i1), (s2, _, t2, i2) in pairs:
        if text[e1:s2].strip() in {"und", "sowie", ","} and (i1 or t1) != (i2 or t2):
            return [(t1, i1), (t2, i2)]
    distinct: list[tuple[str, str | None]] = []
    for _, _, name, ident in reversed(candidates):
        if all((ident or name) != (i or n) for n, i in distinct):
            distinct.insert(0, (name, ident))
        if len(distinct) == 2:
            return distinct
    return []


def _country_names(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """Country names (not adjectives) in ``text[start:end]``, by the entities' gazetteer."""
    gazetteer = load_gazetteer()
    for match in re.finditer(r"\w[\w-]*", text[start:end]):
        hit = gazetteer.name(match.group()) if match.group()[:1].isupper() else None
        if hit is not None and hit.place.kind == "country" and not hit.derived:
            yield start + match.start(), start + match.end(), match.group()


def names_someone(ctx: Context, a: int, b: int) -> bool:
    """A person's or organisation's name overlaps ``[a, b)`` ("Iranische" is no one)."""
    # only the mentions that start at most the longest one's length before ``a`` can reach
    # it: every mention of the article per claim was quadratic in a huge text
    first = bisect.bisect_left(ctx.starts, a - ctx.longest)
    return any(
        m.type in ("PER", "ORG") and not m.derived and m.start < b and a < m.end
        for m in ctx.mentions[first : bisect.bisect_left(ctx.starts, b)]
    )


# The first person of an interview's answer, resolved to the answer's speaker; "wir" stays:
# the code has no way from a person to the party or firm he speaks for (review 228).
_FIRST_PERSON = frozenset({"ich"})


def answer_speakers(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """A source "ich" inside an interview's answer ("Anna Beispiel: Ich glaube, ...") as the
    person the answer's label names, as the stance step reads an answer; the answer runs to
    the next label, so the asker's "ich" stays the asker's, and on over the paragraphs
    with no label after it (an answer's next paragraph) up to a heading."""
    if not any(a.source.lower() in _FIRST_PERSON for a in found):
        return found  # most articles: no answer needs reading
    runs: list[tuple[int, int, Mention | None]] = []
    for block in ctx.article.blocks:
        if block.start < 0:
            continue
        if block.kind is not BlockKind.PARAGRAPH:
            runs.append((block.start, block.end, None))  # a heading ends the answer
            continue
        labelled = _answer_runs(ctx, block)
        speaker = runs[-1][2] if runs else None
        runs += labelled or [(block.start, block.end, speaker)]
    return [_as_speaker(a, runs) if a.source.lower() in _FIRST_PERSON else a for a in found]


def _answer_runs(ctx: Context, block: Block) -> list[tuple[int, int, Mention | None]]:
    """(start, end, speaker) of each labelled run of a paragraph; speaker None where the
    label is an asker's ("Frage:", "HSS:"). A paragraph's text before its first label is
    the author's: the lead that runs into the interview."""
    text, offset = block.text, block.start
    found = [m for m in (ANSWER.match(text), *ANSWER_INSIDE.finditer(text)) if m]
    # "Deswegen: Wir brauchen ..." is no label: only a person's name or an asker's
    labels = [
        m for m in found if ASKER.fullmatch(m.group(1)) or _labelled_person(ctx, m.group(1), 0)
    ]
    if not labels:
        return []
    ends = [m.start(1) for m in labels[1:]] + [len(text)]
    runs = [(offset, offset + labels[0].start(1), None)] if labels[0].start(1) > 0 else []
    return runs + [
        (offset + m.start(1), offset + end, _labelled_person(ctx, m.group(1), offset + m.start(1)))
        for m, end in zip(labels, ends, strict=True)
    ]


def _labelled_person(ctx: Context, label: str, at: int) -> Mention | None:
    """The person the article names as ``label`` in full or by surname, the last before
    ``at`` (the label itself is often no mention), else the first after it."""
    named = [m for m in ctx.persons if m.text == label or m.text.endswith(" " + label)]
    before = [m for m in named if m.end <= at and m.text != label] or [
        m for m in named if m.end <= at
    ]
    return before[-1] if before else (min(named, key=lambda m: m.start) if named else None)


def _as_speaker(found: Attribution, runs: list[tuple[int, int, Mention | None]]) -> Attribution:
    """``found`` with the speaker of the answer its "ich" stands in, if any."""
    at = found.source_start if found.source_start >= 0 else found.start
    for start, end, person in runs:
        if start <= at < end and person is not None:
            ids = [person.entity_id] if person.entity_id else []
            return replace(found, source=person.text, entity_ids=ids)
    return found
