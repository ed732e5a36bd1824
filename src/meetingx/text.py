"""Length-preserving normalisation of the source text.

Rules match a *folded* copy of the text in which full-width and ASCII punctuation, digits and
traditional characters all have one form (folding keeps the length). Where the input is damaged
(PDF line breaks inside sentences, spaces inside dates, pinyin inserted after characters), the
matching view also leaves those characters out and keeps, for each of its characters, the
position it came from. Every value is read back from the original, so it stays an exact substring
of the text, with any line break or space inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional

#: ASCII punctuation that Chinese pages also write in full width; folded to the full-width form.
_PUNCT_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
#: Other one-to-one foldings: full-width digits/letters to ASCII, ideographic space, variant marks.
_EXTRA = {"\u3000": " ", "\u00a0": " ", "．": ".", "〔": "（", "〕": "）", "､": "、", "︰": "：",
          # small and vertical forms of the marks (濟南市委常委會召開會議﹔…)
          "﹐": "，", "﹑": "、", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！", "﹙": "（", "﹚": "）",
          "︐": "，", "︑": "、", "︒": "。", "︔": "；", "︓": "：",
          # the dot inside transcribed names (阿不都·热合曼) comes in several forms
          "•": "·", "‧": "·", "・": "·", "･": "·", "∙": "·"}


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


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern[str]:
    """A character that folding may change: one of the table's, or any beyond the BMP (the few
    of the table there would make the class a slow list instead of a bitmap)."""
    bmp = "".join(re.escape(chr(code)) for code in sorted(fold_table()) if code <= 0xFFFF)
    return re.compile(f"[{bmp}\U00010000-\U0010FFFF]")


#: A carriage return that ends a line by itself, as in old Mac files (in ``\r\n`` the ``\n`` does).
_LONE_CR = re.compile(r"\r(?!\n)")


def fold(text: str) -> str:
    """The folded copy of ``text``: same length, one form per character; a line ends with
    ``\\n`` (a lone ``\\r`` becomes one), so that every rule reading lines reads these too."""
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    if _foldable().search(text) is None:
        return text  # most texts: nothing to fold, and a scan is much cheaper than translate
    folded = text.translate(fold_table())
    assert len(folded) == len(text)
    return folded


# Patterns scanned over whole texts start with a plain character or class (not a repeat or a
# lookbehind), so that re can skip ahead to where they may match instead of trying every position.
_WHITESPACE_RUN = re.compile(r"[ \t][ \t]*")
_PROSE_MARK = re.compile(r"[，。；]")
_CJK_OR_MARK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: Pinyin a mirror site inserted after characters: 區(qū)
_PINYIN = re.compile(r"（(?<=[\u4e00-\u9fff]（)[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}）")
_PAGE_NUMBER_LINE = re.compile(r"(?m)^[ \t]*(?:-\s*)?\d{1,3}(?:\s*-)?[ \t]*\n")
_TERMINAL = "。！？；：」』）》”"


def _removals(folded: str) -> list[tuple[int, int]]:
    """Spans of the folded text that matching should not see: pinyin annotations, white space
    next to Chinese text, page-number lines, and (in hard-wrapped text) line breaks inside a
    sentence."""
    spans: list[tuple[int, int]] = []
    pinyin = list(_PINYIN.finditer(folded))
    if len(pinyin) >= 3:
        spans += [m.span() for m in pinyin]
    line_end, prose_line = -1, False  # the line of the last run read, and whether it is prose
    for match in _WHITESPACE_RUN.finditer(folded):
        start, end = match.span()
        before = folded[start - 1] if start else "\n"
        after = folded[end] if end < len(folded) else "\n"
        if before == "\n" or after == "\n" or before.isdigit() and _CJK_OR_MARK.match(after) \
                or after.isdigit() and _CJK_OR_MARK.match(before):
            spans.append((start, end))  # indentation, trailing space, 9 月 28 日
        elif _CJK_OR_MARK.match(before) or _CJK_OR_MARK.match(after):
            # inside prose a space is damage; in a headline it separates two parts (…举行 习近平出席);
            # each line is read once, however many runs it holds
            if start > line_end:
                line_start = folded.rfind("\n", 0, start) + 1
                line_end = folded.find("\n", end)
                line_end = len(folded) if line_end < 0 else line_end
                prose_line = _PROSE_MARK.search(folded, line_start, line_end) is not None
            if prose_line:
                spans.append((start, end))
    lines = folded.split("\n")
    long_lines = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 20)
    open_lines = [line for line in lines if len(line.strip()) >= 20 and line.strip()[-1] not in _TERMINAL]
    if len(open_lines) >= 3 and len(open_lines) >= 0.3 * len(long_lines):
        # hard-wrapped text: a line that fills the usual width and stops mid-sentence goes on below
        width = long_lines[(3 * len(long_lines)) // 4]
        spans += [m.span() for m in _PAGE_NUMBER_LINE.finditer(folded)]
        pos = 0
        for line in lines[:-1]:
            end = pos + len(line)
            stripped = line.strip()
            following = folded[end + 1:end + 2]
            unclosed = stripped.count("《") > stripped.count("》")  # a line break inside a 《title》
            if (unclosed or len(stripped) >= max(20, 0.8 * width) and stripped[-1] not in _TERMINAL) \
                    and following not in ("\n", ""):
                spans.append((end, end + 1))
            pos = end + 1
    return spans


@dataclass
class TextView:
    """The original text and the view rules match: folded (one form per character) and compacted
    (see :func:`_removals`). ``origin[i]`` is where character ``i`` of the view stands in the
    original, so every span the rules find maps back to the exact original characters."""

    original: str
    folded: str = field(init=False)
    origin: Optional[list[int]] = field(init=False, default=None)

    def __post_init__(self) -> None:
        folded = self.fold_text(self.original)
        removals = self.removals(folded)
        if not removals:
            self.folded = folded
            return
        keep = bytearray(b"\x01") * len(folded)
        for start, end in removals:
            keep[start:end] = b"\x00" * (end - start)
        self.origin = [i for i, flag in enumerate(keep) if flag]
        self.folded = "".join(folded[i] for i in self.origin)

    @classmethod
    def restored(cls, original: str, folded: str, origin: Optional[list[int]]) -> TextView:
        """A view as it was saved, not made again (a language's view, made with its rule data)."""
        view = cls.__new__(cls)
        view.original, view.folded, view.origin = original, folded, origin
        return view

    def fold_text(self, text: str) -> str:
        """The folded copy of ``text`` (same length); a language's view may fold otherwise."""
        return fold(text)

    def removals(self, folded: str) -> list[tuple[int, int]]:
        """Spans of ``folded`` that matching should not see; a language's view may choose otherwise."""
        return _removals(folded)

    def __len__(self) -> int:
        return len(self.folded)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of view span [start, end)."""
        if self.origin is None or start >= end:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1

    def line_ends_at(self, pos: int) -> bool:
        """Whether a line of the original text ends where view character ``pos`` stands: a line
        break (or the end) there, or one the view left out between ``pos - 1`` and ``pos`` (where
        it joined a hard-wrapped line)."""
        if pos >= len(self.folded) or self.folded[pos] == "\n":
            return True
        if self.origin is None or pos == 0:
            return False
        return "\n" in self.original[self.origin[pos - 1] + 1:self.origin[pos]]

    def original_text(self, start: int, end: int) -> str:
        o_start, o_end = self.to_original(start, end)
        return self.original[o_start:o_end]
