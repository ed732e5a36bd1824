"""Numbering markers: 一是/二要, 第一, （一）/(一), 一、, 1./1、 at the start of a clause or line.

Adds ``MARKER`` candidates with ``data["family"]`` (markers of one family form one list),
``data["value"]`` (the number the marker says) and ``data["text_start"]`` (where the item's text
begins, after separators). Patterns live in ``markers.jsonl``. A marker only counts where it
starts a clause or a line; lists are put together in :mod:`meetingx.assemble`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.dates import to_int
from meetingx.lexicon import Lexicon


class MarkerFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.patterns = [(r["rule"], r["family"], re.compile(r["pattern"], re.M)) for r in lexicon.records("markers.jsonl")]

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        taken: set[int] = set()
        for rule, family, pattern in self.patterns:
            for match in pattern.finditer(text):
                start, end = match.span("marker")
                if start in taken:
                    continue
                value = to_int(match.group("num"))
                if not value:
                    continue
                text_start = match.end()
                while text_start < len(text) and text[text_start] in "，、：. \t":
                    text_start += 1
                taken.add(start)
                add_candidate(doc, "MARKER", start, end, rule, 0.9, family=family, value=value,
                              text_start=text_start)
        return doc
