"""The commands that read inputs: `ingest`, `watch`, `analyze`, `reanalyze` and `run`."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click
from tqdm import tqdm

from chronik.cli.params import _EVERY_HELP, _LIMIT, _seconds
from chronik.cli.progress import _counts, _errors, _finish, _progress, _starting, _waiting
from chronik.cli.render import _echo_json, _print_story
from chronik.cli.root import _app, _bad_input, _executor_option, _option_named, _published_option
from chronik.export import article_record
from chronik.ingest.document import is_plain_address
from chronik.ingest.sources import empty_path

if TYPE_CHECKING:
    from chronik.app import IngestReport


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--fetch", is_flag=True, help="Fetch the pages that feed items link to.")
@_published_option("of each article whose input gives none")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@_executor_option
@click.pass_context
def ingest(
    ctx: click.Context, paths: tuple[str, ...], fetch: bool, published: str | None, as_json: bool
) -> None:
    """Ingest files, directories (recursively), URLs, or - for stdin."""
    ctx.obj = ctx.obj.with_(fetch=fetch or ctx.obj.fetch)
    with (
        _app(ctx, create=True) as app,
        _progress(starting=_starting(app.options.executor)) as update,
        _option_named("--published"),
    ):
        report = app.ingest(list(paths), update, published)
    if published and report.kept_time:
        # Else a re-run with a date added looks done and is not (review 71); counted are
        # the undated inputs only, which the time would have dated (review 175).
        click.echo(
            f"chronik: {report.kept_time} input(s) were stored before and keep the time they "
            "were stored with; --published dates new inputs only",
            err=True,
        )
    _finish(report, as_json, update.said)


@click.command()
# Read by the command, not checked by click: a file that is not there is an input that
# cannot be read (E050, exit 1), as docs/cli.md says, not a usage error (review 56).
@click.argument("feeds_file", type=click.Path())
@click.option("--every", default="10m", show_default=True, help=_EVERY_HELP)
@click.option(
    "--rounds", type=_LIMIT, default=None, help="Stop after this many polls (at least 1)."
)
@click.pass_context
def watch(ctx: click.Context, feeds_file: str, every: str, rounds: int | None) -> None:
    """Poll the feeds listed in FEEDS_FILE (one URL a line) and ingest what is new."""
    with _bad_input():
        feeds = _feed_list(feeds_file)
    with (
        _app(ctx, create=True) as app,
        _progress(starting=_starting(app.options.executor, feeds=True), say=False) as update,
    ):
        # The rounds' errors are said as each ends and leave the report: what is left
        # at the end, or at Ctrl-C, is the unfinished round's.
        report = app.watch(feeds, _seconds(every), rounds, update, on_round=_round_done)
    _finish(report, False)


def _round_done(number: int, report: IngestReport) -> None:
    """``watch`` says each round's counts and errors as it ends, so that a feed that fails
    is said in the round it fails, not only when the command stops (never, without
    ``--rounds``)."""
    when = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
    with tqdm.external_write_mode(file=sys.stderr):
        _errors(report)
        click.echo(f"chronik: round {number} ({when}): {_counts(report)}", err=True)


def _feed_list(path: str) -> list[str]:
    from chronik.polling import feed_list

    if (empty := empty_path(path)) is not None:
        raise empty
    return feed_list(Path(path))


@click.command()
# Read as ingest reads a path: a missing one is E050 with exit 1 (bad input), as
# `ingest`, `watch` and `serve --watch` say it, not a usage error (review 176).
@click.argument("file", type=click.Path(allow_dash=True))
@_published_option("to resolve dates against")
@click.pass_context
def analyze(ctx: click.Context, file: str, published: str | None) -> None:
    """Print the JSON analysis of one article (a file, an address, or - for stdin) without
    storing it."""
    with (
        _app(ctx, create=True) as app,
        _option_named("--published"),
        _bad_input(),
        # The models take seconds to load, which had passed without a word (review 164);
        # wiped before an error line.
        _waiting("chronik: loading the models and analysing …"),
    ):
        # "-" is standard input, read as `ingest -` reads it; an address is fetched (as a
        # Path, "https://…" had been the file "https:/…", review 247)
        if (empty := empty_path(file)) is not None:
            raise empty
        result = app.analyze(file if is_plain_address(file) else Path(file), published)
    _echo_json(article_record(result))


@click.command()
@_executor_option
@click.pass_context
def reanalyze(ctx: click.Context) -> None:
    """Re-run analysis on every stored original input."""
    with (
        _app(ctx) as app,
        _progress(app.count_articles(), _starting(app.options.executor)) as update,
    ):
        report = app.reanalyze(update)
    _finish(report, False, update.said)


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--limit", default=20, show_default=True, type=_LIMIT, help="Stories to print.")
@_executor_option
@click.pass_context
def run(ctx: click.Context, paths: tuple[str, ...], limit: int) -> None:
    """Ingest PATHS (or the configured feeds when none are given) and print the stories."""
    targets = list(paths) or list(ctx.obj.feeds)
    if not targets:
        click.echo(
            "chronik: warning: no paths given and no feeds configured ($CHRONIK_FEEDS)", err=True
        )
    with _app(ctx) as app:  # ingest creates the store when it has an article to store
        with _progress(starting=_starting(app.options.executor)) as update:
            report = app.ingest(targets, update)
        for s in app.stories(limit=limit) if app.has_store() else []:
            _print_story(s)
    _finish(report, False, update.said)
