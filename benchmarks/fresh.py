#!/usr/bin/env python3
"""CPU time of one pass over the same reports, each read once in a fresh process: meetingx beside
``jieba.posseg``, LAC's model over the whole text, and a one-pass regex scan; and how long the
command takes to start.

    python3 benchmarks/fresh.py [--runs 3] [--min-chars 1500] [--max-chars 2500] [--no-tagger] [--only NAME]

The reports are those of ``../shared/corpus/bulk/reports.jsonl`` of 1,500-2,500 characters (66 of
them; ``benchmarks/run.py`` runs the same measurement on its corpus). Each contender runs in a
Python process of its own, started for it: it loads what it needs (meetingx: its pipeline and the
LAC model; jieba: its dictionary), outside the clock, then reads
every report once, on the clock (``time.process_time``: CPU seconds of the process, every thread).
No answer is cached from an earlier pass. Each contender runs ``--runs`` times, in turns, and its
fastest run counts (the machine is shared: load only adds time). The contenders:

- meetingx: ``meetingx.batch.run_batch`` as ``meetingx extract --timeout 0`` runs it, to record
  JSON lines (their sha256 is printed, so that two commits can be compared); then, on a clock of
  its own, ``meetingx.validate.validate_record`` over each line;
- ``jieba.posseg``: ``list(jieba.posseg.cut(text))``;
- LAC over the whole text: the model meetingx runs (one thread) over every character of the
  report, decoded to person names;
- a one-pass regex scan: every title and trigger verb of meetingx's lexicons found in the text,
  one ``findall`` of one pattern.

Start-up: ``meetingx --help``, and ``meetingx extract`` of a one-sentence report to its first record
(wall time, and CPU seconds of the process and its workers), best of ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BULK = REPO.parent / "shared" / "corpus" / "bulk" / "reports.jsonl"
COLD_TEXT = "国务院总理李强7月31日主持召开国务院常务会议，研究部署有关工作。"

#: What each contender's process runs: ``texts`` (the reports' texts) and ``documents`` (the same
#: as meetingx Documents) are given; it prints a JSON object with its ``cpu_s``.
CONTENDERS: dict[str, str] = {
    "meetingx": """
from meetingx import batch, tagger
from meetingx.reading import Document
from meetingx.validate import validate_record
batch.run_batch([Document(id="load", text=COLD_TEXT)], lambda line: None, lambda error: None, tagger=TAGGER)
if TAGGER:
    tagger._tagger()
# (commits before the tagger answered batches kept its answers in an lru_cache)
(getattr(tagger, "forget", None) or tagger.person_spans.cache_clear)()
lines, errors = [], []
start = time.process_time()
batch.run_batch(documents, lines.append, errors.append, tagger=TAGGER)
cpu = time.process_time() - start
start = time.process_time()
problems = sum(len(validate_record(json.loads(line), document.text)) for line, document in zip(lines, documents))
out = {"cpu_s": cpu, "validate_cpu_s": time.process_time() - start, "records": len(lines), "errors": len(errors),
       "validation_problems": problems, "sha256": hashlib.sha256("\\n".join(lines).encode()).hexdigest()}
""",
    "jieba.posseg": """
import jieba
import jieba.posseg as posseg
jieba.setLogLevel(60)
jieba.initialize()
list(posseg.cut(COLD_TEXT))
start = time.process_time()
for text in texts:
    list(posseg.cut(text))
out = {"cpu_s": time.process_time() - start}
""",
    "LAC over the whole text": """
from meetingx.tagger import _tagger
model = _tagger()
model.person_words([COLD_TEXT])
start = time.process_time()
for text in texts:
    model.person_words([text])
out = {"cpu_s": time.process_time() - start}
""",
    "one-pass regex scan": """
import re
from meetingx.lexicon import load_lexicon, word_pattern
lexicon = load_lexicon("zh", None)
pattern = re.compile(word_pattern(set(lexicon.titles) | set(lexicon.triggers)))
start = time.process_time()
for text in texts:
    pattern.findall(text)
out = {"cpu_s": time.process_time() - start}
""",
}

_PROLOGUE = """
import hashlib, json, sys, time
from meetingx.reading import Document
COLD_TEXT = {cold!r}
TAGGER = {tagger!r}
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
texts = [row["text"] for row in rows]
documents = [Document(id=row["id"], text=row["text"]) for row in rows]
"""


def chosen_reports(specs: list[str], min_chars: int, max_chars: int) -> list[dict[str, str]]:
    """The reports (id, text) of the inputs ``specs`` of ``min_chars`` to ``max_chars`` characters,
    in input order, each once."""
    from meetingx.reading import Document, iter_inputs

    chosen: dict[str, str] = {}
    for item in iter_inputs(specs):
        if isinstance(item, Document) and min_chars <= len(item.text) <= max_chars:
            chosen.setdefault(item.id, item.text)
    return [{"id": id, "text": text} for id, text in chosen.items()]


def run_contender(name: str, reports_path: Path, tagger: bool) -> dict[str, Any]:
    script = _PROLOGUE.format(cold=COLD_TEXT, tagger=tagger) + CONTENDERS[name] + "\nprint(json.dumps(out))\n"
    done = subprocess.run([sys.executable, "-c", script, str(reports_path)], capture_output=True, text=True,
                          check=True, cwd=tempfile.gettempdir())
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


#: Runs a command and writes its wall time, CPU seconds (of it and the children it waited for)
#: and exit status as JSON to argv[1].
_TRAMPOLINE = """
import json, os, subprocess, sys, time
t = time.perf_counter()
process = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
wall = time.perf_counter() - t
with open(sys.argv[1], "w") as out:
    json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "status": os.waitstatus_to_exitcode(status)}, out)
"""


def timed_command(command: list[str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        subprocess.run([sys.executable, "-c", _TRAMPOLINE, str(result), *command], check=True, cwd=tmp)
        measured: dict[str, float] = json.loads(result.read_text())
    if measured["status"] != 0:
        raise RuntimeError(f"{command} exited with status {measured['status']}")
    return {"wall_s": measured["wall"], "cpu_s": measured["cpu"]}


def meetingx_command() -> list[str]:
    script = Path(sys.executable).parent / "meetingx"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "meetingx.cli"]


def start_up(runs: int, tagger: bool = True) -> dict[str, Any]:
    """``meetingx --help``, and ``meetingx extract`` of a one-sentence report to its first record:
    the fastest of ``runs`` (by wall time)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.txt"
        report.write_text(COLD_TEXT, encoding="utf-8")
        commands = {"help": [*meetingx_command(), "--help"],
                    "first_record": [*meetingx_command(), "extract", str(report), "-o", str(Path(tmp) / "out.jsonl"),
                                     *([] if tagger else ["--no-tagger"])]}
        return {name: min((timed_command(command) for _ in range(runs)), key=lambda run: run["wall_s"])
                for name, command in commands.items()}


def measure(specs: list[str], runs: int = 3, min_chars: int = 1500, max_chars: int = 2500,
            names: tuple[str, ...] = tuple(CONTENDERS), start: bool = True,
            tagger: bool = True) -> dict[str, Any] | None:
    """The fastest run of each contender of ``names`` (meetingx and jieba always) over the reports
    of the inputs ``specs`` of ``min_chars`` to ``max_chars`` characters, and (with ``start``) the
    start-up figures; ``tagger=False`` measures meetingx without its name tagger. None where no
    report is of that size."""
    names = tuple(dict.fromkeys(("meetingx", "jieba.posseg", *names)))
    reports = chosen_reports(specs, min_chars, max_chars)
    if not reports:
        return None
    characters = sum(len(report["text"]) for report in reports)
    with tempfile.TemporaryDirectory() as tmp:
        reports_path = Path(tmp) / "reports.jsonl"
        reports_path.write_text("".join(json.dumps(report, ensure_ascii=False) + "\n" for report in reports),
                                encoding="utf-8")
        measured: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        for _ in range(runs):
            for name in names:
                measured[name].append(run_contender(name, reports_path, tagger))
    contenders = {}
    for name, results in measured.items():
        best = min(results, key=lambda result: result["cpu_s"])
        contenders[name] = {**best, "runs_cpu_s": [result["cpu_s"] for result in results],
                            "docs_per_cpu_s": len(reports) / best["cpu_s"],
                            "chars_per_cpu_s": characters / best["cpu_s"]}
    jieba = contenders["jieba.posseg"]["cpu_s"]
    for figures in contenders.values():
        figures["speed_vs_jieba"] = jieba / figures["cpu_s"]
    meetingx = contenders["meetingx"]
    meetingx["speed_vs_jieba_with_validation"] = jieba / (meetingx["cpu_s"] + meetingx["validate_cpu_s"])
    return {"reports": len(reports), "characters": characters, "min_chars": min_chars, "max_chars": max_chars,
            "runs": runs, "tagger": tagger, "loadavg": [round(x, 2) for x in os.getloadavg()],
            "contenders": contenders, "start_up": start_up(runs, tagger) if start else None}


def print_table(figures: dict[str, Any]) -> None:
    print(f"{figures['reports']} reports of {figures['min_chars']:,}-{figures['max_chars']:,} characters "
          f"({figures['characters']:,} in all), each read once in a fresh process; CPU seconds, fastest of "
          f"{figures['runs']} runs; load average {figures['loadavg']}"
          f"{'' if figures['tagger'] else '; meetingx --no-tagger'}")
    print(f"  {'':<26} {'CPU s':>7} {'docs/CPU-s':>11} {'chars/CPU-s':>12} {'speed ÷ jieba':>14}")
    for name, row in figures["contenders"].items():
        print(f"  {name:<26} {row['cpu_s']:>7.3f} {row['docs_per_cpu_s']:>11.1f} {row['chars_per_cpu_s']:>12,.0f} "
              f"{row['speed_vs_jieba']:>13.2f}x")
    meetingx = figures["contenders"]["meetingx"]
    print(f"  meetingx with every record validated too: {meetingx['cpu_s'] + meetingx['validate_cpu_s']:.3f} CPU s, "
          f"{meetingx['speed_vs_jieba_with_validation']:.2f}x jieba; {meetingx['records']} records, "
          f"{meetingx['validation_problems']} validation problems, sha256 {meetingx['sha256'][:16]}")
    for name, label in (("help", "meetingx --help"), ("first_record", "meetingx extract, start to first record")):
        if figures["start_up"] is None:
            break
        row = figures["start_up"][name]
        print(f"  {label}: {row['wall_s']:.2f} s wall, {row['cpu_s']:.2f} CPU s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each contender; the fastest counts")
    parser.add_argument("--min-chars", type=int, default=1500)
    parser.add_argument("--max-chars", type=int, default=2500)
    parser.add_argument("--no-tagger", action="store_true", help="meetingx without its name tagger")
    parser.add_argument("--only", action="append", choices=list(CONTENDERS), default=None,
                        help="measure only these contenders (repeatable; meetingx and jieba always) and no start-up")
    parser.add_argument("--out", type=Path, default=None, help="also write the figures here as JSON")
    args = parser.parse_args(argv)
    figures = measure([str(BULK)], args.runs, args.min_chars, args.max_chars, tuple(args.only or CONTENDERS),
                      args.only is None, not args.no_tagger)
    if figures is None:
        raise SystemExit(f"no report of {args.min_chars}-{args.max_chars} characters in {BULK}")
    print_table(figures)
    if args.out:
        args.out.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
