"""Reporting or opinion: sentence subjectivity and paragraph stance.

Each sentence gets a probability of being subjective (``Sentence.subjective``) from a small
stacked linear model over three views of the sentence: a multilingual Universal Sentence
Encoder embedding, character n-grams and counts of lexical cues (first and second person,
modal particles, evaluative words, hedges, reported speech, punctuation). Each paragraph
then gets an ``opinion_score`` from its sentences and a ``stance``: opinion when the
structure step put it under an opinion heading (never downgraded; under an analysis label
when its sentences lean subjective) or when its sentences are clearly subjective on
average. See docs/subjectivity.md.

Only numpy runs here; the weights live in ``chronik/models/subjectivity/`` as plain arrays
(``chronik.training.subjectivity`` writes them).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib.resources import files
from itertools import chain
from operator import is_not
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from chronik.analysis.boilerplate import (
    SIGNATURE,
    SITE_NOTE,
    VERDICT_LABEL,
    asks_readers,
    is_analysis_heading,
)
from chronik.analysis.pipeline import component
from chronik.analysis.sentences import ANSWER, ANSWER_INSIDE, ASKER, is_question
from chronik.analysis.use import use_encoder
from chronik.errors import ChronikError, Code
from chronik.model import Article, Block, BlockKind, Sentence, Stance
from chronik.options import Options

FloatArray = npt.NDArray[np.float64]

MODEL_DIR = Path(str(files("chronik") / "models" / "subjectivity"))
_LEXICON = Path(str(files("chronik") / "analysis" / "data" / "subjectivity_lexicon.json"))
_MARKERS = Path(str(files("chronik") / "analysis" / "data" / "stance_markers.json"))

# A "sentence" longer than this is a run of text without punctuation (a table, a dump);
# its head says as much about its tone as the whole, and it keeps cost linear.
MAX_SENTENCE_CHARS = 2000
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_QUOTE = re.compile(r"[„“”\"»«‚‘]([^„“”\"»«‚‘]{1,60})[„“”\"»«‚‘]")
_CHAR_ORDERS = (2, 3, 4, 5)
_KNOWN = partial(is_not, None)  # a gram's vocabulary index, not None for one outside it

# ---------------------------------------------------------------------------------------
# Lexical cues


@dataclass(frozen=True, slots=True)
class Category:
    """One cue category of the lexicon: words, word beginnings and endings, phrases."""

    name: str
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]
    case_sensitive: bool = False
    first_word_only: bool = False

    def count(self, words: Sequence[str], lowered: Sequence[str], present: set[str]) -> int:
        """Matches in a sentence; ``present`` is the set of its lower-case words."""
        if self.first_word_only:
            return int(bool(words) and self._matches(lowered[0]))
        if self.case_sensitive:
            return sum(1 for w in words[1:] if self._matches(w))
        singles = sum(1 for w in lowered if self._matches(w))
        # A phrase can only occur where all its words do: most sentences skip the scan.
        phrases = [p for p in self.phrases if present.issuperset(p)]
        return singles + sum(_count_phrase(lowered, p) for p in phrases)

    def _matches(self, word: str) -> bool:
        # startswith/endswith with a tuple run in C; the length check only on a hit.
        if word in self.exact or word.startswith(self.prefixes):
            return True
        return word.endswith(self.suffixes) and any(
            word.endswith(s) and len(word) > len(s) + 2 for s in self.suffixes
        )


def _count_phrase(words: Sequence[str], phrase: tuple[str, ...]) -> int:
    n = len(phrase)
    return sum(1 for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == phrase)


def _category(name: str, spec: dict[str, Any]) -> Category:
    entries: list[str] = spec["words"]
    singles = [e for e in entries if " " not in e]
    return Category(
        name=name,
        exact=frozenset(e for e in singles if "*" not in e),
        prefixes=tuple(e[:-1] for e in singles if e.endswith("*")),
        suffixes=tuple(e[1:] for e in singles if e.startswith("*")),
        phrases=tuple(tuple(e.split()) for e in entries if " " in e),
        case_sensitive=bool(spec.get("case_sensitive")),
        first_word_only=bool(spec.get("first_word_only")),
    )


@cache
def _lexicon_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_LEXICON.read_text(encoding="utf-8"))
    return data


@cache
def lexicon() -> tuple[Category, ...]:
    """The cue categories, in the file's order (which is the feature order)."""
    categories = _lexicon_data()["categories"].items()
    return tuple(_category(name, spec) for name, spec in categories)


@cache
def _attribution() -> re.Pattern[str]:
    """A quotation handed to its speaker ("…“, sagte sie" or "sagte sie: „…"): the author
    reports someone else's view, which the CheckThat! guidelines count as objective."""
    verbs = _lexicon_data()["quote_attribution"]
    after, before = (_alternatives(verbs[key]) for key in ("after_quote", "before_colon"))
    return re.compile(
        rf"[“”\"»«‘’],?\s*({after})\b|\b({before})\b[^„“\"»«]{{0,60}}:\s*[„“\"»«]",
        re.IGNORECASE,
    )


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w.rstrip("*")) + (r"\w*" if w.endswith("*") else "") for w in words)


SURFACE_FEATURES = (
    "exclamation",
    "question",
    "scare_quote",
    "quote",
    "digits",
    "length",
    "all_caps",
    "colon",
    "dash",
    "ellipsis",
    "parenthesis",
    "attributed_quote",
)


def feature_names() -> list[str]:
    return [c.name for c in lexicon()] + list(SURFACE_FEATURES)


def lexical_features(text: str) -> FloatArray:
    """Cue counts (scaled by the square root of the sentence length) and surface marks."""
    text = text[:MAX_SENTENCE_CHARS]
    words = _WORD.findall(text)
    lowered = [w.lower() for w in words]
    scale = math.sqrt(max(1, len(words)))
    present = set(lowered)
    cues = [c.count(words, lowered, present) / scale for c in lexicon()]
    return np.array(cues + _surface(text, words), dtype=np.float64)


def _surface(text: str, words: Sequence[str]) -> list[float]:
    quotes = _QUOTE.findall(text)
    stripped = text.rstrip(" \"“”»«'’)")
    return [
        float("!" in text),
        float(stripped.endswith("?")),
        float(any(len(q.split()) <= 3 for q in quotes)),
        float(bool(quotes)),
        sum(ch.isdigit() for ch in text) / max(1, len(text)) * 10,
        math.log1p(len(words)) / 4,
        float(any(len(w) >= 3 and w.isupper() and w.isalpha() for w in words)),
        float(":" in text),
        float("–" in text or " - " in text or "—" in text),
        float("…" in text or "..." in text),
        float("(" in text),
        float(bool(_attribution().search(text))),
    ]


# ---------------------------------------------------------------------------------------
# Character n-grams


def char_ngrams(text: str) -> Counter[str]:
    """Character 2- to 5-grams inside space-padded lower-case words."""
    return Counter(_gram_list(text))


def _gram_list(text: str) -> list[str]:
    """Every 2- to 5-gram of ``char_ngrams``, in its order: word by word, shorter first.
    One list counted at once, not a Counter updated four times a word, and a word's grams
    cut once, as news say the same words again (review 181)."""
    return list(chain.from_iterable(map(_word_grams, text[:MAX_SENTENCE_CHARS].lower().split())))


@lru_cache(maxsize=1 << 13)
def _word_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(padded[i : i + n] for n in _CHAR_ORDERS for i in range(len(padded) - n + 1))


def tfidf_rows(
    texts: Sequence[str], vocabulary: dict[str, int], idf: FloatArray
) -> list[tuple[npt.NDArray[np.int64], FloatArray]]:
    """Sparse rows (indices, values) of sublinear, L2-normalised tf-idf."""
    rows = []
    for text in texts:
        # The grams' indices counted, those outside the vocabulary (None) left out, in C:
        # the order of first use, as the grams' own Counter has it, so the norm's sum is too.
        counts = Counter(filter(_KNOWN, map(vocabulary.get, _gram_list(text))))
        index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        values = tf * idf[index]
        norm = float(np.linalg.norm(values))
        rows.append((index, values / norm if norm else values))
    return rows


# ---------------------------------------------------------------------------------------
# Sentence embeddings


def embed(texts: Sequence[str]) -> FloatArray:
    """Multilingual USE v3 embeddings (512 dimensions, L2-normalised)."""
    if not texts:
        return np.zeros((0, 512), dtype=np.float64)
    clipped = [t[:MAX_SENTENCE_CHARS] or " " for t in texts]
    return np.asarray(use_encoder().encode(clipped), dtype=np.float64)


# ---------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class SubjectivityModel:
    """Three logistic regressions (embedding, n-grams, cues) and one that stacks them.

    ``score`` returns probabilities whose decision threshold, tuned on the dev set, is 0.5.
    """

    embedding_coef: FloatArray
    embedding_bias: float
    char_vocabulary: dict[str, int]
    char_idf: FloatArray
    char_coef: FloatArray
    char_bias: float
    cue_mean: FloatArray
    cue_scale: FloatArray
    cue_coef: FloatArray
    cue_bias: float
    stack_coef: FloatArray
    stack_bias: float

    def views(self, texts: Sequence[str]) -> FloatArray:
        """The three base models' log-odds for each text, shape (n, 3)."""
        emb = embed(texts) @ self.embedding_coef + self.embedding_bias
        chars = np.array(
            [
                float(values @ self.char_coef[index])
                for index, values in tfidf_rows(texts, self.char_vocabulary, self.char_idf)
            ]
        )
        cues = cue_matrix(texts)
        cue = ((cues - self.cue_mean) / self.cue_scale) @ self.cue_coef + self.cue_bias
        return np.column_stack([emb, chars + self.char_bias, cue])

    def score(self, texts: Sequence[str]) -> FloatArray:
        if not texts:
            return np.zeros(0, dtype=np.float64)
        logits = self.views(texts) @ self.stack_coef + self.stack_bias
        return 1.0 / (1.0 + np.exp(-logits))

    def save(self, directory: Path, meta: dict[str, Any]) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        grams = sorted(self.char_vocabulary, key=self.char_vocabulary.__getitem__)
        np.savez_compressed(directory / "model.npz", **_arrays(self))
        (directory / "char_vocabulary.json").write_text(
            json.dumps(grams, ensure_ascii=False), encoding="utf-8"
        )
        (directory / "meta.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


def _arrays(model: SubjectivityModel) -> dict[str, Any]:
    return {
        name: np.asarray(getattr(model, name), dtype=np.float64)
        for name in SubjectivityModel.__dataclass_fields__
        if name != "char_vocabulary"
    }


def cue_matrix(texts: Iterable[str]) -> FloatArray:
    rows = [lexical_features(t) for t in texts]
    return np.array(rows) if rows else np.zeros((0, len(feature_names())))


def load_model(directory: Path = MODEL_DIR) -> SubjectivityModel:
    """Read a model written by ``SubjectivityModel.save``; plain arrays, no pickle."""
    try:
        with np.load(directory / "model.npz", allow_pickle=False) as data:
            arrays: dict[str, Any] = {
                k: float(data[k]) if data[k].ndim == 0 else data[k] for k in data.files
            }
        grams = json.loads((directory / "char_vocabulary.json").read_text(encoding="utf-8"))
        vocabulary = {g: i for i, g in enumerate(grams)}
        return SubjectivityModel(char_vocabulary=vocabulary, **arrays)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ChronikError(Code.E160, str(directory), detail=str(exc)) from exc


@cache
def bundled_model() -> SubjectivityModel:
    return load_model(MODEL_DIR)


def score_sentences(texts: Sequence[str]) -> list[float]:
    """The probability that each text is subjective (the author's view, not a report)."""
    return [round(float(p), 4) for p in bundled_model().score(list(texts))]


# ---------------------------------------------------------------------------------------
# Paragraph stance

# Sentence probabilities are cut at 0.5, the macro-F1 optimum on the dev set, which leans
# towards finding subjective sentences. A paragraph needs more: most of its text clearly
# subjective, so that one evaluative aside does not turn a report into an opinion piece.
OPINION_THRESHOLD = 0.7
# Under an analysis label ("Eine Analyse von …") the author explains and weighs: a
# paragraph there is opinion when its sentences lean subjective on average (the sentence
# cut), a scene or an account of what was said stays reporting.
ANALYSIS_THRESHOLD = 0.5
# A paragraph of at most this many words is a label ("Quelle: Wikipedia", "einfach", "Über
# uns"), not prose: its score alone does not make it opinion (review 193).
_LABEL_WORDS = 3
_REPORTED = 0.5  # the most a sentence handed to a source adds to its paragraph's score
# Opened and closed by quotation marks, with no closing mark followed by more words inside.
_WHOLE_QUOTE = re.compile(r"[„\"»“‚›](?:(?![“\"«”‘‹][.!?,;:]?\s+\w).)*[“\"«”‘‹][.!?]?", re.S)


def paragraph_scores(article: Article) -> dict[int, float]:
    """Block index -> the length-weighted mean subjectivity of the paragraph's sentences; a
    sentence handed to a source (a quote, a report) counts at most as undecided, as the
    CheckThat! guidelines count reported opinion as reporting: the model learns that only
    partly, and a paragraph of a coach's quotes is no commentary. The questions of a
    paragraph that mostly asks count at most as undecided as well (``_asked``)."""
    return _paragraph_scores(article, _people(article))


def _paragraph_scores(article: Article, people: set[str]) -> dict[int, float]:
    scored = _sentence_scores(article)
    starts = [start for start, _, _ in scored]
    questions = {s.start for s in article.sentences if is_question(s.text)}
    questions_from = _interview_questions_from(article.blocks, people)
    scores: dict[int, float] = {}
    for index, block in enumerate(article.blocks):
        if block.kind is not BlockKind.PARAGRAPH or block.start < 0:
            continue
        inside = scored[bisect_left(starts, block.start) : bisect_left(starts, block.end)]
        total = sum(length for _, _, length in inside)
        if total:
            heard = index >= questions_from or _reported_speech(block.text, people)
            cap = _REPORTED if heard else 1.0
            interview = block.start + _interview_from(block.text, people)
            asked = _asked(inside, questions, total)
            capped = (
                min(p, _REPORTED if start >= interview or start in asked else cap) * length
                for start, p, length in inside
            )
            scores[index] = sum(capped) / total
    return scores


def _sentence_scores(article: Article) -> list[tuple[int, float, int]]:
    """(start, score, length) of each scored sentence in text order, a reported one's
    score capped."""
    attributed = {a.start for a in article.attributions}
    return sorted(
        (
            s.start,
            min(s.subjective, _REPORTED) if s.start in attributed else s.subjective,
            len(s.text),
        )
        for s in article.sentences
        if s.subjective is not None
    )


def _asked(inside: list[tuple[int, float, int]], questions: set[int], total: int) -> set[int]:
    """The starts of a paragraph's questions where they make at least half its text: an
    interview's or an FAQ's question ("3. Kann mein Versorger …?"), a prompt to the reader,
    a teaser's question before its one line, states no view (reviews 193, 209). Inside a
    paragraph of statements a question is as often the author's rhetorical point (review
    209: capped there too, 6 better against 11 worse on html-de), so it keeps its score."""
    starts = {start for start, _, _ in inside if start in questions}
    asked = sum(length for start, _, length in inside if start in starts)
    return starts if 2 * asked >= total else set()


def _people(article: Article) -> set[str]:
    """The people the article names, also by surname: an answer's "Brandt:" is often no
    mention of its own."""
    return {n for m in article.mentions if m.type == "PER" for n in (m.text, m.text.split()[-1])}


def _furniture(text: str, people: set[str]) -> bool:
    """A byline (a person the article names, alone or with a desk: "Anna Beispiel | ARD
    Software-Redaktion") or a prompt to the readers ("Wie ist eure Meinung …?") states no
    view, under an opinion heading or not (review 200); nor does the site's word on itself,
    a disclosure, a disclaimer or an appeal for support (``SITE_NOTE``, review 235)."""
    signed = SIGNATURE.match(text)
    if signed and signed.group(1) in people:
        return True
    return asks_readers(text) or SITE_NOTE.match(text) is not None


def _interview_from(text: str, people: set[str]) -> int:
    """Where an interview begins inside a paragraph: the first answer after a speaker the
    article names ("… Option. Nico Beispiel: Einen Vorrat hat niemand."); from there on
    the paragraph is questions and answers, the guest's views and not the publisher's.
    The paragraph's length when there is none."""
    for match in ANSWER_INSIDE.finditer(text):
        if match.group(1) in people:
            return match.start(1)
    return len(text)


def _interview_questions_from(blocks: list[Block], people: set[str]) -> int:
    """The index of an interview's first question when its interviewer's label opens two
    paragraphs or more that ask ("HSS: Was sind …?"): from there on the page is questions
    and answers, the answers often with no label of their own, or an answer's next
    paragraph (review 196). The number of blocks when there is none."""
    asked: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        label = ANSWER.match(block.text) if block.kind is BlockKind.PARAGRAPH else None
        if label and is_question(block.text):
            asker = label.group(1)
            if asker in people or ASKER.fullmatch(asker):
                # by surname: "Anna Beispiel: …?" first, "Beispiel: …?" after
                asked.setdefault(asker.split()[-1], []).append(index)
    return min((found[0] for found in asked.values() if len(found) > 1), default=len(blocks))


def _reported_speech(text: str, people: set[str]) -> bool:
    """A paragraph that is one quotation, or an interview's answer after its speaker's name
    ("Brandt: Ehrlich gesagt …"), is reported speech whether or not the attribution step
    found its speaker (review 37: 10 of 12 wrong stances on 49 articles were such)."""
    if _WHOLE_QUOTE.fullmatch(text):
        return True
    answer = ANSWER.match(text)
    return answer is not None and answer.group(1) in people


# A quotation: another's words, in which no marker of the writer's own view is read. It
# may run over several sentences ("„Wir sind … Aber wir müssen …“, sagt sie"), so it is
# found in the whole paragraph.
_QUOTED = re.compile(r"[„\"»“‚›][^„\"»“”«‚›‹]{0,2000}[“\"«”‹]")


@cache
def _own_demand() -> re.Pattern[str]:
    """The writer's own demand in the first person ("Daher fordern wir …", "Wir müssen
    handeln"): the data file's ``own_demand`` patterns (review 284)."""
    data = json.loads(_MARKERS.read_text(encoding="utf-8"))
    patterns: list[str] = data["own_demand"]["patterns"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _unquoted(text: str) -> str:
    """``text`` with its quotations blanked out, each character's offset kept."""
    return _QUOTED.sub(lambda quote: " " * len(quote.group()), text)


def _demanding(article: Article, people: set[str]) -> set[int]:
    """The indices of the paragraphs in which the writer demands in their own voice: a
    demand outside quotation marks, in a sentence handed to no source that asks nothing.
    An interview's questions and answers and a paragraph of reported speech are
    another's."""
    pattern = _own_demand()
    if not any(pattern.search(b.text) for b in article.blocks):
        return set()
    attributed = {a.start for a in article.attributions}
    own = [s for s in article.sentences if s.start not in attributed and not is_question(s.text)]
    starts = [s.start for s in own]
    questions_from = _interview_questions_from(article.blocks, people)
    return {
        index
        for index, block in enumerate(article.blocks[:questions_from])
        if block.kind is BlockKind.PARAGRAPH
        and block.start >= 0
        and not _reported_speech(block.text, people)
        and _demands(block, own, starts, block.start + _interview_from(block.text, people))
    }


def _demands(block: Block, own: list[Sentence], starts: list[int], heard: int) -> bool:
    """Whether a demand outside the paragraph's quotations stands in one of the writer's
    own sentences (``own``, in text order, ``starts`` their starts) before ``heard``, where
    an interview begins."""
    for match in _own_demand().finditer(_unquoted(block.text)):
        at = block.start + match.start()
        inside = bisect_left(starts, at + 1) - 1  # the sentence the demand stands in
        if inside >= 0 and own[inside].start <= at < min(own[inside].end, heard):
            return True
    return False


def decide_stance(article: Article) -> None:
    """Set each paragraph's ``opinion_score``; make it opinion when the score is high.

    A paragraph the structure step put under an opinion heading stays opinion whatever
    its sentences say: the heading is the author's own label. An analysis label is no
    such verdict: a paragraph under it is opinion at ``ANALYSIS_THRESHOLD``, else
    reporting (unless its whole page is filed as opinion). A label of at most
    ``_LABEL_WORDS`` words is opinion only by its heading or its page; a byline, a prompt
    to the readers or the site's word on itself never is (``_furniture``). A paragraph
    that opens with a verdict label, or in which the writer demands in their own voice, is
    opinion at ``ANALYSIS_THRESHOLD`` (``_threshold``).
    """
    people = _people(article)
    scores = _paragraph_scores(article, people)
    demanding = _demanding(article, people)
    opinion_page = article.metadata.get("genre") == "opinion"
    analysis = False
    for index, block in enumerate(article.blocks):
        if block.kind is BlockKind.SUBHEADING:
            analysis = is_analysis_heading(block.text)
        score = scores.get(index)
        if score is None:
            continue
        block.opinion_score = round(score, 4)
        prose = len(block.text.split()) > _LABEL_WORDS
        if _furniture(block.text, people):
            block.stance = Stance.REPORTING
        elif analysis and not opinion_page:
            opinion = prose and score >= ANALYSIS_THRESHOLD
            block.stance = Stance.OPINION if opinion else Stance.REPORTING
        elif prose and score >= _threshold(block.text, index in demanding):
            block.stance = Stance.OPINION


def _threshold(text: str, demands: bool = False) -> float:
    """The score that makes a paragraph opinion. After a verdict label, before a statement
    ("Fazit: Es wird …", "Unser Testurteil: …"), the author evaluates: opinion where its
    sentences lean subjective, as under an analysis label (review 239). A label before a
    question ("Fazit: Leasen oder kaufen?") is a section's title set as a paragraph. A
    paragraph in which the writer demands in their own voice (``demands``: "Daher fordern
    wir …") takes a side, the publisher's, as after a verdict label (review 284)."""
    verdict = VERDICT_LABEL.match(text) and not is_question(text)
    return ANALYSIS_THRESHOLD if verdict or demands else OPINION_THRESHOLD


@component("subjectivity", needs=("sentences",))
def subjectivity(article: Article, options: Options) -> None:
    """Score every sentence found by the ``sentences`` component."""
    sentences: list[Sentence] = article.sentences
    for sentence, p in zip(sentences, score_sentences([s.text for s in sentences]), strict=True):
        sentence.subjective = p


@component("stance", needs=("subjectivity",), reads=("ner", "attribution"))
def stance(article: Article, options: Options) -> None:
    decide_stance(article)
