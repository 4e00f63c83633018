"""The REST API under ``/api``: JSON records shaped exactly as ``chronik export`` and the
CLI write them (``chronik.export``), from calls of the Python API (``chronik.Chronik``;
``queries`` only adapts a search form's fields and related stories to it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from chronik.app import SHOWN_ERRORS, Chronik, IngestReport
from chronik.arguments import MAX_COUNT, named, page_total
from chronik.errors import ChronikError, Code
from chronik.export import article_record, entity_record, story_record
from chronik.ingest.readers import MEDIA_TYPES
from chronik.model import (
    Attribution,
    Block,
    Entity,
    Event,
    Mention,
    Reason,
    Sentence,
    Story,
    Timex,
    article_summary,
)
from chronik.web import queries
from chronik.web.deps import chronik, moved
from chronik.web.security import require_token

App = Annotated[Chronik, Depends(chronik)]
T = TypeVar("T")
Limit = Annotated[int, Query(ge=1, le=1000, description="How many to return.")]
Offset = Annotated[int, Query(ge=0, le=MAX_COUNT, description="How many to skip.")]


class ArticleRecord(BaseModel):
    """One article as `chronik export` writes it (see docs/export.md)."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(description="Stable id: from the normalised URL, else from the text.")
    title: str
    text: str = Field(description="Clean text; every offset counts characters in it.")
    url: str | None
    published: str | None = Field(description="Publication time, ISO 8601 (UTC).")
    publisher: str | None
    language: str | None
    blocks: list[Block] = Field(description="Structure with kind and stance per block.")
    metadata: dict[str, Any] = Field(
        description="Boilerplate kept aside: related_titles, image_credit, disclaimers, "
        "prompts, bylines (as docs/export.md lists them)"
    )
    sentences: list[Sentence]
    timexes: list[Timex]
    mentions: list[Mention]
    entities: list[Entity]
    attributions: list[Attribution]
    events: list[Event]
    story_id: str | None


class ArticleSummary(BaseModel):
    id: str
    title: str
    url: str | None
    published: str | None
    publisher: str | None
    language: str | None
    story_id: str | None


class StoryRecord(BaseModel):
    """A story as `chronik story --json` prints it; ``articles`` are in time order."""

    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    size: int = Field(description="Number of articles.")
    articles: list[ArticleSummary]


class StoryDetail(StoryRecord):
    related: list[str] = Field(description="Ids of related stories.")
    timeline: list[dict[str, Any]] = Field(
        description="The articles in timeline order, each with the sentences and the "
        "entities it adds (new_sentences, new_entities; as `chronik story --json`)."
    )
    events: list[dict[str, Any]] = Field(
        description="The story's events with their history and changes "
        "(the rows of `chronik export --format events`)."
    )
    changes: list[dict[str, Any]] = Field(
        description="What later reports changed, once each, as the story's page lists it: "
        "kind (location, time, confirmed, denied; dead, injured), event_type ('casualties' for a "
        "count), actors, before, after, article_id."
    )
    casualties: list[dict[str, Any]] = Field(
        description="Where a later article counts more dead or injured than any before it: "
        "kind (dead, injured), before, after, article_id (as `chronik story --json`)."
    )
    history: list[dict[str, Any]] = Field(
        description="How the story came about and changed, oldest first: created, merged, "
        "absorbed, split, split_from (as `chronik story --json`)."
    )


class StoryMerge(BaseModel):
    into: str = Field(description="The story that takes every article of this one.")


class StorySplit(BaseModel):
    # No length bound here: none or all of the articles is the same E200 (400) as in the
    # CLI, from the one place that decides it.
    articles: list[str] = Field(description="Ids of some (not all) of this story's articles.")


_TOTAL = "How many the list has on all its pages together."


class ArticleList(BaseModel):
    """Summaries, as in every list of articles (`chronik articles --json`): a record is one
    `GET /api/articles/{id}` away."""

    articles: list[ArticleSummary]
    total: int = Field(description=_TOTAL)


class StoryList(BaseModel):
    stories: list[StoryRecord]
    total: int = Field(description=_TOTAL)


class EntityList(BaseModel):
    entities: list[Entity]
    total: int = Field(description=_TOTAL)


class EntityDetail(BaseModel):
    entity: Entity
    articles: list[ArticleSummary] = Field(description="Articles that mention it, in order.")
    stories: list[str] = Field(description="Ids of the stories it appears in.")


class IngestResult(BaseModel):
    """What an ingest or reanalysis did; ``errors`` has one line per input that failed, the
    first 1,000 of them and then a line that says how many more."""

    inserted: int
    revised: int
    unchanged: int
    failed: int
    errors: list[str]


class Problem(BaseModel):
    detail: str


class IngestProblem(IngestResult):
    """An ingest of which nothing could be read: the first error, and the counts."""

    detail: str


_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such article, story or entity."}
}
# Any route may meet a failing or locked store, and any parameter may come in the wrong
# form: Chronik answers that with one E270 line, not FastAPI's list of validation errors.
_STORE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "model": Problem,
        "description": "A query string that is no UTF-8 (E270), a day range that ends before "
        "it starts (E112), a search of too many words (E114), a time that is none (E111) or "
        "a value the store cannot use (E110, E200).",
    },
    422: {"model": Problem, "description": "A parameter or body of the wrong form (E270)."},
    503: {
        "model": Problem,
        "description": "The store cannot be opened (E230), failed (E240) or stayed locked (E241).",
    },
}
_WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Missing or wrong token."},
    403: {"model": Problem, "description": "Writing is disabled: no token is configured."},
    413: {"model": Problem, "description": "The body is larger than Options.max_bytes."},
}
_UNREADABLE: dict[int | str, dict[str, Any]] = {
    422: {"model": IngestProblem, "description": "Nothing in the body could be read."},
}

router = APIRouter(prefix="/api", tags=["api"], responses=_STORE_ERRORS)


def _story(story: Story) -> dict[str, Any]:
    return story.to_dict()


@router.get(
    "/articles", response_model=ArticleList, responses=_ERRORS, summary="Articles in time order"
)
def list_articles(
    app: App,
    limit: Limit = 100,
    offset: Offset = 0,
    story: Annotated[
        str, Query(description="Only this story's articles (an empty value is none).")
    ] = "",
) -> dict[str, Any]:
    """Stored articles, oldest first; ``story`` keeps those of one story."""
    # An empty parameter, as a form sends it, is no filter (docs/web.md): `?story=` had
    # been a 404 for the story ''.
    wanted = story.strip() or None
    found = app.articles(limit=limit, offset=offset, story_id=wanted)
    total = page_total(len(found), limit, offset, partial(app.count_articles, story_id=wanted))
    return {"articles": [article_summary(a) for a in found], "total": total}


@router.get(
    "/articles/{article_id}", response_model=ArticleRecord, responses=_ERRORS, summary="One article"
)
def get_article(app: App, article_id: str) -> dict[str, Any]:
    """One article with its whole analysis, as one line of `chronik export`."""
    return article_record(app.article(article_id))


@router.get(
    "/articles/{article_id}/reason",
    response_model=Reason,
    responses=_ERRORS,
    summary="Why an article is in its story",
)
def get_reason(
    app: App,
    article_id: str,
    story: Annotated[
        str,
        Query(
            description="Instead: whether the article would have joined this story, were it"
            " the only one (an empty value is none)."
        ),
    ] = "",
) -> dict[str, Any]:
    """Why the story engine put the article in its story, as `chronik reason --json`
    (404 with E104 for an article placed before reasons were kept); with ``story``, as
    `chronik reason ID --story S --json` (404 with E101 for no such story)."""
    return app.reason(article_id, story.strip() or None).to_dict()


@router.get("/stories", response_model=StoryList, summary="Stories, most recently active first")
def list_stories(app: App, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stories with their articles in time order, as `chronik stories --json`."""
    found = app.stories(limit=limit, offset=offset)
    total = page_total(len(found), limit, offset, app.count_stories)
    return {"stories": [_story(s) for s in found], "total": total}


_MOVED: dict[int | str, dict[str, Any]] = {
    307: {"description": "The story was merged into another: its address is in Location."}
}


@router.get(
    "/stories/{story_id}",
    response_model=StoryDetail,
    responses=_ERRORS | _MOVED,
    summary="One story",
)
def get_story(request: Request, app: App, story_id: str) -> Any:
    """A story with its timeline, its events and the ids of related stories; a story
    merged into another redirects to it (307)."""
    report = app.story_report(story_id)
    story = report.story
    if story.id != story_id:
        return RedirectResponse(moved(request, f"/api/stories/{quote(story.id)}"), 307)
    related = [s.id for s in queries.related_stories(app, story)]
    return story_record(report) | {"related": related}


# What the two hand corrections of a story share: they return a story and need the token.
_STORY_CHANGE: dict[str, Any] = {
    "response_model": StoryRecord,
    "responses": _ERRORS | _WRITE_ERRORS,
    "dependencies": [Depends(require_token)],
}


@router.post("/stories/{story_id}/merge", summary="Merge a story into another", **_STORY_CHANGE)
async def merge_story(request: Request, story_id: str, body: StoryMerge) -> dict[str, Any]:
    """As `chronik merge`: every article of this story moves into `into`; both histories log
    it. Returns the merged story."""
    return await _change(request, lambda app: app.merge_stories(story_id, body.into))


@router.post("/stories/{story_id}/split", summary="Split articles off a story", **_STORY_CHANGE)
async def split_story(request: Request, story_id: str, body: StorySplit) -> dict[str, Any]:
    """As `chronik split`: the named articles become a new story; both histories log it.
    Returns the new story."""
    return await _change(request, lambda app: app.split_story(story_id, body.articles))


def _as_day(value: object) -> object:
    """A day as `chronik search --since` reads it (a longer time counts by its day); an
    empty field, as a form sends it, is no filter. Another form is one E270 line, 422."""
    if not isinstance(value, str):
        return value
    try:
        return queries.day(value)
    except ChronikError as exc:
        raise ValueError(exc.summary) from exc


_DAY = BeforeValidator(_as_day)
_DAY_FORMS = "YYYY-MM-DD, or an ISO 8601 or RFC 2822 time"


@router.get("/search", response_model=ArticleList, responses=_ERRORS, summary="Search articles")
def search(
    app: App,
    q: Annotated[str, Query(description="Words to find (full text).")] = "",
    entity: Annotated[
        str, Query(description="Only articles that mention this entity (id, name or alias).")
    ] = "",
    since: Annotated[
        date | None, _DAY, Query(description=f"Published on or after this day ({_DAY_FORMS}).")
    ] = None,
    until: Annotated[
        date | None, _DAY, Query(description=f"Published on or before this day ({_DAY_FORMS}).")
    ] = None,
    publisher: Annotated[str, Query(description="Only this publisher (any case).")] = "",
    source: Annotated[str, Query(description="The old name of `publisher`.", deprecated=True)] = "",
    language: Annotated[str, Query(description="Only this language code, e.g. de.")] = "",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Full-text search and/or search by entity, filtered by time, publisher and language."""
    fields = (q, entity, since, until, publisher or source, language, limit, offset)
    with named("query.since/until", Code.E112):
        query = queries.search_form(*fields)
        found = queries.search(app, query)
        total = queries.search_total(app, query, found)
    return {"articles": [article_summary(a) for a in found], "total": total}


@router.get(
    "/entities",
    response_model=EntityList,
    summary="Entities, most mentioned first",
)
def list_entities(
    app: App,
    limit: Limit = 100,
    offset: Offset = 0,
    type: Annotated[str | None, Query(description="PER, LOC, ORG or MISC, in any case.")] = None,
    name: Annotated[
        str | None, Query(description="A name, alias or label, in any case (as `--name`).")
    ] = None,
    kind: Annotated[
        str | None, Query(description="The old name of `type`.", deprecated=True)
    ] = None,
) -> dict[str, Any]:
    """Normalised entities (people, places, organisations) with their mention counts."""
    wanted = type or kind or None  # an empty value, as a form sends it, is no filter
    with named("query.kind" if kind and not type else "query.type", Code.E110):
        found = app.entities(limit=limit, type=wanted, name=name, offset=offset)
        count = partial(app.count_entities, type=wanted, name=name)
        total = page_total(len(found), limit, offset, count)
    return {"entities": found, "total": total}


@router.get(
    "/entities/{entity_id:path}",
    response_model=EntityDetail,
    responses=_ERRORS,
    summary="One entity",
)
def get_entity(app: App, entity_id: str) -> dict[str, Any]:
    """An entity, by id, name or alias (the most mentioned of that name), with the articles
    that mention it and the stories it appears in."""
    found = app.entity_named(entity_id)
    return entity_record(found, app.entity_articles(found.id), app.entity_story_ids(found.id))


@router.post(
    "/ingest",
    response_model=IngestResult,
    responses=_WRITE_ERRORS | _UNREADABLE,
    dependencies=[Depends(require_token)],
    summary="Ingest a body of articles",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "JSONL (one article a line), plain text, HTML, a feed or WARC; "
            "the format is taken from Content-Type, else sniffed.",
            "content": {media: {"schema": {"type": "string"}} for media in MEDIA_TYPES},
        }
    },
)
async def ingest(
    request: Request,
    published: Annotated[
        str | None,
        Query(
            description="Publication time (ISO 8601 or RFC 2822) of each article whose input "
            "gives none (a plain text); another form is E111, 400."
        ),
    ] = None,
) -> Any:
    """Analyse, group into stories and store what the body holds, as `chronik ingest -`.
    A body none of which could be read is 422, with the counts and its first error as
    `detail`: a client that looks at the status alone must not take it for stored."""
    body = await request.body()  # within max_bytes: the Guard middleware counted it
    media_type = request.headers.get("content-type")
    with named("query.published", Code.E111):
        report = await run_in_threadpool(_ingest, request, body, media_type, published)
    answer = report.to_dict(max_errors=SHOWN_ERRORS)
    if report.failed and report.seen == report.failed:
        return JSONResponse({"detail": report.errors[0], **answer}, status_code=422)
    return answer


@router.post(
    "/reanalyze",
    response_model=IngestResult,
    responses=_WRITE_ERRORS,
    dependencies=[Depends(require_token)],
    summary="Re-run analysis on every stored input",
)
async def reanalyze(request: Request) -> dict[str, Any]:
    """As `chronik reanalyze`: ids and stories are kept."""
    return await _write(request, queries.reanalyze)


async def _write(request: Request, job: Callable[[Chronik], IngestReport]) -> dict[str, Any]:
    report = await _locked(request, job)
    return report.to_dict(max_errors=SHOWN_ERRORS)


async def _change(request: Request, job: Callable[[Chronik], Story]) -> dict[str, Any]:
    return _story(await _locked(request, job))


def _ingest(
    request: Request, body: bytes, media_type: str | None, published: str | None
) -> IngestReport:
    """An ingest takes the write lock for each article it stores, not while it analyses:
    a one-sentence POST had waited 38 s behind the analysis of a 1.2 MB one (review 71)."""
    options, lock = request.app.state.options, request.app.state.write_lock
    with Chronik(options=options, write_lock=lock) as app:
        return app.ingest_bytes(body, "api", media_type, published)


async def _locked(request: Request, job: Callable[[Chronik], T]) -> T:
    """Run a writing job in a thread, under the one write lock, on its own connection."""

    def run() -> T:
        with request.app.state.write_lock, Chronik(options=request.app.state.options) as app:
            return job(app)

    return await run_in_threadpool(run)
