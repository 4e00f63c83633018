"""Time expression evaluation on WikiWarsDE's layout: ``in/`` (raw SGML) and ``keyinline/``
(the same text with gold TIMEX2 tags carrying ``val``).

Only the ``<TEXT>`` part is tagged; the ``<DATETIME>`` header is the document creation time
given to the tagger, not an expression to find. Documents are narratives, so relative
expressions are anchored on the last date mentioned (``narrative=True``).

Extraction: a gold and a found expression match leniently when they overlap and strictly when
their spans are equal (one-to-one, in text order). Value accuracy: of the leniently matched
pairs, the share whose normalised values agree after ``comparable`` maps both to one form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from chronik.analysis.timex import find_timexes
from chronik.errors import ChronikError, Code
from chronik.evaluation import prf
from chronik.model import Timex

_TAG = re.compile(r"<TIMEX2\b([^>]*)>|</TIMEX2>")
_VAL = re.compile(r'\bval="([^"]*)"')
_DATETIME = re.compile(r"<DATETIME>\s*([^<\s]+)\s*</DATETIME>")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_ZONE = re.compile(r"(T\d{2}:\d{2}(?::\d{2})?)(?:Z|[+-]\d{2}(?::?\d{2})?)$")
_SHORT_BC = re.compile(r"^BC(\d{1,3})$")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str | None


def comparable(value: str | None) -> str | None:
    """One form for TIMEX2 gold and TIMEX3 output values.

    TIMEX2 and TIMEX3 share the value syntax for what both can express (dates, weeks,
    seasons, centuries ``19``, decades ``199``, ``BC0490``, durations ``P3Y``/``PXD``, times
    ``T04:45`` and ``TMO``, ``PRESENT_REF``). The differences mapped away: time zone offsets
    (``T23:00+01``: TIMEX3 keeps them apart), BC years written without padding in the gold
    (``BC490`` for ``BC0490``) and upper/lower case.
    """
    if not value:
        return None
    value = _ZONE.sub(r"\1", value.strip().upper())
    short = _SHORT_BC.match(value)
    if short and len(short.group(1)) == 3:
        value = f"BC0{short.group(1)}"
    return value


def read_gold(keyinline: str) -> tuple[str, list[GoldTimex]]:
    """The text with the tags removed and the gold expressions, offsets into that text."""
    parts: list[str] = []
    gold: list[GoldTimex] = []
    length = 0
    pos = 0
    opened: tuple[int, str | None] | None = None
    for tag in _TAG.finditer(keyinline):
        parts.append(keyinline[pos : tag.start()])
        length += tag.start() - pos
        pos = tag.end()
        if tag.group(1) is not None:
            val = _VAL.search(tag.group(1))
            opened = (length, val.group(1) if val else None)
        elif opened is not None:
            start, value = opened
            gold.append(GoldTimex(start, length, "".join(parts)[start:length], value))
            opened = None
    parts.append(keyinline[pos:])
    return "".join(parts), gold


def evaluate_timex(directory: Path) -> dict[str, Any]:
    """Lenient and strict extraction F1 and value accuracy over every document."""
    keys = sorted((directory / "keyinline").glob("*.xml")) if directory.is_dir() else []
    if not keys:  # a folder without them is no WikiWarsDE either
        where = directory / "keyinline"
        raise ChronikError(Code.E130, path=f"{where}/*.xml (WikiWarsDE's key files)")
    counts = {"gold": 0, "found": 0, "lenient": 0, "strict": 0, "value": 0}
    for key in keys:
        for name, count in _evaluate_document(
            key.read_text(encoding="utf-8", errors="replace")
        ).items():
            counts[name] += count
    return _summary(counts, len(keys))


def _evaluate_document(keyinline: str) -> dict[str, int]:
    text, gold = read_gold(keyinline)
    body = _TEXT.search(text)
    if body is None:
        return {"gold": 0, "found": 0, "lenient": 0, "strict": 0, "value": 0}
    published = _published(text)
    found = find_timexes(body.group(1), published, narrative=True)
    offset = body.start(1)
    gold = [g for g in gold if g.start >= offset]
    pairs = _pairs(gold, found, offset)
    return {
        "gold": len(gold),
        "found": len(found),
        "lenient": len(pairs),
        "strict": sum(
            1 for g, t in pairs if (g.start, g.end) == (t.start + offset, t.end + offset)
        ),
        "value": sum(1 for g, t in pairs if comparable(g.value) == comparable(t.value)),
    }


def _published(text: str) -> datetime | None:
    stamp = _DATETIME.search(text)
    try:
        return datetime.fromisoformat(stamp.group(1)) if stamp else None
    except ValueError:
        return None


def _pairs(gold: list[GoldTimex], found: list[Timex], offset: int) -> list[tuple[GoldTimex, Timex]]:
    """One-to-one overlapping pairs; both lists are in text order and free of overlaps."""
    pairs = []
    i = 0
    for g in gold:
        while i < len(found) and found[i].end + offset <= g.start:
            i += 1
        if i < len(found) and found[i].start + offset < g.end:
            pairs.append((g, found[i]))
            i += 1
    return pairs


def _summary(counts: dict[str, int], documents: int) -> dict[str, Any]:
    lenient = prf(
        counts["lenient"], counts["found"] - counts["lenient"], counts["gold"] - counts["lenient"]
    )
    strict = prf(
        counts["strict"], counts["found"] - counts["strict"], counts["gold"] - counts["strict"]
    )
    matched = counts["lenient"]
    return {
        "documents": documents,
        "gold": counts["gold"],
        "found": counts["found"],
        "lenient_precision": lenient["precision"],
        "lenient_recall": lenient["recall"],
        "lenient_f1": lenient["f1"],
        "strict_precision": strict["precision"],
        "strict_recall": strict["recall"],
        "strict_f1": strict["f1"],
        "value_accuracy": round(counts["value"] / matched, 4) if matched else 0.0,
        "heideltime_reference": {"lenient_f1": 0.933, "strict_f1": 0.877, "value_accuracy": 0.885},
    }
