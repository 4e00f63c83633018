"""Silver training sentences: unlabeled German text tagged by a stronger NER backend.

The bundled model learns from 6,300 gold sentences; the e5 backend knows more but runs at
an eighth of its speed. Tagging unlabeled news with e5 and training the bundled model on
those tags as well (distillation) carries part of e5's knowledge into the fast model.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace

from chronik.analysis.ner import NerBackend, get_backend
from chronik.analysis.pipeline import analyze
from chronik.errors import ChronikError, Code, InputError
from chronik.ingest.decode import decode_text
from chronik.ingest.document import Document
from chronik.ingest.sources import iter_documents
from chronik.options import Options
from chronik.training.ner import Annotated, training_label

# Shorter lines are headings and datelines, longer ones run-on text without full stops:
# neither looks like the sentences the model reads.
SHORTEST, LONGEST = 20, 600
BATCH = 512


@dataclass(frozen=True, slots=True)
class Silver:
    """Sentences tagged by ``teacher``, and where they came from."""

    teacher: str
    inputs: tuple[str, ...]
    sentences: tuple[Annotated, ...]
    skipped: int = 0  # inputs, records and articles that could not be read

    def describe(self) -> dict[str, object]:
        """What a training report records: enough to tell two silver sets apart."""
        digest = hashlib.sha1(json.dumps(self.sentences, ensure_ascii=False).encode())
        return {
            "teacher": self.teacher,
            "inputs": list(self.inputs),
            "sentences": len(self.sentences),
            "skipped": self.skipped,
            "sha1": digest.hexdigest(),
        }


def collect_sentences(
    targets: Sequence[str],
    options: Options,
    exclude: Collection[str] = (),
    progress: Callable[[int], None] = lambda read: None,
    skipped: Callable[[ChronikError], None] = lambda error: None,
) -> list[str]:
    """The distinct sentences of every readable article in ``targets`` (in input order),
    leaving out boilerplate and the articles that ``exclude`` names, by Chronik's id or by a
    JSONL item's own ``id`` (as story labels may). ``progress`` gets the number of
    articles read so far, ``skipped`` each input or article that could not be read (it
    carries nothing to learn from, but a mistyped path should be seen)."""
    seen: dict[str, None] = {}
    left_out = set(exclude)
    articles = _article_sentences(targets, replace(options, pipeline=("sentences",)), skipped)
    for read, (ids, sentences) in enumerate(articles, 1):
        progress(read)
        if not ids & left_out:
            for sentence in sentences:
                if SHORTEST <= len(sentence) <= LONGEST:
                    seen.setdefault(sentence)
    return list(seen)


def _article_sentences(
    targets: Sequence[str], options: Options, skipped: Callable[[ChronikError], None]
) -> Iterator[tuple[set[str], list[str]]]:
    for item in iter_documents(targets, options):
        if isinstance(item, ChronikError):
            skipped(item)
            continue
        try:
            article = analyze(item, options)
        except ChronikError as error:
            skipped(error)
            continue
        yield {article.id, *_own_id(item)}, [s.text.strip() for s in article.sentences]


def _own_id(item: Document) -> list[str]:
    """A JSONL item's own ``id`` (its payload is its line, which the reader decoded as text:
    it may be Latin-1), as story labels may give it."""
    if item.format != "jsonl":
        return []
    try:
        record = json.loads(decode_text(item.payload, item.origin))
    except (ValueError, RecursionError, InputError):  # read once already: not expected
        return []
    own = record.get("id") if isinstance(record, dict) else None
    return [] if own is None else [str(own)]


def tag_sentences(
    sentences: Sequence[str],
    teacher: NerBackend,
    progress: Callable[[int], None] = lambda done: None,
) -> list[Annotated]:
    """Each sentence with the teacher's mentions as training entities; ``progress`` gets
    the number of sentences tagged after each batch."""
    tagged: list[Annotated] = []
    for start in range(0, len(sentences), BATCH):
        batch = sentences[start : start + BATCH]
        for text, mentions in zip(batch, teacher.recognize_many(batch), strict=True):
            spans = [(m.start, m.end, training_label(m.type, m.derived)) for m in mentions]
            tagged.append((text, spans))
        progress(len(tagged))
    return tagged


def build_silver(
    targets: Sequence[str],
    teacher: str,
    options: Options,
    exclude: Collection[str] = (),
    progress: Callable[[int, int | None], None] = lambda done, total: None,
    skipped: Callable[[ChronikError], None] = lambda error: None,
) -> Silver:
    """Collect the sentences of ``targets`` and tag them with the backend ``teacher``.
    ``progress`` gets (articles read, None) while reading, then (sentences tagged,
    sentences in all), from (0, all) on; ``skipped`` gets what could not be read. Inputs
    without a single sentence are an error: training would quietly go on without what was
    asked for."""
    backend = get_backend(teacher)  # a wrong name fails now, not after the reading
    passed_over: list[ChronikError] = []

    def skip(error: ChronikError) -> None:
        passed_over.append(error)
        skipped(error)

    reading = collect_sentences(targets, options, exclude, lambda n: progress(n, None), skip)
    if not reading:
        raise ChronikError(Code.E186, inputs=", ".join(targets))
    progress(0, len(reading))
    tagged = tag_sentences(reading, backend, lambda done: progress(done, len(reading)))
    return Silver(teacher, tuple(targets), tuple(tagged), len(passed_over))
