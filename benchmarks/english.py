#!/usr/bin/env python3
"""English against Chinese, per character: the same run extracts the English and the Chinese dev
documents in turns (so that both see the same machine load; the tagger's cache emptied before each
pass, as in run.py) and prints microseconds per character of each, and the English cost against
document size (minutes repeated to 10 KB … 1 MB).

    python3 benchmarks/english.py [--passes 5]

The target of issue 11: English documents are not slower per character than Chinese ones.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import meetingx
from meetingx import tagger

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
SIZES = [10_000, 100_000, 1_000_000]


def per_char(texts: list[str]) -> float:
    """Microseconds per character to extract ``texts`` once (the Chinese name tagger's cache
    emptied first, so that no pass is served answers computed by another)."""
    tagger.forget()
    start = time.perf_counter()
    for text in texts:
        meetingx.extract(text)
    return (time.perf_counter() - start) / sum(map(len, texts)) * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args(argv)
    english = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("en-*.txt"))]
    chinese = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("zh-*.txt"))]
    if not english or not chinese:
        raise SystemExit(f"no dev documents under {DEV}")
    per_char(english + chinese)  # load both pipelines
    en, zh = [], []
    for _ in range(args.passes):
        en.append(per_char(english))
        zh.append(per_char(chinese))
    en_median, zh_median = sorted(en)[len(en) // 2], sorted(zh)[len(zh) // 2]
    print(f"English {en_median:.2f} us/char, Chinese {zh_median:.2f} us/char (medians of {args.passes} passes): "
          f"English / Chinese = {en_median / zh_median:.2f}")
    unit = "\n".join(english)
    for size in SIZES:
        text = (unit * (size // len(unit) + 1))[:size]
        print(f"English, {size:>9,} characters: {per_char([text]):.2f} us/char")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
