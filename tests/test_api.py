"""The Python API behaves like spaCy: the pipeline ``load`` gives is the caller's own, a saved
pipeline carries its rule data, Docs serialise with their candidates, ``nlp.pipe`` runs in worker
processes, and an empty text has a clear answer; the letters decide a text's language, not what
it starts with."""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import meetingx
from meetingx.api import detect_language, extract_document, extract_documents
from meetingx.assemble import assemble
from meetingx.reading import Document

REPO = Path(__file__).resolve().parents[1]
SCHOOL_NEWS = (REPO / "examples" / "school-news.txt").read_text(encoding="utf-8")
#: Found as a speaker only when 总规划师 is a title (it is not one in the packaged data).
NEW_TITLE_TEXT = "5月6日上午，市规划局召开规划工作推进会。总规划师包明远出席会议并讲话。"


def speakers(record: meetingx.MeetingRecord) -> list[tuple[str, list[str]]]:
    return [(person.name, person.roles) for person in record.speakers]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the packaged Chinese data with the title 总规划师 added."""
    target = tmp_path / "my-lexicons" / "zh"
    shutil.copytree(str(resources.files("meetingx").joinpath("data/zh")), target)
    with open(target / "titles.txt", "a", encoding="utf-8") as titles:
        titles.write("\n总规划师\n")
    return target


# --- the caller's own pipeline -----------------------------------------------------------------


def test_load_gives_a_new_pipeline_each_time() -> None:
    first, second = meetingx.load("zh"), meetingx.load("zh")

    assert first is not second
    assert first.pipe_names == second.pipe_names


def test_changing_the_loaded_pipeline_never_changes_extract() -> None:
    before = meetingx.extract(SCHOOL_NEWS, id="school-news").to_json_dict()
    nlp = meetingx.load("zh")
    nlp.remove_pipe("meetingx_people")
    nlp.remove_pipe("meetingx_clauses")

    after = meetingx.extract(SCHOOL_NEWS, id="school-news").to_json_dict()

    assert after == before
    assert [speaker["name"] for speaker in after["speakers"]] == ["林建华", "欧阳振宇", "陈立新", "周慧敏"]


def test_extract_runs_the_callers_pipeline_when_given_one() -> None:
    nlp = meetingx.load("zh")
    nlp.remove_pipe("meetingx_clauses")  # chair, speakers and their speech

    record = meetingx.extract(SCHOOL_NEWS, nlp=nlp)

    assert record.speakers == []
    assert record.date == "2024-09-03"


def test_extract_with_a_pipeline_takes_no_pipeline_options() -> None:
    with pytest.raises(ValueError, match="data_dir and tagger"):
        meetingx.extract(SCHOOL_NEWS, nlp=meetingx.load("zh"), tagger=False)


# --- saving and loading ---------------------------------------------------------------------------


def test_to_disk_and_spacy_load_give_the_same_records(tmp_path: Path) -> None:
    meetingx.load("zh").to_disk(tmp_path / "pipeline")

    nlp = spacy.load(tmp_path / "pipeline")

    assert nlp.pipe_names == meetingx.load("zh").pipe_names
    assert nlp.meta["name"] == "meetingx_zh"
    for text in (SCHOOL_NEWS, NEW_TITLE_TEXT):
        assert meetingx.extract(text, nlp=nlp).to_json_dict() == meetingx.extract(text).to_json_dict()


def test_a_saved_pipeline_carries_the_rule_data_it_was_built_from(tmp_path: Path, data_dir: Path) -> None:
    nlp = meetingx.load("zh", data_dir=str(data_dir))
    assert speakers(meetingx.extract(NEW_TITLE_TEXT, nlp=nlp)) == [("包明远", ["总规划师"])]
    nlp.to_disk(tmp_path / "pipeline")
    shutil.rmtree(data_dir)  # the saved pipeline must not need it any more

    loaded = spacy.load(tmp_path / "pipeline")

    saved_titles = (tmp_path / "pipeline" / "meetingx_people" / "titles.txt").read_text(encoding="utf-8")
    assert saved_titles.endswith("总规划师\n")
    assert speakers(meetingx.extract(NEW_TITLE_TEXT, nlp=loaded)) == [("包明远", ["总规划师"])]
    assert speakers(meetingx.extract(NEW_TITLE_TEXT)) == []  # the packaged data has no such title


def test_to_bytes_and_from_bytes_carry_the_rule_data(data_dir: Path) -> None:
    saved = meetingx.load("zh", data_dir=str(data_dir)).to_bytes()

    nlp = meetingx.load("zh").from_bytes(saved)

    assert speakers(meetingx.extract(NEW_TITLE_TEXT, nlp=nlp)) == [("包明远", ["总规划师"])]


def test_a_saved_pipeline_without_the_tagger_stays_without_it(tmp_path: Path) -> None:
    meetingx.load("zh", tagger=False).to_disk(tmp_path / "pipeline")

    record = meetingx.extract(SCHOOL_NEWS, nlp=spacy.load(tmp_path / "pipeline"))

    assert [warning.code for warning in record.warnings] == ["people.rules-only"]


# --- Docs -------------------------------------------------------------------------------------------


def record_of(doc: Doc, text: str) -> dict:
    return assemble(doc, Document(id="doc", text=text)).to_json_dict()


def test_a_doc_serialises_with_its_candidates_and_text_view() -> None:
    nlp = meetingx.load("zh")
    doc = nlp(SCHOOL_NEWS)

    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())

    assert restored._.mx_candidates == doc._.mx_candidates
    assert restored._.mx_text.folded == doc._.mx_text.folded
    assert [(s.start_char, s.end_char, s.label_, s.id_) for s in restored.spans["meetingx"]] == \
        [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["meetingx"]]
    assert record_of(restored, SCHOOL_NEWS) == record_of(doc, SCHOOL_NEWS)


#: English minutes whose matching view leaves out page furniture and a broken word's hyphen.
ENGLISH_MINUTES = ("TOWN OF ELM FALLS\nMINUTES OF THE REGULAR MEETING\nMonday, March 4, 2024\n\n"
                   "Present: Mayor Ann Cole, Councillors Bo Diaz and Cy Erb.\n\n"
                   "1. Call to Order\nMayor Cole called the meeting to order at 7:00 p.m. in the Council "
                   "Chambers.\nPage 1 of 2\n2. Budget\nCouncillor Diaz reported that the re-\nvised budget "
                   "was ready. Councillor Erb moved to adopt the budget; Councillor Diaz seconded. "
                   "Motion carried 3-0.\n")


def test_an_english_doc_serialises_with_its_own_text_view() -> None:
    nlp = meetingx.load("en")
    doc = nlp(ENGLISH_MINUTES)
    assert doc._.mx_text.origin is not None  # the view has left something out

    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]

    assert restored._.mx_text.folded == doc._.mx_text.folded
    assert record_of(restored, ENGLISH_MINUTES) == record_of(doc, ENGLISH_MINUTES)
    assert record_of(doc, ENGLISH_MINUTES)["resolutions"][0]["votes"] == {"for": 3, "against": 0, "abstain": None}


def test_an_english_pipeline_saved_and_loaded_gives_the_same_records(tmp_path: Path) -> None:
    meetingx.load("en").to_disk(tmp_path / "pipeline")

    nlp = spacy.load(tmp_path / "pipeline")

    assert nlp.pipe_names == meetingx.load("en").pipe_names
    assert (tmp_path / "pipeline" / "meetingx_text" / "page_furniture.txt").is_file()
    assert meetingx.extract(ENGLISH_MINUTES, nlp=nlp).to_json_dict() == meetingx.extract(
        ENGLISH_MINUTES, lang="en").to_json_dict()


def test_candidate_data_keep_tuples_and_lists_apart() -> None:
    nlp = meetingx.load("zh")
    doc = nlp(SCHOOL_NEWS)
    people = [c for c in doc._.mx_candidates if c.label == "PERSON"]
    assert isinstance(people[0].data["roles"], list) and isinstance(people[0].data["roles"][0], tuple)

    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())

    assert [c.data for c in restored._.mx_candidates if c.label == "PERSON"] == [c.data for c in people]
    assert isinstance([c for c in restored._.mx_candidates if c.label == "PERSON"][0].data["roles"][0], tuple)


def test_a_docbin_with_user_data_keeps_what_assembly_needs(dev_corpus: Path) -> None:
    nlp = meetingx.load("zh")
    texts = [path.read_text(encoding="utf-8") for path in sorted(dev_corpus.glob("zh-*.txt"))]
    docs = list(nlp.pipe(texts))

    restored = list(DocBin(docs=docs, store_user_data=True).get_docs(nlp.vocab))

    assert [record_of(doc, text) for doc, text in zip(restored, texts)] == \
        [record_of(doc, text) for doc, text in zip(docs, texts)]


def test_nlp_pipe_runs_in_two_processes() -> None:
    nlp = meetingx.load("zh")
    texts = [SCHOOL_NEWS, NEW_TITLE_TEXT, SCHOOL_NEWS, "4月18日下午，学校召开工作会议。"]

    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))

    assert [doc.text for doc in docs] == texts
    assert [record_of(doc, text) for doc, text in zip(docs, texts)] == \
        [record_of(nlp(text), text) for text in texts]


# --- many documents at once ------------------------------------------------------------------------


def example_documents() -> list[Document]:
    """The examples, Chinese and English, twice over (the second time the tagger has the answers)."""
    texts = [(REPO / "examples" / name).read_text(encoding="utf-8")
             for name in ("school-news.txt", "council-minutes.txt", "district-minutes.txt", "board-resolution.txt")]
    return [Document(id=f"doc-{number}", text=text) for number, text in enumerate(texts + texts)]


def test_documents_read_together_get_the_records_each_gets_alone() -> None:
    documents = example_documents()

    together = extract_documents([(document, "2024-04-19") for document in documents])

    assert [record.to_json_dict() for record in together] == \
        [extract_document(document, "2024-04-19").to_json_dict() for document in documents]
    assert [record.lang for record in together] == ["zh", "en", "zh", "zh"] * 2


@pytest.mark.parametrize("batch_size", [1, 3, 100])
def test_pipe_gives_the_records_in_order_whatever_the_batch_size(batch_size: int) -> None:
    documents = example_documents()

    records = list(meetingx.pipe(documents, "2024-04-19", batch_size=batch_size))

    assert [record.id for record in records] == [document.id for document in documents]
    assert [record.to_json_dict() for record in records] == \
        [extract_document(document, "2024-04-19").to_json_dict() for document in documents]


# --- empty text --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\t\u3000 \n"])
def test_an_empty_text_has_no_record(text: str) -> None:
    with pytest.raises(meetingx.EmptyTextError, match="no text"):
        meetingx.extract(text)
    with pytest.raises(ValueError):  # EmptyTextError is a ValueError
        list(meetingx.pipe(["4月18日下午，学校召开工作会议。", text]))


def test_the_pipeline_takes_an_empty_text() -> None:
    doc = meetingx.load("zh")("")

    assert len(doc) == 0
    assert [(c.label, c.rule) for c in doc._.mx_candidates] == [("BODY", "structure.whole-text")]


# --- spaCy's registry ----------------------------------------------------------------------------


def test_a_component_without_the_text_view_says_what_is_missing() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("meetingx_dates")

    with pytest.raises(ValueError, match=r"add_pipe\('meetingx_text', first=True\)"):
        nlp("4月18日下午，学校召开工作会议。")


def test_every_factory_is_a_spacy_entry_point() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    factories = project["entry-points"]["spacy_factories"]
    registered = {name for name in spacy.registry.factories.get_all()
                  if name.startswith("meetingx_") or name.startswith("en.meetingx_")}

    assert set(factories) == registered
    for name, target in factories.items():
        module, function = target.split(":")
        assert getattr(__import__(module, fromlist=[function]), function) is spacy.registry.factories.get(name)
    assert project["entry-points"]["spacy_tokenizers"] == {
        "meetingx.CharTokenizer.v1": "meetingx.pipeline:make_char_tokenizer",
        "meetingx.WhitespaceTokenizer.v1": "meetingx.pipeline:make_whitespace_tokenizer"}


def installed_entry_points() -> bool:
    return bool(metadata.entry_points(group="spacy_factories", name="meetingx_dates"))


@pytest.mark.skipif(not installed_entry_points(),
                    reason="the installed meetingx predates its spaCy entry points: reinstall it (pip install -e .)")
def test_spacy_finds_the_components_without_meetingx_imported(tmp_path: Path) -> None:
    meetingx.load("zh").to_disk(tmp_path / "pipeline")
    script = f"""
import sys, spacy
nlp = spacy.blank("zh")
nlp.add_pipe("meetingx_text")
nlp.add_pipe("meetingx_dates")
doc = nlp("4月18日下午，学校召开工作会议。")
print([(c.label, c.rule) for c in doc._.mx_candidates])
print(spacy.load({str(tmp_path / "pipeline")!r}).pipe_names[-1])
"""
    # a fresh interpreter, with the tree under test importable, in which nothing imports meetingx first
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(Path(meetingx.__file__).parents[1]), "PATH": ""})

    assert done.stdout.splitlines() == ["[('DATE', 'date.md')]", "meetingx_spans"]


@pytest.mark.skipif(not metadata.entry_points(group="spacy_factories", name="en.meetingx_dates"),
                    reason="the installed meetingx predates its English entry points: reinstall it (pip install -e .)")
def test_spacy_finds_the_english_components_without_meetingx_imported(tmp_path: Path) -> None:
    meetingx.load("en").to_disk(tmp_path / "pipeline")
    script = f"""
import spacy
nlp = spacy.load({str(tmp_path / "pipeline")!r})
doc = nlp("MINUTES\\nMonday, March 4, 2024\\nMayor Cole called the meeting to order at 7 p.m.")
print(sorted({{c.label for c in doc._.mx_candidates}} & {{"DATE", "CHAIR"}}))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(Path(meetingx.__file__).parents[1]), "PATH": ""})

    assert done.stdout.splitlines() == ["['CHAIR', 'DATE']"]


def test_the_package_is_typed() -> None:
    assert resources.files("meetingx").joinpath("py.typed").is_file()


REPORT = "学校召开2024年秋季学期工作部署会，党委书记张明主持会议并讲话。"
MINUTES = "The Riverside School Board met on Monday. President Maria Lopez called the meeting to order."


@pytest.mark.parametrize(("text", "language"), [
    (REPORT, "zh"),
    ("學校召開工作會議，黨委書記張明主持會議。", "zh"),
    ("、" * 30_000 + REPORT, "zh"),
    ("、、、" + REPORT, "zh"),
    ("😀🎉 " + REPORT, "zh"),
    ("🎉" * 5_000 + REPORT, "zh"),
    ("１２３４５６，" + REPORT, "zh"),
    ("2024-09-03 08:30 " + REPORT, "zh"),
    ("……“”《》" * 400 + REPORT, "zh"),
    ("<div><p>" + REPORT + "</p></div>", "zh"),
    ("学校召开AI教育工作会议，张明主持。", "zh"),
    ("\u3400\u3401 会议", "zh"),
    (MINUTES, "en"),
    ("……" + MINUTES, "en"),
    ("、、、" + MINUTES, "en"),
    ("🎉" * 5_000 + MINUTES, "en"),
    ("Mr. 王 attended the meeting of the council on Monday evening.", "en"),
    ("、、、", "en"),
    ("", "en"),
    ("12345 67890", "en"),
    ("A" * 2_000 + REPORT, "en"),
], ids=["zh", "traditional", "30k 、 first", "、 first", "emoji first", "5k emoji first",
        "full-width digits first", "date first", "quotes first", "markup", "acronym inside", "extension A",
        "en", "ellipsis first", "、 before English", "5k emoji before English", "one Chinese name",
        "only punctuation", "empty", "only digits", "2,000 Latin letters first"])
def test_the_first_letters_decide_the_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_a_chinese_report_after_a_run_of_punctuation_goes_through_the_chinese_pipeline() -> None:
    record = meetingx.extract("、" * 2_000 + "\n" + REPORT, id="r")

    assert record.lang == "zh"
