"""spaCy imported after meetingx leaves out its command line until asked for it, and is otherwise
the spaCy a user knows. Each case runs in a Python process of its own: this one has spaCy already."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

#: Prints what a script's checks found, as JSON.
REPORT = "import json; print(json.dumps(found))"

CASES = {
    "spaCy after meetingx: no command line": (
        """
import sys
import meetingx, spacy
from meetingx import spacy_import
found = {
    "command line imported": "spacy.cli" in sys.modules,
    "typer imported": "typer" in sys.modules,
    "spacy.info is meetingx's": spacy.info is spacy_import.info,
    "loader is spaCy's own": type(spacy.__loader__).__name__,
    "finder left": any(type(f).__name__ == "_Finder" for f in sys.meta_path),
    "pipeline runs": meetingx.extract("4月18日下午，学校在报告厅召开工作会议。", id="t").date,
}
""",
        {"command line imported": False, "typer imported": False, "spacy.info is meetingx's": True,
         "loader is spaCy's own": "SourceFileLoader", "finder left": False, "pipeline runs": "XXXX-04-18"}),
    "spacy.cli read as an attribute imports it": (
        """
import sys
import meetingx, spacy
download = spacy.cli.download
from spacy.cli import init_config
found = {"download": download.__module__, "init_config": init_config.__module__,
         "command line imported": "spacy.cli" in sys.modules, "other attributes fail": None}
try:
    spacy.no_such_name
except AttributeError as error:
    found["other attributes fail"] = str(error)
""",
        {"download": "spacy.cli.download", "init_config": "spacy.cli.init_config", "command line imported": True,
         "other attributes fail": "module 'spacy' has no attribute 'no_such_name'"}),
    "spacy.info gives spaCy's information": (
        """
import meetingx, spacy
information = spacy.info(silent=True)
found = {"version": information["spacy_version"] == spacy.__version__}
""",
        {"version": True}),
    "spaCy before meetingx: unchanged": (
        """
import sys
import spacy, meetingx
found = {"command line imported": "spacy.cli" in sys.modules,
         "finder installed": any(type(f).__name__ == "_Finder" for f in sys.meta_path)}
""",
        {"command line imported": True, "finder installed": False}),
    "spaCy looked up, not imported: its import later as usual": (
        """
import importlib.util, sys
import meetingx
found_spec = importlib.util.find_spec("spacy") is not None
import spacy
found = {"found": found_spec, "command line imported": "spacy.cli" in sys.modules,
         "spacy.info is spaCy's": spacy.info.__module__ == "spacy.cli.info"}
""",
        {"found": True, "command line imported": True, "spacy.info is spaCy's": True}),
    "stand-ins that do not serve: spaCy imported as usual": (
        """
import sys, types
import meetingx
from meetingx import spacy_import
spacy_import._stand_ins = lambda: {"spacy.cli.info": types.ModuleType("spacy.cli.info")}  # no info in it
import spacy
found = {"command line imported": "spacy.cli" in sys.modules,
         "spacy.info is spaCy's": spacy.info.__module__ == "spacy.cli.info"}
""",
        {"command line imported": True, "spacy.info is spaCy's": True}),
}


@pytest.mark.parametrize("case", CASES)
def test_spacy_import(case: str) -> None:
    script, expected = CASES[case]

    done = subprocess.run([sys.executable, "-c", script + REPORT], capture_output=True, text=True, check=True)

    assert json.loads(done.stdout.splitlines()[-1]) == expected
