"""Article structure: headline, subheadings, paragraphs, boilerplate kept as metadata."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest

from chronik.analysis.furniture import page_furniture
from chronik.analysis.structure import (
    Line,
    address_day,
    article_id,
    build_article,
    classify,
    html_lines,
)
from chronik.errors import Code, InputError
from chronik.ingest.document import Document
from chronik.model import Article, BlockKind, Stance


def text_article(text: str, **fields: object) -> Document:
    return Document("<test>", "text", text.encode(), text=text, **fields)  # type: ignore[arg-type]


def test_plain_text_blocks(fixtures: Path) -> None:
    article = build_article(text_article((fixtures / "article.txt").read_text(encoding="utf-8")))
    kinds = [(b.kind, b.text[:20]) for b in article.blocks if b.kind is not BlockKind.BOILERPLATE]
    assert kinds[0] == (BlockKind.HEADLINE, "Hafenstadt Kiel plan")
    assert kinds[1] == (BlockKind.SUBHEADING, "Stadtrat berät über ")
    assert [k for k, _ in kinds].count(BlockKind.PARAGRAPH) == 3
    assert article.title == "Hafenstadt Kiel plant neue Fährverbindung"


def test_boilerplate_leaves_text_but_stays_as_metadata(fixtures: Path) -> None:
    article = build_article(text_article((fixtures / "article.txt").read_text(encoding="utf-8")))
    assert article.metadata["related_titles"] == [
        "Neue Radwege an der Förde",
        "Segelwoche mit Rekordbeteiligung",
    ]
    assert article.metadata["image_credit"] == "Jana Beispiel"
    assert article.metadata["disclaimers"][0].startswith("Das Bild dient")
    for gone in ("photo by", "Radwege", "Sie könnten", "Veranschaulichung"):
        assert gone not in article.text


def test_jsonl_text_keeps_its_structure_and_feed_bodies_stay_paragraphs(fixtures: Path) -> None:
    text = (fixtures / "article.txt").read_text(encoding="utf-8")
    archived = build_article(Document("<a>", "jsonl", b"", text=text))
    assert archived.metadata["related_titles"][0] == "Neue Radwege an der Förde"
    assert any(b.kind is BlockKind.SUBHEADING for b in archived.blocks)
    assert "Sie könnten" not in archived.text
    summary = build_article(Document("<f>", "feed", b"", title="Titel", text="Kurz\nNoch kurz"))
    assert [b.kind for b in summary.blocks][1:] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_a_genre_label_run_into_the_text_heads_the_text_after_it_as_opinion() -> None:
    text = "Die Lage bleibt ernst. Eine Analyse von Anna Beispiel, ARD KielDer Hafen ist zu."
    article = build_article(Document("<a>", "jsonl", b"", title="Hafen", text=text))
    label = next(b for b in article.blocks if b.kind is BlockKind.SUBHEADING)
    assert label.text == "Eine Analyse von Anna Beispiel, ARD Kiel"
    assert label.stance is Stance.OPINION
    assert (
        article.blocks[-1].text == "Der Hafen ist zu." and article.blocks[-1].section == label.text
    )


def test_a_reporters_line_is_metadata_even_run_into_the_text() -> None:
    run_on = "Die Lage bleibt ernst. Von Anna Beispiel, ARD KielDer Hafen ist gesperrt."
    article = build_article(Document("<a>", "jsonl", b"", title="Hafen", text=run_on))
    assert article.metadata["bylines"] == ["Anna Beispiel, ARD Kiel"]
    assert "Beispiel" not in article.text and "Der Hafen ist gesperrt." in article.text
    for after in (". Der Hafen ist gesperrt.", '"Der Hafen ist zu", sagt sie.'):
        sentence = "Die Lage bleibt ernst. Von Anna Beispiel, ARD-Hauptstadtstudio" + after
        own = build_article(Document("<a>", "jsonl", b"", title="Hafen", text=sentence))
        assert own.metadata["bylines"] == ["Anna Beispiel, ARD-Hauptstadtstudio"], after
        assert "Beispiel" not in own.text and "Der Hafen ist" in own.text
        assert ". Der" not in own.text, "the byline's full stop goes with it"
    # A desk that is a site's address, or one run into an abbreviation ("US-Präsident").
    for desk, after in (("kiel.de", "Der Hafen"), ("ARD-Finanzredaktion", "US-Präsident Trump")):
        text = f"Die Lage bleibt ernst. Von Anna Beispiel, {desk}{after} kommt."
        glued = build_article(Document("<a>", "jsonl", b"", title="Hafen", text=text))
        assert glued.metadata["bylines"] == [f"Anna Beispiel, {desk}"], desk
        assert glued.text.endswith(f"{after} kommt."), desk
    # Run in after a question without a space, as scraped leads are.
    text = "Was ist zu erwarten?Von Anna Beispiel, kiel.deWo liegt der Hafen?"
    asked = build_article(Document("<a>", "jsonl", b"", title="Hafen", text=text))
    assert asked.metadata["bylines"] == ["Anna Beispiel, kiel.de"]
    assert asked.text.endswith("Was ist zu erwarten?\n\nWo liegt der Hafen?")
    alone = text_article("Hafen\n\nVon Anna Beispiel\n\nDer Hafen ist gesperrt.")
    assert build_article(alone).metadata["bylines"] == ["Anna Beispiel"]
    plain = text_article(
        "Zug\n\nVon Kiel nach Lübeck fährt ein Zug. Von Anna Beispiel gab es nichts."
    )
    assert "bylines" not in build_article(plain).metadata
    several = text_article(
        "Hafen\n\nVon Anna Beispiel, Jan Lukas Muster und Eva Probe, NDR\n\nText."
    )
    assert build_article(several).metadata["bylines"] == [
        "Anna Beispiel, Jan Lukas Muster und Eva Probe, NDR"
    ]


def test_a_hyphenated_reporter_and_a_live_blog_s_pointer_leave_the_text() -> None:
    text = (
        "Ärger in Kiel. Von Jean-Marie Beispiel, ARD Kiel. Der Hafen ist zu."
        " Das Liveblog zum Nachlesen"
    )
    article = build_article(Document("<a>", "jsonl", b"", title="Hafen", text=text))
    assert article.metadata["bylines"] == ["Jean-Marie Beispiel, ARD Kiel"]
    assert article.metadata["prompts"] == ["Das Liveblog zum Nachlesen"]
    assert article.text.endswith("Ärger in Kiel.\n\nDer Hafen ist zu.")
    away = "Ärger in Kiel. Von Jana Beispiel, ARD Wien, zzt. in Ankara. Der Hafen ist zu."
    article = build_article(Document("<a>", "jsonl", b"", title="Hafen", text=away))
    assert article.metadata["bylines"] == ["Jana Beispiel, ARD Wien"]
    assert "zzt" not in article.text and article.text.endswith("Der Hafen ist zu.")
    kept = "Hafen\n\nDas Liveblog zum Nachlesen der Woche war gut."
    assert "prompts" not in build_article(text_article(kept)).metadata


def test_credits_newsletter_boxes_and_cookie_notes_leave_the_text() -> None:
    page = text_article(
        "Hafen gesperrt\n\nRubriklistenbild: © Jana Beispiel/dpa\n\n"
        "[Alle Updates aus Kiel gibt es in unserem kostenlosen Newsletter. Zur Anmeldung hier.]"
        "\n\nWir verwenden Cookies, um die Seite zu verbessern.\n\n"
        "Leitbild: Der Hafen bleibt bis Montag gesperrt."
    )
    article = build_article(page)
    assert article.metadata["image_credit"] == "Jana Beispiel/dpa"
    assert len(article.metadata["prompts"]) == 2
    assert article.text == "Hafen gesperrt\n\nLeitbild: Der Hafen bleibt bis Montag gesperrt."


def test_page_furniture_embeds_and_update_lines_leave_the_text() -> None:
    furniture = [
        "Hauptinhalt",
        "5 Kommentare",
        "Passwort vergessen?",
        "Deine Registrierung war erfolgreich",
        "Um zu verstehen, wie die Seite genutzt wird, nutzen wir Cookies.",
        "Dieses Thema im Programm: Das Radio | Nachrichten | 20. April 2020",
        "Video verfügbar bis 28.02.2021",
        "Die Kommentare der User geben nicht notwendigerweise die Meinung der Redaktion wieder.",
        "*beispiel.de ist Teil des bundesweiten Muster-Redaktionsnetzwerks",
        "Stand: 28.04.2020 18:00 Uhr",
        "Der Hafen ist zu. — Hafen Kiel (@hafenkiel) May 2, 2020",
    ]
    kept = "Teilen, gerecht teilen, das wäre ein großer Schritt für den Hafen."
    article = build_article(text_article("\n\n".join(["Hafen gesperrt", *furniture, kept])))
    assert article.text == f"Hafen gesperrt\n\n{kept}"
    assert article.metadata["updated"] == ["28.04.2020 18:00 Uhr"]
    assert article.metadata["embeds"] == [furniture[-1]]
    assert len(article.metadata["disclaimers"]) == 2 and len(article.metadata["prompts"]) == 7


def test_reader_tools_and_pointers_to_the_site_leave_the_text() -> None:
    # Review 37: an icon font's glyph names stood before the labels, glued or not.
    tools = [
        "bookmark_borderAuf die Merkliste",
        "headset Vorlesen",
        "chat_bubble 0 Kommentare",
        "Lesedauer etwa 3 Min",
        "Ein Beitrag von:",
        "Kommentare lesen und schreiben, hier klicken",
        "Die Ergebnisse aller Spiele finden Sie in unserer Sportrubrik...",
        "Kommentare",
    ]
    kept = [
        "Kommentar",
        "Die Werft hat neue Aufträge, sagt der Betriebsrat.",
        # "sie" (they) finds, and the polite "Sie" finds a place in town: both news
        "Freie Wohnungen finden sie im Umland kaum noch, sagen Mieter.",
        "Die Antragsformulare finden Sie im Rathaus am Markt.",
    ]
    tools.append("Finden Sie hier alle Ergebnisse des Spieltags.")  # a line that opens so
    article = build_article(text_article("\n\n".join(["Werft", *tools, *kept])))
    assert article.metadata["prompts"] == tools
    assert article.text == "\n\n".join(["Werft", *kept])


def test_opinion_section_until_next_heading(fixtures: Path) -> None:
    article = build_article(text_article((fixtures / "article.txt").read_text(encoding="utf-8")))
    stances = {b.text[:12]: b.stance for b in article.blocks if b.kind is BlockKind.PARAGRAPH}
    assert stances["Der Kieler S"] is Stance.REPORTING
    assert stances["Die Stadt so"] is Stance.OPINION
    heading = next(b for b in article.blocks if b.text.startswith("Kommentar"))
    assert heading.kind is BlockKind.SUBHEADING and heading.stance is Stance.OPINION


def test_the_authors_conclusion_is_opinion() -> None:
    text = (
        "Neue Fähre für Kiel\n"
        "Die Stadt hat am Montag eine neue Fährlinie eröffnet.\n"
        "Fazit\n"
        "Die Linie kommt spät, aber sie kommt.\n"
    )
    article = build_article(text_article(text))
    stances = {b.text[:8]: b.stance for b in article.blocks}
    assert stances["Die Stad"] is Stance.REPORTING
    assert stances["Fazit"] is Stance.OPINION and stances["Die Lini"] is Stance.OPINION


@pytest.mark.parametrize(
    ("heading", "opinion"),
    [
        # review 196: the label after the publisher's name or the author's own words
        ("Stadtblatt Fazit", True),
        ("Unser Fazit:", True),
        ("Mein persönliches Fazit zur neuen Fähre:", True),
        ("Persönliches Fazit", True),
        ("Meine Meinung", True),
        # another's conclusion, the reader's view and a list of other pieces are reported
        ("Polizei zieht positives Fazit", False),
        ("Ihre Meinung zur Fähre", False),
        ("Weitere Beiträge aus der Kolumne:", False),
        ("Geteilte Meinungen zur Fähre", False),
    ],
)
def test_the_authors_own_conclusion_later_in_a_heading(heading: str, opinion: bool) -> None:
    html = (
        "<html><body><article><h1>Neue Fähre für Kiel</h1>"
        "<p>Die Stadt hat am Montag eine neue Fährlinie zwischen den beiden Ufern eröffnet.</p>"
        f"<h2>{heading}</h2><p>Die Linie kommt spät, aber sie kommt.</p></article></body></html>"
    )
    article = build_article(Document("faehre.html", "html", b"", html=html))
    under = next(b for b in article.blocks if b.text.startswith("Die Linie"))
    assert under.section == heading
    assert (under.stance is Stance.OPINION) is opinion


@pytest.mark.parametrize(
    ("label", "ends"),
    [
        # review 206: a list of sources or links, or an appendix, is not the verdict
        ("Quellen", True),
        ("Unsere Quellen:", True),
        ("Literatur", True),
        ("Literaturverzeichnis:", True),
        ("Weiterführende Links", True),
        ("Anhang", True),
        # a short paragraph of the verdict, or one on springs, stays under its heading
        ("Einfach schön.", False),
        ("Mehr Quellen nötig", False),
    ],
)
def test_a_source_list_ends_the_opinion_heading(label: str, ends: bool) -> None:
    html = (
        "<html><body><article><h1>Neue Fähre für Kiel</h1>"
        "<p>Die Stadt hat am Montag eine neue Fährlinie zwischen den beiden Ufern eröffnet.</p>"
        "<h2>Fazit</h2><p>Die Linie kommt spät, aber sie kommt.</p>"
        f"<p>{label}</p><p>Beispiel, A. (2021): Fähren an der Förde. Kiel, S. 1-20</p>"
        "</article></body></html>"
    )
    article = build_article(Document("faehre.html", "html", b"", html=html))
    stances = {b.text[:9]: b.stance for b in article.blocks if b.kind is BlockKind.PARAGRAPH}
    assert stances["Die Linie"] is Stance.OPINION
    assert (stances["Beispiel,"] is Stance.REPORTING) is ends
    assert (stances[label[:9]] is Stance.REPORTING) is ends


def test_block_offsets_index_the_clean_text(fixtures: Path) -> None:
    article = build_article(text_article((fixtures / "article.txt").read_text(encoding="utf-8")))
    for block in article.blocks:
        if block.kind is not BlockKind.BOILERPLATE:
            assert article.text[block.start : block.end] == block.text


def test_html_structure_and_metadata(fixtures: Path) -> None:
    html = (fixtures / "page.html").read_text(encoding="utf-8")
    article = build_article(Document("page.html", "html", b"", html=html))
    assert article.title == "Neue Brücke über die Elbe eröffnet"
    assert any(
        b.kind is BlockKind.SUBHEADING and b.text == "Weniger Umwege für Pendler"
        for b in article.blocks
    )
    assert "Startseite" not in article.text and "Impressum" not in article.text
    assert article.metadata.get("image_credit") == "Max Mustermann"
    # The page's 09:30+02:00, in UTC, with its time of day.
    assert article.published == datetime(2024, 5, 14, 7, 30, tzinfo=UTC)
    assert article.language == "de"


def test_a_year_somewhere_on_a_page_is_no_publication_date() -> None:
    page = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Radwege</title>'
        '</head><body><nav><a href="/archiv/2009">Archiv 2009</a></nav><article>'
        "<h1>Stadtrat beschließt Radwege</h1><p>Der Stadtrat von Münster hat am Dienstag ein "
        "Programm für neue Radwege beschlossen. Bis 2030 sollen 50 Kilometer entstehen.</p>"
        "<p>Die Kosten liegen bei rund zwölf Millionen Euro, sagte die Oberbürgermeisterin.</p>"
        "</article></body></html>"
    )
    assert build_article(Document("p.html", "html", b"", html=page)).published is None


@pytest.mark.parametrize(
    ("origin", "og_url", "url"),
    [
        ("p.html", "", None),
        ("https://www.example.de/x", "", "https://www.example.de/politik/radwege"),
        ("p.html", "https://www.example.de/x", "https://www.example.de/politik/radwege"),
    ],
)
def test_a_relative_canonical_link_is_resolved_against_the_page_s_own_address(
    origin: str, og_url: str, url: str | None
) -> None:
    page = (
        '<html><head><link rel="canonical" href="/politik/radwege">'
        f'<meta property="og:url" content="{og_url}">'
        '<meta property="og:image" content="https://img.example.net/a.jpg">'
        "<title>Stadtrat beschließt Radwege</title></head><body><article>"
        "<h1>Stadtrat beschließt Radwege</h1><p>Der Stadtrat von Münster hat am Dienstag ein "
        "Programm für neue Radwege beschlossen. Bis 2030 sollen 50 Kilometer entstehen.</p>"
        "<p>Die Kosten liegen bei rund zwölf Millionen Euro, sagte die Oberbürgermeisterin.</p>"
        "</article></body></html>"
    )
    assert build_article(Document(origin, "html", b"", html=page)).url == url


@pytest.mark.parametrize(
    ("site", "publisher"),
    [
        ("Stadtkurier", "Stadtkurier"),
        ("https://www.facebook.com/stadtkurier", "stadtkurier.example"),
        ("Stadtrat beschließt Radwege - Stadtkurier", "stadtkurier.example"),
        ("02.11.2021", "stadtkurier.example"),
        ("Copyright © 2001-2009", "stadtkurier.example"),  # a footer's line, not a name
        ("© Stadtkurier GmbH", "stadtkurier.example"),
        ("6. Jahrgang", "stadtkurier.example"),
        ("Copyrightnews", "Copyrightnews"),
    ],
)
def test_a_page_s_publisher_is_a_name_not_an_address_or_its_headline(
    site: str, publisher: str
) -> None:
    page = (
        f'<html><head><meta property="og:site_name" content="{site}">'
        "<title>Stadtrat beschließt Radwege</title></head><body><article>"
        "<h1>Stadtrat beschließt Radwege</h1><p>Der Stadtrat von Münster hat am Dienstag ein "
        "Programm für neue Radwege beschlossen. Bis 2030 sollen 50 Kilometer entstehen.</p>"
        "<p>Die Kosten liegen bei rund zwölf Millionen Euro, sagte die Oberbürgermeisterin.</p>"
        "</article></body></html>"
    )
    url = "https://www.stadtkurier.example/radwege"
    article = build_article(Document("p.html", "html", b"", url=url, html=page))
    assert article.publisher == publisher


@pytest.mark.parametrize(
    ("title", "publisher"),
    [
        ("Stadtrat beschließt Radwege - Ostseewelle", "Ostseewelle"),
        ("Stadtrat beschließt Radwege | Münsteraner Stadtkurier", "Münsteraner Stadtkurier"),
        ("Stadtrat beschließt Radwege – WELT", "WELT"),
        ("Stadtrat beschließt Radwege - Ausbildung", None),  # a section, not a site
        ("Stadtrat beschließt Radwege - Aktuelles", None),
        ("Stadtrat beschließt Radwege | 31.10.2023", None),
        ("Stadtrat beschließt Radwege - Seite 3", None),
        ("Stadtrat beschließt Radwege - Erfahre mehr über den Umbau", None),  # a teaser
        ("Stadtrat beschließt Radwege | Jetzt lesen!", None),
        ("Stadtrat beschließt Radwege", None),
        ("Ostseewelle - Stadtrat beschließt Radwege", None),  # the headline last
    ],
)
def test_a_page_read_from_a_file_is_published_by_the_site_its_title_names(
    title: str, publisher: str | None
) -> None:
    """A site named only after the headline in the page's <title> (no og:site_name, no
    address) had been cut off the headline but not kept as the publisher (review 164)."""
    page = (
        f"<html><head><title>{title}</title></head><body><article>"
        "<h1>Stadtrat beschließt Radwege</h1><p>Der Stadtrat von Münster hat am Dienstag "
        "ein Programm für neue Radwege beschlossen. Bis 2030 sollen 50 Kilometer "
        "entstehen.</p><p>Die Kosten liegen bei rund zwölf Millionen Euro, sagte die "
        "Oberbürgermeisterin.</p></article></body></html>"
    )
    article = build_article(Document("seite.html", "html", b"", html=page))
    assert (article.title, article.publisher) == ("Stadtrat beschließt Radwege", publisher)


@pytest.mark.parametrize(
    "title",
    [
        "Stadtrat beschließt Radwege | STADTKURIER.EXAMPLE",
        "Stadtrat beschließt Radwege - Stadtkurier",
        "Stadtrat beschließt Radwege – Münsteraner Stadtkurier",
        "Stadtrat beschließt Radwege - www.stadtkurier.example",
        "Stadtrat beschließt Radwege: Stadtkurier",  # review 148
        "Stadtrat beschließt Radwege",
    ],
)
def test_a_page_title_loses_its_site_s_name(title: str) -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Stadtkurier">'
        f'<meta property="og:title" content="{title}">'  # taken as it is
        f"<title>{title}</title></head><body><article><p>Der Stadtrat von Münster hat am "
        "Dienstag ein Programm für neue Radwege beschlossen. Bis 2030 sollen 50 Kilometer "
        "entstehen.</p><p>Die Kosten liegen bei rund zwölf Millionen Euro, sagte die "
        "Oberbürgermeisterin, und der Bau beginne im Frühjahr.</p></article></body></html>"
    )
    url = "https://www.stadtkurier.example/radwege"
    article = build_article(Document("p.html", "html", b"", url=url, html=page))
    assert article.title == "Stadtrat beschließt Radwege"


@pytest.mark.parametrize(
    "title",
    [
        "Verkehr: Stadtrat beschließt Radwege",
        "Stadtrat beschließt Radwege • Stadtkurier Münster",
        "Stadtrat beschließt Radwege : 31.10.2023, 10.19 Uhr",
    ],
)
def test_a_page_title_around_its_h1_gives_way_to_it(title: str) -> None:
    """A section before the headline, a site after a separator the title rules do not
    know, a date after it: the page's own <h1> is the headline (html-de: 306 -> 335 of
    467 titles exact)."""
    page = (
        f"<html><head><title>{title}</title></head><body><article>"
        "<h1>Stadtrat <span>beschließt</span> Radwege<style>h1 {color: red}</style></h1>"
        "<p>Der Stadtrat von Münster hat am Dienstag ein Programm für neue Radwege "
        "beschlossen. Bis 2030 sollen 50 Kilometer entstehen.</p><p>Die Kosten liegen bei "
        "rund zwölf Millionen Euro, sagte die Oberbürgermeisterin.</p></article></body></html>"
    )
    url = "https://www.stadtkurier.example/radwege"
    article = build_article(Document("p.html", "html", b"", url=url, html=page))
    assert article.title == "Stadtrat beschließt Radwege"


def test_a_feed_s_title_for_its_page_stays_as_given() -> None:
    page = (
        "<html><head><title>Verkehr: Stadtrat beschließt Radwege</title></head><body>"
        "<article><h1>Stadtrat beschließt Radwege</h1><p>Der Stadtrat von Münster hat am "
        "Dienstag ein Programm für neue Radwege beschlossen. Bis 2030 sollen 50 Kilometer "
        "entstehen.</p></article></body></html>"
    )
    document = Document(
        "feed.xml",
        "feed",
        b"",
        url="https://www.stadtkurier.example/radwege",
        html=page,
        title="Verkehr: Stadtrat beschließt Radwege",
    )
    assert build_article(document).title == "Verkehr: Stadtrat beschließt Radwege"


def test_the_headline_repeated_before_the_body_is_dropped() -> None:
    title = "Kim Jong Un ist zurück"
    body = "Der Machthaber zeigte sich am Sonntag nach Wochen wieder in der Hauptstadt Pjöngjang."
    lines = [Line("Nordkorea", "para"), Line("5 Kommentare", "para"), Line(title, "heading")]
    blocks, _ = classify([*lines, Line(body, "para"), Line(title.upper(), "heading")], title)
    texts = [b.text for b in blocks]
    assert texts.count(title) == 1 and texts[-1] == title.upper(), "after the body it stays"


def test_a_short_paragraph_opening_a_related_list_is_its_heading() -> None:
    lines = [
        Line("Der Hafen von Kiel bleibt bis Montag gesperrt, sagte die Sprecherin.", "para"),
        Line("Lesen Sie auch:", "para"),
        Line("Fähre nach Oslo fällt aus", "item"),
        Line("Mehr dazu sagte die Sprecherin nicht, der Hafen bleibt gesperrt.", "para"),
    ]
    blocks, metadata = classify(lines, "Hafen gesperrt")
    kept = [b.text for b in blocks if b.kind is not BlockKind.BOILERPLATE]
    assert metadata["related_titles"] == ["Fähre nach Oslo fällt aus"]
    assert kept == ["Hafen gesperrt", lines[0].text, lines[3].text]


def test_a_short_html_fragment_is_read_block_by_block() -> None:
    one = "<p>Der Bundestag hat am Montag den Haushalt beschlossen, sagte die Sprecherin.</p>"
    article = build_article(Document("frag.html", "html", b"", html=one))
    assert (
        article.text
        == "Der Bundestag hat am Montag den Haushalt beschlossen, sagte die Sprecherin."
    )
    two = "<h2>Haushalt beschlossen</h2><p>Der Bundestag stimmte zu.</p>"
    article = build_article(Document("frag.html", "html", b"", html=two))
    assert (article.title, article.text.split("\n\n")[-1]) == (
        "Haushalt beschlossen",
        "Der Bundestag stimmte zu.",
    )
    for empty in ("<p> </p>", "<html><body><nav>Startseite</nav></body></html>"):
        with pytest.raises(InputError) as error:
            build_article(Document("leer.html", "html", b"", html=empty))
        assert error.value.code is Code.E005


_DEEP_BODY = (
    "<h1>Stadtrat beschließt Radwege</h1><p>Der Stadtrat von Münster hat am Dienstag ein "
    "Programm für neue Radwege beschlossen. Bis 2030 sollen 50 Kilometer entstehen.</p>"
    "<p>Die Kosten liegen bei rund zwölf Millionen Euro, sagte die Oberbürgermeisterin.</p>"
)


def _deep_page(body: str, declared: bool = False) -> Document:
    html = f"<html><head><title>Radwege</title></head><body>{body}</body></html>"
    declaration = '<?xml version="1.0" encoding="utf-8"?>\n' if declared else ""
    return Document("tief.html", "html", b"", html=declaration + html)


@pytest.mark.parametrize(
    "body",
    [
        "<div>" * 300 + f"<article>{_DEEP_BODY}</article>" + "</div>" * 300,
        "<div class='x'>" * 10_000 + _DEEP_BODY + "</div>" * 10_000,
        "<font size=2>" * 3_000 + _DEEP_BODY,  # never closed, as old pages leave them
    ],
    ids=["300 levels", "10,000 levels", "3,000 unclosed font tags"],
)
@pytest.mark.parametrize("declared", [False, True], ids=["HTML", "XHTML, declared"])
def test_a_page_nested_deeper_than_libxml2_reads_keeps_its_text(body: str, declared: bool) -> None:
    # libxml2 stops at 256 levels and drops the rest: this page had no text at 300.
    article = build_article(_deep_page(body, declared))
    assert article.title == "Stadtrat beschließt Radwege"
    assert article.text.endswith("sagte die Oberbürgermeisterin.")


_LOOSE = "Die Fähre nach Borkum fällt am Wochenende aus, teilte die Reederei am Freitag mit."
_PARAGRAPH = "<p>Grund ist ein Schaden am Ruder, der in der Werft in Emden behoben wird.</p>"


@pytest.mark.parametrize(
    "body",
    [
        _LOOSE + _PARAGRAPH,
        "<br><br>" + _LOOSE + "<br><br>" + _PARAGRAPH,
        _PARAGRAPH + _LOOSE + _PARAGRAPH.replace("Emden", "Leer"),
        "<div>" * 300 + _LOOSE + "</div>" * 300,  # its wrappers become line breaks
    ],
    ids=["in the body", "between line breaks", "between paragraphs", "300 divs deep"],
)
def test_a_page_s_text_outside_paragraphs_is_kept(body: str) -> None:
    """trafilatura gives text that stands in no paragraph as loose text of its <main>,
    "<main>Text<lb/>…</main>", which had been dropped: a page of 300 nested divs was
    E005, no readable text, and text between two paragraphs was lost (review 140)."""
    html = f"<html><head><title>Fähre fällt aus</title></head><body>{body}</body></html>"
    article = build_article(Document("faehre.html", "html", b"", html=html))
    assert _LOOSE in article.text


def test_a_page_with_a_huge_script_is_not_taken_apart_as_a_deep_one() -> None:
    from chronik.analysis.structure import readable_page

    # libxml2's limit on a text of 10 MB is another limit than depth.
    html = _deep_page("<script>var x='" + "A" * 11_000_000 + "';</script>" + _DEEP_BODY).html
    assert readable_page(str(html), "gross.html")[0] == html


def test_a_page_too_deep_even_without_its_wrappers_is_one_error_not_part_of_it() -> None:
    with pytest.raises(InputError) as error:
        build_article(_deep_page("<blockquote>" * 3_000 + _DEEP_BODY + "</blockquote>" * 3_000))
    assert str(error.value) == (
        "[E010] tief.html: broken HTML: elements nested more than 2,048 deep"
    )


def test_a_small_page_s_headline_is_not_run_into_its_paragraph() -> None:
    # trafilatura's fallback for pages with little text gives h1 and p as one paragraph.
    page = (
        "<!doctype html><html><body><h1>Gipfel in Moskau</h1>"
        "<p>Kim trifft Putin in Moskau zu Gesprächen.</p></body></html>"
    )
    article = build_article(Document("seite.html", "html", b"", html=page))
    assert (article.title, article.text) == (
        "Gipfel in Moskau",
        "Gipfel in Moskau\n\nKim trifft Putin in Moskau zu Gesprächen.",
    )


def test_english_comes_through() -> None:
    article = build_article(
        text_article("Storm hits the coast\nA storm hit the coast on Monday. Thousands lost power.")
    )
    assert article.language == "en"
    assert article.text.endswith("Thousands lost power.")


def test_a_few_german_words_are_german() -> None:
    # py3langid ranks Danish and Afrikaans first for these; German is among its first three.
    for short in ("Der Landtag tagt.", "Die Kommission tagt."):
        assert build_article(text_article(short)).language == "de", short
    for other, language in (("The Senate votes today.", "en"), ("Le président parle.", "fr")):
        assert build_article(text_article(other)).language == language, other


def test_repeated_title_line_is_dropped() -> None:
    doc = Document("x", "jsonl", b"", title="Bahnstreik", text="Bahnstreik\nDie Bahn streikt.")
    assert build_article(doc).text == "Bahnstreik\n\nDie Bahn streikt."
    # Also with a no-break space, as an exported article's title and text both hold it.
    title = "Note 1,1 \u2013\u00a0und arbeitslos"
    doc = Document("x", "jsonl", b"", title=title, text=f"{title}\n\nDie Bahn streikt.")
    assert build_article(doc).text.count("arbeitslos") == 1


def test_ids_follow_normalised_url_else_text() -> None:
    assert article_id("https://Example.com/a?utm_source=x", "eins") == article_id(
        "https://example.com/a", "zwei"
    )
    assert article_id(None, "Ein  Text") == article_id(None, "ein text")
    assert article_id(None, "Ein Text") != article_id(None, "Anderer Text")


def test_a_live_blogs_entries_are_articles_of_their_own() -> None:
    # A live blog's feed links each entry by a fragment: without it, entries months apart
    # had each become a revision of the one before.
    blog = "https://zeitung.example/politik/ukraine-liveblog"
    entries = {article_id(f"{blog}#event_id={entry}", "") for entry in ("eo5x", "eo9q")}
    entries |= {article_id(f"{blog}#post-20841", ""), article_id(blog, "")}
    assert len(entries) == 4
    assert article_id(f"{blog}#event_id=eo5x", "") == article_id(f" {blog}#event_id=eo5x ", "")
    # A tracking key, a text fragment, a page, a time, a comment or a plain anchor names no
    # entry (review 39): the link is the page.
    anchors = ("xtor=RSS-3", "Echobox=1754", ":~:text=Kiew", "_=_", "page=2", "t=30")
    others = ("footnote-item-2", "top-post-1", "item2")  # review 40
    for anchor in (*anchors, *others, "comment-12", "comments", "kapitel-2", ""):
        assert article_id(f"{blog}#{anchor}", "") == article_id(blog, ""), anchor


def test_question_headings_and_related_lists() -> None:
    blocks, metadata = classify(
        [
            Line("Titel"),
            Line("Was kommt jetzt?"),
            Line("Ein langer Absatz. Mit zwei Sätzen."),
            Line("Mehr zum Thema"),
            Line("- Erster Link"),
            Line("Zweiter Link ohne Strich"),
        ]
    )
    assert blocks[1].kind is BlockKind.SUBHEADING
    assert metadata["related_titles"] == ["Erster Link", "Zweiter Link ohne Strich"]


def test_a_related_list_ends_at_a_blank_line_before_a_heading() -> None:
    lines = [
        "Titel",
        "Ein Absatz. Mit zwei Sätzen.",
        "Mehr zum Thema",
        "Verkehr im Land",
        "",
        "- Ein weiterer Link",
        "",
        "Kommentar",
        "",
        "Das ist ein Armutszeugnis.",
    ]
    blocks, metadata = classify([Line(text) for text in lines])
    assert metadata["related_titles"] == ["Verkehr im Land", "Ein weiterer Link"]
    comment, paragraph = blocks[-2:]
    assert comment.kind is BlockKind.SUBHEADING and comment.text == "Kommentar"
    assert paragraph.stance is Stance.OPINION


def test_a_long_first_line_is_the_first_paragraph_and_its_sentence_the_title() -> None:
    sentence = (
        "Der Stadtrat von Kiel hat am Abend nach langer Debatte eine neue Fährlinie beschlossen."
    )
    article = build_article(text_article(" ".join([sentence] * 6) + "\n\nMehr folgt."))
    assert [b.kind for b in article.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert article.title == sentence
    endless = build_article(text_article("wort satz " * 100_000))
    assert endless.title.endswith(" …") and len(endless.title) <= 122
    assert endless.blocks[0].kind is BlockKind.PARAGRAPH


def test_invisible_characters_are_dropped() -> None:
    text = "Gipfel in Abu\u200bDhabi\n\nDie Vereinigte Arabische \u200bEmirate, Auswir\u00adkungen."
    article = build_article(text_article(text))
    assert article.title == "Gipfel in AbuDhabi"
    assert "Vereinigte Arabische Emirate" in article.text and "Auswirkungen" in article.text


def test_a_small_word_run_into_the_next_is_set_apart() -> None:
    # An article or preposition that lost its space (review 189); not a verb's particle
    # that ends a headline run into the next, nor a brand or an address.
    text = (
        "Fähre nach Kiel\n\nDer Stadtrat lobt dieFährleute und denHafen vonKiel sowie derUSA "
        "Vertreter. Die Stadt stellt den Fahrplan anKiel hat gewählt. iPhone, eBay und "
        "dasBoot.de bleiben."
    )
    article = build_article(text_article(text))
    assert "lobt die Fährleute und den Hafen von Kiel sowie der USA Vertreter." in article.text
    assert "anKiel" in article.text and "iPhone, eBay und dasBoot.de" in article.text


def _page(heading: str = "") -> str:
    paragraphs = "".join(
        f"<p>Der Stadtrat hat am Montag über den neuen Haushalt beraten, Absatz {i}.</p>"
        for i in range(4)
    )
    return (
        f"<html><body><article><h1>Der Haushalt</h1>{heading}{paragraphs}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("url", "heading", "opinion"),
    [
        ("https://a.example/meinung/2026-01/haushalt", "", True),
        ("https://a.example/kolumnen/spitz/haushalt/", "", True),
        ("https://a.example/politik/haushalt", "<h2><span>Kommentar von</span></h2>", True),
        # a section of that name elsewhere, or the readers' comments, label nothing
        ("https://a.example/politik/meinung-der-leser", "", False),
        ("https://a.example/politik/haushalt", "<h2>Leserkommentare</h2>", False),
    ],
)
def test_a_page_its_publisher_files_as_opinion_is_opinion_throughout(
    url: str, heading: str, opinion: bool
) -> None:
    article = build_article(Document(url, "html", b"", url=url, html=_page(heading)))
    paragraphs = [b for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs and all((b.stance is Stance.OPINION) is opinion for b in paragraphs)
    assert (article.metadata.get("genre") == "opinion") is opinion


@pytest.mark.parametrize(
    ("url", "opinion"),
    [
        ("https://www.zeit.de/politik/2026-01/haushalt-stadtrat-5vor8", True),
        ("https://www.zeit.de/politik/2026-01/haushalt-5vor8-stadtrat", False),
    ],
)
def test_a_columns_mark_at_the_end_of_the_address_files_the_page_as_opinion(
    url: str, opinion: bool
) -> None:
    # Review 121: 3 of ZEIT ONLINE's 12 "5 vor 8" commentaries in the stream had been
    # reporting throughout.
    article = build_article(Document(url, "html", b"", url=url, html=_page()))
    assert (article.metadata.get("genre") == "opinion") is opinion


_LEAD = (
    "Seit Jahren wächst der Hafen in Kiel schneller als jeder andere an der Ostsee. "
    "Das zeigt eine neue Studie der Universität."
)


@pytest.mark.parametrize(("on_page", "kept"), [(True, True), (False, False)])
def test_a_lead_trafilatura_drops_comes_back_where_the_page_describes_itself_by_it(
    on_page: bool, kept: bool
) -> None:
    body = "".join(
        f"<p>Der Hafen hat im Sommer mehr Container umgeschlagen als je zuvor, Absatz {i}, "
        "und die Stadt plant neue Kais für Fähren und Frachter.</p>"
        for i in range(6)
    )
    # trafilatura leaves out a teaser; an abstract for search engines alone is no text
    teaser = f'<div class="teaser"><p class="teaser">{_LEAD}</p></div>' if on_page else ""
    html = (
        f'<html><head><title>Hafen</title><meta name="description" content="{_LEAD}"></head>'
        f"<body><article><h1>Der Hafen wächst</h1>{teaser}{body}</article></body></html>"
    )
    blocks = build_article(Document("hafen.html", "html", b"", html=html)).blocks
    assert blocks[0].kind is BlockKind.HEADLINE and blocks[0].text == "Der Hafen wächst"
    assert (blocks[1].text == _LEAD) is kept
    assert sum(b.text == "Der Hafen wächst" for b in blocks) == 1


@pytest.mark.parametrize(
    ("heading", "dropped"),
    [
        ("Interne Unterlagen im Netz Daten von Rheinmetall gehackt", True),  # with its kicker
        ("Aktuell: Interne Unterlagen im Netz - Daten von Rheinmetall gehackt", True),  # more
        ("Daten von Rheinmetall gehackt", True),  # a part of the title
        ("Rheinmetall prüft Anzeige", False),  # words of its own
        ("Daten von Rheinmetall gehackt.", False),  # a sentence is text
    ],
)
def test_the_pages_own_heading_that_says_the_headline_again_is_dropped(
    heading: str, dropped: bool
) -> None:
    title = "Daten von Rheinmetall gehackt - Interne Unterlagen im Netz"
    body = "Der Konzern hat am Montag bestätigt, dass Unbekannte Daten kopiert haben."
    blocks, _ = classify([Line(heading, "heading"), Line(body, "para")], title)
    assert [b.text for b in blocks] == [title, body] if dropped else [title, heading, body]


def test_a_separator_line_is_no_block() -> None:
    lines = [Line("Erster Teil des Textes.", "para"), Line("*", "heading"), Line("* * *", "para")]
    blocks, _ = classify([*lines, Line("Zweiter Teil des Textes.", "para")], "Titel")
    assert [b.text for b in blocks] == [
        "Titel",
        "Erster Teil des Textes.",
        "Zweiter Teil des Textes.",
    ]


def test_a_line_break_parts_words_and_a_run_in_heading_opens_its_section() -> None:
    # trafilatura writes <br/> as <lb/>, whose words had run together ("KostenPro …"); a
    # short bold run before it is the paragraph's heading, and a lead set as <h2> a paragraph.
    lead = "Kleine Windräder sind beliebt. Doch nicht jeder Garten eignet sich dafür."
    body = "".join(
        f"<p><b>{head}</b><br/>{text}</p>"
        for head, text in [
            ("Kosten", "Pro Kilowatt sind einige tausend Euro zu zahlen, sagen Händler."),
            ("Fazit", "Ein Windrad im Garten ist meistens eine teure Spielerei für Bastler."),
        ]
    )
    page = (
        "<html><head><title>Windräder</title></head><body><article><h1>Windräder</h1>"
        f"<h2>{lead}</h2>{body}<p>Anschrift: Gartenweg 4<br/>Telefon 0123</p>"
        "</article></body></html>"
    )
    lines = [(line.text, line.hint) for line in html_lines(page, "wind.html")[0]]
    assert (lead, "para") in lines
    assert lines[-5:] == [
        ("Kosten", "heading"),
        ("Pro Kilowatt sind einige tausend Euro zu zahlen, sagen Händler.", "para"),
        ("Fazit", "heading"),
        ("Ein Windrad im Garten ist meistens eine teure Spielerei für Bastler.", "para"),
        ("Anschrift: Gartenweg 4 Telefon 0123", "para"),
    ]


def test_what_is_no_run_in_heading_and_no_long_lead() -> None:
    # Review 39: headings with an ordinal or an abbreviation had become paragraphs, and a
    # byline or a poem's first line a subheading.
    body = (
        "<h2>Was bringt der 1. Mai?</h2><h2>Prof. Dr. Beispiel warnt vor dem Winter!</h2>"
        "<p>Von Hans Müller<br/>Die Stadt plant neue Radwege in der Altstadt, sagte der "
        "Bürgermeister am Dienstag.</p><p>Rosen sind rot<br/>Veilchen sind blau</p>"
        "<p>Die Stadt plant neue Radwege in der Altstadt, sagte der Bürgermeister.</p>"
        "<h2>Der Kanzler will Neuwahlen im Mai. Die Opposition ist dagegen.</h2>"
        "<p>Ausblick<br/>Die Preise sollen 2027 sinken.</p>"
    )
    page = f"<html><body><article><h1>Mai</h1>{body}</article></body></html>"
    hints = {line.text[:12]: line.hint for line in html_lines(page, "mai.html")[0]}
    assert hints["Was bringt d"] == hints["Prof. Dr. Be"] == "heading"
    assert hints["Von Hans Mül"] == hints["Rosen sind r"] == "para"
    assert hints["Der Kanzler "] == "para"  # two sentences, the first ends in "Mai." (review 40)
    assert hints["Ausblick"] == "heading" and hints["Die Preise s"] == "para"  # a sentence after


def test_an_xhtml_page_with_its_xml_declaration_keeps_its_text() -> None:
    body = (
        "<p>Der Landtag in Tarvo hat am Mittwoch das neue Schulgesetz beschlossen. Die "
        "Opposition stimmte geschlossen dagegen. Die Ministerin sprach von einem guten Tag.</p>"
    )
    page = f'<?xml version="1.0" encoding="utf-8"?>\n<html><body>{body}</body></html>'
    lines, _ = html_lines(page, "x.xhtml")  # had been E005 (review 42)
    assert lines and lines[0].text.startswith("Der Landtag in Tarvo")


PAGE_WITH_FURNITURE = """<html><head><title>Gipfel am Amur</title></head><body>
<nav><ul><li><a href="/i">Impressum</a></li><li><a href="/d">Datenschutz</a></li></ul></nav>
<article><h1>Gipfel am Amur</h1>
<figure><img src="a.jpg"><figcaption>Kessler und Marek am Kosmodrom.
<span class="credit">Foto: Anna Beispiel</span></figcaption></figure>
<p>Kessler und Marek haben sich am Mittwoch am Kosmodrom getroffen. Sie sprachen über
Raumfahrt, Handel und die Lage in der Region, wie beide Seiten danach mitteilten.</p>
<p>Das Treffen dauerte mehrere Stunden. Danach reiste Marek mit seinem Zug weiter nach
Osten, wo er weitere Termine in der Hafenstadt wahrnehmen wollte.</p>
<div class="box"><h3>Mehr zum Thema</h3></div>
<ul><li><a href="/1">Marek reist mit dem Zug an</a><span>12.09.</span></li>
<li><a href="/2">Was vom Gipfel zu erwarten ist</a></li></ul>
</article>
<footer><p class="copyright">© 2023 Beispielverlag, alle Rechte vorbehalten</p></footer>
</body></html>"""


def test_a_pages_picture_credits_and_related_list_are_kept_as_metadata() -> None:
    # trafilatura drops captions and lists of links with the page's furniture (review 47).
    html = PAGE_WITH_FURNITURE
    article = build_article(Document("p.html", "html", html.encode(), html=html))
    assert article.metadata["image_credit"] == "Anna Beispiel"
    assert article.metadata["related_titles"] == [
        "Marek reist mit dem Zug an",
        "Was vom Gipfel zu erwarten ist",
    ]
    assert "Anna Beispiel" not in article.text and "Mehr zum Thema" not in article.text
    assert "Marek reist mit dem Zug an" not in article.text
    # An XHTML page's declaration, which lxml parses no text with, hides none of it.
    xhtml = '<?xml version="1.0" encoding="utf-8"?>' + html
    declared = build_article(Document("p.xhtml", "html", xhtml.encode(), html=xhtml))
    assert declared.metadata["image_credit"] == "Anna Beispiel"


@pytest.mark.parametrize(
    ("html", "credit"),
    [
        # the label after a copyright sign, and a caption's sentence after the credit go
        ("<figure><figcaption>© Foto: Skoda</figcaption></figure>", "Skoda"),
        ("<figcaption>Der Hafen. Foto: pixabay Ein Gericht ist kein Ort.</figcaption>", "pixabay"),
        ("<figcaption>Der Hafen (Bild: Covestro)</figcaption>", "Covestro"),
        ("<figcaption>Lee Elder. | © Andy Lyons /Allsport</figcaption>", "Andy Lyons /Allsport"),
        ("<span class='imgcredits'>Bildquelle: Getty Images</span>", "Getty Images"),
        # a sign glued to the caption counts, an "é" read as "Ã©" does not (review 50)
        ("<figcaption>Am Kosmodrom<span>© Noah Addis</span></figcaption>", "Noah Addis"),
        ("<figcaption>RenÃ© Klemmer. Foto: GdP/Hagen Immel</figcaption>", "GdP/Hagen Immel"),
        # a post tagged "credit-suisse" is no credit; a copyright in a sentence neither
        (
            "<article class='post tag-credit-suisse'><figure><figcaption>Die Zentrale. "
            "Foto: dpa</figcaption></figure><p>Text über die Bank.</p></article>",
            "dpa",
        ),
        ("<figcaption>Erdogans Copyright an meinem Buchtitel</figcaption>", None),
        ("<p class='copyright'>© 2023 Beispielverlag</p>", None),
    ],
)
def test_a_picture_credit_is_the_credit_alone(html: str, credit: str | None) -> None:
    # Review 49: labels, captions and a post's tags had run into the credit.
    root = lxml.html.document_fromstring(f"<html><body>{html}</body></html>")
    assert page_furniture(root).get("image_credit") == credit


def test_a_menu_under_a_related_heading_gives_no_titles() -> None:
    html = """<html><body><div><h3>Das könnte Sie auch interessieren</h3>
    <ul class="dlf-submenu"><li><a>Reihen und Schwerpunkte</a></li>
    <li><a>Vor- und Rückschau der Woche</a></li></ul></div>
    <nav><h3>Mehr zum Thema</h3><ul><li><a>Alle Artikel zum Thema hier</a></li></ul></nav>
    </body></html>"""
    assert "related_titles" not in page_furniture(lxml.html.document_fromstring(html))


@pytest.mark.parametrize(
    "placeholder",
    [
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime.fromisoformat("1970-01-01T01:00:00+01:00"),  # the epoch, in local time
        datetime(1900, 1, 1),
    ],
)
def test_a_placeholder_date_is_no_date(placeholder: datetime) -> None:
    """An empty date field written as the epoch or 1900 had dated the article then, first
    in every timeline: it is unknown instead, and the user's date serves."""
    assumed = datetime(2025, 8, 5, 9, tzinfo=UTC)
    document = Document(
        "<a>", "jsonl", b"", text="Der Rat tagt.", published=placeholder, assumed_published=assumed
    )
    article = build_article(document)
    assert article.published == assumed
    assert article.metadata["placeholder_published"] == placeholder.isoformat()
    document.assumed_published = None
    assert build_article(document).published is None


def test_a_date_near_a_placeholder_stays() -> None:
    when = datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC)
    article = build_article(Document("<a>", "jsonl", b"", text="Der Rat tagt.", published=when))
    assert article.published == when and "placeholder_published" not in article.metadata


def test_a_date_in_the_pages_address_comes_before_the_users() -> None:
    html = (
        "<html><head><title>Flut</title></head><body><article><h1>Flut</h1><p>Die Flut vom "
        "14.07.2021 hat den Ort verändert, sagen die Menschen dort bis heute.</p></article>"
        "</body></html>"
    )
    given = datetime(2024, 7, 10, 8, tzinfo=UTC)
    fields = {"html": html, "assumed_published": given}
    dated = "https://www.example.de/panorama/2023/03/01/flut.html"
    page = build_article(Document(dated, "html", html.encode(), url=dated, **fields))  # type: ignore[arg-type]
    assert page.published == datetime(2023, 3, 1, tzinfo=UTC)
    # a date read in the text alone is a guess: the time given comes first
    undated = "https://www.example.de/panorama/flut.html"
    page = build_article(Document(undated, "html", html.encode(), url=undated, **fields))  # type: ignore[arg-type]
    assert page.published == given


def _dated_page(meta: str, canonical: str) -> Document:
    html = (
        f'<html><head><title>Werft</title>{meta}<link rel="canonical" href="{canonical}">'
        "</head><body><article><h1>Werft</h1><p>Die Werft in Kiel baut ein neues Dock für "
        "große Schiffe, sagte der Betriebsrat am Mittwoch.</p></article></body></html>"
    )
    return Document("<w>", "html", html.encode(), html=html)


def test_a_pages_header_time_counts_on_the_day_its_address_names() -> None:
    """The address's day had come first and cut the header's time to midnight; a header's
    time of another day (the time it was changed) gives way to the address's day."""
    dated = "https://www.example.de/wirtschaft/2023/03/01/werft.html"
    published = '<meta property="article:published_time" content="2023-03-01T09:15:00+01:00">'
    page = build_article(_dated_page(published, dated))
    assert page.published == datetime(2023, 3, 1, 8, 15, tzinfo=UTC)
    changed = '<meta property="og:updated_time" content="2023-05-28T18:35:56+02:00">'
    assert build_article(_dated_page(changed, dated)).published == datetime(2023, 3, 1, tzinfo=UTC)
    undated = "https://www.example.de/wirtschaft/werft.html"
    page = build_article(_dated_page(published, undated))
    assert page.published == datetime(2023, 3, 1, 8, 15, tzinfo=UTC)
    # a time in UTC just after midnight in Berlin is on the address's day (review 51)
    night = '<meta property="article:published_time" content="2023-02-28T23:30:00Z">'
    page = build_article(_dated_page(night, dated))
    assert page.published == datetime(2023, 2, 28, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.example.de/politik/2025/08/05/rat.html", "2025-08-05"),
        ("https://www.example.de/2025-08-05/rat", "2025-08-05"),
        ("https://www.example.de/2025/8/5", "2025-08-05"),
        ("https://www.example.de/2025/02/30/kein-tag/", None),
        ("https://www.example.de/artikel/20250805", None),
        ("https://www.example.de/1024/768/12/bild", None),
        ("/2025/08/05/relativ", None),
        # a name that starts with a date, a count after a month's folder (review 51)
        ("https://www.example.de/geschichte/1989-11-09-mauerfall-jahrestag", None),
        ("https://www.example.de/politik/2025-08/10-fragen-an-merz", None),
        ("https://www.example.de/news/2025/08/3-dinge-die-man-wissen-muss", None),
        ("https://www.example.de/2025/08-05/gemischt", None),
    ],
)
def test_the_day_an_address_names(url: str, day: str | None) -> None:
    assert address_day(url) == day


def test_the_address_day_counts_beside_a_relative_canonical_link() -> None:
    """A page read from an archive, whose canonical link is relative: the link had replaced
    the page's own address, and its day was not read (review 51)."""
    html = (
        '<html><head><title>Nacht</title><link rel="canonical" href="/2025/08/06/nacht">'
        '<meta property="og:updated_time" content="2025-09-01T11:15:00+02:00"></head><body>'
        "<article><h1>Nacht</h1><p>Der Landtag tagte bis tief in die Nacht über den Haushalt "
        "des Landes.</p></article></body></html>"
    )
    url = "https://www.example.de/2025/08/06/nacht"
    page = Document("archive.warc: record 3", "html", html.encode(), url=url, html=html)
    assert build_article(page).published == datetime(2025, 8, 6, tzinfo=UTC)


def _page_with(title: str, h1: str) -> Article:
    quoted = title.replace('"', "&quot;")
    page = (
        f'<html><head><meta property="og:title" content="{quoted}"><title>{title}</title>'
        f"</head><body><article>{h1}"
        "<p>Der Deich an der Elbe hat dem Sturm in der Nacht standgehalten, sagte der "
        "Landrat am Morgen. Die Feuerwehr war mit 200 Kräften im Einsatz.</p><p>Bis zum "
        "Abend sollen die Pegel wieder fallen, teilte das Umweltamt mit.</p></article>"
        "</body></html>"
    )
    url = "https://www.stadtkurier.example/deich"
    return build_article(Document("p.html", "html", b"", url=url, html=page))


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        (
            "Nach dem Sturm: Der Deich hält stand",
            '<h1><span class="dachzeile">Nach dem Sturm</span> '
            '<span class="headline">Der Deich hält stand</span></h1>',
        ),
        (
            "Hochwasser - Der Deich hält stand",
            '<h1><span class="kicker">Hochwasser</span><span class="hidden"> - </span>'
            "<span>Der Deich hält stand</span></h1>",
        ),
        (
            "Serie: Der Deich hält stand",
            "<h1><span><small>Serie</small><br>Der Deich hält stand</span></h1>",
        ),
        ("Hochwasser", '<h1><span class="dachzeile">Hochwasser</span> Der Deich hält stand</h1>'),
        (  # a kicker as long as the headline (review 148)
            "Der Deich hält stand - Sturm über der Elbe",
            '<h1><span class="kicker">Sturm über der Elbe</span> Der Deich hält stand</h1>',
        ),
    ],
)
def test_a_kicker_set_apart_in_the_h1_is_no_part_of_the_headline(title: str, h1: str) -> None:
    """A kicker (Dachzeile) the page sets apart in its <h1>, which its title runs into the
    headline or gives alone (html-de: 9 pages right, none lost)."""
    assert _page_with(title, h1).title == "Der Deich hält stand"


@pytest.mark.parametrize(
    "h1",
    [
        '<h1><span class="stark">Streit</span> um den Deich an der Elbe</h1>',
        "<h1><em>Streit</em> um den Deich an der Elbe</h1>",
        "<h1><a href='/deich'>Streit um den Deich</a> an der Elbe</h1>",
    ],
)
def test_a_word_styled_at_the_start_of_the_h1_is_no_kicker(h1: str) -> None:
    assert (
        _page_with("Streit um den Deich an der Elbe", h1).title == "Streit um den Deich an der Elbe"
    )


@pytest.mark.parametrize(
    ("title", "h1", "headline"),
    [
        ('"Der Deich hält" - Stadtkurier', "<h1>„Der Deich hält“</h1>", "„Der Deich hält“"),
        (
            "Landrat: Der Deich hält - vorerst",
            "<h1>Landrat: Der Deich hält – vorerst</h1>",
            "Landrat: Der Deich hält – vorerst",
        ),
        (
            "Landrat's Deich hält stand",
            "<h1>Landrat’s Deich hält stand</h1>",
            "Landrat’s Deich hält stand",
        ),
        # capitals are styling: the title's spelling stays
        ("Der Deich hält stand", "<h1>DER DEICH HÄLT STAND</h1>", "Der Deich hält stand"),
        (  # under a kicker the title leaves out (review 148)
            "Landrat: Der Deich hält - vorerst",
            '<h1><span class="dachzeile">Sturmflut</span> Landrat: Der Deich hält – vorerst</h1>',
            "Landrat: Der Deich hält – vorerst",
        ),
    ],
)
def test_the_h1_s_quotes_and_dashes_are_the_headline_s(title: str, h1: str, headline: str) -> None:
    """A title tag that writes a headline with straight quotes, hyphens or apostrophes
    gives way to the <h1> of the same words set as the page sets them (html-de: 5 pages
    right, none lost)."""
    assert _page_with(title, h1).title == headline


@pytest.mark.parametrize(
    ("tag", "h1"),
    [
        ("Stadtkurier » Blog » Der Deich hält stand", "<h1>Stadtkurier.example</h1>"),
        ("Der Deich hält stand | Stadtkurier", "<h1>Stadtkurier e.V. Verein für Heimatkunde</h1>"),
        ("Der Deich hält stand", "<h1>Stadtkurier</h1>"),
    ],
)
def test_a_headline_that_names_the_site_gives_way_to_the_title_tag(tag: str, h1: str) -> None:
    """A logo's <h1>, which trafilatura takes for the headline: the <title>'s longest part
    that names no site is the headline (html-de: 5 pages right, none lost)."""
    page = (
        f"<html><head><title>{tag}</title></head><body><header>{h1}</header><article>"
        "<p>Der Deich an der Elbe hat dem Sturm in der Nacht standgehalten, sagte der "
        "Landrat am Morgen. Die Feuerwehr war mit 200 Kräften im Einsatz.</p><p>Bis zum "
        "Abend sollen die Pegel wieder fallen, teilte das Umweltamt mit.</p></article>"
        "</body></html>"
    )
    url = "https://www.stadtkurier.example/deich"
    article = build_article(Document("p.html", "html", b"", url=url, html=page))
    assert article.title == "Der Deich hält stand"


def test_a_headline_that_opens_with_the_site_s_name_and_more_stays() -> None:
    page = (
        "<html><head><title>Stadtkurier-Leser spenden für den Deich</title></head><body>"
        "<article><h1>Stadtkurier-Leser spenden für den Deich</h1><p>Der Deich an der Elbe "
        "hat dem Sturm in der Nacht standgehalten, sagte der Landrat am Morgen.</p><p>Bis "
        "zum Abend sollen die Pegel wieder fallen, teilte das Umweltamt mit.</p></article>"
        "</body></html>"
    )
    url = "https://www.stadtkurier.example/deich"
    article = build_article(Document("p.html", "html", b"", url=url, html=page))
    assert article.title == "Stadtkurier-Leser spenden für den Deich"


@pytest.mark.parametrize(
    ("title", "h1", "headline"),
    [
        (
            "Elbe: Deich hält dem Sturm stand",
            "<h1>Der Deich an der Elbe hält</h1>",
            "Der Deich an der Elbe hält",
        ),
        (
            "Deich hält stand - was jetzt?",
            '<h1><span class="dachzeile">Sturmflut</span> Der Deich hält auch die Nacht</h1>',
            "Der Deich hält auch die Nacht",
        ),
        # a section's name for a title: no word to share
        ("Sturmnacht", "<h1>Der Deich an der Elbe hält</h1>", "Der Deich an der Elbe hält"),
    ],
)
def test_the_page_s_only_h1_that_words_the_headline_otherwise_is_it(
    title: str, h1: str, headline: str
) -> None:
    """og:title, written for social media, words the headline one way; the page's one <h1>,
    which its reader sees, another (review 148: html-de 33 pages right, none lost)."""
    assert _page_with(title, h1).title == headline


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        ("Der Deich hält stand", "<h1>Hochwasser: Der Deich hält stand</h1>"),  # a kicker
        ("Der Deich hält stand", "<h1>Stand hält der Deich</h1>"),  # the same words
        ("Der Deich hält stand", "<h1>Küstenschutz im Norden</h1>"),  # no word in common
        ("Der Deich hält stand", "<h1>Stadtkurier – Nachrichten vom Deich</h1>"),  # the site
        ("Der Deich hält stand", "<h1>Der Deich an der Elbe</h1><h1>Wetter</h1>"),  # two
    ],
)
def test_an_h1_that_is_no_other_wording_of_the_headline_leaves_the_title(
    title: str, h1: str
) -> None:
    assert _page_with(title, h1).title == "Der Deich hält stand"


def test_an_h1_that_shares_no_word_with_the_title_is_the_headline_the_title_tag_gives() -> None:
    page = (
        '<html><head><meta property="og:title" content="Elbe: Alles hält">'
        "<title>Küstenschutz im Norden | Stadtkurier</title></head><body><article>"
        "<h1>Küstenschutz im Norden</h1><p>Der Deich an der Elbe hat dem Sturm in der Nacht "
        "standgehalten, sagte der Landrat am Morgen. Die Feuerwehr war mit 200 Kräften im "
        "Einsatz.</p></article></body></html>"
    )
    url = "https://www.stadtkurier.example/deich"
    article = build_article(Document("p.html", "html", b"", url=url, html=page))
    assert article.title == "Küstenschutz im Norden"


@pytest.mark.parametrize("section", ["Pressemitteilungen", "Aktuelles", "Navigation und Service"])
def test_a_section_s_name_for_the_headline_gives_way_to_the_title_tag(section: str) -> None:
    """A listing's or a navigation's name that trafilatura takes for the headline (a second
    og:title, a skip link's <h1>): the <title>'s part that names no site is the headline
    (review 148: html-de 3 pages right, none lost)."""
    page = (
        f'<html><head><meta property="og:title" content="{section}">'
        "<title>Der Deich hält stand - Stadtkurier</title></head><body>"
        f"<h1>{section}</h1><article><h1>Wetter heute</h1><p>Der Deich an der Elbe hat dem "
        "Sturm in der Nacht standgehalten, sagte der Landrat am Morgen. Die Feuerwehr war mit "
        "200 Kräften im Einsatz.</p></article></body></html>"
    )
    url = "https://www.stadtkurier.example/deich"
    article = build_article(Document("p.html", "html", b"", url=url, html=page))
    assert article.title == "Der Deich hält stand"


def test_a_colon_before_more_than_the_site_s_name_stays() -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Stadtkurier">'
        '<meta property="og:title" content="Radwege: Stadtkurier-Leser stimmen ab">'
        "</head><body><article><p>Der Stadtrat von Münster hat am Dienstag ein Programm für "
        "neue Radwege beschlossen. Bis 2030 sollen 50 Kilometer entstehen.</p></article>"
        "</body></html>"
    )
    url = "https://www.stadtkurier.example/radwege"
    article = build_article(Document("p.html", "html", b"", url=url, html=page))
    assert article.title == "Radwege: Stadtkurier-Leser stimmen ab"


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Apfel-Zimt-Kuchen von Oma Erna | Stadtkurier", "Apfel-Zimt-Kuchen"),
        ("Apfel-Zimt-Kuchen: Ein Rezept", "Apfel-Zimt-Kuchen: Ein Rezept"),
    ],
)
def test_an_h1_of_one_compound_that_the_title_holds_is_the_headline(
    title: str, headline: str
) -> None:
    """A compound of hyphened parts says as much as words do; before a colon it is a
    kicker (review 148: html-de 2 pages right, none lost)."""
    assert _page_with(title, "<h1>Apfel-Zimt-Kuchen</h1>").title == headline
