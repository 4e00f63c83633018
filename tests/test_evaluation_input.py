"""Evaluation commands on bad or unfitting data: one line with a code, never a traceback or a
score for data that could not be scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronik.analysis.structure import article_id
from chronik.cli import cli
from chronik.evaluation.extraction import evaluate_extraction
from chronik.evaluation.similarity import evaluate_similarity, pearson
from chronik.options import Options
from files import write_jsonl

ITEMS = [
    {
        "id": "i1",
        "url": "https://kiel.example/1",
        "title": "Fähre verspätet",
        "text": "Die Fähre nach Oslo hatte in Kiel drei Stunden Verspätung.",
        "published": "2025-06-02T08:00:00Z",
    },
    {
        "id": "i2",
        "url": "https://kiel.example/2",
        "title": "Fähre fährt wieder",
        "text": "Die Fähre nach Oslo fährt nach der Verspätung in Kiel wieder.",
        "published": "2025-06-03T08:00:00Z",
    },
]


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    return write_jsonl(path, rows, ensure_ascii=False)


def _error(*args: str) -> str:
    result = CliRunner().invoke(cli, ["eval", *args])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    [line] = result.stderr.splitlines()
    return line


def test_story_labels_may_name_the_items_own_ids(tmp_path: Path) -> None:
    items = _jsonl(tmp_path / "items.jsonl", ITEMS)
    labels = _jsonl(
        tmp_path / "labels.jsonl", [{"id": "i1", "story": "f"}, {"id": "i2", "story": "f"}]
    )
    result = CliRunner().invoke(cli, ["eval", "stories", str(items), str(labels)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["labelled"] == 2


def test_labels_that_name_no_article_score_nothing(tmp_path: Path) -> None:
    items = _jsonl(tmp_path / "items.jsonl", ITEMS)
    labels = _jsonl(tmp_path / "labels.jsonl", [{"id": "x9", "story": "f"}])
    assert "[E131]" in _error("stories", str(items), str(labels))
    (tmp_path / "empty.jsonl").write_text("")
    assert "[E131]" in _error("stories", str(items), str(tmp_path / "empty.jsonl"))


def test_related_judgements_naming_no_article_or_without_fields_score_nothing(
    tmp_path: Path,
) -> None:
    items = _jsonl(tmp_path / "items.jsonl", ITEMS)
    nobody = [{"article": "x9", "neighbour": "x8", "related": True}]
    judged = _jsonl(tmp_path / "judged.jsonl", nobody)  # type: ignore[list-item]
    assert "[E131]" in _error("related", str(items), str(judged))
    partial = _jsonl(tmp_path / "partial.jsonl", [{"article": "x9", "related": "ja"}])
    line = _error("related", str(items), str(partial))
    assert "[E031]" in line and "partial.jsonl: line 1" in line and "'neighbour'" in line


def test_related_reading_is_scored_on_the_judged_proposals_only() -> None:
    from chronik.evaluation.related import _scores

    judged = {("a", "b"): True, ("a", "c"): False, ("a", "d"): True, ("e", "f"): True}
    proposed = [("a", "b"), ("a", "c"), ("a", "x")]  # x was never judged
    scores = _scores(judged, proposed, ["a", "e"])
    assert scores["precision"] == 0.5 and scores["recall"] == 1 / 3
    assert (scores["judged"], scores["unjudged"], scores["articles_without"]) == (2, 1, 1)


def test_change_judgements_naming_no_article_or_without_fields_score_nothing(
    tmp_path: Path,
) -> None:
    items = _jsonl(tmp_path / "items.jsonl", ITEMS)
    nobody = {"article_id": "x9", "event_type": "meet", "kind": "confirmed", "right": True}
    judged = _jsonl(tmp_path / "judged.jsonl", [nobody | {"actors": [], "after": []}])  # type: ignore[list-item]
    assert "[E131]" in _error("changes", str(items), str(judged))
    partial = _jsonl(tmp_path / "partial.jsonl", [nobody])  # type: ignore[list-item]
    line = _error("changes", str(items), str(partial))
    assert "[E031]" in line and "partial.jsonl: line 1" in line and "'actors'" in line


def test_changes_are_scored_on_the_judged_ones_only() -> None:
    from chronik.evaluation.changes import _scores

    right = ("a1", "meet", "confirmed", ("Lena Tarvo",), ("happened",))
    wrong = ("a2", "attack", "denied", ("Tarvonia",), ("denied",))
    lost = ("a3", "meet", "location", ("Lena Tarvo",), ("Kiel",))
    unjudged = ("a4", "meet", "time", (), ("2025-06-04",))
    judged = {right: True, wrong: False, lost: True}
    scores = _scores(judged, [right, wrong, unjudged])
    assert (scores["changes"], scores["judged"], scores["unjudged"]) == (3, 2, 1)
    assert scores["precision"] == 0.5 and (scores["kept"], scores["judged_right"]) == (1, 2)
    assert scores["by_kind"] == {
        "confirmed": {"judged": 1, "right": 1},
        "denied": {"judged": 1, "right": 0},
    }


def test_a_change_is_judged_whatever_the_order_of_its_actors() -> None:
    """A story names the sides in the order its reports first named them; a regrouping
    that turns the order round leaves the judged change the same."""
    from chronik.evaluation.changes import key_of

    change = {"article_id": "a1", "event_type": "attack", "kind": "denied", "after": ["denied"]}
    one = key_of(change | {"actors": ["Tarvonia", "Brennland"]})
    assert one == key_of(change | {"actors": ["Brennland", "Tarvonia"]})
    assert one != key_of(change | {"actors": ["Tarvonia"]})


def test_a_meeting_that_took_place_as_planned_is_a_judged_change(tmp_path: Path) -> None:
    said = {
        "planned": "wird am Mittwoch in Kiel den Bürgermeister Olaf Brenner treffen",
        "happened": "hat am Mittwoch in Kiel den Bürgermeister Olaf Brenner getroffen",
    }
    items = [
        {
            "url": f"https://kiel.example/{when}",
            "title": "Tarvo und Brenner",
            "text": f"Die Ministerin Lena Tarvo {words}. Beide wollen über die Werft sprechen.",
            "published": published,
        }
        for (when, words), published in zip(
            said.items(), ["2025-06-02T08:00:00Z", "2025-06-04T16:00:00Z"], strict=True
        )
    ]
    judgement = {
        "article_id": article_id("https://kiel.example/happened", ""),
        "event_type": "meet",
        "kind": "confirmed",
        "actors": ["Lena Tarvo", "Olaf Brenner"],
        "after": ["happened"],
    }
    paths = [str(_jsonl(tmp_path / "items.jsonl", items))]
    for right in (True, False):
        judged = tmp_path / f"judged-{right}.jsonl"
        paths.append(str(_jsonl(judged, [judgement | {"right": right}])))  # type: ignore[list-item]
    for judged, precision in zip(paths[1:], (1.0, 0.0), strict=True):
        result = CliRunner().invoke(cli, ["eval", "changes", paths[0], judged])
        assert result.exit_code == 0, result.output
        scores = json.loads(result.stdout)
        assert (scores["changes"], scores["judged"], scores["precision"]) == (1, 1, precision)


@pytest.mark.parametrize("command", ["stories", "attribution", "events"])
def test_a_broken_json_line_is_named(tmp_path: Path, command: str) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('\n{"id": "b", "story\n', encoding="utf-8")
    args = [str(broken), str(broken)] if command == "stories" else [str(broken)]
    line = _error(command, *args)
    assert "[E030]" in line and "broken.jsonl: line 2" in line


@pytest.mark.parametrize("command", ["ner", "subjectivity", "attribution", "similarity"])
def test_text_that_is_no_utf8_is_one_error(tmp_path: Path, command: str) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Köln\tB-LOC\n".encode("latin-1"))
    line = _error(command, str(latin))
    assert "[E004]" in line and "latin.txt" in line


def test_pairs_without_the_columns_score_nothing(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("a,b\n1,2\n", encoding="utf-8")
    assert "[E131]" in _error("similarity", str(pairs))


def test_pairs_that_cannot_be_correlated_score_nothing(tmp_path: Path) -> None:
    """One pair, or gold that does not vary, has no Pearson correlation; 0.0 had been printed."""
    pairs = tmp_path / "pairs.csv"
    header = "lang1,lang2,Overall,text1,text2\n"
    for rows in ("de,de,2.0,A,B\n", "de,de,2.0,A,B\nde,de,2.0,C,D\n"):
        pairs.write_text(header + rows, encoding="utf-8")
        assert "[E131]" in _error("similarity", str(pairs))


def test_a_language_pair_that_cannot_be_correlated_is_null(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    rows = [
        "de,de,1.0,Brücke in Kiel gesperrt,Die Brücke in Kiel bleibt gesperrt",
        "de,de,4.0,Brücke in Kiel gesperrt,Bundesliga: Bremen gewinnt in Mainz",
        "de,en,1.0,Brücke in Kiel gesperrt,Bridge in Kiel closed",
    ]
    pairs.write_text("lang1,lang2,Overall,text1,text2\n" + "\n".join(rows), encoding="utf-8")
    result = evaluate_similarity(pairs, Options(embedding_backend="none"))
    assert result["per_pair"] == {"de-de": 1.0, "de-en": None}
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0  # similarities that tell nothing
    assert pearson([0.1, 0.5, 0.2], [5 - 1.3333333333333333] * 3) is None  # had been 5e-17


def test_a_mistyped_backend_is_said_before_the_gold_file_is_read(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text("1\tDer\tO\tO\n\n", encoding="utf-8")  # nothing to score either
    assert "[E110] unknown NER backend 'foo'" in _error("ner", str(gold), "--backend", "foo")


def test_a_pair_whose_gold_score_is_no_number_is_named(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("lang1,lang2,Overall,text1,text2\nde,de,2.0,A,B\nde,de,viel,C,D\n")
    assert _error("similarity", str(pairs)).endswith(
        "[E031] " + str(pairs) + ": line 3: 'Overall' must be a number from 1 to 4, not 'viel'"
    )


@pytest.mark.parametrize(
    ("index", "code"),
    [("{kaputt", "[E030]"), ('{"a": 1}', "[E131]"), ("[1, 2]", "[E131]"), ("{}", "[E131]")],
)
def test_an_extraction_index_that_does_not_fit_is_one_error(
    tmp_path: Path, index: str, code: str
) -> None:
    (tmp_path / "evaldata.json").write_text(index, encoding="utf-8")
    assert code in _error("extraction", str(tmp_path))


@pytest.mark.parametrize(
    ("command", "content"),
    [
        ("ner", "Der\tO\nHund\tO\n\n"),
        ("entities", "1\tDer\tO\tO\n2\tHund\tO\tO\n\n"),
        ("subjectivity", "sentence_id\tsentence\tlabel\n1\tDas ist schön.\tSUBJ\n"),
    ],
)
def test_gold_without_anything_to_find_scores_nothing(
    tmp_path: Path, command: str, content: str
) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(content, encoding="utf-8")
    assert "[E131]" in _error(command, str(gold))


def test_extraction_says_how_many_pages_it_has_read(tmp_path: Path) -> None:
    """`chronik eval extraction` read html-de's 471 pages for two minutes without a word
    (review 164): it reports each page done, for the command's progress bar."""
    pages = tmp_path / "pages"
    pages.mkdir()
    body = "<p>Der Stadtrat von Husum hat am Montag den neuen Deich beschlossen.</p>"
    cases = {}
    for n in (1, 2, 3):
        (pages / f"{n}.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
        cases[str(n)] = {"file": f"{n}.html", "with": ["neuen Deich"], "without": []}
    cases["4"] = {"file": "fehlt.html", "with": ["x"], "without": []}  # counted, not read
    (tmp_path / "evaldata.json").write_text(json.dumps(cases), encoding="utf-8")
    seen: list[tuple[int, int]] = []
    result = evaluate_extraction(tmp_path, lambda done, total: seen.append((done, total)))
    assert result["pages"] == 3 and result["recall"] == 1.0
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    command = CliRunner().invoke(cli, ["eval", "extraction", str(tmp_path)])
    assert command.exit_code == 0 and json.loads(command.stdout)["pages"] == 3
