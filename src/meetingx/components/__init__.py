"""spaCy components that add candidate spans to a Doc.

Every component reads the Doc's :class:`~meetingx.text.TextView` (``doc._.mx_text``) and adds
:class:`Candidate` objects with :func:`add_candidate`. Each candidate is also a span in
``doc.spans["meetingx"]`` labelled with what it may be and whose ``id_`` is the rule that found it,
so that the Doc shows what the record was built from. :mod:`meetingx.assemble` picks among them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

SPAN_KEY = "meetingx"
#: Where meetingx's tokenizer leaves the text, so that components need not rebuild it from tokens.
TEXT_KEY = "meetingx.text"
_BY_LABEL = "meetingx.candidates-by-label"

if not Doc.has_extension("mx_text"):
    Doc.set_extension("mx_text", default=None)
    Doc.set_extension("mx_candidates", default=None)
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
    """Record a candidate on the Doc (and as a span in ``doc.spans["meetingx"]``)."""
    candidate = Candidate(label, start, end, rule, confidence, data)
    doc._.mx_candidates.append(candidate)
    doc.user_data.setdefault(_BY_LABEL, {}).setdefault(label, []).append(candidate)
    span = doc.char_span(*doc._.mx_text.to_original(start, end), label=label, alignment_mode="expand")
    if span is not None:
        span.id_ = rule
        doc.spans[SPAN_KEY].append(span)
    return candidate


def candidates(doc: Doc, label: str) -> list[Candidate]:
    """The Doc's candidates with ``label``, in the order they were added (do not change the list)."""
    return doc.user_data.get(_BY_LABEL, {}).get(label, [])
