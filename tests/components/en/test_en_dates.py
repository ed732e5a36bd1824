"""English dates and times: the meeting's date as EDTF, the date words as written, and the time of
day of the start time (before 12:00 morning, to 16:59 afternoon, from 17:00 evening). Each case is
a short text of minutes or news composed for the table, with an optional publish date."""

from __future__ import annotations

import pytest

CASES = [
    # --- written dates in a heading or a convening sentence
    pytest.param("MINUTES OF THE REGULAR MEETING\nTuesday, March 5, 2024\n\nMayor Ames called the meeting to order "
                 "at 7:00 p.m.", None, "2024-03-05", "Tuesday, March 5, 2024", "evening", id="weekday-month-day-year"),
    pytest.param("Minutes of the Parish Council Meeting held on 5th March 2024 at 7.30pm in the Village Hall.",
                 None, "2024-03-05", "5th March 2024", "evening", id="ordinal-day-month-year-7.30pm"),
    pytest.param("At a Meeting of the Town Council held at the Guildhall on Thursday, 23rd May, 2019 at 10.00 a.m.",
                 None, "2019-05-23", "Thursday, 23rd May, 2019", "morning", id="uk-commas-am"),
    pytest.param("The 40th Annual General Meeting of the Society was held on Saturday, the 2nd day of March, 2024 at "
                 "2:00 PM.", None, "2024-03-02", "Saturday, the 2nd day of March, 2024", "afternoon", id="day-of-month"),
    pytest.param("BOARD OF TRUSTEES\nJUNE 14,2021\nThe Board met at 19:00 in the library.", None, "2021-06-14",
                 "JUNE 14,2021", "evening", id="capitals-no-space-24-hour"),
    pytest.param("SUMMARY OF SENATE MEETING 03/05/2024\nCALL TO ORDER\nChair Ross called the meeting to order at 3:15 "
                 "p.m.", None, "2024-03-05", "03/05/2024", "afternoon", id="numeric-month-first"),
    pytest.param("Senate Minutes 02/11/08\nChair Lee called the meeting to order at 3:30 P.M. The minutes of 01/28/08 "
                 "were approved.", None, "2008-02-11", "02/11/08", "afternoon", id="two-digit-year"),
    pytest.param("ORDINARY COUNCIL 22/11/2017\nOrdinary Council Meeting held in the Council Chambers on Wednesday 22 "
                 "November 2017 commencing at 6.00pm.", None, "2017-11-22", "Wednesday 22 November 2017", "evening",
                 id="day-first-text"),
    pytest.param("Planning Board\nMinutes\n2023-09-18\nThe Board met at 6:00 PM.", None, "2023-09-18", "2023-09-18",
                 "evening", id="iso-date"),
    pytest.param("OPEN SESSION MINUTES JULY 9,2013 7 00 PM ROOM 4 Present. Ann Lee,Chair", None, "2013-07-09",
                 "JULY 9,2013", "evening", id="ocr-time-without-colon"),
    # --- no year, relative dates
    pytest.param("The County Board met in the Commissioners office on Monday August 8 at 9 am.", None, "XXXX-08-08",
                 "Monday August 8", "morning", id="no-year"),
    pytest.param("The County Board met in the Commissioners office on Monday August 8 at 9 am.", "2016-08-10",
                 "2016-08-08", "Monday August 8", "morning", id="no-year-publish-date"),
    pytest.param("The City Council approved its budget today with one opposing vote.", None, None, "today", None,
                 id="today-without-publish-date"),
    pytest.param("The City Council approved its budget today with one opposing vote.", "2023-09-26", "2023-09-26",
                 "today", None, id="today-with-publish-date"),
    pytest.param("The school board voted 5-2 on Tuesday evening to close the annex.", None, None, "Tuesday evening",
                 "evening", id="weekday-evening"),
    pytest.param("Meeting virtually on Monday, the council voted 6-2 to approve the budget.", "2020-04-13", None,
                 "Monday", None, id="weekday-not-fixed"),
    # --- distractors: other meetings, closing times, e-voting windows
    pytest.param("CITY COUNCIL MINUTES\nMonday, May 6, 2024\nMayor Ruiz called the meeting to order at 6:30 p.m. "
                 "Councilmember Ito moved approval of the minutes of the meeting held on April 15, 2024.", None,
                 "2024-05-06", "Monday, May 6, 2024", "evening", id="minutes-of-an-earlier-meeting"),
    pytest.param("Extraordinary minutes\nTuesday 17 October 2023\n1. Welcome\nThe Chairman declared the meeting closed "
                 "at 20.15.", None, "2023-10-17", "Tuesday 17 October 2023", None, id="closing-time-only"),
    pytest.param("The 10th AGM of the Company was held on Friday, 8th March, 2024. The Meeting commenced at 11:00 "
                 "A.M. Remote e-voting commenced at 9:00 A.M. on Tuesday, 5th March, 2024.", None, "2024-03-08",
                 "Friday, 8th March, 2024", "morning", id="e-voting-window"),
    pytest.param("MINUTES\nCity Council\nMonday, June 3, 2024\nThe Council recessed at 5:35 p.m. and returned at "
                 "7:10 p.m. The meeting was called to order at 5:00 p.m.", None, "2024-06-03", "Monday, June 3, 2024",
                 "evening", id="recess-times-skipped"),
    pytest.param("Board Minutes\nApril 4, 2022\nThe handout dated March 1, 2022 was reviewed.", None, "2022-04-04",
                 "April 4, 2022", None, id="dated-document"),
]


@pytest.mark.parametrize(("text", "publish", "date", "date_text", "part"), CASES)
def test_meeting_date(extract, text: str, publish: str | None, date: str | None, date_text: str,
                      part: str | None) -> None:
    record = extract(text, publish_date=publish)
    assert record["lang"] == "en"
    assert (record["date"], record["date_text"], record["time_of_day"]) == (date, date_text, part)
