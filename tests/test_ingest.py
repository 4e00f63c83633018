"""Every reader, and every kind of bad input, on the project's own small fixtures."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from chronik.analysis.structure import build_article
from chronik.errors import Code, InputError
from chronik.ingest.document import Document
from chronik.ingest.fields import publisher_name
from chronik.ingest.readers import sniff_format
from chronik.ingest.sources import iter_documents, list_files, read_bytes
from chronik.options import Options
from files import write_jsonl

OPTIONS = Options()


def read(path: Path, options: Options = OPTIONS) -> list[Document | InputError]:
    return list(iter_documents([str(path)], options))


def test_plain_text(fixtures: Path) -> None:
    [doc] = read(fixtures / "article.txt")
    assert isinstance(doc, Document) and doc.format == "text"
    assert doc.text and doc.text.startswith("Hafenstadt Kiel")


def test_html_page(fixtures: Path) -> None:
    [doc] = read(fixtures / "page.html")
    assert isinstance(doc, Document) and doc.format == "html"
    assert doc.html and "Elbbrücke" in doc.html


@pytest.mark.parametrize("name", ["feed.rss", "feed.atom"])
def test_feeds_give_one_document_per_item(fixtures: Path, name: str) -> None:
    docs = read(fixtures / name)
    assert docs and all(isinstance(d, Document) and d.format == "feed" for d in docs)
    first = docs[0]
    assert isinstance(first, Document)
    assert first.url and first.url.startswith("https://")
    assert first.published is not None
    assert first.text and "<" not in first.text


def test_rss_item_paragraphs_are_kept(fixtures: Path) -> None:
    first = read(fixtures / "feed.rss")[0]
    assert isinstance(first, Document) and first.text
    assert first.text.split("\n\n") == [
        "Ein Stromausfall hat am Mittwochabend weite Teile der Innenstadt lahmgelegt.",
        "Die Stadtwerke suchen nach der Ursache.",
    ]


def test_jsonl(fixtures: Path) -> None:
    docs = read(fixtures / "items.jsonl")
    assert [type(d) for d in docs] == [Document, Document, Document]
    first = docs[0]
    assert isinstance(first, Document)
    assert first.url == "https://jsonl.example/a1" and first.published is not None
    assert first.origin.endswith("items.jsonl: line 1")


def test_jsonl_publisher_given_as_an_address_is_named_by_its_host(tmp_path: Path) -> None:
    path = tmp_path / "quellen.jsonl"
    lines = [
        {"title": "A", "text": "Eins.", "source": "https://www.tagesschau.de/api2u/homepage/"},
        {"title": "B", "text": "Zwei.", "publisher": "Kieler Nachrichten"},
        {"title": "C", "text": "Drei.", "source": "http://ostsee-bote.example"},
    ]
    write_jsonl(path, lines)
    publishers = [doc.publisher for doc in read(path) if isinstance(doc, Document)]
    assert publishers == ["tagesschau.de", "Kieler Nachrichten", "ostsee-bote.example"]


def test_jsonl_url_is_read_as_the_page_it_names(tmp_path: Path) -> None:
    # Another scheme names no page; spaces around it and capitals name the same page.
    page, bote = "https://www.ostsee-bote.example/c", "ostsee-bote.example"
    lines = [
        ("javascript:alert(1)", None, None),
        ("mailto:redaktion@ostsee-bote.example", None, None),
        (page, page, bote),
        (f"  {page}\n", page, bote),
        ("HTTPS://WWW.Ostsee-Bote.example/c", page, bote),
        ("   ", None, None),
        ("http://[::1", None, None),  # does not split: no address (review 71)
        ("https://", None, None),  # names no host
        (
            "HTTPS://Leser:GeHeim@WWW.Ostsee-Bote.example/e",
            "https://Leser:GeHeim@www.ostsee-bote.example/e",
            bote,
        ),
    ]
    path = tmp_path / "links.jsonl"
    write_jsonl(
        path, [{"title": "T", "text": f"Text {n}.", "url": u} for n, (u, _, _) in enumerate(lines)]
    )
    articles = [build_article(doc) for doc in read(path) if isinstance(doc, Document)]
    assert [(a.url, a.publisher) for a in articles] == [(url, name) for _, url, name in lines]
    assert len({a.id for a in articles[2:5]}) == 1


def test_jsonl_content_is_the_text_when_there_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    path.write_text(
        '{"title": "Kurz", "content": "Der ganze Artikel."}\n'
        '{"title": "Beides", "text": "Der Text.", "content": "Nicht dies."}\n',
        encoding="utf-8",
    )
    first, second = read(path)
    assert isinstance(first, Document) and first.text == "Der ganze Artikel."
    assert isinstance(second, Document) and second.text == "Der Text."


def test_jsonl_publication_time_under_other_names(tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    path.write_text(
        '{"title": "A", "gathered_date": "2025-08-05"}\n'
        '{"title": "B", "pubDate": "Tue, 05 Aug 2025 10:00:00 +0200"}\n'
        '{"title": "C", "published": "2025-08-06T12:00:00Z", "date": "2020-01-01"}\n'
        '{"title": "D", "date": "gestern"}\n'
        '{"title": "E", "published": "", "date": "2025-08-07"}\n'
        '{"title": "F", "published_at": 1754388000}\n'
        '{"title": "G", "pubDate": {"$date": 1}, "date": 1754388000000}\n'
        '{"title": "H", "published": true}\n'
        '{"title": "I", "published": "1754388000"}\n'
        '{"title": "J", "published": " 1754388000000 "}\n'
        '{"title": "K", "published": "20250805"}\n',
        encoding="utf-8",
    )
    a, b, c, d, e, f, g, h, i, j, k = read(path)
    # Seconds or milliseconds written as a string, as many exports do; eight digits a date.
    assert isinstance(i, Document) and isinstance(j, Document) and isinstance(k, Document)
    assert i.published == j.published == datetime(2025, 8, 5, 10, tzinfo=UTC)
    assert k.published == datetime(2025, 8, 5, tzinfo=UTC)
    assert isinstance(a, Document) and a.published == datetime(2025, 8, 5, tzinfo=UTC)
    assert isinstance(b, Document) and b.published == datetime(2025, 8, 5, 8, tzinfo=UTC)
    assert isinstance(c, Document) and c.published == datetime(2025, 8, 6, 12, tzinfo=UTC)
    assert isinstance(d, InputError) and "'date'" in str(d) and "gestern" in str(d)
    assert isinstance(e, Document) and e.published == datetime(2025, 8, 7, tzinfo=UTC)
    # Unix time in seconds or milliseconds; a field that holds no time is passed over.
    assert isinstance(f, Document) and f.published == datetime(2025, 8, 5, 10, tzinfo=UTC)
    assert isinstance(g, Document) and g.published == f.published
    assert isinstance(h, InputError) and "'published' is not a time" in str(h)


def warc_bytes(pages: dict[str, bytes], compress: bool = False, status: str = "200 OK") -> bytes:
    """A WARC archive of ``pages``, the same bytes on every run: warcio's own record id and
    date would change them, and with them where a test's cut or damage falls."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for n, (url, body) in enumerate(pages.items()):
        headers = StatusAndHeaders(
            status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        fixed = {
            "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{n}:{url}')}>",
            "WARC-Date": "2024-05-01T08:00:00Z",
        }
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict=fixed
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_a_warc_of_a_header_without_type_or_of_no_page_says_so(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"WARC/1.0\r\nkein Kopf\r\n\r\nblah")
    [error] = read(garbage)
    assert isinstance(error, InputError) and error.code is Code.E040
    # Only a redirect: a whole archive, but nothing to read in it.
    redirect = tmp_path / "redirect.warc"
    redirect.write_bytes(warc_bytes({"https://a.example": b"<p>x</p>"}, status="301 Moved"))
    [nothing] = read(redirect)
    assert isinstance(nothing, InputError) and nothing.code is Code.E005


def test_a_warc_record_without_target_uri_is_one_error_and_the_rest_is_read(
    tmp_path: Path, fixtures: Path
) -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Gera baut eine Schule.</p>"
    bare = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bare>\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http)}\r\n\r\n".encode()
        + http
        + b"\r\n\r\n"
    )
    page = (fixtures / "page.html").read_bytes()
    path = tmp_path / "mixed.warc"
    path.write_bytes(bare + warc_bytes({"https://a.example/1": page}))
    errors, docs = [], []
    for item in read(path):
        (errors if isinstance(item, InputError) else docs).append(item)
    assert [d.url for d in docs] == ["https://a.example/1"]
    [error] = errors
    assert (
        error.code is Code.E040 and "WARC-Target-URI" in str(error) and "mixed.warc" in str(error)
    )
    nameless = tmp_path / "nameless.warc"  # no record id either: the archive names it
    nameless.write_bytes(bare.replace(b"WARC-Record-ID: <urn:uuid:bare>\r\n", b""))
    [error] = [item for item in read(nameless) if isinstance(item, InputError)]
    assert f"] {nameless}: broken WARC" in str(error) and "None" not in str(error)


@pytest.mark.parametrize("compress", [False, True])
def test_warc_each_html_response_is_a_document(
    tmp_path: Path, fixtures: Path, compress: bool
) -> None:
    page = (fixtures / "page.html").read_bytes()
    path = tmp_path / ("archive.warc.gz" if compress else "archive.warc")
    path.write_bytes(
        warc_bytes({"https://a.example/1": page, "https://a.example/2": page}, compress)
    )
    docs = read(path)
    assert [d.url for d in docs if isinstance(d, Document)] == [
        "https://a.example/1",
        "https://a.example/2",
    ]
    # Gzipped whole (`gzip archive.warc`), not record by record as warcio writes it.
    path.write_bytes(
        gzip.compress(warc_bytes({"https://a.example/1": page, "https://a.example/2": page}))
    )
    assert [d.url for d in read(path)] == ["https://a.example/1", "https://a.example/2"]


def test_directories_are_read_recursively_and_skip_other_files(
    tmp_path: Path, fixtures: Path
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Titel\nText eines Artikels.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Versteckt.", encoding="utf-8")
    assert [p.name for p in list_files(tmp_path)] == ["a.txt"]


def test_a_link_to_nothing_in_a_directory_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Titel\nText eines Artikels.", encoding="utf-8")
    (tmp_path / "weg.txt").symlink_to(tmp_path / "gelöscht.txt")
    items = list(iter_documents([str(tmp_path)], Options()))
    [error] = [i for i in items if isinstance(i, InputError)]
    assert error.code is Code.E050 and "weg.txt" in str(error)
    assert [i.origin for i in items if isinstance(i, Document)] == [str(tmp_path / "a.txt")]


def test_sniffing_without_endings(fixtures: Path) -> None:
    assert sniff_format((fixtures / "feed.rss").read_bytes(), "x") == "feed"
    assert sniff_format((fixtures / "page.html").read_bytes(), "x") == "html"
    assert sniff_format((fixtures / "items.jsonl").read_bytes(), "x") == "jsonl"
    assert sniff_format(warc_bytes({"https://a.example": b"<p>x</p>"}, True), "x") == "warc"
    assert sniff_format(b"Nur Text.", "x") == "text"


def test_a_media_type_names_the_format_the_bytes_leave_open() -> None:
    braces = b"{Klammern} am Anfang eines Briefs."
    assert sniff_format(braces, "api") == "jsonl"
    assert sniff_format(braces, "api", "text/plain; charset=utf-8") == "text"
    assert sniff_format(b'{"title": "T"}', "api", "Application/X-NDJSON") == "jsonl"
    page = b"<!DOCTYPE html><p>Absatz</p>"
    assert sniff_format(page, "api", "application/octet-stream") == "html"


def test_json_lines_declared_html_are_read_as_json_lines() -> None:
    # POST /api/ingest of JSON lines with 'Content-Type: text/html' had been "[E010] broken
    # HTML: no HTML elements found" (review 114); an element anywhere keeps it HTML.
    lines = b'{"title": "Eins", "text": "Erster Text."}\n{"title": "Zwei", "text": "Zwei."}\n'
    assert sniff_format(lines, "api", "text/html; charset=utf-8") == "jsonl"
    assert sniff_format(b'[{"title": "Eins"}]', "seite.html") == "jsonl"
    items = list(read_bytes(lines, "api", Options(), "text/html"))
    assert [i.title for i in items if isinstance(i, Document)] == ["Eins", "Zwei"]
    assert sniff_format(b'{"a": 1} <p>x</p>', "api", "text/html") == "html"
    assert sniff_format(b"Nur Text.", "api", "text/html") == "html"  # E010, as before


def test_a_jsonl_title_and_plain_text_lose_the_pages_markup_and_references(
    tmp_path: Path,
) -> None:
    # Review 247: a scraper's "<b>Eilmeldung:</b> Sturm &uuml;ber Kiel" had been the
    # headline as written, and "M&uuml;nster" and "&quot;Wir bauen&quot;" the text's words.
    line = {
        "title": "<b>Eilmeldung:</b> Sturm &uuml;ber Kiel",
        "text": "Der Rat von M&uuml;nster ist sich einig: &quot;Wir bauen&quot;, sagte er. "
        "AT&T und B&B bleiben, Rot&not ebenso; &#8222;Fertig&#8220;, hieß es.",
    }
    path = tmp_path / "items.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.title == "Eilmeldung: Sturm über Kiel"
    assert doc.text == (
        'Der Rat von Münster ist sich einig: "Wir bauen", sagte er. '
        "AT&T und B&B bleiben, Rot&not ebenso; „Fertig“, hieß es."
    )
    line = {"title": "Bürger &amp; Rat", "text": "Ein Satz.", "publisher": "Rhein &amp; Ruhr"}
    path.write_text(json.dumps(line) + "\n")
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.title == "Bürger & Rat"
    assert doc.publisher == "Rhein & Ruhr"


def test_a_json_document_is_read_as_its_items(tmp_path: Path) -> None:
    items = [{"title": "Eins", "text": "Erster Text."}, {"title": "Zwei", "text": "Zweiter."}]
    array = tmp_path / "export.json"
    array.write_text(json.dumps(items, indent=1), encoding="utf-8")
    assert [i.title for i in read(array) if isinstance(i, Document)] == ["Eins", "Zwei"]
    assert [i.title for i in iter_documents([str(tmp_path)], Options())] == ["Eins", "Zwei"]
    pretty = tmp_path / "eins.json"
    pretty.write_text(json.dumps(items[0], indent=2), encoding="utf-8")
    assert [i.title for i in read(pretty) if isinstance(i, Document)] == ["Eins"]
    broken = tmp_path / "broken.json"
    broken.write_text('[\n {"title": "Eins"},\n {"title": "Zwei"\n', encoding="utf-8")
    first, error = read(broken)
    assert isinstance(first, Document) and first.title == "Eins"
    # The file ends inside the second item, at its third line (json says "line 4", the
    # place after the last line break; review 114).
    assert isinstance(error, InputError) and "broken.json: line 3: not JSON (cut short" in str(
        error
    )


def test_text_declared_plain_yields_to_a_start_no_text_has(fixtures: Path) -> None:
    feed = (fixtures / "feed.rss").read_bytes()
    assert sniff_format(feed, "feed.txt") == "feed"
    assert sniff_format(feed, "api", "text/plain") == "feed"
    assert sniff_format(b'[{"title": "T"}]', "api", "text/plain") == "jsonl"
    assert sniff_format(b"<b>Fett</b> am Anfang.", "notiz.txt") == "text"
    # JSON lines and a pretty-printed object, not a "{" that opens prose (review 59)
    lines = b'{"title": "Eins"}\n{"title": "Zwei"}\n'
    assert sniff_format(lines, "api", "text/plain") == "jsonl"
    assert sniff_format(b'{\n "title": "Eins"\n}\n', "eins.txt") == "jsonl"
    assert sniff_format(b"{Klammer} am Anfang.\n\nText.", "notiz.txt") == "text"
    form = b'--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nText\r\n--x--'
    [error] = read_bytes(form, "api", Options(), "multipart/form-data; boundary=x")
    assert isinstance(error, InputError) and error.code is Code.E007


# --- bad input -------------------------------------------------------------------------


def one_error(items: list[Document | InputError]) -> InputError:
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1, items
    return errors[0]


def titles_and_error(items: list[Document | InputError]) -> tuple[list[str | None], str]:
    """The documents' titles, and the message of the one error among them."""
    return [i.title for i in items if isinstance(i, Document)], str(one_error(items))


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    error = one_error(read(path))
    assert error.code.name == "E001" and str(path) in str(error)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 10)
    assert one_error(read(path)).code.name == "E002"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encodings_decode(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes(
        "Grüße aus Köln – „Straße“\nDer Text enthält Umlaute: äöüß.".encode(encoding, "replace")
    )
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.text and "Grüße aus Köln" in doc.text


@pytest.mark.parametrize(
    ("encoding", "declared"), [("utf-8", "iso-8859-1"), ("latin-1", "iso-8859-1")]
)
def test_html_bytes_in_utf8_win_over_a_false_declaration(
    tmp_path: Path, encoding: str, declared: str
) -> None:
    page = (
        f'<html><head><meta charset="{declared}"><title>Hochwasser in Süddeutschland</title>'
        "</head><body><p>Überschwemmungen in Bayern.</p></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_bytes(page.encode(encoding))
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.html and "Süddeutschland" in doc.html
    assert "Überschwemmungen" in doc.html


def test_utf8_with_a_stray_legacy_byte_stays_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gemischt.txt"
    path.write_bytes("Die Bürger in München äußerten sich. Preis: 5 ".encode() + b"\x80.")
    [doc] = read(path)
    assert (
        isinstance(doc, Document) and doc.text == "Die Bürger in München äußerten sich. Preis: 5 €."
    )
    lines = tmp_path / "gemischt.jsonl"
    record = '{"title": "Gemüse", "text": "Gemüse kostet 3 '.encode() + b'\x80."}\n'
    lines.write_bytes(record)
    [item] = read(lines)
    assert (
        isinstance(item, Document) and item.title == "Gemüse" and item.text == "Gemüse kostet 3 €."
    )
    tie = tmp_path / "gleich.txt"  # one UTF-8 character, one stray byte: still UTF-8
    tie.write_bytes("Überschrift\n\nDer Preis liegt bei 5 ".encode() + b"\x80 heute.")
    [doc] = read(tie)
    assert (
        isinstance(doc, Document) and doc.text.startswith("Überschrift") and "5 € heute" in doc.text
    )


def test_utf16_with_its_bom_decodes_and_a_false_utf16_declaration_is_ignored(
    tmp_path: Path,
) -> None:
    text = tmp_path / "utf16.txt"
    text.write_bytes("Grüße aus Köln\nEin Satz über die Stadt.".encode("utf-16"))
    [doc] = read(text)
    assert isinstance(doc, Document) and doc.text and doc.text.startswith("Grüße aus Köln")
    for codec in ("utf-32", "utf-32-be"):  # its BOM too; it had been called binary (review 42)
        bom = "\ufeff" if codec.endswith("be") else ""
        text.write_bytes((bom + "Grüße aus Köln\nEin Satz über die Stadt.").encode(codec))
        [doc] = read(text)
        assert isinstance(doc, Document) and doc.text and doc.text.startswith("Grüße aus Köln")
    page = tmp_path / "falsch.html"
    claim = '<html><head><meta charset="utf-16"></head>'
    page.write_bytes((claim + "<body><p>Grüße aus Köln.</p></body></html>").encode())
    [html] = read(page)
    assert isinstance(html, Document) and html.html and "Grüße aus Köln" in html.html


def test_huge_text_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Ein Satz ohne Ende " * (50_000_000 // 19 + 1))
    error = one_error(read(path))
    assert error.code.name == "E003" and "huge.txt" in str(error)


def test_what_unpacks_or_streams_past_the_limit_is_refused_at_it(tmp_path: Path) -> None:
    small = Options(max_bytes=10_000)
    # A WARC record of 200 KB gzips to a few KB: its own size is what counts.
    page = b"<html><body><p>" + b"Wort " * 40_000 + b"</p></body></html>"
    archive = tmp_path / "bomb.warc.gz"
    archive.write_bytes(warc_bytes({"https://a.example/": page}, compress=True))
    assert archive.stat().st_size < 10_000
    error = one_error(read(archive, small))
    assert error.code is Code.E003 and "https://a.example/" in str(error)
    # A gzipped JSONL file is read; past the limit once unpacked, refused.
    line = json.dumps({"title": "Titel", "text": "Ein Satz. " * 20, "url": "https://a.example/1"})
    packed = tmp_path / "items.jsonl.gz"
    packed.write_bytes(gzip.compress((line + "\n").encode()))
    [doc] = read(packed, small)
    assert isinstance(doc, Document) and doc.title == "Titel"
    packed.write_bytes(gzip.compress((line + "\n").encode() * 100))
    assert one_error(read(packed, small)).code is Code.E003
    broken = tmp_path / "cut.txt.gz"
    broken.write_bytes(gzip.compress(b"Ein Satz. " * 100)[:30])
    assert one_error(read(broken, small)).code is Code.E004
    # A device reports no size; reading stops at the limit.
    assert one_error(read(Path("/dev/zero"), small)).code is Code.E003


def test_a_cut_gzipped_jsonl_file_keeps_its_lines_before_the_break(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": f"Titel {n}", "text": f"Satz Nummer {n} steht hier. " * 30})
        for n in range(200)
    ]
    packed = gzip.compress("".join(line + "\n" for line in lines).encode())
    path = tmp_path / "items.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    items = list(read(path))
    docs = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, InputError)]
    assert 10 < len(docs) < 200
    assert [doc.title for doc in docs] == [f"Titel {n}" for n in range(len(docs))]
    # The cut line is its own error; the last one says why the file ended there.
    assert errors[-1].code is Code.E004 and "the lines before it were read" in str(errors[-1])
    assert "items.jsonl.gz" in str(errors[-1])
    # Two members, the second one damaged: the first member's lines are all there.
    first = gzip.compress((lines[0] + "\n").encode())
    path.write_bytes(first + b"\x1f\x8b\x08\x00garbage")
    kept = list(read(path))
    assert [item.title for item in kept if isinstance(item, Document)] == ["Titel 0"]
    assert isinstance(kept[-1], InputError) and kept[-1].code is Code.E004
    # Zeros after the last member are padding, as gzip itself reads them.
    path.write_bytes(first + bytes(512))
    assert [item.title for item in read(path) if isinstance(item, Document)] == ["Titel 0"]


def test_truncated_html_still_reads(tmp_path: Path, fixtures: Path) -> None:
    html = (fixtures / "page.html").read_bytes()
    path = tmp_path / "cut.html"
    path.write_bytes(html[: len(html) // 2 + 200])
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.format == "html"


def test_html_without_elements_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nothing.html"
    for page in (b"<!-- nothing here -->", b"<!DOCTYPE html>", b"Preis <5 Euro, nur Text."):
        path.write_bytes(page)
        assert one_error(read(path)).code.name == "E010", page
    # An element without text is no broken HTML: there is no article in it (E005).
    path.write_bytes(b"<html><!-- nothing here")
    [doc] = read(path)
    assert isinstance(doc, Document)
    with pytest.raises(InputError) as empty:
        build_article(doc)
    assert empty.value.code is Code.E005


@pytest.mark.parametrize(
    "page",
    [
        "<section>{}</section>",
        "<pre>{}</pre>",
        "<blockquote>{}</blockquote>",
        "<b>Jena:</b> {}",
        "<table><tr><th>{}</th></tr></table>",
        "<html><head><title>Neue Straßenbahn für Jena</title></head>{}</html>",
    ],
)
def test_html_whose_text_stands_in_any_element_is_read(tmp_path: Path, page: str) -> None:
    # Review 247: these had been "[E010] broken HTML: no HTML elements found", as none of
    # <p>, <div>, <body>, <h1>, ... stood in them; an HTML page may leave out its <body>.
    text = "Der Stadtrat von Jena hat am Dienstag beschlossen, die Straßenbahn zu verlängern."
    path = tmp_path / "seite.html"
    path.write_text(page.format(text), encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.format == "html"
    assert text in build_article(doc).text


def test_broken_feed_reports_and_keeps_recovered_items(tmp_path: Path, fixtures: Path) -> None:
    xml = (fixtures / "feed.rss").read_text(encoding="utf-8")
    path = tmp_path / "broken.rss"
    path.write_text(
        xml[: xml.index("<item><title>Bibliothek")] + "<item><title>Bib", encoding="utf-8"
    )
    items = read(path)
    assert one_error(items).code.name == "E020"
    assert any(
        isinstance(i, Document) and i.title == "Stromausfall legt Innenstadt lahm" for i in items
    )
    # The item at the break may be cut: it must not replace a whole stored one.
    assert not any(isinstance(i, Document) and (i.title or "").startswith("Bib") for i in items)


def test_a_broken_feed_s_error_names_the_place_in_the_input(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    feed = '<rss version="2.0"><channel><title>T</title><item><title>A</title>'
    for declaration in ("", '<?xml version="1.0" encoding="utf-8"?>\n'):
        path.write_text(declaration + feed)  # one line of feed, cut off at its end
        line = 2 if declaration else 1
        assert f"line {line}, column {len(feed)}: no element found" in str(one_error(read(path)))


def test_a_complete_but_broken_feed_keeps_only_the_items_before_its_break(
    tmp_path: Path,
) -> None:
    item = "<item><title>{}</title><description>Text {}.</description></item>\n"
    good, bad = item.format("Eins", 1), item.format("Zwei", "<b>fett")
    path = tmp_path / "broken.rss"
    path.write_text(f"<rss><channel>\n{good}{bad}{item.format('Drei', 3)}</channel></rss>")
    items = read(path)
    assert [i.title for i in items if isinstance(i, Document)] == ["Eins"]
    assert one_error(items).code is Code.E020
    # A document type the parser refuses (an entity that expands a billion times) breaks
    # the feed before its first item: no item is junk read past it.
    bomb = tmp_path / "bomb.rss"
    bomb.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'
        "<rss><channel>" + item.format("Bombe &b;", "&b;") + "</channel></rss>"
    )
    assert [i.code for i in read(bomb) if isinstance(i, InputError)] == [Code.E020]
    assert not any(isinstance(i, Document) for i in read(bomb))


def test_a_feed_s_plain_entities_are_expanded_wherever_they_are_declared(
    tmp_path: Path,
) -> None:
    item = "<item><title>Neu in &ort;</title><description>Text.</description></item>"
    for doctype in (
        '<!DOCTYPE rss [ <!ENTITY ort "Köln"> ]>',
        '<!DOCTYPE rss [\n<!ENTITY ort "Köln">\n]>',
    ):
        path = tmp_path / "entity.rss"
        path.write_text(f'<?xml version="1.0"?>\n{doctype}\n<rss><channel>{item}</channel></rss>')
        assert [i.title for i in read(path)] == ["Neu in Köln"]
    path.write_text(
        f'<!DOCTYPE rss [<!ENTITY ort SYSTEM "/etc/passwd">]><rss><channel>{item}</channel></rss>'
    )
    [error] = read(path)
    assert isinstance(error, InputError) and "read from a file" in str(error)


def test_utf16_feeds_and_json_lines_are_read_whole(tmp_path: Path, fixtures: Path) -> None:
    xml = (fixtures / "feed.rss").read_text(encoding="utf-8")
    whole = [i.title for i in read(fixtures / "feed.rss")]
    feed = tmp_path / "utf16.rss"
    feed.write_bytes(xml.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"))
    assert [i.title for i in read(feed)] == whole
    lines = tmp_path / "utf16.jsonl"
    lines.write_bytes('{"title": "Größer", "text": "Äpfel."}\n'.encode("utf-16"))
    [document] = read(lines)
    assert isinstance(document, Document) and document.title == "Größer"
    # Without a BOM, as some Windows tools write it: known by where its zero bytes are,
    # also with a wide space (U+3000 has a zero low byte) and a newline byte appended.
    for codec in ("utf-16-le", "utf-16-be"):
        bare = tmp_path / f"{codec}.txt"
        text = "Grüße aus Köln\nEin Satz über die Stadt.\u3000" + " Noch ein Satz." * 10
        bare.write_bytes(text.encode(codec) + b"\n")
        [doc] = read(bare)
        assert isinstance(doc, Document) and doc.text and doc.text.startswith("Grüße aus Köln")
        lines.write_bytes('{"title": "Größer", "text": "Äpfel."}\n'.encode(codec))
        [document] = read(lines)
        assert isinstance(document, Document) and document.title == "Größer"


def test_a_well_formed_feed_without_items_is_no_error(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text('<rss version="2.0"><channel><title>Leer</title></channel></rss>')
    assert read(path) == []


def _rss(site: str | None, link: str, title: str) -> str:
    channel = f"<link>{site}</link>" if site else ""
    item = f"<item><title>{title}</title><link>{link}</link><description>Text.</description>"
    return f'<rss version="2.0"><channel><title>T</title>{channel}{item}</item></channel></rss>'


def test_a_feed_item_s_relative_link_is_made_absolute_or_dropped(tmp_path: Path) -> None:
    feeds = {
        "a.rss": _rss("https://a.example/", "/politik/haushalt", "Haushalt beschlossen"),
        "b.rss": _rss("https://b.example/start", "/politik/haushalt", "Budget verabschiedet"),
        "c.rss": _rss(None, "/politik/haushalt", "Ohne Adresse"),
        "d.rss": _rss("https://a.example/", "https://c.example/x", "Schon absolut"),
        "e.rss": _rss("https://a.example/", "urn:uuid:1234", "Eine Kennung, keine Seite"),
    }
    urls = []
    for name, feed in feeds.items():
        (tmp_path / name).write_text(feed, encoding="utf-8")
        [doc] = read(tmp_path / name)
        assert isinstance(doc, Document)
        urls.append(doc.url)
    assert urls == [
        "https://a.example/politik/haushalt",
        "https://b.example/politik/haushalt",
        None,
        "https://c.example/x",
        None,
    ]
    # A title's no-break space is a space: one title, however a feed spells it.
    nbsp = tmp_path / "nbsp.rss"
    nbsp.write_text(_rss(None, "/x", "Streik&nbsp;angek&#252;ndigt"), encoding="utf-8")
    [doc] = read(nbsp)
    assert isinstance(doc, Document) and build_article(doc).title == "Streik angekündigt"


def test_a_warc_redirect_or_error_response_is_no_article(tmp_path: Path, fixtures: Path) -> None:
    page = (fixtures / "page.html").read_bytes()
    path = tmp_path / "status.warc"
    path.write_bytes(
        warc_bytes({"https://a.example/alt": b"<p>Moved Permanently</p>"}, status="301 Moved")
        + warc_bytes({"https://a.example/weg": page}, status="404 Not Found")
        + warc_bytes({"https://a.example/1": page})
    )
    assert [d.url for d in read(path) if isinstance(d, Document)] == ["https://a.example/1"]


def test_a_feed_title_loses_its_markup_but_not_a_less_than_sign(tmp_path: Path) -> None:
    rss = _rss("https://a.example/", "/1", "<![CDATA[Bundestag beschließt <b>Haushalt</b>]]>")
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry>'
        '<title type="html">Streit um &lt;em&gt;Rente&lt;/em&gt;</title><content>x</content>'
        "</entry></feed>"
    )
    plain = _rss("https://a.example/", "/2", "Kosten &lt; 5 Euro")
    titles = []
    for name, feed in (("a.rss", rss), ("b.atom", atom), ("c.rss", plain)):
        (tmp_path / name).write_text(feed, encoding="utf-8")
        titles += [d.title for d in read(tmp_path / name) if isinstance(d, Document)]
    assert titles == ["Bundestag beschließt Haushalt", "Streit um Rente", "Kosten < 5 Euro"]


def test_a_feed_title_in_html_has_its_entities_read_and_so_has_the_feed_s_name(
    tmp_path: Path,
) -> None:
    """A title feedparser types as HTML without a tag in it kept its escapes: "Merz und
    Söder &quot;einig&quot; &amp; zufrieden" was the headline, and "Rhein &amp; Ruhr Blatt"
    the publisher (review 164; feeds escape twice, `&amp;quot;`)."""
    rss = (
        '<rss version="2.0"><channel><title>Rhein &amp;amp; Ruhr Blatt</title>'
        "<link>https://r.example/</link><item>"
        "<title>Merz und Söder &amp;quot;einig&amp;quot; &amp;amp; zufrieden</title>"
        "<link>https://r.example/1</link><description>Text.</description></item>"
        "</channel></rss>"
    )
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Rhein &amp;amp; Ruhr'
        '</title><entry><title type="html">Deich &amp;amp; Damm halten</title>'
        "<content>x</content></entry></feed>"
    )
    found = []
    for name, feed in (("a.rss", rss), ("b.atom", atom)):
        (tmp_path / name).write_text(feed, encoding="utf-8")
        found += [(d.title, d.publisher) for d in read(tmp_path / name) if isinstance(d, Document)]
    assert found == [
        ('Merz und Söder "einig" & zufrieden', "Rhein & Ruhr Blatt"),
        ("Deich & Damm halten", "Rhein & Ruhr"),
    ]


def test_a_feed_title_that_is_an_html_tag_alone_leaves_the_feed_readable(tmp_path: Path) -> None:
    # lxml asserts on a fragment that opens <html> and gives no body; it had ended the feed
    path = tmp_path / "tag.rss"
    path.write_text(_rss("https://a.example/", "/1", '&lt;html lang="de"&gt;'), encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.url == "https://a.example/1"


def test_html_entities_in_a_feed_are_no_break(tmp_path: Path) -> None:
    path = tmp_path / "nbsp.rss"
    path.write_text(_rss("https://a.example/", "/1", "Gipfel&nbsp;in Wien &amp; Graz"))
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.title == "Gipfel\xa0in Wien & Graz"


def test_a_feed_item_s_full_article_keeps_its_subheadings(tmp_path: Path) -> None:
    from chronik.analysis.structure import build_article
    from chronik.model import BlockKind, Stance

    content = (
        "<p>Der Stadtrat von Kiel hat am Montag den Haushalt beschlossen.</p>"
        "<h2>Kommentar</h2><p>Das ist ein mutiger und richtiger Schritt für die Stadt.</p>"
    )
    loose = "Vorab.<h2>Kommentar</h2><p>Gut so.</p>"  # text outside the blocks: read flat
    for name, body in (("full.rss", content), ("loose.rss", loose)):
        feed = _rss("https://a.example/", f"/{name}", "Haushalt beschlossen")
        feed = feed.replace(
            "<description>Text.</description>", f"<description><![CDATA[{body}]]></description>"
        )
        (tmp_path / name).write_text(feed, encoding="utf-8")
    [full] = read(tmp_path / "full.rss")
    [flat] = read(tmp_path / "loose.rss")
    assert isinstance(full, Document) and isinstance(flat, Document)
    article = build_article(full)
    heading = next(b for b in article.blocks if b.kind is BlockKind.SUBHEADING)
    assert heading.text == "Kommentar" and article.blocks[-1].stance is Stance.OPINION
    assert (flat.html, flat.text) == (None, "Vorab.\n\nKommentar\n\nGut so.")


def test_html_in_a_jsonl_text_is_read_as_html(tmp_path: Path) -> None:
    lines = [
        {"title": "Haushalt", "text": "<p>Der Rat stimmte zu.</p><p>Die Kosten steigen.</p>"},
        {"title": "Haushalt", "text": "<p>Der Rat stimmte zu.</p><h2>Kommentar</h2><p>Gut.</p>"},
        {"title": "Preise", "text": "Kosten < 5 Euro.\n\nMehr nicht."},
        # A formula and a placeholder are no tags: "<b und x>" had made it HTML, words lost.
        {"title": "Formel", "text": "Es gilt a<b und x>y sowie <Strasse> als Beispiel."},
    ]
    path = tmp_path / "html.jsonl"
    write_jsonl(path, lines)
    flat, sectioned, plain, formula = read(path)
    assert isinstance(formula, Document) and formula.text == lines[3]["text"]
    assert isinstance(flat, Document) and flat.text == "Der Rat stimmte zu.\n\nDie Kosten steigen."
    assert isinstance(sectioned, Document) and sectioned.text is None and sectioned.html
    assert isinstance(plain, Document) and plain.text == lines[2]["text"] and plain.html is None


def test_markup_without_blocks_and_whole_pages_in_a_jsonl_text_are_read_as_html(
    tmp_path: Path,
) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Hafen</title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Start</a></nav><article><h1>Der Hafen wächst</h1>"
        + "<p>Der Hamburger Hafen hat im Sommer mehr Container umgeschlagen als je zuvor.</p>" * 4
        + "</article></body></html>"
    )
    lines = [
        {"title": "Kurz", "text": "Merz trifft <b>Macron</b> in <a href='x'>Paris</a>."},
        {"title": "Leer", "text": "<span><script>var x = 1;</script></span>"},
        {"url": "https://a.example/hafen", "text": page},
    ]
    path = tmp_path / "markup.jsonl"
    write_jsonl(path, lines)
    inline, scripted, whole = read(path)
    assert isinstance(inline, Document) and inline.text == "Merz trifft Macron in Paris."
    assert isinstance(scripted, Document) and scripted.text is None and scripted.html is None
    assert isinstance(whole, Document) and whole.html == page
    article = build_article(whole)
    assert article.title == "Der Hafen wächst"
    assert "var x" not in article.text and "Start" not in article.text


def test_control_characters_in_a_jsonl_text_are_removed_or_refused(tmp_path: Path) -> None:
    lines = [
        {"title": "Stray", "text": "Berlin\u0000 ist groß.\u0007"},
        {"title": "Binär", "text": "\u0000\u0001\u0002\u0003 ab"},
    ]
    path = tmp_path / "controls.jsonl"
    write_jsonl(path, lines)
    stray, binary = read(path)
    assert isinstance(stray, Document) and stray.text == "Berlin ist groß."
    assert isinstance(binary, InputError) and binary.code is Code.E031
    assert str(binary).endswith("controls.jsonl: line 2: 'text' is binary, not text")


def test_a_bad_or_cut_warc_record_is_reported_and_the_others_come(tmp_path: Path) -> None:
    page = b"<html><body><p>Ein Absatz \xc3\xbcber die Stadt.</p></body></html>"
    binary = b"<html><body><p>" + bytes(range(256)) * 10
    archive = warc_bytes(
        {"https://a.example/1": page, "https://a.example/2": binary, "https://a.example/3": page}
    )
    path = tmp_path / "mixed.warc"
    path.write_bytes(archive)
    items = read(path)
    assert [i.url for i in items if isinstance(i, Document)] == [
        "https://a.example/1",
        "https://a.example/3",
    ]
    assert one_error(items).code.name == "E002"
    for cut in (40, len(page) + 50):  # in the page; in its HTTP headers, with its type
        path.write_bytes(archive[:-cut])
        *_, last = read(path)
        assert isinstance(last, InputError) and last.code.name == "E040"
        assert "a.example/3" in str(last)
    whole = warc_bytes({"https://a.example/1": page})
    path.write_bytes(whole + archive[:160])  # cut inside the second record's WARC header
    *first, cut = read(path)
    assert [i.url for i in first] == ["https://a.example/1"]
    assert isinstance(cut, InputError) and "the last record is cut short" in str(cut)
    path.write_bytes(b"Das ist kein Archiv, nur ein Satz.\n")
    assert one_error(read(path)).code.name == "E040"


@pytest.mark.parametrize("compress", [False, True])
def test_a_warc_cut_at_any_byte_of_its_last_record_is_one_error_after_the_first(
    tmp_path: Path, compress: bool
) -> None:
    # Cut in its first bytes of HTTP ("HTTP/1.1 ") or after "Content-Length: ", the record
    # had been lost without a word (review 275). Gzipped a record a member, the cut record
    # is its own whole member, as a crawler that died mid-record leaves it.
    page = "<html><body><p>Die Fähre über die Förde fährt wieder.</p></body></html>".encode()
    first = warc_bytes({"https://a.example/1": page}, compress)
    both = warc_bytes({"https://a.example/1": page, "https://a.example/2": page}, compress)
    second = both[len(first) :]
    second = gzip.decompress(second) if compress else second
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    whole = len(second) - len(b"\r\n\r\n")  # the blank lines after it: the record is whole
    for end in range(1, whole):
        path.write_bytes(first + (gzip.compress(second[:end]) if compress else second[:end]))
        items = read(path)
        assert [i.url for i in items if isinstance(i, Document)] == ["https://a.example/1"], end
        [error] = [i for i in items if isinstance(i, InputError)]
        assert error.code is Code.E040 and path.name in str(error), end
        assert "cut short" in str(error), (end, str(error))
    for end in range(whole, len(second)):
        path.write_bytes(first + (gzip.compress(second[:end]) if compress else second[:end]))
        assert [i.url for i in read(path) if isinstance(i, Document)] == [
            "https://a.example/1",
            "https://a.example/2",
        ]


def test_a_warc_record_of_a_blank_content_length_is_an_error(tmp_path: Path) -> None:
    page = b"<html><body><p>Der Deich h\xc3\xa4lt.</p></body></html>"
    one = warc_bytes({"https://a.example/1": page})
    two = warc_bytes({"https://a.example/2": page})
    start = two.index(b"Content-Length: ")
    end = two.index(b"\r\n", start)
    path = tmp_path / "leer.warc"
    for value, said in ((b"", "(''"), (b"viele", "('viele'")):
        path.write_bytes(one + two[:start] + b"Content-Length: " + value + two[end:] + one)
        *docs, error = read(path)
        assert [d.url for d in docs] == ["https://a.example/1"]
        assert isinstance(error, InputError) and error.code is Code.E040
        assert f"record 2's Content-Length is no number {said}" in str(error)
    # Gzipped a record a member, a metadata record of a blank one had been passed over.
    bare = gzip.compress(b"WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: \r\n\r\n")
    path = tmp_path / "leer.warc.gz"
    three = warc_bytes({"https://a.example/3": page}, compress=True)
    path.write_bytes(warc_bytes({"https://a.example/1": page}, compress=True) + bare + three)
    first, error, last = read(path)
    assert isinstance(first, Document) and isinstance(last, Document)
    assert isinstance(error, InputError) and "record 2's Content-Length is no number" in str(error)


def test_jsonl_bad_lines_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"title": "Gut"}\nkein json\n[1, 2]\n{"text": "x", "published": "gestern"}\n'
        '{"title": "offen\n',
        encoding="utf-8",
    )
    items = read(path)
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert len(errors) == 4
    assert "bad.jsonl: line 2: not JSON" in errors[0] and "at column 1" in errors[0]
    assert "line 3" in errors[1] and "line 4" in errors[2]
    assert errors[3].endswith("(Unterminated string starting at column 11)")
    assert sum(isinstance(i, Document) for i in items) == 1


def test_jsonl_lines_of_every_odd_kind_each_give_one_error_and_the_rest_comes(
    tmp_path: Path,
) -> None:
    lines = [
        b'{"title": "Eins", "text": "Trenner \xe2\x80\xa8 mitten im Text."}',  # U+2028, raw
        b'{"title": "Zwei", "published": 2024}',
        b'{"title": ["Drei"]}',
        b'{"title": "Vier", "published": NaN}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"title": "Sechs \\ud800 halb"}',
        b'{"title": "Sieben: Sands\xe4cke"}',  # one Windows-1252 line among UTF-8 ones
        b'{"title": "Acht: Sands\xc3\xa4cke"}',
    ]
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = read(path)
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [e.split(": line ")[1][:1] for e in errors] == ["2", "3", "4", "5"]
    assert all("E031" in e for e in errors[:3]) and "E030" in errors[3]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.origin.rsplit(" ", 1)[1] for d in docs] == ["1", "6", "7", "8"]
    assert "\u2028" in (docs[0].text or "") and "\ufffd" not in (docs[0].text or "")
    assert docs[1].title == "Sechs ? halb"
    assert docs[2].title == docs[3].title.replace("Acht", "Sieben")  # type: ignore[union-attr]


def test_a_feed_item_with_a_lone_surrogate_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "s.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>K</title>'
        "<item><title>Halb &#55296; zeichen</title><description>Text eins.</description></item>"
        "<item><title>Zweites</title><description>Text zwei.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    docs = [i for i in read(path) if isinstance(i, Document)]
    assert [d.title for d in docs] == ["Halb \ufffd zeichen", "Zweites"]
    assert docs[0].payload.decode("utf-8")


def test_an_invalid_url_is_one_error_and_the_rest_comes(fixtures: Path) -> None:
    items = list(iter_documents(["http://[::1", str(fixtures / "article.txt")], OPTIONS))
    assert one_error(items).code.name == "E050"  # no host to fetch from, before any fetch
    assert isinstance(items[-1], Document)


def test_an_unreadable_folder_entry_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "zu.txt"):
        (folder / name).write_text("Titel\nEin Satz.", encoding="utf-8")
    real_is_file, real_stat = Path.is_file, Path.stat

    def refused(real: Any) -> Any:
        def call(path: Path, *args: Any, **kwargs: Any) -> Any:
            if path.name == "zu.txt":  # as root no permission can be taken away: pretend
                raise PermissionError(13, "Permission denied")
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(Path, "stat", refused(real_stat))
    monkeypatch.setattr(Path, "is_file", refused(real_is_file))
    items = read(folder)
    assert one_error(items).code.name == "E050" and "zu.txt" in str(one_error(items))
    assert sum(isinstance(i, Document) for i in items) == 1


def test_with_fetch_an_unreachable_page_leaves_the_feed_item(tmp_path: Path) -> None:
    path = tmp_path / "links.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>K</title><item><title>Titel</title>'
        "<link>http://127.0.0.1:9/weg</link><description>Der Text im Feed.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    [item] = read(path, OPTIONS.with_(fetch=True, fetch_timeout=2.0))
    assert isinstance(item, Document) and item.text == "Der Text im Feed."
    # and says which page it could not read, for the report (review 164)
    assert item.unfetched and "http://127.0.0.1:9/weg" in item.unfetched


def test_broken_warc(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(
        gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nshort")
    )
    items = read(path)
    assert all(isinstance(i, InputError) for i in items) and items


def test_missing_path() -> None:
    assert one_error(read(Path("/nonexistent/chronik/file.txt"))).code.name == "E050"


def test_a_web_address_without_a_host_is_said_to_be_none() -> None:
    error = one_error(list(iter_documents(["http://"], OPTIONS)))
    assert str(error) == "[E050] http://: cannot read input: not a web address: no host in it"


def test_a_named_link_that_loops_or_leads_nowhere_says_so(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "weg.txt").symlink_to("gelöscht.txt")
    said = {name: str(one_error(read(tmp_path / name))) for name in ("a", "weg.txt", "nie")}
    assert "too many levels of symbolic links" in said["a"]  # had been "no such file"
    assert "broken symbolic link to gelöscht.txt" in said["weg.txt"]
    assert said["nie"].endswith("no such file or directory")


def test_a_link_in_a_folder_that_leads_nowhere_says_so_too(tmp_path: Path) -> None:
    # Review 114: named on the command line it was "broken symbolic link to …", found in a
    # folder "No such file or directory", of a file the folder lists.
    (tmp_path / "artikel.txt").write_text("Titel\n\nEin Text aus Kiel.", encoding="utf-8")
    (tmp_path / "weg.txt").symlink_to("gelöscht.txt")
    errors = [i for i in read(tmp_path) if isinstance(i, InputError)]
    assert [str(e) for e in errors] == [
        f"[E050] {tmp_path / 'weg.txt'}: cannot read input: broken symbolic link to gelöscht.txt"
    ]


def test_a_file_address_is_a_path_and_other_schemes_are_named(tmp_path: Path) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text("Titel\n\nEin Text.", encoding="utf-8")
    [document] = list(iter_documents([article.as_uri()], Options()))
    assert isinstance(document, Document) and document.origin == str(article)
    [error] = list(iter_documents(["ftp://example.org/a.txt"], Options()))
    assert isinstance(error, InputError) and "ftp://example.org/a.txt: " in str(error)
    assert "only http:// and https://" in str(error)


def test_a_folder_without_article_files_is_said_to_be_so(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("Notizen", encoding="utf-8")
    [error] = list(iter_documents([str(tmp_path)], Options()))
    assert isinstance(error, InputError) and "no article files" in str(error)


def test_an_empty_path_is_an_error_not_the_working_directory() -> None:
    [error] = list(iter_documents([""], Options()))
    assert isinstance(error, InputError) and error.code is Code.E050
    assert "''" in str(error) and "empty path" in str(error)


def test_xml_that_is_no_feed_is_an_error_not_text(tmp_path: Path) -> None:
    note = tmp_path / "note.xml"
    note.write_text('<?xml version="1.0"?>\n<note><body>Sitzung in Bonn.</body></note>\n')
    [error] = read(note)
    assert isinstance(error, InputError) and error.code is Code.E020 and "note.xml" in str(error)
    bare = tmp_path / "bare.xml"  # no XML declaration
    bare.write_text("<note><body>Sitzung in Bonn.</body></note>\n")
    assert [i.code for i in read(bare) if isinstance(i, InputError)] == [Code.E020]
    assert sniff_format(b"<p>Ein Absatz.</p>", "api") == "html", "a fragment of HTML"
    empty = tmp_path / "empty.rss"
    empty.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
    )
    assert read(empty) == [], "a feed without items is quiet"


def test_a_feed_item_with_neither_title_nor_text_is_reported(tmp_path: Path) -> None:
    feed = tmp_path / "leer.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Brücke gesperrt</title><description>Die Brücke ist zu.</description></item>"
        "<item><link>https://x.example/2</link></item></channel></rss>",
        encoding="utf-8",
    )
    document, error = read(feed)
    assert isinstance(document, Document) and document.title == "Brücke gesperrt"
    assert isinstance(error, InputError) and error.code is Code.E005 and "leer.rss#2" in str(error)


def _atom(*updated: str) -> str:
    entries = "".join(
        f"<entry><title>Meldung {n}</title><updated>{when}</updated>"
        f"<summary>Der Stadtrat tagt zum {n}. Mal.</summary></entry>"
        for n, when in enumerate(updated, start=1)
    )
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Rat</title>{entries}</feed>'


def test_an_entry_date_no_datetime_holds_leaves_that_entry_undated(tmp_path: Path) -> None:
    feed = tmp_path / "rat.atom"
    # +14:00 takes the first day of year 1 into year 0 in UTC, which feedparser gives.
    feed.write_text(
        _atom("2024-05-07T10:00:00Z", "0001-01-01T00:00:00+14:00", "2024-05-08T09:00:00Z")
    )
    items = read(feed)
    assert all(isinstance(i, Document) for i in items), items
    assert [i.published and i.published.day for i in items] == [7, None, 8]
    # A day no calendar has, which feedparser reads as the one it runs on to (review 42).
    feed.write_text(_atom("2024-02-30T10:00:00Z", "2024-02-29T10:00:00Z"))
    assert [i.published and i.published.day for i in read(feed)] == [None, 29]  # type: ignore[union-attr]


def test_a_date_whose_year_would_be_read_as_another_is_no_date(tmp_path: Path) -> None:
    lines = [
        {"title": "Eins", "published": "Tue, 05 Aug 25 10:00:00 GMT"},  # two digits: 2025
        {"title": "Zwei", "published": "Mon, 01 Jan 0001 00:00:00 +0100"},  # not 2001
        {"title": "Drei", "published": "Tue, 05 Aug 2025 10:00:00 +0200"},
    ]
    items = read(write_jsonl(tmp_path / "jahre.jsonl", lines))
    assert [i.published and i.published.year for i in items if isinstance(i, Document)] == [
        2025,
        2025,
    ]
    error = one_error(items)
    assert error.code is Code.E031 and "jahre.jsonl: line 2: 'published' has year 0001" in str(
        error
    )
    item = "<item><title>{}</title><description>Text.</description><pubDate>{}</pubDate></item>"
    dates = ["Mon, 01 Jan 0001 00:00:00 +1400", "Tue, 05 Aug 2025 10:00:00 GMT"]
    items_xml = "".join(item.format(f"Punkt {n}", d) for n, d in enumerate(dates))
    feed = tmp_path / "jahre.rss"
    feed.write_text(f'<rss version="2.0"><channel><title>T</title>{items_xml}</channel></rss>')
    undated, dated = read(feed)  # feedparser read the first as the year 1400
    assert isinstance(undated, Document) and undated.published is None
    assert isinstance(dated, Document) and dated.published == datetime(2025, 8, 5, 10, tzinfo=UTC)
    # A time moved into UTC across New Year is in the year after the one written.
    feed.write_text(_atom("2024-12-31T23:30:00-02:00"))
    [moved] = read(feed.rename(tmp_path / "silvester.atom"))
    assert isinstance(moved, Document) and moved.published == datetime(
        2025, 1, 1, 1, 30, tzinfo=UTC
    )


def test_a_number_too_large_for_python_is_an_error_of_its_line_alone(tmp_path: Path) -> None:
    huge = "9" * 5000  # Python's int() refuses more than 4,300 digits
    good = ['{"title": "Hafen eröffnet"}', '{"title": "Brücke gesperrt"}']
    kept = ["Hafen eröffnet", "Brücke gesperrt"]
    path = tmp_path / "zahlen.jsonl"
    path.write_text(f'{good[0]}\n{{"title": "Zu groß", "published": {huge}}}\n{good[1]}\n')
    titles, error = titles_and_error(read(path))
    assert titles == kept
    assert error.endswith(
        "zahlen.jsonl: line 2: not JSON (number too large: more than 4300 digits)"
    )
    path.write_text(f'{{"title": "Zu groß", "n": {huge}}}\n{good[1]}\n')  # on the first line
    assert [type(i).__name__ for i in read(path)] == ["InputError", "Document"]
    array = tmp_path / "zahlen.json"
    array.write_text(f'[\n {good[0]},\n {{"title": "Zu groß", "n": [{huge}]}},\n {good[1]}\n]\n')
    titles, error = titles_and_error(read(array))
    assert titles == kept and "zahlen.json: line 3: not JSON (number too large" in error
    single = tmp_path / "eine.json"
    single.write_text(f'{{\n "title": "Zu groß",\n "n": {huge}\n}}\n')
    assert "eine.json: line 1: not JSON (number too large" in str(one_error(read(single)))


def test_a_binary_line_is_an_error_of_its_own_and_the_other_lines_come(tmp_path: Path) -> None:
    path = tmp_path / "gemischt.jsonl"
    path.write_bytes(
        b'{"title": "Erste Meldung"}\n'
        b'{"title": "\x00\x01\x02\x03\x04\x05"}\n'
        + '{"title": "Zweite Meldung über Köln"}\n'.encode("utf-16-le")  # its own newline
        + b'{"title": "Dritte Meldung"}\n'
    )
    items = read(path)
    assert [i.title for i in items if isinstance(i, Document)] == [
        "Erste Meldung",
        "Zweite Meldung über Köln",
        "Dritte Meldung",
    ]
    assert str(one_error(items)).startswith(f"[E002] {path}: line 2: input looks binary")
    binary = tmp_path / "bild.jsonl"  # a binary file is one error, not one a newline byte
    binary.write_bytes(bytes(range(256)) * 20)
    assert [i.code for i in read(binary) if isinstance(i, InputError)] == [Code.E002]


def test_a_longer_utf16_line_after_a_utf8_one_leaves_the_file_utf8(tmp_path: Path) -> None:
    """The whole file had been taken for UTF-16 by its share of zero bytes: both lines were
    lost, one as not JSON and one uncounted (review 59)."""
    path = tmp_path / "gemischt.jsonl"
    second = '{"title": "Sechzehn", "text": "Die Stadt Trier eröffnet eine neue Schule."}\n'
    path.write_bytes(b'{"title": "Acht"}\n' + second.encode("utf-16-le"))
    assert [i.title for i in read(path) if isinstance(i, Document)] == ["Acht", "Sechzehn"]


def test_a_jsonl_file_whose_first_line_is_an_array_or_broken_is_read_line_by_line(
    tmp_path: Path,
) -> None:
    good = '{"title": "Rathaus saniert"}\n{"title": "Schule eröffnet"}\n'
    firsts = {
        "liste": ('["nur", "eine", "liste"]', "E031"),
        "offen": ('[{"title": "abgeschnitten"', "E030"),
        "tief": ("[" * 100_000 + "]" * 100_000, "E030"),
        "objekt": ('{"a": ' * 50_000 + "1" + "}" * 50_000, "E030"),
    }
    for name, (first, code) in firsts.items():
        path = tmp_path / f"{name}.jsonl"
        path.write_text(f"{first}\n{good}", encoding="utf-8")
        items = read(path)
        assert [i.title for i in items if isinstance(i, Document)] == [
            "Rathaus saniert",
            "Schule eröffnet",
        ], name
        error = one_error(items)
        assert error.code.name == code and f"{name}.jsonl: line 1:" in str(error), name
    # A whole pretty-printed array is still its items, under any name.
    items = [{"title": "Eins"}, {"title": "Zwei"}]
    pretty = tmp_path / "export.jsonl"
    pretty.write_text(json.dumps(items, indent=2), encoding="utf-8")
    assert [i.title for i in read(pretty)] == ["Eins", "Zwei"]
    pretty.write_text(json.dumps(items), encoding="utf-8")  # on one line
    assert [i.title for i in read(pretty)] == ["Eins", "Zwei"]


def test_one_document_or_json_lines_is_told_by_content_not_by_name(tmp_path: Path) -> None:
    good = '{"title": "Rathaus saniert"}\n{"title": "Schule eröffnet"}\n'
    body = f'{{"title": "Abgeschnitten", "te\n{good}'.encode()
    # Standard input and an upload have no ".jsonl" name; a broken first line had lost
    # every line after it there.
    for media_type in (None, "application/x-ndjson"):
        titles, error = titles_and_error(list(read_bytes(body, "<bytes>", OPTIONS, media_type)))
        assert titles == ["Rathaus saniert", "Schule eröffnet"], media_type
        assert "<bytes>: line 1: not JSON" in error
    # A pretty-printed export cut off, under a JSON-lines name: the elements before the
    # break, not one error a line.
    elements = [{"title": f"Meldung {n}", "text": "Die Stadt meldet es."} for n in range(3)]
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(elements, indent=2)[:-30], encoding="utf-8")
    titles, error = titles_and_error(read(path))
    assert titles == ["Meldung 0", "Meldung 1"] and error.startswith("[E030]")


def test_binary_bytes_after_the_first_64_kb_make_the_file_binary(tmp_path: Path) -> None:
    text = "Die Stadtwerke schätzen den Schaden auf eine Million Euro.\n" * 1200  # 70 KB
    tail = bytes(range(1, 256)) * 400  # control bytes, but no NUL
    path = tmp_path / "angehängt.txt"
    path.write_bytes(text.encode() + tail)
    assert one_error(read(path)).code is Code.E002
    path.write_bytes(text.encode() + b"\x0b")  # one stray control byte is still text
    [document] = read(path)
    assert isinstance(document, Document) and document.text and "schätzen" in document.text


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_one_stray_nul_past_the_first_64_kb_is_dropped_not_a_binary_file(
    tmp_path: Path, suffix: str
) -> None:
    """A page is judged as a text file is: a NUL among its UTF-8 bytes had been read."""
    text = "Die Brücke über die Elster bleibt bis Mai gesperrt.\n" * 3000  # 160 KB
    if suffix == ".html":
        text = f"<html><body><p>{text}</p></body></html>"
    path = tmp_path / f"lang{suffix}"
    path.write_bytes(text[:-20].encode() + b"\x00" + text[-20:].encode())
    [document] = read(path)
    assert isinstance(document, Document)
    content = document.text or document.html or ""
    assert "\x00" not in content, "PostgreSQL refuses NUL in text"
    assert content.count("Elster bleibt bis Mai gesperrt.") == 3000
    path.write_bytes(text[:20].encode() + b"\x00" + text[20:].encode())  # in the first 64 KB
    assert one_error(read(path)).code is Code.E002
    noise = random.Random(7).randbytes(100_000)  # NULs among other control bytes
    path.write_bytes(text[:70_000].encode() + noise)
    assert one_error(read(path)).code is Code.E002


def test_a_page_in_iso_2022_jp_is_no_binary_file(tmp_path: Path) -> None:
    """Its escape bytes switch scripts: the decoded text is judged, not the bytes."""
    page = '<html><head><meta charset="iso-2022-jp"></head><body><p>東京で会議が開かれた。</p>'
    path = tmp_path / "tokio.html"
    path.write_bytes(
        (page + "<p>会議は長く続いた。</p>" * 40 + "</body></html>").encode("iso-2022-jp")
    )
    [document] = read(path)
    assert isinstance(document, Document) and "東京で会議が開かれた" in (document.html or "")


def test_a_year_given_as_a_jsonl_line_s_time_is_said_to_be_one(tmp_path: Path) -> None:
    """`"published": 1999` was E031 "no ISO 8601, RFC 2822 or Unix time: 1999", without
    the reason input.md gives: a number that small is more likely a year (review 164)."""
    path = tmp_path / "jahr.jsonl"
    write_jsonl(path, [{"title": "Stadtfest in Jena", "published": 1999}])
    error = one_error(read(path))
    assert error.code is Code.E031 and str(error).endswith("Unix time from 2001 on: a year?)")
    write_jsonl(path, [{"title": "Stadtfest in Jena", "published": "gestern"}])
    assert "a year?" not in str(one_error(read(path)))


def test_errors_quote_a_long_value_cut_short_and_warcio_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lang.jsonl"
    write_jsonl(path, [{"title": "Hafenfest", "published": "gestern " * 25_000}])
    message = str(one_error(read(path)))
    quoted = message.split("Unix time: ", 1)[1]
    assert quoted.startswith("'gestern gestern") and quoted.endswith("…") and len(quoted) == 80
    # Digits alone past a date's eight are no time: Python had read 40 ones as 1111-11-11
    # and E008 quoted that date, not the value.
    write_jsonl(path, [{"title": "Hafenfest", "published": "1" * 5_000}])
    error = one_error(read(path))
    assert (
        error.code is Code.E031
        and "Unix time: '111111" in str(error)
        and "1111-11" not in str(error)
    )
    warc = tmp_path / "kaputt.warc"
    warc.write_bytes(b"WARC/1.0\r\nContent-Length: keine Zahl\r\n\r\nRest")
    assert one_error(read(warc)).code is Code.E040
    assert capsys.readouterr().err == ""  # warcio had written a warning of three lines


def test_a_damaged_gzip_member_is_one_error_and_the_records_around_it_are_read(
    tmp_path: Path,
) -> None:
    page = b"<html><body><p>Der Hafen von Kiel wird erweitert.</p></body></html>"
    first, second, third = (
        warc_bytes({f"https://a.example/{n}": page}, compress=True) for n in (1, 2, 3)
    )  # one gzip member a record, as crawlers write
    path = tmp_path / "kaputt.warc.gz"
    damaged = second[:10] + b"\xff" * 20 + second[30:]  # an invalid deflate block type
    for data, problem, urls in (
        (first + damaged + third, "the gzip data is damaged at record 2 (", [1, 3]),
        (first + damaged + damaged + third, "the gzip data is damaged at record 2 (", [1, 3]),
        (first + second[: len(second) // 2], "the archive is cut short at record 2", [1]),
        # zlib reads the next member as the cut one's rest: damaged or cut, as its bytes fall
        (first + second[: len(second) // 2] + third, "at record 2", [1, 3]),
    ):
        path.write_bytes(data)
        items = read(path)
        documents = [i.url for i in items if isinstance(i, Document)]
        assert documents == [f"https://a.example/{n}" for n in urls], problem
        assert problem in str(one_error(items))
    # Each record is counted, in damaged members too, and the first member may be the one.
    path.write_bytes(first + damaged + damaged + third + damaged + first)
    items = read(path)
    errors = [str(i).split("broken WARC archive: ")[1] for i in items if isinstance(i, InputError)]
    assert [e.split(" (")[0] for e in errors] == [
        "the gzip data is damaged at record 2",
        "the gzip data is damaged at record 5",
    ]
    assert errors[0].endswith(
        f"read on at byte {len(first + damaged * 2)}, past 1 more damaged gzip member"
    )
    assert [i.url for i in items if isinstance(i, Document)] == [
        f"https://a.example/{n}" for n in (1, 3, 1)
    ]
    path.write_bytes(b"\x1f\x00" + first[2:] + second)
    [error, document] = read(path)
    skipped = f"the first {len(first)} bytes; read on at byte {len(first)}"
    assert str(error).endswith(f"no gzip member starts in {skipped}")
    assert isinstance(document, Document) and document.url == "https://a.example/2"
    # Bytes 1f 8b inside deflated data start no member: one archive gzipped whole, damaged.
    whole = gzip.compress(b"".join(warc_bytes({f"https://a.example/{n}": page}) for n in (1, 2)))
    path.write_bytes(whole[:200] + b"\xff" * 20 + b"\x1f\x8b\x08" + whole[223:])
    assert one_error(read(path)).code is Code.E040


def test_bytes_after_the_last_gzip_member_are_no_record_cut_short(tmp_path: Path) -> None:
    page = b"<html><body><p>Der Hafen von Kiel wird erweitert.</p></body></html>"
    members = b"".join(warc_bytes({f"https://a.example/{n}": page}, compress=True) for n in (1, 2))
    urls = ["https://a.example/1", "https://a.example/2"]
    path = tmp_path / "angehängt.warc.gz"
    for blank in (b"\n", b"\r\n \n", b"\x00\x00\n"):  # a newline a joining tool appended
        path.write_bytes(members + blank)
        items = read(path)
        assert [i.url for i in items if isinstance(i, Document)] == urls, blank
        assert all(isinstance(i, Document) for i in items), items
    path.write_bytes(members + b"\nEnde\n")
    *documents, error = read(path)  # the error after all records
    assert [i.url for i in documents if isinstance(i, Document)] == urls
    assert isinstance(error, InputError) and error.code is Code.E040
    assert str(error).endswith("6 bytes of trailing data after the last gzip member")
    path.write_bytes(members + b"x" + members)  # bytes before a member are damage
    items = read(path)
    assert str(one_error(items)).endswith(
        f"no gzip member starts in the 1 byte before record 3; read on at byte {len(members) + 1}"
    )
    assert [i.url for i in items if isinstance(i, Document)] == urls + urls


def test_a_folder_that_cannot_be_listed_is_one_error_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, chmod cannot lock a folder: listing it is refused here instead."""
    for folder in ("offen", "gesperrt"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(
            "Titel\n\nDie Stadt baut eine Brücke. Sie kostet viel.", encoding="utf-8"
        )
    locked, scandir = tmp_path / "gesperrt", os.scandir

    def refusing(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refusing)
    items = list(iter_documents([str(tmp_path)], Options()))
    [error] = [i for i in items if isinstance(i, InputError)]
    assert (
        error.code is Code.E050 and str(locked) in str(error) and "Permission denied" in str(error)
    )
    assert [d.origin for d in items if isinstance(d, Document)] == [
        str(tmp_path / "offen" / "a.txt")
    ]


def test_an_address_that_cannot_be_split_is_kept_and_ends_nothing(
    tmp_path: Path, fixtures: Path
) -> None:
    # "exa[mple.de" reads as a broken IPv6 host: it had ended the whole batch (review 42).
    odd, good = "https://exa[mple.de/1", "https://a.example/2"
    page = (fixtures / "page.html").read_bytes()
    path = tmp_path / "odd.warc"
    path.write_bytes(warc_bytes({odd: page, good: page}))
    docs = [d for d in read(path) if isinstance(d, Document)]
    assert [d.url for d in docs] == [odd, good]
    assert all(build_article(d).text for d in docs)
    assert publisher_name(odd) is None  # no host to name it by, not itself (review 45)
    assert publisher_name("https://www.tagesschau.de/x") == "tagesschau.de"
    item = "<item><title>{0}</title><link>{1}</link><description>Text {0}.</description></item>"
    feed = f'<rss version="2.0"><channel><title>T</title>{item.format("A", odd)}'
    feed += f"{item.format('B', good)}</channel></rss>"
    found = list(read_bytes(feed.encode(), "f.rss", OPTIONS))
    assert [d.title for d in found if isinstance(d, Document)] == ["A", "B"]
    # no path: one error, not the working directory's files
    [error] = list(iter_documents(["file://[x/y"], OPTIONS))
    assert isinstance(error, InputError) and error.code is Code.E050


def test_a_warc_record_of_a_wrong_or_no_content_length_is_an_error_not_a_page(
    tmp_path: Path, fixtures: Path
) -> None:
    page = (fixtures / "page.html").read_bytes()
    data = warc_bytes({"https://a.example/1": page, "https://a.example/2": page})
    first = data.index(b"Content-Length: ")
    end = data.index(b"\r\n", first)
    length = int(data[first + len(b"Content-Length: ") : end])
    short = tmp_path / "short.warc"  # 50 bytes short: the page would be cut (review 42)
    short.write_bytes(data[:first] + f"Content-Length: {length - 50}".encode() + data[end:])
    found = read(short)
    assert not [item for item in found if isinstance(item, Document)]
    errors = [str(item) for item in found if isinstance(item, InputError)]
    # the cut record, and the bytes left of it that begin no record
    assert "a.example/1: broken WARC archive: record 1 is not followed" in errors[0]
    assert "Content-Length is wrong" in errors[0]
    none = tmp_path / "none.warc"  # it would swallow the record after it
    none.write_bytes(data[:first] + data[end + 2 :])
    [error] = [item for item in read(none) if isinstance(item, InputError)]
    assert error.code is Code.E040 and "no Content-Length" in str(error)
    assert not [item for item in read(none) if isinstance(item, Document)]


def test_a_warc_record_right_after_another_is_read(tmp_path: Path, fixtures: Path) -> None:
    """Lengths right, blank lines missing: the first record had been reported as of a wrong
    length and the second lost."""
    page = (fixtures / "page.html").read_bytes()
    urls = ["https://a.example/1", "https://a.example/2", "https://a.example/3"]
    data = warc_bytes(dict.fromkeys(urls, page))
    joined = tmp_path / "joined.warc"
    joined.write_bytes(data.replace(b"\r\n\r\nWARC/1.", b"WARC/1."))
    assert joined.read_bytes().count(b"WARC/1.") == 3 and len(joined.read_bytes()) < len(data)
    found = read(joined)
    assert [item.url for item in found if isinstance(item, Document)] == urls
    assert not [item for item in found if isinstance(item, InputError)]
    # a length too long by a whole record: it is not read as the page's end (review 51)
    first = data.index(b"Content-Length: ")
    end = data.index(b"\r\n", first)
    second = data.index(b"WARC/1.", first)
    third = data.index(b"WARC/1.", second + 1)
    length = int(data[first + len(b"Content-Length: ") : end]) + third - second
    long = tmp_path / "long.warc"
    long.write_bytes(data[:first] + f"Content-Length: {length}".encode() + data[end:])
    found = read(long)
    assert [item.url for item in found if isinstance(item, Document)] == urls[2:]
    [error] = [item for item in found if isinstance(item, InputError)]
    assert "record holds the start of another" in str(error) and urls[0] in str(error)


def test_a_feed_whose_encoding_name_is_no_text_or_a_warc_of_a_huge_length_is_read_or_one_error(
    tmp_path: Path, fixtures: Path
) -> None:
    # Both had ended with a Python error in the message (review 42).
    feed = '<?xml version="1.0" encoding="u\xd6f-8"?><rss version="2.0"><channel><title>T</title>'
    feed += "<item><title>A</title><description>Text A.</description></item></channel></rss>"
    found = list(read_bytes(feed.encode("latin-1"), "f.rss", OPTIONS))
    assert [d.title for d in found if isinstance(d, Document)] == ["A"]
    page = (fixtures / "page.html").read_bytes()
    data = warc_bytes({"https://a.example/1": page})
    first = data.index(b"Content-Length: ")
    end = data.index(b"\r\n", first)
    path = tmp_path / "huge.warc"
    path.write_bytes(data[:first] + b"Content-Length: 99999999999999999999" + data[end:])
    [error] = read(path)
    assert isinstance(error, InputError) and error.code is Code.E040


@pytest.mark.parametrize("junk", ["x", "null", "[1,2]", "a=b&c=d", "42"])
def test_a_word_or_a_value_alone_is_no_article(junk: str) -> None:
    # Each had been stored with a story of its own (review 42).
    document = Document(origin="<stdin>", format="text", payload=junk.encode(), text=junk)
    with pytest.raises(InputError) as refused:
        build_article(document)
    assert refused.value.code is Code.E005
    two = Document(origin="<stdin>", format="text", payload=b"", text="Merz reist.")
    assert build_article(two).text == "Merz reist."
    # A title is its article's first block too: its word counts once (review 45).
    titled = Document(origin="x.jsonl: line 1", format="jsonl", payload=b"", title="null")
    with pytest.raises(InputError):
        build_article(titled)


def test_a_page_saved_as_jsonl_is_read_as_the_page(tmp_path: Path, fixtures: Path) -> None:
    path = tmp_path / "page.jsonl"  # had given an error a line (review 42)
    path.write_bytes((fixtures / "page.html").read_bytes())
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.format == "html"


def test_a_warc_response_for_no_web_page_is_counted(tmp_path: Path, fixtures: Path) -> None:
    page = (fixtures / "page.html").read_bytes()
    data = warc_bytes({"https://a.example/1": page, "https://a.example/2": page})
    path = tmp_path / "ftp.warc"  # warcio reads no HTTP headers for it: it had gone uncounted
    path.write_bytes(data.replace(b"https://a.example/1", b"ftp://a.example/1", 1))
    found = read(path)
    [error] = [item for item in found if isinstance(item, InputError)]
    assert error.code is Code.E040 and "ftp://a.example/1" in str(error)
    assert [d.url for d in found if isinstance(d, Document)] == ["https://a.example/2"]


def test_a_warc_target_uri_with_spaces_prints_nothing_of_warcio(
    tmp_path: Path, fixtures: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = (fixtures / "page.html").read_bytes()
    path = tmp_path / "spaces.warc"
    data = warc_bytes({"https://a.example/1": page})
    path.write_bytes(data.replace(b"https://a.example/1", b"https://a.example/ 1", 1))
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.url == "https://a.example/%201"
    # warcio's warning had been a line of its own (review 42)
    assert not [r for r in caplog.records if r.name.startswith("warcio")]


def test_a_fallback_field_beside_its_own_is_not_looked_at(tmp_path: Path) -> None:
    path = tmp_path / "extra.jsonl"  # an extra "content" list had refused the line (review 42)
    record = {
        "title": "T",
        "text": "Der Rat tagt.",
        "content": ["x"],
        "publisher": "P",
        "source": 1,
    }
    write_jsonl(path, [record])
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.text == "Der Rat tagt."
    write_jsonl(path, [{"title": "T", "content": ["x"]}])  # read when it stands in
    [error] = read(path)
    assert isinstance(error, InputError) and "'content' is not a string" in str(error)


def test_a_jsonl_file_whose_last_line_is_cut_says_so_and_a_bad_line_keeps_its_words(
    tmp_path: Path,
) -> None:
    """Cut at any byte, the last line, with no newline after it, is cut short, as a cut
    JSON document is: json's words had named a string's start or a column past the line's
    end (review 275)."""
    first = '{"title": "Eins", "text": "Die Werft in Husum stellt ein."}\n'
    line = '{"title": "Zwei", "text": "Der Kreistag tagt am Montag."}'
    path = tmp_path / "cut.jsonl"
    for end in range(1, len(line)):
        path.write_text(first + line[:end], "utf-8")
        kept, error = read(path)
        assert isinstance(kept, Document) and kept.title == "Eins"
        said = "cut.jsonl: line 2: not JSON (cut short: the file ends before its value does; "
        assert isinstance(error, InputError) and said in str(error), (end, str(error))
    # With its newline the line is whole, as written; a bad line in the middle keeps json's.
    path.write_text(first + line[:16] + "\n", "utf-8")
    assert str(read(path)[1]).endswith("(Expecting ',' delimiter at column 17)")
    path.write_text(first + line[:16] + "\n" + first, "utf-8")
    assert str(read(path)[1]).endswith("(Expecting ',' delimiter at column 17)")
    path.write_text(first + '{"title": nein}', "utf-8")  # bad, but not ended early
    assert str(read(path)[1]).endswith("(Expecting value at column 11)")


def test_a_one_line_json_array_cut_short_keeps_the_elements_before_its_break(
    tmp_path: Path,
) -> None:
    """A minified export cut off (one line, an array) had been one line's error, its whole
    elements lost with it; a file that ends inside a string is cut short too, where json
    names only the string's start (review 262)."""
    items = [{"title": "Eins", "text": "Der Kreistag in Gotha beschließt den Etat."}]
    cut = tmp_path / "cut.json"
    cut.write_text(json.dumps(items)[:-1] + ', {"title": "Zwei", "text": "Der Kreis', "utf-8")
    first, error = read(cut)
    assert isinstance(first, Document) and first.title == "Eins"
    said = "cut.json: line 1: not JSON (cut short: the file ends before its value does; inside"
    assert isinstance(error, InputError) and said in str(error)
    cut.write_text(json.dumps(items)[:-1] + ", ", "utf-8")
    first, error = read(cut)
    assert isinstance(first, Document) and "cut short" in str(error)
    pretty = tmp_path / "pretty.json"
    pretty.write_text('[\n {"title": "Eins", "text": "Ein Satz."},\n {"title": "Zw', "utf-8")
    first, error = read(pretty)
    assert isinstance(first, Document) and "pretty.json: line 3: not JSON (cut short" in str(error)
    # JSON lines stay lines: a broken one among them is its own error, the others are read.
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"title": "Eins", "text": "Ein Satz."}\n{"title": "Zw\n', "utf-8")
    first, error = read(lines)
    assert isinstance(first, Document) and "line 2: not JSON (Unterminated string" in str(error)
