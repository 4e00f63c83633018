"""Who takes part in one event: the names of its trigger's clause (or of the clause that
governs it) that can act, cut to its "zwischen"/"von" phrase or its own phrase, to its
conjunct of the clause and past another "mit"; the names its compound is made of
("Trump-Putin-Treffen"), every country of a joined nationality adjective, and a subject
"er"; and the names that are no party of it (a speaker at another meeting, who acts in an
extended attribute)."""

from __future__ import annotations

from functools import cache

from chronik.analysis.attribution_resolution import antecedent
from chronik.analysis.event_actors import (
    AGENT,
    NO_PARTY,
    PARTNER,
    actor_roles,
    asker_span,
    country_name,
    subject_role,
)
from chronik.analysis.event_context import Context, earlier_sentence_start
from chronik.analysis.event_grammar import (
    PREPOSED,
    TIME_PREPOSITIONS,
    auxiliaries,
    conjugated,
    controller,
    cue_labels,
    event_noun_type,
    inflected_participle,
    matrix_clause,
    noun_phrase_start,
    opening_word,
    reporting_clauses,
    word_before_noun_phrase,
)
from chronik.analysis.event_parties import (
    AGENT_PREPOSITIONS,
    after_other_between,
    can_act,
    modifies_a_noun,
    town_of_the_noun,
)
from chronik.analysis.event_phrases import CONDITION_PREPOSITIONS, own_phrase, words_up_to_a_verb
from chronik.analysis.event_places import PHRASE_STOPS
from chronik.analysis.event_sentence import (
    DETERMINERS,
    Clause,
    SentenceView,
    Token,
    Trigger,
    finite_verb,
    inflected_adjective,
    lexicon,
    participle,
    seam,
)
from chronik.analysis.event_sources import after_source_marker, attributions_over, in_clause
from chronik.analysis.event_times import condition_of
from chronik.analysis.gazetteer import fold
from chronik.analysis.german import ADJECTIVE_ENDINGS
from chronik.model import Article, Attribution, Entity, Mention

# After an event noun, these name all its parties ("von" only where "und" joins two).
_PARTIES = AGENT_PREPOSITIONS | {"zwischen"}


_JOINED_AT = frozenset({"an", "am", "bei", "beim"})


_JOINING = frozenset({"und", "mit"})


_WITH = frozenset({"mit"})


def parties(
    sent: SentenceView,
    ctx: Context,
    index: int,
    trigger: Trigger,
    taken: set[int],
    own: tuple[int, int] | None,
) -> tuple[list[Mention], list[str]]:
    """The event's actors and their roles: the names of its clause or own phrase that can
    act (``_actors``), the names its compound is made of, every country of a joined
    nationality adjective, and a subject "er" of a verb."""
    clause = sent.clauses[index]
    actors = _actors(sent, ctx, index, trigger, taken, own)
    compound = _compound_parties(sent, ctx, trigger)
    actors = _with_compound_parties(ctx, actors, compound)
    roles = actor_roles(sent, trigger, actors)
    kept = [(m, r) for m, r in zip(actors, roles, strict=True) if r != NO_PARTY]
    actors, roles = [m for m, _ in kept], [r for _, r in kept]
    # No word puts a compound's names on a side: they meet, talk or agree as partners,
    # and an "EU-Sanktionen"'s EU imposes them, as a "Trump-Drohung"'s Trump threatens.
    side = AGENT if _one_sided(trigger, compound) else PARTNER
    # the compound's agent is so even where the clause names it elsewhere: "Nach den
    # US-Angriffen auf Boote haben die USA ... angekündigt" (review 150: a target)
    agents = {ctx.names.key(c) for c in compound} if side == AGENT else set()
    roles = [
        side if any(m is c for c in compound) or ctx.names.key(m) in agents else r
        for m, r in zip(actors, roles, strict=True)
    ]
    actors, roles = _with_joined_nationalities(ctx, actors, roles)
    if not trigger.noun:  # "Nach den Angriffen fordert er …": he attacked nobody
        named = _with_pronoun_actor(sent, ctx, clause, actors)
        # "er" is the subject: he acts, unless the verb is a passive
        roles = [subject_role(sent, trigger)] * (len(named) - len(actors)) + roles
        actors = named
    return actors, roles


def speaker_at_meeting(sent: SentenceView, trigger: Trigger, source: Mention) -> bool:
    """ "sagte Magyar nach einem Treffen mit Sulyok", "erklärte Merz bei seinem Gespräch
    mit Macron": a person who speaks on the occasion of a meeting or talks in the same
    clause took part in them (review 100: the speaker, as the claim's source, had been
    left out of the meeting he reported)."""
    if not trigger.noun or trigger.type not in {"meet", "negotiate"}:
        return False
    if source.type != "PER" or source.derived or after_source_marker(sent, source):
        return False
    before = word_before_noun_phrase(sent, trigger.index, 0)
    same = sent.clause_of(sent.token_index(source.start)) == sent.clause_of(trigger.index)
    return same and before in TIME_PREPOSITIONS | CONDITION_PREPOSITIONS


def _actors(
    sent: SentenceView,
    ctx: Context,
    index: int,
    trigger: Trigger,
    taken: set[int],
    own_phrase: tuple[int, int] | None,
) -> list[Mention]:
    """The trigger's actors: those of its "zwischen"/"von" phrase or, for an attack in a
    phrase of time, of ``own_phrase`` (``after_the_fact``); else those of its clause."""
    scope, asker = _actor_scope(sent, index, trigger)
    between = _between(sent, trigger) or own_phrase
    if between is None and _named_back(sent, trigger):
        return []
    candidates = [
        m
        for clause in scope
        for m in in_clause(sent, clause, sent.mentions)
        if id(m) not in taken
        and can_act(sent, m, trigger)
        and not town_of_the_noun(sent, ctx.article, m, trigger)
        and not modifies_a_noun(ctx.names, m)
        and not (asker and asker[0] <= sent.token_index(m.start) < asker[1])
    ]
    candidates = _within_conjunct(sent, trigger, candidates)
    if between is not None:
        candidates = [m for m in candidates if between[0] <= m.start < between[1]]
    else:
        candidates = [m for m in candidates if not after_other_between(sent, m, trigger)]
    keyed = {ctx.names.key(m): m for m in sorted(candidates, key=lambda m: m.start, reverse=True)}
    return sorted(keyed.values(), key=lambda m: m.start)


def _actor_scope(
    sent: SentenceView, index: int, trigger: Trigger
) -> tuple[list[Clause], tuple[int, int] | None]:
    """The clauses the trigger's actors may stand in: its own, the one governing it (less
    the span of whoever asks for the act there), or, where no clause governs or reports
    it, the clauses before it that are no cue, condition, quote's lead or relative clause."""
    scope = [sent.clauses[index]]
    governing = controller(sent, index)
    asker: tuple[int, int] | None = None
    if governing is not None:
        scope.append(governing)
        asker = asker_span(sent, governing, trigger)
    elif matrix_clause(sent, index) is None and not trailing_report(sent, index):
        named = _names_its_own(sent, sent.clauses[index], trigger)
        if not (named and _subordinate(sent, sent.clauses[index])):
            scope.extend(
                c
                for c in sent.clauses[_since_seam(sent, index) : index]
                if not cue_labels(sent, c)
                and not condition_of(sent, c, trigger)
                and not _before_a_quote(sent, c)
                and not _relative_clause(sent, c)
                and not (named and _subordinate(sent, c))
            )
    return scope, asker


def _since_seam(sent: SentenceView, index: int) -> int:
    """The first clause of the headline the clause at ``index`` belongs to: a live blog's
    headlines run into each other without a stop ("Wadephul fordert Iran zu Verhandlungen
    aufIran droht mit Gegenangriffen"), and one's names are no party of the next one's
    event (review 281: Wadephul had threatened)."""
    starts = [k for k in range(1, index + 1) if seam(sent.tokens, sent.clauses[k].first)]
    return starts[-1] if starts else 0


def _subordinate(sent: SentenceView, clause: Clause) -> bool:
    """Whether a conjunction opens the clause (``subordinators``: "nachdem", "obwohl"):
    it holds its own subject, so where the trigger's clause names a party of its own the
    two share no names ("Der Verband hob die Sperre auf, nachdem Tom Berg darum bittet":
    the association had been the one to ask; review 281). Without a name ("indem sie
    ihren Rücktritt angekündigt hat") the subject may be the other clause's."""
    return opening_word(sent, clause) in lexicon().words("subordinators.words")


def _names_its_own(sent: SentenceView, clause: Clause, trigger: Trigger) -> bool:
    """Whether the clause holds a name that can be a party of the trigger's event: not an
    adjective ("in der französischen Hauptstadt") nor a place the event is in."""
    places = lexicon().words("locative_prepositions")
    return any(
        not m.derived
        and can_act(sent, m, trigger)
        and word_before_noun_phrase(sent, sent.token_index(m.start), clause.first) not in places
        for m in in_clause(sent, clause, sent.mentions)
    )


def _within_conjunct(
    sent: SentenceView, trigger: Trigger, candidates: list[Mention]
) -> list[Mention]:
    """The candidates in the trigger's own conjunct: before the next verb's, outside the
    span the verb before it acts on, and, for a noun with its own "mit", not a later
    "mit"'s name, which is another word's."""
    cut = _next_conjunct(sent, trigger)
    if cut is not None:
        candidates = [m for m in candidates if m.start < cut]
    earlier = _previous_conjunct(sent, trigger)
    if earlier is not None:
        candidates = [m for m in candidates if not earlier[0] <= m.start < earlier[1]]
    with_end = _own_with_end(sent, trigger)
    if with_end is not None:
        candidates = [m for m in candidates if not _with_another(sent, with_end, m)]
    return candidates


def _named_back(sent: SentenceView, trigger: Trigger) -> bool:
    """Whether the trigger's noun is a meeting named before, as another noun's genitive
    with a demonstrative: "die Verantwortung für den Ausgang dieses Treffens auf Selenskyj
    abgeschoben" (Selenskyj had met Trump there). The clause speaks of that meeting, it
    does not name its parties, which the sentence before did."""
    if not trigger.noun:
        return False
    start = noun_phrase_start(sent, trigger.index, 0)
    if start < 2 or sent.tokens[start].lower not in _DEMONSTRATIVE_GENITIVES:
        return False
    before = sent.tokens[start - 1]
    return before.capitalised and event_noun_type(before) is None


_DEMONSTRATIVE_GENITIVES = frozenset({"dieses", "dieser", "jenes", "jener"})


def _before_a_quote(sent: SentenceView, clause: Clause) -> bool:
    """Whether the clause is who speaks before a colon and a quotation: in 'Selenskyj:
    "Feiger Angriff"' he tells of the attack, he did not attack (review 166)."""
    tokens = sent.tokens
    after = clause.last + 1
    colon = clause.last < len(tokens) and tokens[clause.last].text == ":"
    return colon and after < len(tokens) and tokens[after].text in _OPENING_QUOTES


def _relative_clause(sent: SentenceView, clause: Clause) -> bool:
    """Whether an earlier clause is a relative clause on a noun: "In einem Papier, das dem
    Sender vorliegt, fordert die Fraktion ...": its names tell of the noun, they are no
    party (review 166: the outlet had made the demand). Not "die" or "das" before a noun,
    which may be an article."""
    tokens, first = sent.tokens, clause.first
    if first < 2 or first + 1 >= len(tokens) or tokens[first - 1].text != ",":
        return False
    # "Die Länder, mit denen Nordland verhandelt, ...": a preposition before the pronoun
    # (review 168)
    if tokens[first].lower in PREPOSED and first + 2 < len(tokens):
        first += 1
    pronoun, following = tokens[first], tokens[first + 1]
    on_a_noun = tokens[clause.first - 2].capitalised
    if pronoun.lower in _NO_ARTICLES:  # "denen", "dessen": no article before a noun
        return on_a_noun
    if following.lower in DETERMINERS:  # "das dem Sender vorliegt"
        return pronoun.lower in _RELATIVE_PRONOUNS and on_a_noun
    # an adjective or a number after it makes it an article: "am 22. Februar, dem
    # vierten Jahrestag der Invasion, ..." is an apposition
    article = inflected_adjective(following) or following.text[:1].isdigit()
    bare = not (following.capitalised or article)
    # a verb right after the pronoun, with more to come, makes it a demonstrative opening a
    # main clause: '"..., das ist eine Mafia"' (a relative clause ends in its verb)
    verb = finite_verb(following) or following.lower in auxiliaries()
    second = verb and first + 2 < clause.last
    return pronoun.lower in _RELATIVE_PRONOUNS and on_a_noun and bare and not second


_RELATIVE_PRONOUNS = frozenset(
    {
        "der",
        "die",
        "das",
        "dem",
        "den",
        "denen",
        "deren",
        "dessen",
        "welche",
        "welcher",
        "welches",
        "welchem",
        "welchen",
    }
)
# Relative pronouns that are never an article: a name may follow them ("mit denen Nordland").
_NO_ARTICLES = frozenset({"denen", "dessen", "deren", "welche", "welcher", "welches", "welchem"})
_OPENING_QUOTES = frozenset({'"', "„", "»", "«", "“", "‚", "'"})


def trailing_report(sent: SentenceView, index: int) -> bool:
    """Whether the clause reports the clauses before it (", sagte er beim EU-Gipfel",
    ", kündigte Wadephul an"): their names are what was said, no party of its event
    (review 113: the quote's NATO had met at the summit, and Oman had announced a
    flight). It opens with its verb or "wie", "so"; not "indem sie ihren Rücktritt
    angekündigt hat", "solange Dörfer bombardiert würden", whose names are its own."""
    if index == 0 or sent.clauses[index] not in reporting_clauses(sent, index - 1):
        return False
    first = sent.tokens[sent.clauses[index].first]
    return first.lower in {"wie", "so"} or conjugated(first)


# Events whose compound names its parties: "Trump-Putin-Treffen", "EU-Gipfel".
_COMPOUND_PARTY_TYPES = frozenset({"meet", "negotiate", "agree", "sanction"})

# Events a compound's single name does: "Trump-Drohung", "CDU-Forderung", "Hamas-Angriffe"
# (review 150); not a criticism, which is as often of the name ("Trump-Kritik"), and an
# attack only by an organisation ("Skripal-Anschlag" was on him).
_COMPOUND_AGENT_TYPES = frozenset({"threaten", "demand", "announce", "reject", "attack"})

# A visit's single name is the visitor: "der Putin-Besuch in Budapest".
_VISIT = "042"


def _one_sided(trigger: Trigger, compound: list[Mention]) -> bool:
    """Whether a compound's names are the event's agents: an "EU-Sanktionen"'s EU, a
    "Trump-Drohung"'s Trump, a "Putin-Besuch"'s Putin."""
    if trigger.type == "sanction" or trigger.type in _COMPOUND_AGENT_TYPES:
        return True
    return trigger.code == _VISIT and len(compound) == 1


def _with_compound_parties(
    ctx: Context, actors: list[Mention], compound: list[Mention]
) -> list[Mention]:
    """``actors`` and the names a meeting's, talks', agreement's or sanction's own compound
    is made of (``_compound_parties``), each once, in the order of the text."""
    keys = {ctx.names.key(m) for m in actors}
    added = [m for m in compound if ctx.names.key(m) not in keys]
    return sorted([*actors, *added], key=lambda m: m.start)


def _compound_parties(sent: SentenceView, ctx: Context, trigger: Trigger) -> list[Mention]:
    """ "Trump-Putin-Treffen", "EU-Gipfel", "das EU-Mercosur-Abkommen": the names the
    trigger's compound is made of hold the meeting or make the agreement (review 100: 5
    parties of 150 stream items had been missed, the entities step tags the compound whole).
    Two names joined are the two sides, whatever they are; a single name only where it is
    a person or an organisation: a place names where or what it is about
    ("Ukraine-Gipfel", "Gaza-Abkommen"; review 80)."""
    one_sided = trigger.type in _COMPOUND_AGENT_TYPES
    if not trigger.noun or trigger.type not in _COMPOUND_PARTY_TYPES | _COMPOUND_AGENT_TYPES:
        return []
    token = sent.tokens[trigger.index]
    compound = next(
        (m for m in sent.mentions if m.derived and token.start <= m.start < token.end), None
    )
    if compound is None or "-" not in compound.text:
        return []
    parts = compound.text.split("-")[:-1]
    if one_sided and len(parts) > 1:
        return []  # "Trump-Putin-Drohung": no word says who threatens whom
    found: list[Mention] = []
    offset = compound.start
    for part in parts:
        entity = _entity_named(ctx.article, part)
        if one_sided and entity is None:  # "US-Angriff": the entities step linked it to its USA
            entity = next((e for e in ctx.article.entities if e.id == compound.entity_id), None)
        alone = entity is not None and _acting_alone(ctx.article, entity, compound)
        if one_sided and entity is not None:
            alone = _agent_alone(ctx.article, entity, compound, part, trigger)
        if entity is not None and (len(parts) > 1 or alone):
            found.append(Mention(offset, offset + len(part), part, entity.type, entity.id))
        offset += len(part) + 1
    return found


def _acting_alone(article: Article, entity: Entity, compound: Mention) -> bool:
    """Whether a compound's single name is a party: a person or an organisation, that the
    article names apart from the compound or that the actor table knows ("EU", "Nato");
    NER makes entities of common words only in such compounds ("Niedrigwasser-Krisentreffen",
    "Elysée-Vertrag": review 100's side-effect check)."""
    if entity.type not in {"PER", "ORG"}:
        return False
    if fold(entity.name) in _table_organisations():
        return True
    return any(m.entity_id == entity.id and m is not compound for m in article.mentions)


def _agent_alone(
    article: Article, entity: Entity, compound: Mention, part: str, trigger: Trigger
) -> bool:
    """Whether a compound's single name does its one-sided event: a person or an
    organisation (``_acting_alone``), an attack only an organisation; and a country named
    by its capitals, which stand for its adjective ("US-Angriff": the American attack,
    where "Iran-Angriffe" may be on Iran)."""
    if part.isupper() and entity.type == "LOC":
        return True
    if trigger.type == "attack" and entity.type != "ORG":
        return False
    return _acting_alone(article, entity, compound)


@cache
def _table_organisations() -> frozenset[str]:
    """The actor table's institutions that are no government's seat: "EU", "Nato", "G7"."""
    institutions = lexicon().actors["institutions"]
    return frozenset(fold(name) for name, code in institutions.items() if "GOV" not in code)


def _with_joined_nationalities(
    ctx: Context, actors: list[Mention], roles: list[str]
) -> tuple[list[Mention], list[str]]:
    """``actors`` and ``roles`` with every country of a joined nationality adjective:
    "US-israelische Angriffe", "die deutsch-französischen Gespräche" name both sides, in
    the role of the adjective (review 100: Israel had been missed, the entities step links
    the adjective to its first country only)."""
    pairs = list(zip(actors, roles, strict=True))
    keys = {ctx.names.key(m) for m in actors}
    for mention, role in list(pairs):
        for added in _other_nationalities(ctx.article, mention):
            if ctx.names.key(added) not in keys:
                keys.add(ctx.names.key(added))
                pairs.append((added, role))
    pairs.sort(key=lambda pair: pair[0].start)
    return [m for m, _ in pairs], [r for _, r in pairs]


def _other_nationalities(article: Article, mention: Mention) -> list[Mention]:
    """The countries of a joined adjective's parts after its first ("US-israelischer":
    Israel), each as a mention of that part, of the article's entity for it if any."""
    if not mention.derived or "-" not in mention.text:
        return []
    found: list[Mention] = []
    offset = mention.start + len(mention.text.split("-")[0]) + 1
    for part in mention.text.split("-")[1:]:
        country = country_name(part) if part[:1].islower() else None
        if country is not None:
            entity = _entity_named(article, country)
            entity_id = entity.id if entity is not None else None
            found.append(Mention(offset, offset + len(part), part, "LOC", entity_id, True))
        offset += len(part) + 1
    return found


def _entity_named(article: Article, part: str) -> Entity | None:
    """The article's entity a compound's part names: by its name, an alias or a person's
    surname ("Putin" for Wladimir Putin)."""
    folded = fold(part)
    for entity in article.entities:
        names = [entity.name, *entity.aliases]
        surname = entity.name.split()[-1:] if entity.type == "PER" else []
        if folded in {fold(n) for n in [*names, *surname]}:
            return entity
    return None


def _next_conjunct(sent: SentenceView, trigger: Trigger) -> int | None:
    """Where a verb trigger's clause goes on with another verb after "und" or "oder": the
    names from there are that verb's ("Macron hat die US-Politik kritisiert und mehr Mut
    von Europa gefordert": Europe had been criticised; review 100). An "und" that joins
    names ("traf Macron und Scholz") has no verb before the next one or the clause's end."""
    if trigger.noun:
        return None
    tokens = sent.tokens
    clause = sent.clauses[sent.clause_of(trigger.index)]
    joins = [u for u in range(trigger.index + 1, clause.last) if tokens[u].lower in _COORDINATORS]
    for u, after in zip(joins, [*joins[1:], clause.last], strict=False):
        if any(_conjunct_verb(tokens[v]) for v in range(u + 1, after)):
            return tokens[u].start
    return None


def _conjunct_verb(token: Token) -> bool:
    """A finite verb or a participle whose lemma is a verb's ("gefordert", "getroffen");
    not an adjective that only looks like one ("beiden", "gesamten")."""
    return conjugated(token) or (participle(token) and token.lemma.endswith("n"))


_COORDINATORS = frozenset({"und", "oder"})


def _previous_conjunct(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """For a verb after "und" that goes on from another verb of its clause, the span of
    the names the other verb acts on: from the clause's finite verb to the "und" ("Macron
    hat die US-Politik kritisiert und mehr Mut gefordert", "Macron kritisiert die
    US-Politik und fordert ..."). Only where the subject stands before the finite verb:
    after it, the names there begin with the subject ("Am Montag hat Macron ...")."""
    if trigger.noun:
        return None
    tokens = sent.tokens
    clause = sent.clauses[sent.clause_of(trigger.index)]
    joins = [u for u in range(clause.first, trigger.index) if tokens[u].lower in _COORDINATORS]
    finite = next((j for j in range(clause.first, trigger.index) if conjugated(tokens[j])), None)
    if not joins or finite is None or not joins[-1] > finite:
        return None
    u = joins[-1]
    # The subject ends right before the finite verb ("Frankreichs Präsident Macron hat"),
    # not in a phrase before it ("In seiner Rede in München hat Macron ...").
    subject_first = tokens[clause.first].lower not in PREPOSED and any(
        sent.token_index(m.end - 1) == finite - 1 for m in sent.mentions
    )
    verb = any(_conjunct_verb(tokens[v]) for v in range(finite + 1, u))
    if not subject_first or not (verb or conjugated(tokens[u + 1])):
        return None
    return tokens[finite].end, tokens[u].start


def _with_pronoun_actor(
    sent: SentenceView, ctx: Context, clause: Clause, actors: list[Mention]
) -> list[Mention]:
    """A subject "er" acts too: in a claim it is the speaker ("Trump sagte, er werde Putin
    treffen"; no one, where the speaker is no named person), else the last person named
    before it ("Trump ist zufrieden. Er trifft Putin am Freitag"). "sie" is left alone:
    it is as often a group, an object or a woman not named last."""
    pronoun = next((t for t in sent.tokens[clause.first : clause.last] if t.lower == "er"), None)
    if pronoun is None:
        return actors
    claims = attributions_over(sent, ctx, sent.span(clause))
    person = _speaker(ctx, claims) if claims else _antecedent(ctx, sent, pronoun)
    if person is None or ctx.names.key(person) in {ctx.names.key(m) for m in actors}:
        return actors
    return [person, *actors]


def _speaker(ctx: Context, claims: list[Attribution]) -> Mention | None:
    """The named person whose claim the clause is."""
    for claim in claims:
        named = ctx.people.starting_in(0, claim.source_end)
        for entity_id in claim.entity_ids:
            found = [m for m in named if m.entity_id == entity_id]
            if found:
                return found[-1]
    return None


def _antecedent(ctx: Context, sent: SentenceView, pronoun: Token) -> Mention | None:
    since = earlier_sentence_start(ctx.article, sent, 2)
    before = [m for m in ctx.people.starting_in(since, pronoun.start) if m.end <= pronoun.start]
    return antecedent(ctx.article.text, before)


def _own_with_end(sent: SentenceView, trigger: Trigger) -> int | None:
    """For a noun with its own "mit" ("Treffen mit Selenskyj"), where that phrase ends (the
    token after it); None for any other trigger."""
    after = trigger.index + 1
    if not trigger.noun or after >= len(sent.tokens) or sent.tokens[after].lower != "mit":
        return None
    return sent.token_index(own_phrase(sent, trigger)[1] - 1) + 1


def _with_another(sent: SentenceView, end: int, mention: Mention) -> bool:
    """ "hat kurz vor seinem Treffen mit Selenskyj in Florida mit Putin telefoniert": a
    noun with its own "mit" has its other side there (up to ``end``); a name after a later
    "mit", past its phrase, is another word's (review 107: Putin had been at the meeting),
    the last name of a list after it too ("mit Verbündeten aus Europa und Kanada
    abgestimmt": Kanada had met Trump)."""
    at = sent.token_index(mention.start)
    back = sent.tokens[max(end, at - _WITH_LOOKBACK) : at]
    return at >= end and any(t.lower == "mit" for t in back)


# Words from a later "mit" to a name of its phrase at most: "mit Verbündeten aus Europa und
# Kanada".
_WITH_LOOKBACK = 6


def _between(sent: SentenceView, trigger: Trigger) -> tuple[int, int] | None:
    """ "Treffen zwischen X und Y", "Treffen von X mit Y": the span that names the parties,
    if the noun has one. It ends at a verb: in "Vor dem Treffen zwischen Trump und Putin
    warnt Selenskyj", Selenskyj warns and meets no one."""
    i = trigger.index + 1
    # "den Gesprächen in Ägypten zwischen Israel und der Hamas": past a place's phrase
    # (review 107: the talks had had no parties)
    if i + 2 < len(sent.tokens) and sent.tokens[i].lower in {"in", "im"}:
        last = min(i + 4, len(sent.tokens))
        k = next((k for k in range(i + 1, last) if sent.tokens[k].lower == "zwischen"), None)
        if k is not None and all(sent.tokens[j].capitalised for j in range(i + 1, k)):
            i = k
    if not trigger.noun or i >= len(sent.tokens):
        return None
    genitive = _genitive_party(sent, trigger, i)
    if sent.tokens[i].lower not in _PARTIES and not genitive:
        return None
    between = sent.tokens[i].lower == "zwischen"
    stops = PHRASE_STOPS - ({"und"} if between else _JOINING)
    end = _second_with(sent, i + 1, words_up_to_a_verb(sent, i + 1, 10, stops))
    if not between and not _all_parties(sent, trigger, end, _WITH if genitive else _JOINING):
        return None
    return sent.tokens[i].end, sent.tokens[end - 1].end


def _second_with(sent: SentenceView, first: int, end: int) -> int:
    """Where the parties' phrase from ``first`` to ``end`` ends: at a second "mit", which
    is the verb's ("vor dem Treffen des Gesandten Witkoff mit Putin mit den
    EU-Staatschefs abgestimmt": review 183, the EU had met Putin)."""
    withs = [j for j in range(first, end) if sent.tokens[j].lower == "mit"]
    return withs[1] if len(withs) > 1 else end


def _genitive_party(sent: SentenceView, trigger: Trigger, at: int) -> bool:
    """ "das Treffen des Sondergesandten Witkoff mit Putin", "die Gespräche der Ukraine mit
    Russland": a meeting or talks noun's genitive, with "mit", names its parties as "von X
    mit Y" does (review 182: the clause's other names had met too)."""
    meeting = trigger.type in {"meet", "negotiate"}
    return meeting and sent.tokens[at].lower in {"des", "der"}


def _all_parties(
    sent: SentenceView, trigger: Trigger, end: int, joining: frozenset[str] = _JOINING
) -> bool:
    """Whether "von X und Y" or "von X mit Y" after the noun names all who take part: not
    "der Besuch von Kim" (one party; the others may be anywhere), nor a meeting someone
    joins ("will an einem Treffen von EU und Golfstaaten teilnehmen", "bei einem Gipfel
    von ...")."""
    named = sent.tokens[trigger.index + 2 : end]
    if all(t.lower not in joining for t in named):
        return False
    before = sent.tokens[max(0, trigger.index - 3) : trigger.index]
    return not any(t.lower in _JOINED_AT for t in before)


def extended_attributes(sent: SentenceView, trigger: Trigger) -> list[tuple[int, int]]:
    """ "Die vom Iran unterstützte Hisbollah-Miliz lehnt die Waffenruhe ab", "kritisieren die
    von Merz angekündigte Kooperation": who acts in the participle of an article's extended
    attribute ("die von X ...-te Noun") acts in that participle only, and is no party of
    the clause's other events (review 115: Iran had rejected the ceasefire); the noun's
    event is the participle's, so its own ("ein von der EU vorgeschlagener
    Waffenstillstand", review 224)."""
    spans = []
    tokens = sent.tokens
    for j, token in enumerate(tokens[1:-1], start=1):
        if token.lower not in {"von", "vom"} or tokens[j - 1].lower not in DETERMINERS:
            continue
        found = _attribute_participle(tokens, j)
        if found is not None and not j <= trigger.index <= found[1]:
            spans.append((token.start, tokens[found[0]].end))
    return spans


_IN_NAMES = frozenset({"und", "sowie", "oder"})


def _attribute_participle(tokens: list[Token], von: int) -> tuple[int, int] | None:
    """The participle that ends the attribute opened by "von" at ``von`` and the noun it
    describes: names and articles up to a lower-case inflected word ("unterstützte",
    "angekündigte"), then only such words up to the capitalised noun."""
    j = von + 1
    # names joined too: "die von Bundesregierung und Bundestag beschlossene Maßnahme"
    while j < min(len(tokens), von + 6) and (
        tokens[j].capitalised or tokens[j].lower in DETERMINERS | _IN_NAMES
    ):
        j += 1
    # the participle's lemma is its verb's, not an adjective's ("der von der Ukraine große
    # Zugeständnisse verlangt" is a relative clause), or it has a weak participle's form
    # where simplemma keeps it as it is ("die von der Bundesregierung geplante Reform")
    verb = j < len(tokens) and (tokens[j].lemma.endswith("n") or inflected_participle(tokens[j]))
    if j == von + 1 or not (verb and _attribute_word(tokens[j])):
        return None
    k = j + 1
    while k < len(tokens) and _attribute_word(tokens[k]):
        k += 1
    return (j, k) if k < len(tokens) and tokens[k].capitalised else None


def _attribute_word(token: Token) -> bool:
    """An adjective or participle of the attribute: "vertiefte", "neuen"."""
    lower = token.lower
    return not token.capitalised and token.text.isalpha() and lower.endswith(ADJECTIVE_ENDINGS)
