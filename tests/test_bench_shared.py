"""Where the tests and benchmarks find the shared data (chronik.evaluation.shared_dir);
none of these tests needs the shared data itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import chronik.evaluation as evaluation
from chronik.evaluation import shared_dir, shared_file


@pytest.fixture
def beside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``shared`` beside the repository that does not exist yet, and no CHRONIK_SHARED."""
    path = tmp_path / "shared"
    monkeypatch.setattr(evaluation, "SHARED_BESIDE", path)
    monkeypatch.delenv("CHRONIK_SHARED", raising=False)
    return path


def test_chronik_shared_comes_first(
    beside: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    beside.mkdir()
    named = tmp_path / "elsewhere"
    named.mkdir()
    monkeypatch.setenv("CHRONIK_SHARED", str(named))
    assert shared_dir() == named


def test_a_missing_chronik_shared_is_named_not_passed_over(
    beside: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    beside.mkdir()
    (beside / "seeds").mkdir()
    missing = tmp_path / "missing"
    monkeypatch.setenv("CHRONIK_SHARED", str(missing))
    assert shared_dir() == missing
    with pytest.raises(FileNotFoundError) as raised:
        shared_file("seeds")
    assert str(raised.value) == f"{missing / 'seeds'} not found (CHRONIK_SHARED)"


def test_without_chronik_shared_the_folder_beside_the_repository(beside: Path) -> None:
    beside.mkdir()
    (beside / "data").mkdir()
    assert shared_dir() == beside
    assert shared_file("data") == beside / "data"


def test_an_empty_chronik_shared_is_unset(beside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    beside.mkdir()
    monkeypatch.setenv("CHRONIK_SHARED", "")
    assert shared_dir() == beside


def test_neither_is_none(beside: Path) -> None:
    assert shared_dir() is None
    with pytest.raises(FileNotFoundError) as raised:
        shared_file("data/news-stream-de/items.jsonl")
    assert str(raised.value) == f"CHRONIK_SHARED is not set and {beside} is no folder"


def test_a_folder_given_outranks_both(
    beside: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHRONIK_SHARED", str(tmp_path / "missing"))
    given = tmp_path / "given"
    (given / "data").mkdir(parents=True)
    assert shared_file("data", given) == given / "data"
    with pytest.raises(FileNotFoundError) as raised:
        shared_file("seeds", given)
    assert str(raised.value) == f"{given / 'seeds'} not found"


def test_the_default_is_shared_beside_the_repository() -> None:
    repository = Path(__file__).resolve().parent.parent
    assert (repository / "pyproject.toml").is_file()
    assert repository.parent / "shared" == evaluation.SHARED_BESIDE


@pytest.mark.parametrize("script", ["ingest_stream.py", "stories_scale.py"])
def test_a_benchmark_without_its_data_says_where_it_looked(script: str, tmp_path: Path) -> None:
    bench = Path(__file__).resolve().parent.parent / "bench" / script
    missing = tmp_path / "missing"
    done = subprocess.run(
        [sys.executable, str(bench), "--shared", str(missing)], capture_output=True, text=True
    )
    assert done.returncode == 2
    items = missing / "data" / "news-stream-de" / "items.jsonl"
    assert done.stderr == (
        f"bench: shared data missing: {items} not found; "
        "give its folder with CHRONIK_SHARED=DIR or --shared DIR\n"
    )
    assert done.stdout == ""
