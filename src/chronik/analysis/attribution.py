"""Attribution: who says, reports, announces, suggests or denies what in German news.

Rules over tokens, one sentence at a time (see docs/attribution.md). A cue (a speech or
report verb, "laut", "zufolge", "nach Angaben", "unter Berufung auf", "so X", a direct
quote, a Konjunktiv I continuation) marks a claim; its source is a bounded noun phrase
found by position: the subject before or after the finite verb, or the complement of the
preposition. Cue words and word classes are data (``data/attribution_*.json``).

Every step looks at a bounded window of tokens, so the cost is linear in the text length.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from chronik.analysis.attribution_cues import Found, find_cues
from chronik.analysis.attribution_phrases import np_backward, np_forward
from chronik.analysis.attribution_tokens import Token, tokenize, verb_like
from chronik.analysis.attribution_words import (
    ANAPHORIC,
    AUXILIARIES,
    CONTINUING_NOUNS,
    CUES,
    DEMONSTRATIVES,
    DETERMINERS,
    EMPTY_CLAIM,
    GROUP_REFERENCES,
    GROUPS,
    KONJUNKTIV,
    MAX_NP,
    NON_AGENT_ENDINGS,
    NON_AGENT_WORDS,
    NOT_KONJUNKTIV,
    PARTICLES,
    PARTY_MEMBERS,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUN_ARTICLES,
    PRONOUNS,
    QUANTIFIERS,
    RESOLVABLE,
    SEPARABLE,
    SPEAKER_ENDINGS,
    VERBS,
    lemma_of,
    verb_lemma,
)
from chronik.analysis.gazetteer import load_gazetteer
from chronik.analysis.german import ADJECTIVE_ENDINGS
from chronik.analysis.pipeline import component
from chronik.analysis.roles import role_lexicon
from chronik.model import Article, Attribution, Mention, Sentence
from chronik.options import Options

CONTEXT_CHARS = 3000  # how far back groups ("beide Länder") look for their members


_QUOTE = re.compile(
    r"„([^“”„\n]{1,3000})[“”\"]|“([^“”\n]{1,3000})”|\"([^\"\n]{1,3000})\"|»([^«»\n]{1,3000})«"
    r"|«([^«»\n]{1,3000})»"
)


def _object_for_subject(ctx: _Context, toks: list[Token], hit: Found) -> bool:
    """After a speech verb, its object read as its subject: an abstract noun that names no
    one NER found ("erklärte Cheung" is someone, "fordert Aufklärung von Israel" not).
    Before the verb a bare one is a headline's subject ("Opposition warnt")."""
    if hit.cue not in VERBS or hit.first < hit.at:
        return False
    start, end = toks[hit.first].start, toks[hit.last - 1].end
    return not _names_someone(ctx, start, end) and _abstract_object(toks, hit.first, hit.last)


def _abstract_object(toks: list[Token], a: int, b: int) -> bool:
    """ "ein Ende der Angriffe", "Aufklärung": an abstract noun, bare or after "ein", is
    what was said, not who said it ("die Bundesregierung", "eine Sprecherin", "Stiftung
    Warentest" are someone)."""
    first = toks[a].lower
    bare = toks[a].cls == "N" and (b - a == 1 or toks[a + 1].cls != "N")
    # "stellte diese Möglichkeit in Aussicht": a demonstrative points to what was said
    indefinite = (first in _INDEFINITE or first in _DEMONSTRATIVE_DETERMINERS) and a + 1 < b
    if not (bare or indefinite):
        return False
    head = next((t.text for t in toks[a:b] if t.cls == "N"), "")
    return head in NON_AGENT_WORDS or head.lower().endswith(NON_AGENT_ENDINGS)


_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer"})
_DEMONSTRATIVE_DETERMINERS = frozenset({"diese", "dieses", "diesen", "jene", "jenes", "jenen"})


# --- the article ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    """What resolution needs from the article: its text, mentions and recent subjects."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    persons: list[Mention] = field(default_factory=list)
    person_ends: list[int] = field(default_factory=list)
    last_subject: tuple[str, int, int] | None = None
    last_group: tuple[str, int, int] | None = None  # the last subject that names several
    last_source: tuple[str, int, int] | None = None  # the last source named in full
    times: list[tuple[int, int]] = field(default_factory=list)  # time expressions, in order


def _context(article: Article) -> _Context:
    mentions = sorted(article.mentions, key=lambda m: (m.start, m.end))
    persons = sorted((m for m in mentions if m.type == "PER"), key=lambda m: m.end)
    return _Context(
        article,
        mentions,
        [m.start for m in mentions],
        persons,
        [m.end for m in persons],
        # days and times, not durations: "der 65-Jährige" is a speaker
        times=sorted((t.start, t.end) for t in article.timexes if t.type in ("DATE", "TIME")),
    )


def attribute(article: Article) -> list[Attribution]:
    """Every attribution in ``article`` (whose sentences must be filled), in text order."""
    ctx = _context(article)
    per_sentence: list[list[Attribution]] = []
    tokens: list[list[Token]] = []
    # Claims of nothing ("Moskau dementiert.") still give later pronouns their antecedent.
    empty: set[int] = set()
    for sentence in article.sentences:
        toks = tokenize(article.text, sentence.start, sentence.end)
        _mark_names(toks, ctx)
        _mark_times(toks, ctx)
        tokens.append(toks)
        per_sentence.append(_sentence_attributions(ctx, sentence, toks, empty))
        _remember_subject(ctx, toks)
        _remember_sources(ctx, per_sentence[-1])
    _add_quotes(ctx, per_sentence)
    _add_konjunktiv(article, per_sentence, tokens)
    result = [a for found in per_sentence for a in found if id(a) not in empty]
    result.sort(key=lambda a: (a.start, a.source_start))
    return result


def _mark_names(toks: list[Token], ctx: _Context) -> None:
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


def _mark_times(toks: list[Token], ctx: _Context) -> None:
    """The words of a time expression are no noun phrase's: "Drei Tage später sagte der
    Kanzler", "Ende März kündigte die Regierung an" had the time as the source."""
    if not toks or not ctx.times:
        return
    at = max(0, bisect.bisect_right(ctx.times, (toks[0].start, len(ctx.article.text))) - 1)
    for start, end in itertools.takewhile(lambda t: t[0] < toks[-1].end, ctx.times[at:]):
        for tok in toks:
            if start <= tok.start and tok.end <= end and tok.cls != "B":
                tok.cls = "T"


def _sentence_attributions(
    ctx: _Context, sentence: Sentence, toks: list[Token], empty: set[int]
) -> list[Attribution]:
    seen: set[tuple[int, int]] = set()
    result: list[Attribution] = []
    quoted = _quoted(ctx.article.text, toks)
    for hit in find_cues(toks):
        if quoted and _inside(quoted, toks[hit.at].start):
            continue  # a speech verb inside a quote belongs to the quoted speaker
        hit = _with_apposed_name(ctx, toks, _ending_with_name(ctx, toks, hit))
        start, end = toks[hit.first].start, toks[hit.last - 1].end
        if (start, end) in seen or _object_for_subject(ctx, toks, hit):
            continue
        seen.add((start, end))
        source, ids = _resolve(ctx, toks, hit)
        result.append(_claim(sentence, source, hit.kind, hit.cue, (start, end), ids))
        if not _has_content(toks, hit):
            empty.add(id(result[-1]))
    return result


def _has_content(toks: list[Token], hit: Found) -> bool:
    """Whether the sentence says something beside its cue and source: "Moskau dementiert."
    and "Was sagen Kritiker?" claim nothing, and an attribution of them had no content to
    show or to compare across reports. Only a verb cue can stand so alone."""
    if hit.at < 0 or toks[hit.at].cls == "N":
        return True
    for j, tok in enumerate(toks):
        if hit.first <= j < hit.last or j == hit.at or not tok.text[:1].isalnum():
            continue
        if tok.cls in ("B", "T") or tok.lower in AUXILIARIES or tok.lower in EMPTY_CLAIM:
            continue
        if tok.lower in PARTICLES and j > hit.at:  # "Kiew weist zurück"
            continue
        return True
    return False


def _claim(
    sentence: Sentence, source: str, kind: str, cue: str, span: tuple[int, int], ids: list[str]
) -> Attribution:
    return Attribution(
        start=sentence.start,
        end=sentence.end,
        sentence=sentence.text,
        source=source,
        kind=kind,
        cue=cue,
        source_start=span[0],
        source_end=span[1],
        entity_ids=list(ids),
    )


def _remember_subject(ctx: _Context, toks: list[Token]) -> None:
    """The sentence-initial subject: what "er"/"sie" refer to when there is no NER."""
    end = np_forward(toks, 0, len(toks), coord=False)
    if 0 < end < len(toks) and toks[0].cls != "P" and verb_like(toks[end]):
        text = ctx.article.text
        _remember(ctx, (text[toks[0].start : toks[end - 1].end], toks[0].start, toks[end - 1].end))


def _remember_sources(ctx: _Context, found: list[Attribution]) -> None:
    """A source named in full is a better antecedent than a sentence's first phrase."""
    for item in found:
        text = ctx.article.text[item.source_start : item.source_end]
        if text == item.source and text.lower() not in PRONOUNS:
            _remember(ctx, (text, item.source_start, item.source_end))
            ctx.last_source = (text, item.source_start, item.source_end)


def _remember(ctx: _Context, subject: tuple[str, int, int]) -> None:
    ctx.last_subject = subject
    if " und " in subject[0]:
        ctx.last_group = subject


# --- resolution -----------------------------------------------------------------------------


def _resolve(ctx: _Context, toks: list[Token], hit: Found) -> tuple[str, list[str]]:
    """The source's text and entity ids, with pronouns and "beide Länder" resolved."""
    span = toks[hit.first : hit.last]
    start, end = span[0].start, span[-1].end
    possessive = span[0].lower in POSSESSIVES
    plural = span[0].lower in RESOLVABLE and _plural_subject(toks, hit)
    pronoun = span[0].lower in RESOLVABLE and not plural
    if len(span) == 1 and (pronoun or possessive):
        return _resolve_pronoun(ctx, _claim_start(toks, hit), span[0].text)
    if len(span) == 1 and span[0].lower in DEMONSTRATIVES:
        personal = DEMONSTRATIVES[span[0].lower]
        name, ids = _resolve_pronoun(ctx, _claim_start(toks, hit), personal)
        return (span[0].text, []) if name == personal and not ids else (name, ids)
    if len(span) == 1 and plural:
        return _resolve_group(ctx, start, span[0].text)
    if ctx.article.text[start:end].lower() in ANAPHORIC:
        return _resolve_anaphor(ctx, start, end)
    if ctx.article.text[start:end].lower() in GROUP_REFERENCES:
        return _resolve_group(ctx, start, ctx.article.text[start:end])
    if _party_epithet(span):
        person = _resolve_pronoun(ctx, start, span[-1].text)[1]
        return ctx.article.text[start:end], person or _linked(ctx, start, end)
    group = _group_type(span)
    if group is not None:
        members = _group_members(ctx, group, start)
        if members:
            return " und ".join(name for name, _ in members), [i for _, i in members if i]
    return ctx.article.text[start:end], _linked(ctx, start, end)


def _resolve_anaphor(ctx: _Context, start: int, end: int) -> tuple[str, list[str]]:
    """ "Den Angaben zufolge": the source named last before it, else the words as they
    stand (``unresolved_source``)."""
    last = ctx.last_source
    if last is None or last[2] > start:
        return ctx.article.text[start:end], []
    return last[0], _linked(ctx, last[1], last[2])


def _ending_with_name(ctx: _Context, toks: list[Token], hit: Found) -> Found:
    """A source phrase ends with a person's name before a dative object: in "sagte Merz
    der Zeitung" the newspaper is who he said it to. A genitive follows a common noun
    ("der Sprecher der Regierung"), not a name. So does it before another name, the object
    ("hatte Donald Trump Israel aufgefordert", "konterte Nielsen Trumps Ankündigung")."""
    start, end = toks[hit.first].start, toks[hit.last - 1].end
    index = bisect.bisect_left(ctx.starts, end)
    for mention in ctx.mentions[max(0, index - MAX_NP) : index]:
        if mention.type != "PER" or mention.derived or mention.start < start:
            continue
        after = next((j for j in range(hit.first, hit.last) if toks[j].start >= mention.end), None)
        if after is None or after == hit.first:
            continue
        if toks[after].lower in _OBJECT_ARTICLES or _opens_a_name(ctx, toks[after]):
            return replace(hit, last=after)
    return hit


def _opens_a_name(ctx: _Context, tok: Token) -> bool:
    """Whether NER found a name that begins at ``tok``."""
    index = bisect.bisect_left(ctx.starts, tok.start)
    return index < len(ctx.starts) and ctx.starts[index] == tok.start


_OBJECT_ARTICLES = frozenset({"der", "dem"})


def _with_apposed_name(ctx: _Context, toks: list[Token], hit: Found) -> Found:
    """A role's phrase goes on to the person's name set off by commas after it: "sagte
    der Sprecher des Ministeriums, Max Müller, am Montag" is Max Müller's claim. Only a
    phrase without a person of its own, and a name that its commas or the sentence end
    close."""
    comma = hit.last
    if comma + 1 >= len(toks) or toks[comma].text != "," or hit.first >= comma:
        return hit
    start, end = toks[hit.first].start, toks[comma + 1].start
    first, last = bisect.bisect_left(ctx.starts, start), bisect.bisect_right(ctx.starts, end)
    people = [m for m in ctx.mentions[first:last] if m.type == "PER" and not m.derived]
    name = next((m for m in people if m.start == end), None)
    if name is None or any(m.start < end for m in people):
        return hit
    after = next((j for j in range(comma + 1, len(toks)) if toks[j].start >= name.end), None)
    if after is not None and toks[after].text not in {",", "."}:
        return hit
    return replace(hit, last=len(toks) if after is None else after)


def _claim_start(toks: list[Token], hit: Found) -> int:
    """Where a pronoun's antecedent must end: before the claim, when the cue follows it
    ("Die Ukraine sei Trump egal, sagte er": not Trump, who is inside what was said; the
    claim runs from the sentence's start or its last colon), else before the pronoun."""
    after_claim = 0 < hit.at < hit.first and toks[hit.at - 1].text == ","
    if not after_claim:
        return toks[hit.first].start
    colons = [t.end for t in toks[: hit.at] if t.text == ":"]
    return colons[-1] if colons else toks[0].start


def _party_epithet(span: list[Token]) -> bool:
    """ "sagte der CSU-Politiker", "so der Republikaner": a person named before, called by
    party, not the party (whose name NER tags as a part of the word, or alone)."""
    if len(span) != 2 or span[0].lower not in ("der", "die"):
        return False
    word = span[1].lower
    head = word.rpartition("-")[2]
    if "-" in word and head in ("politiker", "politikerin"):
        return True
    # "so der Republikaner", "sagte die Demokratin": a member, in the singular ("die
    # Republikaner" is the party).
    if span[0].lower == "der":
        return word in PARTY_MEMBERS
    return word.endswith("in") and word[:-2] in PARTY_MEMBERS


def _plural_subject(toks: list[Token], hit: Found) -> bool:
    """Whether "sie" has a plural verb (sie befürchten): a group, not the last person."""
    for tok in toks[hit.last : hit.last + 2] + toks[max(0, hit.first - 2) : hit.first]:
        lower = tok.lower
        if lower in AUXILIARIES or lemma_of(lower) in VERBS or verb_lemma(lower) in SEPARABLE:
            return lower.endswith("en") or lower in {"sind", "waren"}
    return False


def _resolve_pronoun(ctx: _Context, start: int, pronoun: str) -> tuple[str, list[str]]:
    """The last person named before ``start`` (see ``antecedent``), unless the subject of
    that person's sentence came before it and fits the pronoun: "Die Polizei nahm Peter
    Müller fest. Sie wirft ihm Betrug vor" is the police (a pronoun continues the last
    subject)."""
    index = bisect.bisect_right(ctx.person_ends, start)
    person = antecedent(ctx.article.text, ctx.persons[max(0, index - 8) : index])
    subject = ctx.last_subject if ctx.last_subject and ctx.last_subject[2] <= start else None
    if subject is not None and (person is None or _subject_first(ctx, subject, person, pronoun)):
        text, a, b = subject
        return text, _linked(ctx, a, b)
    if person is not None:
        return person.text, [person.entity_id] if person.entity_id else []
    return pronoun, []


def antecedent(text: str, persons: list[Mention]) -> Mention | None:
    """Of the persons named before a pronoun (in text order), the last one in the sentence
    of the last that is not in a prepositional phrase: "Trump will sich mit Kremlchef Putin
    treffen. Das kündigte er an" is Trump."""
    if not persons:
        return None
    sentence_start = max(text.rfind(stop, 0, persons[-1].start) for stop in ".!?\n")
    same = [p for p in persons if p.start > sentence_start]
    free = [p for p in same if not _in_prepositional_phrase(text, p.start)]
    return (free or same)[-1]


_PHRASE_WORD = re.compile(r"([\w-]+)[ ]+$")


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
    ctx: _Context, subject: tuple[str, int, int], person: Mention, pronoun: str
) -> bool:
    """Whether the subject goes before a person named after it in its sentence: only when
    its article agrees with the pronoun ("die Polizei" is "sie", not "er"), and not when
    the person is the subject's apposition ("Der Präsident des DIW, Marcel Fratzscher,")."""
    end = subject[2]
    between = ctx.article.text[end : person.start]
    if person.start < end or not between.strip(" ,") or any(stop in between for stop in ".!?"):
        return False
    article = subject[0].split(maxsplit=1)[0].lower()
    return article in PRONOUN_ARTICLES.get(pronoun.lower(), ())


def _resolve_group(ctx: _Context, start: int, pronoun: str) -> tuple[str, list[str]]:
    """ "Die USA und ihre Verbündeten sind besorgt. … Sie befürchten …": a plural "sie" is
    the last subject that names several ("und"), else it stays unresolved."""
    if ctx.last_group is not None and ctx.last_group[2] <= start:
        text, a, b = ctx.last_group
        return text, _linked(ctx, a, b)
    return pronoun, []


def _linked(ctx: _Context, start: int, end: int) -> list[str]:
    """Entity ids of the mentions that overlap ``[start, end)``, in text order; a word
    derived from a name counts only where no name does: "US-Präsident Donald Trump" is
    Trump, not also the USA, while "südkoreanische Medien" are Südkorea's."""
    index = bisect.bisect_left(ctx.starts, end)
    inside = [m for m in ctx.mentions[max(0, index - MAX_NP) : index] if m.end > start]
    named = [m for m in inside if m.entity_id and not m.derived]
    linked = named or [m for m in inside if m.entity_id]
    return list(dict.fromkeys(m.entity_id for m in linked if m.entity_id))


def _group_type(span: list[Token]) -> str | None:
    words = [t.lower for t in span]
    if not any(w in QUANTIFIERS for w in words):
        return None
    return GROUPS.get(span[-1].text)


def _group_members(ctx: _Context, kind: str, before: int) -> list[tuple[str, str | None]]:
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


# --- quotes and reported speech -------------------------------------------------------------


def _add_quotes(ctx: _Context, per_sentence: list[list[Attribution]]) -> None:
    """Direct quotes without a cue of their own: "X: „…“", or a whole-sentence quote whose
    speaker is named in the sentence after ("Das sagte X") or before."""
    article = ctx.article
    starts = [s.start for s in article.sentences]
    for match in _QUOTE.finditer(article.text):
        first = max(0, bisect.bisect_right(starts, match.start()) - 1)
        last = max(first, bisect.bisect_left(starts, match.end()) - 1)
        if not article.sentences or any(per_sentence[first : last + 1]):
            continue
        found = _quote_speaker(ctx, per_sentence, match, first, last)
        if found is not None:
            per_sentence[first].append(found)


def _quote_speaker(
    ctx: _Context,
    per_sentence: list[list[Attribution]],
    match: re.Match[str],
    first: int,
    last: int,
) -> Attribution | None:
    article = ctx.article
    sentences = article.sentences
    begin, end = sentences[first].start, sentences[last].end
    text = article.text
    speaker = _colon_speaker(ctx, begin, match.start())
    if speaker is None and (match.end() - match.start()) >= 0.6 * (end - begin):
        speaker = _neighbour(article, per_sentence, first, last)
    if speaker is None:
        return None
    source, s, e, ids = speaker
    quoted = Sentence(begin, end, text[begin:end])
    return _claim(quoted, source, CUES["quote_kind"], "quote", (s, e), ids)


Speaker = tuple[str, int, int, list[str]]


def _colon_speaker(ctx: _Context, begin: int, quote: int) -> Speaker | None:
    text = ctx.article.text
    before = text[begin:quote].rstrip()
    if not before.endswith(":"):
        return None
    toks = tokenize(text, begin, begin + len(before) - 1)
    _mark_names(toks, ctx)
    start = np_backward(toks, len(toks), 0)
    # The whole line before the colon names the speaker ("Merz:"), not a topic that ends
    # in a noun ("Presseschau zum Alaska-Gipfel:", "Ihre Forderung:").
    if start != 0 or not toks or toks[0].lower in POSSESSIVES:
        return None
    a, b = toks[start].start, toks[-1].end
    # A bare noun is a label ("Ernster Nachsatz:", "Verbeamtung:") unless it names someone;
    # with an article it is a speaker ("Die Polizei:", "Eine Betroffene:")
    head = next((t.text for t in toks if t.cls == "N"), "")
    if toks[0].cls != "D" and not _names_someone(ctx, a, b) and not _speaker_noun(head):
        return None
    return text[a:b], a, b, _linked(ctx, a, b)


def _names_someone(ctx: _Context, a: int, b: int) -> bool:
    """A person's or organisation's name overlaps ``[a, b)`` ("Iranische" is no one)."""
    return any(
        m.type in ("PER", "ORG") and not m.derived and m.start < b and a < m.end
        for m in ctx.mentions
    )


def _speaker_noun(word: str) -> bool:
    """ "Hausärztin", "Versicherungsmakler", "Kulturministerin", "Polizei": a noun for a
    person or an institution, by its ending or the role it ends in (not "Wetter")."""
    lower = word.rsplit("-", 1)[-1].lower()
    return lower.endswith(SPEAKER_ENDINGS) or lower.endswith(tuple(role_lexicon().roles))


def _neighbour(
    article: Article, per_sentence: list[list[Attribution]], first: int, last: int
) -> Speaker | None:
    following = per_sentence[last + 1] if last + 1 < len(per_sentence) else []
    opener = article.sentences[last + 1].text.split(" ", 1)[0] if following else ""
    if following and opener.lower() in {"das", "dies", "so"}:
        chosen = following[0]
    elif first > 0 and per_sentence[first - 1] and _same_block(article, first - 1, first):
        chosen = per_sentence[first - 1][-1]
    else:
        return None
    return chosen.source, chosen.source_start, chosen.source_end, list(chosen.entity_ids)


def _same_block(article: Article, i: int, j: int) -> bool:
    return "\n" not in article.text[article.sentences[i].end : article.sentences[j].start]


def _add_konjunktiv(
    article: Article, per_sentence: list[list[Attribution]], tokens: list[list[Token]]
) -> None:
    """A sentence in Konjunktiv I ("Die Kosten seien eingeplant"), or one whose claim is a
    sourceless noun ("Es besteht die Befürchtung, dass ..."), continues the reported speech
    of an attribution one or two sentences before it in the same paragraph."""
    for i, sentence in enumerate(article.sentences):
        konjunktiv = _has_konjunktiv(article.text, tokens[i])
        if per_sentence[i] or not (konjunktiv or _continues_a_claim(tokens[i])):
            continue
        cue = "konjunktiv" if konjunktiv else "continued"
        for j in (i - 1, i - 2):
            if j >= 0 and per_sentence[j] and _same_block(article, j, i):
                prior = _framing(article.text, per_sentence[j])
                span = (prior.source_start, prior.source_end)
                per_sentence[i].append(
                    _claim(sentence, prior.source, prior.kind, cue, span, prior.entity_ids)
                )
                break


# ", sagte ", ", so ": a cue verb right after a comma, before the source.
_AFTER_ITS_CLAIM = re.compile(r",\s*\w+\s+$")


def _framing(text: str, found: list[Attribution]) -> Attribution:
    """Of a sentence's attributions, the one that frames it: a cue after its claim ("Die USA
    erwarteten, dass ..., sagte Rutte" is Rutte's, who goes on in Konjunktiv; the USA's
    expectation had been continued), else the first."""
    framing = (a for a in found if _AFTER_ITS_CLAIM.search(text, a.start, a.source_start))
    return next(framing, found[0])


def _continues_a_claim(toks: list[Token]) -> bool:
    return any(tok.text in CONTINUING_NOUNS for tok in toks)


def _has_konjunktiv(text: str, toks: list[Token]) -> bool:
    quoted = _quoted(text, toks)
    for i, tok in enumerate(toks):
        if not _konjunktiv_form(tok):
            continue
        if (i > 0 and toks[i - 1].lower in {"ich", "du"}) or _inside(quoted, tok.start):
            continue
        return True
    return False


def _konjunktiv_form(tok: Token) -> bool:
    """A listed form, or a verb's stem + e where the infinitive is stem + en (prüfe)."""
    if tok.lower in KONJUNKTIV:
        return True
    if not tok.text[0].islower() or tok.lower in NOT_KONJUNKTIV or not tok.lower.endswith("e"):
        return False
    return lemma_of(tok.lower) == tok.lower + "n" and tok.cls == "O"


def _quoted(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    if not toks:
        return []
    return [m.span() for m in _QUOTE.finditer(text, toks[0].start, toks[-1].end)]


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies inside one of ``spans`` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, (offset, offset)) - 1
    return index >= 0 and spans[index][0] < offset < spans[index][1]


@component("attribution")
def attribution(article: Article, options: Options) -> None:
    article.attributions = attribute(article)
