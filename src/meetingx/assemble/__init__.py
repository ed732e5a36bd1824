"""Doc -> MeetingRecord: pick among the candidates, write values with their evidence.

One module per field family, each deciding its own fields, run in this order (later families
read what earlier ones left in the :class:`~meetingx.assemble.context.Context`):

- :mod:`.kind`: the document's kind and title; a document that reports no meeting (kind "other")
  gets no value, so that no family writes one;
- :mod:`.dates`: the publish date, the meeting's date (and the sentence it stands in);
- :mod:`.people`: the people with their roles; chair, speakers, attendees;
- :mod:`.meeting`: venue, meeting name, organizer;
- :mod:`.items`: agenda, resolutions, directives.

Every string value is read from the original text at the offsets of the candidate it came from,
so ``text[start:end] == value`` holds by construction; normalised values (dates, numbers) point at
the words they were read from.
"""

from __future__ import annotations

from spacy.tokens import Doc

from meetingx.assemble import dates, items, kind, meeting, people
from meetingx.assemble.context import Context
from meetingx.components import RULES_ONLY_KEY
from meetingx.reading import Document
from meetingx.record import MEETING_LISTS, MEETING_SCALARS, MeetingRecord


def assemble(doc: Doc, document: Document) -> MeetingRecord:
    """The record of a Doc that went through the pipeline."""
    from meetingx import __version__

    ctx = Context(doc, document)
    ctx.out.values.update(id=document.id, lang=ctx.meta.get("lang", "zh"))
    kind.fill_kind(ctx)
    if ctx.kind == "other":
        ctx.out.values.update(dict.fromkeys(MEETING_SCALARS))
        ctx.out.values.update({key: [] for key in MEETING_LISTS})
    else:
        fill_meeting_values(ctx)
    if doc.user_data.get(RULES_ONLY_KEY):
        ctx.out.warn("people.rules-only", "people were found by the rules alone (--no-tagger): "
                     "names without a title may be missing")
    source = {"path": document.path, "sha256": document.sha256, "chars": len(ctx.text),
              "encoding": document.encoding, **document.source_fields()}
    return MeetingRecord(
        schema_version=MeetingRecord.version_for(source),
        **ctx.out.values,
        evidence=ctx.out.evidence,
        source=source,
        warnings=ctx.out.warnings,
        extractor={"version": __version__},
    )


def fill_meeting_values(ctx: Context) -> None:
    """Every value of a record that reports a meeting, family by family."""
    kind.fill_title(ctx)
    dates.fill_publish_date(ctx)
    people.build_people(ctx)
    dates.fill_date(ctx)
    meeting.fill_meeting(ctx)
    people.fill_people(ctx)
    items.find_directive_items(ctx)
    items.fill_agenda(ctx)
    items.fill_resolutions(ctx)
    items.fill_directives(ctx)
