"""Reading inputs as offices have them: text in UTF-8, UTF-16, GB18030 or Big5, HTML pages,
Word files (.docx, .doc), RTF, PDFs (a text layer, or scanned pages by OCR), images of pages,
directories of these, JSON Lines files and standard input (see :mod:`.formats` for which reader
reads what, :mod:`.walk` for directories and ids, :mod:`.sources` for finding a record's text).

:func:`iter_inputs` is the entry point: it yields a :class:`Document` for every document, and an
:class:`InputError` in the place of every input that cannot be read.
"""

from meetingx.reading.base import Document, InputError
from meetingx.reading.inputs import iter_inputs

__all__ = ["Document", "InputError", "iter_inputs"]
