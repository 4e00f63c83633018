"""Progress bars on standard error, and what a command that ingests says: each error as its
input fails, above the bar, then at its end (or at Ctrl-C) the counts."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click
from tqdm import tqdm

from chronik.cli.render import _echo_json
from chronik.model import Article

if TYPE_CHECKING:
    from chronik.app import IngestReport


@dataclass
class _Said:
    """How many of a report's errors and unfetched pages were said as they came, so that
    the end says only the rest."""

    errors: int = 0
    unfetched: int = 0

    def behind(self, report: IngestReport) -> bool:
        """Whether ``report`` holds a line to say that was not said yet."""
        from chronik.app import SHOWN_ERRORS

        return (
            min(len(report.errors), SHOWN_ERRORS) > self.errors
            or min(len(report.unfetched), SHOWN_ERRORS) > self.unfetched
        )


class _Updates:
    """The progress callback of :func:`_progress`: it moves the bar and says each new error
    (and page not fetched) above it as its input fails, up to the first SHOWN_ERRORS. An
    ingest of thousands of files had said a failure only when all were done, hours on."""

    def __init__(self, bar: tqdm[Any], say: bool) -> None:
        self.bar, self.say = bar, say
        self.said = _Said()
        self.current: IngestReport | None = None

    def __call__(self, where: str, report: IngestReport) -> None:
        self.current = report
        bar = self.bar
        bar.n = report.seen
        # The first input (or `watch`'s first feed) done: what it waited for has started.
        bar.set_description_str("", refresh=False)
        counts = ("inserted", "revised", "unchanged", "failed")
        bar.set_postfix({name: getattr(report, name) for name in counts}, refresh=False)
        said = self.said
        # Only when there is something to say: the bar is wiped and drawn again around it.
        if self.say and said.behind(report):
            with tqdm.external_write_mode(file=sys.stderr):
                said.errors = _say(report.errors, said.errors, _ERROR)
                said.unfetched = _say(report.unfetched, said.unfetched, _UNFETCHED)
        bar.update(0)


@contextmanager
def _progress(total: int | None = None, starting: str = "", say: bool = True) -> Iterator[_Updates]:
    """A bar of articles done; while a large article is analysed it also names the step
    (a 19 MB text takes minutes, with the count standing still), and until the first
    input is done, ``starting`` (:func:`_starting`). With ``say``, errors are said as they
    come (``watch`` says them round by round instead). Ctrl-C says how far the work had
    come."""
    bar = _bar("article", total, desc=starting, disable=None)
    updates = _Updates(bar, say)

    def step(name: str, article: Article) -> None:
        if len(article.text) >= _LARGE_TEXT:
            bar.set_description_str(f"{name} ({len(article.text) / 1e6:.1f}M characters): ")

    from chronik.analysis.pipeline import watching_steps

    try:
        with bar, watching_steps(step):
            yield updates
    except KeyboardInterrupt as exc:
        if updates.current is not None and not isinstance(exc, _Interrupted):
            raise _Interrupted(updates.current, updates.said) from None
        raise


def _starting(executor: str, feeds: bool = False) -> str:
    """What the bar says until the first input is done (or, with ``feeds``, the first
    feed), which had stood at "articles: 0" without a word while the models loaded (4 s;
    30 s with the e5 backend) and a Dask cluster's workers started (43 s for `dask:local`,
    review 164), and while `watch` fetched its first feed."""
    fetching = "fetching the feeds; " if feeds else ""
    if executor.startswith("dask:"):
        return f"{fetching}starting {executor}'s workers, which load the models: "
    if executor.startswith("processes"):
        return f"{fetching}starting the worker processes, which load the models: "
    return f"{fetching}loading the models: "


@contextmanager
def _waiting(line: str) -> Iterator[None]:
    """``line`` on standard error while the work runs, on a terminal (as the bars are
    drawn), wiped when it ends; nothing where standard error is piped or a file."""
    shown = sys.stderr.isatty()
    if shown:
        sys.stderr.write(line)
        sys.stderr.flush()
    try:
        yield
    finally:
        if shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _bar(
    unit: str, total: int | None = None, desc: str = "", disable: bool | None = False
) -> tqdm[Any]:
    """A progress bar of ``unit``s on standard error: "12/300 articles [00:04<01:36, 3.00
    article/s]", or "articles: 12" where the total is not known; tqdm's own unit had read
    "1 articles" and "2.01s/ articles" (review 114). Counts come in the order given."""
    count = (
        "{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} " + unit + "s [{elapsed}<{remaining}, "
        if total is not None
        else unit + "s: {n_fmt} [{elapsed}, "
    )
    bar_format = "{desc}" + count + "{rate_noinv_fmt}{postfix}]"
    return tqdm(
        total=total,
        unit=" " + unit,
        desc=desc,
        file=sys.stderr,
        disable=disable,
        bar_format=bar_format,
        nrows=_rows(),
    )


def _rows() -> int | None:
    """The rows tqdm may draw in: its own reading (None) on a terminal that reports its
    size; tqdm's default of 20 on one that reports 0 rows (a `script` pty, some consoles),
    where tqdm had counted -1 rows and hidden every bar (review 164)."""
    try:
        rows = os.get_terminal_size(sys.stderr.fileno()).lines
    except (OSError, ValueError):  # not a terminal, or a stream without a descriptor
        return None
    return None if rows > 0 else 20


class _Interrupted(KeyboardInterrupt):
    """Ctrl-C during work that counts articles, with its counts so far: the app stores
    an article whole before the interrupt is raised, so they are what stays stored."""

    def __init__(self, report: IngestReport, said: _Said) -> None:
        super().__init__()
        self.report, self.said = report, said


_LARGE_TEXT = 200_000  # characters: about five seconds of analysis


_ERROR = "chronik: error: {}"
_UNFETCHED = "chronik: warning: page not fetched, the feed's item kept: {}"


def _finish(report: IngestReport, as_json: bool, said: _Said | None = None) -> None:
    """The counts, after the errors not ``said`` yet; exit 1 when an input failed."""
    _errors(report, said)
    if as_json:
        _echo_json(report.to_dict(), indent=None)
    else:
        click.echo(_counts(report))
    if report.failed:
        sys.exit(1)


def _errors(report: IngestReport, said: _Said | None = None) -> None:
    """The report's errors, then the pages ``--fetch`` could not read, the first of each,
    less those ``said`` as they came."""
    said = said or _Said()
    # Only a command with --json can list them all (review 39: watch said so too).
    ctx = click.get_current_context(silent=True)
    hint = "; --json lists them all" if ctx and "as_json" in ctx.params else ""
    _say(report.errors, said.errors, _ERROR, "chronik: error: … and {:,} more" + hint)
    rest = "chronik: warning: … and {:,} more pages not fetched"
    _say(report.unfetched, said.unfetched, _UNFETCHED, rest)


def _say(lines: list[str], said: int, each: str, rest: str = "") -> int:
    """``lines`` from ``said`` on, on stderr, each in ``each``, up to the first
    SHOWN_ERRORS; then, with ``rest``, how many more: a file of a million broken lines
    printed a million lines (47 s); the first ones say what is wrong, and --json keeps
    every one. Returns how many are said now."""
    from chronik.app import SHOWN_ERRORS

    for line in lines[said:SHOWN_ERRORS]:
        click.echo(each.format(line), err=True)
    if rest and len(lines) > SHOWN_ERRORS:
        click.echo(rest.format(len(lines) - SHOWN_ERRORS), err=True)
    return max(said, min(len(lines), SHOWN_ERRORS))


def _counts(report: IngestReport) -> str:
    return (
        f"{report.inserted} inserted, {report.revised} revised, {report.unchanged} unchanged, "
        f"{report.failed} failed"
    )
