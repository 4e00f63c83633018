"""The cues of attribution in one sentence, each with the token span of its source
(:func:`find_cues`): a phrase cue names its source by a preposition or a noun ("laut X",
"X zufolge", "nach Angaben der Polizei", "nach eigenen Angaben", "unter Berufung auf X",
", so X", a headline's "Bericht:"), a verb cue by its subject (``attribution_subjects``);
with the tests of when a word is a cue verb at all (its lemma, a separable particle, a
required or excluding word near it, not a participle before its noun). Apart because it
is what one sentence alone says, before the article's context resolves who is meant."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from chronik.analysis.attribution_phrases import (
    a_thing,
    bare_genitive,
    dictionary_noun,
    listed_after,
    np_backward,
    np_forward,
    past_places,
    reduce_generic,
    relative_owner,
)
from chronik.analysis.attribution_subjects import prefield, verb_subject
from chronik.analysis.attribution_tokens import (
    Token,
    before_its_noun,
    is_number,
    konjunktiv_form,
    opening_adjective,
    verb_like,
)
from chronik.analysis.attribution_words import (
    AGENT,
    AUXILIARIES,
    CLOSING_CLAUSE,
    CUES,
    DATIVE_PRONOUNS,
    DECLARING,
    EXCLUDES,
    EXCLUDES_IN_CLAUSE,
    FROM_VIEW,
    GENITIVE,
    HEADLINE,
    INFORMANTS,
    INFORMED_FROM,
    KONJUNKTIV_II,
    LIST_ENDS,
    MODALS,
    NO_SUBJECT,
    NOMINAL,
    OF,
    OPENED_BY,
    OTHER_COMPOUNDS,
    PARTICLES,
    PLACE,
    POSSESSIVES,
    PREPOSITIONS,
    QUOTE_MARKS,
    QUOTED_PREDICATE,
    REQUIRES,
    REQUIRES_AFTER,
    REQUIRES_CLAUSE,
    SAID_AFTER,
    SEPARABLE,
    STUDY_NOUNS,
    STUDY_VERBS,
    SUBORDINATORS,
    VERB_COORDINATORS,
    VERBS,
    WINDOW,
    WITH_INFINITIVE,
    ZU_CLAUSE,
    participle,
    speaker_noun,
    verb_lemma,
    zu_infinitive,
)
from chronik.analysis.gazetteer import load_gazetteer
from chronik.analysis.german import (
    DASHES,
    INDEFINITE_ARTICLES,
    NOMINATIVE_ARTICLES,
    ZU_FORMS,
    number_words,
)


@dataclass(slots=True)
class Found:
    """A cue and the token span of its source within one sentence."""

    kind: str
    cue: str
    first: int
    last: int  # exclusive
    at: int = -1  # the cue's token


def _clauses(toks: list[Token]) -> tuple[list[int], list[int]]:
    """For each token, the first token of its clause and the boundary that ends it."""
    n = len(toks)
    lo, hi = [0] * n, [n] * n
    start = 0
    for i, tok in enumerate(toks):
        if tok.cls == "B":
            for j in range(start, i + 1):
                hi[j] = i
            start = i + 1
        lo[i] = start if tok.cls != "B" else i
    for j in range(start, n):
        hi[j] = n
    return lo, hi


def find_cues(toks: list[Token]) -> list[Found]:
    """Every cue in one sentence with its source span, in order."""
    lo, hi = _clauses(toks)
    found: list[Found] = []
    for k, tok in enumerate(toks):
        if tok.cls == "B":
            continue
        hit = _phrase_cue(toks, k, lo[k], hi[k]) or _verb_cue(toks, k, lo[k], hi[k])
        if hit is not None and _opens_with_und(toks, k, lo[k]):
            hit = _with_earlier_subject(hit, found)
        if hit is not None:
            hit.at = k
            found.append(hit)
    return found


def _opens_with_und(toks: list[Token], k: int, lo: int) -> bool:
    """ "kritisiert die Umwelthilfe - und fordert mehr Bäume": a verb that a coordinator
    alone opens its clause with, after a dash or comma, has the subject of a verb before."""
    return lo < k and all(t.lower in VERB_COORDINATORS for t in toks[lo:k])


def _with_earlier_subject(hit: Found, found: list[Found]) -> Found | None:
    """The span of the sentence's last verb cue before, else no source (the object after
    the verb, "mehr Bäume und weniger Beton", had been the source)."""
    earlier = next((f for f in reversed(found) if f.cue in VERBS), None)
    if hit.cue not in VERBS:
        return hit
    return replace(hit, first=earlier.first, last=earlier.last) if earlier else None


def _phrase_cue(toks: list[Token], k: int, lo: int, hi: int) -> Found | None:
    lower = toks[k].lower
    if lower in CUES["prepositions"]:
        if _own_noun(toks, k, hi):  # "laut eigenen Angaben", as "nach eigenen Angaben"
            return _own_source(toks, CUES["prepositions"][lower], lower, k, lo)
        end = _report_noun_ends(toks, k + 1, np_forward(toks, k + 1, hi))
        end = _before_quantity(toks, k + 2, end)
        owner = _owner_after_laut(toks, k, end, hi)
        found = _document_or_found(toks, CUES["prepositions"][lower], lower, k + 1, end, hi)
        return owner or found
    if lower in CUES["postpositions"]:
        if k > lo and toks[k - 1].lower in DATIVE_PRONOUNS:  # "ihm zufolge": resolved later
            return Found(CUES["postpositions"][lower], lower, k - 1, k)
        start = _report_noun_alone(toks, np_backward(toks, k, lo), k)
        own = next((j for j in (start, start - 1) if lo <= j < k and toks[j].lower in _OWN), None)
        if own is not None:  # "eigenen Angaben zufolge"
            return _own_source(toks, CUES["postpositions"][lower], lower, own, lo)
        return _document_or_found(toks, CUES["postpositions"][lower], lower, start, k)
    if lower == CUES["from_view"]["preposition"] and k + 2 < hi and toks[k + 1].text in FROM_VIEW:
        # "aus Sicht der USA", "Aus Sicht von X" (review 260: no claim had been found); not
        # inside reported speech, "das sei aus Sicht vieler Menschen nicht akzeptabel", which
        # goes on with the speaker before
        if any(konjunktiv_form(t) for t in toks):
            return None
        noun = toks[k + 1].text
        return _after_noun(toks, k + 2, hi, FROM_VIEW[noun], f"aus {noun}")
    if lower == CUES["nominal"]["preposition"] and k + 1 < hi:
        noun = _own_noun(toks, k, hi)
        if noun:  # "nach eigenen Angaben"
            return _own_source(toks, NOMINAL[noun], f"nach {noun}", k, lo)
        return _nominal_cue(toks, k, hi)
    if toks[k].text in HEADLINE and hi < len(toks) and toks[hi].text == ":" and k + 1 < hi:
        return _after_noun(toks, k + 1, hi, HEADLINE[toks[k].text], toks[k].text, True)
    if lower == "unter" and [t.lower for t in toks[k + 1 : k + 3]] == ["berufung", "auf"]:
        end = np_forward(toks, k + 3, hi)
        return _found(
            toks, CUES["secondary"]["unter Berufung auf"], "unter Berufung auf", k + 3, end
        )
    if lower == "so" and k == lo and k > 0 and (_after_comma(toks, k) or _after_dash(toks, k)):
        end = np_forward(toks, k + 1, hi)
        return _found(toks, CUES["so"], "so", k + 1, end) if _ends_so(toks, end, hi) else None
    return None


# ", so Meloni weiter", ", so X zudem": adverbs after the source of "so"
_AFTER_SO = frozenset({"weiter", "zudem", "außerdem", "ebenfalls", "abschließend", "damals"})


def _ends_so(toks: list[Token], end: int, hi: int) -> bool:
    """Whether a source of "so" ends its clause, past places and an adverb (review 149:
    ", so Meloni weiter." had been no cue, and her words went to the speaker before), and
    past a genitive or a bracket in those places (review 266: ", so Merz im Anschluss an
    eine Veranstaltung der Europäischen Volkspartei (EVP) in Heidelberg" had been none)."""
    end = _past_tail(toks, end, hi)
    while end < hi and toks[end].lower in _AFTER_SO:
        end = _past_tail(toks, end + 1, hi)
    return end == hi


def _past_tail(toks: list[Token], end: int, hi: int) -> int:
    """Past prepositional phrases (``past_places``), a genitive of their noun and a
    bracket after it, as often as they follow one another."""
    for _ in range(_TAIL_PARTS):
        after = past_places(toks, end, hi)
        if after < hi and after > end and toks[after].lower in _GENITIVE_ARTICLES:
            after = np_forward(toks, after, hi)
        if after < hi and toks[after].text == "(":
            close = next((j for j in range(after, min(hi, after + 6)) if toks[j].text == ")"), None)
            after = after if close is None else close + 1
        if after == end:
            break
        end = after
    return end


_TAIL_PARTS = 4
_GENITIVE_ARTICLES = frozenset({"der", "des"})


def _after_dash(toks: list[Token], k: int) -> bool:
    """A dash right after a quote's close before ``k`` ('„…“ - so der Delegationsleiter', review
    266: it had been no cue, as only a comma opened one)."""
    return k > 1 and toks[k - 1].text in DASHES and toks[k - 2].text in QUOTE_MARKS


def _owner_after_laut(toks: list[Token], k: int, end: int, hi: int) -> Found | None:
    """ "Laut Angaben örtlicher Behörden", "laut Angaben eines Sprechers": the owner in a
    genitive after a bare report noun is the source, as after "nach Angaben" (review 136:
    the phrase had ended at the noun, and the source was "Angaben", no one)."""
    noun = toks[k + 1].text if k + 1 < hi else ""
    if noun not in NOMINAL or (end != k + 2 and not bare_genitive(toks, k + 2, hi)):
        return None
    return _after_noun(toks, k + 2, hi, CUES["prepositions"][toks[k].lower], toks[k].lower)


_QUANTITIES = ("tausende", "hunderte", "dutzende")


def _before_quantity(toks: list[Token], start: int, end: int) -> int:
    """ "laut Amnesty International Tausende Menschen": a quantity noun ("Tausende",
    "Zehntausende", "Dutzende") opens the clause's subject, not the source (review 157)."""
    return next((j for j in range(start, end) if toks[j].lower.endswith(_QUANTITIES)), end)


def _report_noun_ends(toks: list[Token], start: int, end: int) -> int:
    """ "laut Medienberichten Teile der Akten": a report noun after "laut" ends its phrase
    before a noun or name that is no owner's genitive ("laut Angaben Kiews" keeps it;
    review 131: the clause's subject after it had been in the source, 3 items of the
    stream, each linked to a name there)."""
    head = next((h for h in range(start, end) if toks[h].cls == "N"), end)
    after = toks[head + 1] if head + 1 < end else None
    if after is None or after.cls != "N" or after.text.endswith("s"):
        return end
    report = toks[head].text in NOMINAL or _compound_report(toks[head].text) is not None
    return head + 1 if report else end


def _report_noun_alone(toks: list[Token], start: int, k: int) -> int:
    """ "verstärken die USA Medienberichten zufolge": a report noun before "zufolge" is a
    phrase of its own with its adjectives and article; the noun before it is the clause's
    subject (the source had been "die USA Medienberichten"), unless it is a genitive
    ("des Ministeriums Angaben zufolge"). A capitalised adjective that opens the sentence
    is the noun's ("Russischen Angaben zufolge" had given "Angaben"; review 136)."""
    head = toks[k - 1].text if k > start else ""
    if not (head in NOMINAL or _compound_report(head)):
        return start
    j = k - 1
    while j > start and (toks[j - 1].cls == "A" or opening_adjective(toks, j - 1)):
        j -= 1
    if j > start and toks[j - 1].cls == "D":
        j -= 1
    before = toks[j - 1] if j > start else None
    return (
        j if before is not None and before.cls == "N" and not before.text.endswith("s") else start
    )


_OWN = frozenset({"eigenen", "eigener"})


def _own_noun(toks: list[Token], k: int, hi: int) -> str:
    """The report noun of "eigenen Angaben" right after the preposition at ``k``, else ""
    (review 221: "laut eigenen Angaben" had had no source)."""
    own = k + 2 < hi and toks[k + 1].lower in _OWN and toks[k + 2].text in NOMINAL
    return toks[k + 2].text if own else ""


def _own_source(toks: list[Token], kind: str, cue: str, at: int, lo: int) -> Found | None:
    """ "Das Militär hat eigenen Angaben zufolge ...", "griff das Militär nach eigenen
    Angaben an": the source is the phrase before, past the verb between; or the clause's
    subject where it opens the clause ("Ein Aktivist kaufte die Dateien nach eigener
    Aussage": the activist, not the files)."""
    verb = next((j for j in range(lo, at) if _opens_middle(toks, j)), at)
    # the whole prefield, as a verb cue's subject is found: "Die Gruppe aus dem Jemen",
    # "Die von Iran unterstützte Miliz im Jemen" (their place had been the source)
    opening = prefield(toks, lo, verb) if lo < verb < at and toks[lo].cls != "P" else None
    if opening is not None:
        opening = _speaker_after_verb(toks, verb, at, *opening) or opening
        return _found(toks, kind, cue, *opening)
    end = _before_brackets(toks, at, lo)
    while end > lo and toks[end - 1].cls not in "NP" and at - end < 3:
        end -= 1
    if end <= lo or toks[end - 1].cls not in "NP":
        return None
    start = _with_place(toks, np_backward(toks, end, lo), lo)
    if toks[start].lower in NO_SUBJECT | _GENITIVE_OPENERS:
        return _found(toks, kind, cue, *_past_oblique(toks, start, end, lo))
    return _found(toks, kind, cue, start, end)


def _past_oblique(toks: list[Token], start: int, end: int, lo: int) -> tuple[int, int]:
    """A phrase that opens with an object's or a genitive's article is no subject, which
    alone has "eigene Angaben" (review 221: each had been the source): a relative pronoun
    that opens its clause is left out (", den Trump nach eigenen Angaben leiten wird"), else
    the phrase's owner is the source ("eines Aktionsplans der Streitkräfte"), else none
    ("beim Einkauf ihrer Lebensmittel")."""
    if start == lo and lo > 0 and toks[lo - 1].text == ",":
        return start + 1, end
    return _owner(toks, start, end) or (end, end)


def _before_brackets(toks: list[Token], at: int, lo: int) -> int:
    """Where a phrase before ``at`` ends, a bracket right before it aside: "Ministerin
    Katherina Reiche (CDU) laut eigenen Angaben" is hers, not the party's (review 221)."""
    if at - 1 <= lo or toks[at - 1].text != ")":
        return at
    return next((j for j in range(at - 2, lo, -1) if toks[j].text == "("), at)


def _speaker_after_verb(
    toks: list[Token], verb: int, at: int, a: int, b: int, named: bool = False
) -> tuple[int, int] | None:
    """ "Ein Großteil konnte das Militär nach eigenen Angaben abfangen": where the phrase
    before the verb is a thing, which has no "eigene Angaben", and a noun for a person or
    an institution follows the verb with its article, that one gives them (review 169: the
    thing had been the source). With ``named`` also "sie" or a name right after the verb
    ('Die Gespräche nannte Trump "gut"': review 217, the thing had been the source)."""
    if not a_thing(toks, a, b):
        return None
    j = verb + 1
    if named and j < at and toks[j].lower == "sie":
        return j, j + 1
    if named and j < at and toks[j].cls == "N" and not dictionary_noun(toks[j].text):
        return j, np_forward(toks, j, at, coord=False)
    if j >= at or toks[j].lower not in NOMINATIVE_ARTICLES:
        return None
    end = np_forward(toks, j, at, coord=False)
    noun = next((toks[h] for h in range(end - 1, j, -1) if toks[h].cls == "N"), None)
    return (j, end) if noun is not None and speaker_noun(noun.text) else None


def _opens_middle(toks: list[Token], j: int) -> bool:
    """A finite verb, not a participle before its noun ("die von Iran unterstützte Miliz")."""
    if toks[j].lower in AUXILIARIES:
        return True
    return verb_like(toks[j]) and j + 1 < len(toks) and toks[j + 1].cls not in "NA"


def _with_place(toks: list[Token], start: int, lo: int) -> int:
    """ "hat die Führung in Teheran nach eigenen Angaben": a place after a noun is the
    noun's, which is the source, not the place."""
    if start - 1 > lo and toks[start - 1].lower in PLACE:
        before = np_backward(toks, start - 1, lo)
        return before if before < start - 1 else start
    return start


def _nominal_cue(toks: list[Token], k: int, hi: int) -> Found | None:
    """After "nach Angaben": "der Polizei", or "ihren" (resolved like "sie"); a country's
    adjective before the noun is the source: "nach iranischen Angaben" are Iran's (review
    61 had found none); so is a name in the genitive ("nach Dobrindts Angaben") and a
    compound's first part ("nach Polizeiangaben", "nach US-Angaben": the compound is the
    source); after another adjective the noun alone is, a report of no one's ("nach
    offiziellen Angaben"), unless an owner follows."""
    first = toks[k + 1]
    adjective = load_gazetteer().country_adjective(first.text)
    second = toks[k + 2].text if k + 2 < hi else ""
    if first.lower in POSSESSIVES or adjective is not None or _genitive_name(first):
        if second in NOMINAL:
            return Found(NOMINAL[second], f"nach {second}", k + 1, k + 2)
        if adjective is None:
            return None
    if first.text in NOMINAL:
        return _after_noun(toks, k + 2, hi, NOMINAL[first.text], f"nach {first.text}")
    noun = _compound_report(first.text)
    if noun is not None:  # "nach Polizeiangaben"
        return Found(NOMINAL[noun], f"nach {noun}", k + 1, k + 2)
    if first.cls != "A" or k + 2 >= hi:
        return None
    noun = second if second in NOMINAL else _compound_report(second)
    if noun is None:
        return None
    if noun != second:  # "nach deutschen Regierungsangaben"
        return Found(NOMINAL[noun], f"nach {noun}", k + 1, k + 3)
    owner = _after_noun(toks, k + 3, hi, NOMINAL[noun], f"nach {noun}")
    return owner or Found(NOMINAL[noun], f"nach {noun}", k + 2, k + 3)


def _genitive_name(tok: Token) -> bool:
    """ "Dobrindts", "Trumps": a capitalised word in -s before the report noun."""
    return tok.cls == "N" and tok.text.endswith("s") and tok.text[:1].isupper()


def _compound_report(word: str) -> str | None:
    """The report noun a compound ends in: "Polizeiangaben", "US-Angaben" -> "Angaben";
    its first part is a noun, itself or less a linking "s" ("Regierungsangaben"), or stands
    before a hyphen. A word's mere beginning is none: "sucht nach Antworten" is no
    "nach Worten" ("Ant"), "Einschätzungen" no "Schätzungen" (review 207)."""
    lower = word.lower()
    for noun in NOMINAL:
        if len(lower) > len(noun) + 1 and lower.endswith(noun.lower()) and word[:1].isupper():
            return noun if _first_part(word[: -len(noun)]) else None
    return None


def _first_part(left: str) -> bool:
    """ "Polizei", "Regierungs", "Behörden", "US-": a compound's first part, not "Ant"."""
    stems = {left, left.removesuffix("s"), left.removesuffix("es")}
    return left.endswith("-") or any(dictionary_noun(stem) for stem in stems if len(stem) > 2)


# "beider", "aller", "einiger", "zweier": a plural's genitive without an article ("nach
# übereinstimmender Darstellung beider Seiten": the noun alone had been the source, review 207)
_PLURAL_GENITIVES = frozenset({"beider", "aller", "einiger", "zweier"})
_GENITIVE_OPENERS = frozenset({"eines", "einer", "seines", "seiner", "ihres", "ihrer"})


def _after_noun(
    toks: list[Token], j: int, hi: int, kind: str, cue: str, headline: bool = False
) -> Found | None:
    """The source after "nach Angaben": a genitive ("der Polizei", "eines Sprechers",
    "örtlicher Krankenhäuser", "Irans"), or "von"/"aus" + phrase; after a headline's noun
    only a genitive with its article or "von" ("im Bericht aus Berlin:" is a programme)."""
    if j >= hi:
        return None
    if _opens_genitive(toks, j, headline):
        return _found(toks, kind, cue, j, _genitives(toks, j, hi))
    if toks[j].lower in OF or (toks[j].lower == "aus" and not headline):
        end = listed_after(toks, np_forward(toks, j + 1, hi, coord=False), closed=False)
        return _found(toks, kind, cue, j + 1, end)
    return None


def _opens_genitive(toks: list[Token], j: int, headline: bool) -> bool:
    """A genitive starts at ``j``: with its article, or bare but not after a headline's noun."""
    bare = toks[j].lower in _PLURAL_GENITIVES | _GENITIVE_OPENERS or toks[j].cls in "AN"
    return toks[j].lower in GENITIVE or (bare and not headline)


def _genitives(toks: list[Token], j: int, hi: int) -> int:
    """The end of the genitives from ``j``, a list of them included; after "und"/"sowie" only
    another genitive ("beider Seiten sowie des Vermittlers Pakistans": the mediator had been
    lost, review 213; not "der Gruppe Timer und ein Liter Grillanzünder"); ``j`` if none."""
    plural = toks[j].lower in _PLURAL_GENITIVES
    noun = np_forward(toks, j + plural, hi, coord=False)
    if noun == j + plural:
        return j
    end = listed_after(toks, noun, closed=False)
    if end + 1 < hi and toks[end].lower in LIST_ENDS and _opens_genitive(toks, end + 1, False):
        more = _genitives(toks, end + 1, hi)
        return more if more > end + 1 else end
    return end


def _document_or_found(
    toks: list[Token], kind: str, cue: str, a: int, b: int, hi: int = -1
) -> Found | None:
    """None where the phrase is a rule or a plan ("laut Gesetz"): it reports nothing; the
    owner a relative clause right after it names where its clause ends at ``hi``."""
    if _a_rule(toks, a, b, cue):
        return None
    owner = relative_owner(toks, hi) if b == hi else None
    return _found(toks, kind, cue, *(owner or (a, b)))


def _a_rule(toks: list[Token], a: int, b: int, cue: str = "laut") -> bool:
    """A law, a draft or a plan in the phrase ("laut Gesetz"; "geht aus dem Gesetzentwurf
    hervor" takes the list of "laut", review 213: what a draft says is no one's report),
    also as a compound's last part ("laut Tierschutzgesetz", "der Hafenverordnung zufolge";
    review 231: they had been sources)."""
    words = EXCLUDES.get(cue, frozenset())
    return any(t.text in words or _compound_of(t.text, words) for t in toks[a:b])


def _compound_of(word: str, words: frozenset[str]) -> bool:
    """Whether a capitalised word ends in one of ``words``, lower-cased ("Jugendschutz"
    + "gesetz", "Tierschutz-Hundeverordnung")."""
    return word[:1].isupper() and word.lower().endswith(_tails(words))


@lru_cache(maxsize=8)
def _tails(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


def _found(toks: list[Token], kind: str, cue: str, a: int, b: int) -> Found | None:
    if b <= a:
        return None
    a, b = reduce_generic(toks, a, b)
    return Found(kind, cue, _indefinite_report(toks, a, b), b)


# The heads of a report no one is named for, and their compounds ("Medienbericht").
_REPORT_HEADS = ("bericht", "meldung")


def _indefinite_report(toks: list[Token], a: int, b: int) -> int:
    """ "laut einem Medienbericht", "einem neuen Bericht zufolge": an indefinite report with
    no owner is named by its noun alone, as "Medienberichten zufolge" is (review 131: its
    article and adjectives had been in the source); "Bericht" alone then names no one, as
    "Berichten" does not (``unnamed``)."""
    head = toks[b - 1]
    if toks[a].lower not in INDEFINITE_ARTICLES or not head.lower.endswith(_REPORT_HEADS):
        return a
    return b - 1 if head.cls == "N" and all(t.cls == "A" for t in toks[a + 1 : b - 1]) else a


def _verb_cue(toks: list[Token], k: int, lo: int, hi: int) -> Found | None:
    if _asked(toks, k, lo):
        return None
    lemma = _cue_lemma(toks, k, lo, hi)
    if lemma is None:
        return None
    span = verb_subject(toks, k, lo, hi, lemma)
    if span is not None and lemma in STUDY_VERBS:
        span = _study_owner(toks, *span)
    elif span is not None and lemma in _FROM_DOCUMENT:
        owner = _owner(toks, *span) or relative_owner(toks, hi)
        span = None if _a_rule(toks, *span) else owner or span
    elif span is not None and lemma in QUOTED_PREDICATE:
        span = _caller(toks, k, hi, *span)
    if span is None:
        return None
    needs_clause = lemma in REQUIRES_CLAUSE and not _required_after(toks, k, lo, hi, lemma)
    if needs_clause and not (
        _reported_clause(toks, k, lo, hi, span, lemma)
        or _said_before(toks, k, lo)
        or (lemma in CLOSING_CLAUSE and _claim_before_closing(toks, k, lo, hi, span))
    ):
        return None
    return Found(VERBS[lemma], lemma, *span)


def _study_owner(toks: list[Token], a: int, b: int) -> tuple[int, int] | None:
    """The owner of a study or data that is the subject of "zeigen", "belegen", "ergeben":
    "Berechnungen des Instituts" -> "des Instituts", "eine Umfrage von Infratest" ->
    "Infratest"; none where the subject is no study ("Bilder zeigen") or no one's ("Die
    Studie zeigt"), as the verb then says nothing of anyone's (review 169)."""
    head = next((h for h in range(a, b) if toks[h].cls == "N"), b)
    if head >= b or not toks[head].text.endswith(STUDY_NOUNS):
        return None
    return _owner(toks, a, b)


# A report that "geht aus" a document "hervor" is its owner's where one is named: "aus dem
# Wochenbericht des Instituts" (review 207); else the document's, as "laut einer Umfrage".
_FROM_DOCUMENT = frozenset({"hervorgehen"})


def _owner(toks: list[Token], a: int, b: int) -> tuple[int, int] | None:
    """The owner after the phrase's first noun: "Daten des Amtes" -> "des Amtes", "eine
    Umfrage von Infratest" -> "Infratest"."""
    head = next((h for h in range(a, b) if toks[h].cls == "N"), b)
    if head + 1 >= b:
        return None
    after = toks[head + 1].lower
    if after in GENITIVE:
        return head + 1, b
    return (head + 2, b) if after in OF and head + 2 < b else None


def _asked(toks: list[Token], k: int, lo: int) -> bool:
    """Whether "ob" opens the cue's clause, or a part of it after "und"/"oder": "Unklar
    war, mit wem er sprach und ob die Staaten zugesagt haben" asks, says nothing (review
    161: the states had been a source)."""
    return any(
        toks[j].lower == "ob" and (j == lo or toks[j - 1].lower in _OR_AND) for j in range(lo, k)
    )


_OR_AND = frozenset({"und", "oder"})


# a clause these open asks or names what was meant: "Was er damit meinte, war unklar"
_QUESTION_WORDS = frozenset({"was", "wer", "wen", "wem", "wessen", "warum", "wieso", "ob"})


def _reported_clause(
    toks: list[Token], k: int, lo: int, hi: int, span: tuple[int, int], lemma: str
) -> bool:
    """Whether a cue that needs it has what was said after it as a clause of its own: its
    clause ends at a comma with only the subject and small words between the verb and it,
    and the clause after opens with "dass" or has a Konjunktiv ("Er droht, es werde die
    Hölle losbrechen", "Die Ministerin meint, das Gesetz sei gut"; review 153: these had
    been no cues, while "Die Lage droht, sich zu verschlechtern" names a risk)."""
    if hi >= len(toks) or toks[hi].text != "," or toks[lo].lower in _QUESTION_WORDS:
        return False
    if toks[lo].lower in SUBORDINATORS:
        return False
    between = [j for j in range(k + 1, hi) if not span[0] <= j < span[1]]
    if any(toks[j].cls != "O" or toks[j].lower in PREPOSITIONS for j in between):
        return False  # "fand keine Hinweise, dass": an object
    after = toks[hi + 1 : hi + 1 + WINDOW]
    if after and after[0].lower == "dass":
        return True
    if lemma in ZU_CLAUSE and _someone(toks[span[0] : span[1]]) and _zu_infinitive_in(after):
        return True
    return any(konjunktiv_form(t) or t.lower in KONJUNKTIV_II for t in after)


def _said_before(toks: list[Token], k: int, lo: int) -> bool:
    """What was said stands before the cue, which opens its clause after a comma: a quote
    that closes there ('„…“, meint X') or a main clause with a Konjunktiv ('Das Gesetz sei
    gut, findet X'). Review 246: "meint Pierre X" after a quote had no cue, and the quote
    and the Konjunktiv after it went on with the speaker before. Not after a clause that
    a subordinator or a question word opens ('Wenn es sein müsse, findet ...')."""
    if _after_quote(toks, k, lo):
        return True
    start = _clause_before(toks, k, lo)
    return start is not None and any(konjunktiv_form(t) for t in toks[start : k - 1])


def _clause_before(toks: list[Token], k: int, lo: int) -> int | None:
    """Where the clause before the comma right before a cue that opens its clause starts;
    None where there is none or a subordinator or a question word opens it."""
    if k != lo or k < 2 or toks[k - 1].text != ",":
        return None
    start = k - 1
    while start > 0 and toks[start - 1].cls != "B":
        start -= 1
    opener = toks[start].lower if start < k - 1 else ""
    if not opener or opener in SUBORDINATORS or opener in _QUESTION_WORDS:
        return None
    return start


def _claim_before_closing(
    toks: list[Token], k: int, lo: int, hi: int, subject: tuple[int, int]
) -> bool:
    """ "Alkohol ist zu billig, finden Politiker der SPD.": the sentence's main clause, in
    the indicative too, before a cue that its subject alone follows to the sentence's end
    or a dash (``CLOSING_CLAUSE``; review 283: 2 such claims had had none). Not with an
    object after the subject ('..., fanden die Helfer einen Weg'), nor after a relative
    or subordinate clause ('Den Schlüssel, den er verlor, fand die Nachbarin')."""
    if _clause_before(toks, k, lo) != 0:
        return False
    closes = hi == len(toks) or toks[hi].text in _SENTENCE_ENDS or toks[hi].text in _DASHES
    return closes and subject == (k + 1, hi)


_DASHES = frozenset({"-", "–", "—"})


# personal pronouns that name someone; "es" does not ("Es droht, ... zu kippen")
_PERSONAL = frozenset({"er", "sie", "ich", "wir"})


def _someone(span: list[Token]) -> bool:
    """Whether a subject is someone who may threaten: a personal pronoun, a noun for a
    person or an institution ("Die Gewerkschaft"), or a name without an article ("Donald
    Trump", "Moskau"), not a thing ("Die Lage", "Das Gesetz"), which "droht, ... zu"
    as a risk (review 157); a country with its article is a state ("Der Iran", "Die USA";
    review 161), its compound no country ("Der Iran-Konflikt droht, ... zu eskalieren")."""
    if len(span) == 1 and span[0].lower in _PERSONAL:
        return True
    nouns = [t for t in span if t.cls == "N"]
    if not nouns:
        return False
    return speaker_noun(nouns[-1].text) or span[0].cls != "D" or _country_alone(span)


def _country_alone(span: list[Token]) -> bool:
    """An article and a country's name, nothing else: "Der Iran", "die Türkei"."""
    if len(span) != 2 or span[0].cls != "D":
        return False
    hit = load_gazetteer().name(span[1].text)
    return hit is not None and hit.place.kind == "country" and not hit.derived


def _zu_infinitive_in(after: list[Token]) -> bool:
    """An infinitive with "zu" in what follows: "zu streichen", "auszusetzen", a quoted
    '"auszuschalten"'; not the preposition before a noun ("zu Hause")."""
    for j, tok in enumerate(after):
        word = tok.lower.strip('"„“”»«')
        if zu_infinitive(word):
            return True
        nxt = after[j + 1].text if j + 1 < len(after) else ""
        if word == "zu" and nxt[:1].islower() and nxt.endswith("n"):
            return True
    return False


def _filler(toks: list[Token], k: int) -> bool:
    """ "sagen wir mal", "ich sag jetzt mal", "sag ich mal": a filler that says nothing
    (review 231: three were claims of "wir" or of the one asked); "Er sagte mal" speaks."""
    after = [t.lower for t in toks[k + 1 : k + 4]]
    end = next((j for j, word in enumerate(after) if word in _ONCE), None)
    if end is None or any(word not in _FILLER_WORDS for word in after[:end]):
        return False
    return "wir" in after[:end] or "ich" in after[:end] or (k > 0 and toks[k - 1].lower == "ich")


_ONCE = frozenset({"mal", "einmal"})
_FILLER_WORDS = frozenset({"wir", "ich", "jetzt", "es", "einfach", "so"})


def _required_after(toks: list[Token], k: int, lo: int, hi: int, lemma: str) -> bool:
    """The word a cue needs (``REQUIRES_AFTER``) after it in its clause, or as its adverb
    with "da(r)-" ("begründete das damit, dass", "drohte damit, ..."); before it where the
    cue is a participle that closes its clause in the perfect ("hat mit Zöllen gedroht",
    "hatte das mit der Lage begründet"). Review 283: 4 such claims of 150 items had had
    none. Not "Mit dem Sturm drohen Schäden" (no perfect), nor "ihm wird mit Haft gedroht",
    nor "Mit der Flut hat eine Krise gedroht" (the word before the auxiliary)."""
    needed = REQUIRES_AFTER.get(lemma)
    if needed is None:
        return False
    forms = {needed, "da" + needed, "dar" + needed}
    if any(t.lower in forms for t in toks[k + 1 : hi]):
        return True
    if not all(not t.text[:1].isalnum() or t.lower in _PERFECT for t in toks[k + 1 : hi]):
        return False
    # after the auxiliary, in the middle field: not "Mit der Flut hat eine Krise gedroht"
    aux = next((j for j in range(lo, hi) if toks[j].lower in _PERFECT), None)
    return aux is not None and aux < k and any(t.lower in forms for t in toks[aux + 1 : k])


# the auxiliary of the perfect, which leaves a participle at its clause's end
_PERFECT = frozenset({"hat", "hatte", "haben", "hatten", "habe", "hätte", "hätten"})


def _cue_lemma(toks: list[Token], k: int, lo: int, hi: int) -> str | None:
    tok = toks[k]
    if tok.cls not in "OA" or not tok.text[0].islower() or not _verbal(toks, k):
        return None
    lemma = verb_lemma(tok.lower)
    for particle, compound in SEPARABLE.get(lemma, []):
        # "gab ... bekannt"; "hat ... bekannt gegeben", which is written apart
        # "hat ... deutlich gemacht" too (review 263; not "klar": "die allen die Lage klar
        # macht" of a thing had been a quote)
        apart = particle in _APART and k > lo and toks[k - 1].lower == particle
        if (hi - 1 > k and toks[hi - 1].lower == particle) or apart:
            lemma = compound
            break
    else:
        if _other_compound(toks, k, hi, lemma):
            return None
        lemma = _particle_at_the_end(toks, k, lemma)
    lemma = _with_infinitive(toks, k, lo, hi, lemma)
    if lemma not in VERBS or (lemma == "sagen" and _filler(toks, k)):
        return None
    around = toks[max(lo, k - WINDOW) : k + WINDOW]
    needed = REQUIRES.get(lemma, ())
    if needed and not _any_in_a_row(around, needed) and not _said_before_close(toks, k, lo, hi):
        return None
    if lemma in SAID_AFTER and not _said_after(toks, hi):
        return None  # "lässt das Fest von einem Verein ausrichten" (review 263)
    opened = lemma not in OPENED_BY or toks[lo].lower in OPENED_BY[lemma]
    if not opened and not _names_informants(toks[lo:hi]):
        return None  # "Er erfuhr davon aus der Zeitung": learning, no report (review 263)
    # "Mit dem Sturm drohen Schäden": a risk, not a threat (a clause may do: _verb_cue)
    needs_word = lemma in REQUIRES_AFTER and lemma not in REQUIRES_CLAUSE
    if needs_word and not _required_after(toks, k, lo, hi, lemma):
        return None
    if any(t.text in EXCLUDES.get(lemma, ()) for t in around):
        return None
    if _excluded_in_clause(toks[lo:hi], lemma):
        return None  # people turned away at a border, a court's sentence (review 149)
    if lemma in QUOTED_PREDICATE and not _quoted_beside(toks, k, hi):
        return None  # "nannte die Zahl von 10.000" names something (review 217)
    if lemma in DECLARING and _declares(toks, k, lo, hi):
        return None  # "hat den Verein zur unerwünschten Organisation erklärt" (review 169)
    if _negated(toks, k, hi):
        return None
    return lemma


def _names_informants(clause: list[Token]) -> bool:
    """ "aus Regierungskreisen", "aus Kreisen der Partei", "von mehreren Insidern": the
    clause names informants after "aus" or "von" within three words (review 270)."""
    return any(
        tok.lower in INFORMED_FROM
        and any(t.lower.endswith(INFORMANTS) for t in clause[i + 1 : i + 4])
        for i, tok in enumerate(clause)
    )


_APART = frozenset({"bekannt", "deutlich"})


def _negated(toks: list[Token], k: int, hi: int) -> bool:
    """ "nicht" closes the cue's clause or stands right before the particle or participle
    that closes it: "Welche Ziele getroffen wurden, teilte die Armee nicht mit", "sagte er
    nicht", "hat das bislang nicht bestätigt" say nothing (review 246: one was a claim of
    the Revolutionary Guard); "Er sagte nicht nur ..." and "Er sagte, es gehe nicht" do,
    and so does a cue with a clause of "dass" after it: "Er glaube nicht, dass ..." is
    what he thinks."""
    if hi + 1 < len(toks) and toks[hi].text == "," and toks[hi + 1].lower == "dass":
        return False
    if hi <= k + 1:
        return k > 0 and toks[k - 1].lower == "nicht"
    if k > 0 and toks[k - 1].lower == "nicht" and all(t.lower in MODALS for t in toks[k + 1 : hi]):
        return True  # "hätten nicht erklären können, warum ..." (review 260)
    last = toks[hi - 1].lower
    return last == "nicht" or (hi - 2 > k and toks[hi - 2].lower == "nicht" and last in PARTICLES)


def _caller(toks: list[Token], k: int, hi: int, a: int, b: int) -> tuple[int, int] | None:
    """Who calls something so ('nannte ... "gut"'): after a thing before the verb, the
    name or "sie" after it; none for a bare thing after the verb, the object of a glued
    headline ('... Ribera nennt Israels Vorgehen "Genozid"', review 217)."""
    if b == k:
        return _speaker_after_verb(toks, k, hi, a, b, named=True) or (a, b)
    return None if a > k and toks[a].cls != "D" and a_thing(toks, a, b) else (a, b)


def _after_comma(toks: list[Token], k: int) -> bool:
    """A comma right before ``k``, or a comma inside the closing mark before it ('besser,“
    so Reuter', review 226: the comma inside the marks had left the quote without a cue)."""
    if toks[k - 1].text == ",":
        return True
    return k > 1 and toks[k - 1].text in QUOTE_MARKS and toks[k - 2].text == ","


def _after_quote(toks: list[Token], k: int, lo: int) -> bool:
    """The cue opens its clause right after a quote's close and a comma ('„…“, führte X
    aus', '„…“, kommentierte X'): the quote is what it says, so a cue that otherwise needs
    a word beside it ('führte aus, dass'; not 'Angriffe ausgeführt') counts (review 226)."""
    if k != lo or k < 2 or not _after_comma(toks, k):
        return False
    return toks[k - 1].text in QUOTE_MARKS or toks[k - 2].text in QUOTE_MARKS


def _said_before_close(toks: list[Token], k: int, lo: int, hi: int) -> bool:
    """What was said stands before a cue that needs a word beside it: a quote's close
    (:func:`_after_quote`), or a clause before a comma after which the cue, its subject
    and the particle that closes it end the sentence ('..., führte Putin aus.', '..., fuhr
    Radtke fort.'; review 273: 2 such sentences and the 2 after them had had no claim).
    Not with an object ('..., führte die Armee den Befehl aus'), nor in a sentence that a
    subordinate clause opens ('Als der Zug kam, fuhr der Bus fort')."""
    if _after_quote(toks, k, lo):
        return True
    closes = hi == len(toks) or toks[hi].text in _SENTENCE_ENDS
    if not closes or hi - 1 <= k + 1 or toks[hi - 1].lower not in PARTICLES:
        return False
    if k != lo or k < 2 or toks[k - 1].text != ",":
        return False
    if np_forward(toks, k + 1, hi - 1, coord=False) != hi - 1:
        return False  # an object beside the subject, or no subject
    # the sentence opens with what was said, not with a clause of the cue's own
    opener = toks[0].lower
    return opener not in SUBORDINATORS and opener not in _QUESTION_WORDS


_SENTENCE_ENDS = frozenset({".", "!", "?"})


def _quoted_beside(toks: list[Token], k: int, hi: int) -> bool:
    """Words in quotation marks after the cue in its clause, the mark that ends the clause
    included ('nannte den Schritt "richtig"'), or right before it ('"Historisch" nennt er
    es'): what was called so is the speaker's word. Not with "nicht" closing the clause:
    'nannten die Länder der "Koalition der Willigen" nicht' named nothing."""
    if toks[hi - 1].lower == "nicht":
        return False
    before = k > 0 and toks[k - 1].text in QUOTE_MARKS
    return before or any(t.text in QUOTE_MARKS for t in toks[k + 1 : hi + 1])


def _excluded_in_clause(clause: list[Token], lemma: str) -> bool:
    """A word of ``EXCLUDES_IN_CLAUSE`` in the cue's clause, or its words one after another
    where it has several: "im Amt bestätigt" is a re-election (review 238)."""
    listed = EXCLUDES_IN_CLAUSE.get(lemma, frozenset())
    if any(t.text in listed for t in clause):
        return True
    return any(_in_a_row(clause, words.lower().split()) for words in listed if " " in words)


def _any_in_a_row(toks: list[Token], options: tuple[str, ...]) -> bool:
    """Whether any of ``options``, a word or words in a row, stands in ``toks``."""
    return any(_in_a_row(toks, words.split()) for words in options)


def _in_a_row(toks: list[Token], words: list[str]) -> bool:
    """Whether ``words`` stand in ``toks`` one after another ("von sich")."""
    n = len(words)
    return any([t.lower for t in toks[i : i + n]] == words for i in range(len(toks) - n + 1))


_POINTING_BACK = frozenset({"das", "dies", "so"})


def _declares(toks: list[Token], k: int, lo: int, hi: int) -> bool:
    """Whether the cue declares something to be something: a phrase with "zu" closes its
    clause, the cue and a particle aside ("hat das Gebiet zur Sperrzone erklärt", "erklärte
    das Gebiet zur Sperrzone"), and nothing said follows it: no colon, no "dass" or
    Konjunktiv after a comma ("erklärte zum Abschluss: ...", "erklärte zur Lage, sie sei
    ernst" say something). Russia's declaring an organisation "unerwünscht" had been a
    statement of Russia's."""
    if toks[lo].lower in _POINTING_BACK and lo + 1 < hi and toks[lo + 1].cls not in "AN":
        return False  # "Das erklärte der Minister zum Abschluss": what was said before
    if k + 1 < hi and toks[k + 1].lower in _OR_AND:
        hi = k + 1  # "zur Sperrzone erklärt und ...": the verb closes its part
    end = hi - 1 if hi - 1 > k and toks[hi - 1].lower in PARTICLES else hi
    if end == k + 1:
        end = k  # the verb closes its clause: the phrase stands before it
    opens = next((j for j in range(end - 1, lo - 1, -1) if toks[j].lower in ZU_FORMS), None)
    phrase = [t for t in toks[opens + 1 : end] if t.text not in QUOTE_MARKS] if opens else []
    if not phrase or any(t.cls not in "DAN" for t in phrase) or phrase[-1].cls != "N":
        return False
    return not _said_after(toks, hi)


def _said_after(toks: list[Token], hi: int) -> bool:
    """What was said follows the clause that ends at ``hi``: a colon, or a comma and a
    clause of "dass" or a Konjunktiv."""
    if hi >= len(toks) or toks[hi].text not in ",:":
        return False
    if toks[hi].text == ":":
        return True
    after = toks[hi + 1 : hi + 1 + WINDOW]
    stop = next((j for j, t in enumerate(after) if t.cls == "B"), len(after))
    said = after[:stop]
    return bool(said) and (said[0].lower == "dass" or any(konjunktiv_form(t) for t in said))


def _with_infinitive(toks: list[Token], k: int, lo: int, hi: int, lemma: str) -> str:
    """ "Er ließ wissen, dass ...", "Sie hat wissen lassen, ...": a verb that tells what
    was said only with an infinitive, which closes its clause or stands right before it
    (review 169: "wissen lassen" had been no cue)."""
    compounds = WITH_INFINITIVE.get(lemma)
    if not compounds:
        return lemma
    for j in (hi - 1, k - 1):
        if lo <= j < hi and j != k and toks[j].lower in compounds:
            return compounds[toks[j].lower]
    return lemma


def _particle_at_the_end(toks: list[Token], k: int, lemma: str) -> str:
    """ "Die Behörde wirft dem Täter, der 24 war, Mord vor.", "Er rief zu einer "Epoche des
    Friedens" auf.": a relative clause or a quote splits the clause, and the particle of a
    verb that is no cue without it ends the sentence (both had been missed)."""
    if lemma in VERBS:
        return lemma
    last = next((j for j in range(len(toks) - 1, k, -1) if toks[j].text[:1].isalnum()), k)
    ends = last > k and all(t.cls == "B" for t in toks[last + 1 :])
    for particle, compound in SEPARABLE.get(lemma, []):
        if ends and toks[last].lower == particle:
            return compound
    return lemma


def _other_compound(toks: list[Token], k: int, hi: int, lemma: str) -> bool:
    """ "sagte ihren Besuch ab": a cue verb whose clause ends in a particle that makes
    another verb of it says nothing (review 136: "absagen", calling off, had been "sagen",
    a quote, in 3 of 150 stream items). Only the verb's own clause: the sentence's last
    particle may be the reported verb's ("Sie sagte, der Konzern baue Stellen ab.")."""
    return hi - 1 > k and toks[hi - 1].lower in OTHER_COMPOUNDS.get(lemma, ())


def _verbal(toks: list[Token], k: int) -> bool:
    """Not "das befürchtete Chaos" (an adjective) nor "zu verteidigen" (no subject)."""
    lower = toks[k].lower
    if k > 0 and toks[k - 1].lower == "zu":
        return False
    if before_its_noun(toks, k):
        # "der bereits angekündigte neue Zollsatz" says who announced nothing; "die von
        # Merz angekündigte Kooperation" does
        return any(t.lower in AGENT for t in toks[max(0, k - 5) : k])
    if _attributive_after_adverb(toks, k) or _attributive_after_number(toks, k):
        return False  # "das scharf kritisierte Vorhaben", "acht bestätigte Fälle"
    if k > 0 and toks[k - 1].cls == "D" and k + 1 < len(toks) and toks[k + 1].cls in "NA":
        # "das befürchtete Chaos", "Die angekündigten Maßnahmen" but not "Das kündigte X an"
        opens_clause = k == 1 or toks[k - 2].cls == "B"
        if not opens_clause or participle(lower) or _before_subject_and_verb(toks, k):
            return False
    return not zu_infinitive(lower)


def _before_subject_and_verb(toks: list[Token], k: int) -> bool:
    """ "Die verurteilte Terroristin X ist ...", "Der kritisierte Plan soll ...": after the
    clause's opening article, a form in "-te(n)" before a noun phrase that the finite verb
    follows is the noun's adjective, a participle with no "ge-" (review 231: the convicted
    had been the one who condemned), not the verb with the phrase as its subject ("Das
    bestätigte Sprecher X am Montag")."""
    if not _ATTRIBUTIVE_ENDING.search(toks[k].lower):
        return False
    end = np_forward(toks, k + 1, len(toks), coord=False)
    return k + 1 < end < len(toks) and verb_like(toks[end])


_ATTRIBUTIVE_ENDING = re.compile(r"t(?:e|en|er|es|em)$")


def _attributive_after_adverb(toks: list[Token], k: int) -> bool:
    """A participle with an adjective's ending between a determiner with one or two adverbs
    and its noun: "das scharf kritisierte Vorhaben", "die lange erwartete Reform" (the
    committee that approved the criticised plan had been its critic; "kritisierte" has no
    "ge-" that would show it a participle)."""
    if k + 1 >= len(toks) or toks[k + 1].cls not in "NA":
        return False
    if not _ATTRIBUTIVE_ENDING.search(toks[k].lower):
        return False
    j = k - 1
    while j >= 0 and k - j <= 2 and _adverb_like(toks[j]):
        j -= 1
    return j < k - 1 and j >= 0 and toks[j].cls == "D"


def _attributive_after_number(toks: list[Token], k: int) -> bool:
    """ "acht bestätigte Infektionen", "12 gemeldete Fälle": a participle with an
    adjective's ending between an amount and its noun (review 136: the noun had been the
    source of "bestätigen"); a year before a verb is no amount ("2024 meldete Reuters")."""
    if k == 0 or k + 1 >= len(toks) or toks[k + 1].cls not in "NA":
        return False
    if not _ATTRIBUTIVE_ENDING.search(toks[k].lower):
        return False
    before = toks[k - 1].text
    if is_number(before):
        return not (before.isdigit() and len(before) == 4 and before[:2] in {"19", "20"})
    # "acht" is also "achten"'s; before an inflected participle and a noun it is the amount
    return before.lower() in number_words()


def _adverb_like(tok: Token) -> bool:
    """A small word that may stand between a determiner and its participle: "scharf", not
    a preposition's "von ihm" ("den von ihm verkündeten Zoll" names its agent)."""
    return tok.cls == "O" and tok.text.islower() and tok.lower not in PREPOSITIONS
