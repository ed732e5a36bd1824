"""A user's script over meetingx's Python API: mypy must see the types (tests/test_typing.py)."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from typing_extensions import assert_type

import meetingx
from meetingx.record import Person

text = "4月18日下午，学校在报告厅召开工作会议。校长王明远主持会议。"

record = meetingx.extract(text, id="r1", publish_date="2024-04-19")
assert_type(record, meetingx.MeetingRecord)
assert_type(record.chair, list[Person])
assert_type(record.date, str | None)
chair_names: list[str] = [person.name for person in record.chair]

nlp = meetingx.load("zh", tagger=False)
assert_type(nlp, Language)
nlp.remove_pipe("meetingx_attendance")
doc = nlp(text)
assert_type(doc, Doc)

for each in meetingx.pipe([text, text], publish_date="2024-04-19"):
    assert_type(each, meetingx.MeetingRecord)

nlp.to_disk(Path("my-pipeline"))
mine = spacy.load("my-pipeline")
assert_type(meetingx.extract(text, nlp=mine), meetingx.MeetingRecord)

try:
    meetingx.extract(" ")
except meetingx.EmptyTextError as error:
    assert_type(error, meetingx.EmptyTextError)
