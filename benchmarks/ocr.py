"""OCR speed and character accuracy on pages rendered from dev texts.

    python3 benchmarks/ocr.py [--docs 8] [--dpi 150]

Each dev text (``../shared/corpus/dev/zh-*.txt``) is printed to PDF by Chromium and its pages are
rendered to images at ``--dpi`` (a clean scan), and a screenshot of the text as a page is taken;
meetingx reads every image through OCR (``meetingx[ocr]``: RapidOCR, PP-OCRv4) as ``extract``
does. Prints pages per second (after the model is loaded; wall time, so it depends on what else
the machine runs: the load average is printed), CPU seconds per page (the engine runs on two
threads), and character accuracy against the text (1 - edits / length, white space left out, full-
and half-width forms alike, so order counts), per kind of image.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import page_images, print_pdf, screenshot  # noqa: E402
from pdf_readers import CORPUS, accuracy  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=8)
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args()
    from meetingx.reading.formats import read_document
    from meetingx.reading.ocr import _engine

    _engine()  # the model loads once; its time is not a page's
    texts = sorted(CORPUS.glob("zh-*.txt"))[: args.docs]
    figures = {kind: [0.0, 0.0, 0.0, 0] for kind in ("scan", "screenshot")}  # accuracy sum, seconds, CPU s, pages
    with tempfile.TemporaryDirectory() as directory:
        for path in texts:
            text = path.read_text(encoding="utf-8")
            pdf = print_pdf(text, Path(directory) / f"{path.stem}.pdf")
            images = page_images(pdf, dpi=args.dpi)
            buffer = io.BytesIO()
            images[0].save(buffer, format="TIFF", save_all=True, append_images=images[1:])
            shot = screenshot(text, Path(directory) / f"{path.stem}.png", height=page_height(text))
            for kind, data, pages in (("scan", buffer.getvalue(), len(images)), ("screenshot", shot.read_bytes(), 1)):
                start, cpu = time.perf_counter(), time.process_time()
                document = read_document(path.stem, None, data, "image")
                figures[kind][1] += time.perf_counter() - start
                figures[kind][2] += time.process_time() - cpu
                figures[kind][3] += pages
                figures[kind][0] += accuracy(text, document.text)
    print(f"{len(texts)} dev texts, scans at {args.dpi} dpi; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'image':12} {'pages':>6} {'pages/s':>8} {'CPU s/page':>11} {'char accuracy':>14}")
    for kind, (score, seconds, cpu, pages) in figures.items():
        print(f"{kind:12} {pages:6d} {pages / seconds:8.2f} {cpu / pages:11.2f} {score / len(texts):14.4f}")


def page_height(text: str) -> int:
    """Pixels a screenshot needs to show all of ``text`` (some 47 characters a line, 30 pixels a
    line, paragraphs apart), so that none of it is cut off."""
    lines = sum(len(paragraph) // 47 + 1.6 for paragraph in text.splitlines() if paragraph.strip())
    return int(100 + 30 * lines)


if __name__ == "__main__":
    main()
