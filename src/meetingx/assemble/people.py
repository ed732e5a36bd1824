"""Who: the people of the document with every role read for them, the chair, the speakers with
their speech, and the attendees."""

from __future__ import annotations

from typing import Any, Optional

from meetingx.assemble.context import Context, Person
from meetingx.components import Candidate
from meetingx.text import fold


def build_people(ctx: Context) -> None:
    """Every ``PERSON`` mention under its name, with the roles of all its mentions."""
    for c in ctx.candidates("PERSON"):
        name = ctx.out.span(c.start, c.end)
        person = ctx.people.setdefault(name, Person((c.start, c.end), c.rule, c.confidence))
        for r_start, r_end in c.data["roles"]:
            role = ctx.out.span(r_start, r_end)
            known = [r[0] for r in person.roles]
            if not role.strip() or role in known:
                continue
            if c.rule == "person.name-title" and any(fold(r).endswith(fold(role)) for r in known):
                continue  # 赛云秀书记 after 校党委书记赛云秀: the short form adds no role
            person.roles.append((role, r_start, r_end, c.rule))


def resolve(ctx: Context, c: Candidate) -> Optional[str]:
    """The full name a candidate refers to (an alias such as 王书记 resolved to 王革慧)."""
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


def person_value(ctx: Context, name: str, pointer: str,
                 speech: Optional[tuple[int, int, str, float]]) -> dict[str, Any]:
    """The record's person object for ``name`` at ``pointer``, with its evidence."""
    person = ctx.people[name]
    out = ctx.out
    start, end = person.span
    out.cite(f"{pointer}/name", start, end, person.rule, person.confidence)
    roles = []
    for index, (role, r_start, r_end, rule) in enumerate(person.roles):
        roles.append(role)
        out.cite(f"{pointer}/roles/{index}", r_start, r_end, rule, 0.85)
    value: dict[str, Any] = {"name": name, "roles": roles, "speech": None}
    if speech:
        s_start, s_end, rule, confidence = speech
        value["speech"] = out.span(s_start, s_end)
        out.cite(f"{pointer}/speech", s_start, s_end, rule, confidence)
    return value


def fill_people(ctx: Context) -> None:
    """``chair``, ``speakers`` and ``attendees``."""
    out = ctx.out
    chairs: list[str] = []
    for c in ctx.candidates("CHAIR"):
        name = resolve(ctx, c)
        if name and name in ctx.people and name not in chairs and not chairs:
            chairs.append(name)
    out.values["chair"] = [person_value(ctx, n, f"/chair/{i}", None) for i, n in enumerate(chairs)]

    speakers: dict[str, Candidate] = {}
    # in the order the speakers act (where the name was read elsewhere, ``mention_start`` says where)
    for c in sorted(ctx.candidates("SPEECH"), key=lambda c: c.data.get("mention_start", c.data["name_start"])):
        name = resolve(ctx, c)
        if name and name in ctx.people and name not in speakers:
            speakers[name] = c
    out.values["speakers"] = [
        person_value(ctx, n, f"/speakers/{i}", (c.start, c.end, c.rule, c.confidence))
        for i, (n, c) in enumerate(speakers.items())]

    attendees: list[str] = []
    for c in ctx.candidates("ATTEND"):
        value = out.span(c.start, c.end)
        if value in attendees:
            continue
        out.cite(f"/attendees/{len(attendees)}", c.start, c.end, c.rule, c.confidence)
        attendees.append(value)
    out.values["attendees"] = attendees
