"""`chronik`: the command line, a mirror of the Python API (``chronik.Chronik``).

Every command is a thin layer: parse, call the API, print. Errors print one line.

The root group and what its commands share are in ``root``, ``params``, ``progress`` and
``render``; the commands, by what they work on, in the ``*_commands`` modules. Here they
join the root group, all in one list.
"""

from __future__ import annotations

import signal

import click

from chronik.cli.article_commands import article, articles, export, reason, search
from chronik.cli.entity_commands import entities, entity
from chronik.cli.eval_commands import evaluate
from chronik.cli.ingest_commands import analyze, ingest, reanalyze, run, watch
from chronik.cli.progress import _bar as _bar
from chronik.cli.render import _when as _when
from chronik.cli.root import _STOPPED_BY as _STOPPED_BY
from chronik.cli.root import _terminated, cli
from chronik.cli.serve_command import serve
from chronik.cli.story_commands import merge, split, stories, story
from chronik.cli.train_commands import train

__all__ = ["cli", "main"]

# Added here, not by each module's decorators: one list, in one order, names them all.
_COMMANDS: list[click.Command] = [ingest, watch, articles, article, reason, stories, entities]
_COMMANDS += [entity]
_COMMANDS += [story, merge, split, search, export, analyze, reanalyze, run, serve, evaluate, train]
for _command in _COMMANDS:
    cli.add_command(_command)


def main() -> None:
    # SIGTERM (`timeout`, systemd, `docker stop`) ends a run as Ctrl-C does: the article in
    # hand stored whole, the counts said; it had ended an ingest without a word (review 71).
    signal.signal(signal.SIGTERM, _terminated)
    # "chronik" in usage lines and hints, also under `python -m chronik`.
    cli(prog_name="chronik")
