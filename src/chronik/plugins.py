"""Plugins installed as packages: each entry point of the group ``chronik.plugins`` names a
module that registers components, NER backends, embedders, event extractors or store
schemes when it is imported. Loaded once per process, before analysis checks its names, so
that the CLI, ``chronik serve`` and ``reanalyze`` know what a Python caller registers itself.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points

from chronik.errors import ChronikError, Code

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
            detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
            raise ChronikError(
                Code.E221, name=entry.name, target=entry.value, detail=detail
            ) from exc
        names.append(entry.name)
    return tuple(names)
