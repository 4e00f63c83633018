"""Who reports an event: the names after a marker ("laut", "nach Angaben", "zufolge"),
the names of the clauses that report the trigger's, and the sources of the article's
attributions over its clause."""

from __future__ import annotations

from collections.abc import Iterable

from chronik.analysis.attribution_words import unresolved_source
from chronik.analysis.event_context import Context
from chronik.analysis.event_grammar import cue_labels
from chronik.analysis.event_parties import apposed
from chronik.analysis.event_places import locative_places
from chronik.analysis.event_sentence import (
    DETERMINERS,
    Clause,
    SentenceView,
    inflected_adjective,
    lexicon,
)
from chronik.model import Attribution, Mention


def marker_sources(sent: SentenceView) -> list[Mention]:
    """Mentions after "nach Angaben", "laut", "so berichtet" or before "zufolge"."""
    markers = lexicon().raw["source_markers"]
    found: list[Mention] = []
    words = [t.lower for t in sent.tokens]
    for i in range(len(words)):
        for marker in markers["before"]:
            if words[i : i + len(marker)] == marker:
                found.extend(_coordinated_sources(sent, i + len(marker)))
            found.extend(_adjective_source(sent, words, i, marker))
        for marker in markers["after"]:
            if words[i : i + len(marker)] == marker and i > 0:
                end = i + len(marker)
                if marker == ["zufolge"]:
                    # "Der Zeitung zufolge ist Volkswagen mit ... im Gespräch": the source
                    # stands before "zufolge" only; the name after it is the clause's
                    # subject (review 100: Volkswagen had lost its talks).
                    found.extend(_mentions_between(sent, max(0, i - 4), i)[-1:])
                    continue
                # ", sagte Putin" names its source after the verb; "Scholz sagte, Macron
                # habe ..." before it, and Macron is who the claim is about.
                stop = next((j for j in range(end, end + 4) if words[j : j + 1] == [","]), end + 4)
                found.extend(_mentions_between(sent, end, stop)[:1])
    return found


def _adjective_source(
    sent: SentenceView, words: list[str], i: int, marker: list[str]
) -> list[Mention]:
    """A country's adjective inside a marker, "nach ukrainischen Angaben": the country is
    the source, no party (review 92: Ukraine had been the target of the offensive that
    Ukraine reported Russia plans)."""
    if len(marker) != 2 or words[i : i + 1] != marker[:1] or words[i + 2 : i + 3] != marker[1:]:
        return []
    return _mentions_between(sent, i + 1, i + 2)


def _coordinated_sources(sent: SentenceView, first: int) -> list[Mention]:
    """The first mention of the phrase at ``first``, and of each phrase "und" joins to it:
    "laut CNN und New York Times" names two sources."""
    found: list[Mention] = []
    while first < len(sent.tokens):
        end = _phrase_end(sent, first)
        found.extend(_source_head(_mentions_between(sent, first, end)))
        if end + 1 >= len(sent.tokens) or sent.tokens[end].lower not in {"und", "sowie"}:
            break
        first = end + 1
    return found


def _source_head(inside: list[Mention]) -> list[Mention]:
    """The phrase's first mention, with the person its title names right after it: in
    "laut US-Präsident Trump" both are the source (review 90: Trump had been a party of
    the agreement he reported)."""
    head = inside[:1]
    titled = len(inside) > 1 and inside[0].derived and inside[1].type == "PER"
    if titled and inside[1].start - inside[0].end <= 1:
        head.append(inside[1])
    return head


def has_source_marker(sent: SentenceView) -> bool:
    words = [t.lower for t in sent.tokens]
    markers = lexicon().raw["source_markers"]["before"]
    return any(words[i : i + len(m)] == m for m in markers for i in range(len(words)))


def _phrase_end(sent: SentenceView, first: int) -> int:
    """The end of the noun phrase at ``first``: it stops at the first verb-like word."""
    end = first
    while end < len(sent.tokens) and end - first < 6:
        token = sent.tokens[end]
        if not token.text[:1].isalnum():
            break
        lower_word = not token.capitalised and token.lower not in DETERMINERS
        if lower_word and not inflected_adjective(token) and token.lower not in {"von", "der"}:
            break
        end += 1
    return end


def _mentions_between(sent: SentenceView, first: int, last: int) -> list[Mention]:
    if first >= len(sent.tokens):
        return []
    start = sent.tokens[first].start
    end = sent.tokens[min(last, len(sent.tokens)) - 1].end
    return [m for m in sent.mentions if start <= m.start < end]


def in_clause(sent: SentenceView, clause: Clause, mentions: Iterable[Mention]) -> list[Mention]:
    start, end = sent.span(clause)
    return [m for m in mentions if start <= m.start < end]


def after_source_marker(sent: SentenceView, source: Mention) -> bool:
    """Whether a marker such as "laut" or "nach Angaben" names the source within four
    words before it: who is cited so need not have been there ("Laut Wadephul bereiten
    sich die Europäer auf eine Rolle bei Verhandlungen vor")."""
    words = [t.lower for t in sent.tokens]
    at = sent.token_index(source.start)
    return any(
        words[j : j + len(marker)] == marker
        for marker in lexicon().raw["source_markers"]["before"]
        for j in range(max(0, at - 4), at)
    )


def sources_of(sent: SentenceView, reporting: list[Clause]) -> list[Mention]:
    found = marker_sources(sent)
    for clause in reporting:
        if cue_labels(sent, clause, frozenset({"happened", "planned"})):
            # A place in a locative phrase is where, not who says: "nicht wie angekündigt
            # in Paris".
            places = {id(m) for m, _ in locative_places(sent, clause)}
            found.extend(
                m
                for m in in_clause(sent, clause, sent.mentions)
                if not apposed(sent, m) and id(m) not in places
            )
    return list({id(m): m for m in found}.values())


def source_names(
    sent: SentenceView, ctx: Context, span: tuple[int, int], mentions: list[Mention]
) -> list[str]:
    """Sources from the attributions over the span, else from the rules' own mentions."""
    attributed = [_source_name(sent, ctx, a) for a in attributions_over(sent, ctx, span)]
    names = attributed or [ctx.names.name(m) for m in mentions]
    return list(dict.fromkeys(n for n in names if n))


def _source_name(sent: SentenceView, ctx: Context, claim: Attribution) -> str:
    """A source that is one name with its article is that entity's name ("des Kremls" is
    Kreml, as "der Kreml" is; "der US-Präsident" is Donald Trump where the article says so);
    a phrase says more as written ("südkoreanische Medien"). A pronoun is the entity it was
    resolved to, and one resolved to none, or "Berichten zufolge", names no one: "Sie"
    and "Berichten" had stood among an event's sources (web review 73)."""
    if unresolved_source(claim.source):
        known = {e.id: e.name for e in ctx.article.entities}
        return next((known[i] for i in claim.entity_ids if i in known), "")
    inside = [
        m for m in sent.mentions if claim.source_start <= m.start and m.end <= claim.source_end
    ]
    # A derived name ("der CDU-Politiker", "US-Diplomat") is someone of that party or
    # country, not it; an adjective alone is the country's ("nach iranischen Angaben").
    alone = len(inside) == 1 and inside[0].text == claim.source and claim.source.islower()
    if alone:
        return ctx.names.name(inside[0])
    if len(inside) != 1 or inside[0].derived:
        return claim.source
    rest = ctx.article.text[claim.source_start : claim.source_end].replace(inside[0].text, " ")
    if all(word.lower() in DETERMINERS for word in rest.split()):
        return ctx.names.name(inside[0])
    return claim.source


def attributions_over(sent: SentenceView, ctx: Context, span: tuple[int, int]) -> list[Attribution]:
    """Attributions whose claim overlaps the span (the trigger's clause, or a sentence);
    a claim lies within its sentence."""
    claims = ctx.claims.starting_in(sent.sentence.start, span[1])
    return [a for a in claims if a.end > span[0]]
