"""English meeting name, organizer and venue: the noun phrase convened (with what it is of), the
body that holds it (the of-phrase, the subject of "met", the owner written before it; not one made
of meeting-type words), and the place it is held at."""

from __future__ import annotations

import pytest

CASES = [
    pytest.param("CITY OF ELM RIDGE CITY COUNCIL MINUTES REGULAR MEETING JUNE 3, 2021 7:00 P.M. COUNCIL CHAMBERS 1. CALL "
                 "TO ORDER Mayor Hart called the meeting to order at 7:02 p.m.", "REGULAR MEETING",
                 "CITY OF ELM RIDGE CITY COUNCIL", "COUNCIL CHAMBERS", id="flattened-header-owner-before-minutes"),
    pytest.param("Adopted Minutes\nMayor Tierney called a Regular Meeting of the Plymouth City Council to order at 7:00 "
                 "p.m. in the Council Chambers of City Hall, 3400 Plymouth Boulevard, on July 9, 2002.",
                 "Regular Meeting of the Plymouth City Council", "Plymouth City Council",
                 "Council Chambers of City Hall, 3400 Plymouth Boulevard", id="called-a-meeting-to-order-in"),
    pytest.param("Minutes\nTuesday, September 7, 2010\nPursuant to due call and notice thereof, the regular meeting of "
                 "the City Council, City of Mendota Heights, Minnesota was held at 7:00 p.m. at City Hall, 1101 Victoria "
                 "Curve.", "regular meeting of the City Council, City of Mendota Heights, Minnesota",
                 "City Council, City of Mendota Heights", "City Hall, 1101 Victoria Curve", id="was-held-at"),
    pytest.param("At a Meeting of Town Council held at the Pater Hall, Pembroke Dock on Thursday, 23rd September, 2004 "
                 "at 6.30 p.m.\n\nPRESENT: Councillor D. Esmond", "Meeting of Town Council", "Town Council",
                 "Pater Hall, Pembroke Dock", id="at-a-meeting-held-at"),
    pytest.param("BUDGET WRAP-UP\nADJOURNED MEETING - DECEMBER 14, 1985\nThe City Council met in session on this date at "
                 "9:30 a.m. in the Council Chambers of City Hall, Yakima, Washington.", "ADJOURNED MEETING",
                 "City Council", "Council Chambers of City Hall, Yakima, Washington", id="met-in-session"),
    pytest.param("The Morgan County Board of Commissioners met in the Commissioners office on Monday August 8 at 9 am. "
                 "Commissioner Zell made a motion to approve the agenda. Commissioner Fann seconded the motion.", None,
                 "Morgan County Board of Commissioners", "Commissioners office", id="board-of-commissioners-met"),
    pytest.param("Planning Commission Minutes Regular Meeting April 11, 2006 1. Call to Order Chair Rotty called the "
                 "meeting to order at 7:00 p.m. Members Present: Rotty, Barker", "Regular Meeting", "Planning Commission",
                 None, id="body-minutes-meeting"),
    pytest.param("BCF Board Meeting Minutes\n\nAugust 4, 2016\n\nPresident Don Ware called the meeting to order at 2:00 "
                 "pm.", "BCF Board Meeting", "BCF", None, id="acronym-owner"),
    pytest.param("The Township of Oro-Medonte Council Meeting Minutes Wednesday, January 14, 2015 Council Chambers "
                 "2014-2018 Council Present: Mayor "
                 "H.S. Hughes Deputy Mayor Ralph Hough Councillor Phil Hall Time: 9:05 a.m. 1. Call to Order: Mayor "
                 "H.S. Hughes assumed the Chair and called the meeting to order.", "Council Meeting",
                 "Township of Oro-Medonte", "Council Chambers", id="township-of"),
    pytest.param("MINUTES FOR THE LINCOLN SCHOOL COMMITTEE MEETING OF\nThursday, January 26, 2006\n7:00 Open Session\n"
                 "Hanscom Primary School\n\nPresent: Julie Dobrow (Chair)", "LINCOLN SCHOOL COMMITTEE MEETING",
                 "LINCOLN SCHOOL COMMITTEE", "Hanscom Primary School", id="header-lines"),
    pytest.param("Minutes for the Ordinary Council Meeting\n\nDate: 22 November 2017\n\nLocation: Bellingen Shire Council "
                 "Chambers\n\nTime: 6.00PM\n\nOrdinary Council Meeting held in the Council Chambers, Bellingen on "
                 "Wednesday 22 November 2017.", "Ordinary Council Meeting", None, "Bellingen Shire Council Chambers",
                 id="location-field-and-no-owner"),
    pytest.param("Summary of the Proceedings of the 62nd Annual General Meeting of the Members of the Company\n\nThe "
                 "62nd AGM of the Company was held on Tuesday, the 11th day of July, 2023 through VC/OAVM facility.",
                 "62nd Annual General Meeting of the Members of the Company", "Company", "VC/OAVM facility",
                 id="full-name-over-acronym"),
    pytest.param("Minutes of the PARISH COUNCIL MEETING held on the 22nd March 2021 at 7.30pm remotely through Zoom.\n\n"
                 "Present: Cllr P Morgan (Chair)", "PARISH COUNCIL MEETING", "PARISH COUNCIL", "remotely through Zoom",
                 id="remotely-through"),
    pytest.param("Meeting virtually on Monday, the council voted 6-2 to approve the budget.", None, "council", "virtually",
                 id="news-meeting-virtually"),
    pytest.param("Springdale School Committee held its meeting yesterday at the high school library. The committee voted "
                 "unanimously to approve the curriculum.", None, "Springdale School Committee", "high school library",
                 id="held-its-meeting"),
    pytest.param("VILLAGE OF OAK BLUFF\nBOARD OF TRUSTEES\nREGULAR MEETING MINUTES\nMONDAY, NOVEMBER 6, 2023\n\n"
                 "President Walters called the meeting to order at 7:00 p.m.", "REGULAR MEETING", "BOARD OF TRUSTEES",
                 None, id="body-heading-line"),
    pytest.param("THE CORPORATION OF THE TOWN OF LAKEVIEW\nCOUNCIL MINUTES\nMonday, February 5, 2024\n\nMembers Present: "
                 "Mayor J. Martin\n1. CALL TO ORDER\nMayor Martin called the meeting to order at 6:00 p.m.", None,
                 "THE CORPORATION OF THE TOWN OF LAKEVIEW", None, id="corporation-heading"),
    pytest.param("MINUTES\nTRUSTEES OF THE RIVERSIDE PUBLIC LIBRARY\nRegular Meeting - Wednesday, May 15, 2024\n"
                 "Library Community Room\n\nTrustees present: Chair Grace Lin\nChair Lin called the meeting to order.",
                 "Regular Meeting", "TRUSTEES OF THE RIVERSIDE PUBLIC LIBRARY", "Library Community Room",
                 id="body-line-is-no-venue"),
    pytest.param("Brookfield Parish Council\nMinutes of the Parish Council Meeting held on Thursday 7th March 2024 at "
                 "19:00 in the Memorial Hall\n\nPresent: Cllr R. Evans (Chairman)", "Parish Council Meeting",
                 "Brookfield Parish Council", "Memorial Hall", id="heading-line-names-the-owner"),
    pytest.param("The City Council approved the budget today. A public hearing last week had drawn no comments.", None, None,
                 None, id="news-without-a-meeting-name"),
]


@pytest.mark.parametrize(("text", "meeting_name", "organizer", "venue"), CASES)
def test_meeting_facts(extract, text: str, meeting_name: str | None, organizer: str | None, venue: str | None) -> None:
    record = extract(text)
    assert (record["meeting_name"], record["organizer"], record["venue"]) == (meeting_name, organizer, venue)
