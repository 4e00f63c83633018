"""The command line mirrors the Python API; bad input gives one line and an exit code."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from chronik import Chronik, Options
from chronik import cli as cli_module
from chronik.cli import cli
from chronik.errors import ChronikError, Code
from chronik.model import Article
from chronik.polling import feed_list
from chronik.store import store_failure
from files import MOVED_MEETING, write_jsonl


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, ["--db", str(tmp_path / "c.db"), *args], input=stdin)

    return invoke


def test_ingest_and_list(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", "--json", str(fixtures))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["inserted"] == 8
    listing = run("articles", "--json")
    titles = [a["title"] for a in json.loads(listing.stdout)["articles"]]
    assert "Hafenstadt Kiel plant neue Fährverbindung" in titles


def test_stdin(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", "-", stdin="Titel aus stdin\nEin Satz von der Standardeingabe.\n")
    assert result.exit_code == 0 and "1 inserted" in result.stdout


def test_bad_input_is_one_line_and_exit_code(run, tmp_path: Path, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_text("")
    result = run("ingest", str(tmp_path / "empty.txt"), str(fixtures / "article.txt"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("chronik: error")]
    assert len(errors) == 1 and "empty.txt" in errors[0]
    assert "Traceback" not in result.output
    assert "1 inserted" in result.stdout


def test_a_line_break_in_an_input_s_name_does_not_break_its_error_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "böse\nname\r.txt").write_text("")
    result = run("ingest", str(tmp_path / "in"))
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if "E001" in line]
    assert line.endswith("böse\\nname\\r.txt: input is empty") and "\r" not in result.stderr


def test_a_progress_bar_counts_in_english() -> None:
    # review 114: tqdm's unit had read "1 articles" and "2.01s/ articles"
    bar = cli_module._bar("article", 300)
    bar.set_postfix({"inserted": 1, "failed": 0})
    bar.update(1)
    shown = str(bar)
    bar.close()
    assert "| 1/300 articles [" in shown and " article/s, inserted=1, failed=0]" in shown
    reading = cli_module._bar("article", desc="reading ")
    reading.update(1)
    assert str(reading).startswith("reading articles: 1 [")
    reading.close()


def test_every_line_breaking_character_of_a_message_is_an_escape() -> None:
    # NEL and the line separator break Python's splitlines(), CSI starts a terminal's
    # escape; the hint, which repeats an id, is one line too.
    error = ChronikError(Code.E001, "a\u2028b\x85c\x9b31m.txt")
    assert str(error) == "[E001] a\\u2028b\\x85c\\x9b31m.txt: input is empty"
    hinted = ChronikError(Code.E200, action="split", id="s1", detail="nicht\nda", story="s1")
    assert len(str(hinted).splitlines()) == 1 and "nicht\\nda" in str(hinted)


def test_run_prints_the_stories_and_fails_on_bad_input(run, tmp_path: Path, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty.txt").write_text("")
    result = run("run", str(tmp_path / "empty.txt"), str(fixtures / "article.txt"))
    assert result.exit_code == 1
    assert "Hafenstadt Kiel" in result.stdout and "1 inserted" in result.stdout
    assert [line for line in result.stderr.splitlines() if "empty.txt" in line]
    # A run whose every input failed makes no store where there was none.
    failed = CliRunner().invoke(cli, ["--db", str(tmp_path / "new.db"), "run", "/nope"])
    assert failed.exit_code == 1 and "[E050]" in failed.stderr
    assert not (tmp_path / "new.db").exists()
    # Nor one whose every article has a broken date (review 56).
    (tmp_path / "future.jsonl").write_text(
        '{"title": "Zukunft", "text": "Jena.", "published": "2999-01-01"}\n'
    )
    dated = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "new.db"), "run", str(tmp_path / "future.jsonl")]
    )
    assert dated.exit_code == 1 and "[E008]" in dated.stderr
    assert not (tmp_path / "new.db").exists()


def test_a_feeds_file_in_latin_1_with_comments(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds = tmp_path / "feeds.txt"
    feeds.write_bytes("  # Zeitungen für Köln\n\n".encode("latin-1"))
    result = run("watch", "--rounds", "1", "--every", "1s", str(feeds))
    assert result.exit_code != 0 and "[E050]" in result.stderr, result.output
    assert "no feed addresses" in result.stderr and "Traceback" not in result.output
    # Each line is an address; one that is none is named before the first poll.
    feeds.write_bytes("# Köln\nfile:///tmp/köln.xml\n".encode("latin-1"))
    result = run("watch", "--rounds", "1", str(feeds))
    assert "line 2: 'file:///tmp/köln.xml' is no http:// or https:// address" in result.stderr
    # A comment after an address is no part of it; a space inside one is no address
    # (review 247: "https://… # Lokalbote" had been fetched so, HTTP 404 each round).
    feeds.write_text("https://a.example/rss.xml#top # Köln\nhttps://a.example/b c\n")
    result = run("watch", "--rounds", "1", str(feeds))
    assert "line 2: 'https://a.example/b c' is no http:// or https:// address" in result.stderr
    feeds.write_text("https://a.example/rss.xml#top # Köln\n  # Bonn\nhttps://b.example/x\t#\n")
    assert feed_list(feeds) == ["https://a.example/rss.xml#top", "https://b.example/x"]
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01" * 100)
    refused = run("watch", "--rounds", "1", str(tmp_path / "binary.txt"))
    assert refused.exit_code != 0 and "[E002]" in refused.stderr
    assert "binary.txt" in refused.stderr and "Traceback" not in refused.output
    # A feeds file that is not there is an input that cannot be read: exit 1 (review 56).
    missing = run("watch", "--rounds", "1", str(tmp_path / "nofile.txt"))
    assert missing.exit_code == 1 and "[E050]" in missing.stderr and "nofile.txt" in missing.stderr
    # In the words `ingest` has for the same path, not the system's capitals (review 114).
    assert "cannot read input: no such file or directory" in missing.stderr
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    for name, why in [("gone.txt", "broken symbolic link to"), ("", "a folder, not a file")]:
        refused = run("watch", "--rounds", "1", str(tmp_path / name))
        assert refused.exit_code == 1 and f"cannot read input: {why}" in refused.stderr


@pytest.mark.parametrize("name", ["nofile.txt", "leer.txt", ""])
def test_serve_watch_refuses_a_feeds_file_as_watch_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """`serve --watch /nope.txt` had been a usage error (E280, exit 2), and a file without
    addresses E050 with exit 2, where `watch` says E050 and exits 1 (review 175)."""
    import chronik.web

    monkeypatch.setattr(chronik.web, "serve", lambda *args: pytest.fail("served"))
    (tmp_path / "leer.txt").write_text("# keine Adressen\n")
    feeds, db = str(tmp_path / name), str(tmp_path / "c.db")
    watched = CliRunner().invoke(cli, ["--db", db, "watch", "--rounds", "1", feeds])
    served = CliRunner().invoke(cli, ["--db", db, "serve", "--watch", feeds])
    assert (served.exit_code, served.stderr) == (watched.exit_code, watched.stderr)
    assert watched.exit_code == 1 and "[E050]" in watched.stderr


def test_analyze_of_a_missing_file_is_bad_input_as_ingest_says_it(tmp_path: Path) -> None:
    """`analyze /nope` had been a usage error (E280, exit 2), where `ingest /nope` is
    E050 with exit 1: one missing input, one error; and no store is made for it."""
    db = str(tmp_path / "new.db")
    analysed = CliRunner().invoke(cli, ["--db", db, "analyze", "/nope"])
    ingested = CliRunner().invoke(cli, ["--db", db, "ingest", "/nope"])
    assert analysed.exit_code == ingested.exit_code == 1
    assert analysed.stderr.strip() in ingested.stderr
    assert "[E050] /nope: cannot read input" in analysed.stderr
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    ("args", "command", "says"),
    [
        (["analyze"], "chronik analyze", "Missing argument 'FILE'"),
        (["articles", "--limit", "-1"], "chronik articles", "--limit"),
        (["search", "--limit", "0", "Kiel"], "chronik search", "--limit"),
        (["watch", "--rounds", "0", "feeds.txt"], "chronik watch", "--rounds"),  # polls nothing
        (["articles", "--offset", str(2**63)], "chronik articles", "--offset"),
        (["entities", "--type", "foo"], "chronik entities", "'FOO' is not one of 'PER', 'LOC'"),
        (["bogus"], "chronik", "No such command 'bogus'"),
        (["--bogus"], "chronik", "No such option '--bogus'"),
        (["eval", "ner"], "chronik eval ner", "Missing argument 'FILE'"),
        (["split", "s1"], "chronik split", "Missing argument 'ARTICLE_IDS...'"),
        # the store's option after the command: where it goes, said
        (
            ["run", "--db", "x.db"],
            "chronik run",
            "goes before the command, 'chronik --db FILE run'",
        ),
        (["eval", "stories", "--db", "x"], "chronik eval stories", "--db FILE eval stories'"),
        (
            ["serve", "--every", "0s"],
            "chronik serve",
            "'0s': use a number with s, m, h or d, at least 1s",
        ),
        # the option quoted as click quotes every other one (review 275: `--every` bare)
        (["serve", "--every", "10x"], "chronik serve", "Invalid value for '--every': '10x'"),
    ],
)
def test_usage_errors_are_one_line(
    tmp_path: Path, args: list[str], command: str, says: str
) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), *args], prog_name="chronik")
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith(f"chronik: error: [E280] {command}: ") and says in line, line
    assert line.endswith(f"; see '{command} --help'")


def test_an_output_file_that_cannot_be_opened_is_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text("Titel\n\nEin Satz über Kiel.")
    assert run("ingest", str(tmp_path / "a.txt")).exit_code == 0
    result = run("export", "-o", "/no/such/dir/out.jsonl")
    [line] = result.output.splitlines()
    assert result.exit_code == 2 and line.startswith("chronik: error: [E280] ")
    assert "/no/such/dir/out.jsonl" in line


def test_a_group_without_a_command_shows_its_help() -> None:
    result = CliRunner().invoke(cli, ["eval"], prog_name="chronik")
    assert result.output.startswith("Usage: chronik eval") and "Commands:" in result.output
    # so does the whole command with its option but no command (review 56)
    result = CliRunner().invoke(cli, ["--db", "news.db"], prog_name="chronik")
    assert result.exit_code == 2 and result.output.startswith("Usage: chronik [OPTIONS]")


@pytest.mark.parametrize(
    ("variable", "value", "code"),
    [
        ("CHRONIK_MAX_BYTES", "abc", "E220"),
        ("CHRONIK_FETCH", "vielleicht", "E220"),
        ("CHRONIK_MAX_BYTES", "-5", "E220"),
        ("CHRONIK_STORY_THRESHOLD", "7", "E220"),
        ("CHRONIK_STORY_THRESHOLD", "nan", "E220"),
        ("CHRONIK_FETCH_TIMEOUT", "inf", "E220"),
        # Beyond what the code can use: had been an internal error (E290) at ingest.
        ("CHRONIK_STORY_WINDOW_DAYS", "99999999999", "E220"),
        ("CHRONIK_FETCH_TIMEOUT", "1e10", "E220"),
        ("CHRONIK_MAX_BYTES", "9223372036854775806", "E220"),
        ("CHRONIK_FEEDS", "https://a.example/rss,feeds.txt", "E220"),  # a path is no feed
        # Two feeds without their comma: fetched as one address, HTTP 404 (review 247).
        ("CHRONIK_FEEDS", "https://a.example/rss https://b.example/rss", "E220"),
    ],
)
def test_a_bad_setting_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, code: str
) -> None:
    monkeypatch.setenv(variable, value)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "stories"])
    assert result.exit_code == 2
    assert f"[{code}]" in result.stderr and variable in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_empty_chronik_db_names_no_store_as_in_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHRONIK_DB", "")
    result = CliRunner().invoke(cli, ["ingest", "-"], input="Kiel\n\nDer Hafen ist zu.\n")
    assert result.exit_code == 2 and "[E230] '': cannot open the store (no store named)" in (
        result.stderr
    )
    assert not (tmp_path / "chronik.db").exists()


def test_an_unknown_store_scheme_names_every_backend() -> None:
    result = CliRunner().invoke(cli, ["--db", "mysql://u@h/db", "stories"])
    assert result.exit_code == 2
    assert "[E110] unknown store backend 'mysql'; choose one of: sqlite, postgresql" in (
        result.stderr
    )


@pytest.mark.parametrize("target", ["folder", "missing/c.db", "text.txt"])
def test_a_store_that_cannot_be_opened_is_one_line(tmp_path: Path, target: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "text.txt").write_text("Kein Speicher, nur Text.\n")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / target), "stories"])
    assert result.exit_code == 2
    assert "[E230]" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_store_found_corrupt_while_reading_is_one_line(
    run, tmp_path: Path, fixtures: Path
) -> None:  # type: ignore[no-untyped-def]
    assert run("ingest", str(fixtures)).exit_code == 0
    store = tmp_path / "c.db"
    data = bytearray(store.read_bytes())
    half = len(data) // 2 // 4096 * 4096  # the later pages hold rows; the schema stays readable
    data[half:] = b"\xff" * (len(data) - half)
    store.write_bytes(bytes(data))
    result = run("export")
    assert result.exit_code == 2 and ("[E230]" in result.stderr or "[E240]" in result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_store_failure_names_the_store_chronik_db_chose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronik.store.sqlite import SQLiteStore

    def failing(*args: object, **kwargs: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    store = tmp_path / "umwelt.db"
    assert CliRunner().invoke(cli, ["--db", str(store), "ingest", "-"], input="T\n\nText.\n")
    # The store fails: the API gives the error its code, the command prints it.
    monkeypatch.setattr(SQLiteStore, "stories", failing)
    monkeypatch.setenv("CHRONIK_DB", str(store))
    result = CliRunner().invoke(cli, ["stories"])
    assert result.exit_code == 2 and f"[E240] {store}: the store failed" in result.stderr


def test_database_errors_are_store_failures_and_others_are_not() -> None:
    found = store_failure(sqlite3.DatabaseError("database disk image is malformed"), "x.db")
    assert found is not None and found.code is Code.E240 and "malformed" in str(found)
    hidden = store_failure(sqlite3.OperationalError("locked"), "postgresql://u:geheim@h/db")
    assert hidden is not None and "geheim" not in str(hidden)
    busy = store_failure(sqlite3.OperationalError("database is locked"), "x.db")
    assert busy is not None and busy.code is Code.E241 and "restore" not in str(busy)
    assert store_failure(ValueError("a bug"), "x.db") is None


def test_reading_a_store_that_is_not_there_is_an_error_and_creates_none(
    tmp_path: Path, fixtures: Path
) -> None:
    missing = tmp_path / "vertippt.db"
    result = CliRunner().invoke(cli, ["--db", str(missing), "stories"])
    assert result.exit_code == 2 and "[E230]" in result.stderr and not missing.exists()
    analysed = CliRunner().invoke(
        cli, ["--db", str(missing), "analyze", str(fixtures / "article.txt")]
    )
    assert analysed.exit_code == 0 and not missing.exists()  # analysing stores nothing


def test_a_read_only_store_is_read_and_writing_it_is_one_line(
    run, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    assert run("ingest", str(fixtures / "items.jsonl")).exit_code == 0
    before = run("stories", "--json").stdout
    # As root no permission can be taken away: the store is told it may not write.
    monkeypatch.setattr("chronik.store.sqlite.writable", lambda path: False)
    assert run("stories", "--json").stdout == before
    refused = run("ingest", str(fixtures / "article.txt"))
    assert refused.exit_code == 2 and "[E240]" in refused.stderr and "readonly" in refused.stderr


def test_analyze_of_an_empty_path_says_so_as_ingest_does(run) -> None:  # type: ignore[no-untyped-def]
    # Review 247: `analyze ""` had read the working directory, Path(""), and said E006.
    # `watch ""` and `serve --watch ""` had said "[E050] .: … a folder", the working directory.
    for command in (["analyze"], ["ingest"], ["watch"], ["serve", "--port", "1", "--watch"]):
        result = run(*command, "")
        assert result.exit_code == 1, command
        assert "[E050] '': cannot read input: an empty path" in result.stderr, command


def test_analyze_reads_stdin(run) -> None:  # type: ignore[no-untyped-def]
    text = "Brücke\nMorgen beginnt der Bau der Brücke in Kiel.\n"
    result = run("analyze", "-", "--published", "2024-05-06T08:00:00+00:00", stdin=text)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["title"] == "Brücke"
    assert [(t["text"], t["value"]) for t in record["timexes"]] == [("Morgen", "2024-05-07")]
    # The API reads the time: one error, as from Chronik.analyze, naming the option.
    bad = run("analyze", "-", "--published", "gestern", stdin=text)
    assert bad.exit_code == 2
    assert bad.stderr.startswith("chronik: error: [E111] --published: not a time")
    empty = run("analyze", "-", stdin="")  # named as `ingest -` names it
    assert empty.stderr == "chronik: error: [E001] <stdin>: input is empty\n"


def test_ingest_dates_what_gives_a_placeholder_date(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An empty date field written as the epoch, a zero or a string "0" is no date: the
    time given serves (review 51), and the input's is kept as metadata."""
    texts = ("Der Rat tagt morgen in Kiel.", "Der Rat tagt morgen in Bonn.", "Der Rat tagt.")
    epochs: list[object] = ["1970-01-01T01:00:00+01:00", 0, "0"]
    items = [
        {"title": f"Rat {i}", "text": text, "published": epoch}
        for i, (text, epoch) in enumerate(zip(texts, epochs, strict=True))
    ]
    path = write_jsonl(tmp_path / "items.jsonl", items)
    assert run("ingest", str(path), "--published", "2024-05-06T08:00:00+02:00").exit_code == 0
    for article in map(json.loads, run("export").stdout.splitlines()):
        assert article["published"] == "2024-05-06T06:00:00+00:00", article["title"]
        assert article["metadata"]["placeholder_published"] == "1970-01-01T00:00:00+00:00" or (
            article["metadata"]["placeholder_published"] == "1970-01-01T01:00:00+01:00"
        )
    again = run("ingest", str(path), "--published", "2025-01-01T08:00:00+02:00")
    assert again.stdout == "0 inserted, 0 revised, 3 unchanged, 0 failed\n"
    # Said, or a re-run to date what was stored undated looks done (review 71).
    assert "3 input(s) were stored before and keep the time" in again.stderr


def test_ingest_dates_what_gives_no_date_of_its_own(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A plain text had no way into the store with a date: "morgen" stayed unresolved.
    text = tmp_path / "bruecke.txt"
    text.write_text("Brücke\n\nMorgen beginnt der Bau der Brücke in Kiel.\n")
    dated = {"title": "Hafen", "text": "Der Hafen ist zu.", "published": "2024-01-02T10:00:00Z"}
    items = write_jsonl(tmp_path / "items.jsonl", [dated])
    bad = run("ingest", str(text), "--published", "gestern")
    assert bad.exit_code == 2 and "[E111] --published: not a time" in bad.stderr
    assert run("ingest", str(text), str(items), "--published", "2024-05-06T08:00:00+02:00")
    lines = run("export").stdout.splitlines()
    found = {a["title"]: a for a in map(json.loads, lines)}
    assert found["Brücke"]["published"] == "2024-05-06T06:00:00+00:00"
    assert [t["value"] for t in found["Brücke"]["timexes"]] == ["2024-05-07"]
    assert found["Hafen"]["published"] == "2024-01-02T10:00:00+00:00"  # its own date
    # A page's own date, read in analysis, comes first too (review 39).
    page = tmp_path / "seite.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2023-03-01T09:00:00Z">'
        "<title>Werft</title></head><body><article><h1>Werft</h1><p>Die Werft in Kiel baut "
        "ein neues Dock für große Schiffe, sagte der Betriebsrat am Mittwoch.</p></article>"
        "</body></html>"
    )
    assert run("ingest", str(page), "--published", "2024-05-06T08:00:00+02:00").exit_code == 0
    # A date htmldate reads in the text alone is a guess: the given time comes first.
    flood = tmp_path / "flut.html"
    flood.write_text(
        "<html><head><title>Flut</title></head><body><article><h1>Flut</h1><p>Die Flut vom "
        "14.07.2021 hat den Ort verändert, sagen die Menschen dort bis heute.</p></article>"
        "</body></html>"
    )
    assert run("ingest", str(flood), "--published", "2024-07-10T08:00:00+00:00").exit_code == 0
    assert run("reanalyze").exit_code == 0  # the date given is kept with the input
    lines = run("export").stdout.splitlines()
    found = {a["title"]: a for a in map(json.loads, lines)}
    assert found["Werft"]["published"].startswith("2023-03-01")
    assert found["Flut"]["published"] == "2024-07-10T08:00:00+00:00"
    assert found["Brücke"]["published"] == "2024-05-06T06:00:00+00:00"


def test_ingest_published_counts_only_the_inputs_it_would_have_dated(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The note counted every unchanged input, also those that date themselves, which
    --published never dates (review 175): only an undated one stored with another time."""
    text = tmp_path / "schleuse.txt"
    text.write_text("Schleuse\n\nDie Schleuse in Brunsbüttel öffnet morgen wieder.\n")
    dated = {"title": "Deich", "text": "Der Deich bei Husum hält.", "published": "2024-01-02"}
    page = tmp_path / "werft.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2023-03-01T09:00:00Z">'
        "<title>Werft</title></head><body><article><h1>Werft</h1><p>Die Werft in Kiel baut "
        "ein neues Dock für große Schiffe, sagte der Betriebsrat am Mittwoch.</p></article>"
        "</body></html>"
    )
    inputs = [str(text), str(write_jsonl(tmp_path / "items.jsonl", [dated])), str(page)]
    assert run("ingest", *inputs, "--published", "2024-05-06T08:00:00Z").exit_code == 0
    again = run("ingest", *inputs, "--published", "2025-05-06T08:00:00Z")
    assert again.stdout == "0 inserted, 0 revised, 3 unchanged, 0 failed\n"
    assert "chronik: 1 input(s) were stored before" in again.stderr
    # The time it was stored with is the one given: nothing to say.
    same = run("ingest", *inputs, "--published", "2024-05-06T10:00:00+02:00")
    assert "were stored before" not in same.stderr
    # An input stored undated, then given a time, is the case the note is for (review 71).
    later = tmp_path / "faehre.txt"
    later.write_text("Fähre\n\nDie Fähre nach Helgoland fährt wieder.\n")
    assert run("ingest", str(later)).exit_code == 0
    dating = run("ingest", str(later), *inputs, "--published", "2024-05-06T08:00:00Z")
    assert "chronik: 1 input(s) were stored before" in dating.stderr


def test_lists_show_a_bare_kicker_with_its_lead_as_the_web_does(run) -> None:  # type: ignore[no-untyped-def]
    item = {"title": "Hafen:", "text": "Der Hafen von Kiel bleibt bis Montag gesperrt."}
    assert run("ingest", "-", stdin=json.dumps(item)).exit_code == 0
    shown = "Hafen: Der Hafen von Kiel bleibt bis Montag gesperrt."
    assert shown in run("articles").stdout
    [story_id] = [s["id"] for s in json.loads(run("stories", "--json").stdout)["stories"]]
    assert shown in run("story", story_id).stdout
    # The JSON keeps the article's own title.
    assert json.loads(run("articles", "--json").stdout)["articles"][0]["title"] == "Hafen:"


def test_lists_show_a_word_alone_as_title_with_its_lead(run) -> None:  # type: ignore[no-untyped-def]
    item = {"title": "Hafen", "text": "Der Hafen von Kiel bleibt bis Montag gesperrt."}
    assert run("ingest", "-", stdin=json.dumps(item)).exit_code == 0
    shown = "Hafen: Der Hafen von Kiel bleibt bis Montag gesperrt."
    assert shown in run("articles").stdout
    [story] = json.loads(run("stories", "--json").stdout)["stories"]
    assert story["title"] == shown and shown in run("story", story["id"]).stdout
    assert json.loads(run("articles", "--json").stdout)["articles"][0]["title"] == "Hafen"


def test_export_jsonl_and_csv(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(fixtures / "article.txt"))
    [line] = run("export", "--format", "jsonl").stdout.splitlines()
    record = json.loads(line)
    for key in (
        "id",
        "url",
        "title",
        "text",
        "published",
        "language",
        "blocks",
        "metadata",
        "story_id",
    ):
        assert key in record
    assert {b["stance"] for b in record["blocks"]} == {"reporting", "opinion"}
    csv_out = run("export", "--format", "csv").stdout
    assert csv_out.startswith("id,url,title")
    assert run("export", "--format", "CSV").stdout == csv_out  # any case, as --type PER
    bad = run("export", "--format", "xml")
    assert bad.exit_code != 0 and "[E140] --format: unknown" in bad.output


def test_export_to_a_file_from_an_empty_store_writes_an_empty_file_and_says_so(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    # Review 114: click opens -o at the first write, so an empty store left no file at all
    # (exit 0: `chronik export -o out.jsonl && wc -l out.jsonl` failed), and -o into a
    # folder that does not exist was no error.
    with Chronik(str(tmp_path / "c.db"), create=True) as app:
        assert app.count_articles() == 0  # a store, empty, as `chronik serve` makes one
    out = tmp_path / "out.jsonl"
    empty = run("export", "-o", str(out))
    assert empty.exit_code == 0 and out.read_text() == ""
    assert empty.stderr == "chronik: no articles yet\n"
    nowhere = run("export", "-o", str(tmp_path / "nope" / "out.jsonl"))
    assert nowhere.exit_code == 2 and "[E280] cli export: Could not open" in nowhere.stderr
    out.write_text("kept\n")  # a store that is not there leaves the file as it was
    missing = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "export", "-o", str(out)])
    assert missing.exit_code == 2 and "[E230]" in missing.stderr and out.read_text() == "kept\n"


def test_export_into_the_store_itself_is_refused_and_the_store_kept(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    # Review 275: `chronik --db e.db export -o e.db` opened the store for writing, emptied
    # it (0 bytes), then failed with E240: every article was lost.
    note = "Fähre fällt aus\nDie Fähre nach Möwenoog fällt bis Freitag wegen eines Schadens aus.\n"
    assert run("ingest", "-", stdin=note).exit_code == 0
    store = tmp_path / "c.db"
    size = store.stat().st_size
    (tmp_path / "link.db").symlink_to(store)
    for name in (str(store), str(tmp_path / "link.db"), f"{store}-wal", f"{store}-journal"):
        refused = run("export", "-o", name)
        assert refused.exit_code == 2, refused.output
        assert refused.stderr.startswith("chronik: error: [E280] cli export: Invalid value for")
        assert "is the store" in refused.stderr and "Traceback" not in refused.output
    assert store.stat().st_size == size and not Path(f"{store}-journal").exists()
    assert json.loads(run("articles", "--json").stdout)["total"] == 1
    beside = run("export", "-o", str(tmp_path / "c.jsonl"))  # another file is written
    assert beside.exit_code == 0 and (tmp_path / "c.jsonl").read_text().count("\n") == 1


def test_story_commands(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(fixtures))
    stories = json.loads(run("stories", "--json").stdout)["stories"]
    assert stories and {"id", "title", "articles", "first_seen", "last_seen"} <= set(stories[0])
    shown = run("story", stories[0]["id"])
    assert shown.exit_code == 0 and stories[0]["title"] in shown.stdout
    missing = run("story", "nope")
    assert missing.exit_code != 0 and "E101" in missing.output
    # What each article adds: the first 3 sentences and how many more, all with --full.
    bridge = next(s["id"] for s in stories if "Brücke" in s["title"])
    [entry] = json.loads(run("story", "--json", bridge).stdout)["timeline"]
    adds = entry["new_sentences"]
    assert len(adds) > 4
    brief, full = (run("story", *flag, bridge).stdout for flag in ([], ["--full"]))
    assert f"+ {adds[2]}" in brief and f"+ {adds[3]}" not in brief
    assert f"… {len(adds) - 3} more sentences (--full)" in brief
    assert all(f"+ {sentence}" in full for sentence in adds) and "(--full)" not in full
    # The lists page and filter as the API's do.
    second = json.loads(run("stories", "--json", "--offset", "1").stdout)["stories"]
    assert [s["id"] for s in second] == [s["id"] for s in stories[1:]]
    own = json.loads(run("articles", "--json", "--story", stories[0]["id"]).stdout)["articles"]
    assert [a["id"] for a in own] and {a["story_id"] for a in own} == {stories[0]["id"]}
    assert "E101" in run("articles", "--story", "nope").output


def test_an_unknown_id_of_any_length_is_quoted_cut_to_80_characters(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # 5,000 characters had made a line of 5,076 (review 275).
    with Chronik(str(tmp_path / "c.db"), create=True) as app:
        assert app.count_articles() == 0
    for command in (["story"], ["article"], ["entity"], ["split"], ["articles", "--story"]):
        result = run(*command, "ü" * 5_000, *(["y"] if command == ["split"] else []))
        [line] = result.stderr.splitlines()
        assert result.exit_code != 0 and " 'üüü" in line and "ü…;" in line, line
        assert len(line) < 200 and "'" + "ü" * 78 + "…" in line, (command, len(line))


def test_entity_command_mirrors_the_api(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(fixtures))
    [top] = json.loads(run("entities", "--json", "--limit", "1").stdout)["entities"]
    record = json.loads(run("entity", "--json", top["id"]).stdout)
    assert record["entity"]["id"] == top["id"] and record["articles"] and record["stories"]
    by_name = run("entity", top["name"].upper())  # by name or alias, in any case
    assert by_name.exit_code == 0 and by_name.stdout.startswith(top["id"])
    assert "story: " in by_name.stdout
    everyone = json.loads(run("entities", "--json").stdout)["entities"]
    assert everyone[0]["id"] == top["id"]
    missing = run("entity", "Niemand Nirgends")
    assert missing.exit_code != 0 and "E103" in missing.output


def test_story_shows_its_events_and_what_changed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    items = tmp_path / "meeting.jsonl"
    write_jsonl(items, MOVED_MEETING)
    run("ingest", str(items))
    (story,) = json.loads(run("stories", "--json").stdout)["stories"]
    shown = json.loads(run("story", "--json", story["id"]).stdout)
    meet = next(e for e in shown["events"] if e["event_type"] == "meet")
    assert meet["modality"] == "happened" and meet["date"] == "2025-05-14"
    changes = {c["kind"]: c for c in meet["changes"]}
    assert changes["location"]["before"] == ["Paris"] and changes["location"]["after"] == [
        "Straßburg"
    ]
    text = run("story", story["id"]).stdout
    assert "meet(Friedrich Merz, Emmanuel Macron) happened at Straßburg on 2025-05-14" in text
    assert "! location: Paris -> Straßburg" in text


def test_reason_says_why_an_article_is_in_its_story(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(write_jsonl(tmp_path / "meeting.jsonl", MOVED_MEETING)))
    first, second = json.loads(run("articles", "--json").stdout)["articles"]
    story = second["story_id"]
    text = run("reason", second["id"])
    assert text.exit_code == 0 and text.stdout.startswith(f"joined story {story} (")
    title = json.loads(run("stories", "--json").stdout)["stories"][0]["title"]
    assert f"best story {story} “{title}”: score " in text.stdout
    assert "Emmanuel Macron" in text.stdout
    data = json.loads(run("reason", "--json", second["id"]).stdout)
    assert data["joined"] and data["candidate"] == story and data["article_id"] == second["id"]
    assert run("reason", first["id"]).stdout.startswith(f"founded story {story} (nothing near)")
    run("split", story, second["id"])
    assert "  now in story s" in run("reason", second["id"]).stdout  # moved by hand since
    missing = run("reason", "nope")
    assert missing.exit_code != 0 and "E100" in missing.output and "Traceback" not in missing.output


def test_a_reason_names_a_merged_candidate_by_the_story_it_went_into(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(write_jsonl(tmp_path / "meeting.jsonl", MOVED_MEETING)))
    _first, second = json.loads(run("articles", "--json").stdout)["articles"]
    story = second["story_id"]
    run("split", story, second["id"])
    moved = json.loads(run("articles", "--json").stdout)["articles"][1]["story_id"]
    run("merge", story, moved)  # the story the second joined is gone into the split part
    title = json.loads(run("stories", "--json").stdout)["stories"][0]["title"]
    text = run("reason", second["id"]).stdout
    assert f"best story {story} (since merged into {moved} “{title}”): score " in text
    assert f"best story {story} “" not in text, "no old id beside another story's title"


def test_reason_with_a_story_says_if_the_article_would_have_joined(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(write_jsonl(tmp_path / "meeting.jsonl", MOVED_MEETING)))
    first, second = json.loads(run("articles", "--json").stdout)["articles"]
    story = second["story_id"]
    run("split", story, second["id"])
    part = json.loads(run("articles", "--json").stdout)["articles"][1]["story_id"]
    title = json.loads(run("story", "--json", story).stdout)["title"]
    text = run("reason", second["id"], "--story", story).stdout
    assert text.startswith(f"would join story {story} “{title}” (") and " ≥ cut " in text
    assert "Emmanuel Macron" in text  # the shared terms
    data = json.loads(run("reason", second["id"], "--story", story, "--json").stdout)
    assert data["joined"] and data["story_id"] == data["candidate"] == story
    # The part split off holds only the second article, which came after the first: the
    # first never met it, so the replay knows no member and compares nothing, and says so
    # (it had said the story shared no word, lay beyond the window or was ruled out by the
    # headline: none of them true; review 262).
    earlier = run("reason", first["id"], "--story", part).stdout
    assert earlier.startswith(f"would not join story {part} “") and "not compared: " in earlier
    assert "the story has no article stored before this one" in earlier
    assert "shares no name or word" not in earlier
    replayed = json.loads(run("reason", first["id"], "--story", part, "--json").stdout)
    assert replayed["not_compared"] == "no earlier article"
    assert data["not_compared"] is None  # compared: no cause
    assert json.loads(run("reason", "--json", first["id"]).stdout)["not_compared"] is None
    assert json.loads(run("reason", "--json", second["id"]).stdout)["story_id"] == story
    missing = run("reason", second["id"], "--story", "nope")
    assert missing.exit_code != 0 and "E101" in missing.output and "Traceback" not in missing.output


def test_reason_with_a_story_never_compared_says_which_cause_held(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """It had named all three causes at once, the one that held among them (review 262)."""
    ferry = "Die Stadt Kiel plant eine neue Fähre nach Oslo; die Reederei bestätigte Gespräche."
    items = [
        {"title": "Kiel plant Fähre nach Oslo", "text": ferry, "published": "2024-05-02"},
        {
            "title": "Apfelkuchen mit Zimt",
            "text": "Für den Teig werden Mehl, Butter und Zucker verknetet und gekühlt.",
            "published": "2024-05-03",
        },
        {"title": "Fähre von Kiel nach Oslo", "text": ferry, "published": "2024-09-20"},
    ]
    run("ingest", str(write_jsonl(tmp_path / "items.jsonl", items)))
    found = json.loads(run("articles", "--json").stdout)["articles"]
    ferry_story = found[0]["story_id"]
    cake, late = found[1]["id"], found[2]["id"]
    assert len({a["story_id"] for a in found}) == 3
    text = run("reason", cake, "--story", ferry_story).stdout
    said = "  not compared: the story shares no name or word with the article"
    assert text.splitlines()[1] == said
    text = run("reason", late, "--story", ferry_story).stdout
    said = "  not compared: the story's latest article is farther than the story window"
    assert text.splitlines()[1] == said
    data = json.loads(run("reason", late, "--story", ferry_story, "--json").stdout)
    assert data["not_compared"] == "beyond the window"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2025-05-14", " on 2025-05-14"),
        ("2025-05-14TMO", " on 2025-05-14TMO"),
        ("2019", " in 2019"),
        ("2023-W37", " in 2023-W37"),
        (None, ""),
    ],
)
def test_an_event_time_reads_as_english(value: str | None, shown: str) -> None:
    from chronik.cli import _when

    assert _when(value) == shown


def test_merge_and_split_by_hand(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(fixtures / "items.jsonl"))
    first, second, *_ = json.loads(run("stories", "--json").stdout)["stories"]
    merged = run("merge", second["id"], first["id"])
    assert merged.exit_code == 0 and first["id"] in merged.stdout
    # The merged story is listed as its timeline lists it.
    timeline = [
        line
        for line in run("story", first["id"]).stdout.splitlines()[1:]
        if not line.startswith(("      +", "      !", "  event:", "  history:"))
    ]
    assert merged.stdout.splitlines()[1:] == timeline and len(timeline) > 1
    history = json.loads(run("story", "--json", first["id"]).stdout)["history"]
    assert {"action": "absorbed", "other": second["id"]}.items() <= history[-1].items()
    gone = run("story", second["id"])  # the merged story's id leads to the one it went into
    assert gone.exit_code == 0 and f"merged into {first['id']}" in gone.stderr
    assert json.loads(run("story", "--json", second["id"]).stdout)["id"] == first["id"]
    listed = run("articles", "--story", second["id"])  # said there too, not silently
    assert f"story {second['id']} was merged into {first['id']}" in listed.stderr
    assert "merged" not in run("articles", "--story", first["id"]).stderr
    assert "merged" not in run("articles", "--story", "").stderr
    moved = second["articles"][0]["id"]
    split = run("split", first["id"], moved)
    assert split.exit_code == 0 and moved in split.stdout
    assert "split" in run("story", first["id"]).stdout
    refused = run("split", first["id"], "nope")
    assert refused.exit_code != 0 and "E200" in refused.output and "Traceback" not in refused.output
    assert "E280" in run("split", first["id"]).output  # no article named: a usage error


def test_analyze_prints_json_without_storing(run, fixtures: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "analyze", str(fixtures / "article.txt"), "--published", "2024-06-10T08:00:00+02:00"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["published"] == "2024-06-10T06:00:00+00:00"
    assert (
        not (tmp_path / "c.db").exists()
        or json.loads(run("articles", "--json").stdout)["articles"] == []
    )


def test_every_list_says_its_total(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(fixtures))
    for kind in ("articles", "stories", "entities"):
        whole = json.loads(run(kind, "--json", "--limit", "1000").stdout)
        stored = whole["total"]
        assert stored == len(whole[kind]) > 2, kind
        second = run(kind, "--limit", "1", "--offset", "1")
        assert f"chronik: 2–2 of {stored} {kind}" in second.stderr, kind
        assert not run(kind, "--limit", "1000").stderr, "all of them: nothing to say"
    people = json.loads(run("entities", "--json", "--type", "per", "--limit", "1").stdout)
    assert 0 < people["total"] < stored


def test_search_and_article(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(fixtures))
    hits = json.loads(run("search", "--json", "Elbbrücke").stdout)["articles"]
    assert len(hits) == 1
    shown = json.loads(run("article", hits[0]["id"]).stdout)
    assert "Dömitz" in shown["text"]
    by_place = json.loads(run("search", "--json", "--entity", "Dömitz").stdout)["articles"]
    assert [a["id"] for a in by_place] == [hits[0]["id"]]
    assert json.loads(run("search", "--json", "--until", "1999-01-01").stdout) == {
        "articles": [],
        "total": 0,
    }
    stored = json.loads(run("search", "--json", "--limit", "1").stdout)["total"]
    second = run("search", "--limit", "1", "--offset", "1")
    assert stored > 2 and len(second.stdout.splitlines()) == 1
    assert f"chronik: 2–2 of {stored} matches" in second.stderr, "a page says where it is"
    unknown = run("search", "--entity", "Niemandsland")
    assert unknown.exit_code == 2 and "[E103]" in unknown.stderr
    backwards = run("search", "--since", "2025-05-14", "--until", "2025-05-12")
    assert (
        backwards.exit_code == 2
        and "[E112] --since/--until: no day is from 2025-05-14 until 2025-05-12"
        in (backwards.stderr)
    )
    # The day may be written as the API reads it, and the error says so.
    iso = run("search", "--json", "--since", "2025-05-14T08:00:00+02:00", "Elbbrücke")
    assert iso.exit_code == 0
    wrong = run("search", "--since", "14.05.2025")
    assert wrong.exit_code == 2 and "ISO 8601 time or an RFC 2822 date" in wrong.stderr


def test_every_command_is_documented() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"chronik {name}" in docs, f"command {name!r} is not documented in docs/cli.md"
        for sub in getattr(command, "commands", {}):
            assert f"chronik {name} {sub}" in docs, f"'{name} {sub}' is not documented"


def test_every_option_is_documented_in_its_commands_row() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = [line for line in docs.splitlines() if line.startswith("| `chronik ")]
    for name, command in cli.commands.items():
        subs = getattr(command, "commands", None)
        for full, each in (
            [(f"{name} {s}", c) for s, c in subs.items()] if subs else [(name, command)]
        ):
            mine = [row for row in rows if row.startswith(f"| `chronik {full}")]
            for param in each.params:
                if isinstance(param, click.Option) and param.name != "help":
                    flag = max(param.opts, key=len)
                    assert any(flag in row for row in mine), f"{full} {flag} is not documented"


def test_executor_option_reaches_the_analysis(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    for command in (["ingest", str(fixtures / "items.jsonl")], ["reanalyze"]):
        refused = run(*command[:1], "--executor", "nowhere", *command[1:])
        assert refused.exit_code != 0 and "E110" in refused.output, command
    assert run("ingest", "--executor", "serial", str(fixtures / "items.jsonl")).exit_code == 0


def test_serve_names_the_store_without_its_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    from chronik.web import server

    started: list[str] = []
    monkeypatch.setattr(server, "create_app", lambda options: started.append(options.db))
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets: None)
    url = "postgresql://chronik:geheim@db.example/chronik"
    result = CliRunner().invoke(cli, ["--db", url, "serve", "--port", "0"])
    assert result.exit_code == 0, result.output
    assert started == [url]
    said = capsys.readouterr().err + result.stderr
    assert "geheim" not in said and "serving postgresql://db.example/chronik on" in said


def test_serve_on_a_port_in_use_or_out_of_range_is_one_line(tmp_path: Path) -> None:
    import socket

    db = str(tmp_path / "s.db")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        busy = CliRunner().invoke(cli, ["--db", db, "serve", "--port", port])
    assert busy.exit_code == 2 and "[E260]" in busy.stderr and "Traceback" not in busy.output
    assert CliRunner().invoke(cli, ["--db", db, "serve", "--port", "99999"]).exit_code == 2
    # An address no one can have is said as such, with no warning about the network first.
    nowhere = CliRunner().invoke(cli, ["--db", db, "serve", "--host", "192.0.2.1"])
    assert nowhere.exit_code == 2 and nowhere.stderr.startswith("chronik: error: [E260]")


def test_serve_that_will_ingest_checks_its_analysis_before_it_listens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    monkeypatch.setenv("CHRONIK_PIPELINE", "nerr")
    writing = CliRunner().invoke(cli, ["--db", str(db), "serve", "--port", "0", "--token", "t"])
    assert writing.exit_code != 0 and "[E110]" in writing.stderr and not db.exists()


def test_no_store_is_made_in_an_empty_or_foreign_sqlite_file(tmp_path: Path) -> None:
    empty, foreign = tmp_path / "empty.db", tmp_path / "other.db"
    empty.touch()
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE foo (x INTEGER)")
    db.commit()
    db.close()
    runner = CliRunner()
    reading = runner.invoke(cli, ["--db", str(empty), "stories"])
    assert reading.exit_code == 2 and "[E230]" in reading.stderr and empty.stat().st_size == 0
    for args in (["stories"], ["ingest", "-"]):
        refused = runner.invoke(cli, ["--db", str(foreign), *args], input="Titel\nText.\n")
        assert refused.exit_code == 2 and "something else (tables foo)" in refused.stderr
    check = sqlite3.connect(foreign)
    assert check.execute("SELECT name FROM sqlite_master").fetchall() == [("foo",)]
    assert check.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_analyze_reads_one_article_and_refuses_several(run, fixtures: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    several = run("analyze", str(fixtures / "feed.rss"))
    # Bad input, as an ingest's: exit 1, not 2 (review 46).
    assert several.exit_code == 1 and "[E006]" in several.stderr and "feed.rss" in several.stderr
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run("analyze", str(empty)).exit_code == 1
    # A broken time given is refused as ingest refuses it, not analysed with (review 46).
    for broken in ("2999-01-01", "0001-01-01"):
        refused = run("analyze", str(fixtures / "article.txt"), "--published", broken)
        assert refused.exit_code == 1 and "[E008]" in refused.stderr, broken
    dated = tmp_path / "dated.jsonl"
    dated.write_text(
        '{"title": "Brücke", "text": "Die Brücke ist zu.", "published": "2999-01-01"}\n'
    )
    # The input's own date too, named with its line as ingest names it (review 81).
    assert f"[E008] {dated}: line 1: publication time" in run("analyze", str(dated)).stderr
    feed = tmp_path / "one.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Brücke gesperrt</title><description>Die Brücke ist zu.</description>"
        "</item><item><link>https://x.example/2</link></item></channel></rss>",
        encoding="utf-8",
    )
    # one article and an empty item: not several, but the empty item fails, as on ingest
    emptied = run("analyze", str(feed))
    assert emptied.exit_code == 1 and "[E005]" in emptied.stderr and "one.rss#2" in emptied.stderr
    # a feed cut short after its first item had printed that item and succeeded (review 59)
    cut = tmp_path / "cut.rss"
    cut.write_text(feed.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    broken = run("analyze", str(cut))
    assert broken.exit_code == 1 and "[E020]" in broken.stderr and not broken.stdout
    one = run("analyze", str(fixtures / "article.txt"))
    assert one.exit_code == 0 and json.loads(one.stdout)["title"].startswith("Hafenstadt Kiel")


def test_an_empty_store_name_is_refused(fixtures: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", "", "ingest", str(fixtures / "article.txt")])
    assert result.exit_code == 2 and "[E230]" in result.stderr and "no store named" in result.stderr


@pytest.mark.parametrize("command", [["articles"], ["ingest", "-"]])
def test_a_postgres_store_without_its_driver_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if not installed
    db = "postgresql://chronik:secret@localhost/news"
    result = CliRunner().invoke(cli, ["--db", db, *command], input="Ein Satz.")
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert "[E231]" in result.stderr and "pip install 'chronik[postgres]'" in result.stderr
    assert "secret" not in result.stderr


def test_a_mistyped_executor_is_refused_before_a_store_is_made(
    tmp_path: Path, fixtures: Path
) -> None:
    db = tmp_path / "never.db"
    args = ["--db", str(db), "ingest", "--executor", "procesess:2", str(fixtures / "article.txt")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "[E110] --executor: unknown" in result.stderr
    assert not db.exists()  # the option is named, as --published is (review 46)


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("pipeline", "unknown analysis component 'nope'"),
        ("ner_backend", "unknown NER backend 'nope'"),
        ("event_extractor", "unknown event extractor 'nope'"),
    ],
)
def test_analyze_names_a_mistyped_setting_as_ingest_does(
    fixtures: Path, monkeypatch: pytest.MonkeyPatch, setting: str, said: str
) -> None:
    """`CHRONIK_PIPELINE=nope chronik analyze` had said "[E110] unknown analysis component"
    without naming the variable, which `ingest` names (review 164)."""
    variable = f"CHRONIK_{setting.upper()}"
    monkeypatch.setenv(variable, "nope")
    result = CliRunner().invoke(cli, ["analyze", str(fixtures / "article.txt")])
    assert result.exit_code == 2 and f"[E110] {variable}: {said}" in result.stderr
    monkeypatch.delenv(variable)
    value: object = ("nope",) if setting == "pipeline" else "nope"
    with pytest.raises(ChronikError, match=rf"^\[E110\] {setting}: {said}"):
        Chronik(options=Options(**{setting: value})).analyze("Der Deich bei Husum hält stand.")


@pytest.mark.parametrize(
    ("pipeline", "component", "needs"),
    [
        ("subjectivity,sentences", "subjectivity", "sentences"),
        ("sentences,stance", "stance", "subjectivity"),
        ("ner,attribution", "attribution", "sentences"),
        # Named after a component that reads it where it runs, it had run too late, and
        # events had no parties and times without a word (review 262).
        ("sentences,events,ner,entities,timex", "events", "ner"),
        ("sentences,timex,ner", "timex", "ner"),
        ("sentences,subjectivity,stance,attribution", "stance", "attribution"),
    ],
)
def test_a_component_named_before_what_it_reads_is_refused_before_a_store_is_made(
    tmp_path: Path,
    fixtures: Path,
    monkeypatch: pytest.MonkeyPatch,
    pipeline: str,
    component: str,
    needs: str,
) -> None:
    """Named after the component that reads it, or not at all, a component's input had
    been empty, and the reader silently found nothing (review 247)."""
    monkeypatch.setenv("CHRONIK_PIPELINE", pipeline)
    db = tmp_path / "never.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(fixtures / "article.txt")])
    said = f"[E223] CHRONIK_PIPELINE: analysis component '{component}' reads what '{needs}'"
    assert result.exit_code == 2 and said in result.stderr and not db.exists()
    monkeypatch.delenv("CHRONIK_PIPELINE")
    with pytest.raises(ChronikError, match=rf"^\[E223\] pipeline: .*{needs!r} before it"):
        Chronik(options=Options(pipeline=tuple(pipeline.split(",")))).analyze("Der Deich hält.")
    # Components that can do without another's output run without it: events without
    # names find events without parties.
    assert Chronik(options=Options(pipeline=("events",))).analyze("Der Deich hält.")
    assert Chronik(options=Options(pipeline=("sentences", "events"))).analyze("Der Deich hält.")


def test_a_mistyped_event_extractor_is_refused_before_a_store_is_made(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHRONIK_EVENT_EXTRACTOR", "regeln")
    db = tmp_path / "never.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(fixtures / "article.txt")])
    assert result.exit_code == 2 and not db.exists()
    # It names the variable, as E220 does; the Python API names the setting (review 81).
    said = "[E110] CHRONIK_EVENT_EXTRACTOR: unknown event extractor 'regeln'; choose one of: rules"
    assert said in result.stderr
    monkeypatch.delenv("CHRONIK_EVENT_EXTRACTOR")
    with pytest.raises(ChronikError, match=r"^\[E110\] event_extractor: unknown event extractor"):
        Chronik(options=Options(db=str(db), event_extractor="regeln")).check_analysis()
    assert not db.exists()


@pytest.mark.parametrize(
    "setting",
    [
        {"max_bytes": "10"},
        {"story_threshold": "0.5"},
        {"story_window_days": 2.5},
        {"max_bytes": True},
        {"fetch": "no"},
        {"feeds": "https://feed.example/rss"},
        {"story_threshold": float("nan")},
        {"extra": ["a", "list"]},
    ],
)
def test_options_of_the_wrong_kind_are_e220_in_python_too(setting: dict[str, object]) -> None:
    with pytest.raises(ChronikError) as refused:
        Options(**setting)  # type: ignore[arg-type]
    assert refused.value.code is Code.E220


def test_options_hash_as_values_and_copies_share_no_extra_settings() -> None:
    plugin = {"wordcount": {"min": 3}}
    options = Options(extra=plugin)
    assert hash(options) == hash(Options(extra={"wordcount": {"min": 3}}))  # had been a TypeError
    assert {options: 1}[Options(extra={"wordcount": {"min": 3}})] == 1
    assert options != Options()
    copy = options.with_(executor="processes")
    copy.extra["other"] = 1
    copy.extra["wordcount"]["min"] = 5  # nested settings too
    plugin["late"] = 2
    assert options.extra == {"wordcount": {"min": 3}}, "neither the copy's nor the caller's dict"


def test_a_store_may_be_a_path_and_e220_names_the_variable_only_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CHRONIK_DB", raising=False)
    assert Chronik(tmp_path / "a.db").options.db == str(tmp_path / "a.db")
    assert Options(db=tmp_path / "b.db").db == str(tmp_path / "b.db")  # type: ignore[arg-type]
    with pytest.raises(ChronikError) as given:
        Chronik(5)  # type: ignore[arg-type]
    assert "setting db = 5 is not text" in str(given.value)
    with pytest.raises(ChronikError) as given:
        Options(max_bytes=-5)
    assert "setting max_bytes = -5" in str(given.value)
    monkeypatch.setenv("CHRONIK_MAX_BYTES", "-5")
    with pytest.raises(ChronikError) as from_environment:
        Chronik(tmp_path / "a.db")
    assert "setting CHRONIK_MAX_BYTES = -5" in str(from_environment.value)
    assert Options.from_env(max_bytes=10).max_bytes == 10, "a value given overrides it"


def test_options_take_a_list_where_a_tuple_belongs() -> None:
    assert Options(feeds=["https://a.example/rss"]).feeds == ("https://a.example/rss",)  # type: ignore[arg-type]


def test_a_feed_given_as_text_where_a_list_belongs_is_told_so() -> None:
    """``Options(feeds="https://…")`` had said "is not a list of names": a feed is an
    address, and what was wrong is that it is a text, not a list (review 164)."""
    for name, value in (("feeds", "https://a.example/rss"), ("pipeline", "ner")):
        with pytest.raises(ChronikError) as refused:
            Options(**{name: value})  # type: ignore[arg-type]
        said = f"setting {name} = {value!r} is not a list or tuple of texts"
        assert said in str(refused.value)


def test_no_match_and_nothing_to_run_say_so_on_stderr(
    run,
    fixtures: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    run("ingest", str(fixtures / "items.jsonl"))
    # Under a hit, the sentence with the word searched (here its start: "Pendler").
    hit = run("search", "Pendl").stdout.splitlines()
    assert hit[1:] == ["    Pendler müssen mit Ausfällen rechnen."], hit
    empty = run("search", "Fährverbindung", "--publisher", "niemand")
    assert (empty.exit_code, empty.stdout) == (0, "")
    assert empty.stderr == "chronik: no articles match\n"
    assert json.loads(run("search", "--json", "Nichts").stdout) == {"articles": [], "total": 0}
    # Every list says when it is empty, and why (review 71): an empty screen had read as a
    # command that did nothing.
    said = {
        ("entities", "--name", "Niemand"): "chronik: no entities match",
        ("entities", "--offset", "100000"): "chronik: no entities after the first 100000",
        ("stories", "--offset", "100000"): "chronik: no stories after the first 100000",
        ("articles", "--offset", "100000"): "chronik: no articles after the first 100000",
        # past the last page of a search there are matches, only not there (review 81)
        ("search", "--offset", "100000"): "chronik: no matches after the first 100000",
    }
    for command, line in said.items():
        assert (run(*command).stdout, run(*command).stderr) == ("", line + "\n"), command
    monkeypatch.setenv("CHRONIK_FEEDS", "")
    idle = run("run")
    assert idle.exit_code == 0 and "no feeds configured ($CHRONIK_FEEDS)" in idle.stderr


def test_past_the_last_page_of_a_filtered_list_is_not_no_match(
    run,
    fixtures: Path,  # type: ignore[no-untyped-def]
) -> None:
    # Review 247: `entities --type LOC --offset 5000` said "no entities match" of a store
    # with 333 places, and `articles --story S --offset 100` so of a story of 52 articles.
    run("ingest", str(fixtures / "items.jsonl"))
    story = json.loads(run("stories", "--json").stdout)["stories"][0]["id"]
    kind = json.loads(run("entities", "--json").stdout)["entities"][0]["type"]
    said = {
        ("entities", "--type", kind, "--offset", "100000"): (
            "chronik: no entities after the first 100000"
        ),
        ("articles", "--story", story, "--offset", "100000"): (
            "chronik: no articles after the first 100000"
        ),
        ("entities", "--type", kind, "--name", "Niemand"): "chronik: no entities match",
    }
    for command, line in said.items():
        result = run(*command)
        assert (result.stdout, result.stderr) == ("", line + "\n"), command


def test_an_interrupt_is_one_line_and_exit_130(
    run,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from chronik.app import Chronik

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Chronik, "ingest", interrupted)
    result = run("ingest", "-", stdin="Titel\n\nText.\n")
    assert result.exit_code == 130 and "Aborted" not in result.output
    assert result.stderr == "chronik: interrupted; what was stored before stays stored\n"


def test_an_interrupt_of_a_command_that_stores_nothing_says_nothing_of_storing(
    run,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Ctrl-C in `chronik eval extraction` (two minutes) or `chronik stories` had said "what
    was stored before stays stored": neither stores anything (review 164)."""
    from chronik.app import Chronik
    from chronik.evaluation import extraction

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(extraction, "evaluate_extraction", interrupted)
    monkeypatch.setattr(Chronik, "stories", interrupted)
    stored = run("ingest", "-", stdin="Deich hält\n\nDer Deich bei Husum hält stand.\n")
    assert stored.exit_code == 0
    for command in (("eval", "extraction", str(tmp_path)), ("stories",)):
        result = run(*command)
        assert result.exit_code == 130 and result.stderr == "chronik: interrupted\n", command


def test_a_reader_that_stops_early_is_no_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sentence = "Der Stadtrat von Lindenau beschloss am Montag den neuen Haushalt. "
    rows = [{"title": f"Haushalt {n}", "text": f"Teil {n}. " + sentence * 60} for n in range(30)]
    assert run("ingest", str(write_jsonl(tmp_path / "items.jsonl", rows))).exit_code == 0
    command = [str(Path(sys.executable).parent / "chronik"), "--db", str(tmp_path / "c.db")]
    # As `chronik export | head -1`: far more than a pipe's buffer, read one line of it.
    export = subprocess.Popen([*command, "export"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert export.stdout and export.stdout.readline().startswith(b"{")
    export.stdout.close()
    assert export.wait(timeout=120) == 0 and export.stderr and export.stderr.read() == b""


@pytest.fixture
def sigterm() -> Iterator[None]:
    """SIGTERM handled as `chronik` (its main) handles it; CliRunner calls the group."""
    previous = signal.signal(signal.SIGTERM, cli_module._terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        cli_module._STOPPED_BY.clear()


@pytest.mark.usefixtures("ctrl_c", "sigterm")
@pytest.mark.parametrize(
    ("stop", "code", "said"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
)
def test_an_interrupted_ingest_says_how_many_articles_it_stored(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: int, code: int, said: str
) -> None:
    from chronik.store.sql import SQLStore

    put_entities, written = SQLStore._put_entities, []

    def stopped_in_the_second(store: SQLStore, article: Article) -> None:
        written.append(article.id)
        if len(written) == 2:
            signal.raise_signal(stop)  # in the middle of storing it: it is stored whole
        put_entities(store, article)

    monkeypatch.setattr(SQLStore, "_put_entities", stopped_in_the_second)
    rows = [{"title": f"Meldung {n}", "text": f"Der Text der Meldung {n}."} for n in range(5)]
    result = run("ingest", str(write_jsonl(tmp_path / "items.jsonl", rows)))
    assert result.exit_code == code
    assert result.stderr.endswith(
        f"chronik: {said} after 2 inserted, 0 revised, 0 unchanged, 0 failed; "
        "what was stored before stays stored\n"
    )
    assert len(json.loads(run("articles", "--json").stdout)["articles"]) == 2


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_text(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    items = tmp_path / "items.jsonl"
    title = '=HYPERLINK("https://evil.example","Klick")'
    text = "Ein Satz über den Stadtrat. Noch ein Satz über den Haushalt."
    items.write_text(json.dumps({"url": "https://a.example/1", "title": title, "text": text}))
    run("ingest", str(items))
    [row] = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert row["title"] == "'" + title and row["text"].startswith("'=HYPERLINK")
    [record] = [json.loads(line) for line in run("export").stdout.splitlines()]
    assert record["title"] == title  # JSONL keeps the text as it is


def test_a_bug_is_one_line_with_its_traceback_in_a_file(
    run, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaputt\nzweite Zeile")

    monkeypatch.setattr(Chronik, "stories", broken)
    result = run("stories")
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("chronik: error: [E290] internal error (RuntimeError: kaputt)")
    path = Path(line.rsplit(" in ", 1)[1])
    assert "RuntimeError: kaputt" in path.read_text(encoding="utf-8")
    path.unlink()


def test_a_thousand_errors_are_printed_then_counted(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.jsonl"
    broken.write_text("x\n" * 1005, encoding="utf-8")
    result = run("ingest", str(broken))
    lines = result.stderr.splitlines()
    assert sum("[E030]" in line for line in lines) == 1000
    assert "chronik: error: … and 5 more; --json lists them all" in lines
    full = json.loads(run("ingest", "--json", str(broken)).stdout)
    assert len(full["errors"]) == 1005
    # `run` has no --json to point to (review 39)
    assert "chronik: error: … and 5 more" in run("run", str(broken)).stderr.splitlines()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_the_system_refusing_not_a_bug(run, fixtures: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(fixtures / "article.txt"))
    result = run("export", "-o", "/dev/full")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("chronik: error: [E291] the system refused (OSError: [Errno 28]")


def test_python_m_chronik_is_the_same_command(tmp_path: Path) -> None:
    # Its hints had read "'chronik --db FILE -m chronik run'" (review 40).
    command = [sys.executable, "-m", "chronik"]
    done = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("chronik, version")
    refused = subprocess.run([*command, "run", "--db", "x.db"], capture_output=True, text=True)
    assert "'chronik --db FILE run'; see 'chronik run --help'" in refused.stderr


def test_version_help_and_a_usage_error_import_no_analysis() -> None:
    # Every command had waited 0.7 s for the analysis modules, `chronik --version` too
    # (review 114): the API and the analysis are imported by the commands that use them.
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from chronik.cli import cli\n"
        "for args in (['--version'], ['story', '--help'], ['stories', '--limit', '0']):\n"
        "    CliRunner().invoke(cli, args)\n"
        "heavy = ('chronik.app', 'chronik.analysis.pipeline', 'simplemma', 'httpx', 'numpy')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
    # The names stay where they were: `from chronik import Chronik` imports it then.
    import chronik

    assert chronik.Chronik is Chronik and "Chronik" in chronik.__all__


def test_a_command_that_reads_the_store_imports_no_http_client_or_analysis(
    run, tmp_path: Path, fixtures: Path
) -> None:  # type: ignore[no-untyped-def]
    # httpx and the event grammar, 0.13 s of 0.58, are imported by the first fetch and the
    # first check of the pipeline (review 114); `stories` needs neither. Nor the page
    # extractor and the NER rules: 0.69 -> 0.47 CPU s for `stories --json` (stop 68).
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from chronik.cli import cli\n"
        "CliRunner().invoke(cli, sys.argv[1:])\n"
        "heavy = ('httpx', 'chronik.analysis.events', 'chronik.analysis.ner', 'trafilatura')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    run("ingest", str(fixtures / "article.txt"))
    command = [sys.executable, "-c", probe, "--db", str(tmp_path / "c.db"), "stories"]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_json_output_stays_utf8_for_a_name_that_is_not(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"e\xff.txt")).write_bytes(b"")  # empty: one error naming it
    missing = str(folder / os.fsdecode(b"f\xff.txt"))
    result = run("ingest", "--json", str(folder), missing)
    # Its raw byte had made the output no UTF-8 (review 42), then a lone surrogate,
    # "\udcff", which strict JSON readers refuse: the byte as a stored name writes it.
    report = json.loads(result.stdout_bytes.decode("utf-8"))
    assert report["failed"] == 2 and "e\\xff.txt: input is empty" in report["errors"][0]
    assert "f\\xff.txt: cannot read input" in report["errors"][1]
    assert "\\u" not in result.stdout and "\\xff.txt" in result.stderr


def test_an_empty_filter_is_a_usage_error_not_no_filter(run) -> None:  # type: ignore[no-untyped-def]
    # `--story "$SID"` with the variable unset had listed everything (review 46).
    for args in (
        ("articles", "--story", ""),
        ("search", "--entity", " "),
        ("entities", "--name", ""),
        ("search", "--publisher", ""),
    ):
        result = run(*args)
        assert result.exit_code == 2 and "[E280]" in result.stderr, args
        assert "an empty value" in result.stderr and result.stdout == "", args
    # A word that is no UTF-8 is no word, not a search without words (review 46).
    result = run("search", "\udcff")
    assert result.exit_code == 2 and "'WORDS...': not UTF-8 text" in result.stderr


def test_ingest_fetch_names_a_page_it_could_not_read(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The feed's item is kept where its page is out of reach; it had been kept without a
    word, as if the page had been read (review 164)."""
    feed = tmp_path / "links.rss"
    feed.write_text(
        '<rss version="2.0"><channel><title>K</title><item><title>Deich hält stand</title>'
        "<link>http://127.0.0.1:9/deich</link><description>Der Deich bei Husum hat die "
        "Sturmflut überstanden, sagte der Landrat.</description></item></channel></rss>",
        encoding="utf-8",
    )
    result = run("ingest", "--fetch", str(feed))
    assert result.exit_code == 0 and "1 inserted" in result.stdout, result.output
    [line] = [line for line in result.stderr.splitlines() if "not fetched" in line]
    assert line.startswith("chronik: warning: page not fetched, the feed's item kept: ")
    assert "http://127.0.0.1:9/deich" in line and "[E060]" in line
    again = run("ingest", "--fetch", "--json", str(feed))
    assert json.loads(again.stdout)["unfetched"] == [line.split("kept: ", 1)[1]]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_wait_is_said_on_a_terminal_and_wiped_and_not_when_piped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`analyze` loaded its models (4 s; 30 s with the e5 backend) without a word, and the
    bar of `ingest --executor dask:local` stood at "articles: 0" while its workers started
    (review 164)."""
    from chronik.cli.progress import _progress, _starting, _waiting

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with _waiting("chronik: loading the models and analysing …"):
        assert terminal.getvalue() == "chronik: loading the models and analysing …"
    assert terminal.getvalue().endswith("\r\x1b[K")
    with _progress(starting=_starting("dask:local")):
        assert "starting dask:local's workers, which load the models: articles: 0" in (
            terminal.getvalue()
        )
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    with _waiting("chronik: loading the models and analysing …"), _progress(starting="x"):
        pass
    assert piped.getvalue() == ""


def test_analyze_says_it_waits_for_the_models(
    run, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from chronik.cli import ingest_commands

    said = []
    real = ingest_commands._waiting
    monkeypatch.setattr(ingest_commands, "_waiting", lambda line: said.append(line) or real(line))
    result = run("analyze", str(fixtures / "article.txt"))
    assert result.exit_code == 0 and said == ["chronik: loading the models and analysing …"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_bars_are_drawn_on_a_terminal_that_reports_no_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """tqdm read a terminal of 0 rows (a `script` pty) as -1 rows and hid every bar."""
    import contextlib
    import fcntl
    import pty
    import select
    import struct
    import termios

    from chronik.cli.progress import _bar

    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 0, 150, 0, 0))
    with os.fdopen(side, "w", closefd=True) as terminal:
        monkeypatch.setattr(sys, "stderr", terminal)
        with _bar("article", disable=None) as bar:
            bar.update(3)
            bar.refresh()
    drawn = b""
    with contextlib.suppress(OSError):  # Linux's EIO once the terminal's side is closed
        while select.select([main], [], [], 0.5)[0]:
            drawn += os.read(main, 4096)
    os.close(main)
    assert "articles: 3" in drawn.decode()


def test_watch_s_bar_says_it_fetches_and_loads_until_its_first_feed_is_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`watch`'s bar had stood at "articles: 0" while its first feeds were fetched and the
    models loaded; a first feed with nothing new is done too, so the words go then."""
    from chronik.app import IngestReport
    from chronik.cli.progress import _progress, _starting

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with _progress(starting=_starting("threads", feeds=True)) as update:
        assert "fetching the feeds; loading the models: articles: 0" in terminal.getvalue()
        drawn = len(terminal.getvalue())
        update("http://example.org/feed.xml", IngestReport())
    assert "fetching" not in terminal.getvalue()[drawn:]


def test_an_error_is_said_as_its_input_fails_not_at_the_end(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronik.analysis import pipeline

    (tmp_path / "empty.txt").write_text("")
    said: list[str] = []

    def hook(name: str, article: Article) -> None:  # the article after it, being analysed
        sys.stderr.flush()
        said.append(sys.stderr.buffer.getvalue().decode())  # type: ignore[attr-defined]

    monkeypatch.setattr(pipeline, "_STEP_HOOKS", [hook])
    result = run("ingest", str(tmp_path / "empty.txt"), str(fixtures / "article.txt"))
    assert said and "[E001]" in said[0] and "empty.txt" in said[0]
    # said once: the end gives only the counts
    assert result.exit_code == 1 and result.stderr.count("[E001]") == 1
    assert result.stdout == "1 inserted, 0 revised, 0 unchanged, 1 failed\n"
