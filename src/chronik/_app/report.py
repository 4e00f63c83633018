"""The counts of an ingest, as ``Chronik`` returns them and its interfaces show them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Progress = Callable[[str, "IngestReport"], None]

# Error lines a person is shown of an ingest, by the CLI and the REST API alike: the first
# ones say what is wrong (a file of a million broken lines had printed a million lines).
SHOWN_ERRORS = 1000


@dataclass(slots=True)
class IngestReport:
    """Counts of what an ingest did, and one line per input that failed."""

    inserted: int = 0
    revised: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    # Failures counted but no longer listed: those ``watch`` handed to its caller round by
    # round, so that a watch of months keeps no list of every failure.
    passed_on: int = 0
    # Feed items kept as the feed gives them, their linked page not read (``--fetch``): a
    # line each, the page and why (review 164: they had been kept without a word).
    unfetched: list[str] = field(default_factory=list)
    # Of the unchanged, those the time given to ingest (``published``) would have dated,
    # stored with another time or none: the CLI says how many keep it (review 71), not
    # every unchanged input, most of which date themselves (review 175).
    kept_time: int = 0

    @property
    def failed(self) -> int:
        return len(self.errors) + self.passed_on

    @property
    def seen(self) -> int:
        return self.inserted + self.revised + self.unchanged + self.failed

    def __sub__(self, earlier: IngestReport) -> IngestReport:
        """What happened since ``earlier``, a copy of these counts taken before. Where the
        list was handed on in between (``watch``), all it holds came since, and of what was
        handed on, what ``earlier`` had not listed."""
        if self.passed_on == earlier.passed_on:
            errors, passed_on = self.errors[len(earlier.errors) :], 0
        else:
            errors = list(self.errors)
            passed_on = self.passed_on - earlier.passed_on - len(earlier.errors)
        return IngestReport(
            self.inserted - earlier.inserted,
            self.revised - earlier.revised,
            self.unchanged - earlier.unchanged,
            errors,
            max(passed_on, 0),
            self.unfetched[len(earlier.unfetched) :],
            self.kept_time - earlier.kept_time,
        )

    def to_dict(self, max_errors: int | None = None) -> dict[str, Any]:
        """The counts and the errors, at most ``max_errors`` of them and a line that says
        how many more: a body of 100,000 broken lines had answered with 133 MB (review 42)."""
        errors = self.errors[:max_errors]
        if len(errors) < len(self.errors):
            errors.append(f"… and {len(self.errors) - len(errors):,} more")
        return {
            "inserted": self.inserted,
            "revised": self.revised,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "errors": errors,
        } | ({"unfetched": self.unfetched[:max_errors]} if self.unfetched else {})
