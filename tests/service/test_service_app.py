"""The service's endpoints, in-process: the same records and error entries as the CLI, the limits,
and the error responses the OpenAPI document declares."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from meetingx.batch import RecordLine, extract_outcome
from meetingx.cli import main
from meetingx.lexicon import Lexicon
from meetingx.reading import Document
from meetingx.reading.inputs import read_file
from meetingx.record import SCHEMA_VERSION
from meetingx.schema import record_schema
from meetingx.service import WorkerPool, create_app

REPO = Path(__file__).resolve().parents[2]
SCHOOL_NEWS = (REPO / "examples" / "school-news.txt").read_text(encoding="utf-8")
SHORT = "4月18日下午，学校在报告厅召开工作会议。校长王明远主持会议。"


def entry(code: str, message: str, id: str | None = None, line: int | None = None) -> dict:
    return {"id": id, "path": None, "line": line, "code": code, "message": message}


def json_lines(response: httpx.Response) -> list[dict]:
    assert response.headers["content-type"] == "application/x-ndjson"
    return [json.loads(line) for line in response.text.splitlines()]


# --- /v1/extract ----------------------------------------------------------------------------------


def test_the_served_record_is_the_clis_byte_for_byte(client: TestClient) -> None:
    cli = CliRunner().invoke(main, ["extract", "-"], input=SCHOOL_NEWS.encode("utf-8"))
    assert cli.exit_code == 0, cli.output

    served = client.post("/v1/extract", json={"id": "stdin", "text": SCHOOL_NEWS})

    assert served.status_code == 200
    assert served.headers["content-type"] == "application/json"
    assert served.text + "\n" == cli.stdout


def test_publish_date_and_lang_reach_the_record(client: TestClient) -> None:
    record = client.post("/v1/extract", json={"id": "r1", "text": SHORT, "publish_date": "2024-04-19"}).json()
    assert (record["id"], record["date"], record["publish_date"], record["lang"]) == (
        "r1", "2024-04-18", "2024-04-19", "zh")

    assert client.post("/v1/extract", json={"id": "r1", "text": SHORT, "lang": "en"}).json()["lang"] == "en"


@pytest.mark.parametrize("text", ["", "  ", "\n\u3000\t"])
def test_an_empty_text_is_422_with_the_clis_entry(client: TestClient, text: str) -> None:
    response = client.post("/v1/extract", json={"id": "blank", "text": text})

    assert response.status_code == 422
    assert response.json() == entry("empty", "no text (empty or only whitespace)", id="blank")


@pytest.mark.parametrize("body", [b"{", b'{"id": "a", "text": "x"', b"\xff\xfe{}", b"not json"])
def test_a_body_that_is_not_json_is_400(client: TestClient, body: bytes) -> None:
    response = client.post("/v1/extract", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 400
    assert response.json()["code"] == "bad-json"


@pytest.mark.parametrize(("body", "fragment"), [
    ({"text": SHORT}, "body.id: Field required"),
    ({"id": "a"}, "body.text: Field required"),
    ({"id": 7, "text": SHORT}, "body.id: Input should be a valid string"),
    ({"id": "a", "text": ["x"]}, "body.text: Input should be a valid string"),
    ({"id": "a", "text": SHORT, "publish_date": "2024-02-30"}, "body.publish_date"),
    ({"id": "a", "text": SHORT, "publish_date": "20240418"}, "body.publish_date"),
    ({"id": "a", "text": SHORT, "publish_date": 1713398400}, "body.publish_date"),
    ({"id": "a", "text": SHORT, "lang": "fr"}, "body.lang"),
    ({"id": "a", "text": SHORT, "title": "x"}, "body.title: Extra inputs are not permitted"),
    ([{"id": "a", "text": SHORT}], "body: Input should be a valid dictionary"),
])
def test_json_of_the_wrong_shape_is_422(client: TestClient, body: object, fragment: str) -> None:
    response = client.post("/v1/extract", json=body)

    assert response.status_code == 422
    assert response.json()["code"] == "bad-request"
    assert fragment in response.json()["message"]


def test_a_lone_surrogate_is_refused(client: TestClient) -> None:
    body = '{"id": "a", "text": "4月18日\\ud800召开会议"}'.encode("utf-8")

    response = client.post("/v1/extract", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 422
    assert "body.text: Value error, not valid Unicode (a lone surrogate)" in response.json()["message"]


# --- the body limit ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/v1/extract", "/v1/extract/batch", "/v1/validate"])
def test_a_6_mb_body_is_413(client: TestClient, path: str) -> None:
    body = json.dumps({"id": "big", "text": "会" * 2_000_000}, ensure_ascii=False).encode("utf-8")
    assert len(body) > 6_000_000

    response = client.post(path, content=body, headers={"content-type": "application/json"})

    assert response.status_code == 413
    assert response.json() == entry("too-large", "the request body is over the limit of 5000000 bytes")


def test_a_chunked_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> object:
        yield b'{"id": "big", "text": "'
        for _ in range(60):
            yield b"x" * 100_000
        yield b'"}'

    response = client.post("/v1/extract", content=chunks(), headers={"content-type": "application/json"})

    assert response.status_code == 413
    assert response.json()["code"] == "too-large"


def test_a_body_at_the_limit_is_read(client: TestClient) -> None:
    short = len(json.dumps({"id": "edge", "text": SHORT}, ensure_ascii=False).encode("utf-8"))
    text = SHORT + "x" * (5_000_000 - short)
    body = json.dumps({"id": "edge", "text": text}, ensure_ascii=False).encode("utf-8")
    assert len(body) == 5_000_000

    response = client.post("/v1/extract", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 200
    assert response.json()["source"]["chars"] == len(text)


# --- /v1/extract/batch and /v1/extract/files ----------------------------------------------------------


def test_batch_gives_records_and_error_entries_in_order(client: TestClient) -> None:
    lines = [json.dumps({"id": "a", "text": SCHOOL_NEWS}, ensure_ascii=False), "{broken",
             json.dumps({"text": "   "}), "", json.dumps({"id": "d", "text": SHORT, "publish_date": "2024-04-20"},
                                                          ensure_ascii=False),
             json.dumps({"id": "e", "text": SHORT}, ensure_ascii=False)]

    response = client.post("/v1/extract/batch?publish_date=2024-04-19", content="\n".join(lines).encode("utf-8"),
                           headers={"content-type": "application/x-ndjson"})

    assert response.status_code == 200
    out = json_lines(response)
    assert [item.get("code") or "record" for item in out] == ["record", "bad-jsonl", "empty", "record", "record"]
    assert out[0] == json.loads(extract_outcome(Document(id="a", text=SCHOOL_NEWS), None).json)
    assert (out[1]["id"], out[1]["line"], out[1]["path"]) == ("request:2", 2, None)
    assert out[2] == entry("empty", "no text (empty or only whitespace)", id="request:3", line=3)
    assert [(record["id"], record["publish_date"]) for record in (out[3], out[4])] == [
        ("d", "2024-04-20"), ("e", "2024-04-19")]


@pytest.mark.parametrize("body", [b"", b"\n \n"])
def test_a_batch_without_lines_is_422(client: TestClient, body: bytes) -> None:
    response = client.post("/v1/extract/batch", content=body, headers={"content-type": "application/x-ndjson"})

    assert response.status_code == 422
    assert response.json() == entry("empty", "no JSON Lines in the body")


def test_the_served_batch_equals_the_clis_records_on_the_dev_corpus(client: TestClient, dev_corpus: Path) -> None:
    documents = [read_file(path) for path in sorted(dev_corpus.glob("*.txt"))]
    assert all(isinstance(document, Document) for document in documents)
    body = "".join(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n" for d in documents)

    response = client.post("/v1/extract/batch", content=body.encode("utf-8"))

    expected = [extract_outcome(Document(id=d.id, text=d.text), None) for d in documents]
    assert all(isinstance(outcome, RecordLine) for outcome in expected)
    assert response.text == "".join(outcome.json + "\n" for outcome in expected)


def test_files_are_read_as_the_cli_reads_them(client: TestClient) -> None:
    jsonl = json.dumps({"id": "j1", "text": SHORT}, ensure_ascii=False) + "\n[1]\n"
    files = [("files", ("gbk.txt", SCHOOL_NEWS.encode("gb18030"), "text/plain")),
             ("files", ("page.html", f"<html><body><article><p>{SHORT}</p></article></body></html>".encode("utf-8"),
                        "text/html")),
             ("files", ("../../etc/two.jsonl", jsonl.encode("utf-8"), "application/octet-stream")),
             ("files", ("scan.txt", b"\x00\x01\x02binary", "application/octet-stream"))]

    response = client.post("/v1/extract/files", files=files, data={"publish_date": "2024-04-19"})

    assert response.status_code == 200
    out = json_lines(response)
    assert [item["id"] for item in out] == ["gbk", "page", "j1", "two:2", "scan"]
    assert out[0]["source"] == {"path": "gbk.txt", "sha256": Document("gbk", SCHOOL_NEWS).sha256,
                                "chars": len(SCHOOL_NEWS), "encoding": "gb18030"}
    assert out[0]["speakers"] == json.loads(extract_outcome(Document("x", SCHOOL_NEWS), None).json)["speakers"]
    assert (out[1]["date"], out[1]["publish_date"]) == ("2024-04-18", "2024-04-19")
    assert out[2]["source"]["path"] == "two.jsonl"
    assert (out[3]["code"], out[3]["line"]) == ("bad-jsonl", 2)
    assert (out[4]["code"], out[4]["path"]) == ("binary", "scan.txt")


@pytest.mark.parametrize(("data", "fragment"), [
    ({"publish_date": "2024-13-01"}, "body.publish_date"),
    ({"publish_date": "1713398400"}, "body.publish_date"),
    ({"publish_date": "null"}, "body.publish_date"),
])
def test_files_with_a_bad_publish_date_are_422(client: TestClient, data: dict, fragment: str) -> None:
    response = client.post("/v1/extract/files", files=[("files", ("a.txt", SHORT.encode("utf-8")))], data=data)

    assert (response.status_code, response.json()["code"]) == (422, "bad-request")
    assert fragment in response.json()["message"]


def test_files_need_a_file(client: TestClient) -> None:
    response = client.post("/v1/extract/files", data={"publish_date": "2024-04-19"})

    assert (response.status_code, response.json()["code"]) == (422, "bad-request")
    assert "body.files: Field required" in response.json()["message"]


def test_files_take_a_blank_publish_date_as_none(client: TestClient) -> None:
    response = client.post("/v1/extract/files", files=[("files", ("a.txt", SHORT.encode("utf-8")))],
                           data={"publish_date": ""})

    assert json_lines(response)[0]["publish_date"] is None


# --- /v1/validate -------------------------------------------------------------------------------------


def test_validate_reports_what_the_cli_reports(client: TestClient, tmp_path: Path) -> None:
    good = json.loads(client.post("/v1/extract", json={"id": "good", "text": SCHOOL_NEWS}).text)
    bad = json.loads(client.post("/v1/extract", json={"id": "bad", "text": SCHOOL_NEWS}).text)
    bad["speakers"][1]["name"] = bad["speakers"][0]["name"]
    bad["directives"][2]["number"] = 5
    records = [good, bad, "not a record"]
    sources = [{"id": "good", "text": SCHOOL_NEWS}, {"id": "bad", "text": SCHOOL_NEWS}]
    (tmp_path / "records.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                            encoding="utf-8")
    (tmp_path / "sources.jsonl").write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sources),
                                            encoding="utf-8")
    cli = CliRunner().invoke(main, ["validate", str(tmp_path / "records.jsonl"), "--sources",
                                    str(tmp_path / "sources.jsonl"), "--format", "json"])

    served = client.post("/v1/validate", json={"records": records, "sources": sources})

    assert served.status_code == 200
    expected = json.loads(cli.stdout)
    for problem in expected["problems"]:
        problem["file"] = "request"
    assert served.json() == expected
    assert {problem["check"] for problem in served.json()["problems"]} == {"consistency", "evidence", "schema"}


def test_validate_without_sources_checks_offsets_against_chars_only(client: TestClient) -> None:
    record = json.loads(client.post("/v1/extract", json={"id": "r", "text": SHORT}).text)
    record["chair"][0]["name"] = "王明"  # a value its evidence no longer covers: only the text can tell

    report = client.post("/v1/validate", json={"records": [record]}).json()

    assert report["summary"] == {"records": 1, "invalid": 0, "problems": 0, "unreadable": 0, "without_source": 1}


# --- about the service -----------------------------------------------------------------------------


def test_schema_and_version(client: TestClient) -> None:
    schema = client.get("/v1/schema").json()
    version = client.get("/v1/version").json()

    assert schema == record_schema()
    assert schema["$id"] == f"urn:meetingx:schema:meeting-record:{SCHEMA_VERSION}"
    assert version == {"name": "meetingx", "version": "0.1.0", "schema_version": SCHEMA_VERSION,
                       "rule_data_sha256": {"zh": Lexicon("zh").fingerprint(), "en": Lexicon("en").fingerprint()}}


def test_health(client: TestClient) -> None:
    assert client.get("/livez").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready", "workers": 1, "ready_workers": 1}


def test_the_openapi_document_declares_the_error_responses(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()

    assert spec["openapi"].startswith("3.1")
    for path in ("/v1/extract", "/v1/extract/batch", "/v1/extract/files", "/v1/validate"):
        assert {"200", "400", "413", "422"} <= set(spec["paths"][path]["post"]["responses"])
    assert {"500", "504"} <= set(spec["paths"]["/v1/extract"]["post"]["responses"])
    assert spec["paths"]["/readyz"]["get"]["responses"].keys() == {"200", "503"}


def test_the_docs_page_needs_no_network(client: TestClient) -> None:
    page = client.get("/docs").text
    script = page.split('<script src="')[1].split('"')[0]

    assert script.startswith("/") and "//" not in script
    assert client.get(script).status_code == 200


# --- extraction off the event loop; the time limit ------------------------------------------------------


def test_the_server_answers_while_a_document_is_extracted(app: FastAPI) -> None:
    long_report = SCHOOL_NEWS * 600  # a second or more of extraction

    async def scenario() -> tuple[bool, int, int]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://service") as client:
            extraction = asyncio.create_task(client.post("/v1/extract", json={"id": "long", "text": long_report},
                                                         timeout=None))
            await asyncio.sleep(0.2)  # let the request reach its worker
            live = await client.get("/livez")
            busy = not extraction.done()
            return busy, live.status_code, (await extraction).status_code

    assert asyncio.run(scenario()) == (True, 200, 200)


def test_a_document_over_the_time_limit_is_504() -> None:
    pool = WorkerPool(workers=1, timeout=0.001)
    try:
        client = TestClient(create_app(pool))

        response = client.post("/v1/extract", json={"id": "slow", "text": SCHOOL_NEWS * 50})
        batch = client.post("/v1/extract/batch", content=json.dumps({"id": "slow", "text": SCHOOL_NEWS},
                                                                    ensure_ascii=False).encode("utf-8"))
    finally:
        pool.close()

    assert response.status_code == 504
    assert response.json() == entry("timeout", "the extraction took longer than the limit of 0.001 s", id="slow")
    assert json_lines(batch) == [entry("timeout", "the extraction took longer than the limit of 0.001 s", id="slow")]


def test_readiness_waits_for_the_workers() -> None:
    pool = WorkerPool(workers=1)
    try:
        client = TestClient(create_app(pool))
        starting = client.get("/readyz")
        pool.wait_ready(300)
        ready = client.get("/readyz")
    finally:
        pool.close()

    assert (starting.status_code, starting.json()) == (503, {"status": "starting", "workers": 1, "ready_workers": 0})
    assert (ready.status_code, ready.json()["status"]) == (200, "ready")


def test_uploads_use_an_io_buffer_for_docx(client: TestClient) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in SCHOOL_NEWS.splitlines():
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)

    response = client.post("/v1/extract/files", files=[("files", ("minutes.docx", buffer.getvalue()))])

    record = json_lines(response)[0]
    assert (record["id"], record["source"]["path"]) == ("minutes", "minutes.docx")
    assert [speaker["name"] for speaker in record["speakers"]] == ["林建华", "欧阳振宇", "陈立新", "周慧敏"]
