"""Pages made from a text, as an office has them: a PDF printed by Chromium (with a text layer),
a screenshot of the page, and images of the PDF's pages (a clean scan). Used by the format
benchmarks and the reading tests.

Needs ``chromium`` (Debian: ``apt-get install chromium fonts-wqy-microhei``) and ``pypdfium2``.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def browser() -> str | None:
    """The Chromium executable on this machine, or None."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def report_html(text: str) -> str:
    """A page showing ``text``, one paragraph a line, in a CJK font (blank lines left out)."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return ("<!doctype html><html><head><meta charset=\"utf-8\"><title>report</title><style>"
            "body{font-family:'WenQuanYi Micro Hei',sans-serif;font-size:13pt;line-height:1.7;margin:0}"
            "p{margin:0 0 .6em 0;text-indent:2em}</style></head><body>" + paragraphs + "</body></html>")


def print_pdf(text: str, pdf: Path, header_footer: bool = False) -> Path:
    """Prints ``text`` to ``pdf`` (A4) with headless Chromium; ``header_footer`` keeps Chromium's
    running header (date, title) and footer (address, page n/m) on every page."""
    executable = browser()
    if executable is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    with tempfile.TemporaryDirectory() as directory:
        page = Path(directory) / "report.html"
        page.write_text(report_html(text), encoding="utf-8")
        command = [executable, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                   f"--user-data-dir={directory}/profile", page.as_uri()]
        if not header_footer:
            command.insert(-1, "--no-pdf-header-footer")
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    return pdf


def screenshot(text: str, png: Path, width: int = 900, height: int = 1200) -> Path:
    """A screenshot of ``text`` shown as a page by headless Chromium (``width`` x ``height`` pixels)."""
    executable = browser()
    if executable is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    with tempfile.TemporaryDirectory() as directory:
        page = Path(directory) / "report.html"
        page.write_text(report_html(text).replace("margin:0}", "margin:40px}", 1), encoding="utf-8")
        subprocess.run([executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={png}", f"--window-size={width},{height}",
                        f"--user-data-dir={directory}/profile", page.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return png


def page_images(pdf: Path, dpi: int = 150) -> list[Any]:
    """Each page of ``pdf`` as a PIL image at ``dpi``: what a scanner gives for a clean print."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [document[index].render(scale=dpi / 72).to_pil().convert("RGB") for index in range(len(document))]
    finally:
        document.close()
