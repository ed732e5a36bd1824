"""Assembly rewritten for linear time (issue 13) decides as it did.

Each section keeps the pattern or loop as it was (the reference) and checks that the rewrite gives
the same answer on a table of composed strings and on strings hypothesis builds from the characters
that matter to it. Speed itself is measured by ``benchmarks/hostile.py``, not here.
"""

from __future__ import annotations


import pytest

import meetingx


# assemble: an alias (王书记) is resolved once, among the people with its surname's character, where
# each alias looked at every person.

def reference_resolve(ctx, c):
    """assemble.people.resolve as it was."""
    from meetingx.text import fold

    alias = c.data.get("alias")
    if alias:
        surname, title = alias
        options = [n for n in ctx.people if fold(n).startswith(surname)]
        preferred = [n for n in options if any(fold(r[0]).endswith(title) for r in ctx.people[n].roles)]
        return (preferred or options or [None])[0]
    start, end = c.data.get("name_start", c.start), c.data.get("name_end", c.end)
    if start is None:
        return None
    return ctx.out.span(start, end)


@pytest.mark.parametrize("text", [
    "市委书记王建国主持会议。王书记强调，要抓落实。副市长王红出席。王市长指出，要重视安全。",
    "校长李明、副校长李红出席。李校长讲话。李副校长作了部署。李书记要求，一是抓学习；二是抓落实。",
    "3月5日，县委书记張三主持会议。张书记指出，要团结。县长张四、副县长张五出席。张县长讲话。",
    "区长赵明主持会议。钱书记讲话。赵区长要求，要重视。",
])
def test_aliases_resolve_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import meetingx.assemble.items
    import meetingx.assemble.people

    new = meetingx.extract(text, id="case").to_json_dict()
    monkeypatch.setattr(meetingx.assemble.people, "resolve", reference_resolve)
    monkeypatch.setattr(meetingx.assemble.items, "resolve", reference_resolve)
    old = meetingx.extract(text, id="case").to_json_dict()
    assert new == old


# assemble.dates: a date's score reads the words and marks around it by lookup, and how like the
# title its sentence's meetings are once per sentence, where each date sliced and searched its
# sentence (a sentence of dates that never ends: quadratic).

def reference_date_score(ctx, c, excluded):
    """assemble.dates.date_score as it was."""
    from meetingx.assemble import dates as d

    if "score" in c.data:
        return c.data["score"]
    folded = ctx.folded
    header = d._TIME_HEADER.search(folded[max(0, c.start - 6):c.start]) is not None
    if any(s <= c.start < e for s, e in excluded) or c.start < ctx.body_start and not header \
            and c.rule != "date.iso":
        return None
    start, end = ctx.sentence_bounds(c.start)
    sentence = folded[start:end]
    score = 0.0
    if d._CONVENE.search(sentence):
        score += 3
    if c.start - ctx.body_start < 120:
        score += 1
    if header:
        score += 4
    if c.rule in ("date.day", "date.ym") and not d._CONVENE.search(sentence) and c.start - ctx.body_start >= 120:
        score -= 2
    if d._NOT_AN_EVENT.match(folded[c.end:c.end + 4]):
        score -= 3
    clause_start = max(folded.rfind(mark, start, c.start) for mark in "，：")
    clause_end = min((i for i in (folded.find(mark, c.end, end) for mark in "，。") if i >= 0), default=end)
    clause = folded[max(start, clause_start):clause_end]
    if d._NOTICE.search(clause):
        score -= 4
    if d._CONTINUING.match(clause) and clause.endswith("后"):
        score -= 4
    if folded.rfind("《", start, c.start) > folded.rfind("》", start, c.start):
        score -= 3
    if c.data.get("year") and ctx.publish and c.data["year"] < ctx.publish.year - 1:
        score -= 3
    if ctx.title is not None:
        title = set(folded[ctx.title.start:ctx.title.end])
        meetings = [folded[m_start:m_end] for m_start, m_end in ctx.meeting_spans.starting_in(start, end)]
        if meetings:
            score += 2 * max(sum(ch in title for ch in m) / len(m) for m in meetings)
    return score


@pytest.mark.parametrize("text", [
    "市政府召开常务会议\n3月5日上午，市政府召开常务会议。会议通知于3月1日发出。",
    "区委召开全会\n继3月5日召开动员大会后，区委于4月2日召开全会，审议《2023年工作要点》等文件。",
    "学校召开安全工作会议\n2024年9月3日下午，学校召开安全工作会议。自2024年9月1日起施行，9月10日 9月11日 9月12日出席。",
    "2019-05-22 21:51 2017-11-08 21:09 2018-11-24 05:08 召开 2016-09-28 通知 2019-01-14 发出 2025-10-01",
    "公告\n时间：2023年5月10日\n地点：会议室\n会议于2023年5月10日召开，2018年3月2日通知。",
    "《关于2023年3月1日会议的通知》于3月2日送达，3月5日举行会议，《3月8日》出席",
])
def test_date_scores_as_before(text: str) -> None:
    from meetingx.assemble import dates, kind, people
    from meetingx.assemble.context import Context
    from meetingx.reading import Document

    ctx = Context(meetingx.load("zh")(text), Document(id="case", text=text))
    kind.fill_kind(ctx)
    dates.fill_publish_date(ctx)
    people.build_people(ctx)
    excluded = [c.data["line"] for c in ctx.candidates("PUBLISH_DATE")]
    excluded += [(c.start, c.end) for c in ctx.candidates("DATELINE") + ctx.candidates("SIGNATURE_DATE")]
    if ctx.title is not None:
        excluded.append((ctx.title.start, ctx.title.end))
    scorer = dates.DateScorer(ctx, excluded)
    found = [(c.start, scorer.score(c)) for c in ctx.candidates("DATE")]
    assert found == [(c.start, reference_date_score(ctx, c, excluded)) for c in ctx.candidates("DATE")]
    assert len(found) >= 2


# ---------------------------------------------------------------------------------------------
# assemble.items: the voice a list of numbered points is in is looked up by bisection, where each
# list went through the voices from the last one back (many lists and many voices: quadratic).

def reference_fill_directives(ctx) -> None:
    """``directives``: the numbered items, each list with the person whose points they are: the one
    speaking where the list starts (in minutes, the meeting's own: no issuer; a list whose first
    item names who acts, 一是张三传达…，二是…, is a list of the meeting's steps: no issuer)."""
    out = ctx.out
    voices = sorted(ctx.candidates("VOICE"), key=lambda c: c.start)
    acting = {c.data["span_start"] for c in ctx.candidates("PERSON")}
    speaking = {}
    directives = []
    for index, (c, text_end, number, list_index) in enumerate(ctx.directive_items):
        if list_index not in speaking:
            voice = next((v for v in reversed(voices) if v.start < c.start), None)
            steps = c.data["text_start"] in acting
            speaking[list_index] = None if ctx.kind == "minutes" or steps else voice
        voice = speaking[list_index]
        issuer = items_module().resolve(ctx, voice) if voice is not None else None
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


def items_module():
    import meetingx.assemble.items

    return meetingx.assemble.items


@pytest.mark.parametrize("text", [
    "3月5日上午，市委常委会召开会议，市委书记王建国主持会议并讲话。王建国强调，一是要加强领导；二是要完善制度；三是要狠抓落实。"
    "副书记李红指出，一是要团结；二是要奋斗。会议要求，一是抓学习；二是抓落实。市长张三讲话。（一）加强领导。（二）完善制度。",
    "区政府常务会议纪要\n时间：2024年6月12日上午\n主持：区长王志强\n一、原则同意方案。\n二、责成区财政局加强管理。\n"
    "王志强强调，一是要重视；二是要落实。",
])
def test_directive_voices_as_before(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    new = meetingx.extract(text, id="case").to_json_dict()
    monkeypatch.setattr(items_module(), "fill_directives", reference_fill_directives)
    old = meetingx.extract(text, id="case").to_json_dict()
    assert new == old
    assert len(new["directives"]) >= 4
