"""Doc -> MeetingRecord: pick among the candidates, write values with their evidence."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from meetingx.reading import Document
from meetingx.record import Extractor, MeetingRecord, RecordWarning, Source


def assemble(doc: Doc, document: Document) -> MeetingRecord:
    from meetingx import __version__

    meta = doc._.mx_meta or {}
    values: dict[str, Any] = {"id": document.id, "lang": meta.get("lang", "zh"), "kind": "news"}
    return MeetingRecord(
        **values,
        evidence={},
        source=Source(path=document.path, sha256=document.sha256, chars=len(document.text),
                      encoding=document.encoding),
        warnings=[],
        extractor=Extractor(version=__version__),
    )
