"""The tokens attribution reads: :func:`tokenize` splits a sentence into words and marks,
each with its word class (determiner, pronoun, adjective, noun or name, boundary, time,
other), and joins what only looks like a clause's end (quoted compounds and names, scare
quotes, lists of adjectives, truncated compounds); with the tests of one token that
several steps ask (a finite verb, a participle before its noun). Apart because every step
after it works on these tokens."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from chronik.analysis.attribution_words import (
    AUXILIARIES,
    DETERMINERS,
    KONJUNKTIV,
    LOWER_CASE_NAMES,
    NOT_KONJUNKTIV,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_MARKS,
    inflected_participle,
    lemma_of,
    verb_lemma,
)
from chronik.analysis.german import ADJECTIVE_ENDINGS, ends_in_word
from chronik.analysis.lemmas import is_known
from chronik.analysis.sentences import ABBREVIATIONS

# a word, with a genitive's apostrophe before a capitalised word ("Merz' Sprecher", "Halas‘
# Kollege": review 234, the phrase had ended at the apostrophe, read as a quote mark)
_APOSTROPHE = r"(?<=[sxzß])['’‘](?=[ ][A-ZÄÖÜ])"
# a decimal comma between digits is part of its number ("1,5 Milliarden", "mit 85,7 Prozent im
# Amt": review 241, it had ended the clause)
_DECIMAL_COMMA = r"(?<=\d),(?=\d)"
_TOKEN = re.compile(rf"\w(?:(?:[\w'’.-]|{_DECIMAL_COMMA})*\w)?(?:{_APOSTROPHE})?|[^\w\s]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_GENITIVE_APOSTROPHE = re.compile(_APOSTROPHE)
_BOUNDARIES = frozenset("+,;:[]–—-\"„“”»«‚‘’'.!?…")  # not (): a parenthesis is skipped


def genitive_apostrophe(text: str, at: int) -> bool:
    """Whether a genitive's apostrophe stands at ``at``, right after a name NER ends before
    it ("Merz' Sprecher": the span is "Merz", review 238)."""
    return _GENITIVE_APOSTROPHE.match(text, at) is not None


def is_number(text: str) -> bool:
    """Whether a token is a written number: "12", "1.500", "1,5" (review 241: the checks
    for an amount read ``isdigit()``, which a decimal number fails)."""
    return _NUMBER.fullmatch(text) is not None


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    cls: str  # D determiner, P pronoun, A adjective, N noun or name, B boundary, T time, O other


# A web address as a name (review 169: "nach Angaben der Seite poweroutage.us" had ended at
# "der Seite"); two letters at least after the dot, so "z.B" and "ca.20" are none.
_WEB_ADDRESS = re.compile(r"(?:www\.)?[a-z0-9][a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,4}$")


def _classify(word: str) -> str:
    lower = word.lower()
    if word in _BOUNDARIES:
        return "B"
    if not word[0].isalnum():
        return "O"
    if lower in PRONOUNS and lower != "ihr":
        return "P"
    if lower in DETERMINERS:
        return "D"
    if lower in PREPOSITIONS:
        return "O"
    head, _, last = word.rpartition("-")
    if lower in LOWER_CASE_NAMES or (head[:1].isdigit() and last[:1].isupper()):
        return "N"  # "die dpa", "der 65-Jährige"
    if _WEB_ADDRESS.match(word):
        return "N"  # "der Seite poweroutage.us", "laut tagesschau.de": a site's name
    if head[:1].islower() and last[:1].isupper():
        # "des ifo-Instituts", "dpa-Informationen": a compound's head is its last part, and
        # a capitalised one is a noun (review 169: "eine Studie des ifo-Instituts" had
        # ended at "des")
        return "N"
    if word[0].isupper():
        return "N" if lemma_of(word)[:1].isupper() else _lower_class(lower)
    return _lower_class(lower)


def _lower_class(lower: str) -> str:
    lemma = lemma_of(lower)
    ending = lower[len(lemma) :]
    if _inflected(lower):
        return "O" if lemma.endswith("n") else "A"
    if lower.startswith(lemma) and _superlative(lemma, ending):
        return "A"  # "der oberste Führer", "die größte Partei"
    # An adjective the dictionary lacks, by its suffix: "malaysische", "staatsnahe".
    return "A" if lower == lemma and _UNKNOWN_ADJECTIVE.search(lower) else "O"


def _superlative(lemma: str, ending: str) -> bool:
    """An inflected superlative's ending after its stem: "ober-ste", "neu-esten",
    "groß-te" (it had been no adjective, and the phrase had ended before it)."""
    if ending.startswith("est") and ending[3:] in ADJECTIVE_ENDINGS:
        return True
    if ending.startswith("st") and ending[2:] in ADJECTIVE_ENDINGS:
        return True
    return lemma.endswith(("s", "ß", "z")) and ending[:1] == "t" and ending[1:] in ADJECTIVE_ENDINGS


# Not "-igen", "-lichen": "kündigen", "veröffentlichen" are verbs the dictionary also keeps.
# "-nahen" is no verb but "herannahen" (review 217: "einer Studie des arbeitgebernahen
# Instituts" had ended at "des", and the study had no owner).
_UNKNOWN_ADJECTIVE = re.compile(
    r"isch(?:e|en|er|es|em)$|(?:lich|ig|bar|sam|haft|los|nah)(?:e|er|es|em)$|(?<!heran)nahen$"
)


@lru_cache(maxsize=200_000)
def _word_class(word: str) -> str:
    return _classify(word)


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    toks = [
        Token(m.group(), m.start(), m.end(), m.group().lower(), _word_class(m.group()))
        for m in _TOKEN.finditer(text, start, end)
    ]
    _join_quoted_compounds(toks)
    _mark_attributive_words(toks)
    _join_adjective_lists(toks)
    _join_scare_quotes(toks)
    _join_quoted_names(toks)
    _join_truncated_compounds(toks)
    _join_ordinals(toks)
    _join_abbreviations(toks)
    return toks


def _join_abbreviations(toks: list[Token]) -> None:
    """ "in St. Petersburg sagte Putin": an abbreviation's stop before a word ends no
    clause (review 160: "Petersburg" had been the subject of "sagte"; review 161: nor
    before a small word, "Kennedy Jr. hat Deutschland kritisiert", whose object had been)."""
    _join_stops(toks, 0, _abbreviation_at)


def _abbreviation_at(toks: list[Token], i: int) -> bool:
    tok = toks[i]
    return len(tok.text) > 1 and tok.lower in ABBREVIATIONS and toks[i + 2].text[:1].isalpha()


def _join_stops(toks: list[Token], first: int, joins: Callable[[list[Token], int], bool]) -> None:
    """Join to its word each stop right after it, from token ``first`` on, where ``joins``
    says the word and what follows make the stop no clause's end."""
    i = first
    while i < len(toks) - 2:
        tok, stop = toks[i], toks[i + 1]
        if stop.text == "." and stop.start == tok.end and joins(toks, i):
            tok.text, tok.end, tok.lower = tok.text + ".", stop.end, tok.lower + "."
            del toks[i + 1]
        i += 1


# Words after which a number and its stop are an ordinal ("Zum 35.", "am 3."); the
# sentence rejoining of ``attribution`` reads them too.
BEFORE_ORDINAL = frozenset(
    {"zum", "zur", "am", "im", "vom", "beim", "der", "die", "das", "den", "dem", "des"}
)


def _join_ordinals(toks: list[Token]) -> None:
    """ "Zum 35. Jahrestag", "am 3. Oktober": an ordinal's stop after a preposition or an
    article ends no clause (review 149: "Jahrestag der Deutschen Einheit" had been the
    subject of "rief Merz ... auf")."""
    _join_stops(toks, 1, _ordinal_at)


def _ordinal_at(toks: list[Token], i: int) -> bool:
    tok = toks[i]
    return (
        (toks[i - 1].lower in BEFORE_ORDINAL or _after_an_ordinal(toks, i))
        and tok.text.isdigit()
        and len(tok.text) <= 3
        and toks[i + 2].text[:1].isalpha()
    )


def _after_an_ordinal(toks: list[Token], i: int) -> bool:
    """ "für den 8. und 9. Mai", "vom 8. bis 10. Mai": the second of two ordinals joined
    by "und", "oder" or "bis" after an ordinal already joined (review 283: its stop had
    ended the clause, and "hat ... eine Waffenruhe verkündet" had had no source)."""
    before = toks[i - 2].text if i >= 2 else ""
    return toks[i - 1].lower in _BETWEEN_ORDINALS and before[:-1].isdigit() and before[-1:] == "."


_BETWEEN_ORDINALS = frozenset({"und", "oder", "bis"})


def _join_truncated_compounds(toks: list[Token]) -> None:
    """ "Arbeitnehmer- und Arbeitgebervertreter": a hyphen right after a noun and before
    "und" or "oder" ends the noun's first part, not the clause (the first part alone, or
    the last, had been the source; review 95)."""
    i = 1
    while i < len(toks) - 2:
        prev, tok, nxt = toks[i - 1], toks[i], toks[i + 1]
        if (
            tok.text == "-"
            and prev.cls == "N"
            and prev.end == tok.start
            and nxt.lower in {"und", "oder"}
        ):
            prev.text, prev.end, prev.lower = prev.text + "-", tok.end, prev.lower + "-"
            del toks[i]
        i += 1


def _mark_attributive_words(toks: list[Token]) -> None:
    """An inflected lower-case word between an article and its noun is an adjective, though
    its stem ends in "n" as verbs' do ("einem internen Bericht", "der modernen Armee": the
    phrase had ended at the article, and "laut einem internen Zeitungsbericht" had no
    source; review 131). Not "eigen": "seinen eigenen Worten zufolge" is his, as the
    possessive alone says."""
    for i in range(1, len(toks) - 1):
        tok = toks[i]
        if tok.cls != "O" or not tok.text.islower() or tok.lower in PREPOSITIONS:
            continue
        between = toks[i - 1].cls == "D" and toks[i + 1].cls == "N"
        inflected = _inflected(tok.lower) or _unknown_inflected(tok.lower)
        if between and inflected and lemma_of(tok.lower) != "eigen":
            tok.cls = "A"
        elif _participle_after_article(toks, i):
            tok.cls = "A"
            if toks[i - 1].cls == "O":
                toks[i - 1].cls = "A"  # "dem nun veröffentlichten Bericht"


def _participle_after_article(toks: list[Token], i: int) -> bool:
    """A verb's participle in -t with an adjective's ending before a noun, after a
    preposition and its article, past a small adverb: "aus dem nun veröffentlichten
    Abschlussbericht" (review 263: the phrase had ended at the article, and "Dies geht aus
    ... hervor" had no source). Only after a preposition: "Das sagten Beamte" speaks."""
    tok, noun = toks[i], toks[i + 1]
    lemma = lemma_of(tok.lower)
    if noun.cls != "N" or lemma == tok.lower or not lemma.endswith("en"):
        return False
    if not tok.lower.endswith(_PARTICIPLE_ENDINGS):
        return False
    at = i - 1 - (toks[i - 1].lower in _SMALL_ADVERBS)
    return at >= 1 and toks[at].cls == "D" and toks[at - 1].lower in PREPOSITIONS


_PARTICIPLE_ENDINGS = ("te", "ten", "tem", "ter", "tes")
_SMALL_ADVERBS = frozenset({"nun", "jetzt", "bereits", "kürzlich", "jüngst", "zuvor", "erst"})


def _unknown_inflected(lower: str) -> bool:
    """A word the dictionary lacks that is a word it knows with an adjective's ending
    ("queer-en", review 250: "Vertreter der queeren Community warnen" had ended at "der",
    and the claim was missed)."""
    known = is_known(lower, lang="de")
    return not known and ends_in_word(lower, ADJECTIVE_ENDINGS, whole=True)


def _inflected(lower: str) -> bool:
    """An adjective's ending after the word's lemma ("intern-en")."""
    lemma = lemma_of(lower)
    if lower == lemma or not lower.startswith(lemma):
        return False
    ending = lower[len(lemma) :]
    # a comparative's too: "früh-ere", "spät-eren" (review 169: "Die frühere Ministerin" had
    # been no phrase, and its verb took the object after it for the source)
    return ending in ADJECTIVE_ENDINGS or (ending[:2] == "er" and ending[2:] in ADJECTIVE_ENDINGS)


def _join_adjective_lists(toks: list[Token]) -> None:
    """ "ein offizielles, freiwilliges Angebot", "die internationale, regelbasierte Ordnung":
    a comma between two inflected adjectives before their noun ends no clause (the clause
    of "angekündigt" had begun at the second adjective, and "verteidige" had its object as
    the source)."""
    for i in range(1, len(toks) - 2):
        if toks[i].text != "," or toks[i - 1].cls != "A" or toks[i + 1].cls != "A":
            continue
        noun = next((t for t in toks[i + 2 : i + 4] if t.cls != "A"), None)
        if noun is not None and noun.cls == "N":  # past one more adjective at most
            toks[i].cls = "O"


def _join_quoted_names(toks: list[Token]) -> None:
    """'berichtete der "Spiegel"', 'schrieb die "New York Times"': a name of one to three
    words in quotes after its article is part of the article's noun phrase (the phrase had
    ended at the quote, and the claim had no source; review 60)."""
    for i in range(len(toks) - 2):
        if toks[i].cls != "D" or toks[i + 1].text not in QUOTE_MARKS:
            continue
        for j in range(i + 3, min(i + 6, len(toks))):
            if toks[j].text in QUOTE_MARKS:
                if all(t.cls == "N" for t in toks[i + 2 : j]):
                    toks[i + 1].cls = toks[j].cls = "N"
                break


def _join_scare_quotes(toks: list[Token]) -> None:
    """ "hat vor einem "Unterbietungswettbewerb" gewarnt": one to three words in quotes
    between words of a clause are a word set apart, not a quotation; their marks end no
    clause (the cue "gewarnt" had lost its subject)."""
    for i in range(1, len(toks) - 2):
        if toks[i].text not in QUOTE_MARKS or not toks[i - 1].text[:1].isalnum():
            continue
        for j in range(i + 2, min(i + 5, len(toks) - 1)):
            if toks[j].text in QUOTE_MARKS:
                inside = toks[i + 1 : j]
                if all(t.text[:1].isalnum() for t in inside) and toks[j + 1].text[:1].isalnum():
                    toks[i].cls = toks[j].cls = "O"
                break


def _join_quoted_compounds(toks: list[Token]) -> None:
    """ "des "Sommerfest"-Umzugs": quotes and a hyphen inside one word end no clause (the
    clause of "vorgeworfen" had begun at "Umzugs", its source)."""
    for i in range(len(toks) - 4):
        opening, word, closing, hyphen, rest = toks[i : i + 5]
        # The cheap tests first: this runs over every token of every sentence.
        if opening.text not in QUOTE_MARKS or hyphen.text != "-":
            continue
        quoted = closing.text in QUOTE_MARKS and word.cls != "B" and rest.cls != "B"
        if quoted and all(a.end == b.start for a, b in pairwise(toks[i + 1 : i + 5])):
            for tok in (opening, closing, hyphen):
                tok.cls = "O"


def before_its_noun(toks: list[Token], k: int) -> bool:
    """A participle inflected as an adjective before its noun or another adjective, past a
    number: "die angekündigte Kooperation", "die zugesagten 1,5 Milliarden Euro" (review
    241: the amount had been the source of "zusagen")."""
    if not inflected_participle(toks[k].lower):
        return False
    j = k + 2 if k + 2 < len(toks) and is_number(toks[k + 1].text) else k + 1
    return j < len(toks) and toks[j].cls in "NA"


def opening_adjective(toks: list[Token], i: int) -> bool:
    """A capitalised adjective that opens the sentence or a clause ("Russischen Angaben"),
    which the capital had made a noun."""
    opens = i == 0 or toks[i - 1].cls == "B"
    return opens and toks[i].cls == "N" and _word_class(toks[i].lower) == "A"


def verb_like(tok: Token) -> bool:
    lower = tok.lower
    return tok.cls == "O" and (lower in AUXILIARIES or verb_lemma(lower) != lower)


def konjunktiv_form(tok: Token) -> bool:
    """A listed form, or a verb's stem + e where the infinitive is stem + en (prüfe)."""
    if tok.lower in KONJUNKTIV:
        return True
    if not tok.text[0].islower() or tok.lower in NOT_KONJUNKTIV or not tok.lower.endswith("e"):
        return False
    return lemma_of(tok.lower) == tok.lower + "n" and tok.cls == "O"
