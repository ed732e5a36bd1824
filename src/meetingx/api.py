"""The Python API: ``load``, ``extract`` and ``pipe``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from meetingx.assemble import assemble
from meetingx.pipeline import build
from meetingx.pipeline import load as _load  # the shared pipeline extraction runs
from meetingx.reading import Document
from meetingx.record import MeetingRecord

#: A run of CJK characters or a run of Latin letters: the letters that say a text's language.
_LETTER_RUN = re.compile(r"[\u3400-\u9fff]+|[A-Za-z]+")
#: How many letters from the start of a text decide its language.
_SAMPLE_LETTERS = 1000
#: How many documents :func:`pipe` reads together (see :func:`extract_documents`).
BATCH_SIZE = 32


class EmptyTextError(ValueError):
    """Raised for a text that is empty or only white space: it reports no meeting, so meetingx
    makes no record of it (``meetingx extract`` and the service give it the error code ``empty``)."""


def load(lang: str = "zh", data_dir: str | None = None, tagger: bool = True) -> Language:
    """A new spaCy pipeline for ``lang`` ("zh" or "en") with meetingx's components, yours to
    change: :func:`extract` runs a pipeline of its own, unless you hand it this one (``nlp=``).
    ``data_dir`` is a directory of lexicons of your own, laid out like ``meetingx/data/<lang>/``;
    ``tagger=False`` finds people by the rules alone, faster and less completely (see
    :func:`meetingx.pipeline.build`)."""
    return build(lang, data_dir, tagger)


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


def extract_document(document: Document, publish_date: str | None = None, lang: str | None = None,
                     data_dir: str | None = None, tagger: bool = True, nlp: Language | None = None) -> MeetingRecord:
    """The record of one document. ``publish_date`` (ISO) is used when the text has none;
    ``lang`` (else the document's own, else detected) names its language; ``data_dir`` and
    ``tagger`` are as for :func:`load`; ``nlp`` is a pipeline of your own to run
    instead (from :func:`load` or ``spacy.load``), built with whatever ``data_dir`` and ``tagger``
    you chose. Raises :class:`EmptyTextError` for a text with nothing but white space."""
    nlp, doc = _new_doc(document, publish_date, lang, data_dir, tagger, nlp)
    return assemble(nlp(doc), document)


def extract_documents(documents: Sequence[tuple[Document, str | None]], data_dir: str | None = None,
                      tagger: bool = True, nlp: Language | None = None) -> list[MeetingRecord]:
    """The records of documents, each given with its publish date, as :func:`extract_document`
    makes them one by one, but read together: the Docs of each pipeline go through its
    ``nlp.pipe`` at once, so that the people tagger answers all their questions in shared model
    calls."""
    batches: dict[Language, list[tuple[int, Doc]]] = {}
    for index, (document, publish_date) in enumerate(documents):
        pipeline, doc = _new_doc(document, publish_date, None, data_dir, tagger, nlp)
        batches.setdefault(pipeline, []).append((index, doc))
    records: dict[int, MeetingRecord] = {}
    for pipeline, batch in batches.items():
        for (index, _), doc in zip(batch, pipeline.pipe([doc for _, doc in batch], batch_size=len(batch))):
            records[index] = assemble(doc, documents[index][0])
    return [records[index] for index in range(len(documents))]


def _new_doc(document: Document, publish_date: str | None, lang: str | None, data_dir: str | None,
             tagger: bool, nlp: Language | None) -> tuple[Language, Doc]:
    """The pipeline that reads the document (see :func:`extract_document`) and the Doc it starts from."""
    if not document.text.strip():
        raise EmptyTextError("no text (empty or only whitespace)")
    lang = lang or document.lang
    if nlp is None:
        lang = lang or detect_language(document.text)
        nlp = _load(lang, data_dir, tagger)
    elif data_dir is not None or not tagger:
        raise ValueError("data_dir and tagger choose the pipeline to build: with nlp, build it so "
                         "(meetingx.load(lang, data_dir, tagger))")
    else:
        lang = lang or nlp.lang
    doc = nlp.make_doc(document.text)
    doc._.mx_meta = {"publish_date": publish_date, "lang": lang}
    return nlp, doc


def extract(text: str, id: str | None = None, publish_date: str | None = None, *, lang: str | None = None,
            data_dir: str | None = None, tagger: bool = True, nlp: Language | None = None) -> MeetingRecord:
    """Extract the record of one meeting report given as a string (see :func:`extract_document`)."""
    return extract_document(Document(id=id or "document", text=text), publish_date, lang, data_dir, tagger, nlp)


def pipe(documents: Iterable[Document | str], publish_date: str | None = None, *, tagger: bool = True,
         nlp: Language | None = None, batch_size: int = BATCH_SIZE) -> Iterator[MeetingRecord]:
    """Records of many documents (``Document`` objects or plain strings), in order, read
    ``batch_size`` at a time (see :func:`extract_documents`); ``tagger`` and ``nlp`` are as for
    :func:`extract_document`."""
    numbered = ((item if isinstance(item, Document) else Document(id=f"document-{number}", text=item), publish_date)
                for number, item in enumerate(documents, 1))
    for batch in minibatch(numbered, batch_size):
        yield from extract_documents(batch, tagger=tagger, nlp=nlp)
