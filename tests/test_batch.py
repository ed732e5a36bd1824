"""Batch mechanics: outcomes in input order, resumable atomic output, failures kept per document."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from collections import Counter
from pathlib import Path

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from meetingx import api, batch
from meetingx.batch import OutputFile, run_batch
from meetingx.reading import Document, InputError
from meetingx.record import MeetingRecord


def documents(*ids: str) -> list[Document]:
    return [Document(id=id, text=f"{id}：学校召开工作会议。") for id in ids]


def record_line(id: str) -> bytes:
    return json.dumps({"id": id}).encode() + b"\n"


def collect(items, **options) -> tuple[list[str], list[InputError], batch.BatchCounts]:
    """The ids of the records written, the errors written, and the counts of a batch."""
    lines: list[str] = []
    errors: list[InputError] = []
    counts = run_batch(items, lines.append, errors.append, **options)
    records = [json.loads(line) for line in lines]
    assert counts.warnings == sum(len(record["warnings"]) for record in records)
    return [record["id"] for record in records], errors, counts


def test_outcomes_keep_input_order_and_add_up() -> None:
    unreadable = InputError(id="b", path="b.txt", code="binary", message="binary data, not text")

    ids, errors, counts = collect([*documents("a"), unreadable, *documents("c", "d")])

    assert ids == ["a", "c", "d"]
    assert errors == [unreadable]
    assert (counts.documents, counts.records, counts.errors, counts.resumed) == (4, 3, 1, 0)


def break_extraction(monkeypatch: pytest.MonkeyPatch, breaks: Callable[[Document], None]) -> None:
    """Make extraction call ``breaks`` with each document it assembles a record of, whether
    the documents of a batch are read together or one by one."""
    real = api.assemble

    def assemble(doc: Doc, document: Document) -> MeetingRecord:
        breaks(document)
        return real(doc, document)

    monkeypatch.setattr(api, "assemble", assemble)


def test_a_crash_in_extraction_costs_one_document(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash_on_b(document: Document) -> None:
        if document.id == "b":
            raise RuntimeError("component exploded")

    break_extraction(monkeypatch, crash_on_b)

    ids, errors, counts = collect(documents("a", "b", "c"))

    assert ids == ["a", "c"]
    assert [error.to_json_dict() for error in errors] == [{
        "id": "b", "path": None, "line": None, "code": "extract-failed",
        "message": "RuntimeError: component exploded"}]
    assert (counts.documents, counts.records, counts.errors) == (3, 2, 1)


def test_publish_date_of_the_document_wins_over_the_batch_default(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str | None]] = []
    real = batch.extract_documents

    def spy(documents: list[tuple[Document, str | None]], tagger: bool = True) -> list[MeetingRecord]:
        seen.extend((document.id, publish_date) for document, publish_date in documents)
        return real(documents, tagger=tagger)

    monkeypatch.setattr(batch, "extract_documents", spy)

    collect([Document(id="own", text="会议。", publish_date="2024-06-03"), *documents("none")],
            publish_date="2024-01-01")

    assert seen == [("own", "2024-06-03"), ("none", "2024-01-01")]


def test_done_ids_skip_as_many_documents_of_an_id_as_the_output_holds() -> None:
    ids, _, counts = collect(documents("a", "x", "b", "x", "c"), done_ids=Counter({"x": 1, "a": 1}))

    assert ids == ["b", "x", "c"]
    assert (counts.documents, counts.records, counts.resumed) == (5, 5, 2)


@pytest.mark.parametrize(("counts", "summary"), [
    (batch.BatchCounts(4, 3, 0, 1, 2), "4 documents, 3 records, 1 errors, 2 warnings"),
    (batch.BatchCounts(5, 5, 2, 0, 0), "5 documents, 5 records (2 already in the output), 0 errors, 0 warnings"),
])
def test_summary_line(counts: batch.BatchCounts, summary: str) -> None:
    assert counts.summary() == summary


def test_output_appears_only_when_committed(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record_line("old"))

    with OutputFile(path) as output:
        output.write('{"id": "new"}')
        assert path.read_bytes() == record_line("old")
        assert output.partial_path.read_bytes() == record_line("new")

    assert path.read_bytes() == record_line("new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_failed_run_leaves_the_output_alone_and_its_partial_file_for_resume(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record_line("old"))

    with pytest.raises(KeyboardInterrupt):
        with OutputFile(path) as output:
            output.write('{"id": "new"}')
            raise KeyboardInterrupt

    assert path.read_bytes() == record_line("old")
    assert (tmp_path / "out.jsonl.partial").read_bytes() == record_line("new")


@pytest.mark.parametrize("left_behind", ["out.jsonl", "out.jsonl.partial"])
def test_resume_keeps_whole_lines_and_drops_a_torn_one(tmp_path: Path, left_behind: str) -> None:
    path = tmp_path / "out.jsonl"
    (tmp_path / left_behind).write_bytes(record_line("a") + b"not json\n" + record_line("b") + b'{"id": "c", "ti')

    with OutputFile(path, resume=True) as output:
        assert output.done_ids == Counter({"a": 1, "b": 1})
        output.write('{"id": "c"}')

    assert path.read_bytes() == record_line("a") + record_line("b") + record_line("c")
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_resume_prefers_the_partial_file_of_a_killed_run(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(record_line("from-an-earlier-run"))
    (tmp_path / "out.jsonl.partial").write_bytes(record_line("a"))

    with OutputFile(path, resume=True) as output:
        assert output.done_ids == Counter({"a": 1})

    assert path.read_bytes() == record_line("a")


def test_without_resume_earlier_output_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_bytes(record_line("a"))

    with OutputFile(path) as output:
        assert output.done_ids == Counter()

    assert path.read_bytes() == b""


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the workers must inherit the monkeypatch")
def test_a_worker_killed_by_the_os_costs_its_document_and_the_batch_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed mid-document (SIGKILL, as the OOM killer does) must not hang the batch;
    the other documents of its chunk, read again one by one, get their records."""
    def killed_on_c(document: Document) -> None:
        if document.id == "c":
            os.kill(os.getpid(), signal.SIGKILL)

    # Forked workers inherit the patch; the parent never extracts with --jobs 2.
    break_extraction(monkeypatch, killed_on_c)
    unreadable = InputError(id="u", path="u.txt", code="binary", message="binary data, not text")
    ids = [f"d{number}" for number in range(12)]

    records, errors, counts = collect([*documents("a", "b", "c"), unreadable, *documents(*ids)], jobs=2)

    assert records == ["a", "b", *ids]
    assert [error.id for error in errors] == ["c", "u"]
    assert (errors[0].code, errors[0].message) == (
        "worker-died", "the worker process extracting this document was killed by SIGKILL")
    assert (counts.documents, counts.records, counts.errors) == (16, 14, 2)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the workers must inherit the monkeypatch")
def test_a_pipeline_that_fails_to_load_costs_its_documents_with_workers_too(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent loads the pipeline before forking; a failure there must neither stop the batch
    nor keep the workers from reporting it per document."""
    from meetingx import api

    def broken_load(lang: str = "zh", data_dir: str | None = None, tagger: bool = True):
        raise OSError("lexicon missing")

    monkeypatch.setattr(batch, "load_pipeline", broken_load)
    monkeypatch.setattr(api, "_load", broken_load)

    records, errors, counts = collect(documents("a", "b", "c"), jobs=2)

    assert records == []
    assert [(error.id, error.code, error.message) for error in errors] == [
        (id, "extract-failed", "OSError: lexicon missing") for id in ("a", "b", "c")]
    assert (counts.documents, counts.errors) == (3, 3)
