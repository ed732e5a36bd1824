"""``meetingx eval``: the matching rules field by field, and agreement with the corpus scorer."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from meetingx.cli import main
from meetingx.eval_inputs import gold_paths, read_records
from meetingx.evaluate import evaluate, score_document

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"


def person(name: str, *roles: str, speech: str | None = None) -> dict[str, Any]:
    return {"name": name, "roles": list(roles), "speech": speech}


def directive(number: int, text: str, issuer: str | None = None) -> dict[str, Any]:
    return {"number": number, "marker": f"{number}、", "issuer": issuer, "text": text}


def resolution(number: int, text: str, votes: tuple[int, int, int] | None = None) -> dict[str, Any]:
    tally = None if votes is None else dict(zip(("for", "against", "abstain"), votes))
    return {"number": number, "text": text, "votes": tally, "passed": None}


THIRD, TWO_THIRDS = 1 / 3, 2 / 3

#: (case id, gold values, record values, {field: (P, R, F1)} for exactly the fields that count)
CASES = [
    ("scalar-equal-after-normalising", {"title": "党委召开专题会议。"}, {"title": " 党委召开 专题会议"},
     {"title": (1, 1, 1)}),
    ("scalar-different", {"venue": "北京"}, {"venue": "上海"}, {"venue": (0, 0, 0)}),
    ("scalar-only-in-record", {"organizer": None}, {"organizer": "校党委"}, {"organizer": (0, 0, 0)}),
    ("scalar-only-in-gold", {"date": "2023-04-18"}, {}, {"date": (0, 0, 0)}),
    ("date-text-overlap-enough", {"date_text": "4月18日下午"}, {"date_text": "4月18日"},
     {"date_text": (1, 1, 1)}),
    ("date-text-overlap-too-small", {"date_text": "4月18日下午"}, {"date_text": "18日"},
     {"date_text": (0, 0, 0)}),
    ("overlap-does-not-apply-to-venue", {"venue": "学校报告厅"}, {"venue": "学校报告"},
     {"venue": (0, 0, 0)}),
    ("people-by-name-then-roles",
     {"speakers": [person("张明", "党委书记", "校长"), person("李华")]},
     {"speakers": [person("张明", "党委书记", "副校长"), person("王强", "院长")]},
     {"speakers": (0.5, 0.5, 0.5), "roles": (THIRD, 0.5, 0.4)}),
    ("chair-without-name-ignored", {"chair": [person("赵刚", "主任")]},
     {"chair": [{"name": "", "roles": ["主任"]}, person("赵刚", "主任")]},
     {"chair": (1, 1, 1), "roles": (1, 1, 1)}),
    ("attendees-at-80-percent",
     {"attendees": ["学校领导班子成员", "全体中层干部"]},
     {"attendees": ["学校领导班子成员等", "中层干部"]},
     {"attendees": (0.5, 0.5, 0.5)}),
    ("agenda-at-50-percent-one-to-one",
     {"agenda": ["传达学习全国两会精神", "审议年度工作要点"]},
     {"agenda": ["传达学习全国两会精神和会议要求", "传达学习全国两会精神", "研究其他事项"]},
     {"agenda": (THIRD, 0.5, 0.4)}),
    ("directives-by-number-and-head-then-issuer",
     {"directives": [directive(1, "要提高政治站位，统一思想认识", "张明"),
                     directive(2, "要压实工作责任，确保落地见效", "张明")]},
     {"directives": [directive(1, "要提高政治站位，统一思想", None),
                     directive(3, "要压实工作责任，确保落地见效", "张明")]},
     {"directives": (0.5, 0.5, 0.5), "directive_issuer": (0, 0, 0)}),
    ("directive-issuers-null-match",
     {"directives": [directive(1, "会议议定事项一二三四"), directive(2, "第二项议定事项内容")]},
     {"directives": [directive(1, "会议议定事项一二三四"), directive(2, "第二项议定事项内容", "张明")]},
     {"directives": (1, 1, 1), "directive_issuer": (0.5, 0.5, 0.5)}),
    ("resolutions-then-votes",
     {"resolutions": [resolution(1, "审议通过《年度报告》", (9, 0, 0)), resolution(2, "审议通过《预算方案》")]},
     {"resolutions": [resolution(1, "审议通过《年度报告》的议案", (9, 0, 0)),
                      resolution(2, "审议通过《预算方案》", (5, 1, 0))]},
     {"resolutions": (1, 1, 1), "votes": (0.5, 1, TWO_THIRDS)}),
    ("votes-wrong-count", {"resolutions": [resolution(1, "审议通过《年度报告》", (9, 0, 0))]},
     {"resolutions": [resolution(1, "审议通过《年度报告》", (8, 1, 0))]},
     {"resolutions": (1, 1, 1), "votes": (0, 0, 0)}),
    ("nothing-either-side", {"title": None, "speakers": []}, {"title": None}, {}),
]


@pytest.mark.parametrize(("gold", "record", "expected"), [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_field_figures(gold: dict[str, Any], record: dict[str, Any],
                       expected: dict[str, tuple[float, float, float]]) -> None:
    results = score_document(gold, record)
    counted = {name: result.tally for name, result in results.items() if not result.tally.is_empty}
    assert set(counted) == set(expected)
    for name, (precision, recall, f1) in expected.items():
        tally = counted[name]
        assert (tally.precision, tally.recall, tally.f1) == pytest.approx((precision, recall, f1)), name


def write_gold(directory: Path, doc_id: str, gold: dict[str, Any]) -> None:
    annotation = {"id": doc_id, "lang": "zh", "kind": "news", "truncated": False, "notes": "", "gold": gold}
    (directory / f"{doc_id}.gold.json").write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")


def write_records(path: Path, records: list[dict[str, Any]], extra_lines: tuple[str, ...] = ()) -> None:
    lines = [json.dumps(record, ensure_ascii=False) for record in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_cli_json_text_and_per_doc(tmp_path: Path) -> None:
    write_gold(tmp_path, "a-1", {"venue": "北京", "speakers": [person("张明", "校长")]})
    write_gold(tmp_path, "b-1", {"venue": "上海"})
    records = tmp_path / "records.jsonl"
    write_records(records, [{"id": "a-1", "venue": "北京", "speakers": [person("李华")]}],
                  ('{"no": "id"}', "[1, 2]"))
    runner = CliRunner()

    as_json = runner.invoke(main, ["eval", str(tmp_path), str(records), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    report = json.loads(as_json.output)
    assert report["docs"] == 2 and report["missing"] == 1
    assert report["fields"]["venue"] == {"p": 1.0, "r": 0.5, "f1": pytest.approx(TWO_THIRDS), "n": 2}
    assert report["fields"]["speakers"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "n": 1}

    as_text = runner.invoke(main, ["eval", str(tmp_path), str(records), "--per-doc", "--only", "a-*"])
    assert as_text.exit_code == 0, as_text.output
    assert "a-1: 2 fields with misses" in as_text.output and "b-1" not in as_text.output
    speaker_row = next(line for line in as_text.output.splitlines() if line.strip().startswith("speakers  "))
    assert speaker_row.split("│")[1:] == [" 张明" + " " * 36 + " ", " —"]
    assert "score 0.333" in as_text.output

    nothing = runner.invoke(main, ["eval", str(tmp_path), str(records), "--only", "zzz"])
    assert nothing.exit_code != 0 and "no *.gold.json" in nothing.output


def perturbed(doc_id: str, gold: dict[str, Any]) -> dict[str, Any]:
    """A record made from a gold object with a few deterministic, id-seeded differences."""
    rng = random.Random(doc_id)
    record = copy.deepcopy(gold)
    record["id"] = doc_id
    for name in ("title", "venue", "organizer", "date"):
        if rng.random() < 0.3:
            record[name] = None
    if record.get("meeting_name") and rng.random() < 0.5:
        record["meeting_name"] += "会"
    if record.get("date_text") and rng.random() < 0.5:
        record["date_text"] = record["date_text"][: max(1, len(record["date_text"]) * 2 // 3)]
    for name in ("chair", "speakers"):
        people = record.get(name) or []
        if people and rng.random() < 0.5:
            people.pop(rng.randrange(len(people)))
        for someone in people:
            if someone.get("roles") and rng.random() < 0.4:
                someone["roles"][0] += "（兼）"
        if rng.random() < 0.3:
            people.append(person("王某某", "副主任"))
    for name, cut in (("attendees", 0.85), ("agenda", 0.4)):
        items = record.get(name) or []
        record[name] = [item[: max(1, int(len(item) * cut))] if rng.random() < 0.3 else item
                        for item in items if rng.random() > 0.15]
    for item in record.get("directives") or []:
        draw = rng.random()
        if draw < 0.15:
            item["number"] += 1
        elif draw < 0.35:
            item["issuer"] = None if item.get("issuer") else "张明"
        elif draw < 0.45:
            item["text"] = "另外" + item["text"]
    for item in record.get("resolutions") or []:
        if item.get("votes") and rng.random() < 0.5:
            item["votes"]["for"] = (item["votes"]["for"] or 0) + 1
        elif item.get("votes") is None and rng.random() < 0.5:
            item["votes"] = {"for": 3, "against": 0, "abstain": 0}
    return record


@pytest.mark.skipif(not (DEV.is_dir() and SCORER.is_file()),
                    reason=f"the corpus scorer and dev set are not at {SHARED}")
@pytest.mark.parametrize("only", [(), ("zh-minutes-*", "en-*")], ids=["all", "minutes-and-en"])
def test_same_figures_as_corpus_scorer(tmp_path: Path, only: tuple[str, ...]) -> None:
    golds = gold_paths(DEV)
    annotations = [json.loads(path.read_text(encoding="utf-8")) for path in golds]
    # Every third document is left without a record, so missing documents are compared too.
    records = [perturbed(a["id"], a["gold"]) for number, a in enumerate(annotations) if number % 3]
    records_file = tmp_path / "records.jsonl"
    write_records(records_file, records, (json.dumps(["no", "id"]), json.dumps({"no": "id"})))

    only_args = [arg for pattern in only for arg in ("--only", pattern)]
    reference = json.loads(subprocess.run(
        [sys.executable, str(SCORER), str(DEV), str(records_file), "--json", *only_args],
        check=True, capture_output=True, text=True).stdout)
    ours = CliRunner().invoke(main, ["eval", str(DEV), str(records_file), "--format", "json", *only_args])
    assert ours.exit_code == 0, ours.output
    report = json.loads(ours.output)

    assert report == reference
    assert 0 < report["score"] < 1, "the perturbation should make the comparison non-trivial"
    assert evaluate(gold_paths(DEV, only), read_records(records_file)).score == reference["score"]


def test_cli_extracts_the_texts_when_no_records_are_given(tmp_path: Path) -> None:
    write_gold(tmp_path, "own-1", {"venue": "北京"})
    (tmp_path / "own-1.txt").write_text("本报讯 3月5日上午，校党委在北京召开专题会议。", encoding="utf-8")
    write_gold(tmp_path, "own-2", {"venue": "上海"})  # no text beside it: no record

    result = CliRunner().invoke(main, ["eval", str(tmp_path), "--format", "json"])

    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{"):])
    assert (report["docs"], report["missing"]) == (2, 1)
    assert report["fields"]["venue"]["n"] == 2
