"""The ``sentences`` component, whose logic is ``analysis.sentences``; every other built-in
component registers itself with ``@component`` in its own module (ner, entities, timex,
attribution, subjectivity, stance, events)."""

from __future__ import annotations

from chronik.analysis.pipeline import component
from chronik.analysis.sentences import split_sentences
from chronik.model import Article, BlockKind
from chronik.options import Options


@component("sentences")
def sentences(article: Article, options: Options) -> None:
    article.sentences = [
        sentence
        for block in article.blocks
        if block.kind is not BlockKind.BOILERPLATE and block.start >= 0
        for sentence in split_sentences(article.text, block.start, block.end)
    ]
