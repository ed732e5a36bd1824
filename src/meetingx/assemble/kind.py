"""The document's kind (news, minutes, resolution) and its title."""

from __future__ import annotations

from meetingx.assemble.context import Context


def fill_kind(ctx: Context) -> None:
    """``kind`` from the first ``KIND`` candidate (news where there is none)."""
    kinds = ctx.candidates("KIND")
    ctx.kind = kinds[0].data["kind"] if kinds else "news"
    ctx.out.values["kind"] = ctx.kind
    if kinds:
        ctx.out.cite("/kind", kinds[0].start, kinds[0].end, kinds[0].rule, kinds[0].confidence)


def fill_title(ctx: Context) -> None:
    """``title``: an announcement's heading (without the company), else the headline."""
    heading = ctx.candidates("HEADING")
    ctx.out.set_text("title", heading[0] if heading else ctx.title)
