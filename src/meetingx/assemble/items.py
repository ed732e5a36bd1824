"""What was done: the agenda, the numbered directives with their issuer, and the resolutions
with their vote tallies."""

from __future__ import annotations

import re
from typing import Any, Optional

from meetingx.assemble.context import Context, DirectiveItem
from meetingx.assemble.people import resolve
from meetingx.components import Candidate

_VOTED = re.compile(r"表决通过|通过了")


def find_directive_items(ctx: Context) -> None:
    """The numbered items of the body that form lists, each with where its text ends
    (``ctx.directive_items``)."""
    if ctx.kind == "resolution":
        return  # numbered 议案 are resolutions; section headings and convening facts are neither
    folded = ctx.folded
    markers = sorted((c for c in ctx.candidates("MARKER") if c.start >= ctx.body_start), key=lambda c: c.start)
    if markers and "number" in markers[0].data:
        # the component put its markers in lists itself: each with its position and its text's end
        for c in markers:
            if c.data.get("after_gap"):
                ctx.out.warn("directive.displaced-marker", "an item before this one could not be read (its "
                             "marker stands elsewhere in the text); it keeps its place in the list",
                             f"/directives/{len(ctx.directive_items)}")
            ctx.directive_items.append(DirectiveItem(c, c.data["text_end"], c.data["number"]))
        return
    lists: list[list[Candidate]] = []
    open_lists: dict[str, list[Candidate]] = {}
    for c in markers:
        family, value = c.data["family"], c.data["value"]
        current = open_lists.get(family)
        if value == 1:
            open_lists[family] = [c]
            lists.append(open_lists[family])
        elif current and current[-1].data["value"] == value - 1:
            current.append(c)
    kept = [items for items in lists if len(items) > 1 or items[0].data["family"] == "cn-verb"]
    # each item with its position in its own list (CONVENTIONS rule 8: a new list starts at 1)
    items = sorted(((c, number) for items in kept for number, c in enumerate(items, 1)), key=lambda t: t[0].start)
    for index, (c, number) in enumerate(items):
        end = c.data["text_start"]
        limit = items[index + 1][0].start if index + 1 < len(items) else len(folded)
        while end < limit and folded[end] not in "。；\n":
            end += 1
        while end > c.data["text_start"] and folded[end - 1] in "，、：；。 ":
            end -= 1
        ctx.directive_items.append(DirectiveItem(c, end, number))


def fill_agenda(ctx: Context) -> None:
    """``agenda``: an announcement's motions; else the agenda clauses, and in minutes the
    numbered items (a clause restating a numbered heading is that item's content)."""
    out = ctx.out
    agenda: list[str] = []
    seen: set[str] = set()

    def add(c: Candidate, start: Optional[int] = None, end: Optional[int] = None) -> None:
        start = c.start if start is None else start
        end = c.end if end is None else end
        value = out.span(start, end)
        if value not in seen:
            out.cite(f"/agenda/{len(agenda)}", start, end, c.rule, c.confidence)
            agenda.append(value)
            seen.add(value)

    if ctx.kind == "resolution":
        for c in ctx.candidates("MOTION"):
            add(c)
    else:
        headings = [ctx.folded[item.marker.data["text_start"]:item.end] for item in ctx.directive_items] \
            if ctx.kind == "minutes" else []
        # every run of 12 characters of the headings, so that a clause is checked in one pass
        heading_runs = {heading[i:i + 12] for heading in headings for i in range(len(heading) - 11)}
        for c in ctx.candidates("AGENDA"):
            clause = ctx.folded[c.start:c.end]
            if not any(clause[i:i + 12] in heading_runs for i in range(len(clause) - 11)):
                add(c)
        for item in ctx.directive_items if ctx.kind == "minutes" else []:
            if item.marker.data.get("agenda", True):  # not the points of a report read out
                add(item.marker, item.marker.data["text_start"], item.marker.data.get("agenda_end", item.end))
    out.values["agenda"] = agenda


def fill_resolutions(ctx: Context) -> None:
    """Items put to a vote: the motions of an announcement with their tallies, or agenda items
    a report says were voted on (表决通过, with no counts)."""
    out = ctx.out
    resolutions: list[dict[str, Any]] = []
    voted = ctx.candidates("MOTION") if ctx.kind == "resolution" or ctx.candidates("MOTION") else [
        c for c in ctx.candidates("AGENDA")
        if _VOTED.match(ctx.folded, c.start, c.end)
        and "表决" in ctx.folded[ctx.sentence_bounds(c.start)[0]:c.end]]
    seen: set[str] = set()
    for c in voted:
        text = out.span(c.start, c.end)
        if text in seen:
            continue
        seen.add(text)
        index = len(resolutions)
        pointer = f"/resolutions/{index}"
        out.cite(f"{pointer}/text", c.start, c.end, c.rule, c.confidence)
        out.cite(f"{pointer}/number", c.start, c.end, c.rule, c.confidence)
        votes = c.data.get("votes")
        if votes is not None:
            t_start, t_end = c.data["tally"]
            out.cite(f"{pointer}/votes", t_start, t_end, "resolution.tally", 0.9)
            if None in votes.values():
                out.warn("resolution.tally-incomplete", "the vote tally is cut off or incomplete; "
                         "missing counts are null", f"{pointer}/votes")
        elif ctx.kind == "resolution":
            out.warn("resolution.no-tally", "no vote tally found for this item", f"{pointer}/votes")
        passed: Optional[bool] = c.data["passed"] if "passed" in c.data else "未通过" not in text and "通过" in text
        if votes and votes.get("for") is not None and votes.get("against") is not None:
            passed = passed and votes["for"] > votes["against"]
        out.cite(f"{pointer}/passed", c.start, c.end, c.rule, c.confidence)
        resolutions.append({"number": index + 1, "text": text, "votes": votes, "passed": passed})
    out.values["resolutions"] = resolutions


def fill_directives(ctx: Context) -> None:
    """``directives``: the numbered items, each with the person whose voice it is in (in minutes,
    the meeting's own: no issuer)."""
    out = ctx.out
    voices = sorted(ctx.candidates("VOICE"), key=lambda c: c.start)
    directives = []
    for index, (c, text_end, number) in enumerate(ctx.directive_items):
        voice = next((v for v in reversed(voices) if v.start < c.start), None)
        issuer = resolve(ctx, voice) if voice is not None and ctx.kind != "minutes" else None
        pointer = f"/directives/{index}"
        out.cite(f"{pointer}/marker", c.start, c.end, c.rule, c.confidence)
        out.cite(f"{pointer}/number", c.start, c.end, c.rule, c.confidence)
        out.cite(f"{pointer}/text", c.data["text_start"], text_end, c.rule, c.confidence)
        if issuer and issuer in ctx.people:
            start, end = ctx.people[issuer].span
            out.cite(f"{pointer}/issuer", start, end, voice.rule, voice.confidence)
        else:
            issuer = None
        directives.append({"number": number, "marker": out.span(c.start, c.end), "issuer": issuer,
                           "text": out.span(c.data["text_start"], text_end)})
    out.values["directives"] = directives
