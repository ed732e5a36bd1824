"""Who chaired, who spoke and (in news) what the body did.

- ``CHAIR``: the person who called the meeting to order, presided, chaired or took the chair
  (``chair_acts.jsonl``), else the person holding the title Chair (``Chair Licari``, ``Julie Dobrow
  (Chair)``); a Mayor who is only in the roll is no chair.
- ``SPEECH``: a person written right before a verb of ``speech_verbs.txt``; the speech runs from
  the verb to the end of its clause (``speech_stops.txt``), never into what follows ``which``.
  Movers, seconders and pledge leaders are not speakers. A bare role (``The City Attorney
  reported``) is the one listed person holding it, and ``The Chair`` is the chair.
- ``AGENDA``: in news, each action clause of a body (:mod:`.actions`).

The name a chair or speaker is given is the one written where they act; a bare role takes the
roster's form, and the chair keeps the same name when later called by a short form.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.components.en.actions import action_finder
from meetingx.components.en.words import EnglishWords, Subject, english_words, sentences_of, subjects_before
from meetingx.lexicon import Lexicon, word_pattern

_CHAIRS = frozenset({"chair", "chairman", "chairwoman", "chairperson", "chr", "presiding officer"})
#: A verb after these is a passive (was presented by) or an earlier act (had apologised)
_PASSIVE = re.compile(r"(?i:\b(?:was|were|been|be|is|are|had|has|have)[ ]+$)")


class PeopleIndex:
    """The ``PERSON`` candidates of a Doc, looked up by name span, by where the mention starts, by
    person, and the listed people by the roles they hold (made once per Doc)."""

    def __init__(self, people: list[Any]) -> None:
        self.all = people
        self.by_name = {(c.start, c.end): c for c in people}
        self.starting_at: dict[int, Any] = {}
        self.mentions: dict[int, list[Any]] = {}
        self.listed_roles: dict[str, set[int]] = {}
        self.listed_heads: dict[str, set[int]] = {}
        self.chair_holders: set[int] = set()
        for c in sorted(people, key=lambda c: c.start):
            entity = c.data["entity"]
            self.starting_at.setdefault(c.data["span_start"], c)
            self.mentions.setdefault(entity, []).append(c)
            if set(c.data["role_words"]) & _CHAIRS:
                self.chair_holders.add(entity)
            if c.data["listed"]:
                for role in c.data["role_words"]:
                    self.listed_roles.setdefault(role, set()).add(entity)
                    head = role.split(" of ")[0].split()[-1:]
                    if head:
                        self.listed_heads.setdefault(head[0], set()).add(entity)

    def roster_form(self, entity: int) -> Optional[Any]:
        """The mention of a person to name them by: their roster entry, else their first mention."""
        mentions = self.mentions.get(entity, [])
        listed = [c for c in mentions if c.rule == "en.person.roster"]
        return (listed or mentions or [None])[0]


class ClauseFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words: EnglishWords = english_words(lexicon)
        self.acts = [(r["rule"], r["role"], re.compile(r["pattern"], re.I)) for r in lexicon.records("chair_acts.jsonl")]
        self.speech_re = re.compile(rf"(?<![A-Za-z])(?:{word_pattern(lexicon.words('speech_verbs.txt'))})(?![A-Za-z])")
        self.stops = [re.compile(p) for p in lexicon.words("speech_stops.txt")]
        self.not_speech = re.compile(rf"[ ]+(?:{word_pattern(lexicon.words('speech_objects.txt'))})(?![A-Za-z])")
        self.actions = action_finder(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        people = PeopleIndex(candidates(doc, "PERSON"))
        chair = self.find_chair(doc, text, people)
        self.find_speeches(doc, text, people, chair)
        kinds = candidates(doc, "KIND")
        if not kinds or kinds[0].data["kind"] == "news":
            for start, end in self.actions(doc):
                add_candidate(doc, "AGENDA", start, end, "en.clause.action", 0.75)
        return doc

    # ------------------------------------------------------------------ resolving a mention
    def holder_of(self, text: str, role: tuple[int, int], people: "PeopleIndex", chair: Optional[Any]) -> Optional[Any]:
        """The one listed person who holds a role (The Town Clerk, The Chairman), or the chair for
        a chair's title."""
        wanted = re.sub(r"[ ]+", " ", text[role[0]:role[1]]).lower()
        entities = people.listed_roles.get(wanted) or people.listed_heads.get(wanted, set())
        if wanted in _CHAIRS and len(entities) != 1:
            holders = people.chair_holders
            entities = holders if len(holders) == 1 else ({chair.data["entity"]} if chair else set())
        if len(entities) != 1:
            return None
        return people.roster_form(next(iter(entities)))

    def person_of(self, text: str, subject: Subject, people: "PeopleIndex", chair: Optional[Any]) -> Optional[Any]:
        if subject.name is not None:
            return people.by_name.get(subject.name)
        return self.holder_of(text, subject.role, people, chair) if subject.role else None

    # ------------------------------------------------------------------ chair
    def find_chair(self, doc: Doc, text: str, people: "PeopleIndex") -> Optional[Any]:
        sentences = sentences_of(doc, self.words)
        found: list[tuple[int, int, Any, str]] = []
        for rule, role, pattern in self.acts:
            for act in pattern.finditer(text):
                if role == "subject":
                    subjects = subjects_before(self.words, text, act.start(), sentences.start_of(act.start()))
                    person = self.person_of(text, subjects[0], people, None) if subjects else None
                else:
                    person = next((people.starting_at[pos] for pos in range(act.end(), act.end() + 3)
                                   if pos in people.starting_at), None)
                    if person is None:
                        ref = self.words.role_re.match(re.sub(r"^(?:the|The)[ ]+", "", text[act.end():act.end() + 60].lstrip()))
                        if ref:
                            offset = act.end() + text[act.end():act.end() + 60].find(ref.group())
                            person = self.holder_of(text, (offset, offset + len(ref.group())), people, None)
                if person is not None:
                    found.append((act.start(), act.end(), person, f"en.clause.chair-{rule}"))
        found.sort(key=lambda f: f[0])
        titled = sorted((c for c in people.all if set(c.data["role_words"]) & _CHAIRS and self.titled_here(text, c)),
                        key=lambda c: c.start)
        for c in titled[:1]:
            found.append((c.data["span_start"], c.end, c, "en.clause.chair-title"))
        for start, end, person, rule in found:
            add_candidate(doc, "CHAIR", start, end, rule, 0.85, name_start=person.start, name_end=person.end,
                          alias=None, entity=person.data["entity"])
        return found[0][2] if found else None

    def titled_here(self, text: str, person: Any) -> bool:
        """Whether this mention itself carries the chair's title (Chair Rotty, Dobrow (Chair))."""
        around = text[person.data["span_start"]:person.end + 12].lower()
        return any(re.search(rf"(?<![a-z-]){title}(?![a-z-])", around) for title in _CHAIRS)

    # ------------------------------------------------------------------ speech
    def find_speeches(self, doc: Doc, text: str, people: "PeopleIndex", chair: Optional[Any]) -> None:
        sentences = sentences_of(doc, self.words)
        named: dict[int, Any] = {}  # the name each speaker was first given
        for verb in self.speech_re.finditer(text):
            start = verb.start()
            if _PASSIVE.search(text, max(0, start - 8), start) or self.not_speech.match(text, verb.end()):
                continue
            subjects = subjects_before(self.words, text, start, sentences.start_of(start))
            if not subjects:
                continue
            end = self.speech_end(text, start, sentences.end_of(start))
            for subject in reversed(subjects):
                person = self.person_of(text, subject, people, chair)
                if person is None:
                    continue
                if chair is not None and person.data["entity"] == chair.data["entity"]:
                    person = chair  # the chair keeps the name they chaired under
                person = named.setdefault(person.data["entity"], person)
                add_candidate(doc, "SPEECH", start, end, "en.clause.subject-speech", 0.85, name_start=person.start,
                              name_end=person.end, alias=None, entity=person.data["entity"],
                              speaking=True, quoted=False, heading=False)

    def speech_end(self, text: str, start: int, sentence_end: int) -> int:
        end = sentence_end
        for stop in self.stops:
            found = stop.search(text, start + 1, sentence_end)
            if found:
                end = min(end, found.start())
        while end > start and text[end - 1] in " ,;:-":
            end -= 1
        return end
