"""A user's own data directory: a title word added there makes names with that title found; and the
word patterns built from the lists."""

from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

import meetingx
from meetingx.lexicon import load_lexicon, word_pattern

NEW_TITLES = ["董秘", "总规划师"]


def packaged_dir() -> Path:
    return Path(str(resources.files("meetingx").joinpath("data/zh")))


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    """A copy of the packaged ``meetingx/data/zh`` with the new titles appended to titles.txt."""
    target = tmp_path / "zh"
    shutil.copytree(packaged_dir(), target)
    with open(target / "titles.txt", "a", encoding="utf-8") as handle:
        handle.write("\n" + "\n".join(NEW_TITLES) + "\n")
    return str(target)


def pipeline(data_dir: str | None) -> spacy.language.Language:
    nlp = spacy.blank("zh")
    nlp.add_pipe("meetingx_text")
    nlp.add_pipe("meetingx_structure", config={"data_dir": data_dir})
    nlp.add_pipe("meetingx_people", config={"data_dir": data_dir})
    nlp.add_pipe("meetingx_clauses", config={"data_dir": data_dir})
    nlp.add_pipe("meetingx_spans")
    return nlp


def people(nlp: spacy.language.Language, text: str) -> dict[str, list[str]]:
    """name -> roles of the Doc's PERSON candidates, as original text."""
    doc = nlp(text)
    view = doc._.mx_text
    to_original = getattr(view, "to_original", lambda start, end: (start, end))

    def words(start: int, end: int) -> str:
        o_start, o_end = to_original(start, end)
        return text[o_start:o_end]

    return {words(c.start, c.end): [words(s, e) for s, e in c.data["roles"]]
            for c in doc._.mx_candidates if c.label == "PERSON"}


def test_the_new_titles_are_not_packaged():
    titles = load_lexicon("zh").titles
    assert not set(NEW_TITLES) & set(titles)


def test_load_lexicon_reads_the_users_titles(data_dir):
    lexicon = load_lexicon("zh", data_dir)

    assert set(NEW_TITLES) <= set(lexicon.titles)
    assert "副书记" in lexicon.titles
    assert re.fullmatch(lexicon.alternation("titles.txt"), "董秘")


def test_files_missing_from_the_users_directory_come_from_the_package(tmp_path):
    (tmp_path / "titles.txt").write_text("董秘\n", encoding="utf-8")
    lexicon = load_lexicon("zh", str(tmp_path))

    assert lexicon.titles == ["董秘"]
    assert "欧阳" in lexicon.surnames
    assert "主持" in lexicon.triggers


CASES = [
    pytest.param("5月10日，公司召开董事会会议。公司董秘林晓峰列席会议并作说明。", "林晓峰", ["公司董秘"],
                 id="dongmi-with-company"),
    pytest.param("5月10日，公司召开董事会会议，董秘林晓峰宣读了会议议案。", "林晓峰", ["董秘"], id="dongmi"),
    pytest.param("5月10日，规划院召开学术委员会会议，总规划师周向阳作学术报告。", "周向阳", ["总规划师"],
                 id="zong-guihuashi"),
]


@pytest.mark.parametrize(("text", "name", "roles"), CASES)
def test_a_name_with_the_new_title_is_found(data_dir, text, name, roles):
    found = people(pipeline(data_dir), text)

    assert found.get(name) == roles


@pytest.mark.parametrize(("text", "name", "roles"), CASES)
def test_without_the_users_directory_the_title_is_not_a_role(text, name, roles):
    found = people(pipeline(None), text)

    assert found.get(name) != roles


def test_the_users_pipeline_reports_the_speech_of_the_new_title(data_dir):
    text = "5月10日，规划院召开学术委员会会议，总规划师周向阳作学术报告。"
    doc = pipeline(data_dir)(text)
    view = doc._.mx_text
    to_original = getattr(view, "to_original", lambda start, end: (start, end))
    speeches = [text[slice(*to_original(c.start, c.end))] for c in doc._.mx_candidates if c.label == "SPEECH"]

    assert speeches == ["作学术报告"]
    assert any(span.label_ == "PERSON" and span.text == "周向阳" for span in doc.spans["meetingx"])


@pytest.mark.parametrize(("text", "name", "roles"), CASES)
def test_extract_reads_the_users_directory(data_dir, text, name, roles):
    with_users = meetingx.extract(text, data_dir=data_dir)
    packaged = meetingx.extract(text)

    assert [(p.name, p.roles) for p in with_users.speakers] == [(name, roles)]
    assert name not in [p.name for p in packaged.speakers]


WORD_PATTERNS = [
    pytest.param(["书记", "副书记", "书记处书记"], "中央书记处书记、副书记和书记", ["书记处书记", "副书记", "书记"],
                 id="longest-first"),
    pytest.param(["委员", "委员长", "主任委员"], "委员长会议，主任委员", ["委员长", "主任委员"], id="shared-prefix"),
    pytest.param(["a.b", "a"], "a.b axb", ["a.b", "a"], id="escaped"),
]


@pytest.mark.parametrize(("words", "text", "found"), WORD_PATTERNS)
def test_word_pattern_finds_the_longest_word(words, text, found):
    assert re.findall(word_pattern(words), text) == found


@given(st.lists(st.text(alphabet="abc.", min_size=1, max_size=4), min_size=1, max_size=12),
       st.text(alphabet="abc.x", max_size=40))
def test_word_pattern_matches_as_the_longest_first_alternation(words, text):
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    assert [m.span() for m in re.finditer(word_pattern(words), text)] == \
        [m.span() for m in re.finditer(alternation, text)]
