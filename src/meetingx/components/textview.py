"""The first component: the folded text view and the empty candidate list."""

from __future__ import annotations

from spacy.tokens import Doc

from meetingx.components import SPAN_KEY, TEXT_KEY
from meetingx.text import TextView


class TextViewSetter:
    def __call__(self, doc: Doc) -> Doc:
        doc._.mx_text = TextView(doc.user_data.get(TEXT_KEY) or doc.text)
        doc._.mx_candidates = []
        if doc._.mx_meta is None:
            doc._.mx_meta = {}
        doc.spans[SPAN_KEY] = []
        return doc
