"""Settings must be documented (a setting without docs fails here)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from chronik.errors import COMMAND_HINTS, Code
from chronik.options import Options

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    for f in fields(Options):
        assert f"`{f.name}`" in text, f"setting {f.name!r} is missing from docs/configuration.md"


def test_every_error_code_is_documented_with_its_message() -> None:
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    for code in Code:
        hint = f"; {COMMAND_HINTS[code]}" if code in COMMAND_HINTS else ""
        row = f"| {code.name} | {(code.value + hint).replace('|', '/')} |"
        assert row in text, f"error {code.name} is missing or stale in docs/architecture.md"
