#!/usr/bin/env python3
"""Where extraction spends its time: cProfile over extraction of bulk reports, in chunks as the CLI reads them.

    python3 benchmarks/profile_extract.py [-n 200] [--top 15] [--stats benchmarks/results/profile.pstats]

Loads the pipeline, the lexicons and the tagger first (not profiled), then profiles extraction of
the first ``n`` documents of the bulk corpus (as ``benchmarks/run.py`` finds it) and prints the top
functions by cumulative and by total (own) time, and how often the LAC tagger ran.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import clear_caches, corpus_inputs, warm  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=200, help="documents to extract (default 200)")
    parser.add_argument("--top", type=int, default=15, help="functions to list (default 15)")
    parser.add_argument("--stats", type=Path, default=None, help="also dump the raw pstats here")
    args = parser.parse_args(argv)

    from meetingx import tagger
    from meetingx.api import extract_documents
    from meetingx.reading import Document, iter_inputs
    from meetingx.workers import chunks

    specs, _, corpus = corpus_inputs(quick=False)
    warm(specs)
    documents = [item for item in itertools.islice(iter_inputs(specs), args.n) if isinstance(item, Document)]
    chars = sum(len(d.text) for d in documents)
    clear_caches()

    # Count what reaches the LAC model and how much text it sees. The documents are read as the
    # CLI reads them: in chunks, the tagger answering a chunk's questions together.
    model = tagger._tagger()
    runs = {"calls": 0, "rows": 0, "chars": 0}
    original_emissions = model.emissions

    def counting_emissions(texts: list[str]):
        runs["calls"] += 1
        runs["rows"] += len(texts)
        runs["chars"] += sum(map(len, texts))
        return original_emissions(texts)

    model.emissions = counting_emissions
    profiler = cProfile.Profile()
    profiler.enable()
    for chunk in chunks(documents):
        extract_documents([(document, document.publish_date) for document in chunk])
    profiler.disable()
    del model.emissions
    print(f"{len(documents)} documents, {chars:,} chars from {corpus['corpus']}")
    print(f"tagger model: {runs['calls']} calls ({runs['calls'] / len(documents):.1f}/doc) of {runs['rows']} windows, "
          f"{runs['chars']:,} chars ({runs['chars'] / chars:.2f} of the text)")
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.strip_dirs().sort_stats(order).print_stats(args.top)
        text = out.getvalue()
        print(f"\n=== top {args.top} by {order} ===")
        print(text[text.index("   ncalls"):].rstrip())
    if args.stats:
        args.stats.parent.mkdir(parents=True, exist_ok=True)
        profiler.dump_stats(str(args.stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
