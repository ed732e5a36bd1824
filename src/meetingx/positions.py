"""Lookups over positions of a text, made once per document so that a rule asking about a few
characters costs the same on a 1 MB text as on a short report: taken characters, spans by where
they lie, the segments (sentences, clauses) between boundary marks, and where a pattern occurs."""

from __future__ import annotations

import re
from bisect import bisect_left
from re import _parser as sre_parser  # the parser re itself uses: how long a pattern's matches can be
from functools import cached_property, lru_cache
from typing import Iterator, Optional

from meetingx.lexicon import word_pattern


class Occupied:
    """Which characters of a text are already taken (by a mention, a date): constant-time checks."""

    def __init__(self, length: int) -> None:
        self.flags = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        self.flags[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.flags.find(1, start, end) >= 0

    def covers(self, pos: int) -> bool:
        return bool(self.flags[pos]) if 0 <= pos < len(self.flags) else False

    def last(self, start: int, end: int) -> int:
        """The last taken position in [start, end), or -1."""
        return self.flags.rfind(1, start, end)


class SortedSpans:
    """(start, end) spans, found by where they lie without a scan of them all: a long text holds
    hundreds of people and dates, and every clause asks about a few characters."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.listed = spans
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def starting_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that start in [start, end), by start."""
        return self.spans[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that overlap [start, end)."""
        return [span for span in self.starting_in(start - self.longest, end) if span[1] > start and span[0] < end]

    def first_start(self, start: int, end: int) -> Optional[int]:
        """The first position in [start, end) where a span starts, or None."""
        inside = self.starting_in(start, end)
        return inside[0][0] if inside else None

    def first_listed_start(self, start: int, end: int) -> Optional[int]:
        """The start of the span listed first among those that start in [start, end), or None."""
        inside = self.starting_in(start, end)
        return min(inside, key=self.listing.__getitem__)[0] if inside else None

    @cached_property
    def listing(self) -> dict[tuple[int, int], int]:
        """Where each span was first listed."""
        return {span: index for index, span in reversed(list(enumerate(self.listed)))}


class Segments:
    """The segments of a text between boundary marks (sentence ends, clause marks), found in one
    scan; the segment around a position by bisection. With ``start`` and ``end``, the segments of
    text[start:end] only (offsets still into the text)."""

    def __init__(self, text: str, boundary: re.Pattern[str], start: int = 0, end: Optional[int] = None) -> None:
        self.start = start
        self.length = len(text) if end is None else end
        self.boundaries = [match.start() for match in boundary.finditer(text, start, self.length)]

    def start_of(self, pos: int) -> int:
        """Where the segment holding ``pos`` starts (after the boundary mark before it)."""
        index = bisect_left(self.boundaries, pos)
        return self.boundaries[index - 1] + 1 if index > 0 else self.start

    def end_of(self, pos: int) -> int:
        """Where the segment holding ``pos`` ends (at the first boundary mark from ``pos`` on)."""
        index = bisect_left(self.boundaries, pos)
        return self.boundaries[index] if index < len(self.boundaries) else self.length


class Occurrences:
    """Every position of a text where a pattern matches, found in one scan (matches that overlap
    too), so that whether it matches inside text[start:end] costs a bisection however long the
    window: for rules that search a sentence or clause once for each of many matches in it.

    The pattern has no ``^``, ``$``, ``\\b`` or ``\\B`` (which read where a window starts or ends);
    ``lookahead`` is how many characters its look-aheads read past the end of a match."""

    def __init__(self, pattern: re.Pattern[str], text: str, lookahead: int = 0) -> None:
        self.pattern = pattern
        self.text = text
        self.width = longest_match(pattern) + lookahead
        self.starts = [match.start() for match in match_starts(pattern, text)]

    def search(self, start: int, end: int) -> Optional[re.Match[str]]:
        """``pattern.search(text, start, end)``: the same match, found without a scan of the window.
        A match that starts ``width`` or more before ``end`` is one the window's end cannot cut;
        where there is none, only the last ``width`` positions are searched."""
        index = bisect_left(self.starts, start)
        if index < len(self.starts) and self.starts[index] <= end - self.width:
            return self.pattern.match(self.text, self.starts[index], end)
        return self.pattern.search(self.text, max(start, end - self.width + 1), end)


def match_starts(pattern: re.Pattern[str], text: str, start: int = 0,
                 end: Optional[int] = None) -> Iterator[re.Match[str]]:
    """A match of ``pattern`` in text[start:end] at every position where one starts, overlapping
    ones too: what ``(?=(pattern))`` finds (in its group 1) with ``finditer``, in one scan, each
    search starting one past the last match's start. Searched rather than scanned with a
    look-ahead, because ``re`` skips straight to the characters a pattern can start with (a
    literal, or alternatives that each start with one: 召开|举行, 会议|大会…) but tries a look-ahead
    at every position: three to ten times as fast on reports for such patterns."""
    end = len(text) if end is None else end
    match = pattern.search(text, start, end)
    while match is not None:
        yield match
        match = pattern.search(text, match.start() + 1, end)


#: How many characters :func:`word_starts` may read with ``str.find`` (words x text length)
#: before it compiles a pattern instead: a compile costs ~100 µs, as much as finding a word some
#: 100 times in a report, but a scan per word of a long text of many words is quadratic.
FIND_BUDGET = 200_000


def word_starts(text: str, words: list[str], budget: int = FIND_BUDGET) -> list[tuple[int, str]]:
    """(start, word) of every occurrence of each of ``words`` (distinct, all of one length) in
    ``text``, overlapping ones too, by start: each word found with ``str.find`` where that reads
    at most ``budget`` characters in all, else all at once with one pattern (:func:`match_starts`;
    a trie, :func:`~meetingx.lexicon.word_pattern`, as a plain alternation would try every word
    at each place one may start). At most one of the words can start at a position, so both give
    the same list."""
    if len(words) * len(text) <= budget:
        found: list[tuple[int, str]] = []
        for word in words:
            start = text.find(word)
            while start >= 0:
                found.append((start, word))
                start = text.find(word, start + 1)
        return sorted(found)
    pattern = re.compile(word_pattern(words))
    return [(match.start(), match.group()) for match in match_starts(pattern, text)]


@lru_cache(maxsize=256)
def longest_match(pattern: re.Pattern[str]) -> int:
    """The most characters a match of ``pattern`` can span (look-arounds not counted); ValueError
    for a pattern whose matches have no bound. Parsed once per pattern (a parse costs more than a
    scan of a report)."""
    width = sre_parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    if width >= sre_parser.MAXREPEAT:
        raise ValueError(f"matches of {pattern.pattern!r} have no longest length")
    return width


class EndAnchored:
    """A pattern anchored at the end of what it is asked about (``$``), searched in the last
    characters of a window only: its matches end where the window ends, but a search from the
    window's start tries every position of it, and rules ask about a clause once for each word in
    it. ``reach`` is the most characters a match spans (by default, as the pattern says); for a
    pattern with a repetition that has no bound, how far back it is read (a longer match is not
    found)."""

    def __init__(self, pattern: str, reach: Optional[int] = None) -> None:
        self.pattern = re.compile(pattern)
        self.reach = longest_match(self.pattern) if reach is None else reach

    def search(self, text: str, start: int, end: int) -> Optional[re.Match[str]]:
        """``pattern.search(text, start, end)``, from ``reach`` characters before ``end`` (one more
        for a ``$`` before a final line break)."""
        return self.pattern.search(text, max(start, end - self.reach - 1), end)


def after_last_mark(text: str, marks: str, start: int, end: int) -> int:
    """Where text[start:end] goes on after the last of ``marks`` in it: the start of the sentence or
    clause that ``end`` stands in, read back no further than ``start`` (``start`` where no mark is)."""
    return max(start, max(text.rfind(mark, start, end) for mark in marks) + 1)


def last_visible(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not white space ("" if none): what
    ``text[:pos].rstrip()[-1:]`` gives, read back over the white space only rather than copying
    the text before ``pos`` (which a rule asking at every match of a long text made quadratic)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos > 0 else ""
