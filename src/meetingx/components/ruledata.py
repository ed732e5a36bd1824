"""Components built from rule data carry that data with the pipeline.

``nlp.to_disk(path)`` writes the lexicons and patterns each such component was built from into
``path/<component name>/`` (every data file of the language, as the component read it: its
``data_dir``'s files where it had one, else the packaged ones), and ``spacy.load(path)`` builds the
component again from those files. A saved pipeline so gives the same results wherever it is
loaded, whatever the packaged data or the original ``data_dir`` hold by then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import srsly
from spacy.tokens import Doc

from meetingx.lexicon import Lexicon

#: A component proper: what :class:`WithRuleData` runs on each Doc.
Component = Callable[[Doc], Doc]


class WithRuleData:
    """The pipeline component that ``build`` makes from a :class:`Lexicon`, with that lexicon's
    files saved and loaded through spaCy's ``to_disk``/``from_disk`` and ``to_bytes``/``from_bytes``."""

    def __init__(self, name: str, build: Callable[[Lexicon], Component], lexicon: Lexicon,
                 sets_text_view: bool = False) -> None:
        self.name = name
        self.build = build
        self.lexicon = lexicon
        self.component = build(lexicon)
        #: whether the component is the one that sets the text view (an English meetingx_text)
        self.sets_text_view = sets_text_view

    def __call__(self, doc: Doc) -> Doc:
        return self.component(self.checked(doc))

    def checked(self, doc: Doc) -> Doc:
        """The Doc, once it is seen to have the text view every component reads."""
        if doc._.mx_text is None and not self.sets_text_view:
            raise ValueError(f"{self.name} reads the text view that meetingx_text sets: add that component "
                             f"before it (nlp.add_pipe('meetingx_text', first=True))")
        return doc

    def _rebuild(self, files: dict[str, str]) -> WithRuleData:
        self.lexicon = Lexicon(self.lexicon.lang, files=files)
        self.component = self.build(self.lexicon)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.lexicon.save(Path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> WithRuleData:
        return self._rebuild(Lexicon.read_directory(self.lexicon.lang, Path(path)).files)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.lexicon.data_files())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> WithRuleData:
        return self._rebuild(srsly.msgpack_loads(data))


class PipedWithRuleData(WithRuleData):
    """A :class:`WithRuleData` whose component also reads many Docs at once: spaCy's ``nlp.pipe``
    hands them to its ``pipe``, in batches of ``batch_size``."""

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        pipe: Callable[..., Iterator[Doc]] = getattr(self.component, "pipe")
        return pipe(map(self.checked, docs), batch_size=batch_size)
