"""Fixtures of the reading tests: a stand-in OCR engine, for tests about what happens around OCR."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from meetingx.reading import ocr  # noqa: E402


class StubEngine:
    """Answers like RapidOCR: one box of ``text`` across the middle of any image; records the sizes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sizes: list[tuple[int, int]] = []

    def __call__(self, image: Any, use_cls: bool = False) -> tuple[list, list]:
        height, width = image.shape[:2]
        self.sizes.append((width, height))
        middle = height / 2
        box = [[10.0, middle], [width - 10.0, middle], [width - 10.0, middle + 30], [10.0, middle + 30]]
        return [[box, self.text, 0.99]], [0.0, 0.0, 0.0]


@pytest.fixture
def stub_ocr(monkeypatch: pytest.MonkeyPatch) -> StubEngine:
    engine = StubEngine("2024年5月20日，区水务局召开防汛工作部署会。")
    monkeypatch.setattr(ocr, "_engine", lambda: engine)
    return engine


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """OCR as on a machine without ``meetingx[ocr]``: the engine's package cannot be imported."""
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    ocr._engine.cache_clear()
    yield
    ocr._engine.cache_clear()
