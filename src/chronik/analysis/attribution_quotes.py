"""Quotes and reported speech: a direct quote without a cue of its own goes to the speaker
named before its colon ("Merz: „…“") or, when it fills its sentence, to the source of the
sentence after ("Das sagte X") or before; a sentence in Konjunktiv I ("Die Kosten seien
eingeplant") or one whose claim is a sourceless noun continues the reported speech of
one or two sentences before it in the same paragraph. With :func:`claim`, the attribution
of a sentence, and the spans of the quotes in a sentence. Apart because these read the
attributions of the sentences around, after every sentence has its own."""

from __future__ import annotations

import bisect
import re

from chronik.analysis.attribution_phrases import np_backward, np_forward
from chronik.analysis.attribution_resolution import Context, linked_ids, mark_names, names_someone
from chronik.analysis.attribution_tokens import Token, konjunktiv_form, tokenize, verb_like
from chronik.analysis.attribution_words import (
    COMING_NOUNS,
    CONTINUING_NOUNS,
    CUES,
    PARTICLES,
    POSSESSIVES,
    lemma_of,
    speaker_noun,
    verb_lemma,
)
from chronik.analysis.german import DASHES
from chronik.model import Article, Attribution, Sentence

_QUOTE = re.compile(
    r"„([^“”„\n]{1,3000})[“”\"]|“([^“”\n]{1,3000})”|\"([^\"\n]{1,3000})\"|»([^«»\n]{1,3000})«"
    r"|«([^«»\n]{1,3000})»"
)


def claim(
    sentence: Sentence, source: str, kind: str, cue: str, span: tuple[int, int], ids: list[str]
) -> Attribution:
    """The attribution of ``sentence`` to ``source``, whose span is ``span`` in the text."""
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


def add_quotes(
    ctx: Context, per_sentence: list[list[Attribution]], spoken_only: bool = False
) -> None:
    """Direct quotes without a cue of their own: "X: „…“", or a whole-sentence quote whose
    speaker is named in the sentence after ("Das sagte X") or before. With ``spoken_only``
    a quote goes on from the sentence before only where that is no report ("Zuerst hatte
    dpa darüber berichtet. ... „…“" is the paper's, not dpa's)."""
    article = ctx.article
    starts = [s.start for s in article.sentences]
    for match in _QUOTE.finditer(article.text):
        first = max(0, bisect.bisect_right(starts, match.start()) - 1)
        last = max(first, bisect.bisect_left(starts, match.end()) - 1)
        if not article.sentences:
            continue
        if any(per_sentence[first : last + 1]):
            _rest_of_quote(article, per_sentence, match, first, last)
            continue
        found = _quote_speaker(ctx, per_sentence, match, first, last, spoken_only)
        if found is not None:
            per_sentence[first].append(found)


def _quote_speaker(
    ctx: Context,
    per_sentence: list[list[Attribution]],
    match: re.Match[str],
    first: int,
    last: int,
    spoken_only: bool,
) -> Attribution | None:
    article = ctx.article
    sentences = article.sentences
    begin, end = sentences[first].start, sentences[last].end
    text = article.text
    speaker = _colon_speaker(ctx, begin, match.start())
    if speaker is None and (match.end() - match.start()) >= 0.6 * (end - begin):
        speaker = _neighbour(article, per_sentence, first, last, spoken_only)
    if speaker is None:
        return None
    source, s, e, ids = speaker
    quoted = Sentence(begin, end, text[begin:end])
    return claim(quoted, source, CUES["quote_kind"], "quote", (s, e), ids)


def _rest_of_quote(
    article: Article,
    per_sentence: list[list[Attribution]],
    match: re.Match[str],
    first: int,
    last: int,
) -> None:
    """The sentences of a quote that its cue's sentence leaves out go to the same speaker:
    "X sagt: „A. B.“" gives B to X, "„A. B“, sagte X" gives A (review 225: 9 of the 35
    claims missed on 15 whole web pages were such sentences), and so does "X meint dazu:
    „A. B“, sagte X" (review 273). Only where they have no claim
    of their own and lie wholly inside the quote."""
    found = _cue_of_quote(article, per_sentence, match, first, last)
    if found is None:
        return
    chosen, a, b = found
    text, sentences = article.text, article.sentences
    quoted = Sentence(
        sentences[a].start, sentences[b].end, text[sentences[a].start : sentences[b].end]
    )
    span = (chosen.source_start, chosen.source_end)
    per_sentence[a].append(
        claim(quoted, chosen.source, CUES["quote_kind"], "quote", span, chosen.entity_ids)
    )


def _cue_of_quote(
    article: Article,
    per_sentence: list[list[Attribution]],
    match: re.Match[str],
    first: int,
    last: int,
) -> tuple[Attribution, int, int] | None:
    """The claim of the quote's cue, before it in its first sentence or after it in its
    last, and the first and last of the quote's sentences it leaves out."""
    sentences, text = article.sentences, article.text
    if first == last or any(per_sentence[first + 1 : last]):
        return None
    # a claim of the cue's sentence alone (not one read over the whole quote already), and
    # after the quote one in the sentence that closes it ("„…“. Die USA hätten" is no cue's)
    before = [
        a
        for a in per_sentence[first]
        if a.source_end <= match.start() and a.end <= sentences[first].end
    ]
    after = [
        a
        for a in per_sentence[last]
        if a.source_start >= match.end() and not _STOPS.search(text, match.end(), a.source_start)
    ]
    if (
        before
        and not per_sentence[last]
        and not text[match.end() : sentences[last].end].strip(".!? ")
    ):
        return before[-1], first + 1, last
    lead = text[sentences[first].start : match.start()].strip()
    # before the quote its sentence has nothing, or words that end in a colon with no
    # claim of their own ("X bringt die Skepsis zum Ausdruck: „A. B. C“, sagt er"; review
    # 273: the sentences before the cue's had had no claim)
    if after and not per_sentence[first] and (not lead or lead.endswith(":")):
        return after[0], first, last - 1
    return None


_STOPS = re.compile(r"[.!?]")


Speaker = tuple[str, int, int, list[str]]
_DASH_MARKS = ("–", "—", "-")


def _colon_speaker(ctx: Context, begin: int, quote: int) -> Speaker | None:
    text = ctx.article.text
    before = text[begin:quote].rstrip()
    # "Müller – „Wir bleiben hier“": a headline's dash stands for the colon (review 169: the
    # quote had had no speaker); a topic may stand there too ("Hitze – „Trinkt genug“"), so
    # the line must name someone, an article alone is not enough
    dash = before.endswith(_DASH_MARKS) and before[:-1].endswith(" ")
    if not before.endswith(":") and not dash:
        return None
    toks = tokenize(text, begin, begin + len(before) - 1)
    mark_names(toks, ctx)
    if not dash and (manner := _said_so(ctx, toks)) is not None:
        return manner
    start = np_backward(toks, len(toks), 0)
    # The whole line before the colon names the speaker ("Merz:"), not a topic that ends
    # in a noun ("Presseschau zum Alaska-Gipfel:", "Ihre Forderung:").
    if start != 0 or not toks or toks[0].lower in POSSESSIVES:
        return None
    a, b = toks[start].start, toks[-1].end
    # A bare noun is a label ("Ernster Nachsatz:", "Verbeamtung:") unless it names someone;
    # with an article it is a speaker ("Die Polizei:", "Eine Betroffene:")
    head = next((t.text for t in toks if t.cls == "N"), "")
    someone = names_someone(ctx, a, b) or speaker_noun(head)
    if not someone and (toks[0].cls != "D" or dash):
        return None
    return text[a:b], a, b, linked_ids(ctx, a, b)


# "begründet es so:", "sieht das so:": the way a quote after the colon puts it
_SO_OBJECTS = frozenset({"es", "das", "dies"})


def _said_so(ctx: Context, toks: list[Token]) -> Speaker | None:
    """ "Der Minister begründet es so: „…“", "Die Ärztin drückt es so aus: „…“": the subject
    before the verb says the quote after the colon (review 273: a quote of two sentences
    had had no claim). Only a subject that names someone ("Der Plan sieht es so vor:" is
    a thing's), with nothing between it and the verb."""
    end = len(toks)
    if end and toks[end - 1].lower in PARTICLES:
        end -= 1
    if end < 4 or toks[end - 1].lower != "so" or toks[end - 2].lower not in _SO_OBJECTS:
        return None
    verb = end - 3
    if np_forward(toks, 0, verb) != verb or not toks[verb].text[:1].islower():
        return None
    a, b = toks[0].start, toks[verb - 1].end
    head = next((t.text for t in reversed(toks[:verb]) if t.cls == "N"), "")
    if not (names_someone(ctx, a, b) or speaker_noun(head)):
        return None
    return ctx.article.text[a:b], a, b, linked_ids(ctx, a, b)


# a live ticker's time before its line: "21:06 Uhr - Hamas: ..."
_TICKER_TIME = re.compile(r"\d{1,2}[:.]\d{2}\s+Uhr\s*[-–—]\s*")
# a line with no stop of its own at its end is a headline ("Netanjahu: Werden ... setzen")
_LINE_STOPS = (".", "!", "?", "…", ":", ";", ",", '"', "“", "”", "«", "»")


def add_headline_lines(ctx: Context, per_sentence: list[list[Attribution]]) -> None:
    """A headline line below the title, of a ticker or an overview, "X: what was said" with
    no quotation marks and no stop at its end ("Netanjahu: Werden Hamas unter Druck
    setzen", "21:06 Uhr - Hamas: 200.000 Menschen zurückgekehrt", "US-Militär: Blockade
    erfolgreich") is X's, where X fills the line before the colon and names a person or an
    organisation NER found, or is a noun for one (review 266: 4 of review 260's 14 misses).
    Not a place ("Irak: Raffinerien laufen" names a topic), not the title, nor a line that
    ends as a sentence ("Friedrich Merz: Er will führen." under a title of that topic)."""
    article = ctx.article
    for i, sentence in enumerate(article.sentences):
        if i == 0 or per_sentence[i] or not _headline_line(article.text, sentence):
            continue
        found = _headline_speaker(ctx, sentence)
        if found is not None:
            source, a, b, ids = found
            per_sentence[i].append(
                claim(sentence, source, CUES["quote_kind"], "colon", (a, b), ids)
            )


def _headline_line(text: str, sentence: Sentence) -> bool:
    """A line with no stop at its end, and no quote right after its colon (that is a quote
    of X's, :func:`add_quotes`'); words in quotation marks inside what was said may stand
    ("19:51 Uhr - Golod: Ukraine steht unter "gewaltigem" Druck"; review 273: missed)."""
    line = text[sentence.start : sentence.end].rstrip()
    if not line or line.endswith(_LINE_STOPS):
        return False
    quote = _QUOTE.search(line)
    colon = line.find(": ")
    return quote is None or (colon >= 0 and quote.start() > colon + 2)


def _headline_speaker(ctx: Context, sentence: Sentence) -> Speaker | None:
    """The speaker before a headline line's colon, past a ticker's time."""
    text = ctx.article.text
    time = _TICKER_TIME.match(text, sentence.start)
    begin = time.end() if time else sentence.start
    colon = text.find(": ", begin, sentence.end)
    if colon < 0 or len(text[colon + 2 : sentence.end].split()) < 2:
        return None
    toks = tokenize(text, begin, colon)
    mark_names(toks, ctx)
    if not toks or np_backward(toks, len(toks), 0) != 0 or toks[0].cls in ("D", "P"):
        return None
    a, b = toks[0].start, toks[-1].end
    head = next((t.text for t in reversed(toks) if t.cls == "N"), "")
    if not (names_someone(ctx, a, b) or speaker_noun(head)):
        return None
    return text[a:b], a, b, linked_ids(ctx, a, b)


def _neighbour(
    article: Article,
    per_sentence: list[list[Attribution]],
    first: int,
    last: int,
    spoken_only: bool = False,
) -> Speaker | None:
    following = per_sentence[last + 1] if last + 1 < len(per_sentence) else []
    opener = article.sentences[last + 1].text.split(" ", 1)[0] if following else ""
    if following and opener.lower() in {"das", "dies", "so"}:
        chosen = following[0]
    elif first > 0 and per_sentence[first - 1] and _same_block(article, first - 1, first):
        chosen = per_sentence[first - 1][-1]
        if spoken_only and chosen.kind == _REPORT:
            return None
    else:
        return None
    return chosen.source, chosen.source_start, chosen.source_end, list(chosen.entity_ids)


_REPORT = "report"  # an outlet's or an office's report, not a speaker's words


def _same_block(article: Article, i: int, j: int) -> bool:
    return "\n" not in article.text[article.sentences[i].end : article.sentences[j].start]


def add_konjunktiv(
    ctx: Context, per_sentence: list[list[Attribution]], tokens: list[list[Token]]
) -> None:
    """A sentence in Konjunktiv I ("Die Kosten seien eingeplant"), or one whose claim is a
    sourceless noun ("Es besteht die Befürchtung, dass ..."), continues the reported speech
    of an attribution one or two sentences before it in the same paragraph; one whose
    Konjunktiv follows a colon after a clause of its own subject is that subject's."""
    article = ctx.article
    for i, sentence in enumerate(article.sentences):
        if per_sentence[i]:
            _frame_said_there(article, per_sentence, tokens, i)
            continue
        quoted = quoted_spans(article.text, tokens[i])
        konjunktiv = _has_konjunktiv(article.text, tokens[i], quoted)
        said = _said_there(tokens[i], quoted)
        hence = _according_to_that(tokens[i], quoted)
        if not (konjunktiv or said or hence or _continues_a_claim(tokens[i])):
            continue
        speaker = _konjunktiv_speaker(article.text, tokens[i]) if konjunktiv else None
        if speaker is not None:
            ids = linked_ids(ctx, *speaker)
            text = article.text[speaker[0] : speaker[1]]
            per_sentence[i].append(claim(sentence, text, "quote", "konjunktiv", speaker, ids))
            continue
        own = _relative_speaker(ctx, tokens[i]) if konjunktiv else None
        if own is not None:
            ids = linked_ids(ctx, *own)
            text = article.text[own[0] : own[1]]
            per_sentence[i].append(claim(sentence, text, "report", "konjunktiv", own, ids))
            continue
        cue = "heißen" if said else "konjunktiv" if konjunktiv else _HENCE if hence else "continued"
        prior = _prior_framing(article, per_sentence, i)
        if prior is not None:
            span = (prior.source_start, prior.source_end)
            kind = CUES["verbs"][cue] if said else _continued_kind(prior.kind)
            per_sentence[i].append(claim(sentence, prior.source, kind, cue, span, prior.entity_ids))


def _prior_framing(
    article: Article, per_sentence: list[list[Attribution]], i: int
) -> Attribution | None:
    """The attribution that frames the speech of the sentence one or two before ``i`` in
    the same paragraph (:func:`_claims_over`), which sentence ``i`` goes on with."""
    for j in (i - 1, i - 2):
        before = _claims_over(article, per_sentence, j) if j >= 0 else []
        if before and _same_block(article, j, i):
            return _framing(article.text, before)
    return None


def _frame_said_there(
    article: Article, per_sentence: list[list[Attribution]], tokens: list[list[Token]], i: int
) -> None:
    """ "Alle Seiten hätten angedeutet, dass ..., heißt es.": a claim of its own that a
    closing "heißt es" frames goes on with the speaker of a sentence or two before, first
    of the sentence's attributions, so that the Konjunktiv after it goes on with that
    speaker too (review 280: it had gone on with "Alle Seiten", not the agencies)."""
    if not _closing_said_there(tokens[i]) or any(a.cue == "heißen" for a in per_sentence[i]):
        return
    prior = _prior_framing(article, per_sentence, i)
    if prior is not None:
        span = (prior.source_start, prior.source_end)
        kind = CUES["verbs"]["heißen"]
        said = claim(article.sentences[i], prior.source, kind, "heißen", span, prior.entity_ids)
        per_sentence[i].insert(0, said)


def _closing_said_there(toks: list[Token]) -> bool:
    """ "..., heißt es." or "..., hieß es weiter.": a comma, "heißt es" naming no origin,
    and the sentence's end."""
    words = [t.lower for t in toks]
    if words and words[-1] in {".", "!"}:
        words = words[:-1]
    if words and words[-1] == "weiter":
        words = words[:-1]
    return len(words) > 3 and words[-3] == "," and words[-2] in _HEISSEN and words[-1] == "es"


def _claims_over(
    article: Article, per_sentence: list[list[Attribution]], j: int
) -> list[Attribution]:
    """The attributions of sentence ``j``, else those of a quote of several sentences that
    opened before it and closes in it ("„A. B. C.“ Die Warnstufe stehe auf Rot" goes on
    with the quote's speaker; review 266: the quote's claim is kept in its first sentence,
    and the Konjunktiv after it had had none one or two sentences before)."""
    if per_sentence[j]:
        return per_sentence[j]
    end = article.sentences[j].end
    for k in range(j - 1, max(-1, j - _QUOTE_SENTENCES), -1):
        over = [a for a in per_sentence[k] if a.end >= end and a.cue == "quote"]
        if over or per_sentence[k]:
            return over
    return []


# how many sentences back a quote that closes in a sentence may have opened
_QUOTE_SENTENCES = 6


def _continued_kind(kind: str) -> str:
    """The kind of a sentence that goes on with an attribution's speech: a denial's is what
    the denier said ("Er wies die Vorwürfe zurück. Er habe nie Geld angenommen"), a report
    of it, not a denial again (review 169: such sentences had kept "denial")."""
    return "report" if kind == "denial" else kind


# ", sagte ", ", so ": a cue verb right after a comma, before the source.
_AFTER_ITS_CLAIM = re.compile(r",\s*\w+\s+$")


def _framing(text: str, found: list[Attribution]) -> Attribution:
    """Of a sentence's attributions, the one that frames it: a cue after its claim ("Die USA
    erwarteten, dass ..., sagte Rutte" is Rutte's, who goes on in Konjunktiv; the USA's
    expectation had been continued), else the first."""
    framing = (a for a in found if _AFTER_ITS_CLAIM.search(text, a.start, a.source_start))
    return next(framing, found[0])


def _konjunktiv_speaker(text: str, toks: list[Token]) -> tuple[int, int] | None:
    """ "Lawrow äußerte sich wie zuvor: Man lehne ... ab": the span of the subject that
    opens a sentence whose clause before its colon has no Konjunktiv and whose words after
    it have; that subject speaks, where the Konjunktiv had gone to the speaker of the
    sentence before (review 138). Not a pronoun, which may well be that speaker, nor past
    a dash ("... übergeben - und dafür Lob von X bekommen:")."""
    colon = next((k for k, tok in enumerate(toks) if tok.text == ":"), None)
    if colon is None or any(tok.text in DASHES for tok in toks[:colon]):
        return None
    if _has_konjunktiv(text, toks[:colon]) or not _has_konjunktiv(text, toks[colon + 1 :]):
        return None
    origin = _coming_from(toks, colon)
    if origin is not None:
        return origin
    end = np_forward(toks, 0, colon, coord=False)
    if not 0 < end < colon or toks[0].cls == "P" or not verb_like(toks[end]):
        return None
    return toks[0].start, toks[end - 1].end


def _relative_speaker(ctx: Context, toks: list[Token]) -> tuple[int, int] | None:
    """ "Das Institut kommt auf 95 Prozent an Schulden, die nicht investiert worden seien":
    where the Konjunktiv stands only in a relative clause after a main clause in the
    indicative whose subject opens it and is a person or an institution, that subject says
    it (review 169: the Konjunktiv had gone on with the speaker of the sentence before)."""
    comma = next((k for k, tok in enumerate(toks) if tok.cls == "B"), len(toks))
    if comma + 1 >= len(toks) or toks[comma].text != "," or toks[comma + 1].lower not in _RELATIVE:
        return None
    text = ctx.article.text
    if _has_konjunktiv(text, toks[:comma]):
        return None
    end = np_forward(toks, 0, comma, coord=False)
    if not 0 < end < comma or toks[0].cls != "D" or not verb_like(toks[end]):
        return None
    head = next((t for t in reversed(toks[:end]) if t.cls == "N"), None)
    a, b = toks[0].start, toks[end - 1].end
    if head is None or not (speaker_noun(head.text) or names_someone(ctx, a, b)):
        return None
    return a, b


_RELATIVE = frozenset({"die", "der", "das", "dem", "den", "denen", "deren", "dessen"})


_COMING = frozenset({"kommt", "kam", "kommen", "kamen"})
_FROM = frozenset({"aus", "von", "vom"})


def _coming_from(toks: list[Token], colon: int) -> tuple[int, int] | None:
    """ "Aus der SPD kommt Kritik: Das Vorgehen sei ...", "Lob kam vom Verband: ...": a
    clause before the colon that says where words came from, by "kommen" and "aus" or
    "von", has that origin for the speaker of the Konjunktiv after it (review 169: it had
    gone on with the speaker of the sentence before)."""
    clause = [t.lower for t in toks[:colon]]
    said = any(t.text in COMING_NOUNS for t in toks[:colon])
    if not said or not _COMING.intersection(clause):
        return None  # "Die Idee kommt aus Dänemark:" names no speaker
    for j, word in enumerate(clause):
        if word in _FROM:
            end = np_forward(toks, j + 1, colon, coord=False)
            if end > j + 1:
                return toks[j + 1].start, toks[end - 1].end
            return None
    return None


# "hieß es", "heißt es", "es hieß": a claim said with no one named
_HEISSEN = frozenset({"heißt", "hieß"})


def _said_there(toks: list[Token], quoted: list[tuple[int, int]]) -> bool:
    """ "Weitere Opfer würden vermutet, hieß es.", "Zur Begründung hieß es, ...", "Darin
    heißt es: ...": "hieß es" after a comma or before a comma or colon, naming no origin,
    goes on with the speaker of a sentence or two before, as Konjunktiv I does (review 260:
    a sentence with no origin had no claim; "Jetzt heißt es abwarten" says nothing)."""
    for k, tok in enumerate(toks):
        if tok.lower not in _HEISSEN or inside_spans(quoted, tok.start):
            continue
        after = k + 1 < len(toks) and toks[k + 1].lower == "es"
        if not (after or (k > 0 and toks[k - 1].lower == "es")):
            continue
        rest = toks[k + 2 :] if after else toks[k + 1 :]
        if rest and _infinitive(rest[0]):
            continue  # "heißt es abwarten": it is time to wait
        opens = k > 0 and any(t.text == "," for t in toks[max(0, k - 3) : k])
        closes = any(t.text in {",", ":"} for t in rest[:6])
        if opens or closes or not rest or rest[0].text in {".", "!"}:
            return True
    return False


# "Mindestens acht Menschen wurden demnach verletzt": according to what was said before
_HENCE = "demnach"


def _according_to_that(toks: list[Token], quoted: list[tuple[int, int]]) -> bool:
    """ "Demnach griff die Armee ... an", "Acht Menschen wurden demnach verletzt": a
    sentence that says it reports what was said before goes on with its speaker, as one in
    Konjunktiv I does (review 260: an indicative sentence had had no claim)."""
    return any(t.lower == _HENCE and not inside_spans(quoted, t.start) for t in toks)


def _infinitive(tok: Token) -> bool:
    """ "abwarten", "zittern": a word in small letters that is its own verb's lemma."""
    lower = tok.lower
    return (
        tok.cls == "O"
        and tok.text[:1].islower()
        and lower.endswith("n")
        and (lemma_of(lower) == lower and verb_lemma(lower) == lower)
    )


def _continues_a_claim(toks: list[Token]) -> bool:
    return any(tok.text in CONTINUING_NOUNS for tok in toks)


def _has_konjunktiv(
    text: str, toks: list[Token], quoted: list[tuple[int, int]] | None = None
) -> bool:
    """Whether a verb outside the direct quotes (``quoted``, where the caller has them) is in
    Konjunktiv I, not after "ich" or "du"."""
    quoted = quoted_spans(text, toks) if quoted is None else quoted
    for i, tok in enumerate(toks):
        if not konjunktiv_form(tok):
            continue
        if (i > 0 and toks[i - 1].lower in {"ich", "du"}) or inside_spans(quoted, tok.start):
            continue
        return True
    return False


def quoted_spans(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """The spans of the direct quotes that overlap the sentence of ``toks``, in order, read
    over its paragraph: a quote may open sentences before it ("„Ich muss leider mitteilen,
    dass ... Einer der Täter ist tot“, sagte er": review 146, its "mitteilen" had been a
    claim of "Ich")."""
    if not toks:
        return []
    start, end = toks[0].start, toks[-1].end
    opens = max(text.rfind("\n", 0, start) + 1, start - _QUOTE_REACH)
    closes = text.find("\n", end)
    closes = min(len(text) if closes < 0 else closes, end + _QUOTE_REACH)
    found = _QUOTE.finditer(text, opens, closes)
    return [m.span() for m in found if m.end() > start and m.start() < end]


_QUOTE_REACH = 3000  # how far around a sentence its quotes are read, as _QUOTE's own limit


def inside_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies inside one of ``spans`` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, (offset, offset)) - 1
    return index >= 0 and spans[index][0] < offset < spans[index][1]
