"""Rule data: lexicons and patterns kept in ``meetingx/data/<lang>/``, apart from the code.

A ``.txt`` file holds one entry a line (``#`` starts a comment); a ``.jsonl`` file one JSON object
a line. Adding a title word is a one-line change to ``titles.txt``. A user can point the
components at a directory of their own with the same layout (``data_dir`` in the component
config); files missing there are taken from the packaged data.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional

#: The kinds of file rule data is kept in (those a package build ships).
DATA_SUFFIXES = (".txt", ".jsonl", ".json")


def word_pattern(words: Iterable[str]) -> str:
    """A regex that matches any of ``words``, the longest one where several match (副书记 before 书记),
    as ``|``-joined words sorted longest first would, but written as a trie (书记(?:处)?|副书记):
    ``re`` tries alternatives one by one, so a list of a hundred titles tried at every character
    costs a hundred tries where the trie costs one or two. The pattern depends only on the set of
    words; each set's is made once (components ask for the titles' and the verbs' many times)."""
    return _word_pattern(frozenset(words))


@lru_cache(maxsize=None)
def _word_pattern(words: frozenset[str]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        if word:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    children = {char: child for char, child in node.items() if char}
    leaves = sorted(char for char, child in children.items() if child.keys() == {""})
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(children.items())
                if child.keys() != {""}]
    single_atom = not branches and bool(leaves)  # one character or one character class
    if leaves:
        branches.append(re.escape(leaves[0]) if len(leaves) == 1 else f"[{''.join(map(re.escape, leaves))}]")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    return f"{body}?" if single_atom else f"(?:{body})?"


class Lexicon:
    """The rule data of one language, read lazily file by file: a file of ``files`` (name ->
    content, as a saved pipeline carries them) wins, then one of ``data_dir``, then the packaged
    one."""

    def __init__(self, lang: str, data_dir: Optional[str] = None, files: Optional[Mapping[str, str]] = None) -> None:
        self.lang = lang
        self.data_dir = Path(data_dir) if data_dir else None
        self.files = dict(files or {})

    @classmethod
    def read_directory(cls, lang: str, path: Path) -> Lexicon:
        """The rule data saved in ``path`` by :meth:`save`, read at once (the directory may go
        away afterwards); files missing there are taken from the packaged data."""
        files = {} if not path.is_dir() else {
            file.name: file.read_text(encoding="utf-8")
            for file in sorted(path.iterdir()) if file.suffix in DATA_SUFFIXES and file.is_file()}
        return cls(lang, files=files)

    def _read(self, filename: str) -> str:
        if filename in self.files:
            return self.files[filename]
        if self.data_dir is not None and (self.data_dir / filename).exists():
            return (self.data_dir / filename).read_text(encoding="utf-8")
        return resources.files("meetingx").joinpath(f"data/{self.lang}/{filename}").read_text(encoding="utf-8")

    def data_files(self) -> dict[str, str]:
        """Every rule data file of the language as this lexicon reads it, by name, sorted: the
        packaged files' names, with the contents that win (see the class)."""
        packaged = resources.files("meetingx").joinpath(f"data/{self.lang}")
        names = {entry.name for entry in packaged.iterdir() if entry.name.endswith(DATA_SUFFIXES)}
        return {name: self._read(name) for name in sorted(names | self.files.keys())}

    def save(self, path: Path) -> None:
        """Write :meth:`data_files` into the directory ``path`` (made if need be)."""
        path.mkdir(parents=True, exist_ok=True)
        for name, content in self.data_files().items():
            (path / name).write_text(content, encoding="utf-8")

    def fingerprint(self) -> str:
        """sha256 over :meth:`data_files` (names and contents): which rule data is in use."""
        files = json.dumps(self.data_files(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(files.encode("utf-8")).hexdigest()

    def words(self, filename: str) -> list[str]:
        """Entries of a ``.txt`` file, in file order, without comments and blank lines."""
        entries = []
        for line in self._read(filename).splitlines():
            entry = line.split("#", 1)[0].strip()
            if entry:
                entries.append(entry)
        return entries

    def characters(self, filename: str) -> frozenset[str]:
        """The characters listed in a ``.txt`` file (spaces and comments aside)."""
        return frozenset("".join(self.words(filename)).replace(" ", ""))

    def records(self, filename: str) -> list[dict[str, Any]]:
        """Objects of a ``.jsonl`` file, in file order."""
        return [json.loads(line) for line in self._read(filename).splitlines()
                if line.strip() and not line.lstrip().startswith("#")]

    def alternation(self, filename: str) -> str:
        """A regex that matches the words of a word list, longest first (see :func:`word_pattern`)."""
        return word_pattern(self.words(filename))

    # Frequently used views, computed once per Lexicon.
    @cached_property
    def titles(self) -> list[str]:
        return self.words("titles.txt")

    @cached_property
    def surnames(self) -> frozenset[str]:
        return frozenset(self.words("surnames.txt"))

    @cached_property
    def triggers(self) -> dict[str, frozenset[str]]:
        """Trigger verb -> the acts a clause with it reports (chair, speech, attend, agenda, convene)."""
        return {r["verb"]: frozenset(r["acts"]) for r in self.records("triggers.jsonl")}

    @cached_property
    def lead_re(self) -> "re.Pattern[str]":
        """A run of lead words that open a clause before its subject (会上，首先，会议由…)."""
        return re.compile(rf"(?:{self.alternation('lead_words.txt')})+")

    def skip_lead(self, text: str, start: int, end: int) -> int:
        """``start`` moved past the lead words of text[start:end], leaving at least one character."""
        lead = self.lead_re.match(text, start, max(start, end - 1))
        return lead.end() if lead else start

    @cached_property
    def header_cue(self) -> "re.Pattern[str]":
        """A field name of a minutes header with its colon (地点：)."""
        return re.compile(rf"(?:{self.alternation('header_cues.txt')})\s*：")

    @cached_property
    def other_occasion(self) -> "re.Pattern[str]":
        """An adverb that places an act on other occasions than the meeting (多次, 曾经, 一再)."""
        return re.compile(self.alternation("other_occasions.txt"))

    def verbs(self, *acts: str) -> list[str]:
        """The trigger verbs of any of ``acts``, longest first."""
        return sorted((v for v, verb_acts in self.triggers.items() if verb_acts.intersection(acts)),
                      key=len, reverse=True)


@lru_cache(maxsize=None)
def load_lexicon(lang: str, data_dir: Optional[str] = None) -> Lexicon:
    return Lexicon(lang, data_dir)
