"""``meetingx cluster``: the summary and exit status of ``extract``, one run per directory, and a
word on how to install Dask where it is missing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from cluster_checks import compose_inputs, shard_outputs
from distributed import Client

from meetingx.cli import main
from meetingx.output import OutputLock


def test_a_run_and_a_rerun_on_a_running_scheduler(cluster_client: Client, tmp_path: Path) -> None:
    specs = compose_inputs(tmp_path / "in")
    command = ["cluster", *specs, "--out-dir", str(tmp_path / "out"), "--shard-size", "4",
               "--scheduler", cluster_client.scheduler.address]

    first = CliRunner().invoke(main, command)
    again = CliRunner().invoke(main, command)
    extract = CliRunner().invoke(main, ["extract", *specs, "-o", str(tmp_path / "extract.jsonl")])

    summary = "18 documents, 10 records, 8 errors, 0 warnings"
    assert (extract.exit_code, extract.stderr.splitlines()[-1]) == (1, summary)
    assert (first.exit_code, first.stdout, first.stderr.splitlines()[-1]) == (1, "", summary)
    assert (again.exit_code, again.stderr.splitlines()[-1]) == (
        1, "18 documents, 10 records (10 already in the output), 8 errors, 0 warnings")
    assert shard_outputs(tmp_path / "out")[0] == (tmp_path / "extract.jsonl").read_bytes()


def test_an_output_directory_another_run_writes_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    lock = OutputLock(tmp_path / "out" / "manifest.json")
    try:
        result = CliRunner().invoke(main, ["cluster", str(tmp_path), "--out-dir", str(tmp_path / "out"),
                                           "--workers", "1", "--timeout", "0"])
    finally:
        lock.release()

    assert result.exit_code == 2
    assert re.search(r"manifest.json is being written by another meetingx run", result.stderr)


@pytest.mark.parametrize(("options", "message"), [
    (["--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"], "--workers sets up a local cluster"),
    (["--publish-date", "2024-02-30"], "expected a date written YYYY-MM-DD"),
    (["--shard-size", "0"], "0 is not in the range x>=1"),
])
def test_usage_errors(tmp_path: Path, options: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["cluster", str(tmp_path), "--out-dir", str(tmp_path / "out"), *options])

    assert result.exit_code == 2
    assert message in result.stderr


def test_without_dask_it_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "meetingx.cluster.run", raising=False)
    monkeypatch.setitem(sys.modules, "distributed", None)

    result = CliRunner().invoke(main, ["cluster", str(tmp_path), "--out-dir", str(tmp_path / "out")])

    assert result.exit_code == 1
    assert "install the cluster extra, pip install 'meetingx[cluster]'" in result.stderr


def test_the_other_commands_do_not_import_dask() -> None:
    code = ("import sys\nfrom click.testing import CliRunner\nfrom meetingx.cli import main\n"
            "CliRunner().invoke(main, ['--help'])\nCliRunner().invoke(main, ['cluster', '--help'])\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] in ('dask', 'distributed')))")

    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

    assert found.strip() == "[]"
