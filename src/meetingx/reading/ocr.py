"""Optical character recognition of scans: images (PNG, JPEG, TIFF) and PDF pages without text.

The engine is RapidOCR (``rapidocr-onnxruntime``, Apache-2.0) with the PaddleOCR PP-OCRv4 Chinese
and English models it ships in its wheel (Apache-2.0), on onnxruntime: offline, installed by
``pip install 'meetingx[ocr]'``. Without it a scan is an ``ocr-unavailable`` error entry.

Pages are taken as upright (the line-direction classifier is off: on upright pages it turned
whole lines upside down). The engine runs on a fixed number of threads, so that the same image
gives the same text on any machine.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from meetingx.reading import base
from meetingx.reading.base import OcrInfo, Unreadable
from meetingx.reading.layout import Line, Page, pages_text

ENGINE = "rapidocr-onnxruntime"
INSTALL_HINT = "pip install 'meetingx[ocr]'"
#: Largest image read, in pixels (an A4 page at 300 dpi has 8.7 million).
MAX_IMAGE_PIXELS = 40_000_000
#: Most frames read from one (TIFF) image file.
MAX_FRAMES = 500
THREADS = 2


@lru_cache(maxsize=1)
def _engine() -> Any:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as error:
        raise Unreadable("ocr-unavailable", f"a scan needs OCR, which is not installed ({INSTALL_HINT}): {error}")
    return RapidOCR(use_cls=False, intra_op_num_threads=THREADS, inter_op_num_threads=1)


def engine_info(pages: list[int]) -> OcrInfo:
    """What ``source.ocr`` records: the engine, its version, the pages it read."""
    from importlib.metadata import version

    return OcrInfo(engine=ENGINE, version=version(ENGINE), pages=tuple(pages))


def ocr_image(image: Any) -> Page:
    """The lines OCR reads on a PIL image, grouped into rows and put in reading order."""
    import numpy

    result, _ = _engine()(numpy.asarray(image.convert("RGB")), use_cls=False)
    boxes = [Line(text, min(p[0] for p in box), min(p[1] for p in box), max(p[0] for p in box),
                  max(p[1] for p in box)) for box, text, _score in result or [] if text.strip()]
    return Page(_rows(boxes), float(image.width), float(image.height))


def _rows(boxes: list[Line]) -> list[Line]:
    """Boxes on the same row (their middles within each other's height) made one line, left to right;
    rows top to bottom. Pieces of a row are joined by nothing when close, a space when apart."""
    rows: list[list[Line]] = []
    for box in sorted(boxes, key=lambda b: (b.top + b.bottom) / 2):
        middle = (box.top + box.bottom) / 2
        if rows and rows[-1][0].top <= middle <= rows[-1][0].bottom:
            rows[-1].append(box)
        else:
            rows.append([box])
    lines = []
    for row in rows:
        row.sort(key=lambda b: b.left)
        text = row[0].text
        for previous, box in zip(row, row[1:]):
            text += ("" if box.left - previous.right < previous.height else " ") + box.text
        lines.append(Line(text, row[0].left, min(b.top for b in row), row[-1].right, max(b.bottom for b in row)))
    return lines


def image_to_text(data: bytes) -> tuple[str, tuple[int, ...], OcrInfo]:
    """``(text, page starts, OCR info)`` of an image file (every frame of a TIFF is a page)."""
    from PIL import Image, ImageSequence

    _engine()  # ocr-unavailable before any decoding work
    try:
        image = Image.open(io.BytesIO(data))
        pages = []
        size = 0
        for number, frame in enumerate(ImageSequence.Iterator(image), 1):
            if number > MAX_FRAMES:
                raise Unreadable("too-large", f"over {MAX_FRAMES} pages in one image file")
            if frame.width * frame.height > MAX_IMAGE_PIXELS:
                raise Unreadable("too-large", f"an image of {frame.width}x{frame.height} pixels, over the limit "
                                              f"of {MAX_IMAGE_PIXELS} pixels")
            page = ocr_image(frame)
            size += sum(len(line.text) + 1 for line in page.lines)
            if size > base.MAX_DOCUMENT_BYTES:
                raise Unreadable("too-large", f"the image holds over {base.MAX_DOCUMENT_BYTES} characters of text")
            pages.append(page)
    except Image.DecompressionBombError as error:
        raise Unreadable("too-large", str(error))
    except (Image.UnidentifiedImageError, OSError) as error:
        raise Unreadable("unreadable", f"not a readable image: {error}")
    text, starts = pages_text(pages)
    return text, starts, engine_info(list(range(1, len(pages) + 1)))
