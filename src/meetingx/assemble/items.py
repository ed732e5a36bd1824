"""What was done: the agenda, the numbered directives with their issuer, and the resolutions
with their vote tallies."""

from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from typing import Any, NamedTuple, Optional

from meetingx.assemble.context import Context, DirectiveItem
from meetingx.assemble.people import resolve
from meetingx.components import Candidate
from meetingx.positions import SortedSpans


def find_directive_items(ctx: Context) -> None:
    """The numbered items of the body that form lists, each with where its text ends
    (``ctx.directive_items``)."""
    if ctx.kind == "resolution":
        return  # numbered 议案 are resolutions; section headings and convening facts are neither
    folded = ctx.folded
    markers = sorted((c for c in ctx.candidates("MARKER") if c.start >= ctx.body_start), key=lambda c: c.start)
    if markers and "number" in markers[0].data:
        # the component put its markers in lists itself: each with its position, its list and its text's end
        for c in markers:
            if c.data.get("after_gap"):
                ctx.out.warn("directive.displaced-marker", "an item before this one could not be read (its "
                             "marker stands elsewhere in the text); it keeps its place in the list",
                             f"/directives/{len(ctx.directive_items)}")
            ctx.directive_items.append(DirectiveItem(c, c.data["text_end"], c.data["number"], c.data["list"]))
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
    items = sorted(((c, number, list_index) for list_index, items in enumerate(kept)
                    for number, c in enumerate(items, 1)), key=lambda t: t[0].start)
    for index, (c, number, list_index) in enumerate(items):
        end = c.data["text_start"]
        limit = items[index + 1][0].start if index + 1 < len(items) else len(folded)
        while end < limit and folded[end] not in "。；\n":
            end += 1
        while end > c.data["text_start"] and folded[end - 1] in "，、：；。 ":
            end -= 1
        ctx.directive_items.append(DirectiveItem(c, end, number, list_index))


class _Item(NamedTuple):
    """An agenda item as it will be written: its span of the matching view and its rule."""

    start: int
    end: int
    rule: str
    confidence: float


def fill_agenda(ctx: Context) -> None:
    """``agenda``: an announcement's motions and what the board decides in them; else the agenda
    clauses, in minutes the numbered items (a clause restating a numbered heading is that item's
    content), and every item put to a vote with the same text as its resolution (CONVENTIONS
    rules 7 and 9: a voted item replaces the clauses it overlaps)."""
    items: list[_Item] = []
    if ctx.kind == "resolution":
        decided = ctx.candidates("RESOLUTION") + ctx.candidates("DECISION")
        items = [_Item(c.start, c.end, c.rule, c.confidence) for c in sorted(decided, key=lambda c: c.start)]
    else:
        headings = [ctx.folded[item.marker.data["text_start"]:item.end] for item in ctx.directive_items] \
            if ctx.kind == "minutes" else []
        # every run of 12 characters of the headings, so that a clause is checked in one pass
        heading_runs = {heading[i:i + 12] for heading in headings for i in range(len(heading) - 11)}
        for c in ctx.candidates("AGENDA"):
            clause = ctx.folded[c.start:c.end]
            if not any(clause[i:i + 12] in heading_runs for i in range(len(clause) - 11)):
                items.append(_Item(c.start, c.end, c.rule, c.confidence))
        required = required_lists(ctx) if ctx.kind == "minutes" else set()
        for item in ctx.directive_items if ctx.kind == "minutes" else []:
            marker = item.marker
            if marker.data.get("agenda", True) and item.list_index not in required:
                # (not the points of a report read out, nor a list of what is required)
                items.append(_Item(marker.data["text_start"], marker.data.get("agenda_end", item.end), marker.rule,
                                   marker.confidence))
        # (a component may say that its voted items are no agenda items of their own: English
        # minutes, whose agenda is their headings and numbered items)
        voted_items = [_Item(c.start, c.end, c.rule, c.confidence) for c in voted(ctx) if c.data.get("agenda", True)]
        if voted_items:
            items = with_voted_items(items, voted_items)
    out = ctx.out
    agenda: list[str] = []
    seen: set[str] = set()
    for item in items:
        value = out.span(item.start, item.end)
        if value not in seen:
            seen.add(value)
            out.cite(f"/agenda/{len(agenda)}", item.start, item.end, item.rule, item.confidence)
            agenda.append(value)
    out.values["agenda"] = agenda


#: An item that states a requirement, not a topic the meeting took up (一、要千方百计确保…)
_REQUIREMENT = re.compile(r"要(?![求点])|必须|务必|应当|应该")


def required_lists(ctx: Context) -> set[int]:
    """The lists of numbered items that state requirements (one item opens with 要/必须…, or the
    markers are 一要/二要): directives only, never agenda topics of minutes."""
    return {item.list_index for item in ctx.directive_items
            if item.marker.rule == "marker.yao" or _REQUIREMENT.match(ctx.folded, item.marker.data["text_start"])}


def with_voted_items(items: list[_Item], voted_items: list[_Item]) -> list[_Item]:
    """``items`` with each voted item in place of the items it overlaps, or, overlapping none,
    before the first item that starts after it."""
    order = sorted(range(len(items)), key=lambda i: items[i].start)
    starts = [items[i].start for i in order]
    first_after = order + [len(items)]  # first_after[k]: the lowest index among order[k:]
    for k in range(len(order) - 1, -1, -1):
        first_after[k] = min(order[k], first_after[k + 1])
    spans = SortedSpans([(item.start, item.end) for item in items])
    indices: dict[tuple[int, int], list[int]] = {}
    for i, item in enumerate(items):
        indices.setdefault((item.start, item.end), []).append(i)
    removed: set[int] = set()
    keyed: list[tuple[tuple[int, int, int], _Item]] = []
    for item in voted_items:
        hits = [i for span in spans.overlapping(item.start, item.end) for i in indices[span]]
        removed.update(hits)
        slot = min(hits) if hits else first_after[bisect_right(starts, item.start)]
        keyed.append(((slot, -1, item.start), item))
    keyed += [((i, 0, 0), item) for i, item in enumerate(items) if i not in removed]
    return [item for _, item in sorted(keyed, key=lambda pair: pair[0])]


def voted(ctx: Context) -> list[Candidate]:
    """The items put to a vote, in text order, each once."""
    seen: set[tuple[int, int]] = set()
    found = []
    for c in sorted(ctx.candidates("RESOLUTION"), key=lambda c: c.start):
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            found.append(c)
    return found


def fill_resolutions(ctx: Context) -> None:
    """``resolutions``: the items put to a vote (``RESOLUTION``), numbered in text order, with
    their tallies."""
    out = ctx.out
    resolutions: list[dict[str, Any]] = []
    for index, c in enumerate(voted(ctx)):
        text = out.span(c.start, c.end)
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
        out.cite(f"{pointer}/passed", c.start, c.end, c.rule, c.confidence)
        resolutions.append({"number": index + 1, "text": text, "votes": votes, "passed": c.data.get("passed")})
    out.values["resolutions"] = resolutions


def fill_directives(ctx: Context) -> None:
    """``directives``: the numbered items, each list with the person whose points they are: the one
    speaking where the list starts (in minutes, the meeting's own: no issuer; a list whose first
    item names who acts, 一是张三传达…，二是…, is a list of the meeting's steps: no issuer)."""
    out = ctx.out
    voices = sorted(ctx.candidates("VOICE"), key=lambda c: c.start)
    voice_starts = [v.start for v in voices]
    acting = {c.data["span_start"] for c in ctx.candidates("PERSON")}
    speaking: dict[int, Optional[Candidate]] = {}  # list -> the voice it is in
    directives = []
    for index, (c, text_end, number, list_index) in enumerate(ctx.directive_items):
        if list_index not in speaking:
            before = bisect_left(voice_starts, c.start)  # the last voice that starts before the list
            voice = voices[before - 1] if before else None
            steps = c.data["text_start"] in acting
            speaking[list_index] = None if ctx.kind == "minutes" or steps else voice
        voice = speaking[list_index]
        issuer = resolve(ctx, voice) if voice is not None else None
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
