"""English components rewritten for linear time (issue 13) find what they found.

Each section keeps the pattern or loop as it was (the reference) and checks that the rewrite gives
the same answer on a table of composed strings and on strings hypothesis builds from the characters
that matter to it. Speed itself is measured by ``benchmarks/hostile.py``, not here.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import meetingx
from linear_checks import candidate_rows, strings


# ---------------------------------------------------------------------------------------------
# English dates: a date's sentence is read back from the date no further than 400 characters for
# a convening verb or another meeting, where each date read its sentence from the start (a line of
# dates that never ends: quadratic).

def reference_en_date_score(finder):
    """The English DateFinder.score as it was."""
    from meetingx.components import candidates
    from meetingx.components.en import dates as d

    def score(doc, text, rule, start, end, data):
        if any(c.start <= start < c.end for c in candidates(doc, "PUBLISH_DATE")):
            return None
        if any(c.start <= start < c.end for c in candidates(doc, "LABEL")):
            return 0.0
        sentences = d.sentences_of(doc, finder.words)
        s_start, s_end = sentences.start_of(start), sentences.end_of(start)
        score = 0.0
        verb = finder.statements.convening.search(text, s_start, start) \
            if (s_start, s_end) in finder.statements.convening_set(doc, finder.words) else None
        if verb is not None:
            score += 5
        elif finder.statements.about_other_meeting(text, s_start, end) or re.search(r"\bdated[ ]*$", text[max(0, start - 8):start]):
            score -= 5
        if d._DATE_FIELD.search(text, max(0, start - 12), start):
            score += 3
        if "relative" in data:
            kinds = candidates(doc, "KIND")
            if not kinds and start - d.body_start(doc) < 300:
                score += 2
        else:
            score += (data.get("day") is not None) + (rule not in ("en.date.numeric", "en.date.iso"))
        return score

    return score


@pytest.mark.parametrize("text", [
    "Minutes of the Regular Meeting of the City Council\nThe City Council met on March 5, 2024 at 7:00 p.m. in the "
    "Council Chambers. The minutes of the meeting of February 20, 2024 were approved. The next meeting will be "
    "held on March 19, 2024.",
    "BOARD OF EDUCATION\nRegular Meeting - Tuesday, June 11, 2024\nThe meeting was called to order at 6:30 PM by "
    "President Lee. Motion to approve the minutes of May 14, 2024 carried 5-0. Date: June 11, 2024",
    "Ayes: Smith, Jones Nays: Garcia March 5, 2024 vote 3-2 Ayes: Chen May 7, 2023 the minutes of April 2, 2023 "
    "were adopted, dated 4/2/2023, approved on Monday",
])
def test_en_date_scores_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = meetingx.load("en")
    new = candidate_rows(nlp(text))
    finder = nlp.get_pipe("meetingx_dates").component
    monkeypatch.setattr(finder, "score", reference_en_date_score(finder))
    old = candidate_rows(nlp(text))
    assert new == old
    assert sum(label == "DATE" for label, *_ in new) >= 3


# ---------------------------------------------------------------------------------------------
# English rosters: whether a label opens its line and whether a comma stands before it (as the
# English resolutions ask of a colon) are read back over white space only, and a list's line end is looked for within the 1,500 characters it
# may run, where each label read the text before it or the rest of its line (labels on one line).

@settings(max_examples=300, deadline=None)
@given(strings("ab ,\n\t", 20), st.integers(0, 20))
def test_roster_line_tests_as_before(text: str, pos: int) -> None:
    from meetingx.components.en.rosters import opens_line
    from meetingx.positions import last_visible

    pos = min(pos, len(text))
    assert opens_line(text, pos) == (not text[text.rfind("\n", 0, pos) + 1:pos].strip())
    assert last_visible(text, pos) == text[:pos].rstrip()[-1:]
    assert (last_visible(text, pos) == ",") == text[:pos].rstrip().endswith(",")


def reference_list_end(self, text, start, limit, skip):
    """RosterReader.list_end as it was."""
    from meetingx.components.en.rosters import COUNTED_GROUP

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


@pytest.mark.parametrize("text", [
    "Minutes of the City Council\nPresent: Mayor Smith, Councilmembers Jones, Garcia and Chen\nAbsent: Lee\n"
    "Staff: City Manager Patel (acting), Clerk Kim. CALL TO ORDER 7:00 p.m.",
    "Minutes\nPresent: " + ", ".join(["Smith", "Jones", "Garcia"] * 200) + "\nAbsent: Lee",
    "Minutes\nStaff Robin Dunn, Clerk Kim, Director, Present: Finance Director Silva, Chair Rossi; Absent: None",
    "Minutes\nPresent: 5 members of the public, Mayor Smith (chair), Jones. Absent: Lee 2 items",
])
def test_rosters_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from meetingx.components.en.rosters import roster_reader
    from meetingx.lexicon import load_lexicon

    reader = roster_reader(load_lexicon("en"))
    new = reader(text)
    monkeypatch.setattr(reader, "list_end", reference_list_end.__get__(reader))
    assert reader(text) == new and new
