"""Rosters: the lists of who attended (``Present:``, ``Also present:``, ``In attendance``) and who
did not (``Absent:``, ``Apologies:``), with labels from ``roster_labels.jsonl``.

A roster runs from its label to the next label, a numbered item, a header field (``Time:``), a
number, a heading in capitals, a sentence end, or the end of its line; a label that a flattened
two-column page has split (``Staff Robin Dunn, …, Director, Present: …``) still opens its list.
The list's entries are read by :mod:`.roster_entries`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from meetingx.components import scratch
from meetingx.components.en.roster_entries import COUNTED_GROUP, Entry, EntryReader
from meetingx.components.en.words import english_words
from meetingx.lexicon import Lexicon, word_pattern
from meetingx.positions import last_visible

_KEY = "meetingx.en.rosters"


@dataclass
class Roster:
    label: tuple[int, int]
    present: bool
    entries: list[Entry]
    end: int


class RosterReader:
    """The roster labels and the word classes of one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.words = english_words(lexicon)
        self.entry_reader = EntryReader(self.words)
        records = lexicon.records("roster_labels.jsonl")
        self.present = {r["label"].lower(): r["present"] for r in records}
        labels = word_pattern(self.present)
        # a label starts a line, or follows something that is not a word in lower case
        self.label_re = re.compile(rf"(?<![A-Za-z])(?i:(?P<label>{labels}))(?![A-Za-z])"
                                   rf"(?P<mark>[ ]*[:;.\-][ ]*|[ ]*(?=\n)|[ ]+(?=were\b))")
        self.split_words = ("staff", "also", "others", "council", "members")

    def labels(self, text: str) -> list[re.Match[str]]:
        """Roster labels: capitalised (but "were present"), at a line start or after something that
        is not a word in lower case (not "No press present."); one ending in a full stop or alone on
        its line opens a list (not "…City Clerk Toney also present."). Several components ask
        about the same text: the last texts' labels are kept."""
        return list(self.find_labels(text))

    @lru_cache(maxsize=4)
    def find_labels(self, text: str) -> tuple[re.Match[str], ...]:
        found = []
        for match in self.label_re.finditer(text):
            label, mark = match.group("label"), match.group("mark").strip()
            line_start = opens_line(text, match.start())
            previous = re.search(r"(\S+)[ ]*$", text[max(0, match.start() - 40):match.start()])
            word = previous.group(1) if previous else ""
            alone = mark == "" and text[match.end():match.end() + 1] in ("\n", "")
            if label.lower().startswith("were"):
                found.append(match)  # The following members were present:
                continue
            if mark == "" and not alone:
                if label.lower().endswith("present"):
                    found.append(match)  # Council members present were …
                continue
            if not label[:1].isupper() or alone and not line_start:
                continue
            if not line_start and word.isalpha() and word.islower():
                continue  # No press present. / members of the public present
            if mark == "." and not line_start and word[:1].isupper() and not word.isupper() and word.isalpha():
                continue  # …Deputy City Clerk Toney also present.
            found.append(match)
        return tuple(found)

    def __call__(self, text: str) -> list[Roster]:
        labels = self.labels(text)
        # where each list begins: after its label, or after the first word of a label that a
        # flattened column has split (Staff Robin Dunn, …, Director, Present: Finance…)
        starts = []
        previous_end = 0
        for match in labels:
            label_start = self.split_label_start(text, match, previous_end)
            list_start = text.find(" ", label_start) + 1 if label_start < match.start() else match.end()
            starts.append((label_start, list_start))
            previous_end = match.end()
        rosters = []
        for index, match in enumerate(labels):
            label_start, start = starts[index]
            following = starts[index + 1][0] if index + 1 < len(labels) else len(text)
            skip = (match.start(), match.end())
            end = self.list_end(text, start, following, skip)
            if end <= start:
                continue
            entries = self.entries(text, start, end, skip=skip)
            rosters.append(Roster((label_start, match.end()), self.present[match.group("label").lower()],
                                  entries, end))
        return rosters

    def split_label_start(self, text: str, match: re.Match[str], previous_end: int) -> int:
        """Where a label split by two-column flattening begins (Staff … Present:), or the label's start."""
        if match.group("label").lower() != "present" or last_visible(text, match.start()) != ",":
            return match.start()
        before_start = max(previous_end, match.start() - 160)
        segment = text[before_start:match.start()]
        for word in re.finditer(r"(?<![A-Za-z])([A-Z][a-z]+)[ ]+(?=[A-Z][a-z])", segment):
            if word.group(1).lower() in self.split_words:
                return before_start + word.start()
        return match.start()

    def list_end(self, text: str, start: int, limit: int, skip: tuple[int, int]) -> int:
        """Where the list that starts at ``start`` ends (``skip``: a split label inside it)."""
        pos = start
        while pos < limit and text[pos] in " \n":
            pos += 1  # a label alone on its line: the list is below it
        line_end = text.find("\n", pos, pos + 1500)  # (a line's end further on would be cut at 1,500)
        end = min(limit, line_end if line_end >= 0 else len(text), pos + 1500)
        depth = 0
        caps = re.match(r"\W*[A-Z]{2,}\b", text[pos:pos + 40]) is not None  # a roster in capitals
        for char_pos in range(pos, end):
            ch = text[char_pos]
            if skip[0] <= char_pos < skip[1]:
                continue
            if not caps and depth == 0 and ch.isupper() and (char_pos == 0 or not text[char_pos - 1].isalpha()) \
                    and re.match(r"[A-Z]{4,}(?![a-z])", text[char_pos:char_pos + 5]) \
                    and not re.search(r"[,;:&][ ]*$", text[max(pos, char_pos - 3):char_pos]):
                return self.trim(text, pos, char_pos)  # a heading in capitals (CONVENE/PLEDGE)
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and ch.isdigit() and not COUNTED_GROUP.match(text, char_pos):
                return self.trim(text, pos, char_pos)
            elif depth == 0 and ch in ".!?" and self.sentence_ends(text, char_pos):
                return self.trim(text, pos, char_pos)
            elif depth == 0 and ch == ":" and char_pos > pos:
                return self.trim(text, pos, text.rfind(" ", pos, char_pos) + 1 or pos)
        return self.trim(text, pos, end)

    def sentence_ends(self, text: str, pos: int) -> bool:
        word = re.search(r"([A-Za-z]+)$", text[max(0, pos - 15):pos])
        if word and (word.group(1) in self.words.abbreviations or word.group(1) in self.words.honorifics
                     or len(word.group(1)) == 1):
            return False
        return pos + 1 >= len(text) or text[pos + 1] in " \n"

    @staticmethod
    def trim(text: str, start: int, end: int) -> int:
        while end > start and text[end - 1] in " ,;\n":
            end -= 1
        return end

    def entries(self, text: str, start: int, end: int, skip: tuple[int, int]) -> list[Entry]:
        """The entries of the list in text[start:end] (``skip``: a label inside it)."""
        return self.entry_reader(text, start, end, skip)


@lru_cache(maxsize=None)
def roster_reader(lexicon: Lexicon) -> RosterReader:
    return RosterReader(lexicon)


def rosters_of(doc: Doc, lexicon: Lexicon) -> list[Roster]:
    """The rosters of the Doc's matching view (read once per Doc)."""
    found = scratch(doc).get(_KEY)
    if found is None:
        found = scratch(doc)[_KEY] = roster_reader(lexicon)(doc._.mx_text.folded)
    return found


def opens_line(text: str, pos: int) -> bool:
    """Whether only white space stands between the start of the line and ``pos`` (read back over
    that white space only, not to the line's start: labels on one long line)."""
    while pos > 0 and text[pos - 1] != "\n" and text[pos - 1].isspace():
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"
