"""The committed JSON Schema is the one the models generate, and records validate against it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from jsonschema import Draft202012Validator

import meetingx
from meetingx.cli import main
from meetingx.api import extract_document
from meetingx.reading import Document
from meetingx.reading.base import OcrInfo
from meetingx.record import BASE_VERSION, SCHEMA_VERSION
from meetingx.schema import SCHEMA_FILE, record_schema, schema_json

REPO = Path(__file__).resolve().parents[1]


def test_committed_schema_matches_the_models() -> None:
    committed = (REPO / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_json(), "run `meetingx schema > schemas/meeting-record.schema.json`"


def test_schema_id_carries_the_version() -> None:
    schema = record_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f":{SCHEMA_VERSION}")
    Draft202012Validator.check_schema(schema)


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == record_schema()


def test_every_key_is_required() -> None:
    schema = record_schema()
    assert set(schema["required"]) == set(schema["properties"])


def test_an_extracted_record_validates() -> None:
    text = "9月3日下午，学校在报告厅召开安全工作会议。党委书记林建华主持会议。"
    record = meetingx.extract(text, id="demo").to_json_dict()
    errors = list(Draft202012Validator(record_schema()).iter_errors(record))
    assert errors == []
    assert record["schema_version"] == BASE_VERSION  # no 1.3 key: the record meets 1.2
    assert "pages" not in record["source"] and "ocr" not in record["source"]
    assert record["chair"][0]["name"] == "林建华"


def test_a_record_with_pages_and_ocr_says_1_3_and_validates() -> None:
    text = "9月3日下午，学校在报告厅召开安全工作会议。\n党委书记林建华主持会议。"
    document = Document(id="scan", text=text, pages=(0, 23), ocr=OcrInfo("rapidocr-onnxruntime", "1.4.4", (1, 2)))
    record = extract_document(document).to_json_dict()
    assert record["schema_version"] == SCHEMA_VERSION == "1.3"
    assert record["source"]["pages"] == [0, 23]
    assert record["source"]["ocr"] == {"engine": "rapidocr-onnxruntime", "version": "1.4.4", "pages": [1, 2]}
    assert list(Draft202012Validator(record_schema()).iter_errors(record)) == []
