"""`chronik eval ...`: quality measured on evaluation data, one JSON object a command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from chronik.cli.params import _DATA_FILE
from chronik.cli.render import _echo_json
from chronik.cli.root import Group

if TYPE_CHECKING:
    from tqdm import tqdm

    from chronik.app import Progress


@click.group(name="eval", cls=Group)
def evaluate() -> None:
    """Measure quality on evaluation data; each prints one JSON object."""


@evaluate.command(name="extraction")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def eval_extraction(directory: Path) -> None:
    """HTML extraction against `evaldata.json` + `pages/` (trafilatura's layout)."""
    from chronik.cli.progress import _bar
    from chronik.evaluation.extraction import evaluate_extraction

    bars: list[tqdm[Any]] = []  # one, made when the number of pages is known: "12/471 pages"

    def progress(done: int, total: int) -> None:
        if not bars:
            bars.append(_bar("page", total, disable=None))  # on a terminal only, as ingest's
        bars[0].n = done
        bars[0].refresh()

    try:
        result = evaluate_extraction(directory, progress)
    finally:
        for bar in bars:
            bar.close()
    _echo_json(result)


@evaluate.command(name="attribution")
@click.argument("file", type=_DATA_FILE)
def eval_attribution(file: Path) -> None:
    """Attribution sources and kinds against a gold JSONL file (eval/attribution/gold.jsonl)."""
    from chronik.evaluation.attribution import evaluate_attribution

    _echo_json(evaluate_attribution(file))


@evaluate.command(name="events")
@click.argument("file", type=_DATA_FILE)
@click.option("--extractor", default="rules", show_default=True, help="Event extractor to score.")
def eval_events(file: Path, extractor: str) -> None:
    """Event extraction against gold sentences (JSONL, as eval/events/gold.jsonl)."""
    from chronik.evaluation.events import evaluate_events

    _echo_json(evaluate_events(file, extractor))


@evaluate.command(name="entities")
@click.argument("file", type=_DATA_FILE)
def eval_entities(file: Path) -> None:
    """Lexicon place detection against GermEval 2014 LOC, LOCderiv and LOCpart spans (TSV)."""
    from chronik.evaluation.entities import evaluate_places

    _echo_json(evaluate_places(file))


@evaluate.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def eval_timex(directory: Path) -> None:
    """Time expressions against `in/` + `keyinline/` TIMEX2 (WikiWarsDE's layout)."""
    from chronik.evaluation.timex import evaluate_timex

    _echo_json(evaluate_timex(directory))


@evaluate.command(name="subjectivity")
@click.argument("file", type=_DATA_FILE)
@click.option(
    "--model",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A model folder 'train subjectivity --output' wrote (default: the bundled one).",
)
def eval_subjectivity(file: Path, model: Path | None) -> None:
    """Sentence subjectivity on a CheckThat! TSV file (sentence_id, sentence, label)."""
    from chronik.evaluation.subjectivity import evaluate_subjectivity

    _echo_json(evaluate_subjectivity(file, model))


@evaluate.command(name="similarity")
@click.argument("file", type=_DATA_FILE)
@click.pass_context
def eval_similarity(ctx: click.Context, file: Path) -> None:
    """Article similarity against SemEval-2022 task 8 pairs (Pearson, per language pair)."""
    from chronik.evaluation.similarity import evaluate_similarity

    _echo_json(evaluate_similarity(file, ctx.obj))


@contextmanager
def _ingesting(ctx: click.Context) -> Iterator[Progress]:
    """The ingest's progress bar, on a terminal, for an evaluation that ingests its items
    first: a month of the stream stood a minute without a word, and the whole stream
    several."""
    from chronik.cli.progress import _progress, _starting

    with _progress(starting=_starting(ctx.obj.executor)) as update:
        yield update


@evaluate.command(name="stories")
@click.argument("items", type=_DATA_FILE)
@click.argument("labels", type=_DATA_FILE)
@click.pass_context
def eval_stories(ctx: click.Context, items: Path, labels: Path) -> None:
    """Story clustering of ITEMS (Chronik JSONL) against LABELS (pairwise and B-cubed)."""
    from chronik.evaluation.stories import evaluate_stories

    with _ingesting(ctx) as update:
        result = evaluate_stories(items, labels, ctx.obj, update)
    _echo_json(result)


@evaluate.command(name="related")
@click.argument("items", type=_DATA_FILE)
@click.argument("judged", type=_DATA_FILE)
@click.pass_context
def eval_related(ctx: click.Context, items: Path, judged: Path) -> None:
    """Related reading proposed for the articles of ITEMS against the JUDGED proposals."""
    from chronik.evaluation.related import evaluate_related

    with _ingesting(ctx) as update:
        result = evaluate_related(items, judged, ctx.obj, progress=update)
    _echo_json(result)


@evaluate.command(name="changes")
@click.argument("items", type=_DATA_FILE)
@click.argument("judged", type=_DATA_FILE)
@click.pass_context
def eval_changes(ctx: click.Context, items: Path, judged: Path) -> None:
    """The changes the stories of ITEMS flag against the JUDGED ones (precision, kept)."""
    from chronik.evaluation.changes import evaluate_changes

    with _ingesting(ctx) as update:
        result = evaluate_changes(items, judged, ctx.obj, update)
    _echo_json(result)


@evaluate.command(name="ner")
@click.argument("file", type=_DATA_FILE)
@click.option("--backend", default=None, help="NER backend (default: $CHRONIK_NER_BACKEND).")
@click.option(
    "--heldout", is_flag=True, help="FILE is GermEval's dev.tsv: score its held-out part only."
)
@click.pass_context
def eval_ner(ctx: click.Context, file: Path, backend: str | None, heldout: bool) -> None:
    """Named entities against a token-per-line BIO file (GermEval TSV, Universal NER, or
    token<TAB>tag)."""
    from chronik.evaluation.ner import evaluate_heldout, evaluate_ner

    score = evaluate_heldout if heldout else evaluate_ner
    _echo_json(score(file, backend or ctx.obj.ner_backend))
