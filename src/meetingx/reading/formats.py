"""Which reader reads which file: by suffix, and by content for files without a known suffix."""

from __future__ import annotations

from meetingx.reading.base import Document, check_text_size, require_text
from meetingx.reading.text import decode

#: The reader of each suffix meetingx reads (JSON Lines files, batches of documents, apart).
SUFFIXES = {
    ".txt": "text", ".text": "text", ".htm": "html", ".html": "html", ".docx": "docx", ".doc": "doc",
    ".rtf": "rtf", ".pdf": "pdf", ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image",
    ".tiff": "image",
}
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: File signatures, for a file given by a path without a known suffix.
_MAGIC = (
    (b"%PDF-", "pdf"), (b"{\\rtf", "rtf"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"), (b"PK\x03\x04", "docx"),
    (b"\x89PNG\r\n\x1a\n", "image"), (b"\xff\xd8\xff", "image"), (b"II*\x00", "image"), (b"MM\x00*", "image"),
)


def format_of(suffix: str, data: bytes) -> str:
    """The reader for a file: by its suffix, else by its first bytes, else text."""
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), "text")


def read_document(id: str, path: str | None, data: bytes, kind: str) -> Document:
    """The Document of a file's bytes read by the reader ``kind`` (see :data:`SUFFIXES`)."""
    pages = ocr = None
    encoding = "utf-8"
    if kind == "docx":
        from meetingx.reading.docx import docx_to_text

        text = docx_to_text(data)
    elif kind == "doc":
        from meetingx.reading.doc import doc_to_text

        text = doc_to_text(data)
    elif kind == "rtf":
        from meetingx.reading.rtf import rtf_to_text

        text = rtf_to_text(data)
    elif kind == "pdf":
        from meetingx.reading.pdf import pdf_to_text

        text, pages, ocr = pdf_to_text(data)
    elif kind == "image":
        from meetingx.reading.ocr import image_to_text

        text, pages, ocr = image_to_text(data)
    else:
        from meetingx.reading.html import html_to_text, is_html

        text, encoding = decode(data)
        if kind == "html" or is_html(text):
            text = html_to_text(text)
    return Document(id=id, text=require_text(check_text_size(text)), path=path, encoding=encoding,
                    pages=pages, ocr=ocr)
