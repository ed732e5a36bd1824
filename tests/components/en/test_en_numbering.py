"""English numbered items and headings: directives numbered by their place in their list (a new
series or a nested list starts at 1), with the item's first sentence as text; agenda = headings
plus numbered items (not the points of a report)."""

from __future__ import annotations

import pytest

HEAD = "MINUTES\nCity Council\nMonday, April 1, 2024\n"

DIRECTIVES = [
    pytest.param(HEAD + "1. Call to Order\nMayor Cole called the meeting to order.\n2. Approval of Minutes\nApproved.\n"
                 "3. Public Comment\nNone.", [(1, "1.", "Call to Order"), (2, "2.", "Approval of Minutes"),
                                              (3, "3.", "Public Comment")], id="arabic-lines"),
    pytest.param("MINUTES Council Meeting Monday, April 1, 2024 6:00 PM 1 Call to Order The meeting was called to order "
                 "by Mayor Cole. 2 Pledge of Allegiance The Pledge was led by Mayor Cole. 3 Roll Call Present: Mayor Cole",
                 [(1, "1", "Call to Order"), (2, "2", "Pledge of Allegiance"), (3, "3", "Roll Call")],
                 id="bare-numbers-flattened"),
    pytest.param(HEAD + "59.    To receive apologies for absence\n60.    To receive declarations of interest\n"
                 "61.    Minutes of the previous meeting", [(1, "59.", "To receive apologies for absence"),
                                                           (2, "60.", "To receive declarations of interest"),
                                                           (3, "61.", "Minutes of the previous meeting")],
                 id="minute-numbers-go-on"),
    pytest.param(HEAD + "4.01) Presentation by the Scouts City Forester Buck introduced the scouts. 4.02) Presentation "
                 "by the Library Board", [(1, "4.01)", "Presentation by the Scouts"), (2, "4.02)",
                                          "Presentation by the Library Board")], id="decimal-markers"),
    pytest.param(HEAD + "2. Adoption of Agenda: a) Motion to Adopt the Agenda. Moved by Cole. Carried.\n3. Disclosure of "
                 "Interest: Mayor Cole declared an interest.", [(1, "2.", "Adoption of Agenda"),
                                                                (1, "a)", "Motion to Adopt the Agenda"),
                                                                (2, "3.", "Disclosure of Interest")], id="nested-letter"),
    pytest.param(HEAD + "CONSENT AGENDA\na. Minutes of March 4\nb. Warrant list\nc. Building permit report\n",
                 [(1, "a.", "Minutes of March 4"), (2, "b.", "Warrant list"), (3, "c.", "Building permit report")],
                 id="letters"),
    pytest.param(HEAD + "102. APOLOGIES\n103. MINUTES\n104. MATTERS ARISING\n(a) Minute 83(a) \u2013 Junction of Bank Row\n"
                 "112 (b) Minute 83(d) \u2013 Twinning Grant", [(1, "102.", "APOLOGIES"), (2, "103.", "MINUTES"),
                                                             (3, "104.", "MATTERS ARISING"),
                                                             (1, "(a)", "Minute 83(a) \u2013 Junction of Bank Row"),
                                                             (2, "(b)", "Minute 83(d) \u2013 Twinning Grant")],
                 id="page-number-before-marker"),
    pytest.param(HEAD + "Min/112/23-24 Declarations of interest\nNone.\nMin/113/23-24 Planning\nNo objection.",
                 [(1, "Min/112/23-24", "Declarations of interest"), (2, "Min/113/23-24", "Planning")],
                 id="minute-references"),
    pytest.param(HEAD + "ITEM #C-118-21 Lease with Harbor Marina LLC\nApproved.\nITEM #C-119-21 Parks Board appointment\n",
                 [(1, "#C-118-21", "Lease with Harbor Marina LLC"), (2, "#C-119-21", "Parks Board appointment")],
                 id="dockets"),
    pytest.param(HEAD + "1. Chairperson's welcome: 065/23 The Chairman welcomed everyone.\n2. Banking: 066/23: All agreed.",
                 [(1, "1.", "Chairperson's welcome"), (2, "2.", "Banking")], id="minute-reference-after-heading"),
    pytest.param(HEAD + "a. Item one b. Item two f. Item three h. Item four g. i. Item six",
                 [(1, "a.", "Item one"), (2, "b.", "Item two")], id="letters-out-of-sequence"),
    pytest.param(HEAD + "1.A. Conference with Legal Counsel \u2013 Case No. BC 668 The City Attorney reported. "
                 "1.B. Conference on Real Property", [(1, "1.A.", "Conference with Legal Counsel \u2013 Case No. BC 668"),
                                                      (2, "1.B.", "Conference on Real Property")], id="number-letter"),
    pytest.param(HEAD + "Mrs. A. Vincent read the report. The Plan A. proposal was noted.", [], id="initials-are-no-markers"),
    pytest.param(HEAD + "Present: A. Jones, B. Smith, C. Brown\nThe Chair opened the meeting at 7 p.m. and welcomed the members "
                 "of the public. A. Jones read the report. Mr B. Smith and C. Brown agreed.", [],
                 id="initials-in-a-roster-and-after-a-sentence"),
]

AGENDA = [
    pytest.param("HomeMy WebLinkAbout2024-04-01 Council Minutes CITY OF ELM FALLS REGULAR MEETING MINUTES Monday, "
                 "April 1, 2024 Pursuant to due notice, the regular meeting of the City Council was held at 7:00 p.m. at "
                 "City Hall. CALL TO ORDER PLEDGE OF ALLEGIANCE APPROVAL OF MINUTES Ayes: 4 Nays: 0 CONSENT CALENDAR "
                 "Mayor Cole called the meeting to order at 7:00 p.m.",
                 ["CALL TO ORDER", "PLEDGE OF ALLEGIANCE", "APPROVAL OF MINUTES", "CONSENT CALENDAR"],
                 id="capitals-split-at-usual-headings"),
    pytest.param("HomeMy WebLinkAbout12/14/1985 Minutes BUDGET SESSION DECEMBER 14, 1985 The City Council met at 9:30 "
                 "a.m. in the Council Chambers. FIRE "
                 "Referring to page 1, it was MOVED by Foy to adopt Item A. POLICE It was MOVED by Bunn to upgrade "
                 "a RFP position.", ["FIRE", "POLICE"], id="capitals-between-sentences"),
    pytest.param("Board Minutes\n\nAugust 4, 2016\n\nPresident Lee called the meeting to order at 2:00 pm.\n\nMembers "
                 "present: Don, Lori\n\nResignations: Scott resigned.\n\nTreasurer's Report: Don presented the budget.\n\n"
                 "Old Business:\n\n  \u2022 Name change \u2013 A discussion was held.\n  \u2022 By-Laws \u2013 Changes "
                 "were made.\n", ["Resignations", "Treasurer's Report", "Old Business", "Name change", "By-Laws"],
                 id="labels-and-bullets"),
    pytest.param("County Board\nThe Board met on Monday August 8 at 9 am.\nPublic Comment-none\nCommissioner Zell made a "
                 "motion to approve the bills. Commissioner Fann seconded the motion. The motion is approved.",
                 ["Public Comment"], id="heading-line-with-none"),
    pytest.param(HEAD + "The HPC has three requirements: 1. The developer should notify Mr. Vogel. 2. The area should be "
                 "flagged. 3. A fence should be installed.", [], id="points-of-a-report-are-no-agenda"),
    pytest.param(HEAD + "1. CALL TO ORDER. OPEN SESSION The Chair called the meeting to order at 7 PM",
                 ["CALL TO ORDER. OPEN SESSION"], id="heading-in-capitals-over-a-full-stop"),
    pytest.param(HEAD + "Mayor Cole reported on the fair. OLD BUSINESS: The sidewalk bid was reviewed. NEW BUSINESS "
                 "Chair Cole reminded the board of the budget. ROLL CALL: Present: Cole, Diaz.",
                 ["OLD BUSINESS", "NEW BUSINESS"], id="capitals-with-colon-and-before-a-title"),
    pytest.param(HEAD + "Present: Cllr A. Bird (Chairman), Cllr C. Dunn\n24/101 Apologies for absence: Cllr E. Fox (holiday).\n"
                 "24/102 Declarations of interest: None.\n24/103 Minutes: The minutes were approved.\n24/104 Date of next "
                 "meeting: Tuesday 5th March 2024.", ["Apologies for absence", "Declarations of interest", "Minutes",
                                                      "Date of next meeting"], id="heading-before-a-value"),
    pytest.param(HEAD + "4. CONSENT AGENDA A. Approve minutes of May 20 B. Approve claims C. Approve renewals 5. NEW BUSINESS "
                 "A. Resolution 2021-44 Awarding the Bid The City Engineer explained the bids. 6. ADJOURNMENT",
                 ["CONSENT AGENDA", "Approve minutes of May 20", "Approve claims", "Approve renewals", "NEW BUSINESS",
                  "Resolution 2021-44 Awarding the Bid", "ADJOURNMENT"], id="capital-markers-after-headings-in-capitals"),
    pytest.param(HEAD + "PRESENT\nCouncillors Amy Hunt and Ben Ives.\nAPOLOGIES\nNil\n1 ACKNOWLEDGEMENT OF COUNTRY\n"
                 "2 MINUTES 162/17\nRESOLVED (Cr Hunt/Cr Ives)\nThat the Minutes be confirmed.\nUNANIMOU",
                 ["ACKNOWLEDGEMENT OF COUNTRY", "MINUTES"], id="labels-and-votes-are-no-headings"),
]


@pytest.mark.parametrize(("text", "directives"), DIRECTIVES)
def test_directives(extract, text: str, directives: list[tuple[int, str, str]]) -> None:
    record = extract(text)
    assert [(d["number"], d["marker"], d["text"]) for d in record["directives"]] == directives
    assert all(d["issuer"] is None for d in record["directives"])


@pytest.mark.parametrize(("text", "agenda"), AGENDA)
def test_agenda(extract, text: str, agenda: list[str]) -> None:
    assert extract(text)["agenda"] == agenda
