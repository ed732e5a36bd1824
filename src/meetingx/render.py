"""HTML pages that show a record beside its source text: the ``meetingx render`` command.

Each document gets one self-contained page (inline CSS and JS, nothing fetched): the source text
with every evidence span highlighted in its field's colour, a legend, the record as tables, the
record's warnings at the top, and every evidence entry listed. Clicking a value selects its spans in
the text and scrolls to them; clicking a span selects the values it is evidence for. ``index.html``
lists the pages.

Every piece of text from a document or a record goes through :func:`html.escape`, attributes
included, so a report that contains markup renders as inert text. Output depends only on the input:
the same records and texts give the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from meetingx.reading import InputError, iter_inputs
from meetingx.reading.base import Unreadable
from meetingx.reading.sources import SourceFinder

#: Fields in the order the legend and the tables show them.
FIELD_ORDER = ("title", "meeting_name", "organizer", "date", "date_text", "time_of_day",
               "publish_date", "venue", "chair", "speakers", "attendees", "agenda", "directives",
               "resolutions")
SCALAR_FIELDS = FIELD_ORDER[:8]

#: Highlight colours (background, edge) of the known fields.
FIELD_COLOURS = {
    "title": ("#ffe08a", "#b38600"),
    "meeting_name": ("#ffc9a8", "#c4540c"),
    "organizer": ("#f5c2e7", "#a3307f"),
    "date": ("#b8e0ff", "#1f6fb2"),
    "date_text": ("#c9d8ff", "#3450b5"),
    "time_of_day": ("#d4ccff", "#5b3fc4"),
    "publish_date": ("#d9e3ea", "#51697a"),
    "venue": ("#b9f0c9", "#1d8a45"),
    "chair": ("#ffb3b3", "#c02828"),
    "speakers": ("#ffd1dc", "#c2185b"),
    "attendees": ("#d7f5a8", "#5a8f00"),
    "agenda": ("#a8f0ec", "#00897b"),
    "directives": ("#f0d9b5", "#8d5a00"),
    "resolutions": ("#e2c8f5", "#7b1fa2"),
}
#: Colours for fields outside :data:`FIELD_COLOURS`, picked by a stable hash of the field name.
SPARE_COLOURS = (("#e0e0e0", "#616161"), ("#fff3b0", "#9e8600"), ("#c8f7f0", "#00796b"))

ABSENT = "—"
INDEX_NAME = "index.html"
#: Longest page name before ``.html``, in bytes: file systems allow 255, and a counter may follow.
MAX_STEM_BYTES = 120


@dataclass(frozen=True)
class Span:
    """One evidence entry of a record: a pointer into the values and a range of the text."""

    number: int
    pointer: str
    field: str
    start: int
    end: int
    rule: str
    confidence: float | None


@dataclass
class Page:
    """What one HTML page shows: a record, its source text (if found) and what went wrong."""

    id: str
    record: dict[str, Any]
    text: str | None
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Failure:
    """An input that gave no page: unreadable, or extraction failed."""

    id: str
    message: str


# --- collecting pages -----------------------------------------------------------------------------

def is_records_file(path: Path) -> bool:
    """Whether ``path`` is a JSON Lines file of records rather than of ``{id, text}`` documents:
    its first object has ``source`` and ``evidence``."""
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and "source" in first and "evidence" in first
    return False


def pages_from_documents(inputs: Sequence[str]) -> Iterator[Page | Failure]:
    """A page for every document of ``inputs`` (files, directories, document JSONL), extracted now."""
    from meetingx.api import extract_document

    for document in iter_inputs(inputs):
        if isinstance(document, InputError):
            yield Failure(document.id, f"{document.code}: {document.message}")
            continue
        try:
            record = extract_document(document, document.publish_date).to_json_dict()
        except Exception as error:  # one failing document must not stop the others' pages
            yield Failure(document.id, f"extract-failed: {type(error).__name__}: {error}")
            continue
        yield Page(id=document.id, record=record, text=document.text)


def pages_from_records(path: Path, finder: SourceFinder) -> Iterator[Page | Failure]:
    """A page for every record of a records JSON Lines file, with its source text (see
    :mod:`meetingx.reading.sources` for where it is looked for)."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield Failure(f"{path.name}:{number}", f"not JSON: {error.msg}")
                continue
            if not isinstance(record, dict) or "id" not in record:
                yield Failure(f"{path.name}:{number}", "not a record (a JSON object with an id)")
            elif "source" not in record and "code" in record:
                # An error entry of ``meetingx extract`` written among the records.
                yield Failure(str(record["id"]), f"{record['code']}: {record.get('message', '')}")
            else:
                yield _page_of_record(record, finder)


def _page_of_record(record: dict[str, Any], finder: SourceFinder) -> Page:
    record_id = str(record.get("id", ""))
    page = Page(id=record_id, record=record, text=None)
    try:
        found = finder.find(record)
    except Unreadable as error:
        page.problems.append(f"the source text cannot be read ({error.code}: {error.message}): spans cannot be shown")
        return page
    if found is None:
        page.problems.append("source text not found: spans cannot be shown"
                             + ("" if finder.confined else " (give --sources DIR)"))
    elif found.matches:
        page.text = found.text
    elif found.from_sources:
        page.text = found.text
        page.problems.append(f"the source text at {found.where} is not the one the record was made "
                             "from (sha256 differs): spans may be misplaced")
    else:
        # A file named by the record itself that is not its text is not shown: a record from
        # elsewhere must not put /etc/passwd into a page.
        page.problems.append(f"the file at source.path ({found.where}) is not the text the record was made from "
                             "(sha256 differs), so it is not shown; give --sources DIR to show a text anyway")
    return page


# --- spans and segments -----------------------------------------------------------------------

def pointer_segments(pointer: str) -> list[str]:
    """The reference tokens of an RFC 6901 JSON Pointer."""
    if not pointer.startswith("/"):
        return []
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]


def collect_spans(record: dict[str, Any], text: str | None) -> tuple[list[Span], list[str]]:
    """The record's evidence as spans in pointer order, and a problem for each entry that cannot
    be placed in the text."""
    evidence = record.get("evidence")
    spans: list[Span] = []
    problems: list[str] = []
    if not isinstance(evidence, dict):
        return spans, problems
    for pointer in sorted(evidence, key=_pointer_sort_key):
        entry = evidence[pointer]
        if not isinstance(entry, dict) or not isinstance(entry.get("start"), int) \
                or not isinstance(entry.get("end"), int):
            problems.append(f"evidence {pointer}: no start/end offsets")
            continue
        start, end = entry["start"], entry["end"]
        if text is not None and not 0 <= start <= end <= len(text):
            problems.append(f"evidence {pointer}: {start}–{end} is outside the text ({len(text)} characters)")
            continue
        segments = pointer_segments(pointer)
        confidence = entry.get("confidence")
        spans.append(Span(number=len(spans), pointer=pointer, field=segments[0] if segments else "",
                          start=start, end=end, rule=str(entry.get("rule", "")),
                          confidence=float(confidence) if isinstance(confidence, (int, float)) else None))
    return spans, problems


def _pointer_sort_key(pointer: str) -> tuple[int, str, list[tuple[int, int | str]]]:
    """Fields in :data:`FIELD_ORDER`, then list items by index (``/agenda/10`` after ``/agenda/9``)."""
    segments = pointer_segments(pointer)
    head = segments[0] if segments else ""
    rank = FIELD_ORDER.index(head) if head in FIELD_ORDER else len(FIELD_ORDER)
    return rank, head, [(0, int(s)) if s.isdigit() else (1, s) for s in segments[1:]]


def segment_text(text: str, spans: Sequence[Span]) -> list[tuple[str, list[Span]]]:
    """``text`` cut at every span boundary: each piece with the spans covering it, outermost
    (longest) first, so that overlapping spans render as properly nested elements."""
    boundaries = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    pieces = []
    for start, end in zip(boundaries, boundaries[1:]):
        covering = [s for s in spans if s.start <= start and end <= s.end and s.start < s.end]
        covering.sort(key=lambda s: (-(s.end - s.start), s.start, s.number))
        pieces.append((text[start:end], covering))
    return pieces


# --- HTML ---------------------------------------------------------------------------------------

def escape(value: object) -> str:
    """Text for HTML content and (double-quoted) attribute values."""
    return html.escape(str(value), quote=True)


def page_filenames(ids: Iterable[str]) -> list[str]:
    """A distinct, safe file name for each id, in order (ids may repeat or hold any character):
    letters, digits, ``.``, ``-`` and ``_`` only, at most :data:`MAX_STEM_BYTES` bytes of UTF-8
    before ``.html`` (a longer id is cut and gets a hash of itself, so that names stay distinct)."""
    names: list[str] = []
    taken = {INDEX_NAME}
    for page_id in ids:
        stem = re.sub(r"[^\w.-]+", "_", page_id).strip("._") or "document"
        if len(stem.encode("utf-8")) > MAX_STEM_BYTES:
            digest = hashlib.sha256(page_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
            stem = stem.encode("utf-8")[:MAX_STEM_BYTES - 13].decode("utf-8", "ignore") + "-" + digest
        name, number = f"{stem}.html", 1
        while name in taken:
            number += 1
            name = f"{stem}-{number}.html"
        taken.add(name)
        names.append(name)
    return names


class FieldClasses:
    """CSS classes and colours of the fields of one page: known fields first, in their order."""

    def __init__(self, fields: Iterable[str]) -> None:
        present = set(fields)
        known = [name for name in FIELD_ORDER if name in present]
        self.fields = known + sorted(present - set(known))
        self._classes = {name: f"f{number}" for number, name in enumerate(self.fields)}

    def css_class(self, field_name: str) -> str:
        return self._classes[field_name]

    @staticmethod
    def colours(field_name: str) -> tuple[str, str]:
        if field_name in FIELD_COLOURS:
            return FIELD_COLOURS[field_name]
        return SPARE_COLOURS[zlib.crc32(field_name.encode("utf-8")) % len(SPARE_COLOURS)]

    def css(self) -> str:
        rules = []
        for name in self.fields:
            background, edge = self.colours(name)
            rules.append(f".{self._classes[name]}{{--bg:{background};--edge:{edge}}}")
        return "\n".join(rules)


STYLE = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1d232a;background:#f6f7f9}
header{padding:10px 18px;background:#fff;border-bottom:1px solid #dde1e6}
header h1{font-size:17px;margin:0 0 4px}
header .meta{color:#5b6670;font-size:12px}
a{color:#1f5fb2}
.warnings{margin:8px 0 0;padding:6px 10px;background:#fff6e0;border:1px solid #f0c36d;border-radius:4px;list-style:none}
.warnings li{margin:2px 0}
.warnings code{background:#fbe3a6;padding:0 3px;border-radius:3px}
.problem{color:#a12a14}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
.legend span{border:1px solid var(--edge);background:var(--bg);border-radius:10px;padding:0 8px;font-size:12px}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:14px;padding:14px 18px;height:calc(100vh - var(--header,150px))}
.pane{background:#fff;border:1px solid #dde1e6;border-radius:6px;overflow:auto;padding:12px 16px;min-height:300px}
.source{white-space:pre-wrap;word-break:break-word;font-size:15px;line-height:2.3;margin:0;font-family:inherit}
mark{background:var(--bg);border-bottom:2px solid var(--edge);color:inherit;cursor:pointer;border-radius:2px;padding:2px 0 var(--pad,0)}
mark.selected,.value.selected{outline:2px solid #111;outline-offset:1px;background:#ffef5c}
h2{font-size:14px;margin:16px 0 6px;color:#3a4550;text-transform:uppercase;letter-spacing:.04em}
h2:first-child{margin-top:0}
table{border-collapse:collapse;width:100%;margin-bottom:6px;background:#fff}
th,td{border:1px solid #e3e6ea;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f5;font-weight:600;font-size:12px}
td:first-child{white-space:nowrap}
tr:has(.selected){background:#fffbd6}
.value{border-bottom:2px solid var(--edge,transparent);padding:0 1px}
.value[data-ev]{background:var(--bg);cursor:pointer}
.none{color:#9aa4ad}
details pre{white-space:pre-wrap;word-break:break-word;font-size:12px;background:#f6f7f9;padding:8px}
.index td:nth-child(n+3):nth-child(-n+6){text-align:right}
"""

SCRIPT = """
(function () {
  "use strict";
  function inSource(element) { return element.closest(".source") !== null; }
  function select(ids, fromSource) {
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    var target = null;
    ids.forEach(function (id) {
      document.querySelectorAll('[data-ev~="' + id + '"]').forEach(function (el) {
        el.classList.add("selected");
        if (target === null && inSource(el) !== fromSource) { target = el; }
      });
    });
    if (target !== null) { target.scrollIntoView({block: "center", inline: "nearest"}); }
  }
  function activate(event) {
    var element = event.target.closest("[data-ev]");
    if (element === null) { return; }
    select(element.getAttribute("data-ev").split(" "), inSource(element));
  }
  document.addEventListener("click", activate);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { activate(event); }
  });
  var header = document.querySelector("header");
  document.documentElement.style.setProperty("--header", header.offsetHeight + "px");
})();
"""


def _page_html(title: str, css: str, body: str, script: bool) -> str:
    parts = ["<!DOCTYPE html>\n<html lang=\"und\">\n<head>\n<meta charset=\"utf-8\">\n",
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
             f"<title>{escape(title)}</title>\n<style>{STYLE}{css}</style>\n</head>\n<body>\n", body]
    if script:
        parts.append(f"<script>{SCRIPT}</script>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts)


class PageWriter:
    """The HTML of one :class:`Page`."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.record = page.record
        self.spans, span_problems = collect_spans(page.record, page.text)
        self.problems = page.problems + span_problems
        self.classes = FieldClasses(span.field for span in self.spans)
        self.spans_by_pointer: dict[str, list[Span]] = defaultdict(list)
        for span in self.spans:
            self.spans_by_pointer[span.pointer].append(span)

    def html(self) -> str:
        title = self.record.get("title") or self.page.id
        body = "".join([self._header(), "<main>\n<section class=\"pane\" aria-label=\"source text\">",
                        self._source(), "</section>\n<section class=\"pane\" aria-label=\"record\">",
                        self._record_tables(), self._evidence_table(), self._raw_record(),
                        "</section>\n</main>\n"])
        return _page_html(f"{self.page.id} · {title}", self.classes.css(), body, script=True)

    # header: id, title, warnings, legend

    def _header(self) -> str:
        record = self.record
        meta = " · ".join(escape(part) for part in (
            record.get("kind"), record.get("lang"), (record.get("source") or {}).get("path"),
            f"{len(self.page.text)} characters" if self.page.text is not None else None) if part)
        parts = [f"<header>\n<h1>{escape(self.page.id)}: {self._plain(record.get('title'))}</h1>",
                 f"<div class=\"meta\"><a href=\"{INDEX_NAME}\">all documents</a> · {meta}</div>"]
        warnings = [w for w in record.get("warnings") or [] if isinstance(w, dict)]
        if warnings or self.problems:
            items = [f"<li><code>{escape(w.get('code', ''))}</code> {escape(w.get('message', ''))}"
                     + (f" <small>({escape(w['pointer'])})</small>" if w.get("pointer") else "") + "</li>"
                     for w in warnings]
            items += [f"<li class=\"problem\">render: {escape(problem)}</li>" for problem in self.problems]
            parts.append(f"<ul class=\"warnings\" aria-label=\"warnings\">{''.join(items)}</ul>")
        counts: dict[str, int] = defaultdict(int)
        for span in self.spans:
            counts[span.field] += 1
        legend = "".join(f"<span class=\"{self.classes.css_class(name)}\">{escape(name)} {counts[name]}</span>"
                         for name in self.classes.fields)
        if legend:
            parts.append(f"<div class=\"legend\" aria-label=\"legend\">{legend}</div>")
        return "\n".join(parts) + "\n</header>\n"

    # the source text with nested highlights

    def _source(self) -> str:
        text = self.page.text
        if text is None:
            return "<p class=\"none\">The source text was not found.</p>"
        placed = [span for span in self.spans if span.end > span.start]
        pieces = []
        for piece, covering in segment_text(text, placed):
            inner = escape(piece)
            # Innermost first: each enclosing mark gets more bottom padding, so nested edges stay visible.
            for depth, span in enumerate(reversed(covering)):
                padding = f" style=\"--pad:{depth * 4}px\"" if depth else ""
                inner = (f"<mark class=\"{self.classes.css_class(span.field)}\" data-ev=\"{span.number}\""
                         f" title=\"{escape(self._span_title(span))}\"{padding}>{inner}</mark>")
            pieces.append(inner)
        return f"<pre class=\"source\">{''.join(pieces)}</pre>"

    @staticmethod
    def _span_title(span: Span) -> str:
        confidence = "" if span.confidence is None else f" · {span.confidence:.2f}"
        return f"{span.pointer} · {span.rule}{confidence} · {span.start}–{span.end}"

    # the record as tables

    def _value(self, value: object, pointer: str) -> str:
        """A value as a table cell's content, clickable where evidence exists for its pointer."""
        content = self._plain(value)
        spans = self.spans_by_pointer.get(pointer, [])
        if not spans:
            return f"<span class=\"value\">{content}</span>"
        numbers = " ".join(str(span.number) for span in spans)
        return (f"<span class=\"value {self.classes.css_class(spans[0].field)}\" data-ev=\"{numbers}\" "
                f"tabindex=\"0\" title=\"{escape(pointer)}\">{content}</span>")

    @staticmethod
    def _plain(value: object) -> str:
        if value is None or value == "":
            return f"<span class=\"none\">{ABSENT}</span>"
        if isinstance(value, str):
            return escape(value)
        return escape(json.dumps(value, ensure_ascii=False))

    def _record_tables(self) -> str:
        record = self.record
        rows = "".join(f"<tr><th>{name}</th><td>{self._value(record.get(name), '/' + name)}</td></tr>"
                       for name in SCALAR_FIELDS)
        parts = [f"<h2>Meeting</h2><table>{rows}</table>"]
        for name in ("chair", "speakers"):
            parts.append(self._people(name, [p for p in record.get(name) or [] if isinstance(p, dict)]))
        for name in ("attendees", "agenda"):
            items = record.get(name) or []
            cells = "".join(f"<tr><td>{number}</td><td>{self._value(item, f'/{name}/{number - 1}')}</td></tr>"
                            for number, item in enumerate(items, 1))
            parts.append(f"<h2>{name} ({len(items)})</h2>" + (f"<table>{cells}</table>" if cells else ""))
        parts.append(self._directives([d for d in record.get("directives") or [] if isinstance(d, dict)]))
        parts.append(self._resolutions([r for r in record.get("resolutions") or [] if isinstance(r, dict)]))
        return "\n".join(parts)

    def _people(self, name: str, people: list[dict[str, Any]]) -> str:
        rows = []
        for index, person in enumerate(people):
            pointer = f"/{name}/{index}"
            roles = "、".join(self._value(role, f"{pointer}/roles/{number}")
                             for number, role in enumerate(person.get("roles") or []))
            rows.append(f"<tr><td>{self._value(person.get('name'), pointer + '/name')}</td>"
                        f"<td>{roles or self._plain(None)}</td>"
                        f"<td>{self._value(person.get('speech'), pointer + '/speech')}</td></tr>")
        table = f"<table><tr><th>name</th><th>roles</th><th>speech</th></tr>{''.join(rows)}</table>" if rows else ""
        return f"<h2>{name} ({len(people)})</h2>{table}"

    def _directives(self, directives: list[dict[str, Any]]) -> str:
        rows = "".join(
            f"<tr><td>{self._value(item.get('number'), f'/directives/{index}')}</td>"
            f"<td>{self._value(item.get('marker'), f'/directives/{index}/marker')}</td>"
            f"<td>{self._value(item.get('issuer'), f'/directives/{index}/issuer')}</td>"
            f"<td>{self._value(item.get('text'), f'/directives/{index}/text')}</td></tr>"
            for index, item in enumerate(directives))
        header = "<tr><th>#</th><th>marker</th><th>issuer</th><th>text</th></tr>"
        return f"<h2>directives ({len(directives)})</h2>" + (f"<table>{header}{rows}</table>" if rows else "")

    def _resolutions(self, resolutions: list[dict[str, Any]]) -> str:
        rows = []
        for index, item in enumerate(resolutions):
            pointer = f"/resolutions/{index}"
            votes = item.get("votes") if isinstance(item.get("votes"), dict) else None
            tally = ABSENT if votes is None else " / ".join(
                f"{key} {ABSENT if votes.get(key) is None else votes.get(key)}" for key in ("for", "against", "abstain"))
            rows.append(f"<tr><td>{self._value(item.get('number'), pointer)}</td>"
                        f"<td>{self._value(item.get('text'), pointer + '/text')}</td>"
                        f"<td>{self._value(tally, pointer + '/votes')}</td>"
                        f"<td>{self._value(item.get('passed'), pointer + '/passed')}</td></tr>")
        header = "<tr><th>#</th><th>text</th><th>votes</th><th>passed</th></tr>"
        return f"<h2>resolutions ({len(resolutions)})</h2>" + (f"<table>{header}{''.join(rows)}</table>" if rows else "")

    def _evidence_table(self) -> str:
        """Every evidence entry, so that spans of pointers the tables do not show are reachable too."""
        if not self.spans:
            return ""
        text = self.page.text
        rows = "".join(
            f"<tr><td><span class=\"value {self.classes.css_class(span.field)}\" data-ev=\"{span.number}\" "
            f"tabindex=\"0\">{escape(span.pointer)}</span></td>"
            f"<td>{escape(text[span.start:span.end]) if text is not None else self._plain(None)}</td>"
            f"<td>{escape(span.rule)}</td>"
            f"<td>{ABSENT if span.confidence is None else f'{span.confidence:.2f}'}</td>"
            f"<td>{span.start}–{span.end}</td></tr>"
            for span in self.spans)
        header = "<tr><th>pointer</th><th>text</th><th>rule</th><th>conf.</th><th>offsets</th></tr>"
        return f"<h2>evidence ({len(self.spans)})</h2><table>{header}{rows}</table>"

    def _raw_record(self) -> str:
        raw = json.dumps(self.record, ensure_ascii=False, indent=1, sort_keys=True)
        return f"<details><summary>record JSON</summary><pre>{escape(raw)}</pre></details>"


def index_html(pages: Sequence[tuple[str, Page]], failures: Sequence[Failure]) -> str:
    """The list of rendered documents with their counts and warnings, and the inputs that failed."""
    rows = []
    for filename, page in pages:
        record = page.record
        people = {p.get("name") for name in ("chair", "speakers")
                  for p in record.get(name) or [] if isinstance(p, dict) and p.get("name")}
        warnings = [w for w in record.get("warnings") or [] if isinstance(w, dict)]
        notes = [escape(w.get("code", "")) for w in warnings] + \
                [f"<span class=\"problem\">{escape(problem)}</span>" for problem in page.problems]
        rows.append(
            f"<tr><td><a href=\"{escape(quote(filename))}\">{escape(page.id)}</a></td>"
            f"<td>{PageWriter._plain(record.get('title'))}</td><td>{len(people)}</td>"
            f"<td>{len(record.get('directives') or [])}</td><td>{len(record.get('resolutions') or [])}</td>"
            f"<td>{len(warnings)}</td><td>{', '.join(notes)}</td></tr>")
    header = ("<tr><th>document</th><th>title</th><th>people</th><th>directives</th><th>resolutions</th>"
              "<th>warnings</th><th>warning codes</th></tr>")
    body = [f"<header>\n<h1>meetingx records</h1>\n<div class=\"meta\">{len(pages)} documents</div>\n",
            "</header>\n<div style=\"padding:14px 18px\">",
            f"<table class=\"index\">{header}{''.join(rows)}</table>"]
    if failures:
        items = "".join(f"<li><b>{escape(failure.id)}</b>: {escape(failure.message)}</li>" for failure in failures)
        body.append(f"<h2>not rendered ({len(failures)})</h2><ul class=\"warnings\">{items}</ul>")
    body.append("</div>\n")
    return _page_html("meetingx records", "", "".join(body), script=False)


def write_site(pages: Sequence[Page], failures: Sequence[Failure], output_dir: Path) -> list[Path]:
    """Writes a page per :class:`Page` and ``index.html`` into ``output_dir``; returns the pages' paths."""
    output_dir.mkdir(parents=True, exist_ok=True)
    paths = [output_dir / name for name in page_filenames(page.id for page in pages)]
    # "replace": a lone surrogate (JSON allows "\ud800" in an id or a value) is no character.
    for path, page in zip(paths, pages):
        path.write_bytes(PageWriter(page).html().encode("utf-8", "replace"))
    (output_dir / INDEX_NAME).write_bytes(
        index_html([(path.name, page) for path, page in zip(paths, pages)], failures).encode("utf-8", "replace"))
    return paths


def render(inputs: Sequence[str], output_dir: Path, sources: Path | None = None) -> tuple[list[Path], list[Failure]]:
    """Renders every input: a records JSON Lines file record by record, anything else (files,
    directories, document JSONL) by extracting it now. Returns the pages written and the failures."""
    pages: list[Page] = []
    failures: list[Failure] = []
    finder = SourceFinder(sources)
    for spec in inputs:
        path = Path(spec)
        items = pages_from_records(path, finder) if is_records_file(path) else pages_from_documents([spec])
        for item in items:
            if isinstance(item, Page):
                pages.append(item)
            else:
                failures.append(item)
    return write_site(pages, failures, output_dir), failures
