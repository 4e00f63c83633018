"""Structure: from a document to an article with blocks, clean text, metadata and an id.

Every block kind comes from lines with a hint: plain text gives bare lines (the first is the
headline, short lines without final punctuation are subheadings); HTML gives trafilatura's
headings, paragraphs and list items.
"""

from __future__ import annotations

import contextlib
import hashlib
import html as html_lib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import htmldate
import lxml.etree
import lxml.html
import py3langid
import trafilatura
from courlan import normalize_url

from chronik.analysis.boilerplate import (
    LIST_ITEM,
    RELATED_HEADING,
    RUN_ON_BYLINE,
    RUN_ON_PROMPT,
    SECTION_NAME,
    SOURCES_LABEL,
    is_opinion_heading,
    match_metadata,
)
from chronik.analysis.furniture import page_furniture
from chronik.analysis.german import local_day
from chronik.analysis.lemmas import is_known
from chronik.analysis.sentences import lead_line, split_sentences
from chronik.errors import Code, InputError
from chronik.ingest.decode import small_words_apart, visible
from chronik.ingest.document import (
    Document,
    entry_fragment,
    is_web_address,
    join_url,
    split_url,
)
from chronik.ingest.fields import parse_time, placeholder_time, publisher_name
from chronik.ingest.pages import html_parser, is_whole_page, parse_fragment
from chronik.model import Article, Block, BlockKind, Stance

_MAX_HEADING_WORDS = 14
# A first line longer than this is the text's first paragraph, not its headline.
_MAX_HEADLINE_WORDS = 40
_SENTENCE_END = re.compile(r"[.:;,]$|[.!?]\s+\S")


@dataclass(slots=True)
class Line:
    text: str
    hint: str = ""  # "", "heading", "item", "para"


def _says_something(text: str) -> bool:
    """Whether ``text`` has two different words, one of them of two letters or more (a
    title is also its article's first block: its words count once). It reads no further
    than the second word: an article's whole text is passed."""
    if not _WORD_OF_LETTERS.search(text):
        return False
    words = (m.group() for m in _WORD.finditer(text))
    first = next(words, None)
    return any(word != first for word in words)


_WORD_OF_LETTERS = re.compile(r"[^\W\d_]{2,}")


def build_article(document: Document) -> Article:
    """The article a document holds; raises InputError when it holds no text."""
    lines, meta = _lines_and_metadata(document)
    lines = [Line(small_words_apart(visible(line.text)), line.hint) for line in lines]
    title = _title(document, meta)
    blocks, metadata = classify(lines, title)
    for key, value in meta.get("furniture", {}).items():
        metadata.setdefault(key, value)  # the text's own lines first
    _require_text(title, blocks, document.origin)
    if _opinion_page(document.url or meta.get("url") or document.origin, document.html):
        _file_as_opinion(blocks, metadata)
    text = _place(blocks)
    headline = _headline(blocks, text)
    # A page fetched by its address and naming no canonical one is known by the address it
    # was fetched from: new text there is a revision, not a second article.
    url = document.url or meta.get("url") or _fetched_from(document)
    published = _published(document, meta.get("date"))
    if document.published is not None and placeholder_time(document.published):
        metadata["placeholder_published"] = document.published.isoformat()
    article = Article(
        id=article_id(url, text),
        title=headline,
        text=text,
        url=url,
        published=published,
        publisher=_publisher(document, meta, url, headline),
        language=_language(document.language, text),
        blocks=blocks,
        metadata=metadata,
        content_hash=_digest(_normalise(text)),
    )
    return article


def _title(document: Document, meta: dict[str, Any]) -> str:
    """The document's title: a feed's own for its item as it was given, else the page's
    headline as its title tag, og:title and <h1>s give it, without its site's name."""
    title = visible(document.title or meta.get("title") or "").strip()
    if meta:  # a page's title, which often ends in its site's name
        site, address = meta.get("sitename"), document.url or meta.get("url")
        if not document.title:
            title = _unless_logo(title, visible(meta.get("title_tag", "")), site, address)
        title = _without_site(title, site, address)
        if not document.title:  # a feed's own title for its item stays as it was given
            title = _page_headline(title, meta.get("h1", []))
            tag = visible(meta.get("title_tag", ""))
            title = _only_h1(title, meta.get("h1", []), tag, site, address)
    return title


def _require_text(title: str, blocks: list[Block], origin: str) -> None:
    kept = [b.text for b in blocks if b.kind is not BlockKind.BOILERPLATE]
    if not kept or not _says_something(" ".join([title, *kept])):
        # "x", "null", "[1,2]" or a form's "a=b&c=d" sent as text is no article: each had
        # been stored with a story of its own (review 42).
        raise InputError(Code.E005, origin)


def _file_as_opinion(blocks: list[Block], metadata: dict[str, Any]) -> None:
    metadata["genre"] = "opinion"
    for block in blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.SUBHEADING):
            block.stance = Stance.OPINION


def _headline(blocks: list[Block], text: str) -> str:
    headline = next((b.text for b in blocks if b.kind is BlockKind.HEADLINE), "")
    # One space for any run of spaces: a no-break space ("&nbsp;" in a feed) would make two
    # spellings of one title.
    return " ".join((headline or lead_line(text)).split())


def _publisher(
    document: Document, meta: dict[str, Any], url: str | None, headline: str
) -> str | None:
    return (
        document.publisher
        or _site_name(meta.get("sitename"), url, headline)
        or _title_site(visible(meta.get("title_tag", "")), headline)
    )


def _opinion_page(url: str, html: str | None) -> bool:
    """An article its publisher files as opinion, by a section of its address
    ("/meinung/", "/kolumnen/") or a heading that labels its author ("Kommentar von"): the
    publisher's label, as an opinion heading is, which no sentence score overrules."""
    path = split_url(url).path.lower() if is_web_address(url) else ""
    if not _OPINION_SECTIONS.isdisjoint(path.split("/")[:-1]):
        return True
    if path.rstrip("/").endswith(_OPINION_SLUG_ENDINGS):
        return True
    return html is not None and _AUTHOR_LABEL.search(html) is not None


_OPINION_SECTIONS = frozenset(
    "kommentar kommentare kolumne kolumnen meinung meinungen leitartikel gastbeitrag"
    " gastbeitraege gastkommentar standpunkt opinion op-ed commentary".split()
)
# A column's mark at the end of an article's own name in its address: ZEIT ONLINE files
# its daily commentary "5 vor 8" as ".../putin-gipfeltreffen-5vor8".
_OPINION_SLUG_ENDINGS = ("-5vor8",)
# An author's label as a heading of its own: "<h2><span>Kommentar von</span></h2>".
_AUTHOR_LABEL = re.compile(
    r"<h[1-6][^>]*>(?:\s*<[^>]+>)*\s*(?:eine?\s+)?(?:kommentar|kolumne|gastbeitrag|gastkommentar"
    r"|leitartikel)\s+von\b",
    re.I,
)


def _without_site(title: str, site: str | None, url: str | None) -> str:
    """ "Autohäuser schließen | MDR.DE" -> "Autohäuser schließen": a last part after a
    separator that names the site: its name, an address, or a name holding its host's
    ("St.Galler Tagblatt" on tagblatt.ch); after a colon, its name alone."""
    host = (publisher_name(url) or "") if url else ""
    label = _key(host.rsplit(".", 1)[0])
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(separator)
        named = _key(tail) in {_key(site or ""), _key(host)} - {""}
        if head and (named or _address(tail) or (len(label) >= 4 and label in _key(tail))):
            return head.strip()
    # A colon parts a kicker from its headline more often than a headline from its site:
    # only the site's very name after it ("Neue Räder am Deich: Stadtkurier").
    head, _, tail = title.rpartition(": ")
    if head and _key(tail) in {_key(site or ""), _key(host)} - {""}:
        return head.strip()
    return title


def _unless_logo(title: str, tag: str, site: str | None, url: str | None) -> str:
    """The headline, unless it is the site's name in one part (a logo's <h1>, which
    trafilatura takes for it) or a section's ("Pressemitteilungen", "Allgemein"): then the
    longest part of the page's <title> that names no site, where there is one.
    trafilatura's site name is no witness for the headline: it is often the headline
    again."""
    logo = _names_site(title, None, url) and len(_TITLE_PARTS.split(title)) == 1
    if logo or SECTION_NAME.match(title.strip()):
        return _title_tag_headline(tag, site, url) or title
    return title


def _names_site(title: str, site: str | None, url: str | None) -> bool:
    """Whether a text is its site's name, as a logo's <h1> gives it for a headline
    ("<h1>Stadtkurier</h1>", "Stadtkurier.de", "Stadtkurier e.V. Verein für ..."): the
    site's name, its host, or its host's label opening it."""
    host = (publisher_name(url) or "") if url else ""
    label, key = _key(host.rsplit(".", 1)[0]), _key(title)
    named = key in {_key(site or ""), _key(host)} - {""}
    return bool(key) and (named or (len(label) >= 4 and key.startswith(label)))


def _title_tag_headline(tag: str, site: str | None, url: str | None) -> str:
    """The longest part of the page's <title> that names no site ("Stadtkurier » Blog »
    Der Deich hält stand"), "" where none of two words or more is left."""
    parts = [part.strip() for part in _TITLE_PARTS.split(" ".join(tag.split()))]
    kept = [p for p in parts if len(p.split()) >= 2 and not _names_site(p, site, url)]
    return max(kept, key=len, default="")


_TITLE_PARTS = re.compile(r"\s+(?:[|»›•–—-]|::)\s+")


def _page_headline(title: str, h1s: list[tuple[str, str]]) -> str:
    """The page's own headline, its ``<h1>``, where the page's title holds it with more
    around it: a section or a kicker before ("Chronik: Lotte Tobisch ist tot"), a site the
    separators above do not know after ("… › Nordish by Nature", "… • CareElite"), a
    date or a word of the site's ("… Rezept", "… : 31.10.2023, 10.19 Uhr"). On html-de's
    467 titled pages this took the exact title from 306 to 335, and lost none. Each
    ``<h1>`` comes as its whole text and its text less a kicker set apart in it, which
    the title may run into the headline or give alone (review 145: 9 pages more right)."""
    folded = _typeset_key(title)
    for whole, main in h1s:
        for h1 in dict.fromkeys((main, whole)):
            key = _typeset_key(h1)
            if _says_enough(h1, folded) and key != folded and key in folded:
                return h1
    for whole, main in h1s:
        # The title names the kicker alone ("Windkraft | Site" over "<h1><span
        # class="dachzeile">Windkraft</span> Neue Räder am Deich</h1>").
        kicker = whole.removesuffix(main).strip(" :–—-|·")
        if main != whole and len(main.split()) >= 2 and _typeset_key(kicker) == folded:
            return main
    for whole, main in h1s:
        # The same words set with the page's own quotes and dashes ("„Welches Europa"
        # where the title tag has '"Welches Europa"'), with or without a kicker set apart;
        # case alone is styling, an <h1> in capitals no better headline.
        for h1 in dict.fromkeys((whole, main)):
            if _typeset_key(h1) == folded and h1.casefold() != title.casefold():
                return h1
    return title


def _says_enough(h1: str, folded: str) -> bool:
    """Whether an <h1> that the title holds says enough to be its headline: two words or
    more, or one compound of hyphened parts ("Apfel-Zimt-Kuchen" in "Apfel-Zimt-Kuchen
    von Oma") that no colon follows in the title, where it would be a kicker
    ("Ukraine-Krieg: …")."""
    if len(h1.split()) >= 2:
        return True
    compound = len(h1.strip("-").split("-")) >= 2
    return compound and _typeset_key(h1) + ":" not in folded


def _only_h1(
    title: str, h1s: list[tuple[str, str]], tag: str, site: str | None, url: str | None
) -> str:
    """The page's one ``<h1>`` (less a kicker it sets apart), where it words the headline
    otherwise than the title trafilatura reads (og:title, which a site writes for social
    media: "Brexit: Nervenkrieg geht in nächste Runde" over the <h1> "Der Nervenkrieg um
    den Brexit geht in die nächste Runde"): a page's only <h1> is the headline its reader
    sees. Not where it names the site, runs a kicker into the title ("Energiewende:
    Klimavorreiter?" over "Klimavorreiter?"), or shares no word with the title, which its
    <title> tag does not give either (a topic's name: "Betriebliche Altersvorsorge")."""
    texts = [main for whole, main in h1s if whole]
    if len(texts) != 1:
        return title
    h1 = _without_site(texts[0], site, url)
    if len(h1.split()) < 2 or _typeset_key(h1) == _typeset_key(title):
        return title
    if _names_site(h1, site, url) or _runs_in_kicker(h1, title):
        return title
    tagged = _typeset_key(h1) in _title_tag_keys(tag, site, url)
    if _content_words(h1) & _content_words(title) or len(title.split()) == 1 or tagged:
        return h1
    return title


def _runs_in_kicker(h1: str, title: str) -> bool:
    """Whether the <h1> is the title's words in another order, or after a kicker and a
    separator ("Nordkorea: Kim Jong Un - Der Diktator ist zurück" over "Kim Jong Un: Der
    Diktator ist zurück"): the same headline, which the title gives without the kicker."""
    said, heading = _WORD.findall(title.casefold()), _WORD.findall(h1.casefold())
    parts = _KICKER_SEPARATOR.split(h1, maxsplit=1)
    reordered = heading != said and sorted(heading) == sorted(said)
    return reordered or (len(parts) == 2 and _content_words(parts[1], 1) == set(said))


_KICKER_SEPARATOR = re.compile(r"\s*(?::|\s[/|–—-])\s+")


def _content_words(text: str, shortest: int = 4) -> set[str]:
    """The words of a text, casefolded, of ``shortest`` letters or more (4: no article or
    preposition makes two headlines share a word)."""
    return {w for w in _WORD.findall(text.casefold()) if len(w) >= shortest}


def _title_tag_keys(tag: str, site: str | None, url: str | None) -> set[str]:
    """The <title> tag as a witness for a headline: its whole, its parts, and the whole
    less its site's name, each as _typeset_key compares it."""
    tag = " ".join(tag.split())
    texts = [tag, _without_site(tag, site, url), *_TITLE_PARTS.split(tag)]
    return {_typeset_key(text) for text in texts if text}


def _typeset_key(text: str) -> str:
    """A text as compared whatever its quotes, dashes and apostrophes."""
    return text.casefold().translate(_PLAIN_MARKS)


_PLAIN_MARKS = str.maketrans("„“”«»‚‘’‹›–—", '"""""' + "'''''--")


def _h1_texts(tree: Any) -> list[tuple[str, str]]:
    """Each ``<h1>`` of the page as its text (without a style or script inside it) and its
    text less a kicker (Dachzeile) set apart at its start: "<h1><span
    class="dachzeile">Nach dem Sturm</span> <span>Deich hält</span></h1>" is the
    headline "Deich hält" under the kicker "Nach dem Sturm"."""
    return [(_text_of(h1), _without_kicker(h1)) for h1 in tree.iter("h1")]


def _text_of(element: Any, tail: bool = False) -> str:
    words = "".join(element.xpath(".//text()[not(ancestor::style)][not(ancestor::script)]"))
    return " ".join((words + ((element.tail or "") if tail else "")).split())


def _without_kicker(h1: Any) -> str:
    """The heading's text after its first element, where that element opens it (no text
    before it) and says no more than what follows it: the separator a page hides between
    the two for screen readers (": ", " – ") goes with the kicker. The heading's whole
    text where it holds no such element."""
    element = h1
    # A wrapper around all of the heading's text: "<h1><span><small>kicker</small>..."
    while len(element) >= 1 and not (element.text or "").strip() and _lone_child(element):
        element = element[0]
    children = [c for c in element if isinstance(c.tag, str) and c.tag not in _NO_TEXT]
    if (element.text or "").strip() or not children or not _set_apart(children[0]):
        return _text_of(h1)
    first = children[0]
    after = list(element)[list(element).index(first) + 1 :]
    pieces = [first.tail or ""] + [
        _text_of(c, tail=True) if c.tag not in _NO_TEXT else (c.tail or "")
        for c in after
        if isinstance(c.tag, str)
    ]
    rest = " ".join(" ".join(pieces).split()).lstrip(":–—-|· ")
    # A headline opens as a sentence does: "<span>Streit</span> um den Haushalt" is one. A
    # kicker may be as long as its headline ("Interne Unterlagen im Netz" over four words).
    longer = len(rest.split()) >= len(_text_of(first).split())
    return rest if longer and not rest[:1].islower() else _text_of(h1)


_NO_TEXT = frozenset(("style", "script", "br", "img", "svg"))


def _set_apart(element: Any) -> bool:
    """Whether a heading's first element is a kicker: a block or a small print of its own,
    a span styled apart (with a class) or broken off by a line break; a link or an
    emphasis opening the headline ("<h1><em>Ja</em> zum Haushalt</h1>") is no kicker."""
    if not _text_of(element):
        return False
    following = element.getnext()
    broken = following is not None and following.tag == "br"
    if element.tag in {"div", "p", "small"}:
        return True
    return element.tag in {"span", "strong", "b"} and (bool(element.get("class")) or broken)


def _lone_child(element: Any) -> bool:
    return len(element) == 1 and not (element[0].tail or "").strip()


def _key(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())


def _address(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://", "www."))


def _site_name(found: str | None, url: str | None, headline: str) -> str | None:
    """The page's site name, unless it is an address (often a social profile's:
    "https://www.facebook.com/tagesspiegel"), holds the headline, has no letter (a
    title's last part "02.11.2021" taken for the site), or is a footer's line taken for it
    ("Copyright © 2001-2009", "6. Jahrgang"): then the page's own host names the
    publisher better."""
    headed = found and headline and headline.casefold() in found.casefold()
    named = found and any(c.isalpha() for c in found) and not _FURNITURE.match(found)
    if named and not _address(str(found)) and not headed:
        return found
    return publisher_name(url) if url and is_web_address(url) else None


def _title_site(tag: str, headline: str) -> str | None:
    """The site a page's <title> names after its headline ("Neue Räder am Deich -
    Ostseewelle"), for a page that names it nowhere else (no og:site_name and no address:
    one read from a file). Not a section ("Ausbildung", "News": one word of the
    dictionary, unless in capitals as a brand is), a date, a footer's line or a long
    part, which is more likely a second headline than a name."""
    tag = " ".join(tag.split())
    for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
        head, _, tail = tag.rpartition(separator)
        if head and headline and _key(head) == _key(headline):
            return tail.strip() if _site_like(tail.strip()) else None
    return None


_PAGE_NUMBER = re.compile(r"(?:seite|page|teil|part)\s+\d+$", re.I)


def _site_like(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5 or not any(c.isalpha() for c in part):
        return False
    if _FURNITURE.match(part) or SECTION_NAME.match(part) or _address(part):
        return False
    if _PAGE_NUMBER.match(part):  # a thread's or a gallery's page: "Seite 34"
        return False
    if not _CALL_TO_ACTION.isdisjoint(w.lower().strip("!.") for w in words):
        return False  # a teaser's "Erfahre mehr zu den Risiken", "Jetzt lesen!"
    return len(words) > 1 or part.isupper() or not is_known(part, lang="de")


# The words of a link's call to read on, which a teaser after a headline has and a site's
# name has not (of html-de's 194 title parts, only "Erfahre mehr zu den Risiken").
_CALL_TO_ACTION = frozenset(
    "mehr jetzt hier klicken klick erfahre erfahren entdecke entdecken lies lesen"
    " weiterlesen".split()
)
_FURNITURE = re.compile(r"\s*(?:©|\(c\)|copyright\b|\d+\.\s*jahrgang\b)", re.I)


def _lines_and_metadata(document: Document) -> tuple[list[Line], dict[str, Any]]:
    item = document.format in {"feed", "jsonl"}
    if document.html is not None and item and not is_whole_page(document.html):
        return _fragment_lines(document.html), {}  # an item's body: no page to clean
    if document.html is not None:
        return html_lines(document.html, document.origin, _page_address(document))
    lines = [Line(t) for t in (document.text or "").splitlines()]
    lines = [piece for line in lines for piece in _without_run_on_furniture(line)]
    if document.format == "feed":
        # A feed item's body is its summary or content, paragraphs all; JSONL text is read as
        # plain text is, so an archived article keeps its headings and boilerplate.
        lines = [Line(t.text, "para") for t in lines]
    return lines, {}


def _without_run_on_furniture(line: Line) -> list[Line]:
    """A line with a reporter's line or a prompt run into it, cut into text, the furniture
    (a line of its own, which the metadata rules then keep) and text."""
    pieces = [line]
    for pattern in (RUN_ON_BYLINE, RUN_ON_PROMPT):
        pieces = [cut for piece in pieces for cut in _cut_out(piece, pattern)]
    return pieces


def _cut_out(line: Line, pattern: re.Pattern[str]) -> list[Line]:
    match = pattern.search(line.text)
    if match is None:
        return [line]
    before, cut, after = line.text[: match.start()], match.group(), line.text[match.end() :]
    after = after.removeprefix(".")  # the byline's own full stop
    return [Line(t.strip(), line.hint) for t in (before, cut, after) if t.strip()]


def html_lines(html: str, origin: str, url: str | None = None) -> tuple[list[Line], dict[str, Any]]:
    """trafilatura's main text as hinted lines, plus its metadata (dates from htmldate,
    which also reads the page's ``url``: ".../2025/08/05/...")."""
    page, tree = readable_page(html, origin)
    # From the tree the page was parsed into once: trafilatura drops what it holds.
    furniture = page_furniture(tree) if tree is not None else {}
    xml = _extracted(page, url)
    if not xml:
        lines = _fragment_lines(html)
        if not lines:
            raise InputError(Code.E005, origin)
        return lines, {}
    root = _xml_root(xml, origin)
    meta = _page_metadata(root, html, origin, url)
    main = root.find("main")
    lines = list(_xml_lines(main)) if main is not None else []
    meta["furniture"] = furniture
    meta["h1"] = _h1_texts(tree) if tree is not None else []
    meta["title_tag"] = (tree.findtext(".//title") or "") if tree is not None else ""
    return _with_lead(_unmerged(lines, html), meta.get("description", ""), html), meta


def _extracted(page: Any, url: str | None) -> str | None:
    """trafilatura's main text and metadata of a page as XML, None where it finds none."""
    xml: str | None = trafilatura.extract(
        page,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        # trafilatura's defaults for htmldate (their latest date is today's, so they are
        # made per page), with the time of day: 09:00+02:00 is 07:00 UTC, not midnight.
        # The address's day comes after the header's time, which it would cut to midnight.
        date_extraction_params={
            **trafilatura.settings.set_date_params(),
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            "deferred_url_extractor": True,
        },
    )
    return xml


def _xml_root(xml: str, origin: str) -> Any:
    try:
        return lxml.etree.fromstring(xml.encode("utf-8"))
    except lxml.etree.XMLSyntaxError as exc:
        raise InputError(Code.E010, origin, detail=str(exc)) from exc


def _page_metadata(root: Any, html: str, origin: str, url: str | None) -> dict[str, Any]:
    """trafilatura's metadata (the attributes it gives), with the page's own canonical
    address and its day of publication as the address gives them."""
    meta = {k: v for k, v in root.attrib.items() if v}
    if (relative := _relative_canonical(html)) is not None:
        # trafilatura resolves it against some address on the page (an image server's);
        # the page's base is the address it was fetched from, else the one it gives itself.
        base = origin if is_web_address(origin) else _og_url(html)
        meta.pop("url", None)
        canonical = join_url(base, relative) if base else None
        meta.update({"url": canonical} if canonical else {})
    day = address_day(url) or address_day(meta.get("url"))
    if day is not None and not _on_day(meta.get("date", ""), day):
        # A page's header may give the time it was last changed (og:updated_time): the
        # day in its address is the day it was published. Its time counts on that day.
        meta["date"] = day
    if _YEAR_ONLY.match(meta.get("date", "")):
        # htmldate's last resort: a year anywhere on the page ("Archiv 2009" in the
        # navigation) as its 1 January. On 471 German pages that was right once in 18.
        del meta["date"]
    return meta


def readable_page(html: str, origin: str) -> tuple[Any, Any | None]:
    """The page for trafilatura, and its tree (None where nothing parses): as it is, or,
    where it nests deeper than libxml2 reads (which would leave the text below that depth
    out, silently), parsed with its wrapping tags taken out, since they are what nests: the
    text stays, the layout goes. E010 for a page still too deep then: part of its text
    would be lost."""
    # An XHTML page's declaration: lxml parses no text that declares its encoding, and
    # trafilatura found no text in such a page (review 42).
    undeclared = _XML_DECLARATION.sub("", html, count=1)
    tree, too_deep = _parsed(undeclared, huge=False)
    if not too_deep:
        return undeclared, tree
    flat = _INLINE_TAG.sub("", _WRAPPER_TAG.sub("<br>", undeclared))
    tree, too_deep = _parsed(flat, huge=True)
    if too_deep:
        raise InputError(Code.E010, origin, detail="elements nested more than 2,048 deep")
    return (html if tree is None else tree), tree


def _parsed(html: str, huge: bool) -> tuple[Any | None, bool]:
    """The page's tree, and whether libxml2 stopped at its depth limit (256 elements, 2,048
    for a huge document), not at another of its limits (a text of over 10 MB, a script's
    data, is no reason to take a page apart)."""
    parser = html_parser(huge)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, False
    return tree, any("Excessive depth" in error.message for error in parser.error_log)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


_WRAPPER_TAG = re.compile(r"</?(?:div|section|center|main|aside)\b[^>]*>", re.I)
_INLINE_TAG = re.compile(
    r"</?(?:span|font|b|i|u|s|em|strong|small|big|a|abbr|cite|code|strike|sub|sup|tt)\b[^>]*>",
    re.I,
)


def _with_lead(lines: list[Line], description: str, html: str) -> list[Line]:
    """The lines with the page's lead first where trafilatura left it out: many sites set
    it apart (``<p class="einleitung">``) and give it as the page's description too. Only a
    description that stands on the page as a paragraph of its own is a lead; an abstract
    written for search engines alone is not the article's text."""
    lead = " ".join(description.split())
    if len(lead) < _MIN_LEAD or lead[-1] not in '.!?"“”' or lead.endswith(_CUT_SHORT):
        return lines
    opening = lead[:_LEAD_PROBE]
    if any(opening in " ".join(line.text.split()) for line in lines):
        return lines
    if " ".join(opening.split()[:4]) not in html or not _paragraph_on_page(lead, html):
        return lines
    # After the headline where the page's text opens with it.
    at = next((i for i, line in enumerate(lines) if line.hint != "heading"), len(lines))
    return [*lines[:at], Line(lead, "para"), *lines[at:]]


_MIN_LEAD = 80  # characters: a teaser line is no lead
_LEAD_PROBE = 50
_CUT_SHORT = "..."  # a description cut short ("Der Rat beschloss...") is no paragraph


def _paragraph_on_page(text: str, html: str) -> bool:
    try:
        page = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return False
    return any(" ".join(p.text_content().split()) == text for p in page.iter("p"))


def _unmerged(lines: list[Line], html: str) -> list[Line]:
    """The page's own blocks where trafilatura ran them into one paragraph: on a small
    page its fallback gives "<h1>Gipfel</h1><p>Kim trifft Putin.</p>" as the one paragraph
    "Gipfel Kim trifft Putin.", the headline again in the text."""
    if len(lines) != 1 or len(html) > _SMALL_PAGE:
        return lines
    root = parse_fragment(html)
    blocks = [b for b in (_fragment_blocks(root) or []) if b.text] if root is not None else []
    merged = " ".join(block.text for block in blocks).split() == lines[0].text.split()
    return blocks if len(blocks) > 1 and merged else lines


_SMALL_PAGE = 20_000  # characters: trafilatura's fallback reads pages with little text


_YEAR_ONLY = re.compile(r"\d{4}-01-01T00:00:00")
_CANONICAL = re.compile(r"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>", re.I)
_HREF = re.compile(r"\bhref=[\"']?([^\"'\s>]+)", re.I)


_OG_URL = re.compile(r"<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*>", re.I)
_CONTENT = re.compile(r"\bcontent=[\"']([^\"']+)", re.I)


def _og_url(html: str) -> str | None:
    """The page's own address in its Open Graph tags, where it is a web address."""
    address = _attribute(html, _OG_URL, _CONTENT)
    return address if is_web_address(address) else None


def _relative_canonical(html: str) -> str | None:
    """The page's canonical link where it is relative ("/swr/player/…"), else None."""
    address = _attribute(html, _CANONICAL, _HREF)
    return None if not address or is_web_address(address) or address.startswith("//") else address


def _attribute(html: str, tag: re.Pattern[str], attribute: re.Pattern[str]) -> str:
    """The value of an attribute of the first tag found, unescaped ("&amp;" is "&"), or ""."""
    found = tag.search(html)
    value = attribute.search(found.group()) if found else None
    return html_lib.unescape(value.group(1)) if value else ""


_FRAGMENT_BLOCKS = {f"h{n}": "heading" for n in range(1, 7)} | {
    "p": "para",
    "li": "item",
    "blockquote": "para",
}


def _fragment_lines(html: str) -> list[Line]:
    """A fragment too short for trafilatura ("<p>Ein Satz.</p>"), read block by block; a
    whole page it finds no text in stays without (its text would be navigation)."""
    root = None if is_whole_page(html) else parse_fragment(html)
    if root is None:
        return []
    lines = _fragment_blocks(root)
    lines = [Line(_flat(root), "para")] if lines is None else lines
    return [line for line in lines if line.text]


def _fragment_blocks(root: Any) -> list[Line] | None:
    """Headings, paragraphs, list items and quotes, in order, each a line (None where
    there is no such element)."""
    blocks = [e for e in root.iter() if isinstance(e.tag, str) and e.tag in _FRAGMENT_BLOCKS]
    return [Line(_flat(e), _FRAGMENT_BLOCKS[e.tag]) for e in blocks] if blocks else None


def _xml_lines(main: Any) -> Iterator[Line]:
    """trafilatura's main text as lines: its elements, and the text it leaves loose between
    them (a page's text set in ``<div>``s or between ``<br>``s, not in paragraphs, comes as
    ``<main>Text<lb/>Text</main>``; that text had been dropped, review 140)."""
    yield from _loose_line(main.text)
    for element in main:
        if element.tag != "lb":
            yield from _element_lines(element)
        yield from _loose_line(element.tail)


def _loose_line(text: str | None) -> Iterator[Line]:
    if text and text.strip():
        yield Line(" ".join(text.split()), "para")


def _element_lines(element: Any) -> Iterator[Line]:
    tag = element.tag
    if tag == "head":
        text = _flat(element)
        # A lead set as a heading (a 40-word <h2>) is a paragraph.
        long = len(text.split()) > 2 * _MAX_HEADING_WORDS or len(split_sentences(text)) > 1
        yield Line(text, "para" if long else "heading")
    elif tag == "list":
        for item in element.iter("item"):
            yield Line(_flat(item), "item")
    elif tag == "table":
        for row in element.iter("row"):
            yield Line(" | ".join(_flat(cell) for cell in row), "para")
    else:
        yield from _paragraph_lines(element)


def _paragraph_lines(element: Any) -> Iterator[Line]:
    """A paragraph, after its heading where it opens with one: ``<p><b>Kosten</b><br/>Pro
    Kilowatt …</p>`` is the heading "Kosten" and its paragraph (it had been "KostenPro
    Kilowatt …", and the section lost)."""
    text = _flat(element)
    heading = _run_in_heading(element)
    rest = text[len(heading) :].strip() if heading and text.startswith(heading) else ""
    if rest:
        yield Line(heading, "heading")
        yield Line(rest, "para")
    else:
        yield Line(text, "para")


def _run_in_heading(element: Any) -> str:
    """The words before the paragraph's first line break, where they are a short heading
    over prose: not a line of data ("Anschrift: Gartenweg 4"), a byline ("Von Hans
    Müller"), a quotation's line, nor a poem's (its next line is short too)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            words = " ".join("".join(parts).split())
            rest = " ".join((child.tail or "").split())
            short = len(words.split()) <= _RUN_IN_WORDS and _is_heading(Line(words))
            prose = len(rest.split()) >= _PROSE_WORDS or rest.endswith((".", "!", "?"))
            return words if short and prose and not _NOT_A_HEADING.search(words) else ""
        parts += [_flat(child), child.tail or ""]
    return ""


_RUN_IN_WORDS = 6
# Words on the line after a heading, or a full stop there: a sentence, not a poem's line.
_PROSE_WORDS = 8
_NOT_A_HEADING = re.compile(r"[\d:]|^(?:Von|By|Foto|Text)\b|^[\"„“»'‚]")


def _flat(element: Any) -> str:
    """The element's text; a line break (trafilatura's ``<lb/>``) parts words."""
    parts: list[str] = []
    for node in element.iter():
        if node is not element and node.tag == "lb":
            parts.append(" ")
        elif node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(node.tail)
    return " ".join("".join(parts).split())


def classify(lines: Iterable[Line], title: str = "") -> tuple[list[Block], dict[str, Any]]:
    """Blocks and metadata from hinted lines. Boilerplate blocks keep their text but leave
    the clean text; related titles, image credits, disclaimers, prompts and reporters'
    lines go to metadata."""
    # Lines are compared with their white space collapsed, a no-break space included.
    state = _Classifier(repeated=" ".join(title.split()).casefold())
    if title:
        state.blocks.append(Block(BlockKind.HEADLINE, title))
    for line in lines:
        state.add(line)
    metadata = state.metadata
    if "image_credit" in metadata:
        metadata["image_credit"] = "; ".join(metadata["image_credit"])
    return state.blocks, metadata


@dataclass
class _Classifier:
    """What ``classify`` knows between lines: the blocks so far, the section and its
    stance, and whether it is inside a list of related articles."""

    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    repeated: str = ""  # the headline, until the body begins
    in_related: bool = False
    after_gap: bool = False
    section: str = ""
    stance: Stance = Stance.REPORTING

    def add(self, line: Line) -> None:
        text = " ".join(line.text.split())
        self.after_gap = self.after_gap or (self.in_related and not text)
        # A line without a letter or digit ("*", "* * *", "—") separates, it says nothing.
        if self._repeated_headline(text) or not any(c.isalnum() for c in text):
            return
        if self._related(line, text) or self._metadata(text):
            return
        self.blocks.append(self._content(line, text))

    def _repeated_headline(self, text: str) -> bool:
        """The headline again, as the page's own heading under a kicker, a date or a
        comment count, before the body begins: once is enough. Its words count, not their
        order or marks: the page's heading is often the title with its kicker ("Interne
        Unterlagen im Netz Daten von Rheinmetall gehackt" under "Daten von Rheinmetall
        gehackt - Interne Unterlagen im Netz"), or one part of it."""
        if not self.repeated or not _same_words(text.casefold(), self.repeated):
            return False
        self.repeated = "" if any(_body(b) for b in self.blocks) else self.repeated
        return bool(self.repeated)

    def _related(self, line: Line, text: str) -> bool:
        # A paragraph may open with "Mehr dazu …"; a short one is the list's heading.
        short = len(text.split()) <= _MAX_RELATED_HEADING_WORDS
        if RELATED_HEADING.match(text) and (line.hint != "para" or short):
            self.in_related, self.after_gap = True, False
            self.blocks.append(Block(BlockKind.BOILERPLATE, text))
            return True
        if self.in_related and _related_item(line, text, self.after_gap):
            self.metadata.setdefault("related_titles", []).append(LIST_ITEM.sub("", text))
            self.blocks.append(Block(BlockKind.BOILERPLATE, text))
            return True
        self.in_related = False
        return False

    def _metadata(self, text: str) -> bool:
        meta = match_metadata(text)
        if meta:
            self.metadata.setdefault(meta.key, []).append(meta.value)
            self.blocks.append(Block(BlockKind.BOILERPLATE, text))
        return bool(meta)

    def _content(self, line: Line, text: str) -> Block:
        if not self.blocks and len(text.split()) <= _MAX_HEADLINE_WORDS:
            return Block(BlockKind.HEADLINE, text)
        if _is_heading(line):
            self.section = text
            self.stance = Stance.OPINION if is_opinion_heading(text) else Stance.REPORTING
            return Block(BlockKind.SUBHEADING, text, self.stance, section=self.section)
        if SOURCES_LABEL.match(text):
            # the works, links or appendix after the label are no verdict (review 206)
            self.stance = Stance.REPORTING
        return Block(BlockKind.PARAGRAPH, text, self.stance, section=self.section)


def _same_words(line: str, headline: str) -> bool:
    """Whether a short line says what the headline says: the same words, the headline's
    part, or the headline with at most a kicker's few words more."""
    if line == headline:
        return True
    words, known = set(_WORD.findall(line)), set(_WORD.findall(headline))
    # A sentence is text, however like the headline; and a headline of one or two words
    # shares its words with too many lines.
    sentence = line.rstrip().endswith((".", "!", "?", ":"))
    if not words or len(known) < 3 or sentence or len(line.split()) > _MAX_HEADLINE_WORDS:
        return False
    return words <= known or (known <= words and len(words - known) <= _KICKER_WORDS)


_WORD = re.compile(r"\w+")
_KICKER_WORDS = 4


def _body(block: Block) -> bool:
    return block.kind is BlockKind.PARAGRAPH and len(block.text.split()) >= _MIN_BODY_WORDS


_MIN_BODY_WORDS = 12
_MAX_RELATED_HEADING_WORDS = 5


def _related_item(line: Line, text: str, after_gap: bool) -> bool:
    """A title in a related-reading list: a list item, or a short line right under the list's
    heading. After a blank line only a marked item goes on with the list: a short line
    there is the next section's heading ("Kommentar")."""
    if LIST_ITEM.match(text) or line.hint == "item":
        return True
    return not after_gap and _is_heading(line)


def _is_heading(line: Line) -> bool:
    if line.hint in ("heading", "item", "para"):
        return line.hint == "heading"
    text = line.text.strip()
    return (
        len(text.split()) <= _MAX_HEADING_WORDS
        and not _SENTENCE_END.search(text)
        and not LIST_ITEM.match(text)
    )


def _place(blocks: list[Block]) -> str:
    """Join the non-boilerplate blocks with blank lines and record each block's offsets."""
    parts: list[str] = []
    pos = 0
    for block in blocks:
        if block.kind is BlockKind.BOILERPLATE:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        block.start, block.end = pos, pos + len(block.text)
        parts.append(block.text)
        pos = block.end
    return "".join(parts)


def article_id(url: str | None, text: str) -> str:
    """Stable id: from the normalised URL where there is one (with the fragment that names
    an entry of a live blog), else from the text."""
    if url:
        try:
            key = "url:" + normalize_url(url, strict=True) + entry_fragment(url)
        except (ValueError, TypeError):
            key = "url:" + url.strip()
    else:
        key = "text:" + _normalise(text)
    return _digest(key)[:16]


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _date(value: str | None) -> datetime | None:
    """A page's own date (htmldate's), where the reader found no publication time; one
    that does not parse is no date, not an error."""
    try:
        return parse_time(value) if value else None
    except ValueError:
        return None


def _published(document: Document, page_date: str | None) -> datetime | None:
    """The publication time in UTC: the reader's, else the page's own date, else the one
    the user gave (``assumed_published``). A time at the calendar's ends with an offset
    ("0001-01-01T00:00:00+14:00") has no UTC time: the reader's or the user's is an error
    (E009), the page's own no date."""
    if document.published is not None and not placeholder_time(document.published):
        return _in_utc(document.published, document.origin)
    assumed = document.assumed_published
    when = _date(page_date)
    if when is not None and placeholder_time(when):
        when = None
    if when is not None and assumed is not None and not _dated_in_markup(document):
        # htmldate read that date in the text ("die Flut vom 14.07.2021"), a guess: the
        # time the user gave comes first (review 40).
        when = None
    try:
        if when:
            return when.astimezone(UTC)
    except OverflowError:
        pass
    return _in_utc(assumed, document.origin) if assumed is not None else None


def address_day(url: str | None) -> str | None:
    """The day a page's address names in its path, ISO-written: as folders
    (".../2025/08/05/...") or as one folder of its own (".../2025-08-05/..."), not at the
    start of a name ("1989-11-09-mauerfall-jahrestag" is a history page's, "2025-08/10-
    fragen" a count's; review 51)."""
    if not url or not is_web_address(url):
        return None
    found = _ADDRESS_DAY.search(split_url(url).path)
    if found is None:
        return None
    year, month, day = (int(part) for part in found.group(1, 3, 4))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_ADDRESS_DAY = re.compile(r"/((?:19|20)\d\d)([/-])(\d\d?)\2(\d\d?)(?=/|$)")


def _on_day(header: str, day: str) -> bool:
    """Whether a header's time falls on ``day``, as written or in German time (a time
    written in UTC just after midnight in Berlin, "2025-08-05T22:30:00Z", is the 6th)."""
    if header.startswith(day):
        return True
    with contextlib.suppress(ValueError, OverflowError):
        return local_day(datetime.strptime(header, "%Y-%m-%dT%H:%M:%S%z")).isoformat() == day
    return False


def _dated_in_markup(document: Document) -> bool:
    """Whether the page dates itself in its markup (meta tags, time elements) or its
    address (".../2025/08/05/..."), not only somewhere in its text."""
    if not document.html:
        return False
    url = _page_address(document)
    return htmldate.find_date(document.html, extensive_search=False, url=url) is not None


def _page_address(document: Document) -> str | None:
    """The page's own address: its URL (a WARC record's, a feed item's link), else the
    address it was fetched from, which dates it as well (".../2024/05/14/...")."""
    return document.url or _fetched_from(document)


def _fetched_from(document: Document) -> str | None:
    """The address a page was fetched from by ``chronik ingest URL``; None for a file."""
    web = document.format == "html" and is_web_address(document.origin)
    return document.origin if web else None


def _in_utc(when: datetime, origin: str) -> datetime:
    try:
        return when.astimezone(UTC)
    except OverflowError:
        raise InputError(Code.E009, origin, time=when.isoformat()) from None


def _language(declared: str | None, text: str) -> str:
    if declared:
        return declared.split("-")[0].split("_")[0].lower()
    ranked = [str(language) for language, _ in py3langid.rank(text[:3000])[:_SHORT_RANKS]]
    # A few words are too little to tell German from its neighbours ("Der Landtag tagt."
    # ranks Danish first): in a German news stream, a short text German ranks among the
    # first is German.
    if len(text) < _SHORT_TEXT and ranked[0] != "de" and "de" in ranked:
        return "de"
    return ranked[0]


_SHORT_TEXT = 100  # characters
_SHORT_RANKS = 3
