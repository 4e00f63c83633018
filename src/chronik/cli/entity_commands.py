"""`entities` and `entity`: the people, places and organisations the articles name."""

from __future__ import annotations

from dataclasses import asdict
from functools import partial

import click

from chronik.arguments import page_total
from chronik.cli.params import _COUNT, _FILTER, _LIMIT, _UpperChoice
from chronik.cli.render import _count, _echo_json, _none, _page_note, _print_articles, _story_row
from chronik.cli.root import _app
from chronik.export import entity_record
from chronik.model import ENTITY_TYPES


@click.command()
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
        filtered = bool(entity_type or name)
        click.echo(_none("entities", offset, filtered, total), err=True)
    for e in found:
        click.echo(f"{e.id}  {e.type:<4} {e.mention_count:>5}  {e.name}")
    _page_note("entities", len(found), offset, total, as_json)


@click.command()
@click.argument("entity")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def entity(ctx: click.Context, entity: str, as_json: bool) -> None:
    """Print one entity (by id, name or alias): its stories and the articles naming it."""
    with _app(ctx) as app:
        found = app.entity_named(entity)
        named_in = app.entity_articles(found.id)
        stories = app.entity_stories_counted(found.id)
    if as_json:
        _echo_json(entity_record(found, named_in, [s.id for s, _ in stories]))
        return
    mentions = _count(found.mention_count, "mention")
    click.echo(f"{found.id}  {found.type}  {found.name}  ({mentions})")
    if found.aliases:
        click.echo(f"  aliases: {', '.join(found.aliases)}")
    for s, naming in stories:
        click.echo(f"  story: {_story_row(s)}  ({naming} name it)")
    _print_articles(named_in, False, "chronik: no articles name it")
