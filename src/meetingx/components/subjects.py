"""What the clause-reading components share: sentences and clauses of the matching view, the
lead words and dates that open a clause, and the people mentions that can be a clause's subject."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import candidates
from meetingx.lexicon import Lexicon

SENTENCE = re.compile(r"[^。！？；\n]+")
#: Clauses of the sentences: split at commas and colons, and at the spaces that separate the parts
#: of a headline (spaces inside prose are not in the matching view).
CLAUSE = re.compile(r"[^，： 。！？；\n]+")
_DATE_PREFIX = re.compile(r"(?:\d{1,4}\s*[年月日号]\s*|[上下]午|晚上|今天|近日|日前|（[^）]{0,6}）|\s)+")


@dataclass
class Subject:
    """A person or alias mention as a clause subject."""

    start: int  # where the mention (with its roles) starts
    end: int  # where it ends (after a trailing title)
    name_start: int
    name_end: int
    alias: Optional[tuple[str, str]] = None


def subjects(doc: Doc) -> list[Subject]:
    """The Doc's person and alias mentions, by where they start."""
    found = [Subject(c.data["span_start"], c.data["span_end"], c.start, c.end) for c in candidates(doc, "PERSON")]
    found += [Subject(c.start, c.end, c.start, c.end, alias=(c.data["surname"], c.data["title"]))
              for c in candidates(doc, "ALIAS")]
    return sorted(found, key=lambda s: s.start)


class LeadStripper:
    """Moves a clause's start past its lead words (会上, 首先…) and dates (4月18日下午，)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lead_re = re.compile(rf"(?:{lexicon.alternation('lead_words.txt')}|{_DATE_PREFIX.pattern})+")

    def __call__(self, text: str, start: int, end: int) -> int:
        lead = self.lead_re.match(text, start, end)
        return lead.end() if lead else start
