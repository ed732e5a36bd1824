"""meetingx: meeting reports to validated, source-grounded JSON records.

    >>> import meetingx
    >>> record = meetingx.extract("4月18日下午，学校在报告厅召开工作会议。", id="demo")
    >>> record.date
    'XXXX-04-18'
"""

from __future__ import annotations

__version__ = "0.1.0"  # first: the modules imported below read it

from meetingx.api import EmptyTextError, extract, load, pipe  # noqa: E402
from meetingx.record import MeetingRecord  # noqa: E402

__all__ = ["EmptyTextError", "MeetingRecord", "__version__", "extract", "load", "pipe"]
