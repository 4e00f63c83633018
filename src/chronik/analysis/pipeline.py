"""Per-article analysis: named components run in order over an article.

Components are registered by name, as spaCy's are, so a plugin can add or replace one.
Analysis is pure: it reads and fills the article and never touches the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeAlias

from chronik.errors import ChronikError, Code, InputError
from chronik.ingest.document import Document
from chronik.model import Article
from chronik.options import Options

Component: TypeAlias = Callable[[Article, Options], None]
StepHook: TypeAlias = Callable[[str, Article], None]
# Chronik's own components and those of plugins, apart: the built-ins register as their
# modules are imported, lazily, possibly after a plugin has replaced one of them, and must
# not overwrite that replacement (sentences, subjectivity and stance had).
_BUILT_IN: dict[str, Component] = {}
_REGISTRY: dict[str, Component] = {}
# What each component reads that another fills, by the filler's name: named later in the
# pipeline or not at all, the reader had silently found nothing (review 247: sentences
# after subjectivity scored no sentence).
_NEEDS: dict[str, tuple[str, ...]] = {}
# What each component reads where the pipeline has it, and does without where it has not:
# named after the reader, it had run too late, and the reader silently did without it
# (review 262: "events,sentences,ner,entities,timex" gave events without parties or times).
_READS: dict[str, tuple[str, ...]] = {}
_STEP_HOOKS: list[StepHook] = []


def component(
    name: str, needs: tuple[str, ...] = (), reads: tuple[str, ...] = ()
) -> Callable[[Component], Component]:
    """Register ``func`` as the analysis component called ``name``; a plugin's replaces a
    built-in of that name, whenever either registers. ``needs``: the components whose
    output it cannot do without, which the pipeline must name before it; ``reads``: those
    whose output it uses where they run, which the pipeline may leave out but must not
    name after it."""

    def register(func: Component) -> Component:
        built_in = func.__module__.startswith("chronik.")
        if not built_in or name not in _REGISTRY:  # a plugin's replacement keeps its needs
            _NEEDS[name], _READS[name] = needs, reads
        (_BUILT_IN if built_in else _REGISTRY)[name] = func
        return func

    return register


def registered() -> dict[str, Component]:
    """Every component by name, in the order registered, a plugin's in place of a built-in."""
    _load_builtin_components()
    return {**_BUILT_IN, **_REGISTRY}


def check_pipeline(options: Options) -> dict[str, Component]:
    """The components ``options.pipeline`` names; E110 for one that no module registers,
    E223 for one named before (or without) a component it needs, or before one it reads."""
    components = registered()
    for at, name in enumerate(options.pipeline):
        if name not in components:
            raise ChronikError(
                Code.E110, kind="analysis component", name=name, choices=", ".join(components)
            )
        before, after = options.pipeline[:at], options.pipeline[at + 1 :]
        missing = [need for need in _NEEDS.get(name, ()) if need not in before]
        missing += [read for read in _READS.get(name, ()) if read in after]
        if missing:
            raise ChronikError(
                Code.E223, name=name, needs=missing[0], pipeline=",".join(options.pipeline)
            )
    return components


@contextmanager
def watching_steps(hook: StepHook) -> Iterator[None]:
    """Call ``hook(name, article)`` before each component that runs in this process: a
    text of several MB takes minutes, and progress told only between articles stands still
    that long."""
    _STEP_HOOKS.append(hook)
    try:
        yield
    finally:
        _STEP_HOOKS.remove(hook)


def run_pipeline(article: Article, options: Options) -> Article:
    """Run every component named in ``options.pipeline`` that is available; E011 for a
    text longer than ``options.max_chars``, before any of them."""
    components = check_pipeline(options)
    if len(article.text) > options.max_chars:
        where = article.url or article.id
        raise InputError(Code.E011, where, size=len(article.text), limit=options.max_chars)
    for name in options.pipeline:
        for hook in _STEP_HOOKS:
            hook(name, article)
        try:
            components[name](article, options)
        except ChronikError:
            raise
        except Exception as exc:
            # A component's bug on one odd article must not end a batch of thousands: the
            # article is reported in one line and skipped, as bad input is.
            detail = f"{type(exc).__name__}: {exc}"[:200]
            where = article.url or article.id
            raise InputError(Code.E190, where, component=name, detail=detail) from exc
    return article


def analyze(document: Document, options: Options) -> Article:
    """Structure, then every pipeline component: the whole per-article analysis."""
    # Imported here: components register through this module, and the story engine reads
    # helpers of theirs (entities' is_broad) without wanting the page extractor.
    from chronik.analysis.structure import build_article

    return run_pipeline(build_article(document), options)


def _load_builtin_components() -> None:
    # Importing a module registers its components; imported late so that a missing
    # optional model only matters when its component runs.
    from chronik.analysis import (
        attribution,  # noqa: F401
        components,  # noqa: F401
        entities,  # noqa: F401
        events,  # noqa: F401
        ner,  # noqa: F401
        subjectivity,  # noqa: F401
        timex,  # noqa: F401
    )
