"""Plain text in the encodings offices use: UTF-8 (with or without BOM), UTF-16 with BOM,
GB18030 (a superset of GBK and GB2312), Big5, and Windows-1252 for Western texts."""

from __future__ import annotations

import codecs

from meetingx.reading.base import Unreadable

#: Byte order marks and the codec each one announces; UTF-8's is kept apart in the name
#: (``utf-8-sig``) so that ``source.encoding`` tells the two UTF-8 forms apart.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: The legacy encodings charset-normalizer may choose among. Restricting the choice is what
#: makes short Chinese texts come out right: left open, it reads a few Big5 or GB18030 bytes as
#: UTF-16 or CP949.
LEGACY_ENCODINGS = ("gb18030", "big5", "cp1252")

#: Control characters that do not occur in text (all C0 controls but tab, LF, FF, CR, and ESC
#: for ISO-2022 sequences).
_CONTROL_BYTES = frozenset(range(32)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read: a NUL byte, or more than one
    in twenty bytes of the first 8 KB a control character. (A NUL further on is caught in the
    decoded text, by :func:`decode`.)"""
    head = data[:8192]
    return b"\x00" in head or sum(byte in _CONTROL_BYTES for byte in head) * 20 > len(head)


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of raw bytes: a BOM wins, then strict UTF-8, then charset-normalizer's
    best guess among :data:`LEGACY_ENCODINGS`. Raises :class:`Unreadable` (``binary`` or
    ``undecodable``); a text holding a NUL character anywhere is ``binary``."""
    text, encoding = _decode(data)
    nul = text.find("\x00")
    if nul >= 0:
        raise Unreadable("binary", f"a NUL character at offset {nul}: binary data, not text")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as error:
                raise Unreadable("undecodable", f"invalid {encoding} after its byte order mark: {error}")
    if looks_binary(data):
        raise Unreadable("binary", "binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise Unreadable("undecodable", f"not UTF-8 and not decodable as any of {', '.join(LEGACY_ENCODINGS)}")
    return data.decode(best.encoding), best.encoding
