"""Sentence splitting for German and English news text.

A rule splitter, because news sentences end in few ways and abbreviations are the only
real trap; it is linear in the text length, so a 1 MB paragraph costs what it should.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from chronik.analysis.gazetteer import rule_words
from chronik.model import Sentence

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    abb abs allg bzw ca chr dr evtl etc ggf gr hr hrsg inkl jh jr kap mio mrd nr prof
    s sog st str tel u usw vgl vs z zb zit dt engl franz mr mrs ms no vol jan feb mär apr
    jun jul aug sep sept okt nov dez bspw ua uvm o.ä
    """.split()
)
# A sentence ends before a space or, where pages glue paragraphs, right before the next
# sentence's word or number ("zu erwarten?Gestern", "dem Präsidenten.800 Soldaten"); not in
# "tagesschau.de", "Sat.1-Sendung", "3.000" or "U.S.A.", where no small word ends before.
# The end run into a number is also where Chronik's NER tokenizer splits (``ner``).
GLUED_END_BEFORE_NUMBER = r"(?<=[a-zäöüß][a-zäöüß])[.!?]+(?=[0-9]+(?![0-9-]))"
_END = re.compile(
    r"[.!?…]+[\"“”»«')\]]*(?=\s+|$)"
    r"|(?<=[a-zäöüß][a-zäöüß])[.!?]+(?=[A-ZÄÖÜ][a-zäöüß])"
    # a quotation's end run into the next headline: 'nennt Truppen "inakzeptabel"Mutmaßlicher'
    r"|(?<=[a-zäöüß][a-zäöüß])[\"“”](?=[A-ZÄÖÜ][a-zäöüß])"
    # an end run into a quotation that opens the next sentence, or closes its own:
    # 'der Opposition."Neue Chancen schaffen" sei', 'machen.“Die' (review 61)
    r"|(?<=[a-zäöüß][a-zäöüß])[.!?]+(?:[\"“”«]|(?=[„»]))(?=[„»]?[A-ZÄÖÜ][a-zäöüß])"
    rf"|{GLUED_END_BEFORE_NUMBER}"
)
# The longest sentence of the 4,035 news-stream items has 712 characters. Longer "sentences"
# are run-on text without full stops; cut at a space, they keep the work each component
# does per sentence (events compare every word with every other) linear in the text.
MAX_SENTENCE = 1000
# What may close a question after its mark: the closing quotation marks of German, Swiss
# and English text, double and single ("… treffen?«", "… statt?“", "… gesagt?‘", "… oder?»"),
# and space. Not a full stop: "Sie fragte: »Haben Sie Fragen?«." reports a question.
_AFTER_QUESTION = "\"'“”‘’«»‹› \t\n"


def is_question(text: str) -> bool:
    """Whether a sentence or a paragraph asks: it ends in "?", closing quotation marks
    aside. The events read a question's present as no occurrence, the stance a paragraph
    that only asks as no view: one test, so that both read the same questions."""
    return text.rstrip(_AFTER_QUESTION).endswith("?")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences whose offsets index ``text``."""
    return split_counting_cuts(text, start, end)[0]


def split_counting_cuts(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[Sentence], int]:
    """The sentences of ``text[start:end]``, and how many run-ons longer than MAX_SENTENCE
    were cut into pieces to make them: an article records that its text was read so."""
    stop = len(text) if end is None else end
    spans = list(_spans(text, start, stop))
    sentences = [Sentence(s, e, text[s:e]) for s, e, _ in spans]
    return sentences, sum(first_cut for _, _, first_cut in spans)


def first_sentence(text: str, scan: int = 2000) -> str:
    """The first sentence of ``text``, looked for in its first ``scan`` characters only: a
    1 MB text without a full stop is one sentence, and splitting all of it costs. The
    spans come one by one, so the text after the first sentence is never split (stories'
    profiles take the leads of thousands of stored articles)."""
    first = next(_spans(text, 0, min(len(text), scan)), None)
    return text[first[0] : first[1]] if first else text[:scan].strip()


def lead_line(text: str, limit: int = 120) -> str:
    """The first sentence of ``text``, cut at a word to at most ``limit`` characters (with
    " …"): a title for a text that has none, short enough for a list or a link."""
    lead = " ".join(first_sentence(text, limit * 4).split())
    if len(lead) <= limit:
        return lead
    return lead[:limit].rsplit(" ", 1)[0] + " …"


def _spans(text: str, start: int, stop: int) -> Iterator[tuple[int, int, bool]]:
    begin = start
    for line_start, line_end in _lines(text, start, stop):
        begin = line_start
        for match in _END.finditer(text, line_start, line_end):
            if is_abbreviation(text, begin, match.start()) or _next_is_lower(text, match.end()):
                continue
            if _opens_a_quotation(text, line_start, match):
                continue
            end = _before_an_opening_quote(text, line_start, match)
            if text[begin:end].strip():
                yield from _pieces(text, begin, end)
            begin = end
        if text[begin:line_end].strip():
            yield from _pieces(text, begin, line_end)


def _opens_a_quotation(text: str, line_start: int, match: re.Match[str]) -> bool:
    """A straight quotation mark glued to the next word opens a quotation where it is the
    first of a pair since the line began ('Nachrichtenmagazin"Spiegel"', review 57); the
    second closes one, also of a quotation of two sentences ('"Wir kommen. Das ist
    klar"Mutmaßlicher', review 58), and a headline runs on after it."""
    return match.group() == '"' and _first_of_pair(text, line_start, match.start())


def _before_an_opening_quote(text: str, line_start: int, match: re.Match[str]) -> int:
    """Where a sentence that ends in a straight quotation mark glued to the next word ends:
    after the mark where it closes a quotation, before it where it opens the next
    sentence's."""
    found = match.group()
    if len(found) < 2 or not found.endswith('"') or found[0] not in ".!?":
        return match.end()
    mark = match.end() - 1
    return mark if _first_of_pair(text, line_start, mark) else match.end()


def _first_of_pair(text: str, line_start: int, mark: int) -> bool:
    """Whether the straight quotation mark at ``mark`` opens a quotation: an even count of
    marks stands before it since the line began."""
    return text.count('"', line_start, mark) % 2 == 0


def _pieces(text: str, begin: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """The sentence ``text[begin:end]`` in its parts: a ticker's overview that a page ran
    together ("in Moskau erwartetStaatsmedien: Irans Außenminister ...", "Donezk15:39 Uhr
    - ...") is one headline a part, and each is read on its own. Only where two seams or
    more show such an overview: one alone is as often a name ("DeepSeek", "JavaScript"),
    and a run-on longer than any overview is cut by length, not into a piece a word."""
    found = list(seams().finditer(text, begin, end)) if end - begin <= _OVERVIEW_CHARS else []
    cut = begin
    for seam in found if len(found) >= 2 else []:
        yield from _bounded(text, *_trim(text, cut, seam.end()))
        cut = seam.end()
    yield from _bounded(text, *_trim(text, cut, end))


# The longest sentence of news-stream-de with two seams or more has 712 characters.
_OVERVIEW_CHARS = 3000


@lru_cache(maxsize=1)
def seams() -> re.Pattern[str]:
    """Where a page ran two words together: a small word into a capitalised one
    ("erwartetStaatsmedien", "im Überblick:Araghtschi", "Überblick:UN-Sicherheitsrat")
    or into a clock time
    ("Donezk15:39 Uhr"); not inside a name written so ("LinkedIn", "DeutschlandTrend").
    The NER tokenizer keeps such words whole: split there too, the cleaner names joined
    August's live blogs to other stories (pairwise F1 0.8689 -> 0.8259, docs/entities.md)."""
    names = "".join(
        f"(?<!{re.escape(name[:i])})"
        for name in sorted(camel_case_names())
        for i in range(3, len(name))
        if name[i].isupper() and name[i - 3 : i].islower()
    )
    # Not a gender form's capital ("BürgerInnen") nor an ISO time ("2026-04-01T10:00").
    return re.compile(
        rf"(?<=[a-zäöüß]{{3}}){names}:?(?!In(?:nen)?\b)(?=[A-ZÄÖÜ][a-zäöüß]|[A-ZÄÖÜ]{{2,}}-)"
        r"|(?<=[A-Za-zäöüßÄÖÜ])(?<![0-9]T)(?=[0-2]?[0-9]:[0-5][0-9](?![0-9]))"
    )


# A speaker's name of one to three words and a colon, as interviews set an answer
# (read by the stance step and by attribution's first person).
ANSWER = re.compile(r"([A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ][\w.-]*){0,2}): \S")
# The same after a sentence's end inside a paragraph, where a lead runs into the
# interview ("… keine Option. Antonin Beispiel: Die EU muss …").
ANSWER_INSIDE = re.compile(r"(?<=[.!?“”\"«»])\s*([A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ][\w.-]*){0,2}): \S")
# An interviewer's label that is no person's name: the publisher's initials ("HSS") or
# "Frage"; a common noun ("Umfrage: Wie gefällt Dir …?") is a teaser's kicker.
ASKER = re.compile(r"[A-ZÄÖÜ]{2,6}|Frage")

# A word that runs into the next, as a test of one name or sentence: "ZolldrohungenKanzler",
# or into a live blog's clock time: "Selenskyj17:53".
_RUN_ON = re.compile(r"[a-zäöüß]{3,}[A-ZÄÖÜ]")
# Where a ticker's next line, opening with its clock time, runs on: "Ferienlager|22:24".
CLOCK_SEAM = re.compile(r"(?<=[A-Za-zÄÖÜäöüß]{2})(?=\d{1,2}:\d\d\b)")


def run_on(name: str) -> bool:
    """ "ZolldrohungenKanzler Friedrich Merz", "USA20:35": a word that runs into the next
    without a space, as text extracted from a page can. "McDonald", "DeSantis" and the
    names of ``camel_case_names()`` ("DeutschlandTrend") are names."""
    kept = camel_case_names()
    words = [word for word in name.split() if word not in kept]
    return any(_RUN_ON.search(word) or CLOCK_SEAM.search(word) for word in words)


@lru_cache(maxsize=1)
def camel_case_names() -> frozenset[str]:
    return rule_words("camel_case_names")


def _bounded(text: str, begin: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """The span in pieces of at most MAX_SENTENCE characters, cut after a space; the first
    piece of a span that was cut says so."""
    first_cut = end - begin > MAX_SENTENCE
    while end - begin > MAX_SENTENCE:
        cut = text.rfind(" ", begin + 1, begin + MAX_SENTENCE)
        cut = begin + MAX_SENTENCE if cut == -1 else cut
        yield (*_trim(text, begin, cut), first_cut)
        first_cut = False
        begin = cut
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        yield begin, end, first_cut


def _lines(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """Newlines always end a sentence: blocks in Chronik are joined by blank lines."""
    pos = start
    while pos < stop:
        nl = text.find("\n", pos, stop)
        line_end = stop if nl == -1 else nl
        yield pos, line_end
        pos = line_end + 1


def is_abbreviation(text: str, begin: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation, an initial or an ordinal, not
    a sentence; ``begin`` is where the sentence began."""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > begin and not text[word_start - 1].isspace():
        word_start -= 1
    word = _last_part(text[word_start:dot].lower().strip("(\"'„"))
    if not word:
        return False
    if word.isdigit():
        # "am 13. September": an ordinal, unless a capitalised sentence plausibly follows;
        # after an article always ("vor der 30. Weltklimakonferenz", "beim 3. Spieltag"
        # had been cut after the number; review 60: 52 stream items)
        return _next_word_is_month_or_lower(text, dot + 1) or _after_article(text, word_start)
    initial = len(word) == 1 and word.isalpha() and not _opener_follows(text, dot + 1)
    return word in ABBREVIATIONS or initial or "." in word


def _last_part(word: str) -> str:
    """A hyphenated compound's last part, where it is a word of two letters or more: its
    stop is that word's. "eine 1.000-Euro-Prämie. Der Minister sagte" had been one sentence,
    the number's dot making the compound read as an abbreviation (review 157); so had
    "Sat.1-Moderator." An abbreviation after the hyphen stays one ("Müller-Str.")."""
    last = word.rsplit("-", 1)[-1]
    return last if len(last) > 1 and last.isalpha() else word


# Words that open a sentence and never follow an initial inside a name: "im Onlinedienst
# X. Als Grund nannte sie" and "der Gruppe B. Es wurden" had been one sentence (review 61);
# "Donald J. Trump" stays one.
_OPENERS = frozenset(
    "es er sie wir ich ihr man die der das ein eine als auch doch aber dabei damit dann "
    "so im in am auf bei nach mit seit für um zum zur vor wie wo was wer wenn weil dass "
    "da dies diese dieser dieses jetzt nun heute zudem außerdem bereits".split()
)
_NEXT_WORD = re.compile(r"\s+([A-ZÄÖÜ][a-zäöüß]*)\b")


def _opener_follows(text: str, at: int) -> bool:
    found = _NEXT_WORD.match(text, at, at + 40)
    return found is not None and found.group(1).lower() in _OPENERS


# Articles, and prepositions with one, before which a number is an ordinal; not "am",
# "vom", "zum": "Die Frist endet am 30." may end its sentence.
_ORDINAL_ARTICLES = frozenset(
    "der die das dem den des beim im zur ins seiner seinem seines ihrer ihrem ihres".split()
)
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _after_article(text: str, word_start: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, word_start - 20), word_start)
    return before is not None and before.group(1).lower() in _ORDINAL_ARTICLES


_MONTHS = frozenset(
    "januar februar märz april mai juni juli august september oktober november dezember".split()
)


def _next_word_is_month_or_lower(text: str, pos: int) -> bool:
    match = re.compile(r"\s*(\w+)").match(text, pos)
    if not match:
        return False
    word = match.group(1)
    return word.lower() in _MONTHS or word[0].islower() or word.isdigit()


def _next_is_lower(text: str, pos: int) -> bool:
    match = re.compile(r"[ \t]+([\w„\"])").match(text, pos)
    return bool(match and match.group(1).islower())


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end
