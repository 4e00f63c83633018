"""What every normalisation function of ``timex_norms`` reads of a rule's match and gives
back: ``Norm`` (value, begin, end), the named groups the match found (``match_groups``), the
grain of a unit's code (``UNIT_GRAIN``) and the clock time or part of the day said with a
date (``time_suffix``). Apart so that the functions of dates, weekdays, lengths and
relative expressions, each in its module, share them without importing one another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from chronik.analysis.timex_values import DAY, MONTH, YEAR

if TYPE_CHECKING:
    from chronik.analysis.timex import Candidate, Resolver


UNIT_GRAIN = {"D": DAY, "W": DAY, "WE": DAY, "M": MONTH, "Y": YEAR, "DE": YEAR}


Norm: TypeAlias = tuple[str | None, str | None, str | None]  # value, begin, end


def match_groups(cand: Candidate) -> dict[str, str]:
    """The named groups of the candidate's match that matched, by name."""
    return {k: v for k, v in cand.match.groupdict().items() if v is not None}


def has_hour(g: dict[str, str]) -> bool:
    """Whether the match says an hour, in figures ("4 Uhr") or in a word ("vier Uhr")."""
    return "hour" in g or "hour_word" in g


def time_suffix(r: Resolver, g: dict[str, str]) -> str:
    """The clock time ("T10:00", with its zone) or part of the day ("TEV") said with a
    date, from the match's groups ``g``; "" where none is."""
    if "hour_word" in g:  # "vier Uhr morgens"
        g = {**g, "hour": str(r.rules.lookup("hour_word", g["hour_word"]))}
    if "hour" in g:
        minute = g.get("minute") or g.get("minute2") or "00"
        suffix = f"T{int(g['hour']):02d}:{int(minute):02d}"
        tz = r.rules.lookup("timezone", g.get("tz"))
        return suffix + (tz or "")
    pod = g.get("pod") or g.get("podc")
    if pod:
        code = r.rules.lookup("partofday", pod) or r.rules.lookup("partofday_adverb", pod)
        code = code or r.rules.lookup("partofday_compound", pod)
        return f"T{code}" if code else ""
    return ""
