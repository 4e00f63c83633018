"""`articles`, `article`, `search` and `export`: the stored articles read back."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import click

from chronik.arguments import page_total
from chronik.cli.params import _COUNT, _DAY, _DAY_FORMS, _FILTER, _LIMIT, _Words
from chronik.cli.render import (
    _echo_json,
    _merged_notice,
    _none,
    _page_note,
    _print_articles,
    comparison_lines,
    reason_lines,
)
from chronik.cli.root import _app, _option_named
from chronik.errors import Code
from chronik.export import article_record, writer
from chronik.store import store_files


@click.command()
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
    none = _none("articles", offset, filtered=bool(story_id), total=total)
    _print_articles(found, as_json, none, total=total)
    _page_note("articles", len(found), offset, total, as_json)


@click.command()
@click.argument("article_id")
@click.pass_context
def article(ctx: click.Context, article_id: str) -> None:
    """Print one stored article as JSON."""
    with _app(ctx) as app:
        found = app.article(article_id)
    _echo_json(article_record(found))


@click.command()
@click.argument("article_id")
@click.option(
    "--story",
    "story_id",
    help="Instead: whether the article would join this story now, were it the only one.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def reason(ctx: click.Context, article_id: str, story_id: str | None, as_json: bool) -> None:
    """Print why the story engine put an article in its story (or would put it in another)."""
    if story_id is not None:
        _comparison(ctx, article_id, story_id, as_json)
        return
    with _app(ctx) as app:
        found = app.reason(article_id)
        now = app.article(article_id).story_id
        summaries = {s: app.story_summary(s) for s in {found.candidate, now} if s}
    if as_json:
        _echo_json(found.to_dict())
        return
    stories = {s: (summary.id, summary.title) for s, summary in summaries.items()}
    for line in reason_lines(found, now, stories):
        click.echo(line)


def _comparison(ctx: click.Context, article_id: str, story_id: str, as_json: bool) -> None:
    with _app(ctx) as app:
        found = app.reason(article_id, story_id)
        title = app.story_summary(found.story_id).title
    if as_json:
        _echo_json(found.to_dict())
        return
    for line in comparison_lines(found, title):
        click.echo(line)


@click.command()
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


@click.command()
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
    _not_the_store(ctx, getattr(output, "name", "-"))
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


def _not_the_store(ctx: click.Context, name: str) -> None:
    """A usage error where ``-o`` names the store's own file (or one SQLite keeps beside
    it), before either is opened: writing there had emptied the store, and every article
    was lost (review 275)."""
    if name == "-":
        return
    output = Path(name)
    for kind, store in store_files(str(ctx.obj.db)).items():
        same = output.resolve() == store.resolve()
        if same or (output.exists() and store.exists() and output.samefile(store)):
            what = "the store" if kind == "store" else f"the store's {kind} file"
            message = f"{name!r} is {what}: writing there would destroy it; name another file"
            raise click.BadParameter(message, ctx, param_hint="'-o' / '--output'")
