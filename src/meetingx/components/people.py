"""(being written)"""

from __future__ import annotations

from spacy.tokens import Doc

from meetingx.lexicon import Lexicon


class PeopleFinder:
    def __init__(self, lexicon: Lexicon, **options: object) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        return doc
