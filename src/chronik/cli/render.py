"""What the commands print: one JSON document, or text lines of articles, stories and events."""

from __future__ import annotations

import json
from typing import Any

import click

from chronik.model import Article, Reason, Story, article_summary, search_snippet


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


def _merged_notice(gone: str, into: str) -> None:
    click.echo(f"chronik: story {gone} was merged into {into}", err=True)


def _none(kind: str, offset: int, filtered: bool, total: int) -> str:
    """What an empty list says on stderr (stdout stays a list, empty): an empty screen had
    read as a command that did nothing (review 71). Past the last page of a filtered list
    (``--type LOC --offset 5000``) there are some, only not there: it had said "no
    entities match" of 333 places (review 247)."""
    if filtered and not total:
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


def reason_lines(reason: Reason, now: str | None, stories: dict[str, tuple[str, str]]) -> list[str]:
    """``chronik reason``'s text: the decision, the score's parts, what was shared, and the
    story the article is in now where a merge or split moved it since; ``stories`` maps the
    candidate's id and that story's to the id and title each leads to now."""
    lines = [f"{'joined' if reason.joined else 'founded'} story {reason.story_id} ({reason.path})"]
    if reason.candidate is None:
        near = " or came near by embedding" if reason.path == "embedded" else ""
        lines.append(f"  no story in the window shared a term with it{near}")
    else:
        against = "≥" if reason.joined else "<"
        lines.append(
            f"  {'best' if reason.joined else 'nearest'} story {reason.candidate}"
            f"{_named(reason.candidate, stories)}: "
            f"score {reason.score:.3f} {against} cut {reason.cut:.3f}"
        )
        lines += _parts(reason)
    if reason.merged:
        lines.append(f"  merged into it: {', '.join(reason.merged)}")
    if reason.split_from:
        lines.append(f"  split off from story {reason.split_from} by the same decision")
    if now and now != reason.story_id:
        moved = f"  now in story {now}{_named(now, stories)}"
        lines.append(f"{moved} (moved by a merge or split since)")
    return lines


def comparison_lines(reason: Reason, title: str) -> list[str]:
    """``chronik reason ID --story S``'s text: whether the article would join the story
    (titled ``title``) were it the only one, by which path, the score and what is shared."""
    would = "would join" if reason.joined else "would not join"
    head = f"{would} story {reason.story_id} “{title}” ({reason.path})"
    if reason.candidate is None:
        why = _NOT_COMPARED.get(reason.not_compared or "", _NOT_COMPARED[""])
        return [head, f"  not compared: {why}"]
    against = "≥" if reason.joined else "<"
    return [f"{head}: score {reason.score:.3f} {against} cut {reason.cut:.3f}", *_parts(reason)]


# Why a replay compared the article with nothing (``Reason.not_compared``), in words.
_NOT_COMPARED = {
    "no earlier article": "the story has no article stored before this one (the article"
    " founded it, or its other articles came later)",
    "no shared term": "the story shares no name or word with the article",
    "beyond the window": "the story's latest article is farther than the story window",
    "another affair": "the article's headline names a place of another affair",
    "": "the story shares no name or word with the article, its latest article is farther"
    " than the story window, or the article's headline names a place of another affair",
}


def _parts(reason: Reason) -> list[str]:
    """The score's parts and the terms shared, as both texts give them."""
    parts = [("lexical", reason.lexical), ("embedding", reason.embedding)]
    parts += [("time", reason.time), ("size prior", reason.prior)]
    lines = ["  " + " · ".join(f"{k} {v:.3f}" for k, v in parts if v is not None)]
    return lines + ([f"  shared: {', '.join(reason.shared)}"] if reason.shared else [])


def _named(story_id: str, stories: dict[str, tuple[str, str]]) -> str:
    """A story's title; for one merged away since, the story it went into with that one's
    title, so that an old id never stands beside another story's title."""
    into, title = stories.get(story_id, (story_id, ""))
    titled = f" “{title}”" if title else ""
    return titled if into == story_id else f" (since merged into {into}{titled})"
