"""PDF files, by pypdfium2 (PDFium): the text layer page by page, and OCR for pages without one.

A page whose text layer is empty but which shows an image is a scan: it is rendered (at most
:data:`MAX_RENDER_PIXELS`) and read by OCR (:mod:`meetingx.reading.ocr`). Lines become one text in
reading order by :mod:`meetingx.reading.layout` (running headers and footers out, paragraphs
joined); the record's ``source.pages`` says where each page starts.
"""

from __future__ import annotations

import math
from typing import Any

from meetingx.reading import base
from meetingx.reading.base import OcrInfo, Unreadable
from meetingx.reading.layout import Line, Page, pages_text

#: A page rendered for OCR gets at most this many pixels (200 dpi on A4 is 3.9 million).
MAX_RENDER_PIXELS = 12_000_000
RENDER_DPI = 200


def pdf_to_text(data: bytes) -> tuple[str, tuple[int, ...], OcrInfo | None]:
    """``(text, page starts, OCR info or None)`` of a PDF file's bytes."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise Unreadable("unreadable", f"not a readable PDF: {error}")
    try:
        pages: list[Page] = []
        ocr_pages: list[int] = []
        size = 0
        for index in range(len(document)):
            pdf_page = document[index]
            page = _text_layer(pdf_page)
            if not page.lines and _has_image(pdf_page):
                from meetingx.reading.ocr import ocr_image

                page = ocr_image(_render(pdf_page))
                ocr_pages.append(index + 1)
            size += sum(len(line.text) + 1 for line in page.lines)
            if size > base.MAX_DOCUMENT_BYTES:
                raise Unreadable("too-large", f"the PDF holds over {base.MAX_DOCUMENT_BYTES} characters of text")
            pages.append(page)
    finally:
        document.close()
    text, starts = pages_text(pages)
    if not ocr_pages:
        return text, starts, None
    from meetingx.reading.ocr import engine_info

    return text, starts, engine_info(ocr_pages)


def _text_layer(pdf_page: Any) -> Page:
    """The lines of a page's text layer, in PDFium's order, with their boxes (y downwards)."""
    import pypdfium2.raw as pdfium_c

    width, height = pdf_page.get_size()
    text_page = pdf_page.get_textpage()
    lines: list[Line] = []
    characters: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []

    def end_line() -> None:
        text = "".join(characters)
        if text.strip() and boxes:
            lines.append(Line(text, min(b[0] for b in boxes), height - max(b[3] for b in boxes),
                              max(b[2] for b in boxes), height - min(b[1] for b in boxes)))
        characters.clear()
        boxes.clear()

    high_surrogate = 0
    for index in range(text_page.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(text_page.raw, index)
        if 0xD800 <= code < 0xDC00:
            high_surrogate = code
            continue
        if 0xDC00 <= code < 0xE000:
            code = 0x10000 + ((high_surrogate - 0xD800) << 10) + (code - 0xDC00) if high_surrogate else 0xFFFD
            high_surrogate = 0
        if code in (0x0A, 0x0D):
            end_line()
            continue
        if code < 0x20 and code != 0x09 or code in (0xFFFE, 0xFFFF, 0xFEFF):
            continue  # control characters and non-characters are no text
        characters.append(chr(code))
        if chr(code).strip():
            boxes.append(text_page.get_charbox(index))
    end_line()
    text_page.close()
    return Page(lines, width, height)


def _has_image(pdf_page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    return next(iter(pdf_page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))), None) is not None


def _render(pdf_page: Any) -> Any:
    """The page as a PIL image at :data:`RENDER_DPI`, scaled down to :data:`MAX_RENDER_PIXELS`."""
    width, height = pdf_page.get_size()
    scale = min(RENDER_DPI / 72, math.sqrt(MAX_RENDER_PIXELS / max(1.0, width * height)))
    while math.ceil(width * scale) * math.ceil(height * scale) > MAX_RENDER_PIXELS:
        scale *= 0.999  # pixels are whole: the rounding up may pass the bound by a row
    return pdf_page.render(scale=scale).to_pil().convert("RGB")
