"""spaCy components that add candidate spans to a Doc.

Every component reads the Doc's :class:`~meetingx.text.TextView` (``doc._.mx_text``) and adds
:class:`Candidate` objects with :func:`add_candidate` (``doc._.mx_candidates``). The last
component, :class:`SpanWriter`, writes every candidate as a span in ``doc.spans["meetingx"]``,
labelled with what it may be and with the rule that found it as ``span.id_``, so that the Doc
shows what the record was built from. :mod:`meetingx.assemble` picks among the candidates.

The Doc's extensions (``mx_text``, ``mx_candidates``, ``mx_meta``) live in ``doc.user_data`` and
serialise with it (``doc.to_bytes()``, ``DocBin(store_user_data=True)``, ``nlp.pipe(...,
n_process=2)``): meetingx registers a msgpack encoder and decoder with srsly, the serialiser spaCy
uses, for its candidates and text view. Only a process that has imported meetingx decodes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Callable

import srsly
from spacy.tokens import Doc, Span

from meetingx.text import TextView

SPAN_KEY = "meetingx"
#: Where meetingx's tokenizer leaves the text, so that components need not rebuild it from tokens.
TEXT_KEY = "meetingx.text"
#: Set by the people component when it runs without the tagger, so that the record can say so.
RULES_ONLY_KEY = "meetingx.people-by-rules-only"
#: Working notes that components share while the pipeline runs (see :func:`scratch`).
SCRATCH_KEY = "meetingx.scratch"
_CANDIDATES = "meetingx.candidates"


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


class CandidateStore:
    """A Doc's candidates, in the order they were added, and by label."""

    def __init__(self, found: Iterable[Candidate] = ()) -> None:
        self.all: list[Candidate] = []
        self.by_label: dict[str, list[Candidate]] = {}
        for candidate in found:
            self.add(candidate)

    def add(self, candidate: Candidate) -> None:
        self.all.append(candidate)
        self.by_label.setdefault(candidate.label, []).append(candidate)


def _all_candidates(doc: Doc) -> list[Candidate]:
    store = doc.user_data.get(_CANDIDATES)
    return store.all if store is not None else []


if not Doc.has_extension("mx_text"):
    Doc.set_extension("mx_text", default=None)
    Doc.set_extension("mx_candidates", getter=_all_candidates)
    Doc.set_extension("mx_meta", default=None)


def add_candidate(doc: Doc, label: str, start: int, end: int, rule: str, confidence: float,
                  **data: Any) -> Candidate:
    """Record a candidate on the Doc."""
    candidate = Candidate(label, start, end, rule, confidence, data)
    store = doc.user_data.get(_CANDIDATES)
    if store is None:
        store = doc.user_data[_CANDIDATES] = CandidateStore()
    store.add(candidate)
    return candidate


def candidates(doc: Doc, label: str) -> list[Candidate]:
    """The Doc's candidates with ``label``, in the order they were added (do not change the list)."""
    store = doc.user_data.get(_CANDIDATES)
    return store.by_label.get(label, []) if store is not None else []


# ---------------------------------------------------------------------------------------------
# msgpack forms of the Doc's data (srsly's encoder and decoder chains)

_CANDIDATE_ROWS = "__meetingx_candidates__"
_TEXT_VIEW = "__meetingx_text_view__"
_VIEW_FOLDED = "__meetingx_text_view_folded__"
_VIEW_ORIGIN = "__meetingx_text_view_origin__"
#: msgpack has one array type; candidate data keep tuples apart from lists under this key.
_TUPLE = "__meetingx_tuple__"


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return {_TUPLE: [_plain(item) for item in value]}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, CandidateStore):
        return {_CANDIDATE_ROWS: [[c.label, c.start, c.end, c.rule, c.confidence, _plain(c.data)] for c in obj.all]}
    if type(obj) is TextView:
        return {_TEXT_VIEW: obj.original}  # the view is rebuilt from the text, as meetingx_text made it
    if isinstance(obj, TextView):  # a language's view, made with rule data: saved as it is
        return {_TEXT_VIEW: obj.original, _VIEW_FOLDED: obj.folded, _VIEW_ORIGIN: obj.origin}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    # msgpack hands every map to the hook, innermost first: tuples are back before their candidate.
    if _TUPLE in obj:
        return tuple(obj[_TUPLE])
    if _CANDIDATE_ROWS in obj:
        return CandidateStore(Candidate(*row) for row in obj[_CANDIDATE_ROWS])
    if _VIEW_FOLDED in obj:
        return TextView.restored(obj[_TEXT_VIEW], obj[_VIEW_FOLDED], obj[_VIEW_ORIGIN])
    if _TEXT_VIEW in obj:
        return TextView(obj[_TEXT_VIEW])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("meetingx", func=_encode)
srsly.msgpack_decoders.register("meetingx", func=_decode)


def scratch(doc: Doc) -> dict[str, Any]:
    """The Doc's working notes: what one component reads and the next ones reuse (the English
    sentences, rosters and convening sentences, read once). Assembly never reads them, and the last
    component drops them, so that they are never serialised with the Doc."""
    notes = doc.user_data.get(SCRATCH_KEY)
    if notes is None:
        notes = doc.user_data[SCRATCH_KEY] = {}
    return notes


class SpanWriter:
    """The last component: every candidate as a span of ``doc.spans["meetingx"]``, in one go; the
    working notes (:func:`scratch`) dropped."""

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data.pop(SCRATCH_KEY, None)
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
