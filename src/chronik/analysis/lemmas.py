"""simplemma's lemmas and known words, read from a trie kept on disk.

simplemma decodes its German dictionary (1.1 million word forms) into a Python dict on
first use: about 2 s and 100 MB in every process that lemmatizes, which every ``chronik``
command and every analysis worker is. The same dictionary as a MARISA trie (simplemma's
own ``TrieDictionaryFactory``) loads in about 0.2 s and takes 7 MB, and gives the same
lemmas. The trie is built once per language and simplemma version (about 5 s) and kept in
the user's cache directory (``$XDG_CACHE_HOME/chronik``, by default ``~/.cache/chronik``);
where that cannot be written, the dict as before. Every step of Chronik lemmatizes here,
so that one dictionary serves them all.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import simplemma
from platformdirs import user_cache_dir
from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
from simplemma.strategies.dictionaries import (
    DEFAULT_DICTIONARY_FACTORY,
    DictionaryFactory,
    TrieDictionaryFactory,
)

__all__ = ["cache_dir", "is_known", "lemmatize"]

Languages = str | tuple[str, ...]


def cache_dir() -> Path:
    """Where the tries are kept: one folder per simplemma version, whose dictionaries
    may differ."""
    return Path(user_cache_dir("chronik")) / "lemmas" / f"simplemma-{simplemma.__version__}"


class _TrieFiles(DictionaryFactory):
    """simplemma's tries, each built into a folder of its own and then renamed into
    place: ``TrieDictionaryFactory`` writes straight to the file, and two processes that
    start at once (the analysis workers) could read one half written."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._tries = TrieDictionaryFactory(disk_cache_dir=str(directory))

    # simplemma asks for the dictionary at every lookup: the file is looked for once.
    @cache  # noqa: B019 (one instance a process, kept for its life)
    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if not (self._directory / f"{lang}.dic").exists():
            try:
                self._build(lang)
            except OSError:
                return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        return self._tries.get_dictionary(lang)

    def _build(self, lang: str) -> None:
        self._directory.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=".building-", dir=self._directory))
        try:
            TrieDictionaryFactory(disk_cache_dir=str(building)).get_dictionary(lang)
            os.replace(building / f"{lang}.dic", self._directory / f"{lang}.dic")
        finally:
            shutil.rmtree(building, ignore_errors=True)


@cache
def _factory() -> DictionaryFactory:
    return _TrieFiles(cache_dir())


@cache
def _lemmatizer() -> Lemmatizer:
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_factory()))


@cache
def _lookup() -> DictionaryLookupStrategy:
    return DictionaryLookupStrategy(_factory())


def lemmatize(word: str, lang: Languages = "de") -> str:
    """simplemma's lemma of ``word`` (``simplemma.lemmatize``): "Verhandlungen" ->
    "Verhandlung"; a word it does not know as it is."""
    return _lemmatizer().lemmatize(word, lang)


def is_known(word: str, lang: Languages = "de") -> bool:
    """Whether simplemma's dictionary of ``lang`` (or of any of them) holds ``word``
    (``simplemma.is_known``). An empty word is a ValueError, as there."""
    if not word:
        raise ValueError("Wrong input value: empty string")
    word = unicodedata.normalize("NFC", word)  # the dictionaries' form, as simplemma does
    languages = (lang,) if isinstance(lang, str) else lang
    lookup = _lookup()
    return any(lookup.get_lemma(word, code) is not None for code in languages)
