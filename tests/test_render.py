"""``meetingx render``: nested highlights, escaping, records files, and the pages in a real browser."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from meetingx.cli import main
from meetingx.render import SCRIPT, Page, PageWriter, collect_spans, segment_text, write_site

FIXTURES = Path(__file__).parent / "fixtures" / "render"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def make_record(doc_id: str, text: str, values: dict[str, Any], evidence: dict[str, tuple[int, int]],
                warnings: list[dict[str, Any]] | None = None, kind: str = "news",
                path: str | None = None) -> dict[str, Any]:
    """A complete record (as ``record.to_json_dict()`` gives it) with hand-placed evidence."""
    record: dict[str, Any] = {
        "schema_version": "1.0", "id": doc_id, "lang": "zh", "kind": kind,
        "title": None, "meeting_name": None, "organizer": None, "date": None, "date_text": None,
        "time_of_day": None, "publish_date": None, "venue": None, "chair": [], "speakers": [],
        "attendees": [], "agenda": [], "directives": [], "resolutions": [],
    }
    record.update(values)
    record["evidence"] = {pointer: {"start": start, "end": end, "rule": "test.hand-placed", "confidence": 0.9}
                          for pointer, (start, end) in evidence.items()}
    record["source"] = {"path": path, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                        "chars": len(text), "encoding": "utf-8"}
    record["warnings"] = warnings or []
    record["extractor"] = {"name": "meetingx", "version": "test"}
    return record


def string_values(value: Any, pointer: str = "") -> list[tuple[str, Any]]:
    """Every (pointer, leaf value) of a JSON value, except list item numbers."""
    if isinstance(value, dict):
        return [item for key, child in value.items() if key != "number"
                for item in string_values(child, f"{pointer}/{key}")]
    if isinstance(value, list):
        return [item for index, child in enumerate(value) for item in string_values(child, f"{pointer}/{index}")]
    return [(pointer, value)] if value is not None else []


def fixture_record(name: str) -> tuple[str, dict[str, Any]]:
    """A fixture text and its hand-made record. Each string value's evidence is its first
    occurrence, or its occurrence inside the fixture's anchor for that pointer; a normalised value
    (date, votes, ...) gets its anchor's span."""
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    fixture = json.loads((FIXTURES / f"{name}.values.json").read_text(encoding="utf-8"))
    evidence = {}
    for pointer, value in string_values(fixture["values"]):
        anchor = fixture["anchors"].get(pointer)
        if anchor is None and not isinstance(value, str):
            continue
        anchor_start = text.index(anchor if anchor is not None else value)
        if isinstance(value, str) and anchor is not None and value in anchor:
            start = anchor_start + anchor.index(value)
            evidence[pointer] = (start, start + len(value))
        else:
            evidence[pointer] = (anchor_start, anchor_start + len(anchor or value))
    for pointer, anchor in fixture["anchors"].items():  # pointers to non-leaf values, e.g. votes
        if pointer not in evidence:
            evidence[pointer] = (text.index(anchor), text.index(anchor) + len(anchor))
    return text, make_record(name, text, fixture["values"], evidence, fixture["warnings"], fixture["kind"],
                             str(FIXTURES / f"{name}.txt"))


VOID_ELEMENTS = {"meta", "link", "br", "hr", "img", "input", "wbr", "source", "area", "base", "col", "embed"}


class MarkedText(HTMLParser):
    """Reads a rendered page: the text inside each evidence span of the source, every start tag,
    and the contents of script elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.in_source = False
        self.span_text: dict[str, str] = {}
        self.start_tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.source_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start_tags.append((tag, attrs))
        attributes = dict(attrs)
        if tag == "pre" and attributes.get("class") == "source":
            self.in_source = True
        if tag in VOID_ELEMENTS:
            return
        self.stack.append((tag, attributes.get("data-ev") if tag == "mark" else None))
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag == "pre":
            self.in_source = False

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "script":
            self.scripts[-1] += data
        if not self.in_source:
            return
        self.source_text += data
        for _, number in self.stack:
            if number is not None:
                self.span_text[number] = self.span_text.get(number, "") + data


def parse(page: str) -> MarkedText:
    parser = MarkedText()
    parser.feed(page)
    parser.close()
    return parser


def test_overlapping_spans_each_render_whole() -> None:
    text = "3月4日下午，学院在行政楼会议室召开部署会。"
    # Nested (time_of_day in date_text), crossing (title across the end of venue) and equal spans.
    evidence = {"/date_text": (0, 6), "/time_of_day": (4, 6), "/venue": (10, 16), "/title": (13, 21),
                "/meeting_name": (16, 21), "/agenda/0": (7, 22)}
    record = make_record("overlap", text, {"date_text": text[0:6], "venue": text[10:16]}, evidence)

    page = PageWriter(Page("overlap", record, text)).html()
    parsed = parse(page)

    assert parsed.source_text == text
    spans, problems = collect_spans(record, text)
    assert not problems
    for span in spans:
        assert parsed.span_text[str(span.number)] == text[span.start:span.end], span.pointer
    pieces = [(piece, [span.pointer for span in covering]) for piece, covering in segment_text(text, spans)]
    assert pieces == [
        ("3月4日", ["/date_text"]), ("下午", ["/date_text", "/time_of_day"]), ("，", []),
        ("学院在", ["/agenda/0"]), ("行政楼", ["/agenda/0", "/venue"]),
        ("会议室", ["/agenda/0", "/title", "/venue"]), ("召开部署会", ["/agenda/0", "/title", "/meeting_name"]),
        ("。", ["/agenda/0"])]


def test_spans_outside_the_text_are_reported_not_drawn() -> None:
    text = "会议在北京召开。"
    record = make_record("bad", text, {"venue": "北京"}, {"/venue": (3, 5), "/title": (5, 99)})
    parsed = parse(PageWriter(Page("bad", record, text)).html())
    assert set(parsed.span_text) == {"0"}
    assert "outside the text" in PageWriter(Page("bad", record, text)).html()


HOSTILE = '<script>alert(1)</script> "quoted" <img src=x onerror=alert(1)> </pre></textarea>'


def hostile_page() -> tuple[str, dict[str, Any]]:
    text = f"校党委召开会议{HOSTILE}。张三主持会议。"
    start = text.index("<script>")
    values = {"title": f'"><script>alert(2)</script>{HOSTILE}', "venue": text[start:start + 25],
              "chair": [{"name": "张三", "roles": ['<img src=x onerror="alert(3)">']}],
              "agenda": [HOSTILE]}
    record = make_record('evil"<script>alert(4)</script>', text, values,
                         {"/venue": (start, start + 25), '/x"><img src=x onerror=alert(5)>': (0, 3),
                          "/chair/0/name": (text.index("张三"), text.index("张三") + 2)},
                         [{"code": "<b>code</b>", "message": HOSTILE, "pointer": '"><script>alert(6)</script>'}])
    return text, record


def test_hostile_text_renders_inert(tmp_path: Path) -> None:
    text, record = hostile_page()
    [page_path] = write_site([Page(record["id"], record, text)], [], tmp_path)

    for path in (page_path, tmp_path / "index.html"):
        output = path.read_text(encoding="utf-8")
        assert "<script>alert" not in output and "<img" not in output and "<b>" not in output
        parsed = parse(output)
        tags = [tag for tag, _ in parsed.start_tags]
        assert "img" not in tags and "textarea" not in tags and "b" not in tags
        assert not [name for _, attrs in parsed.start_tags for name, _ in attrs if name.startswith("on")]
        if path == page_path:
            assert parsed.scripts == [SCRIPT]
            assert tags.count("pre") == 2  # the source text and the record JSON
            assert HOSTILE in parsed.source_text
        else:
            assert parsed.scripts == []


def test_output_is_deterministic(tmp_path: Path) -> None:
    pages = [Page(name, record, text) for name in ("school-term", "board-resolutions")
             for text, record in [fixture_record(name)]]
    write_site(pages, [], tmp_path / "first")
    write_site(pages, [], tmp_path / "second")
    for first in sorted((tmp_path / "first").iterdir()):
        assert first.read_bytes() == (tmp_path / "second" / first.name).read_bytes()


def test_cli_renders_records_file_with_sources(tmp_path: Path) -> None:
    text, record = fixture_record("flood-season")
    record["source"]["path"] = None
    moved, stale = dict(record, id="moved"), dict(record, id="stale")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "flood-season.txt").write_text(text, encoding="utf-8")
    (sources / "stale.txt").write_text(text + "后来补充的一段。", encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (record, moved, stale))
                       + '\n{"id": "x", "path": null, "line": null, "code": "empty", "message": "no text"}\n',
                       encoding="utf-8")

    result = CliRunner().invoke(main, ["render", str(records), "-o", str(tmp_path / "site"),
                                       "--sources", str(sources)])

    assert result.exit_code == 1, result.output  # the error entry gave no page
    assert "not rendered: x: empty: no text" in result.output
    site = tmp_path / "site"
    assert sorted(p.name for p in site.iterdir()) == ["flood-season.html", "index.html", "moved.html", "stale.html"]
    good = parse((site / "flood-season.html").read_text(encoding="utf-8"))
    assert good.source_text == text and len(good.span_text) == len(record["evidence"])
    assert "source text not found" in (site / "moved.html").read_text(encoding="utf-8")
    assert "sha256 differs" in (site / "stale.html").read_text(encoding="utf-8")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="flood-season.html"' in index and "numbering.short-list" in index


def chromium() -> str | None:
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


#: Appended to a copy of a page: clicks whatever is drawn at the centre of the first span and of a
#: directive (or resolution) value, as a person would, and writes what got selected into the DOM.
TEST_HOOK = """<script>
(function () {
  function clickAt(element) {
    element.scrollIntoView({block: "center"});
    var box = element.getClientRects()[0];
    var hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    hit.click();
    return hit;
  }
  function count(selector) { return document.querySelectorAll(selector).length; }
  var result = {marks: count(".source mark[data-ev]"), pwned: window.pwned || null};
  var span = document.querySelector(".source mark[data-ev]");
  var hit = clickAt(span);
  result.spanHit = hit.closest("[data-ev]") ? hit.closest("[data-ev]").getAttribute("data-ev") : null;
  result.rowsAfterSpanClick = count("[aria-label=record] tr:has(.selected)");
  var value = document.querySelector('[title="/directives/1/text"], [title="/resolutions/1/text"]') ||
              document.querySelector("[aria-label=record] .value[data-ev]");
  var valueHit = clickAt(value);
  result.valueHit = valueHit.closest("[data-ev]").getAttribute("data-ev");
  result.valueText = value.textContent;
  result.selectedSpanText = Array.prototype.map.call(
      document.querySelectorAll(".source mark.selected"), function (m) { return m.textContent; }).join("");
  var source = document.querySelector(".source").closest(".pane");
  var mark = document.querySelector(".source mark.selected").getBoundingClientRect();
  var pane = source.getBoundingClientRect();
  result.selectedSpanVisible = mark.top >= pane.top && mark.bottom <= pane.bottom;
  var out = document.createElement("pre");
  out.id = "mx-test-result";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
})();
</script>
"""


def run_chromium(browser: str, page: Path, profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", f"--user-data-dir={profile}", "--window-size=1400,900", *arguments,
         page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True)


@pytest.mark.skipif(chromium() is None, reason=f"no Chromium found (looked for {', '.join(CHROMIUM_NAMES)}); "
                                               "apt-get install chromium")
@pytest.mark.parametrize("name", ["school-term", "board-resolutions", "flood-season", "hostile"])
def test_pages_in_headless_chromium(tmp_path: Path, name: str) -> None:
    browser = chromium()
    assert browser is not None
    text, record = hostile_page() if name == "hostile" else fixture_record(name)
    [page_path] = write_site([Page(record["id"], record, text)], [], tmp_path / "site")
    hooked = tmp_path / "site" / f"hooked-{page_path.name}"
    page = page_path.read_text(encoding="utf-8")
    hooked.write_text(page.replace("</body>", TEST_HOOK + "</body>"), encoding="utf-8")

    dom = run_chromium(browser, hooked, tmp_path / "profile", "--dump-dom").stdout
    found = re.search(r'<pre id="mx-test-result">(.*?)</pre>', dom)
    assert found, dom[-2000:]
    result = json.loads(html.unescape(found.group(1)))

    assert result["pwned"] is None
    assert result["marks"] >= len(record["evidence"])
    assert result["spanHit"] is not None, "the first span is covered by something else"
    assert result["rowsAfterSpanClick"] >= 1, "clicking a span selects no table row"
    assert result["selectedSpanText"], "clicking a value selects no span"
    assert result["selectedSpanText"] == result["valueText"]
    assert result["selectedSpanVisible"], "the selected span was not scrolled into view"

    screenshot = tmp_path / f"{name}.png"
    run_chromium(browser, hooked, tmp_path / "profile", f"--screenshot={screenshot}")
    assert screenshot.stat().st_size > 10_000
