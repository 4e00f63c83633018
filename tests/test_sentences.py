from chronik.analysis.sentences import split_sentences


def test_abbreviations_and_ordinals_do_not_split() -> None:
    text = "Am 13. September traf Dr. Müller u. a. Vertreter. Danach ging er."
    assert [s.text for s in split_sentences(text)] == [
        "Am 13. September traf Dr. Müller u. a. Vertreter.",
        "Danach ging er.",
    ]


def test_offsets_index_the_text() -> None:
    text = "Titel\n\nErster Satz. Zweiter Satz?"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert len(split_sentences(text)) == 3


def test_text_without_sentence_end_is_one_sentence() -> None:
    text = "wort " * 20000
    sentences = split_sentences(text)
    assert len(sentences) == 1
    assert sentences[0].end == len(text.rstrip())
