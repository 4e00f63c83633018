"""`chronik train ...`: a bundled model retrained from evaluation data."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from chronik.cli.params import _DATA_FILE
from chronik.cli.progress import _bar
from chronik.cli.render import _echo_json
from chronik.cli.root import Group, _option_named
from chronik.errors import ChronikError, Code
from chronik.training import DEFAULT_TEACHER, NER_BACKENDS, train_ner_model
from chronik.training.settings import SHIPPED_ADAPTER, SHIPPED_MODEL


@click.group(name="train", cls=Group)
def train() -> None:
    """Retrain a bundled model from evaluation data; each prints one JSON object."""


@train.command(name="subjectivity")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder (default: the bundled model).",
)
def train_subjectivity(directory: Path, output: Path | None) -> None:
    """The sentence subjectivity model, from the CheckThat! folder DIRECTORY: trained on
    train_de.tsv, tuned on dev_de.tsv."""
    from chronik.analysis.subjectivity import MODEL_DIR
    from chronik.training.subjectivity import train_subjectivity

    train_file, dev_file = directory / "train_de.tsv", directory / "dev_de.tsv"
    meta = train_subjectivity(train_file, dev_file, output or MODEL_DIR)
    _echo_json(meta)


def _trainer_default(name: str) -> str:
    """A setting's default as `train ner --help` shows it: the shipped model's, and the e5
    adapter's where that differs."""
    model, adapter = getattr(SHIPPED_MODEL, name), getattr(SHIPPED_ADAPTER, name)
    return str(model) if model == adapter else f"{model}; e5: {adapter}"


@train.command(name="ner")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--backend",
    type=click.Choice(NER_BACKENDS),
    default="bundled",
    help="The bundled model, or the e5 backend's adapter (needs PyTorch).",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder (default: the shipped one).",
)
@click.option(
    "--epochs",
    type=click.IntRange(min=1),
    default=None,
    help=f"Passes over the training data.  [default: {_trainer_default('epochs')}]",
)
@click.option(
    "--seed",
    type=int,
    default=None,
    help="Random seed: the same seed and data give the same model.  "
    f"[default: {_trainer_default('seed')}]",
)
@click.option(
    "--distill",
    "unlabeled",
    multiple=True,
    help="Unlabeled input (any file, folder or URL ingest reads) whose sentences the teacher "
    "tags for the bundled model to learn from as well; repeatable.",
)
@click.option(
    "--teacher", help=f"The backend that tags them (with --distill).  [default: {DEFAULT_TEACHER}]"
)
@click.option(
    "--exclude",
    multiple=True,
    type=_DATA_FILE,
    help='JSONL of {"id", "story"} (a story label file): leave those articles out of '
    "--distill; repeatable.",
)
@click.pass_context
def train_ner_command(
    ctx: click.Context,
    directory: Path,
    backend: str,
    output: Path | None,
    epochs: int | None,
    seed: int | None,
    unlabeled: tuple[str, ...],
    teacher: str | None,
    exclude: tuple[Path, ...],
) -> None:
    """A German NER model, from the GermEval 2014 folder DIRECTORY (test.tsv, dev.tsv)."""
    given = {"epochs": epochs, "seed": seed}
    with (
        _tagging_bars(teacher or DEFAULT_TEACHER) as (progress, skipped),
        _option_named(ctx.command_path, Code.E280),
    ):
        report = train_ner_model(
            directory,
            ctx.obj,
            backend=backend,
            output=output,
            settings={k: v for k, v in given.items() if v is not None},
            distill=unlabeled,
            teacher=teacher,
            exclude=exclude,
            log=partial(click.echo, err=True),
            progress=progress,
            skipped=skipped,
        )
    _echo_json(report)


@contextmanager
def _tagging_bars(
    teacher: str,
) -> Iterator[tuple[Callable[[int, int | None], None], Callable[[ChronikError], None]]]:
    """Progress of distillation: articles read, then sentences tagged (shown once it
    starts: training without --distill shows none)."""
    bars: list[tqdm[Any]] = []

    def progress(done: int, total: int | None) -> None:
        if not bars:
            bars.append(_bar("article", desc="reading "))
        if total is not None and len(bars) == 1:  # reading is over: tagging starts
            bars[0].close()
            desc = f"tagging with {teacher}"
            bars.append(_bar("sentence", total, desc=f"{desc}: "))
        bars[-1].n = done
        bars[-1].update(0)

    def skipped(error: ChronikError) -> None:
        message = f"chronik: skipped: {error}"
        if bars:
            bars[-1].write(message, file=sys.stderr)
        else:
            click.echo(message, err=True)

    try:
        yield progress, skipped
    finally:
        for bar in bars:
            bar.close()
