"""PDFs made in the tests, with PDFium itself: pages of Latin text in a standard font (a text
layer) and pages that are only an image (a scan). No browser or CJK font needed."""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c

A4 = (595.0, 842.0)


def _set_text(text_object: Any, text: str) -> None:
    encoded = (text + "\x00").encode("utf-16-le")
    buffer = ctypes.create_string_buffer(encoded, len(encoded))
    pdfium_c.FPDFText_SetText(text_object, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))


def text_pdf(path: Path, pages: Sequence[Sequence[tuple[float, float, str]]], size: float = 11) -> Path:
    """A PDF whose pages hold the given lines: ``(x, y from the top, text)`` in points, Helvetica."""
    document = pypdfium2.PdfDocument.new()
    for lines in pages:
        page = document.new_page(*A4)
        for x, y, text in lines:
            text_object = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(size))
            _set_text(text_object, text)
            pdfium_c.FPDFPageObj_Transform(text_object, 1, 0, 0, 1, x, A4[1] - y - size)
            pdfium_c.FPDFPage_InsertObject(page.raw, text_object)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    document.save(str(path))
    return path


def image_pdf(path: Path, images: Sequence[Any]) -> Path:
    """A PDF of scanned pages: each PIL image fills an A4 page, with no text layer."""
    document = pypdfium2.PdfDocument.new()
    for image in images:
        page = document.new_page(*A4)
        picture = pypdfium2.PdfImage.new(document)
        bitmap = pypdfium2.PdfBitmap.from_pil(image.convert("RGB"))
        picture.set_bitmap(bitmap)
        picture.set_matrix(pypdfium2.PdfMatrix().scale(*A4))
        page.insert_obj(picture)
        page.gen_content()
    document.save(str(path))
    return path
