"""One real run of ``meetingx serve`` on the loopback: the same record as ``meetingx extract -``,
the limits over a real socket, the docs page, and a clean stop."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import meetingx

REPO = Path(__file__).resolve().parents[2]
SCHOOL_NEWS = (REPO / "examples" / "school-news.txt").read_text(encoding="utf-8")
#: The tree under test, for the processes started here.
ENV = {**os.environ, "PYTHONPATH": str(Path(meetingx.__file__).parents[1])}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, port: int) -> None:
        self.port = port

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "meetingx.cli", "serve", "--port", str(port), "--workers", "1"],
                               env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    served = Server(port)
    try:
        for _ in range(600):  # up to a minute for the workers to load, then give up
            try:
                if served.request("GET", "/readyz")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None:
                pytest.fail(f"meetingx serve exited: {process.stderr.read().decode() if process.stderr else ''}")
            time.sleep(0.1)
        else:
            pytest.fail("meetingx serve did not get ready within a minute")
        yield served
        workers = extraction_workers(process.pid)
        assert workers or not Path("/proc/self").exists(), "no extraction worker found"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    # uvicorn ends by the signal it handled, after the shutdown that stops the workers
    assert process.returncode == -signal.SIGTERM
    assert process.stderr is not None and b"Application shutdown complete" in process.stderr.read()
    assert [pid for pid in workers if running(pid)] == []


def proc_stat(pid: int | str) -> list[str]:
    """The fields of /proc/PID/stat after the command (state, parent, ...); none if it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return []


def extraction_workers(pid: int) -> list[int]:
    """The spawned processes whose parent is ``pid`` (Linux's /proc; none found elsewhere), not
    multiprocessing's resource tracker, which ends by itself once its users are gone."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        stat = proc_stat(entry.name)
        if stat and int(stat[1]) == pid:
            try:
                if b"spawn_main" in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue  # gone meanwhile
    return found


def running(pid: int) -> bool:
    stat = proc_stat(pid)
    return bool(stat) and stat[0] != "Z"


def test_the_record_is_the_one_meetingx_extract_writes(server: Server) -> None:
    cli = subprocess.run([sys.executable, "-m", "meetingx.cli", "extract", "-"], input=SCHOOL_NEWS.encode("utf-8"),
                         capture_output=True, env=ENV, check=True, timeout=120)
    body = json.dumps({"id": "stdin", "text": SCHOOL_NEWS}, ensure_ascii=False).encode("utf-8")

    status, headers, content = server.request("POST", "/v1/extract", body, {"content-type": "application/json"})

    assert (status, headers["content-type"]) == (200, "application/json")
    assert content + b"\n" == cli.stdout


def test_a_6_mb_body_is_413_over_a_socket(server: Server) -> None:
    body = b'{"id": "big", "text": "' + b"x" * 6_000_000 + b'"}'

    status, _, content = server.request("POST", "/v1/extract", body, {"content-type": "application/json"})

    assert status == 413
    assert json.loads(content)["code"] == "too-large"


@pytest.mark.parametrize(("body", "status", "code"), [
    (b'{"id": "a", "text": ', 400, "bad-json"),
    (b'{"id": "a"}', 422, "bad-request"),
])
def test_bad_json_and_a_wrong_shape(server: Server, body: bytes, status: int, code: str) -> None:
    answer, _, content = server.request("POST", "/v1/extract", body, {"content-type": "application/json"})

    assert (answer, json.loads(content)["code"]) == (status, code)


def test_the_openapi_document_and_docs_are_served(server: Server) -> None:
    status, _, content = server.request("GET", "/openapi.json")
    assert status == 200 and json.loads(content)["openapi"].startswith("3.1")

    status, _, page = server.request("GET", "/docs")
    assert status == 200 and b"/static-offline-docs/swagger-ui-bundle.js" in page
    assert server.request("GET", "/static-offline-docs/swagger-ui-bundle.js")[0] == 200
