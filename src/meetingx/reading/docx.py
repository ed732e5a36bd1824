"""Word documents (.docx): the paragraph texts joined with newlines.

Tables, headers, footers and text boxes are not read.
"""

from __future__ import annotations

import io


def docx_to_text(data: bytes) -> str:
    """The text of a .docx file's body paragraphs, one per line."""
    # Imported on first use, like trafilatura: most batches have no Word files.
    import docx

    document = docx.Document(io.BytesIO(data))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)
