"""Document kind, and the items put to a vote with what was reported of the vote.

Adds:

- ``KIND``: ``resolution`` (a 决议公告 heading or 表决结果 lines), ``minutes`` (a 纪要 heading or a
  header of 时间：/地点：/主持： lines), else ``news``; patterns in ``kinds.jsonl``;
- for an announcement, its ``HEADING``, ``COMPANY``, ``MEETING`` and ``SIGNATURE_DATE``
  (:mod:`meetingx.components.announcement`);
- ``RESOLUTION``: an item put to the vote, with ``data["votes"]`` (the tally's counts, a count not
  reported None; None where no counts are given) and ``data["tally"]`` (where the tally stands):
  the motions item by item (:mod:`meetingx.components.motions`) and, in news and minutes, the
  votes reported in running text (:mod:`meetingx.components.votes`);
- ``DECISION``: what the board decides inside an announcement's item (an agenda item only).

Tallies are read by :mod:`meetingx.components.tallies`; the words of votes are in ``votes.jsonl``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from meetingx.components import add_candidate, candidates
from meetingx.components.announcement import AnnouncementReader
from meetingx.components.motions import MotionReader
from meetingx.components.subjects import LeadStripper
from meetingx.components.tallies import TallyReader, VoteWords
from meetingx.components.votes import VoteReportReader
from meetingx.lexicon import Lexicon
from meetingx.positions import Occupied


class ResolutionFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.kinds = [(r["kind"], r["rule"], re.compile(r["pattern"], re.M)) for r in lexicon.records("kinds.jsonl")]
        words = VoteWords(lexicon)
        self.tallies = TallyReader(words)
        self.announcement = AnnouncementReader()
        self.motions = MotionReader(words)
        self.vote_reports = VoteReportReader(words, LeadStripper(lexicon))

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.mx_text.folded
        kind = self.find_kind(doc, text)
        announcement = kind == "resolution"
        if announcement:
            self.announcement(doc, doc._.mx_text)
        body_start = min((c.start for c in candidates(doc, "BODY")), default=0)
        tallies = self.tallies.read(text)
        if announcement or tallies or self.motions.cue_re.search(text):
            markers = [(c.start, c.data["text_start"]) for c in candidates(doc, "MARKER") if c.start >= body_start]
            self.motions(doc, doc._.mx_text, markers, tallies, body_start, announcement)
        if not announcement:
            taken = Occupied(len(text))
            for c in candidates(doc, "RESOLUTION"):
                taken.add(c.start, c.end)
                if c.data.get("tally"):
                    taken.add(*c.data["tally"])
            self.vote_reports(doc, text, body_start, tallies, taken)
        return doc

    def find_kind(self, doc: Doc, text: str) -> str:
        head = text[:3000]
        for kind, rule, pattern in self.kinds:
            match = pattern.search(head)
            if match:
                add_candidate(doc, "KIND", match.start(), match.end(), rule, 0.9, kind=kind)
                return kind
        return "news"
