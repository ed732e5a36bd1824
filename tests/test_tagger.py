"""The name tagger answers many windows at once exactly as it answers each alone: windows of one
length share a model call, and the decoding finds the paths the textbook recursion finds."""

from __future__ import annotations

import numpy as np
import pytest

from meetingx import tagger

#: Windows of the kind the people rules ask about (names before and after titles and verbs),
#: composed for the test; several share a length, one is asked twice, one is empty.
WINDOWS = [
    "党委副书记王建国主持会议",
    "副校长李明远作报告",
    "会上，张晓东指出",
    "市长刘振华出席",
    "王建国主持会议",
    "教授陈思远、赵立新出席会议并讲话",
    "阿不都·热合曼主持会议",
    "学校召开工作会议",
    "副校长李明远作报告",
    "",
    "主任委员孙丽娟作说明",
    "局长周文斌、副局长吴海燕分别发言",
]


@pytest.fixture(autouse=True)
def no_earlier_answers():
    tagger.forget()
    yield
    tagger.forget()


def test_windows_asked_together_get_the_answers_each_gets_alone() -> None:
    alone = []
    for window in WINDOWS:
        tagger.forget()
        alone.append(tagger.person_spans(window))
    tagger.forget()

    assert tagger.person_spans_of(WINDOWS) == alone
    assert alone[0] == ((5, 8),)  # 王建国, as the offsets say
    assert alone[WINDOWS.index("")] == ()


def test_an_answer_is_given_once(monkeypatch: pytest.MonkeyPatch) -> None:
    model = tagger._tagger()
    tagged: list[str] = []
    real = model.person_words
    monkeypatch.setattr(model, "person_words", lambda texts: tagged.extend(texts) or real(texts))

    first = tagger.person_spans_of(WINDOWS)
    second = tagger.person_spans_of(reversed(WINDOWS))

    assert sorted(tagged) == sorted({window for window in WINDOWS if window})
    assert second == first[::-1]


def test_the_cache_keeps_its_size_and_still_answers_a_batch_larger_than_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tagger, "CACHE_SIZE", 3)

    answers = tagger.person_spans_of(WINDOWS)

    assert len(tagger._answers) == 3
    assert answers == tagger.person_spans_of(WINDOWS)


def textbook_path(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    """Viterbi as written in the books: for every tag, the best previous tag (ties to the lowest)."""
    score = emissions[0]
    backpointers = []
    for step in emissions[1:]:
        scores = score[:, None] + transitions
        best = scores.argmax(axis=0)
        score = scores[best, np.arange(len(score))] + step
        backpointers.append(best)
    path = [int(score.argmax())]
    for best in reversed(backpointers):
        path.append(int(best[path[-1]]))
    return path[::-1]


@pytest.mark.parametrize("seed", range(6))
def test_decoding_finds_the_paths_of_the_textbook_recursion(seed: int) -> None:
    """Rows of several lengths (longest first), some with two tags within reach of the best one
    or tied with it, which the decoding, row by row or joint, must decide as the recursion does."""
    model = tagger._tagger()
    rng = np.random.default_rng(seed)
    lengths = sorted(rng.integers(1, 30, size=12).tolist(), reverse=True)
    size = model.transitions.shape[0]
    emissions = np.zeros((len(lengths), lengths[0], size), dtype=np.float32)
    for row, length in enumerate(lengths):
        scores = rng.normal(0, 3, size=(length, size)).astype(np.float32)
        if row % 3 == 1:  # a close second at every step
            best = scores.argmax(axis=1)
            scores[np.arange(length), (best + 1) % size] = scores[np.arange(length), best] - 0.05
        if row % 3 == 2:  # ties
            scores[:, 7] = scores[:, 3] = scores.max(axis=1) + 1
        emissions[row, :length] = scores

    expected = [textbook_path(emissions[row, :length], model.transitions) for row, length in enumerate(lengths)]

    assert model.best_paths(emissions, lengths) == expected
    assert [model.best_path(emissions[row, :length]) for row, length in enumerate(lengths)] == expected
