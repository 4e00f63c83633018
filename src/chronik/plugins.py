"""Plugins installed as packages: each entry point of the group ``chronik.plugins`` names a
module that registers components, NER backends, embedders, event extractors or store
schemes when it is imported. Loaded once per process, before analysis checks its names, so
that the CLI, ``chronik serve`` and ``reanalyze`` know what a Python caller registers itself.
"""

from __future__ import annotations

import importlib
import inspect
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import Any, NamedTuple

from chronik.errors import ChronikError, Code, exception_line
from chronik.options import Options

GROUP = "chronik.plugins"


@cache  # once per process; one that failed is tried again on the next call
def load_plugins() -> tuple[str, ...]:
    """Import every installed plugin and return their names; E221 for one that cannot be
    imported, naming it, rather than an unknown component or backend later."""
    names = []
    for entry in entry_points(group=GROUP):
        try:
            entry.load()
        except Exception as exc:
            detail = exception_line(exc)
            raise ChronikError(
                Code.E221, name=entry.name, target=entry.value, detail=detail
            ) from exc
        names.append(entry.name)
    return tuple(names)


# --- what this process registered, registered again in another -----------------------------


@dataclass(frozen=True)
class Registration:
    """A name a plugin registered in this process, as a worker process registers it again:
    it imports ``module`` (a plugin registers at its top level, as it is imported), then adds
    ``factory``, pickled by reference, for one registered in a function (``main()``)."""

    kind: str
    name: str
    module: str
    factory: bytes  # b"" where pickle cannot carry it (a lambda): the import must register it


@dataclass(frozen=True)
class Needed:
    """A plugin's name that the options use in analysis, and the module that registered it."""

    kind: str
    name: str
    module: str


class _Kind(NamedTuple):
    entries: Callable[[], Mapping[str, Any]]
    add: Callable[[str, Any], object]


def _kinds() -> dict[str, _Kind]:
    # Imported here: each registry's module imports much that plugins.py itself needs not.
    from chronik import store
    from chronik.analysis import events, ner, pipeline
    from chronik.stories import embedding

    return {
        "analysis component": _Kind(pipeline.registered, lambda n, f: pipeline.component(n)(f)),
        "NER backend": _Kind(ner.BACKENDS.entries, ner.BACKENDS.add),
        "embedding backend": _Kind(embedding.BACKENDS.entries, embedding.BACKENDS.add),
        "event extractor": _Kind(
            lambda: {n: inspect.unwrap(f) for n, f in events.EXTRACTORS.entries().items()},
            events.register_extractor,
        ),
        "store backend": _Kind(lambda: dict(store._BACKENDS), lambda n, f: store.backend(n)(f)),
    }


def _module(factory: Any) -> str:
    module = getattr(factory, "__module__", None) or type(factory).__module__
    # A worker runs the main script as __mp_main__: the same module as the caller's __main__.
    return "__main__" if module == "__mp_main__" else str(module)


def _plugin(factory: Any) -> bool:
    return not _module(factory).startswith("chronik.")


def _pickled(factory: Any) -> bytes:
    try:
        return pickle.dumps(factory)
    except Exception:  # a lambda, a closure, a local class: only importing can register it
        return b""


def registrations() -> tuple[Registration, ...]:
    """Every name a plugin registered in this process, of every kind."""
    return tuple(
        Registration(kind, name, _module(factory), _pickled(factory))
        for kind, registry in _kinds().items()
        for name, factory in registry.entries().items()
        if _plugin(factory)
    )


_REGISTERED_AGAIN: set[tuple[Registration, ...]] = set()
# Why a registration could not be repeated here, by its kind and module: the workers'
# check names it.
_FAILED: dict[tuple[str, str], str] = {}


def register_again(shipped: tuple[Registration, ...]) -> None:
    """Register here what another process registered (once per process for each set): the
    installed plugins, the modules that registered names, then each factory that pickled."""
    if not shipped or shipped in _REGISTERED_AGAIN:
        return
    load_plugins()
    for item in shipped:
        try:
            _register(item, _kinds()[item.kind])
        except Exception as exc:
            _FAILED[(item.kind, item.module)] = exception_line(exc)
    _REGISTERED_AGAIN.add(shipped)


def _register(item: Registration, kind: _Kind) -> None:
    if item.module != "__main__":  # a worker has run the main script already, if there is one
        importlib.import_module(item.module)
    if item.factory:
        factory = pickle.loads(item.factory)
        if kind.entries().get(item.name) is not factory:
            kind.add(item.name, factory)


def needed(options: Options) -> tuple[Needed, ...]:
    """The plugins' names that analysis under ``options`` uses (the components, the NER
    backend and the event extractor it names), each with the module that registered it."""
    from chronik.analysis import pipeline

    chosen = [("analysis component", n) for n in options.pipeline if n in pipeline.registered()]
    if "ner" in options.pipeline:
        chosen.append(("NER backend", options.ner_backend))
    if "events" in options.pipeline:
        chosen.append(("event extractor", options.event_extractor))
    found = [(kind, name, _registered(kind, name)) for kind, name in chosen]
    return tuple(Needed(kind, name, _module(f)) for kind, name, f in found if _plugin(f))


def missing(wanted: tuple[Needed, ...]) -> list[tuple[str, str]]:
    """Those of ``wanted`` that this process does not have from the same module, each
    named, with why."""
    lacking = []
    for item in wanted:
        try:
            found = _module(_registered(item.kind, item.name))
        except (KeyError, ChronikError):
            found = ""
        if found != item.module:
            why = f"there it is {found}'s" if found else "unknown there"
            why = _FAILED.get((item.kind, item.module), why)
            lacking.append((f"{item.kind} {item.name!r} of {item.module}", why))
    return lacking


def _registered(kind: str, name: str) -> Any:
    """The factory this process has under ``name`` for one of the kinds analysis uses (an
    event extractor's as it was given); KeyError or E110 where there is none."""
    from chronik.analysis import events, ner, pipeline

    if kind == "analysis component":
        return pipeline.registered()[name]
    if kind == "NER backend":
        return ner.BACKENDS.factory(name)
    return inspect.unwrap(events.EXTRACTORS.factory(name))
