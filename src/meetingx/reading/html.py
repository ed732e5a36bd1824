"""HTML pages: the article text, as trafilatura extracts it, with the title as the first line.

Record offsets refer to this extracted text, not to the markup.
"""

from __future__ import annotations

import re
from configparser import ConfigParser
from functools import lru_cache

from meetingx.reading.base import Unreadable

_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)
#: How far into a text the start of a page is looked for.
_HEAD = 4096
#: Elements whose text is not article text: navigation, page furniture, code.
_NOT_PROSE = ("nav", "header", "footer", "aside", "menu", "script", "style", "noscript", "template", "a",
              "button", "select", "form", "title", "head")
#: A letter or digit of any script: what makes a page's remaining text prose.
_WORD_CHARACTER = re.compile(r"[^\W_]")


def is_html(text: str) -> bool:
    """True when the text starts like an HTML page (a doctype or an ``<html>`` tag), after white
    space and ``<!-- -->`` comments. One scan: each comment is skipped by finding its end."""
    head = text[:_HEAD]
    position = _after_space(head, 0)
    while head.startswith("<!--", position):
        end = head.find("-->", position + 4)
        if end < 0:
            return False
        position = _after_space(head, end + 3)
    return _HTML_TAG.match(head, position) is not None


def _after_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


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
    has no article text, or nothing but navigation (links, menus, header and footer).
    """
    # trafilatura is imported on first use: it is slow to import and most batches have no HTML.
    import trafilatura

    result = trafilatura.bare_extraction(
        html, fast=True, include_comments=False, with_metadata=True, config=_config()
    )
    text = (result.text or "").strip() if result is not None else ""
    if not text:
        raise Unreadable("empty", "no article text found in the HTML page")
    if not _has_prose(html):
        raise Unreadable("empty", "the HTML page holds only navigation (links, menus, header, footer)")
    title = (result.title or "").strip()
    if title and text.split("\n", 1)[0].strip() != title:
        text = f"{title}\n{text}"
    return text


def _has_prose(html: str) -> bool:
    """Whether any letter or digit of the page stands outside links and page furniture."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # unparsable: leave the judgement to trafilatura's text
        return True
    for element in list(root.iter(*_NOT_PROSE)):
        if element.getparent() is not None:
            element.drop_tree()
    return _WORD_CHARACTER.search(root.text_content()) is not None
