#!/usr/bin/env python3
"""``meetingx cluster`` against ``meetingx extract`` on the bulk corpus: 1 and 2 workers at the
default shard size, the cost of a shard, a re-run that keeps every shard, and what the client
does (planning, the size of a task).

    python3 benchmarks/cluster.py [--repeats 2] [--out benchmarks/results/cluster.json]

Needs ``meetingx[cluster]`` and ``../shared/corpus/bulk/reports.jsonl``. Every command runs in a
fresh process, alternating, ``--repeats`` times; a run's CPU time is that of the whole process
tree (the client, the scheduler, the Dask workers and the processes they fork), from
``RUSAGE_CHILDREN``. The machine is shared: the load average is recorded before and after each
run, and wall times are given as the best and the median of the runs.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from meetingx.cluster import DEFAULT_SHARD_SIZE

REPO = Path(__file__).resolve().parent.parent
BULK = REPO.parent / "shared" / "corpus" / "bulk" / "reports.jsonl"
#: Shard size compared with the default to find the cost of one shard.
SMALL_SHARDS = 10
SHORT_REPORT = "7月31日，区政府召开常务会议，研究部署有关工作。区长主持会议。"


def measured(command: list[str]) -> dict[str, Any]:
    """Run ``command``: its wall time, the CPU time of its process tree, the load around it."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "load_before": round(load, 2),
            "load_after": round(os.getloadavg()[0], 2), "summary": done.stderr.strip().splitlines()[-1]}


def meetingx() -> list[str]:
    found = shutil.which("meetingx")
    return [found] if found else [sys.executable, "-m", "meetingx.cli"]


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    walls = [run["wall_s"] for run in runs]
    return {"best_wall_s": min(walls), "median_wall_s": round(statistics.median(walls), 2),
            "median_cpu_s": round(statistics.median(run["cpu_s"] for run in runs), 2), "runs": runs}


def commands(tmp: Path) -> dict[str, list[str]]:
    """Each command measured, by name; each writes into ``tmp`` (cleared before each run)."""
    bulk = str(BULK)
    one = tmp / "one.txt"  # what a run costs besides its documents: the same command on one report
    one.write_text(SHORT_REPORT, encoding="utf-8")
    return {
        "start: extract": [*meetingx(), "extract", str(one), "-o", str(tmp / "out.jsonl")],
        "start: cluster --workers 1": [*meetingx(), "cluster", str(one), "--workers", "1", "--out-dir", str(tmp / "out")],
        "start: cluster --workers 2": [*meetingx(), "cluster", str(one), "--workers", "2", "--out-dir", str(tmp / "out")],
        "extract --jobs 1": [*meetingx(), "extract", bulk, "--jobs", "1", "-o", str(tmp / "out.jsonl")],
        "extract --jobs 2": [*meetingx(), "extract", bulk, "--jobs", "2", "-o", str(tmp / "out.jsonl")],
        "cluster --workers 1": [*meetingx(), "cluster", bulk, "--workers", "1", "--out-dir", str(tmp / "out")],
        "cluster --workers 2": [*meetingx(), "cluster", bulk, "--workers", "2", "--out-dir", str(tmp / "out")],
        f"cluster --workers 2 --shard-size {SMALL_SHARDS}": [
            *meetingx(), "cluster", bulk, "--workers", "2", "--shard-size", str(SMALL_SHARDS),
            "--out-dir", str(tmp / "out")],
    }


def planning() -> dict[str, Any]:
    """The client's share: planning the bulk corpus into shards, and what a task carries."""
    from meetingx.cluster.plan import plan_shards
    from meetingx.reading import iter_inputs

    start = time.perf_counter()
    shards = list(plan_shards([str(BULK)], DEFAULT_SHARD_SIZE, io.BytesIO()))
    plan_s = time.perf_counter() - start
    start = time.perf_counter()
    documents = list(iter_inputs([str(BULK)]))
    read_s = time.perf_counter() - start
    by_reference = statistics.mean(len(pickle.dumps(shard)) for shard in shards)
    shipped = len(pickle.dumps(documents)) / len(shards)
    return {"documents": len(documents), "shards": len(shards), "plan_s": round(plan_s, 3),
            "iter_inputs_s": round(read_s, 3), "task_bytes_by_reference": round(by_reference),
            "task_bytes_with_texts": round(shipped)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if not BULK.is_file():
        print(f"{BULK} is not here", file=sys.stderr)
        return 2
    results: dict[str, Any] = {"cpus": os.cpu_count(), "planning": planning()}
    runs: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for _ in range(args.repeats):
            for name, command in commands(work).items():
                shutil.rmtree(work / "out", ignore_errors=True)
                (work / "out.jsonl").unlink(missing_ok=True)
                runs.setdefault(name, []).append(measured(command))
                print(f"{name}: {runs[name][-1]}", file=sys.stderr)
                if name == "cluster --workers 2":  # again, on its own output
                    runs.setdefault(f"{name}, every shard kept", []).append(measured(command))
    results["runs"] = {name: summarise(found) for name, found in runs.items()}
    small, large = (results["runs"][name] for name in (f"cluster --workers 2 --shard-size {SMALL_SHARDS}",
                                                       "cluster --workers 2"))
    for workers in (1, 2):
        start = results["runs"][f"start: cluster --workers {workers}"]
        whole = results["runs"][f"cluster --workers {workers}"]
        results[f"workers{workers}_after_start"] = {
            key: round(whole[key] - start[key], 2) for key in ("best_wall_s", "median_wall_s", "median_cpu_s")}
    documents = results["planning"]["documents"]
    extra_shards = -(-documents // SMALL_SHARDS) - -(-documents // DEFAULT_SHARD_SIZE)
    results["per_shard"] = {
        "extra_shards": extra_shards,
        "cpu_ms": round(1000 * (small["median_cpu_s"] - large["median_cpu_s"]) / extra_shards, 1),
        "wall_ms": round(1000 * (small["median_wall_s"] - large["median_wall_s"]) / extra_shards, 1)}
    text = json.dumps(results, indent=1, ensure_ascii=False)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
