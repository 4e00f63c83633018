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
import re

from chronik.analysis.attribution_cues import Found, find_cues
from chronik.analysis.attribution_phrases import np_backward
from chronik.analysis.attribution_resolution import (
    Context,
    article_context,
    ending_with_name,
    linked_ids,
    mark_names,
    mark_times,
    names_someone,
    remember_sources,
    remember_subject,
    resolve_source,
    with_apposed_name,
)
from chronik.analysis.attribution_tokens import Token, tokenize
from chronik.analysis.attribution_words import (
    AUXILIARIES,
    CONTINUING_NOUNS,
    CUES,
    EMPTY_CLAIM,
    KONJUNKTIV,
    NON_AGENT_ENDINGS,
    NON_AGENT_WORDS,
    NOT_KONJUNKTIV,
    PARTICLES,
    POSSESSIVES,
    SPEAKER_ENDINGS,
    VERBS,
    lemma_of,
)
from chronik.analysis.pipeline import component
from chronik.analysis.roles import role_lexicon
from chronik.model import Article, Attribution, Sentence
from chronik.options import Options

_QUOTE = re.compile(
    r"„([^“”„\n]{1,3000})[“”\"]|“([^“”\n]{1,3000})”|\"([^\"\n]{1,3000})\"|»([^«»\n]{1,3000})«"
    r"|«([^«»\n]{1,3000})»"
)


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


def attribute(article: Article) -> list[Attribution]:
    """Every attribution in ``article`` (whose sentences must be filled), in text order."""
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
    _add_quotes(ctx, per_sentence)
    _add_konjunktiv(article, per_sentence, tokens)
    result = [a for found in per_sentence for a in found if id(a) not in empty]
    result.sort(key=lambda a: (a.start, a.source_start))
    return result


def _sentence_attributions(
    ctx: Context, sentence: Sentence, toks: list[Token], empty: set[int]
) -> list[Attribution]:
    seen: set[tuple[int, int]] = set()
    result: list[Attribution] = []
    quoted = _quoted(ctx.article.text, toks)
    for hit in find_cues(toks):
        if quoted and _inside(quoted, toks[hit.at].start):
            continue  # a speech verb inside a quote belongs to the quoted speaker
        hit = with_apposed_name(ctx, toks, ending_with_name(ctx, toks, hit))
        start, end = toks[hit.first].start, toks[hit.last - 1].end
        if (start, end) in seen or _object_for_subject(ctx, toks, hit):
            continue
        seen.add((start, end))
        source, ids = resolve_source(ctx, toks, hit)
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


# --- quotes and reported speech -------------------------------------------------------------


def _add_quotes(ctx: Context, per_sentence: list[list[Attribution]]) -> None:
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
    ctx: Context,
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


def _colon_speaker(ctx: Context, begin: int, quote: int) -> Speaker | None:
    text = ctx.article.text
    before = text[begin:quote].rstrip()
    if not before.endswith(":"):
        return None
    toks = tokenize(text, begin, begin + len(before) - 1)
    mark_names(toks, ctx)
    start = np_backward(toks, len(toks), 0)
    # The whole line before the colon names the speaker ("Merz:"), not a topic that ends
    # in a noun ("Presseschau zum Alaska-Gipfel:", "Ihre Forderung:").
    if start != 0 or not toks or toks[0].lower in POSSESSIVES:
        return None
    a, b = toks[start].start, toks[-1].end
    # A bare noun is a label ("Ernster Nachsatz:", "Verbeamtung:") unless it names someone;
    # with an article it is a speaker ("Die Polizei:", "Eine Betroffene:")
    head = next((t.text for t in toks if t.cls == "N"), "")
    if toks[0].cls != "D" and not names_someone(ctx, a, b) and not _speaker_noun(head):
        return None
    return text[a:b], a, b, linked_ids(ctx, a, b)


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
