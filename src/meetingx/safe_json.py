"""JSON read from files meetingx did not write, with every way it can fail as one error.

``json.loads`` fails in more ways than ``JSONDecodeError``: a number of more than 4,300 digits
raises a plain ``ValueError`` and deep nesting a ``RecursionError``; and it accepts what no JSON
text can mean and what cannot be written back as UTF-8: ``NaN`` and ``Infinity``, and strings
holding a lone surrogate (``"\\ud800"``). :func:`loads` turns each of these into
:class:`NotJSON`, whose message says what is wrong, so that a caller has one error to report.
It also refuses nesting deeper than :data:`MAX_DEPTH`, so that no code walking a value it
returns runs out of stack, however deep the caller's own stack is.
"""

from __future__ import annotations

import json
import math
from typing import Any, NoReturn

#: The deepest nesting of arrays and objects accepted. A record nests four deep; the limit only
#: keeps walks over a value (printing, comparing, validating) far from Python's recursion limit.
MAX_DEPTH = 100


class NotJSON(ValueError):
    """A text that is not a JSON value meetingx can use; ``line`` and ``column`` (from 1) say where,
    when the parser knows."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def loads(text: str, *, finite: bool = True) -> Any:
    """The value of a JSON text; :class:`NotJSON` when it has none.

    By default non-finite numbers are refused: ``NaN``, ``Infinity``, ``-Infinity`` and numbers
    beyond a float's range (``1e999``). ``finite=False`` accepts them as Python's json does, for
    inputs whose numbers meetingx ignores.
    """
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float) if finite \
            else json.loads(text)
    except json.JSONDecodeError as error:
        raise NotJSON(error.msg, error.lineno, error.colno) from None
    except RecursionError:
        raise NotJSON(_TOO_DEEP) from None
    except ValueError as error:  # ints over sys.get_int_max_str_digits() digits, NaN when finite
        raise NotJSON(str(error).split(";")[0]) from None
    if _deeper_than(value, MAX_DEPTH):
        raise NotJSON(_TOO_DEEP)
    _check_writable(value)
    return value


_TOO_DEEP = f"arrays and objects nested more than {MAX_DEPTH} deep"


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than ``limit`` deep in ``value`` (without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(digits: str) -> float:
    """A JSON number with a fraction or exponent; ValueError for one beyond float's range
    (``1e999``), which Python would read as infinity."""
    number = float(digits)
    if not math.isfinite(number):
        raise ValueError(f"{digits[:20]}{'...' if len(digits) > 20 else ''} is beyond the range of a float")
    return number


def _check_writable(value: Any) -> None:
    """Raise NotJSON unless ``value`` can be written back as UTF-8 JSON: a lone surrogate in a
    string cannot."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        surrogate = error.object[error.start:error.start + 1]
        raise NotJSON(f"a string holds a lone surrogate (U+{ord(surrogate):04X}), which UTF-8 cannot encode") from None
