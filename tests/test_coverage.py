"""The recall instrument ``benchmarks/coverage.py`` on reports composed here: a trigger whose clause
gave a value, one whose clause gave none, and occurrences that are not counted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COVERAGE = REPO / "benchmarks" / "coverage.py"

REPORTS = [
    # every trigger here gives a value; the headline's 主持 is not counted, nor 会议指出 (no person)
    {"id": "read", "text": "李明主持召开安全生产工作会议\n5月8日上午，市局召开安全生产工作会议。会议由局长李明主持。"
                           "副局长王芳、赵强出席会议。王芳在会上讲话，她要求：一是压实责任；二是加强排查。"
                           "会议指出，要守住底线。"},
    # 发言 by people without a name gives no speaker: a clause without a value; 发言人 is a noun
    {"id": "missed", "text": "区政协召开专题协商会\n6月3日，区政协召开专题协商会。区政协主席陈思远主持会议。"
                             "有关部门负责同志先后发言。区政府新闻发言人也在座。"},
    # beyond --limit 2: its 参加 is never counted
    {"id": "beyond-limit", "text": "学校召开教职工大会\n9月1日，学校召开教职工大会。校长刘海涛主持会议。全体教职工参加会议。"},
]


def _run(tmp_path: Path, *options: str) -> str:
    corpus = tmp_path / "reports.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS), encoding="utf-8")
    done = subprocess.run([sys.executable, str(COVERAGE), str(corpus), "--limit", "2", *options],
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return json.loads(_run(tmp_path_factory.mktemp("coverage"), "--json"))


def _row(report: dict, trigger: str) -> dict:
    return next(row for row in report["triggers"] if row["trigger"] == trigger)


def test_counts_documents_up_to_the_limit(report: dict) -> None:
    assert (report["documents"], report["records"], report["errors"], report["skipped_other"]) == (2, 2, 0, 0)
    assert _row(report, "参加")["occurrences"] == 0


@pytest.mark.parametrize(("trigger", "occurrences", "documents"), [
    ("主持", 2, 2),   # 会议由…主持 and …主持会议, each read as the chair
    ("出席", 1, 1),   # 王芳、赵强出席会议
    ("讲话", 1, 1),   # 王芳在会上讲话
    ("一是", 2, 1),   # 一是…；二是… counted under the first item's form
])
def test_clauses_that_gave_a_value(report: dict, trigger: str, occurrences: int, documents: int) -> None:
    row = _row(report, trigger)
    assert (row["occurrences"], row["documents"], row["missed"], row["examples"]) == (occurrences, documents, 0, [])


def test_a_clause_without_a_value_is_a_gap_with_its_example(report: dict) -> None:
    row = report["triggers"][0]  # biggest gap first
    assert (row["trigger"], row["families"], row["occurrences"], row["missed"]) == ("发言", ["speakers"], 1, 1)
    assert row["missed_share"] == 1.0
    assert row["examples"] == [{"id": "missed", "start": 50, "end": 52, "clause": "有关部门负责同志先后发言"}]
    assert REPORTS[1]["text"][50:52] == "发言"


def test_occurrences_not_in_use_are_not_counted(report: dict) -> None:
    assert _row(report, "指出")["occurrences"] == 0  # 会议指出: the meeting speaks
    assert report["in_headlines"] == 1  # the headline's 主持
    assert report["occurrences"] == 7 and report["missed"] == 1  # 发言人 is no 发言


def test_text_report_is_deterministic(tmp_path: Path) -> None:
    first, second = _run(tmp_path, "--examples", "1"), _run(tmp_path, "--examples", "1")
    assert first == second
    lines = first.splitlines()
    assert lines[2].split() == ["trigger", "families", "occurrences", "docs", "no", "value", "share"]
    assert lines[3].split() == ["发言", "speakers", "1", "1", "1", "100%"]
    assert "  missed  有关部门负责同志先后发言" in lines
