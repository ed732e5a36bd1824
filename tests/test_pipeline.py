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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pipelines_compute_no_lexical_attributes(lang: str) -> None:
    """The components read the text; spaCy's lexical attributes are not computed for new words."""
    from meetingx.pipeline import build

    nlp = build(lang, tagger=False)
    doc = nlp.make_doc("会议由王明主持，12人出席。 Twelve members, 12 votes.")

    assert nlp.vocab.lex_attr_getters == {}
    assert not any(token.like_num or token.is_punct or token.is_alpha for token in doc)
    assert spacy.blank(lang).vocab.lex_attr_getters  # a plain spaCy pipeline keeps its own
