#!/usr/bin/env python3
"""meetingx benchmark: throughput, latency, stage costs, a jieba baseline, CPU time in a fresh
process beside jieba, LAC over the whole text and a regex scan (``fresh.py``), start-up, cold
start, memory, ``--jobs`` scaling and cost against document size, in one run, with the targets of
issues 6 and 14.

    python3 benchmarks/run.py [--quick] [--out benchmarks/results/latest.json]

Corpus: ``<repo>/../shared/corpus/bulk/reports.jsonl`` (1,071 real reports); where it is absent,
the dev corpus ``<repo>/../shared/corpus/dev/*.txt`` repeated. ``--quick`` runs a few documents
and skips the slow parts (sizes beyond 10 KB, --jobs scaling, all but one cold start) so that a
test can smoke it (and measures meetingx and jieba only, once each, in fresh processes). See
benchmarks/README.md for what each figure means.

The run measures, it does not tune: it only calls meetingx's public functions (and clears the
people tagger's cache between passes, so that no pass is served answers computed by another).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import itertools
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

import fresh

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
BULK = SHARED / "corpus" / "bulk" / "reports.jsonl"
DEV = SHARED / "corpus" / "dev"

#: Documents of the fallback corpus (dev texts repeated) and of --quick.
FALLBACK_DOCS = 300
QUICK_DOCS = 12
#: Document sizes of the size test, in UTF-8 bytes, and how many documents of each size.
SIZES = [("1 KB", 1_000, 40), ("10 KB", 10_000, 8), ("100 KB", 100_000, 2), ("1 MB", 1_000_000, 1)]
QUICK_SIZES = SIZES[:2]
COLD_TEXT = "国务院总理李强7月31日主持召开国务院常务会议，研究部署有关工作。"
NORMAL_CHARS = 2_000
#: Whether extraction uses the people tagger; ``--no-tagger`` measures the rules-only mode. Set
#: once, by main().
TAGGER = True
#: Fewest reports of about NORMAL_CHARS characters for their rate to be measured directly.
MIN_NORMAL_DOCS = 10

# The targets of issue 14 (and those of issue 6 still held): (key, label, comparison, threshold, unit).
TARGETS = [
    ("fresh_jieba_ratio", "CPU speed / jieba.posseg (fresh)", ">=", 6.0, "x"),
    ("help_s", "meetingx --help", "<=", 0.3, "s"),
    ("first_record_s", "start to the first record", "<=", 0.8, "s"),
    ("peak_rss_mb", "peak RSS per worker", "<=", 400.0, "MB"),
    ("jobs_speedup", "--jobs 2 / --jobs 1", ">=", 1.8, "x"),
    ("size_exponent", "cost ~ size^k, 10 KB..largest", "<=", 1.1, "k"),
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def rss_mb() -> float:
    """Peak RSS of this process so far (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def clear_caches() -> None:
    """Forget the people tagger's answers (a cache keyed on text windows)."""
    from meetingx import tagger
    tagger.forget()


# ---------------------------------------------------------------------------------------------
# Corpus


def corpus_inputs(quick: bool) -> tuple[list[str], int | None, dict[str, Any]]:
    """The input specs to read (as the CLI would), how many documents to take, and a description."""
    limit = QUICK_DOCS if quick else None
    if BULK.is_file():
        return [str(BULK)], limit, {"corpus": str(BULK.resolve()), "repeated": False}
    texts = sorted(str(p) for p in DEV.glob("*.txt"))
    if not texts:
        raise SystemExit(f"no corpus: neither {BULK} nor {DEV}/*.txt exists")
    wanted = limit or FALLBACK_DOCS
    specs = list(itertools.islice(itertools.cycle(texts), wanted))
    return specs, wanted, {"corpus": f"{DEV.resolve()}/*.txt (repeated)", "repeated": True}


# ---------------------------------------------------------------------------------------------
# Passes


def process(document: Any) -> list:
    """What the CLI does with a document it has read: extract -> record JSON -> validate. Returns
    the validation problems."""
    from meetingx.api import extract_document
    from meetingx.validate import validate_record

    record = extract_document(document, document.publish_date, tagger=TAGGER)
    line = json.dumps(record.to_json_dict(), ensure_ascii=False)
    return validate_record(json.loads(line), document.text, file=document.path or document.id)


def end_to_end(specs: list[str], limit: int | None) -> tuple[dict[str, Any], list]:
    """Read -> extract -> record JSON -> validate, one document at a time, as the CLI does."""
    from meetingx.reading import Document, iter_inputs

    clear_caches()
    latencies: list[float] = []
    documents: list[Document] = []
    chars = invalid = problems = errors = 0
    items = iter_inputs(specs)
    if limit is not None:
        items = itertools.islice(items, limit)
    start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        item = next(items, None)
        if item is None:
            break
        if not isinstance(item, Document):
            errors += 1
            continue
        found = process(item)
        latencies.append(time.perf_counter() - t0)
        documents.append(item)
        chars += len(item.text)
        problems += len(found)
        invalid += bool(found)
    seconds = time.perf_counter() - start
    n = len(documents)
    figures = {
        "documents": n,
        "characters": chars,
        "mean_chars_per_doc": chars / n,
        "seconds": seconds,
        "docs_per_s": n / seconds,
        "chars_per_s": chars / seconds,
        "docs_per_s_at_2000_chars": chars / seconds / NORMAL_CHARS,
        "latency_ms": {
            "p50": 1000 * percentile(latencies, 50),
            "p95": 1000 * percentile(latencies, 95),
            "max": 1000 * max(latencies),
            "mean": 1000 * statistics.fmean(latencies),
        },
        "input_errors": errors,
        "invalid_records": invalid,
        "validation_problems": problems,
    }
    return figures, documents


def normal_size(documents: list, passes: int) -> dict[str, Any] | None:
    """Documents/s on the real reports of about ``NORMAL_CHARS`` characters (0.75x to 1.25x), each
    processed as :func:`process` does; the median of ``passes`` passes, each with a fresh tagger
    cache. None where the corpus has fewer than ``MIN_NORMAL_DOCS`` such reports."""
    chosen = [d for d in documents if 0.75 * NORMAL_CHARS <= len(d.text) <= 1.25 * NORMAL_CHARS]
    if len(chosen) < MIN_NORMAL_DOCS:
        return None
    rates = []
    for _ in range(passes):
        clear_caches()
        start = time.perf_counter()
        for document in chosen:
            process(document)
        rates.append(len(chosen) / (time.perf_counter() - start))
    return {"documents": len(chosen), "mean_chars_per_doc": statistics.fmean(len(d.text) for d in chosen),
            "passes_docs_per_s": rates, "docs_per_s": statistics.median(rates)}


def stages(specs: list[str], limit: int | None, documents: list) -> dict[str, Any]:
    """Each stage timed on its own: reading, language detection, the tokenizer, every pipeline
    component, assembly, JSON serialisation, validation."""
    from meetingx.api import detect_language
    from meetingx.assemble import assemble
    from meetingx.pipeline import load
    from meetingx.reading import Document, iter_inputs
    from meetingx.validate import validate_record

    totals: dict[str, float] = {}

    def add(name: str, seconds: float) -> None:
        totals[name] = totals.get(name, 0.0) + seconds

    # Reading and normalising (decoding, JSON Lines parsing, checks), on its own.
    t0 = time.perf_counter()
    items = iter_inputs(specs)
    read = [item for item in (itertools.islice(items, limit) if limit is not None else items)
            if isinstance(item, Document)]
    add("read", time.perf_counter() - t0)
    assert len(read) == len(documents)

    clear_caches()
    mismatches = 0
    for document in documents:
        t = time.perf_counter()
        lang = detect_language(document.text)
        nlp = load(lang, None, TAGGER)
        add("detect_language", time.perf_counter() - t)
        t = time.perf_counter()
        doc = nlp.make_doc(document.text)
        add("make_doc (tokenizer)", time.perf_counter() - t)
        doc._.mx_meta = {"publish_date": document.publish_date, "lang": lang}
        for name, component in nlp.pipeline:
            t = time.perf_counter()
            doc = component(doc)
            add(name, time.perf_counter() - t)
        t = time.perf_counter()
        record = assemble(doc, document)
        add("assemble", time.perf_counter() - t)
        t = time.perf_counter()
        line = json.dumps(record.to_json_dict(), ensure_ascii=False)
        add("serialise (to_json_dict + json.dumps)", time.perf_counter() - t)
        t = time.perf_counter()
        validate_record(json.loads(line), document.text, file=document.path or document.id)
        add("validate (json.loads + schema + evidence)", time.perf_counter() - t)
        if document is documents[0]:
            # The hand-run pipeline must give what extract_document gives.
            from meetingx.api import extract_document
            reference = json.dumps(extract_document(document, document.publish_date, tagger=TAGGER).to_json_dict(),
                                   ensure_ascii=False)
            mismatches += reference != line
    n = len(documents)
    total = sum(totals.values())
    return {
        "total_seconds": total,
        "same_as_extract_document": mismatches == 0,
        "stages": {name: {"seconds": seconds, "share": seconds / total, "us_per_doc": 1e6 * seconds / n}
                   for name, seconds in totals.items()},
    }


def size_scaling(documents: list, sizes: list[tuple[str, int, int]]) -> dict[str, Any]:
    """Seconds and chars/s of documents of growing size, built by joining bulk reports."""
    from meetingx.api import extract_document
    from meetingx.reading import Document

    texts = [d.text for d in documents]
    stream = itertools.cycle(texts)
    rows = []
    for label, size, count in sizes:
        seconds: list[float] = []
        chars = 0
        for number in range(count):
            parts: list[str] = []
            used = 0
            while used < size:
                text = next(stream)
                parts.append(text)
                used += len(text.encode("utf-8")) + 1
            text = "\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")
            clear_caches()  # the reports were seen before: make the tagger work again
            t = time.perf_counter()
            extract_document(Document(id=f"size-{size}-{number}", text=text), tagger=TAGGER)
            seconds.append(time.perf_counter() - t)
            chars += len(text)
        rows.append({"label": label, "bytes": size, "documents": count, "chars_per_doc": chars / count,
                     "seconds_per_doc": statistics.fmean(seconds), "chars_per_s": chars / sum(seconds)})
    clear_caches()
    # Exponent k of seconds ~ size^k between the 10 KB row (or the smallest) and the largest:
    # 1 is linear, under 1 means fixed costs still dominate the small documents.
    first = rows[1] if len(rows) > 1 else rows[0]
    last = rows[-1]
    exponent = (math.log(last["seconds_per_doc"] / first["seconds_per_doc"])
                / math.log(last["chars_per_doc"] / first["chars_per_doc"])) if last is not first else 1.0
    return {"rows": rows, "exponent": exponent, "from": first["label"], "to": last["label"]}


def jieba_baseline(documents: list) -> dict[str, Any]:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    list(pseg.cut(documents[0].text))  # warm its lazy loads
    chars = sum(len(d.text) for d in documents)
    start = time.perf_counter()
    for document in documents:
        list(pseg.cut(document.text))
    seconds = time.perf_counter() - start
    return {"version": getattr(jieba, "__version__", "?"), "seconds": seconds,
            "docs_per_s": len(documents) / seconds, "chars_per_s": chars / seconds}


#: Runs a command and writes its wall time, exit status, peak RSS and CPU seconds (wait4: of it and
#: the children it waited for) as JSON to argv[1].
#: Measuring from this small process matters: on Linux a child's ru_maxrss starts from the RSS of
#: the process it was forked from, so measured from the benchmark (hundreds of MB by then) every
#: child would seem at least that big.
_TRAMPOLINE = """
import json, os, subprocess, sys, time
t = time.perf_counter()
process = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(process.pid, 0)
wall = time.perf_counter() - t
with open(sys.argv[1], "w") as out:
    json.dump({"wall": wall, "status": os.waitstatus_to_exitcode(status), "maxrss": usage.ru_maxrss,
               "cpu": usage.ru_utime + usage.ru_stime}, out)
"""


class Measured(NamedTuple):
    wall: float
    peak_mb: float
    status: int
    cpu: float


def run_measured(command: list[str], **kwargs: Any) -> Measured:
    """Run ``command``; its wall time (s), its peak RSS (MB: the largest of it and the children it
    waited for), its exit status and its CPU seconds (with the children it waited for). Output goes
    to ``stdout``/``stderr`` if given, else nowhere."""
    kwargs.setdefault("stdout", subprocess.DEVNULL)
    kwargs.setdefault("stderr", subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "result.json"
        subprocess.run([sys.executable, "-c", _TRAMPOLINE, str(result), *command], check=True, **kwargs)
        measured = json.loads(result.read_text())
    maxrss = measured["maxrss"]
    peak = maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024
    return Measured(measured["wall"], peak, measured["status"], measured["cpu"])


def cold_start(runs: int) -> dict[str, Any]:
    """Fresh interpreters: import meetingx and extract a short text (median of ``runs``)."""
    cwd = tempfile.gettempdir()
    walls, peaks = [], []
    for _ in range(runs):
        wall, peak, status, _ = run_measured(
            [sys.executable, "-c", f"import meetingx; meetingx.extract({COLD_TEXT!r})"], cwd=cwd)
        if status:
            raise RuntimeError(f"cold start run failed with status {status}")
        walls.append(wall)
        peaks.append(peak)
    import_only = run_measured([sys.executable, "-c", "import meetingx"], cwd=cwd).wall
    # The short text may not need the LAC model; a document that does also pays for loading it.
    with_tagger, tagger_rss, _, _ = run_measured(
        [sys.executable, "-c", f"import meetingx; from meetingx.tagger import person_spans; "
                               f"meetingx.extract({COLD_TEXT!r}); person_spans('李强主持会议')"], cwd=cwd)
    bare = run_measured([sys.executable, "-c", "pass"]).wall
    return {"runs_s": walls, "median_s": statistics.median(walls), "peak_rss_mb": max(peaks),
            "import_only_s": import_only, "with_tagger_model_s": with_tagger,
            "with_tagger_model_peak_rss_mb": tagger_rss, "bare_python_s": bare, "text": COLD_TEXT}


def meetingx_command() -> list[str]:
    script = Path(sys.executable).parent / "meetingx"
    if script.is_file():
        return [str(script)]
    found = shutil.which("meetingx")
    return [found] if found else [sys.executable, "-c", "from meetingx.cli import main; main()"]


def jobs_scaling(specs: list[str], documents: int, repeats: int = 3) -> dict[str, Any]:
    """Wall time of ``meetingx extract <inputs> --jobs N -o <tmp>`` for N = 1 and 2, alternating,
    ``repeats`` times each; the best run of each counts (the machine is shared, noise only adds).
    ``same_output`` says whether both wrote the same bytes, as they must. The CPU seconds of each
    (least of the runs) give ``cpu_bound_speedup``: the speedup on two idle cores if the CPU a
    ``--jobs 2`` run spends after its start divided evenly between them."""
    figures: dict[str, Any] = {"inputs": specs if len(specs) == 1 else f"{len(specs)} files",
                               "documents": documents}
    runs: dict[int, list[Measured]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as tmp:
        for _, jobs in itertools.product(range(repeats), (1, 2)):
            out = Path(tmp) / f"jobs{jobs}.jsonl"
            out.unlink(missing_ok=True)
            with open(Path(tmp) / "stderr.txt", "w+b") as stderr:
                measured = run_measured(
                    [*meetingx_command(), "extract", *specs, "--jobs", str(jobs), "-o", str(out), *([] if TAGGER else ["--no-tagger"]),
                     "--errors", str(Path(tmp) / "errors.jsonl")], stderr=stderr)
                stderr.seek(0)
                summary = stderr.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            if measured.status not in (0, 1) or not out.is_file():
                raise RuntimeError(f"meetingx extract --jobs {jobs} failed: {summary}")
            with out.open(encoding="utf-8") as lines:
                records = sum(1 for _ in lines)
            runs[jobs].append(measured)
            figures[f"jobs{jobs}"] = {"records": records, "summary": summary}
        figures["same_output"] = (Path(tmp) / "jobs1.jsonl").read_bytes() == (Path(tmp) / "jobs2.jsonl").read_bytes()
        # What a run costs before and after its documents: the same command on one short report.
        one = Path(tmp) / "one.txt"
        one.write_text(COLD_TEXT, encoding="utf-8")
        starts = [run_measured([*meetingx_command(), "extract", str(one), *([] if TAGGER else ["--no-tagger"]), "-o",
                                str(Path(tmp) / "one.jsonl")]) for _ in range(repeats)]
        figures["start_s"] = min(start.wall for start in starts)
        figures["start_cpu_s"] = min(start.cpu for start in starts)
    for jobs in (1, 2):
        best = min(run.wall for run in runs[jobs])
        figures[f"jobs{jobs}"].update({"wall_s": best, "runs_s": [run.wall for run in runs[jobs]],
                                       "cpu_s": min(run.cpu for run in runs[jobs]),
                                       "docs_per_s": figures[f"jobs{jobs}"]["records"] / best,
                                       "peak_rss_mb": max(run.peak_mb for run in runs[jobs])})
    figures["speedup"] = figures["jobs1"]["wall_s"] / figures["jobs2"]["wall_s"]
    figures["speedup_after_start"] = ((figures["jobs1"]["wall_s"] - figures["start_s"])
                                      / (figures["jobs2"]["wall_s"] - figures["start_s"]))
    start_cpu = figures["start_cpu_s"]
    figures["cpu_bound_speedup"] = figures["jobs1"]["cpu_s"] / (start_cpu + (figures["jobs2"]["cpu_s"] - start_cpu) / 2)
    return figures


# ---------------------------------------------------------------------------------------------
# Report


def judge(results: dict[str, Any]) -> list[dict[str, Any]]:
    fresh = results["fresh"]
    values = {
        "fresh_jieba_ratio": fresh["contenders"]["meetingx"]["speed_vs_jieba"] if fresh else None,
        "help_s": fresh["start_up"]["help"]["wall_s"] if fresh else None,
        "first_record_s": fresh["start_up"]["first_record"]["wall_s"] if fresh else None,
        "peak_rss_mb": results["memory"]["peak_rss_mb"],
        "jobs_speedup": (results["scaling"] or {}).get("speedup"),
        "size_exponent": results["size"]["exponent"] if len(results["size"]["rows"]) > 2 else None,
    }
    rows = []
    for key, label, op, threshold, unit in TARGETS:
        value = values[key]
        met = None if value is None else (value >= threshold if op == ">=" else value <= threshold)
        rows.append({"key": key, "label": label, "value": value, "target": f"{op} {threshold:g}",
                     "unit": unit, "met": met})
    return rows


def print_table(results: dict[str, Any]) -> None:
    t = results["throughput"]
    print(f"\nmeetingx benchmark ({'quick' if results['meta']['quick'] else 'full'}"
          f"{'' if results['meta']['tagger'] else ', rules only (--no-tagger)'}): "
          f"{t['documents']} documents, {t['characters']:,} chars (mean {t['mean_chars_per_doc']:.0f}), "
          f"{results['meta']['cpus']} CPUs, load {results['meta']['loadavg_start']}")
    print(f"  end to end: {t['docs_per_s']:.1f} docs/s, {t['chars_per_s']:,.0f} chars/s, "
          f"latency p50 {t['latency_ms']['p50']:.1f} ms, p95 {t['latency_ms']['p95']:.1f} ms, "
          f"max {t['latency_ms']['max']:.1f} ms; {t['invalid_records']} records with validation problems")
    n = results["normal_size"]
    if n:
        print(f"  reports of {0.75 * NORMAL_CHARS:,.0f}-{1.25 * NORMAL_CHARS:,.0f} chars: {n['docs_per_s']:.1f} docs/s "
              f"({n['documents']} reports, mean {n['mean_chars_per_doc']:,.0f} chars; median of "
              f"{', '.join(f'{x:.1f}' for x in n['passes_docs_per_s'])})")
    b = results["baseline"]
    print(f"  jieba.posseg: {b['jieba']['docs_per_s']:.1f} docs/s, {b['jieba']['chars_per_s']:,.0f} chars/s; "
          f"meetingx/jieba = {b['ratio']:.2f}x end to end, {b['ratio_extract_only']:.2f}x extraction only")
    print("\n  stage                                         us/doc   share")
    for name, s in results["stages"]["stages"].items():
        print(f"  {name:<44} {s['us_per_doc']:>8.0f}  {100 * s['share']:5.1f}%")
    print("\n  size      chars/doc   s/doc     chars/s")
    for row in results["size"]["rows"]:
        print(f"  {row['label']:<8} {row['chars_per_doc']:>10,.0f} {row['seconds_per_doc']:>8.3f} "
              f"{row['chars_per_s']:>11,.0f}")
    c = results["cold_start"]
    print(f"\n  cold start runs: {', '.join(f'{x:.2f}' for x in c['runs_s'])} s "
          f"(import only {c['import_only_s']:.2f} s, with the LAC model loaded {c['with_tagger_model_s']:.2f} s, "
          f"bare python {c['bare_python_s']:.2f} s)")
    if results["fresh"]:
        print()
        fresh.print_table(results["fresh"])
    m = results["memory"]
    print("  peak RSS: " + ", ".join(f"{key.removeprefix('peak_rss_mb_').removesuffix('_peak_rss_mb')} "
                                     f"{value:.0f} MB" for key, value in m.items() if key != "peak_rss_mb"))
    if results["scaling"]:
        s = results["scaling"]
        print(f"  --jobs 1: {s['jobs1']['wall_s']:.1f} s, --jobs 2: {s['jobs2']['wall_s']:.1f} s "
              f"(best of {', '.join(f'{x:.1f}' for x in s['jobs1']['runs_s'])} and "
              f"{', '.join(f'{x:.1f}' for x in s['jobs2']['runs_s'])} s; {s['documents']} documents); "
              f"{s['speedup']:.2f}x, {s['speedup_after_start']:.2f}x once the {s['start_s']:.2f} s of a "
              f"one-report run are taken from both")
        print(f"  CPU seconds: --jobs 1 {s['jobs1']['cpu_s']:.2f}, --jobs 2 {s['jobs2']['cpu_s']:.2f}, "
              f"a one-report run {s['start_cpu_s']:.2f}: {s['cpu_bound_speedup']:.2f}x on two idle cores "
              f"if the work after the start divided evenly")
    print("\n  target                               value        target    met")
    for row in results["targets"]:
        value = "skipped" if row["value"] is None else f"{row['value']:.2f} {row['unit']}"
        met = "-" if row["met"] is None else ("met" if row["met"] else "NOT MET")
        print(f"  {row['label']:<36} {value:>12} {row['target'] + ' ' + row['unit']:>12}    {met}")


def warm(specs: list[str]) -> float:
    """Load everything that loads once (pipeline, lexicons, LAC model, schema validator) outside
    the timed passes: extract and validate the first document, then forget the tagger's answers.
    Returns the seconds it took (the in-process share of a cold start)."""
    from meetingx.api import extract_document
    from meetingx.reading import Document, iter_inputs
    from meetingx.tagger import person_spans
    from meetingx.validate import validate_record

    t = time.perf_counter()
    first = next(item for item in iter_inputs(specs) if isinstance(item, Document))
    for document in (first, Document(id="warm-up", text=COLD_TEXT)):
        record = extract_document(document, document.publish_date, tagger=TAGGER).to_json_dict()
        validate_record(json.loads(json.dumps(record, ensure_ascii=False)), document.text)
    if TAGGER:
        person_spans("李强主持会议")  # the tagger model, whether or not the documents needed it
    seconds = time.perf_counter() - t
    clear_caches()
    return seconds


def git_commit() -> str | None:
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few documents, no slow parts (smoke test)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "latest.json",
                        help="where to write the figures as JSON")
    parser.add_argument("--no-tagger", action="store_true",
                        help="measure the rules-only mode (extraction without the people tagger)")
    args = parser.parse_args(argv)
    quick = args.quick
    global TAGGER
    TAGGER = not args.no_tagger

    import meetingx
    from meetingx.pipeline import load

    specs, limit, corpus = corpus_inputs(quick)
    warm_up = warm(specs)
    nlp = load("zh")

    results: dict[str, Any] = {"meta": {
        "date": _dt.datetime.now().isoformat(timespec="seconds"),
        "quick": quick, "tagger": TAGGER, "commit": git_commit(), "meetingx": meetingx.__version__,
        "python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
        "loadavg_start": [round(x, 2) for x in os.getloadavg()], **corpus,
        "pipeline": ["make_doc", *nlp.pipe_names], "in_process_load_s": warm_up,
    }}

    log("end to end ...")
    results["throughput"], documents = end_to_end(specs, limit)
    memory = {"peak_rss_mb_after_bulk": rss_mb()}
    log("reports of about 2,000 characters ...")
    results["normal_size"] = normal_size(documents, 1 if quick else 3)
    log("stages ...")
    results["stages"] = stages(specs, limit, documents)
    log("sizes ...")
    results["size"] = size_scaling(documents, QUICK_SIZES if quick else SIZES)
    memory["peak_rss_mb_after_sizes"] = rss_mb()
    memory["peak_rss_mb"] = memory["peak_rss_mb_after_bulk"]
    log("jieba baseline ...")
    jieba_figures = jieba_baseline(documents)
    extract_only = sum(s["seconds"] for name, s in results["stages"]["stages"].items()
                       if name not in ("read", "validate (json.loads + schema + evidence)",
                                       "serialise (to_json_dict + json.dumps)"))
    chars = results["throughput"]["characters"]
    results["baseline"] = {
        "jieba": jieba_figures,
        "ratio": results["throughput"]["chars_per_s"] / jieba_figures["chars_per_s"],
        "ratio_extract_only": (chars / extract_only) / jieba_figures["chars_per_s"],
    }
    log("cold start ...")
    results["cold_start"] = cold_start(1 if quick else 3)
    log("fresh processes: meetingx beside jieba.posseg, LAC over the whole text, a regex scan; start-up ...")
    results["fresh"] = fresh.measure(specs, runs=1 if quick else 3, min_chars=int(0.75 * NORMAL_CHARS),
                                     max_chars=int(1.25 * NORMAL_CHARS),
                                     names=("meetingx", "jieba.posseg") if quick else tuple(fresh.CONTENDERS),
                                     tagger=TAGGER)
    if quick:
        results["scaling"] = None
    else:
        log("--jobs 1 / --jobs 2 ...")
        results["scaling"] = jobs_scaling(specs, results["throughput"]["documents"])
        # The largest single process of each CLI run (for --jobs 2: the parent or a worker).
        memory["cli_jobs1_peak_rss_mb"] = results["scaling"]["jobs1"]["peak_rss_mb"]
        memory["cli_jobs2_peak_rss_mb"] = results["scaling"]["jobs2"]["peak_rss_mb"]
        memory["peak_rss_mb"] = max(memory["peak_rss_mb"], memory["cli_jobs1_peak_rss_mb"],
                                    memory["cli_jobs2_peak_rss_mb"])
    results["memory"] = memory
    results["meta"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    results["targets"] = judge(results)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nfigures written to {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
