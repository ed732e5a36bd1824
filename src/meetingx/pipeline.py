"""Build the spaCy ``Language`` for a language code from the registered components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from meetingx import components as _components  # noqa: F401  (Doc extensions)
from meetingx.components import register as _register  # noqa: F401  (factories)

#: The components of each language's pipeline, in the order they run.
PIPELINES: dict[str, tuple[str, ...]] = {
    "zh": (
        "meetingx_text",
        "meetingx_structure",
        "meetingx_dates",
        "meetingx_people",
        "meetingx_places",
        "meetingx_resolutions",
        "meetingx_numbering",
        "meetingx_clauses",
    ),
    "en": ("meetingx_text", "meetingx_structure"),
}

#: Documents longer than spaCy's default limit are still read (the batch has its own size limit).
MAX_LENGTH = 20_000_000


@lru_cache(maxsize=None)
def load(lang: str = "zh") -> Language:
    """A blank spaCy pipeline for ``lang`` with meetingx's components added in order."""
    if lang not in PIPELINES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {sorted(PIPELINES)}")
    nlp = spacy.blank(lang)
    nlp.max_length = MAX_LENGTH
    for name in PIPELINES[lang]:
        nlp.add_pipe(name)
    return nlp
