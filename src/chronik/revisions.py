"""What an input changes in the store, decided before and after its analysis: nothing (the
article as stored, an older revision of it, a feed's teaser of a page stored in full, a copy
of a stored text under another URL), or it is refused (a publication time no news has).
``chronik.app``'s ingest path (``chronik._app.ingesting``) asks these questions of every
input it ingests.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from chronik.errors import Code, InputError
from chronik.ingest.document import Document
from chronik.model import Article
from chronik.store import Store, Stored


def unchanged(store: Store, known: Stored | None, article: Article, document: Document) -> bool:
    """An input that adds nothing changes nothing: the article as stored (``known``); an
    older revision of it, by its bytes or its content (a file that holds two versions of one
    URL, ingested twice; the same text under a tracking parameter); a feed's teaser of a
    page stored in full (``--fetch`` before, or a fetch that failed now); and a new article
    with the very text of a stored one (one page under two URLs), where that text is long
    enough to be a copy rather than a recurring headline."""
    if known is None:
        return _long_enough(article) and store.duplicate_of(article.content_hash) is not None
    if known.content_hash == article.content_hash:
        return True
    if document.format == "feed" and known.format == "html":
        return True
    return store.has_version(article.id, document.payload, article.content_hash)


def check_published(when: datetime | None, origin: str) -> None:
    """A publication time far ahead ("2999-01-01") or before any news ("0001-01-01") is a
    broken date, and one would hold the story engine's window for every later article:
    refused, not stored (nor analysed with, review 46)."""
    ahead = datetime.now(UTC) + timedelta(days=1)
    if when is not None and not _EARLIEST_PUBLISHED <= when <= ahead:
        raise InputError(Code.E008, origin, time=when.isoformat())


_EARLIEST_PUBLISHED = datetime(1800, 1, 1, tzinfo=UTC)


def older_revision(article: Article, document: Document, known: Stored) -> bool:
    """Whether the input is an older version of the stored article than its current one,
    by their publication times: an archive read after the live page. Only between inputs
    of one kind: a feed's date for its teaser and a page's own for the full text are not
    on one clock (a page two minutes "older" than its teaser had been shut out for good)."""
    if document.format != known.format or not (article.published and known.published):
        return False
    return article.published < known.published


# Words besides the title that make two texts under two URLs one article: a daily liveblog's
# bare title, a recurring column's teaser or an agency flash repeat by nature.
_COPY_WORDS = 40


def _long_enough(article: Article) -> bool:
    return len(article.text.split()) - len(article.title.split()) >= _COPY_WORDS
