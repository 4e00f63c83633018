"""The characters a rule's match can start with (:func:`first_guard`), so that the one
pattern that finds where any rule matches (``timex_rules._any_start``) tries a rule's
pattern only where the text's next character could start it: each of the 89 patterns had
been tried at every word of every text, and that scan was most of the time the rules took
(review 271). Read from the compiled pattern's parse, and wholly conservative: a rule
whose first character it cannot tell (a negated class, any character, a back reference, a
match that may be empty) has no guard and is tried everywhere, as before."""

from __future__ import annotations

import re
from typing import Any

# The parser of the standard library's re, whose output is the only faithful reading of a
# pattern; private, but stable across 3.11 to 3.13 in the parts read here. Where a Python
# lacks it or reads a pattern otherwise, no rule is guarded: slower, the same expressions.
_parser: Any = getattr(re, "_parser", None)
_c: Any = getattr(re, "_constants", None)

if _c is not None:
    # A class of characters of the parse, as it is written inside [...].
    _CATEGORIES = {
        _c.CATEGORY_DIGIT: r"\d",
        _c.CATEGORY_NOT_DIGIT: r"\D",
        _c.CATEGORY_SPACE: r"\s",
        _c.CATEGORY_NOT_SPACE: r"\S",
        _c.CATEGORY_WORD: r"\w",
        _c.CATEGORY_NOT_WORD: r"\W",
    }
    _ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
    _REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}

First = tuple[frozenset[str], bool] | None  # what can start it, and whether it may be empty


def first_guard(regex: re.Pattern[str]) -> str:
    """A lookahead, ignoring case (a superset of the rule's own case), of the characters
    a match of ``regex`` can start with; "" where they cannot be told."""
    if _parser is None or _c is None:
        return ""
    try:
        found = _of_sequence(_parser.parse(regex.pattern, regex.flags))
    except (AttributeError, TypeError, ValueError, IndexError):  # a parse read otherwise
        return ""
    if found is None or found[1] or not found[0]:
        return ""
    return "(?i:(?=[" + "".join(sorted(found[0])) + "]))"


def _of_sequence(items: Any) -> First:
    """What a sequence of the parse can start with: its first items' up to one that
    cannot be empty; lookarounds and anchors take no character and are stepped over."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        found = _of_item(op, av)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _of_item(op: Any, av: Any) -> First:
    if op is _c.LITERAL:
        return frozenset({re.escape(chr(av))}), False
    if op is _c.IN:
        return _of_class(av)
    if op is _c.SUBPATTERN:
        return _of_sequence(av[3])
    if op is _c.ATOMIC_GROUP:
        return _of_sequence(av)
    if op is _c.BRANCH:
        return _of_branch(av[1])
    if op in _REPEATS:
        found = _of_sequence(av[2])
        return None if found is None else (found[0], found[1] or av[0] == 0)
    return None


def _of_branch(sequences: Any) -> First:
    chars: set[str] = set()
    empty = False
    for sequence in sequences:
        found = _of_sequence(sequence)
        if found is None:
            return None
        chars |= found[0]
        empty = empty or found[1]
    return frozenset(chars), empty


def _of_class(items: Any) -> First:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(re.escape(chr(av)))
        elif op is _c.RANGE:
            chars.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            chars.add(_CATEGORIES[av])
        else:  # a negated class, or a category read otherwise
            return None
    return frozenset(chars), False
