"""Input of pathological size and shape: no crash, bounded work per step, said in metadata.

These assert behaviour, not timings; the timings are in bench/huge_input.py and
docs/input.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik import Chronik, ChronikError, Options
from chronik.analysis.components import sentences
from chronik.analysis.pipeline import run_pipeline, watching_steps
from chronik.analysis.sentences import MAX_SENTENCE, split_counting_cuts
from chronik.errors import Code, InputError
from chronik.model import Article, Block, BlockKind

# Words of this project's own making: a run-on paragraph has no sentence end at all.
_WORDS = "der Landrat von Mainz sprach am Freitag mit Anna Beispiel über den Haushalt "


def _paragraph(text: str) -> Article:
    block = Block(BlockKind.PARAGRAPH, text)
    block.start, block.end = 0, len(text)
    return Article(id="huge", title="", text=text, blocks=[block])


def test_a_1_mb_paragraph_without_a_sentence_end_is_read_in_bounded_pieces() -> None:
    text = (_WORDS * (1_000_000 // len(_WORDS) + 1)).strip()
    found, cut = split_counting_cuts(text)
    assert cut == 1
    assert all(0 < len(s.text) <= MAX_SENTENCE for s in found)
    assert " ".join(s.text for s in found) == text  # cut at spaces, nothing lost


def test_one_huge_word_is_cut_too() -> None:
    found, cut = split_counting_cuts("Haushalt" * 30_000)
    assert cut == 1 and len(found) == 240 and {len(s.text) for s in found} == {MAX_SENTENCE}


def test_ordinary_sentences_are_not_cut_and_leave_no_mark() -> None:
    article = _paragraph("Der Landtag tagte am Freitag. Anna Beispiel sprach lange.")
    sentences(article, Options())
    assert len(article.sentences) == 2 and "cut_sentences" not in article.metadata


def test_the_cut_is_recorded_in_the_article_s_metadata() -> None:
    article = _paragraph((_WORDS * 100).strip() + ". Ein kurzer Satz. " + "Haushalt" * 2_500)
    sentences(article, Options())
    assert article.metadata["cut_sentences"] == 2


def test_a_large_run_on_article_is_analysed_and_stored(tmp_path: Path) -> None:
    # A 150 KB paragraph without a full stop, then a 50 KB word: every component of the
    # default pipeline gets through it, and the store keeps it whole.
    run_on = (_WORDS * (150_000 // len(_WORDS))).strip()
    path = tmp_path / "huge.txt"
    path.write_text(f"Ein Titel\n\n{run_on}\n\n{'Haushalt' * 6_250}\n", encoding="utf-8")
    with Chronik(options=Options.from_env(db=str(tmp_path / "huge.db"))) as app:
        report = app.ingest([path])
        assert report.inserted == 1 and not report.errors
        [stored] = list(app.iter_articles())
    assert stored.metadata["cut_sentences"] == 2
    assert len(stored.text) > 190_000 and stored.sentences and stored.mentions
    assert max(len(s.text) for s in stored.sentences) <= MAX_SENTENCE


def test_a_text_longer_than_max_chars_is_refused_before_analysis(tmp_path: Path) -> None:
    # The limit scaled down: an article of 1,500 characters against a limit of 1,000.
    path = tmp_path / "lang.txt"
    path.write_text(f"Ein Titel\n\n{_WORDS * 20}\n", encoding="utf-8")
    short = tmp_path / "kurz.txt"
    short.write_text("Kurz\n\nDer Landrat von Mainz sprach am Freitag.\n", encoding="utf-8")
    options = Options(db=str(tmp_path / "news.db"), max_chars=1_000)
    with Chronik(options=options) as app:
        app.ingest([short])
        report = app.ingest([path, short])
        [error] = report.errors
        assert error.startswith(f"[E011] {path}: article text is too long to analyse (")
        assert "the limit is 1000); split it or raise CHRONIK_MAX_CHARS" in error
        assert report.unchanged == 1 and [a.title for a in app.iter_articles()] == ["Kurz"]
        with pytest.raises(InputError) as info:
            app.analyze(path)
        assert info.value.code is Code.E011 and str(info.value).startswith(f"[E011] {path}: ")
    with pytest.raises(ChronikError) as bad:
        Options(max_chars=0)
    assert bad.value.code is Code.E220


def test_each_step_is_told_to_a_watcher_while_it_watches() -> None:
    options = Options(pipeline=("sentences", "timex"))
    seen: list[str] = []
    with watching_steps(lambda name, article: seen.append(f"{name}:{article.id}")):
        run_pipeline(_paragraph("Am Freitag tagte der Landtag."), options)
    run_pipeline(_paragraph("Am Montag nicht."), options)
    assert seen == ["sentences:huge", "timex:huge"]


def test_a_bounded_read_takes_the_memory_of_the_input_not_of_the_limit(tmp_path: Path) -> None:
    import io

    import pytest

    from chronik.errors import InputError
    from chronik.ingest.decode import read_bounded

    small = tmp_path / "klein.txt"
    small.write_bytes(b"x" * 130)
    # A limit of 1 TiB for 130 bytes: one read of limit + 1 from a file had asked for all
    # of it at once (MemoryError, an internal error).
    with small.open("rb", buffering=0) as stream:
        assert read_bounded(stream, "klein.txt", 2**40) == b"x" * 130
    three_mib = io.BytesIO(b"y" * (3 << 20))
    assert len(read_bounded(three_mib, "gross.txt", 3 << 20)) == 3 << 20  # exactly the limit
    with pytest.raises(InputError, match="E003"):
        read_bounded(io.BytesIO(b"z" * ((3 << 20) + 1)), "zu-gross.txt", 3 << 20)
