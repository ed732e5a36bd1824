"""Who: the people of the document with every role read for them, the chair, the speakers with
their speech, and the attendees."""

from __future__ import annotations

from typing import Any, Optional

from meetingx.assemble.context import Context, Person
from meetingx.components import Candidate
from meetingx.text import fold


#: Chair rules that may give a record several chairs: co-chairs (A同B共同主持) and the 主持人：
#: field of each item of minutes
_SEVERAL_CHAIRS = ("clause.chair-together", "clause.chair-header")


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
        if (surname, title) not in ctx.alias_names:
            ctx.alias_names[surname, title] = resolve_alias(ctx, surname, title)
        return ctx.alias_names[surname, title]
    start, end = c.data.get("name_start", c.start), c.data.get("name_end", c.end)
    if start is None:
        return None
    return ctx.out.span(start, end)


def resolve_alias(ctx: Context, surname: str, title: str) -> Optional[str]:
    """The first person with the surname and a role that ends with the title, else the first with
    the surname (the people with the surname's first character are looked up, not all)."""
    known = ctx.people_by_initial.get(fold(surname[:1]), []) if surname else list(ctx.people)
    options = [n for n in known if fold(n).startswith(surname)]
    preferred = [n for n in options if any(fold(r[0]).endswith(title) for r in ctx.people[n].roles)]
    return (preferred or options or [None])[0]


def person_value(ctx: Context, name: str, pointer: str, speech: Optional[Candidate] = None,
                 mention: Optional[tuple[int, int]] = None) -> dict[str, Any]:
    """The record's person object for ``name`` at ``pointer``, with its evidence: the name at
    ``mention`` (where the person acts) when it is written there in full, else at its first mention."""
    person = ctx.people[name]
    out = ctx.out
    start, end = mention if mention and out.span(*mention) == name else person.span
    out.cite(f"{pointer}/name", start, end, person.rule, person.confidence)
    roles = []
    for index, (role, r_start, r_end, rule) in enumerate(person.roles):
        roles.append(role)
        out.cite(f"{pointer}/roles/{index}", r_start, r_end, rule, 0.85)
    value: dict[str, Any] = {"name": name, "roles": roles, "speech": None}
    if speech is not None:
        value["speech"] = out.span(speech.start, speech.end)
        out.cite(f"{pointer}/speech", speech.start, speech.end, speech.rule, speech.confidence)
    return value


def name_span(c: Candidate) -> Optional[tuple[int, int]]:
    start, end = c.data.get("name_start", c.start), c.data.get("name_end", c.end)
    return None if start is None else (start, end)


def fill_people(ctx: Context) -> None:
    """``chair``, ``speakers`` and ``attendees``."""
    out = ctx.out
    chairs: dict[str, Candidate] = {}
    for c in ctx.candidates("CHAIR"):
        name = resolve(ctx, c)
        if name and name in ctx.people and name not in chairs and (not chairs or c.rule in _SEVERAL_CHAIRS):
            chairs[name] = c  # one chair, but those who chair together and those of each minutes item
    out.values["chair"] = [person_value(ctx, name, f"/chair/{i}", mention=name_span(c))
                           for i, (name, c) in enumerate(chairs.items())]

    attendees: list[str] = []
    listed: set[str] = set()
    attending: set[str] = set()
    for c in ctx.candidates("ATTEND"):
        value = out.span(c.start, c.end)
        if c.data.get("person"):
            attending.add(value)
        if value in listed:
            continue
        out.cite(f"/attendees/{len(attendees)}", c.start, c.end, c.rule, c.confidence)
        attendees.append(value)
        listed.add(value)

    present = attending | set(chairs)
    acts: dict[str, list[Candidate]] = {}
    for c in sorted(ctx.candidates("SPEECH"), key=lambda c: c.start):
        name = resolve(ctx, c)
        if name and name in ctx.people:
            acts.setdefault(name, []).append(c)
    speakers = []
    for name, found in acts.items():
        if not any(c.data["speaking"] and (not c.data["quoted"] or name in present) for c in found):
            continue  # only other acts, or only quoted (李强指出，…习近平总书记强调…)
        said = [c for c in found if not c.data["quoted"]] or found
        prose = [c for c in said if c.start >= ctx.body_start and not c.data["heading"]]
        speakers.append((prose or said)[0])  # the first act, in the prose rather than a headline
    speakers.sort(key=lambda c: c.start)
    out.values["speakers"] = [
        person_value(ctx, resolve(ctx, c), f"/speakers/{i}", c, name_span(c)) for i, c in enumerate(speakers)]
    out.values["attendees"] = attendees
