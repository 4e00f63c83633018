"""Attribution: who says, reports, announces, suggests or denies what in German news.

Rules over tokens, one sentence at a time (see docs/attribution.md). A cue (a speech or
report verb, "laut", "zufolge", "nach Angaben", "unter Berufung auf", "so X", a direct
quote, a Konjunktiv I continuation) marks a claim; its source is a bounded noun phrase
found by position: the subject before or after the finite verb, or the complement of the
preposition. Cue words and word classes are data (``data/attribution_*.json``).

Every step looks at a bounded window of tokens, so the cost is linear in the text length.

This module runs the steps over an article and keeps the claims that say something; the
steps have their own modules: ``attribution_tokens`` (tokens and word classes),
``attribution_cues`` (the cues of one sentence, with ``attribution_phrases`` and
``attribution_subjects`` for their sources), ``attribution_resolution`` (who a source is)
and ``attribution_quotes`` (quotes and reported speech), all reading the word tables of
``attribution_words``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chronik.analysis.attribution_cues import Found, find_cues
from chronik.analysis.attribution_phrases import np_forward
from chronik.analysis.attribution_quotes import (
    add_headline_lines,
    add_konjunktiv,
    add_quotes,
    claim,
    inside_spans,
    quoted_spans,
)
from chronik.analysis.attribution_resolution import (
    Context,
    answer_speakers,
    article_context,
    ending_with_name,
    mark_names,
    mark_times,
    names_someone,
    remember_sources,
    remember_subject,
    resolve_source,
    with_apposed_name,
)
from chronik.analysis.attribution_tokens import BEFORE_ORDINAL, Token, tokenize
from chronik.analysis.attribution_words import (
    AUXILIARIES,
    EMPTY_CLAIM,
    NON_AGENT_ENDINGS,
    NON_AGENT_WORDS,
    PARTICLES,
    PREPOSITIONS,
    QUOTE_MARKS,
    TOPIC_ONLY_CUES,
    VERBS,
    lemma_of,
)
from chronik.analysis.pipeline import component
from chronik.model import Article, Attribution, Sentence
from chronik.options import Options


def attribute(article: Article) -> list[Attribution]:
    """Every attribution in ``article`` (whose sentences must be filled), in text order."""
    unglued = _unglued(article)
    if unglued is not article.sentences:
        # the sentences attribution reads, not the article's: the text stays as it is
        article = replace(article, sentences=unglued)
    ctx = article_context(article)
    per_sentence: list[list[Attribution]] = []
    tokens: list[list[Token]] = []
    # Claims of nothing ("Moskau dementiert.") still give later pronouns their antecedent.
    empty: set[int] = set()
    for sentence in article.sentences:
        toks = tokenize(article.text, sentence.start, sentence.end)
        mark_names(toks, ctx)
        mark_times(toks, ctx)
        tokens.append(toks)
        per_sentence.append(_sentence_attributions(ctx, sentence, toks, empty))
        remember_subject(ctx, toks)
        remember_sources(ctx, per_sentence[-1])
    add_quotes(ctx, per_sentence)
    add_headline_lines(ctx, per_sentence)
    add_konjunktiv(ctx, per_sentence, tokens)
    # A quote of whole sentences after one that goes on in Konjunktiv goes on with it:
    # "... sehe er darin, ... „Also gebe ich mir ... . Und dann ...“" (review 149: since the
    # quote is read over its sentences, its "gebe" is no Konjunktiv of the speech)
    add_quotes(ctx, per_sentence, spoken_only=True)
    result = answer_speakers(
        ctx, [a for found in per_sentence for a in found if id(a) not in empty]
    )
    result.sort(key=lambda a: (a.start, a.source_start))
    return result


# A stop after three small letters ("Dr.Müller", "ca.20" stay whole), where a ticker's or a
# feed's lines are glued: "zurückzuschicken.20 europäische Staaten", "gelingen?Gestern"
_STOP = re.compile(r"(?<=[a-zäöüß]{3})[.!?]")
_OPENS = re.compile(r"[A-ZÄÖÜ0-9]\w")


def _unglued(article: Article) -> list[Sentence]:
    """The article's sentences, split where one ends with no space after its stop, or
    with a stop after the quote mark that closes it ('Virus.". Auch X sagte'; review 146:
    the glued line after one had been part of its sentence, whose claim and Konjunktiv
    went to the speaker before). The list itself where nothing is glued."""
    text, result = article.text, []
    for sentence in _rejoined(text, article.sentences):
        cuts = [
            c
            for m in _STOP.finditer(text, sentence.start, sentence.end)
            if (c := _cut(text, sentence.start, m.end())) and c < sentence.end
        ]
        if not cuts:
            result.append(sentence)
            continue
        for a, b in zip([sentence.start, *cuts], [*cuts, sentence.end], strict=True):
            a += len(text[a:b]) - len(text[a:b].lstrip())
            if a < b:
                result.append(replace(sentence, start=a, end=b, text=text[a:b]))
    same = len(result) == len(article.sentences) and all(
        a is b for a, b in zip(result, article.sentences, strict=True)
    )
    return article.sentences if same else result


# "Zum 35. Jahrestag", "am 3. Oktober": an ordinal after a preposition or an article
_ORDINAL_END = re.compile(rf"\b(?:{'|'.join(sorted(BEFORE_ORDINAL))})\s+\d{{1,3}}\.$", re.I)


def _rejoined(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences, with one that ends in an ordinal ("Zum 35.") joined to the next
    (review 149: "Jahrestag der Deutschen Einheit rief Bundeskanzler Merz ... auf" had the
    anniversary for its source)."""
    result: list[Sentence] = []
    for sentence in sentences:
        before = result[-1] if result else None
        if before is not None and _ORDINAL_END.search(before.text.rstrip()):
            result[-1] = replace(before, end=sentence.end, text=text[before.start : sentence.end])
        else:
            result.append(sentence)
    return result


def _cut(text: str, start: int, stop: int) -> int | None:
    """Where a new sentence begins after the stop that ends at ``stop``, if one does: right
    after it ('dpa."Für', where the straight quote mark opens a quote: an even count of
    them before it), after the quote mark it closes ('Krieg."Unter'), or after a stop
    that follows that mark ('Virus.". Auch')."""
    if _OPENS.match(text, stop):
        return stop
    if text[stop : stop + 1] != '"':
        return None
    if text.count('"', start, stop) % 2 == 0:
        return stop if _OPENS.match(text, stop + 1) else None
    if _OPENS.match(text, stop + 1):
        return stop + 1
    if text[stop + 1 : stop + 3] == ". " and _OPENS.match(text, stop + 3):
        return stop + 2
    return None


def _sentence_attributions(
    ctx: Context, sentence: Sentence, toks: list[Token], empty: set[int]
) -> list[Attribution]:
    seen: set[tuple[int, int]] = set()
    result: list[Attribution] = []
    quoted = quoted_spans(ctx.article.text, toks)
    for hit in find_cues(toks):
        if quoted and inside_spans(quoted, toks[hit.at].start):
            continue  # a speech verb inside a quote belongs to the quoted speaker
        hit = with_apposed_name(ctx, toks, ending_with_name(ctx, toks, hit))
        start, end = toks[hit.first].start, toks[hit.last - 1].end
        if (start, end) in seen or _object_for_subject(ctx, toks, hit) or _addressee(toks, hit):
            continue
        seen.add((start, end))
        source, ids = resolve_source(ctx, toks, hit)
        result.append(claim(sentence, source, hit.kind, hit.cue, (start, end), ids))
        if not _has_content(toks, hit):
            empty.add(id(result[-1]))
    return result


def _addressee(toks: list[Token], hit: Found) -> bool:
    """A source "Sie" inside its sentence, not after a colon or a quote mark that opens
    one: the reader or the one asked, who reports nothing ("melden Sie dies der Behörde",
    "Das müssen Sie erklären"; review 231: it had been resolved to a noun before it)."""
    if hit.last - hit.first != 1 or toks[hit.first].text != "Sie" or hit.first == 0:
        return False
    before = toks[hit.first - 1].text
    return before not in QUOTE_MARKS and before not in _OPENERS


_OPENERS = frozenset({":", "–", "—", "-", "(", "…"})


def _object_for_subject(ctx: Context, toks: list[Token], hit: Found) -> bool:
    """After a speech verb, its object read as its subject: an abstract noun that names no
    one NER found ("erklärte Cheung" is someone, "fordert Aufklärung von Israel" not).
    Before the verb a bare one is a headline's subject ("Opposition warnt")."""
    if hit.cue not in VERBS or hit.first < hit.at:
        return False
    start, end = toks[hit.first].start, toks[hit.last - 1].end
    return not names_someone(ctx, start, end) and _abstract_object(toks, hit.first, hit.last)


def _abstract_object(toks: list[Token], a: int, b: int) -> bool:
    """ "ein Ende der Angriffe", "Aufklärung": an abstract noun, bare or after "ein", is
    what was said, not who said it ("die Bundesregierung", "eine Sprecherin", "Stiftung
    Warentest" are someone)."""
    first = toks[a].lower
    if first in _NEUTER and b - a == 2 and _adjective_as_noun(toks[a + 1].lower):
        return True  # "sagen genau das Falsche": a neuter adjective as a noun is a thing
    bare = toks[a].cls == "N" and (b - a == 1 or toks[a + 1].cls != "N")
    # "stellte diese Möglichkeit in Aussicht": a demonstrative points to what was said
    indefinite = (first in _INDEFINITE or first in _DEMONSTRATIVE_DETERMINERS) and a + 1 < b
    if not (bare or indefinite):
        return False
    head = next((t.text for t in toks[a:b] if t.cls == "N"), "")
    return head in NON_AGENT_WORDS or head.lower().endswith(NON_AGENT_ENDINGS)


def _adjective_as_noun(lower: str) -> bool:
    """ "falsche" of "das Falsche": an adjective's stem and an ending."""
    lemma = lemma_of(lower)
    return lower != lemma and lower.startswith(lemma) and lower[len(lemma) :] in ("e", "es")


_NEUTER = frozenset({"das", "dasselbe", "etwas", "nichts", "viel", "vieles"})
_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer"})
_DEMONSTRATIVE_DETERMINERS = frozenset({"diese", "dieses", "diesen", "jene", "jenes", "jenen"})


def _has_content(toks: list[Token], hit: Found) -> bool:
    """Whether the sentence says something beside its cue and source: "Moskau dementiert."
    and "Was sagen Kritiker?" claim nothing, and an attribution of them had no content to
    show or to compare across reports. Only a verb cue can stand so alone."""
    if hit.at < 0 or toks[hit.at].cls == "N":
        return True
    # "sich äußern zu": reflexive, it has no object that says what (review 283)
    topical = hit.cue in TOPIC_ONLY_CUES and any(t.lower == "sich" for t in toks)
    topics = _prepositional_phrases(toks) if topical else set()
    for j, tok in enumerate(toks):
        if hit.first <= j < hit.last or j == hit.at or not tok.text[:1].isalnum():
            continue
        if j in topics:  # "hat sich zum Motiv geäußert" says on what, not what
            continue
        if tok.cls in ("B", "T") or tok.lower in AUXILIARIES or tok.lower in EMPTY_CLAIM:
            continue
        if tok.lower in PARTICLES and j > hit.at:  # "Kiew weist zurück"
            continue
        return True
    return False


def _prepositional_phrases(toks: list[Token]) -> set[int]:
    """The tokens of every prepositional phrase of a sentence, each preposition with the
    noun phrase after it (review 283: such phrases of ``TOPIC_ONLY_CUES`` are no content)."""
    inside: set[int] = set()
    for i, tok in enumerate(toks):
        if tok.lower in PREPOSITIONS:
            j = i + 1
            if j < len(toks) and _NUMBER.fullmatch(toks[j].lower):
                j += 1  # "mit sechs Toten", "nach 20 Jahren"
            inside.update(range(i, max(np_forward(toks, j, len(toks)), j)))
    return inside


_NUMBER = re.compile(
    r"[\d.,]+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|hundert|tausend"
)


@component("attribution", needs=("sentences",), reads=("ner", "entities"))
def attribution(article: Article, options: Options) -> None:
    article.attributions = attribute(article)
