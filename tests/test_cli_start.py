"""The command starts fast: ``meetingx --help``, ``--version`` and ``schema`` (and ``import
meetingx``) do not import spaCy or load a model; the API's names load on first use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import meetingx

#: Runs the command with the arguments given, then says whether spaCy or the tagger's runtime was imported.
SCRIPT = """
import sys
from meetingx.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("imported:", sorted(name for name in ("spacy", "onnxruntime") if name in sys.modules))
"""


def run(*arguments: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(meetingx.__file__).parents[1]),
                                                        os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", SCRIPT, *arguments], capture_output=True, text=True, env=env,
                          check=True)
    return done.stdout.strip().splitlines()


@pytest.mark.parametrize("arguments", [["--help"], ["--version"], ["schema"], ["extract", "--help"]],
                         ids=["help", "version", "schema", "extract-help"])
def test_the_command_answers_without_spacy(arguments: list[str]) -> None:
    lines = run(*arguments)

    assert lines[-1] == "imported: []"
    assert len(lines) > 1  # it did answer


def test_import_meetingx_loads_the_api_on_first_use() -> None:
    script = ("import sys, meetingx\n"
              "print('spacy' in sys.modules)\n"
              "print(meetingx.extract('4月18日下午，学校召开工作会议。').date, 'spacy' in sys.modules)\n"
              "print(meetingx.MeetingRecord.__name__, meetingx.__version__)\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(meetingx.__file__).parents[1]),
                                                        os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)

    assert done.stdout.splitlines() == ["False", "XXXX-04-18 True", f"MeetingRecord {meetingx.__version__}"]
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        meetingx.nothing  # noqa: B018


#: Calls the program's entry point with the arguments given, after registering an exit handler
#: that writes "handled" to standard error (run() must still run the handlers it skips past).
PROGRAM = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("handled\\n"))
sys.argv = ["meetingx", *sys.argv[1:]]
from meetingx.cli import run
run()
"""


@pytest.mark.parametrize(("arguments", "stdin", "status", "in_stdout", "in_stderr"), [
    (["extract", "-"], "4月18日下午，学校召开工作会议。", 0, '"date": "XXXX-04-18"', "1 records, 0 errors"),
    (["extract", "no-such-file.txt"], "", 1, "", "1 errors"),
    (["extract", "--jobs", "0", "-"], "", 2, "", "Invalid value for '--jobs'"),
    (["--version"], "", 0, "meetingx, version", ""),
], ids=["record", "error-entry", "usage-error", "version"])
def test_the_program_ends_with_the_commands_status_and_all_its_output(
        arguments: list[str], stdin: str, status: int, in_stdout: str, in_stderr: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(meetingx.__file__).parents[1]),
                                                        os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", PROGRAM, *arguments], input=stdin, capture_output=True,
                          text=True, env=env)

    assert done.returncode == status
    assert in_stdout in done.stdout
    assert in_stderr in done.stderr
    assert done.stderr.endswith("handled\n")
