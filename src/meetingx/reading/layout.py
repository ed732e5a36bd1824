"""From lines placed on pages (a PDF's text layer, or OCR boxes) to one text in reading order.

- **Running headers and footers** are left out: a line in the top or bottom tenth of a page that
  comes back on at least half the pages (two at least) with only its numbers changed (a report's
  title, 第3页 共5页, a date), and a page number standing alone there on any page. They would cut
  sentences that run across a page break.
- **Lines are joined into paragraphs**: a line that reaches the right edge of the text (if that
  edge is near where the right margin would be were it as wide as the left one) is continued by
  the next line, unless that one is indented or stands apart (a gap wider than the usual one
  between lines);
  Chinese lines are joined with nothing, Latin words with a space. This holds across a page
  break too, so a sentence cut by it reads whole.

Coordinates grow rightwards and downwards, in any unit (PDF points, image pixels).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

#: The share of a page's height at the top and at the bottom where running lines stand.
_BAND = 0.1
_PAGE_NUMBER = re.compile(r"[-–—\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:[/／]|of|共)\s*\d{1,4}\s*(?:页)?)?[-–—\s]*"
                          r"|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@dataclass(frozen=True)
class Line:
    """A line of text and its box."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1e-6)


@dataclass(frozen=True)
class Page:
    """The lines of one page, in reading order, and the page's size."""

    lines: Sequence[Line]
    width: float
    height: float


def pages_text(pages: Sequence[Page]) -> tuple[str, tuple[int, ...]]:
    """The text of ``pages`` and the offset where each page's text starts."""
    running = _running_lines(pages)
    bodies = [[line for line in page.lines if line.text.strip() and _key(line, page) not in running
               and not _is_page_number(line, page)] for page in pages]
    body_lines = [line for lines in bodies for line in lines]
    if not body_lines:
        return "", tuple(0 for _ in pages)
    left = min(line.left for line in body_lines)
    right = max(line.right for line in body_lines)
    size = sorted(line.height for line in body_lines)[len(body_lines) // 2]
    margin = max(page.width for page in pages) - left  # where the right margin is, were it like the left
    if right < margin - 4 * size:
        right = float("inf")  # lines that all end far short of the margin are short lines, not wrapped ones
    spacing = _line_spacing(bodies)
    pieces: list[str] = []
    length = 0
    starts: list[int] = []
    previous: Line | None = None
    for lines in bodies:
        starts.append(length)
        for line in lines:
            text = line.text.strip()
            if previous is not None:
                joint = _joint(previous, line, left, right, spacing if line is not lines[0] else None)
                pieces.append(joint)
                length += len(joint)
                if line is lines[0]:
                    starts[-1] = length
            pieces.append(text)
            length += len(text)
            previous = line
    return "".join(pieces), tuple(starts)


def _key(line: Line, page: Page) -> str | None:
    """What a running line has in common from page to page: its text with numbers left out; None
    for a line outside the top and bottom bands."""
    if line.top > page.height * _BAND and line.bottom < page.height * (1 - _BAND):
        return None
    return _DIGITS.sub("#", re.sub(r"\s+", "", line.text))


def _running_lines(pages: Sequence[Page]) -> set[str]:
    counts = Counter(key for page in pages for key in {_key(line, page) for line in page.lines} if key)
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in counts.items() if count >= needed}


def _is_page_number(line: Line, page: Page) -> bool:
    return _key(line, page) is not None and _PAGE_NUMBER.fullmatch(line.text.strip()) is not None


def _reaches(line: Line, right: float) -> bool:
    """Whether a line ends at the right edge of the text, where wrapped lines end."""
    return line.right >= right - 1.5 * line.height


def _line_spacing(bodies: Sequence[Sequence[Line]]) -> float:
    """The usual gap between a line and the next, relative to their height (the median)."""
    gaps = sorted((line.top - previous.bottom) / max(previous.height, line.height)
                  for lines in bodies for previous, line in zip(lines, lines[1:]) if line.top > previous.bottom)
    return gaps[len(gaps) // 2] if gaps else 0.0


def _joint(previous: Line, line: Line, left: float, right: float, spacing: float | None) -> str:
    """What stands between two lines: nothing or a space within a paragraph, else a newline.
    ``spacing`` is the usual gap between lines, None across a page break."""
    size = max(previous.height, line.height)
    reaches_edge = _reaches(previous, right)
    indented = line.left > left + 0.8 * size
    apart = spacing is not None and line.top - previous.bottom > (spacing + 0.4) * size
    if not reaches_edge or indented or apart:
        return "\n"
    before, after = previous.text.rstrip()[-1:], line.text.lstrip()[:1]
    if _CJK.match(before) or _CJK.match(after):
        return ""
    return "" if before == "-" else " "
