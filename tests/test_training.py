"""The Python API of `chronik train ner` (chronik.training.train_ner_model) checks what it
is given before it reads anything: the command line only calls it (review 62)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chronik import Options
from chronik.errors import ChronikError, Code
from chronik.training import train_ner_model

# Each call below would train, or fail on the empty folder (E130), or on a missing
# input or PyTorch, if it got past the check that refuses it.
REFUSED: list[tuple[dict[str, Any], Code, str]] = [
    ({"teacher": "bundled"}, Code.E280, "--teacher and --exclude go with --distill"),
    ({"exclude": [Path("labels.jsonl")]}, Code.E280, "--teacher and --exclude go with --distill"),
    (
        {"backend": "e5", "distill": ["news.txt"]},
        Code.E280,
        "--distill trains the bundled model, not the e5 adapter",
    ),
    ({"backend": "nope"}, Code.E110, "unknown NER model to train 'nope'"),
    ({"settings": {"epoch": 2}}, Code.E110, "unknown setting of TrainSettings 'epoch'"),
    ({"backend": "e5", "settings": {"width": 2}}, Code.E110, "setting of E5Settings 'width'"),
    ({"settings": {"epochs": 0}}, Code.E113, "epochs = 0 is not a whole number from 1"),
    ({"settings": {"seed": "1"}}, Code.E113, "seed = '1' is not a whole number"),
    ({"settings": {"lexicon": 1}}, Code.E113, "lexicon = 1 is not True or False"),
    ({"settings": {"subwords": True}}, Code.E113, "subwords = True is not a whole number"),
]


@pytest.mark.parametrize(("given", "code", "said"), REFUSED)
def test_options_that_cannot_work_are_refused_before_anything_is_read(
    tmp_path: Path, given: dict[str, Any], code: Code, said: str
) -> None:
    with pytest.raises(ChronikError) as refused:
        train_ner_model(tmp_path, Options(), output=tmp_path / "model", **given)
    assert refused.value.code is code and said in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_a_usage_error_of_the_api_points_to_the_command_it_mirrors(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as refused:
        train_ner_model(tmp_path, Options(), exclude=[tmp_path / "labels.jsonl"])
    # The command line names the command itself (where); the API leaves it to the hint.
    assert refused.value.where is None
    assert str(refused.value) == (
        "[E280] --teacher and --exclude go with --distill; see 'chronik train ner --help'"
    )


def test_a_setting_of_a_number_takes_a_whole_number() -> None:
    from chronik.training import checked_settings
    from chronik.training.settings import SHIPPED_ADAPTER, SHIPPED_MODEL

    assert checked_settings(SHIPPED_ADAPTER, {"learn_rate": 1, "epochs": 2}).learn_rate == 1
    assert checked_settings(SHIPPED_MODEL, None) == SHIPPED_MODEL
