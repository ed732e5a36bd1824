"""People of English minutes: names with the roles that stand with them, no statistical model.

Names are read where minutes write them: in rosters (:mod:`.rosters`), after a title or an
honorific anywhere (``Councilmember Duggan``, ``Ms. Dobrow``, ``Member of the public Ellis
Raskin``), and before a verb of speaking, chairing or attending (``Glenn Rice suggested``,
``Matt Coultas is present``), with a role between commas (``Deb McCullough, den leader,``).
Mentions of one person are linked: the same surname and a compatible first name, or one word
that is the surname (``Dobrow``) or the first name (``Don``) of exactly one person named in full.
Each mention becomes a ``PERSON`` candidate whose ``roles`` are those of all the person's mentions
(titles in a mover's formula ``Moved by Council Member …`` aside), with ``entity`` (the person),
``listed`` (named in a list of those present) and ``role_words`` (for ``The Town Clerk reported``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from meetingx.components import add_candidate
from meetingx.components.en.rosters import rosters_of
from meetingx.components.en.words import (INITIAL, NAME_WORD, EnglishWords, english_words, sentences_of,
                                          subjects_before)
from meetingx.lexicon import Lexicon, word_pattern

_MOVER = re.compile(r"(?i:(?:moved|seconded|second|motion|proposed|made)\s+by\s*|\(\s*)$")
_ROLE_SEP = re.compile(r"[ ]+")
#: A person named after "by" (called to order by Maria Lopez, presided over by…, moved by Baker)
_AGENT = re.compile(r"(?i:called to order\b[^;\n]{0,40}?\bby|presided[ ]+(?:over[ ]+)?by|chaired[ ]+by|"
                    r"(?:moved|seconded|proposed)[ ]+by)[ ]+(?P<name>[A-Z][\w.'\-]*(?:[ ]+[A-Z][\w.'\-]*){0,3})")


@dataclass
class Mention:
    name: tuple[int, int]
    roles: list[tuple[int, int]] = field(default_factory=list)
    start: int = -1  # where the mention starts (its title or honorific)
    rule: str = "en.person.title-name"
    listed: bool = False  # named in a list of those present
    formula: bool = False  # a mover's or seconder's formula: its title gives no role
    entity: int = -1


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[ ]+|(?<=\.)(?=[A-Z])", name) if t]


def compatible_first(a: str, b: str) -> bool:
    """Two first names that may be the same person's: equal, or one an initial of the other."""
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(INITIAL.fullmatch(short + ".") or INITIAL.fullmatch(short)) and long_.startswith(short[:1])


class PeopleFinder:
    """Adds ``PERSON`` candidates."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words: EnglishWords = english_words(lexicon)
        words = self.words
        honorifics = word_pattern(sorted(words.honorifics | {w.capitalize() for w in words.plural_titles}))
        name_word = r"(?:[A-Z]\.(?:[ ]?[A-Z]\.)*|(?:Mc|Mac|O'|D'|De|Di|Du|Da|La|Le|Van|Von)?[A-Z][a-z]+(?:[-'][A-Z][a-z]+)*|[A-Z]{1,2})"
        #: an honorific or a role, then a name (the name's words are checked one by one)
        self.titled = re.compile(
            rf"(?<![A-Za-z])(?=[A-Z])(?:(?P<hon>(?:{honorifics})\.?)[ ]+)?(?:(?P<role>{words.role_re.pattern})[ ]+)?"
            rf"(?P<hon2>(?:{honorifics})\.?[ ]+)?(?P<name>{name_word}(?:[ ]+{name_word}){{0,3}})(?![A-Za-z])")
        self.person_verbs = re.compile(
            rf"(?<![A-Za-z])(?:{word_pattern(lexicon.words('speech_verbs.txt'))}|called|presided|presiding|chaired|"
            rf"assumed|present|attended|moved|seconded|made a motion)(?![A-Za-z])")

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        mentions: dict[tuple[int, int], Mention] = {}

        def add(mention: Mention) -> None:
            known = mentions.get(mention.name)
            if known is None:
                mentions[mention.name] = mention
                return
            known.roles += [r for r in mention.roles if r not in known.roles]
            known.listed = known.listed or mention.listed
            known.formula = known.formula and mention.formula

        for roster in rosters_of(doc, self.lexicon):
            for entry in roster.entries:
                if not entry.couple and not entry.group:
                    add(Mention(entry.name, list(entry.roles), entry.name[0], "en.person.roster", roster.present))
        for match in self.titled.finditer(text):
            if not (match.group("hon") or match.group("role")) or match.group("role") and not match.group("role")[:1].isupper():
                continue
            name = self.trimmed_name(text, match.start("name"), match.end("name"))
            if name is None:
                continue
            # a role before an honorific is the previous person's where it follows a name and a comma
            # (…Edwards, Town Clerk Mrs. A. Vincent), not elsewhere (by Board President Mr. Alan Reyes)
            after_name = re.search(r"[A-Za-z.][ ]*,[ ]*$", text[max(0, match.start() - 3):match.start()]) is not None
            roles = [(self.words.role_start(text, *match.span("role")), match.end("role"))] \
                if match.group("role") and not (match.group("hon2") and after_name) else []
            formula = _MOVER.search(text, max(0, match.start() - 20), match.start()) is not None
            first = roles[0][0] if roles and not match.group("hon") else match.start()  # NEW BUSINESS Chair Licari
            add(Mention(name, roles, first, "en.person.title-name", formula=formula))
        for agent in _AGENT.finditer(text):
            name = self.trimmed_name(text, agent.start("name"), agent.end("name"))
            if name:
                add(Mention(name, [], agent.start("name"), "en.person.agent", formula="moved" in agent.group().lower()
                            or "second" in agent.group().lower()))
        sentences = sentences_of(doc, self.words)
        for verb in self.person_verbs.finditer(text):
            for subject in subjects_before(self.words, text, verb.start(), sentences.start_of(verb.start())):
                if subject.name is None:
                    continue
                roles = [r for r in (subject.role, subject.appositive) if r]
                add(Mention(subject.name, roles, subject.start, "en.person.subject"))
        self.link(text, list(mentions.values()))
        self.emit(doc, text, sorted(mentions.values(), key=lambda m: m.name))
        return doc

    def trimmed_name(self, text: str, start: int, end: int) -> Optional[tuple[int, int]]:
        """The name at the start of text[start:end] (after a title): its words up to the first
        that is no name's."""
        parts = [m.span() for m in re.finditer(r"\S+", text[start:end])]
        kept: list[tuple[int, int]] = []
        for index, (s, e) in enumerate(parts):
            token = text[start + s:start + e]
            following = text[start + parts[index + 1][0]:start + parts[index + 1][1]] if index + 1 < len(parts) else ""
            last = not following or not self.words.is_name_token(following, after_title=True)
            if not self.words.is_name_token(token, after_title=not kept and (last or bool(INITIAL.fullmatch(token)))) and not (
                    kept and last and self.words.is_surname(token, text[kept[-1][0]:kept[-1][1]])):
                break
            kept.append((start + s, start + e))
        while kept and not NAME_WORD.fullmatch(text[kept[-1][0]:kept[-1][1]]):
            kept.pop()
        return (kept[0][0], kept[-1][1]) if kept else None

    def link(self, text: str, mentions: list[Mention]) -> None:
        """Give mentions of one person the same ``entity``."""
        people: list[tuple[str, str]] = []  # (first word, surname) of each person
        by_surname: dict[str, list[int]] = {}
        by_first: dict[str, list[int]] = {}
        singles: dict[str, int] = {}

        def new_person(first: str, last: str) -> int:
            people.append((first, last))
            by_surname.setdefault(last, []).append(len(people) - 1)
            if first:
                by_first.setdefault(first, []).append(len(people) - 1)
            return len(people) - 1

        ordered = sorted(mentions, key=lambda m: (len(name_tokens(text[m.name[0]:m.name[1]])) < 2, m.name))
        for mention in ordered:
            tokens = name_tokens(text[mention.name[0]:mention.name[1]])
            if len(tokens) >= 2:
                first, last = tokens[0], tokens[-1]
                match = [i for i in by_surname.get(last, []) if compatible_first(people[i][0], first)]
                mention.entity = match[0] if match else new_person(first, last)
                continue
            word = tokens[0] if tokens else ""
            surnamed = by_surname.get(word, [])
            first_named = by_first.get(word, [])
            if len(surnamed) == 1:
                mention.entity = surnamed[0]
            elif not surnamed and len(first_named) == 1:
                mention.entity = first_named[0]
            else:
                if word not in singles:
                    singles[word] = new_person("", word)
                mention.entity = singles[word]

    def emit(self, doc: Doc, text: str, mentions: list[Mention]) -> None:
        roles_of: dict[int, list[tuple[int, int]]] = {}
        listed: dict[int, bool] = {}
        for mention in sorted(mentions, key=lambda m: m.start):
            known = roles_of.setdefault(mention.entity, [])
            listed[mention.entity] = listed.get(mention.entity, False) or mention.listed
            if mention.formula:
                continue
            for role in mention.roles:
                value = _ROLE_SEP.sub(" ", text[role[0]:role[1]]).lower()
                values = [_ROLE_SEP.sub(" ", text[r[0]:r[1]]).lower() for r in known]
                if any(v == value or v.endswith(" " + value) for v in values):
                    continue  # Director after Library Director: the short form adds no role
                longer = [index for index, v in enumerate(values) if value.endswith(" " + v)]
                if longer:
                    known[longer[0]] = role  # …and the full form replaces the short one
                else:
                    known.append(role)
        view = doc._.mx_text
        for mention in mentions:
            roles = roles_of[mention.entity]
            add_candidate(doc, "PERSON", mention.name[0], mention.name[1], mention.rule, 0.85,
                          name=view.original_text(*mention.name), roles=roles, entity=mention.entity,
                          listed=listed[mention.entity], span_start=mention.start, span_end=mention.name[1],
                          role_words=[_ROLE_SEP.sub(" ", text[s:e]).lower() for s, e in roles])
