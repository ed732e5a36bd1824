"""safe_json.loads: one NotJSON, with a message, for every text that gives no usable JSON value."""

from __future__ import annotations

import math

import pytest

from meetingx.safe_json import MAX_DEPTH, NotJSON, loads

# Each case: the text, and the message of its NotJSON.
REFUSED = {
    "syntax error": ('{"a": 1,}', "Expecting property name enclosed in double quotes"),
    "trailing data": ('{"a": 1} {"b": 2}', "Extra data"),
    "empty": ("", "Expecting value"),
    "NaN": ('{"confidence": NaN}', "NaN is not a JSON number"),
    "Infinity": ("[Infinity]", "Infinity is not a JSON number"),
    "-Infinity": ("[-Infinity]", "-Infinity is not a JSON number"),
    "beyond a float": ("[1e999]", "1e999 is beyond the range of a float"),
    "long number beyond a float": ("[" + "9" * 400 + ".0]", "9" * 20 + "... is beyond the range of a float"),
    "5,000 digits": ("[" + "1" * 5000 + "]",
                     "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits"),
    "nested 5,000 deep": ("[" * 5000 + "]" * 5000, f"arrays and objects nested more than {MAX_DEPTH} deep"),
    "nested one too deep": ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
                            f"arrays and objects nested more than {MAX_DEPTH} deep"),
    "objects nested too deep": ('{"a":' * 300 + "1" + "}" * 300, f"arrays and objects nested more than {MAX_DEPTH} deep"),
    "lone high surrogate": ('["\\ud800"]', "a string holds a lone surrogate (U+D800), which UTF-8 cannot encode"),
    "lone low surrogate in a key": ('{"\\udc80": 1}',
                                    "a string holds a lone surrogate (U+DC80), which UTF-8 cannot encode"),
    "pair in the wrong order": ('["\\ude00\\ud83d"]',
                                "a string holds a lone surrogate (U+DE00), which UTF-8 cannot encode"),
    "surrogate read from bytes that were not UTF-8": ('["\udcff"]',
                                                      "a string holds a lone surrogate (U+DCFF), which UTF-8 cannot encode"),
}


@pytest.mark.parametrize(("text", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_refused(text: str, message: str) -> None:
    with pytest.raises(NotJSON) as refusal:
        loads(text)

    assert refusal.value.message == message


ACCEPTED = {
    "object": ('{"a": [1, 2.5, "会", null, true]}', {"a": [1, 2.5, "会", None, True]}),
    "surrogate pair": ('["\\ud83d\\ude00"]', ["\U0001f600"]),
    "4,300 digits": ("[" + "1" * 4300 + "]", [int("1" * 4300)]),
    "nested as deep as allowed": ("[" * MAX_DEPTH + "]" * MAX_DEPTH, eval("[" * MAX_DEPTH + "]" * MAX_DEPTH)),
    "tiny float": ("[1e-400]", [0.0]),
}


@pytest.mark.parametrize(("text", "value"), ACCEPTED.values(), ids=ACCEPTED.keys())
def test_accepted(text: str, value: object) -> None:
    assert loads(text) == value


def test_non_finite_numbers_pass_where_the_caller_ignores_them() -> None:
    value = loads('{"a": NaN, "b": -Infinity, "c": 1e999}', finite=False)

    assert math.isnan(value["a"]) and value["b"] == -math.inf and value["c"] == math.inf


def test_the_place_of_a_syntax_error() -> None:
    with pytest.raises(NotJSON) as refusal:
        loads('{\n  "a": 1\n  "b": 2\n}')

    assert (refusal.value.line, refusal.value.column) == (3, 3)
