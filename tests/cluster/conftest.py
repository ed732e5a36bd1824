"""A local Dask cluster of two worker processes, shared by the cluster tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

distributed = pytest.importorskip("distributed", reason="meetingx[cluster] is not installed")

import dask  # noqa: E402  (after the skip above)

from meetingx.cluster.run import connect  # noqa: E402


@pytest.fixture(scope="session")
def cluster_client() -> Iterator[distributed.Client]:
    """A client of a local cluster of 2 workers. A task is given up after its worker died twice
    (Dask's default is four times), so that a poison document costs two worker restarts."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), connect(None, 2) as client:
        yield client
