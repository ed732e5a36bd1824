"""The matching view's white space is read in linear time (issue 13), as it was before.

Each section keeps the pattern or loop as it was (the reference) and checks that the rewrite gives
the same answer on a table of composed strings and on strings hypothesis builds from the characters
that matter to it. Speed itself is measured by ``benchmarks/hostile.py``, not here.
"""

from __future__ import annotations


import pytest
from hypothesis import given, settings

from linear_checks import strings


# ---------------------------------------------------------------------------------------------
# text: whether a line is prose is read once per line, where each space in it read the line again
# (words separated by spaces on one long line: quadratic).

def reference_space_removals(folded: str) -> list[tuple[int, int]]:
    """The white space part of text._removals as it was."""
    from meetingx import text as t

    spans = []
    for match in t._WHITESPACE_RUN.finditer(folded):
        start, end = match.span()
        before = folded[start - 1] if start else "\n"
        after = folded[end] if end < len(folded) else "\n"
        if before == "\n" or after == "\n" or before.isdigit() and t._CJK_OR_MARK.match(after) \
                or after.isdigit() and t._CJK_OR_MARK.match(before):
            spans.append((start, end))
        elif t._CJK_OR_MARK.match(before) or t._CJK_OR_MARK.match(after):
            line_start = folded.rfind("\n", 0, start) + 1
            line_end = folded.find("\n", end)
            if t._PROSE_MARK.search(folded, line_start, line_end if line_end >= 0 else len(folded)):
                spans.append((start, end))
    return spans


def space_removals(folded: str) -> list[tuple[int, int]]:
    """text._removals without what it removes besides white space (white space never is pinyin, a
    page-number line or a line break)."""
    from meetingx import text as t

    return [span for span in t._removals(folded) if folded[span[0]:span[1]].strip(" \t") == ""]


@pytest.mark.parametrize("text", [
    "市政府召开常务会议 王建国出席\n3月5日上午， 市政府 召开 常务会议。\n  出席 会议 王明 李红 \n9 月 28 日",
    "出席 会议 张三 主持 李四 讲话 王五 强调 赵六，完毕",
    "标题 一\n标题 二\n正文 有 逗号，在 这里。 a b 1 2 \t\t 会",
])
def test_space_removals_as_before(text: str) -> None:
    assert space_removals(text) == reference_space_removals(text)


@settings(max_examples=300, deadline=None)
@given(strings("会议 \t\n，。1a", 50))
def test_space_removals_as_before_anywhere(text: str) -> None:
    assert space_removals(text) == reference_space_removals(text)
