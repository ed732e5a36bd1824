"""Shared fixtures: where the shared corpus is (tests that need it skip cleanly without it)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    path = SHARED / "corpus" / "dev"
    if not path.is_dir():
        pytest.skip("../shared/corpus/dev is not here")
    return path


@pytest.fixture(scope="session")
def bulk_reports() -> Path:
    path = SHARED / "corpus" / "bulk" / "reports.jsonl"
    if not path.is_file():
        pytest.skip("../shared/corpus/bulk/reports.jsonl is not here")
    return path
