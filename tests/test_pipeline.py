"""The character tokenizer: a token per character, the Doc spaCy builds from the characters."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from meetingx.components import TEXT_KEY
from meetingx.pipeline import CharTokenizer


@pytest.mark.parametrize("text", [
    "4月18日下午，学校在报告厅召开工作会议。",
    "校长 王明远\n主持会议\t（摘要）",
    "Ｆｕｌｌ-width ＡＢＣ and ascii abc 123",
    "𠀀𠀁 beyond the basic plane, and 😀",
    "",
])
def test_a_token_per_character(text: str) -> None:
    vocab = spacy.blank("zh").vocab
    tokenizer = CharTokenizer(vocab)

    first, again = tokenizer(text), tokenizer(text)
    expected = Doc(vocab, words=list(text), spaces=[False] * len(text))

    for doc in (first, again):
        assert doc.text == text
        assert [token.text for token in doc] == list(text)
        assert [(token.orth, token.is_alpha, token.like_num) for token in doc] == \
            [(token.orth, token.is_alpha, token.like_num) for token in expected]
        assert doc.user_data[TEXT_KEY] == text
