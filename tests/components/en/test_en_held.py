"""English documents that report no meeting held (kind "other", CONVENTIONS rule 14), and English
minutes and council news that look like them. The decision rests on evidence that a meeting was
held (components/en/held.py, assemble/kind.py): real minutes must never be silenced."""

from __future__ import annotations

import pytest

import meetingx
from meetingx.record import MEETING_LISTS, MEETING_SCALARS

NOT_MEETINGS = [
    pytest.param("Planning Commission to hold public hearing on rezoning\nThe Riverton Planning Commission will hold a "
                 "public hearing on Tuesday, May 14, 2024, at 6:30 p.m. in the Council Chambers, 220 Main Street, to "
                 "consider a request to rezone 12 acres on Elm Road. Residents are invited to attend and comment.",
                 "en.held.future-notice", id="notice-will-hold"),
    pytest.param("NOTICE OF SPECIAL MEETING\nNOTICE IS HEREBY GIVEN that the Board of Trustees of the Village of Cedar "
                 "Falls will meet in special session on Monday, June 3, 2024, at 7:00 p.m. at Village Hall, 10 Front "
                 "Street. The purpose of the meeting is to consider the 2024-25 budget.", "en.held.future-notice",
                 id="notice-hereby-given"),
    pytest.param("The Harbor County Board of Supervisors is scheduled to meet Thursday at 9 a.m. to discuss the proposed "
                 "landfill expansion. The meeting will be held in Room 101 of the County Administration Building.",
                 "en.held.future-notice", id="notice-scheduled-to-meet"),
    pytest.param("The next meeting of the Cedar Falls Historical Society will be held on Tuesday, April 9, at 7 p.m. at "
                 "the Heritage Museum. All are welcome.", "en.held.future-notice", id="notice-next-meeting"),
    pytest.param("The Board of Education work session on Wednesday will be livestreamed.\nJoin Zoom Meeting: "
                 "https://zoom.us/j/123456789\nMeeting ID: 123 456 789\nPasscode: 2024\nMembers of the public are "
                 "welcome to attend in person.", "en.held.future-notice", id="notice-zoom-link"),
    pytest.param("City Council to vote on water rates\nThe Lakeview City Council is expected to decide next week whether "
                 "to raise water rates by 8 percent, the first increase since 2019.", "en.held.future-notice",
                 id="headline-to-vote"),
    pytest.param("AGENDA\nREGULAR MEETING OF THE CITY COUNCIL\nMonday, March 4, 2024 - 7:00 p.m.\n1. Call to Order\n"
                 "2. Roll Call\n3. Pledge of Allegiance\n4. Approval of the Minutes of February 20, 2024\n"
                 "5. Public Comment\n6. Resolution 2024-12: Adopting the Capital Improvement Plan\n7. Adjournment\n"
                 "The agenda is subject to change.", "en.held.agenda", id="agenda-us"),
    pytest.param("Agenda for the meeting of Little Haddon Parish Council to be held on Thursday 11th April 2024 at "
                 "7.30pm in the Village Hall\n1. To receive apologies for absence\n2. To receive declarations of "
                 "interest\n3. To approve the minutes of the meeting held on 14th March 2024\n4. Planning applications\n"
                 "5. Date of next meeting", "en.held.agenda", id="agenda-uk"),
    pytest.param("Q&A with Mayor Elena Reyes on the city's housing plan\nQ: Why does the city need a new housing plan?\n"
                 "A: Rents have risen 40 percent in five years. The council voted last spring to study the problem, "
                 "and this plan is the result.\nQ: What happens next?\nA: The council will take up the plan in June.",
                 "en.held.interview", id="interview-q-and-a"),
    pytest.param("In an interview with the Ledger, Superintendent Mark Olsen said the district is weighing a four-day "
                 "school week. \"We are looking at every option, and the board approved a study in March,\" Olsen said.",
                 "en.held.interview", id="interview-prose"),
    pytest.param("Governor tours flood-damaged neighborhoods in Clay County\nGov. Laura Hines toured flood-damaged "
                 "neighborhoods in Clay County on Friday, walking through homes where water rose to the ceilings. Hines "
                 "promised state aid and thanked volunteers who filled sandbags.", "en.held.visit", id="visit-tour"),
    pytest.param("FOR IMMEDIATE RELEASE\nSenator Patel visits Northside Health Clinic\nSenator Raj Patel visited the "
                 "Northside Health Clinic on Tuesday to see its new dental wing and spoke with staff and patients "
                 "about access to care.", "en.held.visit", id="visit-press-release"),
    pytest.param("County inspects Route 9 bridge after crack found\nCounty engineers inspected the Route 9 bridge over "
                 "Mill Creek on Monday after a resident reported a crack in a support beam.", "en.held.visit",
                 id="inspection"),
    pytest.param("OPINION: Our parks deserve better\nBy Dana Whitfield\nEvery spring, families in the east end watch "
                 "the splash pad stay shut. Last year the council approved a budget that cut park maintenance by 12 "
                 "percent.\nThe views expressed are the author's own.", "en.held.article", id="op-ed"),
    pytest.param("Letter to the editor: Keep the library open on Sundays\nTo the Editor:\nI was disappointed to read "
                 "that the library board is considering Sunday closures. Students need a quiet place to study.\n"
                 "Sincerely,\nMargaret Cole\nSpringfield", "en.held.article", id="letter-to-the-editor"),
    pytest.param("Dear Councillors,\nI am writing on behalf of the Elm Street Residents' Association about the proposed "
                 "car park. At your meeting last month the council agreed to consult residents, but no letters have "
                 "arrived.\nYours faithfully,\nPeter Grant\nSecretary", "en.held.letter", id="letter-to-a-council"),
    pytest.param("Remarks by Mayor Karen Ito at the opening of the Riverside Community Center\nThank you all for "
                 "coming. This building is the result of ten years of work by neighbors who never gave up.",
                 "en.held.speech", id="speech-remarks"),
    pytest.param("Mayor Ruiz delivers State of the City address\nMayor Tom Ruiz delivered his annual State of the City "
                 "address Thursday at the Civic Theatre, highlighting a drop in crime and new downtown housing.",
                 "en.held.speech", id="state-of-the-city"),
    pytest.param("Testimony of Dr. Alan Brooks before the House Committee on Education\nChairman Lee, Ranking Member "
                 "Diaz, and members of the committee, thank you for the opportunity to testify today on teacher "
                 "shortages.", "en.held.speech", id="testimony"),
    pytest.param("Riverton names new city manager\nThe City of Riverton has named Angela Brooks as its new city manager, "
                 "effective July 1. Brooks has served as deputy city manager since 2019.", "en.held.personnel",
                 id="personnel-named"),
    pytest.param("School board member resigns\nLisa Grant, who has represented District 3 on the Hillside School Board "
                 "since 2016, submitted her resignation on Friday, citing a move out of state.", "en.held.personnel",
                 id="personnel-resigns"),
    pytest.param("Three candidates file for Ward 2 council seat\nThree candidates have filed to run for the Ward 2 seat "
                 "on the Lakeview City Council in the November election.", "en.held.election", id="candidates"),
    pytest.param("Maria Lopez, candidate for county commissioner\nMaria Lopez, 52, owns a bakery on Main Street. She "
                 "said the commissioners have ignored road repairs for years and promised a plan in her first 100 days.",
                 "en.held.election", id="candidate-profile"),
    pytest.param("Harold J. Whitman, 84, of Millbrook, passed away peacefully on March 2, 2024. Harold served on the "
                 "Millbrook Town Council for 16 years. He is survived by his wife of 58 years, Ruth. A celebration of "
                 "life will be held at 2 p.m. Saturday at First Methodist Church. In lieu of flowers, donations may be "
                 "made to the Millbrook Library.", "en.held.obituary", id="obituary"),
    pytest.param("Residents react to decision to close the pool\nResidents of the west side reacted with dismay on "
                 "Wednesday to news that the municipal pool will not reopen this summer. \"It's where my kids learned "
                 "to swim,\" said Carla Diaz.", "en.held.media-reaction", id="reaction"),
    pytest.param("Downtown festival draws thousands\nThe annual Riverfront Arts Festival drew an estimated 20,000 "
                 "visitors on Saturday, with more than 150 artists selling work along Water Street.", "en.held.event",
                 id="festival"),
    pytest.param("Ribbon cutting marks opening of new fire station\nCity officials cut the ribbon Friday on Fire "
                 "Station No. 4 on Oak Avenue, which will cut response times in the north end.", "en.held.event",
                 id="ribbon-cutting"),
    pytest.param("FOR IMMEDIATE RELEASE\nCounty announces new curbside recycling schedule\nBeginning July 1, curbside "
                 "recycling in unincorporated Marion County will be collected every other week.",
                 "en.held.press-release", id="press-release-two-weak-signs"),
    pytest.param("The Riverside Garden Club will hold its monthly meeting on Tuesday, May 7, at 7 p.m. at the library. "
                 "The speaker will be master gardener Lou Park. Refreshments will be served.", "en.held.future-notice",
                 id="club-meeting-to-come"),
    pytest.param("City pool to stay closed this summer\nThe municipal pool on Elm Street will stay closed this summer "
                 "while crews repair a cracked drain, the parks department said Tuesday. Last year the council approved "
                 "$1.2 million for pool repairs.", "en.held.mentioned-only", id="mentioned-earlier-vote"),
]


@pytest.mark.parametrize(("text", "rule"), NOT_MEETINGS)
def test_no_meeting_gives_kind_other_and_no_values(extract, text, rule):
    record = extract(text)
    assert record["lang"] == "en"
    assert record["kind"] == "other"
    assert all(record[key] is None for key in MEETING_SCALARS)
    assert all(record[key] == [] for key in MEETING_LISTS)
    warnings = [w for w in record["warnings"] if w["code"] == "document.no-meeting"]
    assert len(warnings) == 1 and f"({rule}" in warnings[0]["message"]
    assert [w["code"] for w in record["warnings"]] == ["document.no-meeting"]
    assert record["evidence"]["/kind"]["rule"].startswith("en.held.")


MEETINGS = [
    pytest.param("AGENDA AND MINUTES\nRegular Meeting of the Oak Bluff Village Board\nMonday, March 4, 2024\n"
                 "1. Call to order: President Walters called the meeting to order at 7:00 p.m.\n2. Roll call: Present: "
                 "Trustees Ames, Boyd, Cruz. Absent: Trustee Diaz.\n3. Approval of minutes: Motion by Ames, seconded by "
                 "Boyd, to approve the minutes of February 20. Motion carried 3-0.", id="agenda-with-minutes"),
    pytest.param("Minutes of the Parish Council meeting held on 5 March 2024\nPresent: Cllr A Hale (Chair), Cllr B Moss, "
                 "Cllr C Dunn\n1. Apologies: Cllr D Price.\n2. Date of next meeting: The next meeting will be held on "
                 "2 April 2024 at 7.30pm in the Village Hall.", id="next-meeting-inside-minutes"),
    pytest.param("Governor tours flood zone, meets county leaders\nGov. Laura Hines toured flooded neighborhoods in Clay "
                 "County on Friday, then chaired a roundtable with county commissioners and emergency managers at the "
                 "courthouse.", id="visit-ending-in-a-meeting"),
    pytest.param("FOR IMMEDIATE RELEASE\nCity Council approves affordable housing ordinance\nThe Riverton City Council "
                 "voted 6-1 on Monday night to approve an ordinance requiring 10 percent affordable units in new "
                 "developments.", id="press-release-about-a-vote"),
    pytest.param("NEWS RELEASE\nCounty Commission adopts 2025 budget\nThe Marion County Commission adopted a $212 million "
                 "budget for fiscal 2025 on Tuesday.", id="press-release-adopts"),
    pytest.param("The Hillside School Board voted Tuesday to move to a four-day week. \"We listened to parents,\" board "
                 "president Ann Ruiz said in an interview after the meeting.", id="news-with-interview-quote"),
    pytest.param("Council appoints new city clerk\nThe Lakeview City Council on Monday appointed Sara Kim as city clerk, "
                 "effective June 1.", id="appointment-at-a-meeting"),
    pytest.param("Minutes of the Regular Meeting of the Millbrook Town Council\nThe Council met on March 5, 2024 at "
                 "7:00 p.m. Mayor Dunn asked for a moment of silence for former councillor Harold Whitman, who passed "
                 "away on March 2.", id="obituary-mentioned-in-minutes"),
    pytest.param("Candidates for Ward 2 seat meet voters at forum\nFour candidates for the Ward 2 council seat answered "
                 "questions from about 60 residents at a forum held Tuesday at the public library.",
                 id="candidate-forum-held"),
    pytest.param("Residents react as council votes to close pool\nThe Millbrook Town Council voted 4-3 on Tuesday to "
                 "close the municipal pool. Residents reacted with dismay.", id="reaction-with-the-vote"),
    pytest.param("Mayor gives State of the City address at council meeting\nMayor Tom Ruiz delivered his State of the "
                 "City address at Monday's City Council meeting. After the address, the council approved the consent "
                 "agenda and adjourned at 8:15 p.m.", id="speech-at-a-meeting"),
    pytest.param("Minutes of the Annual Parish Meeting\nPresent: Cllr J Reed (Chair) and 23 members of the public.\n"
                 "Questions from the public\nQ: When will the footpath on Mill Lane be repaired?\nA: The Clerk said the "
                 "county had been asked again.\nQ: Can the bus shelter be moved?\nA: The Chair said the council would "
                 "look into it.\nThe meeting closed at 8.40pm.", id="minutes-with-public-questions"),
    pytest.param("NOTICE: These minutes are a draft until approved.\nThe Board of Directors of the Eastside Food Co-op "
                 "met on April 3, 2024 at the store office. Directors present were Ana Cole, Ben Ortiz and Kim Tran.",
                 id="draft-notice-on-minutes"),
    pytest.param("Minutes of the Town Council Meeting held on 10 June 2024\nPresent: Cllr R Hale (Mayor), Cllr S Ng, "
                 "Cllr T Ward\n5. Correspondence\nThe Clerk read the following letter:\nDear Councillors,\nThank you for "
                 "the new bench on Station Road.\nYours sincerely, J. Patel\nIt was agreed to note the letter.",
                 id="letter-read-at-a-meeting"),
    pytest.param("Council passes budget; mayor sits down with the Ledger\nThe City Council passed the 2025 budget 5-2 on "
                 "Monday. In an interview Tuesday, Mayor Ito said the vote was the hardest of her term.",
                 id="interview-after-a-vote"),
    pytest.param("The Board of Education held a study session on Monday to review enrollment projections. Board members "
                 "heard from the district's demographer.", id="study-session"),
    pytest.param("The Planning Commission voted 5-0 on Thursday to recommend the rezoning, which will go to the City "
                 "Council on May 20.", id="vote-then-a-step-to-come"),
    pytest.param("At its last meeting, the school board voted to extend the superintendent's contract through 2027.",
                 id="at-its-last-meeting"),
    pytest.param("Minute 23/145 Planning\nRESOLVED: that the Council raises no objection to application 24/0112.\n"
                 "Cllr Moss declared an interest and left the room.", id="resolved"),
    pytest.param("The 12th Annual General Meeting of Harbour Sailing Club Ltd was held on Saturday 6 April 2024 at the "
                 "clubhouse. The Commodore welcomed members and the accounts were adopted.", id="agm-held"),
    pytest.param("Council to revisit parking rules after vote\nThe Westfield Town Council voted 3-2 on Tuesday night to "
                 "raise parking fines, but agreed to revisit the rules in the fall.", id="to-revisit-after-a-vote"),
    pytest.param("Lincoln School Committee\nAgenda item 4: Budget\nMs. Dobrow moved to approve the FY25 budget; "
                 "Mr. Picker seconded. The motion carried 5-0.", id="agenda-item-with-its-vote"),
    pytest.param("By a voice vote, commissioners approved the contract with Acme Paving.", id="voice-vote"),
    pytest.param("The Board approves the consent agenda. Motion: Smith; Second: Jones; Vote: 5-0.", id="present-tense"),
    pytest.param("The regular meeting of the Board of Selectmen was held remotely via Zoom on Monday, March 4, 2024.",
                 id="held-remotely"),
    pytest.param("Commissioners present were Chairman Meier, Fanning and Zeller. Chairman Meier asked the clerk to "
                 "read the claims.", id="prose-roster"),
    pytest.param("The City Council held a public hearing Monday on the proposed rate increase; six residents spoke "
                 "against it.", id="held-a-hearing"),
    pytest.param("Council tours new water plant before meeting\nMembers of the City Council toured the new water "
                 "treatment plant Monday before their regular meeting, at which they awarded a $3 million contract for "
                 "filters.", id="tour-then-a-meeting-at-which"),
    pytest.param("Summary of Board Actions\nThe Board of Education took the following actions at its regular meeting "
                 "of March 4, 2024:\n1. Approved the consent agenda.\n2. Adopted the 2024-25 calendar.",
                 id="summary-of-actions"),
    pytest.param("Ribbon cutting planned for new fire station\nThe City Council on Tuesday accepted the keys to Fire "
                 "Station No. 4 and set a ribbon cutting for May 1.", id="event-planned-at-a-meeting"),
]


@pytest.mark.parametrize("text", MEETINGS)
def test_meeting_reports_are_kept(extract, text):
    record = extract(text)
    assert record["lang"] == "en"
    assert record["kind"] != "other"
    assert not [w for w in record["warnings"] if w["code"] == "document.no-meeting"]


@pytest.mark.parametrize("text", MEETINGS)
def test_meeting_reports_have_evidence(text):
    doc = meetingx.load("en")(text)
    held = [c for c in doc._.mx_candidates if c.label == "HELD"]
    assert len(held) == 1 and held[0].rule.startswith("en.held.")


KEPT_WITHOUT_EVIDENCE = [
    pytest.param("The mayor said the budget is balanced and the reserves are healthy.", id="no-sign"),
    pytest.param("FOR IMMEDIATE RELEASE\nThe Marion County Library adds Sunday hours at its three branches from "
                 "September.", id="one-weak-sign"),
]


@pytest.mark.parametrize("text", KEPT_WITHOUT_EVIDENCE)
def test_a_text_without_evidence_is_kept_without_a_sure_sign(extract, text):
    # nothing says what else it could be: the record stays a report
    assert extract(text)["kind"] == "news"
