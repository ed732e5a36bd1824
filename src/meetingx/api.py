"""The Python API: ``load``, ``extract`` and ``pipe``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language

from meetingx.assemble import assemble
from meetingx.pipeline import load as _load
from meetingx.reading import Document
from meetingx.record import MeetingRecord

#: A run of CJK characters or a run of Latin letters: the letters that say a text's language.
_LETTER_RUN = re.compile(r"[\u3400-\u9fff]+|[A-Za-z]+")
#: How many letters from the start of a text decide its language.
_SAMPLE_LETTERS = 1000


def load(lang: str = "zh", data_dir: str | None = None, tagger: bool = True) -> Language:
    """The spaCy pipeline for ``lang`` ("zh" or "en"), with meetingx's components; ``data_dir``
    is a directory of lexicons of your own, laid out like ``meetingx/data/<lang>/``; ``tagger=False``
    finds people by the rules alone, faster and less completely (see
    :func:`meetingx.pipeline.load`)."""
    return _load(lang, data_dir, tagger)


def detect_language(text: str) -> str:
    """"zh" when CJK characters make up a tenth or more of the first letters of the text (CJK
    characters and Latin letters, some 1,000 of them), else "en".

    Only letters count, wherever they start: a text that opens with punctuation (、、、), emoji,
    digits or markup is judged by the words that follow, in one scan (linear however long the
    opening is).
    """
    cjk = latin = 0
    for run in _LETTER_RUN.finditer(text):
        if text[run.start()] >= "\u3400":
            cjk += run.end() - run.start()
        else:
            latin += run.end() - run.start()
        if cjk + latin >= _SAMPLE_LETTERS:
            break
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
