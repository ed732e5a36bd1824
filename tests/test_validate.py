"""``meetingx validate``: a hand-built record, then one broken copy per check."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import meetingx
from meetingx.cli import main
from meetingx.record import MeetingRecord
from meetingx.validate import parse_pointer, resolve_pointer, to_pointer, validate_files, validate_record

TEXT = (
    "4月18日下午，学校在报告厅召开工作会议。党委书记张明主持会议。"
    "副校长李华作讲话，要求：一是加强学习；二是狠抓落实。"
    "会议表决通过了年度计划，赞成30票，反对0票，弃权1票。\n发布时间：2024-04-19"
)
RECORD_ID = "zh-test-001"


def span(value: str, rule: str = "test.hand") -> dict:
    start = TEXT.index(value)
    return {"start": start, "end": start + len(value), "rule": rule, "confidence": 1.0}


def build_record() -> dict:
    record = MeetingRecord.model_validate({
        "id": RECORD_ID, "lang": "zh", "kind": "news",
        "meeting_name": "工作会议", "organizer": "学校",
        "date": "2024-04-18", "date_text": "4月18日下午", "time_of_day": "afternoon",
        "publish_date": "2024-04-19", "venue": "报告厅",
        "chair": [{"name": "张明", "roles": ["党委书记"], "speech": None}],
        "speakers": [{"name": "李华", "roles": ["副校长"], "speech": "作讲话"}],
        "directives": [
            {"number": 1, "marker": "一是", "issuer": "李华", "text": "加强学习"},
            {"number": 2, "marker": "二是", "issuer": "李华", "text": "狠抓落实"},
        ],
        "resolutions": [{"number": 1, "text": "年度计划",
                         "votes": {"for": 30, "against": 0, "abstain": 1}, "passed": True}],
        "evidence": {
            "/meeting_name": span("工作会议"), "/organizer": span("学校"), "/venue": span("报告厅"),
            "/date": span("4月18日"), "/date_text": span("4月18日下午"), "/time_of_day": span("下午"),
            "/publish_date": span("2024-04-19"), "/chair/0/name": span("张明"),
            "/chair/0/roles/0": span("党委书记"), "/speakers/0/name": span("李华"),
            "/directives/0/marker": span("一是"), "/directives/1/text": span("狠抓落实"),
            "/resolutions/0/text": span("年度计划"), "/resolutions/0/votes/for": span("30"),
        },
        "source": {"path": None, "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
                   "chars": len(TEXT), "encoding": "utf-8"},
        "extractor": {"version": "0.1.0"},
    })
    return record.to_json_dict()


def mutate(change: Callable[[dict], object]) -> dict:
    record = copy.deepcopy(build_record())
    change(record)
    return record


def set_path(path: str, value: object) -> Callable[[dict], None]:
    """A change that sets the value at a JSON Pointer (parent must exist)."""
    def change(record: dict) -> None:
        *parents, last = parse_pointer(path)
        container = resolve_pointer(record, parents)
        container[int(last) if isinstance(container, list) else last] = value
    return change


def write_jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    directory = tmp_path / "sources" / "nested"
    directory.mkdir(parents=True)
    (directory / f"{RECORD_ID}.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path / "sources"


# --- the valid record ----------------------------------------------------------------------------


def test_valid_record_has_no_problems_with_or_without_text() -> None:
    assert validate_record(build_record(), TEXT) == []
    assert validate_record(build_record(), None) == []


def test_valid_record_exits_0(tmp_path: Path, sources: Path) -> None:
    records = write_jsonl(tmp_path / "records.jsonl", build_record())
    result = CliRunner().invoke(main, ["validate", str(records), "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == "1 records, 0 invalid, 0 problems"


# --- broken records: (name, change, pointer, message fragment) -----------------------------------

BROKEN = [
    ("evidence key resolves to nothing",
     lambda r: r["evidence"].update({"/speakers/9/name": span("李华")}),
     "/evidence/~1speakers~19~1name", "/speakers has 1 items, no index 9"),
    ("evidence key into a missing object key",
     lambda r: r["evidence"].update({"/chair/0/title": span("党委书记")}),
     "/evidence/~1chair~10~1title", "/chair/0 has no key 'title'"),
    ("evidence key not a JSON Pointer",
     lambda r: r["evidence"].update({"venue": span("报告厅")}),
     "/evidence/venue", "is not a JSON Pointer"),
    ("evidence key outside the values half",
     lambda r: r["evidence"].update({"/source/chars": span("报告厅")}),
     "/evidence/~1source~1chars", "does not point at a value"),
    ("wrong offsets", set_path("/evidence/~1venue/start", TEXT.index("报告厅") + 1),
     "/evidence/~1venue", "is '告厅', not the value '报告厅'"),
    ("start after end", set_path("/evidence/~1venue/end", 0),
     "/evidence/~1venue", "is after end 0"),
    ("end beyond the text", set_path("/evidence/~1resolutions~10~1votes~1for/end", len(TEXT) + 5),
     "/evidence/~1resolutions~10~1votes~1for", f"beyond the end of the text ({len(TEXT)} characters)"),
    ("wrong sha256", set_path("/source/sha256", "0" * 64),
     "/source/sha256", "offsets not checked"),
    ("wrong chars", set_path("/source/chars", len(TEXT) + 1),
     "/source/chars", f"has {len(TEXT)} characters, not {len(TEXT) + 1}"),
    ("directive numbering gap", set_path("/directives/1/number", 3),
     "/directives/1/number", "number 3 should be 2"),
    ("directive numbering out of order", lambda r: (set_path("/directives/0/number", 2)(r),
                                                     set_path("/directives/1/number", 2)(r)),
     "/directives/1/number", "out of order: it follows 2"),
    ("directives not starting at 1", set_path("/directives/0/number", 2),
     "/directives/0/number", "number 2 should be 1"),
    ("resolution numbering", set_path("/resolutions/0/number", 2),
     "/resolutions/0/number", "number 2 should be 1"),
    ("meeting date after publish date", set_path("/date", "2024-04-20"),
     "/date", "'2024-04-20' is after the publish date '2024-04-19'"),
    ("month-only date after publish date", set_path("/date", "2024-05"),
     "/date", "is after the publish date"),
    ("interval starting after publish date", set_path("/date", "2024-04-20/2024-04-21"),
     "/date", "is after the publish date"),
    ("interval ending before it starts", set_path("/date", "2024-04-18/2024-04-17"),
     "/date", "starts after it ends"),
    ("invalid EDTF month", set_path("/date", "2024-13-01"),
     "/date", "month 13 is not 01-12 or XX"),
    ("invalid EDTF day for the month", set_path("/date", "2023-02-29"),
     "/date", "day 29 is not 01-28 or XX"),
    ("invalid day with unknown year", set_path("/date", "XXXX-04-31"),
     "/date", "day 31 is not 01-30 or XX"),
    ("X in the middle of the year", set_path("/date", "2X24-04-18"),
     "/date", "unknown (X) digits at its end"),
    ("date not EDTF at all", set_path("/date", "April 18"),
     "/date", "does not match"),
    ("invalid publish date", set_path("/publish_date", "2024-02-30"),
     "/publish_date", "day 30 is not 01-29"),
    ("missing required key in a person", lambda r: r["chair"][0].pop("roles"),
     "/chair/0", "'roles' is a required property"),
    ("missing required top-level key", lambda r: r.pop("venue"),
     "", "'venue' is a required property"),
    ("unknown key", set_path("/location", "报告厅"),
     "", "'location' was unexpected"),
    ("wrong type for a list", set_path("/chair", "x"),
     "/chair", "'x' is not of type 'array'"),
    ("wrong type for an optional string", set_path("/venue", 5),
     "/venue", "5 is not of type 'string' or 'null'"),
    ("wrong enum", set_path("/kind", "report"),
     "/kind", "'report' is not one of"),
    ("duplicate speaker", lambda r: r["speakers"].append(copy.deepcopy(r["speakers"][0])),
     "/speakers/1/name", "'李华' is already in speakers at /speakers/0"),
    ("duplicate chair", lambda r: r["chair"].append({"name": "张明", "roles": [], "speech": None}),
     "/chair/1/name", "'张明' is already in chair at /chair/0"),
    ("negative vote count", set_path("/resolutions/0/votes/against", -1),
     "/resolutions/0/votes/against", "-1 is less than the minimum of 0"),
    ("float vote count", set_path("/resolutions/0/votes/for", 30.0),
     "/resolutions/0/votes/for", "30.0 is a float"),
    ("string vote count", set_path("/resolutions/0/votes/abstain", "1"),
     "/resolutions/0/votes/abstain", "'1' is not of type 'integer' or 'null'"),
    ("kind other with a value", set_path("/kind", "other"),
     "/venue", "a record of kind 'other' reports no meeting, yet has a venue"),
    ("confidence above 1", set_path("/evidence/~1venue/confidence", 1.5),
     "/evidence/~1venue/confidence", "1.5 is greater than the maximum of 1"),
]


@pytest.mark.parametrize(("change", "pointer", "fragment"), [case[1:] for case in BROKEN],
                         ids=[case[0] for case in BROKEN])
def test_broken_record_api(change: Callable[[dict], object], pointer: str, fragment: str) -> None:
    problems = validate_record(mutate(change), TEXT, file="r.jsonl", line=4)
    matching = [p for p in problems if p.pointer == pointer and fragment in p.message]
    assert matching, [(p.pointer, p.message) for p in problems]
    assert all((p.file, p.line, p.record_id) == ("r.jsonl", 4, RECORD_ID) for p in problems)


@pytest.mark.parametrize(("change", "pointer", "fragment"), [case[1:] for case in BROKEN],
                         ids=[case[0] for case in BROKEN])
def test_broken_record_cli(tmp_path: Path, sources: Path, change: Callable[[dict], object],
                           pointer: str, fragment: str) -> None:
    records = write_jsonl(tmp_path / "records.jsonl", build_record(), mutate(change))
    result = CliRunner().invoke(main, ["validate", str(records), "--sources", str(sources)])
    assert result.exit_code == 1, result.output
    prefix = f"{records}:2: {RECORD_ID} {pointer or '/'} "
    assert any(line.startswith(prefix) and fragment in line for line in result.stdout.splitlines()), result.stdout
    assert result.stderr.strip().splitlines()[-1].startswith("2 records, 1 invalid, ")


def test_wrong_sha256_skips_offset_checks() -> None:
    record = mutate(set_path("/source/sha256", "0" * 64))
    record["evidence"]["/venue"]["start"] += 1
    assert [p.pointer for p in validate_record(record, TEXT)] == ["/source/sha256"]


def test_offsets_are_bounded_by_source_chars_without_text() -> None:
    record = mutate(set_path("/evidence/~1venue/end", len(TEXT) + 1))
    problems = validate_record(record, None)
    assert [(p.pointer, p.message) for p in problems] == [
        ("/evidence/~1venue", f"end {len(TEXT) + 1} is beyond the end of the text ({len(TEXT)} characters)")]
    # without the text, a wrong but in-bounds offset can't be seen
    assert validate_record(mutate(set_path("/evidence/~1venue/start", 0)), None) == []


# --- records that look odd but are valid ---------------------------------------------------------

VALID = [
    ("year and month unknown", set_path("/date", "XXXX-XX-25")),
    ("29 February, year unknown", set_path("/date", "XXXX-02-29")),
    ("decade unknown", set_path("/date", "202X-04-18")),
    ("month only, same month as publish", set_path("/date", "2024-04")),
    ("interval ending on the publish date", set_path("/date", "2024-04-18/2024-04-19")),
    ("leap day", lambda r: r.update(date="2024-02-29", publish_date="2024-03-01")),
    ("no publish date", lambda r: (r.update(date="2025-01-01", publish_date=None),
                                   r["evidence"].pop("/publish_date"))),
    ("numbering gap with a warning",
     lambda r: (r["directives"][1].update(number=3),
                r["warnings"].append({"code": "numbering.gap", "message": "二 missing",
                                      "pointer": "/directives/1"}))),
    ("votes not reported", set_path("/resolutions/0/votes/against", None)),
    ("a second directive list starts again at 1", set_path("/directives/1/number", 1)),
    ("evidence on a normalised value", set_path("/evidence/~1time_of_day", span("下午"))),
]


@pytest.mark.parametrize("change", [case[1] for case in VALID], ids=[case[0] for case in VALID])
def test_valid_variants(change: Callable[[dict], object]) -> None:
    assert [(p.pointer, p.message) for p in validate_record(mutate(change), TEXT)] == []


# --- inputs --------------------------------------------------------------------------------------


def test_missing_file_exits_2(tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "ok.jsonl", build_record())
    missing = tmp_path / "missing.jsonl"
    result = CliRunner().invoke(main, ["validate", str(records), str(missing)])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [f"{missing}:0: - - cannot read the file: No such file or directory"]


def test_broken_json_line_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    good = json.dumps(build_record(), ensure_ascii=False)
    path.write_text(f"{good}\n{good}\n{{\"id\": \"broken\",\n{good}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert len(result.stdout.splitlines()) == 1
    assert result.stdout.startswith(f"{path}:3: - - not JSON: ")
    assert result.stderr.strip().splitlines()[-1] == "3 records, 0 invalid, 1 problems"


def test_json_lines_without_jsonl_suffix(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    good = json.dumps(build_record(), ensure_ascii=False)
    path.write_text(f"{good}\n{good}\nnot json\n", encoding="utf-8")
    report = validate_files([str(path)])
    assert (report.records, report.exit_code) == (2, 2)
    assert [(p.line, p.check) for p in report.problems] == [(3, "input")]


@pytest.mark.parametrize(("content", "lines"), [
    (lambda r: json.dumps(r, ensure_ascii=False, indent=2), [1]),
    (lambda r: "\ufeff" + json.dumps(r, ensure_ascii=False), [1]),
    (lambda r: "[\n" + ",\n".join(json.dumps(x, ensure_ascii=False) for x in (r, r)) + "\n]\n", [2, 3]),
    (lambda r: json.dumps([r, r], ensure_ascii=False, indent=1),
     [2, 3 + json.dumps(build_record(), indent=1).count("\n")]),
], ids=["pretty object", "object with BOM", "array one per line", "pretty array"])
def test_single_json_files(tmp_path: Path, content: Callable[[dict], str], lines: list[int]) -> None:
    path = tmp_path / "record.json"
    broken = mutate(set_path("/venue", 5))
    path.write_text(content(broken), encoding="utf-8")
    report = validate_files([str(path)])
    assert report.records == len(lines)
    assert [(p.line, p.pointer) for p in report.problems] == [(line, "/venue") for line in lines]
    assert report.exit_code == 1


def test_pretty_json_with_syntax_error_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    text = json.dumps(build_record(), ensure_ascii=False, indent=2).replace('"lang": "zh",', '"lang": "zh"', 1)
    path.write_text(text, encoding="utf-8")
    report = validate_files([str(path)])
    assert report.exit_code == 2
    expected_line = text.splitlines().index('  "lang": "zh"') + 2  # the error is at the next key
    assert [(p.line, p.pointer) for p in report.problems] == [(expected_line, None)]


def test_source_path_is_used_without_sources(tmp_path: Path) -> None:
    wrong_text = tmp_path / "doc.txt"
    wrong_text.write_text(TEXT + "。", encoding="utf-8")
    record = mutate(set_path("/source/path", str(wrong_text)))
    report = validate_files([str(write_jsonl(tmp_path / "r.jsonl", record))])
    assert [(p.pointer, p.check) for p in report.problems] == [("/source/sha256", "source")]
    assert report.without_source == 0


@pytest.mark.parametrize("stored", [
    "\ufeff" + TEXT,                   # a BOM the producer stripped
    TEXT.replace("\n", "\r\n"),        # newlines the producer translated
], ids=["bom", "crlf"])
def test_source_file_read_as_producers_read_it(tmp_path: Path, stored: str) -> None:
    directory = tmp_path / "docs"
    directory.mkdir()
    (directory / f"{RECORD_ID}.txt").write_bytes(stored.encode("utf-8"))
    report = validate_files([str(write_jsonl(tmp_path / "r.jsonl", build_record()))], directory)
    assert (report.problems, report.without_source) == ([], 0)


def test_source_jsonl_line_by_id(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", {"id": "other", "text": "x"}, {"id": RECORD_ID, "text": TEXT})
    broken = mutate(set_path("/evidence/~1venue/start", 0))
    records = write_jsonl(tmp_path / "r.jsonl", broken)
    assert [p.pointer for p in validate_files([str(records)], corpus).problems] == ["/evidence/~1venue"]
    # the extractor writes the JSONL input as source.path
    broken["source"]["path"] = str(corpus)
    assert [p.pointer for p in validate_files([str(write_jsonl(records, broken))]).problems] == ["/evidence/~1venue"]


def test_json_format(tmp_path: Path, sources: Path) -> None:
    records = write_jsonl(tmp_path / "records.jsonl", build_record(), mutate(set_path("/date", "2024-04-20")),
                          {"id": "nothing-else"})
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(records), "--sources", str(sources)])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["problems"][0] == {
        "file": str(records), "line": 2, "id": RECORD_ID, "pointer": "/date", "check": "consistency",
        "message": "the meeting date '2024-04-20' is after the publish date '2024-04-19'"}
    assert {(p["line"], p["id"]) for p in document["problems"][1:]} == {(3, "nothing-else")}
    assert document["summary"] == {"records": 3, "invalid": 2, "problems": len(document["problems"]),
                                   "unreadable": 0, "without_source": 1}


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["validate"]).exit_code == 2
    assert runner.invoke(main, ["validate", "x.jsonl", "--format", "xml"]).exit_code == 2
    assert runner.invoke(main, ["validate", "x.jsonl", "--sources", str(tmp_path / "nowhere")]).exit_code == 2


@pytest.mark.parametrize(("path", "pointer"), [
    (["speakers", 0, "name"], "/speakers/0/name"),
    (["a/b", "m~n"], "/a~1b/m~0n"),
    ([], ""),
])
def test_pointer_round_trip(path: list, pointer: str) -> None:
    assert to_pointer(path) == pointer
    assert parse_pointer(pointer) == [str(token) for token in path]


def test_an_extracted_record_of_kind_other_is_valid() -> None:
    text = ("市长王建国到高新区调研科技创新工作\n5月12日，市长王建国带领有关部门负责同志到高新区调研科技创新工作，"
            "详细了解企业研发情况。")
    record = meetingx.extract(text, id="visit", publish_date="2024-05-13").to_json_dict()
    assert record["kind"] == "other"
    assert record["publish_date"] is None  # spec 1.2: every value below kind, the publish date too
    assert validate_record(record, text) == []


@pytest.mark.parametrize(("pages", "version", "pointers"), [
    ([0, 10], "1.3", []),
    ([0], "1.3", []),
    ([5, 10], "1.3", ["/source/pages"]),
    ([0, 10, 4], "1.3", ["/source/pages"]),
    ([0, 10_000], "1.3", ["/source/pages"]),
    ([0, 10], "1.2", ["/schema_version"]),
], ids=["two-pages", "one-page", "not-from-0", "going-back", "past-the-text", "old-version"])
def test_source_pages(pages: list[int], version: str, pointers: list[str]) -> None:
    record = build_record()
    record["source"]["pages"], record["schema_version"] = pages, version
    assert [p.pointer for p in validate_record(record, TEXT)] == pointers
