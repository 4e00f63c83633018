from chronik.analysis.sentences import (
    MAX_SENTENCE,
    first_sentence,
    is_question,
    lead_line,
    split_sentences,
)


def test_abbreviations_and_ordinals_do_not_split() -> None:
    text = "Am 13. September traf Dr. Müller u. a. Vertreter. Danach ging er."
    assert [s.text for s in split_sentences(text)] == [
        "Am 13. September traf Dr. Müller u. a. Vertreter.",
        "Danach ging er.",
    ]


def test_a_number_after_an_article_is_an_ordinal_before_its_noun() -> None:
    text = (
        "Vor der 30. Weltklimakonferenz warnen Forscher. Beim 3. Spieltag fiel Regen. "
        "Die Zahl stieg auf 30. Die Frist endet am 30. Bis dahin wird verhandelt."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Vor der 30. Weltklimakonferenz warnen Forscher.",
        "Beim 3. Spieltag fiel Regen.",
        "Die Zahl stieg auf 30.",
        "Die Frist endet am 30.",
        "Bis dahin wird verhandelt.",
    ]


def test_a_number_inside_a_hyphenated_compound_is_no_ordinal_or_abbreviation() -> None:
    # review 157: the number's dot had made the compound an abbreviation, one sentence
    text = (
        "Die Stadt zahlt eine 2.500-Euro-Prämie. Der Bürgermeister sagte, das helfe. "
        "Es lief auf Sat.1-Sendern. Danach kam die Müller-Str. 4 dran. "
        "Am 3. Oktober feiern alle. Ein 3.-Liga-Spiel fiel aus."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Die Stadt zahlt eine 2.500-Euro-Prämie.",
        "Der Bürgermeister sagte, das helfe.",
        "Es lief auf Sat.1-Sendern.",
        "Danach kam die Müller-Str. 4 dran.",
        "Am 3. Oktober feiern alle.",
        "Ein 3.-Liga-Spiel fiel aus.",
    ]


def test_a_sentence_end_glued_to_the_next_sentence_splits() -> None:
    text = "Was ist zu erwarten?Gestern kam er. Es gilt dem Präsidenten.800 Soldaten kommen."
    assert [s.text for s in split_sentences(text)] == [
        "Was ist zu erwarten?",
        "Gestern kam er.",
        "Es gilt dem Präsidenten.",
        "800 Soldaten kommen.",
    ]
    # a quotation's end run into the next headline (review 56)
    quoted = 'Er nennt Truppen "völlig inakzeptabel"Mutmaßlicher Angreifer gefasst'
    assert [s.text for s in split_sentences(quoted)] == [
        'Er nennt Truppen "völlig inakzeptabel"',
        "Mutmaßlicher Angreifer gefasst",
    ]
    # not one that opens a quotation (review 57)
    opening = 'Das Nachrichtenmagazin"Spiegel" berichtet.'
    assert [s.text for s in split_sentences(opening)] == [opening]
    # a quotation of two sentences closes where the second ends (review 58)
    two = 'Er sagte: "Wir kommen. Das ist klar"Mutmaßlicher Täter gefasst'
    assert [s.text for s in split_sentences(two)][-1] == "Mutmaßlicher Täter gefasst"
    kept = "Die Sat.1-Sendung zeigte 3.000 Leute, siehe tagesschau.de und die U.S.A."
    assert [s.text for s in split_sentences(kept)] == [kept]


def test_an_end_glued_to_a_quotation_mark_splits_on_the_right_side_of_it() -> None:
    # review 61: each pair had been one sentence
    opens = 'Es gab Kritik."Neue Chancen" seien wichtig, sagte sie.'
    assert [s.text for s in split_sentences(opens)] == [
        "Es gab Kritik.",
        '"Neue Chancen" seien wichtig, sagte sie.',
    ]
    closes = '"Wir bleiben hier."Die Lage ist ernst. Das war es.„Neue Zeiten“ beginnen.'
    assert [s.text for s in split_sentences(closes)] == [
        '"Wir bleiben hier."',
        "Die Lage ist ernst.",
        "Das war es.",
        "„Neue Zeiten“ beginnen.",
    ]


def test_an_initial_before_a_word_that_opens_a_sentence_ends_it() -> None:
    text = "Sie schrieb im Dienst X. Als Grund nannte sie Proteste. Donald J. Trump kam."
    assert [s.text for s in split_sentences(text)] == [
        "Sie schrieb im Dienst X.",
        "Als Grund nannte sie Proteste.",
        "Donald J. Trump kam.",
    ]


def test_offsets_index_the_text() -> None:
    text = "Titel\n\nErster Satz. Zweiter Satz?"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert len(split_sentences(text)) == 3


def test_text_without_sentence_end_is_cut_at_spaces_into_bounded_sentences() -> None:
    text = "Titel\n\n" + "wort " * 20000
    sentences = split_sentences(text)
    assert sentences[0].text == "Titel"
    assert all(0 < len(s.text) <= MAX_SENTENCE for s in sentences)
    assert all(s.text == text[s.start : s.end] and " wort" not in s.text[:1] for s in sentences)
    # Every word is in exactly one piece, none cut.
    assert sum(s.text.count("wort") for s in sentences) == 20000
    assert all(set(s.text.split()) == {"wort"} for s in sentences[1:])
    assert sentences[-1].end == len(text.rstrip())
    # A word longer than a sentence may be is cut where it must be.
    assert [len(s.text) for s in split_sentences("x" * 2500)] == [1000, 1000, 500]


def test_lead_line_is_the_first_sentence_cut_to_a_line() -> None:
    assert lead_line("Kiel baut. Lübeck plant.") == "Kiel baut."
    long = lead_line("Kiel " * 100, limit=20)
    assert long == "Kiel Kiel Kiel Kiel …"
    assert lead_line("") == ""


def test_the_first_sentence_is_the_one_a_full_split_finds_whatever_its_length() -> None:
    # Taken from the lazy splitter, the first sentence is the one splitting the whole scan
    # finds, of any length, with an abbreviation before its end, and cut where it runs on.
    for length in (40, 295, 299, 300, 301, 1200, 1990, 2600):
        lead = ("Die Stadt Kiel baut " + "neue Häuser " * 300)[:length].rstrip() + " usw. fort."
        text = lead + " Lübeck plant. " * 50
        expected = split_sentences(text, 0, min(len(text), 2000))[0].text
        assert first_sentence(text) == expected
    assert first_sentence("Kiel " * 1000).endswith("Kiel")  # no end within the scan
    assert first_sentence("") == ""


def test_headlines_a_page_ran_together_are_sentences_of_their_own() -> None:
    text = (
        "Im Überblick:Ministerin in Kiel erwartetFähre fällt aus. Sturm über Husum15:39 Uhr"
        " - Deich hältUN-Rat tagt."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Im Überblick:",
        "Ministerin in Kiel erwartet",
        "Fähre fällt aus.",
        "Sturm über Husum",
        "15:39 Uhr - Deich hält",
        "UN-Rat tagt.",
    ]
    assert all(s.text == text[s.start : s.end] for s in split_sentences(text))


def test_one_seam_alone_or_a_run_longer_than_an_overview_is_no_headline_list() -> None:
    # one seam is as often a name or a single slip: the sentence stays whole
    for whole in [
        "Er wollte Libanon verlassenEin Mann blieb.",
        "Die BürgerInnen und SchülerInnen kamen.",
        "Es begann um 2026-04-01T10:00 und 2026-04-01T11:00.",
    ]:
        assert [s.text for s in split_sentences(whole)] == [whole]
    # a run of 240,000 characters is cut by length, not into a sentence a word
    assert len(split_sentences("Haushalt" * 30_000)) == 240


def test_names_written_with_a_capital_inside_are_not_seams() -> None:
    text = "Die LinkedIn-Gruppe wächst laut DeutschlandTrend, sagt McDonald auf TikTok."
    assert [s.text for s in split_sentences(text)] == [text]


def test_a_question_ends_in_its_mark_closing_quotation_marks_aside() -> None:
    """One test for the events and the stance (review 200): the closing marks of German,
    Swiss and English quotations, double and single, may follow the question mark."""
    for text in (
        "Wann trifft sich der Rat?",
        "Sie fragte: „Wann trifft sich der Rat?“",
        "Er fragte: ‚Wann trifft sich der Rat?‘ ",
        "»Wann trifft sich der Rat?«",
        "«Trifft sich der Rat, oder?»",
        "›Trifft sich der Rat?‹",
    ):
        assert is_question(text), text
    # A full stop after the quotation reports a question; a statement does not ask.
    assert not is_question("Sie fragte: »Trifft sich der Rat?«.")
    assert not is_question("Der Rat trifft sich am Montag.")
