"""mypy sees meetingx's types from a user's script: the package ships ``py.typed``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import meetingx

pytest.importorskip("mypy")

USER_SCRIPT = Path(__file__).parent / "typing" / "user_script.py"
#: Misuses that mypy can only catch when it knows meetingx's types (with Any, it finds nothing).
MISUSES = '''
import meetingx

record = meetingx.extract("4月18日下午，学校召开工作会议。")
year: int = record.date
nlp = meetingx.load("zh")
nlp.no_such_method()
'''


def test_mypy_finds_the_types_of_the_api(tmp_path: Path) -> None:
    (tmp_path / "misuses.py").write_text(MISUSES, encoding="utf-8")
    # the tree under test, found as an installed package would be: through the search path
    env = {"PYTHONPATH": str(Path(meetingx.__file__).parents[1]), "PATH": ""}

    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary",
         "--hide-error-context", str(USER_SCRIPT), "misuses.py"],
        cwd=tmp_path, capture_output=True, text=True, env=env)

    assert done.stdout.splitlines() == [
        'misuses.py:5: error: Incompatible types in assignment (expression has type "str | None", '
        'variable has type "int")  [assignment]',
        'misuses.py:7: error: "Language" has no attribute "no_such_method"  [attr-defined]',
    ], done.stdout + done.stderr
