"""An article as the page shows it: blocks grouped into reporting and opinion runs, each
block cut into plain, entity and time-expression segments by the analysis offsets.

Segments are plain strings; the template escapes each one (Jinja autoescape), so markup in
an article can never reach the page as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chronik.model import Article, Block, BlockKind, Stance
from chronik.stories.timeline import unglued


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kind: str = ""  # "", "entity" or "timex"
    entity_id: str | None = None
    label: str = ""  # entity type, or the normalised time value


@dataclass(slots=True)
class BlockView:
    kind: str
    segments: list[Segment]


@dataclass(slots=True)
class Run:
    """Consecutive blocks with one stance."""

    stance: str
    blocks: list[BlockView] = field(default_factory=list)

    @property
    def opinion(self) -> bool:
        return self.stance == Stance.OPINION


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    segment: Segment


def runs(article: Article) -> list[Run]:
    """The body of the article (headline excluded) as runs of reporting and opinion."""
    spans = _spans(article)
    result: list[Run] = []
    for block in article.blocks:
        if block.kind in (BlockKind.HEADLINE, BlockKind.BOILERPLATE) or block.start < 0:
            continue
        if not result or result[-1].stance != block.stance:
            result.append(Run(str(block.stance)))
        shown = readable(segments(article, block, spans))
        result[-1].blocks.append(BlockView(str(block.kind), shown))
    return result


def _spans(article: Article) -> list[_Span]:
    found = [
        _Span(m.start, m.end, Segment(m.text, "entity", m.entity_id, m.type))
        for m in article.mentions
    ]
    found += [
        _Span(t.start, t.end, Segment(t.text, "timex", None, t.value or t.type))
        for t in article.timexes
    ]
    # Longest first at each start, so that nested spans give way to the enclosing one.
    return sorted(found, key=lambda s: (s.start, -(s.end - s.start)))


def segments(article: Article, block: Block, spans: list[_Span]) -> list[Segment]:
    """The block's text cut at the highlighted spans that lie wholly inside it."""
    text = article.text
    pos, result = block.start, []
    for span in spans:
        if span.start < pos or span.end > block.end or span.end <= span.start:
            continue
        if span.start > pos:
            result.append(Segment(text[pos : span.start]))
        result.append(_with_text(span.segment, text[span.start : span.end]))
        pos = span.end
    if pos < block.end:
        result.append(Segment(text[pos : block.end]))
    return result


def readable(cut: list[Segment]) -> list[Segment]:
    """The segments with a separator where a scraped live blog ran its headlines together
    (``unglued``), inside plain text and where a name begins right after a word ("Libanon
    verlassen · Netanjahu kündigt"). The page only: offsets and analysis keep the text."""
    shown: list[Segment] = []
    for segment in cut:
        if shown and _glued(shown[-1].text, segment.text):
            shown.append(Segment(" · "))
        plain = not segment.kind
        shown.append(Segment(unglued(segment.text)) if plain else segment)
    return shown


def _glued(before: str, after: str) -> bool:
    return before[-1:].islower() and after[:1].isupper() and after[1:2].islower()


def _with_text(segment: Segment, text: str) -> Segment:
    # The article text at the offsets is what is shown, whatever the span recorded.
    return Segment(text, segment.kind, segment.entity_id, segment.label)
