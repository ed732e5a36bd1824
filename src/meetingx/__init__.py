"""meetingx: meeting reports to validated, source-grounded JSON records.

    >>> import meetingx
    >>> record = meetingx.extract("4月18日下午，学校在报告厅召开工作会议。", id="demo")
    >>> record.date
    'XXXX-04-18'

The API's names are imported when first used, so that ``import meetingx`` (and ``meetingx --help``,
``--version`` or ``schema``) does not import spaCy; and spaCy, when imported, leaves out its command
line until asked for it (:mod:`meetingx.spacy_import`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from meetingx import spacy_import

__version__ = "0.1.0"

if TYPE_CHECKING:
    from meetingx.api import EmptyTextError, extract, load, pipe
    from meetingx.record import MeetingRecord

__all__ = ["EmptyTextError", "MeetingRecord", "__version__", "extract", "load", "pipe"]

#: The module of each name of the API.
_MODULES = {"EmptyTextError": "meetingx.api", "extract": "meetingx.api", "load": "meetingx.api",
            "pipe": "meetingx.api", "MeetingRecord": "meetingx.record"}

spacy_import.install()


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module 'meetingx' has no attribute {name!r}")
    value = getattr(import_module(_MODULES[name]), name)
    globals()[name] = value
    return value
