"""The noun phrases of attribution: where a phrase that may name a source ends, read
forward from its first token (:func:`np_forward`, past adjectives, an extended attribute,
a genitive, "von NAME", a place, a parenthesis or a coordinated phrase) or back from its
last (:func:`np_backward`); a generic report noun reduced to its owner ("einem Bericht der
Zeitung"), a list of names the commas cut, and a preposition's phrase. Apart because the
cues, the subjects and the quotes all find their sources with them."""

from __future__ import annotations

from chronik.analysis.attribution_tokens import Token, is_number
from chronik.analysis.attribution_words import (
    ADDRESSEES,
    DATIVE,
    GENERIC,
    GENITIVE,
    LIST_ENDS,
    MAX_NP,
    NON_AGENT_ENDINGS,
    OF,
    PLACE,
    PREPOSITIONS,
    PUBLISHING,
    QUANTITIES,
    lemma_of,
    speaker_noun,
    verb_lemma,
)
from chronik.analysis.german import ADJECTIVE_ENDINGS, NOMINATIVE_ARTICLES
from chronik.analysis.lemmas import is_known


def np_forward(
    toks: list[Token],
    i: int,
    hi: int,
    place: bool = False,
    coord: bool = True,
    attach: bool = True,
    extended: bool = False,
) -> int:
    """The end of the noun phrase that starts at ``i`` (``i`` when there is none); with
    ``extended``, past an extended attribute (as a prefield may have one, see
    ``attribution_subjects``)."""
    if i >= hi:
        return i
    if toks[i].cls == "P":
        return i + 1
    start = _past_attribute(toks, i, hi) if extended else i + (toks[i].cls == "D")
    start = _past_numeral(toks, i, start, hi)
    j = _skip_adjectives(toks, start, hi, i)
    k = j
    while k < hi and toks[k].cls == "N" and k - i < MAX_NP:
        k += 1
    if k == j and not _nominalised(toks, i, j):
        return i
    return _attachments(toks, k, hi, i, place, coord) if attach else k


def _past_numeral(toks: list[Token], i: int, start: int, hi: int) -> int:
    """Past a number or "beiden", "anderen" right after the article, which the word
    classes take for a determiner: "die beiden Minister", "die drei Buchhandlungen" (review
    263: the phrase had ended at the article, and "Die beiden Minister sagten, ..." had had
    no source)."""
    if start != i + 1 or toks[i].cls != "D" or start + 1 >= hi:
        return start
    if toks[start].lower in _AFTER_ARTICLE and toks[start + 1].cls in "AN":
        return start + 1
    return start


_AFTER_ARTICLE = frozenset(
    {"beide", "beiden", "zwei", "drei", "vier", "fünf", "andere", "anderen", "weitere", "weiteren"}
)


def _past_attribute(toks: list[Token], i: int, hi: int) -> int:
    """Past the determiner at ``i`` and an extended attribute after it, to the noun's own
    adjectives: "die von der Miliz kontrollierte Agentur", "der vom Bund geförderte
    Verein"; the attribute's last word is an inflected adjective or participle after a
    noun (not "der neuen" in "von der neuen Regierung"), nor an article ("des" in "der für
    den Schutz des Präsidenten zuständige Dienst": review 161, the source had ended there).
    An adverb may open the attribute: "der erst seit Mai amtierende Präsident"."""
    if toks[i].cls != "D":
        return i
    opens = i + 1 + _adverb_before_preposition(toks, i + 1, hi)
    if opens >= hi or toks[opens].cls != "O" or toks[opens].lower not in PREPOSITIONS:
        return i + 1
    for m in range(opens + 2, min(hi - 1, i + MAX_NP)):
        tok = toks[m]
        if tok.cls == "B":
            break
        inflected = (
            tok.cls != "D" and tok.text[:1].islower() and tok.lower.endswith(ADJECTIVE_ENDINGS)
        )
        if inflected and toks[m - 1].cls == "N" and toks[m + 1].cls in "NA":
            return m + 1
    return i + 1


def _adverb_before_preposition(toks: list[Token], j: int, hi: int) -> bool:
    """ "erst seit", "schon vor": a small adverb before the preposition of an attribute."""
    tok = toks[j] if j < hi else None
    return (
        tok is not None
        and j + 1 < hi
        and tok.cls == "O"
        and tok.text.islower()
        and tok.lower not in PREPOSITIONS
        and toks[j + 1].lower in PREPOSITIONS
    )


def _nominalised(toks: list[Token], i: int, j: int) -> bool:
    """An adjective written as a noun after its article: "der Paritätische"."""
    last = toks[j - 1]
    return j - i >= 2 and toks[i].cls == "D" and last.cls == "A" and last.text[:1].isupper()


def _skip_adjectives(toks: list[Token], j: int, hi: int, start: int) -> int:
    while j < hi and j - start < MAX_NP:
        tok = toks[j]
        if tok.cls == "A" or is_number(tok.text):
            j += 1
        elif _adverb_before_attribute(toks, j, hi):
            j += 2 + (toks[j + 1].lower == "nicht")
        elif tok.lower == "und" and j > start and toks[j - 1].cls == "A" and j + 1 < hi:
            if toks[j + 1].cls not in "AN":
                break
            j += 1
        else:
            break
    return j


def _adverb_before_attribute(toks: list[Token], j: int, hi: int) -> bool:
    """ "die staatlich kontrollierte Agentur", "die kurdisch geführten Kräfte": an adverb
    in -lich or -isch and the inflected word after it are an attribute of the noun that
    follows (the object after the verb, "zwei Tote", had been the source; review 95), also
    with "nicht" after the adverb: "ein namentlich nicht genannter Offizier" (review 161:
    the cue had had no source)."""
    negated = j + 1 < hi and toks[j + 1].lower == "nicht"
    if j + 2 + negated >= hi or j == 0 or toks[j - 1].cls not in "DA":
        return False
    adverb, attribute, noun = toks[j], toks[j + 1 + negated], toks[j + 2 + negated]
    inflected = attribute.text.islower() and attribute.lower.endswith(ADJECTIVE_ENDINGS)
    return (
        adverb.text.islower()
        and adverb.lower.endswith(("lich", "isch"))
        and inflected
        and noun.cls in "AN"
        and noun.text[:1].isupper()
    )


_AND = frozenset({"und", "sowie"})


def _attachments(toks: list[Token], k: int, hi: int, start: int, place: bool, coord: bool) -> int:
    """Extend a head by a genitive, "von NAME", "in PLACE" or a coordinated phrase."""
    for _ in range(3):
        if k + 1 >= hi or k - start >= MAX_NP:
            break
        lower = toks[k].lower
        if lower == "(":
            end = _parenthesis(toks, k, hi)
        elif lower in GENITIVE and not _addressee(toks, k, hi):
            end = np_forward(toks, k, hi, coord=False)
        elif lower in OF or (place and lower in PLACE):
            end = _names(toks, k + 1, hi)
            if lower in OF and end > k + 1 and _topic_after_name(toks, k, end):
                break  # "laut Orbán von US-Ölsanktionen": what he spoke of, not his side
            if place and end == k + 1 and toks[k + 1].lower in DATIVE:
                # before its verb: "Helmut Peter von der gleichnamigen Autohaus-Gruppe sagte",
                # "Die Gruppe aus dem Jemen hat"
                end = np_forward(toks, k + 1, hi, coord=False, attach=False)
        elif bare_genitive(toks, k, hi):
            # "Prognosen japanischer Fernsehsender sagten der LDP ... voraus" (review 153:
            # the phrase had ended at its head, and the dative object was the source)
            end = np_forward(toks, k, hi, coord=False)
        elif lower in _AND and coord:
            # "Lokale Behörden sowie die Familie widersprechen" (review 149: the object
            # after the verb had been the source)
            end = np_forward(toks, k + 1, hi, place, coord=False)
            end = end if end > k + 1 else k
        elif lower == "als" and coord and _as_well_as(toks, k, start):
            # "Sowohl Kuwait als auch Saudi-Arabien meldeten" (review 146: the object had
            # been the source)
            end = np_forward(toks, k + 2, hi, place, coord=False)
            end = end if end > k + 2 else k
        else:
            break
        if end <= k + 1:
            break
        k = end
    return k


def bare_genitive(toks: list[Token], k: int, hi: int) -> bool:
    """A genitive without an article after a noun: an adjective in -er and its noun
    ("Prognosen japanischer Fernsehsender", "Angaben örtlicher Behörden"), not an amount
    ("fordert der Bund der Steuerzahler weniger Verbeamtungen": the object)."""
    tok = toks[k]
    if k == 0 or toks[k - 1].cls != "N" or k + 1 >= hi or toks[k + 1].cls != "N":
        return False
    if tok.lower in QUANTITIES:
        return False
    return tok.cls == "A" and tok.text.islower() and tok.lower.endswith("er")


def _topic_after_name(toks: list[Token], k: int, end: int) -> bool:
    """ "laut Orbán von US-Ölsanktionen": after a name, "von" and a noun of an abstract
    ending (its singular's) that is no body's ("Regierung", "Kommission" are) say what the
    claim is of, not the speaker's side (review 146: the sanctions had been part of the
    source; "Björn Waldmann vom Orga-Team des CSD" keeps his team). After a common noun it
    is whose the role is: "Veranstalter von CSD-Demonstrationen"."""
    before = toks[k - 1].text
    if is_known(before, lang="de") and lemma_of(before)[:1].isupper():
        return False
    singular = lemma_of(toks[end - 1].text.rsplit("-", 1)[-1])
    return singular.lower().endswith(NON_AGENT_ENDINGS) and not speaker_noun(singular)


def _as_well_as(toks: list[Token], k: int, start: int) -> bool:
    """ "als auch" at ``k`` after a phrase from ``start`` that "sowohl" opens."""
    return toks[k + 1].lower == "auch" and start > 0 and toks[start - 1].lower == "sowohl"


def _addressee(toks: list[Token], j: int, hi: int) -> bool:
    """ "sagte ein Nato-Sprecher der Nachrichtenagentur Reuters": after a head, a news
    agency is whom it was said to, not whose the speaker is (review 95); after a report's
    noun it is the owner ("einem Bericht der Nachrichtenagentur Fars")."""
    if j > 0 and toks[j - 1].text in GENERIC:
        return False
    return any(t.text in ADDRESSEES for t in toks[j + 1 : min(hi, j + 3)])


def _parenthesis(toks: list[Token], k: int, hi: int) -> int:
    """The end of a short parenthesis after a name: "Steffen Bilger (CDU)"; one without a
    word is a mark, not part of the name ("der Spiegel (€)": behind a paywall)."""
    for j in range(k + 1, min(hi, k + 6)):
        if toks[j].text == ")":
            worded = any(c.isalpha() for tok in toks[k + 1 : j] for c in tok.text)
            return j + 1 if worded else k
    return k


def _names(toks: list[Token], j: int, hi: int) -> int:
    start = j
    while j < hi and toks[j].cls == "N" and j - start < 4:
        j += 1
    return j


def np_backward(toks: list[Token], k: int, lo: int) -> int:
    """The start of the noun phrase that ends just before ``k`` (``k`` when none)."""
    j = k
    while j > lo and k - j < MAX_NP:
        cls = toks[j - 1].cls
        if cls in "NA":
            j -= 1
        elif cls == "D":
            j -= 1
            genitive = toks[j].lower in GENITIVE and j > lo and toks[j - 1].cls == "N"
            if not genitive:
                break
        else:
            break
    has_noun = any(t.cls == "N" for t in toks[j:k])
    return j if has_noun else k


def reduce_generic(toks: list[Token], a: int, b: int) -> tuple[int, int]:
    """A generic report noun's owner is the source: "einem Bericht der Zeitung" -> "der Zeitung",
    also past an extended attribute ("einer im Fernsehen verlesenen Erklärung von X")."""
    for h in range(_past_attribute(toks, a, b), b):
        if toks[h].cls == "N":
            if toks[h].text in GENERIC and h + 1 < b and toks[h + 1].lower in GENITIVE | OF:
                offset = 2 if toks[h + 1].lower in OF else 1
                return h + offset, b
            break
    return a, b


def past_places(toks: list[Token], j: int, hi: int) -> int:
    """Past up to three prepositional phrases: ", so Kiper bei Telegram", ", so Pistorius im
    Bericht aus Berlin" had been no cue, and the sentence went to the source before
    (review 95)."""
    for _ in range(3):
        if j >= hi or toks[j].lower not in PREPOSITIONS:
            break
        end = prepositional(toks, j + 1, hi)
        if end == j + 1:
            break
        j = end
    return j


def listed_after(toks: list[Token], end: int, closed: bool) -> int:
    """Where a list of names that the clauses' split at commas cut off ends: "nach
    Recherchen von NDR, WDR und Süddeutscher Zeitung", "melden die Zeitungen Bild, Spiegel
    und FAZ" had named the first alone (review 95). Only names, in a list that ends with
    "und"; with ``closed`` only one that ends at a punctuation mark: after the verb,
    "sagte Merz, Paris und Rom seien sich einig" lists no speakers."""
    j, commas = end, 0
    while j < len(toks) and toks[j].text == ",":
        item = _list_item(toks, j + 1)
        if item == j + 1:
            return end
        j, commas = item, commas + 1
    if commas == 0 or j >= len(toks) or toks[j].lower not in LIST_ENDS:
        return end
    last = _list_item(toks, j + 1)
    if last == j + 1 or (closed and last < len(toks) and toks[last].cls != "B"):
        return end
    return last


def _list_item(toks: list[Token], j: int) -> int:
    """The end of a name in a list ("WDR", "Süddeutscher Zeitung"); ``j`` where none is.
    A person's role and name count as one, after an article and its adjectives too ("der
    französische Präsident Emmanuel Macron", "EU-Kommissionspräsidentin Ursula von der
    Leyen"; review 149: a list of eight speakers had named the first alone)."""
    k = j
    while k < len(toks) and k - j < 3 and toks[k].cls in "AN" and toks[k].text[:1].isupper():
        k += 1
    short = k if k > j and toks[k - 1].cls == "N" else j
    return max(short, _role_and_name(toks, j))


_NAME_PARTICLES = frozenset({"von", "van", "de", "der", "zu", "al"})


def _role_and_name(toks: list[Token], j: int) -> int:
    """The end of "der französische Präsident Emmanuel Macron": an article, small
    adjectives, then a role and a name of two capitalised words or more, particles
    ("von der") inside it; ``j`` where there is none."""
    k = j + 1 if j < len(toks) and toks[j].cls == "D" else j
    while k < len(toks) and k - j < 3 and toks[k].cls == "A" and toks[k].text.islower():
        k += 1
    words = 0
    while k < len(toks) and k - j < 8:
        tok = toks[k]
        if tok.cls in "AN" and tok.text[:1].isupper():
            words += 1
        elif not (words >= 2 and _particles_of_name(toks, k)):
            break
        k += 1
    return k if words >= 3 and toks[k - 1].cls == "N" else j


def _particles_of_name(toks: list[Token], k: int) -> bool:
    """Whether one or two particles at ``k`` go on to a name's capitalised word ("von der
    Leyen")."""
    m = k
    while m < len(toks) and m - k < 2 and toks[m].lower in _NAME_PARTICLES:
        m += 1
    return k < m < len(toks) and toks[m].text[:1].isupper()


def prepositional(toks: list[Token], j: int, hi: int) -> int:
    """The end of a preposition's phrase: "in Berlin", "im Eifer des Gefechts", "von
    mindestens 648 Toten"; an ambiguous "der" after it starts the subject ("sagte in
    Berlin der Minister")."""
    while j < hi and (toks[j].lower in QUANTITIES or is_number(toks[j].text)):
        j += 1
    end = np_forward(toks, j, hi, coord=False, attach=False)
    if end < hi and toks[end].lower == "des":
        end = np_forward(toks, end, hi, coord=False, attach=False)
    return end


_RELATIVES = frozenset({"den", "die", "das", "welchen", "welche", "welches"})


def relative_owner(toks: list[Token], hi: int) -> tuple[int, int] | None:
    """The owner a relative clause of publishing after the clause ending at ``hi`` names:
    "aus dem Lagebild hervor, welches das Bundeskriminalamt veröffentlicht hat" -> "das
    Bundeskriminalamt" (review 217: the document had been the source), "in einem Plan, den
    Ministerin X vorgestellt hat" -> "Ministerin X" (review 253: no article, no owner had
    been found); not "die heute veröffentlicht wurden" (no one named)."""
    if not 0 < hi < len(toks) - 2 or toks[hi].text != "," or toks[hi + 1].lower not in _RELATIVES:
        return None
    # "den Bundesminister X vorgestellt hat": a title and a name need no article
    if toks[hi + 2].lower not in NOMINATIVE_ARTICLES and toks[hi + 2].cls != "N":
        return None
    stop = next((j for j in range(hi + 2, len(toks)) if toks[j].cls == "B"), len(toks))
    end = np_forward(toks, hi + 2, stop, coord=False)
    published = any(verb_lemma(t.lower) in PUBLISHING for t in toks[end:stop])
    return (hi + 2, end) if published and end > hi + 3 else None


def a_thing(toks: list[Token], a: int, b: int) -> bool:
    """Whether the phrase ``toks[a:b]`` names a thing: its last noun is a common noun of the
    dictionary and no noun for a person or an institution ("Großteil", not "Militär")."""
    head = next((toks[j] for j in range(b - 1, a - 1, -1) if toks[j].cls == "N"), None)
    return head is not None and dictionary_noun(head.text) and not speaker_noun(head.text)


def dictionary_noun(word: str) -> bool:
    """A common noun of the dictionary ("Großteil"), not a name ("Israel", "Hamas")."""
    lemma = lemma_of(word)
    return is_known(word, lang="de") and lemma[:1].isupper()
