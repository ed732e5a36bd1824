"""Smoke test of the benchmark: ``benchmarks/run.py --quick`` runs and writes its figures.

No timing is asserted: the figures only have to be there and be positive numbers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("jieba", reason="the benchmark's baseline needs jieba (pip install jieba)")

REPO = Path(__file__).resolve().parent.parent
RUN = REPO / "benchmarks" / "run.py"
CORPUS = REPO.parent / "shared" / "corpus"


def _positive(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not (CORPUS / "bulk" / "reports.jsonl").is_file() and not list((CORPUS / "dev").glob("*.txt")):
        pytest.skip("no corpus at ../shared/corpus")
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    done = subprocess.run([sys.executable, str(RUN), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "target" in done.stdout
    return json.loads(out.read_text(encoding="utf-8"))


def test_throughput_and_latency(figures: dict) -> None:
    t = figures["throughput"]
    for key in ("documents", "characters", "seconds", "docs_per_s", "chars_per_s", "docs_per_s_at_2000_chars"):
        assert _positive(t[key]), key
    for key in ("p50", "p95", "max", "mean"):
        assert _positive(t["latency_ms"][key]), key
    assert t["latency_ms"]["p50"] <= t["latency_ms"]["p95"] <= t["latency_ms"]["max"]


def test_every_stage_is_timed(figures: dict) -> None:
    stages = figures["stages"]["stages"]
    expected = ["read", "make_doc (tokenizer)", *figures["meta"]["pipeline"][1:], "assemble"]
    for name in expected:
        assert name in stages, name
    assert any(name.startswith("serialise") for name in stages)
    assert any(name.startswith("validate") for name in stages)
    for name, stage in stages.items():
        assert _positive(stage["seconds"]) and _positive(stage["us_per_doc"]), name
    assert figures["stages"]["same_as_extract_document"] is True


def test_baseline_cold_start_memory_sizes(figures: dict) -> None:
    baseline = figures["baseline"]
    for key in ("docs_per_s", "chars_per_s"):
        assert _positive(baseline["jieba"][key]), key
    assert _positive(baseline["ratio"]) and _positive(baseline["ratio_extract_only"])
    assert _positive(figures["cold_start"]["median_s"])
    assert len(figures["cold_start"]["runs_s"]) == 1  # --quick: one cold start
    assert _positive(figures["memory"]["peak_rss_mb"])
    rows = figures["size"]["rows"]
    assert [row["label"] for row in rows] == ["1 KB", "10 KB"]  # --quick: nothing beyond 10 KB
    for row in rows:
        assert _positive(row["seconds_per_doc"]) and _positive(row["chars_per_s"])
    assert figures["scaling"] is None  # --quick skips --jobs scaling


def test_fresh_processes_measure_cpu_beside_jieba_and_the_start(figures: dict) -> None:
    fresh = figures["fresh"]
    if fresh is None:
        pytest.skip("the corpus has no report of 1,500-2,500 characters")
    assert set(fresh["contenders"]) == {"meetingx", "jieba.posseg"}  # --quick: these two, once each
    meetingx = fresh["contenders"]["meetingx"]
    assert meetingx["records"] == fresh["reports"] and meetingx["errors"] == 0
    assert meetingx["validation_problems"] == 0 and len(meetingx["sha256"]) == 64
    for row in fresh["contenders"].values():
        assert _positive(row["cpu_s"]) and _positive(row["speed_vs_jieba"])
    for row in fresh["start_up"].values():
        assert _positive(row["wall_s"]) and _positive(row["cpu_s"])


def test_targets_are_listed(figures: dict) -> None:
    keys = {row["key"] for row in figures["targets"]}
    assert keys == {"fresh_jieba_ratio", "help_s", "first_record_s", "peak_rss_mb", "jobs_speedup", "size_exponent"}
    for row in figures["targets"]:
        assert row["met"] in (True, False, None)
        assert (row["value"] is None) == (row["met"] is None)
