"""Feeds over real HTTP on 127.0.0.1: polite polling and fetching linked pages."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronik import Chronik, Options, polling
from chronik.app import IngestReport
from chronik.cli import cli
from chronik.errors import ChronikError, Code, InputError
from chronik.ingest.fetch import fetch

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Lokal</title>
<item><title>Brücke eröffnet</title><link>{base}/page</link>
<description>Kurzmeldung zur Brücke.</description>
<pubDate>Tue, 14 May 2024 09:30:00 +0200</pubDate></item>
</channel></rss>"""


BLOG = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Liveblog</title>
<item><title>Hafen:</title><link>{base}/page#event_id=eo1</link>
<description>Die erste Fähre hat angelegt.</description></item>
<item><title>Hafen:</title><link>{base}/page#event_id=eo2</link>
<description>Die zweite Fähre hat angelegt.</description></item>
</channel></rss>"""

# A page that dates itself only by its address, and a feed cut off after its first item.
UNDATED = (
    "<html><head><title>Werft meldet Insolvenz an</title></head><body><article>"
    "<h1>Werft meldet Insolvenz an</h1><p>Die Werft in Nordheim hat Insolvenz angemeldet. "
    "Rund 300 Beschäftigte bangen um ihre Arbeitsplätze, teilte die Gewerkschaft mit.</p>"
    "<p>Der Insolvenzverwalter will den Betrieb zunächst fortführen.</p></article></body></html>"
)
BROKEN_FEED = FEED.replace("</item>", "</item><item><title>Zweite Meldung</title>").replace(
    "</channel></rss>", ""
)


class Site:
    def __init__(self, page: bytes) -> None:
        self.page = page
        self.requests: list[tuple[str, str | None]] = []


@pytest.fixture
def site(fixtures: Path) -> Iterator[tuple[str, Site]]:
    state = Site((fixtures / "page.html").read_bytes())

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, self.headers.get("If-None-Match")))
            if self.path == "/feed":
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                body = FEED.format(base=base).encode()
                self.send_response(200)
                self.send_header("ETag", '"v1"')
            elif self.path == "/broken":
                if self.headers.get("If-None-Match") == '"b1"':
                    self.send_response(304)
                    self.end_headers()
                    return
                body = BROKEN_FEED.format(base=base).encode()
                self.send_response(200)
                self.send_header("ETag", '"b1"')
            elif self.path.startswith("/2024/05/14/"):
                body = UNDATED.encode()
                self.send_response(200)
            elif self.path == "/blog":
                body = BLOG.format(base=base).encode()
                self.send_response(200)
            elif self.path == "/slow":  # a trickle: 20 bytes every 0.1 s, for 4 s
                self.send_response(200)
                self.send_header("Content-Length", "800")
                self.end_headers()
                for _ in range(40):
                    self.wfile.write(b"x" * 20)
                    self.wfile.flush()
                    time.sleep(0.1)
                return
            elif self.path == "/binary":  # an image or a download where the feed was
                body = bytes(range(256)) * 40
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
            elif self.path == "/page" and state.page:
                body = state.page
                self.send_response(200)
            else:
                body = b"not found"
                self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, state
    server.shutdown()


def test_watch_uses_etag_and_ingests_once(site: tuple[str, Site], tmp_path: Path) -> None:
    base, state = site
    with Chronik(str(tmp_path / "w.db")) as app:
        report = app.watch([f"{base}/feed"], every=1, rounds=2)
        assert report.inserted == 1 and report.failed == 0
        assert state.requests == [("/feed", None), ("/feed", '"v1"')]
        [article] = app.articles()
        assert article.text.endswith("Kurzmeldung zur Brücke.")


def test_a_stop_ends_a_watch_without_waiting_out_its_interval(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    """The web server's feed watcher stops on an event, as it shuts down; it shares the
    loop of ``watch``, whose pause had been a sleep that nothing ended (review 62)."""
    base, _ = site
    stop = threading.Event()
    rounds: list[int] = []

    def round_done(number: int, done: IngestReport) -> None:
        rounds.append(number)
        threading.Timer(0.2, stop.set).start()  # as another thread: while the watch waits

    started = time.monotonic()
    with Chronik(str(tmp_path / "w.db")) as app:
        report = app.watch([f"{base}/feed"], every=3600, on_round=round_done, stop=stop)
    assert time.monotonic() - started < 60  # not the hour of ``every``
    assert rounds == [1] and report.inserted == 1


def test_watch_hands_each_rounds_errors_on_and_keeps_their_count(
    site: tuple[str, Site], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A feed failing every round of a watch of months had grown one list of every failure,
    copied anew each round."""
    monkeypatch.setattr(polling.time, "sleep", lambda seconds: None)
    base, _ = site
    rounds: list[tuple[int, list[str]]] = []
    with Chronik(str(tmp_path / "w.db")) as app:
        report = app.watch(
            [f"{base}/feed", f"{base}/gone"],
            every=1,
            rounds=3,
            on_round=lambda number, done: rounds.append((number, done.errors)),
        )
    assert [(number, len(errors)) for number, errors in rounds] == [(1, 1), (2, 1), (3, 1)]
    assert (report.inserted, report.failed, report.errors) == (1, 3, [])
    assert report.to_dict()["failed"] == 3


def test_counts_taken_across_a_round_s_end_keep_every_failure() -> None:
    """A snapshot taken in one round and a total taken after ``watch`` handed the round's
    errors on: the difference had lost them (review 51)."""
    snapshot = IngestReport(inserted=1, errors=["a"])
    total = IngestReport(inserted=1, errors=["a", "b"])
    assert (total - snapshot).errors == ["b"]
    total.passed_on, total.errors = 2, ["c"]  # handed on at the round's end, then one more
    since = total - snapshot
    assert (since.errors, since.passed_on, since.failed) == (["c"], 1, 2)


def test_a_poll_stopped_halfway_fetches_the_feed_again(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    # The feed's ETag had been written with the first articles stored: after a Ctrl-C the
    # next poll got "304 Not Modified", and the items not reached yet were lost for good.

    def stop(where: str, report: object) -> None:
        raise KeyboardInterrupt

    base, state = site
    with Chronik(str(tmp_path / "w.db")) as app:
        with pytest.raises(KeyboardInterrupt):
            app.poll([f"{base}/feed"], stop)
        app.poll([f"{base}/feed"])
        assert state.requests == [("/feed", None), ("/feed", None)]
        app.poll([f"{base}/feed"])  # now all of it is stored: the ETag is sent
        assert state.requests[-1] == ("/feed", '"v1"') and len(app.articles()) == 1


def test_a_trickling_server_is_given_the_timeout_for_its_whole_answer(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    # Each read came within the timeout, so the request had taken 4 s (47 s in review 36).
    base, _ = site
    started = time.monotonic()
    with pytest.raises(InputError) as error:
        fetch(f"{base}/slow", Options(fetch_timeout=1.0))
    assert "no whole answer within 1 s" in str(error.value)
    assert time.monotonic() - started < 2.5
    with pytest.raises(InputError, match="E003"):  # nor more than max_bytes of it
        fetch(f"{base}/slow", Options(fetch_timeout=10.0, max_bytes=100))


def test_a_feed_address_that_answers_with_a_page_is_an_error_each_round(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    # A maintenance page had been stored as an article, undated: the top story of `run`.
    base, _ = site
    with Chronik(str(tmp_path / "w.db")) as app:
        for _ in range(2):
            report = app.poll([f"{base}/page"])
            assert report.errors == [
                f"[E020] {base}/page: broken feed: the address answered with an HTML page, "
                "not a feed"
            ]
        assert app.count_articles() == 0


def test_a_feed_address_that_answers_with_binary_data_says_so(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    # It had said "answered with plain text", the format sniffed for bytes of no format.
    base, _ = site
    with Chronik(str(tmp_path / "bin.db")) as app:
        [error] = app.poll([f"{base}/binary"]).errors
    said = "broken feed: the address answered with binary data, not a feed"
    assert error == f"[E020] {base}/binary: {said}"


def test_a_broken_feed_is_an_error_each_round_not_hidden_behind_its_etag(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    base, state = site
    with Chronik(str(tmp_path / "b.db")) as app:
        for _ in range(2):
            [error] = app.poll([f"{base}/broken"]).errors
            assert error.startswith(f"[E020] {base}/broken: broken feed")
    assert [tag for path, tag in state.requests if path == "/broken"] == [None, None]


def test_a_page_fetched_by_its_address_is_dated_by_it(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    # As a WARC record's address dates its page: fetched, the address had been left unread,
    # and --published had dated the page instead.
    base, _ = site
    address = f"{base}/2024/05/14/werft.html"
    with Chronik(str(tmp_path / "d.db")) as app:
        assert app.ingest([address], published="2024-06-01T08:00:00+00:00").inserted == 1
        [article] = app.articles()
    assert article.published is not None and article.published.date().isoformat() == "2024-05-14"
    assert article.url == address


def test_fetch_takes_the_linked_page(site: tuple[str, Site], tmp_path: Path) -> None:
    base, _ = site
    options = Options.from_env(db=str(tmp_path / "f.db"), fetch=True)
    with Chronik(options=options) as app:
        report = app.ingest([f"{base}/feed"])
        assert report.inserted == 1
        [article] = app.articles()
        assert "Dömitz" in article.text and article.url == f"{base}/page"
        assert article.title == "Brücke eröffnet"


def test_fetch_leaves_a_live_blogs_entries_their_own_text(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    # Each entry's page is the whole blog: fetched, every entry had been a copy of it.
    base, state = site
    with Chronik(options=Options.from_env(db=str(tmp_path / "b.db"), fetch=True)) as app:
        assert app.ingest([f"{base}/blog"]).inserted == 2
        texts = sorted(a.text for a in app.articles())
    assert [t.rsplit("\n", 1)[-1] for t in texts] == [
        "Die erste Fähre hat angelegt.",
        "Die zweite Fähre hat angelegt.",
    ]
    assert [path for path, _ in state.requests] == ["/blog"]


def test_a_teaser_never_replaces_the_page_fetched_in_full(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    base, state = site
    db = str(tmp_path / "t.db")
    with Chronik(options=Options.from_env(db=db, fetch=True)) as app:
        assert app.ingest([f"{base}/feed"]).inserted == 1
    with Chronik(db) as app:  # the same feed without --fetch
        assert app.ingest([f"{base}/feed"]).unchanged == 1
    state.page = b""  # the page is gone (404): the fetch fails, the feed's item remains
    with Chronik(options=Options.from_env(db=db, fetch=True)) as app:
        assert app.ingest([f"{base}/feed"]).unchanged == 1
        [article] = app.articles()
        stored = app.store.lookup(article.id)
        assert "Dömitz" in article.text and stored is not None and stored.revision == 1


def test_a_page_is_known_by_its_address_and_new_text_there_is_a_revision(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    base, state = site
    state.page = re.sub(rb"<link rel=\"canonical\"[^>]*>", b"", state.page)  # names none
    with Chronik(str(tmp_path / "p.db")) as app:
        assert app.ingest([f"{base}/page"]).inserted == 1
        [article] = app.articles()
        assert article.url == f"{base}/page"
        state.page = state.page.replace(b"95 Millionen", b"97 Millionen")
        assert app.ingest([f"{base}/page"]).revised == 1
        assert app.store.count_articles() == 1


def test_analyze_fetches_an_address_as_ingest_does(site: tuple[str, Site], tmp_path: Path) -> None:
    # Review 247: `chronik analyze https://…` had read the file "https:/…" (E050).
    base, _ = site
    page = f"{base}/2024/05/14/werft.html"
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "a.db"), "analyze", page])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["title"] == "Werft meldet Insolvenz an" and record["url"] == page
    assert record["published"].startswith("2024-05-14")
    missing = CliRunner().invoke(cli, ["--db", str(tmp_path / "a.db"), "analyze", f"{base}/x"])
    assert missing.exit_code == 1 and f"[E060] {base}/x: cannot fetch: HTTP 404" in missing.stderr
    # The Python API takes the address as a str; other text stays an article's text.
    with Chronik(str(tmp_path / "a.db"), create=True) as app:
        assert app.analyze(page).title == "Werft meldet Insolvenz an"
        assert app.analyze(f"Werftkrise in Nordheim\n\nSiehe {page} für mehr.").url is None


def test_unreachable_url_is_one_error(tmp_path: Path, site: tuple[str, Site]) -> None:
    base, _ = site
    with Chronik(str(tmp_path / "e.db")) as app:
        report = app.ingest([f"{base}/missing"])
        assert report.failed == 1 and "HTTP 404" in report.errors[0]


@pytest.mark.parametrize("every", [0, "0s", "zehn", True, float("nan")])
def test_a_poll_interval_under_a_second_or_unreadable_is_refused(every: object) -> None:
    with Chronik() as app, pytest.raises(ChronikError) as refused:
        app.watch(["http://127.0.0.1:9/feed.xml"], every=every)  # type: ignore[arg-type]
    assert refused.value.code is Code.E220 and "every" in str(refused.value)


def test_a_poll_interval_is_seconds_or_as_the_command_line_writes_it() -> None:
    from chronik.arguments import poll_seconds

    assert [poll_seconds(v) for v in (90, 2.5, "90", "30s", "10m", "1h", "1.5d")] == [
        90.0, 2.5, 90.0, 30.0, 600.0, 3600.0, 129600.0
    ]  # fmt: skip


def test_watch_says_each_rounds_counts_and_errors_as_it_ends(
    site: tuple[str, Site], tmp_path: Path
) -> None:
    # Without --rounds, watch never ends: a feed failing every round had never been said,
    # and Ctrl-C gave no counts.
    base, _ = site
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{base}/feed\n{base}/gone\n")
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(
        cli, ["--db", db, "watch", "--rounds", "2", "--every", "1s", str(feeds)]
    )
    gone = f"chronik: error: [E060] {base}/gone: cannot fetch: HTTP 404"
    lines = [re.sub(r" \(.*?\):", " (T):", line) for line in result.stderr.splitlines()]
    assert lines == [  # each round's error before its counts, and not again at the end
        gone,
        "chronik: round 1 (T): 1 inserted, 0 revised, 0 unchanged, 1 failed",
        gone,
        "chronik: round 2 (T): 0 inserted, 0 revised, 0 unchanged, 1 failed",
    ]
    assert result.stdout == "1 inserted, 0 revised, 0 unchanged, 2 failed\n"
    assert result.exit_code == 1


def test_watch_stopped_between_rounds_says_what_it_stored(
    site: tuple[str, Site], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ctrl_c(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(polling.time, "sleep", ctrl_c)
    base, _ = site
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{base}/gone\n{base}/feed\n")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "w.db"), "watch", str(feeds)])
    assert result.exit_code == 130
    assert result.stderr.count(f"{base}/gone") == 1  # said in its round, not again
    assert result.stderr.endswith(
        "chronik: interrupted after 1 inserted, 0 revised, 0 unchanged, 1 failed; "
        "what was stored before stays stored\n"
    )


@pytest.mark.usefixtures("ctrl_c")
def test_watch_stopped_while_storing_counts_what_it_stored(
    site: tuple[str, Site], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The interrupt waits until the article is stored whole; the counts had been taken
    # before it, one article short (review 39).
    import signal

    from chronik.store.sql import SQLStore

    put_entities = SQLStore._put_entities

    def ctrl_c_while_storing(store: SQLStore, article: object) -> None:
        signal.raise_signal(signal.SIGINT)
        put_entities(store, article)  # type: ignore[arg-type]

    monkeypatch.setattr(SQLStore, "_put_entities", ctrl_c_while_storing)
    base, _ = site
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{base}/feed\n")
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(cli, ["--db", db, "watch", str(feeds)])
    assert result.exit_code == 130
    assert "interrupted after 1 inserted, 0 revised, 0 unchanged, 0 failed" in result.stderr
    with Chronik(db) as app:
        assert app.count_articles() == 1
