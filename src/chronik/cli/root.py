"""The root group, `chronik`, and what every command shares: Chronik's errors and click's
usage errors as one line, the signals that end a run, the Python API over the store
(``_app``) and the options several commands take."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

import click

from chronik.arguments import named
from chronik.cli.progress import _counts, _errors, _Interrupted
from chronik.errors import ChronikError, Code, InputError, internal_error
from chronik.options import Options

# The API and the analysis are imported by the commands that use them: `chronik --version`,
# `--help` and a usage error had waited 0.7 s for every analysis module (review 114).
if TYPE_CHECKING:
    from chronik.app import Chronik


def _terminated(number: int, frame: object) -> None:
    _STOPPED_BY.append(number)
    raise KeyboardInterrupt


# The signal that ended this run, where it was not Ctrl-C: its exit code is 128 + it.
_STOPPED_BY: list[int] = []


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


# The commands that write into the store: an interrupt of one of them keeps what it stored.
# An `eval` command ingests into a temporary store, and listings and `export` store nothing.
_WRITERS = frozenset({"ingest", "watch", "run", "reanalyze", "merge", "split", "serve"})


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
                _errors(exc.report, exc.said)
                done = f" after {_counts(exc.report)}"
            how = "terminated" if _STOPPED_BY else "interrupted"
            message = f"chronik: {how}{done}"
            if ctx.invoked_subcommand in _WRITERS:  # an eval or a listing stores nothing
                message += "; what was stored before stays stored"
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


def _option_named(option: str, code: Code = Code.E111) -> AbstractContextManager[None]:
    """The error ``code`` names the option the user gave (or for E280, a usage error, the
    command)."""
    return named(option, code)


@contextmanager
def _bad_input() -> Iterator[None]:
    """The one input of a command that cannot be read exits as an ingest's failed input
    does, 1 (review 46); the files an `eval` reads are its data, and stay usage errors."""
    try:
        yield
    except InputError as exc:
        raise BadInput(str(exc)) from exc


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
