"""Rich Text Format (.rtf): the text of the document body, in one linear scan.

Groups of formatting data (font and colour tables, style sheets, document info, pictures, headers
and footers, field instructions, and every ``{\\*…}`` group) are left out. ``\\'hh`` bytes are
decoded with the document's code page (``\\ansicpg936`` for GBK, ``\\ansicpg950`` for Big5; cp1252
without one), ``\\uN`` characters as Unicode, with the ``\\ucN`` fallback characters after them
left out. Paragraphs, line breaks and table rows end lines; table cells are separated by a tab.
"""

from __future__ import annotations

import re

from meetingx.reading.base import Unreadable

_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)", re.S)
_SKIPPED_GROUPS = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
    "footer", "footerl", "footerr", "footerf", "footnote", "fldinst", "themedata", "colorschememapping",
    "latentstyles", "datastore", "xmlnstbl", "listtable", "listoverridetable", "rsidtbl", "generator",
    "filetbl", "revtbl", "bkmkstart", "bkmkend", "pgdsctbl", "shpinst", "nonshppict", "private"})
_WORDS = {"par": "\n", "line": "\n", "row": "\n", "sect": "\n", "page": "\n", "tab": "\t", "cell": "\t",
          "emdash": "\u2014", "endash": "\u2013", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
          "rdblquote": "\u201d", "bullet": "\u2022", "emspace": "\u2003", "enspace": "\u2002"}
_SYMBOLS = {"~": "\u00a0", "-": "", "_": "\u2011", "\\": "\\", "{": "{", "}": "}", "\n": "\n", "\r": "\n"}
_CODE_PAGES = {"936": "gbk", "950": "big5", "54936": "gb18030", "65001": "utf-8"}


def rtf_to_text(data: bytes) -> str:
    """The body text of an RTF file's bytes."""
    raw = data.decode("latin-1")
    if not raw.lstrip().startswith("{\\rtf"):
        raise Unreadable("unreadable", "not an RTF document (it does not start with {\\rtf)")
    code_page = re.search(r"\\ansicpg(\d{1,5})", raw[:4096])
    encoding = _CODE_PAGES.get(code_page.group(1), f"cp{code_page.group(1)}") if code_page else "cp1252"
    out: list[str] = []
    pending = bytearray()  # \'hh bytes (and raw 8-bit bytes) not yet decoded

    def flush() -> None:
        if pending:
            out.append(pending.decode(encoding, errors="replace"))
            pending.clear()

    stack: list[tuple[bool, int]] = []
    skipping, unicode_skip, to_skip = False, 1, 0
    group_start = False  # the next control word is the first of its group
    position = 0
    while position < len(raw):
        match = _TOKEN.match(raw, position)
        if match is None:  # a lone backslash at the end
            break
        position = match.end()
        word, parameter, hex_byte, symbol, brace, text = match.groups()
        first_in_group, group_start = group_start, False
        if brace == "{":
            stack.append((skipping, unicode_skip))
            group_start = True
            continue
        if brace == "}":
            flush()
            skipping, unicode_skip = stack.pop() if stack else (skipping, unicode_skip)
            to_skip = 0
            continue
        if word is not None:
            if word == "bin" and parameter:
                position += max(0, int(parameter))  # binary data: never text
            elif first_in_group and word in _SKIPPED_GROUPS:
                skipping = True
            elif word == "uc" and parameter:
                unicode_skip = max(0, int(parameter))
            elif word == "u" and parameter and not skipping:
                flush()
                value = int(parameter)
                out.append(chr(value + 65536 if value < 0 else value) if -32768 <= value <= 0x10FFFF else "\ufffd")
                to_skip = unicode_skip
            elif word in _WORDS and not skipping:
                flush()
                out.append(_WORDS[word])
            continue
        if symbol is not None:
            if symbol == "*" and first_in_group:
                skipping = True
            elif not skipping and symbol in _SYMBOLS:
                flush()
                out.append(_SYMBOLS[symbol])
            continue
        if hex_byte is not None:
            if to_skip:
                to_skip -= 1
            elif not skipping:
                pending.append(int(hex_byte, 16))
            continue
        if text is not None and not skipping:
            if to_skip:
                text, to_skip = text[to_skip:], max(0, to_skip - len(text))
            if text.isascii():
                flush()
                out.append(text)
                continue
            for character in text:
                if ord(character) >= 0x80:
                    pending.append(ord(character))
                else:
                    flush()
                    out.append(character)
    flush()
    return "\n".join(line.rstrip("\t ") for line in "".join(out).split("\n")).strip("\n")
