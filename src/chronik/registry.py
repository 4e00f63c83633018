"""Backends by name: one registry for each kind (NER backends, embedders, event
extractors), so that a setting chooses one, a plugin adds one, and an unknown name is E110
with the choices. (Stores are chosen by their target's scheme: ``chronik.store``.)

A name is either exact ("bundled") or a prefix with an argument ("spacy:PIPELINE"):
registered as ``PREFIX:PLACEHOLDER``, it matches every name that starts with ``PREFIX:``
and has something after it. A factory gets the whole name.

A backend may come with a check: what can be said of it without loading it (a spaCy
pipeline that is not installed), so that a wrong setting stops a command before it opens
a store. Without one, only its factory knows what it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from chronik.errors import ChronikError, Code

T = TypeVar("T")
Factory = Callable[[str], T]
Check = Callable[[str], None]


class Registry(Generic[T]):
    def __init__(self, kind: str) -> None:
        self.kind = kind  # as the error names it: "NER backend"
        self._exact: dict[str, Factory[T]] = {}
        self._prefixed: dict[str, tuple[str, Factory[T]]] = {}
        self._checks: dict[str, Check] = {}  # by the exact name, or the prefix with its colon

    def add(self, name: str, factory: Factory[T], check: Check | None = None) -> None:
        prefix, colon, placeholder = name.partition(":")
        if colon:
            self._prefixed[prefix] = (placeholder, factory)
        else:
            self._exact[name] = factory
        key = prefix + colon
        # Added again without one, the name has none: the old check was the old factory's.
        self._checks.pop(key, None)
        if check is not None:
            self._checks[key] = check

    def names(self) -> list[str]:
        """The names to choose from, in the order they were added (exact ones first)."""
        return list(self.entries())

    def entries(self) -> dict[str, Factory[T]]:
        """Each factory by the name it was added under (``PREFIX:PLACEHOLDER`` for a prefix)."""
        prefixed = {f"{p}:{placeholder}": f for p, (placeholder, f) in self._prefixed.items()}
        return {**self._exact, **prefixed}

    def check(self, name: str) -> None:
        """E110 for a name that no factory answers."""
        self.factory(name)

    def load_check(self, name: str) -> Check | None:
        """The check the name's backend was added with, that tells without loading it
        whether it can load (E110 for an unknown name)."""
        self.factory(name)
        prefix, colon, _ = name.partition(":")
        return self._checks.get(name if name in self._exact else prefix + colon)

    def factory(self, name: str) -> Factory[T]:
        if name in self._exact:
            return self._exact[name]
        prefix, colon, argument = name.partition(":")
        if colon and argument and prefix in self._prefixed:
            return self._prefixed[prefix][1]
        raise ChronikError(Code.E110, kind=self.kind, name=name, choices=", ".join(self.names()))

    def create(self, name: str) -> T:
        return self.factory(name)(name)
