"""Lookups over positions made for linear time (issue 13): a pattern's occurrences and searches
anchored at a window's end answer as the searches they replace.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linear_checks import END_ANCHORED, strings, windows


# ---------------------------------------------------------------------------------------------
# positions.Occurrences: a search inside a window is a lookup in the pattern's occurrences.

OCCURRING = [r"召开|举行|开幕", r"通知|发出|送达", r"要(?![求点素])", r"(?<![主重需])要", r"(?:集中|认真)?(?:学习|研究)了",
             r"会议?|大会", r"[，：]",
             # the components' (places._NOT_YET, attendance._NOT_A_REPORT as it was and as it is)
             r"决定|即将|将于|将在|拟于|拟在|定于|计划于|准备于|预计于",
             r"(?:会议|本次|并|均)无|没有|(?<![主重需必政纪摘首显])要(?![求点素])|应当|必须|务必|不得",
             r"会议无|本次无|并无|均无|没有|要(?<![主重需必政纪摘首显]要)(?![求点素])|应当|必须|务必|不得"]


@settings(max_examples=300, deadline=None)
@given(strings("会议本次并均无没有要主重需必政纪摘首显求点素应当须务不得", 20))
def test_not_a_report_finds_what_its_lookbehind_first_form_finds(text: str) -> None:
    """attendance._NOT_A_REPORT, written to start with a character, matches where and what the
    form with the look-behind before 要 matched, in every window."""
    from meetingx.components.attendance import _NOT_A_REPORT

    before = re.compile(OCCURRING[-2])
    for start, end in windows(text):
        for pos in range(start, end + 1):
            found, expected = _NOT_A_REPORT.match(text, pos, end), before.match(text, pos, end)
            assert (found and found.span()) == (expected and expected.span()), (pos, end)


@settings(max_examples=200, deadline=None)
@given(strings("召开举行通知发出要求点主重集中认真学习研究了会议大，：决定将于在拟本次无没有应当", 30), st.sampled_from(OCCURRING))
def test_occurrences_search_as_the_pattern(text: str, pattern: str) -> None:
    from meetingx.positions import Occurrences

    compiled = re.compile(pattern)
    occurrences = Occurrences(compiled, text, lookahead=1 if "(?!" in pattern else 0)
    for start, end in windows(text):
        found, expected = occurrences.search(start, end), compiled.search(text, start, end)
        assert (found and found.span()) == (expected and expected.span()), (start, end)


@settings(max_examples=200, deadline=None)
@given(strings("召开举行通知发出要求点主重集中认真学习研究了会议大，：决定将于在拟本次无没有应当", 30), st.sampled_from(OCCURRING))
def test_match_starts_as_a_look_ahead_scan(text: str, pattern: str) -> None:
    """Every match starting at each position, overlapping ones too, in every window: what a
    zero-width look-ahead finds with finditer."""
    from meetingx.positions import match_starts

    compiled, every = re.compile(pattern), re.compile(f"(?=({pattern}))")
    for start, end in windows(text):
        found = [match.span() for match in match_starts(compiled, text, start, end)]
        assert found == [match.span(1) for match in every.finditer(text, start, end)], (start, end)


@pytest.mark.parametrize("pattern, text, expected", [
    (r"会议?|大会", "召开大会议", [(2, 4), (3, 5)]),  # 大会 and 会议 overlap
    (r"会议?|大会", "会会会", [(0, 1), (1, 2), (2, 3)]),
    (r"张三|三李", "张三李四", [(0, 2), (1, 3)]),
    (r"召开", "没有", []),
])
def test_match_starts_finds_overlapping_matches(pattern: str, text: str, expected: list[tuple[int, int]]) -> None:
    from meetingx.positions import match_starts

    assert [match.span() for match in match_starts(re.compile(pattern), text)] == expected


@settings(max_examples=300, deadline=None)
@given(strings("张三李四王五·", 30), st.lists(strings("张三李四王五·", 3), max_size=6), st.integers(1, 3))
def test_word_starts_by_find_and_by_pattern(text: str, words: list[str], length: int) -> None:
    """Every start of each word (overlapping ones too), by start: the same whether the words are
    found one by one or with one pattern, and what a look-ahead scan for them finds."""
    from meetingx.positions import word_starts

    words = sorted({word[:length] for word in words if len(word) >= length})
    if not words:
        return
    every = re.compile(f"(?=({'|'.join(map(re.escape, words))}))")
    expected = [(match.start(), match.group(1)) for match in every.finditer(text)]
    assert word_starts(text, words) == expected  # found one by one
    assert word_starts(text, words, budget=0) == expected  # with one pattern


def test_occurrences_refuse_unbounded_patterns() -> None:
    from meetingx.positions import Occurrences

    with pytest.raises(ValueError):
        Occurrences(re.compile(r"会+"), "会会")


# ---------------------------------------------------------------------------------------------
# positions.EndAnchored: a pattern anchored at the end ($) is searched in the last characters of a
# window only. Exact for a pattern whose matches have a longest length; for one with an unbounded
# repetition, exact up to its reach (a longer match is not found).


@settings(max_examples=300, deadline=None)
@given(strings("此前后之事会式见谈时中期间调研考察甲乙", 24))
def test_other_event_searched_at_the_clause_end_as_in_a_copy_of_the_clause(text: str) -> None:
    """clauses._OTHER_EVENT searched in the last characters of a clause finds what a search of
    a copy of the clause found (as the sentence reader searched it before)."""
    from meetingx.components.clauses import _OTHER_EVENT

    compiled = re.compile(_OTHER_EVENT.pattern.pattern)
    for start, end in windows(text):
        found, expected = _OTHER_EVENT.search(text, start, end), compiled.search(text[start:end])
        assert (found and (found.start() - start, found.end() - start)) == (expected and expected.span()), (start, end)


def test_end_anchored_patterns_are_the_components() -> None:
    """END_ANCHORED (linear_checks) holds the patterns as the components have them (heads and
    titles aside, which come from the rule data)."""
    from meetingx.components import attendance, attendees, places

    assert attendees._HEAD_COUNT.pattern.pattern == END_ANCHORED["attendees.head-count"][0]
    assert attendees._HEAD_COUNT.reach == END_ANCHORED["attendees.head-count"][1]
    for module, name, key in [(attendance, "_BEFORE_VERB", "attendance.before-verb"),
                              (attendance, "_AFTER_PEOPLE", "attendance.after-people"),
                              (attendance, "_TIME_WORD", "attendance.time-word"),
                              (places, "_ADVERBS", "places.adverbs")]:
        assert getattr(module, name).pattern.pattern == END_ANCHORED[key][0], name
        if END_ANCHORED[key][1] is not None:
            assert getattr(module, name).reach == END_ANCHORED[key][1], name


@settings(max_examples=300, deadline=None)
@given(strings("代表负责人同志主任副书记（）等共近12 名位人左右也还在分会场以方式先生女士因原故之际期间时，。隆重会议组织", 36),
       st.sampled_from(sorted(END_ANCHORED)))
def test_end_anchored_search_as_the_pattern(text: str, key: str) -> None:
    from meetingx.positions import EndAnchored

    pattern, reach = END_ANCHORED[key]
    anchored, compiled = EndAnchored(pattern, reach), re.compile(pattern)
    for start, end in windows(text):
        if reach is not None and end - start > reach:
            continue  # beyond the reach of a pattern without a longest match
        if key == "attendance.time-word" and any(mark in text[start:end - 1] for mark in "，。；"):
            continue  # attendance asks it only up to the first clause mark after a verb (time_clause)
        found, expected = anchored.search(text, start, end), compiled.search(text, start, end)
        assert (found and found.span()) == (expected and expected.span()), (start, end)
