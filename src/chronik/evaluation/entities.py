"""The lexicon place detection of the ``entities`` component, alone (no NER), against the
LOC, LOCderiv and LOCpart spans of GermEval 2014 (outer tags): exact token spans."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chronik.analysis.entity_places import detect_places
from chronik.evaluation import prf, read_text, require

Span = tuple[int, int, bool]  # start, end, derived


def evaluate_places(path: Path) -> dict[str, Any]:
    """Precision, recall and F1 of :func:`detect_places` on a GermEval 2014 TSV file,
    overall and for names (LOC) and derived forms (LOCderiv, LOCpart) apart."""
    counts = {kind: Counter[str]() for kind in ("all", "names", "derived")}
    false_positives: Counter[str] = Counter()
    sentences = 0
    for text, gold in _sentences(path):
        sentences += 1
        found = {(m.start, m.end, m.derived) for m in detect_places(text)}
        _count(counts, gold, found)
        gold_spans = {(s, e) for s, e, _ in gold}
        false_positives.update(text[s:e] for s, e, _ in found if (s, e) not in gold_spans)
    to_find = counts["all"]["tp"] + counts["all"]["fn"]
    require(to_find > 0, path, "no place names (LOC) to find")
    result: dict[str, Any] = {"data": str(path), "sentences": sentences}
    for kind, c in counts.items():
        result[kind] = {**prf(c["tp"], c["fp"], c["fn"]), "gold": c["tp"] + c["fn"]}
    result["top_false_positives"] = [w for w, _ in false_positives.most_common(15)]
    return result


def _count(counts: dict[str, Counter[str]], gold: set[Span], found: set[Span]) -> None:
    """Spans match on offsets; names and derived forms are scored by the gold kind (for
    recall) and by the found kind (for precision)."""
    gold_spans = {(s, e) for s, e, _ in gold}
    found_spans = {(s, e) for s, e, _ in found}
    counts["all"].update(
        tp=len(gold_spans & found_spans),
        fp=len(found_spans - gold_spans),
        fn=len(gold_spans - found_spans),
    )
    for kind, derived in (("names", False), ("derived", True)):
        wanted = {(s, e) for s, e, d in gold if d == derived}
        guessed = {(s, e) for s, e, d in found if d == derived}
        counts[kind].update(
            tp=len(wanted & guessed), fp=len(guessed - gold_spans), fn=len(wanted - found_spans)
        )


def _sentences(path: Path) -> Iterator[tuple[str, set[Span]]]:
    """(text with tokens joined by spaces, gold LOC spans) for each sentence."""
    tokens: list[tuple[str, str]] = []
    for line in read_text(path).splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 3:
            if tokens:
                yield _spans(tokens)
            tokens = []
            continue
        tokens.append((fields[1], fields[2]))
    if tokens:
        yield _spans(tokens)


def _spans(tokens: list[tuple[str, str]]) -> tuple[str, set[Span]]:
    offsets, position = [], 0
    for word, _ in tokens:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    gold: set[Span] = set()
    open_span: list[Any] | None = None
    for (start, end), (_, tag) in zip(offsets, tokens, strict=True):
        if tag.startswith("I-") and open_span is not None and tag[2:] == open_span[2]:
            open_span[1] = end
            continue
        if open_span is not None and open_span[2].startswith("LOC"):
            gold.add((open_span[0], open_span[1], open_span[2] != "LOC"))
        open_span = [start, end, tag[2:]] if tag[:2] in ("B-", "I-") else None
    if open_span is not None and open_span[2].startswith("LOC"):
        gold.add((open_span[0], open_span[1], open_span[2] != "LOC"))
    return " ".join(w for w, _ in tokens), gold
