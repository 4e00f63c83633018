"""The groups of one article's mentions while they become entities: ``Group``, the mentions,
names and roles of one entity, and ``Groups``, every group by its type and key with the
group each mention is in, which moves a mention or merges two groups and keeps both in
step. A mention other than a person's finds its group here by its place or its key; apart
because the merge rules (``entity_merges``), the linking of people (``entity_people``) and
the naming of the entities (``entity_canonical``) all work on these groups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from chronik.analysis.entity_keys import Tokens, compound_base, place_of, split_solid, text_key
from chronik.analysis.entity_names import adjective_name, nominative_name, without_article
from chronik.analysis.entity_types import seats
from chronik.analysis.gazetteer import Gazetteer, Place
from chronik.analysis.german import ADJECTIVE_ENDINGS
from chronik.analysis.lemmas import is_known, lemmatize
from chronik.model import Mention


@dataclass(slots=True)
class Group:
    """The mentions of one entity while it is being built."""

    type: str
    key: str
    place: Place | None = None
    mentions: list[Mention] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    bases: Counter[str] = field(default_factory=Counter)  # "münchen" of "Münchner"
    roles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)

    @property
    def tokens(self) -> set[str]:
        return set(self.key.split())

    def add(self, mention: Mention, name: str | None) -> None:
        self.mentions.append(mention)
        if name:
            self.names[name] += 1

    def absorb(self, other: Group) -> None:
        self.mentions.extend(other.mentions)
        self.names.update(other.names)
        self.bases.update(other.bases)
        self.roles |= other.roles
        self.countries |= other.countries


class Groups:
    """Groups by (type, key); places are keyed by gazetteer id, the rest by fold key."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, str], Group] = {}
        self.owner: dict[int, Group] = {}

    def assign(self, group: Group, mention: Mention, name: str | None) -> None:
        group.add(mention, name)
        self.owner[id(mention)] = group

    def move(self, mention: Mention, group: Group) -> None:
        """Give ``mention`` to ``group``, taking it from the group that had it."""
        old = self.owner.get(id(mention))
        if old is not None:
            old.mentions.remove(mention)
        self.assign(group, mention, None)

    def merge(self, target: Group, group: Group) -> None:
        """``group`` joins ``target``: its mentions (which take the target's type) and
        names; its key goes. The owner map follows, so that a later merge or move finds
        the group a mention is in now."""
        target.absorb(group)
        for mention in group.mentions:
            mention.type = target.type
            self.owner[id(mention)] = target
        del self.by_key[(group.type, group.key)]

    def join(self, one: Group, other: Group) -> None:
        """``one`` and ``other`` become one group, the one with more mentions taking the
        other (``other`` on a tie), so that the name most said leads."""
        if len(one.mentions) > len(other.mentions):
            self.merge(one, other)
        else:
            self.merge(other, one)

    def get(self, type_: str, key: str, place: Place | None = None) -> Group:
        group = self.by_key.get((type_, key))
        if group is None:
            group = self.by_key[(type_, key)] = Group(type_, key, place)
        return group

    def add_other(
        self, mention: Mention, gazetteer: Gazetteer, reading: str = "", nominative: str = ""
    ) -> None:
        hit = place_of(mention, gazetteer, reading)
        own = hit is None or not hit.base  # "Nordlondon" does not name London
        if hit is not None:
            mention.derived = mention.derived or hit.derived
            group = self.get("LOC", hit.place.id, hit.place)
            if hit.base:
                group.bases[hit.base] += 1
        else:
            # A compound is keyed by the name it derives from: "Gaza-Krieg" and "Gaza-Plan"
            # are both Gaza's.
            said = compound_base(mention.text) if mention.derived else mention.text
            said = adjective_name(said) if mention.type == "ORG" else said
            said = without_article(nominative or said)
            group = self.get(_entity_type(mention, said), text_key(said))
        self.assign(group, mention, mention.text if own and not mention.derived else None)

    def name_nominatives(self, nominatives: Sequence[tuple[Mention, str]]) -> None:
        """A thing's group named only in the genitive gets its nominative as a name,
        better than the genitive (``_name_quality``), which stays an alias. A place keeps
        the gazetteer's name ("Gazastreifens" is Gaza's)."""
        for mention, nominative in nominatives:
            group = self.owner.get(id(mention))
            if group is not None and group.place is None and nominative not in group.names:
                group.names[nominative] += 1

    def people(self) -> list[Group]:
        return [g for g in self.by_key.values() if g.type == "PER"]

    def drop_unnamed_adjectives(self) -> set[int]:
        """Groups of adjectives that met no name ("kurdischen", "arktische", "nuklearer":
        no place of the gazetteer, nothing named in the article) are no entities: their
        name would be the adjective. The ids of their mentions, which are dropped too."""
        dropped: set[int] = set()
        for key, group in list(self.by_key.items()):
            adjectives = all(m.derived and _adjective(m.text) for m in group.mentions)
            if group.mentions and group.place is None and adjectives:
                dropped.update(id(m) for m in group.mentions)
                del self.by_key[key]
        return dropped


def _entity_type(mention: Mention, said: str) -> str:
    """The type of the entity a mention names: a seat of government's is an organisation
    ("Kreml", "Pentagon"), whether NER read the building ("im Kreml", LOC, which stays
    the mention's type, a place to meet in) or the government; as a place it had been an
    entity of its own beside the organisation (the stream: "Kreml" in 5 articles beside
    24). A compound on a seat ("Kreml-Sprecher") is the organisation's in its type too; a
    genitive NER tagged derived ("Kremls") is left to ``merge_derived``, which names it."""
    compound = "-" in mention.text
    seat = text_key(said) in seats()
    if mention.type != "LOC" or not seat or (mention.derived and not compound):
        return mention.type
    if compound:
        mention.type = "ORG"
    return "ORG"


def _adjective(text: str) -> bool:
    """A word written as an adjective is: in small letters with an adjective's ending
    ("kurdisch", "arktischen", "europaweit"; not a brand such as "tagesschau24" or "ifo"), or
    in any case with one of -isch's ("Kurdische" opening a sentence; not "Kurden")."""
    if not text.isalpha():
        return False
    lower = text.lower()
    return lower.endswith(_ISCH) or (text[:1].islower() and lower.endswith(_ADJECTIVE_ENDINGS))


_ISCH = ("isch", "ische", "ischen", "ischer", "isches", "ischem")
_ADJECTIVE_ENDINGS = ("weit", *ADJECTIVE_ENDINGS)


def genitive_nominative(mention: Mention, tokens: Tokens) -> str:
    """The nominative of a name written in the genitive right after "des" or "eines"
    ("Zweiteilung des Rheins", "Ende des Gazakriegs"), else "": alone in an article, such a
    genitive had named the entity and keyed it apart from the nominative of other articles
    ("Rheins", "Bundestags"). Only after a singular's article: "der Jusos" is a plural, and
    its s no ending. A name of several words has its ending on the last, all its words
    capitalised ("des Robert Koch-Instituts"; review 131). So is a compound written as one
    word NER tagged derived that names itself, no name before it (``compound_base``: "des
    Schengenraums"; review 277: it had named its entity); a name's own genitive tagged so
    ("des Kremls") joins the name (``merge_genitives``)."""
    *before, word = mention.text.split(" ")
    if mention.derived and not _self_named(mention.text):
        return ""
    if not word.endswith("s") or word.islower():
        return ""
    # Declined adjectives before it are left to ``nominative_name`` ("des Weißen Hauses").
    if not all(w[:1].isupper() for w in before) or nominative_name(mention.text) != mention.text:
        return ""
    i = tokens.index(mention.start)
    if i == 0 or tokens.words[i - 1][2].lower() not in ("des", "eines"):
        return ""
    nominative = _nominative_word(word)
    return " ".join([*before, nominative]) if nominative else ""


def _self_named(text: str) -> bool:
    """Whether a derived mention is a compound written as one word that names itself."""
    return split_solid(text) is not None and compound_base(text) == text


def _nominative_word(word: str) -> str:
    """The nominative of a word in the genitive, else "". The dictionary says which ending
    to drop, on the word or, for a compound it does not know, on its last part
    ("Irankriegs")."""
    for cut in range(len(word) - 4):
        tail = word[cut].upper() + word[cut + 1 :]
        lemma = lemmatize(tail, lang="de")
        if lemma in (tail[:-1], tail[:-2]) and is_known(lemma, lang="de"):
            # the word's own first letter: "des ifo-Instituts" is the "ifo-Institut"
            return word[: cut + 1] + lemma[1:]
    return ""


def name_keys(group: Group) -> set[str]:
    """The keys a group is named by: a place's group is keyed by its gazetteer id, so by
    the keys of the names the article gives it ("Gaza")."""
    if group.place is None:
        return {group.key}
    return {text_key(name) for name in group.names}


def names_itself(group: Group) -> bool:
    """Whether some mention of the group is its name, not a word derived from it."""
    return any(not m.derived for m in group.mentions)
