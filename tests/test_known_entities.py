"""Entities across articles: a surname in a later article joins the full name stored earlier."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from chronik import Chronik
from chronik.analysis.entities import normalise
from chronik.analysis.entity_canonical import entity_id
from chronik.analysis.gazetteer import fold
from chronik.analysis.pipeline import component
from chronik.model import Article, Entity
from chronik.options import Options
from chronik.stories.known_entities import KnownEntities, combine_entities, merge_into
from marking import marked, register_marker

PEOPLE = {
    "Marta Lindqvist": "PER",
    "Lindqvist": "PER",
    "Jonas Brehm": "PER",
    "Ole Lindqvist": "PER",
}
register_marker("test_people", PEOPLE)


def _typed(article_id: str, text: str, names: dict[str, str]) -> Article:
    article = Article(id=article_id, title="", text=text, mentions=marked(text, names))
    normalise(article)
    return article


def _article(article_id: str, text: str) -> Article:
    return _typed(article_id, text, PEOPLE)


def _person(article: Article) -> Entity:
    return next(e for e in article.entities if e.type == "PER")


def test_surname_joins_the_full_name_of_an_earlier_article() -> None:
    known = KnownEntities()
    first = _article("a", "Ministerin Marta Lindqvist reist nach Oslo.")
    known.link(first)
    second = _article("b", "Lindqvist sprach dort mit Fischern.")
    assert _person(second).id != _person(first).id  # before linking: only its own id
    known.link(second)
    assert _person(second).id == _person(first).id
    assert _person(second).name == "Marta Lindqvist"
    assert {m.entity_id for m in second.mentions if m.type == "PER"} == {_person(first).id}


def test_a_surname_means_the_person_named_far_more_often() -> None:
    known = KnownEntities()
    first = _article("a", "Marta Lindqvist kam. Marta Lindqvist sprach. Marta Lindqvist ging.")
    known.link(first)
    known.link(_article("b", "Ole Lindqvist blieb."))
    later = _article("c", "Lindqvist reiste ab.")
    known.link(later)
    assert _person(later).id == _person(first).id
    # An article's entities count their mentions in that article, not in all so far.
    assert (_person(later).mention_count, _person(first).mention_count) == (1, 3)


def test_a_surname_of_two_people_named_alike_often_stays_apart() -> None:
    known = KnownEntities()
    known.link(_article("a", "Marta Lindqvist kam."))
    known.link(_article("b", "Ole Lindqvist blieb."))
    later = _article("c", "Lindqvist reiste ab.")
    known.link(later)
    assert _person(later).name == "Lindqvist"


def test_different_people_stay_apart() -> None:
    known = KnownEntities()
    known.link(_article("a", "Marta Lindqvist reist nach Oslo."))
    other = _article("b", "Jonas Brehm bleibt in Bergen.")
    known.link(other)
    assert _person(other).name == "Jonas Brehm" and len(known) >= 2


def test_a_relative_of_another_first_name_is_not_the_person_named_by_the_surname() -> None:
    # Review 139: a full name with the alias "Rodríguez" had taken every later full name
    # with that alias, the daughter's into her father's entity.
    known = KnownEntities()
    known.link(_article("a", "Ole Lindqvist kam. Lindqvist sprach lange."))
    daughter = _article("b", "Marta Lindqvist blieb. Lindqvist schwieg.")
    known.link(daughter)
    assert _person(daughter).name == "Marta Lindqvist" and len(known) == 2
    # Nor does a third name take her entity named by the surname, while a first name
    # spelt otherwise, or a fuller one, is the same person's.
    known_ones = [_entity("Lindqvist", ["Marta", "Marta Elin Lindqvist Berg"], 6)]
    assert merge_into(known_ones, [_entity("Jonas Lindqvist", ["Lindqvist"], 1)]) == {}
    known_ones = [_entity("Zohran Mamdani", ["Mamdani"], 8)]
    assert merge_into(known_ones, [_entity("Zhoran Mamdani", ["Mamdani"], 2)])
    known_ones = [_entity("Seyyed Ali Chamenei", ["Chamenei"], 8)]
    assert merge_into(known_ones, [_entity("Ali Chamenei", ["Chamenei"], 2)])
    # Her entity named by the surname keeps it where it comes again alone, and two
    # people's names run together stay the second's, as before.
    her, _ = known_ones = [
        _entity("Lindqvist", ["Marta", "Marta Elin Lindqvist Berg"], 6),
        _entity("Ole Lindqvist", [], 1),
    ]
    assert merge_into(known_ones, [_entity("Lindqvist", [], 1)]) == {her.id: her.id}
    brehm, _ = known_ones = [_entity("Jonas Brehm", ["Brehm"], 30), _entity("Ole Lindqvist", [], 5)]
    run_on = _entity("Lindqvist Brehm", ["Brehm"], 1)
    assert merge_into(known_ones, [run_on]) == {run_on.id: brehm.id}


def _entity(name: str, aliases: list[str], count: int) -> Entity:
    key = fold(name)
    return Entity(entity_id("PER", key), name, "PER", aliases, count)


def test_a_first_name_transliterated_otherwise_is_the_one_person_of_that_surname() -> None:
    # Review 143: "Isaac Herzog" and "Izchak Herzog" (one president, two transliterations)
    # had been two people of November's store; their first names sound alike (s/z, c/ch/k
    # and the same vowels), and the store knew no other person of that surname.
    isaac = _entity("Isaac Brenner", ["Brenner"], 3)
    assert merge_into([isaac], [_entity("Izchak Brenner", [], 1)]) == {
        _entity("Izchak Brenner", [], 1).id: isaac.id
    }
    # Not where two people of that surname are known, nor for first names that only
    # share their consonants ("Hans", "Heinz") or their first letter.
    anna = _entity("Anna Brenner", [], 2)
    assert merge_into([isaac, anna], [_entity("Izchak Brenner", [], 1)]) == {}
    assert merge_into([_entity("Hans Brenner", [], 3)], [_entity("Heinz Brenner", [], 1)]) == {}
    assert merge_into([_entity("Ida Brenner", [], 3)], [_entity("Ines Brenner", [], 1)]) == {}


def test_store_keeps_one_entity_across_articles(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text(
        '{"id": "1", "title": "Reise", "text": "Marta Lindqvist reist nach Oslo."}\n'
        '{"id": "2", "title": "Gespräch", "text": "Lindqvist sprach dort mit Fischern."}\n',
        encoding="utf-8",
    )
    options = Options(db=str(tmp_path / "c.db"), pipeline=("sentences", "test_people", "entities"))
    with Chronik(options=options) as app:
        app.ingest([str(tmp_path / "in.jsonl")])
        people = app.entities(type="PER")
    assert [(p.name, p.mention_count) for p in people] == [("Marta Lindqvist", 2)]
    # A new process starts from the store, not from memory.
    (tmp_path / "more.jsonl").write_text(
        '{"id": "3", "title": "Rückkehr", "text": "Lindqvist ist zurück."}\n', encoding="utf-8"
    )
    with Chronik(options=options) as app:
        app.ingest([str(tmp_path / "more.jsonl")])
        assert [(p.name, p.mention_count) for p in app.entities(type="PER")] == [
            ("Marta Lindqvist", 3)
        ]


def test_a_revision_moves_the_mention_count(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"url": "https://x.example/1", "title": "Reise", '
        '"text": "Marta Lindqvist reist. Lindqvist lacht."}\n',
        encoding="utf-8",
    )
    options = Options(db=str(tmp_path / "c.db"), pipeline=("sentences", "test_people", "entities"))
    with Chronik(options=options) as app:
        app.ingest([str(path)])
        assert [p.mention_count for p in app.entities(type="PER")] == [2]
        path.write_text(
            '{"url": "https://x.example/1", "title": "Reise", "text": "Marta Lindqvist reist."}\n',
            encoding="utf-8",
        )
        assert app.ingest([str(path)]).revised == 1
        assert [p.mention_count for p in app.entities(type="PER")] == [1]


def test_a_name_completes_another_and_a_longer_ner_span_does_not_rename_a_person() -> None:
    person = Entity(id="p", name="Lindqvist", type="PER", aliases=[], mention_count=3)
    full = combine_entities(person, replace(person, name="Marta Lindqvist"))
    assert full.name == "Marta Lindqvist" and "Lindqvist" in full.aliases
    for span in ("Marta Lindqvists Wahlkreis", "Marta Lindqvist Unkenntnis", "Lindqvists"):
        for first, second in ((full, replace(full, name=span)), (replace(full, name=span), full)):
            assert combine_entities(first, second).name == "Marta Lindqvist", span
    asian = replace(person, name="Kim")
    assert combine_entities(asian, replace(asian, name="Kim Sun Ok")).name == "Kim Sun Ok"
    thing = Entity(id="o", name="EU", type="ORG", aliases=[], mention_count=1)
    assert (
        combine_entities(thing, replace(thing, name="Europäische Union")).name
        == "Europäische Union"
    )


def test_a_genitive_finds_its_base_in_the_index() -> None:
    known = KnownEntities()
    organisation = {"Landtag": "ORG", "Landtags": "ORG"}
    first = Article(id="a", title="", text="Der Landtag tagt.", mentions=[])
    first.mentions = marked(first.text, organisation)
    normalise(first)
    known.link(first)
    second = Article(id="b", title="", text="Die Sitzung des Landtags.", mentions=[])
    second.mentions = marked(second.text, organisation)
    normalise(second)
    known.link(second)
    assert [e.id for e in second.entities] == [e.id for e in first.entities]


def test_a_genitive_of_a_name_ending_in_e_is_that_name_in_and_across_articles() -> None:
    """Folding drops a final e ("Grete Lunde" -> "gret lund"), so the genitive "Lundes"
    ("lundes") had met its name neither in one article nor in the next."""
    names = {"Grete Lunde": "PER", "Grete Lundes": "PER", "Lundés": "PER", "Lundé": "PER"}

    def person(article_id: str, text: str) -> Article:
        article = Article(id=article_id, title="", text=text, mentions=marked(text, names))
        normalise(article)
        return article

    both = person("a", "Lundé traf Kollegen. Die Rede Lundés war kurz.")
    assert len({m.entity_id for m in both.mentions}) == 1 and _person(both).name == "Lundé"
    known = KnownEntities()
    genitive, base = (
        person("b", "Grete Lundes Plan stößt auf Kritik."),
        person("c", "Grete Lunde reist ab."),
    )
    known.link(genitive)  # the genitive first: the name it gets is the base's
    known.link(base)
    assert _person(genitive).id == _person(base).id and _person(base).name == "Grete Lunde"
    council = {"Landesrates": "ORG", "Landesrat": "ORG"}
    first, then = (
        Article(id=i, title="", text=t)
        for i, t in (("d", "Ein Sitz des Landesrates."), ("e", "Der Landesrat tagt."))
    )
    for article in (first, then):
        article.mentions = marked(article.text, council)
        normalise(article)
        known.link(article)
    assert [e.name for e in then.entities] == ["Landesrat"]


_TRIP = '{"id": "1", "title": "Reise", "text": "Marta Lindqvist reist nach Oslo."}\n'
_TALK = '{"id": "2", "title": "Gespräch", "text": "Lindqvist sprach mit Fischern."}\n'


def _lindqvist(tmp_path: Path, lines: str) -> tuple[Path, Options, Article]:
    """A store of the two articles in the order of ``lines``, and the one that names her
    by her surname alone."""
    (tmp_path / "in.jsonl").write_text(lines, encoding="utf-8")
    db = tmp_path / "c.db"
    options = Options(db=str(db), pipeline=("sentences", "test_people", "entities"))
    with Chronik(options=options) as app:
        app.ingest([str(tmp_path / "in.jsonl")])
        return db, options, next(a for a in app.articles() if "Fischern" in a.text)


def test_reanalysis_links_again_from_nothing_and_mends_an_old_split(tmp_path: Path) -> None:
    db, options, second = _lindqvist(tmp_path, _TRIP + _TALK)
    # What an older Chronik may have stored: the surname as an entity of its own.
    split = "ent_oldsplit00"
    with sqlite3.connect(db) as raw:
        analysis = json.loads(
            raw.execute("SELECT analysis FROM articles WHERE id = ?", (second.id,)).fetchone()[0]
        )
        for mention in analysis["mentions"]:
            mention["entity_id"] = split
        analysis["entities"] = [{**analysis["entities"][0], "id": split, "name": "Lindqvist"}]
        raw.execute(
            "UPDATE articles SET analysis = ? WHERE id = ?", (json.dumps(analysis), second.id)
        )
        raw.execute("UPDATE mentions SET entity_id = ? WHERE article_id = ?", (split, second.id))
        raw.execute("UPDATE entities SET mention_count = 1")
        raw.execute(
            "INSERT INTO entities VALUES (?, 'Lindqvist', 'PER', '[]', '{}', NULL, 1)", (split,)
        )
    with Chronik(options=options) as app:
        assert len(app.entities(type="PER")) == 2
        assert app.reanalyze().revised == 1
        [person] = app.entities(type="PER")
        assert (person.name, person.mention_count) == ("Marta Lindqvist", 2)
        assert app.reanalyze().revised == 0
        before = person.id
    # A stored id that a fresh linking would not give (the first article named the person
    # by another name, which a later revision removed) survives a reanalysis.
    with sqlite3.connect(db) as raw:
        for statement in (
            "UPDATE mentions SET entity_id = 'ent_stored0001' WHERE entity_id = ?",
            "UPDATE entities SET id = 'ent_stored0001' WHERE id = ?",
            "UPDATE articles SET analysis = replace(analysis, ?, 'ent_stored0001')",
        ):
            raw.execute(statement, (before,))
    with Chronik(options=options) as app:
        assert app.reanalyze().revised == 0
        assert [p.id for p in app.entities(type="PER")] == ["ent_stored0001"]
        (tmp_path / "later.jsonl").write_text(
            '{"id": "3", "title": "Hafen", "text": "Marta Lindqvist besuchte den Hafen."}\n',
            encoding="utf-8",
        )
        assert app.ingest([str(tmp_path / "later.jsonl")]).inserted == 1  # in the same session
        people = {m.entity_id for a in app.articles() for m in a.mentions if m.type == "PER"}
        assert people == {"ent_stored0001"}


def test_a_reanalysis_that_revises_an_early_article_keeps_the_later_fuller_name(
    tmp_path: Path,
) -> None:
    """The surname alone comes first, the whole name later: a reanalysis that revised only
    the first article had stored the person as "Lindqvist" for good (review 56's run)."""
    db, options, first = _lindqvist(tmp_path, _TALK + _TRIP)
    with sqlite3.connect(db) as raw:  # an analysis an older Chronik stored for the first
        raw.execute(
            "UPDATE articles SET analysis = replace(analysis, 'Fischern', 'Fischer') WHERE id = ?",
            (first.id,),
        )
    with Chronik(options=options) as app:
        assert app.reanalyze().revised == 1
        [person] = app.entities(type="PER")
        assert person.name == "Marta Lindqvist" and "Lindqvist" in person.aliases
        # a name that comes back is no alias of itself, however often (review 57)
        assert app.reanalyze().revised == 0
        [person] = app.entities(type="PER")
        assert person.aliases == ["Lindqvist"]


# Invented: since review 154, same_names makes "EU" the "Europäische Union" in any article,
# which would hide the acronym rules these tests are about.
ORGANISATIONS = {
    "Velmarische Union": "ORG",
    "VU": "ORG",
    "Vereinigte Unität": "ORG",
}


def _organisations(article_id: str, text: str) -> Article:
    return _typed(article_id, text, ORGANISATIONS)


def _names(article: Article) -> list[tuple[str, int]]:
    return [(e.name, e.mention_count) for e in article.entities]


def test_an_acronym_is_the_organisation_whose_words_it_initials() -> None:
    one = _organisations("a", "Die Velmarische Union tagt. Die VU will Zölle senken.")
    assert _names(one) == [("Velmarische Union", 2)]
    # Two organisations it could initial: it stays apart.
    two = _organisations("b", "Die Velmarische Union, die Vereinigte Unität und die VU.")
    assert len(two.entities) == 3


def test_an_acronym_in_small_letters_or_of_a_hyphenated_name_is_that_organisation() -> None:
    names = {"Deutsche Presse-Agentur": "ORG", "dpa": "ORG", "Robert Koch-Institut": "ORG"}
    names |= {"RKI": "ORG"}
    text = "Die Deutsche Presse-Agentur meldet, das Robert Koch-Institut warne. So dpa; so das RKI."
    article = Article(id="c", title="", text=text, mentions=marked(text, names))
    normalise(article)
    assert _names(article) == [("Deutsche Presse-Agentur", 2), ("Robert Koch-Institut", 2)]


def test_an_acronym_joins_its_name_of_another_type() -> None:
    names = {"Christopher Street Day": "MISC", "CSD": "ORG"}
    text = "Der Christopher Street Day zog durch Kleinhausen. Zum CSD kamen viele, der CSD blieb."
    article = Article(id="e", title="", text=text, mentions=marked(text, names))
    normalise(article)
    # One entity, of the type of the name more often used: later articles that say only
    # "CSD" (ORG) find it by its alias.
    assert _names(article) == [("Christopher Street Day", 3)]
    assert (article.entities[0].type, article.entities[0].aliases) == ("ORG", ["CSD"])
    known = KnownEntities()
    known.link(article)
    later = Article(id="f", title="", text="Der CSD tagt.", mentions=marked("Der CSD tagt.", names))
    normalise(later)
    known.link(later)
    assert later.entities[0].id == article.entities[0].id


def test_an_acronym_met_with_its_name_once_joins_it_in_later_articles() -> None:
    known = KnownEntities()
    both = _organisations("a", "Die Velmarische Union tagt. Die VU will Zölle senken.")
    known.link(both)
    later = _organisations("b", "Die VU tagt wieder.")
    known.link(later)
    assert later.entities[0].id == both.entities[0].id
    assert later.entities[0].name == "Velmarische Union"
    # Letters alone are no evidence across articles: "DW" may be the Deutsche Welle or
    # short for "Deutscher Wetterdienst" (DWD).
    known = KnownEntities()
    known.link(_organisations("c", "Die Velmarische Union tagt."))
    alone = _organisations("d", "Die VU tagt.")
    known.link(alone)
    assert alone.entities[0].name == "VU"


def _tagged(article_id: str, text: str, name: str, type_: str) -> Article:
    return _typed(article_id, text, {name: type_})


def test_a_name_typed_otherwise_joins_the_entity_named_far_more_often() -> None:
    known = KnownEntities()
    text = "Das Tarvofieber wütet. Das Tarvofieber tötet. Das Tarvofieber bleibt."
    misc = _tagged("a", text, "Tarvofieber", "MISC")
    known.link(misc)
    once = _tagged("b", "Gegen Tarvofieber hilft nichts.", "Tarvofieber", "ORG")
    known.link(once)
    assert [e.id for e in once.entities] == [e.id for e in misc.entities]
    assert once.mentions[0].entity_id == misc.entities[0].id
    # Named as often, or a person the article names in full, it keeps its own type.
    known = KnownEntities()
    known.link(_tagged("a", "Das Tarvofieber wütet.", "Tarvofieber", "MISC"))
    other = _tagged("b", "Gegen Tarvofieber hilft nichts.", "Tarvofieber", "ORG")
    known.link(other)
    assert other.entities[0].type == "ORG"
    known.link(misc)
    text = "Ilja Tarvofieber lachte. Tarvofieber ging."
    names = {"Ilja Tarvofieber": "PER", "Tarvofieber": "PER"}
    person = Article(id="c", title="", text=text, mentions=marked(text, names))
    normalise(person)
    known.link(person)
    assert [e.type for e in person.entities] == ["PER"]


def test_a_name_typed_otherwise_once_joins_the_entity_later_named_far_more_often() -> None:
    """Review 197's "X": the platform typed MISC in an early article, before the ORG was
    named often, had kept its mentions apart for good; a later article that names the ORG
    now named far more often proves them one, as a new MISC would join it."""
    known = KnownEntities()
    early = _tagged("a", "Er schrieb auf Velbox.", "Velbox", "MISC")
    known.link(early)
    known.link(_tagged("b", "Velbox sperrte ihn.", "Velbox", "ORG"))
    text = "Velbox wächst. Velbox verdient. Velbox zahlt."
    merged = known.link(_tagged("c", text, "Velbox", "ORG"))
    [(gone, kept)] = merged.items()
    assert gone == early.entities[0].id
    assert (kept.type, kept.mention_count) == ("ORG", 5)
    # Not before the ORG is named three times as often as the MISC.
    known = KnownEntities()
    known.link(_tagged("a", "Er schrieb auf Velbox.", "Velbox", "MISC"))
    assert known.link(_tagged("b", "Velbox wächst. Velbox zahlt.", "Velbox", "ORG")) == {}


def test_a_lone_word_typed_as_a_person_joins_the_thing_named_far_more_often() -> None:
    # "Davos: …" opening a teaser, typed PER, beside the place named 12 times; "Ein
    # Sturmtief wie Elli" beside the storm (January 2026 store, ent72).
    known = KnownEntities()
    place = "In Tarvos tagt das Forum. Tarvos ist voll. Nach Tarvos reisen viele."
    known.link(_tagged("a", place, "Tarvos", "LOC"))
    teaser = _tagged("b", "Tarvos: Das Forum beginnt.", "Tarvos", "PER")
    known.link(teaser)
    assert [(e.name, e.type) for e in teaser.entities] == [("Tarvos", "LOC")]
    # Named twice before, the place is the teaser's too: "Davos:" came after two articles
    # that named the place once each and had made a person "Davos" (review of 2026-12-02).
    known = KnownEntities()
    known.link(_tagged("a", "In Tarvos tagt das Forum.", "Tarvos", "LOC"))
    known.link(_tagged("b", "Nach Tarvos reisen viele.", "Tarvos", "LOC"))
    teaser = _tagged("c", "Tarvos: Das Forum beginnt.", "Tarvos", "PER")
    known.link(teaser)
    assert [(e.name, e.type) for e in teaser.entities] == [("Tarvos", "LOC")]
    # Named as often, it stays a person: one mention is no evidence either way.
    known = KnownEntities()
    known.link(_tagged("a", "In Tarvos tagt das Forum.", "Tarvos", "LOC"))
    teaser = _tagged("b", "Tarvos: Das Forum beginnt.", "Tarvos", "PER")
    known.link(teaser)
    assert [(e.name, e.type) for e in teaser.entities] == [("Tarvos", "PER")]


def test_a_lone_person_joins_a_known_place_and_a_lone_place_a_known_person() -> None:
    # "Kiew, Cherson und Odessa melden ..." typed Cherson PER; a live blog's headline list
    # typed "Netanjahu" LOC (the stream's year store had both as entities of their own).
    known = KnownEntities()
    place = "In Cherson fiel der Strom aus. Cherson meldet Schäden. Aus Cherson fliehen viele."
    known.link(_tagged("a", place, "Cherson", "LOC"))
    person = "Ilja Vornholt tagt. Vornholt droht. Vornholt schweigt."
    names = {"Ilja Vornholt": "PER", "Vornholt": "PER"}
    full = Article(id="b", title="", text=person, mentions=marked(person, names))
    normalise(full)
    known.link(full)
    headline = _tagged("c", "Cherson meldet Angriffe.", "Cherson", "PER")
    known.link(headline)
    [place] = headline.entities
    assert (place.name, place.type, place.labels["en"]) == ("Cherson", "LOC", "Kherson")
    listed = _tagged("d", "Buh-Rufe für Vornholts Plan", "Vornholts", "LOC")
    known.link(listed)
    assert [(e.name, e.type) for e in listed.entities] == [("Ilja Vornholt", "PER")]
    assert [m.type for m in listed.mentions] == ["PER"], "marked as the person it names"
    # An organisation keeps its name: firms bear their founders'.
    firm = _tagged("e", "Vornholt baut ein Werk.", "Vornholt", "ORG")
    known.link(firm)
    assert [(e.name, e.type) for e in firm.entities] == [("Vornholt", "ORG")]


def test_a_full_name_typed_otherwise_joins_the_known_person_named_far_more() -> None:
    # Review 151: "JD Vance" typed ORG in one article of April 2026, after two that named
    # the person, had been an organisation of its own.
    known = KnownEntities()
    person = "Ilja Vornholt tagt. Ilja Vornholt droht."
    full = Article(id="a", title="", text=person, mentions=marked(person, {"Ilja Vornholt": "PER"}))
    normalise(full)
    known.link(full)
    typed = _tagged("b", "Ilja Vornholt sagte ab.", "Ilja Vornholt", "ORG")
    known.link(typed)
    assert [(e.name, e.type) for e in typed.entities] == [("Ilja Vornholt", "PER")]
    # Named as often, a firm of the name stays one.
    known = KnownEntities()
    known.link(_tagged("a", "Ilja Vornholt tagt.", "Ilja Vornholt", "PER"))
    firm = _tagged("b", "Ilja Vornholt baut ein Werk.", "Ilja Vornholt", "ORG")
    known.link(firm)
    assert [(e.name, e.type) for e in firm.entities] == [("Ilja Vornholt", "ORG")]


def test_an_early_entity_of_another_type_stops_taking_a_name_once_outnumbered() -> None:
    # The platform "X": an early article typed it MISC, later ones ORG; each later MISC
    # "X" found its own id first and the MISC entity kept growing beside the ORG.
    known = KnownEntities()
    early = _tagged("a", "Auf Xylo schrieb er viel.", "Xylo", "MISC")
    known.link(early)
    for n in range(3):
        known.link(_tagged(f"o{n}", "Xylo sperrt Konten. Xylo droht.", "Xylo", "ORG"))
    later = _tagged("b", "Auf Xylo schrieb sie wenig.", "Xylo", "MISC")
    known.link(later)
    assert early.entities[0].type == "MISC", "what was stored stays"
    assert [(e.name, e.type) for e in later.entities] == [("Xylo", "ORG")]
    assert [m.type for m in later.mentions] == ["ORG"]


def test_a_town_and_a_club_or_two_words_alike_stay_apart_across_types() -> None:
    known = KnownEntities()
    club = "Tarvheim gewann. Tarvheim spielte stark. Tarvheim führt."
    known.link(_tagged("a", club, "Tarvheim", "ORG"))
    town = _tagged("b", "In Tarvheim brannte eine Halle.", "Tarvheim", "LOC")
    known.link(town)
    assert town.entities[0].type == "LOC"  # a place and an organisation: review 44
    known.link(_tagged("c", "Die Linke tagt. Die Linke wählt. Die Linke streitet.", "Linke", "ORG"))
    link = _tagged("d", "Der Link führt ins Leere.", "Link", "MISC")
    known.link(link)
    assert link.entities[0].name == "Link"  # one key, but not one name as written
    # A place the gazetteer knows keeps its type against a name typed otherwise.
    known.link(_tagged("e", "Bayern wählt. Bayern zählt. Bayern feiert.", "Bayern", "LOC"))
    cup = _tagged("f", "Der Bayern gewann.", "Bayern", "MISC")
    known.link(cup)
    assert cup.entities[0].type == "MISC"


def _compounds(article_id: str, text: str, names: dict[str, str]) -> Article:
    """An article whose NER typed each compound as a whole, as the bundled model does."""
    article = Article(id=article_id, title="", text=text, mentions=marked(text, names))
    for mention in article.mentions:
        mention.derived = True
    normalise(article)
    return article


def test_a_name_named_only_in_compounds_joins_the_known_entity_of_that_name() -> None:
    known = KnownEntities()
    person = "Halvard Brekke regiert. Brekke droht. Brekke lacht."
    known.link(_tagged("a", person, "Halvard Brekke", "PER"))
    known.link(_tagged("b", "Der Vorsal-Bund tagt. Der Vorsal-Bund wächst.", "Vorsal", "ORG"))
    later = _compounds(
        "c",
        "Die Brekke-Regierung droht, ein Brekke-Berater schweigt. Das Vorsal-Abkommen gilt.",
        {"Brekke-Regierung": "ORG", "Brekke-Berater": "ORG", "Vorsal-Abkommen": "MISC"},
    )
    known.link(later)
    names = {(e.name, e.type) for e in later.entities}
    # Without this, "Brekke" stayed an organisation and "Vorsal" a MISC of their own.
    assert names == {("Halvard Brekke", "PER"), ("Vorsal", "ORG")}
    # A base that no known entity bears keeps NER's type; one of two namesakes named
    # alike often means neither.
    known.link(_tagged("d", "Ilse Tornquist kam. Ilse Tornquist ging.", "Ilse Tornquist", "PER"))
    known.link(_tagged("e", "Per Tornquist kam. Per Tornquist ging.", "Per Tornquist", "PER"))
    alone = _compounds(
        "f",
        "Der Tornquist-Plan scheitert am Kelmar-Gipfel.",
        {"Tornquist-Plan": "ORG", "Kelmar-Gipfel": "MISC"},
    )
    known.link(alone)
    assert {(e.name, e.type) for e in alone.entities} == {("Tornquist", "ORG"), ("Kelmar", "MISC")}


def test_a_compound_base_stored_before_its_person_gives_way_to_the_person() -> None:
    """An article that names "Brekke" only in a compound, stored before any article named
    the person, made an organisation "Brekke"; later compounds had the same id and stuck
    to it (the stream: "Trump" an organisation in 14 articles beside "Donald Trump")."""
    known = KnownEntities()
    first = _compounds("a", "Die Brekke-Regierung droht.", {"Brekke-Regierung": "ORG"})
    known.link(first)
    assert [(e.name, e.type) for e in first.entities] == [("Brekke", "ORG")]
    person = "Halvard Brekke regiert. Halvard Brekke droht. Halvard Brekke lacht."
    known.link(_tagged("b", person, "Halvard Brekke", "PER"))  # named far more often
    later = _compounds("c", "Die Brekke-Zölle gelten.", {"Brekke-Zölle": "ORG"})
    known.link(later)
    assert [(e.name, e.type) for e in later.entities] == [("Halvard Brekke", "PER")]
    # Named as an organisation in its own right, it stays one.
    firm = _tagged("d", "Brekke meldet Gewinne.", "Brekke", "ORG")
    known.link(firm)
    assert [(e.name, e.type) for e in firm.entities] == [("Brekke", "ORG")]


def test_a_compound_with_and_without_its_hyphen_is_one_entity() -> None:
    # "Iran-Krieg" (19 mentions of the stream) had been an entity beside "Irankrieg" (99).
    for first, second in (("Tarvokrieg", "Tarvo-Krieg"), ("Tarvo-Krieg", "Tarvokrieg")):
        known = KnownEntities()
        text = f"Der {first} dauert. Der {first} eskaliert. Der {first} endet nicht."
        known.link(_tagged("a", text, first, "MISC"))
        later = _tagged("b", f"Im {second} wurde verhandelt.", second, "MISC")
        known.link(later)
        assert [(e.name, e.type) for e in later.entities] == [(first, "MISC")], second


def test_a_plurals_dative_joins_its_nominative_across_articles() -> None:
    # "Republikanern" had been an organisation of its own beside "Republikaner" (ent72).
    known = KnownEntities()
    known.link(
        _tagged(
            "a", "Die Freien Wähler stimmen zu. Die Freien Wähler jubeln.", "Freien Wähler", "ORG"
        )
    )
    later = _tagged("b", "Bei den Freien Wählern regt sich Widerstand.", "Freien Wählern", "ORG")
    known.link(later)
    assert [(e.name, e.aliases) for e in later.entities] == [("Freien Wähler", ["Freien Wählern"])]
    # Stored first, the dative gives way to the nominative as the name.
    known = KnownEntities()
    known.link(
        _tagged("a", "Bei den Freien Wählern regt sich Widerstand.", "Freien Wählern", "ORG")
    )
    nominative = _tagged("b", "Die Freien Wähler stimmen zu.", "Freien Wähler", "ORG")
    known.link(nominative)
    assert nominative.entities[0].name == "Freien Wähler"
    # A name whose last n is its own stays apart: "Bayern" is no dative of "Bayer".
    known.link(_tagged("c", "Bayern gewinnt. Bayern jubelt.", "Bayern", "ORG"))
    other = _tagged("d", "Bayer meldet Gewinne.", "Bayer", "ORG")
    known.link(other)
    assert other.entities[0].name == "Bayer"


def test_a_place_and_an_organisation_of_several_words_are_one_across_types() -> None:
    # "im Weißen Haus" typed LOC beside "das Weiße Haus" typed ORG: 70 mentions of the
    # stream in two entities (ent72). One word stays apart: a town and its club.
    known = KnownEntities()
    text = "Das Rote Schloss teilte mit. Das Rote Schloss bestritt. Das Rote Schloss schwieg."
    known.link(_tagged("a", text, "Rote Schloss", "ORG"))
    inside = _tagged("b", "Im Roten Schloss wurde verhandelt.", "Roten Schloss", "LOC")
    known.link(inside)
    assert [(e.name, e.type) for e in inside.entities] == [("Rote Schloss", "ORG")]


def test_a_role_compound_on_a_known_person_names_no_one_in_an_article_without_them() -> None:
    # "die Trump-Sprecherin" in an article that never names Trump plainly had made him an
    # entity of it, and the source of the spokeswoman's words (review of 2026-12-02): the
    # compound names the one who holds the role, not the person it is named after.
    known = KnownEntities()
    person = "Halvard Brekke regiert. Brekke droht. Brekke lacht."
    known.link(_tagged("a", person, "Halvard Brekke", "PER"))
    known.link(_tagged("b", "Der Vorsal tagt. Der Vorsal wächst.", "Vorsal", "ORG"))
    text = "Die Brekke-Sprecherin wies das zurück. Der Vorsal-Sprecher schwieg."
    later = _compounds("c", text, {"Brekke-Sprecherin": "ORG", "Vorsal-Sprecher": "ORG"})
    known.link(later)
    assert {(e.name, e.type) for e in later.entities} == {("Vorsal", "ORG")}
    assert [m.text for m in later.mentions] == ["Vorsal-Sprecher"]
    # Where the article names the person plainly, the compound stays that person's.
    text = "Halvard Brekke schwieg. Die Brekke-Sprecherin wies das zurück."
    named = Article(id="d", title="", text=text, mentions=marked(text, {"Halvard Brekke": "PER"}))
    named.mentions += [replace(m, derived=True) for m in marked(text, {"Brekke-Sprecherin": "ORG"})]
    named.mentions.sort(key=lambda m: m.start)
    normalise(named)
    known.link(named)
    assert [(e.name, e.mention_count) for e in named.entities] == [("Halvard Brekke", 2)]


def test_a_name_with_a_citys_adjective_is_the_known_name_without_it() -> None:
    # Review 158: "Pariser Louvre" (LOC, 4 mentions of October 2025) beside "Louvre" (ORG).
    known = KnownEntities()
    first = _typed("a", "Das Velmuseum öffnet. Das Velmuseum lädt ein.", {"Velmuseum": "ORG"})
    known.link(first)
    later = _typed("b", "Im Pariser Velmuseum brannte es.", {"Pariser Velmuseum": "LOC"})
    known.link(later)
    assert later.entities[0].id == first.entities[0].id
    # One side must have the bare name: two adjectives make two things.
    known = KnownEntities()
    known.link(
        _typed("a", "Die Amerikanische Velrevolution.", {"Amerikanische Velrevolution": "MISC"})
    )
    other = _typed("b", "Die Französische Velrevolution.", {"Französische Velrevolution": "MISC"})
    assert not merge_into(list(known._by_id.values()), other.entities)


def test_a_full_name_in_the_genitive_joins_the_surname_stored_before_it() -> None:
    # Review 158: "Putin" (4 mentions) stayed apart from an article that named only
    # "Wladimir Putins", and so from every later one (22 mentions).
    known = KnownEntities()
    first = _typed("a", "Lindqvist reist nach Oslo.", {"Lindqvist": "PER"})
    known.link(first)
    later = _typed("b", "Die Rede Marta Lindqvists fiel kurz aus.", {"Marta Lindqvists": "PER"})
    known.link(later)
    assert _person(later).id == _person(first).id
    # A surname that ends in s of its own still meets its full name.
    known = KnownEntities()
    first = _typed("a", "Velakis reist ab.", {"Velakis": "PER"})
    known.link(first)
    later = _typed("b", "Dann sprach Nikos Velakis.", {"Nikos Velakis": "PER"})
    known.link(later)
    assert _person(later).id == _person(first).id


def test_a_compound_goes_to_the_person_named_more_often_than_a_thing_of_the_name() -> None:
    """Review 162: February 2026's organisation "Epstein", made of "Epstein-Akten" stored
    before the person, kept later compounds though Jeffrey Epstein was named more often."""
    known = KnownEntities()
    first = "Die Brekke-Akten und die Brekke-Listen sind da."
    known.link(_compounds("a", first, {"Brekke-Akten": "ORG", "Brekke-Listen": "ORG"}))
    person = "Halvard Brekke starb. Halvard Brekke war reich."
    known.link(_tagged("b", person, "Halvard Brekke", "PER"))
    tie = _compounds("c", "Die Brekke-Affäre wächst.", {"Brekke-Affäre": "ORG"})
    known.link(tie)
    # Two mentions each: the person takes it.
    assert [(e.name, e.type) for e in tie.entities] == [("Halvard Brekke", "PER")]
    # A firm named more often than its founder keeps the compound.
    firm = "Der Ramm-Konzern wächst. Der Ramm-Konzern baut. Der Ramm-Konzern zahlt."
    known.link(_compounds("d", firm, {"Ramm-Konzern": "ORG"}))
    known.link(_tagged("e", "Olaf Ramm gründete ihn.", "Olaf Ramm", "PER"))
    later = _compounds("f", "Der Ramm-Chef spricht.", {"Ramm-Chef": "ORG"})
    known.link(later)
    assert [(e.name, e.type) for e in later.entities] == [("Ramm", "ORG")]
    # A "person" of one word is no person named in full: NER typed a party's name PER
    # (May 2026's "Labour").
    party = "Die Velo-Partei wächst. Die Velo-Regierung plant."
    known.link(_compounds("g", party, {"Velo-Partei": "ORG", "Velo-Regierung": "ORG"}))
    known.link(_tagged("h", "Velo sagt. Velo plant. Velo geht.", "Velo", "PER"))
    again = _compounds("i", "Die Velo-Partei wächst.", {"Velo-Partei": "ORG"})
    known.link(again)
    assert [(e.name, e.type) for e in again.entities] == [("Velo", "ORG")]


# Review 171: two stored entities that a later article proves to be one are merged.


def test_an_acronym_and_its_name_stored_apart_become_one_when_an_article_names_both() -> None:
    known = KnownEntities()
    text = "Die VU tagt. Die VU plant. Die VU wartet. Die VU lacht. Die VU geht."
    acronym = _organisations("a", text)
    known.link(acronym)
    name = _organisations("b", "Die Velmarische Union tagt.")
    assert known.link(name) == {}, "letters alone are no evidence"
    both = _organisations("c", "Die Velmarische Union (VU) tagt. Die VU will Zölle senken.")
    merged = known.link(both)
    # The one named more often (the acronym, 5, against the name's 1 + 3) keeps its id;
    # the other's id answers as it, and the whole name names it.
    [(gone, kept)] = merged.items()
    assert (gone, kept.id) == (name.entities[0].id, acronym.entities[0].id)
    assert (kept.name, kept.mention_count) == ("Velmarische Union", 9)
    assert set(kept.aliases) == {"VU"}
    assert [e.id for e in both.entities] == [kept.id], "the article takes the kept id"
    assert len(known) == 1
    later = _organisations("d", "Die Velmarische Union tagt wieder.")
    assert known.link(later) == {}
    assert [(e.id, e.name) for e in later.entities] == [(kept.id, "Velmarische Union")]


def test_a_gone_id_answers_as_the_kept_one_in_a_new_index() -> None:
    """A process started after the merge knows the merge from the store: an article whose
    own id is the gone one takes the kept one."""
    kept = Entity(id="ent_kept", name="Velmarische Union", type="ORG", aliases=["VU"])
    known = KnownEntities([replace(kept, mention_count=5)], {"ent_gone": "ent_kept"})
    article = _organisations("a", "Die VU tagt.")
    article.entities[0].id = "ent_gone"
    for mention in article.mentions:
        mention.entity_id = "ent_gone"
    known.link(article)
    assert [e.id for e in article.entities] == ["ent_kept"]
    assert {m.entity_id for m in article.mentions} == {"ent_kept"}


def test_a_surname_of_another_type_joins_the_person_named_far_more_often() -> None:
    """Review 162's "Epstein": an organisation made of compounds stored before the person;
    an article that names the person in full and by the surname proves them one."""
    known = KnownEntities()
    first = _compounds("a", "Die Brekke-Akten sind da.", {"Brekke-Akten": "ORG"})
    known.link(first)
    people = {"Halvard Brekke": "PER", "Brekke": "PER"}
    text = "Halvard Brekke starb. Brekke war reich. Brekke war bekannt. Brekke schwieg."
    merged = known.link(_typed("b", text, people))
    [(gone, kept)] = merged.items()
    assert gone == first.entities[0].id
    assert (kept.name, kept.type, kept.mention_count) == ("Halvard Brekke", "PER", 5)
    # A name that only folds like the surname is none (March 2026: the coin "Cent" and
    # Joe Kent).
    known = KnownEntities()
    known.link(_tagged("e", "Es kostet einen Cent.", "Cent", "MISC"))
    people = {"Olaf Kent": "PER", "Kent": "PER"}
    text = "Olaf Kent kam. Kent lachte. Kent ging. Kent blieb."
    assert fold("Cent") == fold("Kent") and known.link(_typed("f", text, people)) == {}
    # A firm named more often than a person of its name stays a firm.
    known = KnownEntities()
    firm = "Ramm meldet Gewinne. Ramm baut. Ramm zahlt. Ramm wächst."
    known.link(_tagged("c", firm, "Ramm", "ORG"))
    founder = {"Olaf Ramm": "PER", "Ramm": "PER"}
    assert known.link(_typed("d", "Olaf Ramm gründete die Firma. Ramm lacht.", founder)) == {}


def test_a_surname_two_known_people_share_joins_neither() -> None:
    known = KnownEntities()
    for article_id, text in [
        ("a", "Marta Lindqvist reist."),
        ("b", "Ole Lindqvist reist. Ole Lindqvist lacht."),
        ("c", "Lindqvist schweigt."),
    ]:
        known.link(_article(article_id, text))
    assert len(known) == 3
    assert known.link(_article("d", "Marta Lindqvist lacht. Lindqvist lacht.")) == {}
    assert len(known) == 3
    # Named far more often (three times Ole's), she is whom a bare "Lindqvist" means.
    merged = known.link(_article("e", "Marta Lindqvist singt. Marta Lindqvist tanzt."))
    assert merged == {}, "no article of hers names the surname alone"
    merged = known.link(_article("f", "Marta Lindqvist geht. Lindqvist geht."))
    assert [(e.name, e.mention_count) for e in merged.values()] == [("Marta Lindqvist", 8)]


def _ingest_velmarisch(tmp_path: Path, db: str) -> Options:
    lines = [
        ("1", "Die VU tagt. Die VU plant. Die VU wartet."),
        ("2", "Die Velmarische Union tagt in Oslo."),
        ("3", "Die Velmarische Union (VU) tagt. Die VU will Zölle senken."),
    ]
    (tmp_path / "in.jsonl").write_text(
        "".join(
            json.dumps({"url": f"https://x.example/{n}", "title": "Meldung", "text": t}) + "\n"
            for n, t in lines
        ),
        encoding="utf-8",
    )
    register_marker("test_organisations", ORGANISATIONS)
    options = Options(db=db, pipeline=("sentences", "test_organisations", "entities"))
    with Chronik(options=options) as app:
        app.ingest([str(tmp_path / "in.jsonl")])
    return options


def check_stored_merge(tmp_path: Path, db: str) -> None:
    """The store's side of a merge, for either backend (test_store runs it on PostgreSQL)."""
    options = _ingest_velmarisch(tmp_path, db)
    # The name, 1 + 3 mentions, keeps its id; the acronym's 3 mentions join it.
    gone = entity_id("ORG", fold("VU"))
    with Chronik(options=options) as app:
        [union] = app.entities(type="ORG")
        assert (union.name, union.mention_count, union.aliases) == ("Velmarische Union", 7, ["VU"])
        assert union.id == entity_id("ORG", fold("Velmarische Union"))
        assert app.store.entity_merges() == {gone: union.id}
        assert app.entity(gone).id == union.id, "the gone id answers as the kept one"
        assert app.entity_named("Velmarische Union").id == union.id
        assert len(app.entity_articles(gone)) == 3
        for article in app.articles():  # analysed before the merge, read after it
            assert [e.id for e in article.entities if e.type == "ORG"] == [union.id]
            assert {m.entity_id for m in article.mentions if m.type == "ORG"} == {union.id}
        # The same input again changes nothing; neither does a reanalysis, twice.
        assert app.ingest([str(tmp_path / "in.jsonl")]).unchanged == 3
        assert app.reanalyze().revised == 0
        assert app.reanalyze().revised == 0
        assert [(e.id, e.mention_count) for e in app.entities(type="ORG")] == [(union.id, 7)]
    # A new process: an article that names the whole name alone takes the kept id.
    (tmp_path / "later.jsonl").write_text(
        '{"url": "https://x.example/4", "title": "Meldung", '
        '"text": "Die Velmarische Union tagt wieder."}\n',
        encoding="utf-8",
    )
    with Chronik(options=options) as app:
        app.ingest([str(tmp_path / "later.jsonl")])
        assert [(e.id, e.mention_count) for e in app.entities(type="ORG")] == [(union.id, 8)]
        assert app.store.entity(gone) == app.store.entity(union.id)


def test_the_store_merges_two_entities_an_article_proves_one(tmp_path: Path) -> None:
    check_stored_merge(tmp_path, str(tmp_path / "c.db"))


def test_a_name_of_another_type_merged_into_a_person_may_be_its_own_again() -> None:
    """The organisation "Brekke" of compounds went into the person; a firm named
    "Brekke" in its own right is an entity of its own, under that id, merged no more."""
    known = KnownEntities()
    first = _compounds("a", "Die Brekke-Akten sind da.", {"Brekke-Akten": "ORG"})
    known.link(first)
    people = {"Halvard Brekke": "PER", "Brekke": "PER"}
    text = "Halvard Brekke starb. Brekke war reich. Brekke war bekannt. Brekke schwieg."
    assert list(known.link(_typed("b", text, people))) == [first.entities[0].id]
    firm = _tagged("c", "Brekke meldet Gewinne.", "Brekke", "ORG")
    known.link(firm)
    assert [(e.id, e.name, e.type) for e in firm.entities] == [
        (first.entities[0].id, "Brekke", "ORG")
    ]


BREKKE = {"Brekke-Akten": "ORG", "Halvard Brekke": "PER", "Brekke": "PER"}


@component("test_brekke")
def _brekke(article: Article, options: Options) -> None:
    """NER as the bundled model reads a compound: the whole word, typed ORG, derived."""
    article.mentions = marked(article.text, BREKKE)
    for mention in article.mentions:
        mention.derived = "-" in mention.text


def test_the_store_moves_a_surnames_mentions_of_another_type_to_the_person(
    tmp_path: Path,
) -> None:
    lines = [
        "Die Brekke-Akten sind da.",
        "Halvard Brekke starb. Brekke war reich. Brekke war bekannt. Brekke schwieg.",
    ]
    (tmp_path / "in.jsonl").write_text(
        "".join(
            json.dumps({"url": f"https://x.example/{n}", "title": "Meldung", "text": t}) + "\n"
            for n, t in enumerate(lines)
        ),
        encoding="utf-8",
    )
    options = Options(db=str(tmp_path / "c.db"), pipeline=("sentences", "test_brekke", "entities"))
    with Chronik(options=options) as app:
        app.ingest([str(tmp_path / "in.jsonl")])
        [person] = app.entities()
        assert (person.name, person.type, person.mention_count) == ("Halvard Brekke", "PER", 5)
        gone = entity_id("ORG", fold("Brekke"))
        assert app.store.entity_merges() == {gone: person.id}
        first = next(a for a in app.articles() if "Akten" in a.text)
        # The mention keeps the type NER gave it, as a fresh analysis of the article gives
        # it; the entity is the person's.
        assert [(m.text, m.type, m.entity_id) for m in first.mentions] == [
            ("Brekke-Akten", "ORG", person.id)
        ]
        assert [(e.name, e.type) for e in first.entities] == [("Halvard Brekke", "PER")]
        assert app.reanalyze().revised == 0


def test_an_acronym_of_another_type_joins_the_name_an_article_gives_it_as_its_acronym() -> None:
    """August 2026: "CSD" (ORG) and "Christopher Street Day" (MISC) stored apart; May and
    July 2026: "NRW" (ORG) beside the place Nordrhein-Westfalen."""
    names = {"VU": "ORG", "Velmarische Union": "MISC"}
    known = KnownEntities()
    acronym = _typed("a", "Die VU tagt. Die VU plant. Die VU wartet.", names)
    known.link(acronym)
    known.link(_typed("b", "Die Velmarische Union tagt.", names))
    both = _typed("c", "Die Velmarische Union (VU) tagt. Die VU will mehr.", names)
    [(gone, kept)] = known.link(both).items()
    assert gone == acronym.entities[0].id  # named less often: 3 against 1 + 3
    assert (kept.name, kept.type, kept.mention_count) == ("Velmarische Union", "MISC", 7)
    # A place of the gazetteer stays, whoever is named more often; it keeps its code.
    places = {"NRW": "LOC", "Nordrhein-Westfalen": "LOC"}
    known = KnownEntities()
    known.link(_typed("d", "Die NRW tagt. Die NRW plant. Die NRW wartet.", {"NRW": "ORG"}))
    merged = known.link(_typed("e", "In Nordrhein-Westfalen (NRW) regnet es.", places))
    [(gone, kept)] = merged.items()
    assert (kept.name, kept.type, kept.code) == ("Nordrhein-Westfalen", "LOC", "DE-NW")
    # One name typed two ways is no acronym of another name.
    known = KnownEntities()
    known.link(_typed("f", "Die VU tagt. Die VU plant. Die VU wartet.", {"VU": "ORG"}))
    assert known.link(_typed("g", "Die VU tagt.", {"VU": "MISC"})) == {}
