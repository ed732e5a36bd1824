"""spaCy components that add candidate spans to a Doc.

Every component reads the Doc's :class:`~meetingx.text.TextView` (``doc._.mx_text``) and adds
:class:`Candidate` objects with :func:`add_candidate` (``doc._.mx_candidates``). The last
component, :class:`SpanWriter`, writes every candidate as a span in ``doc.spans["meetingx"]``,
labelled with what it may be and with the rule that found it as ``span.id_``, so that the Doc
shows what the record was built from. :mod:`meetingx.assemble` picks among the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

SPAN_KEY = "meetingx"
#: Where meetingx's tokenizer leaves the text, so that components need not rebuild it from tokens.
TEXT_KEY = "meetingx.text"
#: Set by the people component when it runs without the tagger, so that the record can say so.
RULES_ONLY_KEY = "meetingx.people-by-rules-only"
_ALL = "meetingx.candidates"
_BY_LABEL = "meetingx.candidates-by-label"

if not Doc.has_extension("mx_text"):
    Doc.set_extension("mx_text", default=None)
    Doc.set_extension("mx_candidates", getter=lambda doc: doc.user_data.get(_ALL, []))
    Doc.set_extension("mx_meta", default=None)


@dataclass
class Candidate:
    """A span that may fill a field; ``data`` carries what the rule read from it. Offsets (here
    and in ``data``) index the matching view ``doc._.mx_text.folded``."""

    label: str
    start: int
    end: int
    rule: str
    confidence: float
    data: dict[str, Any] = field(default_factory=dict)


def add_candidate(doc: Doc, label: str, start: int, end: int, rule: str, confidence: float,
                  **data: Any) -> Candidate:
    """Record a candidate on the Doc."""
    candidate = Candidate(label, start, end, rule, confidence, data)
    doc.user_data.setdefault(_ALL, []).append(candidate)
    doc.user_data.setdefault(_BY_LABEL, {}).setdefault(label, []).append(candidate)
    return candidate


def candidates(doc: Doc, label: str) -> list[Candidate]:
    """The Doc's candidates with ``label``, in the order they were added (do not change the list)."""
    return doc.user_data.get(_BY_LABEL, {}).get(label, [])


class SpanWriter:
    """The last component: every candidate as a span of ``doc.spans["meetingx"]``, in one go."""

    def __call__(self, doc: Doc) -> Doc:
        view = doc._.mx_text
        char_tokens = len(doc) == len(view.original)  # meetingx's tokenizer: token i is character i
        spans = []
        for c in doc._.mx_candidates:
            start, end = view.to_original(c.start, c.end)
            if char_tokens:
                span = Span(doc, start, end, label=c.label, span_id=c.rule)
            else:
                span = doc.char_span(start, end, label=c.label, alignment_mode="expand")
                if span is None:
                    continue
                span.id_ = c.rule
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc
