"""Rosters: the lists of who attended (``Present:``, ``Also present:``, ``In attendance``) and who
did not (``Absent:``, ``Apologies:``), with labels from ``roster_labels.jsonl``.

A roster runs from its label to the next label, a numbered item, a header field (``Time:``), a
date, a sentence end, or the end of its line. Its entries are split at ``;`` (then each entry is
``Name, Title``), at ``,``/``and``/``&``, after a closing parenthesis, and, in lists that PDF text
has flattened without separators (``Mayor Gleam Davis Mayor Pro Tem Terry O'Day Councilmember …``),
where a title starts. An entry is a name with the roles that stand with it: a title before it
(``City Manager Johnson``), after a comma (``Kevin Carroll, Community Development Director``), in
parentheses (``Julie Dobrow (Chair)``); honorifics (``Cllr``, ``Mrs.``) are neither. A couple
sharing a surname stays one entry (``Robert & Loretta Crawford``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from meetingx.components.en.words import INITIAL, NAME_WORD, PARTICLES, EnglishWords, Token, english_words
from meetingx.lexicon import Lexicon, word_pattern

_KEY = "meetingx.en.rosters"
#: What ends a roster: a numbered item, a header field, a digit outside parentheses
_LIST_END = re.compile(r"(?:^|(?<=\s))(?:\d{1,3}[.)]?\s+[A-Z]|[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*:(?!\S))")
#: A group given with its count: 3 members of the public, 12 residents
_COUNTED_GROUP = re.compile(r"\d{1,4}[ ]+(?P<group>[a-z][a-z\-]+(?:[ ]+(?:of|from)[ ]+(?:the[ ]+)?[a-z][a-z\-]+)?)(?=[ ]*(?:[,;.)\n]|and\b|$))")
_ENTRY_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*\.?|\d[\d:.]*|[(),;&/:-]")


@dataclass
class Entry:
    """A person (or a couple, or a group) of a roster: the name as written and the roles
    standing with it."""

    name: tuple[int, int]
    roles: list[tuple[int, int]] = field(default_factory=list)
    couple: bool = False
    group: bool = False


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
            line_start = not text[text.rfind("\n", 0, match.start()) + 1:match.start()].strip()
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
        if match.group("label").lower() != "present" or not text[:match.start()].rstrip().endswith(","):
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
        line_end = text.find("\n", pos)
        end = min(limit, line_end if line_end >= 0 else len(text), pos + 1500)
        depth = 0
        caps = re.match(r"\W*[A-Z]{2,}\b", text[pos:pos + 40]) is not None  # a roster in capitals
        for char_pos in range(pos, end):
            ch = text[char_pos]
            if skip[0] <= char_pos < skip[1]:
                continue
            if not caps and depth == 0 and ch.isupper() and (char_pos == 0 or not text[char_pos - 1].isalpha()) \
                    and re.match(r"[A-Z]{4,}(?![a-z])", text[char_pos:char_pos + 5]):
                return self.trim(text, pos, char_pos)  # a heading in capitals (CONVENE/PLEDGE)
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and ch.isdigit() and not _COUNTED_GROUP.match(text, char_pos):
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

    # ------------------------------------------------------------------ entries
    def entries(self, text: str, start: int, end: int, skip: tuple[int, int]) -> list[Entry]:
        toks = [Token(m.start(), m.end(), m.group()) for m in _ENTRY_TOKEN.finditer(text, start, end)
                if not skip[0] <= m.start() < skip[1]]
        toks = self.without_stray_labels(toks)
        if sum(t.text == ";" for t in toks) >= 1:
            return self.semicolon_entries(text, toks)
        entries: list[Entry] = []
        for segment, closed_by_paren in self.segments(toks):
            self.read_segment(text, segment, entries, closed_by_paren)
        return entries

    def without_stray_labels(self, toks: list[Token]) -> list[Token]:
        """A label left inside a list by a flattened column (…, Director, Present: Finance…)."""
        kept: list[Token] = []
        for index, tok in enumerate(toks):
            if tok.lower.rstrip(".") in ("present",) and index + 1 < len(toks) and toks[index + 1].text == ":":
                continue
            if tok.text == ":" and kept and kept[-1].lower in ("present",):
                continue
            if tok.text == ":" and index > 0 and toks[index - 1].lower == "present":
                continue
            kept.append(tok)
        return kept

    def semicolon_entries(self, text: str, toks: list[Token]) -> list[Entry]:
        """Name, Title; Name, Title; …: each entry's first comma part is the name."""
        entries: list[Entry] = []
        part: list[Token] = []
        for tok in toks + [Token(-1, -1, ";")]:
            if tok.text != ";":
                part.append(tok)
                continue
            pieces = self.split_at(part, ",")
            if pieces:
                before = len(entries)
                self.read_segment(text, pieces[0], entries, False)
                if len(entries) > before:
                    for piece in pieces[1:]:
                        words = [t for t in piece if t.text not in "()/&-"]
                        if words and all(self.classify(t) in "NP" for t in words):
                            self.read_segment(text, piece, entries, False)  # Councilmen Ed Parks, Sam Whitaker;
                        elif words:
                            entries[-1].roles.append((words[0].start, words[-1].end))
            part = []
        return entries

    @staticmethod
    def split_at(toks: list[Token], mark: str) -> list[list[Token]]:
        pieces: list[list[Token]] = [[]]
        for tok in toks:
            if tok.text == mark:
                pieces.append([])
            else:
                pieces[-1].append(tok)
        return [p for p in pieces if p]

    def segments(self, toks: list[Token]) -> list[tuple[list[Token], bool]]:
        """Segments between commas, ``and`` and a closing parenthesis followed by a new entry; a
        parenthesised part stays with its segment."""
        segments: list[tuple[list[Token], bool]] = []
        current: list[Token] = []
        depth = 0
        for index, tok in enumerate(toks):
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                depth = max(0, depth - 1)
                current.append(tok)
                following = toks[index + 1] if index + 1 < len(toks) else None
                if depth == 0 and following is not None and following.text not in "(,;" \
                        and following.lower != "and" and following.text[:1].isupper():
                    segments.append((current, True))  # Alice DeLuca,Chair(Stow) Kemon Taschioglou(Lincoln)
                    current = []
                continue
            after_name = index > 0 and (self.classify(toks[index - 1]) == "N" or toks[index - 1].text == ")")
            if depth == 0 and (tok.text == "," or tok.lower == "and" and after_name):
                if current:
                    segments.append((current, False))
                current = []
                continue
            current.append(tok)
        if current:
            segments.append((current, False))
        return segments

    def classify(self, tok: Token) -> str:
        """H (honorific), T (title word), N (name word), P (particle), C (& or and), O (other)."""
        text = tok.text
        if self.words.is_honorific(text):
            return "H"
        if self.words.is_title_word(text) or text.lower() in ("of", "for", "the") or text == "-":
            return "T"
        if self.words.is_name_token(text):
            return "N"
        if text.lower() in PARTICLES:
            return "P"
        if text in ("&", "and", "/"):
            return "C"
        return "O"

    def read_segment(self, text: str, segment: list[Token], entries: list[Entry], closed: bool) -> None:
        """Add the entries of one segment (a comma part) to ``entries``."""
        group = _COUNTED_GROUP.match(text, segment[0].start) if segment and segment[0].text[:1].isdigit() else None
        if group:
            entries.append(Entry(group.span("group"), group=True))  # the count left out
            return
        paren_roles: list[tuple[int, int]] = []
        paren_names: list[list[Token]] = []
        toks: list[Token] = []
        depth = 0
        inner: list[Token] = []
        for tok in segment:
            if tok.text == "(":
                depth += 1
                inner = []
            elif tok.text == ")":
                depth = max(0, depth - 1)
                if inner and self.words.has_title_head(text[inner[0].start:inner[-1].end]):
                    paren_roles.append((inner[0].start, inner[-1].end))
                elif len(inner) >= 2 and all(self.classify(t) == "N" for t in inner) and NAME_WORD.fullmatch(inner[-1].text):
                    paren_names.append(inner)
            elif depth:
                inner.append(tok)
            else:
                toks.append(tok)
        if paren_names and toks and all(self.classify(t) in "TC" for t in toks):
            # General Manager (David Hunt): the title, then the name in parentheses
            entry = Entry((paren_names[0][0].start, paren_names[0][-1].end))
            self.add_role(text, entry, toks, 0, len(toks))
            entries.append(entry)
            return
        kinds = [self.classify(t) for t in toks]
        for k in range(len(toks) - 1):
            if kinds[k] == "O" and INITIAL.fullmatch(toks[k].text) and kinds[k + 1] == "N":
                kinds[k] = "N"  # Cllr A Owen: an initial, not the article
        for k in range(1, len(toks)):
            if kinds[k] == "T" and kinds[k - 1] == "N" and (k + 1 == len(toks) or kinds[k + 1] not in "NT") \
                    and self.words.is_surname(toks[k].text, toks[k - 1].text):
                kinds[k] = "N"  # Helen Park, Ed Parks
        if not any(t.lower.rstrip(".") in self.words.title_heads for t, k in zip(toks, kinds) if k == "T") \
                and not any(k in "HN" for k in kinds):
            # no title in it: a word that elsewhere qualifies a title is a name here (…, Park, …)
            kinds = ["N" if k == "T" and self.words.is_name_token(t.text, after_title=True) else k
                     for t, k in zip(toks, kinds)]
        new: list[Entry] = []
        role_start: Optional[int] = None
        glued = toks and toks[0].start > 0 and text[toks[0].start - 1] == "," and entries and not entries[-1].roles
        if glued and kinds[0] == "T":
            # Alice Dunn,Chair Jeff Stone: a title glued to the comma is the last person's
            end = next((k for k, kind in enumerate(kinds) if kind not in "TC"), len(toks))
            if end < len(toks):
                self.add_role(text, entries[-1], toks, 0, end)
                toks, kinds = toks[end:], kinds[end:]
        if kinds and kinds[-1] == "T" and "H" not in kinds and not any(
                t.lower.rstrip(".") in self.words.title_heads for t in toks) and entries:
            return  # …, Greenfield Police: where the last person comes from
        i = 0
        while i < len(toks):
            kind = kinds[i]
            if kind == "H":
                if role_start is not None and not new and entries and not entries[-1].roles:
                    # …Edwards, Town Clerk Mrs. A. Vincent: the title before the honorific is the last entry's
                    self.add_role(text, entries[-1], toks, role_start, i)
                    role_start = None
                i += 1
            elif kind == "T" or kind == "C" and role_start is not None:
                if role_start is None:
                    role_start = i
                i += 1
            elif kind in "NP":
                j = i
                while j < len(toks) and kinds[j] in "NP" and (kinds[j] == "N" or j + 1 < len(toks) and kinds[j + 1] == "N"):
                    j += 1
                if j < len(toks) and kinds[j] == "C" and j + 1 < len(toks) and kinds[j + 1] == "N" and j - i == 1:
                    # Robert & Loretta Crawford: a couple sharing the surname
                    k = j + 1
                    while k < len(toks) and kinds[k] == "N":
                        k += 1
                    if k - (j + 1) >= 2:
                        new.append(Entry((toks[i].start, toks[k - 1].end), couple=True))
                        role_start, i = None, k
                        continue
                names = toks[i:j]
                if role_start is not None and self.has_complement(toks, role_start, i) and len(names) > 1:
                    # Director of Utilities and South Platte Renew Van Ry: the name is the last word
                    keep = 2 if len(names) >= 2 and names[-2].lower in PARTICLES | {"van", "de"} \
                        or len(names) >= 2 and INITIAL.fullmatch(names[-2].text) else 1
                    names = names[-keep:]
                while names and not NAME_WORD.fullmatch(names[-1].text.rstrip(".")):
                    names.pop()
                if names:
                    entry = Entry((names[0].start, names[-1].end))
                    if role_start is not None:
                        self.add_role(text, entry, toks, role_start, toks.index(names[0]))
                    new.append(entry)
                role_start = None
                i = j
            else:
                role_start = None
                i += 1
        if role_start is not None:
            # a title after the name (Came Flood, Secretary; D.T. Esmond,Mayor)
            target = new[-1] if new else entries[-1] if entries else None
            if target is not None:
                self.add_role(text, target, toks, role_start, len(toks))
        owner = new[-1] if new else entries[-1] if entries else None
        if owner is not None:
            owner.roles.extend(paren_roles)
        entries.extend(new)

    def has_complement(self, toks: list[Token], start: int, end: int) -> bool:
        return any(t.lower in ("of", "for", "-") for t in toks[start:end])

    def add_role(self, text: str, entry: Entry, toks: list[Token], start: int, end: int) -> None:
        """Give ``entry`` the role written in toks[start:end], if it holds a title (not a plural one)."""
        while start < end and toks[start].lower in ("of", "the", "for", "-"):
            start += 1
        while end > start and (toks[end - 1].lower in ("of", "the", "for", "-", "and")
                               or self.words.is_honorific(toks[end - 1].text)):
            end -= 1
        if end <= start:
            return
        span = (toks[start].start, toks[end - 1].end)
        role = text[span[0]:span[1]]
        if self.words.has_title_head(role) and role.lower() not in self.words.plural_titles:
            entry.roles.append(span)


@lru_cache(maxsize=None)
def roster_reader(lexicon: Lexicon) -> RosterReader:
    return RosterReader(lexicon)


def rosters_of(doc: Doc, lexicon: Lexicon) -> list[Roster]:
    """The rosters of the Doc's matching view (read once per Doc)."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = roster_reader(lexicon)(doc._.mx_text.folded)
    return found


def words_of(lexicon: Lexicon) -> EnglishWords:
    return english_words(lexicon)
