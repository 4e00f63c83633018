"""Boilerplate and section rules, as data: which lines leave the clean text, and what of
them is kept as metadata; which section headings open opinion.

Each rule is a (name, pattern) pair so that tests and docs can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chronik.analysis.sentences import is_question, split_sentences

_I = re.IGNORECASE

# A heading that opens a list of links to other articles; the list items become
# ``metadata["related_titles"]``.
RELATED_HEADING = re.compile(
    r"^(sie könnten (auch )?(lesen|interessieren) wollen|das könnte sie (auch )?interessieren"
    r"|mehr zum thema|mehr dazu|lesen sie (auch|mehr)|weitere artikel|ähnliche artikel"
    r"|verwandte (artikel|themen)|auch interessant|empfohlene artikel|top-?themen|meistgelesen"
    r"|you (might|may) also like|related (articles|stories|content)|read more)\b",
    _I,
)
# A label set as a paragraph over a list of sources or links, or an appendix ("Quellen",
# "Unsere Quellen:", "Literaturverzeichnis", "Weiterführende Links", "Anhang"): what follows
# it is works and addresses, not the author's verdict, so it ends an opinion heading's
# reach (review 206). Up to two words before the label's noun.
SOURCES_LABEL = re.compile(
    r"^(?:[\w-]+\s+){0,2}(?:(?:internet)?quellen(?:angaben|nachweise?|verzeichnis)?|quelle(?=\s*:)"
    r"|literatur(?:verzeichnis|hinweise|angaben)?|einzelnachweise|fußnoten|(?:web)?links|anhang)"
    r"\s*:?$",
    _I,
)
LIST_ITEM = re.compile(r"^\s*([-–•*·]|\d+[.)])\s+")

# A site's section, a listing's or a navigation's name, which trafilatura may take for a
# page's headline (a second og:title, a category's heading, a skip link's <h1>): no
# article is headed so.
SECTION_NAME = re.compile(
    r"^(?:aktuelles?|allgemein|news|nachrichten|neuigkeiten|meldungen|startseite"
    r"|(?:presse|medien)(?:mitteilung|meldung)(?:en)?|navigation(?: und service)?)$",
    _I,
)

# A reporter's line: "Von Anna Beispiel, ARD Berlin". Names are capitalised words.
# A part may be hyphenated: "Jean-Marie", "Müller-Lüdenscheidt".
_PART = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*"
_NAME = rf"{_PART}(?: {_PART}){{1,2}}"
# A desk: "ARD Berlin", "ARD-Hauptstadtstudio", or a site's address ("tagesschau.de").
_DESK = r"(?:[A-ZÄÖÜ][\w-]*(?: [A-ZÄÖÜ][\w-]*){0,3}?|[a-z][\w-]*\.(?:de|at|ch|com|net|org|eu))"
# Several reporters: "Von Anna Beispiel, Jan Muster und Eva Probe, NDR".
_NAMES = rf"{_NAME}(?:(?:, | und ){_NAME})*"
# A reporter away from the desk: "ARD Wien, zzt. in Ankara".
_AWAY = r"(?:,? zz[tT]\.?(?: in [A-ZÄÖÜ][\w-]+)?)?"
BYLINE = re.compile(rf"^Von ({_NAMES}(?:, {_DESK})?){_AWAY}\.?$")
# The same run into the text without a break, as scraped leads are ("… lösen. Von Anna
# Beispiel, ARD BerlinDer Kanzler …"): the next word starts right after the desk or name;
# or as a sentence of its own with its desk ("… lösen. Von Anna Beispiel, ARD Berlin. Der
# Kanzler …", or before a quote).
# The word the byline runs into: a capitalised one, or an abbreviation after a desk that
# ends in a small letter ("ARD-FinanzredaktionUS-Präsident", not the "RD-" of "ARD-").
_NEXT_WORD = r"[A-ZÄÖÜ][a-zäöüß]|(?<=[a-zäöüß])[A-ZÄÖÜ]{2,}-"
# After a sentence's end, with or without a space ("… zu erwarten?Von Anna Beispiel, …").
_AFTER_END = r"(?:(?<=[.!?\"“”] )|(?<=[.!?]))"
# A genre label may open it ("Eine Analyse von Anna Beispiel, ARD Berlin"): cut out, the
# label is an opinion heading (OPINION_HEADING) over the text after it.
_BY = r"(?:Von|(?:Ein|Eine) (?:Kommentar|Analyse|Einordnung|Kolumne|Gastbeitrag) von)"
RUN_ON_BYLINE = re.compile(
    rf"{_AFTER_END}{_BY} {_NAMES}, {_DESK}{_AWAY}(?=\. [A-ZÄÖÜ]|[\"„“])"
    rf"|{_AFTER_END}{_BY} {_NAMES}(?:, {_DESK})?(?<!-)(?={_NEXT_WORD})"
)

# A reporter's line without "Von", as a page signs a section: "Anna Beispiel | ARD
# Software-Redaktion", "Anna Beispiel, NDR", or the name alone. Group 1 is the name.
SIGNATURE = re.compile(rf"^({_NAMES})(?:\s*[|,–-]\s*{_DESK})?\.?$")

# The site's word on itself at a paragraph's start (review 235): a disclosure of who paid or
# helped ("Dieser Beitrag entstand in freundlicher Zusammenarbeit mit …"), a disclaimer on
# whose view its articles give ("Namentlich gekennzeichnete Beiträge geben die Meinung des
# Autors wieder"), an appeal for support ("Helfen Sie mit, …", "Deshalb unterstütze uns …").
# It tells how the page came about, no view of the story, though the model scores it
# 0.76-0.88.
SITE_NOTE = re.compile(
    r"^\W*(?:(?:dieser|der) (?:beitrag|artikel|post|text)\b[^.!?]{0,40}?"
    r"\b(?:in (?:freundlicher |bezahlter )?zusammenarbeit mit|enthält (?:werbung|affiliate))"
    r"|[^.!?]{0,60}\bgeben (?:\w+ ){0,3}die meinung de[sr] (?:autor|verfasser|redaktion)"
    r"|(?:\w+ )?(?:helfen sie (?:uns|mit)|unterstützen sie (?:uns|unsere?n?)|unterstütze uns)\b"
    r"|[^.!?]{0,40}\bnur mit ihrer unterstützung möglich)",
    _I,
)

# A prompt to the readers: it addresses them ("du", "ihr" after its verb, the polite "Sie"
# inside a sentence) and asks for their view of the text ("eure Meinung", "Feedback",
# "Fandest du den Artikel hilfreich?").
_READERS = re.compile(
    r"\b(?:du|dich|dir|dein\w*|euch|euer|eure[mnrs]?)\b|(?<=[td] )ihr\b"
    r"|(?<=\w )(?:Sie|Ihr|Ihre[mnrs]?)\b"
)
_RESPONSE = re.compile(
    r"\b(?:Meinung|Feedback|Kommentar\w*|Erfahrung\w*|Anregung\w*|Rückmeldung\w*|Artikel|Beitrag)\b"
)

# A prompt run into a text's last line: "… Deutschland ist Drittletzter. Das Liveblog zum
# Nachlesen".
RUN_ON_PROMPT = re.compile(r"(?<=[.!?] )(?:Das )?Liveblog zum Nachlesen\.?\s*$")

# (metadata key, pattern); group 1, where present, is the value kept.
METADATA_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bylines", BYLINE),
    ("image_credit", re.compile(r"^<<\s*(?:photo|foto|bild|image)\s+(?:by|von)\s+(.+?)\s*>>$", _I)),
    (
        "image_credit",
        # also a picture's kind before its credit: "Rubriklistenbild: © KCNA/dpa"
        re.compile(
            r"^(?:(?:rubriklisten|titel|vorschau|teaser|aufmacher|artikel)?(?:foto|fotos|bild|bilder)"
            r"|photo|bildquelle|image)\s*:\s*©?\s*(.+)$",
            _I,
        ),
    ),
    ("image_credit", re.compile(r"^(?:©|\(c\)|copyright)\s*(.+)$", _I)),
    (
        "disclaimers",
        re.compile(
            r"^(das bild dient (nur )?(zur|der) veranschaulichung.*|symbolbild.*"
            r"|dieser (artikel|text) wurde (automatisch|maschinell|mit hilfe).*"
            r"|alle angaben ohne gewähr.*|hinweis: .*(affiliate|provision).*"
            # a comment section's rules; a site's word on the network it belongs to
            r"|.*die kommentare (der|unserer) (user|leser|nutzer)\w* geben nicht .*meinung.*"
            r"|\*?\s*\S+\.(de|at|ch|com) ist teil de[sr] .*netzwerk\w*\.?)$",
            _I,
        ),
    ),
    # A page's "last changed" line: "Stand: 28.04.2020 18:00 Uhr".
    (
        "updated",
        re.compile(r"^stand:\s*(\d{1,2}\.\d{1,2}\.\d{4}(?:,? \d{1,2}:\d{2}(?: uhr)?)?)$", _I),
    ),
    # A post embedded from a social network, signed as it signs: "… — Name (@handle) May 2, 2020".
    ("embeds", re.compile(r"^(.+\s[—–-]\s[^()]+\(@\w+\)\s+\w+\.? \d{1,2}\.?,? \d{4})$")),
    (
        "prompts",
        re.compile(
            # a button's words, not a sentence that opens with them ("Teilen, gerecht
            # teilen, das wäre ein großer Schritt")
            r"^((jetzt |hier )?(artikel )?(teilen|abonnieren|kommentieren)\b[^.,!?]{0,30}"
            r"|.*newsletter (abonnieren|bestellen).*|folgen sie uns\b.*|zum newsletter\b.*"
            r"|.*\bnewsletter\b.*\b(anmeld|abonnier|bestell|registrier)\w*\b.*"
            r"|(wir (verwenden|nutzen|setzen)|diese (website|webseite|seite) (verwendet|nutzt))"
            r" cookies\b.*"
            r"|share (this|on)\b.*|subscribe\b.*|sign up for\b.*|anzeige"
            # the page's own furniture: skip links, comment counts, log-in and cookie dialogs,
            # programme notes and a video's expiry
            r"|hauptinhalt|zum inhalt springen|inhalt überspringen"
            r"|passwort vergessen\??|.*\bregistrierung (war erfolgreich|ist fehlgeschlagen)\b.*"
            r"|.*\b(nutzen|verwenden|setzen) wir cookies\b.*|.*\bcookie-?einstellungen\b.*"
            r"|dieses thema im programm:.*|video verfügbar bis\b.*"
            # a live blog's pointer to itself
            r"|(das )?liveblog zum nachlesen\.?"
            # reader tools, after the name of their icon font's glyph ("bookmark_border",
            # "headset", glued to the label), and pointers to the rest of the site
            r"|(?-i:[a-z]+(?:_[a-z]+)*(?= ?[A-ZÄÖÜ0-9]) ?)?(?:auf die merkliste|merken|vorlesen"
            r"|artikel anhören|drucken|teilen|lesedauer\b.{0,25}|\d+ kommentare?"
            # the comments' heading; a "Kommentar" heading opens an opinion section
            r"|(neue )?kommentare"
            r"|kommentare (lesen|anzeigen)\b.{0,40}|ein beitrag von:?)"
            # (the polite "Sie" only: "Wohnungen finden sie im Umland kaum" is news)
            r"|.{0,60}\b(?-i:[Ff]inden Sie) (hier\b|in unserer?\b|auf unserer?\b|unter:"
            r"|unter (www|https?:)).{0,80})$",
            _I,
        ),
    ),
)

# Headings that open an opinion section; everything under them is opinion until the
# next heading. A "Fazit" or "Schlussfolgerung" is the author's own conclusion: what the
# reporting above it should mean and what ought to follow.
OPINION_HEADING = re.compile(
    # also as a label with its author: "Ein Kommentar von Anna Beispiel, NDR"
    r"^(?:(?:ein|eine)\s+)?(editorial|kommentar|meinung|analyse|empfehlung(en)?|leitartikel|kolumne|gastbeitrag"
    r"|gastkommentar|standpunkt|einschätzung|einordnung|fazit|schlussfolgerung(en)?"
    r"|pro und contra|op-ed|opinion|commentary|analysis|viewpoint|conclusion)\b",
    _I,
)
# The author's conclusion or view later in the heading (review 196): after the publisher's
# name alone ("CHIP Fazit"), or after the author's own possessive or "persönlich" ("Mein
# persönliches Fazit zur …", "Meine Meinung"). Only a first person's: "Ihre Meinung" asks
# the reader; and a label last after one word only: "Polizei zieht positives Fazit" reports.
OWN_OPINION_HEADING = re.compile(
    r"^(?:(?:mein|meine|unser|unsere)\s+(?:[\w-]+\s+){0,2}|(?:persönliche|eigene)[sn]?\s+)"
    r"(?:fazit|meinung|einschätzung|schlussfolgerung(?:en)?)\b"
    r"|^[\w-]+\s+fazit\W*$",
    _I,
)


# A verdict label that opens a paragraph, before its colon (review 239): "Fazit: Es wird …",
# "Unser Testurteil: …", "Meine Meinung: …". A bare "Urteil:" or "Meinung:" is left out: a
# court's ruling and a kicker open so too; "Fazit der Polizei: …" reports another's.
_VERDICT = r"(?:fazit|urteil|testurteil|gesamturteil|meinung|eindruck|einschätzung)"
VERDICT_LABEL = re.compile(
    rf"^\W*(?:(?:mein|meine|unser|unsere)\s+(?:[\w-]+\s+)?{_VERDICT}|fazit|testurteil"
    r"|gesamturteil)\s*:\s*\S",
    _I,
)


@dataclass(frozen=True, slots=True)
class MetadataMatch:
    key: str
    value: str


def match_metadata(line: str) -> MetadataMatch | None:
    """The metadata a boilerplate line carries, or None when the line is content."""
    stripped = line.strip()
    for key, pattern in METADATA_RULES:
        match = pattern.match(stripped)
        if match:
            value = match.group(1) if match.groups() and match.group(1) else stripped
            return MetadataMatch(key, value.strip())
    return None


# Of those, the labels of an analysis: it explains and weighs what happened, so its
# paragraphs are the author's view only where their sentences say so (see stance).
ANALYSIS_HEADING = re.compile(r"^(?:(?:ein|eine)\s+)?(analyse|einordnung|analysis)\b", _I)


def is_opinion_heading(line: str) -> bool:
    text = line.strip()
    return bool(OPINION_HEADING.match(text) or OWN_OPINION_HEADING.match(text))


def is_analysis_heading(line: str) -> bool:
    return bool(ANALYSIS_HEADING.match(line.strip()))


def asks_readers(text: str) -> bool:
    """Whether a paragraph is a prompt to the readers: it asks for their view of the text,
    and each of its sentences asks or addresses them ("Wie ist eure Meinung …? … Ich freue
    mich über euer Feedback!"). It states no view of the author's (review 200)."""
    if not (_READERS.search(text) and _RESPONSE.search(text)):
        return False
    sentences = [s.text for s in split_sentences(text)]
    return all(is_question(s) or _READERS.search(s) for s in sentences)
