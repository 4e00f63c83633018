"""Named-entity recognition behind one narrow interface, with pluggable backends.

``get_backend("bundled")`` loads the model Chronik trains itself (``chronik train ner``) and
ships under ``chronik/models/ner``; ``get_backend("spacy:NAME")`` loads any installed spaCy
pipeline (``spacy:de_core_news_lg``, a path to a trained pipeline) and maps its labels to
PER, LOC, ORG and MISC; ``get_backend("e5")`` runs multilingual-e5-small with the adapter
Chronik trains (:mod:`chronik.analysis.ner_e5`: slower, more accurate). Labels ending in
``deriv`` or ``part`` (GermEval's ``LOCderiv`` for "russische", ``LOCpart`` for
"Russland-Besuch") become mentions with ``derived=True``. The bundled and the e5 backend
correct their mentions with the rules of :mod:`chronik.analysis.ner_rules` (per text, and
per article in the ``ner`` component).
"""

from __future__ import annotations

import contextlib
import re
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from chronik.analysis.blas import one_blas_thread
from chronik.analysis.ner_rules import (
    KNOWN_AS_WRITTEN,
    WRITTEN_SMALL,
    Refiner,
    Span,
    default_refiner,
    flag_test,
    found_again,
    harmonise,
)
from chronik.analysis.pipeline import component
from chronik.analysis.sentences import GLUED_END_BEFORE_NUMBER
from chronik.errors import ChronikError, Code
from chronik.model import Article, BlockKind, Mention
from chronik.options import Options
from chronik.registry import Registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from chronik.analysis.ner_e5 import Adapter, Tagger

# Texts are cut into pieces of at most this many characters, at a sentence end or a space
# where one is near, so that a huge paragraph costs linear time and bounded memory.
MAX_CHUNK = 5_000
# Texts a batch: 128 is 9 % faster than 64 on sentences, 256 slower on long texts.
BATCH_SIZE = 128
# Texts the e5 backend tags together: enough to batch sequences of like length.
E5_TEXTS = 256

# Other pipelines' labels (OntoNotes-style English ones included) on Chronik's four types.
_LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "MISC": "MISC",
    "OTH": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
_DERIVED = re.compile(r"(deriv|part)$")
_BREAK = re.compile(r"\n|(?<=[.!?])\s")
_LETTER_AND_STOP = re.compile(r"[A-Z]\.")


class NerBackend(Protocol):
    """Finds mentions in plain text; offsets count characters in the text given."""

    name: str

    def recognize(self, text: str) -> list[Mention]: ...

    def recognize_many(self, texts: Iterable[str]) -> list[list[Mention]]: ...


class SpacyBackend:
    """A spaCy pipeline with an ``ner`` component, run over chunks of each text."""

    # Whether its matrix products are too small for BLAS threads to pay (see
    # ``one_blas_thread``); a transformer's are not.
    small_products = True

    def __init__(self, name: str, nlp: Language, refiner: Refiner | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self.refiner = refiner
        # One call at a time: a call's memory zone forgets, when it ends, the strings that
        # a call on another thread is still reading (two writers in one process failed
        # with spaCy's E018 without it).
        self._zone = threading.Lock()

    def recognize(self, text: str) -> list[Mention]:
        return self.recognize_many([text])[0]

    def recognize_many(self, texts: Iterable[str]) -> list[list[Mention]]:
        texts = list(texts)
        pieces = [
            (i, start, piece) for i, text in enumerate(texts) for start, piece in chunks(text)
        ]
        found: list[list[Mention]] = [[] for _ in texts]
        # The words of these texts are forgotten once their mentions are read: spaCy's
        # vocabulary otherwise keeps every string it has seen, and a server grows with the
        # stream (55,000 strings and 17 MB over news-stream-de's 4,035 items).
        with self._zone, self.nlp.memory_zone(), self._threads():
            docs = self._docs(piece for _, _, piece in pieces)
            for (index, offset, _), doc in zip(pieces, docs, strict=True):
                found[index].extend(self._mentions(doc, offset))
        return found

    def _threads(self) -> contextlib.AbstractContextManager[Any]:
        return one_blas_thread() if self.small_products else contextlib.nullcontext()

    def _docs(self, texts: Iterable[str]) -> Iterable[Doc]:
        return self.nlp.pipe(texts, batch_size=BATCH_SIZE)

    def harmonise(
        self, text: str, spans: list[tuple[int, int]], mentions: list[Mention]
    ) -> list[Mention]:
        """One article's mentions (in ``spans`` of its ``text``) made consistent
        (:func:`ner_rules.harmonise`), and its names marked where they stand again unmarked
        (:func:`ner_rules.found_again`)."""
        if self.refiner is None:
            return mentions
        known = flag_test(self.nlp.vocab, KNOWN_AS_WRITTEN)
        return found_again(text, spans, harmonise(mentions, self.refiner, known), known)

    def _mentions(self, doc: Doc, offset: int) -> Iterator[Mention]:
        spans = [
            Span(ent.start, ent.end, *mapped)
            for ent in doc.ents
            if (mapped := map_label(ent.label_)) is not None
        ]
        if self.refiner is not None:
            spans = self.refiner.refine(doc, spans)
        # Doc.text joins every token anew: read once, not once a mention (a 1 MB paragraph
        # spent half its NER time there).
        whole = doc.text
        for span in spans:
            start, end = doc[span.start].idx, doc[span.end - 1].idx + len(doc[span.end - 1])
            text = whole[start:end]
            if _LETTER_AND_STOP.fullmatch(text):
                # "auf X.": the tokenizer took the full stop for an initial's, and a lone
                # initial is no name
                text, end = text[:-1], end - 1
            yield Mention(offset + start, offset + end, text, span.type, derived=span.derived)


class E5Backend(SpacyBackend):
    """multilingual-e5-small with Chronik's adapter (:mod:`chronik.analysis.ner_e5`) over
    the bundled model's tokens, corrected by the bundled model's rules."""

    small_products = False

    def __init__(self, name: str, nlp: Language, tagger: Tagger) -> None:
        super().__init__(name, nlp, default_refiner())
        self.tagger = tagger

    def _docs(self, texts: Iterable[str]) -> Iterable[Doc]:
        from chronik.analysis.ner_e5 import set_entities

        texts = list(texts)
        for start in range(0, len(texts), E5_TEXTS):
            yield from set_entities(
                map(self.nlp.make_doc, texts[start : start + E5_TEXTS]), self.tagger
            )


def map_label(label: str) -> tuple[str, bool] | None:
    """(type, derived) for a pipeline's label; None for labels Chronik does not keep."""
    derived = bool(_DERIVED.search(label))
    type_ = _LABELS.get(_DERIVED.sub("", label))
    return None if type_ is None else (type_, derived)


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each mention in BIO (IOB2) tags; an ``I-`` that continues
    nothing starts a mention, as in IOB1."""
    spans: list[tuple[int, int, str]] = []
    current: list[Any] | None = None
    for position, label in enumerate([*labels, "O"]):
        if label.startswith("I-") and current is not None and current[2] == label[2:]:
            current[1] = position + 1
            continue
        if current is not None:
            spans.append((current[0], current[1], current[2]))
            current = None
        if label[:2] in {"B-", "I-"}:
            current = [position, position + 1, label[2:]]
    return spans


def chunks(text: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """(offset, piece) for pieces of ``text`` no longer than ``limit`` characters."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cuts = [m.end() for m in _BREAK.finditer(window, limit // 2)]
        cut = cuts[-1] if cuts else (window.rfind(" ", limit // 2) + 1 or limit)
        yield start, window[:cut]
        start += cut
    if text[start:].strip():
        yield start, text[start:]


LEXICON_FILE = "lexicon.npz"


def word_hash(word: str) -> int:
    """A hash that is the same in every process (Python's own ``hash`` is not)."""
    return zlib.crc32(word.encode("utf-8"))


class Lexicon:
    """Two sorted sets of 32-bit word hashes: a few MB instead of a dictionary's 100."""

    def __init__(self, small: Any, written: Any) -> None:
        self.small = small
        self.written = written

    @classmethod
    def from_words(cls, words: Iterable[str]) -> Lexicon:
        import numpy

        words = list(words)
        small = [word_hash(w) for w in words if w[:1].islower()]
        written = [word_hash(w) for w in words]
        return cls(*(numpy.unique(numpy.array(h, dtype=numpy.uint32)) for h in (small, written)))

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        import numpy

        with numpy.load(path) as arrays:
            if "small" in arrays:  # the first, uncompressed form
                return cls(arrays["small"], arrays["written"])
            return cls(*(_undelta(arrays[key]) for key in ("small_steps", "written_steps")))

    def save(self, path: Path) -> None:
        import numpy

        # Sorted hashes are stored as the steps between them, which compress to half.
        steps = {
            f"{key}_steps": numpy.diff(hashes, prepend=numpy.uint32(0))
            for key, hashes in (("small", self.small), ("written", self.written))
        }
        numpy.savez_compressed(path, **steps)

    def install(self, vocab: Vocab) -> None:
        vocab.add_flag(lambda word: _member(self.small, word.lower()), flag_id=WRITTEN_SMALL)
        vocab.add_flag(lambda word: _member(self.written, word), flag_id=KNOWN_AS_WRITTEN)


def _undelta(steps: Any) -> Any:
    import numpy

    return numpy.cumsum(steps, dtype=numpy.uint32)


def _member(hashes: Any, word: str) -> bool:
    import numpy

    # A key of the array's own type: a Python int would make numpy convert the whole array.
    key = numpy.uint32(word_hash(word))
    index = int(hashes.searchsorted(key))
    return index < len(hashes) and bool(hashes[index] == key)


_LOADED: dict[str, NerBackend] = {}


def get_backend(name: str = "bundled") -> NerBackend:
    """The backend called ``name``, loaded once per process."""
    if name not in _LOADED:
        _LOADED[name] = _create(name)
    return _LOADED[name]


def _create(name: str) -> NerBackend:
    """A plugin's factory that fails is E181: raised inside the ``ner`` component, its
    ImportError had been E190 ("please report it") once for every article."""
    try:
        return BACKENDS.create(name)
    except ChronikError:
        raise
    except Exception as exc:
        detail = f"{type(exc).__name__}: {_first_line(exc)}"
        raise ChronikError(Code.E181, name=name, detail=detail) from exc


def check_backend(name: str) -> None:
    """E110, E180 or E181 for a backend that cannot load: ingest asks before it opens the
    store, so that a mistyped name leaves no store behind. A backend added with a check is
    checked without loading it; any other (a plugin's) is loaded, once, kept for the
    batch."""
    check = BACKENDS.load_check(name)
    if name in _LOADED:
        return
    if check is None:
        get_backend(name)
    else:
        check(name)


def _check_spacy(name: str) -> None:
    target = name[6:]
    try:
        from spacy.util import is_package
    except ImportError:
        BACKENDS.create(name)  # E180: spaCy is not installed
        return
    if not (is_package(target) or Path(target).exists()):
        raise ChronikError(
            Code.E180, name=name, detail="no installed package or folder of that name"
        )


def _unchecked(name: str) -> None:
    """Chronik's own models ship in the package: they load when the first article needs
    them (E180 then, for a broken installation)."""


def bundled_model_path() -> Path:
    return Path(str(resources.files("chronik") / "models" / "ner"))


def _bundled(name: str) -> NerBackend:
    nlp = load_spacy(str(bundled_model_path()), name)
    split_glued_ends(nlp)
    return SpacyBackend(name, nlp, default_refiner())


def split_glued_ends(nlp: Language) -> None:
    """Chronik's tokenizer: the bundled one, which also splits a sentence end glued to a
    number (the models were trained on text without such ends, so nothing to retrain)."""
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable in spaCy
    # The bound method's object is the compiled pattern the model was saved with.
    own = tokenizer.infix_finditer.__self__.pattern
    # A sentence end run into a number, as pages glue paragraphs ("dem Präsidenten.800
    # Nationalgardisten", "Interesse!20:15 Uhr"): spaCy's German rules split only before a
    # letter. The sentence splitter splits the same ends.
    tokenizer.infix_finditer = re.compile(f"{own}|{GLUED_END_BEFORE_NUMBER}").finditer


def _spacy(name: str) -> NerBackend:
    return SpacyBackend(name, load_spacy(name.removeprefix("spacy:"), name))


def load_e5(name: str, adapter: Adapter | None = None) -> NerBackend:
    """The e5 backend (with the shipped adapter unless one is given): the bundled model's
    tokenizer and lexicon, the e5 tagger."""
    from chronik.analysis.e5 import E5File
    from chronik.analysis.ner_e5 import Adapter, Tagger, e5_model_path

    try:
        import spacy

        tagger = Tagger(E5File.installed(), adapter or Adapter.load(e5_model_path()))
    except ImportError as exc:
        raise ChronikError(Code.E180, name=name, detail=f"a package is missing ({exc})") from exc
    except (OSError, ValueError, KeyError) as exc:
        raise ChronikError(Code.E180, name=name, detail=_first_line(exc)) from exc
    bundled = bundled_model_path()
    nlp = spacy.blank("de")
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable in spaCy
    tokenizer.from_disk(bundled / "tokenizer")
    split_glued_ends(nlp)
    Lexicon.load(bundled / LEXICON_FILE).install(nlp.vocab)
    return E5Backend(name, nlp, tagger)


def load_spacy(target: str, name: str) -> Language:
    """A spaCy pipeline by package name or path, with only what NER needs."""
    try:
        import spacy

        import chronik.analysis.subwords  # noqa: F401  (layers a Chronik model may use)

        nlp = spacy.load(target)
    except ImportError as exc:
        raise ChronikError(Code.E180, name=name, detail=f"spaCy is not installed ({exc})") from exc
    except (OSError, ValueError, KeyError) as exc:
        raise ChronikError(Code.E180, name=name, detail=_first_line(exc)) from exc
    if "ner" not in nlp.pipe_names:
        raise ChronikError(Code.E180, name=name, detail="the pipeline has no 'ner' component")
    lexicon = Path(target) / LEXICON_FILE
    if lexicon.is_file():
        Lexicon.load(lexicon).install(nlp.vocab)
    # Outside a with-block this disables the other components for good: NER needs none.
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in {"ner", "tok2vec", "transformer"}])
    numpy_matmul(nlp)
    return nlp


def numpy_matmul(nlp: Language) -> None:
    """The pipeline's layers multiply matrices with numpy's BLAS (OpenBLAS in numpy's
    wheels), not thinc's default, blis: on this project's machines blis's wheel is three
    times slower at the bundled model's products, single-threaded (bench/ner_speed.py:
    10,053 against 13,729 tokens a second with one thread). Ops of another kind (a GPU's)
    stay."""
    from thinc.api import NumpyOps

    plain = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        for node in model.walk() if model is not None else ():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = plain


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0].rstrip(".") if lines else type(exc).__name__


@component("ner")
def ner(article: Article, options: Options) -> None:
    """Fill ``article.mentions``: block by block, sorted, without overlaps."""
    blocks = [
        (b.start, b.end)
        for b in article.blocks
        if b.kind is not BlockKind.BOILERPLATE and 0 <= b.start < b.end
    ]
    if not blocks and article.text.strip():
        blocks = [(0, len(article.text))]
    texts = [article.text[start:end] for start, end in blocks]
    backend = get_backend(options.ner_backend)
    found = backend.recognize_many(texts)
    mentions = [
        Mention(m.start + start, m.end + start, m.text, m.type, derived=m.derived)
        for (start, _), block_mentions in zip(blocks, found, strict=True)
        for m in block_mentions
    ]
    mentions = _without_overlaps(mentions)
    if isinstance(backend, SpacyBackend):
        mentions = backend.harmonise(article.text, blocks, mentions)
    article.mentions = mentions


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


BACKENDS: Registry[NerBackend] = Registry("NER backend")
BACKENDS.add("bundled", _bundled, _unchecked)
BACKENDS.add("e5", load_e5, _unchecked)
BACKENDS.add("spacy:PIPELINE", _spacy, _check_spacy)
