"""Input files the tests write."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_jsonl(path: Path, records: Iterable[Any], ensure_ascii: bool = True) -> Path:
    """``records`` as Chronik's JSONL input, one JSON document a line, in UTF-8."""
    lines = (json.dumps(record, ensure_ascii=ensure_ascii) + "\n" for record in records)
    path.write_text("".join(lines), encoding="utf-8")
    return path
