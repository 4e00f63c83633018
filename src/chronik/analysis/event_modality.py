"""How an event is told: planned, announced, suggested, speculated, happened or denied.
The cue words of the trigger's part of its clause, the clauses that govern it and the
attributions over it give labels (``event_grammar.cue_labels``), and tense, negation, a
condition, a date ahead and a few constructions add theirs; ``resolve_modality`` picks one."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from chronik.analysis.event_grammar import (
    PREPOSED,
    accused_of,
    accuses,
    after_cancelling_head,
    conjunct,
    controller,
    cue_labels,
    has_verb,
    involved_in,
    noun_phrase_start,
    opening_word,
    prefield,
    resolve_modality,
    word_before_noun_phrase,
)
from chronik.analysis.event_negation import negation, of_a_phrase
from chronik.analysis.event_sentence import (
    QUOTES,
    Clause,
    SentenceView,
    Token,
    Trigger,
    is_past_verb,
    lemma_keys,
    lexicon,
    modal_subjunctive,
)
from chronik.analysis.event_tense import (
    AT_OR_DURING,
    answered,
    copula_subject,
    hedged,
    owned_act,
    past_finite_verb,
    presupposed_phrase,
    recalled,
    tense,
)
from chronik.analysis.german import ZU_FORMS
from chronik.analysis.sentences import is_question
from chronik.analysis.timex_rules import load_rules
from chronik.analysis.timex_values import week_days
from chronik.model import Attribution

# What is done in saying it is done even where its content is conditional: "Sollte
# Russland nicht einlenken, droht Trump mit Zöllen" is a threat made.
_SPEECH_ACTS = frozenset({"threaten", "demand", "announce", "deny", "criticize", "reject"})


def _conditional(sent: SentenceView, trigger: Trigger) -> bool:
    """Whether the event of a verb is put under a condition: it stands in one ("falls Trump
    Putin trifft"), or one is put to it ("Wenn Putin nach Alaska reist, trifft er Trump": had been
    a meeting that happened). Not "wenn auch", which concedes."""
    conditions = lexicon().words("negation.conditions") | load_rules().cues.get(
        "conditional_openers", frozenset()
    )
    for clause in sent.clauses:
        opener = opening_word(sent, clause)
        second = sent.tokens[clause.first + 1].lower if clause.first + 1 < clause.last else ""
        conceding = clause.opener in {",", ""} and second == "auch"
        # "für den Fall, dass", "im Falle, dass"
        case = opener == "dass" and _after_word(sent, clause, {"fall", "falle"})
        if (opener not in conditions and not case) or conceding:
            continue
        inside = clause.first <= trigger.index < clause.last
        if inside or trigger.type not in _SPEECH_ACTS:
            return True
    return False


def _after_word(sent: SentenceView, clause: Clause, words: set[str]) -> bool:
    """Whether one of ``words`` stands within the three tokens before ``clause``."""
    return any(t.lower in words for t in sent.tokens[max(0, clause.first - 3) : clause.first])


def modality_of(
    sent: SentenceView,
    clause: Clause,
    governing: list[Clause],
    trigger: Trigger,
    over: list[Attribution],
    has_source: bool,
    ahead: bool,
) -> str:
    """The event's modality; ``over`` are the attributions over its clause, ``has_source``
    whether the sentence names a source, ``ahead`` whether its date lies after the
    publication day (``after_publication``). "present" for what happened by the present
    tense alone (weak), which the article may yet tell as a plan (``events.previewed``)."""
    part = conjunct(sent.tokens, clause, trigger.index)
    claims = _own_claims(sent, clause, part, trigger, over)
    reported = has_source or bool(claims)
    labels = _labels(sent, clause, part, governing, trigger, claims, reported, ahead)
    labels = _by_parties(sent, part, trigger, labels)
    labels = _by_plan(sent, part, trigger, labels)
    modality = resolve_modality(labels)
    if modality == "happened" and "happened" not in labels:
        return "present"  # told only in the present: a preview may make it a plan
    planned_with_source = modality == "planned" and reported
    return "announced" if planned_with_source else modality


def _own_claims(
    sent: SentenceView, clause: Clause, part: Clause, trigger: Trigger, over: list[Attribution]
) -> list[Attribution]:
    """The claims over the clause that qualify the trigger. Its own verb's part of the
    clause says how the event is told; a claim on the whole clause ("laut Polizei") still
    covers it. A claim whose cue is the trigger itself does not qualify it: "hat die
    Anträge zurückgewiesen" is a rejection that happened, not one denied."""
    own = {key.replace("|", "") for key in lemma_keys(sent.tokens, clause, trigger.index)}
    claims = [a for a in over if a.cue.replace("|", "") not in own]
    return [a for a in claims if not _cue_in_other_part(sent, clause, part, a)]


def _labels(
    sent: SentenceView,
    clause: Clause,
    part: Clause,
    governing: list[Clause],
    trigger: Trigger,
    claims: list[Attribution],
    reported: bool,
    ahead: bool,
) -> set[str]:
    """The labels of the cues that tell the event and of the constructions around it."""
    labels = _told(sent, clause, part, governing, trigger, claims, reported)
    labels |= _constructions(sent, part, trigger, ahead)
    if "planned" not in labels and _confirmed_as_done(sent, part, trigger):
        labels.add("happened")  # before "announced", which "bestätigen" gave it
    # "Nach den Verhandlungen ... könnte es ein Treffen geben", "Der Angriff dürfte der
    # schwerste gewesen sein": the clause's hedge is of something else
    phrase = presupposed_phrase(sent, part, trigger) or copula_subject(sent, part, trigger)
    if phrase is not None:
        labels = {"happened"} | cue_labels(sent, phrase, trigger=trigger.index, reported=reported)
    return labels


def _by_parties(sent: SentenceView, part: Clause, trigger: Trigger, labels: set[str]) -> set[str]:
    """``labels`` corrected by what is said of the event's parties: one denied to be
    involved in it, one accused of it, or one who cancels or refuses it."""
    if involved_in(sent, part, trigger):  # "bestreitet, für den Angriff verantwortlich zu sein"
        labels.discard("denied")
    if _accused(sent, part, trigger):  # "wirft Iran Drohnenangriff vor"
        labels.add("speculated")
    if trigger.noun and (
        after_cancelling_head(sent, part, trigger.index) or _refused(sent, part, trigger)
    ):
        labels.add("denied")
    return labels


def _by_plan(sent: SentenceView, part: Clause, trigger: Trigger, labels: set[str]) -> set[str]:
    """``labels`` corrected by whether the event is threatened, an act its owner renews,
    announced at a date, or asked of, which tell it as done or as still to come."""
    if _threatened(sent, part, trigger):
        labels -= {"happened", "present", "announced"}
    if owned_act(sent, part, trigger):
        labels.add("present")  # weak: "will seine Forderung erneuern" still plans
        # who rejects it rejects what was demanded: "Die Forderung der SPD wies Merz zurück"
        if negation(sent, part, trigger) is None:
            labels.discard("denied")
    if "announced" in labels and _announced_at(sent, part, trigger):
        labels = (labels - {"announced"}) | {"happened"}
    if _asked(sent, trigger):
        labels.discard("present")
    if "present" in labels and _pending(sent, trigger):
        labels = (labels - {"present"}) | {"planned"}
    return labels


def _pending(sent: SentenceView, trigger: Trigger) -> bool:
    """Whether the event's clause opens with a word of ``pending`` ("bevor", "ehe"): its
    present tells what is still to come, "Bevor die Gespräche beginnen, will Nordland
    Garantien" (review 272: the talks had happened, dated the publication day)."""
    clause = sent.clauses[sent.clause_of(trigger.index)]
    if opening_word(sent, clause) not in lexicon().words("pending.openers"):
        return False
    # "bevor er in das Unterhaus gewählt worden sei": a perfect the tense may miss
    done = lexicon().words("pending.perfect")
    words = sent.tokens[clause.first : clause.last]
    return not any(t.lower in done for t in words) and not past_finite_verb(sent, clause)


def _asked(sent: SentenceView, trigger: Trigger) -> bool:
    """Whether the sentence asks of an occasion one plans (``questions``): "Wo treffen
    sich Trump und Putin?", "Auf welcher Grundlage finden die Gespräche heute statt?" ask
    of what may still be to come, and their present tells nothing as done (review 159: a
    preview's questions had confirmed the summit and the talks); a past there still has
    ("Warum haben sie sich getroffen?"). Not of an attack, a criticism or an agreement,
    which a question's present or phrase presupposes ("das gerade den Libanon angreift",
    "Wie geht es nach der Einigung weiter?")."""
    if trigger.type not in lexicon().words("questions.types"):
        return False
    return is_question(sent.sentence.text)


def _told(
    sent: SentenceView,
    clause: Clause,
    part: Clause,
    governing: list[Clause],
    trigger: Trigger,
    claims: list[Attribution],
    reported: bool,
) -> set[str]:
    """The labels of the words that tell the event: the cues of its part of the clause
    and of the clauses over it, the kinds of the claims over it, its tense, a condition
    and a negation."""
    labels = cue_labels(sent, part, trigger=trigger.index, reported=reported)
    if part.first > clause.first:
        prefield_part = prefield(sent.tokens, clause)
        labels |= cue_labels(sent, prefield_part, trigger=trigger.index, reported=reported)
    for other in governing:
        labels |= cue_labels(sent, other, frozenset({"happened"}), reported=reported)
    labels |= {_ATTRIBUTION_KINDS[a.kind] for a in claims if a.kind in _ATTRIBUTION_KINDS}
    verb = tense(sent, part, trigger)
    if verb is not None:
        labels.add(verb)
    # a noun's event may be presupposed where its clause is put under a condition ("sollte
    # er beim Gipfel nachgeben": the summit takes place)
    if verb != "happened" and not trigger.noun and _conditional(sent, trigger):
        labels.add("speculated")
    negative = negation(sent, part, trigger)  # "nicht geeinigt", "nicht ausgeschlossen"
    if negative is not None:
        labels.add(negative)
    return labels


def _constructions(sent: SentenceView, part: Clause, trigger: Trigger, ahead: bool) -> set[str]:
    """The labels of a date ahead, a call for the event ("zum Warnstreik aufrufen") and an
    assumption or hedge of it ("geht von einem Anschlag aus")."""
    labels: set[str] = set()
    if ahead:
        labels.add("planned")
    if _called_for(sent, part, trigger):
        labels.add("announced")
    if _hoped_for(sent, part, trigger) or _feared(sent, part, trigger):
        labels.add("speculated")
    if _prepared_for(sent, part, trigger):
        labels.add("planned")
    if _agreed_on(sent, part, trigger) or _campaigned(sent, part, trigger):
        labels.add("planned")
    if _stood_for(sent, part, trigger) or _ahead_of(sent, trigger):
        labels.add("planned")
    if _assumed(sent, part, trigger) or hedged(sent, part, trigger):
        labels.add("speculated")
    return labels


_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def after_publication(value: str, published: date) -> bool:
    """Whether a timex's value lies after the publication day: a week, or a part of a year
    ("2026-Q2", "2026-SU"), while it is not over, by its last day (Sunday) or month, so
    that "am vergangenen Wochenende" is no plan and "Ende dieser Woche" still one. As
    strings, every week and season of the year had come after any day of it (review
    102)."""
    if _WEEK.match(value):
        week = week_days(value)
        return week is not None and week[1] >= published
    month = _LAST_MONTHS.get(value[5:7])
    if month is not None:
        year = int(value[:4]) + (value[5:7] == "WI")  # a winter ends in the next year
        return f"{year:04d}-{month}" >= published.isoformat()[:7]
    return value[:10] > published.isoformat()


def under_way(value: str, published: date) -> bool:
    """Whether a week the timex names had begun by the publication day ("am Wochenende",
    told on its Sunday): what the clause tells as past happened in it, and it is no plan
    (review 259: "starben am Wochenende durch israelische Angriffe" had been planned)."""
    week = week_days(value) if _WEEK.match(value) else None
    return week is not None and week[0] <= published


def not_begun(value: str, published: date) -> bool:
    """Whether the time a timex names begins after the publication day: "ab 2035", "für
    den 8. Mai" told on the 3rd; not a week, month or season under way by then."""
    week = week_days(value) if _WEEK.match(value) else None
    if week is not None:
        return week[0] > published
    month = _FIRST_MONTHS.get(value[5:7])
    if month is not None:
        return f"{value[:4]}-{month}" > published.isoformat()[:7]
    day = published.isoformat()
    return value[:10] > day[: len(value[:10])]


# The first month of a part of a year ("im Herbst": "2025-FA" begins in September).
_FIRST_MONTHS = {
    **{f"Q{n}": f"{3 * n - 2:02d}" for n in range(1, 5)},
    **{"H1": "01", "H2": "07", "SP": "03", "SU": "06", "FA": "09", "WI": "12"},
}


# The last month of a part of a year: a quarter, a half, a season ("im Herbst": "2025-FA").
_LAST_MONTHS = {
    **{f"Q{n}": f"{3 * n:02d}" for n in range(1, 5)},
    **{"H1": "06", "H2": "12", "SP": "05", "SU": "08", "FA": "11", "WI": "02"},
}


def _cue_in_other_part(
    sent: SentenceView, clause: Clause, part: Clause, claim: Attribution
) -> bool:
    """Whether the claim's cue is a verb of another part of a clause that joins two verbs:
    in "Rubio widerspricht und reist zu Gesprächen nach Genf" the contradiction is his own
    act, not a denial of the talks (review 102). A claim over the whole clause ("laut
    Polizei") has its cue in no part and still covers both."""
    if part == clause:
        return False
    cue = claim.cue.replace("|", "")
    return any(
        cue in {key.replace("|", "") for key in lemma_keys(sent.tokens, clause, j)}
        for j in range(clause.first, clause.last)
        if not part.first <= j < part.last
    )


_ATTRIBUTION_KINDS = {"denial": "denied", "suggestion": "suggested", "announcement": "announced"}


def _called_for(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is what a verb of its clause calls for (review 80: a union's
    call to strike had been unspecified): "zum Warnstreik", "zu einem eintägigen Streik"."""
    verbs = lexicon().words("calling.verbs")
    return _after_verb_and_preposition(sent, part, trigger, verbs, ZU_FORMS)


def _hoped_for(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is what its clause hopes for (``hoping``): "hofft auf
    Verlängerung der Waffenruhe" (review 156: the truce had happened)."""
    hoping = lexicon().raw["hoping"]
    verbs, before = frozenset(hoping["verbs"]), frozenset(hoping["before"])
    return _after_verb_and_preposition(sent, part, trigger, verbs, before, genitive=True)


def _feared(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is what a noun of fear right before its "vor" fears
    (``fearing``): "Aus Sorge vor neuen Gefechten sind Tausende geflohen" (review 272: the
    fighting had happened, dated the publication day). The noun must stand right before
    the preposition, so that "Vor dem Gipfel wächst die Sorge" fears no summit."""
    if not trigger.noun:
        return False
    nouns, before = _fearing()
    words = [t for t in sent.tokens[part.first : trigger.index] if t.text.strip(QUOTES)]
    last = words[-3:]
    at = max((i for i, t in enumerate(last) if t.lower in before), default=None)
    if at is None or any(t.capitalised for t in last[at + 1 :]):
        return False
    head = len(words) - len(last) + at - 1
    return head >= 0 and words[head].lemma.lower() in nouns


@cache
def _fearing() -> tuple[frozenset[str], frozenset[str]]:
    """The nouns of fear and the prepositions after them (``fearing``), read once."""
    fearing = lexicon().raw["fearing"]
    return frozenset(fearing["nouns"]), frozenset(fearing["before"])


# The preterite of "haben" and "sein", which ``is_past_verb`` does not know by its stem.
_PAST_AUXILIARIES = frozenset({"hatte", "hatten", "war", "waren"})


def _prepared_for(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is what its clause prepares for (``preparing``): "müssen
    sich auf weitere Streiks einstellen" (review 163: the strikes had happened)."""
    verbs, before = lexicon().words("preparing.verbs"), lexicon().words("preparing.before")
    # "hatte sich auf die Angriffe nicht vorbereitet": what a past clause prepared for
    # may have come since
    words = sent.tokens[part.first : part.last]
    if any(
        (is_past_verb(t) and not modal_subjunctive(t)) or t.lower in _PAST_AUXILIARIES
        for t in words
    ):
        return False
    return _after_verb_and_preposition(sent, part, trigger, verbs, before)


def _agreed_on(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a meeting's or talks' noun is what its clause agrees on: "Wir haben uns auf
    ein Treffen geeinigt" plans it (``agreeing_on``; review 107)."""
    agreeing = lexicon().raw["agreeing_on"]
    if trigger.type not in agreeing["types"]:
        return False
    # a dative is where they agreed: "haben sich auf ihrem Gipfel auf ... geeinigt"
    start = noun_phrase_start(sent, trigger.index, part.first)
    if any(t.lower.endswith("em") for t in sent.tokens[max(part.first, start - 1) : trigger.index]):
        return False
    verbs, before = frozenset(agreeing["verbs"]), frozenset(agreeing["before"])
    return _after_verb_and_preposition(sent, part, trigger, verbs, before)


def _campaigned(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether an election's noun stands in a clause that competes for something
    (``campaigning``): "Bei der Landtagswahl ringen CDU und Grüne um den Wahlsieg" is
    still to come (review 159)."""
    if trigger.type not in lexicon().words("campaigning.types"):
        return False
    before = lexicon().words("campaigning.before")
    if all(t.lower not in before for t in sent.tokens[part.first : part.last]):
        return False
    return has_verb(sent.tokens, part, lexicon().words("campaigning.verbs"))


def _stood_for(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether an election's noun is one its clause bars someone from, admits someone to
    or has someone stand in (``candidacy``): "hat die Partei von der Parlamentswahl
    ausgeschlossen", "wollte zur Wahl antreten" (review 168: they had been unspecified).
    Not in a past clause ("trat bei der Wahl 2021 an"), whose election may be over; a
    plan's "wollte" is no such past."""
    candidacy = lexicon().raw["candidacy"]
    if trigger.type not in candidacy["types"]:
        return False
    held, modals = frozenset(candidacy["held"]), lexicon().words("plan_modals")
    for t in sent.tokens[part.first : part.last]:
        past = is_past_verb(t) and not modal_subjunctive(t) and t.lower not in modals
        if past or t.lower in _PAST_AUXILIARIES or t.lower in held:
            return False
    verbs, before = frozenset(candidacy["verbs"]), frozenset(candidacy["before"])
    return _after_verb_and_preposition(sent, part, trigger, verbs, before)


def _ahead_of(sent: SentenceView, trigger: Trigger) -> bool:
    """Whether a meeting's, talks' or election's noun is what its clause's opening "vor"
    (or "im Vorfeld") is ahead of (``ahead_of``): "Vor dem EU-Gipfel macht Belgien Druck",
    "Vor einer neuen Verhandlungsrunde hat Kessler gewarnt" (review 168: unspecified). Not
    in a past clause ("Vor seinem Treffen mit Marek telefonierte Kessler"), whose occasion
    may have come since; not another noun's ("Vor dem Hintergrund von Verhandlungen")."""
    ahead = lexicon().raw["ahead_of"]
    if not trigger.noun or trigger.type not in ahead["types"]:
        return False
    clause = sent.clauses[sent.clause_of(trigger.index)]
    tokens = sent.tokens
    start = noun_phrase_start(sent, trigger.index, clause.first)
    # a headline's "++" or a quotation mark before it opens nothing
    words = [j for j in range(clause.first, start) if tokens[j].text.isalpha()]
    # "Im Vorfeld des Gipfels": a preposition of two words (review 183)
    opening = " ".join(tokens[j].lower for j in words)
    if words != list(range(start - len(words), start)) or opening not in ahead["prepositions"]:
        return False
    return not any(
        (is_past_verb(t) and not modal_subjunctive(t)) or t.lower in _PAST_AUXILIARIES
        for t in tokens[clause.first : clause.last]
    )


def _announced_at(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether what its part of the clause announces is announced at the noun's event, no
    plan of it, in a clause of no future or plan: "verkündet beim Treffen neue Hilfen"
    (review 135: the meeting had been announced)."""
    if not trigger.noun:
        return False
    if word_before_noun_phrase(sent, trigger.index, part.first) not in AT_OR_DURING:
        return False
    words = {t.lower for t in sent.tokens[part.first : part.last]}
    if words & (lexicon().words("future_auxiliaries") | lexicon().words("plan_modals")):
        return False
    return "announced" in cue_labels(sent, part, trigger=trigger.index, reported=False)


def _refused(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a meeting's or talks' noun is what its part of the clause refuses: "lehnt
    ein Treffen ab", "erteilte den Gesprächen eine Absage" (``refusing``; review 135); not
    a noun after a preposition, "Beim Treffen lehnte er die Vorschläge ab"."""
    refusing = lexicon().raw["refusing"]
    if trigger.type not in refusing["types"]:
        return False
    if word_before_noun_phrase(sent, trigger.index, part.first) in PREPOSED:
        return False
    tokens = sent.tokens
    # "lehne weder Zweier- noch Dreier-Gespräche ab", "lehnt Gespräche nicht ab": a
    # refusal negated refuses nothing (review 249: the talks had been denied)
    if _negated(tokens[part.first : part.last]):
        return False
    nouns = refusing["nouns"]
    return has_verb(tokens, part, frozenset(refusing["verbs"])) or any(
        t.lemma.lower() in nouns for t in tokens[part.first : part.last]
    )


def _negated(tokens: list[Token]) -> bool:
    """Whether the words hold a negation word that is not one of a phrase ("nicht nur")."""
    negations = lexicon().words("negations")
    return any(t.lower in negations and not of_a_phrase(tokens, k) for k, t in enumerate(tokens))


def _assumed(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is what its clause assumes: "Die Polizei geht von einem
    Anschlag aus" (``assuming``; reviews 82 and 85)."""
    assuming = lexicon().raw["assuming"]
    verbs, before = frozenset(assuming["verbs"]), frozenset(assuming["before"])
    return _after_verb_and_preposition(sent, part, trigger, verbs, before)


def _accused(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether the event is what its clause accuses someone of, or an infinitive's that
    such a clause governs: "wirft Iran Drohnenangriff vor", "hat Russland vorgeworfen,
    Angriffe gestartet zu haben" (``accusing_verbs``; review 107)."""
    if accused_of(sent, part, trigger):
        return True
    governing = controller(sent, sent.clause_of(trigger.index))
    return governing is not None and accuses(sent, governing)


def _threatened(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is what a threat of its clause holds out: "drohte allen
    iranischen Schiffen mit tödlichem Beschuss" (``threatening``; review 107: it had
    happened)."""
    threatening = lexicon().raw["threatening"]
    verbs, before = frozenset(threatening["verbs"]), frozenset(threatening["before"])
    return _after_verb_and_preposition(sent, part, trigger, verbs, before)


def _after_verb_and_preposition(
    sent: SentenceView,
    part: Clause,
    trigger: Trigger,
    verbs: frozenset[str],
    prepositions: frozenset[str],
    genitive: bool = False,
) -> bool:
    """Whether a noun trigger follows one of ``prepositions`` (within its article and an
    adjective) in a part of a clause with one of ``verbs``; a noun in another's genitive
    only where ``genitive``: "ruft zu Ende der Angriffe auf" calls for no attack (review
    156)."""
    tokens = sent.tokens
    # quotation marks are no words: 'von einem "zynischen" Angriff' (review 92)
    words = [t for t in tokens[part.first : trigger.index] if t.text.strip(QUOTES)]
    before = words[-3:]
    at = max((i for i, t in enumerate(before) if t.lower in prepositions), default=None)
    if not trigger.noun or at is None:
        return False
    if not genitive and any(t.capitalised for t in before[at + 1 :]):
        return False
    return has_verb(tokens, part, verbs)


def _confirmed_as_done(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """Whether a noun's event is confirmed or reported by a verb of its part of the clause,
    or of the clause its infinitive depends on ("bestätigte, Angriffe ausgeführt zu
    haben"; not a "dass" clause, which may tell a plan); not in a negated clause ("noch
    nicht bestätigt", "bestätigt die Einigung noch nicht" confirm nothing)."""
    confirming = lexicon().raw["confirming"]
    if not trigger.noun:
        return False
    # what one judges has taken place, even a meeting ("lobt das gute Treffen"; review 90),
    # if it is what is judged, not a noun after a preposition ("vor seiner Abreise zu
    # Besuchen ... angeprangert")
    judged = word_before_noun_phrase(sent, trigger.index, part.first) not in PREPOSED
    # so does who ignores, evades or breaks it ("hat die Aufforderung ignoriert"; review 150)
    taken = [*confirming["judging"], *confirming["presupposing"]["objects"]]
    verbs = frozenset(taken) if judged else frozenset()
    if trigger.type not in confirming["scheduled_types"]:
        verbs |= frozenset(confirming["verbs"])
    clauses = [part]
    governing = controller(sent, sent.clause_of(trigger.index))
    if governing is not None:
        clauses.append(governing)
    clauses.extend(_as_reported(sent, part, trigger))
    negations = lexicon().words("negations")
    if _told_of(sent, part, trigger) and not any(
        t.lower in negations for t in sent.tokens[part.first : part.last]
    ):
        return True
    return any(
        not verbs.isdisjoint(lemma_keys(sent.tokens, clause, j))
        and not any(t.lower in negations for t in sent.tokens[clause.first : clause.last])
        for clause in clauses
        for j in range(clause.first, clause.last)
        if j != trigger.index
    )


def _as_reported(sent: SentenceView, part: Clause, trigger: Trigger) -> list[Clause]:
    """ "In der Region setzte ein russischer Angriff ein Wohnhaus in Brand, wie der
    Gouverneur mitteilte": a trailing "wie" clause reports what the clause before it
    tells by a past verb as done (review 92: announced), not what is still to come ("ein
    Angriff stehe bevor, wie er mitteilte")."""
    index = sent.clause_of(trigger.index)
    if index + 1 >= len(sent.clauses) or not past_finite_verb(sent, part):
        return []
    # "kündigte Raketenangriffe an, wie die Agentur berichtete": the report is of the
    # announcement, the attacks are still to come (review 272)
    if has_verb(sent.tokens, part, lexicon().words("confirming.announcing")):
        return []
    after = sent.clauses[index + 1]
    return [after] if sent.tokens[after.first].lower == "wie" else []


def _told_of(sent: SentenceView, part: Clause, trigger: Trigger) -> bool:
    """ "spricht von einem zynischen Angriff", "sprach von einem historischen Besuch": who
    tells of an event, a meeting too, speaks of it as one that took place, and who reacts
    to one reacts to what took place, "hat auf eine Drohung reagiert" (``telling``;
    review 92: 5 of 150 stream items had been unspecified)."""
    telling: dict[str, list[str]] = lexicon().raw["confirming"]["telling"]["verbs"]
    return (
        answered(sent, part, trigger)
        or recalled(sent, part, trigger)
        or any(
            _after_verb_and_preposition(sent, part, trigger, frozenset({verb}), frozenset(before))
            for verb, before in telling.items()
        )
    )
