"""``meetingx serve`` without the service extra says what to install."""

from __future__ import annotations

from importlib import metadata

import pytest
from click.testing import CliRunner

from meetingx.cli import main


def test_serve_without_the_service_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = metadata.distribution

    def without_fastapi(name: str) -> metadata.Distribution:
        if name in ("fastapi", "uvicorn"):
            raise metadata.PackageNotFoundError(name)
        return installed(name)

    monkeypatch.setattr(metadata, "distribution", without_fastapi)

    result = CliRunner().invoke(main, ["serve"])

    assert result.exit_code == 1
    assert "meetingx serve needs fastapi, uvicorn: install the service extra, " \
           "pip install 'meetingx[service]'" in result.output


@pytest.mark.parametrize("arguments", [["--workers", "0"], ["--timeout", "0"], ["--port", "70000"]])
def test_serve_refuses_bad_options(arguments: list[str]) -> None:
    result = CliRunner().invoke(main, ["serve", *arguments])

    assert result.exit_code == 2
