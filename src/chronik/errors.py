"""Errors with codes and messages that say what to do (in the manner of spaCy's)."""

from __future__ import annotations

import tempfile
import traceback
from enum import Enum
from typing import Any, Self


class Code(Enum):
    """Every error Chronik reports. The value is the message template."""

    E001 = "input is empty"
    E002 = "input looks binary, not text ({detail})"
    E003 = (
        "input is too large ({size} bytes; the limit is {limit}); "
        "split it or raise CHRONIK_MAX_BYTES"
    )
    E004 = "cannot decode text ({detail})"
    E005 = "input has no readable article text"
    E006 = "input holds more than one article; analyze reads one: ingest it, or give one"
    E007 = (
        "a multipart form is not read: send the file's bytes as the body (curl --data-binary @FILE)"
    )
    E008 = (
        "publication time {time} is more than a day after now or before 1800: a broken "
        "date; correct it or leave it out"
    )
    E009 = (
        "publication time {time} lies outside the calendar once taken to UTC; "
        "correct it or leave it out"
    )
    E010 = "broken HTML: {detail}"
    E011 = (
        "article text is too long to analyse ({size} characters; the limit is {limit}); "
        "split it or raise CHRONIK_MAX_CHARS"
    )
    E020 = "broken feed: {detail}"
    E030 = "line {line}: not JSON ({detail})"
    E031 = "line {line}: {detail}"
    E040 = "broken WARC archive: {detail}"
    E050 = "cannot read input: {detail}"
    E060 = "cannot fetch: {detail}"
    E100 = "no article with id {id!r}"
    E101 = "no story with id {id!r}"
    E102 = "no entity with id {id!r}"
    E103 = "no entity with id, name or alias {name!r}"
    E104 = (
        "article {id!r} has no stored reason: it was placed in its story before Chronik "
        "kept reasons (from store schema 10 on SQLite, 11 on PostgreSQL); its input "
        "ingested into a new store gets one"
    )
    E110 = "unknown {kind} {name!r}; choose one of: {choices}"
    E111 = "not a time: {value!r}; give ISO 8601 ('2025-05-12T08:00:00+00:00') or RFC 2822"
    E112 = "no day is from {since} until {until}: give a since no later than the until"
    E113 = "{name} = {value!r} is not {kind}"
    E114 = "a search of {count} different words; give at most {most}"
    E120 = "store {path} has schema version {found}, newer than this Chronik ({known}): upgrade"
    E130 = "evaluation data not found: {path}"
    E131 = "nothing to score: {detail}; see docs/evaluation.md for the format"
    E140 = "unknown export format {name!r}; choose one of: {choices}"
    E150 = "broken time expression rules: {detail}; see docs/timex.md for the format"
    E160 = "cannot read the subjectivity model ({detail}); reinstall Chronik"
    E170 = "cannot use embedding model {name!r} ({detail}); install it or choose another"
    E180 = (
        "cannot load NER model {name!r}: {detail}; reinstall Chronik for the bundled model, "
        "or install the spaCy pipeline and name it as spacy:PIPELINE"
    )
    E181 = (
        "cannot load NER backend {name!r} ({detail}); fix or reinstall the plugin that "
        "registers it, or choose another"
    )

    E185 = "training {model} needs {package}, which is not installed: {install}"
    E186 = (
        "nothing to distill from in {inputs}: no readable sentence of 20 to 600 characters; "
        "see the skipped inputs above"
    )
    E190 = "analysis step {component!r} failed ({detail}); the input was skipped: please report it"
    E200 = "cannot {action} story {id!r}: {detail}"
    E210 = "cannot start the executor {name!r} ({detail}); see docs/configuration.md"
    E220 = "setting {name} = {value!r} is not {kind}; see docs/configuration.md"
    E221 = "cannot load plugin {name!r} ({target}): {detail}; fix it or uninstall its package"
    E222 = (
        "the workers of executor {executor!r} cannot register {what} ({why}), which this "
        "process registered; register it in a module they can import, not in python -c or "
        "a notebook"
    )
    E223 = (
        "analysis component {name!r} reads what {needs!r} finds: name {needs!r} before it in "
        "the pipeline ({pipeline}); see docs/configuration.md"
    )
    E230 = (
        "cannot open the store ({detail}); name a writable SQLite file, or a database URL whose "
        "server is running (--db, $CHRONIK_DB or Chronik(db=...))"
    )
    E231 = "store {target} needs {package}, which is not installed: {install}"
    E240 = "the store failed ({detail}); {advice}"
    E241 = (
        "the store stayed locked by another writer for a minute; what this command had "
        "committed is kept: run it again when the other writer has finished"
    )
    E250 = (
        "writing is disabled: no token is configured; start the server with --token or set "
        "CHRONIK_TOKEN, then send it as 'Authorization: Bearer TOKEN'"
    )
    E251 = "missing or wrong token: send 'Authorization: Bearer TOKEN' (or X-Chronik-Token)"
    E252 = "request body too large; the limit is {limit} bytes (CHRONIK_MAX_BYTES)"
    E260 = "cannot listen on {address} ({detail}); choose another --host or --port"
    E270 = "invalid request: {detail}"
    E271 = "{method} {path}: {detail}; see docs/web.md for the endpoints"
    E280 = "{detail}; see '{command} --help'"
    E290 = (
        "internal error ({detail}); what was stored before stays stored. Please report it "
        "with the input and {traceback}"
    )
    E291 = (
        "the system refused ({detail}); free space or fix the path or permission, then run it again"
    )


# The command that helps, kept apart from the message: the CLI and the APIs add it, the web
# UI's error pages, where no command line is at hand, leave it out.
COMMAND_HINTS: dict[Code, str] = {
    Code.E100: "list them with 'chronik articles'",
    Code.E101: "list them with 'chronik stories'",
    Code.E102: "list them with 'chronik entities'",
    Code.E103: "look for it with 'chronik entities --name'",
    Code.E160: "or retrain it with 'chronik train subjectivity DIR'",
    Code.E200: "see its articles with 'chronik story {story}'",
    Code.E270: "see docs/web.md for the parameters",
}


class ChronikError(Exception):
    """An error a user can act on. ``str()`` gives one line: code, input, message and the
    command that helps; ``summary`` the same without that command."""

    def __init__(self, code: Code, where: str | None = None, **details: object) -> None:
        self.code = code
        self.where = where
        self.details = details
        # What a message quotes (an id, a name, a value: "{id!r}") is what the user typed,
        # and is cut: a 5,000-character id had made a line and a 404 of 5,000 bytes.
        message = code.value.format(
            **{k: _Quoted(v) if isinstance(v, str) else v for k, v in details.items()}
        )
        self.summary = _one_line(f"{where}: {message}" if where else message)
        hint = COMMAND_HINTS.get(code)
        self.message = _one_line(
            f"{self.summary}; {hint.format(**details)}" if hint else self.summary
        )
        super().__init__(f"[{code.name}] {self.message}")

    def at(self, where: str) -> Self:
        """The same error naming ``where``: the input as the user named it, not an id."""
        return type(self)(self.code, where, **self.details)

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (parallel analysis); the default pickling would
        # call the class with the formatted message instead of the code.
        return (_rebuild, (type(self), self.code, self.where, self.details))


QUOTED_MOST = 80  # characters of a value an error quotes (docs/input.md, "Bad input")


def quoted(value: Any, limit: int = QUOTED_MOST) -> str:
    """An input's value as an error quotes it, cut to ``limit`` characters: a 200 KB date
    made the error line 200 KB long."""
    return cut(repr(value), limit)


def cut(text: str, limit: int) -> str:
    """``text``, or its first ``limit`` - 1 characters and "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Quoted(str):
    """A detail as a message writes it: whole in the template's text ("{path}"), cut as
    :func:`quoted` where the template quotes it ("{id!r}")."""

    __slots__ = ()

    def __repr__(self) -> str:
        return quoted(str(self))


# A line break or carriage return in a file's name would break the one line, or on a
# terminal write over it: every control character but a tab (C0, DEL and C1, which holds
# NEL and the terminal's CSI), and the line and paragraph separators, as an escape.
_BREAKS = (*range(0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)
_CONTROLS = {c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}" for c in _BREAKS} | {
    0x0A: "\\n",
    0x0D: "\\r",
}
# A lone surrogate is no text: a name's byte that is no UTF-8 (Python's surrogateescape
# holds b"\xff" as "\udcff") is written as that byte, as a stored name writes it
# ("b\\xff.txt"); any other as its code point. It had stood raw in the line, and in
# `--json` a lone "\\udcff" that strict JSON readers refuse (review 223).
_CONTROLS |= {c: f"\\x{c - 0xDC00:02x}" for c in range(0xDC80, 0xDD00)}
_CONTROLS |= {c: f"\\u{c:04x}" for c in range(0xD800, 0xE000) if c not in _CONTROLS}


def _one_line(text: str) -> str:
    return text.translate(_CONTROLS)


class InputError(ChronikError):
    """Bad input: reported, skipped, and the rest of the batch goes on."""


def _rebuild(
    cls: type[ChronikError], code: Code, where: str | None, details: dict[str, object]
) -> ChronikError:
    return cls(code, where, **details)


def internal_error(exc: BaseException, logged: bool = False) -> ChronikError:
    """E290 for an exception Chronik did not foresee (a bug), E291 for the system refusing
    something (a full disk, a closed output): one line for the user. A bug's traceback goes
    to a file of its own for the report, not the terminal; ``logged`` where a server's log
    has it already."""
    if isinstance(exc, OSError):
        return ChronikError(Code.E291, detail=exception_line(exc, 200))
    where = "the traceback in the server's log"
    if not logged:
        try:
            with tempfile.NamedTemporaryFile(
                "w", prefix="chronik-traceback-", suffix=".txt", delete=False, encoding="utf-8"
            ) as file:
                traceback.print_exception(exc, file=file)
            where = f"the traceback in {file.name}"
        except OSError as unsaved:  # the disk is full too: still one line
            where = f"its traceback, which could not be saved ({exception_line(unsaved)})"
    return ChronikError(Code.E290, detail=exception_line(exc, 200), traceback=where)


def exception_line(exc: BaseException, limit: int | None = None) -> str:
    """A foreign exception as one line of an error's detail: its type and its message's
    first line (cut to ``limit`` characters), or its type alone without a message."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0][:limit]}" if lines else type(exc).__name__
