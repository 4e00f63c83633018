"""``Chronik.analyze`` and ``Chronik.check_analysis``: one input analysed without a store,
and the settings that name analysis checked before any work."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from chronik.arguments import checked_time, setting_named
from chronik.errors import ChronikError, Code, InputError
from chronik.ingest.document import Document, Item, is_plain_address
from chronik.ingest.readers import read_text
from chronik.ingest.sources import iter_documents, read_bytes
from chronik.model import Article
from chronik.options import Options
from chronik.plugins import load_plugins
from chronik.revisions import check_published
from chronik.stories.embedding import check_embedder


def analyse_one(
    options: Options, article: str | bytes | Path, published: datetime | str | None
) -> Article:
    """What ``Chronik.analyze`` documents."""
    # A mistyped component, NER backend or extractor is named where it was set, as ingest
    # names it ("[E110] CHRONIK_PIPELINE: …"); analyze had said only "[E110] unknown
    # analysis component" (review 164). It embeds nothing, so its embedder is not asked.
    check_analysis(options, embedding=False)
    published = publication_time(published)
    where, items = _read_one(options, article)
    found = list(items)
    documents = [item for item in found if isinstance(item, Document)]
    if len(documents) > 1:
        raise InputError(Code.E006, where)
    # A broken part is the input's error, as ingest reports it: a feed cut short had
    # printed its one good item and succeeded (review 59).
    errors = (item for item in found if isinstance(item, InputError))
    if not documents or len(documents) < len(found):
        raise next(errors, InputError(Code.E005, where))
    first = documents[0]
    if published:
        check_published(published, where)  # before the work, where it was given
        first.published = published
    # Named as the reader named the input, with the line of a JSONL file as ingest
    # names it ("items.jsonl: line 7"), not by the article's id.
    named = first.origin if isinstance(article, Path) else where
    load_plugins()
    from chronik.analysis.pipeline import analyze  # see check_analysis

    try:
        analysed = analyze(first, options)
    except InputError as exc:
        raise exc.at(named) from None
    # The input's own date too, as ingest refuses it (review 48).
    check_published(analysed.published, named)
    return analysed


def _read_one(options: Options, article: object) -> tuple[str, Iterable[Item]]:
    """Where the input is, as an error names it, and what its reader makes of it."""
    named = isinstance(article, Path) or is_address(article)
    if named:
        items: Iterable[Item] = iter_documents([str(article)], options)
    elif isinstance(article, bytes):
        items = read_bytes(article, "<bytes>", options)
    elif isinstance(article, str):
        # A lone surrogate (text cut from JSON or a file system) becomes "?", as in JSONL.
        items = read_text(article.encode("utf-8", "replace"), "<text>")
    else:
        kind = "an article's text, bytes or a Path"
        raise ChronikError(Code.E113, name="article", value=article, kind=kind)
    where = str(article) if named else f"<{type(article).__name__}>"
    return ("<stdin>" if where == "-" else where), items


def is_address(article: object) -> bool:
    """Whether ``analyze`` is given a web address to fetch, as ``ingest`` fetches one: a
    ``str`` that is an http(s) address alone, which as an article's text would be E005.
    `chronik analyze https://…` had read it as the path "https:/…" (review 247)."""
    return isinstance(article, str) and is_plain_address(article)


def check_analysis(options: Options, embedding: bool = True) -> None:
    """What ``Chronik.check_analysis`` documents, each time it is called; ``embedding``:
    also the embedding backend, which stories need and ``analyze`` does not."""
    # Imported here, as the event grammar below: the pipeline brings the page extractor
    # and the NER rules (half a second), which a command that only reads the store
    # never uses.
    from chronik.analysis.ner import check_backend
    from chronik.analysis.pipeline import check_pipeline

    load_plugins()
    with setting_named("pipeline"):
        check_pipeline(options)
    if "ner" in options.pipeline:
        with setting_named("ner_backend"):
            check_backend(options.ner_backend)
    if "events" in options.pipeline:
        # Imported here: a command that only reads the store had waited for the event
        # grammar (review 114).
        from chronik.analysis.events import check_extractor

        with setting_named("event_extractor"):
            check_extractor(options.event_extractor)
    if embedding:
        with setting_named("embedding_backend"):
            check_embedder(options.embedding_backend)


def publication_time(published: object) -> datetime | None:
    """A publication time given to ``analyze`` or ``ingest``: a datetime (one without a zone
    is UTC, as in input), ISO 8601 or RFC 2822 text, or None; E111 for anything else."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published if published.tzinfo else published.replace(tzinfo=UTC)
    if isinstance(published, str):
        return checked_time(published)
    raise ChronikError(Code.E111, value=published)
