"""The time expression rules: the data model of a rule (:class:`Rule`, :class:`Bare`,
:class:`RuleSet`) and :func:`load_rules`, which reads ``data/timex_rules.json`` (its format
is described in docs/timex.md), expands its lexicons and named sub-patterns and compiles
each rule's pattern. ``timex`` finds expressions with them; the events read their cues."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from chronik.analysis.german import ADJECTIVE_ENDINGS
from chronik.analysis.lemmas import lemmatize
from chronik.analysis.timex_firsts import first_guard
from chronik.analysis.timex_norms import NORMALISERS
from chronik.errors import ChronikError, Code

RULES_PATH = Path(__file__).parent / "data" / "timex_rules.json"


_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


# Literal spaces in patterns match one space or tab, never a line break: expressions do
# not run across paragraphs.
_SPACE = "[\\x20\\t\\xa0]"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    type: str
    normalise: str
    anchor: str  # "now", "context" or "none" (see docs/timex.md)
    priority: int  # wins over longer matches of lower priority (rules with look-ahead context)
    only: str | None  # "news" or "narrative": the rule applies to that kind of text only
    sets_anchor: bool  # False: its dates are range ends ("seit 1941"), not where the text is
    args: dict[str, Any]
    examples: tuple[dict[str, Any], ...]
    bare: Bare | None = None  # when a match without some of its groups counts


@dataclass(frozen=True, slots=True)
class Bare:
    """When a match that has none of the ``unless`` groups counts: after one of ``words``,
    or an adjective, or before what ``after`` matches ("im Sommer", "einen harten Winter",
    "Herbst und Winter"; not "Bäckerei Sommer", "sagte Trainer Winter")."""

    unless: tuple[str, ...]
    words: frozenset[str]
    adjective: bool
    after: re.Pattern[str] | None
    before: re.Pattern[str] | None  # ends with ``$``: searched in the text up to the match

    def counts(self, text: str, match: re.Match[str]) -> bool:
        if any(match.group(group) for group in self.unless):
            return True
        window = max(0, match.start() - _BEFORE_WINDOW)
        before = _WORD_BEFORE.search(text, window, match.start())
        word = before.group(1) if before else ""
        # "45-jährige" is no adjective of a season, but a person's age.
        hyphened = before is not None and text[before.start(1) - 1 : before.start(1)] == "-"
        if word.lower() in self.words or (self.adjective and _adjective(word) and not hyphened):
            return True
        if self.after and self.after.match(text, match.end()):
            return True
        return bool(self.before and self.before.search(text, window, match.start()))


def _adjective(word: str) -> bool:
    """A declined adjective ("harten", "einsetzender"): small, with an adjective's ending,
    and no verb's form ("sagte", whose lemma is "sagen"); a lemma in "-en" is an
    adjective's too where the word is that lemma declined ("trockene", "offenen": "Der
    heiße, trockene Sommer" had been missed, review 105)."""
    if not word[:1].islower() or not word.endswith(ADJECTIVE_ENDINGS):
        return False
    lemma = lemmatize(word, lang="de")
    declined = word.startswith(lemma) and word[len(lemma) :] in ADJECTIVE_ENDINGS
    return declined or not lemma.endswith(("en", "ern", "eln"))


# The word before an expression, past quotation marks ("ein „Herbst der Reformen“").
_WORD_BEFORE = re.compile(r"(\w+)[\s\"'„“”«»]*$")


_BEFORE_WINDOW = 40  # characters


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    lexicons: dict[str, dict[str, Any]]  # keys lower-cased, spaces single
    cues: dict[str, frozenset[str]]
    # Where a match of some rule can start (see :func:`_any_start`); None: try every place.
    starts: re.Pattern[str] | None = None

    def lookup(self, lexicon: str, surface: str | None) -> Any:
        if surface is None:
            return None
        return self.lexicons[lexicon].get(" ".join(surface.split()).lower())


def load_rules(path: Path | None = None) -> RuleSet:
    """The rule set in ``path`` (default: the bundled rules), compiled."""
    if path is None:
        return _bundled_rules()
    return _compile_rules(path)


@lru_cache(maxsize=1)
def _bundled_rules() -> RuleSet:
    return _compile_rules(RULES_PATH)


def _compile_rules(path: Path) -> RuleSet:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        lexicons: dict[str, dict[str, Any]] = data["lexicons"]
        cues = {name: frozenset(words) for name, words in data.get("cues", {}).items()}
        patterns = data["patterns"]
        rules = tuple(_compile_rule(raw, lexicons, patterns, cues) for raw in data["rules"])
    except (OSError, ValueError, KeyError, TypeError, re.error) as exc:
        raise ChronikError(Code.E150, str(path), detail=str(exc)) from exc
    lowered = {
        name: {" ".join(k.split()).lower(): v for k, v in entries.items()}
        for name, entries in lexicons.items()
    }
    return RuleSet(rules, lowered, cues, _any_start(rules))


# A group's name where it is defined, referred to or tested: "(?P<day>", "(?P=day)", "(?(day)".
_GROUP_NAME = re.compile(r"\(\?(P<|P=|\()([A-Za-z_][A-Za-z0-9_]*)")


def _any_start(rules: tuple[Rule, ...]) -> re.Pattern[str] | None:
    """One pattern that matches, empty, where any of the rules matches, so that each rule is
    tried there only: 82 rules each scanning every place of the text had cost 3.1 CPU
    seconds on 1,000 news items, 2.2 so (review 181). Each rule's groups are renamed apart;
    a numbered back reference, which the renaming would break, keeps each rule scanning.
    Each rule is guarded by the characters it can start with (``first_guard``): tried at
    every word, the 89 patterns took 11.4 of the 13.3 s that ``find_timexes`` took on the
    stream (review 271)."""
    bodies = []
    for i, rule in enumerate(rules):
        pattern = rule.regex.pattern.removeprefix(_WORD_START)
        if re.search(r"\\[1-9]", pattern):
            return None
        pattern = _GROUP_NAME.sub(rf"(?\1r{i}_\2", pattern)
        case = "" if rule.regex.flags & re.IGNORECASE else "-"
        bodies.append(f"{first_guard(rule.regex)}(?{case}i:{pattern})")
    return re.compile(f"{_WORD_START}(?={'|'.join(bodies)})", re.IGNORECASE)


# A match starts a word: after no letter, or at a capital right after a small letter,
# where a scraped page runs a byline or headline into the text ("hrSeit Jahren"; review 89).
_WORD_START = r"(?:(?<!\w)|(?-i:(?<=[a-zäöüß])(?=[A-ZÄÖÜ])))"
# And ends one before no letter or before such a capital, where a live blog's list of
# headlines runs one into the next ("Rückholaktion am MittwochErstes Flugzeug"; review 170).
_WORD_END = r"(?:(?!\w)|(?-i:(?<=[a-zäöüß])(?=[A-ZÄÖÜ])))"


def _compile_rule(
    raw: dict[str, Any],
    lexicons: dict[str, dict[str, Any]],
    patterns: dict[str, str],
    cues: dict[str, frozenset[str]],
) -> Rule:
    if raw["normalise"] not in NORMALISERS:
        raise ValueError(f"rule {raw['name']}: unknown normalisation {raw['normalise']!r}")
    body = _expand(raw["pattern"], lexicons, patterns)
    flags = 0 if raw.get("case_sensitive") else re.IGNORECASE
    regex = re.compile(f"{_WORD_START}(?:{body}){_WORD_END}", flags)
    return Rule(
        name=raw["name"],
        regex=regex,
        type=raw["type"],
        normalise=raw["normalise"],
        anchor=raw.get("anchor", "now"),
        priority=int(raw.get("priority", 0)),
        only=raw.get("only"),
        sets_anchor=bool(raw.get("sets_anchor", True)),
        args=raw.get("args", {}),
        examples=tuple(raw.get("examples", ())),
        bare=_bare(raw.get("bare"), lexicons, patterns, cues, flags),
    )


def _bare(
    raw: dict[str, Any] | None,
    lexicons: dict[str, dict[str, Any]],
    patterns: dict[str, str],
    cues: dict[str, frozenset[str]],
    flags: int,
) -> Bare | None:
    if raw is None:
        return None
    after, before = raw.get("after"), raw.get("before")
    return Bare(
        unless=tuple(raw.get("unless", ())),
        words=cues.get(raw.get("words", ""), frozenset()),
        adjective=bool(raw.get("adjective")),
        after=re.compile(_expand(after, lexicons, patterns), flags) if after else None,
        before=re.compile(_expand(before, lexicons, patterns) + "$", flags) if before else None,
    )


def _expand(
    pattern: str, lexicons: dict[str, dict[str, Any]], patterns: dict[str, str], depth: int = 0
) -> str:
    if depth > 5:
        raise ValueError(f"sub-patterns nest too deeply: {pattern}")

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in lexicons:
            return _alternation(lexicons[name])
        if name in patterns:
            return _expand(patterns[name], lexicons, patterns, depth + 1)
        raise ValueError(f"unknown placeholder {{{name}}}")

    return _PLACEHOLDER.sub(replace, pattern).replace(" ", _SPACE)


def _alternation(words: dict[str, Any]) -> str:
    # Longest first, so that "einen" is tried before "ein".
    ordered = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("\\ ", " ") for w in ordered) + ")"
