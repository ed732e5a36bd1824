"""Build the spaCy ``Language`` for a language code from the registered components."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from meetingx import __version__
from meetingx.components import TEXT_KEY
from meetingx.components import register as _register  # noqa: F401  (factories)

#: The components of each language's pipeline, in the order they run.
PIPELINES: dict[str, tuple[str, ...]] = {
    "zh": (
        "meetingx_text",
        "meetingx_structure",
        "meetingx_dates",
        "meetingx_people",
        "meetingx_places",
        "meetingx_numbering",
        "meetingx_resolutions",
        "meetingx_clauses",
        "meetingx_attendance",
        "meetingx_held",
        "meetingx_spans",
    ),
    "en": (
        "meetingx_text",
        "meetingx_structure",
        "meetingx_dates",
        "meetingx_people",
        "meetingx_places",
        "meetingx_resolutions",
        "meetingx_clauses",
        "meetingx_numbering",
        "meetingx_attendance",
        "meetingx_held",
        "meetingx_spans",
    ),
}

#: Documents longer than spaCy's default limit are still read (the batch has its own size limit).
MAX_LENGTH = 20_000_000


class CharTokenizer:
    """One token per character, as spaCy's ``char`` segmenter for Chinese makes them, but built
    straight from the text: the segmenter's alignment step is slow, and quadratic on long texts.
    Spaces are tokens of their own, so every character offset is a token boundary. It has no
    state: saving and loading it (``nlp.to_disk``, ``spacy.load``) write and read nothing.

    The Doc is built from the characters' lexeme ids, which the tokenizer keeps by character:
    built from the characters themselves, it would hash each one twice over (to find its lexeme
    and to check it against the string store)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._orth_ids: dict[str, int] = {}

    def __call__(self, text: str) -> Doc:
        orth_ids = self._orth_ids
        try:
            words = list(map(orth_ids.__getitem__, text))
        except KeyError:
            for char in set(text).difference(orth_ids):
                orth_ids[char] = self.vocab[char].orth
            words = list(map(orth_ids.__getitem__, text))
        doc = Doc(self.vocab, words=words, spaces=[False] * len(text))
        doc.user_data[TEXT_KEY] = text
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        pass

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> CharTokenizer:
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> CharTokenizer:
        return self


def without_lexical_attributes(vocab: Vocab) -> Vocab:
    """``vocab``, made to compute no lexical attributes for the words it meets: meetingx's
    components read the text, never a token's ``like_num``, ``is_punct`` or ``shape``, and
    computing spaCy's two dozen of them for every new character is a third of the cost of the
    Docs of a fresh process. On meetingx's Docs those attributes read false or empty; a component
    of your own that wants them sets ``nlp.vocab.lex_attr_getters`` back to the language's
    (``spacy.blank(lang).vocab.lex_attr_getters``)."""
    vocab.lex_attr_getters = {}
    return vocab


@registry.tokenizers("meetingx.CharTokenizer.v1")
def make_char_tokenizer() -> object:
    def create(nlp: Language) -> CharTokenizer:
        return CharTokenizer(without_lexical_attributes(nlp.vocab))

    return create


class WhitespaceTokenizer:
    """Tokens between white space, built straight from the text: the components read the text,
    not the tokens, and spaCy's English tokenizer (prefixes, suffixes, exceptions) would cost more
    than all of them. White space other than one space after a word is a token of its own. Like
    :class:`CharTokenizer`, it has no state to save or load."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for match in _WORD_OR_SPACE.finditer(text):
            part = match.group()
            if not part[0].isspace():
                words.append(part)
                spaces.append(False)
                continue
            if part[0] == " " and words and not spaces[-1] and not words[-1][0].isspace():
                spaces[-1] = True
                part = part[1:]
            if part:
                words.append(part)
                spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        pass

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> WhitespaceTokenizer:
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> WhitespaceTokenizer:
        return self


_WORD_OR_SPACE = re.compile(r"\S+|\s+")


@registry.tokenizers("meetingx.WhitespaceTokenizer.v1")
def make_whitespace_tokenizer() -> object:
    def create(nlp: Language) -> WhitespaceTokenizer:
        return WhitespaceTokenizer(without_lexical_attributes(nlp.vocab))

    return create


#: The tokenizer of each language's pipeline.
TOKENIZERS: dict[str, str | None] = {"zh": "meetingx.CharTokenizer.v1", "en": "meetingx.WhitespaceTokenizer.v1"}


#: Components that read no rule data (they take no ``data_dir``).
_WITHOUT_DATA = {"meetingx_spans"}


def build(lang: str = "zh", data_dir: str | None = None, tagger: bool = True) -> Language:
    """A new blank spaCy pipeline for ``lang`` with meetingx's components added in order; with
    ``data_dir``, the components read the lexicons and patterns there (files missing there are
    taken from the packaged data). Without ``tagger``, people are found by the rules alone: about
    1.3-1.5 times as fast, with fewer speakers and attendees found (names with no title)."""
    if lang not in PIPELINES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {sorted(PIPELINES)}")
    tokenizer = TOKENIZERS[lang]
    config = {"nlp": {"tokenizer": {"@tokenizers": tokenizer}}} if tokenizer else {}
    nlp = spacy.blank(lang, config=config)
    nlp.max_length = MAX_LENGTH
    nlp.meta.update(name=f"meetingx_{lang}", version=__version__,
                    description="meetingx's components: candidate spans for a meeting record",
                    requirements=[f"meetingx=={__version__}"])
    for name in PIPELINES[lang]:
        component_config: dict[str, object] = (
            {} if name in _WITHOUT_DATA or data_dir is None else {"data_dir": data_dir})
        if name == "meetingx_people" and not tagger:
            component_config["use_tagger"] = False
        nlp.add_pipe(name, config=component_config)
    return nlp


@lru_cache(maxsize=None)
def load(lang: str = "zh", data_dir: str | None = None, tagger: bool = True) -> Language:
    """The pipeline that extraction (:func:`meetingx.extract`, the CLI, the service) runs, built by
    :func:`build` once per process and set of arguments, and shared. Not for changing: a caller
    who wants a pipeline of their own gets one from ``meetingx.load`` (that is, :func:`build`)."""
    return build(lang, data_dir, tagger)
