"""Many documents to records: in input order, optionally in worker processes, each within a
time limit, resumable, and never losing a document: every input ends as either a record line or
an error entry.

Where the records go is :mod:`meetingx.output`; the worker processes are :mod:`meetingx.workers`.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from tqdm import tqdm

from meetingx.api import extract_documents
from meetingx.output import json_line
from meetingx.reading import Document, InputError
from meetingx.record import MeetingRecord
from meetingx.workers import Workers, chunks, document_error, preload


class RecordLine(NamedTuple):
    """A document's record as its output line (without the newline)."""

    json: str
    warnings: int


class AlreadyDone(NamedTuple):
    """A document whose record is already in the output (``--resume``)."""

    id: str


Outcome = RecordLine | InputError | AlreadyDone
#: What a batch hands to extraction: documents, and the items that pass through in their place.
Item = Document | InputError | AlreadyDone


@dataclass
class BatchCounts:
    """What a batch did. ``records + errors == documents`` always; ``resumed`` of the records
    were already in the output."""

    documents: int = 0
    records: int = 0
    resumed: int = 0
    errors: int = 0
    warnings: int = 0

    def summary(self) -> str:
        """The closing line of a run, e.g. ``30 documents, 29 records, 1 errors, 4 warnings``."""
        resumed = f" ({self.resumed} already in the output)" if self.resumed else ""
        return (f"{self.documents} documents, {self.records} records{resumed}, "
                f"{self.errors} errors, {self.warnings} warnings")


def extract_outcome(item: Item, publish_date: str | None, tagger: bool = True) -> Outcome:
    """The record line of a document, or the error entry of a failed extraction; reading errors
    and already-done documents pass through, so that outcomes stay in input order.

    ``publish_date`` is used for a document that brings none of its own; ``tagger`` is as for
    :func:`meetingx.load`.
    """
    return extract_outcomes([item], publish_date, tagger)[0]


def extract_outcomes(items: list[Item], publish_date: str | None, tagger: bool = True) -> list[Outcome]:
    """The outcomes of items, as :func:`extract_outcome` gives them one by one, with the documents
    read together (:func:`meetingx.api.extract_documents`: the people tagger answers their
    questions in shared model calls). Should that fail, each document is read again on its own,
    so that a failure costs its own document only."""
    documents = [item for item in items if isinstance(item, Document)]
    try:
        records = iter(extract_documents([(document, document.publish_date or publish_date)
                                          for document in documents], tagger=tagger))
    # Whatever goes wrong inside the pipeline costs this document only, not the batch.
    except Exception as error:
        if len(documents) > 1:
            return [outcome for item in items for outcome in extract_outcomes([item], publish_date, tagger)]
        return [document_error(item, "extract-failed", f"{type(error).__name__}: {error}") for item in items]
    return [_record_line(next(records)) if isinstance(item, Document) else item for item in items]


def _record_line(record: MeetingRecord) -> RecordLine:
    return RecordLine(json_line(record.to_json_dict()), len(record.warnings))


def run_batch(
    items: Iterable[Document | InputError],
    write_record: Callable[[str], None],
    write_error: Callable[[InputError], None],
    *,
    publish_date: str | None = None,
    jobs: int = 1,
    timeout: float | None = None,
    done_ids: Counter[str] | None = None,
    progress: bool = False,
    tagger: bool = True,
    counts: BatchCounts | None = None,
) -> BatchCounts:
    """Extract every document of ``items`` and write each outcome in input order.

    ``write_record`` gets each record's JSON line (no newline), ``write_error`` each error entry.
    ``done_ids`` counts the ids already in the output: that many documents of each id are
    skipped, in input order (see :class:`meetingx.output.OutputFile`). ``tagger`` is as for :func:`meetingx.load`.
    ``counts`` (a new one by default) is filled as outcomes are written and returned, so that a
    caller still has them when a write fails or the run is interrupted.

    With ``jobs > 1`` or a ``timeout`` (seconds) the documents are extracted in worker processes
    (see :class:`meetingx.workers.Workers`): a worker that dies costs the document it was on a
    ``worker-died`` entry, and a document still extracting after ``timeout`` seconds a
    ``timeout`` entry; without either, in this process. A pipeline that fails to load costs each
    of its documents an ``extract-failed`` entry rather than stopping the batch: it is loaded on
    a language's first document (:func:`meetingx.pipeline.load` is cached), or before the workers
    are forked with any failure left for them to meet again, never in a worker initializer.
    """
    counts = counts if counts is not None else BatchCounts()
    work = partial(extract_outcomes, publish_date=publish_date, tagger=tagger)
    pending = _skip_done(items, Counter(done_ids or {}))
    with _outcomes(work, pending, jobs, tagger, timeout) as outcomes:
        for outcome in tqdm(outcomes, desc="extract", unit="doc", file=sys.stderr, disable=not progress):
            if isinstance(outcome, RecordLine):
                write_record(outcome.json)
                counts.records += 1
                counts.warnings += outcome.warnings
            elif isinstance(outcome, AlreadyDone):
                counts.records += 1
                counts.resumed += 1
            else:
                write_error(outcome)
                counts.errors += 1
            counts.documents += 1
    return counts


def _skip_done(items: Iterable[Document | InputError], done: Counter[str]) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Document) and done[item.id] > 0:
            done[item.id] -= 1
            yield AlreadyDone(item.id)
        else:
            yield item


@contextmanager
def _outcomes(work: Callable[[list[Item]], list[Outcome]], items: Iterable[Item], jobs: int, tagger: bool,
              timeout: float | None) -> Iterator[Iterator[Outcome]]:
    """The outcomes of ``work`` on chunks of ``items`` (:func:`meetingx.workers.chunks`), in order:
    in this process for one job and no time limit, else from worker processes that are stopped
    on exit (``tagger``: whether ``work`` uses the tagger)."""
    if jobs == 1 and timeout is None:
        pending = chunks(items)
        first = next(pending, [])
        preload(first, tagger)
        yield (outcome for chunk in itertools.chain([first], pending) for outcome in work(chunk))
        return
    with Workers(work, items, jobs, tagger, timeout) as workers:
        yield workers.outcomes()


