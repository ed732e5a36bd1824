"""Which library reads Chinese PDFs best, in reading order: pypdf, pypdfium2, pdfminer.six.

    python3 benchmarks/pdf_readers.py [--docs 20] [--header-footer]

Prints dev texts (``../shared/corpus/dev/zh-*.txt``) to PDF with Chromium (see ``pages.py``), reads
each back with every library, and with meetingx's reader (pypdfium2, then running headers and
footers out and lines joined into paragraphs), and compares with the text: character accuracy
(1 - edits / length, white space left out, NFKC-folded, so order counts) and milliseconds per page.
``--header-footer`` prints with Chromium's running header and footer (date, title, address,
page n/m), which every library reads as text; the accuracy then shows how much of it gets in.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import print_pdf  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def read_pypdfium2(pdf: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    return [document[i].get_textpage().get_text_bounded() for i in range(len(document))]


def read_pypdf(pdf: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages]


def read_pdfminer(pdf: Path) -> list[str]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    with pdf.open("rb") as handle:
        count = sum(1 for _ in PDFPage.get_pages(handle))
    return [extract_text(str(pdf), page_numbers=[i]) for i in range(count)]


def read_meetingx(pdf: Path) -> list[str]:
    """meetingx's reader: pypdfium2's text layer, running lines out, paragraphs joined."""
    from meetingx.reading.pdf import pdf_to_text

    return [pdf_to_text(pdf.read_bytes())[0]]


READERS: dict[str, Callable[[Path], list[str]]] = {
    "pypdfium2": read_pypdfium2, "pypdf": read_pypdf, "pdfminer.six": read_pdfminer, "meetingx": read_meetingx}


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one row at a time."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1]


def accuracy(truth: str, read: str) -> float:
    """1 - edits / length, white space left out and both texts NFKC-folded (a full-width comma
    read for a half-width one is no error: meetingx's matching view folds them alike)."""
    truth, read = (re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)) for text in (truth, read))
    return max(0.0, 1 - edit_distance(truth, read) / max(1, len(truth)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--header-footer", action="store_true")
    args = parser.parse_args()
    texts = sorted(CORPUS.glob("zh-*.txt"))[: args.docs]
    totals = {name: [0.0, 0.0, 0] for name in READERS}  # accuracy sum, seconds, pages
    with tempfile.TemporaryDirectory() as directory:
        for path in texts:
            text = path.read_text(encoding="utf-8")
            pdf = print_pdf(text, Path(directory) / f"{path.stem}.pdf", header_footer=args.header_footer)
            for name, read in READERS.items():
                start = time.perf_counter()
                pages = read(pdf)
                totals[name][1] += time.perf_counter() - start
                totals[name][2] += len(pages)
                totals[name][0] += accuracy(text, "".join(pages))
    print(f"{len(texts)} dev texts, {totals['pypdf'][2]} pages"
          + (", with running header and footer" if args.header_footer else ""))
    print(f"{'library':14} {'char accuracy':>14} {'ms/page':>8}")
    for name, (score, seconds, pages) in totals.items():
        per_page = 1000 * seconds / max(1, totals["pypdf"][2])
        print(f"{name:14} {score / len(texts):14.4f} {per_page:8.1f}")


if __name__ == "__main__":
    main()
