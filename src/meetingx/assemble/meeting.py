"""Where and what: the venue, the meeting's name and its organizer, read from the sentence of
the meeting's date (the anchor) where it has them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from meetingx.assemble.context import Context
from meetingx.components import Candidate

#: Meeting nouns that name no particular meeting (出席会议, 主持座谈会)
_BARE_MEETINGS = frozenset({"会议", "会", "大会", "座谈会", "会见", "全会", "峰会", "论坛", "活动"})


def pick(ctx: Context, label: str, rank: Callable[[Candidate], int] = lambda c: 0) -> Optional[Candidate]:
    """The candidate of the anchor sentence (the one after the date where there are two), else the
    first in the body; a better ranked candidate (lower ``rank``) before any other of the same place."""
    found = ctx.candidates(label)
    if ctx.anchor:
        title = ctx.title
        inside = [c for c in found if ctx.anchor[0] <= c.start < ctx.anchor[1]]
        # the lead's before the headline's, where a headline glued to the lead is in the anchor sentence too
        inside = [c for c in inside if title is None or not title.start <= c.start < title.end] or inside
        if inside:
            return min(inside, key=lambda c: (rank(c), c.start < ctx.anchor_date, c.start))
    in_body = [c for c in found if c.start >= ctx.body_start]
    return min(in_body, key=lambda c: (rank(c), c.start)) if in_body else None


def convened_first(ctx: Context) -> Callable[[Candidate], int]:
    """A meeting named as convened (召开X, X举行) first; then one a leader attends or chairs by its
    own name (出席…峰会, 主持…第十次会议); a bare meeting noun they attend or chair (出席会议) last."""
    def rank(c: Candidate) -> int:
        if c.rule not in ("place.meeting-attended", "place.meeting-chaired"):
            return 0
        return 2 if ctx.folded[c.start:c.end] in _BARE_MEETINGS else 1
    return rank


def fill_meeting(ctx: Context) -> None:
    """``venue``, ``meeting_name`` and ``organizer``."""
    out = ctx.out
    header = [c for c in ctx.candidates("VENUE") if c.rule == "place.venue-header"]
    out.set_text("venue", header[0] if header else pick(ctx, "VENUE"))
    # an announcement's meeting, where its lead convenes it or as its heading names it
    named = [c for c in ctx.candidates("MEETING") if c.rule.startswith("resolution.")]
    rank = convened_first(ctx)
    meeting = named[0] if named else pick(ctx, "MEETING", rank)
    if (meeting is None or rank(meeting) == 2) and ctx.title is not None:
        # no name in the body, or only 主持会议: the headline's named meeting
        best = min((c for c in ctx.candidates("MEETING") if ctx.title.start <= c.start < ctx.title.end),
                   key=rank, default=None)
        if best is not None and (meeting is None or rank(best) < 2):
            meeting = best
    out.set_text("meeting_name", meeting)
    orgs = ctx.candidates("ORG")
    companies = ctx.candidates("COMPANY")
    org = companies[0] if companies else None
    if org is None:
        org = pick(ctx, "ORG") if ctx.anchor is None else next(
            (c for c in orgs if ctx.anchor[0] <= c.start < ctx.anchor[1]), None)
    if org is None and ctx.title is not None:
        org = next((c for c in orgs if ctx.title.start <= c.start < ctx.title.end), None)
    if org is None:
        org = next((c for c in orgs if c.rule == "place.hosts"), None)
    if org is not None and meeting is not None and out.span(org.start, org.end) == out.values["meeting_name"]:
        org = None  # a meeting that convenes itself is not its own organizer
    out.set_text("organizer", org)
