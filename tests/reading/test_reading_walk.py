"""Directory inputs: every file read or reported, ids from relative paths and never shared,
symbolic links, unreadable folders, hidden files."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from PIL import Image

from meetingx.cli import main
from meetingx.reading import Document, InputError, iter_inputs
from meetingx.reading import doc, walk
from pdfs import text_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
TEXT = "2024年5月20日上午，区水务局召开防汛工作部署会。局长赵卫东主持会议。"
PAGE = "<html><body><article><p>" + TEXT + "</p></article></body></html>"


def summary(items: list[Document | InputError]) -> list[tuple[str, str]]:
    return [(item.id, item.code if isinstance(item, InputError) else "ok") for item in items]


def office_folder(root: Path) -> Path:
    """A folder with a file of every type meetingx reads, unknown types, JSON Lines, duplicate
    stems, symbolic links that dangle and loop, and hidden files."""
    def write(relative: str, content: str | bytes) -> Path:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    write("a/report.txt", TEXT)
    write("b/report.txt", TEXT.encode("gb18030"))
    write("notice.txt", TEXT.encode("utf-16"))
    write("notice.html", PAGE)  # same id as notice.txt, which is sorted after it: a duplicate
    write("page.htm", PAGE)
    word = docx.Document()
    word.add_paragraph(TEXT)
    word.save(str(root / "minutes.docx"))
    shutil.copy(FIXTURES / "report.doc", root / "legacy.doc")
    shutil.copy(FIXTURES / "report.rtf", root / "letter.rtf")
    text_pdf(root / "printed.pdf", [[(72, 100, "The board met on 3 March 2024.")]])
    for name in ("photo.png", "scan.jpg", "fax.tif"):
        Image.new("RGB", (300, 400), "white").save(root / name)
    write("batch.jsonl", json.dumps({"id": "j1", "text": TEXT}, ensure_ascii=False) + "\n"
          + json.dumps({"id": "a/report", "text": TEXT}, ensure_ascii=False) + "\n")
    write("more.ndjson", json.dumps({"id": "j2", "text": TEXT}, ensure_ascii=False) + "\n")
    write("budget.xlsx", b"PK\x03\x04 a spreadsheet")
    write("notes.md", "# notes")
    write("README", "no suffix")
    write(".hidden.txt", TEXT)
    write(".git/config", "[core]")
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    (root / "self.txt").symlink_to(root / "self.txt")
    return root


def expected(doc_code: str) -> list[tuple[str, str]]:
    return [
        ("README", "unsupported"), ("a/report", "ok"), ("b/report", "ok"), ("j1", "ok"),
        ("a/report", "duplicate-id"), ("budget", "unsupported"), ("fax", "ok"), ("gone", "not-found"),
        ("legacy", doc_code), ("letter", "ok"), ("loop", "unreadable"), ("minutes", "ok"), ("j2", "ok"),
        ("notes", "unsupported"), ("notice", "ok"), ("notice", "duplicate-id"), ("page", "ok"),
        ("photo", "ok"), ("printed", "ok"), ("scan", "ok"), ("self", "unreadable"),
    ]


def test_every_file_is_read_or_reported(tmp_path: Path, stub_ocr) -> None:
    root = office_folder(tmp_path / "office")

    items = list(iter_inputs([str(root)]))

    assert summary(items) == expected("ok" if doc.converters() else "unsupported")
    by_path = {Path(item.path).relative_to(root).as_posix(): item for item in items if item.path}
    assert by_path["notice.html"].text == TEXT and by_path["b/report.txt"].encoding == "gb18030"
    assert "another document has this id: the one from" in by_path["notice.txt"].message
    assert "dangling symbolic link" in by_path["gone.txt"].message
    assert "leads back to a folder that contains it" in by_path["loop"].message
    assert ".xlsx files" in by_path["budget.xlsx"].message
    assert not any(".hidden" in (item.path or "") or ".git" in (item.path or "") for item in items)


def test_extract_on_the_folder_accounts_for_every_file(tmp_path: Path, stub_ocr) -> None:
    root = office_folder(tmp_path / "office")
    want = expected("ok" if doc.converters() else "unsupported")
    records, errors = tmp_path / "records.jsonl", tmp_path / "errors.jsonl"

    result = CliRunner().invoke(main, ["extract", str(root), "-o", str(records), "--errors", str(errors)])

    written = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    entries = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == 1
    assert len(written) + len(entries) == len(want)
    assert sorted(r["id"] for r in written) == sorted(i for i, code in want if code == "ok")
    assert sorted((e["id"], e["code"]) for e in entries) == sorted((i, c) for i, c in want if c != "ok")
    assert f"{len(want)} documents, {len(written)} records, {len(entries)} errors" in result.output


def test_unreadable_subfolder_is_an_error_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "open.txt").write_text(TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # root may read any folder: deny this one as the OS would
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)

    items = list(iter_inputs([str(tmp_path)]))

    assert summary(items) == [("locked", "unreadable"), ("open", "ok")]
    assert "Permission denied" in items[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without read permission")
def test_folder_without_permission_is_an_error_entry(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert summary(list(iter_inputs([str(tmp_path)]))) == [("locked", "unreadable")]
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize(("specs", "result"), [
    (["a/x.txt", "b/x.txt"], [("x", "ok"), ("x", "duplicate-id")]),
    (["a", "b"], [("x", "ok"), ("x", "duplicate-id")]),
    (["."], [("a/x", "ok"), ("b/x", "ok")]),
    (["a", "b/x.txt"], [("x", "ok"), ("x", "duplicate-id")]),
], ids=["two-files", "two-folders", "one-root", "folder-and-file"])
def test_ids_never_repeat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, specs: list[str], result: list) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert summary(list(iter_inputs(specs))) == result


def test_a_hidden_file_given_by_its_path_is_read(tmp_path: Path) -> None:
    (tmp_path / ".draft.txt").write_text(TEXT, encoding="utf-8")
    assert summary(list(iter_inputs([str(tmp_path / ".draft.txt")]))) == [(".draft", "ok")]
