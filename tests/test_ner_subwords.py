"""Pretrained subword vectors for the bundled NER model (chronik.analysis.subwords)."""

from __future__ import annotations

import numpy
import pytest

from chronik.analysis.subwords import SubwordTable, use_tokenizer

SPACE = "\u2581"


@pytest.fixture
def table() -> SubwordTable:
    pieces = [f"{SPACE}Haus", f"{SPACE}H", "aus", "tür", SPACE, "t", "ü", "r"]
    scores = numpy.array([-5.0, -3.0, -4.0, -6.0, -2.0, -8.0, -8.0, -8.0])
    vectors = numpy.arange(len(pieces) * 2, dtype=numpy.float32).reshape(-1, 2)
    return SubwordTable(pieces, scores, vectors)


def test_segmentation_takes_the_best_scoring_pieces(table: SubwordTable) -> None:
    # "▁Haus" (-5) beats "▁H" + "aus" (-7); "tür" (-6) beats "t" + "ü" + "r" (-24).
    assert [table.pieces[i] for i in table.segment("Haustür")] == [f"{SPACE}Haus", "tür"]


def test_characters_no_piece_covers_are_unknown(table: SubwordTable) -> None:
    assert table.segment("Haus☃") == [0, -1]
    assert table.segment("☃☃") == [4, -1, -1]


def test_a_word_vector_is_the_mean_of_its_known_pieces(table: SubwordTable) -> None:
    assert table.word_vector("Haustür").tolist() == [3.0, 4.0]  # rows 0 and 3
    assert table.word_vector("Haus☃").tolist() == [0.0, 1.0]
    empty = SubwordTable([], numpy.zeros(0), numpy.zeros((0, 2)))
    assert empty.word_vector("Haus").tolist() == [0.0, 0.0]


def test_edges_follow_the_mean_with_the_first_and_last_piece(table: SubwordTable) -> None:
    assert table.word_vector("Haustür", edges=True).tolist() == [3.0, 4.0, 0.0, 1.0, 6.0, 7.0]
    # "▁" alone is the first and the last piece; the snowman is unknown and left out.
    assert table.word_vector("☃", edges=True).tolist() == [8.0, 9.0] * 3


def test_the_table_keeps_pieces_and_vectors_through_bytes(table: SubwordTable) -> None:
    loaded = SubwordTable.from_bytes(table.to_bytes())
    assert loaded.pieces == table.pieces
    assert loaded.scores.tolist() == table.scores.tolist()
    assert numpy.allclose(loaded.vectors, table.vectors, atol=0.15)
    assert loaded.segment("Haustür") == table.segment("Haustür")


def test_segmentation_agrees_with_sentencepiece_on_german_words() -> None:
    table = SubwordTable.from_package("use", 8)
    words = "Die Stadtverwaltung von Spaichingen lobte Frau Özdemir für 3,5 Mio. Euro − ja !"
    for word in words.split():
        ours = [table.pieces[i] for i in table.segment(word)]
        assert ours == use_tokenizer().encode(word, out_type=str, add_bos=False, add_eos=False)
    assert table.vectors.shape == (len(table.pieces), 8)


def test_the_e5_vocabulary_is_read_from_its_model_file() -> None:
    table = SubwordTable.from_package("e5", 8)
    assert [table.pieces[i] for i in table.segment("Bundesregierung")] == [
        f"{SPACE}Bundesregierung"
    ]
    # Latin script only: the Cyrillic "▁Москва" is one piece in XLM-R's vocabulary.
    assert f"{SPACE}Москва" not in table.pieces and f"{SPACE}Berlin" in table.pieces
    assert "<unk>" not in table.pieces and table.vectors.shape == (len(table.pieces), 8)


def test_a_limited_table_keeps_the_likely_pieces_and_every_character() -> None:
    table = SubwordTable.from_package("e5", 8, limit=5_000)
    assert len(table.pieces) == 5_000
    assert f"{SPACE}der" in table.pieces and "ß" in table.pieces
    assert -1 not in table.segment("Spaichingen-Straßenfest")
