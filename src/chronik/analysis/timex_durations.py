"""The normalisation of lengths of time: an amount of a unit ("drei Jahre", "anderthalb
Jahre", "mehrere Tage", "dreijährig") as a TIMEX3 duration (``format_duration``), a
length that says when in news ("in drei Wochen": a date), a range that ends or starts at
the anchor ("in den letzten 18 Monaten"), and a shift of the anchor by an amount ("zwei
Tage später", "vor drei Jahren"). Apart because they read an amount and its unit, in
words or digits (``_number``), where the other normalisations read a point in time.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chronik.analysis.timex_match import UNIT_GRAIN, Norm, match_groups
from chronik.analysis.timex_values import DAY, Point

if TYPE_CHECKING:
    from chronik.analysis.timex import Candidate, Resolver
    from chronik.analysis.timex_rules import RuleSet


_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}


_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[.][0-9]{3})+")


def _number(rs: RuleSet, text: str | None) -> float | str | None:
    if text is None:
        return None
    text = " ".join(text.split()).lower()
    for lexicon in ("number", "fraction", "fuzzy", "number_stem"):
        found = rs.lookup(lexicon, text)
        if found is not None:
            return found  # type: ignore[no-any-return]
    if text.startswith("ein") and " " in text:  # "ein halbes", "einem halben"
        return _number(rs, text.split(" ", 1)[1])
    digits = text.rstrip("-")
    if _THOUSANDS.fullmatch(digits):  # "1.500 Tage": the points group thousands (review 170)
        digits = digits.replace(".", "")
    digits = digits.replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def shift(r: Resolver, cand: Candidate) -> Norm:
    """zwei Tage später, vor drei Jahren: the anchor moved by an amount."""
    g = match_groups(cand)
    amount = _number(r.rules, g["n"])
    unit = r.rules.lookup("unit", g["unit"])
    word = (g.get("dir") or cand.rule.args.get("dir", "später")).lower()
    sign = -1 if word in ("zuvor", "davor", "vorher", "früher") else 1
    whole = _whole_units(amount, unit)
    if whole is None:
        return None, None, None
    unit, count = whole
    grain = UNIT_GRAIN[unit]
    base = _shift_base(r, cand, grain)
    if base is None or base.grain < grain:
        return None, None, None  # "zwei Tage später" needs a date to count from
    return _moved_by(base, unit, sign * count), None, None


def _moved_by(base: Point, unit: str, count: int) -> str | None:
    """``base`` moved by ``count`` whole ``unit``s (a decade as ten years), at the unit's
    grain: "vor drei Jahren" is a year, "in zwei Wochen" a day."""
    grain = UNIT_GRAIN[unit]
    if unit == "DE":
        unit, count = "Y", count * 10
    moved = base.add(unit, count)
    return moved.coarse(grain).value() if moved else None


def _shift_base(r: Resolver, cand: Candidate, grain: int) -> Point | None:
    """What a shift counts from: for "zwei Tage später" the last date said with a day. In
    news that is the date said last, also a month whose year its tense placed: "kosteten
    im April mehr als ein Jahr zuvor" after "zuletzt im Dezember 2023" is April 2025, not
    2022 (review 105)."""
    if cand.rule.anchor != "context":
        return r.anchor(cand.rule.anchor, grain)
    latest = r.latest
    if not r.narrative and latest is not None and latest.grain >= grain:
        return latest
    return r.last.get(grain)


def _whole_units(amount: float | str | None, unit: str | None) -> tuple[str, int] | None:
    """An amount in the largest unit that makes it whole: 1.5 years are 18 months."""
    if not isinstance(amount, float | int) or unit not in UNIT_GRAIN:
        return None
    if float(amount).is_integer():
        return unit, int(amount)
    if unit == "Y" and float(amount * 12).is_integer():
        return "M", int(amount * 12)
    if unit in ("M", "W"):
        days = amount * (30 if unit == "M" else 7)
        return ("D", int(days)) if float(days).is_integer() else None
    return None


def duration(r: Resolver, cand: Candidate) -> Norm:
    """drei Jahre, anderthalb Jahre, mehrere Tage, dreijährig, jahrzehntelang; in news, what
    lies "in drei Wochen" ahead is a date (:func:`_ahead`)."""
    if _ahead(r, cand):
        return _ahead_value(r, cand), None, None
    return _duration_value(r, cand), None, None


# "in drei Wochen", "In wenigen Tagen": right after "in" alone, not after an article ("in den
# zwei Jahren seit dem Krieg") nor "nicht" ("nicht in wenigen Tagen zu lösen": how long)
_IN_BEFORE = re.compile(r"(?<![\w-])(?<!nicht )[Ii]n\s+$")


# What a count "in zehn Jahren" counts within, not from: "der siebte Premier in zehn Jahren",
# "zum ersten Mal in", "erstmals in", "140 Milliarden Euro in zwei Jahren"
# Where the clause before "in" begins: a mark, or a dash between spaces (not a hyphen:
# "der dritte US-Präsident in vier Jahren").
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\n]|\s[–-]\s")


_COUNTED_WITHIN = re.compile(
    r"\b(?:(?:erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft|letzt)"
    r"e[mnrs]?|erstmals|Mal|Euro|Dollar|Prozent|Milliarden|Millionen|Tonnen|\d[\d.,]*)\b",
    re.IGNORECASE,
)


def _ahead(r: Resolver, cand: Candidate) -> bool:
    """Whether a length after "in" says when something comes, in news, in a clause that does
    not read as past: "Es tritt in drei Wochen in Kraft", "wo in einer Woche gewählt wird",
    "In wenigen Tagen jährt sich ..." (TimeML's "in three weeks": a date; review 105's
    list: the stream's "in N units" were durations). A past clause keeps the length ("stiegen
    in einem Jahr um zehn Prozent"), as does a count within ("der dritte Sieg in vier Jahren")."""
    if r.narrative or r.dct is None or _unit(r, cand) not in ("D", "W", "M", "Y", "DE"):
        return False
    before = r.text[max(0, cand.start - 60) : cand.start]
    found = _IN_BEFORE.search(before)
    if found is None:
        return False
    clause = _CLAUSE_BREAK.split(before[: found.start()])[-1]
    counted = any(_COUNTED_WITHIN.fullmatch(word.strip("\"'„“")) for word in clause.split()[-4:])
    return not counted and r.tense(cand) >= 0


def _ahead_value(r: Resolver, cand: Candidate) -> str | None:
    """The date "in drei Wochen" from the publication day; "in wenigen Tagen" is vague,
    FUTURE_REF, as "vor wenigen Tagen" is PAST_REF."""
    g = match_groups(cand)
    amount = _number(r.rules, g.get("n"))
    whole = _whole_units(amount, _unit(r, cand))
    if not isinstance(amount, float | int) or whole is None or r.dct is None:
        return "FUTURE_REF"
    return _moved_by(r.dct, *whole)


def _duration_value(r: Resolver, cand: Candidate) -> str | None:
    g = match_groups(cand)
    amount = cand.rule.args.get("n") or _number(r.rules, g.get("n") or g.get("n2"))
    amount = amount or cand.rule.args.get("default_n")
    unit = _unit(r, cand)
    if amount is None or unit is None:
        return None
    value = format_duration(amount, unit)
    more = _number(r.rules, g.get("n2")) if "unit2" in g else None
    unit2 = r.rules.lookup("unit", g.get("unit2"))
    if value and more is not None and unit2 and unit2 not in _TIME_UNITS:
        extra = format_duration(more, unit2)  # "sechs Wochen und drei Tage": P6W3D
        return value + extra[1:] if extra and "T" not in value else value
    return value


def _unit(r: Resolver, cand: Candidate) -> str | None:
    """The unit code of the expression's ``unit`` group ("Wochen": "W", "jährig": "Y")."""
    said = match_groups(cand).get("unit")
    for lexicon in ("unit", "unit_plural", "unit_adj", "unit_long"):
        unit = r.rules.lookup(lexicon, said)
        if unit is not None:
            return str(unit)
    return None


def format_duration(amount: float | str, unit: str) -> str | None:
    """TIMEX3 duration: ``P3Y``, ``P1Y6M``, ``PT30M``, ``PXD`` (X: an unspecified amount)."""
    prefix = "PT" if unit in _TIME_UNITS else "P"
    symbol = _TIME_UNITS.get(unit, unit)
    if isinstance(amount, str):
        return f"{prefix}{amount}{symbol}"
    if float(amount).is_integer():
        return f"{prefix}{int(amount)}{symbol}"
    smaller = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "M": ("D", 30)}.get(unit)
    if smaller is None:  # the smallest unit takes a decimal: "0,918 Sekunden" is PT0.918S
        return f"{prefix}{float(amount):g}{symbol}"
    whole = int(amount)
    rest = format_duration(round((amount - whole) * smaller[1], 6), smaller[0])
    if rest is None:
        return None
    if whole == 0:
        return rest
    head = f"{prefix}{whole}{symbol}"
    if rest.startswith("PT") and prefix == "P":
        return head + rest[1:]
    return head + rest[len(prefix) :]


def duration_range(r: Resolver, cand: Candidate) -> Norm:
    """in den letzten 18 Monaten: a duration that ends (or starts) at the anchor day."""
    g = match_groups(cand)
    value = _duration_value(r, cand) or format_duration(
        "X", r.rules.lookup("unit", g["unit"]) or "D"
    )
    if "n" not in g and value:
        value = format_duration("X", r.rules.lookup("unit", g["unit"]) or "D")
    rel = (g.get("rel") or cand.rule.args.get("rel", "letzten")).lower()
    past = rel in ("letzten", "vergangenen", "zurückliegenden")
    base = r.anchor(cand.rule.anchor, DAY)
    if base is None:
        return value, None, None
    amount = _number(r.rules, g.get("n"))
    whole = _whole_units(amount, r.rules.lookup("unit", g["unit"]))
    other = base.add(whole[0], -whole[1] if past else whole[1]) if whole else None
    other_value = other.value() if other else None
    return (value, other_value, base.value()) if past else (value, base.value(), other_value)
