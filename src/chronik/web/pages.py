"""The server-rendered pages: front page, story, article, entity and search.

Routes call the Python API (``chronik.Chronik``; a story page its ``story_report``), shape
what it returns for the page with ``queries`` (a time axis, counts per day, links) and hand
it to a template; no analysis and no story logic happen here.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from datetime import date
from functools import partial
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
import markupsafe
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from chronik.app import Chronik
from chronik.arguments import MAX_COUNT, page_total
from chronik.errors import ChronikError, Code
from chronik.model import ENTITY_TYPES, Article, Entity, search_snippet
from chronik.options import Options
from chronik.store import safe_target
from chronik.stories import summary
from chronik.stories.timeline import unglued
from chronik.web import queries, view
from chronik.web.deps import chronik, moved
from chronik.web.i18n import COOKIE, Translator, languages, negotiate

App = Annotated[Chronik, Depends(chronik)]
router = APIRouter(include_in_schema=False)


def _environment() -> jinja2.Environment:
    folder = resources.files("chronik.web") / "templates"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,  # every page; article text and metadata are never trusted
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.filters["code_spans"] = _code_spans
    env.filters["label"] = _label
    env.filters["label_lang"] = _label_lang
    env.filters["named"] = _named
    env.filters["snippet"] = search_snippet  # a search hit's sentence, as the CLI prints it
    env.filters["unglued"] = unglued  # a live blog's run-together headlines, apart
    return env


@jinja2.pass_context
def _named(
    context: jinja2.runtime.Context, name: str, names: dict[str, dict[str, str]], language: str
) -> markupsafe.Markup:
    """A name from the data (an event's actor or place, a source) in the page's language,
    where the story's entity of that name has a label in it ("Vereinigte Staaten" is
    "United States" on an English page); else as the articles wrote it, marked with their
    language (``source_lang``) where that is not the page's: "Weißes Haus" and "Die
    Unterzeichner" on an English page had been read by a screen reader as English."""
    label = names.get(name, {}).get(language)
    source = context.get("source_lang") or language
    if label or not name or source == language:
        return markupsafe.escape(label or name)
    return markupsafe.Markup('<span lang="{}">{}</span>').format(source, name)


def _label(entity: Entity | summary.EntityCount, language: str) -> str:
    """An entity's name in the page's language where it has one ("Russia" for Russland)."""
    return entity.labels.get(language) or entity.name


def _label_lang(entity: Entity | summary.EntityCount, language: str) -> markupsafe.Markup:
    """The ``lang`` attribute of an entity's name where the page has no label for it: the
    name is then as the articles wrote it, German ("Weißes Haus", "Universität Göttingen"),
    which a screen reader on an English page had read with English sounds."""
    if language == "de" or entity.labels.get(language):
        return markupsafe.Markup("")
    return markupsafe.Markup(' lang="de"')


def _code_spans(text: str) -> markupsafe.Markup:
    """A docstring's `code` and ``code`` as code, everything else escaped."""
    pieces = _CODE.split(text)  # odd pieces are the code
    return markupsafe.Markup("").join(
        markupsafe.Markup("<code>{}</code>").format(piece) if i % 2 else markupsafe.escape(piece)
        for i, piece in enumerate(pieces)
    )


_CODE = re.compile(r"``?([^`]+)``?")
templates = Jinja2Templates(env=_environment())


def compile_templates() -> None:
    """Compile every page's template before a request needs it: compiling the story page's
    three had been 0.2-0.3 s of the first view of a story after a start (review 254)."""
    for name in templates.env.list_templates():
        templates.env.get_template(name)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page in the request's language; an explicit ``?lang=`` is remembered in a cookie."""
    language = negotiate(request)
    other = next(code for code in languages() if code != language)
    context = {
        **context,
        "t": Translator(language),
        "lang": language,
        "other_lang": other,
        "switch_url": _switch_url(request, other),
    }
    response = templates.TemplateResponse(request, name, context, status_code=status)
    # The language comes from these: a cache must not give one reader's page to another.
    response.headers["Vary"] = "Cookie, Accept-Language"
    if request.query_params.get("lang") == language:
        response.set_cookie(COOKIE, language, max_age=365 * 86400, samesite="lax")
    return response


def _switch_url(request: Request, language: str) -> str:
    """This page in ``language``, as a link relative to the server: the request's Host
    header (another name behind a proxy, or anything a client sends) is not part of it."""
    return str(request.url.include_query_params(lang=language).replace(scheme="", netloc=""))


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """Every endpoint of the OpenAPI schema, rendered here: no scripts, nothing fetched."""
    schema = request.app.openapi()
    return render(request, "api.html", {"endpoints": _endpoints(schema)})


def _endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            parameters = [_parameter(p) for p in operation.get("parameters", [])]
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": parameters,
                    "body": sorted(operation.get("requestBody", {}).get("content", {})),
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return rows


def _parameter(spec: dict[str, Any]) -> dict[str, Any]:
    """A parameter as the page lists it: with what it means, its default and its range,
    so that no one has to guess that a limit is 100 here and 50 there."""
    schema = spec.get("schema", {})
    low, high = schema.get("minimum"), schema.get("maximum")
    return {
        "name": spec["name"],
        "where": spec["in"],
        "required": spec.get("required", False),
        "description": spec.get("description", ""),
        "default": schema.get("default"),
        "range": f"{low}–{high}" if low is not None and high is not None else "",
    }


@router.get("/", response_class=HTMLResponse)
def front(request: Request, app: App) -> HTMLResponse:
    cards = queries.front_page(app)
    context = {"cards": cards, "newest": queries.newest(cards), "ingest": ingest_command(app)}
    return render(request, "front.html", context)


def ingest_command(app: Chronik) -> str:
    """The command that ingests into the store this server shows: a bare `chronik ingest`
    writes ./chronik.db, not the store of `serve --db news.db` (review 164)."""
    db = app.options.db
    if db == Options().db:
        return "chronik ingest"
    return f"chronik --db {shlex.quote(safe_target(db))} ingest"


STORIES_PER_PAGE = 50
RESULTS_PER_PAGE = 50
ENTITIES_PER_PAGE = 200
ENTITY_ARTICLES = 200  # the newest; the search, by the entity, pages through all
ENTITY_STORIES = 20  # those with the most articles that name it


@router.get("/stories", response_class=HTMLResponse)
def stories(
    request: Request, app: App, offset: Annotated[int, Query(ge=0, le=MAX_COUNT)] = 0
) -> HTMLResponse:
    """Every story, most recently continued first, a page at a time."""
    found = app.stories(limit=STORIES_PER_PAGE + 1, offset=offset)
    total = page_total(len(found), STORIES_PER_PAGE + 1, offset, app.count_stories)
    context = _paged(request, "stories", found, offset, STORIES_PER_PAGE, total)
    return render(request, "stories.html", context)


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story(request: Request, app: App, story_id: str) -> Response:
    report = app.story_report(story_id)
    found, articles = report.story, report.story.articles  # in timeline order
    if found.id != story_id:  # merged into another: its page is this one's now
        return RedirectResponse(moved(request, f"/story/{quote(found.id)}"), status_code=302)
    entries = report.entries
    drawn = queries.within_its_days(entries)
    drawn_axis = queries.axis(drawn)
    context = {
        "story": found,
        "articles": articles,
        "entries": entries,
        "events_of": queries.events_by_article(entries),
        "timeline": queries.folded([e for e in entries if e.kind == "article"]),
        "points": drawn_axis.points,
        "ticks": drawn_axis.ticks,
        "gap": drawn_axis.gap,
        "skipped_days": drawn_axis.skipped_days,
        # the events the axis leaves out, so that its caption can say they exist
        "off_axis": len(entries) - len(drawn),
        "publishers": summary.publishers(articles),
        "entities": summary.top_entities(articles, limit=15),
        "attributions": summary.attributions_by_source(articles),
        "story_events": summary.main_events(report.events),
        "changes": report.changes,
        "related": queries.related_stories(app, found),
        "history": report.history,
        "links": queries.history_links(app, found, report.history),
        "names": queries.entity_labels(articles),
        "source_lang": found.language or "de",
        "shown_sentences": summary.SHOWN_SENTENCES,
    }
    return render(request, "story.html", context)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(request: Request, app: App, article_id: str) -> HTMLResponse:
    found = app.article(article_id)
    context = {
        "article": found,
        "runs": view.runs(found),
        # Its title and id: a story of 50 articles read whole took a tenth of a second.
        "story": app.story_summary(found.story_id) if found.story_id else None,
        "related": queries.related_articles(app, found),
        "reason": (reason := queries.reason(app, found)),
        "nearest": queries.nearest_story(app, reason),
        "entities": summary.top_entities([found], limit=20),
        "attributions": summary.named_attributions(found),
    }
    return render(request, "article.html", context)


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request,
    app: App,
    type: str = "",
    name: str = "",
    offset: Annotated[int, Query(ge=0, le=MAX_COUNT)] = 0,
) -> HTMLResponse:
    """The most mentioned entities, of one type or by name (any case, any alias or label),
    a page at a time."""
    wanted = name.strip() or None
    found = app.entities(ENTITIES_PER_PAGE + 1, offset, type=type or None, name=wanted)
    count = partial(app.count_entities, type=type or None, name=wanted)
    total = page_total(len(found), ENTITIES_PER_PAGE + 1, offset, count)
    context = {
        **_paged(request, "entities", found, offset, ENTITIES_PER_PAGE, total),
        "type": type.upper(),
        "name": name.strip(),
        "types": ENTITY_TYPES,
    }
    return render(request, "entities.html", context)


@router.get("/entity/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, app: App, entity_id: str) -> HTMLResponse:
    found = app.entity_named(entity_id)  # as `chronik entity` and the API find one
    # The chart counts the mentions in all its articles, the list shows the newest: a chart
    # of the 200 listed had shown Trump's last five months beside his 1,275 mentions in a
    # year, as if they were all (review 124). The times come from the store alone: the
    # articles of the USA (922) took 0.6 s to load for it.
    articles = app.entity_articles(found.id, ENTITY_ARTICLES)
    # One more than shown: the page says when there are more (it had stopped at 20 silently).
    stories = app.entity_stories_counted(found.id, ENTITY_STORIES + 1)
    times = app.entity_mention_times(found.id)
    unit, bins = queries.mentions_over_time(times)
    full = len(articles) == ENTITY_ARTICLES
    total = app.search_total(entity=found.id) if full else len(articles)
    context = {
        "entity": found,
        "articles": articles,
        "capped": total > len(articles),
        "total_articles": total,
        "stories": stories[:ENTITY_STORIES],
        "more_stories": len(stories) > ENTITY_STORIES,
        "days": bins,
        "unit": unit,
        "ends": queries.first_and_last_day(times),
    }
    return render(request, "entity.html", context)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    app: App,
    q: str = "",
    entity: str = "",
    since: str = "",
    until: str = "",
    publisher: str = "",
    language: str = "",
    offset: Annotated[int, Query(ge=0, le=MAX_COUNT)] = 0,
) -> HTMLResponse:
    start, end = _day(since), _day(until)
    # A blank field is no filter, as in the API; a filled one that is no day is a slip.
    bad_since = bool(since.strip()) and start is None
    bad_until = bool(until.strip()) and end is None
    bad_date = bad_since or bad_until
    known = app.find_entity(entity.strip())
    unknown = bool(entity.strip()) and known is None
    wanted = known.id if known else entity
    fields = (q, wanted, start, end, publisher, language, RESULTS_PER_PAGE + 1, offset)
    query = queries.search_form(*fields)
    # An unknown entity is said on the page, with no results, not an error page.
    searched = not (query.empty or bad_date or unknown)
    found, slip = _found(app, query) if searched else ([], None)
    total = queries.search_total(app, query, found) if found else 0
    context = {
        "query": query,
        "story_titles": queries.story_titles(app, found[:RESULTS_PER_PAGE]),
        "raw": request.query_params,
        **_paged(request, "results", found, offset, RESULTS_PER_PAGE, total),
        **_date_fields(bad_since, bad_until),
        "entity": known,
        "unknown_entity": unknown,
        "slip": f"[{slip.code.name}] {slip.summary}" if slip else "",
        # the fields a slip is in, marked invalid and described by the error under the form
        "slip_fields": _SLIP_FIELDS.get(slip.code.name, ()) if slip else (),
    }
    # A date of the wrong form is a 422, as on the other pages, but the form stays to fix it.
    return render(request, "search.html", context, 422 if bad_date else 400 if slip else 200)


_SLIP_FIELDS = {"E112": ("since", "until"), "E114": ("q",)}


def _date_fields(bad_since: bool, bad_until: bool) -> dict[str, Any]:
    """Whether a date field holds no day, and the type each field is shown as: a date field
    drops a value of the wrong form, as text it stays there to fix."""
    return {
        "bad": bad_since or bad_until,
        "bad_since": bad_since,
        "bad_until": bad_until,
        "since_type": "text" if bad_since else "date",
        "until_type": "text" if bad_until else "date",
    }


def _found(app: Chronik, query: queries.SearchForm) -> tuple[list[Article], ChronikError | None]:
    """The search's results, or none and the slip a reader made in the form: a since after
    the until (E112), more words than a search takes (E114). These are said under the form,
    kept to correct, not on an error page that loses it; the status stays the API's."""
    try:
        return queries.search(app, query), None
    except ChronikError as failure:
        if failure.code not in _FORM_SLIPS:
            raise
        return [], failure


_FORM_SLIPS = (Code.E112, Code.E114)


def _paged(
    request: Request, key: str, found: Sequence[Any], offset: int, per_page: int, total: int
) -> dict[str, Any]:
    """One page of a list asked for one item longer (so that ``more`` says whether a next
    page has any), under ``key``, with what the ``pager`` macro needs, the ``total`` of
    items on all pages, this page's number and the number of pages: the stories, the
    entities and the search's results are paged alike."""
    page, pages = _page_of(offset, total, per_page)
    return {
        key: found[:per_page],
        "more": len(found) > per_page,
        "offset": offset,
        "per_page": per_page,
        "page_url": _page_url(request),
        "total": total,
        "page": page,
        "pages": pages,
    }


def _page_of(offset: int, total: int, per_page: int) -> tuple[int, int]:
    """This page's number and the number of pages, also for an offset typed by hand
    between two pages ("?offset=199": items 200 to 249 are page 5, not 4, and the pages
    before it are counted from it)."""
    page = -(-offset // per_page) + 1
    return page, max(page, page - 1 + -(-(total - offset) // per_page))


def _page_url(request: Request) -> str:
    """The page's address without its offset, ready for a pager to add one to ("…?q=x&")."""
    kept = [(key, value) for key, value in request.query_params.multi_items() if key != "offset"]
    return f"{request.url.path}?{urlencode(kept)}{'&' if kept else ''}"


def _day(value: str) -> date | None:
    """The form's day, or None for one of the wrong form: the page says so."""
    try:
        return queries.day(value)
    except ChronikError:
        return None
