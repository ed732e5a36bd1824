"""English attendees: the entries of every list of those present, by name without titles or
honorifics, and people said to be present in prose; absentees and apologies never."""

from __future__ import annotations

import pytest

HEAD = "MINUTES OF THE REGULAR MEETING\nMonday, April 1, 2024\n"

CASES = [
    pytest.param(HEAD + "Present: Mayor Ann Cole, Councilmembers Bo Diaz, Cy Erb and Di Fox.\nAbsent: Councilmember Ed Gray.",
                 ["Ann Cole", "Bo Diaz", "Cy Erb", "Di Fox"], id="titles-and-absent"),
    pytest.param(HEAD + "COUNCIL PRESENT: Mayor Hale, Councilmembers Ives, Judd, and Kemp. ABSENT: Councilmember Lund. "
                 "STAFF PRESENT: City Manager Mays, City Clerk Nunn.", ["Hale", "Ives", "Judd", "Kemp", "Mays", "Nunn"],
                 id="flattened-labels-surnames"),
    pytest.param(HEAD + "Present: Cllr A Owen (Chair), Cllr B Pike & Cllr C Quinn.\nIn attendance: Mrs D Rowe (Clerk).\n"
                 "Apologies: Cllr E Shaw.", ["A Owen", "B Pike", "C Quinn", "D Rowe"], id="uk-cllr-and-apologies"),
    pytest.param(HEAD + "Members Present: Tate, Uhl, Vance\nMembers Absent: None\nAlso Present: Wes York, Planning "
                 "Director; Zoe Abel, City Planner", ["Tate", "Uhl", "Vance", "Wes York", "Zoe Abel"],
                 id="name-comma-title-semicolons"),
    pytest.param(HEAD + "Roll Call: Present: Mayor Amy Bell Mayor Pro Tem Carl Dean Councilmember Eva Ford "
                 "Councilmember Gus Hart Also Present: City Manager Ian Judd City Attorney Kay Lowe CONVENE",
                 ["Amy Bell", "Carl Dean", "Eva Ford", "Gus Hart", "Ian Judd", "Kay Lowe"], id="flattened-title-first"),
    pytest.param(HEAD + "STAFF PRESENT: City Manager Moss Director of Finance Nash Director of Public Works Orr "
                 "Deputy City Clerk Pratt 1 Call to Order", ["Moss", "Nash", "Orr", "Pratt"], id="departments-before-names"),
    pytest.param(HEAD + "Present: Jo Reed (Chair), Al Sims (Vice-Chair), Bea Todd (Parent Representative).",
                 ["Jo Reed", "Al Sims", "Bea Todd"], id="roles-in-parentheses"),
    pytest.param(HEAD + "Present. Ann Vale,Chair(Stow) Bob Webb(Acton) Cal Xu, Secretary(Ayer) Dee Yost(Hull)\n"
                 "Absent.Ed Zorn(Bolton)", ["Ann Vale", "Bob Webb", "Cal Xu", "Dee Yost"], id="ocr-towns-in-parentheses"),
    pytest.param(HEAD + "Also Present: Ann Abbott, Bob & Carol Baker, Dan Cole", ["Ann Abbott", "Bob & Carol Baker",
                 "Dan Cole"], id="couple-sharing-a-surname"),
    pytest.param(HEAD + "Present; Cllrs Drew (Chair), Cllrs Eton, Frey and Gale\nThere were no members of the public present",
                 ["Drew", "Eton", "Frey", "Gale"], id="semicolon-after-label"),
    pytest.param(HEAD + "PRESENT\n\nCouncillors Amy Hunt, Ben Ives (Mayor) and Cara Jones.\n\nIN ATTENDANCE\n\n"
                 "Dan Kerr (General Manager).", ["Amy Hunt", "Ben Ives", "Cara Jones", "Dan Kerr"], id="labels-on-own-lines"),
    pytest.param(HEAD + "PRESENT: Councillor D.T. Lamb,Mayor Councillors E. Moon, Mrs. F.G. Nash.\nIN ATTENDANCE: "
                 "Mr. H.J. Owen, Town Clerk Mrs. K. Page, Finance Officer", ["D.T. Lamb", "E. Moon", "F.G. Nash",
                 "H.J. Owen", "K. Page"], id="initials-and-roles-without-separators"),
    pytest.param(HEAD + "Members present: Don, Lori, Mark and Jan\nMembers absent: Ruth", ["Don", "Lori", "Mark", "Jan"],
                 id="first-names-only"),
    pytest.param(HEAD + "Commissioners Present: Gomez, Park, Stone\nCommissioners Absent: Novak",
                 ["Gomez", "Park", "Stone"], id="surnames-that-are-words"),
    pytest.param(HEAD + "In attendance: Mrs K Walsh (Clerk), 3 members of the public.", ["K Walsh", "members of the public"],
                 id="counted-group"),
    pytest.param(HEAD + "PRESENT: Cr Helen Brooks (Mayor), Cr Sam Price\nIN ATTENDANCE: General Manager (David Hunt), "
                 "Director Corporate Services (Kate Moore)\nAPOLOGIES: Cr Fiona Reid",
                 ["Helen Brooks", "Sam Price", "David Hunt", "Kate Moore"], id="title-then-name-in-parentheses"),
    pytest.param(HEAD + "Roll Call: Mr. Reyes, present; Mrs. Kim, present; Ms. Grant, absent; Dr. Patel, present.",
                 ["Reyes", "Kim", "Patel"], id="roll-call-marked-present"),
    pytest.param(HEAD + "In attendance: Mrs A. Lloyd (Clerk); PCSO D. Rees; 2 members of the public\nExcused: Cllr B. Thomas",
                 ["A. Lloyd", "D. Rees", "members of the public"], id="acronym-title-after-semicolon"),
    pytest.param(HEAD + "Guests: Officer Dan Reed, Greenfield Police; Ann Marsh", ["Dan Reed", "Ann Marsh"],
                 id="affiliation-after-a-comma"),
    pytest.param(HEAD + "Those present: Chairman Ames, Members Bly and Coe.\nAbsent: Member Dix.", ["Ames", "Bly", "Coe"],
                 id="those-present"),
    pytest.param(HEAD + "Council members in attendance: Mayor Eve Fong, Gil Hahn, Ida Ito\nThe Mayor called the meeting "
                 "to order.", ["Eve Fong", "Gil Hahn", "Ida Ito"], id="members-in-attendance"),
    # prose
    pytest.param("The City Council met at 9:30 a.m. Council members present were Mayor Al Barr, Bea Cole and Cy Dunn. "
                 "Council member Di Eng present after 10:00 a.m. City Manager Fry and City Clerk Gee also present.",
                 ["Al Barr", "Bea Cole", "Cy Dunn", "Di Eng", "Fry", "Gee"], id="prose-roll"),
    pytest.param("The County Board met on Monday August 8 at 9 am. Clerk Hill called the roll: Chr. Ives present, "
                 "Commissioner Jax present and Commissioner Kirk present. Matt Lowe is present for item 3.",
                 ["Ives", "Jax", "Kirk", "Matt Lowe"], id="narrative-roll-call"),
    pytest.param("The Board met in regular session at 9:00 a.m. Commissioners Ann Moss and Bo Nye were also present, "
                 "as were County Clerk Cy Ott and County Attorney Di Pell.", ["Ann Moss", "Bo Nye", "Cy Ott", "Di Pell"],
                 id="as-were"),
    pytest.param("The 20th AGM was held on 1st June, 2024. A total of 85 Members attended the Meeting. All Directors were "
                 "present at the Meeting.", ["Members", "All Directors"], id="groups-without-counts"),
    pytest.param("The Board met at 6 p.m. No one was present from the press. There were no members of the public "
                 "present. The meeting began with all members present.", [], id="nobody-present"),
]


@pytest.mark.parametrize(("text", "attendees"), CASES)
def test_attendees(extract, text: str, attendees: list[str]) -> None:
    assert extract(text)["attendees"] == attendees
