"""The extraction worker process: the CLI's outcome, a time limit that stops a runaway
extraction, and a new process after a death."""

from __future__ import annotations

import os
import signal
import threading
from dataclasses import replace
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingx.batch import RecordLine, extract_outcome
from meetingx.reading import Document, InputError
from meetingx.worker import ExtractionWorker

REPO = Path(__file__).resolve().parents[1]
SCHOOL_NEWS = (REPO / "examples" / "school-news.txt").read_text(encoding="utf-8")
NEWS = Document(id="news", text=SCHOOL_NEWS, path="school-news.txt")


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    worker = ExtractionWorker()
    assert worker.wait_ready(300)
    yield worker
    worker.close()


def process_id(worker: ExtractionWorker) -> int:
    pid = worker._process.pid
    assert pid is not None
    return pid


def test_the_outcome_is_the_clis(worker: ExtractionWorker) -> None:
    outcome = worker.extract(NEWS, timeout=120)

    assert isinstance(outcome, RecordLine)
    assert outcome == extract_outcome(NEWS, None)


def test_the_language_given_is_used(worker: ExtractionWorker) -> None:
    outcome = worker.extract(replace(NEWS, lang="en"), timeout=120)

    assert isinstance(outcome, RecordLine) and '"lang": "en"' in outcome.json


def test_a_document_over_the_limit_costs_the_process_only(worker: ExtractionWorker) -> None:
    before = process_id(worker)

    late = worker.extract(Document(id="long", text=SCHOOL_NEWS * 50), timeout=0.001)
    after = worker.extract(NEWS, timeout=120)

    assert late == InputError(id="long", path=None, code="timeout",
                              message="the extraction took longer than the limit of 0.001 s")
    assert process_id(worker) != before
    assert after == extract_outcome(NEWS, None)


def test_a_process_killed_while_idle_is_replaced_before_the_next_document(worker: ExtractionWorker) -> None:
    os.kill(process_id(worker), signal.SIGKILL)
    worker._process.join(60)  # gone, as it would be long before the next request

    assert worker.extract(NEWS, timeout=120) == extract_outcome(NEWS, None)


def test_a_process_killed_while_extracting_gives_worker_died(worker: ExtractionWorker) -> None:
    killer = threading.Timer(0.3, os.kill, (process_id(worker), signal.SIGKILL))
    killer.start()  # the document below takes some seconds

    died = worker.extract(Document(id="long", text=SCHOOL_NEWS * 1000, path="long.txt"), timeout=300)
    killer.join()

    assert died == InputError(id="long", path="long.txt", code="worker-died",
                              message="the worker process extracting this document was killed by SIGKILL")
    assert worker.extract(NEWS, timeout=120) == extract_outcome(NEWS, None)


def test_close_stops_the_process() -> None:
    worker = ExtractionWorker(tagger=False)
    worker.close()

    assert not worker.ready
    assert worker._process.exitcode is not None
