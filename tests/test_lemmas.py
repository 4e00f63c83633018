"""The lemmas every step reads: simplemma's, from a trie kept in the user's cache."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import simplemma

from chronik.analysis import lemmas

SRC = Path(__file__).resolve().parents[1] / "src" / "chronik"
WORDS = (
    "Verhandlungen Landesbetriebs Bürgermeisterin gingen beschlossen Häuser russische "
    "Wladiwostok Kremlchef Gipfeltreffen angekündigt Waffenruhe xyzqv Straße Strasse"
).split()


@pytest.mark.parametrize("word", WORDS)
def test_the_same_lemmas_and_known_words_as_simplemma(word: str) -> None:
    assert lemmas.lemmatize(word) == simplemma.lemmatize(word, lang="de")
    assert lemmas.is_known(word) == simplemma.is_known(word, lang="de")
    assert lemmas.lemmatize(word, ("en", "de")) == simplemma.lemmatize(word, lang=("en", "de"))


def test_an_empty_word_and_an_unknown_language_are_errors_as_in_simplemma() -> None:
    with pytest.raises(ValueError):
        lemmas.is_known("")
    with pytest.raises(ValueError):
        lemmas.lemmatize("Haus", ("xx", "de"))


def _lemmatize_in_a_process(cache_home: Path) -> dict[str, object]:
    """Lemmatize in a fresh process whose cache directory is ``cache_home``."""
    script = (
        "import json; from chronik.analysis import lemmas; "
        "print(json.dumps({'lemma': lemmas.lemmatize('Verhandlungen'), "
        "'known': lemmas.is_known('Häuser'), 'dir': str(lemmas.cache_dir())}))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_trie_is_built_once_renamed_into_place_and_read_after(tmp_path: Path) -> None:
    first = _lemmatize_in_a_process(tmp_path)
    directory = Path(str(first["dir"]))
    assert directory.is_relative_to(tmp_path / "chronik")
    trie = directory / "de.dic"
    assert trie.stat().st_size > 1_000_000
    assert [p.name for p in directory.iterdir()] == ["de.dic"]  # no build folder left
    built = trie.stat().st_mtime_ns
    second = _lemmatize_in_a_process(tmp_path)
    assert second == first == {**first, "lemma": "Verhandlung", "known": True}
    assert trie.stat().st_mtime_ns == built


def test_a_cache_that_cannot_be_written_lemmatizes_from_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")  # the cache's parent is a file: mkdir fails
    result = _lemmatize_in_a_process(blocked)
    assert (result["lemma"], result["known"]) == ("Verhandlung", True)
    assert blocked.read_text() == "not a folder"


def test_no_step_lemmatizes_past_this_module() -> None:
    """One dictionary serves every step: a call of simplemma's own functions would decode
    its dict again (2 s and 100 MB a process)."""
    direct = re.compile(r"simplemma\.(lemmatize|is_known|text_lemmatizer|lemma_iterator)\(")
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.name != "lemmas.py" and direct.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
