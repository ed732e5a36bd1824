"""The Python API: ``load``, ``extract`` and ``pipe``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language

from meetingx.assemble import assemble
from meetingx.pipeline import load as _load
from meetingx.reading import Document
from meetingx.record import MeetingRecord

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


def load(lang: str = "zh", data_dir: str | None = None, tagger: bool = True) -> Language:
    """The spaCy pipeline for ``lang`` ("zh" or "en"), with meetingx's components; ``data_dir``
    is a directory of lexicons of your own, laid out like ``meetingx/data/<lang>/``; ``tagger=False``
    finds people by the rules alone, faster and less completely (see
    :func:`meetingx.pipeline.load`)."""
    return _load(lang, data_dir, tagger)


def detect_language(text: str) -> str:
    """"zh" when CJK characters make up a real share of the letters, else "en"."""
    sample = text[:1000]
    cjk = sum(map(len, _CJK_RUN.findall(sample)))
    if cjk >= max(1, (len(sample) - cjk) // 10):
        return "zh"  # enough even if every other character were a Latin letter
    latin = sum(map(len, _LATIN_RUN.findall(sample)))
    return "zh" if cjk >= max(1, latin // 10) else "en"


def extract_document(document: Document, publish_date: str | None = None,
                     lang: str | None = None, data_dir: str | None = None, tagger: bool = True) -> MeetingRecord:
    """The record of one document. ``publish_date`` (ISO) is used when the text has none;
    ``data_dir`` and ``tagger`` are as for :func:`load`."""
    lang = lang or detect_language(document.text)
    nlp = _load(lang, data_dir, tagger)
    doc = nlp.make_doc(document.text)
    doc._.mx_meta = {"publish_date": publish_date, "lang": lang}
    doc = nlp(doc)
    return assemble(doc, document)


def extract(text: str, id: str | None = None, publish_date: str | None = None, *,
            lang: str | None = None, data_dir: str | None = None, tagger: bool = True) -> MeetingRecord:
    """Extract the record of one meeting report given as a string."""
    return extract_document(Document(id=id or "document", text=text), publish_date, lang, data_dir, tagger)


def pipe(documents: Iterable[Document | str], publish_date: str | None = None, *,
         tagger: bool = True) -> Iterator[MeetingRecord]:
    """Records of many documents (``Document`` objects or plain strings), in order."""
    for number, item in enumerate(documents, 1):
        document = item if isinstance(item, Document) else Document(id=f"document-{number}", text=item)
        yield extract_document(document, publish_date, tagger=tagger)
