"""English page structure: title, kind and publish date, and the matching view (typographic forms
folded, a word broken over two lines and page furniture left out, values still quoted exactly)."""

from __future__ import annotations

import pytest

import meetingx
from meetingx.components.en.textview import EnglishTextViewSetter
from meetingx.lexicon import load_lexicon

TITLES = [
    pytest.param("October 2023 extraordinary minutes\nTuesday 17 October 2023\nPresent; Cllrs Drury (Chair)",
                 "October 2023 extraordinary minutes", id="first-line"),
    pytest.param("MINUTES FOR THE LINCOLN SCHOOL COMMITTEE MEETING OF\nThursday, January 26, 2006\n\nPresent: Ann Bay",
                 "MINUTES FOR THE LINCOLN SCHOOL COMMITTEE MEETING OF\nThursday, January 26, 2006", id="broken-heading"),
    pytest.param("VILLAGE OF OAK BLUFF\nBOARD OF TRUSTEES\nREGULAR MEETING MINUTES\nMONDAY, NOVEMBER 6, 2023\n\n"
                 "President Walters called the meeting to order.", "REGULAR MEETING MINUTES", id="letterhead-skipped"),
    pytest.param(" date 2023-07-11 'Annexure - I'\n\nSummary of the Proceedings of the 5th AGM held on Tuesday, 11th\n\n"
                 "July, 2023 at 10:30 A.M.\n\nThe 5th AGM of the Company was held on Tuesday, the 11th day of July, 2023.",
                 "Summary of the Proceedings of the 5th AGM held on Tuesday, 11th\n\nJuly, 2023 at 10:30 A.M.",
                 id="publish-line-skipped-and-blank-line"),
    pytest.param("Loading...\nHomeMy WebLinkAbout2023-09-18 (Regular) Meeting Minutes MINUTES City Council Regular Meeting "
                 "Monday, September 18, 2023 1000 Englewood Parkway 6:00 PM 1 Call to Order The regular meeting of the "
                 "City Council was called to order by Mayor Sierra at 6:00 p.m.", "MINUTES", id="viewer-label-skipped"),
    pytest.param("Loading...\nm20190924.pdf 1 September 24, 2019 CITY OF SANTA MONICA CITY COUNCIL MINUTES SEPTEMBER "
                 "24, 2019 A regular meeting of the Santa Monica City Council was called to order by Mayor Davis at 5:30 "
                 "p.m., on Tuesday, September 24, 2019, at City Council Chambers, 1685 Main Street.",
                 "CITY COUNCIL MINUTES", id="flattened-minutes-words"),
    pytest.param("SUMMARY OF FACULTY SENATE MEETING 02/11/08 CALL TO ORDER Chair Licari called the meeting to order at "
                 "3:20 P.M. APPROVAL OF THE MINUTES Motion to approve the minutes by Senator Bruess; second by Senator "
                 "Gray. Motion passed.", "SUMMARY OF FACULTY SENATE MEETING 02/11/08", id="summary-of"),
    pytest.param("The City Council approved its budget today with one opposing vote. Councilman Cannon said he would "
                 "have preferred a raise.", None, id="news-without-headline"),
]

KINDS = [
    pytest.param("Board Minutes\nJune 3, 2023\nThe Board met at 6 p.m.", "minutes", id="heading"),
    pytest.param("June 3, 2023\nPresent: Ann Bay, Bo Cox\nThe Board met at 6 p.m.", "minutes", id="roster"),
    pytest.param("The County Board met on Monday. Commissioner Zell made a motion to approve the agenda. Commissioner "
                 "Fann seconded the motion.", "minutes", id="minutes-phrases"),
    pytest.param("ADJOURNED MEETING - DECEMBER 14, 1985\nThe City Council met in session at 9:30 a.m.", "minutes",
                 id="meeting-heading-in-capitals"),
    pytest.param("The Millbrook Town Council met on Thursday evening and voted 5-2 to approve a zoning plan.", "news",
                 id="news"),
]

PUBLISHED = [
    pytest.param(" date 2020-04-13 WHAT'S NEW: Meeting virtually on Monday, the council voted 6-2.", "2020-04-13",
                 id="aggregator-line"),
    pytest.param("Minutes of the Council\n\nUpload: others\n\nPost on 17-Aug-2020\n\n1 views\n\nDate: 22 November 2017",
                 "2020-08-17", id="post-on"),
    pytest.param("Published: March 4, 2024\nThe council voted 4-1 to approve the plan.", "2024-03-04", id="published"),
    pytest.param("Minutes\nThe Board met on Monday, June 3, 2024.", None, id="none"),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_title(extract, text: str, title: str | None) -> None:
    assert extract(text)["title"] == title


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_kind(extract, text: str, kind: str) -> None:
    assert extract(text)["kind"] == kind


@pytest.mark.parametrize(("text", "publish_date"), PUBLISHED)
def test_publish_date(extract, text: str, publish_date: str | None) -> None:
    assert extract(text)["publish_date"] == publish_date


VIEWS = [
    pytest.param("Present: Cllr A. Fitz-\ngerald (Chair)", "Present: Cllr A. Fitzgerald (Chair)", id="hyphenated-break"),
    pytest.param("Mayor\u2019s report \u2013 \u201cgood\u201d", "Mayor's report - \"good\"", id="typographic-forms"),
    pytest.param("R0LL CALL Present", "ROLL CALL Present", id="zero-in-capitals"),
    pytest.param("the motion carried. Page 2 of 13 Council", "the motion carried.  Council", id="page-of-pages"),
    pytest.param("vote: DocuSign Envelope ID: DA227DB8-4C56-49CD-BB14-2AEA5E68731F AYES", "vote:  AYES",
                 id="docusign-id"),
]


@pytest.mark.parametrize(("text", "view"), VIEWS)
def test_matching_view(text: str, view: str) -> None:
    setter = EnglishTextViewSetter(load_lexicon("en"))
    doc = meetingx.load("en").make_doc(text)
    setter(doc)
    text_view = doc._.mx_text
    assert text_view.folded == view
    start = text_view.folded.index(view.split()[-1])
    assert text_view.original_text(start, start + len(view.split()[-1])) in text


def test_values_keep_the_original_text(extract) -> None:
    text = "Minutes\nMonday, June 3, 2024\nPresent: Cllr A. Fitz-\ngerald (Chair), Cllr B. Hart.\n"
    record = extract(text)
    assert record["attendees"] == ["A. Fitz-\ngerald", "B. Hart"]
    assert record["chair"][0]["name"] == "A. Fitz-\ngerald"


def test_example_in_the_readme(extract) -> None:
    """The README's English example keeps giving the record it shows."""
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "examples" / "council-minutes.txt").read_text(encoding="utf-8")
    record = extract(text)
    assert (record["meeting_name"], record["organizer"], record["date"], record["venue"]) == (
        "regular meeting of the Maple Ridge City Council", "Maple Ridge City Council", "2024-03-05",
        "Council Chambers, 120 Lake Street")
    assert [p["name"] for p in record["chair"]] == ["Helen Ortiz"]
    assert [r["votes"] for r in record["resolutions"]] == [{"for": 4, "against": 0, "abstain": None}] * 2
