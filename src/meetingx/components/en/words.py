"""What the English components share: the word classes of minutes read from ``data/en/``
(honorifics, titles, name words, months), the sentences of a text, and the person written right
before a verb (``Interim Provost Lubker also commented``, ``Deb McCullough, den leader, thanked``,
``The City Attorney reported``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import scratch
from meetingx.lexicon import Lexicon, word_pattern

#: Word-like tokens: words (with inner apostrophes and hyphens, and a full stop that may be an
#: abbreviation's), numbers, and single marks.
TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*\.?|\d[\d:.,/\-]*\d|\d|[^\sA-Za-z\d]")
#: One word of a person's name: Jones, O'Day, McKeown, DeLuca, Anderson-Warren.
NAME_WORD = re.compile(r"(?:Mc|Mac|O'|D'|De|Di|Du|Da|La|Le|Van|Von)?[A-Z][a-z]+(?:[-'][A-Z][a-z]+)*")
#: An initial (M. or the P of "Cllr P Morgan", PJ).
INITIAL = re.compile(r"[A-Z]\.|[A-Z]{1,2}")
PARTICLES = frozenset({"van", "von", "de", "del", "della", "der", "den", "da", "du", "di", "la", "le"})
#: Words between a person and the verb they act with (Lubker also commented).
ADVERBS = frozenset({"also", "then", "further", "briefly", "again", "later", "subsequently", "next",
                     "formally", "verbally", "additionally", "first", "now", "jointly", "both", "each",
                     "finally", "kindly", "personally", "thereafter"})
_COPULA_PRESENT = ("is", "was", "are", "were")
_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "to", "a", "an", "public"})


class EnglishWords:
    """The word classes of one lexicon, compiled once."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.honorifics = frozenset(w.rstrip(".") for w in lexicon.words("honorifics.txt"))
        self.titles = lexicon.words("titles.txt")
        self.plural_titles = frozenset(w.lower() for w in lexicon.words("plural_titles.txt"))
        self.title_heads = frozenset(w.lower() for t in self.titles for w in t.split()) - _FUNCTION_WORDS
        self.title_words = frozenset(w.lower() for w in lexicon.words("title_words.txt"))
        self.not_names = frozenset(lexicon.words("not_names.txt") + lexicon.words("meeting_types.txt"))
        self.months: dict[str, int] = {}
        for number, line in enumerate(lexicon.words("months.txt"), 1):
            for name in line.split():
                self.months[name.lower()] = number
        self.weekdays = frozenset(w.lower() for line in lexicon.words("weekdays.txt") for w in line.split())
        self.abbreviations = frozenset(lexicon.words("abbreviations.txt"))
        heads = word_pattern(self.titles)
        modifiers = word_pattern(self.title_words)
        #: a role: qualifying words, a title, and what it is of (Deputy City Clerk, Member of the
        #: public, Director of Finance & Budget)
        self.role_re = re.compile(
            rf"(?<![A-Za-z])(?i:(?:(?:{modifiers})[ ]+){{0,6}}(?:{heads})"
            rf"(?:[ ]+(?:of|for)[ ]+(?:the[ ]+)?(?:public|(?:{modifiers})"
            rf"(?:[ ]+(?:(?:&|and|of)[ ]+(?:the[ ]+)?)?(?:{modifiers}))*))?)"
            rf"(?![A-Za-z])")
        self.title_head_re = re.compile(rf"(?<![A-Za-z])(?i:{heads})(?![A-Za-z])")

    # ------------------------------------------------------------------ word classes
    def is_honorific(self, token: str) -> bool:
        return token.rstrip(".") in self.honorifics or token.lower() in self.plural_titles

    def is_title_word(self, token: str) -> bool:
        """A word of a title or of what qualifies one (Deputy, City, Clerk, Finance)."""
        word = token.rstrip(".").lower()
        return word in self.title_words or word in self.title_heads

    def is_name_token(self, token: str, after_title: bool = False) -> bool:
        """A word that can be part of a person's name: capitalised, not a title, label or
        function word; or an initial. Right after a title, a word that only qualifies titles
        elsewhere is a name (Commissioner Park, Director Stone)."""
        if INITIAL.fullmatch(token):
            return token not in self.not_names or after_title
        bare = token.rstrip(".")
        if bare != token and bare not in self.abbreviations and len(bare) > 1:
            bare = token  # a word closing a sentence is not a name's part either
        if not NAME_WORD.fullmatch(bare) or bare in self.not_names:
            return False
        if self.is_title_word(bare) and not (after_title and bare.lower() not in self.title_heads):
            return False
        lowered = bare.lower()
        return lowered not in self.plural_titles and bare not in self.honorifics and lowered not in self.weekdays \
            and not (lowered in self.months and len(lowered) > 3)

    @staticmethod
    def role_start(text: str, start: int, end: int) -> int:
        """Where a role read without regard to case really starts: its words are written like its
        title, all in capitals or not (NEW BUSINESS Chair Licari: the role is Chair)."""
        words = list(re.finditer(r"\S+", text[start:end]))
        if not words:
            return start
        capitals = words[-1].group().isupper()
        keep = len(words) - 1
        while keep > 0 and (words[keep - 1].group().isupper() == capitals or len(words[keep - 1].group()) < 3):
            keep -= 1
        return start + words[keep].start()

    def is_surname(self, token: str, before: str) -> bool:
        """A word that qualifies titles elsewhere but ends a name here (Helen Park, Ed Parks): it
        follows a name's first word."""
        return self.is_name_token(token, after_title=True) and self.is_name_token(before) \
            and not self.is_title_word(before)

    def month(self, word: str) -> Optional[int]:
        return self.months.get(word.lower().rstrip("."))

    def has_title_head(self, text: str) -> bool:
        return self.title_head_re.search(text) is not None


@lru_cache(maxsize=None)
def english_words(lexicon: Lexicon) -> EnglishWords:
    return EnglishWords(lexicon)


# ---------------------------------------------------------------------- sentences
class Sentences:
    """The sentences of a text: they end at a line break, or at ``.``/``!``/``?`` before white space
    and a capital, a digit or a quote, unless the full stop closes an abbreviation (Mr., No.,
    C.R.S.) or an initial (Ana M. Jara). Found in one scan; the sentence around a position by
    bisection."""

    _MARK = re.compile(r"\n|[.!?](?=[ \t]+[\"'(]?[A-Z0-9\u2022]|[ \t]*\n|[ \t]*$)")
    _WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")

    def __init__(self, text: str, abbreviations: frozenset[str], not_names: frozenset[str]) -> None:
        self.length = len(text)
        ends = []
        for mark in self._MARK.finditer(text):
            pos = mark.start()
            if text[pos] == "." and not self.ends_sentence(text, pos, abbreviations, not_names):
                continue
            ends.append(pos)
        self.ends = ends

    def ends_sentence(self, text: str, pos: int, abbreviations: frozenset[str], not_names: frozenset[str]) -> bool:
        word = self._WORD_BEFORE.search(text, max(0, pos - 12), pos)
        if word is None:
            return True
        before = word.group(1)
        if re.fullmatch(r"[ap]\.m", before, re.I):
            return True  # 7:00 p.m. The…
        if re.fullmatch(r"[A-Z]", before):
            # an initial (Ana M. Jara), not a letter naming a part (Item A.)
            if re.search(r"(?:^|[.!?\n])[ \t]*$", text[max(0, pos - 8):pos - 1]):
                return False  # at a sentence's start: an initial (…opened. A. Jones read…) or a marker
            previous = re.search(r"([A-Za-z]+)\W*$", text[max(0, pos - 30):pos - 1])
            return previous is not None and previous.group(1) not in abbreviations \
                and (previous.group(1) in not_names or previous.group(1).islower())
        if before in abbreviations or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", before):
            return False
        return True

    def start_of(self, pos: int) -> int:
        index = bisect_right(self.ends, pos - 1)
        return self.ends[index - 1] + 1 if index > 0 else 0

    def end_of(self, pos: int) -> int:
        index = bisect_left(self.ends, pos)
        return self.ends[index] if index < len(self.ends) else self.length

    def spans(self) -> list[tuple[int, int]]:
        starts = [0] + [end + 1 for end in self.ends]
        return [(start, end) for start, end in zip(starts, self.ends + [self.length]) if end > start]


_SENTENCES_KEY = "meetingx.en.sentences"


def sentences_of(doc: Doc, words: EnglishWords) -> Sentences:
    """The sentences of the Doc's matching view (made once per Doc)."""
    found = scratch(doc).get(_SENTENCES_KEY)
    if found is None:
        found = scratch(doc)[_SENTENCES_KEY] = Sentences(doc._.mx_text.folded, words.abbreviations, words.not_names)
    return found


# ---------------------------------------------------------------------- the person before a verb
@dataclass
class Subject:
    """A person written before a verb: the name (None for a bare role: The City Attorney), the
    role standing with it, and where the whole mention starts."""

    start: int
    name: Optional[tuple[int, int]]
    role: Optional[tuple[int, int]]
    appositive: Optional[tuple[int, int]] = None


@dataclass
class Token:
    start: int
    end: int
    text: str

    @cached_property
    def lower(self) -> str:
        return self.text.lower()


def tokens(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def subjects_before(words: EnglishWords, text: str, pos: int, start: int) -> list[Subject]:
    """The people written right before ``pos`` (a verb) in text[start:pos], last first: one person
    (``Chair Licari``), a list (``Kathy and Chenoweth``, ``A, B, and C of the X Council``), or a
    bare role (``The City Attorney``). Empty when what stands there is not a person."""
    toks = tokens(text, max(start, pos - 240), pos)
    i = len(toks) - 1
    while i >= 0 and toks[i].lower in ADVERBS:
        i -= 1
    # X is present and explained…: the subject of the first verb acts again
    if i >= 2 and toks[i].lower == "and" and toks[i - 1].lower == "present" and toks[i - 2].lower in _COPULA_PRESENT:
        i -= 3
    found: list[Subject] = []
    while i >= 0:
        subject, i = _one_subject(words, text, toks, i, allow_role_only=not found)
        if subject is None:
            break
        found.append(subject)
        if subject.name is None:
            break
        # a list goes on before: A, B, and C / A and B / A & B (the last joined by "and")
        j = i
        joined = False
        if j >= 0 and toks[j].lower in ("and", "&"):
            j, joined = j - 1, True
        if j >= 0 and toks[j].text == "," and (joined or len(found) > 1 or j + 1 < len(toks) and toks[j + 1].lower in ("and", "&")):
            j -= 1
        if j >= 0 and toks[j].lower in ("and", "&"):
            j, joined = j - 1, True
        if j == i or not joined and len(found) == 1:
            break
        i = j
    return found


def _one_subject(words: EnglishWords, text: str, toks: list[Token], i: int,
                 allow_role_only: bool) -> tuple[Optional[Subject], int]:
    """The person whose mention ends at token ``i``; returns it and the index of the token before it."""
    appositive: Optional[tuple[int, int]] = None
    if toks[i].text == ",":
        # Deb McCullough, den leader, thanked: a role between commas
        j = i - 1
        while j >= 0 and toks[j].text != "," and i - j <= 10:
            j -= 1
        if j < 1 or toks[j].text != ",":
            return None, i
        if toks[j + 1].lower in ("who", "whose"):
            return _one_subject(words, text, toks, j - 1, allow_role_only)  # Rita Vance, who voted no, said
        inner = toks[j + 1:i]
        while inner and words.is_honorific(inner[0].text):
            inner = inner[1:]
        if inner and all(words.is_name_token(t.text) for t in inner) and NAME_WORD.fullmatch(inner[-1].text) \
                and (toks[j - 1].text[:1].islower() or words.is_title_word(toks[j - 1].text)):
            # The applicant, John Barrett, stated / The Clerk, Mr P Dunn, said: the name in apposition
            k = j - 1
            while k >= 0 and words.is_title_word(toks[k].text):
                k -= 1
            named_role = (toks[k + 1].start, toks[j - 1].end) if k + 1 < j and words.role_re.fullmatch(
                text, toks[k + 1].start, toks[j - 1].end) else None
            return Subject(inner[0].start, (inner[0].start, inner[-1].end), named_role), -1
        if not words.has_title_head(text[toks[j].end:toks[i].start]):
            return None, i
        appositive = (toks[j + 1].start, toks[i - 1].end)
        i = j - 1
    # A, B and Katie Borgert of the HMS Advisory Council presented: an affiliation after the name
    j = i
    while j >= 0 and toks[j].text[:1].isupper():
        j -= 1
    if 2 <= j < i and toks[j].lower == "the" and toks[j - 1].lower == "of" and words.is_name_token(toks[j - 2].text):
        i = j - 2
    # the name: up to four words and initials, ending with a word
    end = i
    surname_word = i >= 1 and words.is_surname(toks[i].text, toks[i - 1].text)  # Helen Park
    while i >= 0 and end - i < 4 and (words.is_name_token(toks[i].text) or toks[i].text in PARTICLES and i < end
                                      or i == end and surname_word):
        i -= 1
    while i < end and toks[i + 1].text in PARTICLES:
        i += 1  # a name starts with a capital (Van Ry), not with "van"
    name: Optional[tuple[int, int]] = None
    if i < end and NAME_WORD.fullmatch(toks[end].text):
        name = (toks[i + 1].start, toks[end].end)
    elif end >= 1 and words.is_name_token(toks[end].text, after_title=True) \
            and (words.is_title_word(toks[end - 1].text) or words.is_honorific(toks[end - 1].text)):
        name, i = (toks[end].start, toks[end].end), end - 1  # Commissioner Park asked
    else:
        i = end
    # the role before it: Interim Provost, Member of the public, Director of Finance & Budget
    role_end = i
    capitals = role_end >= 0 and toks[role_end].text.isupper() and len(toks[role_end].text) > 1
    while i >= 0 and (words.is_title_word(toks[i].text) and (toks[i].text.isupper() == capitals or len(toks[i].text) < 2)
                      or i < role_end and toks[i].lower in ("of", "the", "public", "&")):
        i -= 1
    while i < role_end and toks[i + 1].lower in ("of", "the", "&", "public"):
        i += 1
    role: Optional[tuple[int, int]] = None
    if i < role_end:
        span = (toks[i + 1].start, toks[role_end].end)
        if text[span[0]].isupper() and words.role_re.fullmatch(text, *span):
            role = span
        else:
            i = role_end
    while i >= 0 and words.is_honorific(toks[i].text):
        i -= 1  # Ms., Cllr, Councilmembers
    if role is None and name is not None and i < role_end:
        # Superintendent Dr. Laura Chen: the role stands before the honorific
        before = i
        while i >= 0 and words.is_title_word(toks[i].text):
            i -= 1
        if i < before and words.role_re.fullmatch(text, toks[i + 1].start, toks[before].end) \
                and text[toks[i + 1].start].isupper():
            role = (toks[i + 1].start, toks[before].end)
        else:
            i = before
    if i + 1 > end and name is None and role is None:
        return None, i
    start = toks[i + 1].start
    if name is None:
        # a bare role (The City Attorney reported) is a subject only as a whole sentence's
        if role is None or not allow_role_only or appositive is not None:
            return None, i
        if i >= 0:
            if toks[i].lower != "the":
                return None, i
            start = toks[i].start
            i -= 1
        return Subject(start, None, role, appositive), i
    if role is None and i >= 0 and toks[i].text[:1].isupper() and toks[i].text.isalpha() \
            and not toks[i].text.isupper() and toks[i].text not in words.not_names:
        return None, i  # the end of a longer capitalised phrase (a Big Blue Bus), not a person
    return Subject(start, name, role, appositive), i
