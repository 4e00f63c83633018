"""HTML as Chronik reads it, whichever input brings it: a page, a WARC record, a feed item's
body or a JSONL line's text, and the structure analysis finds in a page. One decoding, one
parser and one test of a whole page against a fragment, so that the same HTML gives the same
article from every reader.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

import lxml.etree
import lxml.html

from chronik.ingest.decode import decode_text, refuse_binary


def decode_html(data: bytes, origin: str) -> str:
    """HTML's text: binary data is E002 as plain text's is (a NUL among UTF-8 bytes had been
    taken for a page), and a stray NUL further on is dropped. The decoded text is judged,
    not the bytes: UTF-16 is full of zero bytes, ISO-2022-JP switches scripts with ESC."""
    text = _html_text(data, origin)
    refuse_binary(text.encode("utf-8", "surrogatepass"), origin)
    return text.replace("\x00", "")


def _html_text(data: bytes, origin: str) -> str:
    """HTML declares its encoding; honour a declared one before guessing, unless the bytes
    are valid UTF-8 beyond ASCII: a legacy text almost never is, and pages that declare
    ISO-8859-1 over UTF-8 bytes are common."""
    if not data.isascii():
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("utf-8-sig")
    match = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    # A declaration read as ASCII cannot be true of UTF-16 or UTF-32 (a BOM tells those).
    if match and not match.group(1).lower().startswith((b"utf-16", b"utf-32")):
        try:
            return data.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, origin)


def is_whole_page(html: str) -> bool:
    """Whether an item's HTML body is a whole page (a scraper that kept the page as it
    came), to be cleaned of its menus and scripts as a fetched page is."""
    return _PAGE_TAG.search(html) is not None


_PAGE_TAG = re.compile(r"<(html|body)[\s>]", re.I)


def html_body(html: str) -> tuple[str | None, str | None]:
    """A body given as HTML, as (text, html), one of them set: a full article with its
    subheadings as HTML, so that they stay headings (an opinion section's "Kommentar");
    anything else as the paragraphs it holds."""
    if _sectioned(html):
        return None, html
    return html_fragment_text(html) or None, None


def _sectioned(html: str) -> bool:
    """Block elements only, a heading among them: nothing stands between them that the
    blocks would lose."""
    root = parse_fragment(html) if _HEADING.search(html) else None
    if root is None:
        return False
    loose = [root.text, *(child.tail for child in root)]
    blocks = all(isinstance(c.tag, str) and c.tag in _FEED_BLOCKS for c in root)
    return blocks and not any(t and t.strip() for t in loose)


_HEADING = re.compile(r"<h[1-6][\s>]", re.I)
_FEED_BLOCKS = frozenset("h1 h2 h3 h4 h5 h6 p ul ol blockquote".split())


# libxml2 reads HTML no deeper than 256 elements and drops what lies deeper without a word;
# told to read huge documents, 2,048. Broken pages nest that deep: each unclosed <font> or
# <div> opens one more level.
def html_parser(huge: bool) -> Any:
    """An HTML parser as Chronik reads pages with: ``huge`` past 256 levels, to 2,048. A
    new one a parse where its error log is read (it holds the last parse's errors)."""
    return lxml.html.HTMLParser(
        huge_tree=huge,
        collect_ids=False,
        default_doctype=False,
        remove_comments=True,
        remove_pis=True,
    )


DEEP_PARSER = html_parser(huge=True)


def parse_fragment(html: str) -> Any | None:
    """An HTML fragment's elements under one ``div``; None for one lxml cannot parse."""
    try:
        return lxml.html.fragment_fromstring(html, create_parent="div", parser=DEEP_PARSER)
    # lxml asserts ("too many bodies") on a fragment that opens an <html> and gives no
    # body, '<html lang="de">' as a feed item's title: it had ended the whole feed.
    except (lxml.etree.ParserError, ValueError, AssertionError):
        return None


def html_fragment_text(html: str) -> str:
    """Text of an HTML fragment with block elements as paragraphs."""
    if "<" not in html:
        return html.strip()
    root = parse_fragment(html)
    if root is None:
        return re.sub(r"<[^>]+>", " ", html).strip()
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()  # code and styling, not words
    for element in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4"):
        # A break on both sides: "Vorab.<h2>Kommentar</h2>" is two paragraphs, not one.
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()
