"""The document's kind (news, minutes, resolution, or other: no meeting reported) and its title."""

from __future__ import annotations

from meetingx.assemble.context import Context
from meetingx.components.held import HELD_CHECKED_KEY

#: The values a record of kind "other" leaves null or empty (spec 1.2): every value about a meeting.


def fill_kind(ctx: Context) -> None:
    """``kind`` from the first ``KIND`` candidate (news where there is none), or "other" where the
    held component found no evidence of a meeting held and a sign of what the document is instead."""
    if reports_no_meeting(ctx):
        return
    kinds = ctx.candidates("KIND")
    ctx.kind = kinds[0].data["kind"] if kinds else "news"
    ctx.out.values["kind"] = ctx.kind
    if kinds:
        ctx.out.cite("/kind", kinds[0].start, kinds[0].end, kinds[0].rule, kinds[0].confidence)


def reports_no_meeting(ctx: Context) -> bool:
    """Kind "other", with a ``document.no-meeting`` warning that says why, where no ``HELD``
    evidence stands and a ``NOT_HELD`` sign does (a weak one only with another). Where both stand,
    the meeting is kept: a report may mention an inspection or a meeting to come beside the one it
    reports."""
    if not ctx.doc.user_data.get(HELD_CHECKED_KEY) or ctx.candidates("HELD"):
        return False
    signs = ctx.candidates("NOT_HELD")
    if not signs or len(signs) == 1 and signs[0].data.get("weak"):
        return False  # no sign, or a weak one alone (精神 in the lead of a study session's report)
    ctx.kind = "other"
    out = ctx.out
    out.values["kind"] = "other"
    first = signs[0]
    out.cite("/kind", first.start, first.end, first.rule, first.confidence)
    found: dict[str, list[str]] = {}
    for sign in signs:
        says = f"{sign.data['says']} ({sign.rule}"
        found.setdefault(says, []).append(out.span(sign.start, sign.end)[:30])
    out.warn("document.no-meeting",
             "no meeting held is reported: no convening, chair or attendance clause, no act of a meeting, "
             "no minutes header and no vote tally was found in the document's own account; found "
             + "; ".join(f"{says}: {' / '.join(words)})" for says, words in found.items()), "/kind")
    return True


def fill_title(ctx: Context) -> None:
    """``title``: an announcement's heading (without the company), else the headline."""
    heading = ctx.candidates("HEADING")
    ctx.out.set_text("title", heading[0] if heading else ctx.title)
