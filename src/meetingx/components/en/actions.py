"""What a body did, as news reports it: ``The council on a 6-1 vote approved the budget``,
``the council voted 6-2 to approve…``. A clause whose subject is a body (a noun of
``body_nouns.txt``) and whose verb is one of ``action_verbs.txt`` in the simple past or present
(not ``had approved``, an earlier act) is an action; it runs from after the subject to the end of
its sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from meetingx.components import scratch
from meetingx.components.en.words import english_words, sentences_of
from meetingx.lexicon import Lexicon, word_pattern

_KEY = "meetingx.en.actions"
_WHEN = re.compile(r"^(?:[ ]+on[ ]+[A-Z][a-z]+(?:[ ]+(?:night|evening|morning|afternoon))?|[ ]+(?:yesterday|today|tonight|"
                   r"last[ ]+(?:night|week|month)))+")


class ActionFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.words = english_words(lexicon)
        bodies = word_pattern(lexicon.words("body_nouns.txt") + [w.lower() for w in lexicon.words("body_nouns.txt")])
        verbs = word_pattern(lexicon.words("action_verbs.txt"))
        self.action = re.compile(
            rf"(?<![A-Za-z])(?:The|the)[ ]+(?:[A-Z][\w'\-]*[ ]+){{0,4}}(?:{bodies})(?![A-Za-z])"
            rf"(?:[ ]+of[ ]+[A-Z][\w'\-]*(?:[ ]+[A-Z][\w'\-]*)?)?"
            rf"(?P<between>(?:[ ]+(?:on|by)[ ]+a[ ]+\d{{1,2}}-\d{{1,2}}(?:-\d{{1,2}})?[ ]+vote|[ ]+unanimously|[ ]+also"
            rf"|[ ]+formally|[ ]+then|[ ]+on[ ]+[A-Z][a-z]+(?:[ ]+(?:night|evening|morning|afternoon))?"
            rf"|[ ]+(?:yesterday|today|tonight|last[ ]+(?:night|week|month)))*)"
            rf"[ ]+(?P<verb>{verbs})(?![A-Za-z])")

        #: The council met on Thursday and voted 5-2 to approve…: the act after the meeting
        self.met_and = re.compile(
            rf"(?<![A-Za-z])(?:The|the)[ ]+(?:[A-Z][\w'\-]*[ ]+){{0,4}}(?:{bodies})[ ]+(?:met|convened)\b[^.;]{{0,80}}?"
            rf"\band[ ]+(?P<between>)(?P<verb>{verbs})(?![A-Za-z])")

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) of each action clause of the Doc (found once per Doc)."""
        found = scratch(doc).get(_KEY)
        if found is not None:
            return found
        text = doc._.mx_text.folded
        sentences = sentences_of(doc, self.words)
        found = []
        matches = list(self.action.finditer(text)) + list(self.met_and.finditer(text))
        for match in sorted(matches, key=lambda m: m.start("verb")):
            # what stands between the body and its act stays with the act (on a 6-1 vote approved…),
            # but not when (on Monday approved…)
            between = _WHEN.sub("", match.group("between"))
            start = match.start("verb") - len(between.lstrip()) - 1 if between.strip() else match.start("verb")
            end = sentences.end_of(match.start("verb"))
            while end > start and text[end - 1] in " .,;":
                end -= 1
            if end > start:
                found.append((start, end))
        scratch(doc)[_KEY] = found
        return found


@lru_cache(maxsize=None)
def action_finder(lexicon: Lexicon) -> ActionFinder:
    return ActionFinder(lexicon)
