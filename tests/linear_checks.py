"""What the tests of the rewrites made for linear time share (issue 13): strings hypothesis builds,
the windows of a string, a Doc's candidates as rows to compare, and the end-anchored patterns as
the components had them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st
from spacy.tokens import Doc


def strings(alphabet: str, max_size: int = 60) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, max_size=max_size)


def windows(text: str) -> Iterator[tuple[int, int]]:
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            yield start, end


def candidate_rows(doc: Doc) -> list[tuple[Any, ...]]:
    """Everything a Doc's candidates say, in order: what a component gives beside its reference."""
    return [(c.label, c.start, c.end, c.rule, c.data) for c in doc._.mx_candidates]


#: The end-anchored patterns before they were searched from a window's end (positions.EndAnchored),
#: with the reach they are now read with (None: the pattern's own longest match).
END_ANCHORED = {
    "attendees.head": (r"(?:代表|负责人|同志|主任|副主任|书记)(?:（[^）]*）)?$", 80),
    "attendees.title": (r"(?:主任|副主任|书记)$", None),
    "attendees.head-count": (r"(?:等|共|计|合计|总计)?(?:近|约|逾|超过)?\d+(?:余|多)?\s*(?:名|位|人)+(?:左右)?$", 40),
    "attendance.before-verb": (r"(?:等|共同|一起|也|还|都|均|分别|应邀|一同|将|代为|陪同|专程|特邀|在线|线上|首次|再次|并|又|随后"
                               r"|作为[^，、。]{1,16}?|通过[^，、。]{1,12}?方式|以[^，、。]{1,12}?方式"
                               r"|在[^，、。]{1,12}?(?:分会场|主会场|会场|现场))+$", 80),
    "attendance.after-people": (r"(?:先生|女士)?(?:因[^，。、]{0,8}(?:原因|故|公|事|病))?$", None),
    "attendance.time-word": (r"(?:之际|期间|时)(?=[，。；]|$)", None),
    "places.adverbs": (r"(?:隆重|顺利|胜利|正式|再次|首次|专门|集中|主持|联合|分别|共同|(?:(?<=会议)|(?<=会))组织"
                       r"|(?:以|通过|采取|采用)[^，。、；]{1,20}?(?:方式|形式))+$", 40),
}
