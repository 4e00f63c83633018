"""`chronik`: the command line, a mirror of the Python API (``chronik.Chronik``).

Every command is a thin layer: parse, call the API, print. Errors print one line.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource
from tqdm import tqdm

from chronik.arguments import (
    SHOWN_SENTENCES,
    checked_count,
    page_total,
    parse_day,
    poll_seconds,
    utf8_text,
)
from chronik.errors import ChronikError, Code, InputError, internal_error
from chronik.export import article_record, change_text, entity_record, story_record, writer
from chronik.model import ENTITY_TYPES, Article, Story, article_summary, search_snippet
from chronik.options import Options
from chronik.training import DEFAULT_TEACHER, NER_BACKENDS, train_ner_model
from chronik.training.settings import SHIPPED_ADAPTER, SHIPPED_MODEL

# The API and the analysis are imported by the commands that use them: `chronik --version`,
# `--help` and a usage error had waited 0.7 s for every analysis module (review 114).
if TYPE_CHECKING:
    from chronik.app import Chronik, IngestReport


def main() -> None:
    # SIGTERM (`timeout`, systemd, `docker stop`) ends a run as Ctrl-C does: the article in
    # hand stored whole, the counts said; it had ended an ingest without a word (review 71).
    signal.signal(signal.SIGTERM, _terminated)
    # "chronik" in usage lines and hints, also under `python -m chronik`.
    cli(prog_name="chronik")


def _terminated(number: int, frame: object) -> None:
    _STOPPED_BY.append(number)
    raise KeyboardInterrupt


# The signal that ended this run, where it was not Ctrl-C: its exit code is 128 + it.
_STOPPED_BY: list[int] = []


def _echo_json(data: Any, indent: int | None = 2) -> None:
    """One JSON document on stdout, readable: indented, with umlauts as they are. A name
    that is no UTF-8 (a file's, escaped as a lone surrogate) is written as a JSON escape:
    its raw byte had made the output no UTF-8 (review 42)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, indent=indent)
    click.echo(text)


class Failure(click.ClickException):
    """A ChronikError, shown as one line: ``chronik: error: [CODE] where: message``."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"chronik: error: {self.message}", err=True)


class BadInput(Failure):
    """An input that cannot be read (E001-E060, E190), where it stops the command: `analyze`
    of an empty file exits as an `ingest` of it does (review 46)."""

    exit_code = 1


def _usage(exc: click.ClickException, ctx: click.Context | None) -> click.ClickException:
    """Click's usage error (a bad option or argument, an output file that cannot be opened)
    as one line, like every other error; a bare group without a command still shows its
    help, and Chronik's own errors are one line already."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError | Failure):
        return exc
    own: click.Context | None = getattr(exc, "ctx", None)  # a usage error knows its command
    ctx = own or ctx
    command = ctx.command_path if ctx else "chronik"
    if own is None and ctx is not None and ctx.invoked_subcommand:
        command = f"{command} {ctx.invoked_subcommand}"
    detail = exc.format_message().rstrip(".")
    if isinstance(exc, click.NoSuchOption) and exc.option_name == "--db":
        # The one option of the whole command line: it goes before the command.
        words = command.split(maxsplit=1)[1:]  # "eval stories" from "chronik eval stories"
        detail += f"; --db goes before the command, 'chronik --db FILE {' '.join(words)}'"
    return Failure(str(ChronikError(Code.E280, where=command, detail=detail, command=command)))


class Group(click.Group):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        # Options but no command ("chronik --db news.db") show the help, as no words do;
        # click had called it a usage error (review 56). Click keeps the command's name
        # in a private field only.
        command = ctx._protected_args or self.invoke_without_command
        if not command and not ctx.resilient_parsing:
            raise click.exceptions.NoArgsIsHelpError(ctx)
        return rest

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise _usage(exc, None) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.UsageError, click.FileError) as exc:
            raise _usage(exc, ctx) from exc
        except ChronikError as exc:
            raise Failure(str(exc)) from exc
        except KeyboardInterrupt as exc:
            # click would print "Aborted!" and exit 1, as if an input had failed.
            done = ""
            if isinstance(exc, _Interrupted):
                _errors(exc.report)
                done = f" after {_counts(exc.report)}"
            how = "terminated" if _STOPPED_BY else "interrupted"
            message = f"chronik: {how}{done}; what was stored before stays stored"
            click.echo(message, err=True)
            ctx.exit(128 + (_STOPPED_BY[0] if _STOPPED_BY else signal.SIGINT))
        except BrokenPipeError:
            # The reader stopped early (`chronik export | head`): what it read is what it
            # asked for. Output still buffered goes nowhere instead of failing at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # a subcommand group's own answer, passed on (Failure is one)
        except Exception as exc:
            # The API gives a failing store's error its code (E240, E241): what comes
            # here is a bug or the system refusing.
            raise Failure(str(internal_error(exc))) from exc


class _Count(click.ParamType[int]):
    """A count or offset, checked by the API's own rule (``checked_count``): what it
    refuses is a usage error here."""

    name = "integer"

    def __init__(self, least: int) -> None:
        self.least = least

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = click.INT.convert(value, param, ctx)
        try:
            return checked_count(param.name if param else "value", number, self.least)
        except ChronikError as exc:
            self.fail(f"{number} is not {exc.details['kind']}", param, ctx)


class _Day(click.ParamType[date]):
    """A day, read as the API reads one (``parse_day``)."""

    name = "day"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, date):
            return value
        try:
            return parse_day(value)
        except ChronikError:
            self.fail(
                f"{value!r} is not a day: give YYYY-MM-DD, an ISO 8601 time or an RFC 2822 date",
                param,
                ctx,
            )


class _Filter(click.ParamType[str]):
    """A filter's value, which may not be blank: `--story "$SID"` with the variable unset
    had listed everything, where `story ""` is E101 (review 46)."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty value; leave the option out to list them all", param, ctx)
        return value


class _Words(click.ParamType[str]):
    """Words to search for, checked by the API's own rule (``utf8_text``) before the store
    is opened: what it refuses is a usage error here."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return utf8_text("WORDS", value)
        except ChronikError:
            raise click.BadParameter("not UTF-8 text", ctx, param_hint="WORDS") from None


_COUNT = _Count(least=0)
_LIMIT = _Count(least=1)
_FILTER = _Filter()
_EVERY_HELP = "Interval: a number with s, m, h or d (30s, 10m, 1h; bare: seconds), at least 1s."
_DAY_FORMS = "YYYY-MM-DD, or the day of an ISO 8601 or RFC 2822 time"


class _UpperChoice(click.Choice[str]):
    """Choices written in capitals (PER, LOC), taken in any case, named in capitals in
    the error; click's case-insensitive Choice names them in lower case."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return super().convert(value.upper() if isinstance(value, str) else value, param, ctx)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    # Not click's envvar: Options.from_env reads $CHRONIK_DB, as for the Python API, so an
    # empty one is "no store named" (E230) here too, not silently ./chronik.db.
    show_default="$CHRONIK_DB, else chronik.db",
    help="The store: an SQLite file or a postgresql:// URL.",
)
@click.version_option(package_name="chronik", prog_name="chronik")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Chronik turns a stream of German news into stories.

    Every setting can also come from a CHRONIK_* variable (CHRONIK_DB, CHRONIK_FEEDS,
    CHRONIK_NER_BACKEND, ...): see docs/configuration.md."""
    ctx.obj = Options.from_env(db=db)


@contextmanager
def _app(ctx: click.Context, create: bool = False) -> Iterator[Chronik]:
    """The Python API over the store; only commands that write create a store that is not
    there, so a mistyped --db is an error, not a new empty store."""
    from chronik.app import Chronik

    with Chronik(options=ctx.obj, create=create) as app:
        yield app


@contextmanager
def _progress(total: int | None = None) -> Iterator[Callable[[str, IngestReport], None]]:
    """A bar of articles done; while a large article is analysed it also names the step
    (a 19 MB text takes minutes, with the count standing still). Ctrl-C says how far the
    work had come."""
    bar = _bar("article", total, disable=None)
    current: list[IngestReport] = []

    def update(where: str, report: IngestReport) -> None:
        current[:] = [report]
        bar.n = report.seen
        bar.set_description_str("", refresh=False)
        counts = ("inserted", "revised", "unchanged", "failed")
        bar.set_postfix({name: getattr(report, name) for name in counts}, refresh=False)
        bar.update(0)

    def step(name: str, article: Article) -> None:
        if len(article.text) >= _LARGE_TEXT:
            bar.set_description_str(f"{name} ({len(article.text) / 1e6:.1f}M characters): ")

    from chronik.analysis.pipeline import watching_steps

    try:
        with bar, watching_steps(step):
            yield update
    except KeyboardInterrupt as exc:
        if current and not isinstance(exc, _Interrupted):
            raise _Interrupted(current[0]) from None
        raise


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
    )


class _Interrupted(KeyboardInterrupt):
    """Ctrl-C during work that counts articles, with its counts so far: the app stores
    an article whole before the interrupt is raised, so they are what stays stored."""

    def __init__(self, report: IngestReport) -> None:
        super().__init__()
        self.report = report


_LARGE_TEXT = 200_000  # characters: about five seconds of analysis


def _finish(report: IngestReport, as_json: bool) -> None:
    """The counts, after the errors; exit 1 when an input failed."""
    _errors(report)
    if as_json:
        _echo_json(report.to_dict(), indent=None)
    else:
        click.echo(_counts(report))
    if report.failed:
        sys.exit(1)


def _errors(report: IngestReport) -> None:
    # A file of a million broken lines printed a million lines (47 s): the first ones say
    # what is wrong, and --json keeps every one.
    from chronik.app import SHOWN_ERRORS

    errors = report.errors
    for line in errors[:SHOWN_ERRORS]:
        click.echo(f"chronik: error: {line}", err=True)
    more = len(errors) - SHOWN_ERRORS
    if more > 0:
        # Only a command with --json can list them (review 39: watch said so too).
        ctx = click.get_current_context(silent=True)
        hint = "; --json lists them all" if ctx and "as_json" in ctx.params else ""
        click.echo(f"chronik: error: … and {more:,} more{hint}", err=True)


def _counts(report: IngestReport) -> str:
    return (
        f"{report.inserted} inserted, {report.revised} revised, {report.unchanged} unchanged, "
        f"{report.failed} failed"
    )


def _executor_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--executor``: where analysis runs; it overrides ``$CHRONIK_EXECUTOR`` in the
    command's options."""
    return click.option(
        "--executor",
        default=None,
        expose_value=False,
        callback=_with_executor,
        help="Where analysis runs: serial, processes[:N], dask:ADDRESS, dask:local.",
    )(command)


def _with_executor(ctx: click.Context, _: click.Parameter, executor: str | None) -> None:
    if executor:
        with _option_named("--executor", Code.E110):
            ctx.obj = ctx.obj.with_(executor=executor)


def _published_option(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--published", help=f"Publication time (ISO 8601 or RFC 2822) {what}.")


@cli.command()
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
    with _app(ctx, create=True) as app, _progress() as update, _option_named("--published"):
        report = app.ingest(list(paths), update, published)
    if published and report.unchanged:
        # Else a re-run with a date added looks done and is not (review 71).
        click.echo(
            f"chronik: {report.unchanged} input(s) were stored before and keep the time they "
            "were stored with; --published dates new inputs only",
            err=True,
        )
    _finish(report, as_json)


@contextmanager
def _option_named(option: str, code: Code = Code.E111) -> Iterator[None]:
    """The error ``code`` names the option the user gave (or for E280, a usage error, the
    command); the Python API names none."""
    try:
        yield
    except ChronikError as exc:
        raise exc.at(option) if exc.code is code and not exc.where else exc from None


@cli.command()
# Read by the command, not checked by click: a file that is not there is an input that
# cannot be read (E050, exit 1), as docs/cli.md says, not a usage error (review 56).
@click.argument("feeds_file", type=click.Path(path_type=Path))
@click.option("--every", default="10m", show_default=True, help=_EVERY_HELP)
@click.option(
    "--rounds", type=_LIMIT, default=None, help="Stop after this many polls (at least 1)."
)
@click.pass_context
def watch(ctx: click.Context, feeds_file: Path, every: str, rounds: int | None) -> None:
    """Poll the feeds listed in FEEDS_FILE (one URL a line) and ingest what is new."""
    with _bad_input():
        feeds = _feed_list(feeds_file)
    with _app(ctx, create=True) as app, _progress() as update:
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


def _feed_list(path: Path) -> list[str]:
    from chronik.polling import feed_list

    return feed_list(path)


def _seconds(interval: str) -> float:
    try:  # a usage error here, as any bad option is
        return poll_seconds(interval)
    except ChronikError as exc:
        message = f"{interval!r}: use a number with s, m, h or d, at least 1s"
        raise click.BadParameter(message, param_hint="--every") from exc


@cli.command()
@click.option("--limit", default=50, show_default=True, type=_LIMIT, help="How many at most.")
@click.option("--offset", default=0, type=_COUNT, help="How many to skip first.")
@click.option("--story", "story_id", type=_FILTER, help="Only the articles of this story.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def articles(
    ctx: click.Context, limit: int, offset: int, story_id: str | None, as_json: bool
) -> None:
    """List stored articles in time order."""
    with _app(ctx) as app:
        found = app.articles(limit=limit, offset=offset, story_id=story_id)
        into = app.story_summary(story_id).id if story_id else None
        count = partial(app.count_articles, story_id=story_id)
        total = page_total(len(found), limit, offset, count)
    if story_id and into and into != story_id:
        _merged_notice(story_id, into)
    _print_articles(found, as_json, _none("articles", offset, filtered=bool(story_id)), total=total)
    _page_note("articles", len(found), offset, total, as_json)


def _merged_notice(gone: str, into: str) -> None:
    click.echo(f"chronik: story {gone} was merged into {into}", err=True)


def _none(kind: str, offset: int, filtered: bool) -> str:
    """What an empty list says on stderr (stdout stays a list, empty): an empty screen had
    read as a command that did nothing (review 71)."""
    if filtered:
        return f"chronik: no {kind} match"
    return f"chronik: no {kind} after the first {offset}" if offset else f"chronik: no {kind} yet"


def _page_note(kind: str, shown: int, offset: int, total: int, as_json: bool) -> None:
    """On stderr, which items of how many a page is where it is not all of them ("21–40
    of 153 stories"); JSON says its ``total`` itself."""
    if shown and not as_json and shown < total:
        click.echo(f"chronik: {offset + 1}–{offset + shown} of {total} {kind}", err=True)


def _print_articles(
    found: list[Article], as_json: bool, none: str, words: str = "", total: int | None = None
) -> None:
    """One line an article; under each, with the ``words`` of a search, the sentence that
    has one of them (``search_snippet``). The JSON has the list's ``total`` where given."""
    if as_json:
        counted = {} if total is None else {"total": total}
        _echo_json({"articles": [article_summary(a) for a in found], **counted})
        return
    if not found:
        click.echo(none, err=True)
    for a in found:
        when = a.published.date().isoformat() if a.published else "          "
        click.echo(f"{a.id}  {when}  {a.display_title}")
        if snippet := search_snippet(a, words) if words else "":
            click.echo(f"    {snippet}")


@cli.command()
@click.argument("article_id")
@click.pass_context
def article(ctx: click.Context, article_id: str) -> None:
    """Print one stored article as JSON."""
    with _app(ctx) as app:
        found = app.article(article_id)
    _echo_json(article_record(found))


@cli.command()
@click.option("--limit", default=50, show_default=True, type=_LIMIT, help="How many at most.")
@click.option("--offset", default=0, type=_COUNT, help="How many to skip first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def stories(ctx: click.Context, limit: int, offset: int, as_json: bool) -> None:
    """List stories, most recently active first."""
    with _app(ctx) as app:
        found = app.stories(limit=limit, offset=offset)
        total = page_total(len(found), limit, offset, app.count_stories)
    if as_json:
        _echo_json({"stories": [s.to_dict() for s in found], "total": total})
        return
    if not found:
        click.echo(_none("stories", offset, filtered=False), err=True)
    for s in found:
        click.echo(_story_row(s))
    _page_note("stories", len(found), offset, total, as_json)


@cli.command()
@click.option(
    "--type",
    "entity_type",
    type=_UpperChoice(ENTITY_TYPES),
    help="Only entities of this type.",
)
@click.option(
    "--name", type=_FILTER, help="Only entities with this name, alias or label (any case)."
)
@click.option("--limit", default=50, show_default=True, type=_LIMIT, help="How many at most.")
@click.option("--offset", default=0, type=_COUNT, help="How many to skip first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def entities(
    ctx: click.Context,
    entity_type: str | None,
    name: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List entities, most mentioned first."""
    with _app(ctx) as app:
        found = app.entities(limit=limit, type=entity_type, name=name, offset=offset)
        count = partial(app.count_entities, type=entity_type, name=name)
        total = page_total(len(found), limit, offset, count)
    if as_json:
        _echo_json({"entities": [asdict(e) for e in found], "total": total})
        return
    if not found:
        click.echo(_none("entities", offset, filtered=bool(entity_type or name)), err=True)
    for e in found:
        click.echo(f"{e.id}  {e.type:<4} {e.mention_count:>5}  {e.name}")
    _page_note("entities", len(found), offset, total, as_json)


@cli.command()
@click.argument("entity")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def entity(ctx: click.Context, entity: str, as_json: bool) -> None:
    """Print one entity (by id, name or alias): its stories and the articles naming it."""
    with _app(ctx) as app:
        found = app.entity_named(entity)
        named_in = app.entity_articles(found.id)
        stories = app.entity_stories(found.id)
    if as_json:
        _echo_json(entity_record(found, named_in, [s.id for s in stories]))
        return
    mentions = _count(found.mention_count, "mention")
    click.echo(f"{found.id}  {found.type}  {found.name}  ({mentions})")
    if found.aliases:
        click.echo(f"  aliases: {', '.join(found.aliases)}")
    for s in stories:
        click.echo(f"  story: {_story_row(s)}")
    _print_articles(named_in, False, "chronik: no articles name it")


@cli.command()
@click.argument("story_id")
@click.option(
    "--full",
    is_flag=True,
    help=f"Print every sentence each article adds, not the first {SHOWN_SENTENCES}.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (always every sentence).")
@click.pass_context
def story(ctx: click.Context, story_id: str, full: bool, as_json: bool) -> None:
    """Print a story's timeline: its articles in time order and what each adds."""
    with _app(ctx) as app:
        report = app.story_report(story_id)
    found, record = report.story, story_record(report)
    if found.id != story_id:
        _merged_notice(story_id, found.id)
    if as_json:
        _echo_json(record)
        return
    click.echo(_story_line(found))
    titles = _shown_titles(found.articles)
    for entry in record["timeline"]:
        _print_entry(entry, titles)
        _print_new_sentences(entry["new_sentences"], None if full else SHOWN_SENTENCES)
    for event in record["events"]:
        _print_event(event)
    for change in record["changes"]:  # once each, as the story's page lists them
        click.echo(f"  ! {change_text(change)}{_of_event(change)}  [{change['article_id']}]")
    for change in record["history"]:
        click.echo(f"  history: {change['at']}  {change['action']}  {change['other'] or ''}")


def _print_new_sentences(sentences: list[str], shown: int | None) -> None:
    """The sentences an article adds, the first ``shown`` of them (all for None), and how
    many more there are, as the story page shows them."""
    for sentence in sentences[:shown]:
        click.echo(f"      + {sentence}")
    if shown is not None and len(sentences) > shown:
        click.echo(f"      … {_count(len(sentences) - shown, 'more sentence')} (--full)")


@cli.command()
@click.argument("gone")
@click.argument("into")
@click.pass_context
def merge(ctx: click.Context, gone: str, into: str) -> None:
    """Move every article of story GONE into story INTO (logged in both histories)."""
    with _app(ctx) as app:
        _print_story(app.merge_stories(gone, into))


@cli.command()
@click.argument("story_id")
@click.argument("article_ids", nargs=-1, required=True)
@click.pass_context
def split(ctx: click.Context, story_id: str, article_ids: tuple[str, ...]) -> None:
    """Move the articles ARTICLE_IDS of story STORY_ID into a new story (logged in both)."""
    with _app(ctx) as app:
        _print_story(app.split_story(story_id, article_ids))


def _print_event(event: dict[str, Any]) -> None:
    where = f" at {event['location_name']}" if event["location_name"] else ""
    when = _when(event["date"])
    actors = f"({', '.join(event['actors'])})" if event["actors"] else ""
    reports = f"{_count(event['num_reports'], 'report')} in {_articles(event['num_articles'])}"
    head = f"{event['event_type']}{actors} {event['modality']}{where}{when}"
    click.echo(f"  event: {head}  ({reports})")


def _of_event(change: dict[str, Any]) -> str:
    """ " (meet: Friedrich Merz, Emmanuel Macron)": the event a change is of; a casualty
    count's is none."""
    if change["event_type"] == "casualties":
        return ""
    actors = f": {', '.join(change['actors'])}" if change["actors"] else ""
    return f"  ({change['event_type']}{actors})"


def _when(value: str | None) -> str:
    """ "on 2023-09-13" for a day (a time of it too), "in 2019" for a year, month or week."""
    if not value:
        return ""
    return f" {'on' if len(value) >= 10 and value[:4].isdigit() else 'in'} {value}"


def _story_row(found: Story) -> str:
    """A story in a list: id, size and title in columns."""
    return f"{found.id}  {found.size:>5} {_noun(found.size, 'article'):<8}  {found.title}"


def _story_line(found: Story) -> str:
    return f"{found.title}  ({_articles(found.size)}, id {found.id})"


def _articles(count: int) -> str:
    return _count(count, "article")


def _count(count: int, noun: str) -> str:
    return f"{count} {_noun(count, noun)}"


def _noun(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"


def _print_story(found: Story) -> None:
    """A story in short: its articles in the order of its timeline, as `story` lists them
    (an announcement before the report of what it announced, where neither is dated)."""
    click.echo(_story_line(found))
    from chronik.stories.timeline import ordered_entries

    titles = _shown_titles(found.articles)
    for entry in ordered_entries(found.articles):
        _print_entry(entry.to_dict(), titles)


def _shown_titles(articles: list[Article]) -> dict[str, str]:
    """Titles as the web shows them: a bare kicker ("Ukrainekrieg:") with its lead."""
    return {a.id: a.display_title for a in articles}


def _print_entry(entry: dict[str, Any], titles: dict[str, str]) -> None:
    when = entry["when"] or f"undated, {entry['tense']}"
    title = titles.get(entry["article_id"], entry["title"])
    click.echo(f"  {when}  {title}  [{entry['article_id']}]")


_DAY = _Day()


@cli.command()
@click.argument("words", nargs=-1, type=_Words())
@click.option(
    "--entity", type=_FILTER, help="Only articles that mention this entity (id, name or alias)."
)
@click.option(
    "--since",
    type=_DAY,
    help=f"Published on or after this day ({_DAY_FORMS}).",
)
@click.option(
    "--until",
    type=_DAY,
    help=f"Published on or before this day ({_DAY_FORMS}).",
)
@click.option("--publisher", type=_FILTER, help="Only this publisher (any case).")
@click.option("--language", type=_FILTER, help="Only this language code, e.g. de.")
@click.option("--limit", default=20, show_default=True, type=_LIMIT, help="How many at most.")
@click.option("--offset", default=0, type=_COUNT, help="How many matches to skip first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def search(
    ctx: click.Context,
    words: tuple[str, ...],
    entity: str | None,
    since: date | None,
    until: date | None,
    publisher: str | None,
    language: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Search stored articles: full text (best match first) and/or by entity, day,
    publisher and language (newest first without words)."""
    text = " ".join(words)
    filters: dict[str, Any] = {
        "entity": entity,
        "since": since,
        "until": until,
        "publisher": publisher,
        "language": language,
    }
    with _app(ctx) as app, _option_named("--since/--until", Code.E112):
        found = app.search(text, **filters, limit=limit, offset=offset)
        total = page_total(len(found), limit, offset, partial(app.search_total, text, **filters))
    # Past the last page there are matches, only not there: "no articles match" misled.
    none = (
        f"chronik: no matches after the first {offset}" if total else "chronik: no articles match"
    )
    _print_articles(found, as_json, none, text, total=total)
    _page_note("matches", len(found), offset, total, as_json)


@cli.command()
@click.option(
    "--format", "fmt", default="jsonl", show_default=True, help="jsonl, csv, events or events-tsv"
)
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write to this file, not standard output.",
)
@click.pass_context
def export(ctx: click.Context, fmt: str, output: Any) -> None:
    """Write every stored article, one a line (jsonl) or a row (csv); or the stories'
    events, one a line (events) or a row (events-tsv)."""
    with _option_named("--format", Code.E140):
        write = writer(fmt)
    with _app(ctx) as app:
        # -o opens its file once the store is read (a missing store leaves it as it was)
        # and before the first article: click opens it at the first write, so an empty
        # store left no file and exit 0, even for -o into a folder that does not exist.
        stored = app.count_articles()
        opening = getattr(output, "open", None)
        written = write(app.iter_articles(), opening() if callable(opening) else output)
    if not written:
        what = "events" if stored else "articles"
        click.echo(f"chronik: no {what} yet", err=True)


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@_published_option("to resolve dates against")
@click.pass_context
def analyze(ctx: click.Context, file: str, published: str | None) -> None:
    """Print the JSON analysis of one article (a file, or - for stdin) without storing it."""
    with _app(ctx, create=True) as app, _option_named("--published"), _bad_input():
        # "-" is standard input, read as `ingest -` reads it
        result = app.analyze(Path(file), published)
    _echo_json(article_record(result))


@contextmanager
def _bad_input() -> Iterator[None]:
    """The one input of a command that cannot be read exits as an ingest's failed input
    does, 1 (review 46); the files an `eval` reads are its data, and stay usage errors."""
    try:
        yield
    except InputError as exc:
        raise BadInput(str(exc)) from exc


@cli.command()
@_executor_option
@click.pass_context
def reanalyze(ctx: click.Context) -> None:
    """Re-run analysis on every stored original input."""
    with _app(ctx) as app, _progress(app.count_articles()) as update:
        report = app.reanalyze(update)
    _finish(report, False)


@cli.command()
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
        with _progress() as update:
            report = app.ingest(targets, update)
        for s in app.stories(limit=limit) if app.has_store() else []:
            _print_story(s)
    _finish(report, False)


# A file an option or argument names that must be there: a missing one is a usage error (2).
_DATA_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@click.option(
    "--watch",
    "feeds_file",
    type=_DATA_FILE,
    help="Poll the feeds listed in this file (one URL a line) while serving.",
)
@click.option("--follow", is_flag=True, help="Poll the configured feeds ($CHRONIK_FEEDS) too.")
@click.option(
    "--every", default="10m", show_default=True, help=f"{_EVERY_HELP} With --watch or --follow."
)
@click.option("--token", default=None, help="Token for the write endpoints ($CHRONIK_TOKEN).")
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    feeds_file: Path | None,
    follow: bool,
    every: str,
    token: str | None,
) -> None:
    """Run the web application and REST API (open http://HOST:PORT/)."""
    from chronik.web import serve as run_server

    options = ctx.obj.with_(token=token or ctx.obj.token)
    feeds = (_feed_list(feeds_file) if feeds_file else []) + (list(options.feeds) if follow else [])
    interval = _seconds(every)
    if not feeds and ctx.get_parameter_source("every") is ParameterSource.COMMANDLINE:
        click.echo("chronik: warning: --every polls nothing without --watch or --follow", err=True)
    run_server(options, host, port, feeds, interval)


@cli.group(name="eval", cls=Group)
def evaluate() -> None:
    """Measure quality on evaluation data; each prints one JSON object."""


@evaluate.command(name="extraction")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def eval_extraction(directory: Path) -> None:
    """HTML extraction against `evaldata.json` + `pages/` (trafilatura's layout)."""
    from chronik.evaluation.extraction import evaluate_extraction

    _echo_json(evaluate_extraction(directory))


@evaluate.command(name="attribution")
@click.argument("file", type=_DATA_FILE)
def eval_attribution(file: Path) -> None:
    """Attribution sources and kinds against a gold JSONL file (eval/attribution/gold.jsonl)."""
    from chronik.evaluation.attribution import evaluate_attribution

    _echo_json(evaluate_attribution(file))


@evaluate.command(name="events")
@click.argument("file", type=_DATA_FILE)
@click.option("--extractor", default="rules", show_default=True, help="Event extractor to score.")
def eval_events(file: Path, extractor: str) -> None:
    """Event extraction against gold sentences (JSONL, as eval/events/gold.jsonl)."""
    from chronik.evaluation.events import evaluate_events

    _echo_json(evaluate_events(file, extractor))


@evaluate.command(name="entities")
@click.argument("file", type=_DATA_FILE)
def eval_entities(file: Path) -> None:
    """Lexicon place detection against GermEval 2014 LOC, LOCderiv and LOCpart spans (TSV)."""
    from chronik.evaluation.entities import evaluate_places

    _echo_json(evaluate_places(file))


@evaluate.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def eval_timex(directory: Path) -> None:
    """Time expressions against `in/` + `keyinline/` TIMEX2 (WikiWarsDE's layout)."""
    from chronik.evaluation.timex import evaluate_timex

    _echo_json(evaluate_timex(directory))


@evaluate.command(name="subjectivity")
@click.argument("file", type=_DATA_FILE)
@click.option(
    "--model",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A model folder 'train subjectivity --output' wrote (default: the bundled one).",
)
def eval_subjectivity(file: Path, model: Path | None) -> None:
    """Sentence subjectivity on a CheckThat! TSV file (sentence_id, sentence, label)."""
    from chronik.evaluation.subjectivity import evaluate_subjectivity

    _echo_json(evaluate_subjectivity(file, model))


@cli.group(name="train", cls=Group)
def train() -> None:
    """Retrain a bundled model from evaluation data; each prints one JSON object."""


@train.command(name="subjectivity")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder (default: the bundled model).",
)
def train_subjectivity(directory: Path, output: Path | None) -> None:
    """The sentence subjectivity model, from the CheckThat! folder DIRECTORY: trained on
    train_de.tsv, tuned on dev_de.tsv."""
    from chronik.analysis.subjectivity import MODEL_DIR
    from chronik.training.subjectivity import train_subjectivity

    train_file, dev_file = directory / "train_de.tsv", directory / "dev_de.tsv"
    meta = train_subjectivity(train_file, dev_file, output or MODEL_DIR)
    _echo_json(meta)


@evaluate.command(name="similarity")
@click.argument("file", type=_DATA_FILE)
@click.pass_context
def eval_similarity(ctx: click.Context, file: Path) -> None:
    """Article similarity against SemEval-2022 task 8 pairs (Pearson, per language pair)."""
    from chronik.evaluation.similarity import evaluate_similarity

    _echo_json(evaluate_similarity(file, ctx.obj))


@evaluate.command(name="stories")
@click.argument("items", type=_DATA_FILE)
@click.argument("labels", type=_DATA_FILE)
@click.pass_context
def eval_stories(ctx: click.Context, items: Path, labels: Path) -> None:
    """Story clustering of ITEMS (Chronik JSONL) against LABELS (pairwise and B-cubed)."""
    from chronik.evaluation.stories import evaluate_stories

    _echo_json(evaluate_stories(items, labels, ctx.obj))


@evaluate.command(name="related")
@click.argument("items", type=_DATA_FILE)
@click.argument("judged", type=_DATA_FILE)
@click.pass_context
def eval_related(ctx: click.Context, items: Path, judged: Path) -> None:
    """Related reading proposed for the articles of ITEMS against the JUDGED proposals."""
    from chronik.evaluation.related import evaluate_related

    _echo_json(evaluate_related(items, judged, ctx.obj))


@evaluate.command(name="ner")
@click.argument("file", type=_DATA_FILE)
@click.option("--backend", default=None, help="NER backend (default: $CHRONIK_NER_BACKEND).")
@click.option(
    "--heldout", is_flag=True, help="FILE is GermEval's dev.tsv: score its held-out part only."
)
@click.pass_context
def eval_ner(ctx: click.Context, file: Path, backend: str | None, heldout: bool) -> None:
    """Named entities against a token-per-line BIO file (GermEval TSV, Universal NER, or
    token<TAB>tag)."""
    from chronik.evaluation.ner import evaluate_heldout, evaluate_ner

    score = evaluate_heldout if heldout else evaluate_ner
    _echo_json(score(file, backend or ctx.obj.ner_backend))


def _trainer_default(name: str) -> str:
    """A setting's default as `train ner --help` shows it: the shipped model's, and the e5
    adapter's where that differs."""
    model, adapter = getattr(SHIPPED_MODEL, name), getattr(SHIPPED_ADAPTER, name)
    return str(model) if model == adapter else f"{model}; e5: {adapter}"


@train.command(name="ner")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--backend",
    type=click.Choice(NER_BACKENDS),
    default="bundled",
    help="The bundled model, or the e5 backend's adapter (needs PyTorch).",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder (default: the shipped one).",
)
@click.option(
    "--epochs",
    type=click.IntRange(min=1),
    default=None,
    help=f"Passes over the training data.  [default: {_trainer_default('epochs')}]",
)
@click.option(
    "--seed",
    type=int,
    default=None,
    help="Random seed: the same seed and data give the same model.  "
    f"[default: {_trainer_default('seed')}]",
)
@click.option(
    "--distill",
    "unlabeled",
    multiple=True,
    help="Unlabeled input (any file, folder or URL ingest reads) whose sentences the teacher "
    "tags for the bundled model to learn from as well; repeatable.",
)
@click.option(
    "--teacher", help=f"The backend that tags them (with --distill).  [default: {DEFAULT_TEACHER}]"
)
@click.option(
    "--exclude",
    multiple=True,
    type=_DATA_FILE,
    help='JSONL of {"id", "story"} (a story label file): leave those articles out of '
    "--distill; repeatable.",
)
@click.pass_context
def train_ner_command(
    ctx: click.Context,
    directory: Path,
    backend: str,
    output: Path | None,
    epochs: int | None,
    seed: int | None,
    unlabeled: tuple[str, ...],
    teacher: str | None,
    exclude: tuple[Path, ...],
) -> None:
    """A German NER model, from the GermEval 2014 folder DIRECTORY (test.tsv, dev.tsv)."""
    given = {"epochs": epochs, "seed": seed}
    with (
        _tagging_bars(teacher or DEFAULT_TEACHER) as (progress, skipped),
        _option_named(ctx.command_path, Code.E280),
    ):
        report = train_ner_model(
            directory,
            ctx.obj,
            backend=backend,
            output=output,
            settings={k: v for k, v in given.items() if v is not None},
            distill=unlabeled,
            teacher=teacher,
            exclude=exclude,
            log=partial(click.echo, err=True),
            progress=progress,
            skipped=skipped,
        )
    _echo_json(report)


@contextmanager
def _tagging_bars(
    teacher: str,
) -> Iterator[tuple[Callable[[int, int | None], None], Callable[[ChronikError], None]]]:
    """Progress of distillation: articles read, then sentences tagged (shown once it
    starts: training without --distill shows none)."""
    bars: list[tqdm[Any]] = []

    def progress(done: int, total: int | None) -> None:
        if not bars:
            bars.append(_bar("article", desc="reading "))
        if total is not None and len(bars) == 1:  # reading is over: tagging starts
            bars[0].close()
            desc = f"tagging with {teacher}"
            bars.append(_bar("sentence", total, desc=f"{desc}: "))
        bars[-1].n = done
        bars[-1].update(0)

    def skipped(error: ChronikError) -> None:
        message = f"chronik: skipped: {error}"
        if bars:
            bars[-1].write(message, file=sys.stderr)
        else:
            click.echo(message, err=True)

    try:
        yield progress, skipped
    finally:
        for bar in bars:
            bar.close()


if __name__ == "__main__":
    main()
