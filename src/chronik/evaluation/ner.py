"""Named-entity evaluation on token-per-line gold files (GermEval 2014, Universal NER).

A gold file has one token a line: column 2 the token and column 3 its BIO tag (GermEval's
TSV, Universal NER's IOB2), or just ``token<TAB>tag``. ``#`` lines are comments and a blank
line ends a sentence. Each sentence is joined with single spaces and given to the backend
as text, so the score covers the whole path a real article takes (tokenizer included).
Spans must match exactly, on characters and type.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronik.analysis.ner import bio_spans
from chronik.errors import ChronikError, Code
from chronik.evaluation import prf, read_text, require

if TYPE_CHECKING:
    from chronik.analysis.ner import NerBackend

# The micro-average covers the three types every German NER corpus annotates alike.
SCORED_TYPES = ("PER", "LOC", "ORG")
REPORTED_TYPES = (*SCORED_TYPES, "MISC", "derived")
_TYPE_NAMES = {"OTH": "MISC", "PERSON": "PER", "GPE": "LOC"}
_DERIVED = re.compile(r"(deriv|part)$")
_TAG = re.compile(r"^(?:O|[BIES]-\S+)$")

# The fixed held-out part of GermEval's dev.tsv: its last HELDOUT_SENTENCES sentences.
HELDOUT_SENTENCES = 1000


@dataclass(frozen=True, slots=True)
class GoldSentence:
    tokens: list[str]
    tags: list[str]


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A gold mention over tokens ``start`` to ``end`` (exclusive), type normalised."""

    start: int
    end: int
    type: str
    derived: bool


def read_bio(path: Path) -> list[GoldSentence]:
    """Every sentence of a token-per-line BIO file."""
    sentences: list[GoldSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        row = _row(line, path, number)
        if row is None:
            if tokens:
                sentences.append(GoldSentence(tokens, tags))
            tokens, tags = [], []
        elif row:
            tokens.append(row[0])
            tags.append(row[1])
    if tokens:
        sentences.append(GoldSentence(tokens, tags))
    require(bool(sentences), path, "no tagged sentences")
    named = any(tag != "O" for sentence in sentences for tag in sentence.tags)
    require(named, path, "no names to find (every tag is O)")
    return sentences


def _row(line: str, path: Path, number: int) -> tuple[str, str] | tuple[()] | None:
    """(token, tag); () for a comment; None for a sentence break."""
    if not line.strip():
        return None
    fields = line.split("\t")
    if len(fields) == 2 and _TAG.match(fields[1]):
        return fields[0], fields[1]
    if line.startswith("#"):
        return ()
    if len(fields) >= 3 and _TAG.match(fields[2]):
        return fields[1], fields[2]
    raise ChronikError(
        Code.E031, where=str(path), line=number, detail="expected a token and a BIO tag"
    )


def normalise_type(label: str) -> tuple[str, bool]:
    """GermEval's ``LOCderiv`` -> (``LOC``, derived); ``OTH`` -> ``MISC``."""
    derived = bool(_DERIVED.search(label))
    base = _DERIVED.sub("", label)
    return _TYPE_NAMES.get(base, base), derived


def gold_spans(tags: list[str]) -> list[GoldSpan]:
    """Spans from BIO (IOB2; an ``I-`` after another type starts a span, as in IOB1)."""
    return [GoldSpan(start, end, *normalise_type(label)) for start, end, label in bio_spans(tags)]


def heldout_split(dev: list[GoldSentence]) -> tuple[list[GoldSentence], list[GoldSentence]]:
    """(training part, held-out part) of GermEval's dev sentences, always the same."""
    return dev[:-HELDOUT_SENTENCES], dev[-HELDOUT_SENTENCES:]


def evaluate_ner(path: Path, backend: str = "bundled") -> dict[str, Any]:
    """Scores of ``backend`` on the gold file at ``path``."""
    _check(backend)
    return score_sentences(read_bio(path), backend) | {"data": str(path)}


def evaluate_heldout(dev: Path, backend: str = "bundled") -> dict[str, Any]:
    """Scores on the held-out part of GermEval's ``dev.tsv`` (never used in training)."""
    _check(backend)
    _, heldout = heldout_split(read_bio(dev))
    return score_sentences(heldout, backend) | {
        "data": f"{dev} (last {HELDOUT_SENTENCES} sentences)"
    }


def _check(backend: str) -> None:
    """A mistyped backend is said before the gold file is read (E110, not its format)."""
    from chronik.analysis.ner import check_backend

    check_backend(backend)


def score_sentences(sentences: list[GoldSentence], backend: str | NerBackend) -> dict[str, Any]:
    """Scores of a backend (or the backend of that name) on gold sentences."""
    from chronik.analysis.ner import get_backend

    runner = get_backend(backend) if isinstance(backend, str) else backend
    texts = [" ".join(s.tokens) for s in sentences]
    predicted = runner.recognize_many(texts)
    counts: Counter[tuple[str, str]] = Counter()
    for sentence, mentions in zip(sentences, predicted, strict=True):
        gold = set(_char_spans(sentence))
        guessed = {(m.start, m.end, _key(m.type, m.derived)) for m in mentions}
        _count(counts, gold, guessed)
    return _report(counts, runner.name, len(sentences), sum(len(s.tokens) for s in sentences))


def _char_spans(sentence: GoldSentence) -> Iterator[tuple[int, int, str]]:
    starts, position = [], 0
    for token in sentence.tokens:
        starts.append(position)
        position += len(token) + 1
    for span in gold_spans(sentence.tags):
        end = starts[span.end - 1] + len(sentence.tokens[span.end - 1])
        yield starts[span.start], end, _key(span.type, span.derived)


def _key(type_: str, derived: bool) -> str:
    return f"derived:{type_}" if derived else type_


def _count(
    counts: Counter[tuple[str, str]],
    gold: set[tuple[int, int, str]],
    guessed: set[tuple[int, int, str]],
) -> None:
    for outcome, spans in (("tp", gold & guessed), ("fn", gold - guessed), ("fp", guessed - gold)):
        for span in spans:
            counts[_bucket(span[2]), outcome] += 1


def _bucket(key: str) -> str:
    return "derived" if key.startswith("derived:") else key


def _report(
    counts: Counter[tuple[str, str]], backend: str, sentences: int, tokens: int
) -> dict[str, Any]:
    def scores(types: Iterable[str]) -> dict[str, Any]:
        tp, fp, fn = (sum(counts[t, o] for t in types) for o in ("tp", "fp", "fn"))
        return prf(tp, fp, fn) | {"gold": tp + fn, "predicted": tp + fp}

    return {
        "backend": backend,
        "sentences": sentences,
        "tokens": tokens,
        **scores(SCORED_TYPES),
        "per_type": {t: scores([t]) for t in REPORTED_TYPES},
    }
