"""Lines on pages to one text: running headers and footers out, paragraphs joined."""

from __future__ import annotations

import pytest

from meetingx.reading.layout import Line, Page, pages_text

WIDTH, HEIGHT, SIZE = 600.0, 800.0, 12.0


def line(text: str, top: float, left: float = 50, right: float | None = None) -> Line:
    """A line of ``text`` at ``top``; a full line (ending at the right edge, 550) unless ``right``."""
    return Line(text, left, top, 550 if right is None else right, top + SIZE)


def page(*lines: Line) -> Page:
    return Page(lines, WIDTH, HEIGHT)


def test_sentence_cut_by_a_page_break_reads_whole_without_header_footer_and_page_number() -> None:
    pages = [
        page(line("某县人民政府办公室", 20, right=200), line("第一段开头的话写满一行", 100),
             line("接着写满第二行的内容", 120), line("县长王明主持会议并", 140), line("第1页 共2页", 770, right=150)),
        page(line("某县人民政府办公室", 20, right=200), line("讲话，会议要求各部门落实", 100, right=300),
             line("第2页 共2页", 770, right=150)),
    ]

    text, starts = pages_text(pages)

    assert text == "第一段开头的话写满一行接着写满第二行的内容县长王明主持会议并讲话，会议要求各部门落实"
    assert starts == (0, text.index("讲话"))


@pytest.mark.parametrize(("second", "joint"), [
    (line("下一行接着写", 120), ""),                          # continued: nothing between Chinese lines
    (line("另起一段的开头", 120, left=74), "\n"),              # indented: a new paragraph
    (line("隔开很远的一行", 160), "\n"),                       # a paragraph's gap
    (line("next words", 120), ""),                           # Chinese before Latin: no space
], ids=["continued", "indented", "gap", "cjk-latin"])
def test_joining_two_lines(second: Line, joint: str) -> None:
    first = line("第一行写满了", 100)
    more = [line("再一行写满了", 200), line("末行", 220, right=100)]  # lines enough to know the spacing

    text, _ = pages_text([page(first, second, *more)])

    assert text.startswith("第一行写满了" + joint + second.text)


def test_latin_lines_join_with_a_space_and_short_lines_end_paragraphs() -> None:
    lines = [line("The board met on Monday and the chair", 100), line("opened the meeting at seven.", 120, right=300),
             line("Minutes of the last meeting were", 140), line("approved.", 160, right=120)]

    text, _ = pages_text([page(*lines)])

    assert text == "The board met on Monday and the chair opened the meeting at seven.\nMinutes of the last meeting were approved."


def test_lines_ending_far_from_the_margin_are_not_wrapped_however_long() -> None:
    lines = [line("区水务局召开防汛工作部署会", 100, right=300), line("会议由局长主持并讲话，要求落实责任。", 120, right=450),
             line("会议结束。", 140, right=150)]

    text, _ = pages_text([page(*lines)])

    assert text.split("\n") == ["区水务局召开防汛工作部署会", "会议由局长主持并讲话，要求落实责任。", "会议结束。"]


@pytest.mark.parametrize("number", ["3", "- 3 -", "第3页", "3/5", "第 3 页 共 5 页", "Page 3 of 5", "p. 3"])
def test_a_page_number_alone_in_the_footer_is_left_out_even_on_one_page(number: str) -> None:
    text, _ = pages_text([page(line("会议正文。", 100, right=200), line(number, 780, right=120))])
    assert text == "会议正文。"


def test_a_number_in_the_body_stays() -> None:
    text, _ = pages_text([page(line("会议正文。", 100, right=200), line("3", 400, right=60))])
    assert text == "会议正文。\n3"


def test_a_header_on_only_one_page_of_three_stays() -> None:
    pages = [page(line("会议纪要", 20, right=120), line("正文一。", 100, right=200)),
             page(line("正文二。", 100, right=200)), page(line("正文三。", 100, right=200))]
    text, starts = pages_text(pages)
    assert text == "会议纪要\n正文一。\n正文二。\n正文三。"
    assert starts == (0, text.index("正文二"), text.index("正文三"))


def test_no_text_gives_empty_text_and_page_starts() -> None:
    assert pages_text([page(), page()]) == ("", (0, 0))
