"""`stories` and `story`, and the hand edits `merge` and `split`."""

from __future__ import annotations

import click

from chronik.arguments import SHOWN_SENTENCES, page_total
from chronik.cli.params import _COUNT, _LIMIT
from chronik.cli.render import (
    _count,
    _echo_json,
    _merged_notice,
    _none,
    _of_event,
    _page_note,
    _print_entry,
    _print_event,
    _print_story,
    _shown_titles,
    _story_line,
    _story_row,
)
from chronik.cli.root import _app
from chronik.export import change_text, story_record


@click.command()
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
        click.echo(_none("stories", offset, filtered=False, total=total), err=True)
    for s in found:
        click.echo(_story_row(s))
    _page_note("stories", len(found), offset, total, as_json)


@click.command()
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


@click.command()
@click.argument("gone")
@click.argument("into")
@click.pass_context
def merge(ctx: click.Context, gone: str, into: str) -> None:
    """Move every article of story GONE into story INTO (logged in both histories)."""
    with _app(ctx) as app:
        _print_story(app.merge_stories(gone, into))


@click.command()
@click.argument("story_id")
@click.argument("article_ids", nargs=-1, required=True)
@click.pass_context
def split(ctx: click.Context, story_id: str, article_ids: tuple[str, ...]) -> None:
    """Move the articles ARTICLE_IDS of story STORY_ID into a new story (logged in both)."""
    with _app(ctx) as app:
        _print_story(app.split_story(story_id, article_ids))
