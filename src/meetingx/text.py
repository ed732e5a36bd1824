"""Length-preserving normalisation of the source text.

Rules match a *folded* copy of the text in which full-width and ASCII punctuation, digits and
traditional characters all have one form; because the copy has exactly the length of the
original, every offset found in it is an offset into the original, and every value is read back
from the original (``original[start:end]``). Nothing here changes what a record says, only what
the rules need to look for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

#: ASCII punctuation that Chinese pages also write in full width; folded to the full-width form.
_PUNCT_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
#: Other one-to-one foldings: full-width digits/letters to ASCII, ideographic space, variant marks.
_EXTRA = {"\u3000": " ", "\u00a0": " ", "．": ".", "〔": "（", "〕": "）", "﹐": "，", "､": "、", "︰": "："}


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> dict[int, str]:
    """Single-character traditional -> simplified map from OpenCC's data (Apache-2.0)."""
    table: dict[int, str] = {}
    data = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    for line in data.splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1:
            table[ord(source)] = target
    return table


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    table = dict(_traditional_to_simplified())
    for code in range(0xFF10, 0xFF1A):  # ０-９
        table[code] = chr(code - 0xFEE0)
    for code in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # Ａ-Ｚ ａ-ｚ
        table[code] = chr(code - 0xFEE0)
    table.update({ord(k): v for k, v in _PUNCT_TO_FULL.items()})
    table.update({ord(k): v for k, v in _EXTRA.items()})
    return table


def fold(text: str) -> str:
    """The folded copy of ``text``: same length, one form per character."""
    folded = text.translate(fold_table())
    assert len(folded) == len(text)
    return folded


_SENTENCE_END = re.compile(r"[。！？；\n]")


@dataclass
class TextView:
    """The original text and its folded twin, with sentence boundaries."""

    original: str
    folded: str = field(init=False)

    def __post_init__(self) -> None:
        self.folded = fold(self.original)

    def __len__(self) -> int:
        return len(self.original)

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence: runs ending at 。！？； or a line break."""
        spans, start = [], 0
        for match in _SENTENCE_END.finditer(self.folded):
            if match.start() > start:
                spans.append((start, match.start()))
            start = match.end()
        if start < len(self.folded):
            spans.append((start, len(self.folded)))
        return spans
