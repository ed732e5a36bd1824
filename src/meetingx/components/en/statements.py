"""Where an English text states its meeting: the header (what stands before the body) and the
convening sentences (``The City Council met…``, ``A regular meeting of … was called to order…``,
``Minutes of the Parish Council Meeting held on…``), from the phrases of ``convening.txt``, in a
sentence that names a meeting or a body. A sentence about another meeting (approving the minutes
of a previous one, ``other_meetings.txt``) states nothing about this one."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from meetingx.components import candidates, scratch
from meetingx.components.en.words import EnglishWords, sentences_of
from meetingx.lexicon import Lexicon, word_pattern

_KEY = "meetingx.en.convening"


class Statements:
    """The convening phrases and the words of meetings and bodies of one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.convening = re.compile("|".join(f"(?:{p})" for p in lexicon.words("convening.txt")), re.I | re.M)
        self.other = re.compile("|".join(f"(?:{p})" for p in lexicon.words("other_meetings.txt")), re.I)
        nouns = lexicon.words("meeting_nouns.txt") + lexicon.words("body_nouns.txt")
        self.meeting_or_body = re.compile(rf"(?<![A-Za-z])(?i:{word_pattern(nouns)})(?![A-Za-z])")

    def about_other_meeting(self, text: str, start: int, end: int) -> bool:
        return self.other.search(text, start, end) is not None

    def convening_sentences(self, doc: Doc, words: EnglishWords) -> list[tuple[int, int]]:
        """The sentences that state the meeting, in text order (made once per Doc)."""
        found = scratch(doc).get(_KEY)
        if found is not None:
            return found
        text = doc._.mx_text.folded
        found = []
        for start, end in sentences_of(doc, words).spans():
            verb = self.convening.search(text, start, end)
            if verb is None or self.about_other_meeting(text, start, end):
                continue
            if self.meeting_or_body.search(text, start, end):
                found.append((start, end))
        scratch(doc)[_KEY] = found
        return found

    def convening_set(self, doc: Doc, words: EnglishWords) -> frozenset[tuple[int, int]]:
        """The convening sentences as a set, for membership."""
        found = scratch(doc).get(_KEY + ".set")
        if found is None:
            found = scratch(doc)[_KEY + ".set"] = frozenset(self.convening_sentences(doc, words))
        return found


@lru_cache(maxsize=None)
def statements(lexicon: Lexicon) -> Statements:
    return Statements(lexicon)


def body_start(doc: Doc) -> int:
    found = candidates(doc, "BODY")
    return found[0].start if found else 0


def statement_end(doc: Doc, words: EnglishWords, found: Statements) -> int:
    """Where the text has said what it needs to say about its meeting: after the header and the
    first convening sentence of the body."""
    body = body_start(doc)
    convening = [end for start, end in found.convening_sentences(doc, words) if end > body]
    return max([body] + convening[:1])
