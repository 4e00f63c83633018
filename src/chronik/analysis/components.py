"""The ``sentences`` component, whose logic is ``analysis.sentences``; every other built-in
component registers itself with ``@component`` in its own module (ner, entities, timex,
attribution, subjectivity, stance, events)."""

from __future__ import annotations

from chronik.analysis.pipeline import component
from chronik.analysis.sentences import split_counting_cuts
from chronik.model import Article, BlockKind
from chronik.options import Options


@component("sentences")
def sentences(article: Article, options: Options) -> None:
    article.sentences, cut = [], 0
    for block in article.blocks:
        if block.kind is not BlockKind.BOILERPLATE and block.start >= 0:
            found, block_cut = split_counting_cuts(article.text, block.start, block.end)
            article.sentences.extend(found)
            cut += block_cut
    if cut:
        # Run-on text (no full stop for over MAX_SENTENCE characters) was read in pieces:
        # the components after this one saw those pieces, not one sentence.
        article.metadata["cut_sentences"] = cut
