"""Fields that more than one reader finds in an item: its publication time, its publisher and
its address. They are read in one place, so that a JSONL line and a feed item that say the
same give the same article, and so that analysis reads a page's own date and publisher as the
readers do. (A value quoted in an error is cut by chronik.errors.quoted.)
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from chronik.ingest.document import url_host

# The schemes of addresses that name a page; a feed's "urn:uuid:…" id or a JSONL line's
# "mailto:" names none.
WEB_SCHEMES = frozenset({"http", "https"})


def publisher_name(value: str | None) -> str | None:
    """A publisher given as the address of its feed or home page is named by its host
    ("https://www.tagesschau.de/api2u/homepage/" -> "tagesschau.de"), so that a search by
    publisher can name it; one with no host to read ("https://exa[mple.de/…") names none,
    not itself (review 45)."""
    if value is None or not value.lower().startswith(("http://", "https://")):
        return value
    return url_host(value).removeprefix("www.") or None


_BASIC_DATE = len("20250805")


def parse_time(value: str) -> datetime:
    """ISO 8601 (a trailing Z included) or RFC 2822, as feeds write it ("Tue, 05 Aug 2025
    10:00:00 GMT"); a time without zone is taken as UTC."""
    text = value.strip()
    if len(text) > _BASIC_DATE and text.isdigit():
        # Python reads 40 ones as 1111-11-11T11:11:11.111111, its extra digits dropped: an
        # ISO 8601 time is set off by a "T", and a date of digits alone has eight at most.
        raise ValueError(f"not a date: {value[:80]!r}")
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            raise ValueError(f"not a date: {value!r}") from None
        written = misread_year(value, when.year)
        if written is not None:
            raise MisreadYear(written) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


class MisreadYear(ValueError):
    """A date whose year would be read as another than the one written."""

    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year


# A clock time and the zone after it hold digits that are no year ("00:00:00 +1400").
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:\s*(?:[+-]\d{2}:?\d{2}|[A-Za-z]+))?")
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{3,4}(?!\d)")


def misread_year(value: str, year: int, slack: int = 0) -> int | None:
    """The year ``value`` writes in three or four digits where ``year``, the year read from
    it, is another, else None: email.utils reads "Mon, 01 Jan 0001 …" as 2001 (RFC 2822's
    rule for two-digit years), feedparser read "… 0001 00:00:00 +1400" as 1400, and a wrong
    date places an article in another era. ``slack`` allows for a time moved into UTC
    across New Year."""
    written = [int(y) for y in _WRITTEN_YEAR.findall(_CLOCK.sub(" ", value))]
    if not written or any(abs(y - year) <= slack for y in written):
        return None
    return written[0]


def placeholder_time(when: datetime) -> bool:
    """Whether a time is what a system writes for "no date": the Unix epoch (a zero
    timestamp), or midnight of 1 January 1970 or 1900 as written (an empty date field).
    No article was published then; its date is taken as unknown, not as that day, which
    would place it first in every timeline."""
    if when.replace(tzinfo=None) in _PLACEHOLDERS:
        return True
    try:
        return when.tzinfo is not None and when.astimezone(UTC) == _EPOCH
    except OverflowError:
        return False


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_PLACEHOLDERS = frozenset({datetime(1970, 1, 1), datetime(1900, 1, 1)})
