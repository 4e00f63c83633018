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
    (``unglued``): inside a segment, a highlighted name's too ("Gazastreifen · Merz", one
    mention to the NER), and where two segments meet ("Libanon verlassen · Netanjahu
    kündigt", "bereit · 21:02 Uhr", "in greifbarer Nähe" · Trump"), by the same rules.
    The page only: offsets and analysis keep the text."""
    shown: list[Segment] = []
    for segment in cut:
        seam = _seam(shown[-1].text, segment.text) if shown else ""
        if seam:
            shown.append(Segment(seam))
        shown.append(_with_text(segment, unglued(segment.text)))
    return shown


def _seam(before: str, after: str) -> str:
    """What ``unglued`` puts where the two texts meet (" · ", or a space after a list's
    colon): what it finds in their joined ends and not in either alone; else nothing."""
    tail, head = unglued(before[-_SEAM_CONTEXT:]), unglued(after[:_SEAM_CONTEXT])
    joined = unglued(before[-_SEAM_CONTEXT:] + after[:_SEAM_CONTEXT])
    if joined == tail + head:
        return ""
    if joined.startswith(tail) and joined.endswith(head):
        return joined[len(tail) : len(joined) - len(head)]
    return " · "


# Characters of each side that a seam's rules look at (a word, a clock time, a quotation
# mark): more than any of them reads.
_SEAM_CONTEXT = 24


def _with_text(segment: Segment, text: str) -> Segment:
    # The article text at the offsets is what is shown, whatever the span recorded.
    return Segment(text, segment.kind, segment.entity_id, segment.label)
