"""validate and render read a record's source as extract read it, and only where allowed;
extract --save-texts keeps the texts records index."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from urllib.parse import quote

import docx
import pytest
from click.testing import CliRunner
from PIL import Image

from meetingx.cli import main
from meetingx.reading import Document, InputError
from meetingx.reading.sources import SourceFinder, saving_texts, text_file
from pdfs import image_pdf, text_pdf

TEXT = "2024年5月20日上午，区水务局在三楼会议室召开防汛工作部署会。局长赵卫东主持会议。"
SECRET = "不该出现在页面里的内容"


def inputs_of_every_kind(root: Path) -> Path:
    root.mkdir()
    (root / "gb.txt").write_bytes(TEXT.encode("gb18030"))
    (root / "big5.txt").write_bytes("2024年5月20日上午，區水務局召開防汛工作部署會。局長趙衛東主持會議。".encode("big5"))
    (root / "utf16.txt").write_bytes(TEXT.encode("utf-16"))
    (root / "crlf.txt").write_bytes(("标题\r\n" + TEXT + "\r\n").encode("utf-8"))
    (root / "page.html").write_text(f"<html><head><title>防汛会</title></head><body><article><p>{TEXT}</p>"
                                    "</article></body></html>", encoding="utf-8")
    word = docx.Document()
    word.add_paragraph(TEXT)
    word.save(str(root / "word.docx"))
    text_pdf(root / "printed.pdf", [[(72, 100, "The Springfield School Board met on 3 March 2024.")]])
    image_pdf(root / "scan.pdf", [Image.new("RGB", (850, 1100), "white")])
    Image.new("RGB", (850, 1100), "white").save(root / "photo.png")
    (root / "batch.jsonl").write_text(json.dumps({"id": "line-1", "text": TEXT}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return root


def run(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(arguments))
    return result.exit_code, result.output


@pytest.fixture
def extracted(tmp_path: Path, stub_ocr) -> tuple[Path, Path, Path]:
    """Records of inputs of every kind, the inputs' folder and the texts saved by --save-texts."""
    root = inputs_of_every_kind(tmp_path / "inputs")
    records, texts = tmp_path / "records.jsonl", tmp_path / "texts"
    code, output = run("extract", str(root), "-o", str(records), "--save-texts", str(texts))
    assert code == 0, output
    return records, root, texts


def test_validate_accepts_records_of_every_kind_of_input(extracted: tuple[Path, Path, Path]) -> None:
    records, root, texts = extracted
    ids = [json.loads(line)["id"] for line in records.read_text(encoding="utf-8").splitlines()]
    assert ids == ["line-1", "big5", "crlf", "gb", "page", "photo", "printed", "scan", "utf16", "word"]

    for arguments in ([], ["--sources", str(root)], ["--sources", str(texts)]):
        code, output = run("validate", str(records), *arguments)
        assert (code, output.splitlines()[-1]) == (0, "10 records, 0 invalid, 0 problems"), (arguments, output)


def test_validate_from_another_working_directory(extracted: tuple[Path, Path, Path], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    records, root, _ = extracted
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert run("validate", str(records), "--sources", str(root))[0] == 0


def test_saved_texts_are_the_texts_records_index(extracted: tuple[Path, Path, Path]) -> None:
    records, _, texts = extracted
    for line in records.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        saved = (texts / f"{record['id']}.txt").read_bytes().decode("utf-8")
        assert len(saved) == record["source"]["chars"]
    assert (texts / "crlf.txt").read_bytes() == ("标题\r\n" + TEXT + "\r\n").encode("utf-8")


@pytest.mark.parametrize("tamper", ["value", "source-text"])
def test_validate_still_catches_tampering(extracted: tuple[Path, Path, Path], tamper: str) -> None:
    records, root, _ = extracted
    lines = records.read_text(encoding="utf-8").splitlines()
    if tamper == "value":
        record = json.loads(lines[3])  # gb
        record["chair"][0]["name"] = "赵卫西"
        lines[3] = json.dumps(record, ensure_ascii=False)
        records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        (root / "word.docx").unlink()
        word = docx.Document()
        word.add_paragraph(TEXT.replace("三楼", "四楼"))
        word.save(str(root / "word.docx"))
    code, output = run("validate", str(records))
    assert code == 1
    assert ("not the value '赵卫西'" if tamper == "value" else "word /source/sha256") in output


def record_with(record_id: str, path: str | None, text: str = TEXT) -> dict:
    import meetingx

    record = meetingx.extract(text, id=record_id).to_json_dict()
    record["source"]["path"] = path
    return record


@pytest.mark.parametrize("record_id", ["../secret", "/etc/secret", "sub/../../secret", "..", "", "\x00"])
def test_sources_never_read_outside_the_directory(tmp_path: Path, record_id: str) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (sources / "link.txt").symlink_to(tmp_path / "secret.txt")
    finder = SourceFinder(sources)
    assert finder.find(record_with(record_id, str(tmp_path / "secret.txt"))) is None
    assert finder.find(record_with("link", None)) is None  # a link out of the directory


def test_an_id_with_folders_is_found_under_sources(tmp_path: Path) -> None:
    (tmp_path / "2024" / "05").mkdir(parents=True)
    (tmp_path / "2024" / "05" / "flood.txt").write_text(TEXT, encoding="utf-8")
    found = SourceFinder(tmp_path).find(record_with("2024/05/flood", None))
    assert found is not None and found.matches and found.text == TEXT


def test_source_path_is_read_only_without_sources_and_only_if_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    record = record_with("report", str(tmp_path / "report.txt"))
    assert SourceFinder(None).find(record).matches
    (tmp_path / "elsewhere").mkdir()
    assert SourceFinder(tmp_path / "elsewhere").find(record) is None  # with --sources, source.path is not read
    os.mkfifo(tmp_path / "pipe")
    assert SourceFinder(None).find(record_with("pipe", str(tmp_path / "pipe"))) is None


def test_render_never_shows_a_file_the_record_points_at_that_is_not_its_text(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record_with("report", str(tmp_path / "secret.txt")), ensure_ascii=False) + "\n"
                       + json.dumps(record_with("../secret", None), ensure_ascii=False) + "\n"
                       + json.dumps(record_with(str(tmp_path / "secret"), None), ensure_ascii=False) + "\n",
                       encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()

    for arguments in ([], ["--sources", str(sources)]):
        site = tmp_path / f"site{len(arguments)}"
        code, output = run("render", str(records), "-o", str(site), *arguments)
        assert code == 0, output
        pages = [path.read_text(encoding="utf-8") for path in site.iterdir()]
        assert len(pages) == 4 and not any(SECRET in page for page in pages)


def test_render_never_shows_etc_passwd(tmp_path: Path) -> None:
    if not Path("/etc/passwd").is_file():
        pytest.skip("no /etc/passwd here")
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record_with("passwd", "/etc/passwd"), ensure_ascii=False) + "\n", encoding="utf-8")
    code, output = run("render", str(records), "-o", str(tmp_path / "site"))
    assert code == 0, output
    page = (tmp_path / "site" / "passwd.html").read_text(encoding="utf-8")
    assert "root:" not in page and "not shown" in page


def test_render_gives_odd_ids_safe_bounded_names_linked_from_the_index(tmp_path: Path) -> None:
    ids = ["会" * 200, "x" * 300, "a/b\\c", "..", "", "\ud800", "con:1", "index"]
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(record_with(i, None)) + "\n" for i in ids), encoding="utf-8")
    site = tmp_path / "site"

    code, output = run("render", str(records), "-o", str(site))

    assert code == 0, output
    names = sorted(path.name for path in site.iterdir() if path.name != "index.html")
    assert len(names) == len(ids)
    assert all(len(name.encode("utf-8")) <= 255 and "/" not in name for name in names)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{html.escape(quote(name))}"' in index for name in names)


@pytest.mark.parametrize(("record_id", "path"), [
    ("report", "report.txt"), ("2024/05/report", "2024/05/report.txt"), ("report.pdf", "report.pdf.txt"),
    ("../x", None), ("/abs", None), ("a//b", None), (".hidden", None), ("a/./b", None), ("x" * 300, None),
])
def test_text_file(tmp_path: Path, record_id: str, path: str | None) -> None:
    assert text_file(tmp_path, record_id) == (tmp_path / path if path else None)


def test_saving_texts_turns_an_id_without_a_file_into_an_error_entry(tmp_path: Path) -> None:
    items = [Document(id="ok", text=TEXT), Document(id="../escape", text=TEXT),
             InputError(id="bad", path=None, code="empty", message="no text")]
    out = list(saving_texts(items, tmp_path / "texts"))
    assert [(item.id, getattr(item, "code", "ok")) for item in out] == [("ok", "ok"), ("../escape", "bad-id"), ("bad", "empty")]
    assert (tmp_path / "texts" / "ok.txt").read_text(encoding="utf-8") == TEXT
    assert not (tmp_path / "escape.txt").exists()


def test_sources_jsonl_with_a_lone_surrogate_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record_with("r", None)) + "\n", encoding="utf-8")
    sources = tmp_path / "sources.jsonl"
    sources.write_text('{"id": "r", "text": "\\ud800' + TEXT + '"}\n', encoding="utf-8")

    result = CliRunner().invoke(main, ["validate", str(records), "--sources", str(sources)])

    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    assert result.exit_code in (0, 1, 2)
    assert result.output.splitlines()[-1].startswith("1 records")
