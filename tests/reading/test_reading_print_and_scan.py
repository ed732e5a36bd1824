"""One report as text, as a PDF printed from it and as a screenshot of it gives the same record:
the same date, chair and directives from the PDF; the same date and chair and most speakers from
the scan (read by OCR). Needs Chromium (CI installs it) and ``meetingx[ocr]``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from meetingx.api import extract_document
from meetingx.reading import Document, iter_inputs

pytest.importorskip("rapidocr_onnxruntime", reason="OCR is not installed (pip install 'meetingx[ocr]')")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from pages import browser, print_pdf, screenshot  # noqa: E402

REPORT = """区水务局召开防汛工作部署会
2024年5月20日上午，区水务局在三楼会议室召开防汛工作部署会。局长赵卫东主持会议。
副局长孙丽萍通报了汛前检查情况，办公室主任钱志刚传达了市防汛工作会议精神，防汛办主任李建国就值班值守工作作了安排。
赵卫东强调，一是压实防汛责任，确保责任落实到每个岗位每个人；二是加强隐患排查，对河道堤防、水库闸站逐一检查，及时消除各类风险；三是做好应急准备，确保物资队伍到位、预案管用。
"""


def record_of(path: Path) -> dict:
    [document] = list(iter_inputs([str(path)]))
    assert isinstance(document, Document), document
    return extract_document(document).to_json_dict()


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    if browser() is None:
        pytest.skip("chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    directory = tmp_path_factory.mktemp("print-and-scan")
    (directory / "report.txt").write_text(REPORT, encoding="utf-8")
    print_pdf(REPORT, directory / "report.pdf")
    screenshot(REPORT, directory / "report.png")
    return {kind: record_of(directory / f"report.{kind}") for kind in ("txt", "pdf", "png")}


def people(record: dict, key: str) -> list[str]:
    return [person["name"] for person in record[key]]


def test_the_printed_pdf_gives_the_same_date_chair_and_directives(records: dict[str, dict]) -> None:
    text, printed = records["txt"], records["pdf"]
    assert text["date"] == printed["date"] == "2024-05-20"
    assert people(text, "chair") == people(printed, "chair") == ["赵卫东"]
    assert len(text["directives"]) == 3
    assert printed["directives"] == text["directives"]
    assert printed["source"]["pages"] == [0] and "ocr" not in printed["source"]


def test_the_screenshot_gives_the_same_date_chair_and_most_speakers(records: dict[str, dict]) -> None:
    text, scan = records["txt"], records["png"]
    assert scan["date"] == text["date"]
    assert people(scan, "chair") == people(text, "chair")
    speakers = set(people(text, "speakers"))
    assert len(speakers) >= 3
    assert len(speakers & set(people(scan, "speakers"))) >= 0.8 * len(speakers)
    assert scan["source"]["ocr"]["engine"] == "rapidocr-onnxruntime" and scan["schema_version"] == "1.3"
