"""Vote tallies in their usual forms: any order of the three counts, separators of every kind,
Chinese numerals, share counts with percentages, recusals, a tally cut off, an unreported count."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
from typing import Callable, Optional

import pytest

import meetingx

ANNOUNCEMENT = """证券代码：600001    证券简称：甲乙股份    公告编号：2024-010

甲乙股份有限公司
第二届董事会第八次会议决议公告

一、董事会会议召开情况
甲乙股份有限公司第二届董事会第八次会议通知于2024年3月1日以电子邮件方式发出，会议于2024年3月6日在公司会议室以现场表决方式召开。会议应出席董事9人，实际出席董事9人，会议由董事长王建国主持。

二、董事会会议审议情况
1、审议通过《关于公司2023年度报告的议案》
{tally}

特此公告。

甲乙股份有限公司董事会
2024年3月7日
"""

Votes = Optional[dict[str, Optional[int]]]


def votes(for_: Optional[int], against: Optional[int], abstain: Optional[int]) -> dict[str, Optional[int]]:
    return {"for": for_, "against": against, "abstain": abstain}


@pytest.mark.parametrize(("tally", "expected"), [
    ("表决结果：同意9票，反对0票，弃权0票。", votes(9, 0, 0)),
    ("表决结果：赞成票9票，反对票0票，弃权票0票。", votes(9, 0, 0)),
    ("表决结果：9票同意，0票反对，0票弃权。", votes(9, 0, 0)),
    ("表决结果：8票赞成、1票反对、0票弃权。", votes(8, 1, 0)),
    ("表决结果：同意8票；反对1票；弃权0票", votes(8, 1, 0)),
    ("表决结果:同意7票,反对0票,弃权2票", votes(7, 0, 2)),
    ("表决情况：赞成9票，反对0票，弃权0票。", votes(9, 0, 0)),
    ("表决结果：同意 9 票 反对 0 票 弃权 0 票", votes(9, 0, 0)),
    ("表决结果：同意9票反对0票弃权0票", votes(9, 0, 0)),
    ("表决结果：9票同意0票反对0票弃权", votes(9, 0, 0)),
    ("表决结果：反对1票，弃权0票，同意8票。", votes(8, 1, 0)),
    ("表决结果：弃权2票，同意7票，反对0票。", votes(7, 0, 2)),
    ("表决结果：同意九票，反对零票，弃权零票。", votes(9, 0, 0)),
    ("本项议案表决结果：同意十二票，反对一票，弃权零票。", votes(12, 1, 0)),
    ("表决结果：同意票数为9票，反对票数为0票，弃权票数为0票。", votes(9, 0, 0)),
    ("表决结果：同意股份数9股，反对股份数0股，弃权股份数0股。", votes(9, 0, 0)),
    ("表决结果：同意：9票；反对：0票；弃权：0票。", votes(9, 0, 0)),
    ("表决结果：同意9票，无反对票，无弃权票。", votes(9, 0, 0)),
    ("表决结果：同意9票，不同意0票，弃权0票。", votes(9, 0, 0)),
    ("表决结果：赞成9票,反对0票,弃权0票;同意票占出席会议董事的100%。", votes(9, 0, 0)),
    ("表决结果：同意6票，反对0票，弃权0票，回避3票。", votes(6, 0, 0)),
    ("关联董事张明、李强回避表决。表决结果：6票同意，0票反对，0票弃权，3票回避表决。", votes(6, 0, 0)),
    ("表决结果：同意9票，弃权0票。", votes(9, None, 0)),
    ("表决结果：同意9票。", votes(9, None, None)),
    ("表决结果：同意9票，反对0", votes(9, None, None)),
    ("表决结果：全票通过。", None),
    ("表决结果：全体董事一致同意。", None),
])
def test_tally_forms(extract: Callable[..., dict], tally: str, expected: Votes) -> None:
    record = extract(ANNOUNCEMENT.format(tally=tally))
    assert record["kind"] == "resolution"
    [resolution] = record["resolutions"]
    assert resolution["text"] == "审议通过《关于公司2023年度报告的议案》"
    assert resolution["votes"] == expected
    assert resolution["passed"] is True
    incomplete = expected is not None and None in expected.values()
    assert any(w["code"] == "resolution.tally-incomplete" for w in record["warnings"]) is incomplete


@pytest.mark.parametrize(("tally", "expected"), [
    ("同意426,223,758股，占出席会议股东所持有效表决权股份总数的99.91%；反对308,640股，占0.07%；弃权80,600股，占0.02%。",
     votes(426223758, 308640, 80600)),
    ("赞成票1,234,567股,占出席本次会议有表决权股份总数的99.8765%;反对票1,500股,占0.1214%;弃权票23股,占0.0021%。",
     votes(1234567, 1500, 23)),
    ("赞成 1,234,567 股，占出席本次会议有表决权股份总数的 99.8765 %；反对 1,500 股，占 0.1214 %；弃权 23 股。",
     votes(1234567, 1500, 23)),
    ("同意股数188,134,857股，占99.999%；反对股数0股；弃权股数2,400股，占0.001%。", votes(188134857, 0, 2400)),
    ("表决结果：同意55,481,003股，占有表决权股份总数的70.44%；\n弃权23,285,503股，占有表决权股份总数的29.56%。",
     votes(55481003, None, 23285503)),
    ("同意1,000,000股，\n占出席会议股东所持股份的99.00%；\n反对10,000股，占1.00%；\n弃权0股，占0.00%。",
     votes(1000000, 10000, 0)),
])
def test_share_counts_at_a_shareholders_meeting(extract: Callable[..., dict], tally: str, expected: Votes) -> None:
    text = ANNOUNCEMENT.format(tally=tally).replace("第二届董事会第八次会议", "2024年第一次临时股东大会")
    record = extract(text)
    [resolution] = record["resolutions"]
    assert resolution["votes"] == expected  # the counts as reported, never the percentages
    assert record["meeting_name"] == "2024年第一次临时股东大会"


@pytest.mark.parametrize(("line", "text", "expected"), [
    ("一、会议以9票同意，0票反对，0票弃权，审议通过《关于公司2023年度报告的议案》。",
     "审议通过《关于公司2023年度报告的议案》", votes(9, 0, 0)),
    ("（一）会议以7票赞成、0票反对、0票弃权的表决结果，审议通过了《关于公司2023年度报告的议案》。",
     "审议通过了《关于公司2023年度报告的议案》", votes(7, 0, 0)),
    ("1、以4票同意，0票反对，0票弃权，5票回避，审议通过关于2024年度日常关联交易的议案。",
     "审议通过关于2024年度日常关联交易的议案", votes(4, 0, 0)),
    ("二、会议以九票赞成，零票反对，零票弃权审议通过了《关于续聘会计师事务所的议案》。",
     "审议通过了《关于续聘会计师事务所的议案》", votes(9, 0, 0)),
    ("1. 会议以 5 票同意, 0 票反对, 0 票弃权, 审议通过了《关于修订<公司章程>的议案》;",
     "审议通过了《关于修订<公司章程>的议案》", votes(5, 0, 0)),
    ("三、以同意3票，反对0票，弃权0票，审议通过《关于选举监事会主席的议案》。",
     "审议通过《关于选举监事会主席的议案》", votes(3, 0, 0)),
])
def test_tally_before_its_motion(extract: Callable[..., dict], line: str, text: str, expected: Votes) -> None:
    body = ANNOUNCEMENT.split("二、董事会会议审议情况")[0] + "二、董事会会议审议情况\n" + line + "\n\n特此公告。\n"
    record = extract(body)
    [resolution] = record["resolutions"]
    assert (resolution["text"], resolution["votes"]) == (text, expected)
    assert record["agenda"] == [text]


RESULTS_HEAD = """甲乙股份有限公司
2024年第一次临时股东大会决议公告

一、会议召开和出席情况
甲乙股份有限公司2024年第一次临时股东大会于2024年3月6日在公司会议室召开。

二、议案审议情况
（一）非累积投票议案
1、议案名称：关于公司2023年年度报告及其摘要的议案
审议结果：通过
表决情况：
"""


@pytest.mark.parametrize(("table", "expected"), [
    ("股东类型\t同意\t\t反对\t\t弃权\t\n\t票数\t比例（%）\t票数\t比例（%）\t票数\t比例（%）\n"
     "A股\t265,123,456\t99.9876\t12,300\t0.0046\t20,000\t0.0078\n", votes(265123456, 12300, 20000)),
    ("股东类型 同意 反对 弃权\n票数 比例(%) 票数 比例(%) 票数 比例(%)\n"
     "A 股 1,234,567 99.80 2,000 0.16 500 0.04\n普通股合计 1,234,567 99.80 2,000 0.16 500 0.04\n",
     votes(1234567, 2000, 500)),
    ("同意 反对 弃权\n票数 比例 票数 比例 票数 比例\n9 100 0 0 0 0\n", votes(9, 0, 0)),
    ("同意 反对 弃权 回避\n5 0 0 4\n", votes(5, 0, 0)),
    ("总表决情况：同意1,234,567股，占出席会议所有股东所持股份的99.8765%；反对1,500股，占0.1214%；"
     "弃权23股（其中，因未投票默认弃权0股），占0.0021%。\n中小股东总表决情况：同意34,567股，占95.0%；反对1,500股，占4.9%；弃权23股。",
     votes(1234567, 1500, 23)),
])
def test_results_tables_and_lists_of_a_shareholders_meeting(extract: Callable[..., dict], table: str,
                                                             expected: Votes) -> None:
    record = extract(RESULTS_HEAD + table + "\n三、律师见证情况\n本次股东大会经律师见证。\n")
    [resolution] = record["resolutions"]
    assert (resolution["text"], resolution["votes"]) == ("关于公司2023年年度报告及其摘要的议案", expected)
    assert resolution["passed"] is True


def test_cumulative_votes_are_the_votes_received(extract: Callable[..., dict]) -> None:
    text = RESULTS_HEAD.split("（一）")[0] + ("（二）累积投票议案\n2.01 选举张某为公司第三届董事会非独立董事\n"
                                             "得票数：1,200,000股，占出席会议有效表决权的98.5%；是否当选：是\n"
                                             "2.02 选举李某为公司第三届董事会非独立董事\n"
                                             "表决结果：同意股份数1,100,000股，占90.1%。\n")
    resolutions = extract(text)["resolutions"]
    assert [(r["text"], r["votes"]) for r in resolutions] == [
        ("选举张某为公司第三届董事会非独立董事", votes(1200000, None, None)),
        ("选举李某为公司第三届董事会非独立董事", votes(1100000, None, None))]


def test_a_tally_cut_off_at_the_end_of_the_text(extract: Callable[..., dict]) -> None:
    text = ANNOUNCEMENT.split("特此公告")[0].format(tally="表决结果：同意9票，反对")
    [resolution] = extract(text)["resolutions"]
    assert resolution["votes"] == votes(9, None, None)


def test_a_count_against_the_motion_makes_it_fail(extract: Callable[..., dict]) -> None:
    record = extract(ANNOUNCEMENT.format(tally="表决结果：同意3票，反对6票，弃权0票。"))
    assert record["resolutions"][0]["passed"] is False
    text = ANNOUNCEMENT.format(tally="表决结果：同意3票，反对6票，弃权0票。").replace("审议通过", "审议未通过")
    assert extract(text)["resolutions"][0]["passed"] is False


def test_a_label_added_to_the_data_is_read(tmp_path: Path) -> None:
    target = tmp_path / "zh"
    shutil.copytree(Path(str(resources.files("meetingx").joinpath("data/zh"))), target)
    with open(target / "votes.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"role": "count", "word": "支持", "count": "for"}\n')
    text = ANNOUNCEMENT.format(tally="表决结果：支持9票，反对0票，弃权0票。")
    [packaged] = meetingx.extract(text, id="a").resolutions
    [extended] = meetingx.extract(text, id="a", data_dir=str(target)).resolutions
    assert packaged.votes.model_dump(by_alias=True) == votes(None, 0, 0)
    assert extended.votes.model_dump(by_alias=True) == votes(9, 0, 0)
