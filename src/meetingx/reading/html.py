"""HTML pages: the article text, as trafilatura extracts it, with the title as the first line.

Record offsets refer to this extracted text, not to the markup.
"""

from __future__ import annotations

import re
from configparser import ConfigParser
from functools import lru_cache

from meetingx.reading.base import Unreadable

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)


def is_html(text: str) -> bool:
    """True when the text starts like an HTML page (a doctype or an ``<html>`` tag)."""
    return _HTML_START.match(text[:4096]) is not None


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    # By default a main text shorter than 250 characters is thrown away for a flattened
    # whole-page fallback; meeting reports are often that short, and their paragraphs matter.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


def html_to_text(html: str) -> str:
    """The article text of a page, paragraphs on their own lines, the title first.

    ``fast=True`` leaves out trafilatura's fallback extractors, so the text is the output of one
    deterministic algorithm; comments are left out. Raises ``Unreadable("empty")`` when the page
    has no article text.
    """
    # trafilatura is imported on first use: it is slow to import and most batches have no HTML.
    import trafilatura

    result = trafilatura.bare_extraction(
        html, fast=True, include_comments=False, with_metadata=True, config=_config()
    )
    text = (result.text or "").strip() if result is not None else ""
    if not text:
        raise Unreadable("empty", "no article text found in the HTML page")
    title = (result.title or "").strip()
    if title and text.split("\n", 1)[0].strip() != title:
        text = f"{title}\n{text}"
    return text
