"""The entries of a roster's list: names with the roles that stand with them.

Entries are split at ``;`` (then each is ``Name, Title``), at ``,``/``and``/``&``, after a closing
parenthesis, and, in lists that PDF text has flattened without separators (``Mayor Gleam Davis
Mayor Pro Tem Terry O'Day Councilmember …``), where a title starts. A role stands before the name
(``City Manager Johnson``), after a comma (``Kevin Carroll, Community Development Director``,
``D.T. Esmond,Mayor``) or in parentheses (``Julie Dobrow (Chair)``); honorifics (``Cllr``,
``Mrs.``) are neither. A couple sharing a surname stays one entry (``Robert & Loretta Crawford``),
and a counted group loses its count (``3 members of the public``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from meetingx.components.en.words import INITIAL, NAME_WORD, PARTICLES, EnglishWords, Token

#: A group given with its count: 3 members of the public, 12 residents
COUNTED_GROUP = re.compile(r"\d{1,4}[ ]+(?P<group>[a-z][a-z\-]+(?:[ ]+(?:of|from)[ ]+(?:the[ ]+)?[a-z][a-z\-]+)?)"
                           r"(?=[ ]*(?:[,;.)\n]|and\b|$))")
_ENTRY_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*\.?|\d[\d:.]*|[(),;&/:-]")


@dataclass
class Entry:
    """A person (or a couple, or a group) of a roster: the name as written and the roles
    standing with it."""

    name: tuple[int, int]
    roles: list[tuple[int, int]] = field(default_factory=list)
    couple: bool = False
    group: bool = False


class EntryReader:
    """Reads the entries of roster lists with the word classes of one lexicon."""

    def __init__(self, words: EnglishWords) -> None:
        self.words = words

    def __call__(self, text: str, start: int, end: int, skip: tuple[int, int]) -> list[Entry]:
        """The entries of the list in text[start:end] (``skip``: a label inside it)."""
        toks = [Token(m.start(), m.end(), m.group()) for m in _ENTRY_TOKEN.finditer(text, start, end)
                if not skip[0] <= m.start() < skip[1]]
        toks = self.without_stray_labels(toks)
        if sum(t.text == ";" for t in toks) >= 1:
            return self.semicolon_entries(text, toks)
        entries: list[Entry] = []
        for segment in self.segments(toks):
            self.read_segment(text, segment, entries)
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
                self.read_segment(text, pieces[0], entries)
                if len(entries) > before:
                    for piece in pieces[1:]:
                        words = [t for t in piece if t.text not in "()/&-"]
                        if words and all(self.classify(t) in "NP" for t in words):
                            self.read_segment(text, piece, entries)  # Councilmen Ed Parks, Sam Whitaker;
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

    def segments(self, toks: list[Token]) -> list[list[Token]]:
        """Segments between commas, ``and`` and a closing parenthesis followed by a new entry; a
        parenthesised part stays with its segment."""
        segments: list[list[Token]] = []
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
                    segments.append(current)  # Alice DeLuca,Chair(Stow) Kemon Taschioglou(Lincoln)
                    current = []
                continue
            after_name = index > 0 and (self.classify(toks[index - 1]) == "N" or toks[index - 1].text == ")")
            if depth == 0 and (tok.text == "," or tok.lower == "and" and after_name):
                if current:
                    segments.append(current)
                current = []
                continue
            current.append(tok)
        if current:
            segments.append(current)
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

    def read_segment(self, text: str, segment: list[Token], entries: list[Entry]) -> None:
        """Add the entries of one segment (a comma part) to ``entries``."""
        group = COUNTED_GROUP.match(text, segment[0].start) if segment and segment[0].text[:1].isdigit() else None
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
                    and self.words.is_surname(toks[k].text, toks[k - 1].text) and not (entries and entries[-1].roles):
                kinds[k] = "N"  # Helen Park, Ed Parks (not: Officer Dan Reed, Greenfield Police)
        if not any(t.lower.rstrip(".") in self.words.title_heads for t, k in zip(toks, kinds) if k == "T") \
                and not any(k in "HN" for k in kinds):
            # no title in it: a word that elsewhere qualifies a title is a name here (…, Park, …)
            kinds = ["N" if k == "T" and self.words.is_name_token(t.text, after_title=True) else k
                     for t, k in zip(toks, kinds)]
        new: list[Entry] = []
        role_start: Optional[int] = None
        glued = bool(toks) and toks[0].start > 0 and text[toks[0].start - 1] == "," and bool(entries) \
            and not entries[-1].roles
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
