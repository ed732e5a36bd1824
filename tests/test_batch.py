"""Batch mechanics: outcomes in input order, counts, failures kept per document."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from batch_checks import break_extraction, collect, documents

from meetingx import batch
from meetingx.batch import run_batch
from meetingx.output import OutputFailed
from meetingx.reading import Document, InputError
from meetingx.record import MeetingRecord


def test_outcomes_keep_input_order_and_add_up() -> None:
    unreadable = InputError(id="b", path="b.txt", code="binary", message="binary data, not text")

    ids, errors, counts = collect([*documents("a"), unreadable, *documents("c", "d")])

    assert ids == ["a", "c", "d"]
    assert errors == [unreadable]
    assert (counts.documents, counts.records, counts.errors, counts.resumed) == (4, 3, 1, 0)


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


def test_entries_of_jsonl_documents_carry_their_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(document: Document) -> None:
        raise RuntimeError("component exploded")

    break_extraction(monkeypatch, crash)

    _, [error], _ = collect([Document(id="j", text="会议。", path="in.jsonl", line=7)])

    assert (error.id, error.path, error.line, error.code) == ("j", "in.jsonl", 7, "extract-failed")


def test_counts_hold_what_was_written_when_a_write_fails() -> None:
    written: list[str] = []

    def write_two(line: str) -> None:
        if len(written) == 2:
            raise OutputFailed("cannot write out.jsonl.partial: No space left on device")
        written.append(line)

    counts = batch.BatchCounts()
    with pytest.raises(OutputFailed):
        run_batch(documents("a", "b", "c", "d"), write_two, lambda error: None, counts=counts)

    assert [json.loads(line)["id"] for line in written] == ["a", "b"]
    assert (counts.documents, counts.records, counts.errors) == (2, 2, 0)


def test_a_record_whose_id_utf8_cannot_carry_is_still_one_json_line() -> None:
    """An id from a file name that is not UTF-8 holds lone surrogates (b"\\xff" -> "\\udcff")."""
    lines: list[str] = []

    run_batch([Document(id="\udcff\udcfe", text="学校召开工作会议。")], lines.append, lambda error: None)

    [line] = lines
    line.encode("utf-8")
    assert json.loads(line)["id"] == "\udcff\udcfe"
