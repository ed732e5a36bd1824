"""The service in-process over one real extraction worker (started once for the session)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the service extra is not installed (pip install -e '.[service]')")

from fastapi import FastAPI  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from meetingx.service import WorkerPool, create_app  # noqa: E402


@pytest.fixture(scope="session")
def pool() -> Iterator[WorkerPool]:
    pool = WorkerPool(workers=1, timeout=120)
    assert pool.wait_ready(300), "the extraction worker did not load its models"
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def app(pool: WorkerPool) -> FastAPI:
    return create_app(pool)


@pytest.fixture
def client(app: FastAPI) -> TestClient:
    return TestClient(app)
