"""English motions and votes: a resolution for each item whose vote the text reports, its text
from the motion's wording, its counts as stated (null where not stated; no counts at all: null)."""

from __future__ import annotations

import pytest

HEAD = "CITY COUNCIL MINUTES\nMonday, April 1, 2024\nMayor Cole called the meeting to order at 7 p.m.\n"

CASES = [
    pytest.param(HEAD + "Motion by Councilmember Diaz, seconded by Councilmember Erb, to approve the agenda. "
                 "Motion carried 5-0.",
                 [("Motion by Councilmember Diaz, seconded by Councilmember Erb, to approve the agenda",
                   {"for": 5, "against": 0, "abstain": None}, True)], id="motion-by-carried-score"),
    pytest.param(HEAD + "Councilmember Diaz moved adoption of the consent calendar. Councilmember Erb seconded the "
                 "motion. Ayes: 4, Nays: 0, Abstain: 1 (Fox).",
                 [("Councilmember Diaz moved adoption of the consent calendar",
                   {"for": 4, "against": 0, "abstain": 1}, True)], id="ayes-nays-abstain"),
    pytest.param(HEAD + "Motion by Diaz, seconded by Erb, to award the paving bid. The motion was approved by the "
                 "following vote: AYES: Councilmembers Diaz, Erb, Fox, Mayor Cole NOES: None ABSENT: Gray",
                 [("Motion by Diaz, seconded by Erb, to award the paving bid", {"for": 4, "against": 0, "abstain": None},
                   True)], id="roll-call-by-name"),
    pytest.param(HEAD + "It was MOVED by Foy, seconded by Bunn, to adopt Item A. Unanimously carried by voice vote.",
                 [("It was MOVED by Foy, seconded by Bunn, to adopt Item A", None, True)], id="voice-vote"),
    pytest.param(HEAD + "Commissioner Zell made a motion to approve the bills. Commissioner Fann seconded the motion. "
                 "All voted \u201cAYE\u201d. The motion is approved.",
                 [("Commissioner Zell made a motion to approve the bills", None, True)], id="all-voted-aye"),
    pytest.param(HEAD + "MOTION by Larson, second by Barker to approve the March 14, 2006 minutes. Voting for: "
                 "Rotty, Barker, Larson. Abstain: Johnson. MOTION CARRIED.",
                 [("MOTION by Larson, second by Barker to approve the March 14, 2006 minutes",
                   {"for": 3, "against": None, "abstain": 1}, True)], id="voting-for-names"),
    pytest.param(HEAD + "Moved by Council Member Ann Cole Seconded by Council Member Bo Diaz MOTION TO APPROVE THE "
                 "GRANT. For Against Abstained Ann Cole x Bo Diaz x Cy Erb x 3 0 0 Motion CARRIED.",
                 [("MOTION TO APPROVE THE GRANT", {"for": 3, "against": 0, "abstain": 0}, True)], id="vote-table"),
    pytest.param(HEAD + "RESOLVED \u2013 That the Minutes of the Meeting held on 2nd May be adopted as circulated.",
                 [("That the Minutes of the Meeting held on 2nd May be adopted as circulated", None, True)],
                 id="resolved-that"),
    pytest.param(HEAD + "Motion No. C24-1 Moved by Crawford, Seconded by Jermey Be it resolved that the agenda be "
                 "adopted. Carried.", [("Be it resolved that the agenda be adopted", None, True)], id="be-it-resolved"),
    pytest.param(HEAD + "Motion to approve the minutes by Senator Bruess; second by Senator Gray. Motion passed with "
                 "one abstention.", [("Motion to approve the minutes by Senator Bruess; second by Senator Gray",
                                      {"for": None, "against": None, "abstain": 1}, True)], id="one-abstention"),
    pytest.param(HEAD + "Nomination of Ann by Senator Vann; second by Senator Gray. Nomination of Bo by Senator Soto; "
                 "second by Senator Gray. The motions passed.",
                 [("Nomination of Ann by Senator Vann; second by Senator Gray", None, True),
                  ("Nomination of Bo by Senator Soto; second by Senator Gray", None, True)], id="motions-passed"),
    pytest.param(HEAD + "M/S/P (Khan/O'Brien) to accept the treasurer's report.",
                 [("M/S/P (Khan/O'Brien) to accept the treasurer's report", None, True)], id="m-s-p"),
    pytest.param(HEAD + "The board unanimously approved the resignations. Minutes of the July meeting were approved.",
                 [("The board unanimously approved the resignations", None, True)], id="decision-with-vote-only"),
    pytest.param(HEAD + "The Board voted to add Lee as a signer on checks.",
                 [("The Board voted to add Lee as a signer on checks", None, True)], id="voted-to"),
    pytest.param(HEAD + "The draft calendar was reviewed, changes were made and the calendar was unanimously approved.",
                 [("the calendar was unanimously approved", None, True)], id="clause-of-the-decision"),
    pytest.param(HEAD + "Payments totalling $1,245.60 were approved. All in favour.",
                 [("Payments totalling $1,245.60 were approved", None, True)], id="decision-then-report"),
    pytest.param(HEAD + "Finance\nIt was resolved unanimously to approve the payments listed. Proposed Cllr Hughes.",
                 [("It was resolved unanimously to approve the payments listed", None, True)], id="resolved-unanimously"),
    pytest.param(HEAD + "Trustee Keene moved to adopt Ordinance 41; Trustee Marsh seconded. Ayes: 4, Nays: 1 (Ibarra). "
                 "Motion failed.", [("Trustee Keene moved to adopt Ordinance 41; Trustee Marsh seconded",
                                     {"for": 4, "against": 1, "abstain": None}, False)], id="failed"),
    pytest.param(HEAD + "Councilmember Diaz moved approval. Ayes 3. The City Clerk read the next item. Councilmember "
                 "Erb moved to table the item.", [], id="no-report-no-resolution"),
    pytest.param("CONSENT CALENDAR Ayes: 5 Nays: 0 MINUTES Ayes: 4 Nays: 0 Abstain: 1 (Lee) Mayor Huber called the "
                 "meeting to order at 7:00 p.m. Councilmember Duggan moved adoption of the consent calendar. "
                 "Councilmember Duggan moved approval of the minutes.",
                 [("Councilmember Duggan moved adoption of the consent calendar", {"for": 5, "against": 0, "abstain": None},
                   True), ("Councilmember Duggan moved approval of the minutes", {"for": 4, "against": 0, "abstain": 1},
                           True)], id="tallies-before-motions"),
    pytest.param(HEAD + "On a motion by Councilman Whitaker, seconded by Supervisor Dunn, the following resolution was "
                 "adopted:\nRESOLVED, that the Supervisor may transfer $5,000.\nVote: Dunn - aye, Whitaker - aye, Ellis - "
                 "nay. Carried 2-1.", [("that the Supervisor may transfer $5,000", {"for": 2, "against": 1, "abstain": None},
                                        True)], id="resolution-introduced"),
    pytest.param(HEAD + "Supervisor Dunn moved to adopt the highway budget, seconded by Councilman Ellis.\nRoll call vote: "
                 "Dunn - aye, Ellis - aye, Fisk - nay, Gore - abstain\nMotion carried.",
                 [("Supervisor Dunn moved to adopt the highway budget, seconded by Councilman Ellis",
                   {"for": 2, "against": 1, "abstain": 1}, True)],
                 id="roll-call-counted-by-name"),
    pytest.param(HEAD + "Trustee Hale moved to approve the bills; Trustee Ivy seconded.\nAyes - 4 Nays - 0\nMotion carried.",
                 [("Trustee Hale moved to approve the bills; Trustee Ivy seconded", {"for": 4, "against": 0, "abstain": None}, True)],
                 id="vote-labels-with-dashes"),
    pytest.param(HEAD + "24/106 Finance: It was resolved to approve payments of \u00a31,245.60. Proposed Cllr Cole, seconded "
                 "Cllr Diaz, all in favour.", [("It was resolved to approve payments of \u00a31,245.60", None, True)],
                 id="minute-number-and-label-before-a-decision"),
    pytest.param("The council on a 6-1 vote approved the general fund budget. Mayor Guy thanked the staff.",
                 [("on a 6-1 vote approved the general fund budget", {"for": 6, "against": 1, "abstain": None}, True)],
                 id="news-score"),
    pytest.param("The Hillsdale Board of Education on Monday approved a $42 million budget. The 5-2 vote came after a "
                 "long debate.", [("approved a $42 million budget", {"for": 5, "against": 2, "abstain": None}, True)],
                 id="news-vote-in-next-sentence"),
]


#: Counts written before their labels (3 for, 1 against, 0 abstentions; 5 in favour and 2 opposed),
#: a decision after a file reference and its heading, and a sentence that only names the mover and
#: seconder of the motion before it.
PARISH = "HOLMFIELD PARISH COUNCIL\nMinutes of the meeting held on Monday 9th September 2024 at 7.30pm\n"
COUNTS_FIRST = [
    pytest.param(PARISH + "Planning: the Council resolved to object. Vote: 3 for, 1 against, 0 abstentions.",
                 [("the Council resolved to object", {"for": 3, "against": 1, "abstain": 0}, True)],
                 id="n-for-n-against-n-abstentions"),
    pytest.param(PARISH + "The Council resolved to support the application, 5 in favour and 2 opposed.",
                 [("The Council resolved to support the application", {"for": 5, "against": 2, "abstain": None}, True)],
                 id="n-in-favour-and-n-opposed"),
    pytest.param(PARISH + "Members agreed to fund the bench. Four votes for, one vote against, with two abstentions.",
                 [("Members agreed to fund the bench", {"for": 4, "against": 1, "abstain": 2}, True)],
                 id="words-votes-for"),
    pytest.param(PARISH + "24/0456/FUL Land off Mill Lane: the Council resolved to object. 3 for, 1 against.",
                 [("the Council resolved to object", {"for": 3, "against": 1, "abstain": None}, True)],
                 id="file-reference-heading"),
    pytest.param(PARISH + "It was RESOLVED that the minutes be approved. Proposed by Cllr Patel, seconded by Cllr Hughes.",
                 [("that the minutes be approved", None, True)], id="attribution-only-after-resolved"),
    pytest.param(PARISH + "Moved by Cllr Patel, seconded by Cllr Hughes, to buy a new noticeboard. Carried.",
                 [("Moved by Cllr Patel, seconded by Cllr Hughes, to buy a new noticeboard", None, True)],
                 id="mover-with-wording-stays"),
    pytest.param(PARISH + "The Clerk will order one for the hall and one for the church.", [], id="one-for-is-no-count"),
]


@pytest.mark.parametrize(("text", "resolutions"), COUNTS_FIRST)
def test_counts_before_labels_and_attributions(extract, text: str, resolutions: list) -> None:
    record = extract(text)
    assert [(r["text"], r["votes"], r["passed"]) for r in record["resolutions"]] == resolutions


@pytest.mark.parametrize(("text", "resolutions"), CASES)
def test_resolutions(extract, text: str, resolutions: list[tuple[str, dict | None, bool]]) -> None:
    record = extract(text)
    assert [(r["text"], r["votes"], r["passed"]) for r in record["resolutions"]] == resolutions
    assert [r["number"] for r in record["resolutions"]] == list(range(1, len(resolutions) + 1))
