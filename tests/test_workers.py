"""Worker processes: a document whose worker dies or that runs past the time limit costs that
document an error entry, and the batch goes on."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest
from batch_checks import break_extraction, collect, documents

from meetingx import workers
from meetingx.reading import Document, InputError

#: The workers must inherit the tests' monkeypatches.
needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the workers must inherit the monkeypatch")


@needs_fork
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


@needs_fork
def test_a_pipeline_that_fails_to_load_costs_its_documents_with_workers_too(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent loads the pipeline before forking; a failure there must neither stop the batch
    nor keep the workers from reporting it per document."""
    from meetingx import api

    def broken_load(lang: str = "zh", data_dir: str | None = None, tagger: bool = True):
        raise OSError("lexicon missing")

    monkeypatch.setattr(workers, "load_pipeline", broken_load)
    monkeypatch.setattr(api, "_load", broken_load)

    records, errors, counts = collect(documents("a", "b", "c"), jobs=2)

    assert records == []
    assert [(error.id, error.code, error.message) for error in errors] == [
        (id, "extract-failed", "OSError: lexicon missing") for id in ("a", "b", "c")]
    assert (counts.documents, counts.errors) == (3, 3)


def hang_on(monkeypatch: pytest.MonkeyPatch, id: str) -> None:
    """Make the extraction of document ``id`` hang, as a runaway pattern would."""
    def hang(document: Document) -> None:
        while document.id == id:
            time.sleep(1)

    break_extraction(monkeypatch, hang)


@needs_fork
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_over_the_time_limit_is_a_timeout_entry_and_the_batch_goes_on(
        monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    hang_on(monkeypatch, "c")
    unreadable = InputError(id="u", path="u.txt", code="binary", message="binary data, not text")
    ids = [f"d{number}" for number in range(9)]

    records, errors, counts = collect([*documents("a", "b", "c"), unreadable, *documents(*ids)],
                                      jobs=jobs, timeout=2)

    assert records == ["a", "b", *ids]
    assert [(error.id, error.code) for error in errors] == [("c", "timeout"), ("u", "binary")]
    assert errors[0].message == ("extraction took longer than the time limit of 2 s; "
                                 "the worker process extracting this document was stopped")
    assert (counts.documents, counts.records, counts.errors) == (13, 11, 2)


@needs_fork
def test_every_document_over_the_time_limit_gets_its_own_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    hang_on(monkeypatch, "x")
    items = [Document(id="x", text="会议。", path="in.jsonl", line=line) for line in (1, 2)] + documents("a")

    records, errors, counts = collect(items, jobs=2, timeout=2)

    assert records == ["a"]
    assert [(error.id, error.line, error.code) for error in errors] == [("x", 1, "timeout"), ("x", 2, "timeout")]
    assert (counts.documents, counts.errors) == (3, 2)


@needs_fork
def test_worker_died_entries_of_jsonl_documents_carry_their_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(document: Document) -> None:
        if document.id == "k":
            os.kill(os.getpid(), signal.SIGKILL)

    break_extraction(monkeypatch, killed)

    _, [error], _ = collect([Document(id="k", text="会议。", path="in.jsonl", line=3), *documents("a")], jobs=2)

    assert (error.id, error.path, error.line, error.code) == ("k", "in.jsonl", 3, "worker-died")


def test_chunks_hold_so_many_documents_and_characters_in_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "CHUNK_SIZE", 3)
    monkeypatch.setattr(workers, "CHUNK_CHARACTERS", 10)
    unreadable = InputError(id="u", path="u.txt", code="binary", message="binary data, not text")
    items = [Document(id="a", text="会议" * 2), unreadable, Document(id="b", text="会议" * 2),
             Document(id="c", text="会"), Document(id="long", text="会议" * 20), Document(id="d", text="会议")]

    chunks = [[item.id for item in chunk] for chunk in workers.chunks(items)]

    assert chunks == [["a", "u", "b"], ["c"], ["long"], ["d"]]
