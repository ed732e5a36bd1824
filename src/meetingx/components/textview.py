"""The first component: the folded text view and the empty candidate list."""

from __future__ import annotations

from spacy.tokens import Doc

from meetingx.components import TEXT_KEY
from meetingx.text import TextView


class TextViewSetter:
    def __call__(self, doc: Doc) -> Doc:
        doc._.mx_text = TextView(doc.user_data.get(TEXT_KEY) or doc.text)
        if doc._.mx_meta is None:
            doc._.mx_meta = {}
        return doc
