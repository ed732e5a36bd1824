"""English chair, speakers and roles: the chair only where the text says so, speakers from the
verbs of speaking (never movers, seconders or pledge leaders), names without titles, a bare role
resolved to the one listed person holding it, the chair keeping the name it chaired under."""

from __future__ import annotations

import pytest

HEAD = "CITY COUNCIL MINUTES\nMonday, April 1, 2024\n"
ROLL = "Present: Mayor Ann Cole, Councilmembers Bo Diaz and Cy Erb.\nAlso present: City Attorney Di Fox, City Clerk Ed Gray.\n"

CHAIRS = [
    pytest.param(HEAD + "Mayor Cole called the meeting to order at 7:00 p.m.", [("Cole", ["Mayor"])], id="called-to-order"),
    pytest.param(HEAD + "The regular meeting was called to order by Mayor Ann Cole at 7:00 p.m.", [("Ann Cole", ["Mayor"])],
                 id="called-to-order-by"),
    pytest.param(HEAD + "The meeting was called to order at 7:00 p.m. by Deputy Mayor Bo Diaz.", [("Bo Diaz", ["Deputy Mayor"])],
                 id="called-to-order-at-time-by"),
    pytest.param(HEAD + "Mayor Ann Cole called a Special Meeting of the City Council to order at 6 p.m.",
                 [("Ann Cole", ["Mayor"])], id="called-a-meeting-to-order"),
    pytest.param(HEAD + "The Board met at 9:00 a.m. with Chairman Frank Dale presiding.", [("Frank Dale", ["Chairman"])],
                 id="presiding"),
    pytest.param(HEAD + "Commissioner Lee presided.", [("Lee", ["Commissioner"])], id="presided"),
    pytest.param(HEAD + "Dr. Ravi Menon, Chairman of the Board, chaired the Meeting.",
                 [("Ravi Menon", ["Chairman of the Board"])], id="chaired-with-appositive"),
    pytest.param(HEAD + "Mayor H.S. Hughes assumed the Chair and called the meeting to order.", [("H.S. Hughes", ["Mayor"])],
                 id="assumed-the-chair"),
    pytest.param(HEAD + "Present: Cllr P Morgan (Chair), Cllr S Mills.", [("P Morgan", ["Chair"])], id="chair-in-roster"),
    pytest.param(HEAD + "Chairman Meier asked the clerk to call the roll.", [("Meier", ["Chairman"])], id="chairman-title"),
    pytest.param(HEAD + "Present. Alice Dunn,Chair Jeff Stone,Vice-Chair\n1. CALL TO ORDER The Chair called the meeting to "
                 "order at 7 PM", [("Alice Dunn", ["Chair"])], id="the-chair-resolved"),
    pytest.param(HEAD + ROLL + "Supervisor Dunn opened the meeting at 7:30 PM with the Pledge of Allegiance.",
                 [("Dunn", ["Supervisor"])], id="opened-the-meeting"),
    pytest.param(HEAD + ROLL + "Mayor Cole welcomed the audience.", [], id="mayor-in-roll-is-no-chair"),
    pytest.param(HEAD + "Present: Jo Reed (Vice-Chair), Al Sims.", [], id="vice-chair-is-no-chair"),
    pytest.param(HEAD + "The meeting was called to order at 7:02 PM by Board President Mr. Alan Reyes.",
                 [("Alan Reyes", ["Board President"])], id="title-before-honorific"),
]

SPEAKERS = [
    pytest.param(HEAD + "The Clerk confirmed the quorum. A. Jones read the treasurer's report.",
                 [("A. Jones", [], "read the treasurer's report")], id="initial-at-a-sentence-start"),
    pytest.param(HEAD + "City Forester Buck introduced the scouts of Pack 38. He explained their project.",
                 [("Buck", ["City Forester"], "introduced the scouts of Pack 38")], id="title-name-verb"),
    pytest.param(HEAD + "Member of the public Ellis Raskin commented on closed sessions.",
                 [("Ellis Raskin", ["Member of the public"], "commented on closed sessions")], id="member-of-the-public"),
    pytest.param(HEAD + "Deb Lane, den leader, thanked the Council for its support.",
                 [("Deb Lane", ["den leader"], "thanked the Council for its support")], id="appositive-role"),
    pytest.param(HEAD + "Interim Provost Lubker also reported that the regents met last week.",
                 [("Lubker", ["Interim Provost"], "reported that the regents met last week")], id="adverb-before-verb"),
    pytest.param(HEAD + "Kathy and Chenoweth presented their changes to the by-laws.",
                 [("Kathy", [], "presented their changes to the by-laws"),
                  ("Chenoweth", [], "presented their changes to the by-laws")], id="two-first-names"),
    pytest.param(HEAD + "Ann Bay, Bo Cox, and Captain Cy Dow of the Parent Advisory Council presented the plan.",
                 [("Ann Bay", [], "presented the plan"), ("Bo Cox", [], "presented the plan"),
                  ("Cy Dow", ["Captain"], "presented the plan")], id="list-with-affiliation"),
    pytest.param(HEAD + ROLL + "The City Attorney reported that the claim was settled.",
                 [("Di Fox", ["City Attorney"], "reported that the claim was settled")], id="bare-role-resolved"),
    pytest.param(HEAD + "The Company Secretary informed the members of the e-voting results.", [], id="bare-role-unlisted"),
    pytest.param(HEAD + "President Don Ware called the meeting to order at 2:00 pm. Don presented the budget.",
                 [("Don Ware", ["President"], "presented the budget")], id="chair-called-by-first-name"),
    pytest.param(HEAD + "Liz Hart declared a pecuniary interest on item 11.1 as she is a member of the club.",
                 [("Liz Hart", [], "declared a pecuniary interest on item 11.1")], id="stops-before-as-clause"),
    pytest.param(HEAD + "Mayor Cole reported that she had attended a twinning meeting at which the mayor spoke.",
                 [("Cole", ["Mayor"], "reported that she had attended a twinning meeting")], id="stops-before-at-which"),
    pytest.param(HEAD + "Alderman Tom Bay objected, citing the cost. Bay said the city could wait.",
                 [("Tom Bay", ["Alderman"], "objected")], id="first-act-only"),
    pytest.param(HEAD + "Mayor Sierra recited the following statement: For the record, no one objected.",
                 [("Sierra", ["Mayor"], "recited the following statement")], id="stops-at-colon"),
    pytest.param(HEAD + "Councilmember Diaz moved to approve the minutes. Councilmember Erb seconded the motion.", [],
                 id="movers-are-not-speakers"),
    pytest.param(HEAD + "Councilmember Diaz led the Pledge of Allegiance. The Pledge was recited by all.", [],
                 id="pledge-is-not-speech"),
    pytest.param(HEAD + "The Mayor, Councillor J. Zammit had apologised that the visit was cancelled.", [],
                 id="earlier-act-is-not-speech"),
    pytest.param(HEAD + "The applicant, John Barrett, stated that the neighbours were told.",
                 [("John Barrett", ["applicant"], "stated that the neighbours were told")], id="name-in-apposition"),
    pytest.param(HEAD + "Commissioner Park asked whether the owners had been notified.",
                 [("Park", ["Commissioner"], "asked whether the owners had been notified")], id="surname-that-is-a-word"),
    pytest.param(HEAD + "Matt Coultas is present and explained the bridge agreement.",
                 [("Matt Coultas", [], "explained the bridge agreement")], id="present-and-explained"),
    pytest.param(HEAD + "Board member Rita Vance, who voted against the plan, said the costs should be cut.",
                 [("Rita Vance", ["Board member"], "said the costs should be cut")], id="relative-clause-skipped"),
    pytest.param(HEAD + "Superintendent's Report: Superintendent Dr. Laura Chen reported on the opening of schools.",
                 [("Laura Chen", ["Superintendent"], "reported on the opening of schools")], id="title-honorific-name"),
    pytest.param(HEAD + "Staff: Library Director Ian Moore\nDirector Moore reported that circulation rose.",
                 [("Moore", ["Library Director"], "reported that circulation rose")], id="short-title-adds-no-role"),
    pytest.param(HEAD + "Resident Mary Collins spoke in opposition to the parking fees, which were raised in May.",
                 [("Mary Collins", ["Resident"], "spoke in opposition to the parking fees")], id="stops-before-which"),
]


@pytest.mark.parametrize(("text", "chair"), CHAIRS)
def test_chair(extract, text: str, chair: list[tuple[str, list[str]]]) -> None:
    assert [(p["name"], p["roles"]) for p in extract(text)["chair"]] == chair


@pytest.mark.parametrize(("text", "speakers"), SPEAKERS)
def test_speakers(extract, text: str, speakers: list[tuple[str, list[str], str]]) -> None:
    assert [(p["name"], p["roles"], p["speech"]) for p in extract(text)["speakers"]] == speakers
