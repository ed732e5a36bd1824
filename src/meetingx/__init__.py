"""meetingx: meeting reports to validated, source-grounded JSON records.

    >>> import meetingx
    >>> record = meetingx.extract("4月18日下午，学校在报告厅召开工作会议。", id="demo")
    >>> record.date
    'XXXX-04-18'
"""

from __future__ import annotations

from meetingx.api import extract, load, pipe
from meetingx.record import MeetingRecord

__version__ = "0.1.0"

__all__ = ["MeetingRecord", "__version__", "extract", "load", "pipe"]
