"""Stand-ins for NER in tests: mentions of given names, found by whole-word matching."""

from __future__ import annotations

import re

from chronik.analysis.pipeline import component
from chronik.model import Article, Mention
from chronik.options import Options


def marked(text: str, names: dict[str, str]) -> list[Mention]:
    """Mentions for every whole-word occurrence of each name, longest first, as NER gives."""
    if not names:
        return []
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    matches = pattern.finditer(text)
    return [Mention(m.start(), m.end(), m.group(), names[m.group()]) for m in matches]


def register_marker(name: str, names: dict[str, str]) -> None:
    """A pipeline component ``name`` that marks ``names`` (name -> type) in place of NER."""

    @component(name)
    def _mark(article: Article, options: Options) -> None:
        article.mentions = marked(article.text, names)
