"""What a page sets around its article and trafilatura leaves out with the rest of the
page's furniture: the credits of its pictures and its lists of other articles ("Mehr zum
Thema", "Meistgelesen"). They are kept as metadata, as the same lines of a plain text
are (``image_credit``, ``related_titles``), never as the article's text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from chronik.analysis.boilerplate import RELATED_HEADING, match_metadata

# A class that names a credit's element, as the end of a word ("credit", "imgcredits";
# not "tag-credit-suisse", a post's tag, review 49). Not "copyright", which sites name
# their footer's line by; a caption's copyright line is the caption's.
_CREDIT_CLASS = re.compile(
    r"(?:credits?|bildquelle|fotograf|photographer|image-?source)(?:$|[-_])", re.I
)
# WordPress's classes for a post's tags and categories, which name anything.
_TAG_CLASS = re.compile(r"^(?:tag|category)-", re.I)
# Elements that hold the whole article, never a credit alone.
_NO_CREDIT_TAGS = frozenset({"html", "body", "main", "article", "section"})
# What a footer's line says besides its owner.
_FOOTER = re.compile(
    r"impressum|datenschutz|all rights|alle rechte|rights reserved|theme|wordpress"
    r"|geschrieben von",
    re.I,
)
# The credit inside a caption, after what the picture shows: "… in Kiew. Foto: dpa",
# "Wer sagt, dass … ? (c) TV Thermen | pixelmaker.at", "(Bild: Covestro)"; a copyright
# sign only where a sentence may start, not "Erdogans Copyright an meinem Buchtitel".
_CREDIT_IN_CAPTION = re.compile(
    r"(?:^|(?<=[\s(]))((?:foto|fotos|bild|bilder|bildquelle|photo|image)\s*:\s*\S.*"
    r"|\(c\)\s*\S.*)$"
    r"|(?:^|(?<=[.!?|–-]\s)|(?<=\())(copyright\s*\S.*)$"
    # a sign wherever it stands ("… am Kosmodrom© Noah Addis"), but in no "é" read wrongly
    r"|((?<!Ã)©\s*\S.*)$",
    re.I,
)
# Where a caption's sentence or the page's widgets go on after the credit: a capitalised
# word that opens a sentence, a gallery's controls, a template's placeholder.
_CREDIT_ENDS = re.compile(
    r"\s(?:(?:Der|Die|Das|Ein|Eine|Mit|Im|In|Auf|Bei|Nach|Vor|Zum|Zur|Wie|Wer|Was|Hier"
    r"|Dieser|Diese|Dieses|Überspringe)\s|--|\s?\d{4}/\d\d/)"  # "…2022/01/bild.jpeg"
)
_CREDIT_LABEL = re.compile(r"^(?:[:\s]|(?:foto|bild|photo|quelle)\s*:\s*)+", re.I)
_MAX_CREDIT = 120  # characters: more is a caption's sentence, not a name
_MAX_CREDIT_WORDS = 8
_MAX_CREDIT_PLACES = 100  # captions and credits' elements read on one page
_MAX_HEADING_WORDS = 6
_MAX_RELATED = 30
_MAX_TITLE = 300
_MIN_TITLE_WORDS = 3
# Lists that are the site's own menus, whatever heading stands above them.
_MENU = re.compile(r"menu|(?:^|[-_\s])nav", re.I)  # not "unavailable"


def page_furniture(root: Any) -> dict[str, Any]:
    """``image_credit`` ("dpa; Reuters") and ``related_titles`` of a parsed page, where it
    has them."""
    found: dict[str, Any] = {}
    credits = list(dict.fromkeys(_credits(root)))
    if credits:
        found["image_credit"] = "; ".join(credits)
    related = list(dict.fromkeys(_related_titles(root)))
    if related:
        found["related_titles"] = related[:_MAX_RELATED]
    return found


def _credits(root: Any) -> list[str]:
    """The credits of the page's first captions: a gallery of thousands says no more."""
    credits: list[str] = []
    for element in islice(_credit_places(root), _MAX_CREDIT_PLACES):
        credit = _credit(_flat(element), named=element.tag != "figcaption")
        if credit and len(credit) <= _MAX_CREDIT and not _FOOTER.search(credit):
            credits.append(credit)
    return credits


def _credit_places(root: Any) -> Iterator[Any]:
    """The outermost captions and credits' elements, in the page's order: a caption holds
    its credit's own element, which is not read again (nor are a credit's ancestors looked
    up for each, which had cost a deep page seconds; review 50)."""
    stack = [root]
    while stack:
        element = stack.pop()
        if isinstance(element.tag, str) and _credit_place(element):
            yield element
        else:
            stack.extend(reversed(element))


def _credit(text: str, named: bool) -> str:
    """The credit a caption or a credit's element holds: after its label ("Foto: dpa"),
    up to where a sentence goes on; an element named for the credit may hold the bare
    name ("Getty Images")."""
    match = _CREDIT_IN_CAPTION.search(text)
    meta = match_metadata(next(g for g in match.groups() if g)) if match else None
    if meta is not None and meta.key == "image_credit":
        value = meta.value
    elif named and match is None:
        value = text
    else:
        return ""
    value = _CREDIT_ENDS.split(value, maxsplit=1)[0]
    value = _unbracketed(_CREDIT_LABEL.sub("", value).strip())  # "© Foto: Skoda"
    return value if len(value.split()) <= _MAX_CREDIT_WORDS else ""


def _unbracketed(value: str) -> str:
    """ "(Bild: Covestro)" less its brackets, or a bracket its caption closed; a credit's
    own remark stays ("Getty Images/EyeEm (Symbolbild)")."""
    value = _CREDIT_LABEL.sub("", value.removeprefix("(")) if value.startswith("(") else value
    if value.count(")") > value.count("("):
        value = value.removesuffix(")")
    return value.strip()


def _credit_place(element: Any) -> bool:
    if element.tag == "figcaption":
        return True
    if element.tag in _NO_CREDIT_TAGS:
        return False
    names = (element.get("class") or "").split()
    return any(_CREDIT_CLASS.search(name) and not _TAG_CLASS.match(name) for name in names)


def _related_titles(root: Any) -> list[str]:
    """The items of the list that follows a heading such as "Mehr zum Thema"."""
    titles: list[str] = []
    for heading in root.iter("h2", "h3", "h4", "h5", "h6", "p", "span", "div", "strong"):
        text = _short_text(heading, _MAX_HEADING_WORDS)
        if text is None or not RELATED_HEADING.match(text):
            continue
        listing = _list_after(heading)
        if listing is not None and not _in_menu(listing):
            titles.extend(t for t in map(_item_title, listing.iter("li")) if _titled(t))
    return titles


def _short_text(element: Any, words: int) -> str | None:
    """The element's text where it has at most ``words`` words, else None, read no
    further than that: a page nested deep had its text read once for every level."""
    pieces, size = [], 0
    for piece in element.itertext():
        size += len(piece)
        if size > words * _MAX_WORD_LENGTH:
            return None
        pieces.append(piece)
    text = " ".join(pieces).split()
    return " ".join(text) if len(text) <= words else None


_MAX_WORD_LENGTH = 30  # characters, with the spaces around it


def _in_menu(element: Any) -> bool:
    """Whether the list is the site's navigation: in a ``nav``, ``header`` or ``footer``,
    or named as a menu, it or its box (a submenu under "Das könnte Sie auch
    interessieren"; a page's own classes say little: "has-header")."""
    if any(node.tag in ("nav", "header", "footer") for node in element.iterancestors()):
        return True
    boxes = (element, element.getparent())
    return any(box is not None and _MENU.search(box.get("class") or "") for box in boxes)


def _list_after(heading: Any) -> Any | None:
    """The first list after the heading, among its following siblings or its parent's
    (a heading is often wrapped in a box of its own)."""
    for element in (heading, heading.getparent()):
        if element is None:
            continue
        for sibling in element.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if sibling.tag in ("ul", "ol"):
                return sibling
            inner = next(sibling.iter("ul", "ol"), None)
            if inner is not None:
                return inner
            break  # the next element is no list: the heading heads something else
    return None


def _item_title(item: Any) -> str:
    """An item's title: its heading, else its longest link, else its text; not the author
    and date an item runs on with ("…SchauspielkarriereJulia Stephan18.10.")."""
    heading = next(item.iter("h2", "h3", "h4", "h5", "h6"), None)
    if heading is not None:
        return _flat(heading)
    links = [_flat(link) for link in item.iter("a")]
    return max(links, key=len) if any(links) else _flat(item)


def _titled(text: str) -> bool:
    """An article's title, not a menu's entry ("Impressum", "Energieforschung")."""
    words = [word for word in text.split() if any(c.isalpha() for c in word)]
    return len(words) >= _MIN_TITLE_WORDS and len(text) <= _MAX_TITLE


def _flat(element: Any) -> str:
    """The element's text, its parts apart: "Business Aviation" and "Ferryflug …" in two
    spans are a kicker and a title, not "Business AviationFerryflug" (review 49); but no
    space inside brackets or before a stop that a tag had ended, and no soft hyphen."""
    text = " ".join(" ".join(element.itertext()).replace("\xad", "").split())
    return _TIGHT_AFTER.sub(r"\1", _TIGHT_BEFORE.sub(r"\1", text))


_TIGHT_BEFORE = re.compile(r"\s+([),.;:!?])")
_TIGHT_AFTER = re.compile(r"([(„«])\s+")
