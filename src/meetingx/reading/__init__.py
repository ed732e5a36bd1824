"""Reading inputs: paths, directories, JSON Lines files and stdin become :class:`Document` objects."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Document:
    """A text to extract from, with where it came from."""

    id: str
    text: str
    path: str | None = None
    encoding: str = "utf-8"

    @property
    def sha256(self) -> str:
        """sha256 of the UTF-8 text that record offsets refer to."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def iter_documents(inputs: list[str]) -> Iterator[Document]:
    """Documents of every input, in order: files, directories (``*.txt``, recursively),
    JSON Lines files of ``{"id", "text"}`` objects, and ``-`` for standard input."""
    import sys

    for spec in inputs:
        if spec == "-":
            yield Document(id="stdin", text=sys.stdin.read(), path=None)
            continue
        path = Path(spec)
        if path.is_dir():
            for child in sorted(path.rglob("*.txt")):
                yield read_text_file(child)
        elif path.suffix == ".jsonl":
            yield from read_jsonl(path)
        else:
            yield read_text_file(path)


def read_text_file(path: Path) -> Document:
    return Document(id=path.stem, text=path.read_text(encoding="utf-8"), path=str(path))


def read_jsonl(path: Path) -> Iterator[Document]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            yield Document(id=str(obj.get("id", f"{path.stem}:{number}")), text=obj["text"], path=str(path))
