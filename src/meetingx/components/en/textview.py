"""The matching view of an English text (see :mod:`meetingx.text`): typographic quotes and dashes
in one form, a ``0`` read for an ``O`` inside a word of capitals (``R0LL CALL``), soft line breaks
of hard-wrapped text read as spaces; page furniture (``Page 2 of 13``, a DocuSign envelope id) and
the hyphen of a word broken over two lines (``Fitz-\\ngerald``) left out."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from meetingx.components import TEXT_KEY
from meetingx.lexicon import Lexicon
from meetingx.text import TextView

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\t": " ", "\r": "\n",
                       "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " "})
_ZERO_IN_CAPITALS = re.compile(r"(?<=[A-Z])0(?=[A-Z])|(?<=\b[A-Z])0(?=[A-Z]{2})")
_HYPHENATED_BREAK = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
#: A break before a word in lower case goes on with the sentence (…the Chair\ncalled the meeting…).
_SOFT_BREAK = re.compile(r"(?<=[A-Za-z,;])[ ]*\n(?=[ ]*[a-z])")
_LINE = re.compile(r"[^\n]+")
_TERMINAL = ".:;!?\"')"


class EnglishTextView(TextView):
    """An English text with its matching view."""

    def __init__(self, original: str, furniture: "re.Pattern[str]") -> None:
        self.furniture = furniture
        super().__init__(original)

    def fold_text(self, text: str) -> str:
        folded = text.translate(_FOLD)
        folded = _ZERO_IN_CAPITALS.sub("O", folded)
        chars = None
        for match in _SOFT_BREAK.finditer(folded):
            chars = chars or list(folded)
            chars[match.end() - 1] = " "
        for pos in self.wrapped_breaks(folded):
            chars = chars or list(folded)
            chars[pos] = " "
        return "".join(chars) if chars else folded

    @staticmethod
    def wrapped_breaks(text: str) -> list[int]:
        """In hard-wrapped text (most long lines stop mid-sentence), the line breaks after a line
        that fills the usual width and does not end a sentence."""
        lines = [m.span() for m in _LINE.finditer(text)]
        long_lines = [(s, e) for s, e in lines if e - s >= 50]
        open_lines = [(s, e) for s, e in long_lines if text[e - 1] not in _TERMINAL]
        if len(open_lines) < 3 or len(open_lines) < 0.5 * len(long_lines):
            return []
        width = sorted(e - s for s, e in long_lines)[len(long_lines) // 2]
        return [e for s, e in open_lines if e - s >= 0.8 * width and e + 1 < len(text) and text[e + 1] != "\n"
                and not (text[e - 1] == "-" and text[e + 1].islower())]  # Fitz-\ngerald: left out below

    def removals(self, folded: str) -> list[tuple[int, int]]:
        spans = [m.span() for m in _HYPHENATED_BREAK.finditer(folded)]
        spans += [m.span() for m in self.furniture.finditer(folded)]
        return sorted(spans)


class EnglishTextViewSetter:
    """The first component of the English pipeline: the matching view."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.furniture = re.compile("|".join(f"(?:{p})" for p in lexicon.words("page_furniture.txt")))

    def __call__(self, doc: Doc) -> Doc:
        doc._.mx_text = EnglishTextView(doc.user_data.get(TEXT_KEY) or doc.text, self.furniture)
        if doc._.mx_meta is None:
            doc._.mx_meta = {}
        return doc
