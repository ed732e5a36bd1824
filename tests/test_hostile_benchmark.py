"""Smoke test of ``benchmarks/hostile.py --quick``: it runs and reports every kind of hostile text.

No timing is asserted: the figures only have to be there (speed lives in the benchmark itself).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HOSTILE = REPO / "benchmarks" / "hostile.py"


def kinds() -> list[str]:
    spec = importlib.util.spec_from_file_location("hostile", HOSTILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return [kind.name for kind in module.KINDS]


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp("hostile") / "quick.json"
    done = subprocess.run([sys.executable, str(HOSTILE), "--quick", "--json", str(out)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, json.loads(out.read_text(encoding="utf-8"))


def test_every_kind_is_reported(quick_run: tuple[str, dict]) -> None:
    stdout, figures = quick_run
    names = kinds()
    assert len(names) >= 40 and len(set(names)) == len(names)
    assert [row["kind"] for row in figures["kinds"]] == names
    table = {line.split()[0] for line in stdout.splitlines() if line.strip()}
    assert set(names) <= table


def test_every_kind_has_its_figures(quick_run: tuple[str, dict]) -> None:
    _, figures = quick_run
    sizes = figures["sizes"]
    assert len(sizes) == 2 and sizes[0] < sizes[1]
    for row in figures["kinds"]:
        seconds = [row["seconds"][str(size)] for size in sizes]
        assert all(isinstance(s, float) and s > 0 for s in seconds), row["kind"]
        assert len(row["exponents"]) == 1 and isinstance(row["exponents"][0], float), row["kind"]
        assert row["lang"] in ("zh", "en"), row["kind"]
        assert row["met"] in (True, False)


def test_chinese_kinds_go_to_the_chinese_pipeline(quick_run: tuple[str, dict]) -> None:
    """A Chinese text that opens with punctuation, comments or quotes is still read as Chinese."""
    _, figures = quick_run
    lang = {row["kind"]: row["lang"] for row in figures["kinds"]}
    for kind in ("report", "run-dun-body", "comments-text", "quotes-open", "html-comments", "resolution-blank"):
        assert lang[kind] == "zh", kind
    assert lang["english"] == "en"
