"""Where and what: the venue, the meeting's name and its organizer, read from the sentence of
the meeting's date (the anchor) where it has them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from meetingx.assemble.context import Context
from meetingx.components import Candidate


def pick(ctx: Context, label: str, preferred: Callable[[Candidate], bool] = lambda c: True) -> Optional[Candidate]:
    """The candidate of the anchor sentence (the one after the date where there are two), else the
    first in the body; a ``preferred`` candidate before any other of the same place."""
    found = ctx.candidates(label)
    if ctx.anchor:
        inside = [c for c in found if ctx.anchor[0] <= c.start < ctx.anchor[1]]
        after = [c for c in inside if c.start >= ctx.anchor_date]
        options = after or inside
        if options:
            return min(options, key=lambda c: (not preferred(c), c.start))
    in_body = [c for c in found if c.start >= ctx.body_start]
    return min(in_body, key=lambda c: (not preferred(c), c.start)) if in_body else None


def convened(c: Candidate) -> bool:
    """A meeting named as convened (召开X, X举行) rather than as what a leader attended (出席会议)."""
    return c.rule != "place.meeting-attended"


def fill_meeting(ctx: Context) -> None:
    """``venue``, ``meeting_name`` and ``organizer``."""
    out = ctx.out
    header = [c for c in ctx.candidates("VENUE") if c.rule == "place.venue-header"]
    out.set_text("venue", header[0] if header else pick(ctx, "VENUE"))
    # an announcement's meeting, where its lead convenes it or as its heading names it
    named = [c for c in ctx.candidates("MEETING") if c.rule.startswith("resolution.")]
    meeting = named[0] if named else pick(ctx, "MEETING", convened)
    if meeting is None and ctx.title is not None:
        meeting = next((c for c in ctx.candidates("MEETING")
                        if ctx.title.start <= c.start < ctx.title.end), None)
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
