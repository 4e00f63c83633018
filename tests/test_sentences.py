from chronik.analysis.sentences import lead_line, split_sentences


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


def test_lead_line_is_the_first_sentence_cut_to_a_line() -> None:
    assert lead_line("Kiel baut. Lübeck plant.") == "Kiel baut."
    long = lead_line("Kiel " * 100, limit=20)
    assert long == "Kiel Kiel Kiel Kiel …"
    assert lead_line("") == ""
