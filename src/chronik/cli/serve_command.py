"""`serve`: the web application and REST API, polling feeds while it runs."""

from __future__ import annotations

import click
from click.core import ParameterSource

from chronik.cli.ingest_commands import _feed_list
from chronik.cli.params import _EVERY_HELP, _seconds
from chronik.cli.root import _bad_input


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
# Read by the command, not checked by click, as `watch` reads its FEEDS_FILE: a file that
# is not there had been a usage error (E280, exit 2) here and E050 with exit 1 there (review 175).
@click.option(
    "--watch",
    "feeds_file",
    type=click.Path(),
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
    feeds_file: str | None,
    follow: bool,
    every: str,
    token: str | None,
) -> None:
    """Run the web application and REST API (open http://HOST:PORT/)."""
    from chronik.web import serve as run_server

    options = ctx.obj.with_(token=token or ctx.obj.token)
    with _bad_input():
        watched = _feed_list(feeds_file) if feeds_file is not None else []
    feeds = watched + (list(options.feeds) if follow else [])
    interval = _seconds(every)
    if not feeds and ctx.get_parameter_source("every") is ParameterSource.COMMANDLINE:
        click.echo("chronik: warning: --every polls nothing without --watch or --follow", err=True)
    run_server(options, host, port, feeds, interval)
