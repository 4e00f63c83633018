"""Event extraction, story developments and the events export, on hand-made articles.

Mentions, timexes and attributions are written by hand here: that is the contract with the
NER, timex and attribution components, which fill them in the pipeline.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronik.analysis.entities import normalise
from chronik.analysis.event_sentence import CueList, Token, split_clauses, tokenize
from chronik.analysis.events import RuleEventExtractor, get_extractor, register_extractor
from chronik.analysis.pipeline import registered
from chronik.analysis.sentences import split_sentences
from chronik.cli import cli
from chronik.errors import ChronikError
from chronik.export import write_events, write_events_tsv
from chronik.model import (
    Article,
    Attribution,
    Block,
    BlockKind,
    Entity,
    Event,
    Mention,
    Sentence,
    Timex,
    article_from_dict,
)
from chronik.stories.developments import event_rows, story_events, times_compatible

REPO = Path(__file__).resolve().parent.parent


def make_article(
    text: str,
    mentions: list[tuple[str, str]] | None = None,
    timexes: list[tuple[str, str]] | None = None,
    attributions: list[tuple[str, str, str]] | None = None,
    published: str | None = "2024-05-14T09:00:00+00:00",
    article_id: str = "a1",
) -> Article:
    """An article with hand mentions ``(surface, TYPE)`` (``TYPE*`` for a derived one),
    timexes ``(surface, value)`` and attributions ``(sentence part, source, kind)``."""
    article = Article(
        id=article_id,
        title="",
        text=text,
        published=datetime.fromisoformat(published) if published else None,
        sentences=split_sentences(text),
        story_id="s1",
    )
    for surface, kind in mentions or []:
        start = _find(text, surface, [(m.start, m.end) for m in article.mentions])
        derived = kind.endswith("*")
        article.mentions.append(
            Mention(start, start + len(surface), surface, kind.rstrip("*"), None, derived)
        )
    for surface, value in timexes or []:
        start = text.index(surface)
        article.timexes.append(Timex(start, start + len(surface), surface, "DATE", value))
    for part, source, kind in attributions or []:
        start = text.index(part)
        article.attributions.append(Attribution(start, start + len(part), part, source, kind))
    article.mentions.sort(key=lambda m: m.start)
    return article


def _find(text: str, surface: str, taken: list[tuple[int, int]]) -> int:
    start = text.index(surface)
    while any(s <= start < e for s, e in taken):
        start = text.index(surface, start + 1)
    return start


def extract(article: Article) -> list[Event]:
    return RuleEventExtractor().extract(article)


def test_component_is_registered_and_fills_events() -> None:
    article = make_article(
        "Kanzler Albrecht Kessler hat gestern den Präsidenten Rui Maia in Lissabon getroffen.",
        [("Albrecht Kessler", "PER"), ("Rui Maia", "PER"), ("Lissabon", "LOC")],
    )
    from chronik.options import Options

    registered()["events"](article, Options())
    [event] = article.events
    assert (event.type, event.code, event.modality) == ("meet", "040", "happened")
    assert event.actor_names == ["Albrecht Kessler", "Rui Maia"]
    assert event.location == "Lissabon"
    assert event.time == "2024-05-14"  # happened, no date in the sentence: the publication date


def test_planned_event_takes_the_date_in_the_sentence() -> None:
    article = make_article(
        "Die Ministerin Jana Holm wird am Freitag den Hafen von Gdansk besuchen.",
        [("Jana Holm", "PER"), ("Gdansk", "LOC")],
        timexes=[("am Freitag", "2024-05-17")],
    )
    [event] = extract(article)
    assert (event.type, event.code, event.modality, event.time) == (
        "meet",
        "042",
        "planned",
        "2024-05-17",
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a hyphenated first name or compound is part of the subject after the finite verb
        # (review 163: the named subject had been the target of its own demand)
        (
            "In der Debatte hat Bundespräsident Hans-Peter Kessler ein faires Verfahren gefordert.",
            "Hans-Peter Kessler",
        ),
        ("Am Montag hat Ex-Ministerin Jana Holm den Rücktritt von Marek gefordert.", "Jana Holm"),
    ],
)
def test_a_hyphenated_word_of_the_subject_after_the_verb(text: str, name: str) -> None:
    names = [(name, "PER")] + ([("Marek", "PER")] if "Marek" in text else [])
    [demand] = extract(make_article(text, names))
    assert dict(zip(demand.actor_names, demand.roles, strict=True))[name] == "agent"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a passive's subject is who is asked, and acts (review 220: the protest had had
        # no party)
        (
            "Zudem wurden Kessler und Marek dazu aufgerufen, vor dem Gericht zu protestieren.",
            ["Kessler", "Marek"],
        ),
        # the active's asker does not
        ("Zudem hat Holm die Mitglieder dazu aufgerufen, vor dem Gericht zu protestieren.", []),
    ],
)
def test_who_a_passive_asks_to_act_acts(text: str, names: list[str]) -> None:
    people = [(n, "PER") for n in ("Kessler", "Marek", "Holm") if n in text]
    events = {e.type: e for e in extract(make_article(text, people))}
    assert events["protest"].actor_names == names, text


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # who acts in an attribute's participle is no party of the clause's event, also a
        # weak participle simplemma keeps as it is and names joined by "und" (review 219:
        # the Nordbund had been a critic)
        (
            "Der Ökonom Holm kritisierte die von der Nordbund geplante Reform scharf.",
            {"Holm": "agent"},
        ),
        (
            "Holm kritisiert die von Nordbund und Südrat beschlossene Maßnahme massiv.",
            {"Holm": "agent"},
        ),
        # where the participle is the event's own, the "von" acts
        ("Die von Nordbund kritisierte Reform tritt heute in Kraft.", {"Nordbund": "agent"}),
    ],
)
def test_a_participle_s_von_is_not_the_clause_s_agent(text: str, roles: dict[str, str]) -> None:
    people = [("Holm", "PER")] if "Holm" in text else []
    orgs = [(n, "ORG") for n in ("Nordbund", "Südrat") if n in text]
    events = extract(make_article(text, people + orgs))
    event = next(e for e in events if e.type in {"criticize", "attack"})
    assert dict(zip(event.actor_names, event.roles, strict=True)) == roles, text


@pytest.mark.parametrize(
    "text",
    [
        # a span of time before "nach" or "vor" opens a phrase of time, not the subject
        # (review 224: the critic had been the target)
        "Fünf Tage nach der Festnahme hat Holm das Vorgehen der Nordbund erstmals kritisiert.",
        "Wenige Stunden vor dem Gipfel hat Holm die Nordbund scharf kritisiert.",
        # as a word of time before them does
        "Kurz vor dem Gipfel hat Holm die Nordbund scharf kritisiert.",
    ],
)
def test_a_span_of_time_first_is_no_subject(text: str) -> None:
    events = extract(make_article(text, [("Holm", "PER"), ("Nordbund", "ORG")]))
    event = next(e for e in events if e.type == "criticize")
    assert dict(zip(event.actor_names, event.roles, strict=True)) == {
        "Holm": "agent",
        "Nordbund": "target",
    }, text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # who comes under fire is its target (review 224: the town had fired)
        ("Auch die Hauptstadt Nordbund geriet wieder unter Beschuss.", "target"),
        ("Am Abend ist die Stadt Nordbund erneut unter Beschuss geraten.", "target"),
        # who takes something under fire acts
        ("Am Abend nahm Nordbund die Stellungen unter Beschuss.", "agent"),
    ],
)
def test_who_comes_under_fire_is_its_target(text: str, role: str) -> None:
    events = extract(make_article(text, [("Nordbund", "ORG")]))
    event = next(e for e in events if e.type == "attack")
    assert dict(zip(event.actor_names, event.roles, strict=True)) == {"Nordbund": role}, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a participle before its noun in a preposition's phrase is no finite verb
        # (review 220: "um mutmaßlich veruntreute EU-Gelder" had put the subject there)
        ("In den vergangenen Monaten weitete Nordbund die Angriffe aus.", "attack"),
        (
            "Nach der vereinbarten Waffenruhe nimmt die Nordbund ihre Gespräche wieder auf.",
            "negotiate",
        ),
        # a verb after a name stays the finite one
        ("Am Montag griff Nordbund die Stadt an.", "attack"),
    ],
)
def test_a_participle_in_a_phrase_is_no_finite_verb(text: str, kind: str) -> None:
    events = extract(make_article(text, [("Nordbund", "ORG")]))
    event = next(e for e in events if e.type == kind)
    assert dict(zip(event.actor_names, event.roles, strict=True)) == {"Nordbund": "agent"}, text


def test_a_person_after_mit_on_an_attack_noun_is_the_verb_s_partner() -> None:
    # "nach dem Angriff mit dem Präsidenten X ... telefoniert": the call's partners, not the
    # attack's targets (review 220: the call had had none); a weapon stays the attack's
    text = (
        "Holm gab an, nach dem Angriff mit dem Präsidenten Kessler und Marek telefoniert zu haben."
    )
    names = [("Holm", "PER"), ("Kessler", "PER"), ("Marek", "PER")]
    events = {e.type: e for e in extract(make_article(text, names))}
    assert events["meet"].actor_names == ["Holm", "Kessler", "Marek"]
    assert events["attack"].actor_names == []
    text = "Nach dem Angriff mit Drohnen auf Tarvo hat Holm mit Kessler telefoniert."
    names = [("Tarvo", "LOC"), ("Holm", "PER"), ("Kessler", "PER")]
    events = {e.type: e for e in extract(make_article(text, names))}
    assert (events["attack"].location, events["meet"].actor_names) == ("Tarvo", ["Holm", "Kessler"])


@pytest.mark.parametrize(
    ("text", "roles", "place"),
    [
        # what is demanded after "pochen auf" is no place, so its genitive is the target
        # (review 220: the USA had been the place)
        ("Nordland pocht auf Zugeständnisse der Regierung Belvariens.", ["agent", "target"], None),
        ("Nordland dringt auf ein Einlenken der Regierung Belvariens.", ["agent", "target"], None),
        # a place of its own is still one
        ("Nordland pocht in Tarvo auf Zugeständnisse.", ["agent"], "Tarvo"),
    ],
)
def test_what_a_demand_insists_on_is_no_place(
    text: str, roles: list[str], place: str | None
) -> None:
    names = [
        (n, "LOC")
        for n in ("Nordland", "Belvariens", "Belvarien", "Tarvo")
        if f"{n} " in f"{text[:-1]} "
    ]
    [demand] = extract(make_article(text, names))
    assert (demand.roles, demand.location) == (roles, place), text


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a country's compound is the subject after the finite verb (review 220: the
        # Nordland forces had been the target of their own seizure)
        (
            "Am Freitag hatten Nordland-Streitkräfte einen Frachter aus Belvarien beschlagnahmt.",
            ["agent", "target"],
        ),
        (
            "Im Hafen beschlagnahmten die Nordland-Streitkräfte einen Tanker aus Belvarien.",
            ["agent", "target"],
        ),
        # after a noun it opens a phrase of its own: "Zöllner" is the subject
        ("Im Hafen beschlagnahmten Zöllner Nordland-Tanker aus Belvarien.", ["target", "target"]),
    ],
)
def test_a_country_s_compound_after_the_verb_is_the_subject(text: str, roles: list[str]) -> None:
    names = [(text[text.index("Nordland") : text.index(" ", text.index("Nordland"))], "LOC*")]
    [seizure] = extract(make_article(text, [*names, ("Belvarien", "LOC")]))
    assert seizure.roles == roles, text


@pytest.mark.parametrize(
    "text",
    [
        # "sowohl X als auch Y" and a numeral's phrase are whole subjects after the verb
        # (review 182: Belvarien, and the four named after "die vier", had been targets)
        "Am Montag griffen sowohl Nordland als auch Belvarien die Stadt Tarvo an.",
        "Am Montag griffen die vier Nachbarn Nordland und Belvarien die Stadt Tarvo an.",
    ],
)
def test_a_coordinated_or_counted_subject_after_the_verb_acts_whole(text: str) -> None:
    places = [(name, "LOC") for name in ("Nordland", "Belvarien", "Tarvo")]
    [attack] = extract(make_article(text, places))
    assert attack.roles == ["agent", "agent", "target"], text


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # what one prepares for is still to come (review 163: the strikes had happened)
        ("Passagiere der Fluglinie müssen sich auf weitere Streiks einstellen.", "planned"),
        ("Tarvo bereitet sich auf den Staatsbesuch von Kessler vor.", "planned"),
        # who stops the strikes stops what took place
        ("Die Gewerkschaft hat die Streiks eingestellt.", "happened"),
        # what a past clause prepared for may have come since
        ("Tarvo hatte sich auf die Angriffe nicht vorbereitet.", "unspecified"),
    ],
)
def test_what_one_prepares_for_is_still_to_come(text: str, modality: str) -> None:
    names = [(n, k) for n, k in (("Tarvo", "LOC"), ("Kessler", "PER")) if n in text]
    [event] = extract(make_article(text, names))
    assert event.modality == modality


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # rockets beside fireworks are no weapons (review 163: an arms delivery)
        ("Die Firmen haben den Märkten Raketen, Böller und Feuerwerksbatterien geliefert.", []),
        ("Nordland hat Tarvo Raketen und Panzer geliefert.", ["arms"]),
    ],
)
def test_rockets_beside_fireworks_are_no_weapons(text: str, types: list[str]) -> None:
    names = [(n, "LOC") for n in ("Nordland", "Tarvo") if n in text]
    assert [e.type for e in extract(make_article(text, names))] == types


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # an agreement terminated is none made (review 163: the bank's agreement)
        ("Die Nordbank hat einen Vertrag mit dem Verband der Händler gekündigt.", []),
        ("Nordland kündigt das Abkommen mit Tarvo auf.", []),
        # with "an" the verb announces one
        ("Nordland kündigt ein Abkommen mit Tarvo an.", ["agree"]),
    ],
)
def test_an_agreement_terminated_is_none_made(text: str, types: list[str]) -> None:
    names = [
        (n, k) for n, k in (("Nordbank", "ORG"), ("Nordland", "LOC"), ("Tarvo", "LOC")) if n in text
    ]
    assert [e.type for e in extract(make_article(text, names))] == types


def test_a_noun_told_as_taken_place_takes_no_date_still_to_come() -> None:
    # the Friday is the summit's, which the clause plans; the attack after "nach" took
    # place, on the publication day as far as the sentence says (review 163: Friday; "nach
    # einem", as "nach dem" refers back to an earlier day since review 211)
    text = (
        "Nach einem tödlichen Angriff in Tarvo hat die Bahn für Freitag zu einem Gipfel in "
        "Belvo eingeladen."
    )
    mentions = [("Tarvo", "LOC"), ("Belvo", "LOC")]
    events = extract(make_article(text, mentions, timexes=[("für Freitag", "2024-05-17")]))
    found = {e.type: (e.modality, e.time) for e in events}
    assert found == {"attack": ("happened", "2024-05-14"), "meet": ("announced", "2024-05-17")}
    # outside a phrase of time a day to come stays: the truce declared is for that day
    text = "Nordland hat für den 18. Mai eine Waffenruhe ausgerufen."
    timexes = [("für den 18. Mai", "2024-05-18")]
    [truce] = extract(make_article(text, [("Nordland", "LOC")], timexes=timexes))
    assert truce.time == "2024-05-18"


_TWO = [("Kessler", "PER"), ("Marek", "PER")]


@pytest.mark.parametrize(
    ("sentence", "mentions", "expected"),
    [
        (
            "Nach Angaben der Regierung soll Kanzler Kessler im Juni nach Rom reisen und "
            "Präsidentin Lia Conti treffen.",
            [("Kessler", "PER"), ("Rom", "LOC"), ("Lia Conti", "PER")],
            ("meet", "announced"),
        ),
        (
            "Beobachter befürchten, dass Tarvonien Raketen an Belvarien liefern könnte.",
            [("Tarvonien", "LOC"), ("Belvarien", "LOC")],
            ("arms", "speculated"),
        ),
        (
            "Die Regierung von Tarvonien hat jede Waffenlieferung an Belvarien dementiert.",
            [("Tarvonien", "LOC"), ("Belvarien", "LOC")],
            ("arms", "denied"),
        ),
        (
            "Der Minister Ole Berg deutete an, dass Norwegen den Fischern helfen könnte.",
            [("Ole Berg", "PER"), ("Norwegen", "LOC")],
            ("aid", "suggested"),
        ),
        (
            "Die Polizei hat in Kassel zwei Männer festgenommen.",
            [("Kassel", "LOC")],
            ("arrest", "happened"),
        ),
        (
            # Its own trigger is no denial cue: the court's rejection happened.
            "Das Gericht in Kassel hat die Anträge von Ole Berg zurückgewiesen.",
            [("Kassel", "LOC"), ("Ole Berg", "PER")],
            ("reject", "happened"),
        ),
        (
            "Die Regierung von Tarvonien hat die Berichte dementiert.",
            [("Tarvonien", "LOC")],
            ("deny", "happened"),
        ),
        # What a clause says did not or will not happen is denied, whoever says it.
        (
            "Tarvonien und Belvarien haben sich nicht geeinigt.",
            [("Tarvonien", "LOC"), ("Belvarien", "LOC")],
            ("agree", "denied"),
        ),
        ("Keine Einigung zwischen Tarvonien und Belvarien", [], ("agree", "denied")),
        (
            "Tarvonien liefert vorerst keine Panzer an Belvarien.",
            [("Tarvonien", "LOC"), ("Belvarien", "LOC")],
            ("arms", "denied"),
        ),
        ("Das Treffen von Kessler und Marek fand nicht statt.", [], ("meet", "denied")),
        # a negated word or place is no negated event
        (
            "Kessler hat Marek nicht nur in Rom getroffen.",
            [("Kessler", "PER"), ("Marek", "PER"), ("Rom", "LOC")],
            ("meet", "happened"),
        ),
        (
            'Kessler verurteilte den Schritt als "nicht akzeptabel".',
            [("Kessler", "PER")],
            ("criticize", "happened"),
        ),
        (
            "Das Treffen wird nicht im Rahmen des Forums in Rom stattfinden.",
            [("Rom", "LOC")],
            ("meet", "planned"),
        ),
        ("Beim Treffen von Kessler und Marek wurde nicht gestritten.", [], ("meet", "happened")),
        (
            "Ein Treffen von Kessler und Marek ist nicht ausgeschlossen.",
            [],
            ("meet", "speculated"),
        ),
        # what a past verb's subject did, it did; a cancelled or postponed one is not past
        ("Der Angriff ließ die Fenster einer Klinik zerbersten.", [], ("attack", "happened")),
        ("Das Treffen der Minister brachte keine Lösung.", [], ("meet", "happened")),
        ("Das Treffen der Minister ist wichtig.", [], ("meet", "unspecified")),
        ("Das Treffen der Minister wurde abgesagt.", [], ("meet", "denied")),
        ("Das Treffen der Minister wurde auf Juni verschoben.", [], ("meet", "planned")),
        ("Die Wahl ging besser aus als von vielen erwartet.", [], ("elect", "happened")),
        # a modal's present is no past: "soll" is not "traf"
        ("Bei dem Treffen soll es um die Ukraine gehen.", [], ("meet", "unspecified")),
        # a verb that says the noun's event took place or goes on ("fort", "weiter")
        ("Die Armee setzte die Angriffe auf die Stadt fort.", [], ("attack", "happened")),
        ("Die Angriffe auf die Stadt gehen weiter.", [], ("attack", "happened")),
        ("Die Proteste im Land halten an.", [], ("protest", "happened")),
        ("Die Partei hat die Wahl klar gewonnen.", [], ("elect", "happened")),
        ("Die Partei will die Wahl gewinnen.", [], ("elect", "planned")),
        # what someone is reported to want, or wanted, is no more than planned (review 56)
        ("Kessler wolle die Wahl gewinnen.", [], ("elect", "planned")),
        ("Kessler wollte die Wahl gewinnen.", [], ("elect", "planned")),
        ("Dabei gerieten die Soldaten unter Beschuss.", [], ("attack", "happened")),
        ("Unbekannte haben einen Anschlag auf die Bahnlinie verübt.", [], ("attack", "happened")),
        ("Kessler ist eine Einigung mit Marek gelungen.", [], ("agree", "happened")),
        ("Kessler hatte das Treffen der Minister geleitet.", [], ("meet", "happened")),
        # "einigen" beside "sich" is the verb, not the pronoun "einige"
        ("Nordland und Südland einigen sich auf ein Abkommen.", [], ("agree", "happened")),
        # a list's commas do not end the clause whose verb comes after it
        (
            "Bei einem Treffen in Rom haben die Minister von Nordland, Südland und Ostland "
            "eine Initiative gestartet.",
            [],
            ("meet", "happened"),
        ),
        # what a phrase is "wegen" or "trotz" took place; a headline's "bei" too
        ("Wegen des Streiks fallen viele Flüge aus.", [], ("protest", "happened")),
        ("Trotz der Einigung bleibt die Lage unklar.", [], ("agree", "happened")),
        # weakly: the noun's own cue outranks it, whatever the clause's verb
        ("Angesichts des geplanten Treffens ist es wichtig, zu reden.", [], ("meet", "planned")),
        ("Tote bei schweren Angriffen auf die Hafenstadt", [], ("attack", "happened")),
        ("Bei einem Treffen mit Marek will Kessler Zölle ansprechen.", [], ("meet", "unspecified")),
        (
            "Bei heftigen Kämpfen und schweren Luftangriffen sind viele Menschen getötet worden.",
            [],
            ("attack", "happened"),
        ),
        # in reported speech a Konjunktiv II tells, it does not speculate (review 61)
        (
            '"Die Minister hätten sich in Riga getroffen", sagte Ole Berg.',
            [("Riga", "LOC"), ("Ole Berg", "PER")],
            ("meet", "happened"),
        ),
        ("Die Minister hätten sich in Riga getroffen.", [("Riga", "LOC")], ("meet", "speculated")),
        # a perfect's participle without "ge" (review 61)
        ("Ein Cyberangriff hat Störungen verursacht.", [], ("attack", "happened")),
        ("Der Mann wurde in Riga verhaftet.", [("Riga", "LOC")], ("arrest", "happened")),
        # a weak participle simplemma keeps as it is, no infinitive (review 188)
        ("Heute wird der Flughafen in Riga bestreikt.", [("Riga", "LOC")], ("protest", "happened")),
        # a noun's support verb in the past: taken part in, carried out (review 82)
        ("An der Kundgebung nahmen viele Bauern teil.", [], ("protest", "happened")),
        ("Die Armee hat mehrere Angriffe ausgeführt.", [], ("attack", "happened")),
        # what is ruled out will not be; what is not ruled out may be (review 82)
        ("Der Präsident hat ein Abkommen mit Nordland ausgeschlossen.", [], ("agree", "denied")),
        ("Der Präsident schloss Verhandlungen mit Nordland aus.", [], ("negotiate", "denied")),
        ("Ein Treffen ist nicht ausgeschlossen.", [], ("meet", "speculated")),
        # a past "sein" as the clause's only verb: the event was (review 82)
        ("Der Angriff auf die Stadt war der schwerste seit Jahren.", [], ("attack", "happened")),
        ("Es sei ein Treffen mit Licht und Schatten gewesen.", [], ("meet", "happened")),
        ("Ziel der Angriffe waren Brücken.", [], ("attack", "happened")),
        ("Das Treffen war für Montag geplant.", [], ("meet", "planned")),
        ("Vor dem Treffen war der Minister zuversichtlich.", [], ("meet", "unspecified")),
        ("Im neuen Abkommen war davon keine Rede.", [], ("agree", "unspecified")),
        # a bracket of one or two words stays in its clause (review 82)
        ("Die Armee hat mit Angriffen auf die Front (NF) begonnen.", [], ("attack", "happened")),
        # review 156: no agreement was reached; a hope; shots fired; an end called for
        ("Nordland hofft auf eine baldige Einigung.", [], ("agree", "speculated")),
        ("Leise Hoffnung auf ein Treffen", [], ("meet", "speculated")),
        ("Eine Einigung gilt als unwahrscheinlich.", [], ("agree", "speculated")),
        ("Vor dem Rathaus sind Schüsse gefallen.", [], ("attack", "happened")),
        ("Am Abend wurden Schüsse abgegeben.", [], ("attack", "happened")),
        # review 159: a modal's Konjunktiv II is no past, a perfect infinitive is
        ("Beim Treffen mit Kessler dürfte es um Zölle gehen.", [], ("meet", "speculated")),
        ("Bei dem Angriff dürften viele Menschen getötet worden sein.", [], ("attack", "happened")),
        ("Der Angriff dürfte der schwerste gewesen sein.", [], ("attack", "happened")),
        # review 159: a question's present asserts no occasion, its past does; it
        # presupposes a criticism
        ("Wo treffen sich Kessler und Marek?", _TWO, ("meet", "unspecified")),
        ("Warum wird Kessler so hart kritisiert?", _TWO[:1], ("criticize", "happened")),
        ("Warum haben sich Kessler und Marek getroffen?", _TWO, ("meet", "happened")),
        # review 159: an election competed for is still to come
        ("Bei der Landtagswahl ringen die Parteien um den Wahlsieg.", [], ("elect", "planned")),
        ("Bei der Wahl kämpften die Parteien um den Sieg.", [], ("elect", "happened")),
        # review 211: the noun "Möglichkeiten" is no hedge, the adjective is
        ("Die Bauern fordern mehr Möglichkeiten beim Export.", [], ("demand", "happened")),
        ("Ein Angriff auf die Stadt ist möglich.", [], ("attack", "speculated")),
    ],
)
def test_modality(
    sentence: str, mentions: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    events = extract(make_article(sentence, mentions))
    assert [(e.type, e.modality) for e in events] == [expected]


@pytest.mark.parametrize(
    ("text", "timexes", "expected"),
    [
        # an article that asks what to expect previews the day's occasion (review 159)
        (
            "Kessler und Marek kommen in Rom zusammen. Was ist zu erwarten?",
            [],
            [("meet", "planned", None)],
        ),
        # one that plans an event of the type for the day does too
        (
            "Kessler und Marek kommen in Rom zusammen. Heute soll es ein weiteres Treffen geben.",
            [("Heute", "2024-05-14")],
            [("meet", "planned", None), ("meet", "planned", "2024-05-14")],
        ),
        # a ticker's clock time is no plan for the day
        (
            "22:24 Uhr - Kessler will sich mit Marek treffen. Kessler und Marek kommen in "
            "Rom zusammen.",
            [("22:24 Uhr", "2024-05-14T22:24")],
            [("meet", "planned", "2024-05-14T22:24"), ("meet", "happened", "2024-05-14")],
        ),
        # without either, the present tells it as under way
        (
            "Kessler und Marek kommen in Rom zusammen. Was ist passiert?",
            [],
            [("meet", "happened", "2024-05-14")],
        ),
        # a past stays past
        (
            "Kessler und Marek haben sich in Rom getroffen. Was ist zu erwarten?",
            [],
            [("meet", "happened", "2024-05-14")],
        ),
    ],
)
def test_a_preview_tells_the_day_s_occasion_as_planned(
    text: str, timexes: list[tuple[str, str]], expected: list[tuple[str, str, str | None]]
) -> None:
    names = [("Kessler", "PER"), ("Marek", "PER"), ("Rom", "LOC")]
    events = extract(make_article(text, names, timexes=timexes))
    assert [(e.type, e.modality, e.time) for e in events] == expected


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        ("Die Regierung will noch heute eine Entscheidung treffen.", []),
        ("Der Plan von Kanzler Kessler trifft auf Widerstand.", []),
        ("Kanzler Kessler trifft am Abend Präsident Ivo Marek.", ["meet"]),
        ("Ein Gericht hat Jens Albers zu drei Jahren Haft verurteilt.", ["arrest"]),
        # a sense's word counts as a word or a compound's head, not as another word's end
        ("Die Parteien der Bürgerschaft haben den Angriff verurteilt.", ["attack", "criticize"]),
        ("Die Regierung hat den Anschlag scharf verurteilt.", ["attack", "criticize"]),
        ("Eine Drohne traf in der Nacht ein Wohnhaus in Lemberg.", ["attack"]),
        ("Der Schäfer wurde von einem Blitz getroffen.", []),
        ("Zwei Stürmer trafen gegen Portugal.", []),
        ("Die Zölle würden die Winzer hart treffen.", []),
        ("Die Elf bestreitet am Samstag ihr letztes Heimspiel.", []),
        ("Die Firma bestreitet die Vorwürfe.", ["deny"]),
        ("Das Land steht vor großen Herausforderungen.", []),
        # hit, affected, arrived or true: no meeting
        ("Auch ein Kindergarten wurde getroffen.", []),
        ("Betroffen waren die Hauptstadt und das Umland.", []),
        ("Später traf auch die Delegation in Kairo ein.", []),
        ("Der Hurrikan ist an der Küste auf Land getroffen.", []),
        ("Die Beschreibung trifft auf den Fall nicht zu.", []),
        ("Kessler und Marek haben sich in Rom getroffen.", ["meet"]),
        # a ceasefire one side declares is no agreement (review 156)
        ("Marek ignoriert die einseitige Waffenruhe.", []),
        ("Die von Tarvonia einseitig ausgerufene Waffenruhe hielt.", []),
        ("Tarvonia und Belvaria haben eine Waffenruhe vereinbart.", ["agree"]),
        # shots or an attack that hit someone, a strike on a refinery: an attack; what
        # sanctions, tariffs or "es" hit is affected, not met; a noun in a prepositional
        # phrase is no subject
        ("Tödliche Schüsse trafen Ivo Marek aus nächster Nähe.", ["attack"]),
        ("Ruritanien trifft eine Raffinerie in Bordurien.", ["attack"]),
        ("In Bordurien wurde eine Raffinerie getroffen.", []),  # a bare passive, as above
        ("Die Sanktionen dürften vor allem Ruritanien treffen.", ["sanction"]),
        ("Die neuen Zölle treffen auch Bordurien.", []),
        ("Nun trifft es auch Ruritanien.", []),
        ("Nach den Sanktionen traf Kessler Marek in Rom.", ["sanction", "meet"]),
        ("Wegen der Krise traf Kessler am Montag Marek.", ["meet"]),
        ("Es trafen sich Kessler und Marek in Rom.", ["meet"]),
        # a place, a genitive or another verb's part is no subject or object (review 51)
        ("Kessler traf Marek in einem Kraftwerk bei Rom.", ["meet"]),
        ("Kessler traf die Beschäftigten des Kraftwerks.", ["meet"]),
        ("Kessler traf sich in der Raffinerie mit Marek.", ["meet"]),
        ("Ruritanien traf das Kraftwerk mit voller Wucht.", ["attack"]),  # review 52
        ("Die Krise trifft Ruritanien mit voller Wucht.", []),  # review 53
        ("Ruritanien hat es stark getroffen.", []),
        # an "es" of another verb (review 54)
        ("Kessler traf am Montag in Rom mit Marek zusammen und es ging um Geld.", ["meet"]),
        ("Die Zölle schaden, weil es vor allem Ruritanien und Bordurien trifft.", []),  # review 55
        ("Die Opfer der Dürre trafen Kessler in Rom.", ["meet"]),
        ("Die Gegner der Sanktionen trafen sich in Rom.", ["sanction", "meet"]),
        ("Kessler will es wissen und trifft Marek am Montag.", ["meet"]),
        ("Ein Schuss traf Ivo Marek.", ["attack"]),  # simplemma's lemma: "Schuß"
        # a topic's word counts anywhere in the clause, the other verb's part too
        (
            "Ein Gericht verurteilte Kessler wegen Betrugs und verhängte eine Geldstrafe.",
            ["arrest"],
        ),
        # weapons laid down are a ceasefire agreed, not weapons dealt in
        ("Die beiden Länder einigten sich auf eine Waffenruhe.", ["agree"]),
        ("Regierung und Rebellen haben ein Waffenstillstandsabkommen erzielt.", ["agree"]),
        # idioms: proposed, considered, a verdict read out
        ("Die Ministerin bringt eine Reform ins Gespräch.", []),
        ("Eine Reform ist im Gespräch.", []),
        ("Der Konzern ist mit der Agentur im Gespräch über Kurzarbeit.", ["negotiate"]),
        ("Das Urteil soll im Juni verkündet werden.", []),
        ("Die beiden Länder einigten sich auf Waffenlieferungen.", ["arms"]),
        # a participle before its noun is an adjective, not the verb: one event, the noun's
        ("Die Waffen ruhten auch während vereinbarter Feuerpausen nicht.", ["agree"]),
        # a trigger that is only the end of another word is none; a compound's head is one
        ("Bei der Straßenreinigung gab es 13 Infizierte.", []),
        ("Seit der Wiedervereinigung wuchs die Stadt.", []),
        ("Das ist für Kanzler Kessler ein Ideal.", []),
        ("Die Anforderungen an die Firma steigen.", []),
        ("Wir waren von Anfang an im Hintertreffen.", []),
        ("Kessler sprach mit Marek bei einem Vieraugengespräch.", ["negotiate"]),
        ("Das Gipfeltreffen von Kessler und Marek fand statt.", ["meet"]),
        # "Bedrohung" is mostly a danger, not a threat made (review 80 and 82); "Drohung" is one
        ("Die Bedrohung durch Rebellen wächst.", []),
        ("Wegen der wachsenden Bedrohung plant die Regierung neue Kasernen.", []),
        ("Die Drohung der Rebellen wirkt.", ["threaten"]),
        # a risk that looms is no threat; a threat with something is
        ("Dem Konzern droht ein Bußgeld.", []),
        ("Kessler droht Marek mit der Todesstrafe.", ["threaten"]),
        # people who run into each other meet no one
        ("So treffen beim Wechsel weniger Menschen aufeinander.", []),
        # a player who scored met no one (review 47); football's words count whole, not
        # as a compound's end, and a meeting said twice still is one (review 48)
        ("Der eingewechselte Ivo Marek traf zweimal.", []),
        ("Ivo Marek traf per Kopfball.", []),
        ("Kessler traf Marek zweimal.", ["meet"]),
        ("Kessler traf Marek wegen eines Interessenausgleichs.", ["meet"]),
        ("Kessler traf Marek für einen Ausgleich im Streit.", ["meet"]),
        # how or to what score he scored: with "mit", not someone met
        ("Ivo Marek traf mit einem Kopfball zum 1:0.", []),
        ("Ivo Marek traf zum 2:1.", []),
        ("Ivo Marek traf per Abstauber zur 2:0-Führung.", []),
        ("Ivo Marek traf zum Ausgleich.", []),
        ("Kessler traf Marek zum ersten Mal.", ["meet"]),
        ("Kessler traf mit dem Kopf der Delegation Marek zusammen.", ["meet"]),
        ("Kessler traf sich zum 1:1 mit Marek.", ["meet"]),
        ("Kessler traf Marek zum Anschluss an den Gipfel.", ["meet"]),  # review 57
        # a verb that opens a question is no noun: "Trifft" is no "Treffen"
        ("Trifft es die Falschen?", []),
        ("Treffen in Rom: Kessler berät.", ["meet"]),
        ("Anschläge auf Lemberg.", ["attack"]),
        # results or a view delivered are no aid; goods are
        ("Die Regierung muss endlich Ergebnisse liefern.", []),
        ("Einen Blick auf die Zukunft liefert die neue Studie.", []),
        ("Ruritanien liefert Bordurien Hilfsgüter.", ["aid"]),
        # a stance backed or a quality shown is no aid and no protest (review 80)
        ("Kessler unterstützt den Vorschlag von Marek.", []),
        ("Die Petition wurde in Ruritanien von vielen Bürgern unterstützt.", []),
        # a decimal comma ends no clause: the petition stays the verb's subject
        ("Die Petition wurde in Ruritanien von 3,25 Millionen Bürgern unterstützt.", []),
        ("Ruritanien unterstützt Bordurien mit Geld.", ["aid"]),
        ("Kessler will in Rom Geschlossenheit demonstrieren.", []),
        ("Bordurien demonstriert militärische Stärke.", []),
        ("Tausende demonstrieren in Rom für Einigkeit.", ["protest"]),
        # a noun that names something else is no event of its own (review 82)
        ("Kessler bezeichnete den Zustrom als „Angriff“ auf das Land.", []),
        ("Marek wertet die Wahl als Aufforderung an Kessler.", ["elect"]),
        ("Marek sieht darin einen Angriff auf die Verfassung.", []),
        (
            "Kessler verurteilte den Beschuss als Angriff auf die Souveränität.",
            ["criticize", "attack"],
        ),
        ("Kessler sieht nach dem Angriff keine Lösung.", ["attack"]),
    ],
)
def test_verb_senses(sentence: str, types: list[str]) -> None:
    # The names as NER finds them: an everyday verb's event needs a party or a place.
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    assert [e.type for e in extract(make_article(sentence, names))] == types


_NAMES = {"Kessler": "PER", "Marek": "PER", "Ruritanien": "LOC", "Bordurien": "LOC"}
_NAMES |= {"Lemberg": "LOC", "Rom": "LOC"}


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # the bare definite noun names the one-sided truce again (review 159)
        (
            "Ruritanien wirft Bordurien vor, die von Ruritanien einseitig ausgerufene "
            "Waffenruhe zu ignorieren. Bordurien habe die Waffenruhe gebrochen.",
            [],
        ),
        # and so does the bare definite noun of another word for it (review 163)
        (
            "Ruritanien hat eine einseitige Waffenruhe ausgerufen. Bordurien habe die "
            "Feuerpause in der Nacht gebrochen.",
            [],
        ),
        (
            "Die von Ruritanien einseitig ausgerufene Osterwaffenruhe ist vorbei. Der "
            "Waffenstillstand hielt nicht.",
            [],
        ),
        # an indefinite or a qualified noun may be another
        (
            "Ruritanien hat eine einseitige Waffenruhe ausgerufen. Bordurien hatte "
            "ebenfalls eine Waffenruhe angekündigt.",
            ["agree"],
        ),
        (
            "Ruritanien hat eine einseitige Waffenruhe ausgerufen. Später haben Ruritanien "
            "und Bordurien die vereinbarte Waffenruhe unterzeichnet.",
            ["agree"],
        ),
        # without a one-sided one before, the truce is one
        ("Bordurien habe die Waffenruhe gebrochen.", ["agree"]),
    ],
)
def test_a_one_sided_agreement_named_again(text: str, types: list[str]) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in text]
    # the accusation is a criticism of its own (review 199)
    events = extract(make_article(text, names))
    assert [e.type for e in events if e.type == "agree"] == types


def test_who_a_reported_claim_names_acts_not_the_reporter() -> None:
    for sentence in (
        "Ole Berg sagte, Ivo Marek habe Jan Kessler in Oslo getroffen.",
        "Ivo Marek habe Jan Kessler in Oslo getroffen, sagte Ole Berg.",
    ):
        people = [("Ole Berg", "PER"), ("Ivo Marek", "PER"), ("Jan Kessler", "PER")]
        [event] = extract(make_article(sentence, [*people, ("Oslo", "LOC")]))
        assert event.actor_names == ["Ivo Marek", "Jan Kessler"], sentence


def _with_ids(article: Article) -> Article:
    """Each person mention linked to an entity named by its text."""
    for mention in article.mentions:
        mention.entity_id = mention.text
    return article


def test_a_subject_er_is_the_speaker_of_its_claim_or_the_last_free_person_named() -> None:
    text = "Trump sagte, er werde Putin am Freitag treffen."
    claim = make_article(text, [("Trump", "PER"), ("Putin", "PER")], [], [(text, "Trump", "quote")])
    claim.attributions[0].entity_ids, claim.attributions[0].source_end = ["Trump"], 5
    [met] = extract(_with_ids(claim))
    assert met.actor_names == ["Trump", "Putin"]
    # The last person named who is not in a prepositional phrase ("mit Kremlchef Putin").
    text = "Trump sprach mit Kremlchef Putin. Er griff danach Selenskyj an."
    people = [("Trump", "PER"), ("Putin", "PER"), ("Selenskyj", "PER")]
    [attack] = extract(_with_ids(make_article(text, people)))
    assert attack.actor_names == ["Trump", "Selenskyj"]
    # A speaker who is no named person, and "sie", add no one.
    said = "Die Sprecherin sagte, er werde Putin treffen."
    for text, claims in (
        (f"Trump ist da. {said}", [(said, "Die Sprecherin", "quote")]),
        ("Trump ist da. Sie treffen Putin.", []),
    ):
        people = [("Trump", "PER"), ("Putin", "PER")]
        [met] = extract(_with_ids(make_article(text, people, [], claims)))
        assert met.actor_names == ["Putin"], text


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        # A subject after the verb that ends the parties' phrase does not meet.
        ("Vor dem Treffen zwischen Ole Berg und Ivo Marek warnt Jan Kessler davor.", 2),
        ("Jan Kessler sieht nach dem Treffen von Ole Berg und Ivo Marek Fortschritte.", 2),
        ("Jan Kessler begrüßt das Gipfeltreffen von Ole Berg mit Ivo Marek.", 2),
        # A meeting noun's genitive with "mit" names its parties as "von" does (review 182).
        ("Vor dem Treffen des Gesandten Ole Berg mit Ivo Marek warnt Jan Kessler davor.", 2),
        # A second "mit" is the verb's: Jan Kessler met neither (review 183).
        (
            "Die Ministerin hat sich vor dem Treffen des Gesandten Ole Berg mit Ivo Marek"
            " mit Jan Kessler abgestimmt.",
            2,
        ),
        # One party after "von": the others may be anywhere.
        ("Der Besuch von Ole Berg bei Jan Kessler dauerte zwei Tage.", 2),
        # A meeting someone joins.
        ("Jan Kessler will an einem Treffen von Ole Berg und Ivo Marek teilnehmen.", 3),
        # A list's commas keep its names in the event's clause.
        ("Jan Kessler traf sich mit Ole Berg, Ivo Marek und weiteren Ministern.", 3),
    ],
)
def test_the_parties_named_after_an_event_noun_are_its_actors(sentence: str, actors: int) -> None:
    people = [(n, "PER") for n in ("Jan Kessler", "Ole Berg", "Ivo Marek") if n in sentence]
    [event] = extract(make_article(sentence, people))
    named = [name for name, _ in people]
    assert sorted(event.actor_names) == sorted(named[len(named) - actors :]), sentence


def test_a_subject_far_from_its_verb_acts_and_joined_sources_do_not() -> None:
    text = (
        "Ole Berg will sich laut Radio Nord und Kanal Sieben in der kommenden Woche endlich"
        " wieder ganz persönlich und ohne jede Begleitung in der Hauptstadt mit Ivo Marek"
        " treffen."
    )
    names = [("Ole Berg", "PER"), ("Radio Nord", "ORG"), ("Kanal Sieben", "ORG")]
    [met] = extract(make_article(text, [*names, ("Ivo Marek", "PER")]))
    assert met.actor_names == ["Ole Berg", "Ivo Marek"]
    # Not the subject of a passive: "wird ... kritisiert".
    passive = text.replace("will sich", "wird").replace("treffen", "kritisiert")
    [criticised] = extract(make_article(passive, [*names, ("Ivo Marek", "PER")]))
    assert "Ole Berg" not in criticised.actor_names


def test_whose_view_a_claim_is_is_its_source_not_a_party() -> None:
    # "nach Auffassung von", "nach Einschätzung": an opinion's holder (review 82)
    text = "Ruritanien darf Bordurien nach Auffassung von Kessler weiter angreifen."
    mentions = [("Ruritanien", "LOC"), ("Bordurien", "LOC"), ("Kessler", "PER")]
    [event] = extract(make_article(text, mentions))
    assert (event.type, event.actor_names) == ("attack", ["Ruritanien", "Bordurien"])
    assert event.sources == ["Kessler"]


def test_a_countrys_adjective_on_an_event_noun_acts_and_is_no_place() -> None:
    # the phrase after "auf" is locative, but "russischen" says who attacked (review 82)
    article = make_article(
        "Die Regierung reagierte auf die Folgen des russischen Angriffs.",
        [("russischen", "LOC*")],
    )
    article.mentions[0].entity_id = "ru"
    article.entities.append(Entity("ru", "Ruritanien", "LOC", code="RU"))
    [event] = extract(article)
    assert (event.type, event.actor_names, event.location) == ("attack", ["Ruritanien"], None)


@pytest.mark.parametrize(
    ("text", "mentions", "parties"),
    [
        # the lead's subject had been the headline noun's genitive, and Bordurien, the
        # headline's subject, its target (review 205)
        (
            "20:35 Uhr - Bordurien kündigt Ausweitung von Raketenangriffen anDie bordurischen "
            "Garden haben angekündigt, Zahl und Reichweite ihrer Raketenstarts zu erhöhen.",
            [("Bordurien", "LOC"), ("bordurischen", "LOC*"), ("Garden", "ORG")],
            [("Bordurien", "agent")],
        ),
        # the headline's "an" is no preposition of the lead's subject
        (
            "Proteste halten anDie Garden haben Ziele in Ruritanien angegriffen.",
            [("Garden", "ORG"), ("Ruritanien", "LOC")],
            [("Garden", "agent")],
        ),
        # a name run on from the headline into the lead ("anVotum") is no party
        (
            "Bordurien greift Ziele in Ruritanien anVotum im Sicherheitsrat verschoben",
            [("Bordurien", "LOC"), ("Ruritanien", "LOC"), ("anVotum", "ORG")],
            [("Bordurien", "agent")],
        ),
    ],
)
def test_a_headline_run_into_its_lead_ends_at_the_seam(
    text: str, mentions: list[tuple[str, str]], parties: list[tuple[str, str]]
) -> None:
    [event] = [e for e in extract(make_article(text, mentions)) if e.type == "attack"]
    assert list(zip(event.actor_names, event.roles or [], strict=True)) == parties


def test_who_asks_another_to_act_is_no_party_of_that_act() -> None:
    # the infinitive's event is the one asked of (review 82); a willing subject still acts
    text = "Kessler forderte von Marek, Bordurien zu helfen."
    mentions = [("Kessler", "PER"), ("Marek", "PER"), ("Bordurien", "LOC")]
    events = extract(make_article(text, mentions))
    assert [(e.type, e.actor_names) for e in events if e.type == "aid"] == [
        ("aid", ["Marek", "Bordurien"])
    ]
    text = "Ruritanien signalisierte Bereitschaft, mit Bordurien zu verhandeln."
    [event] = extract(make_article(text, [("Ruritanien", "LOC"), ("Bordurien", "LOC")]))
    assert event.actor_names == ["Ruritanien", "Bordurien"]


def test_a_source_that_is_one_name_is_named_as_its_entity() -> None:
    for source, named in (
        ("des Kremls", "Kreml"),
        ("dem Sprecher des Kremls", "dem Sprecher des Kremls"),  # more than the name
        ("dem CDU-Politiker", "dem CDU-Politiker"),  # someone of the party, not it
    ):
        text = f"Nach Angaben von {source} trifft Ole Berg morgen Ivo Marek."
        names = [("Kremls", "ORG"), ("CDU-Politiker", "ORG*"), ("Ole Berg", "PER")]
        mentions = [n for n in names if n[0] in text] + [("Ivo Marek", "PER")]
        article = make_article(text, mentions, [], [(text, source, "report")])
        claim = article.attributions[0]
        claim.source_start, claim.source_end = text.index(source), text.index(source) + len(source)
        for mention in article.mentions:
            mention.entity_id = "ent_kreml" if mention.text == "Kremls" else None
        article.entities = [Entity("ent_kreml", "Kreml", "ORG", ["Kremls"], 1)]
        [met] = extract(article)
        assert met.sources == [named], source


def test_the_owner_of_a_place_does_nothing_there() -> None:
    text = "Bis zu seiner Festnahme arbeitete der Mann in Bergs Büro."
    [event] = extract(make_article(text, [("Bergs", "PER")]))
    assert (event.type, event.actor_names) == ("arrest", [])


def test_a_name_the_event_excepts_does_not_act() -> None:
    text = "Alle Parteien mit Ausnahme der Rotpartei kritisierten Kessler."
    [event] = extract(make_article(text, [("Rotpartei", "ORG"), ("Kessler", "PER")]))
    assert (event.type, event.actor_names) == ("criticize", ["Kessler"])
    text = "Alle Länder außer Ruritanien unterstützen Bordurien."
    [event] = extract(make_article(text, [("Ruritanien", "LOC"), ("Bordurien", "LOC")]))
    assert event.actor_names == ["Bordurien"]
    # who is left out, "ohne", is no party either (review 82)
    text = "Ruritanien und Bordurien wollen sich ohne die Nordunion treffen."
    mentions = [("Ruritanien", "LOC"), ("Bordurien", "LOC"), ("Nordunion", "ORG")]
    [event] = extract(make_article(text, mentions))
    assert event.actor_names == ["Ruritanien", "Bordurien"]


def test_whose_a_person_is_does_not_act() -> None:
    text = "Kanzler Kessler will Tarvoniens Präsidenten Ivo Marek in Rom treffen."
    mentions = [("Kessler", "PER"), ("Tarvoniens", "LOC"), ("Ivo Marek", "PER"), ("Rom", "LOC")]
    [event] = extract(make_article(text, mentions))
    assert (event.type, event.actor_names, event.location) == (
        "meet",
        ["Kessler", "Ivo Marek"],
        "Rom",
    )


def test_a_nouns_place_is_not_the_events_place_nor_an_actor() -> None:
    for text, mentions in [
        (
            # a country visited (review 166: a town visited is the visit's place)
            "Die Ministerin besucht Polen, um über den Wiederaufbau in Olmütz zu sprechen.",
            [("Polen", "LOC"), ("Olmütz", "LOC")],
        ),
        (
            "Jets griffen zwei Flugzeuge der in Brünn ansässigen Organisation an.",
            [("Brünn", "LOC")],
        ),
    ]:
        events = extract(make_article(text, mentions))
        assert [e.location for e in events] == [None], text
        assert all("Olmütz" not in e.actor_names and "Brünn" not in e.actor_names for e in events)


def test_what_happened_long_ago_gets_no_publication_date() -> None:
    [then] = extract(make_article("Tarvonische Jets attackierten damals zwei Flugzeuge."))
    [now] = extract(make_article("Tarvonische Jets attackierten zwei Flugzeuge."))
    assert (then.modality, then.time) == ("happened", None)
    assert (now.modality, now.time) == ("happened", "2024-05-14")
    # Nor what happened again and again, on no one day (review 47); "wiederholt" as a
    # verb of its own says nothing of that.
    [often] = extract(make_article("Tarvonische Jets attackierten mehrfach zwei Flugzeuge."))
    assert (often.modality, often.time) == ("happened", None)
    [again] = extract(make_article("Die Jets haben Tarvonien wiederholt angegriffen."))
    assert again.time is None
    text = "Nach einem Angriff auf Tarvonien wiederholt Ole Berg seine Forderung."
    assert extract(make_article(text))[0].time == "2024-05-14"


def test_an_act_a_participle_describes_its_noun_by_gets_no_publication_date() -> None:
    # review 264: "die angekündigten Zölle" had been announced the days before
    text = "Die von Ole Berg angekündigten Abgaben auf Käse belasten die Händler."
    [described] = extract(make_article(text))
    assert (described.type, described.modality, described.time) == ("announce", "happened", None)
    text = "Die von Ole Berg geforderte Kürzung der Arbeitszeit bleibt umstritten."
    assert [e.time for e in extract(make_article(text))] == [None]
    # one done now keeps the day; so does the verb told of its own
    text = "Die nun von Ole Berg angekündigten Abgaben auf Käse treffen die Händler."
    assert [e.time for e in extract(make_article(text))] == ["2024-05-14"]
    text = "Ole Berg hat Abgaben auf Käse angekündigt."
    assert [e.time for e in extract(make_article(text))] == ["2024-05-14"]


def test_what_a_clause_tells_in_the_pluperfect_gets_no_publication_date() -> None:
    # review 264: "Beide Drohungen hatte er bereits geäußert" had been given the report's day
    [before] = extract(make_article("Ole Berg hatte Abgaben auf Käse angekündigt."))
    assert (before.type, before.modality, before.time) == ("announce", "happened", None)
    text = "Drohungen gegen Tarvonien hatte Ole Berg bereits geäußert."
    assert [(e.type, e.time) for e in extract(make_article(text))] == [("threaten", None)]
    # the perfect tells the report's day; a date of its own still counts; "nachdem"
    # tells a step of the day
    [perfect] = extract(make_article("Ole Berg hat Abgaben auf Käse angekündigt."))
    assert perfect.time == "2024-05-14"
    text = "Ole Berg hatte am Montag Abgaben auf Käse angekündigt."
    dated = extract(make_article(text, timexes=[("am Montag", "2024-05-13")]))
    assert [e.time for e in dated] == ["2024-05-13"]
    text = "Nachdem Ole Berg Abgaben auf Käse angekündigt hatte, fielen die Kurse."
    assert [e.time for e in extract(make_article(text))] == ["2024-05-14"]


def test_a_span_of_time_leaves_the_pluperfect_undated() -> None:
    # review 281: "war ... zu 27 Jahren Haft verurteilt worden" had been given the report's
    # day, the span of the sentence counted as a date of its own
    def with_span(text: str, span: str, value: str) -> Article:
        article = make_article(text)
        start = text.index(span)
        article.timexes.append(Timex(start, start + len(span), span, "DURATION", value))
        return article

    text = "Ole Berg war wegen Betrugs zu zwölf Jahren Haft verurteilt worden."
    [sentenced] = extract(with_span(text, "zwölf Jahren", "P12Y"))
    assert (sentenced.type, sentenced.modality, sentenced.time) == ("arrest", "happened", None)
    text = "Die Jets hatten Tarvonien drei Tage lang angegriffen."
    assert [e.time for e in extract(with_span(text, "drei Tage", "P3D"))] == [None]
    # a span in the perfect keeps the report's day; a date of the pluperfect's own stays
    text = "Ole Berg ist wegen Betrugs zu zwölf Jahren Haft verurteilt worden."
    assert [e.time for e in extract(with_span(text, "zwölf Jahren", "P12Y"))] == ["2024-05-14"]
    text = "Ole Berg war am Montag zu zwölf Jahren Haft verurteilt worden."
    article = with_span(text, "zwölf Jahren", "P12Y")
    start = text.index("am Montag")
    article.timexes.insert(0, Timex(start, start + 9, "am Montag", "DATE", "2024-05-13"))
    assert [e.time for e in extract(article)] == ["2024-05-13"]


@pytest.mark.parametrize(
    ("sentence", "mentions", "parties"),
    [
        # review 281: the association whose ban was lifted had been the one to ask
        (
            "Der Verband hob die Sperre auf, nachdem Ole Berg darum gebeten hatte.",
            [("Verband", "ORG"), ("Ole Berg", "PER")],
            ["Ole Berg"],
        ),
        # a conjunction's clause before the main clause gives it no names either
        (
            "Nachdem Bordurien die Grenze geschlossen hatte, forderte Ole Berg Neuwahlen.",
            [("Bordurien", "LOC"), ("Ole Berg", "PER")],
            ["Ole Berg"],
        ),
        # not without a name of its own: "sie" may be the main clause's subject
        (
            "Lena Berg hat richtig gehandelt, indem sie ihren Rücktritt angekündigt hat.",
            [("Lena Berg", "PER")],
            ["Lena Berg"],
        ),
        # nor a main clause after one: the failed firm is no critic (review 237's case,
        # which had it one)
        (
            "Nachdem die Firma Nordhilfe versagt hatte, kritisierte Anna Lohse.",
            [("Nordhilfe", "ORG"), ("Anna Lohse", "PER")],
            ["Anna Lohse"],
        ),
        # "weil" opens a complement as before
        (
            "Der Verband hob die Sperre auf, weil Ole Berg darum gebeten hatte.",
            [("Verband", "ORG"), ("Ole Berg", "PER")],
            ["Ole Berg"],
        ),
    ],
)
def test_a_conjunctions_clause_shares_no_names_with_another(
    sentence: str, mentions: list[tuple[str, str]], parties: list[str]
) -> None:
    [event] = [e for e in extract(make_article(sentence, mentions)) if e.type != "elect"]
    assert event.actor_names == parties


def test_a_town_after_bei_is_where_not_a_party() -> None:
    # review 281: "der Angriff auf einen Zugbegleiter bei Kaiserslautern" had made the
    # town the attacked
    text = "Der Angriff auf einen Schaffner bei Tarvo sorgt für Entsetzen."
    assert [e.actor_names for e in extract(make_article(text, [("Tarvo", "LOC")]))] == [[]]
    text = "Der Verdächtige war in Olmen bei Tarvo festgenommen worden."
    [arrest] = extract(make_article(text, [("Olmen", "LOC"), ("Tarvo", "LOC")]))
    assert (arrest.actor_names, arrest.location) == ([], "Olmen")
    # an organisation after "bei" is whose strike it is; a town acted on stays a party
    text = "Die Piloten streiken bei der Nordair."
    [strike] = extract(make_article(text, [("Nordair", "ORG")]))
    assert list(zip(strike.actor_names, strike.roles, strict=True)) == [("Nordair", "target")]
    [attack] = extract(
        make_article("Nordland griff Tarvo an.", [("Nordland", "LOC"), ("Tarvo", "LOC")])
    )
    assert list(zip(attack.actor_names, attack.roles, strict=True)) == [
        ("Nordland", "agent"),
        ("Tarvo", "target"),
    ]


def test_a_headline_run_into_the_next_gives_it_no_names() -> None:
    # review 281: "Wadephul fordert Iran zu Verhandlungen aufIran droht mit
    # Gegenangriffen": the particle "auf" had made the next headline's subject a place,
    # and the demand's names its threat's parties
    text = "Ole Berg fordert Lettland zu Gesprächen aufNordland droht mit Angriffen bei Eskalation"
    mentions = [("Ole Berg", "PER"), ("Lettland", "LOC"), ("Nordland", "LOC")]
    events = extract(make_article(text, mentions))
    assert [(e.type, e.actor_names) for e in events if e.type in {"threaten", "demand"}] == [
        ("demand", ["Ole Berg", "Lettland"]),
        ("threaten", ["Nordland"]),
    ]
    # "auf" before a name with a space is a preposition as before
    text = "Nordland droht mit Angriffen auf Lettland"
    events = extract(make_article(text, [("Nordland", "LOC"), ("Lettland", "LOC")]))
    assert [list(zip(e.actor_names, e.roles, strict=True)) for e in events] == [
        [("Nordland", "agent"), ("Lettland", "target")]
    ] * 2


def test_an_offer_is_planned_and_a_source_noun_names_no_event() -> None:
    [offer] = extract(make_article("Ole Berg hat angeboten, Kampfjets bereitzustellen."))
    assert (offer.type, offer.modality) == ("arms", "planned")
    assert extract(make_article("Er soll laut Anklage seit Jahren spioniert haben.")) == []
    assert extract(make_article("Der Anklage zufolge nahm er Geld.")) == []


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Nach dem Gipfel von Marek und Kessler reiste Berg ab.", "happened"),
        ("Berg hat vor dem Gipfel von Marek und Kessler gewarnt.", "unspecified"),
    ],
)
def test_a_noun_after_vor_in_a_past_clause_has_not_happened(sentence: str, modality: str) -> None:
    [event] = extract(make_article(sentence))
    assert event.modality == modality


def test_a_noun_in_a_condition_has_not_happened() -> None:
    text = "Berg hat Marek gedroht, sollte Kessler beim Gipfel von Marek und Kessler nachgeben."
    events = extract(make_article(text))
    assert [e.modality for e in events if e.type == "meet"] == ["unspecified"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a condition put to the event, before or after it ...
        ("Wenn Rui Maia nach Lissabon reist, trifft er Kessler.", "speculated"),
        ("Kessler will Rui Maia treffen, falls dieser nach Lissabon kommt.", "speculated"),
        ("Für den Fall, dass Rui Maia kommt, will Kessler ihn treffen.", "speculated"),
        # ... or the event standing in one
        ("Kessler fordert Ruhe, falls Rui Maia Kessler trifft.", "speculated"),
        # not a concession, nor a past meeting
        ("Kessler traf Rui Maia, wenn auch nur kurz.", "happened"),
        ("Kessler traf Rui Maia, als dieser in Lissabon war.", "happened"),
    ],
)
def test_an_event_under_a_condition_is_speculated(text: str, modality: str) -> None:
    names = [("Rui Maia", "PER"), ("Kessler", "PER"), ("Lissabon", "LOC")]
    article = make_article(text, [(name, type_) for name, type_ in names if name in text])
    assert [e.modality for e in extract(article) if e.type == "meet"] == [modality]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a passive infinitive after a modal or "wird" lies ahead (review 60) ...
        ("Rui Maia soll festgenommen werden.", "planned"),
        ("Rui Maia muss noch festgenommen werden.", "planned"),
        ("Rui Maia wird festgenommen werden.", "planned"),
        # ... the perfect and the past do not
        ("Rui Maia ist festgenommen worden.", "happened"),
        ("Rui Maia wurde festgenommen.", "happened"),
    ],
)
def test_a_passive_infinitive_is_planned(text: str, modality: str) -> None:
    names = [("Rui Maia", "PER"), ("Kessler", "PER")]
    article = make_article(text, [(name, type_) for name, type_ in names if name in text])
    assert [e.modality for e in extract(article) if e.type == "arrest"] == [modality]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # confirming or reporting a done event tells it as done (review 80) ...
        ("Die Armee bestätigte den Angriff auf die Brücke.", "happened"),
        ("Die Armee teilte den Angriff auf die Brücke mit.", "happened"),
        ("Die Armee meldet Angriffe auf die Brücke.", "happened"),
        ("Die Armee bestätigte, Angriffe auf die Brücke ausgeführt zu haben.", "happened"),
        # ... not a plan it confirms, nor a confirmation denied
        ("Die Armee bestätigte, dass Angriffe auf die Brücke geplant werden.", "announced"),
        ("Die Armee hat den Angriff auf die Brücke noch nicht bestätigt.", "announced"),
        ("Die Armee bestätigt den Angriff auf die Brücke noch nicht.", "announced"),
    ],
)
def test_a_confirmed_event_has_happened(text: str, modality: str) -> None:
    [event] = [e for e in extract(make_article(text)) if e.type == "attack"]
    assert event.modality == modality


def test_a_confirmed_meeting_may_still_be_to_come() -> None:
    text = "Die Regierung bestätigte das Treffen von Ivo Marek und Rui Maia."
    [event] = extract(make_article(text, [("Ivo Marek", "PER"), ("Rui Maia", "PER")]))
    assert event.modality == "announced"


def test_a_compound_on_an_event_s_noun_names_no_party() -> None:
    # "Rom-Vereinbarung" names the agreement by its place (review 80: Gaza had signed)
    text = "Nordland und Südland haben die Rom-Vereinbarung unterzeichnet."
    mentions = [("Nordland", "LOC"), ("Südland", "LOC"), ("Rom-Vereinbarung", "LOC*")]
    [event] = extract(make_article(text, mentions))
    assert event.actor_names == ["Nordland", "Südland"]


def test_a_town_s_adjective_names_the_treaty_not_a_party() -> None:
    text = "Estland tritt aus dem Rigaer Abkommen aus."
    mentions = [("Estland", "LOC"), ("Rigaer", "LOC*")]
    [event] = [e for e in extract(make_article(text, mentions)) if e.type == "agree"]
    assert event.actor_names == ["Estland"]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # before another noun, a town's adjective names that thing too (review 80) ...
        (
            "Beim Gipfel der Rigaer Gruppe für Zusammenarbeit trafen sich Kessler und Marek.",
            ["Kessler", "Marek"],
        ),
        # ... but may stand for its town before an office whose holder goes unnamed
        ("Der Rigaer Bürgermeister kritisierte die Pläne.", ["Riga"]),
    ],
)
def test_a_town_s_adjective_before_a_noun_names_no_party(text: str, actors: list[str]) -> None:
    mentions = [("Rigaer", "LOC*"), ("Kessler", "PER"), ("Marek", "PER")]
    article = make_article(text, [m for m in mentions if m[0] in text])
    article.entities.append(Entity("riga", "Riga", "LOC"))
    article.mentions[0].entity_id = "riga"
    [event] = extract(article)
    assert event.actor_names == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # what another noun is about is no party (review 80) ...
        ("Kessler kritisierte den Streit um Nordland.", ["Kessler"]),
        ("Kessler verlangt die Kontrolle über Nordland.", ["Kessler"]),
        # ... but the event's own topic and a verb's are as before
        ("Kessler und Marek führten Gespräche über Nordland.", ["Kessler", "Marek", "Nordland"]),
        ("Kessler und Marek verhandeln über Nordland.", ["Kessler", "Marek", "Nordland"]),
    ],
)
def test_a_name_another_noun_is_about_is_no_party(text: str, actors: list[str]) -> None:
    names = [("Kessler", "PER"), ("Marek", "PER"), ("Nordland", "LOC")]
    [event] = extract(make_article(text, [n for n in names if n[0] in text]))
    assert event.actor_names == actors


def test_a_party_in_brackets_after_a_name_is_the_person_s() -> None:
    # "Kessler (NVP)": the party is Kessler's affiliation, not a critic (review 80)
    text = "Ministerin Anna Kessler (NVP) hat Ivo Marek scharf kritisiert."
    names = [("Anna Kessler", "PER"), ("NVP", "ORG"), ("Ivo Marek", "PER")]
    [event] = extract(make_article(text, names))
    assert event.actor_names == ["Anna Kessler", "Ivo Marek"]


def test_speaker_of_a_suggestion_is_its_source_not_an_actor() -> None:
    [event] = extract(
        make_article(
            "Der Minister Ole Berg deutete an, dass Norwegen den Fischern helfen könnte.",
            [("Ole Berg", "PER"), ("Norwegen", "LOC")],
        )
    )
    assert event.actor_names == ["Norwegen"]
    assert event.sources == ["Ole Berg"]


def test_sources_come_from_attributions_over_the_sentence() -> None:
    text = "Tarvonien könnte Panzer an Belvarien liefern."
    article = make_article(
        text,
        [("Tarvonien", "LOC"), ("Belvarien", "LOC")],
        attributions=[(text, "westliche Geheimdienste", "report")],
    )
    [event] = extract(article)
    assert event.sources == ["westliche Geheimdienste"]
    assert event.actor_names == ["Tarvonien", "Belvarien"]


def test_a_source_that_names_no_one_is_no_event_source() -> None:
    text = "Tarvonien könnte Panzer an Belvarien liefern."
    for unnamed in ("Berichten", "Sie"):  # a report of no one's; a pronoun resolved to none
        article = make_article(
            text,
            [("Tarvonien", "LOC"), ("Belvarien", "LOC")],
            attributions=[(text, unnamed, "report")],
        )
        [event] = extract(article)
        assert event.sources == [], unnamed


def test_definite_noun_refers_back_and_denial_refers_to_last_claim() -> None:
    text = (
        "Präsident Ivo Marek und Kanzler Kessler haben sich in Prag getroffen. "
        "Das Treffen fand in der Burg statt. "
        "Kritiker befürchten, dass Tarvonien Raketen an Belvarien liefern könnte. "
        "Beide Länder haben das abgestritten."
    )
    mentions = [
        ("Ivo Marek", "PER"),
        ("Kessler", "PER"),
        ("Prag", "LOC"),
        ("Tarvonien", "LOC"),
        ("Belvarien", "LOC"),
    ]
    events = extract(make_article(text, mentions))
    assert [(e.type, e.modality) for e in events] == [
        ("meet", "happened"),
        ("meet", "happened"),
        ("arms", "speculated"),
        ("arms", "denied"),
    ]
    assert events[1].actor_names == ["Ivo Marek", "Kessler"]
    assert events[3].actor_names == ["Tarvonien", "Belvarien"]
    assert events[3].sources == ["Tarvonien", "Belvarien"]


def test_fallback_without_mentions_finds_names_and_places() -> None:
    text = "Präsident Ivo Marek hat am Montag Kanzler Albrecht Kessler in Wladislawa getroffen."
    [event] = extract(make_article(text))
    assert event.actor_names == ["Ivo Marek", "Albrecht Kessler"]
    assert event.location == "Wladislawa"


def test_sentence_without_event() -> None:
    text = "Die Zentralbank hat den Leitzins um einen Viertelprozentpunkt gesenkt."
    assert extract(make_article(text)) == []


def test_extractor_registry() -> None:
    with pytest.raises(ChronikError, match="E110"):
        get_extractor("neural")

    class Nothing:
        def extract(self, article: Article) -> list[Event]:
            return []

    register_extractor("nothing", Nothing)
    assert get_extractor("nothing").extract(make_article("Kim traf Putin.")) == []


# --- story developments ----------------------------------------------------------------------

ANNOUNCEMENT = (
    "Nach Angaben der Regierung wird Präsident Ivo Marek am Mittwoch Kanzler Kessler in "
    "Brünn treffen. "
    "Beobachter befürchten, dass Tarvonien Raketen an Belvarien liefern könnte."
)
REPORT = (
    "Präsident Ivo Marek und Kanzler Kessler haben sich am Donnerstag in Olmütz getroffen. "
    "Tarvonien und Belvarien haben solche Pläne jedoch dementiert."
)
STORY_MENTIONS = [
    ("Ivo Marek", "PER"),
    ("Kessler", "PER"),
    ("Brünn", "LOC"),
    ("Olmütz", "LOC"),
    ("Tarvonien", "LOC"),
    ("Belvarien", "LOC"),
]


def story() -> list[Article]:
    first = make_article(
        ANNOUNCEMENT,
        [m for m in STORY_MENTIONS if m[0] in ANNOUNCEMENT],
        timexes=[("am Mittwoch", "2024-05-15")],
        published="2024-05-13T08:00:00+00:00",
        article_id="first",
    )
    second = make_article(
        REPORT,
        [m for m in STORY_MENTIONS if m[0] in REPORT],
        timexes=[("am Donnerstag", "2024-05-16")],
        published="2024-05-16T18:00:00+00:00",
        article_id="second",
    )
    for article in (first, second):
        article.events = extract(article)
    return [second, first]  # out of order on purpose


def test_a_planned_day_dates_what_a_later_report_says_happened_without_one() -> None:
    plan = make_article(
        "Rui Maia wird Kessler am Freitag in Lissabon treffen.",
        [("Rui Maia", "PER"), ("Kessler", "PER"), ("Lissabon", "LOC")],
        timexes=[("am Freitag", "2024-05-17")],
        published="2024-05-13T08:00:00+00:00",
        article_id="plan",
    )
    after = make_article(
        "Nach dem Treffen mit Kessler in Lissabon zeigte sich Rui Maia zufrieden.",
        [("Kessler", "PER"), ("Lissabon", "LOC"), ("Rui Maia", "PER")],
        published="2024-05-20T08:00:00+00:00",
        article_id="after",
    )
    for article in (plan, after):
        article.events = extract(article)
    [meet] = [e for e in story_events([plan, after]) if e.type == "meet"]
    [row] = event_rows([meet])
    assert (row["modality"], row["date"]) == ("happened", "2024-05-17")
    # A plan reported after that, without actors of its own, plans the next meeting: it
    # neither makes this one planned again nor moves its day.
    next_one = make_article(
        "Dort werden sie sich am Montag in Porto erneut treffen.",
        [("Porto", "LOC")],
        timexes=[("am Montag", "2024-05-27")],
        published="2024-05-22T08:00:00+00:00",
        article_id="next",
    )
    next_one.events = extract(next_one)
    [meet] = [e for e in story_events([plan, after, next_one]) if e.type == "meet"]
    assert "next" in {r.article_id for r in meet.reports}
    [row] = event_rows([meet])
    assert (row["modality"], row["date"]) == ("happened", "2024-05-17")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("2025-08-15", "2025-W33", True),  # "in der kommenden Woche", then the day
        ("2025-08-22", "2025-W33", True),  # a week's days and a week's tolerance
        ("2025-08-26", "2025-W33", False),
        ("2025-W33", "2025-W35", False),
        ("2023", "2023-09-13", True),
        ("2023-09-13", "2023-09-25", False),
    ],
)
def test_times_compatible(a: str, b: str, same: bool) -> None:
    assert times_compatible(a, b) is same and times_compatible(b, a) is same


def test_story_event_merges_reports_and_flags_changes() -> None:
    events = story_events(story())
    meet = next(e for e in events if e.type == "meet")
    assert [r.article_id for r in meet.reports] == ["first", "second"]
    assert [r.modality for r in meet.reports] == ["announced", "happened"]
    assert meet.modality == "happened"
    kinds = {c.kind: c for c in meet.changes}
    assert set(kinds) == {"confirmed", "location", "time"}
    assert kinds["location"].before == ["Brünn"] and kinds["location"].after == ["Olmütz"]
    assert kinds["time"].before == ["2024-05-15"] and kinds["time"].after == ["2024-05-16"]
    arms = next(e for e in events if e.type == "arms")
    assert arms.modality == "denied"
    assert [c.kind for c in arms.changes] == ["denied"]


def test_what_happened_then_is_no_time_or_place_to_change_later() -> None:
    """After the meeting is reported to have happened, a later article's other day is
    another occurrence, not a correction of the one that happened."""
    later = make_article(
        "Präsident Ivo Marek und Kanzler Kessler haben sich am Montag in Olmütz getroffen.",
        [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Olmütz", "LOC")],
        timexes=[("am Montag", "2024-05-20")],
        published="2024-05-21T08:00:00+00:00",
        article_id="third",
    )
    later.events = extract(later)
    meet = next(e for e in story_events([*story(), later]) if e.type == "meet")
    assert [(c.kind, c.article_id) for c in meet.changes if c.kind in ("time", "location")] == [
        ("location", "second"),
        ("time", "second"),
    ]


def _plan(day: str, value: str, published: str, article_id: str) -> Article:
    plan = make_article(
        f"Präsident Ivo Marek wird Kanzler Kessler am {day} in Brünn treffen.",
        [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Brünn", "LOC")],
        timexes=[(f"am {day}", value)],
        published=published,
        article_id=article_id,
    )
    plan.events = extract(plan)
    return plan


def test_the_day_most_reports_give_dates_the_event() -> None:
    """A last report read two days off ("gestern" taken for the summit) does not move the
    day the reports before it agree on."""
    reports = []
    for i, (day, value) in enumerate(
        [("Freitag", "2024-05-17"), ("Freitag", "2024-05-17"), ("Sonntag", "2024-05-19")]
    ):
        report = make_article(
            f"Präsident Ivo Marek und Kanzler Kessler haben sich am {day} in Olmütz getroffen.",
            [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Olmütz", "LOC")],
            timexes=[(f"am {day}", value)],
            published=f"2024-05-{18 + i}T08:00:00+00:00",
            article_id=f"r{i}",
        )
        report.events = extract(report)
        reports.append(report)
    [row] = [r for r in event_rows(story_events(reports)) if r["event_type"] == "meet"]
    assert row["date"] == "2024-05-17"


def test_a_day_later_articles_go_back_on_is_no_change() -> None:
    """ "am Freitag" read as last week's Friday in one article, while the articles before
    and after it give the same Friday: a misreading, not a moved plan."""
    plans = [
        _plan("Freitag", "2024-05-17", "2024-05-10T08:00:00+00:00", "p1"),
        _plan("Freitag", "2024-05-10", "2024-05-13T08:00:00+00:00", "p2"),
        _plan("Freitag", "2024-05-17", "2024-05-14T08:00:00+00:00", "p3"),
    ]
    [meet] = [e for e in story_events(plans) if e.type == "meet"]
    assert [c for c in meet.changes if c.kind == "time"] == []
    moved = _plan("Samstag", "2024-05-18", "2024-05-15T08:00:00+00:00", "p4")
    [meet] = [e for e in story_events([*plans, moved]) if e.type == "meet"]
    assert [(c.before, c.after) for c in meet.changes if c.kind == "time"] == [
        (["2024-05-17"], ["2024-05-18"])
    ]


def test_a_day_inside_the_week_first_given_is_no_change() -> None:
    plans = [
        _plan("Mittwoch", "2024-W20", "2024-05-10T08:00:00+00:00", "week"),
        _plan("Mittwoch", "2024-05-15", "2024-05-13T08:00:00+00:00", "day"),
    ]
    [meet] = [e for e in story_events(plans) if e.type == "meet"]
    assert [c for c in meet.changes if c.kind == "time"] == []


def test_no_one_denies_what_a_sentence_merely_says_did_not_happen() -> None:
    """After the fact, "lieferte keine Raketen" without a source denies nothing said
    before; "Tarvonien dementierte" denies it."""
    said = make_article(
        "Tarvonien hat Raketen an Belvarien geliefert.",
        [("Tarvonien", "LOC"), ("Belvarien", "LOC")],
        published="2024-05-13T08:00:00+00:00",
        article_id="said",
    )
    bare = make_article(
        "Tarvonien lieferte keine Raketen an Belvarien.",
        [("Tarvonien", "LOC"), ("Belvarien", "LOC")],
        published="2024-05-14T08:00:00+00:00",
        article_id="bare",
    )
    for article in (said, bare):
        article.events = extract(article)
    assert [e.modality for e in bare.events] == ["denied"]
    [arms] = [e for e in story_events([said, bare]) if e.type == "arms"]
    assert [c.kind for c in arms.changes] == []
    bare.events = [replace(e, sources=["Tarvonien"]) for e in bare.events]
    [arms] = [e for e in story_events([said, bare]) if e.type == "arms"]
    assert [c.kind for c in arms.changes] == ["denied"]


def test_a_ticker_s_overview_run_together_tells_no_change() -> None:
    """A sentence whose headlines ran together (as older analyses stored them) holds
    words of other events: its place is no news of this one."""
    glued = make_article(
        "Ivo Marek trifft Kessler in OlmützStreit um Zölle geht weiter",
        [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Olmütz", "LOC")],
        published="2024-05-14T08:00:00+00:00",
        article_id="glued",
    )
    glued.sentences = [Sentence(0, len(glued.text), glued.text)]  # as stored before seams
    glued.events = extract(glued)
    plan = _plan("Mittwoch", "2024-05-15", "2024-05-13T08:00:00+00:00", "plan")
    [meet] = [e for e in story_events([plan, glued]) if e.type == "meet"]
    assert len(meet.reports) == 2 and [c.kind for c in meet.changes] == []


def test_a_name_run_on_past_its_sentence_is_no_party() -> None:
    """A live blog's headlines run together are cut into sentences, but the NER keeps the
    words whole: "KesslerBerg" had been met (review 56)."""
    text = "Marek plant Gipfel mit KesslerBerg: Ball liegt bei OlmützStreit geht weiter"
    article = make_article(text, [("Marek", "PER"), ("KesslerBerg", "PER"), ("Olmütz", "LOC")])
    article.sentences = split_sentences(text)
    assert article.sentences[0].text == "Marek plant Gipfel mit Kessler"
    assert [e.actor_names for e in extract(article)] == [["Marek"]]


def test_a_place_run_together_with_the_next_word_is_no_place() -> None:
    # "BrünnUSA": run together with a word in capitals, which the sentence splitter keeps
    text = "Präsident Ivo Marek hat Kanzler Kessler in BrünnUSA getroffen."
    article = make_article(text, [("Ivo Marek", "PER"), ("Kessler", "PER"), ("BrünnUSA", "LOC")])
    article.events = extract(article)
    assert article.events[0].location == "BrünnUSA"  # as the article has it
    [meet] = [e for e in story_events([*story(), article]) if e.type == "meet"]
    assert "BrünnUSA" not in meet.locations
    assert not any(c.kind == "location" and "BrünnUSA" in c.after for c in meet.changes)


def test_a_party_one_report_of_many_adds_is_left_out() -> None:
    articles = []
    for day in range(12):
        extra = " und Jan Kessler" if day == 1 else ""
        text = f"Ole Berg trifft Ivo Marek{extra} in Oslo."
        names = [("Ole Berg", "PER"), ("Ivo Marek", "PER"), ("Jan Kessler", "PER")]
        published = f"2024-05-{day + 1:02d}T09:00:00+00:00"
        article = make_article(
            text, [n for n in names if n[0] in text], published=published, article_id=f"a{day}"
        )
        article.events = extract(article)
        articles.append(article)
    [meet] = [e for e in story_events(articles) if e.type == "meet"]
    assert meet.num_reports == 12 and meet.actor_names == ["Ole Berg", "Ivo Marek"]


def test_a_country_gives_way_to_a_part_of_it_that_other_reports_name() -> None:
    places = {"Alaska": Entity("ent_ak", "Alaska", "LOC", code="US-AK"),
              "USA": Entity("ent_us", "Vereinigte Staaten", "LOC", code="US")}  # fmt: skip
    articles = []
    for n, (text, place) in enumerate(
        [
            ("Ole Berg will Ivo Marek am Freitag in Alaska treffen.", "Alaska"),
            ("Ole Berg hat Ivo Marek am Freitag in den USA getroffen.", "USA"),
        ]
    ):
        names = [("Ole Berg", "PER"), ("Ivo Marek", "PER"), (place, "LOC")]
        article = make_article(
            text, names, article_id=f"a{n}", published=f"2024-05-1{n}T09:00:00+00:00"
        )
        for mention in article.mentions:
            mention.entity_id = places[place].id if mention.text == place else None
        article.entities = [places[place]]
        article.events = extract(article)
        articles.append(article)
    [row] = [r for r in event_rows(story_events(articles)) if r["event_type"] == "meet"]
    assert (row["modality"], row["location_name"]) == ("happened", "Alaska")


def test_one_party_met_elsewhere_in_another_article_is_another_event() -> None:
    visit = make_article(
        "Präsident Ivo Marek hat in Zlín den Bürgermeister getroffen.",
        [("Ivo Marek", "PER"), ("Zlín", "LOC")],
        published="2024-05-10T08:00:00+00:00",  # a week before: first in the timeline
        article_id="third",
    )
    visit.events = extract(visit)
    assert [(e.type, e.actor_names) for e in visit.events] == [("meet", ["Ivo Marek"])]
    events = story_events([*story(), visit])
    meet = next(e for e in events if e.type == "meet" and len(e.actors) == 2)
    assert [r.article_id for r in meet.reports] == ["first", "second"]
    place = next(c for c in meet.changes if c.kind == "location")
    assert place.after == ["Olmütz"], "no change of place to Zlín"


def _named(
    text: str, published: str, article_id: str, day: tuple[str, str] | None = None
) -> Article:
    """An article naming the people and places of these tests wherever the text does."""
    names = [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Tom Berg", "PER")]
    names += [("Brünn", "LOC"), ("Olmütz", "LOC"), ("Zlín", "LOC")]
    mentions = sorted(
        (m for m in names for _ in range(text.count(m[0]))), key=lambda m: text.index(m[0])
    )
    article = make_article(
        text, mentions, timexes=[day] if day else [], published=published, article_id=article_id
    )
    article.events = extract(article)
    return article


def test_a_party_one_report_of_many_added_pulls_in_no_other_meeting() -> None:
    """Review 172: one plan of the Alaska summit "mit Putin und Selenskyj" among many
    had let Selenskyj's meeting with Trump join the summit."""
    summit = _named(
        " ".join(["Ivo Marek wird Kessler in Brünn treffen."] * 10),
        "2024-05-10T08:00:00+00:00",
        "plans",
    )
    three = _named(
        "Ivo Marek will sich mit Kessler und Tom Berg treffen.",
        "2024-05-11T08:00:00+00:00",
        "three",
    )
    pair = _named("Tom Berg wird Kessler treffen.", "2024-05-13T08:00:00+00:00", "pair")
    meets = [e for e in story_events([summit, three, pair]) if e.type == "meet"]
    by_article = {e.reports[-1].article_id: e for e in meets}
    assert set(by_article) == {"three", "pair"}, [[r.article_id for r in e.reports] for e in meets]
    assert by_article["three"].actor_names == ["Ivo Marek", "Kessler"]
    assert [r.article_id for r in by_article["pair"].reports] == ["pair"]
    # a party that a tenth of the reports name pulls them in
    again = _named(
        "Ivo Marek will Kessler und Tom Berg treffen.", "2024-05-12T08:00:00+00:00", "again"
    )
    meets = [e for e in story_events([summit, three, again, pair]) if e.type == "meet"]
    assert len(meets) == 1 and "Tom Berg" in meets[0].actor_names


def test_fewer_parties_at_another_place_in_another_article_meet_apart() -> None:
    """Review 172: a three-way meeting talked of at Alaska is not Selenskyj's trip to
    Trump in Washington, two of its parties at another place."""
    three = _named(
        "Ivo Marek, Kessler und Tom Berg werden sich in Brünn treffen.",
        "2024-05-10T08:00:00+00:00",
        "three",
    )
    two = _named(
        "Kessler wird Tom Berg am Montag in Zlín treffen.",
        "2024-05-11T08:00:00+00:00",
        "two",
        ("am Montag", "2024-05-13"),
    )
    meets = [e for e in story_events([three, two]) if e.type == "meet"]
    assert sorted([r.article_id for r in e.reports] for e in meets) == [["three"], ["two"]]
    # at the same place, or naming no place, it is the same meeting
    here = _named("Kessler wird Tom Berg in Brünn treffen.", "2024-05-11T08:00:00+00:00", "two")
    [meet] = [e for e in story_events([three, here]) if e.type == "meet"]
    assert [r.article_id for r in meet.reports] == ["three", "two"]


def test_a_plan_after_the_event_happened_is_another_event() -> None:
    """Review 47: "kündigte an, ... bald zu besuchen", the day after the summit, had joined
    the summit as one of its announcements."""
    text = "Präsident Ivo Marek kündigte an, Kanzler Kessler bald in Brünn zu treffen."
    later = make_article(
        text,
        [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Brünn", "LOC")],
        published="2024-05-17T08:00:00+00:00",  # the day after they met in Olmütz
        article_id="third",
    )
    later.events = extract(later)
    assert [(e.type, e.modality) for e in later.events] == [("meet", "announced")]
    meets = [e for e in story_events([*story(), later]) if e.type == "meet"]
    assert sorted([r.article_id for r in e.reports] for e in meets) == [
        ["first", "second"],
        ["third"],
    ]
    # one that gives the day it happened on tells of that meeting
    dated = make_article(
        "Ivo Marek hatte angekündigt, Kessler am Donnerstag zu treffen.",
        [("Ivo Marek", "PER"), ("Kessler", "PER")],
        timexes=[("am Donnerstag", "2024-05-16")],
        published="2024-05-17T08:00:00+00:00",
        article_id="third",
    )
    dated.events = extract(dated)
    [meet] = [e for e in story_events([*story(), dated]) if e.type == "meet"]
    assert [r.article_id for r in meet.reports][-1] == "third"


@pytest.mark.parametrize(
    "text",
    [
        # a plan told as made before, a confirmation, a plan beside an account of the
        # meeting in the same article, the plan first (review 52)
        "Ivo Marek hatte angekündigt, Kanzler Kessler in Brünn zu treffen.",
        "Die Regierung bestätigte das Treffen von Ivo Marek und Kanzler Kessler.",
        "Ivo Marek kündigte an, Kessler zu treffen. Ivo Marek und Kessler haben sich getroffen.",
        "So hatte Ivo Marek angekündigt, Kessler in Brünn zu treffen.",  # review 54
        "Ivo Marek hatte nicht nur angekündigt, Kessler in Brünn zu treffen.",  # review 55
    ],
)
def test_a_plan_retold_after_the_event_stays_with_it(text: str) -> None:
    names = [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Brünn", "LOC")]
    mentions = [m for m in names for _ in range(text.count(m[0]))]
    later = make_article(text, mentions, published="2024-05-17T08:00:00+00:00", article_id="third")
    later.events = extract(later)
    meets = [e for e in story_events([*story(), later]) if e.type == "meet"]
    assert len(meets) == 1, [(e.modality, [r.sentence for r in e.reports]) for e in meets]


@pytest.mark.parametrize(
    "text",
    [
        # a past of another clause, a report's aside, another pair's meeting (review 53)
        "Nachdem Tom Berg abgesagt hatte, kündigte Ivo Marek an, Kessler bald zu treffen.",
        "Ivo Marek wird Kessler bald wieder treffen, wie ein Sprecher bestätigte.",
        "Ivo Marek kündigte an, Kessler bald zu treffen. Tom Berg hat sich mit Ole Lund getroffen.",
        # the parties' meeting of another time, a trailing or negated confirmation (review 54)
        "Ivo Marek kündigte an, Kessler bald zu treffen. Zuletzt hatten sich Ivo Marek und "
        "Kessler im März getroffen.",
        "Ivo Marek wird Kessler bald wieder treffen, bestätigte ein Sprecher.",
        "Ein neues Treffen von Ivo Marek und Kessler ist geplant, aber noch nicht bestätigt.",
    ],
)
def test_a_new_plan_after_the_event_is_another_event(text: str) -> None:
    names = [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Tom Berg", "PER"), ("Ole Lund", "PER")]
    mentions = sorted(
        (m for m in names for _ in range(text.count(m[0]))), key=lambda m: text.index(m[0])
    )
    timexes = [("im März", "2024-03")] if "im März" in text else []
    later = make_article(
        text, mentions, timexes=timexes, published="2024-05-17T08:00:00+00:00", article_id="third"
    )
    later.events = extract(later)
    meets = [e for e in story_events([*story(), later]) if e.type == "meet"]
    plans = [
        e
        for e in meets
        if any(
            r.article_id == "third" and r.modality in ("announced", "planned") for r in e.reports
        )
    ]
    assert len(plans) == 1, [(e.modality, [r.sentence for r in e.reports]) for e in meets]
    assert all(r.article_id == "third" for r in plans[0].reports), "not the earlier meeting's"


def test_a_place_where_an_announced_event_did_not_happen_is_no_source() -> None:
    text = (
        "Ivo Marek hat sich am Mittwoch mit Kessler in Olmütz getroffen, "
        "nicht wie angekündigt in Brünn."
    )
    found = extract(make_article(text, [m for m in STORY_MENTIONS if m[0] in text]))
    [meet] = [e for e in found if e.type == "meet"]
    assert meet.location == "Olmütz" and meet.sources == []


def test_a_headline_in_the_present_reads_as_its_body_reads() -> None:
    headline = "Ivo Marek trifft Kessler in Brünn"
    body = "Präsident Ivo Marek wird am Mittwoch Kanzler Kessler in Brünn treffen."
    first = make_article(
        f"{headline}\n\n{body}",
        [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Brünn", "LOC")] * 2,  # headline, body
        timexes=[("am Mittwoch", "2024-05-15")],
        published="2024-05-13T08:00:00+00:00",
        article_id="first",
    )
    first.title = headline
    first.blocks = [Block(BlockKind.HEADLINE, headline, start=0, end=len(headline))]
    first.events = extract(first)
    assert {e.modality for e in first.events if e.start == 0} == {"happened"}, "as written"
    second = story()[0]  # met in Olmütz on Thursday
    meet = next(e for e in story_events([first, second]) if e.type == "meet")
    assert {r.article_id for r in meet.reports} == {"first", "second"}
    assert meet.modality == "happened"
    place = next(c for c in meet.changes if c.kind == "location")
    assert place.before == ["Brünn"] and place.after == ["Olmütz"]


def test_different_events_stay_apart() -> None:
    text = (
        "Präsident Ivo Marek hat Kanzler Kessler in Brünn getroffen. "
        "Die Polizei hat in Brünn drei Demonstranten festgenommen."
    )
    article = make_article(text, [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Brünn", "LOC")])
    article.events = extract(article)
    assert sorted(e.type for e in story_events([article])) == ["arrest", "meet"]


def test_what_happened_again_and_again_confirms_no_plan_of_the_same_article() -> None:
    text = (
        "Ivo Marek wird mit Kessler in Brünn verhandeln. "
        "Marek hat bereits mehrfach mit Kessler verhandelt."
    )
    article = make_article(
        text,
        [
            ("Ivo Marek", "PER"),
            ("Kessler", "PER"),
            ("Brünn", "LOC"),
            ("Marek", "PER"),
            ("Kessler", "PER"),
        ],
    )
    article.events = extract(article)
    assert [e.modality for e in article.events] == ["planned", "happened"]
    events = story_events([article])
    assert sorted(e.modality for e in events) == ["happened", "planned"]
    assert not any(c.kind == "confirmed" for e in events for c in e.changes)


def test_actor_codes_take_the_country_of_an_office_a_prefix_or_a_city() -> None:
    from chronik.analysis.event_actors import actor_codes

    text = (
        "Bundeskanzler Albrecht Kessler traf den US-Präsidenten Ivo Marek in Washington. "
        "Kremlchef Pjotr Orlow empfing den chinesischen Präsidenten Li Wen."
    )
    mentions = [("Albrecht Kessler", "PER"), ("Ivo Marek", "PER"), ("Pjotr Orlow", "PER")]
    article = make_article(text, [*mentions, ("Li Wen", "PER")])
    article.entities.append(Entity("ent_dc", "Washington", "LOC", code="geonames:4140963"))
    article.mentions.append(Mention(text.index("Washington"), text.index("Washington") + 10,
                                    "Washington", "LOC", "ent_dc"))  # fmt: skip
    assert sorted(actor_codes(article).values()) == ["CHNGOV", "DEUGOV", "RUSGOV", "USA", "USAGOV"]


def test_an_actor_code_is_taken_from_the_actor_s_own_words_only() -> None:
    from chronik.analysis.event_actors import actor_codes

    text = (
        "US-Präsident Ivo Marek traf Li Wen. Marek und Kremlchef Pjotr Orlow sprachen. "
        "Polens Präsident Jan Nowak kam."
    )
    names = [("Ivo Marek", "PER"), ("Li Wen", "PER"), ("Marek", "PER"), ("Kremlchef", "PER")]
    article = make_article(text, [*names, ("Pjotr Orlow", "PER"), ("Jan Nowak", "PER")])
    for mention in article.mentions:  # NER's own span for the title, of the same person
        if mention.text in ("Kremlchef", "Pjotr Orlow"):
            mention.entity_id = "ent_orlow"
    assert actor_codes(article) == {
        "name:ivo marek": "USAGOV",  # not Li Wen's, nor Orlow's
        "ent_orlow": "RUSGOV",
        "name:jan nowak": "POLGOV",
    }


def test_event_rows_are_gdelt_like() -> None:
    rows = event_rows(story_events(story()))
    meet = next(r for r in rows if r["event_type"] == "meet")
    assert meet["actor1_name"] == "Ivo Marek" and meet["actor2_name"] == "Kessler"
    assert meet["actor1_code"] == "GOV"  # a role noun ("Präsident") without a country
    assert meet["event_code"] == "040"
    assert meet["location_name"] == "Olmütz"
    assert meet["location_names"] == ["Brünn", "Olmütz"]
    assert meet["date"] == "2024-05-16"
    assert (meet["num_reports"], meet["num_articles"]) == (2, 2)
    assert meet["story_id"] == "s1"
    assert meet["sources"] == []  # "der Regierung" names no entity


def test_export_writers() -> None:
    out = io.StringIO()
    assert write_events(story(), out) == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["event_type"] for r in rows} == {"meet", "arms"}
    tsv = io.StringIO()
    write_events_tsv(story(), tsv)
    header, *lines = tsv.getvalue().splitlines()
    assert header.split("\t")[:4] == ["event_id", "story_id", "event_type", "event_code"]
    meet = next(line.split("\t") for line in lines if "\tmeet\t" in line)
    assert "Brünn | Olmütz" in meet
    assert any(cell.startswith("confirmed: announced -> happened") for cell in meet)


def test_cli_export_events_and_eval(tmp_path: Path, fixtures: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "e.db")
    assert runner.invoke(cli, ["--db", db, "ingest", str(fixtures / "article.txt")]).exit_code == 0
    result = runner.invoke(cli, ["--db", db, "export", "--format", "events"])
    assert result.exit_code == 0, result.output
    assert all(json.loads(line)["event_type"] for line in result.stdout.splitlines())
    tsv = runner.invoke(cli, ["--db", db, "export", "--format", "events-tsv"])
    assert tsv.exit_code == 0 and tsv.stdout.startswith("event_id\t")
    scored = runner.invoke(cli, ["eval", "events", str(REPO / "eval" / "events" / "gold.jsonl")])
    figures = json.loads(scored.stdout)
    assert figures["sentences"] >= 40
    assert set(figures["with_mentions"]) >= {"type", "actors", "modality"}


def test_eval_reports_bad_gold(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "Satz."}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "events", str(bad)])
    assert result.exit_code == 2 and "E031" in result.output and "Traceback" not in result.output
    assert "a gold entry needs 'events'" in result.output


def test_publication_time_is_aware_of_missing_dates() -> None:
    article = make_article(
        "Kanzler Kessler hat Präsident Ivo Marek getroffen.",
        [("Kessler", "PER"), ("Ivo Marek", "PER")],
        published=None,
    )
    [event] = extract(article)
    assert (event.modality, event.time) == ("happened", None)


def test_a_noun_something_is_against_is_no_event() -> None:
    opposed = make_article(
        "Portugal hat sich mehrfach gegen neue Sanktionen gegen Chile ausgesprochen.",
        [("Portugal", "LOC"), ("Chile", "LOC")],
    )
    # no sanction; the stance is Portugal's rejection (review 257)
    assert [e.type for e in extract(opposed)] == ["reject"]
    imposed = make_article(
        "Die EU verhängte neue Sanktionen gegen Chile.", [("EU", "ORG"), ("Chile", "LOC")]
    )
    assert [e.type for e in extract(imposed)] == ["sanction"]


def test_a_place_where_the_event_is_not_is_neither_its_place_nor_an_actor() -> None:
    article = make_article(
        "Das Treffen von Rui Maia und Albrecht Kessler wird nicht im Rahmen der Messe in "
        "Lissabon stattfinden.",
        [("Rui Maia", "PER"), ("Albrecht Kessler", "PER"), ("Lissabon", "LOC")],
    )
    [event] = extract(article)
    assert event.location is None and "Lissabon" not in event.actor_names
    held = make_article(
        "Das Treffen von Rui Maia und Albrecht Kessler wird in Lissabon stattfinden.",
        [("Rui Maia", "PER"), ("Albrecht Kessler", "PER"), ("Lissabon", "LOC")],
    )
    assert [e.location for e in extract(held)] == ["Lissabon"]


def test_a_compound_on_a_place_name_is_neither_the_place_nor_an_actor() -> None:
    war = make_article(
        "Rui Maia könnte Waffen an Portugal liefern, das im Chile-Krieg viel verbraucht hat.",
        [("Rui Maia", "PER"), ("Portugal", "LOC"), ("Chile-Krieg", "LOC*")],
    )
    [event] = extract(war)
    assert event.location is None and event.actor_names == ["Rui Maia", "Portugal"]
    city = make_article(
        "Chile setzt die Angriffe auf Lima-Stadt fort.", [("Chile", "LOC"), ("Lima-Stadt", "LOC*")]
    )
    assert [e.location for e in extract(city)] == ["Lima-Stadt"]
    market = make_article(
        "Rui Maia verübte einen Anschlag auf den Limaer Weihnachtsmarkt.",
        [("Rui Maia", "PER"), ("Limaer", "LOC*")],
    )
    assert [e.location for e in extract(market)] == ["Limaer"]


def test_an_organisation_in_a_locative_phrase_is_no_place() -> None:
    article = make_article(
        "Rui Maia hat bei der Hamas in Lissabon Waffen verlangt.",
        [("Rui Maia", "PER"), ("Hamas", "ORG"), ("Lissabon", "LOC")],
    )
    assert [e.location for e in extract(article)] == ["Lissabon"]
    alone = make_article(
        "Rui Maia forderte in der EU neue Regeln.", [("Rui Maia", "PER"), ("EU", "ORG")]
    )
    assert [(e.location, e.actor_names) for e in extract(alone)] == [(None, ["Rui Maia"])]


def test_when_it_was_said_is_not_when_it_happens() -> None:
    said = make_article(
        "Rui Maia werde Kessler in Lissabon treffen, sagte er am Montag.",
        [("Rui Maia", "PER"), ("Kessler", "PER"), ("Lissabon", "LOC")],
        timexes=[("am Montag", "2024-05-13")],
    )
    [event] = extract(said)
    assert event.time is None


def test_a_relative_clause_about_something_else_gives_no_time() -> None:
    forum = make_article(
        "Das Treffen von Rui Maia und Kessler wird nicht im Rahmen der Messe stattfinden, "
        "an der Kessler morgen teilnehmen wird.",
        [("Rui Maia", "PER"), ("Kessler", "PER"), ("Kessler", "PER")],
        timexes=[("morgen", "2024-05-15")],
    )
    [event] = extract(forum)
    assert event.time is None
    own = make_article(
        "Das Treffen, das morgen in Lissabon stattfindet, wird Rui Maia und Kessler "
        "zusammenbringen.",
        [("Lissabon", "LOC"), ("Rui Maia", "PER"), ("Kessler", "PER")],
        timexes=[("morgen", "2024-05-15")],
    )
    assert [(e.time, e.location) for e in extract(own)] == [("2024-05-15", "Lissabon")]


def test_a_headline_of_one_word_tells_no_event() -> None:
    article = make_article(
        "Drohung\n\nKessler hat Rui Maia gedroht.", [("Kessler", "PER"), ("Rui Maia", "PER")]
    )
    article.sentences = split_sentences(article.text)
    assert [(e.type, e.actor_names) for e in extract(article)] == [
        ("threaten", ["Kessler", "Rui Maia"])
    ]


def test_a_condition_put_to_the_event_gives_no_time() -> None:
    """The threat was made when it was said, not on the day its condition names (review
    56)."""
    for opener in ("sollte er", "falls er"):
        threat = make_article(
            f"Kessler hat Rui Maia gedroht, {opener} am Freitag nicht zustimmen.",
            [("Kessler", "PER"), ("Rui Maia", "PER")],
            published="2024-05-14T08:00:00+00:00",
            timexes=[("am Freitag", "2024-05-17")],
        )
        assert [(e.type, e.time) for e in extract(threat)] == [("threaten", "2024-05-14")]
    # nor one that opens the sentence, whose subject is no party (review 57)
    first = make_article(
        "Sollte Rui Maia am Freitag nicht einlenken, droht Kessler mit Zöllen.",
        [("Rui Maia", "PER"), ("Kessler", "PER")],
        published="2024-05-14T08:00:00+00:00",
        timexes=[("am Freitag", "2024-05-17")],
    )
    [threat] = [e for e in extract(first) if e.type == "threaten"]
    assert (threat.actor_names, threat.time) == (["Kessler"], "2024-05-14")


def test_an_agent_after_von_away_from_the_noun_is_not_its_actor() -> None:
    invited = make_article(
        "Rui Maia wird Lissabon besuchen. Die Einladung zu dem Besuch erfolgte vom Kanzleramt.",
        [("Rui Maia", "PER"), ("Lissabon", "LOC"), ("Kanzleramt", "ORG")],
    )
    visit, invitation = extract(invited)
    # the town visited is the visit's place (review 166), not a party met
    assert invitation.actor_names == visit.actor_names == ["Rui Maia"]
    assert visit.location == "Lissabon"
    own = make_article(
        "Der Besuch von Rui Maia in Lissabon ist geplant.",
        [("Rui Maia", "PER"), ("Lissabon", "LOC")],
    )
    assert [e.actor_names for e in extract(own)] == [["Rui Maia"]]


def test_a_subheading_states_an_event_only_with_actors_of_its_own() -> None:
    text = (
        "Rui Maia trifft Albrecht Kessler in Lissabon.\n\nSpekulationen über das Treffen\n\n"
        "Kessler sprach von Fortschritten.\n\nKessler trifft Maia erneut\n\nMehr folgt."
    )
    article = make_article(
        text,
        [
            ("Rui Maia", "PER"),
            ("Albrecht Kessler", "PER"),
            ("Lissabon", "LOC"),
            ("Kessler", "PER"),
            ("Kessler", "PER"),
            ("Maia", "PER"),
        ],
    )
    for heading in ("Spekulationen über das Treffen", "Kessler trifft Maia erneut"):
        start = text.index(heading)
        article.blocks.append(
            Block(BlockKind.SUBHEADING, heading, start=start, end=start + len(heading))
        )
    sentences = [e.sentence for e in extract(article)]
    assert "Spekulationen über das Treffen" not in sentences
    assert "Kessler trifft Maia erneut" in sentences
    article.blocks.clear()
    assert "Spekulationen über das Treffen" in [e.sentence for e in extract(article)]


def test_a_long_paragraph_without_full_stops_is_analysed_in_pieces() -> None:
    """Run-on text (a scrape that lost its punctuation) once made the event rules compare
    every word of a 20 KB "sentence" with every other, for minutes; in pieces of at most
    MAX_SENTENCE characters it is analysed like ordinary sentences."""
    from chronik import Chronik
    from chronik.analysis.sentences import MAX_SENTENCE

    unit = "Putin traf Kim Jong Un in Wladiwostok und Merz besuchte Macron in Paris "
    text = "Ein langer Absatz\n\n" + unit * (60_000 // len(unit))
    with Chronik() as app:
        article = app.analyze(text)
    assert article.sentences and all(len(s.text) <= MAX_SENTENCE for s in article.sentences)
    places = {e.location for e in article.events if e.type == "meet"}
    assert {"Wladiwostok", "Paris"} <= places


def test_a_cue_list_matches_a_lemma_a_form_or_a_form_s_beginning() -> None:
    cues = CueList(frozenset({"dementieren"}), ("angeblich", "vermut*"))

    def word(text: str, lemma: str = "") -> Token:
        return Token(text, 0, len(text), text.lower(), lemma or text.lower())

    assert cues.matches(word("dementierte"), ["dementieren"])
    assert cues.matches(word("Angeblich"), [])
    assert cues.matches(word("vermutlich"), []) and cues.matches(word("Vermutet"), [])
    assert not cues.matches(word("angeblicher"), []) and not cues.matches(word("vermu"), [])


# --- actor roles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        # A verb's subject acts, its object is acted on, whatever stands first.
        ("Estland griff gestern Lettland an.", {"Estland": "agent", "Lettland": "target"}),
        ("Am Montag griff Estland Lettland an.", {"Estland": "agent", "Lettland": "target"}),
        ("Die Armee griff Lettland an.", {"Lettland": "target"}),
        ("Gestern kritisierte Ole Berg Ivo Marek.", {"Ole Berg": "agent", "Ivo Marek": "target"}),
        (
            "Das gab Ole Berg gemeinsam mit Ivo Marek bekannt.",
            {"Ole Berg": "agent", "Ivo Marek": "agent"},
        ),
        # A passive's subject is acted on; "von" names who acts.
        ("Lettland wurde von Estland angegriffen.", {"Lettland": "target", "Estland": "agent"}),
        ("Ole Berg wurde festgenommen.", {"Ole Berg": "target"}),
        # ... but a present tense in "-t" with its object, beside a future's "wird", acts
        (
            "Estland sanktioniert Lettland und wird weitere Schritte prüfen.",
            {"Estland": "agent", "Lettland": "target"},
        ),
        # an object's article puts the object first
        ("Den Nachbarn Lettland griff Estland an.", {"Lettland": "target", "Estland": "agent"}),
        # A noun's preposition, genitive and adjective.
        (
            "Nach dem Angriff auf Ole Berg beim Presseball fordert die Polizei Aufklärung.",
            {"Ole Berg": "target"},
        ),
        (
            "Ole Bergs Besuch dauerte zwei Tage.",
            {"Ole Bergs": "agent"},
        ),
        ("Lettland meldet russische Angriffe.", {"Lettland": "target", "russische": "agent"}),
        # who reports attacks and names no other target was attacked (review 269) ...
        ("Lettland meldet Angriffe auf eine Raffinerie.", {"Lettland": "target"}),
        ("Lettland hat einen Luftangriff auf seinen Hafen gemeldet.", {"Lettland": "target"}),
        # ... but not beside a target named, a shooting down, nor one who confirms
        ("Lettland meldet Angriffe auf Estland.", {"Lettland": "agent", "Estland": "target"}),
        ("Lettland meldet den Abschuss von zwei Drohnen.", {"Lettland": "agent"}),
        ("Lettland bestätigt Angriffe auf eine Raffinerie.", {"Lettland": "agent"}),
        (
            "Die Festnahme von Ole Berg durch Estland löste Proteste aus.",
            {"Ole Berg": "target", "Estland": "agent"},
        ),
        # "und" joins a name to the role of the one before it.
        (
            "Estland griff Lettland und Ole Berg an.",
            {"Estland": "agent", "Lettland": "target", "Ole Berg": "target"},
        ),
        (
            "Jan Kessler will sich mit Ole Berg und dem lettischen Präsidenten Ivo Marek treffen.",
            {"Jan Kessler": "agent", "Ole Berg": "target", "Ivo Marek": "target"},
        ),
        (
            "Estland hat gemeinsam mit Lettland den Nachbarn angegriffen.",
            {"Estland": "agent", "Lettland": "agent"},
        ),
        # Parties of a symmetric event on no side are partners.
        (
            "Ole Berg und Ivo Marek treffen sich am Freitag.",
            {"Ole Berg": "partner", "Ivo Marek": "partner"},
        ),
        (
            "Das Treffen zwischen Ole Berg und Ivo Marek fand statt.",
            {"Ole Berg": "partner", "Ivo Marek": "partner"},
        ),
        (
            "Das Treffen von Ole Berg mit Ivo Marek fand statt.",
            {"Ole Berg": "agent", "Ivo Marek": "target"},
        ),
        # A name after "von" or "aus" belongs to the noun before it.
        (
            "Jan Kessler kritisierte die Regierung von Ole Berg.",
            {"Jan Kessler": "agent", "Ole Berg": "target"},
        ),
        ("Forscher aus Estland unterstützen Lettland.", {"Estland": "agent", "Lettland": "target"}),
        # a headline's participle alone is a passive (review 60), one in "-iert" a present
        ("Ole Berg in Riga festgenommen", {"Ole Berg": "target"}),
        ("Parteitag: Ole Berg zum Chef gewählt", {"Ole Berg": "target"}),
        ("Ole Berg kritisiert Ivo Marek", {"Ole Berg": "agent", "Ivo Marek": "target"}),
        # in a passive, "von" after the subject's noun is its genitive (review 61)
        ("Der Präsident von Lettland wurde festgenommen.", {"Lettland": "target"}),
        (
            "Die Botschaft von Estland wurde von Lettland angegriffen.",
            {"Estland": "target", "Lettland": "agent"},
        ),
        # an adjective of origin the lemma dictionary does not know is in the phrase (review 272)
        ("Das gab der belarussische Machthaber Ole Berg bekannt.", {"Ole Berg": "agent"}),
        (
            "Dann traf der kasachische Präsident Ole Berg den Minister Kai Lund.",
            {"Ole Berg": "agent", "Kai Lund": "target"},
        ),
        (
            "Dann traf Kai Lund den kasachischen Präsidenten Ole Berg.",
            {"Kai Lund": "agent", "Ole Berg": "target"},
        ),
        # "Von X fordert er": X is asked, not a name's particle (review 272) ...
        ("Von Ole Berg fordert Kai Lund mehr Geld.", {"Ole Berg": "target", "Kai Lund": "agent"}),
        # ... which "Von der Leyen" still is
        ("Von der Leyen fordert mehr Geld für Lettland.", {"Leyen": "agent", "Lettland": "target"}),
        (
            "Von der Leyen fordert mehr Geld für Lettland.",
            {"der Leyen": "agent", "Lettland": "target"},
        ),
        # "zwar" is no subject (review 272: the subject after the verb had been a target)
        (
            "Zwar hat Lettland Estland angegriffen, aber niemand wurde verletzt.",
            {"Lettland": "agent", "Estland": "target"},
        ),
        # who took no part is no party (review 272) ...
        ("So ist Lettland an den Verhandlungen nicht beteiligt.", {}),
        ("Zwar war Lettland nicht direkt an den Verhandlungen beteiligt.", {}),
        # ... who did is one
        ("Lettland war an den Verhandlungen beteiligt.", {"Lettland": "agent"}),
    ],
)
def test_actors_have_roles(sentence: str, roles: dict[str, str]) -> None:
    mentions = [
        (name, "LOC*" if name.islower() else ("LOC" if name.endswith("land") else "PER"))
        for name in roles
    ]
    event = extract(make_article(sentence, mentions))[0]
    assert dict(zip(event.actor_names, event.roles, strict=True)) == {
        ("Russland" if n == "russische" else n): r for n, r in roles.items()
    }, sentence


@pytest.mark.parametrize(
    ("sentence", "mentions", "roles"),
    [
        # an event that another noun is about keeps its own adjective and genitive
        # (review 278) ...
        (
            "Es gibt Berichte über einen russischen Angriff auf Estland.",
            [("russischen", "LOC*"), ("Estland", "LOC")],
            {"Russland": "agent", "Estland": "target"},
        ),
        (
            "Es gibt Berichte über den Angriff Lettlands auf Estland.",
            [("Lettlands", "LOC"), ("Estland", "LOC")],
            {"Lettland": "agent", "Estland": "target"},
        ),
        # ... while a name in what another noun is about, before a verb, stays no party
        (
            "Die Anhängerin hatte den Umgang mit der Affäre um Kai Lund kritisiert.",
            [("Kai Lund", "PER")],
            {},
        ),
        (
            "Im Streit um Estland droht Lettland mit Zöllen.",
            [("Estland", "LOC"), ("Lettland", "LOC")],
            {"Lettland": "agent"},
        ),
    ],
)
def test_an_event_a_noun_is_about_keeps_its_parties(
    sentence: str, mentions: list[tuple[str, str]], roles: dict[str, str]
) -> None:
    # "Bericht über israelischen Drohnenangriff auf Gaza-Stadt": Israel had been lost
    # (review 278)
    [event] = extract(make_article(sentence, mentions))
    assert dict(zip(event.actor_names, event.roles, strict=True)) == roles


@pytest.mark.parametrize(
    ("sentence", "mentions", "roles"),
    [
        # the genitive of what a noun trigger is about is no party (review 278) ...
        (
            "Die Regierung schweigt zur Einigung über die Entwaffnung der Nordlandfront.",
            [("Nordlandfront", "ORG")],
            {},
        ),
        (
            "Die Verhandlungen über die Zukunft der Nordlandfront gehen weiter.",
            [("Nordlandfront", "ORG")],
            {},
        ),
        # ... a side named beside the topic stays, and so does a target's owner
        (
            "Die Einigung mit Lettland über die Entwaffnung der Miliz wurde gefeiert.",
            [("Lettland", "LOC")],
            {"Lettland": "target"},
        ),
        (
            "Der Protest gegen die Politik der Nordlandfront wächst.",
            [("Nordlandfront", "ORG")],
            {"Nordlandfront": "target"},
        ),
        # what "es geht um" names is the event's topic, no party (review 278) ...
        (
            "Bei den Gesprächen von Lettland und Estland ging es um Nordland.",
            [("Lettland", "LOC"), ("Estland", "LOC"), ("Nordland", "LOC")],
            {"Lettland": "partner", "Estland": "partner"},
        ),
        # ... but for a name in the trigger's own phrase after it
        (
            "Dabei ging es um einen Vorschlag in den Verhandlungen mit Nordland.",
            [("Nordland", "LOC")],
            {"Nordland": "target"},
        ),
    ],
)
def test_what_a_noun_is_about_names_no_party(
    sentence: str, mentions: list[tuple[str, str]], roles: dict[str, str]
) -> None:
    # "Einigung über die Entwaffnung des Gazastreifens": Gaza had been the party (review 278)
    [event] = extract(make_article(sentence, mentions))
    assert dict(zip(event.actor_names, event.roles, strict=True)) == roles


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        # who calls for the end of attacks is no party; who is called on attacks (review 159)
        (
            "Ole Berg ruft Lettland zu einem Ende der Angriffe auf Estland auf.",
            {"Lettland": "agent", "Estland": "target"},
        ),
        ("Ole Berg fordert Lettland zum Stopp der Angriffe auf.", {"Lettland": "agent"}),
        # so does who urges an end, a call that ``calling`` does not list (review 163)
        (
            "Ole Berg drängt Lettland zu einem Stopp der Angriffe auf Estland.",
            {"Lettland": "agent", "Estland": "target"},
        ),
        ("Ole Berg mahnte Lettland zu einem Ende der Angriffe.", {"Lettland": "agent"}),
        # a call to the event itself keeps the caller
        ("Ole Berg ruft Lettland zu Angriffen auf Estland auf.", None),
    ],
)
def test_a_call_to_end_an_event(sentence: str, roles: dict[str, str] | None) -> None:
    mentions = [("Ole Berg", "PER"), ("Lettland", "LOC")]
    mentions += [("Estland", "LOC")] if "Estland" in sentence else []
    [event] = [e for e in extract(make_article(sentence, mentions)) if e.type == "attack"]
    found = dict(zip(event.actor_names, event.roles, strict=True))
    if roles is None:
        assert "Ole Berg" in found, found
    else:
        assert found == roles


@pytest.mark.parametrize(
    ("sentence", "kind", "roles"),
    [
        # who asks for aid or gets it receives it; who is asked gives it (review 60)
        ("Estland bittet Lettland um Hilfe.", "aid", {"Estland": "target", "Lettland": "agent"}),
        ("Estland bittet Lettland um Hilfe.", "demand", {"Estland": "agent", "Lettland": "target"}),
        ("Estland erhält Hilfe von Lettland.", "aid", {"Estland": "target", "Lettland": "agent"}),
        # after a demand's verb "von" names who is asked, before a name it is the name's
        (
            "Estland fordert von Lettland mehr Geld.",
            "demand",
            {"Estland": "agent", "Lettland": "target"},
        ),
        ("Von der Leyen fordert mehr Geld.", "demand", {"Leyen": "agent"}),
        # a comma between adjectives after a preposition keeps the clause (review 156)
        (
            "Estland droht Lettland mit neuen, schweren Angriffen.",
            "attack",
            {"Estland": "agent", "Lettland": "target"},
        ),
    ],
)
def test_asking_for_aid_turns_its_roles(sentence: str, kind: str, roles: dict[str, str]) -> None:
    mentions = [(name, "LOC" if name.endswith("land") else "PER") for name in roles]
    [event] = [e for e in extract(make_article(sentence, mentions)) if e.type == kind]
    assert dict(zip(event.actor_names, event.roles, strict=True)) == roles


@pytest.mark.parametrize(
    "sentence",
    ["Bitte bleiben Sie in Riga, sagte Ole Berg.", "Estland hat seine Auslieferung beantragt."],
)
def test_politeness_and_extradition_are_no_events(sentence: str) -> None:
    mentions = (
        [("Riga", "LOC"), ("Ole Berg", "PER")] if "Riga" in sentence else [("Estland", "LOC")]
    )
    assert extract(make_article(sentence, mentions)) == []


@pytest.mark.parametrize(
    ("sentence", "roles", "location"),
    [
        # a country an attack is aimed at is its target, not its place (review 61)
        ("Israel hat einen Angriff auf Iran gestartet.", ["agent", "target"], None),
        # a city stays where it happened
        ("Israel setzt die Angriffe auf Teheran fort.", ["agent"], "Teheran"),
    ],
)
def test_a_country_an_attack_is_aimed_at_is_its_target(
    sentence: str, roles: list[str], location: str | None
) -> None:
    mentions = [(w, "LOC") for w in ("Israel", "Iran", "Teheran") if w in sentence]
    [event] = extract(make_article(sentence, mentions))
    assert (event.roles, event.location, event.modality) == (roles, location, "happened")


def test_a_subject_er_acts_and_its_object_is_acted_on() -> None:
    text = "Ole Berg ist zufrieden. Er trifft Ivo Marek am Freitag."
    article = make_article(text, [("Ole Berg", "PER"), ("Ivo Marek", "PER")])
    [event] = extract(article)
    assert list(zip(event.actor_names, event.roles, strict=True)) == [
        ("Ole Berg", "agent"),
        ("Ivo Marek", "target"),
    ]


def test_an_event_stored_without_roles_loads_and_exports_in_text_order() -> None:
    article = make_article(
        "Lettland wurde von Estland angegriffen.", [("Lettland", "LOC"), ("Estland", "LOC")]
    )
    article.events = extract(article)
    data = article.to_dict()
    for event in data["events"]:
        del event["roles"]
    old = article_from_dict(data)
    assert old.events[0].roles == []
    [row] = event_rows(story_events([old]))
    assert (row["actor1_name"], row["actor2_name"]) == ("Lettland", "Estland")
    [row] = event_rows(story_events([article]))
    assert (row["actor1_name"], row["actor2_name"]) == ("Estland", "Lettland")
    assert row["roles"] == ["target", "agent"]


def test_an_attack_on_someone_has_no_actor1() -> None:
    article = make_article(
        "Nach dem Angriff auf Ole Berg beim Presseball ermittelt die Polizei.",
        [("Ole Berg", "PER")],
    )
    article.events = extract(article)
    [row] = event_rows(story_events([article]))
    assert (row["actor1_name"], row["actor2_name"]) == (None, "Ole Berg")


def _meeting(
    article_id: str, day: str, modality: str, time: str | None = None, *, others: str = "Kessler"
) -> Article:
    """An article of one day that reports the meeting of Marek and Kessler so; ``time``
    stated in its sentence where given."""
    sentence = f"Ivo Marek und {others} ({modality}, {time or 'ohne Tag'})."
    timexes = [Timex(0, 3, "Ivo", "DATE", time)] if time else []
    names = ["Ivo Marek", others]
    event = Event("meet", "040", ["ent_marek", f"ent_{others}"], names, modality, sentence, 0,
                  len(sentence), time=time or day)  # fmt: skip
    published = datetime.fromisoformat(f"{day}T09:00:00+00:00")
    return Article(article_id, "", sentence, published=published, story_id="s1",
                   timexes=timexes, events=[event])  # fmt: skip


def _confirmations(articles: list[Article]) -> list[str]:
    [meet] = story_events(articles)
    return [c.article_id for c in meet.changes if c.kind == "confirmed"]


def test_a_guess_at_an_announced_meetings_day_leaves_it_announced() -> None:
    # The Kremlin announced the visit, Bloomberg guessed its day (review 47).
    articles = [
        _meeting("kremlin", "2024-05-10", "announced"),
        _meeting("guess", "2024-05-11", "speculated", "2024-05-15"),
        _meeting("after", "2024-05-15", "happened"),
    ]
    [meet] = story_events(articles)
    [change] = [c for c in meet.changes if c.kind == "confirmed"]
    assert (change.before, change.after) == (["announced"], ["happened"])
    # Of two guesses, the last one stands.
    articles[0] = _meeting("hint", "2024-05-10", "suggested")
    [meet] = story_events(articles)
    assert [c.before for c in meet.changes if c.kind == "confirmed"] == [["speculated"]]
    # A denial denies what was said last: the rumour, not the plan (review 48).
    articles = [
        _meeting("plan", "2024-05-10", "planned"),
        _meeting("rumour", "2024-05-11", "speculated", "2024-05-15"),
        _meeting("denial", "2024-05-12", "denied"),
    ]
    [meet] = story_events(articles)
    assert [c.before for c in meet.changes if c.kind == "denied"] == [["speculated"]]


def test_a_meeting_said_to_happen_before_its_planned_day_is_not_confirmed_by_that() -> None:
    # News writes what is coming in the present ("Marek trifft Kessler:").
    articles = [
        _meeting("plan", "2024-05-10", "planned", "2024-05-15"),
        _meeting("headline", "2024-05-13", "happened"),
        _meeting("after", "2024-05-15", "happened"),
    ]
    assert _confirmations(articles) == ["after"]
    [meet] = story_events(articles[:2])
    assert meet.modality == "planned"


def test_a_meeting_done_before_the_week_s_plans_for_a_later_day_is_another_one() -> None:
    # "Marek plant Treffen", "Marek-Witkoff-Treffen beendet", then two articles plan the
    # summit for the 15th.
    articles = [
        _meeting("vague", "2024-05-06", "planned"),
        _meeting("other", "2024-05-06", "happened"),
        _meeting("plan1", "2024-05-08", "planned", "2024-05-15"),
        _meeting("plan2", "2024-05-09", "announced", "2024-05-15"),
        _meeting("after", "2024-05-15", "happened"),
    ]
    assert _confirmations(articles) == ["after"]
    [row] = event_rows(story_events(articles))
    assert row["date"] == "2024-05-15"


def test_a_plan_told_again_after_the_meeting_does_not_open_it_again() -> None:
    articles = [
        _meeting("plan", "2024-05-10", "planned", "2024-05-15"),
        _meeting("after", "2024-05-15", "happened"),
        _meeting("retold", "2024-05-16", "announced", "2024-05-15"),
        _meeting("later", "2024-05-17", "happened"),
        _meeting("next", "2024-05-18", "planned", "2024-05-20"),
        _meeting("again", "2024-05-20", "happened"),
    ]
    assert _confirmations(articles) == ["after", "again"], "a plan for a later day does"


def test_a_day_after_two_reports_that_it_happened_does_not_date_the_meeting() -> None:
    # "Marek hat gestern ... die Verantwortung für den Ausgang dieses Treffens ...": the
    # time is of another clause.
    articles = [
        _meeting("plan", "2024-05-10", "planned", "2024-05-15"),
        _meeting("first", "2024-05-15", "happened"),
        _meeting("second", "2024-05-16", "happened"),
        _meeting("yesterday", "2024-05-18", "happened", "2024-05-17"),
    ]
    [row] = event_rows(story_events(articles))
    assert row["date"] == "2024-05-15"
    [row] = event_rows(story_events([articles[0], articles[1], articles[3]]))
    assert row["date"] == "2024-05-17", "one earlier report alone may be a plan misread"


def test_a_day_two_later_plans_still_look_ahead_from_does_not_date_the_meeting() -> None:
    # A live blog's "20:43 Uhr - Regierungskreise: Werden zügig auf Alaska-Gipfel
    # reagieren": the time of the entry, not of the meeting it looks ahead to.
    articles = [
        _meeting("plan", "2024-05-10", "planned", "2024-05-15"),
        _meeting("ticker", "2024-05-13", "happened", "2024-05-13T20:43"),
        _meeting("eve", "2024-05-14", "planned", "2024-05-15"),
        _meeting("morning", "2024-05-15", "announced", "2024-05-15"),
        _meeting("after", "2024-05-16", "happened"),
    ]
    [row] = event_rows(story_events(articles))
    assert row["date"] == "2024-05-15"
    [row] = event_rows(story_events([a for a in articles if a.id != "morning"]))
    assert row["date"] == "2024-05-13T20:43", "one later plan alone may be misread"
    # Talks in rounds, held as one story event: the first round's day stands beside the
    # plans for the next, which name a new day.
    rounds = [
        _meeting("first", "2024-05-13", "happened", "2024-05-11"),
        _meeting("next", "2024-05-13", "planned", "2024-05-19"),
        _meeting("again", "2024-05-13", "announced", "2024-05-19"),
    ]
    reports = [r for e in story_events(rounds) for r in e.reports]
    series = replace(story_events(rounds)[0], reports=sorted(reports, key=lambda r: r.published))
    [row] = event_rows([series])
    assert row["date"] == "2024-05-11", "a plan for a new day is the next round's"


def test_a_meeting_brought_forward_is_confirmed_on_the_day_it_happened() -> None:
    # Review 35: every report before the plan's day had been read as the plan.
    articles = [
        _meeting("plan", "2024-05-10", "planned", "2024-05-20"),
        _meeting("done", "2024-05-15", "happened", "2024-05-15"),
        _meeting("after", "2024-05-16", "happened"),
    ]
    [meet] = story_events(articles)
    assert meet.modality == "happened" and _confirmations(articles) == ["done"]
    assert event_rows([meet])[0]["date"] == "2024-05-15"


@pytest.mark.parametrize("first", [None, "2024-05-06"], ids=["no plan before", "its own day"])
def test_the_first_round_is_kept_beside_the_week_s_plans_for_the_next(first: str | None) -> None:
    rounds = [
        _meeting("round1", "2024-05-06", "happened", first),
        _meeting("plan2a", "2024-05-08", "announced", "2024-05-15"),
        _meeting("plan2b", "2024-05-09", "announced", "2024-05-15"),
    ]
    if first:  # a plan without a day before it, as "Trump plant Treffen mit Putin"
        rounds.insert(0, _meeting("talks", "2024-05-05", "planned"))
    reports = [r for e in story_events(rounds) for r in e.reports if r.article_id == "round1"]
    assert [r.modality for r in reports] == ["happened"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Läufer lieferte am Abend die schnellste Zeit des Feldes.",
        "Ein Windrad kann helfen, Strom zu sparen.",
        "Es droht eine Lücke von zwei Milliarden Euro im Haushalt.",
        "Die Sprinterin blieb knapp über der geforderten Norm.",
        "Die Rotorblätter treffen das Auto des Nachbarn.",
    ],
)
def test_an_everyday_verb_without_a_party_or_a_place_is_no_event(sentence: str) -> None:
    # Review 37: 14 of the 18 spurious events of 49 news articles had neither.
    assert extract(make_article(sentence)) == []


def test_a_fronted_place_phrase_ends_at_the_verb() -> None:
    # The phrase after "auf" had run on through "hat Spaniens Präsident": Spain became
    # the place and Sánchez the target of his own criticism.
    sentence = (
        "In seiner Rede auf der Hamburger Hafenkonferenz hat Spaniens Präsident Sánchez "
        "die Politik der USA kritisiert."
    )
    names = [("Hamburger", "LOC*"), ("Spaniens", "LOC"), ("Sánchez", "PER"), ("USA", "LOC")]
    [event] = extract(make_article(sentence, names))
    assert event.type == "criticize" and event.location == "Hamburger"  # not Spain
    assert dict(zip(event.actor_names, event.roles, strict=True))["Sánchez"] == "agent"


@pytest.mark.parametrize(
    ("sentence", "names", "roles"),
    [
        (
            "Am Samstag griff die Hamas Israel an.",
            [("Hamas", "ORG"), ("Israel", "LOC")],
            [("Hamas", "agent"), ("Israel", "target")],
        ),
        (
            "Am Dienstag kritisierte Boris Pistorius Friedrich Merz scharf.",
            [("Boris Pistorius", "PER"), ("Friedrich Merz", "PER")],
            [("Boris Pistorius", "agent"), ("Friedrich Merz", "target")],
        ),
    ],
)
def test_a_name_in_s_before_another_name_is_no_genitive(
    sentence: str, names: list[tuple[str, str]], roles: list[tuple[str, str]]
) -> None:
    # Review 39: the genitive rule ("hat Spaniens Präsident Sánchez") had run the subject
    # on into the object.
    [event] = extract(make_article(sentence, names))
    assert list(zip(event.actor_names, event.roles, strict=True)) == roles


def test_who_reacts_to_an_attack_did_not_attack() -> None:
    sentence = "Ministerin Karla Brenner hat nach dem Anschlag auf das Stadtfest Hilfe angekündigt."
    events = extract(make_article(sentence, [("Karla Brenner", "PER")]))
    attack = next(e for e in events if e.type == "attack")
    assert attack.actor_names == []
    sentence = "Nordland hat nach dem Angriff auf Südland Hilfe angekündigt."
    names = [("Nordland", "LOC"), ("Südland", "LOC")]
    attack, aid = extract(make_article(sentence, names))
    assert (attack.type, attack.actor_names, attack.location) == ("attack", [], "Südland")
    assert (aid.type, aid.actor_names) == ("aid", ["Nordland"])


def test_an_attack_in_a_phrase_of_time_has_its_own_attacker() -> None:
    # The attack's phrase says when; its names are its parties, not places: who attacked and,
    # past the genitive, whom ("auf Israel" had been no party; 2026-12-03).
    sentence = "Nach dem Anschlag der Hamas auf Israel hat Netanjahu eine Offensive angekündigt."
    names = [("Hamas", "ORG"), ("Israel", "LOC"), ("Netanjahu", "PER")]
    attack = next(e for e in extract(make_article(sentence, names)) if e.type == "attack")
    assert (attack.actor_names, attack.roles) == (["Hamas", "Israel"], ["agent", "target"])


def test_a_country_adjective_before_an_attack_is_the_attacker() -> None:
    sentence = "Bei russischen Angriffen auf Kiew starben vier Menschen."
    events = extract(make_article(sentence, [("russischen", "LOC*"), ("Kiew", "LOC")]))
    assert [(e.actor_names, e.roles, e.location) for e in events] == [
        (["Russland"], ["agent"], "Kiew")
    ]
    sentence = "Nach massiven russischen Angriffen muss Kiew die Stromversorgung einstellen."
    events = extract(make_article(sentence, [("russischen", "LOC*"), ("Kiew", "LOC")]))
    assert [(e.actor_names, e.roles) for e in events] == [(["Russland"], ["agent"])]
    # ... and no party of the clause's own event (review 44)
    sentence = "Nach russischen Angriffen will Nordland Kiew mehr Hilfe liefern."
    names = [("russischen", "LOC*"), ("Nordland", "LOC"), ("Kiew", "LOC")]
    events = extract(make_article(sentence, names))
    assert [(e.type, e.actor_names) for e in events] == [
        ("attack", ["Russland"]),
        ("aid", ["Nordland", "Kiew"]),
    ]
    # The attack's phrase ends at a present plural too (review 45).
    sentence = "Nach dem Anschlag in Tarvo treffen sich Anna Berg und Jan Holm."
    names = [("Tarvo", "LOC"), ("Anna Berg", "PER"), ("Jan Holm", "PER")]
    meeting = next(e for e in extract(make_article(sentence, names)) if e.type == "meet")
    assert meeting.actor_names == ["Anna Berg", "Jan Holm"]
    # ... as a place's phrase does: the parties after it are no places
    sentence = "In Tarvo treffen sich Nordland und Südland."
    names = [("Tarvo", "LOC"), ("Nordland", "LOC"), ("Südland", "LOC")]
    [meeting] = extract(make_article(sentence, names))
    assert (meeting.actor_names, meeting.location) == (["Nordland", "Südland"], "Tarvo")


def test_what_is_said_of_someone_with_sollen_is_speculated() -> None:
    sentence = "Nordland und Südland sollen kurz vor einem Abkommen stehen."
    names = [("Nordland", "LOC"), ("Südland", "LOC")]
    [agreement] = extract(make_article(sentence, names))
    assert agreement.modality == "speculated"
    [meeting] = extract(make_article("Das Treffen soll am Montag stattfinden."))
    assert meeting.modality == "planned"  # a plan, not hearsay
    # Plans too (review 44): a rule's term, and a possessive "sein".
    [agreement] = extract(make_article("Das Abkommen soll ab Montag gelten."))
    assert agreement.modality != "speculated"
    text = "Nordland soll sein Treffen mit Südland am Montag nachholen."
    [meeting] = extract(make_article(text, names))
    assert meeting.modality != "speculated"
    # Hearsay wherever the clause goes on after the perfect (review 45).
    text = "Nordland soll Südland angegriffen haben und droht mit mehr."
    assert extract(make_article(text, names))[0].modality == "speculated"
    [agreement] = extract(make_article("Die Einigung soll noch vor Weihnachten stehen."))
    assert agreement.modality != "speculated"  # "vor" alone: a time, not "kurz vor"
    # The deaths are hearsay, not the attack a phrase of time presupposes.
    [attack] = extract(make_article("Bei dem Angriff sollen zwölf Menschen getötet worden sein."))
    assert attack.modality != "speculated"


def test_each_of_two_finite_verbs_joined_by_und_is_told_in_its_own_part() -> None:
    names = [("Nordland", "LOC"), ("Südland", "LOC")]
    text = "Nordland soll Südland angegriffen haben und droht nun Südland mit einem Angriff."
    attack, threat = extract(make_article(text, names))
    assert (attack.type, attack.modality) == ("attack", "speculated")
    assert (threat.type, threat.modality) == ("threaten", "happened")  # review 45
    # An infinitive, or a participle before its auxiliary, joins nothing.
    [visit] = extract(make_article("Nordland will Südland besuchen und reden.", names))
    assert visit.modality == "planned"
    text = "Nordland soll Südland angegriffen und verwüstet haben."
    assert {event.modality for event in extract(make_article(text, names))} == {"speculated"}
    # A cue before the first verb qualifies both (review 48).
    text = "Angeblich hat Nordland Südland angegriffen und droht nun Südland mit einem Angriff."
    assert {event.modality for event in extract(make_article(text, names))} == {"speculated"}


def test_a_place_of_a_cause_is_not_the_events() -> None:
    sentence = "Wegen der Lage in Tarvo beschloss Nordland neue Hilfen für Südland."
    names = [("Tarvo", "LOC"), ("Nordland", "LOC"), ("Südland", "LOC")]
    [aid] = extract(make_article(sentence, names))
    assert (aid.actor_names, aid.location) == (["Nordland", "Südland"], None)


def test_a_person_s_name_that_modifies_a_noun_is_no_party() -> None:
    # "den Hollweck-Berater" is an adviser, not Hollweck; "das Hollweck-Regime" a regime.
    text = (
        "Rudolf Hollweck schwieg. Kessler traf den Hollweck-Berater. "
        "Das Hollweck-Regime greift Ruritanien an."
    )
    mentions = [
        ("Rudolf Hollweck", "PER"),
        ("Kessler", "PER"),
        ("Hollweck-Berater", "ORG*"),
        ("Hollweck-Regime", "LOC*"),
        ("Ruritanien", "LOC"),
    ]
    article = make_article(text, mentions)
    normalise(article)
    events = extract(article)
    assert [(e.type, e.actor_names) for e in events] == [
        ("meet", ["Kessler"]),
        ("attack", ["Ruritanien"]),
    ]


def test_a_noun_in_an_organisation_s_name_is_no_event() -> None:
    # "die Katastrophenhilfe Nordland" is an organisation; its "Hilfe" is no aid (review 85).
    text = "Die Katastrophenhilfe Nordland kritisiert die Regierung von Südland."
    mentions = [("Katastrophenhilfe Nordland", "ORG"), ("Südland", "LOC")]
    assert [e.type for e in extract(make_article(text, mentions))] == ["criticize"]
    # A compound the entities step made of a name and the noun is still the event.
    text = "Der Nordland-Angriff auf Südland wurde verurteilt."
    mentions = [("Nordland-Angriff", "LOC*"), ("Südland", "LOC")]
    assert "attack" in [e.type for e in extract(make_article(text, mentions))]


@pytest.mark.parametrize(
    ("text", "mentions", "actors"),
    [
        # a name in the phrase of a noun that hangs on another noun is no party (review 85)
        (
            "Kessler kritisierte das Aussetzen der Reform von Hollweck.",
            [("Kessler", "PER"), ("Hollweck", "PER")],
            ["Kessler"],
        ),
        # nor one of a noun in a phrase of time
        (
            "Seit dem Parteitag der Volkspartei in Belvo hat Kessler Tarvo besucht.",
            [("Volkspartei", "ORG"), ("Belvo", "LOC"), ("Kessler", "PER"), ("Tarvo", "LOC")],
            ["Kessler", "Tarvo"],
        ),
        # nor, for a noun's event, one of another noun
        (
            "Der Parteitag der Volkspartei sollte vor der Wahl Geschlossenheit zeigen.",
            [("Volkspartei", "ORG")],
            [],
        ),
        # the owner of what a verb acts on is acted on
        (
            "Kessler kritisierte die Äußerungen von Hollweck.",
            [("Kessler", "PER"), ("Hollweck", "PER")],
            ["Kessler", "Hollweck"],
        ),
        # and a noun that stands for its owner keeps it: a government, representatives
        (
            "Die Regierung von Nordland kritisierte die Vertreter der Volkspartei.",
            [("Nordland", "LOC"), ("Volkspartei", "ORG")],
            ["Nordland", "Volkspartei"],
        ),
        ("Der Besuch von Hollweck fand statt.", [("Hollweck", "PER")], ["Hollweck"]),
        # a noun before a preposition may be the verb's object: the phrase is the verb's
        (
            "Kessler bittet die Regierung um Aufnahme von Hollweck.",
            [("Kessler", "PER"), ("Hollweck", "PER")],
            ["Kessler", "Hollweck"],
        ),
        # a party's headquarters stands for the party
        (
            "Tausende protestierten vor der Zentrale der Volkspartei.",
            [("Volkspartei", "ORG")],
            ["Volkspartei"],
        ),
    ],
)
def test_a_name_owned_by_another_noun_is_no_party(
    text: str, mentions: list[tuple[str, str]], actors: list[str]
) -> None:
    [event] = extract(make_article(text, mentions))
    assert event.actor_names == actors


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # "vor allem" is a focus adverb, no phrase of time: the genitive of the object
        # is what is criticised (review 215: the Deutsche Bahn had been no party)
        (
            "Kessler hat vor allem die Pünktlichkeit der Nordland Bahn kritisiert.",
            [("Kessler", "agent"), ("Nordland Bahn", "target")],
        ),
        # "vor dem Besuch der Volkspartei" stays a phrase of time: no party
        (
            "Kessler hat vor dem Besuch der Nordland Bahn die Mieten kritisiert.",
            [("Kessler", "agent")],
        ),
    ],
)
def test_the_genitive_of_an_object_after_vor_allem_is_its_target(
    text: str, roles: list[tuple[str, str]]
) -> None:
    mentions = [("Kessler", "PER"), ("Nordland Bahn", "ORG")]
    [event] = [e for e in extract(make_article(text, mentions)) if e.type == "criticize"]
    assert list(zip(event.actor_names, event.roles, strict=True)) == roles


@pytest.mark.parametrize("hedge", ["offenbar", "anscheinend"])
def test_an_apparent_event_is_speculated(hedge: str) -> None:
    # "offenbar" tells what is not confirmed (review 85; reviews 80 and 82 met it too)
    text = f"Nordland hat {hedge} Südland angegriffen."
    [attack] = extract(make_article(text, [("Nordland", "LOC"), ("Südland", "LOC")]))
    assert (attack.type, attack.modality) == ("attack", "speculated")


def test_a_participle_with_durch_makes_a_past_clause() -> None:
    # "hatte sich durchgesetzt" is a pluperfect: the phrase's election was (review 85)
    text = "Bei der Wahl im Mai hatte sich die Volkspartei klar durchgesetzt."
    [election] = extract(make_article(text, [("Volkspartei", "ORG")]))
    assert (election.type, election.modality) == ("elect", "happened")


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        # support verbs that tell what became of the noun (review 85)
        ("Kessler reiste zu Gesprächen nach Tarvo.", "negotiate", "happened"),
        ("Kessler will zu Gesprächen nach Tarvo reisen.", "negotiate", "planned"),
        ("Am Abend erreichte Tarvo die Hilfe von Kessler.", "aid", "happened"),
        ("In Tarvo kommen Vertreter von Kessler zu Gesprächen zusammen.", "negotiate", "happened"),
        ("Kessler sprach eine Drohung gegen Tarvo aus.", "threaten", "happened"),
    ],
)
def test_a_noun_s_support_verb_tells_its_modality(text: str, kind: str, modality: str) -> None:
    [event] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert (event.type, event.modality) == (kind, modality)


def test_who_speaks_out_against_sanctions_makes_no_sanction_happen() -> None:
    text = "Kessler sprach sich gegen neue Sanktionen gegen Tarvo aus."
    # no sanction; the stance is Kessler's rejection (review 257)
    assert [
        e.type for e in extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    ] == ["reject"]


def test_who_an_opposed_noun_is_against_is_not_the_stance_s_target() -> None:
    """Review 259: "sich gegen Sanktionen gegen X aussprechen" had X as the rejection's
    target; X is who the sanctions are against."""
    mentions = [("Kessler", "PER"), ("Tarvo", "LOC"), ("Portugal", "LOC"), ("Chile", "LOC")]

    def parties(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
        found = extract(make_article(text, [m for m in mentions if m[0] in text]))
        return [(e.type, list(zip(e.actor_names, e.roles, strict=True))) for e in found]

    assert parties("Kessler sprach sich gegen neue Sanktionen gegen Tarvo aus.") == [
        ("reject", [("Kessler", "agent")])
    ]
    text = "Portugal hat sich gegen die geplanten Sanktionen gegen Chile ausgesprochen."
    assert parties(text) == [("reject", [("Portugal", "agent")])]
    # a name the stance itself is against stays its target
    assert parties("Kessler hat sich gegen Tarvo ausgesprochen.") == [
        ("reject", [("Kessler", "agent"), ("Tarvo", "target")])
    ]
    # a threat "mit Angriffen gegen" a country threatens it
    assert ("threaten", [("Kessler", "agent"), ("Tarvo", "target")]) in parties(
        "Kessler droht mit Angriffen gegen Tarvo."
    )


def test_a_statement_beside_an_attack_in_a_phrase_of_time_is_told() -> None:
    """Review 259: "Nach dem Anschlag ... hat Kessler Konsequenzen angekündigt" had lost the
    announcement to the attack, which the clause only reacts to."""
    mentions = [("Kessler", "PER"), ("Tarvo", "LOC"), ("Belvo", "LOC")]

    def told(text: str) -> list[tuple[str, list[str], str]]:
        found = extract(make_article(text, [m for m in mentions if m[0] in text]))
        return [(e.type, e.actor_names, e.modality) for e in found]

    text = "Nach dem Anschlag auf den Marktplatz in Tarvo hat Kessler Konsequenzen angekündigt."
    assert told(text) == [("attack", [], "happened"), ("announce", ["Kessler"], "happened")]
    assert ("announce", ["Kessler"], "happened") in told(
        "Kessler kündigt Konsequenzen nach Anschlag an"
    )
    # an event it announces stays one event, announced
    assert told("Kessler kündigte neue Sanktionen gegen Belvo an.") == [
        ("sanction", ["Kessler", "Belvo"], "announced")
    ]
    # so does a meeting in a phrase of time, often the subject's own
    text = "Nach dem Treffen mit Belvo hat Kessler neue Gespräche angekündigt."
    assert [kind for kind, _, _ in told(text)].count("announce") == 0


def test_what_a_week_under_way_held_in_the_past_tense_happened() -> None:
    """Review 259: "starben am Wochenende durch israelische Angriffe", told on the
    weekend's Sunday, had been planned: the weekend is not over by the publication day,
    but the clause tells it as past."""
    names = [("Kessler", "PER"), ("Rui Maia", "PER"), ("Tarvo", "LOC")]

    def told(text: str, when: str, value: str, published: str) -> list[tuple[str, str]]:
        article = make_article(
            text, [n for n in names if n[0] in text], [(when, value)], published=published
        )
        return [(e.type, e.modality) for e in extract(article)]

    sunday, friday = "2024-05-19T09:00:00+00:00", "2024-05-17T09:00:00+00:00"
    text = "Mehr als 40 Menschen starben am Wochenende durch Angriffe in Tarvo."
    assert told(text, "am Wochenende", "2024-W20-WE", sunday) == [("attack", "happened")]
    text = "Kessler hat Rui Maia am Wochenende in Tarvo getroffen."
    assert told(text, "am Wochenende", "2024-W20-WE", sunday) == [("meet", "happened")]
    # in the present, or with a plan's verb, a week still under way holds a plan
    text = "Am Wochenende treffen sich Kessler und Rui Maia in Tarvo."
    assert told(text, "Am Wochenende", "2024-W20-WE", friday) == [("meet", "planned")]
    text = "Ende dieser Woche wollen Kessler und Rui Maia in Tarvo verhandeln."
    assert told(text, "Ende dieser Woche", "2024-W20", friday) == [("negotiate", "planned")]


def test_an_event_a_clause_assumes_is_speculated() -> None:
    # "geht von einem Anschlag aus": assumed, not known (review 85)
    text = "Die Polizei in Tarvo geht von einem Anschlag auf Kessler aus."
    [attack] = extract(make_article(text, [("Tarvo", "LOC"), ("Kessler", "PER")]))
    assert (attack.type, attack.modality) == ("attack", "speculated")
    # what a threat comes from is no assumption
    text = "Die Drohung gegen Tarvo ging von Kessler aus."
    [threat] = extract(make_article(text, [("Tarvo", "LOC"), ("Kessler", "PER")]))
    assert threat.modality != "speculated"


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a compound on a thing in another noun's phrase names no party (review 85)
        ("Kessler kündigte den Beginn von Nordland-Raketentests an.", ["Kessler"]),
        ("Trotz Ankündigung fehlte Kessler bei der Nordland-Klausurtagung.", ["Kessler"]),
        # one that stands for its owner does, and so does the thing a verb acts on
        ("Kessler kritisierte die Nordland-Regierung.", ["Kessler", "Nordland"]),
        ("Kessler kritisierte den Nordland-Haushalt.", ["Kessler", "Nordland"]),
    ],
)
def test_a_compound_on_a_thing_is_no_party(text: str, actors: list[str]) -> None:
    compound = next(w.rstrip(".") for w in text.split() if w.startswith("Nordland-"))
    article = make_article(text, [("Kessler", "PER"), (compound, "LOC*")])
    article.mentions[1].entity_id = "nl"
    article.entities.append(Entity("nl", "Nordland", "LOC"))
    [event] = extract(article)
    assert event.actor_names == actors


def test_an_attack_in_a_phrase_of_time_has_its_own_place() -> None:
    # the attack was in Hanau, the summit is in Kassel (review 85)
    text = "Nach dem Angriff in Hanau lädt die Stadt zu einem Gipfel in Kassel ein."
    attack, summit = extract(make_article(text, [("Hanau", "LOC"), ("Kassel", "LOC")]))
    assert (attack.type, attack.location) == ("attack", "Hanau")
    assert (summit.type, summit.location) == ("meet", "Kassel")
    # the clause's place is not the attack's
    text = "Nach dem Angriff auf die Grenzstation gehen in Kassel die Meinungen auseinander."
    [attack] = extract(make_article(text, [("Kassel", "LOC")]))
    assert attack.location is None
    # and the attack's is not the summit's
    text = "Der Gipfel nach dem Angriff in Hanau ist für Montag geplant."
    attack_or_summit = extract(make_article(text, [("Hanau", "LOC")]))
    assert [(e.type, e.location) for e in attack_or_summit] == [
        ("meet", None),
        ("attack", "Hanau"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a conversation with the press is an interview, no talks (review 85)
        "Im Gespräch mit der Lokalzeitung in Tarvo kündigte Kessler an, er trete zurück.",
        "Kessler sagte bei einem Gespräch mit Medienvertretern in Tarvo, er trete zurück.",
        "Im Gespräch mit dem ZDF in Tarvo sagte Kessler, er trete zurück.",
    ],
)
def test_a_conversation_with_the_press_is_no_talks(text: str) -> None:
    events = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert "negotiate" not in [e.type for e in events]


def test_a_conversation_with_a_party_is_still_talks() -> None:
    text = "Kessler führte in Tarvo ein Gespräch mit Marek."
    [talks] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC"), ("Marek", "PER")]))
    assert talks.type == "negotiate"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a court's sentence "zu einer ...strafe" is no condemnation (review 85)
        ("Kessler wurde in Tarvo zu einer Bewährungsstrafe verurteilt.", "arrest"),
        ("Kessler wurde in Tarvo zur Höchststrafe verurteilt.", "arrest"),
        # condemning a punishment is criticism
        ("Kessler verurteilte die Todesstrafe in Tarvo.", "criticize"),
    ],
)
def test_a_sentence_to_a_punishment_is_an_arrest(text: str, kind: str) -> None:
    [event] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert event.type == kind


def test_who_reacts_to_a_noun_s_event_takes_no_part_in_it() -> None:
    # Kessler condemns the attack; Nordland attacked (review 85)
    text = "Kessler verurteilte den nordländischen Angriff auf Tarvo."
    article = make_article(text, [("Kessler", "PER"), ("nordländischen", "LOC*"), ("Tarvo", "LOC")])
    article.mentions[1].entity_id = "nl"
    article.entities.append(Entity("nl", "Nordland", "LOC", code="NL"))
    criticism, attack = extract(article)
    assert (criticism.type, criticism.actor_names) == ("criticize", ["Kessler", "Nordland"])
    assert (attack.type, attack.actor_names) == ("attack", ["Nordland"])
    # aid keeps who welcomes it, who often receives it
    text = "Tarvo begrüßte die Hilfe von Kessler."
    [aid] = extract(make_article(text, [("Tarvo", "LOC"), ("Kessler", "PER")]))
    assert aid.actor_names == ["Tarvo", "Kessler"]


@pytest.mark.parametrize(
    "text",
    [
        # everyday visits are no state visits, and a compound on one neither (review 85)
        "In Tarvo gibt es eine Gebühr für Arztbesuche.",
        "In Tarvo gibt es eine Gebühr für Facharztbesuche.",
        "In Tarvo fand der Museumsbesuch der Klasse statt.",
    ],
)
def test_an_everyday_visit_is_no_event(text: str) -> None:
    assert extract(make_article(text, [("Tarvo", "LOC")])) == []


def test_the_clause_an_infinitive_depends_on_names_its_owners_as_parties() -> None:
    text = "Kessler kritisiert die Entscheidung der Volkspartei, die Sanktionen zu lockern."
    events = extract(make_article(text, [("Kessler", "PER"), ("Volkspartei", "ORG")]))
    [sanction] = [e for e in events if e.type == "sanction"]
    assert "Volkspartei" in sanction.actor_names


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a hedge on another verb says nothing of a noun's event (review 85)
        ("Der Angriff auf Tarvo hat offenbar großes Interesse geweckt.", "happened"),
        ("In Tarvo sind offenbar 30 Menschen bei dem Angriff gestorben.", "happened"),
        # with a support verb, the noun's event is what is hedged
        ("Die Angriffe auf Tarvo haben offenbar begonnen.", "speculated"),
    ],
)
def test_a_hedge_on_another_verb_leaves_a_noun_s_event(text: str, modality: str) -> None:
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert (attack.type, attack.modality) == ("attack", modality)


def test_a_summit_that_ner_took_whole_for_a_name_is_an_event_and_no_party() -> None:
    # NER tags "G8-Gipfel" as an organisation: the noun in it had been no trigger, and
    # the summit a party of the agreement (review 113)
    article = make_article(
        "Beim G8-Gipfel in Tarvo lobte Kessler das Abkommen mit Belvarien.",
        [("G8-Gipfel", "ORG"), ("Tarvo", "LOC"), ("Kessler", "PER"), ("Belvarien", "LOC")],
    )
    events = {e.type: e for e in extract(article)}
    assert events["meet"].location == "Tarvo"
    assert "G8-Gipfel" not in events["agree"].actor_names


def test_an_attentat_is_an_attack() -> None:
    # "Attentat" is an attack, as "Anschlag" is (review 113: 2 of 150 stream items had
    # been missed)
    text = "Nach dem Attentat im Einkaufszentrum von Tarvo trat der Minister zurück."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert (attack.type, attack.modality) == ("attack", "happened")


def test_an_ueberfall_is_an_attack() -> None:
    # "Überfall" is an attack, an invasion or a raid (review 113: 2 of 150 stream items
    # had been missed)
    text = "Seit dem Überfall von Russland auf die Ukraine sind zwei Jahre vergangen."
    [attack] = extract(make_article(text, [("Russland", "LOC"), ("Ukraine", "LOC")]))
    assert (attack.type, attack.actor_names) == ("attack", ["Russland", "Ukraine"])


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Der Angriff Russlands auf die Ukraine begann im Morgengrauen.", ("Russlands", "LOC")),
        (
            "Der Angriff der Volksarmee auf die Ukraine begann im Morgengrauen.",
            ("Volksarmee", "ORG"),
        ),
        ("Der Angriff von Russland auf die Ukraine begann im Morgengrauen.", ("Russland", "LOC")),
    ],
)
def test_whom_an_attack_is_on_past_a_genitive_is_its_target_not_its_place(
    text: str, agent: tuple[str, str]
) -> None:
    # "auf" after an attack's noun names whom it is against also past a genitive or "von"
    # that names who acts (2026-12-03: the Ukraine had been the attack's place)
    [attack] = extract(make_article(text, [agent, ("Ukraine", "LOC")]))
    assert (attack.roles, attack.actor_names[-1], attack.location) == (
        ["agent", "target"],
        "Ukraine",
        None,
    )


def test_an_attack_in_a_phrase_of_time_leaves_the_clause_s_object_to_its_verb() -> None:
    # "seit dem Anschlag ... den Gazastreifen besucht": the object is the visit's place,
    # not the attack's (an article no preposition governs ends the attack's phrase)
    from chronik import Chronik

    text = "Die Ministerin hat seit dem Anschlag der Hamas den Gazastreifen besucht."
    with Chronik() as app:
        events = {e.type: e for e in app.analyze(text, "2026-02-12").events}
    assert (events["attack"].actor_names, events["attack"].location) == (["Hamas"], None)
    visit = events["meet"]
    assert "Gazastreifen" in [*visit.actor_names, visit.location]


def test_who_commemorates_an_attack_takes_no_part_in_it() -> None:
    # who remembers the victims of an attack is no attacker (review 113)
    text = "Kessler hat an die Opfer des Anschlags in Tarvo erinnert."
    [attack] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert attack.type == "attack"
    assert attack.actor_names == []


def test_the_victims_of_an_attack_tell_it_as_taken_place() -> None:
    # "die Todesopfer des Attentats": a noun in the genitive of "Opfer" has taken place
    # (review 113: unspecified)
    text = "In Tarvo ist an die neun Todesopfer des Attentats erinnert worden."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == "happened"


@pytest.mark.parametrize(
    "text",
    [
        # and so does a noun in the genitive of where it took place or of its suspect
        # (review 163: unspecified)
        "Tausende versammeln sich an den Schauplätzen des Anschlags.",
        "Tatverdächtiger des Anschlags ist tot.",
    ],
)
def test_the_scene_or_the_suspect_of_an_attack_tell_it_as_taken_place(text: str) -> None:
    [attack] = extract(make_article(text, []))
    assert attack.modality == "happened"


@pytest.mark.parametrize(
    "text",
    [
        # a noun in the genitive of its outcome, extent, course, author or transcript, or
        # of its putting down, has taken place (review 218: unspecified)
        "Die Regierung in Belvo reagiert zurückhaltend auf die Ergebnisse des Treffens.",
        "Die Polizei beziffert das Ausmaß des Angriffs auf Tarvo.",
        "Die Urheber des Anschlags in Tarvo sind noch unbekannt.",
        "Als Grund nannte sie die Niederschlagung der Proteste in Belvo.",
        "Die Erleichterung über den Verlauf des Gipfels ist spürbar.",
        "Die Zeitung hatte über eine Mitschrift des Gesprächs berichtet.",
        "Kessler zieht ein nüchternes Fazit des Gipfels.",
    ],
)
def test_the_outcome_or_the_course_of_an_event_tell_it_as_taken_place(text: str) -> None:
    places = [(name, "LOC") for name in ("Belvo", "Tarvo") if name in text]
    [event] = extract(make_article(text, places))
    assert event.modality == "happened"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # an occasion in the genitive of "Rand", "Abschluss", "Auftakt" is read as after
        # "bei" (review 163: the summit had been unspecified)
        ("Am Rande des Gipfeltreffens in Belvo sagte Kessler, er sei zufrieden.", "happened"),
        ("Kessler erklärte zum Abschluss des Gipfels in Belvo, man sei zufrieden.", "happened"),
        # a plan of the clause is not the occasion's: it stays open
        ("Kessler will am Rande des Gipfels mit Marek sprechen.", "unspecified"),
    ],
)
def test_a_clause_at_the_edge_or_the_close_of_an_occasion_tells_it(
    text: str, modality: str
) -> None:
    names = [
        (n, k) for n, k in (("Belvo", "LOC"), ("Kessler", "PER"), ("Marek", "PER")) if n in text
    ]
    [meeting] = [e for e in extract(make_article(text, names)) if e.type == "meet"]
    assert meeting.modality == modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a weak support verb's infinitive after a modal of plan tells what becomes of the
        # noun, as its participle does (review 113: both had been unspecified)
        ("Kessler will ein offenes Gespräch mit Maia führen.", "planned"),
        ("Ein Treffen zwischen Kessler und Maia soll es nun doch nicht geben.", "denied"),
    ],
)
def test_a_weak_support_verb_after_a_modal_of_plan(text: str, modality: str) -> None:
    [event] = extract(make_article(text, [("Kessler", "PER"), ("Maia", "PER")]))
    assert event.modality == modality


def test_the_names_a_trailing_report_reports_are_no_party_of_its_event() -> None:
    # ", sagte Kessler beim Gipfel": the names of the quote before it are what was said,
    # no party of the summit (review 113: NATO had met at an EU summit)
    text = '"Tarvo ist ein treues Mitglied der Allianz", sagte Kessler beim Gipfel in Belvo.'
    mentions = [("Tarvo", "LOC"), ("Allianz", "ORG"), ("Kessler", "PER"), ("Belvo", "LOC")]
    [meet] = extract(make_article(text, mentions))
    assert meet.type == "meet"
    assert meet.actor_names == ["Kessler"]


def test_a_trailing_report_takes_no_place_from_what_it_reports() -> None:
    # the flight goes to Tarvo, the announcement is not there (review 113)
    text = "Ein erster Flug sei nach Tarvo geplant, kündigte Kessler an."
    [announce] = extract(make_article(text, [("Tarvo", "LOC"), ("Kessler", "PER")]))
    assert (announce.type, announce.location) == ("announce", None)


@pytest.mark.parametrize(
    "text",
    [
        # what one calls or describes as something has taken place, a meeting too
        # (review 113: both had been unspecified)
        "Kessler bezeichnete die Angriffe auf Tarvo als Verletzung der Waffenruhe.",
        "Kessler hat das Treffen mit Maia als schwierig beschrieben.",
        # and what one rates as something (review 163: unspecified)
        "Kessler hat den Gipfel in Tarvo als Erfolg gewertet.",
    ],
)
def test_what_one_calls_something_has_taken_place(text: str) -> None:
    names = [
        (n, k) for n, k in [("Kessler", "PER"), ("Tarvo", "LOC"), ("Maia", "PER")] if n in text
    ]
    [event] = extract(make_article(text, names))
    assert event.modality == "happened"


def test_who_treffen_a_decision_meets_no_one() -> None:
    # "einen Beschluss treffen" decides, as "eine Entscheidung treffen" does (review 113)
    text = "Die Regierung von Tarvo will am Mittwoch einen Beschluss treffen."
    assert extract(make_article(text, [("Tarvo", "LOC")])) == []


def test_who_advises_an_event_is_no_party_of_it() -> None:
    # who advises someone else to talk does not talk (review 113: China had been a party)
    text = "Tarvo hat Belvo geraten, sich auf Gespräche mit Nordland einzulassen."
    mentions = [("Tarvo", "LOC"), ("Belvo", "LOC"), ("Nordland", "LOC")]
    [talks] = extract(make_article(text, mentions))
    assert talks.actor_names == ["Belvo", "Nordland"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # talks under way have begun, an agreement drawing near is still to come (review
        # 113: announced and happened)
        ("Kessler bestätigte, dass bei den laufenden Gesprächen nichts erreicht sei.", "happened"),
        ("Vertreter von Tarvo sehen Zeichen auf eine nahende Einigung mit Belvo.", "planned"),
    ],
)
def test_laufend_and_nahend_on_the_noun(text: str, modality: str) -> None:
    known = [("Kessler", "PER"), ("Tarvo", "LOC"), ("Belvo", "LOC")]
    [event] = extract(make_article(text, [(n, k) for n, k in known if n in text]))
    assert event.modality == modality


def test_drohend_before_a_noun_is_impending_no_threat() -> None:
    # "wegen drohender Überschwemmungen": a danger to come, no one threatens (review 113)
    text = "In Tarvo werden wegen drohender Überschwemmungen Tausende in Sicherheit gebracht."
    assert extract(make_article(text, [("Tarvo", "LOC")])) == []


def test_the_time_of_a_clause_that_bounds_the_event_is_not_its_own() -> None:
    # "bevor die Frist am Freitag ausläuft": Friday is when the deadline ends, the talks
    # come before it (review 113: they had been planned for that day)
    text = "Eine neue Verhandlungsrunde soll stattfinden, bevor die Frist am Freitag ausläuft."
    [talks] = extract(make_article(text, timexes=[("am Freitag", "2024-05-17")]))
    assert talks.modality == "planned"
    assert talks.time is None


def test_a_reported_solle_plans_as_soll_does() -> None:
    # "solle stattfinden" is a reported "soll stattfinden" (review 113: with the bounding
    # clause's day no longer the talks', they had read as happened)
    text = "Eine Verhandlungsrunde in Tarvo solle stattfinden, bevor die Frist ausläuft."
    [talks] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert talks.modality == "planned"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a means of what is still to come has not taken place (review 113: happened)
        (
            "Eine Lösung werde sich nur durch Verhandlungen mit Belvo verwirklichen lassen.",
            "unspecified",
        ),
        # a passive's "wird" tells what is under way, and another verb's after "und" is
        # that verb's
        ("Eine Lösung wird durch Verhandlungen mit Belvo gesucht.", "happened"),
        (
            "Man lasse sich durch Verhandlungen mit Belvo nicht beirren und weiter kämpfen werde.",
            "happened",
        ),
    ],
)
def test_a_means_of_what_is_to_come_has_not_taken_place(text: str, modality: str) -> None:
    [talks] = extract(make_article(text, [("Belvo", "LOC")]))
    assert talks.modality == modality


def test_what_is_said_in_talks_of_a_past_clause_tells_them_as_held() -> None:
    # "in einem Gespräch" as "bei einem Gespräch" (review 113: the talks had been announced
    # by "teilte mit", which leaves talks open)
    text = "Er habe seinen Ärger in einem Gespräch mit Kessler geäußert, teilte sein Büro mit."
    [talks] = extract(make_article(text, [("Kessler", "PER")]))
    assert (talks.type, talks.modality) == ("negotiate", "happened")
    # not past a relative "in dem" and its subject: the talks were proposed
    text = "Kessler kritisierte den Brief, in dem Maia das Gespräch vorschlug."
    talks = next(e for e in extract(make_article(text)) if e.type == "negotiate")
    assert talks.modality != "happened"


def test_the_name_of_a_strait_is_no_party() -> None:
    # "die Straße von Belvo" names a place, not who acts (review 113: Hormus had attacked)
    text = "Tarvo hat die Straße von Belvo geschlossen, dort wurde ein Tanker angegriffen."
    [attack] = extract(make_article(text, [("Tarvo", "LOC"), ("Belvo", "LOC")]))
    assert "Belvo" not in attack.actor_names


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # who is hit by an event is hit by what has taken place (review 113: unspecified)
        ("Die Bahn in Tarvo ist weiterhin von einem Cyberangriff betroffen.", "happened"),
        # a hedge still wins
        ("Tarvo könnte von einem Streik betroffen sein.", "speculated"),
    ],
)
def test_who_is_hit_by_an_event_is_hit_by_what_took_place(text: str, modality: str) -> None:
    [event] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert event.modality == modality


def test_a_strong_participle_without_ge_is_its_verb() -> None:
    # simplemma keeps "beschossen" as it is: it is "beschießen" (review 113: missed)
    text = "Belvo hat Tarvo in der Nacht beschossen."
    [attack] = extract(make_article(text, [("Belvo", "LOC"), ("Tarvo", "LOC")]))
    assert (attack.type, attack.modality, attack.actor_names) == (
        "attack",
        "happened",
        ["Belvo", "Tarvo"],
    )


@pytest.mark.parametrize(
    "text",
    [
        # what someone orders is still to be done, as what he offers or promises (review
        # 113: the attacks ordered had been unspecified)
        "Kessler hat intensive Angriffe auf Tarvo befohlen.",
        "Kessler ordnete Angriffe auf Tarvo an.",
    ],
)
def test_an_ordered_event_is_planned(text: str) -> None:
    [attack] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert attack.modality == "planned"


def test_who_waehlt_a_way_or_war_elects_no_one() -> None:
    # "wählt den Krieg" chooses it (review 113: an election); an office still elects
    assert extract(make_article("Leider wählt die Seite von Tarvo erneut den Krieg.")) == []
    text = "Im Krieg wählen die Bürger einen neuen Präsidenten."
    [election] = extract(make_article(text))
    assert election.type == "elect"


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # who shoots at someone or with a weapon attacks (review 113: 3 of 150 stream
        # items had been missed)
        ("Ein Polizist soll aus vier Metern auf Kessler geschossen haben.", True),
        ("Die Miliz schoss erneut Raketen Richtung Tarvo.", True),
        # prices and players do not
        ("Die Preise in Tarvo schießen in die Höhe.", False),
        ("Kessler schoss zweimal für Tarvo.", False),
    ],
)
def test_schiessen_at_someone_or_with_a_weapon_is_an_attack(text: str, attack: bool) -> None:
    events = extract(
        make_article(text, [(n, k) for n, k in [("Kessler", "PER"), ("Tarvo", "LOC")] if n in text])
    )
    assert [e.type for e in events] == (["attack"] if attack else [])


@pytest.mark.parametrize(
    "text",
    [
        # who reaffirms or renews a demand or threat has made it (review 113: unspecified)
        "Kessler hatte zuvor seine Forderung an Tarvo bekräftigt.",
        "Kessler erneuerte seine Drohung gegen Tarvo.",
    ],
)
def test_a_reaffirmed_event_has_taken_place(text: str) -> None:
    [event] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert event.modality == "happened"


def test_whom_a_clause_of_saying_is_said_to_is_no_party() -> None:
    # "gegenüber dem Sender": the addressee was not visited (review 113); "Drohungen
    # gegenüber Belvo" still aim at Belvo
    text = "Kessler sprach gegenüber dem Sender Belvo von einem historischen Besuch."
    [visit] = extract(make_article(text, [("Kessler", "PER"), ("Belvo", "ORG")]))
    assert visit.actor_names == ["Kessler"]
    text = "Kessler verschärfte die Drohungen gegenüber Belvo."
    [threat] = extract(make_article(text, [("Kessler", "PER"), ("Belvo", "LOC")]))
    assert threat.actor_names == ["Kessler", "Belvo"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # "am Morgen" is a morning, not "morgen", tomorrow (review 102)
        ("Die erste Nachricht über den Angriff auf Tarvo kam am Morgen.", "unspecified"),
        ("Der Streik in Tarvo dauert seit Montagmorgen und heute Morgen an.", "happened"),
        # at the sentence's start it is tomorrow
        ("Morgen beginnt der Streik in Tarvo.", "planned"),
    ],
)
def test_a_capitalised_morgen_inside_a_sentence_is_no_plan(text: str, modality: str) -> None:
    [event] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert event.modality == modality


@pytest.mark.parametrize(
    ("week", "value", "modality"),
    [
        # a week is ahead while it is not over, not as a string ("2024-W19" > "2024-05-14";
        # review 102)
        ("in der 19. Kalenderwoche", "2024-W19", "unspecified"),
        ("am Wochenende zuvor", "2024-W19-WE", "unspecified"),
        ("im Frühjahr 2023", "2023-SP", "unspecified"),
        ("in dieser Woche", "2024-W20", "planned"),
        ("im Sommer", "2024-SU", "planned"),
    ],
)
def test_a_week_is_ahead_while_it_is_not_over(week: str, value: str, modality: str) -> None:
    text = f"Über Sanktionen gegen Nordland wird {week} in Tarvo beraten."
    article = make_article(text, [("Nordland", "LOC"), ("Tarvo", "LOC")], [(week, value)])
    [sanction] = extract(article)
    assert (sanction.type, sanction.modality) == ("sanction", modality)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # what a clause hedges is its own event, not the one it comes after (review 102)
        (
            "Nach dem Angriff auf Tarvo hat Nordland möglicherweise die Grenze geschlossen.",
            "happened",
        ),
        ("Seit dem Anschlag in Tarvo ermittelt vermutlich auch Nordland.", "happened"),
        # the phrase's own words still count
        (
            "Nach einem möglichen Angriff auf Tarvo hat Nordland die Grenze geschlossen.",
            "speculated",
        ),
    ],
)
def test_a_hedge_of_the_clause_leaves_the_event_it_comes_after(text: str, modality: str) -> None:
    [attack] = extract(make_article(text, [("Tarvo", "LOC"), ("Nordland", "LOC")]))
    assert (attack.type, attack.modality) == ("attack", modality)


def test_a_suggestion_of_the_clause_leaves_the_event_it_comes_after() -> None:
    # the police suggest who the attackers were, not that there was an attack (review 102)
    text = "Nach dem Anschlag in Tarvo geht die Polizei davon aus, dass die Täter allein waren."
    part = "geht die Polizei davon aus, dass die Täter allein waren"
    article = make_article(text, [("Tarvo", "LOC")], attributions=[(part, "Polizei", "suggestion")])
    [attack] = extract(article)
    assert (attack.type, attack.modality) == ("attack", "happened")


def test_a_phrase_that_is_no_time_or_shares_its_event_presupposes_nothing() -> None:
    # "nach" after "suchen" is its object; one event per type and clause tells of the
    # later agreement too (review 102)
    text = "Tarvo suchte möglicherweise vergeblich nach Hilfe aus Nordland."
    [aid] = extract(make_article(text, [("Tarvo", "LOC"), ("Nordland", "LOC")]))
    assert aid.modality == "speculated"
    text = "Nach einer Einigung in Tarvo ist eine Einigung mit Nordland geplatzt."
    [agreement] = extract(make_article(text, [("Tarvo", "LOC"), ("Nordland", "LOC")]))
    assert agreement.modality == "denied"


def test_what_is_ruled_out_or_said_is_not_a_noun_in_a_phrase() -> None:
    # "nicht ausschließen" and "soll ... haben" are of the verb and its object, not of a
    # noun in a prepositional phrase or its genitive (review 102)
    text = "Kessler schließt bei einem Scheitern der Gespräche mit Nordland Sanktionen nicht aus."
    events = extract(make_article(text, [("Kessler", "PER"), ("Nordland", "LOC")]))
    modalities = {e.type: e.modality for e in events}
    assert modalities == {"negotiate": "unspecified", "sanction": "speculated"}
    text = "Kessler soll Nordland vor einem Angriff auf Tarvo gewarnt haben."
    events = extract(
        make_article(text, [("Kessler", "PER"), ("Nordland", "LOC"), ("Tarvo", "LOC")])
    )
    [attack] = [e for e in events if e.type == "attack"]
    assert attack.modality == "unspecified"
    # the subject after the verb is no noun in a phrase
    [attack] = extract(
        make_article("In Tarvo sollen Angriffe gestoppt worden sein.", [("Tarvo", "LOC")])
    )
    assert attack.modality == "speculated"


def test_a_claim_of_another_joined_verb_is_no_claim_of_the_event() -> None:
    # who contradicts and travels to talks denies no talks (review 102)
    text = "Kessler widerspricht und reist zu Gesprächen mit Nordland nach Tarvo."
    names = [("Kessler", "PER"), ("Nordland", "LOC"), ("Tarvo", "LOC")]
    article = make_article(text, names, attributions=[(text, "Kessler", "denial")])
    article.attributions[0] = replace(article.attributions[0], cue="widersprechen")
    [talks] = extract(article)
    assert (talks.type, talks.modality) == ("negotiate", "happened")
    # a claim over the whole clause still covers it
    text = "Laut Kessler gab es keine Gespräche mit Nordland in Tarvo."
    article = make_article(text, names, attributions=[(text, "Kessler", "denial")])
    article.attributions[0] = replace(article.attributions[0], cue="laut")
    [talks] = extract(article)
    assert talks.modality == "denied"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a hedged copula says something of its subject, which took place (review 102)
        ("Der Angriff auf Tarvo dürfte der schwerste seit Jahren gewesen sein.", "happened"),
        ("Der Anschlag in Tarvo war vermutlich ein Racheakt.", "happened"),
        # not of its predicate, nor of a subject its own words hedge
        ("In Tarvo könnte es ein Anschlag gewesen sein.", "speculated"),
        ("Der mögliche Angriff auf Tarvo war der erste seit Jahren.", "speculated"),
        # nor of a copula of what was not
        ("Der Angriff auf Tarvo wäre sonst der erste seit Jahren gewesen.", "speculated"),
    ],
)
def test_a_hedged_copula_leaves_its_subject_s_event(text: str, modality: str) -> None:
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert (attack.type, attack.modality) == ("attack", modality)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a negated plan is none: what is not planned will not take place (review 102)
        ("Ein Treffen mit Nordland ist nicht geplant.", "denied"),
        ("Ein Treffen mit Nordland war nicht vorgesehen.", "denied"),
        # but a definite one that was not planned took place unplanned
        ("Das Treffen mit Nordland sei zunächst nicht geplant gewesen.", "happened"),
        ("Das Treffen mit Nordland war lange geplant.", "planned"),
    ],
)
def test_a_negated_plan_is_no_plan(text: str, modality: str) -> None:
    [meeting] = extract(make_article(text, [("Nordland", "LOC")]))
    assert (meeting.type, meeting.modality) == ("meet", modality)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # "letzten" and "mutmaßlichen" describe a hyphenated compound, not the event
        # (review 102)
        ("Nordland führt in der letzten TV-Umfrage vor der Wahl in Tarvo.", "unspecified"),
        ("Nordland hat den mutmaßlichen Tarvo-Attentäter festgenommen.", "happened"),
    ],
)
def test_an_adjective_on_a_hyphenated_noun_is_no_cue(text: str, modality: str) -> None:
    [event] = extract(make_article(text, [("Nordland", "LOC"), ("Tarvo", "LOC")]))
    assert event.modality == modality


def test_a_cancellation_without_an_event_calls_off_no_earlier_one() -> None:
    # who "hat abgesagt" withdrew; the earlier sentence's plan is not called off, as it
    # is denied by "dementiert" (review 102)
    names = [("Kessler", "PER"), ("Nordland", "LOC"), ("Tarvo", "LOC")]
    text = "Kessler will Nordland am Montag in Tarvo treffen. Der Dolmetscher hat abgesagt."
    assert [e.modality for e in extract(make_article(text, names))] == ["planned"]
    text = "Kessler will Nordland am Montag in Tarvo treffen. Nordland hat das dementiert."
    assert [e.modality for e in extract(make_article(text, names))] == ["planned", "denied"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # who denies a part in an event denies the part, not the event (review 102)
        ("Nordland bestreitet, für den Angriff auf Tarvo verantwortlich zu sein.", "unspecified"),
        ("Nordland wies eine Beteiligung an dem Angriff auf Tarvo zurück.", "unspecified"),
        ("Nordland bestreitet, Tarvo angegriffen zu haben.", "denied"),
    ],
)
def test_a_denied_part_in_an_event_leaves_the_event(text: str, modality: str) -> None:
    [attack] = [
        e
        for e in extract(make_article(text, [("Nordland", "LOC"), ("Tarvo", "LOC")]))
        if e.type == "attack"
    ]
    assert attack.modality == modality


def test_a_comma_between_two_adjectives_of_a_noun_ends_no_clause() -> None:
    # "einen weiteren, bisher friedlichen Nachbarn": "soll" and "angegriffen haben" are one
    # clause's (review 102: the hearsay had been lost)
    text = "In Tarvo soll Nordland einen weiteren, bisher friedlichen Nachbarn angegriffen haben."
    [attack] = extract(make_article(text, [("Tarvo", "LOC"), ("Nordland", "LOC")]))
    assert attack.modality == "speculated"


def test_a_short_bracket_does_not_end_an_attack_s_own_phrase() -> None:
    # the attack on the parade (CSD) was in Tarvo, not where Kessler spoke (review 85)
    text = "Kessler hat nach dem Anschlag auf den Umzug (CSD) in Tarvo Konsequenzen angekündigt."
    events = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    [attack] = [e for e in events if e.type == "attack"]
    assert attack.location == "Tarvo"


def test_a_name_in_the_genitive_before_a_reacted_to_noun_is_its_party() -> None:
    # "begrüßte Nordlands Ankündigung": Nordland announced (review 85)
    text = "Kessler begrüßte Nordlands Ankündigung eines Rückzugs."
    article = make_article(text, [("Kessler", "PER"), ("Nordlands", "LOC")])
    [announcement] = [e for e in extract(article) if e.type == "announce"]
    assert announcement.actor_names == ["Nordland"]


@pytest.mark.parametrize(
    "text",
    [
        "Kessler legte in Tarvo eine Arbeitsunfähigkeitsbescheinigung vor.",
        "Kessler sagt, in Tarvo sei eine ärztliche Bescheinigung ab dem dritten Tag Pflicht.",
    ],
)
def test_a_certificate_is_no_agreement(text: str) -> None:
    # "Bescheinigung" ends in "einigung" only by its letters (review 90)
    assert extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")])) == []


def test_who_challenges_someone_demands_nothing() -> None:
    # "fordert ... heraus" challenges; "fordert ... auf" still demands (review 90)
    text = "Kessler fordert mit seinem neuen Bündnis die Volkspartei heraus."
    assert extract(make_article(text, [("Kessler", "PER"), ("Volkspartei", "ORG")])) == []
    text = "Kessler forderte die Volkspartei auf, die Sanktionen zu lockern."
    events = extract(make_article(text, [("Kessler", "PER"), ("Volkspartei", "ORG")]))
    assert "demand" in [e.type for e in events]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nach den schweren Attacken auf Tarvo fordert Kessler Hilfe.", "attack"),
        ("Kessler erlitt in Tarvo eine Panikattacke.", None),
    ],
)
def test_an_attacke_is_an_attack(text: str, kind: str | None) -> None:
    # "Attacke" is a word for an attack, a panic or heart attack none (review 90)
    events = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert (kind in [e.type for e in events]) if kind else events == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Die erste Gesprächsrunde zwischen Nordland und Tarvo ist beendet.", "negotiate"),
        ("Nach der Verhandlungsrunde in Tarvo sprach Kessler von Fortschritten.", "negotiate"),
        ("Die Gewerkschaft hat in Tarvo zur Arbeitsniederlegung aufgerufen.", "protest"),
        ("Der Ausstand in Tarvo soll am Mittwoch beginnen.", "protest"),
        # review 188: a strike told by "bestreiken" or "Arbeitskampf", 5 missed of 100 items
        ("Seit Montag bestreikt die Gewerkschaft den Flughafen in Tarvo.", "protest"),
        ("Der Arbeitskampf in Tarvo soll bis Sonntag dauern.", "protest"),
    ],
)
def test_rounds_of_talks_and_walkouts_are_events(text: str, kind: str) -> None:
    # a round of talks negotiates, a walkout strikes (review 90: 5 missed of 150 items)
    mentions = [(n, t) for n, t in [("Nordland", "LOC"), ("Kessler", "PER")] if n in text]
    events = extract(make_article(text, [*mentions, ("Tarvo", "LOC")]))
    assert kind in [e.type for e in events]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # review 191: attacks told by a wave, impacts or fire at a target (review 188: 3
        # such attacks missed of 100 items)
        ("Nordland meldet eine neue Angriffswelle auf Tarvo.", ["attack"]),
        ("In Tarvo gab es mehrere Raketeneinschläge.", ["attack"]),
        ("Nordland feuerte Raketen auf Tarvo.", ["attack"]),
        # who fires someone dismisses him; lightning strikes attack no one
        ("Kessler feuerte seinen Berater Marek.", []),
        ("Bei dem Manöver feuerte Nordland Raketen auf Ziele im Meer.", []),
        ("Ein Blitzeinschlag beschädigte in Tarvo ein Dach.", []),
    ],
)
def test_attacks_told_by_fire_waves_or_impacts(text: str, types: list[str]) -> None:
    names = [("Kessler", "PER"), ("Marek", "PER"), ("Nordland", "LOC"), ("Tarvo", "LOC")]
    events = extract(make_article(text, [(n, t) for n, t in names if n in text]))
    assert [e.type for e in events] == types


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # review 203: a militia or a country that kills or destroys attacks (review 188's
        # RSF that "getötet" had been missed); a person, a storm or a passive does not
        ("Die Miliz Kordan hat in Tarvo mehr als 100 Menschen getötet.", ["attack"]),
        ("Portugal zerstört die Brücke bei Tarvo.", ["attack"]),
        ("Kessler hat in Tarvo zwei Frauen getötet.", []),
        ("Kessler zerstöre das Vertrauen in Tarvo.", []),
        ("Denn Portugal zerstört uns.", []),
        ("Ein Tornado zerstörte in Tarvo mehrere Häuser.", []),
        ("In Tarvo wurden mehrere Häuser zerstört.", []),
        ("In Tarvo sind viele Gebäude beschädigt oder zerstört.", []),
        ("Die zerstörte Brücke bei Tarvo ist gesperrt.", []),
        # who has none yields to the clause's other events: an announcement, an attack
        ("Kessler kündigte an, jede Brücke in Tarvo zu zerstören.", ["announce"]),
        ("Bei dem Anschlag in Tarvo haben zwei Täter fünf Menschen getötet.", ["attack"]),
    ],
)
def test_killing_or_destroying_by_a_party_is_an_attack(text: str, types: list[str]) -> None:
    names = [("Kordan", "ORG"), ("Portugal", "LOC"), ("Kessler", "PER"), ("Tarvo", "LOC")]
    events = extract(make_article(text, [(n, t) for n, t in names if n in text]))
    assert [e.type for e in events] == types


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # review 208: a passive whose party after "durch" or "von" is a country or a
        # militia tells its attack, that party the agent (review 203 had left it out)
        # (the town the bridge is near no party since review 281, as "nahe der
        # Pilgerstadt Ghom" since review 278)
        ("Die Brücke bei Tarvo wurde durch Portugal zerstört.", [("Portugal", "agent")]),
        ("In Tarvo wurden zwei Menschen von der Miliz Kordan getötet.", [("Kordan", "agent")]),
        ("Tarvo ist von Portugal zerstört worden.", [("Tarvo", "target"), ("Portugal", "agent")]),
        # a person's house, flames, a state and a bare passive stay no attack
        ("Das Haus von Kessler wurde in Tarvo zerstört.", None),
        ("In Tarvo wurden zwei Menschen von Kessler getötet.", None),
        ("In Tarvo wurden mehrere Häuser von den Flammen zerstört.", None),
        ("Die Stadt Tarvo ist von Portugal zerstört.", None),
        ("In Tarvo sind mehrere Häuser zerstört worden.", None),
    ],
)
def test_a_passive_of_force_by_a_named_party_is_its_attack(
    text: str, parties: list[tuple[str, str]] | None
) -> None:
    names = [("Kordan", "ORG"), ("Portugal", "LOC"), ("Kessler", "PER"), ("Tarvo", "LOC")]
    events = extract(make_article(text, [(n, t) for n, t in names if n in text]))
    if parties is None:
        assert events == []
        return
    [event] = events
    assert event.type == "attack"
    assert list(zip(event.actor_names, event.roles, strict=True)) == parties


def test_a_name_joined_to_a_prefield_preposition_s_name_leaves_the_subject_after_the_verb() -> None:
    # review 208: "Israels und der USA" inside "Nach dem Angriff ..." had made the prefield
    # a subject, so Teheran after the verb was read as a target
    text = "Nach dem Angriff Portugals und Belvos hat Tarvo Ziele am Golf attackiert."
    names = [("Portugals", "LOC"), ("Belvos", "LOC"), ("Tarvo", "LOC")]
    *_, last = extract(make_article(text, names))
    assert list(zip(last.actor_names, last.roles, strict=True)) == [("Tarvo", "agent")]


def test_a_killing_beside_an_attack_noun_is_that_attack() -> None:
    # the noun's attack stays the clause's one, as it was before the verbs (review 203)
    text = "Bei dem Anschlag in Tarvo hat die Miliz Kordan fünf Menschen getötet."
    [event] = extract(make_article(text, [("Tarvo", "LOC"), ("Kordan", "ORG")]))
    assert (event.type, event.code, event.actor_names) == ("attack", "180", ["Kordan"])


def test_a_definite_attack_takes_a_fuller_telling_of_the_same_attacker() -> None:
    # review 203: after "feuerte ... Drohnen ab" (the attacker alone) "bei dem Beschuss"
    # had lost the target that the attack told before it named
    text = (
        "Nordland greift Tarvo immer öfter an. Nordland feuerte mehr als 100 Drohnen ab. "
        "Bei dem Beschuss wurden drei Menschen verletzt."
    )
    names = [("Nordland", "LOC"), ("Tarvo", "LOC"), ("Nordland", "LOC")]
    *_, last = extract(make_article(text, names))
    assert list(zip(last.actor_names, last.roles, strict=True)) == [
        ("Nordland", "agent"),
        ("Tarvo", "target"),
    ]


def test_a_definite_attack_takes_no_other_side_that_acted() -> None:
    # a telling before whose more parties act is of another side: the last one stays
    text = (
        "Nordland und Belvo greifen Tarvo an. Nordland feuerte mehr als 100 Drohnen ab. "
        "Bei dem Beschuss wurden drei Menschen verletzt."
    )
    names = [("Nordland", "LOC"), ("Belvo", "LOC"), ("Tarvo", "LOC"), ("Nordland", "LOC")]
    *_, last = extract(make_article(text, names))
    assert list(zip(last.actor_names, last.roles, strict=True)) == [("Nordland", "agent")]


@pytest.mark.parametrize(
    ("text", "types", "modality"),
    [
        # review 191: criticism told as "Kritik üben" or "äußern" (review 188: 3 missed of
        # 100 items); "Kritik" alone is mostly what others react to, no event of its own
        ("Nordland übt scharfe Kritik an Tarvo.", ["criticize"], "happened"),
        ("Kessler hat deutliche Kritik an Marek geäußert.", ["criticize"], "happened"),
        ("Nach der Kritik von Kessler zog Marek den Plan zurück.", [], ""),
    ],
)
def test_criticism_told_by_a_support_verb(text: str, types: list[str], modality: str) -> None:
    names = [("Kessler", "PER"), ("Marek", "PER"), ("Nordland", "LOC"), ("Tarvo", "LOC")]
    events = extract(make_article(text, [(n, t) for n, t in names if n in text]))
    assert [e.type for e in events] == types
    assert all(e.modality == modality for e in events)


_ACCUSERS = [("Kessler", "PER"), ("Marek", "PER"), ("Nordland", "LOC"), ("Tarvo", "LOC")]


@pytest.mark.parametrize(
    ("text", "parties", "modality"),
    [
        # review 199: the accusation itself is a criticism (CAMEO 112, accuse), the
        # accuser its agent and the accused its target (review 195 left it)
        ("Nordland wirft Tarvo Lügen vor.", ["Nordland", "Tarvo"], "happened"),
        ("Kessler hat Marek vorgeworfen, gelogen zu haben.", ["Kessler", "Marek"], "happened"),
        ("Kessler wirft Marek nicht vor, gelogen zu haben.", ["Kessler", "Marek"], "denied"),
    ],
)
def test_an_accusation_is_a_criticism(text: str, parties: list[str], modality: str) -> None:
    events = extract(make_article(text, [(n, t) for n, t in _ACCUSERS if n in text]))
    [accusation] = [e for e in events if e.type == "criticize"]
    assert (accusation.code, accusation.modality) == ("112", modality)
    assert (accusation.actor_names, accusation.roles) == (parties, ["agent", "target"])


def test_an_accusation_keeps_what_it_accuses_of_and_the_answer_to_it() -> None:
    # review 199: the accused event stays as review 107 reads it, and a rejection in
    # the next clause answers the accusation (it had yielded to it as a cue)
    text = "Nordland wirft Tarvo Angriffe vor."
    events = extract(make_article(text, _ACCUSERS[2:]))
    assert sorted((e.type, e.modality) for e in events) == [
        ("attack", "speculated"),
        ("criticize", "happened"),
    ]
    text = "Nordland wirft Tarvo Zensur vor, die Regierung weist die Vorwürfe zurück."
    types = [e.type for e in extract(make_article(text, _ACCUSERS[2:]))]
    assert types == ["criticize", "reject"]


def test_an_accusation_is_kept_only_between_named_sides() -> None:
    # review 199: without accuser and accused it is mostly a charge in court or a
    # pronoun's, which a story cannot place (one had split an article off its story)
    named = extract(make_article("Nordland wirft Tarvo Zensur vor.", _ACCUSERS[2:]))
    assert [e.type for e in named] == ["criticize"]
    for text in ("Ihm wird Betrug vorgeworfen.", "Dabei hat Nordland sich wenig vorzuwerfen."):
        assert extract(make_article(text, _ACCUSERS[2:3] if "Nordland" in text else [])) == []


@pytest.mark.parametrize(
    "text",
    [
        # review 199: the other verbs of accusing_verbs, and "Vorwürfe erheben", as
        # "Kritik üben" (promised_nouns): 3 and 5 sentences of the stream, 7 rightly
        "Nordland beschuldigt Tarvo, Soldaten angegriffen zu haben.",
        "Nordland bezichtigt Tarvo der Lüge.",
        "Nordland erhebt schwere Vorwürfe gegen Tarvo.",
    ],
)
def test_other_words_of_accusing_are_criticisms(text: str) -> None:
    events = extract(make_article(text, _ACCUSERS[2:]))
    [accusation] = [e for e in events if e.type == "criticize"]
    assert (accusation.code, accusation.modality) == ("112", "happened")
    parties = (["Nordland", "Tarvo"], ["agent", "target"])
    assert (accusation.actor_names, accusation.roles) == parties


def test_accusations_one_rejects_are_no_criticism_of_their_own() -> None:
    # review 199: "Vorwurf" is an accusation only as what one "erhebt"
    text = "Tarvo weist die Vorwürfe zurück."
    assert [e.type for e in extract(make_article(text, _ACCUSERS[3:]))] == ["reject"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # review 191: a pronominal adverb in the first position is no subject, so the
        # caller after the verb acts (review 188: "Dazu rief die Gewerkschaft ... auf")
        ("Dazu rief die Gewerkschaft Verdi auf.", "Verdi"),
        ("Daran übte die Volkspartei scharfe Kritik.", "Volkspartei"),
    ],
)
def test_a_pronominal_adverb_first_is_no_subject(text: str, name: str) -> None:
    [event] = extract(make_article(text, [(name, "ORG")]))
    assert (event.actor_names, event.roles) == ([name], ["agent"])


@pytest.mark.parametrize(
    "text",
    [
        # review 236: a sentence adverb alone in the first position is no subject, so the
        # subject after the verb acts ("Insgesamt unterstützt das BMZ die Arbeit des WFP"
        # had the ministry a target of its own aid)
        "Insgesamt unterstützt das Hilfswerk Nordhilfe die Stadt Tarvo.",
        "Demnach soll das Hilfswerk Nordhilfe die Stadt Tarvo unterstützt haben.",
        "Unterdessen unterstützt das Hilfswerk Nordhilfe die Stadt Tarvo weiter.",
        # an adverb the list had: as before
        "Zudem unterstützt das Hilfswerk Nordhilfe die Stadt Tarvo.",
    ],
)
def test_a_sentence_adverb_first_is_no_subject(text: str) -> None:
    events = extract(make_article(text, [("Nordhilfe", "ORG"), ("Tarvo", "LOC")]))
    [aid] = [e for e in events if e.type == "aid"]
    assert (aid.actor_names, aid.roles) == (["Nordhilfe", "Tarvo"], ["agent", "target"])


@pytest.mark.parametrize(
    "text",
    [
        # review 236: whose election a possessive says was elected, so the clause's
        # subject is its target ("kommentiert Welskop-Deffaa ihre Wahl" had her elect)
        "Anna Tarvo kommentiert ihre Wahl gelassen.",
        "Seit seiner Wahl zum Vorsitzenden hat Karl Tarvo die Partei verändert.",
        "Bei ihrer ersten Wahl erhielt Anna Tarvo 95 Prozent der Stimmen.",
    ],
)
def test_whose_election_a_possessive_says_is_its_target(text: str) -> None:
    name = "Anna Tarvo" if "Anna" in text else "Karl Tarvo"
    [election] = [e for e in extract(make_article(text, [(name, "PER")])) if e.type == "elect"]
    assert (election.actor_names, election.roles) == ([name], ["target"])


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # review 237: a verb of saying after what is said, its subject after it, has the
        # said clause's names as its targets ("Der AStA entziehe sich ..., kritisierte
        # Lucke" had the AStA a critic)
        ("Die Firma Nordhilfe verschleppe die Reform, kritisierte Anna Lohse.", "target"),
        ('"Die Firma Nordhilfe hat versagt", kritisierte Anna Lohse in Tarvo.', "target"),
        ("Die Bilanz der Firma Nordhilfe müsse geprüft werden, fordert Anna Lohse.", "target"),
        # an object after the subject: as before (a subordinate clause first, which had
        # been here with the firm a critic, shares no names since review 281)
        ("Die Firma Nordhilfe habe versagt, kritisierte Anna Lohse die Behörde.", "agent"),
    ],
)
def test_a_verb_of_saying_after_what_is_said_has_its_names_as_targets(text: str, role: str) -> None:
    places = [("Tarvo", "LOC")] if "Tarvo" in text else []
    article = make_article(text, [("Nordhilfe", "ORG"), ("Anna Lohse", "PER"), *places])
    [event] = [e for e in extract(article) if e.type in {"criticize", "demand"}]
    assert (event.actor_names, event.roles) == (["Nordhilfe", "Anna Lohse"], [role, "agent"])


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # review 237: a participle with "sein" and no "werden" of a verb that takes "haben"
        # is a stative passive, its subject the target ("Insgesamt ist Høiby in 38 Punkten
        # angeklagt" had him the agent)
        ("Insgesamt ist Karl Tarvo in zwölf Punkten angeklagt.", "target"),
        ("Noch ist Karl Tarvo nicht angeklagt.", "target"),
        ("Karl Tarvo ist wegen Betrugs angeklagt.", "target"),
        # "haben": as before
        ("Karl Tarvo hat wegen Betrugs angeklagt.", "agent"),
    ],
)
def test_a_participle_with_sein_of_a_haben_verb_is_a_stative_passive(text: str, role: str) -> None:
    [event] = extract(make_article(text, [("Karl Tarvo", "PER")]))
    assert (event.type, event.actor_names, event.roles) == ("arrest", ["Karl Tarvo"], [role])


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # review 237: "sich ... lassen" with the event's infinitive is done to the subject
        # ("Demnach will sich Schulze ... vom Landtag ... wählen lassen" had him elect)
        ("Demnach will sich Karl Tarvo vom Rat Norland zum Präsidenten wählen lassen.", "ta"),
        ("Karl Tarvo lässt sich vom Rat Norland zum Vorsitzenden wählen.", "ta"),
        # "sich ... lassen" in another part joined by "und": as before
        ("Karl Tarvo lässt sich nicht beirren und will den Rat Norland wählen.", "at"),
    ],
)
def test_sich_lassen_with_an_event_verb_is_done_to_the_subject(text: str, roles: str) -> None:
    [event] = extract(make_article(text, [("Karl Tarvo", "PER"), ("Norland", "ORG")]))
    expected = ["target" if r == "t" else "agent" for r in roles]
    assert event.type == "elect"
    assert (event.actor_names, event.roles) == (["Karl Tarvo", "Norland"], expected)


@pytest.mark.parametrize(
    "text",
    [
        # review 195: after a fronted phrase the adjective's country was taken as apposed
        # to the object's name three words on, and the object joined the subject's phrase
        "Trotz der Feuerpause greift die russische Armee die Miliz Volkswehr weiter an.",
        "Seit Montag greift die russische Armee die Miliz Volkswehr im Osten an.",
        # no fronted phrase: as before
        "Die russische Armee greift die Miliz Volkswehr im Osten weiter an.",
    ],
)
def test_a_subject_after_the_verb_that_an_adjective_names_acts_on_the_object(text: str) -> None:
    events = extract(make_article(text, [("russische", "LOC*"), ("Volkswehr", "ORG")]))
    [attack] = [e for e in events if e.type == "attack"]
    assert (attack.actor_names, attack.roles) == (["Russland", "Volkswehr"], ["agent", "target"])


@pytest.mark.parametrize(
    "text",
    [
        # review 195: the particle before "und" and another finite verb ends the verb's own
        # part ("an|greifen" had been missed, and the second verb's "will" planned the noun)
        "Die russische Armee greift die Miliz Volkswehr an - und will die Angriffe ausweiten.",
        "Die russische Armee griff die Miliz Volkswehr an und will die Angriffe ausweiten.",
    ],
)
def test_a_particle_before_a_joined_verb_ends_the_first_verb_s_part(text: str) -> None:
    events = extract(make_article(text, [("russische", "LOC*"), ("Volkswehr", "ORG")]))
    [attack] = [e for e in events if e.type == "attack"]
    assert attack.modality == "happened"
    assert (attack.actor_names, attack.roles) == (["Russland", "Volkswehr"], ["agent", "target"])


def test_an_accusation_in_the_other_part_makes_no_infinitive_s_subject_a_target() -> None:
    # review 195: "wirft ... vor und hatte angekündigt, nicht zum Gipfel zu reisen": the
    # accusation is not the part the infinitive depends on, so its subject travels
    text = "Kessler wirft Tarvo Verstöße vor und hatte angekündigt, nicht zum Gipfel zu reisen."
    mentions = [("Kessler", "PER"), ("Tarvo", "LOC")]
    [meet] = [e for e in extract(make_article(text, mentions)) if e.type == "meet"]
    assert dict(zip(meet.actor_names, meet.roles or [], strict=True))["Kessler"] != "target"


def test_an_adjective_before_an_office_and_a_name_is_apposed() -> None:
    text = "Am Montag traf der russische Präsident Kessler in Tarvo."
    mentions = [("russische", "LOC*"), ("Kessler", "PER"), ("Tarvo", "LOC")]
    [meet] = extract(make_article(text, mentions))
    assert meet.actor_names == ["Kessler"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nordland und Tarvo haben sich auf einen Fahrplan verständigt.", "agree"),
        ("Die Volkspartei und Tarvo haben Änderungen am Gesetz verabredet.", "agree"),
        ("Kessler hatte die Volkspartei aufgefordert, Tarvo zu respektieren.", "demand"),
        # review 188: 3 calls missed of 100 stream items, 142 found on the whole stream
        ("Kessler rief die Volkspartei in Tarvo zur Mäßigung auf.", "demand"),
        ("Die Volkspartei hat dazu aufgerufen, Tarvo zu respektieren.", "demand"),
        ("Kessler appellierte an Tarvo, die Grenze zu öffnen.", "demand"),
    ],
)
def test_verbs_of_agreeing_and_calling_upon_are_triggers(text: str, kind: str) -> None:
    # review 90: 3 missed of 150 stream items
    mentions = [("Nordland", "LOC"), ("Volkspartei", "ORG"), ("Kessler", "PER")]
    article = make_article(text, [*[m for m in mentions if m[0] in text], ("Tarvo", "LOC")])
    assert [e.type for e in extract(article)] == [kind]


def test_who_notifies_the_police_agrees_on_nothing() -> None:
    text = "Anwohner in Tarvo verständigten sofort die Polizei."
    assert extract(make_article(text, [("Tarvo", "LOC")])) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Verhandlungen in Tarvo sind Berichten zufolge angelaufen.",
        "So lief der Angriff auf Tarvo ab.",
        "Weil Tarvo Nordland bedroht, führte Nordland Sanktionen gegen Tarvo ein.",
    ],
)
def test_verbs_that_tell_a_noun_s_event_took_place(text: str) -> None:
    # "angelaufen", "lief ... ab", "führte ... ein" (review 90: 3 of 150 items); not
    # "erfolgen", whose noun is its subject: "Die Einladung zu dem Besuch erfolgte" is no visit
    mentions = [("Tarvo", "LOC"), *([("Nordland", "LOC")] if "Nordland" in text else [])]
    events = extract(make_article(text, mentions))
    assert {e.modality for e in events} == {"happened"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nach einer Bombendrohung ist das Stadtfest in Tarvo wieder geöffnet.", "threaten"),
        ("Fünf Tage vor der Wahl ist Kessler in Tarvo eingetroffen.", "elect"),
        ("Nach wochenlangen Protesten hat die Volkspartei die Macht übernommen.", "protest"),
        ("Nach den Sanktionen gegen Tarvo hat Kessler neue Partner gesucht.", "sanction"),
    ],
)
def test_a_threat_election_protest_or_sanction_in_a_phrase_of_time_has_its_own_parties(
    text: str, kind: str
) -> None:
    # what the clause follows on took place without its subject (review 90: 6 actors of
    # 150 stream items, "Fünf Tage vor der Wahl ist Vance in Budapest eingetroffen")
    mentions = [("Kessler", "PER"), ("Tarvo", "LOC"), ("Volkspartei", "ORG"), ("Stadtfest", "MISC")]
    events = extract(make_article(text, [m for m in mentions if m[0] in text]))
    [event] = [e for e in events if e.type == kind]
    assert not {"Kessler", "Volkspartei", "Stadtfest"} & set(event.actor_names)


def test_one_s_own_election_in_a_phrase_of_time_keeps_the_clause_s_parties() -> None:
    text = "Nach seiner Wahl zum Vorsitzenden hat Kessler der Volkspartei gedankt."
    events = extract(make_article(text, [("Kessler", "PER"), ("Volkspartei", "ORG")]))
    [election] = [e for e in events if e.type == "elect"]
    assert "Kessler" in election.actor_names


def test_a_strait_of_a_name_is_a_place_not_a_party() -> None:
    # "in der Straße von Hormus" names where, not whom (review 90: 3 targets, 2 places)
    text = "Sollte Nordland weiter Schiffe in der Straße von Tarvo beschießen, droht Kessler."
    mentions = [("Nordland", "LOC"), ("Tarvo", "LOC"), ("Kessler", "PER")]
    [attack] = [e for e in extract(make_article(text, mentions)) if e.type == "attack"]
    assert (attack.actor_names, attack.location) == (["Nordland"], "Tarvo")


def test_who_tells_of_an_attack_takes_no_part_in_it() -> None:
    # "berichtete von vier Raketenangriffen": the speaker, and the attacks took place
    # (review 90; review 80 met "Selenskyj sprach vom schwersten Angriff")
    text = "Der Gouverneur Kessler berichtete von vier Raketenangriffen auf Tarvo."
    [attack] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert ("Kessler" in attack.actor_names, attack.modality) == (False, "happened")
    text = "Kessler sprach vom schwersten Angriff auf Tarvo seit Wochen."
    [attack] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert "Kessler" not in attack.actor_names


def test_who_pronounces_a_threat_makes_it() -> None:
    text = "Nach dem Einsatz sprach Kessler erneut eine Drohung gegen Tarvo aus."
    [threat] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert "Kessler" in threat.actor_names


def test_a_participle_before_its_noun_does_not_end_a_locative_phrase() -> None:
    # "Im russisch besetzten Horliwka": the place is the town (review 90: it had been an
    # actor and Russland the place)
    text = "Im besetzten Tarvo wurden vier Menschen bei einem Angriff getötet."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert (attack.actor_names, attack.location) == ([], "Tarvo")


def test_a_country_s_adjective_on_an_election_votes_in_it_not_for_it() -> None:
    # "bei den bayerischen Kommunalwahlen": where, not who is elected (review 90)
    text = "Bei den ungarischen Kommunalwahlen kam die Partei von Kessler auf 32 Prozent."
    mentions = [("ungarischen", "LOC*"), ("Kessler", "PER")]
    [election] = extract(make_article(text, mentions))
    assert "Ungarn" not in election.actor_names


def test_the_person_a_source_s_title_names_is_the_source_not_a_party() -> None:
    # "laut US-Präsident Trump": the title and the name are one source (review 90: Trump
    # had been a party of the agreement he reported)
    text = (
        "Nordland und Tarvo hatten sich laut Nord-Präsident Kessler auf eine Feuerpause geeinigt."
    )
    mentions = [
        ("Nordland", "LOC"),
        ("Tarvo", "LOC"),
        ("Nord-Präsident", "LOC*"),
        ("Kessler", "PER"),
    ]
    [agreement] = extract(make_article(text, mentions))
    assert agreement.actor_names == ["Nordland", "Tarvo"]


def test_a_compound_of_a_name_and_an_event_s_noun_is_no_party() -> None:
    # "Neuauszählung der Bundestagswahl": the entities step read the Bundestag in it
    # (review 90: the election had been the target of the demand)
    text = "Kessler fordert eine Neuauszählung der Volkstagswahl."
    mentions = [("Kessler", "PER"), ("Volkstagswahl", "ORG*")]
    [demand] = [e for e in extract(make_article(text, mentions)) if e.type == "demand"]
    assert demand.actor_names == ["Kessler"]


def test_places_joined_by_und_in_a_locative_phrase_are_all_places() -> None:
    # "gewinnen Gouverneurswahlen in Virginia und New Jersey" (review 90: New Jersey had
    # been elected)
    text = "Die Volkspartei gewinnt die Wahlen in Nordstadt und Südstadt."
    mentions = [("Volkspartei", "ORG"), ("Nordstadt", "LOC"), ("Südstadt", "LOC")]
    [election] = extract(make_article(text, mentions))
    assert election.actor_names == ["Volkspartei"]


@pytest.mark.parametrize(
    "text",
    [
        # a list of places with commas is one phrase too (review 163: all but the first
        # had been the targets of the protests held there)
        "Kundgebungen fanden unter anderem in Nordstadt, Südstadt, Oststadt, Weststadt "
        "und Altstadt statt.",
        "In Nordstadt, Südstadt und Oststadt gingen Tausende auf die Straße.",
        "Tausende gingen in Nordstadt, Südstadt oder Oststadt auf die Straße.",
    ],
)
def test_places_listed_with_commas_in_a_locative_phrase_are_all_places(text: str) -> None:
    towns = ("Nordstadt", "Südstadt", "Oststadt", "Weststadt", "Altstadt")
    mentions = [(town, "LOC") for town in towns if town in text]
    [protest] = extract(make_article(text, mentions))
    assert (protest.type, protest.actor_names) == ("protest", [])
    assert protest.location in towns


def test_a_comma_after_a_place_without_a_list_ends_the_phrase() -> None:
    # a headline's two parts: Südland, who demands, is no place of "auf Nordland"
    text = "Überblick: Kessler bekräftigt Anspruch auf Nordland, Südland fordert Mareks Rücktritt"
    names = [("Kessler", "PER"), ("Nordland", "LOC"), ("Südland", "LOC"), ("Mareks", "PER")]
    [demand] = [e for e in extract(make_article(text, names)) if e.type == "demand"]
    assert "Südland" in demand.actor_names


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # the hedge is on the motive, in the noun's phrase (review 90)
        ("Nach dem mutmaßlich gezielten Anschlag in Tarvo trauerten Tausende.", "happened"),
        ("Der Mann hat in Tarvo mutmaßlich einen Polizisten angegriffen.", "speculated"),
    ],
)
def test_a_hedge_on_an_adjective_in_the_noun_s_phrase_leaves_the_event(
    text: str, modality: str
) -> None:
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == modality


@pytest.mark.parametrize(
    "text",
    ["Botschaft in Tarvo getroffen - Tote im Norden", "Tarvo: Botschaft von Rakete getroffen"],
)
def test_a_headline_s_bare_participle_of_treffen_is_a_passive_and_no_meeting(text: str) -> None:
    # "US-Botschaft in Bagdad getroffen" was hit, it met no one (review 90)
    assert "meet" not in [e.type for e in extract(make_article(text, [("Tarvo", "LOC")]))]


def test_an_event_through_which_something_happened_took_place() -> None:
    # "ist durch einen Luftangriff ... getötet worden" (review 90; review 85 met "durch
    # Angriffe geschehen")
    text = "Der Führer Nordlands ist im Februar durch einen Luftangriff in Tarvo getötet worden."
    article = make_article(text, [("Nordlands", "LOC"), ("Tarvo", "LOC")])
    [attack] = extract(article)
    assert (attack.modality, attack.location) == ("happened", "Tarvo")


def test_means_of_a_zu_infinitive_are_still_to_come() -> None:
    text = "Nordland und Tarvo wollen versuchen, ihren Konflikt durch Verhandlungen zu lösen."
    [talks] = extract(make_article(text, [("Nordland", "LOC"), ("Tarvo", "LOC")]))
    assert talks.modality != "happened"


def test_a_direction_is_no_place() -> None:
    # "sagte der Kanzler ... in Richtung Washington" (review 90: Washington had been where
    # sanctions were eased)
    text = "Die Sanktionen zu lockern sei falsch, sagte Kessler in Richtung Tarvo."
    [sanction] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert sanction.location is None


def test_what_pressure_bears_on_is_no_place() -> None:
    # "Der internationale Druck auf Israel wächst: ... fordern ..." (review 90: Israel had
    # been the place of three events)
    text = "Der Druck auf Tarvo wächst: Mehr als 20 Staaten fordern ein Ende der Angriffe."
    events = extract(make_article(text, [("Tarvo", "LOC")]))
    assert events and all(e.location is None for e in events)


def test_a_country_s_adjective_on_a_genitive_in_a_locative_phrase_is_no_place() -> None:
    # "Einigung auf die Nutzung russischen Vermögens" (review 90: Russland had been the place)
    text = "Kessler und Berg haben sich auf die Nutzung nordländischen Vermögens geeinigt."
    mentions = [("Kessler", "PER"), ("Berg", "PER"), ("nordländischen", "LOC*")]
    [agreement] = extract(make_article(text, mentions))
    assert agreement.location is None


def test_a_reflexive_pronoun_ends_a_locative_phrase() -> None:
    # "in der vergangenen Nacht überzogen sich Russland und die Ukraine mit Angriffen"
    text = "In der Nacht überzogen sich Nordland und Tarvo wieder mit Angriffen."
    [attack] = extract(make_article(text, [("Nordland", "LOC"), ("Tarvo", "LOC")]))
    assert (attack.location, attack.actor_names) == (None, ["Nordland", "Tarvo"])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Nordland treibt die Offensive auf Tarvo weiter voran.", "attack"),
        ("Nordland weitet die Bodenoffensive in Tarvo aus.", "attack"),
        ("Kessler fordert in Tarvo eine Abschiebeoffensive.", None),
    ],
)
def test_a_military_offensive_is_an_attack(text: str, kind: str | None) -> None:
    # review 90: 2 missed of 150 stream items; a drive of deportations or charm is none
    mentions = [(n, t) for n, t in [("Nordland", "LOC"), ("Kessler", "PER")] if n in text]
    events = extract(make_article(text, [*mentions, ("Tarvo", "LOC")]))
    assert ("attack" in [e.type for e in events]) == (kind == "attack")


def test_a_package_of_sanctions_is_a_sanction() -> None:
    # "EU bereitet nächstes Sanktionspaket gegen Russland vor" (review 90: missed)
    text = "Die Union bereitet das nächste Sanktionspaket gegen Tarvo vor."
    events = extract(make_article(text, [("Union", "ORG"), ("Tarvo", "LOC")]))
    assert [e.type for e in events] == ["sanction"]


def test_a_particle_written_apart_before_its_verb_makes_the_verb() -> None:
    # "hat sein Aufgebot bekannt gegeben" announces (review 90: missed); "bekanntgegeben"
    # in one word already did
    text = "Kessler hat in Tarvo sein Aufgebot bekannt gegeben."
    events = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert [e.type for e in events] == ["announce"]


def test_a_particle_after_an_apposition_belongs_to_the_verb() -> None:
    # "traf auch die Delegation um den Minister, Ron Dermer, in dem Ort ein" arrived
    # (review 90: it had met someone)
    text = "Später traf auch die Delegation um den Minister, Kessler, in Tarvo ein."
    assert extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")])) == []


def test_adverbs_on_an_adjective_stay_in_the_noun_s_phrase() -> None:
    # "Nach dem mutmaßlich antisemitisch motivierten Anschlag ... ist die Bestürzung groß":
    # the attack in a phrase of time took place (review 90)
    text = "Nach dem mutmaßlich politisch motivierten Anschlag in Tarvo ist die Bestürzung groß."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == "happened"


def test_a_strong_verb_s_past_plural_is_a_past() -> None:
    # "Im Libanon starben zwölf Menschen bei einem israelischen Angriff" (review 90: the
    # attack had been unspecified, "starben" no past)
    text = "In Tarvo starben zwölf Menschen bei einem Angriff."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == "happened"


def test_an_event_that_failed_to_come_is_denied() -> None:
    # "Zunächst waren solche Angriffe allerdings ausgeblieben" (review 90)
    text = "Die angedrohten Angriffe auf Tarvo sind bislang ausgeblieben."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == "denied"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Die Offensive auf Tarvo sorgt für Proteste in Nordland.", "happened"),
        ("Kessler sorgt sich um das Treffen in Tarvo.", "unspecified"),
    ],
)
def test_what_something_makes_for_took_place(text: str, modality: str) -> None:
    # "Israels Offensive sorgt für Proteste und Kritik" (review 90: unspecified); who
    # "sorgt sich um" a meeting only worries
    mentions = [(n, t) for n, t in [("Nordland", "LOC"), ("Kessler", "PER")] if n in text]
    events = extract(make_article(text, [*mentions, ("Tarvo", "LOC")]))
    assert events[-1].modality == modality


def test_who_condemns_a_protest_takes_no_part_in_it() -> None:
    text = "Kessler verurteilte die Proteste der Volkspartei in Tarvo."
    mentions = [("Kessler", "PER"), ("Volkspartei", "ORG"), ("Tarvo", "LOC")]
    [protest] = [e for e in extract(make_article(text, mentions)) if e.type == "protest"]
    assert protest.actor_names == ["Volkspartei"]


def test_a_town_under_fire_is_attacked() -> None:
    # "Charkiw steht unter Dauerbeschuss" (review 90: 2 attacks unspecified)
    text = "Die Stadt Tarvo steht seit Tagen unter Dauerbeschuss."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == "happened"


def test_an_attack_s_own_phrase_reaches_a_place_ten_words_on() -> None:
    # "Nach einem Angriff auf mehrere Menschen in einem Zug nahe der Stadt Huntingdon"
    # (review 90: 2 places cut off at eight words)
    text = (
        "Nach einem Angriff auf mehrere Menschen in einem Zug nahe der Stadt Tarvo "
        "ermittelt Kessler."
    )
    [attack] = extract(make_article(text, [("Tarvo", "LOC"), ("Kessler", "PER")]))
    assert attack.location == "Tarvo"


def test_a_pro_country_adjective_names_no_party() -> None:
    # "Kämpfer einer pro-iranischen Gruppe" are not Iran (review 90)
    text = "Bei Angriffen in Tarvo wurden zwei Kämpfer einer pro-nordländischen Gruppe getötet."
    mentions = [("Tarvo", "LOC"), ("pro-nordländischen", "LOC*")]
    [attack] = extract(make_article(text, mentions))
    assert attack.actor_names == []


@pytest.mark.parametrize(
    "text",
    [
        "Mehr als 20 Staaten fordern ein Ende der Angriffe auf Tarvo.",
        "Kessler reagiert auf die Folgen des Angriffs auf Tarvo.",
    ],
)
def test_an_event_whose_end_or_consequences_are_told_took_place(text: str) -> None:
    # "fordern ein Ende der Angriffe", "die Folgen des russischen Angriffs" (review 90)
    mentions = [("Tarvo", "LOC"), *([("Kessler", "PER")] if "Kessler" in text else [])]
    [attack] = [e for e in extract(make_article(text, mentions)) if e.type == "attack"]
    assert attack.modality == "happened"


def test_the_latest_attacks_took_place() -> None:
    # "Die jüngsten israelischen Angriffe treiben Hunderttausende zur Flucht" (review 90)
    text = "Die jüngsten Angriffe auf Tarvo treiben Hunderttausende zur Flucht."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == "happened"


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        ("Kessler verurteilte den Angriff auf Tarvo.", "attack", "happened"),
        ("Kessler lobt das gute Treffen mit Berg in Tarvo.", "meet", "happened"),
        ("Kessler kritisiert das geplante Treffen mit Berg in Tarvo.", "meet", "planned"),
    ],
)
def test_what_one_judges_took_place(text: str, kind: str, modality: str) -> None:
    # "verurteilen das ergebnislose Treffen", "lobt gutes Treffen" (review 90)
    mentions = [
        ("Kessler", "PER"),
        ("Tarvo", "LOC"),
        *([("Berg", "PER")] if "Berg" in text else []),
    ]
    [event] = [e for e in extract(make_article(text, mentions)) if e.type == kind]
    assert event.modality == modality


def test_an_elliptic_contrast_after_a_dash_negates_only_its_name() -> None:
    # "Viele EU-Staaten unterzeichneten die Erklärung - Deutschland nicht." (review 90; a
    # wrong denial first met 2026-11-29)
    text = "Viele Staaten unterzeichneten das Abkommen mit Tarvo - Nordland nicht."
    events = extract(make_article(text, [("Tarvo", "LOC"), ("Nordland", "LOC")]))
    assert [e.modality for e in events] == ["happened"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Die Delegation hat in Tarvo Gespräche mit der Regierung geführt.", "happened"),
        ("In Tarvo ist es zu Protesten gekommen.", "happened"),
        ("Es hat in Tarvo offenbar Proteste gegeben.", "speculated"),
        ("In Tarvo ist es nicht zu einem Treffen gekommen.", "denied"),
        ("Die Regierung hat ein Treffen in Tarvo für Montag bekannt gegeben.", "announced"),
    ],
)
def test_a_weak_support_verbs_participle_after_its_noun(text: str, modality: str) -> None:
    # "hat ... Gespräche mit der EU-Kommission geführt" had been unspecified (review 92)
    [event] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert event.modality == modality


@pytest.mark.parametrize(
    "text",
    [
        "Die Armee hat ihre Angriffe auf Tarvo eingestellt.",
        "Nordland weitet seine Angriffe auf Tarvo aus.",
        "Die Proteste in Tarvo haben sich ausgeweitet.",
    ],
)
def test_what_is_stopped_or_widened_has_been_going_on(text: str) -> None:
    # "hat seine Luftangriffe im Gazastreifen eingestellt", "weitet Angriffe auf
    # Hisbollah-Ziele aus" had been unspecified (review 92)
    names = [(n, "LOC") for n in ("Tarvo", "Nordland") if n in text]
    [event] = extract(make_article(text, names))
    assert event.modality == "happened"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Kessler spricht von einem zynischen Angriff auf Tarvo.", "happened"),
        ("Kessler sprach von einem historischen Besuch in Tarvo.", "happened"),
        ("Kessler sprach von einem möglichen Angriff auf Tarvo.", "speculated"),
        ("Kessler sprach nicht von einem Angriff auf Tarvo.", "unspecified"),
        ("Tarvo hat auf eine offene Drohung von Kessler reagiert.", "happened"),
        ('Kessler spricht von einem "zynischen" Angriff auf Tarvo.', "happened"),
    ],
)
def test_who_speaks_of_an_event_tells_it_as_done(text: str, modality: str) -> None:
    # "Präsident Selenskyj spricht von einem 'zynischen' Angriff" had been unspecified
    # (review 92)
    [event] = extract(make_article(text, [("Kessler", "PER"), ("Tarvo", "LOC")]))
    assert event.modality == modality


def test_what_one_justifies_took_place() -> None:
    # "Das Militär rechtfertigte die Angriffe nochmals als Reaktion auf ..." had been
    # unspecified (review 92)
    text = "Das Militär rechtfertigte die Angriffe auf Tarvo als Notwehr."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == "happened"


def test_the_newest_attack_has_taken_place() -> None:
    # "das Ausmaß des neuesten russischen Angriffs" had been unspecified (review 92), as
    # "die jüngsten Angriffe" had been before review 90
    text = "Die Regierung beziffert das Ausmaß des neuesten Angriffs auf Tarvo."
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == "happened"


def test_a_countrys_adjective_in_a_source_marker_is_the_source() -> None:
    # "Nach ukrainischen Angaben plant Russland eine weitere große Offensive": Ukraine had
    # been the offensive's target (review 92)
    text = "Nach nordländischen Angaben plant Tarvo eine große Offensive."
    mentions = [("nordländischen", "LOC"), ("Tarvo", "LOC")]
    article = make_article(text, mentions)
    article.mentions[0] = replace(article.mentions[0], derived=True)
    [attack] = extract(article)
    assert attack.actor_names == ["Tarvo"]


def test_a_name_after_fall_names_a_case() -> None:
    # "Güstrow: Polizei verhaftet Verdächtige im Fall Fabian": the victim had been the one
    # arrested (review 92)
    text = "Die Polizei hat im Fall Kessler eine Frau festgenommen."
    [arrest] = extract(make_article(text, [("Kessler", "PER")]))
    assert arrest.actor_names == []


@pytest.mark.parametrize(
    "text",
    [
        "Die südlich der Hauptstadt Tarvo gelegene Anlage wurde von Nordland angegriffen.",
        "Nordland griff Ziele nördlich von Tarvo an.",
        # a compound on a class of places (review 278: "Nahe der Pilgerstadt Ghom")
        "Nahe der Pilgerstadt Tarvo wurde eine Brücke von Nordland angegriffen.",
        "Nordland griff Ziele südöstlich der Hafenstadt Tarvo an.",
    ],
)
def test_a_place_measured_from_is_no_party(text: str) -> None:
    # "Die rund 250 Kilometer südlich der Hauptstadt Teheran gelegene Anlage sei Ziel
    # US-israelischer Angriffe geworden": Teheran had been the target (review 92)
    [attack] = extract(make_article(text, [("Tarvo", "LOC"), ("Nordland", "LOC")]))
    assert attack.actor_names == ["Nordland"]


def test_a_place_class_compound_without_a_bearing_is_a_party() -> None:
    # must not fire: no word of a bearing before it (review 278)
    text = "Nordland griff die Pilgerstadt Tarvo an."
    [attack] = extract(make_article(text, [("Tarvo", "LOC"), ("Nordland", "LOC")]))
    assert dict(zip(attack.actor_names, attack.roles, strict=True)) == {
        "Nordland": "agent",
        "Tarvo": "target",
    }


def test_a_continents_adjective_on_countries_is_no_party() -> None:
    # "Das afrikanische Land zeigte sich offen für Hilfe": Afrika had been the helper
    # (review 92)
    text = "Viele europäische Staaten unterzeichneten das Abkommen mit Tarvo."
    article = make_article(text, [("europäische", "LOC"), ("Tarvo", "LOC")])
    article.mentions[0] = replace(article.mentions[0], derived=True)
    [agree] = extract(article)
    assert agree.actor_names == ["Tarvo"]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            "In Tarvo setzte ein Angriff ein Haus in Brand, wie der Gouverneur mitteilte.",
            "happened",
        ),
        ("Ein Angriff auf Tarvo stehe bevor, wie der Gouverneur mitteilte.", "announced"),
    ],
)
def test_a_trailing_wie_report_confirms_a_past_clause(text: str, modality: str) -> None:
    # "In der Region Kiew setzte ein russischer Angriff ein Wohnhaus im Dorf Pohreby in
    # Brand, wie Gouverneur Mykola Kalaschnyk mitteilte" had been announced (review 92)
    [attack] = extract(make_article(text, [("Tarvo", "LOC")]))
    assert attack.modality == modality


@pytest.mark.parametrize(
    ("text", "modality", "time"),
    [
        # what a trailing report confirms is the announcement, not the attacks (review 272)
        (
            "Die Garde kündigte Raketenangriffe auf Tarvo an, wie die Agentur Nordpress "
            "berichtete.",
            "announced",
            None,
        ),
        (
            "Die Garde drohte mit Vergeltung und kündigte Angriffe auf Tarvo an, wie die "
            "Agentur Nordpress berichtete.",
            "announced",
            None,
        ),
        # must not fire: what is confirmed or flown has happened
        (
            "Die Garde bestätigte Angriffe auf Tarvo, wie die Agentur Nordpress berichtete.",
            "happened",
            "2024-05-14",
        ),
        (
            "Die Garde flog Angriffe auf Tarvo, wie die Agentur Nordpress berichtete.",
            "happened",
            "2024-05-14",
        ),
    ],
)
def test_a_trailing_report_confirms_no_announced_event(
    text: str, modality: str, time: str | None
) -> None:
    # "Die islamische Revolutionsgarde drohte mit Vergeltung und kündigte Raketenangriffe
    # auf ... Israel an, wie die Nachrichtenagentur Tasnim berichtete": the attacks had
    # happened on the publication day (review 272)
    article = make_article(text, [("Tarvo", "LOC"), ("Nordpress", "ORG")])
    [attack] = [e for e in extract(article) if e.type == "attack"]
    assert (attack.modality, attack.time) == (modality, time)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        (
            "Aus Sorge vor neuen Gefechten sind bereits Tausende Menschen aus Tarvo geflohen.",
            "speculated",
        ),
        ("In Tarvo wächst die Angst vor einem Angriff.", "speculated"),
        # must not fire: no noun of fear right before "vor", or another noun's genitive
        ("Vor dem Angriff auf Tarvo wuchs in der Stadt die Sorge.", "unspecified"),
        ("Die Angst vor einer Ausweitung der Angriffe auf Tarvo wächst.", "happened"),
    ],
)
def test_what_is_feared_is_not_done(text: str, modality: str) -> None:
    # "Aus Sorge vor neuen Gefechten sind ... Tausende Menschen ... geflohen": the fighting
    # had happened on the publication day (review 272)
    [attack] = [e for e in extract(make_article(text, [("Tarvo", "LOC")])) if e.type == "attack"]
    assert (attack.modality, attack.time) == (modality, None)


@pytest.mark.parametrize(
    ("text", "kind", "modality", "time"),
    [
        (
            "Bevor die Gespräche mit Tarvo beginnen, will Nordland Garantien.",
            "negotiate",
            "planned",
            None,
        ),
        ("Bevor gewählt werde, müsse in Tarvo eine Waffenruhe gelten.", "elect", "planned", None),
        # must not fire: a past, or a perfect the tense reads as a present
        (
            "Bevor die Gespräche mit Tarvo begannen, hatte Nordland Garantien gefordert.",
            "negotiate",
            "happened",
            "2024-05-14",
        ),
        (
            "Er habe das Geld erhalten, bevor er in Tarvo gewählt worden sei.",
            "elect",
            "happened",
            "2024-05-14",
        ),
    ],
)
def test_what_comes_after_bevor_is_still_to_come(
    text: str, kind: str, modality: str, time: str | None
) -> None:
    # "Bevor gewählt werde, müsse eine Waffenruhe gelten": the election had happened on
    # the publication day (review 272)
    article = make_article(text, [(n, "LOC") for n in ("Tarvo", "Nordland") if n in text])
    [event] = [e for e in extract(article) if e.type == kind]
    assert (event.modality, event.time) == (modality, time)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Die Staaten haben auf ihrem Gipfel in Tarvo gestritten.", "happened"),
        # hoped for, so open (review 156; it had been unspecified)
        ("Die Staaten hoffen auf einen Gipfel in Tarvo.", "speculated"),
    ],
)
def test_what_happens_on_a_summit_happens_while_it_is_held(text: str, modality: str) -> None:
    # "Die G7 haben sich auf ihrem Gipfel auf neun Erklärungen geeinigt" had left the
    # summit unspecified (review 92)
    [meet] = [e for e in extract(make_article(text, [("Tarvo", "LOC")])) if e.type == "meet"]
    assert meet.modality == modality


def test_a_verb_ends_the_phrase_of_a_preposition() -> None:
    # "Nach neuen massiven Angriffen fordert er neue Sanktionen": the demanded sanctions had
    # been in the phrase of "nach", and so done (review 92)
    text = "Nach neuen schweren Angriffen fordert er neue Sanktionen gegen Tarvo."
    events = extract(make_article(text, [("Tarvo", "LOC")]))
    [sanction] = [e for e in events if e.type == "sanction"]
    assert sanction.modality != "happened"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Nordland gab die Hilfe für Tarvo frei.", "happened"),
        ("Nordland hat die Hilfen für Tarvo nicht freigegeben.", "denied"),
    ],
)
def test_aid_released_or_not(text: str, modality: str) -> None:
    # "Die EU hat die Milliardenhilfen für die Ukraine nicht freigegeben" had been
    # unspecified (review 92)
    [aid] = extract(make_article(text, [("Nordland", "LOC"), ("Tarvo", "LOC")]))
    assert aid.modality == modality


def test_who_demands_sanctions_does_not_impose_them() -> None:
    # "Selenskyj fordert Sanktionen" (review 94: the one who demands them had imposed them)
    text = "Kessler fordert neue Sanktionen gegen Nordland."
    mentions = [("Kessler", "PER"), ("Nordland", "LOC")]
    [sanction] = [e for e in extract(make_article(text, mentions)) if e.type == "sanction"]
    assert sanction.actor_names == ["Nordland"]


def test_a_meeting_in_a_phrase_of_time_is_not_the_attacker_s() -> None:
    # "vor dem Ukraine-Gipfel hat Russland Angriffe gestartet" (review 94: Russland had met)
    text = "Vor dem Gipfel mit Kessler hat Nordland die Stadt Tarvo angegriffen."
    mentions = [("Kessler", "PER"), ("Nordland", "LOC"), ("Tarvo", "LOC")]
    [meet] = [e for e in extract(make_article(text, mentions)) if e.type == "meet"]
    assert meet.actor_names == ["Kessler"]


def test_who_reacts_to_protests_takes_no_part_in_them() -> None:
    # "Jetzt reagiert Ministerpräsident X auf die Proteste" (review 94: he had protested)
    text = "Jetzt reagiert Regierungschef Kessler auf die Proteste in Tarvo."
    mentions = [("Kessler", "PER"), ("Tarvo", "LOC")]
    [protest] = [e for e in extract(make_article(text, mentions)) if e.type == "protest"]
    assert protest.actor_names == []


def test_the_attack_a_threat_is_on_is_not_the_threatener_s() -> None:
    # "Trump droht Iran bei Angriff auf US-Schiffe mit Vernichtung" (review 94: Trump had
    # been the attacker)
    text = "Kessler droht Nordland bei Angriff auf Tarvo mit Vergeltung."
    mentions = [("Kessler", "PER"), ("Nordland", "LOC"), ("Tarvo", "LOC")]
    [attack] = [e for e in extract(make_article(text, mentions)) if e.type == "attack"]
    assert "Kessler" not in attack.actor_names


def _told_twice(article_id: str, day: str, first: str, then: str) -> Article:
    """One article that reports the meeting of Marek and Kessler as ``first``, then, in a
    later sentence, as ``then``."""
    one, two = _meeting(article_id, day, first), _meeting(article_id, day, then)
    start = len(one.text) + 1
    later = replace(two.events[0], start=start, end=start + len(two.text))
    return replace(one, text=f"{one.text} {two.text}", events=[one.events[0], later])


def test_one_article_that_tells_an_event_open_and_done_confirms_nothing() -> None:
    # Review 98: "Russland hat offenbar ... angegriffen" above "Russland hat ... getroffen",
    # or "will Gespräche aufnehmen" above "nimmt die Gespräche auf", tells one thing twice.
    assert _confirmations([_told_twice("both", "2024-05-15", "speculated", "happened")]) == []
    # Nor does a later article that tells it again: the first one said it happened.
    after = _meeting("after", "2024-05-16", "happened")
    both = _told_twice("both", "2024-05-15", "happened", "planned")
    assert _confirmations([both, after]) == []
    # An earlier article that left it open is confirmed, by the article's first report.
    plan = _meeting("plan", "2024-05-10", "announced")
    assert _confirmations([plan, _told_twice("both", "2024-05-15", "planned", "happened")]) == [
        "both"
    ]
    [meet] = story_events([plan, _told_twice("both", "2024-05-15", "speculated", "happened")])
    assert [c.before for c in meet.changes if c.kind == "confirmed"] == [["announced"]]


def _unnamed(article_id: str, day: str, modality: str, place: str | None = None) -> Article:
    """An article of one day that reports a meeting of no named party: it joins the
    story's best-attested meeting by its type alone."""
    sentence = f"Das Treffen ({modality}) in {place or 'ungenannt'}."
    event = Event("meet", "040", [], [], modality, sentence, 0, len(sentence), location=place,
                  time=day)  # fmt: skip
    published = datetime.fromisoformat(f"{day}T09:00:00+00:00")
    return Article(article_id, "", sentence, published=published, story_id="s1",
                   events=[event])  # fmt: skip


def test_a_report_that_names_no_party_changes_nothing() -> None:
    # Review 98: "Bundesregierung verurteilt tödlichen Angriff auf UNIFIL-Truppe" had
    # confirmed the US attacks threatened; "Gestreikt wird Mittwoch auch am Berliner
    # Flughafen" had moved another union's strike.
    plan = _meeting("plan", "2024-05-10", "planned")
    unnamed = _unnamed("unnamed", "2024-05-12", "happened", "Olmütz")
    [meet] = story_events([plan, unnamed])
    assert unnamed.id in meet.article_ids and meet.changes == []
    placed = replace(plan, events=[replace(plan.events[0], location="Brünn")])
    [meet] = story_events([placed, _unnamed("unnamed", "2024-05-12", "planned", "Olmütz")])
    assert meet.changes == []
    # Where it names the parties after a sentence that does not, the article confirms it.
    after = _meeting("after", "2024-05-12", "happened")
    start = len(unnamed.text) + 1
    named = replace(after.events[0], start=start, end=start + len(after.text))
    both = replace(after, text=f"{unnamed.text} {after.text}", events=[unnamed.events[0], named])
    assert _confirmations([plan, both]) == ["after"]
    # An event of no named party at all is told by its reports.
    assert [c.kind for c in story_events([_unnamed("a", "2024-05-10", "planned"),
            _unnamed("b", "2024-05-12", "happened")])[0].changes] == ["confirmed"]  # fmt: skip


def _attack(article_id: str, day: str, modality: str, sentence: str) -> Article:
    """An article of one day whose sentence reports Tarvonia's attack on Belvaria so."""
    event = Event("attack", "190", ["ent_tarvonia", "ent_belvaria"], ["Tarvonia", "Belvaria"],
                  modality, sentence, 0, len(sentence), time=day)  # fmt: skip
    published = datetime.fromisoformat(f"{day}T09:00:00+00:00")
    return Article(article_id, "", sentence, published=published, story_id="s1",
                   events=[event])  # fmt: skip


@pytest.mark.parametrize(
    "threat",
    [
        "Sollte Belvaria nicht einlenken, werde Tarvonia angreifen, drohte der Präsident.",
        "Der Präsident drohte, Tarvonia werde Belvaria angreifen, sollte es nicht einlenken.",
        "Tarvonia werde Belvaria angreifen, falls es die Grenze nicht öffne.",
    ],
)
def test_an_attack_open_only_under_a_condition_is_not_confirmed(threat: str) -> None:
    # Review 98: "gedroht, sollten sie Angriffe auf Iran ... erlauben", then "Drei Schiffe
    # wurden von Iran angegriffen": a threat's condition or content is no plan.
    articles = [
        _attack("threat", "2024-05-10", "speculated", threat),
        _attack("later", "2024-05-12", "happened", "Tarvonia hat Belvaria angegriffen."),
    ]
    [attack] = story_events(articles)
    assert attack.changes == []
    articles[0] = _attack("plan", "2024-05-10", "planned", "Tarvonia will Belvaria angreifen.")
    [attack] = story_events(articles)
    assert [c.kind for c in attack.changes] == ["confirmed"]


def test_a_threat_is_neither_confirmed_nor_denied() -> None:
    # Review 98: "Trump droht Iran mit Militärschlag" read as planned, then "Iran droht den
    # USA", had been a confirmation; "Kuba wies Trumps Drohung zurück" a denial.
    def threat(article_id: str, day: str, modality: str, sources: list[str]) -> Article:
        article = _attack(article_id, day, modality, f"Tarvonia droht Belvaria ({modality}).")
        article.events[0] = replace(article.events[0], type="threaten", code="130",
                                    sources=sources)  # fmt: skip
        return article

    articles = [
        threat("overview", "2024-05-10", "planned", []),
        threat("made", "2024-05-11", "happened", []),
        threat("rejected", "2024-05-12", "denied", ["Belvaria"]),
    ]
    [made] = story_events(articles)
    assert made.num_reports == 3 and made.changes == []
    for article in articles:
        article.events[0] = replace(article.events[0], type="attack", code="190")
    [attack] = story_events(articles)
    assert [c.kind for c in attack.changes] == ["confirmed", "denied"]


def test_one_party_s_bare_denial_denies_the_claim_its_article_told_last() -> None:
    # Review 98: "Moskau dementiert." after an attack on a submarine had denied the
    # meeting the Kremlin expected.
    plan = _meeting("plan", "2024-05-10", "planned", others="Kessler")
    plan.events[0] = replace(plan.events[0], actors=["ent_marek"], actor_names=["Ivo Marek"])
    attack = "Tarvonia hat ein Schiff angegriffen."
    denial = "Ivo Marek dementiert."
    text = f"{attack} {denial}"
    start = len(attack) + 1
    events = [
        Event("attack", "190", ["ent_tarvonia"], ["Tarvonia"], "happened", attack, 0,
              len(attack), time="2024-05-12"),
        Event("deny", "016", ["ent_marek"], ["Ivo Marek"], "happened", denial, start,
              len(text)),
    ]  # fmt: skip
    published = datetime.fromisoformat("2024-05-12T09:00:00+00:00")
    later = Article("later", "", text, published=published, story_id="s1", events=events)
    meet = next(e for e in story_events([plan, later]) if e.type == "meet")
    assert meet.article_ids == ["plan"] and meet.changes == []
    # Where the article told the claim last before the denial, the denial is of it.
    retold = replace(later, events=[replace(plan.events[0], start=0, end=len(attack)), events[1]])
    [meet] = [e for e in story_events([plan, retold]) if e.type == "meet"]
    assert [c.kind for c in meet.changes] == ["denied"]


def test_two_ministers_of_no_named_country_are_not_one_party() -> None:
    # Review 101: Wadephul's call with Rubio during a visit ("Außenminister", no country:
    # the role GOV alone) had joined a planned meeting of Netanjahu and Aoun ("Präsident",
    # GOV too) and confirmed it.
    plan = make_article(
        "Präsident Ivo Marek und Präsident Rui Maia sollen sich am Freitag in Lissabon treffen.",
        [("Ivo Marek", "PER"), ("Rui Maia", "PER"), ("Lissabon", "LOC")],
        timexes=[("am Freitag", "2024-05-17")],
        published="2024-05-13T08:00:00+00:00",
        article_id="plan",
    )
    other = make_article(
        "Außenminister Jan Kessler traf bei seinem Besuch in Rabat Außenminister Lea Brandt.",
        [("Jan Kessler", "PER"), ("Rabat", "LOC"), ("Lea Brandt", "PER")],
        published="2024-05-28T08:00:00+00:00",
        article_id="other",
    )
    for article in (plan, other):
        article.events = extract(article)
    meetings = [e for e in story_events([plan, other]) if e.type == "meet"]
    assert [m.article_ids for m in meetings] == [["plan"], ["other"]]
    assert not any(m.changes for m in meetings)


def test_what_happens_weeks_after_the_last_plan_confirms_it_only_on_the_planned_day() -> None:
    # Review 101: a plan of 18 November to resume talks in Istanbul had been "confirmed"
    # by talks in Florida on 20 December; a meeting planned on 1 December by the EU
    # summit of the 18th.
    assert _confirmations([_meeting("plan", "2024-05-01", "planned"),
                           _meeting("done", "2024-05-20", "happened")]) == []  # fmt: skip
    assert _confirmations([_meeting("plan", "2024-05-10", "planned"),
                           _meeting("done", "2024-05-16", "happened")]) == ["done"]  # fmt: skip
    # A plan for a day weeks ahead is confirmed on that day, whatever came between.
    articles = [
        _meeting("plan", "2024-05-01", "announced", "2024-05-20"),
        _meeting("guess", "2024-05-06", "speculated"),
        _meeting("done", "2024-05-20", "happened"),
    ]
    assert _confirmations(articles) == ["done"]


@pytest.mark.parametrize("again", [" erneut", ""])
def test_another_occurrence_neither_moves_the_event_nor_denies_it(again: str) -> None:
    # Review 101: "zu einem weiteren Streik am Donnerstag" had moved the pilots' strike of
    # Monday; "keinen neuen israelischen Angriff auf Beirut" denied the attack made.
    def dated(article: Article, value: str) -> Article:
        event = replace(article.events[0], time=value)
        return replace(article, timexes=[Timex(0, 3, "Tar", "DATE", value)], events=[event])

    plan = dated(_attack("plan", "2024-05-10", "planned", "Tarvonia will am Montag angreifen."),
                 "2024-05-13")  # fmt: skip
    moved = f"Tarvonia will am Donnerstag{again} angreifen."
    later = dated(_attack("later", "2024-05-11", "planned", moved), "2024-05-16")
    [attack] = story_events([plan, later])
    assert [c.kind for c in attack.changes] == ([] if again else ["time"])
    done = _attack("done", "2024-05-13", "happened", "Tarvonia hat Belvaria angegriffen.")
    denied = f"Laut Marek gibt es keinen{' neuen' if again else ''} Angriff."
    denial = _attack("denial", "2024-05-14", "denied", denied)
    denial.events[0] = replace(denial.events[0], sources=["Ivo Marek"])
    [attack] = story_events([done, denial])
    assert [c.kind for c in attack.changes] == ([] if again else ["denied"])


@pytest.mark.parametrize(
    ("ordinal", "denies"), [("zweiten", False), ("dritten", False), ("", True)]
)
def test_a_second_occurrence_refused_does_not_deny_the_first(ordinal: str, denies: bool) -> None:
    # "Die iranische Führung lehnt ... ein zweites Treffen mit US-Vertretern ab" had denied
    # the meeting held the week before (2026-12-05).
    done = _attack("done", "2024-05-13", "happened", "Tarvonia hat Belvaria angegriffen.")
    denied = f"Laut Marek gibt es keinen {ordinal} Angriff.".replace("  ", " ")
    denial = _attack("denial", "2024-05-14", "denied", denied)
    denial.events[0] = replace(denial.events[0], sources=["Ivo Marek"])
    [attack] = story_events([done, denial])
    assert [c.kind for c in attack.changes] == (["denied"] if denies else [])


@pytest.mark.parametrize(
    ("done", "confirms"),
    [
        ("Tarvonia hat Belvaria angegriffen.", True),
        ("Tarvonia hat Belvaria erneut angegriffen.", False),
        ("Tarvonia hat weitere Orte in Belvaria angegriffen.", False),
        # "neu" may be of another noun: the plan still came true
        ("Tarvonia hat Belvaria mit neuen Drohnen angegriffen.", True),
    ],
)
def test_what_happened_again_confirms_no_plan(done: str, confirms: bool) -> None:
    # Review 156: "Erneut wird bei der Lufthansa gestreikt" (the pilots) had confirmed the
    # cabin crew's strike announced; "melden neue iranische Angriffe" a threatened attack.
    plan = _attack("plan", "2024-05-10", "planned", "Tarvonia will Belvaria angreifen.")
    later = _attack("later", "2024-05-12", "happened", done)
    [attack] = story_events([plan, later])
    assert [c.kind for c in attack.changes] == (["confirmed"] if confirms else [])


@pytest.mark.parametrize(("published", "moves"), [("2024-05-11", True), ("2024-05-14", False)])
def test_a_strike_s_day_given_after_the_planned_day_is_of_the_next(
    published: str, moves: bool
) -> None:
    # Review 156: the pilots' strike on Monday, told on Saturday, had moved the cabin
    # crew's strike of the Friday before; a plan told before its day may still move.
    def dated(article: Article, value: str) -> Article:
        event = replace(article.events[0], time=value)
        return replace(article, timexes=[Timex(0, 3, "Tar", "DATE", value)], events=[event])

    plan = dated(_attack("plan", "2024-05-10", "planned", "Tarvonia will am Montag angreifen."),
                 "2024-05-13")  # fmt: skip
    later = _attack(
        "later", published, "planned", "Tarvonia will am Donnerstag Belvaria angreifen."
    )
    [attack] = story_events([plan, dated(later, "2024-05-16")])
    assert [c.kind for c in attack.changes] == (["time"] if moves else [])


def test_more_attacks_announced_once_they_happened_are_no_plan_to_confirm() -> None:
    # Review 103: "Er fordert Rache für die Kriegsopfer und kündigt weitere Angriffe an",
    # two weeks into the Iran war, had been "confirmed" by "Heftige gegenseitige Angriffe
    # gehen weiter".
    done = _attack("done", "2024-05-10", "happened", "Tarvonia hat Belvaria angegriffen.")
    more = _attack(
        "more", "2024-05-12", "announced", "Tarvonia hatte weitere Angriffe angekündigt."
    )
    later = _attack("later", "2024-05-14", "happened", "Tarvonia greift Belvaria an.")
    [attack] = story_events([done, more, later])
    assert attack.changes == []
    # What is denied then is still the announcement.
    denial = _attack("denial", "2024-05-13", "denied", "Tarvonia dementiert die Pläne.")
    denial.events[0] = replace(denial.events[0], sources=["Tarvonia"])
    [attack] = story_events([done, more, denial])
    assert [(c.kind, c.before) for c in attack.changes] == [("denied", ["announced"])]
    # An announcement for a later day is a plan that may come true.
    dated = replace(more.events[0], time="2024-05-14")
    more = replace(more, timexes=[Timex(0, 3, "Tar", "DATE", "2024-05-14")], events=[dated])
    [attack] = story_events([done, more, later])
    assert [(c.kind, c.article_id) for c in attack.changes] == [("confirmed", "later")]


def test_a_plan_of_one_party_after_the_meeting_took_place_plans_its_next_one() -> None:
    # Review 103: "Dort werden sie am Montag den US-Präsidenten treffen", two days after
    # the Alaska summit, had opened the summit again, and a report of the Washington
    # meeting on Monday "confirmed" it once more.
    alone = _meeting("next", "2024-05-17", "planned", "2024-05-20")
    alone.events[0] = replace(alone.events[0], actors=["ent_marek"], actor_names=["Ivo Marek"])
    articles = [
        _meeting("plan", "2024-05-10", "planned", "2024-05-15"),
        _meeting("done", "2024-05-15", "happened"),
        alone,
        _meeting("after", "2024-05-20", "happened"),
    ]
    meetings = story_events(articles)
    assert [m.article_ids for m in meetings] == [["plan", "done", "after"], ["next"]]
    assert [(c.kind, c.article_id) for m in meetings for c in m.changes] == [("confirmed", "done")]
    # Before the meeting took place, such a plan moves it.
    articles[1] = _meeting("moved", "2024-05-13", "planned", "2024-05-17")
    [meet] = story_events(articles[:3])
    assert [c.after for c in meet.changes if c.kind == "time"][-1] == ["2024-05-20"]


def test_a_plan_of_one_party_once_the_planned_day_passed_plans_its_next_one() -> None:
    # "Selenskyj reist am Montag nach Berlin", four days after his meeting with Merz,
    # Macron and Starmer in London (no report said it took place), had moved that meeting
    # to Berlin and a week on; so had a trip to the USA a week after a visit to Ankara.
    alone = _meeting("next", "2024-05-17", "planned", "2024-05-20")
    alone.events[0] = replace(alone.events[0], actors=["ent_marek"], actor_names=["Ivo Marek"])
    meetings = story_events([_meeting("plan", "2024-05-10", "planned", "2024-05-15"), alone])
    assert [m.article_ids for m in meetings] == [["plan"], ["next"]]
    assert [c for m in meetings for c in m.changes] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ein Mensch stirbt bei einem Angriff auf Belvaria.", ("attack", "happened")),
        ("Während der Gespräche in Olmütz wächst der Druck.", ("negotiate", "happened")),
        # a plan of the clause still outranks it
        ("Beim Treffen in Olmütz wollen die Minister beraten.", ("meet", "unspecified")),
    ],
)
def test_a_noun_at_or_during_what_a_present_clause_tells_happens(
    sentence: str, expected: tuple[str, str]
) -> None:
    # "Ein Mensch stirbt bei einem israelischen Angriff" had left the attack unspecified,
    # where a headline without a verb ("Tote bei Angriff") tells it as happening.
    [event] = extract(
        make_article(sentence, [("Belvaria", "LOC")] if "Belvaria" in sentence else [])
    )
    assert (event.type, event.modality) == expected


def test_a_plan_for_a_day_already_past_moves_nothing() -> None:
    # Review 103: "hat zu Streiks am Donnerstag und Freitag aufgerufen", read as the
    # Thursday before the article, had moved the pilots' strike back a week.
    plan = _meeting("plan", "2024-05-08", "announced", "2024-05-16")
    misread = _meeting("misread", "2024-05-10", "announced", "2024-05-09")
    [meet] = story_events([plan, misread])
    assert meet.article_ids == ["plan", "misread"] and meet.changes == []
    moved = _meeting("moved", "2024-05-10", "announced", "2024-05-17")
    [meet] = story_events([plan, moved])
    assert [(c.kind, c.after) for c in meet.changes] == [("time", ["2024-05-17"])]


def test_a_headline_takes_no_plan_of_a_further_round_from_its_body() -> None:
    # Review 103: "USA und Iran beenden Gespräche in Oman" above "zumindest eine der
    # beiden Parteien kündigt eine Fortsetzung der Verhandlungen an" had read as announced,
    # and the next article's "Die Verhandlungen ... sind vorerst beendet" confirmed it.
    def talks(article_id: str, day: str, lines: list[tuple[str, str]]) -> Article:
        text, events = "", []
        for sentence, modality in lines:
            start = len(text)
            text += sentence + "\n\n"
            events.append(Event("negotiate", "046", ["ent_marek", "ent_kessler"],
                                ["Ivo Marek", "Kessler"], modality, sentence, start,
                                start + len(sentence), time=day))  # fmt: skip
        published = datetime.fromisoformat(f"{day}T09:00:00+00:00")
        headline = lines[0][0]
        return Article(article_id, headline, text, published=published, story_id="s1",
                       blocks=[Block(BlockKind.HEADLINE, headline, start=0, end=len(headline))],
                       events=events)  # fmt: skip

    headline = ("Marek und Kessler beenden Gespräche in Olmütz", "happened")
    later = talks("later", "2024-05-11", [("Die Gespräche sind vorerst beendet.", "happened")])
    further = ("Marek kündigt eine Fortsetzung der Gespräche an.", "announced")
    [event] = story_events([talks("first", "2024-05-10", [headline, further]), later])
    assert event.changes == []
    # A plan of the talks themselves is the headline's: it tells them in the present.
    same = ("Marek und Kessler wollen die Gespräche am Freitag beginnen.", "announced")
    [event] = story_events([talks("first", "2024-05-10", [headline, same]), later])
    assert [c.kind for c in event.changes] == ["confirmed"]


def test_a_party_that_denies_its_part_in_an_attack_denies_its_attack() -> None:
    # Review 103: "Die Hisbollah-Miliz bestritt in einer Erklärung, für den Angriff
    # verantwortlich zu sein", after Macron's "Alles deutet darauf hin, dass die Hisbollah
    # für diesen Angriff verantwortlich ist", flagged nothing.
    def said(article_id: str, day: str, modality: str, sentence: str, source: str) -> Article:
        article = _attack(article_id, day, modality, sentence)
        article.events[0] = replace(article.events[0], sources=[source],
                                    roles=["agent", "target"])  # fmt: skip
        return article

    claim = said("claim", "2024-05-10", "suggested",
                 "Alles deutet darauf hin, dass Tarvonia verantwortlich ist.", "Marek")  # fmt: skip
    disputed = "bestritt, für den Angriff verantwortlich zu sein."
    denial = said("denial", "2024-05-11", "unspecified", f"Tarvonia {disputed}", "Tarvonia")
    [attack] = story_events([claim, denial])
    assert [(c.kind, c.before) for c in attack.changes] == [("denied", ["suggested"])]
    # Not where another denies it for them, nor the party acted on.
    for source in ("Ivo Marek", "Belvaria"):
        other = said("denial", "2024-05-11", "unspecified", f"{source} {disputed}", source)
        [attack] = story_events([claim, other])
        assert attack.changes == []


def test_two_persons_of_one_government_are_two_parties() -> None:
    # Review 103: Trump's meeting with Selenskyj (USAGOV, UKRGOV) had joined Rubio's
    # meeting with the EU and Ukraine (USAGOV, UKR) and left its announcement unconfirmed.
    other = make_article(
        "US-Außenminister Lea Brandt hat sich mit Vertretern der Ukraine getroffen.",
        [("Lea Brandt", "PER"), ("Ukraine", "LOC")],
        published="2024-05-02T08:00:00+00:00",
        article_id="other",
    )
    plan = make_article(
        "US-Präsident Tom Berger will sich am Sonntag mit dem ukrainischen Präsidenten Ivo "
        "Marek treffen.",
        [("Tom Berger", "PER"), ("Ivo Marek", "PER")],
        timexes=[("am Sonntag", "2024-05-12")],
        published="2024-05-09T08:00:00+00:00",
        article_id="plan",
    )
    done = make_article(
        "US-Präsident Tom Berger hat den ukrainischen Präsidenten Ivo Marek empfangen.",
        [("Tom Berger", "PER"), ("Ivo Marek", "PER")],
        published="2024-05-12T20:00:00+00:00",
        article_id="done",
    )
    for article in (other, plan, done):
        article.events = extract(article)
    meetings = story_events([other, plan, done])
    assert [m.article_ids for m in meetings] == [["other"], ["plan", "done"]]
    assert [(c.kind, c.article_id) for c in meetings[1].changes] == [("confirmed", "done")]
    # One person written two ways is one party.
    again = make_article(
        "US-Präsident Thomas Berger hat den ukrainischen Präsidenten Ivo Marek empfangen.",
        [("Thomas Berger", "PER"), ("Ivo Marek", "PER")],
        published="2024-05-12T20:00:00+00:00",
        article_id="again",
    )
    again.events = extract(again)
    assert [m.article_ids for m in story_events([plan, again])] == [["plan", "again"]]


def test_a_guess_after_the_event_happened_is_about_what_happened() -> None:
    # Review 101: "geht die Polizei davon aus, dass die Täter wohl ... beeinflusst waren",
    # two days after the attack, had let the commemoration a week on "confirm" it.
    done = _attack("done", "2024-05-10", "happened", "Tarvonia hat Belvaria angegriffen.")
    later = _attack("later", "2024-05-16", "happened", "Tarvonia griff Belvaria an.")
    for modality in ("suggested", "speculated"):
        guess = _attack("guess", "2024-05-12", modality, f"Tarvonia und Belvaria ({modality}).")
        [attack] = story_events([done, guess, later])
        assert attack.article_ids == ["done", "guess", "later"] and attack.changes == []
    # A guess at a later day is of a new occurrence, which the later report confirms.
    ahead = _attack("guess", "2024-05-12", "speculated", "Tarvonia könnte am Donnerstag angreifen.")
    ahead.events[0] = replace(ahead.events[0], time="2024-05-16")
    ahead.timexes = [Timex(0, 3, "Tar", "DATE", "2024-05-16")]
    [attack] = story_events([done, ahead, later])
    assert [c.article_id for c in attack.changes if c.kind == "confirmed"] == ["later"]


def test_talks_told_in_the_present_before_their_planned_day_are_the_plan() -> None:
    # Review 101: "Witkoff und Kushner reisen zu Gesprächen nach Pakistan", the day before
    # they were to leave, had confirmed the talks announced for Saturday.
    def talks(article_id: str, day: str, modality: str, time: str | None = None) -> Article:
        article = _meeting(article_id, day, modality, time)
        article.events[0] = replace(article.events[0], type="negotiate", code="046")
        return article

    articles = [talks("plan", "2024-05-09", "announced", "2024-05-11"),
                talks("headline", "2024-05-10", "happened")]  # fmt: skip
    [event] = story_events(articles)
    assert event.modality == "announced" and event.changes == []
    done = talks("done", "2024-05-11", "happened")
    [event] = story_events([*articles, done])
    assert [c.article_id for c in event.changes if c.kind == "confirmed"] == ["done"]


def test_what_happened_before_an_article_still_called_it_open_confirms_nothing() -> None:
    # Review 98: "Während der jüngsten Gesprächsrunde am vergangenen Wochenende ..." the
    # day after "Für Sonntag sind erneut Gespräche geplant"; "Im Mai hatten CDU, CSU und
    # SPD ihren Koalitionsvertrag unterzeichnet" after talk of changing it.
    def dated(article: Article, value: str) -> Article:
        event = replace(article.events[0], time=value)
        return replace(article, timexes=[Timex(0, 3, "Tar", "DATE", value)], events=[event])

    plan = dated(_attack("plan", "2024-05-10", "planned", "Tarvonia will am Sonntag angreifen."),
                 "2024-05-12")  # fmt: skip
    undated = _attack("plan", "2024-05-10", "planned", "Tarvonia will bald angreifen.")
    for before, value in ((plan, "2024-05-06"), (plan, "2024-W18"), (undated, "2024-04")):
        told = dated(_attack("told", "2024-05-11", "happened", "Tarvonia griff an."), value)
        [attack] = story_events([before, told])
        assert attack.article_ids == ["plan", "told"], value
        assert not any(c.kind == "confirmed" for c in attack.changes), value
    done = dated(_attack("done", "2024-05-13", "happened", "Tarvonia griff an."), "2024-05-12")
    assert [c.kind for c in story_events([plan, done])[0].changes] == ["confirmed"]


def test_a_plan_or_a_denial_of_an_end_is_not_of_the_event() -> None:
    # Review 98: "Israel und der Iran wollen ihre gegenseitigen Angriffe vorerst
    # einstellen", then an attack; "hat ... widersprochen, die Verhandlungen seien gestoppt".
    stop = _attack("stop", "2024-05-10", "planned", "Tarvonia will die Angriffe einstellen.")
    later = _attack("later", "2024-05-12", "happened", "Tarvonia hat Belvaria angegriffen.")
    assert story_events([stop, later])[0].changes == []
    done = _attack("done", "2024-05-09", "happened", "Tarvonia hat Belvaria angegriffen.")
    denial = _attack("denial", "2024-05-10", "denied", "Belvaria bestreitet, die Angriffe seien "
                     "gestoppt worden.")  # fmt: skip
    denial.events[0].sources.append("Belvaria")
    assert story_events([done, denial])[0].changes == []
    denial = _attack("denial", "2024-05-10", "denied", "Belvaria bestreitet die Angriffe.")
    denial.events[0].sources.append("Belvaria")
    assert [c.kind for c in story_events([done, denial])[0].changes] == ["denied"]


def test_an_attack_the_other_way_round_confirms_no_plan() -> None:
    # Review 98: "Bei Gegenangriffen auf Israel ..." had confirmed Israel's attacks.
    def sided(article: Article, roles: list[str]) -> Article:
        article.events[0] = replace(article.events[0], roles=roles)
        return article

    plan = sided(_attack("plan", "2024-05-10", "planned", "Tarvonia will Belvaria angreifen."),
                 ["agent", "target"])  # fmt: skip
    back = sided(_attack("back", "2024-05-12", "happened", "Belvaria griff Tarvonia an."),
                 ["target", "agent"])  # fmt: skip
    assert story_events([plan, back])[0].changes == []
    done = sided(_attack("done", "2024-05-12", "happened", "Tarvonia griff Belvaria an."),
                 ["agent", "target"])  # fmt: skip
    assert [c.kind for c in story_events([plan, done])[0].changes] == ["confirmed"]


def test_the_name_after_zufolge_is_the_clause_s_subject_not_its_source() -> None:
    # "Der Bild-Zeitung zufolge ist Volkswagen mit der Arbeitsagentur im Gespräch": the
    # source stands before "zufolge"; Volkswagen had been taken as one and lost its talks
    # (review 100)
    article = make_article(
        "Der Zeitung zufolge ist Norvik bereits mit der Arbeitsagentur im Gespräch.",
        [("Norvik", "ORG")],
    )
    [event] = extract(article)
    assert event.type == "negotiate"
    assert event.actor_names == ["Norvik"]


def test_von_after_a_noun_that_stands_for_its_owner_names_a_party() -> None:
    # "haben die Verteidigungsminister von Deutschland, Frankreich und Polen eine
    # Initiative gestartet": Germany and France had been read as another predicate's
    # agents after "von" (review 100)
    article = make_article(
        "Bei einem Treffen in Tarvo haben die Verteidigungsminister von Belvaria, Norland "
        "und Ostria eine Initiative gestartet.",
        [("Tarvo", "LOC"), ("Belvaria", "LOC"), ("Norland", "LOC"), ("Ostria", "LOC")],
    )
    [event] = extract(article)
    assert event.type == "meet"
    assert event.actor_names == ["Belvaria", "Norland", "Ostria"]
    assert event.location == "Tarvo"


def test_a_meeting_s_compound_names_its_parties() -> None:
    # "Außenminister bereiten Trump-Putin-Treffen vor", "Selenskyj nimmt an EU-Gipfel teil":
    # the entities step tags the compound whole, and its names had been no parties (review
    # 100); a single place still names no party ("Ukraine-Gipfel"), nor a single word that
    # is an entity only through the compound ("Niedrigwasser-Krisentreffen")
    def meeting(text: str, compound: str, kind: str) -> Event:
        article = make_article(text, [(compound, f"{kind}*"), ("Norvia", "ORG")])
        article.entities = [
            Entity("e_kessler", "Albrecht Kessler", "PER"),
            Entity("e_maia", "Rui Maia", "PER"),
            Entity("e_norvia", "Norvia", "ORG"),
            Entity("e_tarvonia", "Tarvonia", "LOC"),
            Entity("e_hochwasser", "Hochwasser", "ORG"),
        ]
        for mention in article.mentions:
            mention.entity_id = "e_" + mention.text.split("-")[0].lower()
        [event] = extract(article)
        return event

    text = "Die Minister bereiten das Kessler-Maia-Treffen vor. Norvia schweigt."
    both = meeting(text, "Kessler-Maia-Treffen", "ORG")
    assert (both.actor_names, both.roles) == (["Albrecht Kessler", "Rui Maia"], ["partner"] * 2)
    text = "Die Minister bereiten den Norvia-Gipfel vor. Norvia schweigt."
    assert meeting(text, "Norvia-Gipfel", "ORG").actor_names == ["Norvia"]
    text = "Die Minister bereiten den Tarvonia-Gipfel vor. Norvia schweigt."
    assert meeting(text, "Tarvonia-Gipfel", "LOC").actor_names == []
    text = "Die Minister bereiten das Hochwasser-Krisentreffen vor. Norvia schweigt."
    assert meeting(text, "Hochwasser-Krisentreffen", "ORG").actor_names == []


def test_a_name_after_mit_belongs_to_the_nearer_event_noun() -> None:
    # "Bei diesen Treffen ging es um einen Vorschlag in den Verhandlungen mit den USA": the
    # other side after "mit" is the talks', not the meeting's before them (review 107)
    article = make_article(
        "Bei den Treffen ging es um einen Vorschlag in den Verhandlungen mit Belvaria.",
        [("Belvaria", "LOC")],
    )
    events = {e.type: e for e in extract(article)}
    assert events["meet"].actor_names == []
    assert events["negotiate"].actor_names == ["Belvaria"]


def test_a_second_mit_past_a_noun_s_own_is_another_word_s() -> None:
    # "hat kurz vor seinem Treffen mit Selenskyj in Florida mit Putin telefoniert": the
    # meeting's other side is its own "mit"; the call's was made a party too (review 107)
    article = make_article(
        "Kessler hat vor seinem Treffen mit Maia in Lissabon mit Norvia telefoniert.",
        [("Kessler", "PER"), ("Maia", "PER"), ("Lissabon", "LOC"), ("Norvia", "ORG")],
    )
    meeting, call = extract(article)
    assert (meeting.type, meeting.code) == ("meet", "040")
    assert meeting.actor_names == ["Kessler", "Maia"]
    # The call is a meeting of its own (CAMEO 041), not a part of the summit (review 191).
    assert (call.type, call.code) == ("meet", "041")


def test_a_phone_call_is_a_meeting_of_its_own_code() -> None:
    # "Nun haben Bundeskanzler Merz und US-Präsident Trump wieder telefoniert" (review 198)
    for text in (
        "Kessler und Maia haben am Dienstag miteinander telefoniert.",
        "Nach einem Telefonat mit Maia zeigte sich Kessler zufrieden.",
        "Kessler führte ein langes Telefongespräch mit Maia.",
    ):
        article = make_article(text, [("Kessler", "PER"), ("Maia", "PER")])
        [call] = extract(article)
        assert (call.type, call.code) == ("meet", "041"), text


def test_a_phone_call_neither_confirms_nor_joins_a_planned_summit() -> None:
    # A Trump-Putin call that happened had confirmed the Alaska summit announced for the
    # next day: a call is its own occurrence, kept apart by its code (review 198).
    plan = make_article(
        "Kessler wird Maia am Freitag in Lissabon treffen.",
        [("Kessler", "PER"), ("Maia", "PER"), ("Lissabon", "LOC")],
        timexes=[("am Freitag", "2024-05-17")],
        published="2024-05-13T08:00:00+00:00",
        article_id="plan",
    )
    call = make_article(
        "Kessler und Maia haben am Donnerstag miteinander telefoniert.",
        [("Kessler", "PER"), ("Maia", "PER")],
        timexes=[("am Donnerstag", "2024-05-16")],
        published="2024-05-16T18:00:00+00:00",
        article_id="call",
    )
    for article in (plan, call):
        article.events = extract(article)
    meets = {e.code: e for e in story_events([plan, call]) if e.type == "meet"}
    assert [r.article_id for r in meets["040"].reports] == ["plan"]
    assert not meets["040"].changes
    assert [r.article_id for r in meets["041"].reports] == ["call"]


def test_the_last_name_of_a_list_after_a_second_mit_is_no_party_either() -> None:
    # "vor seinem Treffen mit Trump mit Verbündeten aus Europa und Kanada abgestimmt":
    # Kanada, six words past the second "mit", had met Trump
    article = make_article(
        "Kessler hat sich vor seinem Treffen mit Maia mit Partnern aus Norvia und Belvarien "
        "abgestimmt.",
        [("Kessler", "PER"), ("Maia", "PER"), ("Norvia", "LOC"), ("Belvarien", "LOC")],
    )
    [event] = extract(article)
    assert event.type == "meet"
    assert event.actor_names == ["Kessler", "Maia"]


def test_what_a_threat_holds_out_has_not_happened() -> None:
    # "drohte allen iranischen Minenlegerschiffen mit tödlichem Beschuss und behauptete
    # zudem, ...": the fire is the threat's, and the claim after it had made it happen
    # (review 107)
    text = (
        "Kessler drohte allen Schiffen Norvias mit tödlichem Beschuss und behauptete zudem, "
        "die Tarvonier hätten die Kontrolle über die Meerenge."
    )
    article = make_article(
        text, [("Kessler", "PER"), ("Norvias", "ORG")], attributions=[(text, "Kessler", "quote")]
    )
    events = {e.type: e for e in extract(article)}
    assert events["threaten"].modality == "happened"
    assert events["attack"].modality == "unspecified"


def test_when_it_was_said_is_not_when_the_infinitive_s_event_is() -> None:
    # "hatte in dieser Woche bereits gesagt, dies sei nicht der richtige Zeitpunkt, um
    # Sanktionen zu lockern": the week is the saying's, two clauses up (review 107: the
    # easing had been announced for it)
    text = (
        "Kessler hatte in dieser Woche bereits gesagt, dies sei nicht der richtige "
        "Zeitpunkt, um Sanktionen zu lockern."
    )
    article = make_article(text, [("Kessler", "PER")], [("in dieser Woche", "2024-W20")])
    [event] = extract(article)
    assert event.type == "sanction"
    assert (event.modality, event.time) == ("unspecified", None)


def test_an_event_in_the_genitive_of_a_cancellation_is_denied() -> None:
    # "Schweiz bestätigt Absage der Gespräche zwischen USA und Iran": the talks are called
    # off, not announced (review 107)
    article = make_article(
        "Norvia bestätigt die Absage der Gespräche zwischen Tarvonia und Belvaria.",
        [("Norvia", "ORG"), ("Tarvonia", "LOC"), ("Belvaria", "LOC")],
    )
    [event] = extract(article)
    assert (event.type, event.modality) == ("negotiate", "denied")
    assert event.actor_names == ["Tarvonia", "Belvaria"]


def test_what_beschuss_von_names_is_shot_at() -> None:
    # "Iran meldet Beschuss von US-Militärschiff": the ship is fired on, and its country
    # had been the one that fired (review 107); "von russischer Seite" still fires
    article = make_article(
        "Norvia meldet Beschuss von Tarvonia-Frachtschiff.", [("Tarvonia-Frachtschiff", "LOC*")]
    )
    [event] = extract(article)
    assert event.type == "attack"
    assert (event.actor_names, event.roles) == (["Tarvonia-Frachtschiff"], ["target"])


def test_a_workforce_s_compound_names_whom_it_strikes_against() -> None:
    # "Lufthansa-Piloten streiken am Montag": the airline's pilots strike against it, and
    # the airline had been the striker (review 107)
    article = make_article("Norvia-Piloten streiken am Montag.", [("Norvia-Piloten", "ORG*")])
    [event] = extract(article)
    assert event.type == "protest"
    assert event.roles == ["target"]


def test_who_is_accused_of_an_event_did_it_as_the_accuser_says() -> None:
    # "Aserbaidschan wirft Iran Drohnenangriff vor": Iran is said to have attacked, and the
    # accuser had been the attacker, the attack unspecified (review 107)
    article = make_article(
        "Norvia wirft Tarvonia Drohnenangriffe vor.", [("Norvia", "ORG"), ("Tarvonia", "LOC")]
    )
    [event] = [e for e in extract(article) if e.type != "criticize"]  # the accusation: review 199
    assert (event.type, event.modality) == ("attack", "speculated")
    assert (event.actor_names, event.roles) == (["Norvia", "Tarvonia"], ["target", "agent"])


def test_a_time_on_another_noun_s_participle_is_that_noun_s() -> None:
    # "Vor den morgen beginnenden Gesprächen haben Politiker eine schnelle Einigung
    # gefordert": tomorrow is the talks', and the agreement demanded had been announced for
    # it (review 107)
    article = make_article(
        "Vor den morgen beginnenden Gesprächen haben mehrere Staaten eine Einigung gefordert.",
        timexes=[("morgen", "2024-05-15")],
    )
    events = {e.type: e for e in extract(article)}
    assert (events["negotiate"].modality, events["negotiate"].time) == ("planned", "2024-05-15")
    assert (events["agree"].modality, events["agree"].time) == ("unspecified", None)


def test_a_hedge_on_the_outcome_leaves_the_event_told() -> None:
    # "Gespräche zwischen Putin und Witkoff enden offenbar ergebnislos": the lack of a
    # result is apparent; the talks took place, and had been speculated (review 107)
    article = make_article(
        "Die Gespräche zwischen Kessler und Maia enden offenbar ergebnislos.",
        [("Kessler", "PER"), ("Maia", "PER")],
    )
    [event] = extract(article)
    assert (event.type, event.modality) == ("negotiate", "happened")
    text = "Die Gespräche zwischen Kessler und Maia haben offenbar begonnen."
    [event] = extract(make_article(text, [("Kessler", "PER"), ("Maia", "PER")]))
    assert event.modality == "speculated"


def test_a_noun_s_zwischen_parties_past_its_place() -> None:
    # "Vor den Gesprächen in Ägypten zwischen Israel und der Hamas ...": the talks' parties
    # stand past their place, and the talks had had none (review 107)
    article = make_article(
        "Die Gespräche in Lissabon zwischen Tarvonia und Belvaria sollen morgen beginnen.",
        [("Lissabon", "LOC"), ("Tarvonia", "LOC"), ("Belvaria", "LOC")],
    )
    [event] = extract(article)
    assert event.type == "negotiate"
    assert (event.actor_names, event.location) == (["Tarvonia", "Belvaria"], "Lissabon")


def test_a_meeting_agreed_on_is_planned() -> None:
    # "Wir haben uns auf ein Treffen auf höchster Ebene geeinigt": the meeting is a plan
    # (review 107: unspecified); a summit where they agreed took place
    [meeting, _] = extract(make_article("Wir haben uns auf ein Treffen in Lissabon geeinigt."))
    assert (meeting.type, meeting.modality) == ("meet", "planned")
    text = "Die Minister haben sich auf ihrem Gipfel auf neue Regeln geeinigt."
    meeting = next(e for e in extract(make_article(text)) if e.type == "meet")
    assert meeting.modality == "happened"


def test_who_accuses_another_of_an_infinitive_s_event_is_its_target() -> None:
    # "Die Ukraine hat Russland vorgeworfen, ... Angriffe gestartet zu haben": both had
    # attacked (review 107)
    article = make_article(
        "Norvia hat Tarvonia vorgeworfen, Angriffe gestartet zu haben.",
        [("Norvia", "ORG"), ("Tarvonia", "LOC")],
    )
    [event] = [e for e in extract(article) if e.type != "criticize"]  # the accusation: review 199
    assert (event.type, event.modality) == ("attack", "speculated")
    assert (event.actor_names, event.roles) == (["Norvia", "Tarvonia"], ["target", "agent"])


def test_a_verb_s_noun_of_its_own_type_lends_it_its_zwischen_parties() -> None:
    # "Die Absichtserklärung zwischen den USA und Iran ist unterzeichnet": the verb tells
    # the noun's event, and the parties had been dropped as another noun's (review 100;
    # review 98 found the confirmation of that signing lost with them)
    article = make_article(
        "Die Vereinbarung zwischen Tarvonia und Belvaria ist unterzeichnet.",
        [("Tarvonia", "LOC"), ("Belvaria", "LOC")],
    )
    [event] = extract(article)
    assert (event.type, event.modality) == ("agree", "happened")
    assert event.actor_names == ["Tarvonia", "Belvaria"]


def test_a_phrase_of_time_ends_at_its_noun_and_the_object_after_it_is_no_place() -> None:
    # "Russland hat in der Nacht die Ukraine angegriffen": the phrase after "in" had run on
    # to the object, which became the attack's place instead of its target (review 100)
    article = make_article(
        "Tarvonia hat in der Nacht die Belvaria mit Drohnen angegriffen.",
        [("Tarvonia", "LOC"), ("Belvaria", "LOC")],
    )
    [event] = extract(article)
    assert (event.actor_names, event.roles) == (["Tarvonia", "Belvaria"], ["agent", "target"])
    assert event.location is None


def test_who_speaks_after_a_meeting_in_the_same_clause_took_part_in_it() -> None:
    # "sagte Magyar nach einem Treffen mit Sulyok": the speaker, the claim's source, had
    # been left out of the meeting (review 100)
    article = make_article(
        "Er sei unwürdig, sagte Ivo Marek nach einem Treffen mit Rui Maia.",
        [("Ivo Marek", "PER"), ("Rui Maia", "PER")],
    )
    [event] = extract(article)
    assert event.type == "meet"
    assert event.actor_names == ["Ivo Marek", "Rui Maia"]


def test_who_is_cited_by_laut_did_not_take_part_in_the_meeting() -> None:
    # "Laut Wadephul bereiten sich die Europäer auf eine Rolle bei Verhandlungen vor": the
    # cited source had become a party of the talks (review 100's side-effect check)
    article = make_article(
        "Laut Ivo Marek bereiten sich die Europäer auf eine Rolle bei Verhandlungen vor.",
        [("Ivo Marek", "PER")],
    )
    [event] = extract(article)
    assert event.type == "negotiate"
    assert "Ivo Marek" not in event.actor_names


def test_who_prevents_an_attack_or_assumes_one_takes_no_part_in_it() -> None:
    # "Das FBI hat einen Anschlag verhindert", "Dobrindt geht von einem Brandanschlag aus":
    # both had been the attackers (review 100); the attack's own phrase keeps its parties
    foiled = make_article(
        "Die Behörde Norvia hat einen Anschlag der Gruppe Sarn verhindert.",
        [("Norvia", "ORG"), ("Sarn", "ORG")],
    )
    [event] = extract(foiled)
    assert (event.type, event.actor_names) == ("attack", ["Sarn"])
    assumed = make_article(
        "Minister Ivo Marek geht von einem Brandanschlag aus.", [("Ivo Marek", "PER")]
    )
    [event] = extract(assumed)
    assert (event.type, event.actor_names) == ("attack", [])


def test_a_body_that_sits_meets() -> None:
    # "Der Nationale Sicherheitsrat hat getagt": 4 meetings of 150 stream items had been
    # missed (review 100); as an everyday verb it needs a party or a place
    article = make_article(
        "Der Rat von Norvia hat in Tarvo getagt.", [("Norvia", "ORG"), ("Tarvo", "LOC")]
    )
    [event] = extract(article)
    assert (event.type, event.modality, event.location) == ("meet", "happened", "Tarvo")
    assert extract(make_article("Es tagt schon.")) == []


def test_two_verbs_joined_by_und_each_keep_their_own_objects() -> None:
    # "Macron hat die US-Politik kritisiert und mehr Mut von Europa gefordert": each verb
    # had taken the other's object (review 100); the subject is both verbs'
    for text in (
        "Ivo Marek hat die Politik Tarvonias kritisiert und mehr Mut von Belvaria gefordert.",
        "Ivo Marek kritisiert die Politik Tarvonias und fordert mehr Mut von Belvaria.",
    ):
        article = make_article(
            text, [("Ivo Marek", "PER"), ("Tarvonias", "LOC"), ("Belvaria", "LOC")]
        )
        criticism, demand = extract(article)
        assert (criticism.type, criticism.actor_names) == ("criticize", ["Ivo Marek", "Tarvonias"])
        assert (demand.type, demand.actor_names) == ("demand", ["Ivo Marek", "Belvaria"])
    joined = make_article(
        "Ivo Marek hat Rui Maia und Ole Berg getroffen.",
        [("Ivo Marek", "PER"), ("Rui Maia", "PER"), ("Ole Berg", "PER")],
    )
    assert extract(joined)[0].actor_names == ["Ivo Marek", "Rui Maia", "Ole Berg"]


def test_a_subject_after_the_verb_or_an_adjective_like_a_participle_splits_no_conjuncts() -> None:
    # Review 100's side-effect check: "In seiner Rede ... hat Macron die US-Politik
    # kritisiert und mehr Mut gefordert" had lost Macron from the demand, and "vereinbarten
    # Putin und Modi das Handelsvolumen der beiden Staaten zu steigern" Modi ("beiden" is
    # no participle)
    inverted = make_article(
        "In seiner Rede in Tarvo hat Ivo Marek die Politik Norlands kritisiert und mehr Mut "
        "von Belvaria gefordert.",
        [("Tarvo", "LOC"), ("Ivo Marek", "PER"), ("Norlands", "LOC"), ("Belvaria", "LOC")],
    )
    demand = next(e for e in extract(inverted) if e.type == "demand")
    assert "Ivo Marek" in demand.actor_names
    both = make_article(
        "In Tarvo vereinbarten Ivo Marek und Rui Maia, die Zölle der beiden Staaten zu senken.",
        [("Tarvo", "LOC"), ("Ivo Marek", "PER"), ("Rui Maia", "PER")],
    )
    agreement = next(e for e in extract(both) if e.type == "agree")
    assert agreement.actor_names == ["Ivo Marek", "Rui Maia"]


def test_von_does_not_reach_past_another_preposition() -> None:
    # "Raffinerie von Haifa bei iranischem Angriff getroffen": the attacker's adjective had
    # been read as the agent of another predicate after "von" (review 100)
    article = make_article(
        "Raffinerie von Tarvo bei belvarischem Angriff getroffen",
        [("Tarvo", "LOC"), ("belvarischem", "LOC*")],
    )
    [event] = extract(article)
    assert event.type == "attack"
    assert event.actor_names == ["belvarischem"]


def test_a_joined_nationality_adjective_names_every_country() -> None:
    # "US-israelischer Angriff auf den Iran": Israel had been missed, the adjective linking
    # to its first country only (review 100)
    article = make_article(
        "Die deutsch-französischen Gespräche wurden vertagt.", [("deutsch-französischen", "LOC*")]
    )
    article.entities = [Entity("e_de", "Deutschland", "LOC"), Entity("e_fr", "Frankreich", "LOC")]
    article.mentions[0].entity_id = "e_de"
    [event] = extract(article)
    assert event.type == "negotiate"
    assert event.actor_names == ["Deutschland", "Frankreich"]
    assert event.actors == ["e_de", "e_fr"]


def test_the_names_of_a_meeting_in_a_phrase_of_time_are_no_party_of_the_clause_s_event() -> None:
    # "Staats- und Regierungschefs fordern vor Verhandlungen mit Putin eine Waffenruhe":
    # Putin had been the demand's target (review 100); the talks keep their parties
    article = make_article(
        "Ivo Marek fordert vor Verhandlungen mit Rui Maia eine Waffenruhe.",
        [("Ivo Marek", "PER"), ("Rui Maia", "PER")],
    )
    demand, talks = [e for e in extract(article) if e.type != "agree"]
    assert (demand.type, demand.actor_names) == ("demand", ["Ivo Marek"])
    assert (talks.type, talks.actor_names) == ("negotiate", ["Ivo Marek", "Rui Maia"])


def test_a_noun_after_nach_or_seit_takes_no_publication_day() -> None:
    # "Etwa ein Jahr nach dem Anschlag auf den Magdeburger Weihnachtsmarkt ist der Prozess
    # eröffnet worden": the attack had been dated the publication day (review 115)
    article = make_article(
        "Ein Jahr nach dem Anschlag auf den Markt in Felsberg ist der Prozess eröffnet worden.",
        [("Felsberg", "LOC")],
    )
    [attack] = extract(article)
    assert (attack.type, attack.modality, attack.time) == ("attack", "happened", None)
    article = make_article("Seit dem Überfall auf Felsberg ist die Grenze geschlossen.")
    assert [(e.type, e.time) for e in extract(article)] == [("attack", None)]
    # a bare "nach" keeps it; so does "nach der" that opens a relative clause
    attack = extract(make_article("Nach einem Angriff auf Tarvonien fordert Ole Berg Hilfe."))[0]
    assert attack.time == "2024-05-14"
    # "nach dem" refers back to an event known before the day (review 211: "Nach dem
    # US-Angriff auf Venezuela" had been dated the publication day)
    attack = extract(make_article("Nach dem Angriff auf Tarvonien fordert Ole Berg Hilfe."))[0]
    assert (attack.modality, attack.time) == ("happened", None)
    article = make_article("Die Regel, nach der die Miliz ihre Angriffe einstellen muss, gilt.")
    assert [(e.type, e.time) for e in extract(article)] == [("attack", "2024-05-14")]


def test_a_noun_after_wegen_and_a_definite_article_takes_no_publication_day() -> None:
    # "Peskow bekräftigte, dass Russland wegen des Angriffs ... eine härtere
    # Verhandlungsposition einnehmen werde": the attack had been dated the day (review 222)
    [attack] = extract(make_article("Ole Berg sieht wegen des Angriffs auf Tarvonien ein Dilemma."))
    assert (attack.type, attack.modality, attack.time) == ("attack", "happened", None)
    # "wegen Protesten" is often news of the day and keeps it
    [attack] = extract(make_article("Ole Berg sieht wegen Angriffen auf Tarvonien ein Dilemma."))
    assert attack.time == "2024-05-14"
    # the article of another noun before the event's: "wegen der Ukraine-Finanzierung Vorwürfe"
    text = "Ole Berg erhebt wegen der Tarvo-Frage Vorwürfe gegen Marek."
    [criticism] = extract(make_article(text, [("Ole Berg", "PER"), ("Marek", "PER")]))
    assert (criticism.type, criticism.time) == ("criticize", "2024-05-14")


def test_who_acts_in_an_extended_attribute_is_no_party_of_the_clause_s_event() -> None:
    # "Die vom Iran unterstützte Hisbollah-Miliz lehnt die Waffenruhevereinbarung ab": Iran
    # had rejected it (review 115); the participle's own event keeps its agent
    article = make_article(
        "Die von Tarvonien unterstützte Miliz Kora lehnt die Vereinbarung ab.",
        [("Tarvonien", "LOC"), ("Kora", "ORG")],
    )
    events = {e.type: e for e in extract(article)}
    assert events["reject"].actor_names == ["Kora"]
    assert "Tarvonien" in events["aid"].actor_names
    article = make_article(
        "Ole Berg kritisiert die von Ivo Marek angekündigte neue Kooperation.",
        [("Ole Berg", "PER"), ("Ivo Marek", "PER")],
    )
    [criticism] = extract(article)
    assert criticism.actor_names == ["Ole Berg"]
    # a relative clause is no attribute: "der von der Ukraine große Zugeständnisse verlangt"
    article = make_article(
        "Es ist ein Plan, der von Tarvonien große Zugeständnisse verlangt.", [("Tarvonien", "LOC")]
    )
    assert extract(article)[0].actor_names == ["Tarvonien"]


def test_who_is_sentenced_for_an_offence_is_convicted_not_criticised() -> None:
    # "Air France und Airbus wegen fahrlässiger Tötung verurteilt" had been a condemnation
    # (review 115); "verurteilte den Angriff" still condemns
    for text in (
        "Ivo Marek wurde wegen Betrugs verurteilt.",
        "Ivo Marek wurde wegen fahrlässiger Tötung verurteilt.",
    ):
        [event] = extract(make_article(text, [("Ivo Marek", "PER")]))
        assert (event.type, event.code) == ("arrest", "173"), text
    events = extract(make_article("Ole Berg verurteilte den Angriff.", [("Ole Berg", "PER")]))
    assert events[0].type == "criticize"


def test_a_noun_in_a_phrase_of_time_is_another_event_than_its_clause_s_verb() -> None:
    # "Nach einem Anschlag in Karachi greift Pakistan wieder Ziele in Afghanistan an": the
    # attack in Karachi had been lost to the clause's (review 115)
    article = make_article(
        "Nach einem Anschlag in Felsberg greift Tarvonien wieder Ziele in Kora an.",
        [("Felsberg", "LOC"), ("Tarvonien", "LOC"), ("Kora", "LOC")],
    )
    bombing, strike = extract(article)
    assert (bombing.type, bombing.location, bombing.actor_names) == ("attack", "Felsberg", [])
    assert (strike.type, strike.actor_names) == ("attack", ["Tarvonien"])
    # two nouns stay one event
    article = make_article("Nach einer verkündeten Einigung ist eine Einigung geplatzt.")
    assert [e.type for e in extract(article)] == ["agree"]
    # and a noun after "vor" is mostly a date to come: one meeting
    article = make_article(
        "Ivo Marek und Rui Maia könnten sich noch vor dem Gipfel in Felsberg treffen.",
        [("Ivo Marek", "PER"), ("Rui Maia", "PER"), ("Felsberg", "LOC")],
    )
    assert [e.type for e in extract(article)] == ["meet"]


def test_a_named_traveller_who_reist_somewhere_visits() -> None:
    # "Selenskyj reist am Montag zu US-Präsident Trump nach Washington", "Vance reist nicht
    # wie geplant in die Schweiz" had been missed (review 115)
    mentions = [("Ivo Marek", "PER"), ("Felsberg", "LOC")]
    [visit] = extract(make_article("Ivo Marek reiste nach Felsberg.", mentions))
    assert (visit.type, visit.code, visit.modality) == ("meet", "042", "happened")
    assert (visit.actor_names, visit.location) == (["Ivo Marek"], "Felsberg")
    [visit] = extract(make_article("Ivo Marek reist nicht in die Stadt Felsberg.", mentions))
    assert (visit.type, visit.modality) == ("meet", "denied")
    # no one named travels, or a trip to talks is the talks
    assert extract(make_article("Viele Urlauber reisen nach Felsberg.", mentions[1:])) == []
    events = extract(make_article("Ivo Marek reist zu Gesprächen nach Felsberg.", mentions))
    assert [e.type for e in events] == ["negotiate"]
    assert extract(make_article("Ivo Marek reist morgen ab.", mentions[:1])) == []
    # a trip to a meeting the sentence tells is one visit
    article = make_article(
        "Ivo Marek reist nach Felsberg und trifft Rui Maia.", [*mentions, ("Rui Maia", "PER")]
    )
    assert [(e.type, e.code) for e in extract(article)] == [("meet", "040")]


def test_shots_a_rampage_and_fighting_are_attacks() -> None:
    # "Nach den tödlichen Schüssen eines ICE-Beamten auf eine Frau", "die Todesfahrt von
    # Magdeburg", "Feuergefecht" had been missed (review 115); not a committee's "Ausschüsse"
    # nor a "Wortgefecht"
    article = make_article(
        "Nach den tödlichen Schüssen auf Ivo Marek gibt es Proteste.", [("Ivo Marek", "PER")]
    )
    assert ("attack", ["Ivo Marek"]) in [(e.type, e.actor_names) for e in extract(article)]
    for text in (
        "Die Amokfahrt in Felsberg hat drei Menschen getötet.",
        "Bei dem Amoklauf starben zwei Menschen.",
        "In der Nacht gab es neue Gefechte.",
    ):
        assert [e.type for e in extract(make_article(text))] == ["attack"], text
    for text in ("Die Ausschüsse erhalten Zuschüsse.", "Das Wortgefecht war heftig."):
        assert extract(make_article(text)) == [], text


def test_a_town_after_von_that_names_a_terror_attack_is_its_place() -> None:
    # "Fast elf Monate nach der Todesfahrt von Magdeburg": Magdeburg had been the attacker,
    # and so of the next sentence's definite "Anschlag" (review 115)
    article = make_article(
        "Nach dem Anschlag von Felsberg beginnt der Prozess.", [("Felsberg", "LOC")]
    )
    [attack] = extract(article)
    assert (attack.actor_names, attack.location) == ([], "Felsberg")


def test_who_droht_to_do_something_runs_a_risk_and_threatens_no_one() -> None:
    # "Die EU droht sich beim Klimaziel von der Wissenschaft zu entfernen", "droht auch
    # Monschau eine Evakuierung" had been threats (review 115); a comma still threatens
    for text, name in (
        ("Tarvonien droht sich von seinen Partnern zu entfernen.", "Tarvonien"),
        ("Wegen des Feuers droht auch Felsberg eine Evakuierung.", "Felsberg"),
    ):
        assert extract(make_article(text, [(name, "LOC")])) == [], text
    article = make_article("Tarvonien droht, die Zölle zu erhöhen.", [("Tarvonien", "LOC")])
    assert [e.type for e in extract(article)] == ["threaten"]


def test_a_participle_before_another_noun_is_no_cue_of_the_clause_s_event() -> None:
    # "Friedensgruppen kritisieren die von Merz angekündigte vertiefte Rüstungskooperation":
    # the criticism had been announced (review 115); on the event's own noun it counts
    article = make_article(
        "Ole Berg kritisiert die von Ivo Marek angekündigte vertiefte Kooperation.",
        [("Ole Berg", "PER"), ("Ivo Marek", "PER")],
    )
    [criticism] = extract(article)
    assert (criticism.type, criticism.modality) == ("criticize", "happened")
    [talks] = extract(make_article("Die angekündigten Gespräche beginnen."))
    assert talks.modality == "announced"


def test_who_empfaengt_signals_hosts_no_one() -> None:
    # "versuchte man heute, Signale aus der Zukunft zu empfangen" had been a meeting
    # (review 115); "empfängt den Präsidenten" hosts
    article = make_article("In Felsberg empfing man Signale aus Kora.", [("Felsberg", "LOC")])
    assert extract(article) == []
    article = make_article(
        "Ivo Marek empfängt Rui Maia.", [("Ivo Marek", "PER"), ("Rui Maia", "PER")]
    )
    assert [(e.type, e.code) for e in extract(article)] == [("meet", "043")]


def test_demands_set_up_have_been_made() -> None:
    # "Iran stellte nun sechs Forderungen ... auf" had been unspecified (review 115)
    article = make_article("Tarvonien stellte neue Forderungen auf.", [("Tarvonien", "LOC")])
    [demand] = extract(article)
    assert (demand.type, demand.modality) == ("demand", "happened")


def test_a_land_covered_with_sanctions_has_them() -> None:
    # "überzieht das Land mit Sanktionen" is a support verb: the noun's event happens, in
    # the present as in the perfect (it had been unspecified)
    for text in (
        "Tarvonien überzieht Belvarien mit Sanktionen.",
        "Tarvonien hat Belvarien mit neuen Angriffen überzogen.",
    ):
        article = make_article(text, [("Tarvonien", "LOC"), ("Belvarien", "LOC")])
        [event] = extract(article)
        assert event.modality == "happened", text


def test_a_choice_of_words_is_no_election() -> None:
    # "Wortwahl" ends in "Wahl" but is a choice, as "Berufswahl" and "Standortwahl" are (it
    # had been an election that happened); "Stichwahl" and "Neuwahl" still elect
    for text, name in (
        ("Ivo Mareks Wortwahl sorgte in Felsberg für Unmut.", "Ivo Mareks"),
        ("Die Berufswahl fällt vielen in Felsberg schwer.", "Felsberg"),
        ("Die Standortwahl der Firma Kora überraschte.", "Kora"),
    ):
        assert extract(make_article(text, [(name, "PER")])) == [], text
    article = make_article("In Felsberg fand die Stichwahl statt.", [("Felsberg", "LOC")])
    assert [e.type for e in extract(article)] == ["elect"]


def test_what_a_present_passive_does_after_an_event_follows_one_that_happened() -> None:
    # "Seit dem Angriff wird die Stadt belagert": the passive's "wird" is no future, so the
    # attack after "seit" or "nach" has happened (it had been unspecified); a future passive
    # ("wird ... angegriffen werden") and a future ("wird ... reisen") leave it open
    for text in (
        "Seit dem Angriff wird Felsberg belagert.",
        "Nach dem Anschlag werden in Felsberg die Grenzen geschlossen.",
    ):
        [attack] = extract(make_article(text, [("Felsberg", "LOC")]))
        assert attack.modality == "happened", text
    article = make_article(
        "Nach dem Gipfel wird Felsberg abgeriegelt werden.", [("Felsberg", "LOC")]
    )
    assert [e.modality for e in extract(article)] == ["unspecified"]


def test_what_one_seeks_after_nach_has_not_happened() -> None:
    # "suchen nach einer Einigung", "fahndet nach ...": the noun after a verb of seeking's
    # "nach" is its object, no phrase of time (the agreement had happened); a "nach" of
    # time before the object's own "nach" still tells what came first
    for text in (
        "Tarvonien und Belvarien suchen nach einer Einigung.",
        "Tarvonien fragt nach einem Treffen mit Belvarien.",
    ):
        article = make_article(text, [("Tarvonien", "LOC"), ("Belvarien", "LOC")])
        [event] = extract(article)
        assert (event.modality, event.time) == ("unspecified", None), text
    article = make_article(
        "Die Polizei sucht nach dem Angriff auf Belvarien nach Zeugen.", [("Belvarien", "LOC")]
    )
    assert [e.modality for e in extract(article)] == ["happened"]


def test_a_hedge_on_a_headline_s_first_noun_hedges_the_person_not_the_event() -> None:
    # "Mutmaßlicher Täter festgenommen" had been speculated: written with a capital as the
    # headline's first word, the adjective was taken for no adjective of its noun, as
    # "Wieder mutmaßlicher Täter festgenommen" is; on the event's own noun it still hedges
    for text in ("Mutmaßlicher Täter festgenommen", "Regensburg: Mutmaßlicher Täter festgenommen"):
        [arrest] = extract(make_article(text))
        assert arrest.modality == "happened", text
    [attack] = extract(make_article("Mutmaßlicher Anschlag auf Felsberg", [("Felsberg", "LOC")]))
    assert attack.modality == "speculated"


def test_who_takes_part_in_an_event_tells_it_as_taking_place() -> None:
    # "Viele Israelis beteiligen sich an einem Generalstreik", "sei an dem Angriff beteiligt
    # gewesen" had left the strike and the attack unspecified; 'beteiligen' with 'an' says
    # what became of the noun, as 'teilnehmen' does; a plan stays a plan
    for text, modality in (
        ("Viele Tarvonier beteiligen sich an einem Generalstreik.", "happened"),
        ("Auch Tarvonier seien an dem Angriff beteiligt gewesen.", "happened"),
        ("Tarvonier wollen sich am Streik beteiligen.", "planned"),
    ):
        [event] = extract(make_article(text, [("Tarvonier", "LOC")]))
        assert event.modality == modality, text
    # a passive or a headline's infinitive involves someone in what is still to come
    for text in (
        "Die Tarvonier sollen an den Verhandlungen beteiligt werden.",
        "Tarvonier an Gesprächen beteiligen",
    ):
        [talks] = extract(make_article(text, [("Tarvonier", "LOC")]))
        assert talks.modality != "happened", text


def test_what_one_reacts_with_takes_place() -> None:
    # "woraufhin die Armee mit Luftangriffen reagiert habe" had left the attacks
    # unspecified: 'reagieren' with 'mit' says what became of the noun; a plan stays one
    for text, modality in (
        ("Tarvonien reagiert mit Drohnenattacken auf Belvo.", "happened"),
        ("Tarvonien habe mit Luftangriffen auf Belvo reagiert.", "happened"),
        ("Tarvonien will mit Sanktionen gegen Belvo reagieren.", "planned"),
    ):
        [event] = extract(make_article(text, [("Tarvonien", "LOC"), ("Belvo", "LOC")]))
        assert event.modality == modality, text


def test_a_strong_participle_kept_as_it_is_is_no_infinitive() -> None:
    # "hatten ... zwei Schiffe beschossen, nachdem sie eine Seeblockade angekündigt hatten"
    # had been announced and "wird ... beschossen" planned: simplemma keeps "beschossen" as
    # it is, which had read as an infinitive; "will ... beschießen" stays planned
    for text, modality in (
        (
            "Tarvonien hatte Belvo beschossen, nachdem es eine Blockade angekündigt hatte.",
            "happened",
        ),
        ("Belvo wird von Tarvonien beschossen.", "happened"),
        ("Belvo soll von Tarvonien beschossen werden.", "planned"),
        ("Tarvonien will Belvo beschießen.", "planned"),
    ):
        [attack] = extract(make_article(text, [("Tarvonien", "LOC"), ("Belvo", "LOC")]))
        assert attack.modality == modality, text


def test_who_delivers_itself_a_clash_delivers_no_aid() -> None:
    # "Die türkische Polizei hat sich Auseinandersetzungen mit Demonstranten geliefert" had
    # been aid from Turkey; fighting that is so delivered is still an attack
    text = "Die Polizei von Tarvonien hat sich Auseinandersetzungen mit Demonstranten geliefert."
    assert [e.type for e in extract(make_article(text, [("Tarvonien", "LOC")]))] == []
    text = "Tarvonien und Belvarien lieferten sich schwere Gefechte."
    article = make_article(text, [("Tarvonien", "LOC"), ("Belvarien", "LOC")])
    assert [e.type for e in extract(article)] == ["attack"]


def test_an_event_organised_takes_place_as_the_verb_tells() -> None:
    # "hatte die Organisation ... die Kundgebung ... organisiert" had left the rally
    # unspecified: 'organisieren' is a support verb, as 'veranstalten' is
    for text, modality in (
        ("Die Gruppe Kora hatte die Kundgebung in Felsberg organisiert.", "happened"),
        ("Die Gruppe Kora will in Felsberg eine Kundgebung organisieren.", "planned"),
    ):
        [rally] = extract(make_article(text, [("Kora", "ORG"), ("Felsberg", "LOC")]))
        assert rally.modality == modality, text


def test_a_call_off_of_what_someone_planned_denies_it() -> None:
    # "nach der Absage der von den USA geplanten Angriffe auf den Iran" had been planned:
    # the extended attribute stood between the head and its genitive noun
    text = "Die Preise fielen nach der Absage der von Tarvonien geplanten Angriffe auf Belvo."
    article = make_article(text, [("Tarvonien", "LOC"), ("Belvo", "LOC")])
    assert [e.modality for e in extract(article)] == ["denied"]


def test_talks_that_did_not_come_about_are_denied() -> None:
    # "das Nicht-Zustandekommen der Gespräche zwischen den USA und Iran" had been
    # unspecified: a head that says the event did not come about, as "Absage" does
    text = "Er beklagt das Nicht-Zustandekommen der Gespräche zwischen Tarvonien und Belvo."
    article = make_article(text, [("Tarvonien", "LOC"), ("Belvo", "LOC")])
    assert [e.modality for e in extract(article)] == ["denied"]


def test_a_long_subject_phrase_still_tells_its_past() -> None:
    # "Das Treffen der Außenminister Dänemarks und Grönlands mit JD Vance und Marco Rubio
    # brachte keine Lösung" had been unspecified: the verb stood past eight words
    text = (
        "Das Treffen der Minister von Tarvonien und Belvo mit Ivo Marek und Rui Maia"
        " brachte keine Lösung."
    )
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Ivo Marek", "PER"), ("Rui Maia", "PER")]
    assert [e.modality for e in extract(make_article(text, names))] == ["happened"]


def test_what_a_second_verb_after_an_accusation_orders_is_not_what_is_alleged() -> None:
    # "hatte ... der Hamas Verstöße gegen die Waffenruhe vorgeworfen und neue Angriffe
    # angeordnet" had been speculated attacks: they are the second verb's, ordered
    for text in (
        "Ivo Marek hatte Tarvonien Verstöße vorgeworfen und neue Angriffe angeordnet.",
        "Ivo Marek warf Tarvonien Verstöße vor und ordnete neue Angriffe an.",
    ):
        article = make_article(text, [("Ivo Marek", "PER"), ("Tarvonien", "LOC")])
        assert [e.modality for e in _attacks(article)] == ["planned"], text
    article = make_article(
        "Ivo Marek wirft Tarvonien Angriffe vor.", [("Ivo Marek", "PER"), ("Tarvonien", "LOC")]
    )
    assert [e.modality for e in _attacks(article)] == ["speculated"]


def _attacks(article: Article) -> list[Event]:
    """The article's attacks, not the accusation beside them (a criticism: review 199)."""
    return [e for e in extract(article) if e.type == "attack"]


def test_a_private_contract_is_no_agreement_event() -> None:
    # "seien bereits knapp 67.800 neue Ausbildungsverträge ... eingetragen" had been an
    # agreement that happened: a training, rental or work contract is a document of
    # everyday life, not parties agreeing; "Freundschaftsvertrag" still is one
    for text in (
        "Die Zahl der Ausbildungsverträge in Felsberg ist gestiegen.",
        "Viele Mietverträge in Felsberg wurden gekündigt.",
        "Sein Arbeitsvertrag in Felsberg wurde verlängert.",
    ):
        assert extract(make_article(text, [("Felsberg", "LOC")])) == [], text
    article = make_article(
        "Tarvonien und Belvo haben einen Freundschaftsvertrag unterzeichnet.",
        [("Tarvonien", "LOC"), ("Belvo", "LOC")],
    )
    assert [e.type for e in extract(article)] == ["agree"]


def test_who_reacts_with_an_attack_carries_it_out() -> None:
    # "Der Iran reagiert mit Raketen- und Drohnenattacken auf Israel" had no parties: who
    # reacts to an attack takes no part in it, but what one reacts with, one does
    article = make_article(
        "Tarvonien reagiert mit Drohnenattacken auf Belvo.",
        [("Tarvonien", "LOC"), ("Belvo", "LOC")],
    )
    [attack] = extract(article)
    assert "Tarvonien" in attack.actor_names
    article = make_article(
        "Ivo Marek reagierte auf den Angriff von Tarvonien.",
        [("Ivo Marek", "PER"), ("Tarvonien", "LOC")],
    )
    assert [e.actor_names for e in extract(article)] == [["Tarvonien"]]


def test_who_visits_the_site_of_an_attack_took_no_part_in_it() -> None:
    # "Herzog hat ... den Ort des antisemitischen Terroranschlags am Bondi Beach besucht"
    # had made Herzog a party of the attack, and a later "Bei dem Anschlag" inherited him
    article = make_article(
        "Ivo Marek besuchte den Ort des Anschlags in Felsberg.",
        [("Ivo Marek", "PER"), ("Felsberg", "LOC")],
    )
    attacks = [e for e in extract(article) if e.type == "attack"]
    assert [e.actor_names for e in attacks] == [[]]


def test_where_it_was_said_is_not_where_it_happened() -> None:
    # '"Wir haben gerade eine großartige Einigung ... erzielt", sagte Trump im Oval Office in
    # Washington' had placed the agreement in Washington; a place of its own clause stays
    text = '"Wir haben eine Einigung mit Tarvonien erzielt", sagte Ivo Marek in Felsberg.'
    names = [("Tarvonien", "LOC"), ("Ivo Marek", "PER"), ("Felsberg", "LOC")]
    [agreement] = extract(make_article(text, names))
    assert agreement.location is None
    text = '"Wir haben uns in Belvo mit Tarvonien geeinigt", sagte Ivo Marek in Felsberg.'
    [agreement] = extract(make_article(text, [*names, ("Belvo", "LOC")]))
    assert agreement.location == "Belvo"


def test_what_is_shot_down_is_attacked() -> None:
    # "will das Flugzeug abgeschossen haben" had been no event: 'abschießen' attacks; a
    # hunter who shoots down wolves attacks no one
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC")]
    text = "Die Luftabwehr von Tarvonien hat ein Kampfflugzeug aus Belvo abgeschossen."
    events = extract(make_article(text, names))
    assert [(e.type, e.modality) for e in events] == [("attack", "happened")]
    text = "In Belvo dürfen Jäger künftig Wölfe abschießen."
    assert extract(make_article(text, [("Belvo", "LOC")])) == []


def test_who_opens_fire_attacks() -> None:
    # "haben das Feuer eröffnet" had been no event; who opens an exhibition attacks no one
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC")]
    text = "Soldaten aus Tarvonien haben an der Grenze zu Belvo das Feuer eröffnet."
    assert [e.type for e in extract(make_article(text, names))] == ["attack"]
    text = "In Belvo hat der Bürgermeister eine Ausstellung eröffnet."
    assert extract(make_article(text, names[1:])) == []


def test_who_takes_to_the_street_protests() -> None:
    # "sind ... auf die Straße gegangen" had been no event; who goes to school does not
    text = "In Belvo sind Tausende gegen die Regierung auf die Straße gegangen."
    assert [e.type for e in extract(make_article(text, [("Belvo", "LOC")]))] == ["protest"]
    text = "In Belvo gehen die Kinder wieder in die Schule."
    assert extract(make_article(text, [("Belvo", "LOC")])) == []


def test_who_come_together_for_talks_meet() -> None:
    # "kamen zu Beratungen zusammen" had been no event; money collected meets no one, nor
    # do people unnamed who gather to celebrate
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Felsberg", "LOC")]
    text = "Die Außenminister von Tarvonien und Belvo kamen in Felsberg zu Beratungen zusammen."
    [meeting] = extract(make_article(text, names))
    assert (meeting.type, meeting.location) == ("meet", "Felsberg")
    text = "Bei der Sammlung in Felsberg kamen mehr als 5000 Euro zusammen."
    assert extract(make_article(text, names[2:])) == []
    text = "Hunderte Menschen kamen zusammen, um gemeinsam zu feiern."
    assert extract(make_article(text)) == []


def test_who_insists_on_something_demands_it() -> None:
    # "pocht auf staatliche Eingriffe" had been no event; a heart that beats demands nothing
    text = "Die Gewerkschaft Kora pocht auf höhere Löhne."
    assert [e.type for e in extract(make_article(text, [("Kora", "ORG")]))] == ["demand"]
    text = "Ivo Marek spürte, wie sein Herz pochte."
    assert extract(make_article(text, [("Ivo Marek", "PER")])) == []


_REVIEW_216 = [("Nordland", "LOC"), ("Tarvo", "LOC"), ("Kora", "ORG"), ("Ivo Marek", "PER")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # review 216: triggers review 210 found missed ("rügt die Koalition", "mahnt ... an",
        # "dringt auf", "Gefangennahme von Staatschef Maduro", a tanker "beschlagnahmt")
        ("Nordland rügt Tarvo für seine Zollpolitik.", [("criticize", "111")]),
        ("Die Gewerkschaft Kora mahnt höhere Löhne an.", [("demand", "100")]),
        ("Die Gewerkschaft Kora hat höhere Löhne angemahnt.", [("demand", "100")]),
        ("Die Gewerkschaft Kora dringt auf höhere Löhne.", [("demand", "100")]),
        ("Die Gewerkschaft Kora dringt darauf, dass die Löhne steigen.", [("demand", "100")]),
        ("Nordland meldet die Gefangennahme von Ivo Marek.", [("arrest", "173")]),
        ("Die Küstenwache von Nordland hat einen Tanker beschlagnahmt.", [("arrest", "173")]),
        # what "dringt" into a house, help "dringend nötig" on a farm, fireworks or land
        # seized are no demand and no arrest
        ("Im Kora-Werk dringt Wasser in die Halle.", []),
        ("Auf dem Hof von Ivo Marek wäre Regen dringend nötig.", []),
        ("Die Polizei in Tarvo hat Feuerwerk beschlagnahmt.", []),
    ],
)
def test_review_210s_missed_triggers(text: str, found: list[tuple[str, str]]) -> None:
    names = [(n, t) for n, t in _REVIEW_216 if n in text]
    assert [(e.type, e.code) for e in extract(make_article(text, names))] == found


def test_a_meeting_refused_is_denied() -> None:
    # "lehnt ein zweites Treffen ab", "erteilte den Gesprächen eine Absage" had left the
    # meeting and the talks unspecified; a meeting at which something is refused takes place
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC")]
    for text, kind in (
        ("Tarvonien lehnt ein Treffen mit Belvo ab.", "meet"),
        ("Tarvonien erteilte den Gesprächen mit Belvo eine Absage.", "negotiate"),
    ):
        events = extract(make_article(text, names))
        assert [e.modality for e in events if e.type == kind] == ["denied"], text
    text = "Beim Treffen mit Belvo lehnte Tarvonien die Vorschläge ab."
    events = extract(make_article(text, names))
    assert [e.modality for e in events if e.type == "meet"] == ["happened"]


def test_what_is_announced_at_a_meeting_leaves_the_meeting_held() -> None:
    # "verkündet beim ersten Treffen ... Hilfen" had told the meeting as announced: what
    # is announced there is the aid; an announced meeting stays announced
    names = [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Tarvonien", "LOC")]
    text = "Ivo Marek verkündet beim Treffen mit Kessler neue Hilfen für Tarvonien."
    events = extract(make_article(text, names))
    assert [e.modality for e in events if e.type == "meet"] == ["happened"]
    text = "Ivo Marek verkündet ein Treffen mit Kessler."
    events = extract(make_article(text, names[:2]))
    assert [e.modality for e in events if e.type == "meet"] == ["announced"]


def test_a_cause_or_concession_keeps_its_own_names_and_place() -> None:
    # "Trotz der Waffenruhe im Nahen Osten griff Israel die Hisbollah im Libanon an": what a
    # clause tells despite or because of is no part of that noun's event, nor its place
    names = [("Ivo Marek", "PER"), ("Kessler", "PER"), ("Felsberg", "LOC"), ("Belvo", "LOC")]
    text = "Wegen der Proteste in Felsberg trifft sich Ivo Marek mit Kessler in Belvo."
    events = {e.type: e for e in extract(make_article(text, names))}
    assert (events["protest"].actor_names, events["protest"].location) == ([], "Felsberg")
    assert events["meet"].location == "Belvo"


def test_a_ceasefire_is_an_agreement() -> None:
    # "vereinbarten eine Waffenruhe", "Trump verkündet Waffenruhe", "die Waffenruhe wurde
    # gebrochen": 'Waffenruhe' had been no trigger, so an announcement or a breach of one
    # had no event
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Ivo Marek", "PER")]
    for text, modality in (
        ("Ivo Marek verkündet eine Waffenruhe für Belvo.", "announced"),
        ("Die Waffenruhe zwischen Tarvonien und Belvo wurde gebrochen.", "happened"),
        ("Seit dem Waffenstillstand ist es in Belvo ruhig.", "happened"),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [(e.type, e.modality) for e in events] == [("agree", modality)], text


def test_support_promised_is_aid() -> None:
    # "sagte der Ukraine weitere Unterstützung zu" had been no event; support one thanks
    # someone for or relies on is backing, no event
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Kessler", "PER")]
    for text in (
        "Tarvonien sagte Belvo weitere Unterstützung zu.",
        "Tarvonien hat Belvo Unterstützung zugesichert.",
    ):
        events = extract(make_article(text, names[:2]))
        assert [(e.type, e.modality) for e in events] in (
            [("aid", "planned")],
            [("aid", "announced")],
        ), text
    text = "Kessler dankte Tarvonien für die Unterstützung."
    assert extract(make_article(text, [names[0], names[2]])) == []


def test_a_shooting_down_is_an_attack() -> None:
    # "nach dem Abschuss einer Drohne" had been no event; a cull of wolves is none
    text = "Nach dem Abschuss einer Drohne über Belvo berät die Regierung."
    events = extract(make_article(text, [("Belvo", "LOC")]))
    assert [(e.type, e.modality) for e in events] == [("attack", "happened")]
    text = "In Belvo ist der Abschuss von Wölfen erlaubt."
    assert extract(make_article(text, [("Belvo", "LOC")])) == []


def test_what_an_anniversary_a_suspect_or_a_breach_is_of_has_taken_place() -> None:
    # "USA nehmen Verdächtigen des Bengasi-Anschlags fest", "vor Ablauf der Waffenruhe" had
    # left the attack and the truce unspecified; they took place before, on no day said
    names = [("Felsberg", "LOC"), ("Belvo", "LOC"), ("Kessler", "PER")]
    for text, kind in (
        ("Am Jahrestag des Anschlags gedachte Felsberg der Opfer.", "attack"),
        ("Die Polizei nahm einen Verdächtigen des Anschlags in Felsberg fest.", "attack"),
        ("Kurz vor Ablauf der Waffenruhe reist Kessler nach Belvo.", "agree"),
        ("Kessler wirft Belvo einen Bruch der Waffenruhe vor.", "agree"),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [(e.modality, e.time) for e in events if e.type == kind] == [("happened", None)], (
            text
        )


def test_what_a_clause_becomes_after_an_event_tells_no_future() -> None:
    # "Nach den russischen Luftangriffen auf Kiew ... ist der Aufschrei groß - und die
    # Drohungen werden lauter" had left the attacks unspecified; "angesichts von Drohungen"
    # had been no cause; calls for help are no help that came
    names = [("Felsberg", "LOC"), ("Belvo", "LOC"), ("Tarvonien", "LOC")]
    text = "Nach den Angriffen auf Felsberg ist die Wut groß und die Rufe nach Hilfe werden lauter."
    events = extract(make_article(text, names[:1]))
    assert [(e.type, e.modality) for e in events] == [
        ("attack", "happened"),
        ("aid", "unspecified"),
    ]
    text = "Angesichts von Drohungen aus Belvo hat Tarvonien den Botschafter einbestellt."
    [threat] = extract(make_article(text, names[1:]))
    assert (threat.modality, threat.actor_names) == ("happened", ["Belvo"])


def test_a_name_in_the_genitive_before_an_event_s_noun_is_no_place() -> None:
    # "nach Russlands Überfall auf die Ukraine" had put the attack in Russia; a city whose
    # name ends in s is still a place ("in Paris Gespräche geführt")
    text = "Nach Belvos Überfall auf Tarvonien stiegen in Felsberg die Preise."
    article = make_article(text, [("Belvos", "LOC"), ("Tarvonien", "LOC"), ("Felsberg", "LOC")])
    article.mentions[0].entity_id = "bv"
    article.entities.append(Entity("bv", "Belvo", "LOC"))
    [attack] = extract(article)
    assert attack.location != "Belvo"
    assert "Belvo" in attack.actor_names
    text = "In Tarvos haben Kessler und Maia Gespräche geführt."
    names = [("Tarvos", "LOC"), ("Kessler", "PER"), ("Maia", "PER")]
    [talks] = extract(make_article(text, names))
    assert talks.location == "Tarvos"


def test_air_strikes_flown_have_happened() -> None:
    # "US-Militär fliegt Luftangriffe in Nigeria" had been unspecified; a summit flown to
    # is not yet held
    for text, kind, modality in (
        ("Die Luftwaffe von Tarvonien fliegt Luftangriffe in Belvo.", "attack", "happened"),
        ("Die Armee hat Luftangriffe auf Ziele in Belvo geflogen.", "attack", "happened"),
        ("Kessler fliegt zum Gipfel nach Belvo.", "meet", "unspecified"),
    ):
        names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Kessler", "PER")]
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [(e.type, e.modality) for e in events] == [(kind, modality)], text


def test_a_clause_rule_is_computed_once_per_clause() -> None:
    # A paragraph without a full stop is read in pieces of 150 words, and a rule asked at
    # each of them had to scan its clause again each time.
    from chronik.analysis.event_sentence import SentenceView, split_clauses, tokenize

    text = "Der Minister traf am Montag die Botschafterin, weil sie es wollte"
    tokens = tokenize(text)
    view = SentenceView(Sentence(0, len(text), text), tokens, split_clauses(tokens), [])
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return len(calls)

    first, second = view.clauses
    assert [view.per_clause("n", first, count) for _ in range(3)] == [1, 1, 1]
    assert view.per_clause("n", second, count) == 2
    assert view.per_clause("other", first, count) == 3


def test_a_cue_list_matches_a_key_a_form_or_a_beginning() -> None:
    # Review 181 asks the lemmas with isdisjoint: any key, from a list or a generator.
    cues = CueList(frozenset({"dementieren", "bekannt|geben"}), ("abgesagt", "vermut*"))
    [said, guessed, other] = tokenize("abgesagt vermutlich gestern")
    assert cues.matches(other, ["gestern", "bekannt|geben"])
    assert cues.matches(other, (k for k in ["x", "dementieren"]))
    assert cues.matches(said, []) and cues.matches(guessed, iter(()))
    assert not cues.matches(other, ["gestern", "geben"])


def test_an_agreement_in_force_has_happened_on_no_day_of_its_own() -> None:
    # "Seit Oktober gilt eine Waffenruhe" and "wir die Waffenruhe aufrechterhalten" had
    # been unspecified, "vorgesehene Waffenruhe ... ist in Kraft getreten" announced;
    # "dass sich der Abschuss ereignete" had left an attack unspecified
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Felsberg", "LOC")]
    for text, kind, time in (
        ("Seit Jahren gilt eine Waffenruhe zwischen Tarvonien und Belvo.", "agree", None),
        ("Die seit einem Jahr geltende Waffenruhe ist in Gefahr.", "agree", None),
        ("Er hoffe, dass Belvo die Waffenruhe aufrechterhalten könne.", "agree", None),
        ("Die Sanktionen gegen Belvo gelten weiter.", "sanction", None),
        ("Die Waffenruhe wurde um dreißig Tage verlängert.", "agree", "2024-05-14"),
        (
            "Die im Plan vorgesehene Waffenruhe ist nach Angaben der Armee in Kraft getreten.",
            "agree",
            "2024-05-14",
        ),
        (
            "Die Polizei bestätigte, dass sich der Anschlag in Felsberg ereignete.",
            "attack",
            "2024-05-14",
        ),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [(e.type, e.modality, e.time) for e in events] == [(kind, "happened", time)], text
    # a truce that is to hold is still to come, and an attack does not "gelten"
    [plan] = extract(make_article("Die Waffenruhe soll ab Montag gelten."))
    assert plan.modality == "planned"


def test_an_agreement_that_talks_are_about_or_a_proposal_offers_is_no_event() -> None:
    # "Verhandlungen ... über ein endgültiges Friedensabkommen begonnen" had made an
    # agreement that happened, "Neue Gespräche über Waffenruhe" and "Details des ...
    # Vorschlags für eine kurzfristige Waffenruhe" agreements of their own
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Felsberg", "LOC")]
    for text, types in (
        ("Tarvonien und Belvo verhandeln in Felsberg über ein Abkommen.", ["negotiate"]),
        ("Tarvonien und Belvo verhandeln in Felsberg über eine Waffenruhe.", ["negotiate"]),
        ("Neue Gespräche über eine Feuerpause in Felsberg.", ["negotiate"]),
        ("Belvo hat einen Vorschlag für eine Waffenruhe abgelehnt.", ["reject"]),
        ("Tarvonien prüft den Friedensplan zur Waffenruhe.", []),
        # an agreement reached or carried out stays one
        ("Tarvonien und Belvo haben in Felsberg eine Waffenruhe vereinbart.", ["agree"]),
        (
            "Nach den Gesprächen einigten sich Tarvonien und Belvo auf ein Abkommen.",
            ["negotiate", "agree"],
        ),
        ("Tarvonien und Belvo beraten über die Umsetzung des Abkommens.", ["agree"]),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert sorted(e.type for e in events) == sorted(types), text


def test_a_place_of_another_clause_with_a_verb_of_its_own_is_not_the_events() -> None:
    # "Es sei ein Krieg in Europa, ... beteiligt werden an den Verhandlungen" had put the
    # talks in Europe, "sagte in Washington, ..., um Gespräche ... zu führen" in Washington
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Felsberg", "LOC")]
    names += [("Kessler", "PER"), ("Maia", "PER")]
    for text, place in (
        (
            "Es sei ein Krieg in Felsberg, deshalb müsse Tarvonien an den Verhandlungen "
            "teilnehmen.",
            None,
        ),
        (
            "Die Sprecherin sagte in Felsberg, dass Kessler nach Belvo aufbrechen werde, "
            "um Gespräche mit Maia zu führen.",
            "Belvo",
        ),
        # a clause without a verb, or one that tells the same event, still gives it
        (
            "In Felsberg, wo einst ein Vertrag entstand, haben Kessler und Maia verhandelt.",
            "Felsberg",
        ),
        ("Der Termin steht fest: Kessler und Maia wollen sich in Felsberg treffen.", "Felsberg"),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        kinds = {"negotiate", "meet"}
        assert [e.location for e in events if e.type in kinds] == [place], text


def test_who_attacks_a_political_party_criticises_it() -> None:
    # "Wirtschaftsministerin Reiche greift die SPD in der Spritpreisdebatte an" had been a
    # military attack; an army's attack and an assault stay attacks
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Kessler", "PER"), ("SPD", "ORG")]
    for text, kind in (
        ("Kessler greift die SPD in der Rentendebatte an.", "criticize"),
        ("Kessler hat den Koalitionspartner scharf angegriffen.", "criticize"),
        ("Die Armee von Tarvonien griff Belvo an.", "attack"),
        ("Ein Mann hat in Belvo einen Busfahrer angegriffen.", "attack"),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [e.type for e in events] == [kind], text


def test_what_meets_with_a_reaction_or_a_sporting_opponent_meets_no_one() -> None:
    # "Die Entscheidung ... trifft in CDU und CSU auf geteilte Reaktionen" and "treffen in
    # der Ligaphase auf Titelverteidiger Paris Saint-Germain" had been meetings
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Kessler", "PER"), ("Maia", "PER")]
    for text, types in (
        ("Der Beschluss trifft in Tarvonien auf geteilte Reaktionen.", []),
        ("Der Plan traf in Belvo auf heftigen Widerstand.", []),
        ("Die beiden Klubs treffen in der Gruppenphase auf Titelverteidiger Belvo.", []),
        ("Kessler trifft in Belvo auf Maia.", ["meet"]),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [e.type for e in events] == types, text


def test_ungeachtet_presupposes_its_noun_as_trotz_does() -> None:
    # "Ungeachtet des Iran-Abkommens will ... Netanjahu weiter Soldaten ... im Libanon
    # stationieren" had made Netanjahu a party of an agreement in Lebanon, left open
    names = [("Belvo", "LOC"), ("Felsberg", "LOC"), ("Kessler", "PER")]
    text = "Ungeachtet des Abkommens will Kessler weiter Soldaten in Felsberg stationieren."
    [agreement] = extract(make_article(text, [n for n in names if n[0] in text]))
    assert (agreement.actor_names, agreement.location) == ([], None)
    assert agreement.modality == "happened"


def test_being_overtaxed_is_no_demand() -> None:
    # "herrscht heute Überforderung" had been a demand: "Überforderung" ends in "Forderung"
    assert extract(make_article("In vielen Büros herrscht heute Überforderung.")) == []
    [demand] = extract(make_article("Die Gewerkschaft bekräftigte ihre Lohnforderung."))
    assert demand.type == "demand"


def test_what_a_reaction_or_revenge_answers_has_taken_place_on_no_day_of_its_own() -> None:
    # "beraten ... über eine deutliche Reaktion auf die Zolldrohungen von ... Trump" had
    # left the threats unspecified, "eine Reaktion auf die Angriffe" announced by its clause
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC")]
    for text, kind in (
        ("Tarvonien berät über eine Reaktion auf die Zolldrohungen aus Belvo.", "threaten"),
        ("Die Armee von Tarvonien kündigte eine Antwort auf die Angriffe an.", "attack"),
        ("Tarvonien droht mit Vergeltung für den Anschlag.", "attack"),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [(e.modality, e.time) for e in events if e.type == kind] == [("happened", None)], (
            text
        )
    # a reaction to what may come is still a guess
    [guess] = extract(make_article("Das sei eine Reaktion auf mögliche Angriffe."))
    assert guess.modality == "speculated"


def test_what_a_clause_ignores_evades_recalls_or_criticises_has_taken_place() -> None:
    # "die Aufforderung ... ignoriert", "Sanktionen umgehen", "bezog sich auf eine
    # Forderung", "Kritik an dem Abkommen" had left the noun's event unspecified
    names = [("Tarvonien", "LOC"), ("Belvo", "LOC"), ("Kessler", "PER")]
    for text, kind, time in (
        ("Tarvonien hat die Aufforderung aus Belvo ignoriert.", "demand", "2024-05-14"),
        ("Die Reederei hat die Sanktionen gegen Belvo umgangen.", "sanction", "2024-05-14"),
        ("Belvo hat die Waffenruhe verletzt.", "agree", "2024-05-14"),
        ("Kessler bezog sich auf eine Forderung aus Belvo.", "demand", None),
        ("Begründet wurde dies mit den Angriffen auf Belvo.", "attack", None),
        ("Kessler erinnert sich gern an eine Begegnung in Belvo.", "meet", None),
        ("Tarvonien hatte Kritik an dem Abkommen geäußert.", "agree", None),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [(e.modality, e.time) for e in events if e.type == kind] == [("happened", time)], (
            text
        )
    # a plan of the noun's own phrase still wins, and a topic is no referent
    [planned] = extract(make_article("Es gibt Kritik an dem geplanten Abkommen."))
    assert planned.modality == "planned"
    talk = "Kessler spricht mit Maia über eine Forderung."
    events = extract(make_article(talk, [("Kessler", "PER"), ("Maia", "PER")]))
    assert [e.modality for e in events if e.type == "demand"] != ["happened"]


def test_an_arms_deal_that_talks_are_about_is_no_event_of_its_own() -> None:
    # "Trump will mit Xi über Taiwan-Waffenlieferungen sprechen" had been arms of Trump and Xi
    names = [("Kessler", "PER"), ("Maia", "PER"), ("Belvo", "LOC"), ("Tarvonien", "LOC")]
    for text, types in (
        ("Kessler will mit Maia über Waffenlieferungen an Belvo sprechen.", []),
        ("Die Minister beraten in Belvo über Waffenlieferungen an Tarvonien.", []),
        ("Die Gespräche über ein Waffenabkommen mit Belvo gehen weiter.", ["negotiate"]),
        ("Über ein neues Abkommen wird in Belvo verhandelt.", ["negotiate"]),
        ("Unklarheit über Abkommen und Verhandlungen in Belvo.", ["agree", "negotiate"]),
        ("Tarvonien liefert Waffen an Belvo.", ["arms"]),
        ("Die Waffenlieferungen an Belvo gehen weiter.", ["arms"]),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [e.type for e in events] == types, text


def test_a_compound_s_single_name_does_its_one_sided_event() -> None:
    # "Die Trump-Drohung", "der Putin-Besuch", "der US-Angriff": the name had been no party;
    # a person is no attacker ("Skripal-Anschlag" was on him), nor a place of words
    # ("Tarvonia-Angriffe" may be on it), and two names do not say who threatens whom
    def event(text: str, compound: str, kind: str, entity: str = "") -> Event:
        others = [(n, t) for n, t in (("Kessler", "PER"), ("Norvia", "ORG")) if n in text]
        article = make_article(text, [(compound, f"{kind}*"), *others])
        article.entities = [
            Entity("e_kessler", "Albrecht Kessler", "PER"),
            Entity("e_maia", "Rui Maia", "PER"),
            Entity("e_norvia", "Norvia", "ORG"),
            Entity("e_tarvonia", "Tarvonia", "LOC"),
            Entity("e_ns", "Nordstaaten", "LOC", ["NS"]),
        ]
        for mention in article.mentions:
            mention.entity_id = entity or "e_" + mention.text.split("-")[0].lower()
        [found] = [e for e in extract(article) if e.type != "criticize"]
        return found

    text = "Die Kessler-Drohung sorgt für Unruhe. Kessler schweigt."
    threat = event(text, "Kessler-Drohung", "ORG")
    assert (threat.type, threat.actor_names, threat.roles) == (
        "threaten",
        ["Albrecht Kessler"],
        ["agent"],
    )
    visit = event(
        "Der Kessler-Besuch in Tarvo ist geplant. Kessler schweigt.", "Kessler-Besuch", "ORG"
    )
    assert (visit.actor_names, visit.roles) == (["Albrecht Kessler"], ["agent"])
    text = "Die Norvia-Angriffe gehen weiter. Norvia schweigt."
    assert event(text, "Norvia-Angriffe", "ORG").actor_names == ["Norvia"]
    attack = event("Der NS-Angriff wurde verurteilt.", "NS-Angriff", "LOC", "e_ns")
    assert (attack.actor_names, attack.roles) == (["Nordstaaten"], ["agent"])
    text = "Nach dem Kessler-Anschlag wurde Kessler behandelt."
    assert event(text, "Kessler-Anschlag", "ORG").actor_names == []
    text = "Die Tarvonia-Angriffe gehen weiter."
    assert event(text, "Tarvonia-Angriffe", "LOC").actor_names == []
    text = "Die Kessler-Maia-Drohung sorgt für Unruhe. Kessler schweigt."
    assert event(text, "Kessler-Maia-Drohung", "ORG").actor_names == []


def test_the_place_of_what_a_verb_of_speech_is_about_is_not_where_it_is_said() -> None:
    # "kritisierte die US-Präsenz in der Karibik", "kündigt Milliarden-Investition in
    # Deutschland an" had been said there
    names = [("Kessler", "PER"), ("Norvia", "ORG"), ("Belvo", "LOC"), ("Tarvo", "LOC")]
    names.append(("Rui Maia", "PER"))
    for text, place in (
        ("Kessler kritisierte die Präsenz der Marine in Belvo.", None),
        ("Norvia kündigt eine Milliarden-Investition in Belvo an.", None),
        ("Kessler hatte mit der Zerstörung der Häfen in Belvo gedroht.", None),
        ('Kessler hatte mit der Zerstörung "aller Häfen" in Belvo gedroht.', None),
        ("Die Regierung in Belvo kritisierte den Plan.", "Belvo"),
        ("Kessler kritisierte bei einer Rede in Tarvo die Pläne.", "Tarvo"),
        ("Kessler kritisierte am Montag in Tarvo die Pläne.", "Tarvo"),
        ("Kessler kritisierte Norvia in Tarvo.", "Tarvo"),
        ("Dort haben Tausende Menschen in Tarvo den Rücktritt gefordert.", "Tarvo"),
        ("Nachts verkündete das Ministerium in Tarvo neue Regeln.", "Tarvo"),
        ("Die Regeln gelten ab Mai, kündigte Bürgermeister Rui Maia in Tarvo an.", "Tarvo"),
        ("Kessler forderte die Kapitulation der Führung in Belvo.", None),
        ("Kessler kritisiert Norvia für ihre Haltung zum Regime in Belvo.", None),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [e.location for e in events] == [place], text
    # a place of what is done stays the deed's
    text = "Norvia griff Ziele in Belvo an."
    [attack] = extract(make_article(text, [n for n in names if n[0] in text]))
    assert attack.location == "Belvo"


def test_a_demand_or_threat_said_to_be_someone_s_has_been_made() -> None:
    # "eine zentrale Forderung Russlands", "Die Forderung der Jungen Union ... wies Merz
    # zurück" had been unspecified and denied
    names = [("Tarvoniens", "LOC"), ("Kesslers", "PER"), ("Kessler", "PER"), ("Volkspartei", "ORG")]
    for text, kind in (
        ("Belvo verzichtet auf den Beitritt, eine zentrale Forderung Tarvoniens.", "demand"),
        ("Die Forderung der Volkspartei nach Neuwahlen wies Kessler zurück.", "demand"),
        ("Beide sind der Rücktrittsaufforderung von Präsident Kessler gefolgt.", "demand"),
        ("Kesslers Drohungen zeigen Wirkung.", "threaten"),
        ("Die Volkspartei hält an ihrer Forderung fest.", "demand"),
    ):
        found = [n for n in names if n[0] + " " in text or n[0] + "." in text]
        events = extract(make_article(text, found))
        assert [e.modality for e in events if e.type == kind] == ["happened"], text
        # made before, on no day the sentence says
        assert [e.time for e in events if e.type == kind] == [None], text
    # unless a verb of its clause makes or repeats it
    text = "Kessler bekräftigte die Forderung der Volkspartei nach Neuwahlen."
    events = extract(make_article(text, [("Kessler", "PER"), ("Volkspartei", "ORG")]))
    [renewed] = [e for e in events if e.type == "demand"]
    assert (renewed.modality, renewed.time) == ("happened", "2024-05-14")
    # a demand of no one named is left open, and one not made is denied
    for text, modality in (
        ("Auf die Forderung nach Neuwahlen hat sie nicht reagiert.", "unspecified"),
        ("Die Volkspartei hat keine Forderung nach Neuwahlen gestellt.", "denied"),
    ):
        events = extract(make_article(text, [n for n in names if n[0] in text]))
        assert [e.modality for e in events if e.type == "demand"] == [modality], text


def test_a_compound_s_agent_acts_where_the_clause_names_it_elsewhere() -> None:
    # "Nach wiederholten US-Angriffen auf ... Drogenboote haben die USA ... angekündigt":
    # the United States had been the target
    text = (
        "Nach wiederholten NS-Angriffen auf mutmaßliche Schmugglerboote haben die Nordstaaten"
        " nun die Entsendung eines Verbands in die Region angekündigt."
    )
    article = make_article(text, [("NS-Angriffen", "LOC*"), ("Nordstaaten", "LOC")])
    article.entities = [Entity("e_ns", "Nordstaaten", "LOC", ["NS"])]
    for mention in article.mentions:
        mention.entity_id = "e_ns"
    [attack] = [e for e in extract(article) if e.type == "attack"]
    assert (attack.actor_names, attack.roles) == (["Nordstaaten"], ["agent"])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # review 156: talks that end "ohne Einigung" reach no agreement
        (
            "Die Gespräche in Lund endeten ohne Einigung.",
            [("negotiate", "happened"), ("agree", "denied")],
        ),
        # the end of attacks is called for, not attacks; the call is a demand (review 188)
        (
            "Die Vermittler rufen zum Ende der Angriffe auf.",
            [("demand", "happened"), ("attack", "happened")],
        ),
        (
            "Die Vermittler rufen zu neuen Angriffen auf.",
            [("demand", "happened"), ("attack", "announced")],
        ),
        # a call to an event announces it (review 80)
        (
            "Die Gewerkschaft ruft zum Warnstreik auf.",
            [("demand", "happened"), ("protest", "announced")],
        ),
        (
            "Die Gewerkschaft hat zu einem Streik aufgerufen.",
            [("protest", "announced"), ("demand", "happened")],
        ),
    ],
)
def test_what_is_called_for_or_reached_without(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    events = extract(make_article(sentence, []))
    assert [(e.type, e.modality) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "mentions", "roles"),
    [
        # "vom" names a passive's agent as "von" does (review 166: the attacker had been
        # the target)
        (
            "Die Stadt Tarvo ist vom estnischen Militär erneut angegriffen worden.",
            [("Tarvo", "LOC"), ("estnischen", "LOC*")],
            ["target", "agent"],
        ),
        (
            "Daraufhin sei vom SEK Lindau auf den Mann geschossen worden.",
            [("SEK Lindau", "ORG")],
            ["agent"],
        ),
        # who is elected stays the target
        (
            "Marek ist vom Parteitag zum Vorsitzenden gewählt worden.",
            [("Marek", "PER")],
            ["target"],
        ),
    ],
)
def test_vom_names_a_passives_agent(
    text: str, mentions: list[tuple[str, str]], roles: list[str]
) -> None:
    [event] = extract(make_article(text, mentions))
    assert event.roles == roles


@pytest.mark.parametrize(
    ("text", "mentions", "actors", "location"),
    [
        # a town or region visited is where the visit is, not a party met (review 166)
        (
            "Ministerpräsident Kessler besucht am Montag Husum.",
            [("Kessler", "PER"), ("Husum", "LOC")],
            ["Kessler"],
            "Husum",
        ),
        (
            "Kessler hatte Kiel und Rostock bereist.",
            [("Kessler", "PER"), ("Kiel", "LOC"), ("Rostock", "LOC")],
            ["Kessler"],
            "Kiel",
        ),
        # a country visited hosts the visit, a person visited is met, and so is a
        # government an adjective names
        (
            "Kessler wird die estnische Regierung in Tarvo besuchen.",
            [("Kessler", "PER"), ("estnische", "LOC*"), ("Tarvo", "LOC")],
            ["Kessler", "estnische"],
            "Tarvo",
        ),
        (
            "Kessler wird die estnische Regierung besuchen.",
            [("Kessler", "PER"), ("estnische", "LOC*")],
            ["Kessler", "estnische"],
            None,
        ),
        (
            "Kessler besucht am Montag Frankreich.",
            [("Kessler", "PER"), ("Frankreich", "LOC")],
            ["Kessler", "Frankreich"],
            None,
        ),
        (
            "Kessler besucht am Montag Marek.",
            [("Kessler", "PER"), ("Marek", "PER")],
            ["Kessler", "Marek"],
            None,
        ),
    ],
)
def test_a_town_visited_is_the_visits_place(
    text: str, mentions: list[tuple[str, str]], actors: list[str], location: str | None
) -> None:
    [visit] = extract(make_article(text, mentions))
    assert (visit.actor_names, visit.location) == (actors, location)


@pytest.mark.parametrize(
    ("text", "mentions", "roles"),
    [
        # a headline's participle with "wieder" is a passive too (review 166: the elected
        # had elected)
        ("Marek als Fraktionschef wiedergewählt", [("Marek", "PER")], ["target"]),
        # a dash after the participle ends what it closes
        (
            "Marek war im Mai an die Spitze der Partei gewählt worden - zunächst für ein Jahr.",
            [("Marek", "PER")],
            ["target"],
        ),
        # an active clause keeps its subject as the one who elects
        (
            "Die Liste Ost hat Marek gewählt - mit großer Mehrheit.",
            [("Liste Ost", "ORG"), ("Marek", "PER")],
            ["agent", "target"],
        ),
    ],
)
def test_the_elected_of_a_passive_is_its_target(
    text: str, mentions: list[tuple[str, str]], roles: list[str]
) -> None:
    [election] = extract(make_article(text, mentions))
    assert election.roles == roles


@pytest.mark.parametrize(
    ("text", "mentions", "actors"),
    [
        # who speaks before a colon and a quotation tells of the attack (review 166: he
        # had been its attacker)
        ('Kessler: "Feiger, hinterhältiger Angriff"', [("Kessler", "PER")], []),
        ("Kessler: „Ein feiger Angriff“", [("Kessler", "PER")], []),
        # the quotation's own names stay
        (
            'Kessler: "Tarvo hat Lindau angegriffen"',
            [("Kessler", "PER"), ("Tarvo", "LOC"), ("Lindau", "LOC")],
            ["Tarvo", "Lindau"],
        ),
    ],
)
def test_the_speaker_before_a_quotation_is_no_party(
    text: str, mentions: list[tuple[str, str]], actors: list[str]
) -> None:
    [attack] = extract(make_article(text, mentions))
    assert attack.actor_names == actors


@pytest.mark.parametrize(
    ("text", "mentions", "actors"),
    [
        # an earlier relative clause tells of its noun, not of the event (review 166: the
        # outlet the paper lay with had made the demand)
        (
            "In einem Papier, das dem Sender Nordwelle vorliegt, fordert die Liste Ost Regeln.",
            [("Sender Nordwelle", "ORG"), ("Liste Ost", "ORG")],
            ["Liste Ost"],
        ),
        # an article after the comma makes an apposition, whose names count as before
        (
            "Tarvo hat am 22. Mai, dem vierten Jahrestag der Gründung, Marek angegriffen.",
            [("Tarvo", "PER"), ("Marek", "PER")],
            ["Tarvo", "Marek"],
        ),
        # a relative clause's own event keeps its names
        (
            "Der Sender Nordwelle, den die Liste Ost scharf kritisiert hatte, sendet weiter.",
            [("Sender Nordwelle", "ORG"), ("Liste Ost", "ORG")],
            ["Sender Nordwelle", "Liste Ost"],
        ),
        # a verb right after "das" opens a main clause, no relative one: its names count
        # ('"..., das ist eine Mafia"' had been read as a relative clause)
        (
            "In der Stadt, das war Tarvo, wurde Marek angegriffen.",
            [("Tarvo", "PER"), ("Marek", "PER")],
            ["Tarvo", "Marek"],
        ),
    ],
)
def test_an_earlier_relative_clause_names_no_party(
    text: str, mentions: list[tuple[str, str]], actors: list[str]
) -> None:
    [event] = extract(make_article(text, mentions))
    assert event.actor_names == actors


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a comma in a list of adjectives that "und" ends does not cut the passive's
        # auxiliary from its participle (review 166: the arrested's countries had arrested)
        (
            "Demnach wurden zwölf Mitglieder der Crew polnischer, dänischer und kasachischer"
            " Staatsangehörigkeit festgenommen.",
            ["target", "target", "target"],
        ),
    ],
)
def test_a_list_of_adjectives_stays_in_its_clause(text: str, roles: list[str]) -> None:
    mentions = [("polnischer", "LOC*"), ("dänischer", "LOC*"), ("kasachischer", "LOC*")]
    [arrest] = extract(make_article(text, mentions))
    assert arrest.roles == roles


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("Die Crew polnischer, dänischer und schwedischer Herkunft kam an.", 1),
        # no "und": the comma may still end a clause
        ("Er war in polnischen Häfen, dänische Schiffe lagen vor Anker.", 2),
    ],
)
def test_adjectives_listed_before_their_noun(text: str, clauses: int) -> None:
    tokens = tokenize(text, 0)
    assert len(split_clauses(tokens)) == clauses


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # an election one is barred from or stands in is still to come (review 168: 4
        # such elections had been unspecified)
        ("Das Gericht hat die Partei Nordbund von der Parlamentswahl ausgeschlossen.", "planned"),
        ("Nordbund von Wahl ausgeschlossen", "planned"),
        ("Der Nordbund wollte zur Wahl unter einem neuen Motto antreten.", "planned"),
        ("Kessler tritt zur Präsidentenwahl an.", "planned"),
        # a past clause's election is over
        ("Der Nordbund trat bei der Wahl nur in drei Ländern an.", "happened"),
        ("Kessler ist zur Wahl für den Nordbund angetreten.", "unspecified"),
    ],
)
def test_an_election_one_stands_in_is_still_to_come(text: str, modality: str) -> None:
    names = [(n, k) for n, k in (("Nordbund", "ORG"), ("Kessler", "PER")) if n in text]
    [event] = extract(make_article(text, names))
    assert event.modality == modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # what is pending is still to come (review 168: talks that "stehen an" had happened)
        ("Neue Verhandlungen zwischen Nordland und Tarvo stehen zu Wochenbeginn an.", "planned"),
        ("Ein Treffen von Kessler und Marek steht unmittelbar bevor.", "planned"),
        # what stands elsewhere is no plan
        ("Die Verhandlungen zwischen Nordland und Tarvo stehen vor dem Scheitern.", "unspecified"),
    ],
)
def test_what_is_pending_is_still_to_come(text: str, modality: str) -> None:
    names = [(n, k) for n, k in NAMES_168 if n in text]
    [event] = extract(make_article(text, names))
    assert event.modality == modality


NAMES_168 = [("Nordland", "LOC"), ("Tarvo", "LOC"), ("Kessler", "PER"), ("Marek", "PER")]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # what followed took place, an agreement that stands has been reached (review 168:
        # both had been unspecified)
        ("Später folgte ein Angriff mit einer weiteren Drohne.", "happened"),
        ("Nach sieben Stunden steht die Einigung zwischen Nordland und Tarvo.", "happened"),
        # one that is still outstanding has not
        ("Die Einigung zwischen Nordland und Tarvo steht noch aus.", "unspecified"),
        ("Eine Einigung zwischen Nordland und Tarvo steht bevor.", "planned"),
        # nor one in a phrase, nor another noun's
        ("Nordland und Tarvo stehen kurz vor einem Abkommen.", "unspecified"),
        ("Nach der Ankündigung von Kessler folgt nun die Antwort von Marek.", "happened"),
        # a verb of its particle that is no other verb still tells it
        ("Die Sanktionen gegen Tarvo gelten weiter.", "happened"),
    ],
)
def test_what_followed_or_stands_took_place(text: str, modality: str) -> None:
    names = [(n, k) for n, k in NAMES_168 if n in text]
    [event] = extract(make_article(text, names))
    assert event.modality == modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # what a clause's opening "vor" is ahead of is still to come (review 168: the
        # summit had been unspecified)
        ("Vor dem Gipfel macht Nordland Druck auf die Partner.", "planned"),
        ("Vor einer neuen Verhandlungsrunde hat Kessler vor Zugeständnissen gewarnt.", "planned"),
        # and so is what "im Vorfeld" is ahead of (review 183: unspecified)
        ("Im Vorfeld des Gipfels will Kessler noch mit Marek beraten.", "planned"),
        ("Im Vorfeld des Gipfels telefonierte Kessler mit Marek.", "unspecified"),
        # a past clause's occasion may have come since
        ("Vor seinem Treffen mit Marek telefonierte Kessler mit Tarvo.", "unspecified"),
    ],
)
def test_what_vor_is_ahead_of_is_still_to_come(text: str, modality: str) -> None:
    names = [(n, k) for n, k in NAMES_168 if n in text]
    # the occasion's event; a call beside it is one of its own (review 198)
    [event] = [e for e in extract(make_article(text, names)) if e.code != "041"]
    assert event.modality == modality


@pytest.mark.parametrize(
    "text",
    [
        # a joining word stands before the first position (review 168: the party had been
        # the target of its own election)
        "Denn im Gegensatz zu anderen Parteien wählt die Nordunion ihre Führung schon neu.",
        "Aber am Sonntag wählt die Nordunion ihre Führung neu.",
        "Denn die Nordunion wählt ihre Führung neu.",
        # "doch" may be the first position itself
        "Doch zuvor wählt die Nordunion ihre Führung neu.",
    ],
)
def test_a_joining_word_before_the_first_position(text: str) -> None:
    [event] = extract(make_article(text, [("Nordunion", "ORG")]))
    assert list(zip(event.actor_names, event.roles, strict=True)) == [("Nordunion", "agent")]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a participle without "ge" that reads as its infinitive is a passive's after a past
        # "werden" or with who acts after "von" (review 168: the host had been the guest,
        # the town shot at the attacker)
        (
            "Marek wurde in Tarvo von Kessler empfangen.",
            [("Marek", "target"), ("Kessler", "agent")],
        ),
        ("Tarvo wurde von Nordland beschossen.", [("Tarvo", "target"), ("Nordland", "agent")]),
        # a future's infinitive is none, nor a weak verb's infinitive beside "durch"
        (
            "Nordland wird Tarvo durch Lieferungen unterstützen.",
            [("Nordland", "agent"), ("Tarvo", "target")],
        ),
        (
            "Kessler wird Marek morgen in Tarvo empfangen.",
            [("Kessler", "agent"), ("Marek", "target")],
        ),
    ],
)
def test_a_passive_participle_without_ge(text: str, roles: list[tuple[str, str]]) -> None:
    names = [(n, k) for n, k in NAMES_168 if n in text]
    [event] = extract(make_article(text, names))
    assert list(zip(event.actor_names, event.roles, strict=True)) == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # the noun a relative pronoun stands for takes its role (review 168: the one
        # received had been a partner of the host)
        (
            "Marek, der morgen vom Präsidenten von Nordland empfangen wird, reist nach Tarvo.",
            [("Marek", "target"), ("Nordland", "agent")],
        ),
        (
            "Tarvo, das gestern von Nordland angegriffen wurde, bittet um Hilfe.",
            [("Tarvo", "target"), ("Nordland", "agent")],
        ),
    ],
)
def test_a_relative_pronoun_takes_its_nouns_role(text: str, roles: list[tuple[str, str]]) -> None:
    names = [(n, k) for n, k in NAMES_168 if n in text]
    first = extract(make_article(text, names))[0]
    assert list(zip(first.actor_names, first.roles, strict=True)) == roles


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # where a way starts is no party (review 166's leftover: the gate had protested)
        ("Am Abend zog die Kundgebung vom Nordtor zur Zentrale der Partei.", []),
        ("Die Demonstration führte von der Nordbrücke bis zum Rathaus.", []),
        # without a "zu" after it the place stays as it was
        ("Am Abend zog die Kundgebung vom Nordtor durch die Innenstadt.", ["Nordtor"]),
        # a country may send
        ("Die Waffenlieferung von Polen nach Tarvo wurde gestoppt.", ["Polen"]),
    ],
)
def test_where_a_way_starts_is_no_party(text: str, names: list[str]) -> None:
    places = [(n, "LOC") for n in ("Nordtor", "Nordbrücke", "Polen", "Tarvo") if n in text]
    [event] = extract(make_article(text, places))
    assert [n for n in event.actor_names if n != "Tarvo"] == names


def test_a_relative_clause_after_a_preposition() -> None:
    # "mit denen" opens a relative clause: its name is no party of the main clause's
    # demand, and it acts in its own clause (review 166's leftover)
    text = "Die Länder, mit denen Nordland verhandelt, fordern Sanktionen gegen Tarvo."
    events = extract(make_article(text, [("Nordland", "LOC"), ("Tarvo", "LOC")]))
    roles = {e.type: list(zip(e.actor_names, e.roles, strict=True)) for e in events}
    assert roles["negotiate"] == [("Nordland", "agent")]
    assert roles["demand"] == [("Tarvo", "target")]


@pytest.mark.parametrize(
    "text",
    [
        # a pronoun after the finite verb is the whole subject: the names after it are
        # objects (review 168: those asked had asked)
        "Am Montag forderte er Nordland und Tarvo auf, ihre Zusagen zu erfüllen.",
        "Gleichzeitig forderte sie Nordland und Tarvo auf, ihre Zusagen zu erfüllen.",
        # "gleichzeitig" and "zugleich" are adverbs: the subject comes after the verb
        "Zugleich forderte Kessler Nordland und Tarvo auf, ihre Zusagen zu erfüllen.",
    ],
)
def test_a_pronoun_after_the_verb_is_the_whole_subject(text: str) -> None:
    names = [("Nordland", "LOC"), ("Tarvo", "LOC"), ("Kessler", "PER")]
    events = extract(make_article(text, [n for n in names if n[0] in text]))
    [demand] = [e for e in events if e.type == "demand"]
    roles = dict(zip(demand.actor_names, demand.roles, strict=True))
    assert (roles["Nordland"], roles["Tarvo"], roles.get("Kessler", "agent")) == (
        "target",
        "target",
        "agent",
    )


def test_a_pronoun_joined_to_a_name_is_not_the_whole_subject() -> None:
    # "er und Marek" is one subject: both meet
    [meet] = extract(make_article("Jetzt wollen er und Marek sich treffen.", [("Marek", "PER")]))
    assert meet.roles == ["agent"]


def test_a_meeting_named_back_in_another_noun_s_genitive_takes_no_party_of_its_clause() -> None:
    # "den Ausgang dieses Treffens": the meeting the sentence before told; Tarvo, on whom
    # the blame is put, had met Kessler there
    text = (
        "Kessler traf Marek am Montag in Nordstadt. Danach schob Kessler die Schuld für den "
        "Ausgang dieses Treffens auf Tarvo."
    )
    names = [("Kessler", "PER"), ("Marek", "PER"), ("Nordstadt", "LOC"), ("Tarvo", "PER")]
    events = extract(make_article(text, names))
    assert all("Tarvo" not in e.actor_names for e in events if e.type == "meet")
    # a meeting of its own clause keeps its parties
    [meet] = extract(
        make_article("Nach dem Ende des Treffens reiste Tarvo ab.", [("Tarvo", "PER")])
    )
    assert meet.actor_names == ["Tarvo"]


NAMES_173 = [("Nordland", "LOC"), ("Tarvo", "LOC"), ("Kessler", "PER"), ("Marek", "PER")]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # how an event went tells that it took place, in the present and the perfect too
        # (review 173: "ist der Besuch ... verlaufen" had been unspecified)
        ("In ruhiger Stimmung ist der Besuch von Kessler in Tarvo verlaufen.", "happened"),
        ("Die Gespräche zwischen Nordland und Tarvo verlaufen konstruktiv.", "happened"),
        ("Die dritte Runde der Verhandlungen mit Tarvo ist ergebnislos verlaufen.", "happened"),
        # how it is to go does not
        ("Die Kundgebung gegen Kessler soll friedlich verlaufen.", "planned"),
    ],
)
def test_how_an_event_went_tells_it_took_place(text: str, modality: str) -> None:
    names = [(n, k) for n, k in NAMES_173 if n in text]
    [event] = extract(make_article(text, names))
    assert event.modality == modality


@pytest.mark.parametrize(
    "text",
    [
        # a phrase of a preposition no list had opens the clause, so the subject after the
        # verb acts (review 173: "Ungeachtet der Waffenruhe ... setzt Israel seine Angriffe
        # ... fort" had Israel the target)
        "Ungeachtet der Waffenruhe setzt Nordland seine Angriffe auf Tarvo fort.",
        "Aufgrund der Krise greift Nordland die Stadt Tarvo an.",
        "Innerhalb weniger Tage griff Nordland die Stadt Tarvo an.",
    ],
)
def test_an_opening_phrase_of_any_preposition_keeps_the_subject_acting(text: str) -> None:
    events = extract(make_article(text, [("Nordland", "LOC"), ("Tarvo", "LOC")]))
    [attack] = [e for e in events if e.type == "attack"]
    assert dict(zip(attack.actor_names, attack.roles or [], strict=True))["Nordland"] == "agent"


def test_a_look_back_at_another_meeting_held_elsewhere_confirms_no_plan() -> None:
    """Review 177: "Kanzler Merz zog nach dem Alaska-Gipfel auch positive Schlüsse", read
    as a meeting of Merz's, had confirmed his video call the day after the summit was
    confirmed: one meeting confirmed twice."""
    call = _named(
        "Tom Berg lädt am Mittwoch zu einem virtuellen Treffen.",
        "2024-05-06T08:00:00+00:00",
        "call",
        ("am Mittwoch", "2024-05-08"),
    )
    summit = [
        _named(
            "Ivo Marek will Kessler am Freitag in Brünn treffen.",
            "2024-05-08T08:00:00+00:00",
            "plan",
            ("am Freitag", "2024-05-10"),
        ),
        _named(
            "Ivo Marek und Kessler haben sich in Brünn getroffen.",
            "2024-05-11T08:00:00+00:00",
            "held",
        ),
    ]

    def confirmations(text: str) -> dict[str, list[str]]:
        later = _named(text, "2024-05-12T08:00:00+00:00", "later")
        meets = [e for e in story_events([call, *summit, later]) if e.type == "meet"]
        return {e.actor_names[0]: [c.article_id for c in e.changes] for e in meets}

    looked_back = confirmations("Tom Berg zog nach dem Brünn-Gipfel auch positive Schlüsse.")
    assert looked_back == {"Tom Berg": [], "Ivo Marek": ["held"]}
    # a report of the call itself still confirms it
    held = confirmations("Tom Berg zog nach dem virtuellen Treffen positive Schlüsse.")
    assert held == {"Tom Berg": ["later"], "Ivo Marek": ["held"]}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # review 214: "aus" before a country is where an attack came from, its attacker's
        # side (review 208: Lebanon had been the target of rockets fired from it)
        (
            "Aus Portugal seien am Morgen zehn Raketen auf Tarvo geschossen worden.",
            [("Portugal", "agent")],
        ),
        # with an agent named, the origin is no party
        (
            "Die Miliz Kordan hat aus Portugal Raketen auf Tarvo geschossen.",
            [("Kordan", "agent")],
        ),
        # guard: "aus" right after an attack noun was so already
        (
            "Bei dem Angriff aus Portugal wurden in Tarvo Häuser beschädigt.",
            [("Portugal", "agent")],
        ),
        # "in Solidarität mit X" names no party (review 208: Iran had been a target)
        (
            "Die Miliz Kordan hat in Solidarität mit Belvo Tarvo angegriffen.",
            [("Kordan", "agent"), ("Tarvo", "target")],
        ),
        # guard: "mit" after another noun keeps its role
        (
            "Kordan hat Tarvo im Bündnis mit Belvo angegriffen.",
            [("Kordan", "agent"), ("Tarvo", "target"), ("Belvo", "target")],
        ),
    ],
)
def test_an_attack_s_origin_and_a_solidarity_are_no_target(
    text: str, parties: list[tuple[str, str]]
) -> None:
    names = [("Kordan", "ORG"), ("Portugal", "LOC"), ("Belvo", "LOC"), ("Tarvo", "LOC")]
    events = extract(make_article(text, [(n, t) for n, t in names if n in text]))
    attacks = [e for e in events if e.type == "attack"]
    assert [list(zip(e.actor_names, e.roles, strict=True)) for e in attacks] == [parties]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest in a phrase of time or occasion before the subject is not the subject's
        # (review 224: the president had protested against himself)
        ("Nach tagelangen Massenprotesten hat Präsident Holm vor Gewalt gewarnt.", {}),
        ("Bei den Protesten in der Hauptstadt hat Holm der Opposition gedroht.", {}),
        # the subject of a verb of protest, or one in the first position, still protests
        ("Holm hat nach der Wahl zu Protesten aufgerufen.", {"Holm": "agent"}),
    ],
)
def test_a_protest_before_the_subject_is_not_its(text: str, expected: dict[str, str]) -> None:
    events = extract(make_article(text, [("Holm", "PER")]))
    event = next(e for e in events if e.type == "protest")
    assert dict(zip(event.actor_names, event.roles, strict=True)) == expected, text


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        # review 230 (web pages): a number dialled, a way of life chosen, a contest fought,
        # a tournament or a course attended, a means ("Mithilfe") are no events
        ("Kessler wählte in Rom sofort den Notruf.", []),
        ("In Ruritanien soll jede Familie ihr Lebensmodell frei wählen.", []),
        ("Kessler lieferte sich in Rom ein packendes Match mit Marek.", []),
        ("Kessler besuchte in Rom zwei Jahre lang einen Sprachkurs.", []),
        ("Marek besuchte im Mai ein Turnier in Rom.", []),
        ("Mithilfe von Bakterien will Ruritanien Plastik abbauen.", []),
        # voters, a country's leader visited and goods delivered still are events
        ("Die Bürger in Ruritanien wählen im Mai ein neues Parlament.", ["elect"]),
        ("Kessler besuchte in Rom seinen Amtskollegen Marek.", ["meet"]),
        ("Ruritanien liefert Bordurien Hilfsgüter mithilfe der Armee.", ["aid"]),
    ],
)
def test_other_senses_on_web_pages(sentence: str, types: list[str]) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    assert [e.type for e in extract(make_article(sentence, names))] == types


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        # review 233 (web pages): a contract "getroffen" is no meeting, "keine andere Wahl"
        # no election
        ("Ruritanien hat mit Bordurien einen Vertrag über Weizen getroffen.", ["agree"]),
        ("Uns bleibt in Rom keine andere Wahl, sagte Kessler.", []),
        # an election and a meeting still are events
        ("Bei keiner Wahl in Ruritanien gab es Gegenkandidaten.", ["elect"]),
        ("Kessler traf in Rom Marek, um über den Vertrag zu sprechen.", ["meet"]),
    ],
)
def test_other_senses_on_web_pages_again(sentence: str, types: list[str]) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    assert [e.type for e in extract(make_article(sentence, names))] == types


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        # review 233 (web pages): an encounter with wolves, wolves that attack or help for
        # a dog are no events of the types
        ("In Rom kam es zu einer Begegnung zwischen Kessler und einem Rudel Wölfe.", []),
        ("Kessler eilte in Rom seinem Hund zur Hilfe.", []),
        ("Im Mai griffen zwei Wölfe bei Rom eine Schafherde an.", []),
        # help for a country still is aid
        ("Ruritanien kam Bordurien nach dem Erdbeben zur Hilfe.", ["aid"]),
    ],
)
def test_animals_are_no_parties_of_events(sentence: str, types: list[str]) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    assert [e.type for e in extract(make_article(sentence, names))] == types


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        # review 245 (stream): a disaster or a war that claims victims or lives demands
        # nothing; a decree, an order or a law signed alone is no agreement
        ("Die Überschwemmungen in Ruritanien haben viele Todesopfer gefordert.", []),
        ("Der Krieg in Bordurien hat bereits Tausende Menschenleben gefordert.", []),
        ("Kessler unterzeichnet in Rom ein Dekret gegen Bordurien.", []),
        ("Marek hat die Verordnung am ersten Tag seiner Amtszeit unterschrieben.", []),
        # a demand for the victims, and a treaty signed with another country, still are
        ("Kessler fordert Entschädigung für die Opfer in Ruritanien.", ["demand"]),
        ("Ruritanien unterzeichnet in Rom ein Abkommen mit Bordurien.", ["agree"]),
    ],
)
def test_victims_claimed_and_decrees_signed(sentence: str, types: list[str]) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    assert [e.type for e in extract(make_article(sentence, names))] == types, sentence


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        # review 245 (stream): criticism that "kommt" is criticism, and who it comes from
        # after "von", "vom" or "aus" is its author
        ("Kritik kommt von Kessler.", [("Kessler", "agent")]),
        (
            "Aus der Kordan kommt scharfe Kritik an Marek.",
            [("Kordan", "agent"), ("Marek", "target")],
        ),
        ("Von Kessler kommt Kritik an Marek.", [("Kessler", "agent"), ("Marek", "target")]),
        # criticism in a phrase of what comes after it is none
        ("Nach der Kritik von Kessler kommt Marek nach Rom.", None),
    ],
)
def test_criticism_that_comes_from_someone(
    sentence: str, parties: list[tuple[str, str]] | None
) -> None:
    names = [
        (name, kind) for name, kind in (_NAMES | {"Kordan": "ORG"}).items() if name in sentence
    ]
    found = [e for e in extract(make_article(sentence, names)) if e.type == "criticize"]
    if parties is None:
        assert found == [], sentence
    else:
        assert [list(zip(e.actor_names, e.roles, strict=True)) for e in found] == [parties]


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        # review 245 (stream): a hedge of a person past a quotation mark, or of an adjective
        # right after a preposition (a headline drops the article), is not the event's
        ('Mutmaßlicher "Rote Hand"-Kämpfer in Rom festgenommen', "happened"),
        ("Zwei Verletzte bei mutmaßlich antisemitischem Angriff in Rom", "happened"),
        # a hedge of the event itself still speculates
        ("Mutmaßlicher Angriff auf Bordurien", "speculated"),
        ("Ruritanien hat Bordurien mutmaßlich angegriffen.", "speculated"),
        # an inflected cue after the preposition is the noun's own: the talks are planned
        ("Kurz vor erwarteten Gesprächen mit Bordurien lobte Kessler den Verlauf.", "planned"),
    ],
)
def test_a_hedge_of_a_person_or_an_attribute_in_a_headline(sentence: str, modality: str) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    [event] = extract(make_article(sentence, names))
    assert event.modality == modality, sentence


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        # review 245 (stream): who "macht" someone "verantwortlich" for something accuses
        # them (criticize 112)
        (
            "Ruritanien macht Bordurien für den Absturz in Rom verantwortlich.",
            [("Ruritanien", "agent"), ("Bordurien", "target")],
        ),
        (
            "Kessler hat Marek für die Krise verantwortlich gemacht.",
            [("Kessler", "agent"), ("Marek", "target")],
        ),
        # "machen" without "verantwortlich" in its part of the clause accuses no one
        ("Kessler ist für den Haushalt verantwortlich und macht Urlaub in Rom.", None),
    ],
)
def test_made_responsible_is_an_accusation(
    sentence: str, parties: list[tuple[str, str]] | None
) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    found = [e for e in extract(make_article(sentence, names)) if e.type == "criticize"]
    if parties is None:
        assert found == [], sentence
    else:
        assert [(e.code, list(zip(e.actor_names, e.roles, strict=True))) for e in found] == [
            ("112", parties)
        ]


@pytest.mark.parametrize(
    "sentence",
    [
        # review 245 (stream): criticism that "kommt" after its noun has been made, as it
        # has where "kommt" stands before it
        "Kritik kommt von Kessler.",
        "Kritik an den Zöllen kommt aus der Kordan.",
        "Aus der Kordan kommt Kritik.",
    ],
)
def test_criticism_that_comes_has_been_made(sentence: str) -> None:
    names = [
        (name, kind) for name, kind in (_NAMES | {"Kordan": "ORG"}).items() if name in sentence
    ]
    [event] = [e for e in extract(make_article(sentence, names)) if e.type == "criticize"]
    assert event.modality == "happened", sentence


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        # review 249 (stream): an accusation without its accused yields no event, and the
        # announcement it had displaced as a cue is told again
        (
            "Ruritanien macht die Miliz dafür verantwortlich und kündigte Vergeltung an.",
            [("announce", [("Ruritanien", "agent")])],
        ),
        (
            "Die Regierung macht die Miliz dafür verantwortlich und kündigte Vergeltung an.",
            [("announce", [])],
        ),
        # an accusation that names both sides keeps the announcement a cue of it
        (
            "Kessler macht Marek für den Streit verantwortlich und kündigte Vergeltung an.",
            [("criticize", [("Kessler", "agent"), ("Marek", "target")])],
        ),
    ],
)
def test_a_cue_is_not_lost_to_a_trigger_without_an_event(
    sentence: str, types: list[tuple[str, list[tuple[str, str]]]]
) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    found = extract(make_article(sentence, names))
    assert [(e.type, list(zip(e.actor_names, e.roles, strict=True))) for e in found] == types


@pytest.mark.parametrize(
    ("sentence", "modalities"),
    [
        # review 249 (stream): "weder ... noch" negates as "nicht" does, and a refusal that
        # is negated refuses no talks
        (
            "Ruritanien lehne weder Gespräche noch ein Treffen mit Bordurien ab.",
            {"reject": "denied", "negotiate": "unspecified", "meet": "unspecified"},
        ),
        (
            "Ruritanien lehne Gespräche mit Bordurien nicht ab.",
            {"reject": "denied", "negotiate": "unspecified"},
        ),
        ("Ruritanien hat Bordurien weder angegriffen noch bedroht.", {"attack": "denied"}),
        # a refusal not negated still denies the talks it refuses
        (
            "Ruritanien lehnt Gespräche mit Bordurien ab.",
            {"reject": "happened", "negotiate": "denied"},
        ),
    ],
)
def test_neither_nor_and_a_negated_refusal(sentence: str, modalities: dict[str, str]) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    found = extract(make_article(sentence, names))
    assert {e.type: e.modality for e in found if e.type in modalities} == modalities


@pytest.mark.parametrize(
    ("sentence", "event_type", "count"),
    [
        # review 249 (stream): a headline's topic before its colon is the event that a
        # noun of its type after the colon tells, one event
        ("Anschlag in Rom: Kessler gibt Bordurien die Schuld am Anschlag", "attack", 1),
        ("Proteste in Rom: Tausende bei Protesten gegen Kessler", "protest", 1),
        # a noun in a phrase before the colon is another event, and so is a clause's
        (
            "Nach dem Gipfel in Rom: Ruritanien stellt Bedingungen für ein Treffen mit Bordurien",
            "meet",
            2,
        ),
        ("Ruritanien meldet Angriffe: Bordurien bestreitet Angriffe auf Lemberg", "attack", 2),
    ],
)
def test_a_headline_topic_told_after_its_colon_is_one_event(
    sentence: str, event_type: str, count: int
) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    found = [e for e in extract(make_article(sentence, names)) if e.type == event_type]
    assert len(found) == count, sentence


@pytest.mark.parametrize(
    ("sentence", "names", "acts"),
    [
        # review 249 (stream): a derived name before a full verb is its subject, not a
        # description of the name after the verb
        (
            "Die ruritanische Regierung lobt Kordan und kündigte Vergeltung an.",
            [("ruritanische", "LOC*"), ("Kordan", "ORG")],
            True,
        ),
        # right before the name, or before an auxiliary, it still describes the name
        (
            "Der ruritanische Präsident Kessler kündigte Vergeltung an.",
            [("ruritanische", "LOC*"), ("Kessler", "PER")],
            False,
        ),
        (
            "Als erster ruritanischer Minister hat Kessler Rom besucht.",
            [("ruritanischer", "LOC*"), ("Kessler", "PER"), ("Rom", "LOC")],
            False,
        ),
    ],
)
def test_a_derived_name_before_a_verb_is_no_apposition(
    sentence: str, names: list[tuple[str, str]], acts: bool
) -> None:
    [event] = extract(make_article(sentence, names))
    derived = names[0][0]
    roles = [r for a, r in zip(event.actor_names, event.roles, strict=True) if a == derived]
    assert roles == (["agent"] if acts else []), sentence


@pytest.mark.parametrize(
    ("sentence", "names", "roles"),
    [
        # review 252 (stream): a name in the genitive after a noun that "von" governs is
        # the noun's own party, and the passive's subject is its target
        (
            "Ruritanien ist in der Nacht von schweren Angriffen Borduriens getroffen worden.",
            [("Ruritanien", "LOC"), ("Borduriens", "LOC")],
            {"Ruritanien": "target", "Borduriens": "agent"},
        ),
        (
            "Die Stadt wurde erneut von Angriffen Borduriens erschüttert.",
            [("Borduriens", "LOC")],
            {"Borduriens": "agent"},
        ),
        # "von" before the event's noun, not governing it, names another verb's agent
        (
            "Die Einladung zum Gipfel kam von der Regierung Ruritaniens.",
            [("Ruritaniens", "LOC")],
            {},
        ),
    ],
)
def test_a_genitive_after_a_noun_that_von_governs_is_its_party(
    sentence: str, names: list[tuple[str, str]], roles: dict[str, str]
) -> None:
    [event] = extract(make_article(sentence, names))
    assert dict(zip(event.actor_names, event.roles, strict=True)) == roles, sentence


@pytest.mark.parametrize(
    ("text", "timex", "event_type", "time"),
    [
        # review 252 (stream): a clock time before a dash that opens a ticker's entry is
        # when the entry was written, not when what it tells as happened took place: that
        # gets the publication day, as a past event without a date does
        (
            "20:43 Uhr - Regierung: Wir werden zügig auf den Gipfel in Rom reagieren",
            ("20:43 Uhr", "2024-05-14T20:43"),
            "meet",
            "2024-05-14",
        ),
        (
            "22:05 Uhr - Bordurien hat Lemberg angegriffen",
            ("22:05 Uhr", "2024-05-14T22:05"),
            "attack",
            "2024-05-14",
        ),
        # what is announced keeps it: the day it was told anchors it in its story
        (
            "21:10 Uhr - Bordurien kündigt Angriffe auf Lemberg an",
            ("21:10 Uhr", "2024-05-14T21:10"),
            "attack",
            "2024-05-14T21:10",
        ),
        # a clock time inside the sentence, or a day before a dash, is the event's
        (
            "Um 20:43 Uhr griff Bordurien Lemberg an.",
            ("20:43 Uhr", "2024-05-14T20:43"),
            "attack",
            "2024-05-14T20:43",
        ),
        (
            "17. Mai - Kessler trifft Marek in Rom",
            ("17. Mai", "2024-05-17"),
            "meet",
            "2024-05-17",
        ),
    ],
)
def test_a_ticker_stamp_does_not_date_what_happened(
    text: str, timex: tuple[str, str], event_type: str, time: str | None
) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in text]
    [event] = [e for e in extract(make_article(text, names, [timex])) if e.type == event_type]
    assert event.time == time, text


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        # review 252 (stream): who blocks or rejects sanctions takes no part in them
        ("Ruritanien hat neue Sanktionen gegen Bordurien blockiert.", {"Bordurien": "target"}),
        ("Ruritanien lehnt Sanktionen gegen Bordurien ab.", {"Bordurien": "target"}),
        # who imposes them does
        (
            "Ruritanien verhängt Sanktionen gegen Bordurien.",
            {"Ruritanien": "agent", "Bordurien": "target"},
        ),
    ],
)
def test_who_blocks_or_rejects_sanctions_takes_no_part(
    sentence: str, roles: dict[str, str]
) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    [event] = [e for e in extract(make_article(sentence, names)) if e.type == "sanction"]
    assert dict(zip(event.actor_names, event.roles, strict=True)) == roles, sentence


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # review 257 (stream): verbs of a stance that the lexicon lacked
        ("Kessler plädiert für eine neue Steuer in Ruritanien.", ("demand", "100")),
        ("Marek hat dafür plädiert, die Steuer in Rom zu senken.", ("demand", "100")),
        ("Kessler verspottet Marek.", ("criticize", "111")),
        ("Kessler hat Marek in Rom verspottet.", ("criticize", "111")),
        ("Kessler verhöhnte Marek.", ("criticize", "111")),
        ("Kessler und Marek laufen Sturm gegen die neue Steuer.", ("criticize", "111")),
        ("Auch Ruritanien hat sich gegen die Steuer ausgesprochen.", ("reject", "120")),
        ("Kessler spricht sich gegen neue Zölle für Bordurien aus.", ("reject", "120")),
        # not without the word the reading needs: "aussprechen" needs "sich" and "gegen"
        ("Kessler hat sich für eine neue Steuer in Rom ausgesprochen.", None),
        ("Kessler sprach Marek in Rom seinen Dank aus.", None),
        ("Kessler läuft durch Rom.", None),
        # "gegen" of a noun after "für", and a plea in court, are neither
        ("Kessler sprach sich für neue Zölle gegen Bordurien aus.", None),
        ("Kessler hat vor Gericht in Rom auf nicht schuldig plädiert.", None),
    ],
)
def test_verbs_of_a_stance(sentence: str, expected: tuple[str, str] | None) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in sentence]
    found = [(e.type, e.code) for e in extract(make_article(sentence, names))]
    assert found == ([expected] if expected else []), sentence


@pytest.mark.parametrize(
    ("text", "attack"),
    [
        # review 265: an adverb on the adjective is inside the noun's phrase of time, so
        # the clause's subject only reacts to the attack
        (
            "Nach dem mutmaßlich islamistischen Anschlag in Tarvo hat Kessler Konsequenzen "
            "angekündigt.",
            [],
        ),
        ("Nach dem besonders schweren Angriff auf Belvo hat Kessler Konsequenzen angekündigt.", []),
        # not a clause's own adverb before an adjective without an article
        ("Kessler hat gestern schwere Angriffe auf Belvo befohlen.", ["Kessler"]),
    ],
)
def test_an_adverb_on_an_adjective_stays_in_the_nouns_phrase(text: str, attack: list[str]) -> None:
    mentions = [m for m in [("Kessler", "PER"), ("Tarvo", "LOC"), ("Belvo", "LOC")] if m[0] in text]
    [event] = [e for e in extract(make_article(text, mentions)) if e.type == "attack"]
    assert event.actor_names == attack, text


@pytest.mark.parametrize(
    ("text", "timexes", "expected"),
    [
        # review 265: what the clause tells as done was done by the publication day; a
        # time not yet begun is what it is about
        (
            "Ruritanien hat sich auf das Ende der Steuer ab 2030 geeinigt.",
            [("2030", "2030")],
            ("agree", "2024-05-14"),
        ),
        (
            "Kessler hat sich mit Marek auf eine Steuer ab 2030 geeinigt.",
            [("2030", "2030")],
            ("agree", "2024-05-14"),
        ),
        # not a plan told in the present, nor a past day, nor a month under way
        ("Kessler reist am Freitag nach Rom.", [("Freitag", "2024-05-17")], ("meet", "2024-05-17")),
        (
            "Kessler hat Marek am Montag in Rom getroffen.",
            [("Montag", "2024-05-13")],
            ("meet", "2024-05-13"),
        ),
        ("Im Mai hat Kessler Marek in Rom getroffen.", [("Mai", "2024-05")], ("meet", "2024-05")),
    ],
)
def test_what_was_done_is_not_dated_ahead(
    text: str, timexes: list[tuple[str, str]], expected: tuple[str, str]
) -> None:
    names = [(name, kind) for name, kind in _NAMES.items() if name in text]
    [event] = extract(make_article(text, names, timexes))
    assert (event.type, event.time) == expected, text


@pytest.mark.parametrize(
    ("text", "timexes", "time"),
    [
        # review 265: the time of what is said is not when it was said
        (
            "Die Steuer werde im Mai sinken, hat Kessler angekündigt.",
            [("Mai", "2024-05")],
            "2024-05-14",
        ),
        (
            "Kessler hat angekündigt, dass die Steuer im Mai sinkt.",
            [("Mai", "2024-05")],
            "2024-05-14",
        ),
        # the clause's own date stays
        ("Im Mai hat Kessler angekündigt, dass die Steuer sinkt.", [("Mai", "2024-05")], "2024-05"),
    ],
)
def test_a_reported_clauses_date_is_not_the_saying_one(
    text: str, timexes: list[tuple[str, str]], time: str
) -> None:
    [event] = [
        e
        for e in extract(make_article(text, [("Kessler", "PER")], timexes))
        if e.type == "announce"
    ]
    assert event.time == time, text


def test_a_colon_after_an_event_noun_dates_it() -> None:
    """Review 265: a noun keeps the date of the clause a colon opens after it."""
    text = "Der nächste Streik in Rom: Am Freitag bleiben die Busse stehen."
    [event] = extract(make_article(text, [("Rom", "LOC")], [("Freitag", "2024-05-17")]))
    assert (event.type, event.time) == ("protest", "2024-05-17")


@pytest.mark.parametrize(
    ("text", "mentions", "kind", "parties"),
    [
        # review 265: who warns of an event takes no part in it; its own phrase keeps its
        # parties
        (
            "Das Außenamt warnt zudem vor der Gefahr willkürlicher Festnahmen durch die Polizei.",
            [("Außenamt", "ORG")],
            "arrest",
            [],
        ),
        (
            "Kessler warnt vor dem Ende des Bündnisses bei einem Angriff auf die Insel.",
            [("Kessler", "PER")],
            "attack",
            [],
        ),
        (
            "Die Regierung von Ruritanien warnt vor dem Ende des Bündnisses bei einem Angriff "
            "Borduriens auf die Insel.",
            [("Ruritanien", "LOC"), ("Borduriens", "LOC")],
            "attack",
            ["Borduriens"],
        ),
        # not a verb's own subject
        (
            "Bordurien hat Lemberg angegriffen und vor weiteren Angriffen gewarnt.",
            [("Bordurien", "LOC"), ("Lemberg", "LOC")],
            "attack",
            ["Bordurien", "Lemberg"],
        ),
    ],
)
def test_who_warns_of_an_event_is_no_party(
    text: str, mentions: list[tuple[str, str]], kind: str, parties: list[str]
) -> None:
    [event] = [e for e in extract(make_article(text, mentions)) if e.type == kind]
    assert event.actor_names == parties, text
