"""PDFs: the text layer page by page (pypdfium2), scans by OCR, page starts, limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from meetingx.reading import Document, InputError, iter_inputs
from meetingx.reading import base, pdf
from pdfs import image_pdf, text_pdf

BODY = [
    "The Springfield School Board met on 3 March 2024 in the library of the high school, and",
    "the chair, Ms. Alice Moore, opened the meeting at seven in the evening with all members",
    "present. The board approved the minutes of the February meeting and then heard the",
]
NEXT_PAGE = ["report of the superintendent on the spring term."]


def two_page_pdf(path: Path) -> Path:
    header, footer = (72, 30, "Springfield School Board - Minutes"), "Page {} of 2"
    first = [header, *[(72, 100 + 16 * i, text) for i, text in enumerate(BODY)], (280, 800, footer.format(1))]
    second = [header, (72, 100, NEXT_PAGE[0]), (72, 140, "Adjourned at 9 pm."), (280, 800, footer.format(2))]
    return text_pdf(path, [first, second])


def test_text_layer_read_in_order_with_page_starts_and_without_running_lines(tmp_path: Path) -> None:
    [document] = list(iter_inputs([str(two_page_pdf(tmp_path / "minutes.pdf"))]))

    assert isinstance(document, Document)
    assert document.text == " ".join(BODY + NEXT_PAGE) + "\nAdjourned at 9 pm."
    assert document.pages == (0, document.text.index("report of the superintendent"))
    assert document.ocr is None


def test_scanned_pdf_goes_through_ocr(tmp_path: Path, stub_ocr) -> None:
    path = image_pdf(tmp_path / "scan.pdf", [Image.new("RGB", (850, 1100), "white")] * 2)

    [document] = list(iter_inputs([str(path)]))

    assert isinstance(document, Document)
    # each page's one line runs from margin to margin: the second continues the first
    assert document.text == "2024年5月20日，区水务局召开防汛工作部署会。" * 2
    assert document.pages == (0, len("2024年5月20日，区水务局召开防汛工作部署会。"))
    assert (document.ocr.engine, document.ocr.pages) == ("rapidocr-onnxruntime", (1, 2))
    assert document.source_fields()["ocr"]["version"]


def test_scan_without_ocr_installed_is_ocr_unavailable(tmp_path: Path, no_ocr) -> None:
    pdf_path = image_pdf(tmp_path / "scan.pdf", [Image.new("RGB", (200, 300), "white")])
    image_path = tmp_path / "photo.png"
    Image.new("RGB", (200, 300), "white").save(image_path)

    errors = list(iter_inputs([str(pdf_path), str(image_path)]))

    assert [(e.id, e.code) for e in errors] == [("scan", "ocr-unavailable"), ("photo", "ocr-unavailable")]
    assert all("pip install 'meetingx[ocr]'" in e.message for e in errors)


def test_text_pdf_needs_no_ocr(tmp_path: Path, no_ocr) -> None:
    [document] = list(iter_inputs([str(two_page_pdf(tmp_path / "minutes.pdf"))]))
    assert isinstance(document, Document)


def test_huge_page_is_rendered_within_the_pixel_bound(tmp_path: Path, stub_ocr) -> None:
    path = image_pdf(tmp_path / "poster.pdf", [Image.new("RGB", (400, 400), "white")])
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    document[0].set_mediabox(0, 0, 14400, 14400)  # the largest page PDF allows: 200 inches square
    document.save(str(path))
    document.close()

    list(iter_inputs([str(path)]))

    [(width, height)] = stub_ocr.sizes
    assert width * height <= pdf.MAX_RENDER_PIXELS


@pytest.mark.parametrize(("make", "code"), [
    (lambda path: path.write_bytes(b"%PDF-1.7\nnot really a pdf"), "unreadable"),
    (lambda path: text_pdf(path, [[]]), "empty"),
], ids=["broken", "blank-page"])
def test_bad_pdf_is_an_error_entry(tmp_path: Path, make, code: str) -> None:
    path = tmp_path / "bad.pdf"
    make(path)
    [error] = list(iter_inputs([str(path)]))
    assert isinstance(error, InputError) and error.code == code


def test_pdf_text_over_the_limit_is_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = two_page_pdf(tmp_path / "minutes.pdf")
    monkeypatch.setattr(base, "MAX_DOCUMENT_BYTES", 200)
    [error] = list(iter_inputs([str(path)]))
    assert isinstance(error, InputError) and error.code == "too-large"
