"""The dev corpus: the acceptance score holds, every evidence span is exact, nothing raises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from meetingx.api import extract_document
from meetingx.eval_inputs import gold_paths
from meetingx.evaluate import evaluate
from meetingx.reading import Document
from meetingx.schema import record_schema
from record_checks import assert_evidence_points_at_values

#: The acceptance figures of the issues (macro score, and the lowest any field may fall to).
NEWS_SCORE, NEWS_FIELD_FLOOR = 0.85, 0.70
ENGLISH_SCORE, ENGLISH_FIELD_FLOOR = 0.90, 0.75


@pytest.fixture(scope="module")
def dev_records(dev_corpus: Path) -> dict[str, tuple[str, dict]]:
    records = {}
    for path in sorted(dev_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        record = extract_document(Document(id=path.stem, text=text, path=str(path))).to_json_dict()
        records[path.stem] = (text, record)
    return records


def test_every_evidence_span_is_exact(dev_records: dict[str, tuple[str, dict]]) -> None:
    checked = 0
    for doc_id, (text, record) in dev_records.items():
        assert record["evidence"], doc_id
        checked += assert_evidence_points_at_values(text, record)
    assert checked > 500


def test_every_string_value_is_a_substring(dev_records: dict[str, tuple[str, dict]]) -> None:
    for doc_id, (text, record) in dev_records.items():
        for key in ("title", "meeting_name", "organizer", "date_text", "venue"):
            if record[key] is not None:
                assert record[key] in text, (doc_id, key)
        for person in record["chair"] + record["speakers"]:
            assert person["name"] in text and all(role in text for role in person["roles"]), doc_id
        for item in record["attendees"] + record["agenda"]:
            assert item in text, doc_id


def test_records_validate_against_the_schema(dev_records: dict[str, tuple[str, dict]]) -> None:
    validator = Draft202012Validator(record_schema())
    for doc_id, (_, record) in dev_records.items():
        assert list(validator.iter_errors(record)) == [], doc_id


@pytest.mark.parametrize(("only", "score", "floor"), [(("zh-news-*", "fw-*"), NEWS_SCORE, NEWS_FIELD_FLOOR),
                                                      (("en-*",), ENGLISH_SCORE, ENGLISH_FIELD_FLOOR)])
def test_dev_score_holds(dev_corpus: Path, dev_records: dict[str, tuple[str, dict]],
                         only: tuple[str, ...], score: float, floor: float) -> None:
    evaluation = evaluate(gold_paths(dev_corpus, only), {doc_id: r for doc_id, (_, r) in dev_records.items()})
    assert evaluation.score is not None and evaluation.score >= score
    low = {field: tally.f1 for field, tally in evaluation.totals.items() if tally.f1 < floor}
    assert low == {}


def test_bulk_reports_all_give_records(bulk_reports: Path, tmp_path: Path) -> None:
    out, errors = tmp_path / "bulk.jsonl", tmp_path / "errors.jsonl"
    result = subprocess.run([sys.executable, "-m", "meetingx.cli", "extract", str(bulk_reports), "-o", str(out),
                             "--errors", str(errors), "--jobs", "2"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert errors.read_text(encoding="utf-8") == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(1 for line in bulk_reports.open(encoding="utf-8") if line.strip())
